"""Where a page leads: links to follow and ``__doPostBack`` pager posts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from scraper.parsers import site
from scraper.parsers.document import Document
from scraper.parsers.urls import absolute, canonical_url, has_bad_number, looks_like_number, number

POSTBACK = re.compile(r"__doPostBack\(\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]\s*\)")


@dataclass(frozen=True)
class Postback:
    """A ``__doPostBack(target, argument)`` link and the text it shows ("2", "Trang sau")."""

    target: str
    argument: str
    text: str

    @property
    def page(self) -> int | None:
        """The list page it leads to, when it names one ("3", or the argument "Page$3")."""
        if self.text.isdigit():
            return number(self.text)
        if site.PAGER_ARGUMENT.match(self.argument):
            return number(self.argument.rsplit("$", 1)[-1])
        return None

    @property
    def bad_number(self) -> bool:
        """Whether it names its page in digits that are no number ("²", "٣", 5,000 digits)."""
        return looks_like_number(self.text) or (
            bool(site.PAGER_ARGUMENT.match(self.argument)) and looks_like_number(self.argument.rsplit("$", 1)[-1])
        )


@dataclass
class Links:
    pages: list[str] = field(default_factory=list)
    postbacks: list[Postback] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    # Links skipped because a number in them is no number: a broken link, not a page.
    bad_numbers: list[str] = field(default_factory=list)


def discover(doc: Document) -> Links:
    """Canonical page URLs, pager postbacks and file links, each listed once.

    Only postbacks that page a list are kept: a search button or a login link
    posts nothing worth archiving.

    ``mailto:``, ``tel:`` and other ``javascript:`` links lead nowhere to fetch. A link
    whose id or page number is written in digits that are no number is listed in
    ``bad_numbers`` instead: guessing what it meant would fetch a page it does not name.

    A pager that shows every page number of a 700-page list repeats those links on each
    of its pages: they are deduplicated in sets, as a scan of the lists made that
    quadratic (a quarter of a 10,000-article crawl's time).
    """
    found = Links()
    listed: set[Postback | tuple[str, str]] = set()
    for a in doc.root.iter("a", "area"):
        href = (a.get("href") or "").strip()
        postback = POSTBACK.search(href) or POSTBACK.search(a.get("onclick") or "")
        if postback:
            pair = Postback(postback.group(1), postback.group(2), " ".join(a.text_content().split()))
            is_pager = site.PAGER_TEXT.match(pair.text) or site.PAGER_ARGUMENT.match(pair.argument)
            if is_pager and pair.bad_number:
                found.bad_numbers.append(href or a.get("onclick") or "")
            elif is_pager and pair not in listed:
                listed.add(pair)
                found.postbacks.append(pair)
            continue
        kind, url = _link(href, _base_for(href, doc.base_url))
        if kind == "bad":
            found.bad_numbers.append(url)
        elif kind and (kind, url) not in listed:
            listed.add((kind, url))
            (found.attachments if kind == "attachment" else found.pages).append(url)
    return found


def _base_for(href: str, base: str) -> str:
    """The part of ``base`` that resolving ``href`` reads: only its origin for a "/path" link.

    Pager and menu links are such links, the same on every page: keyed so, they are
    resolved once per run, not once per page.
    """
    if href.startswith("/") and not href.startswith("//"):
        return "/".join(base.split("/", 3)[:3]) + "/"
    return base


@lru_cache(maxsize=8192)
def _link(href: str, base: str) -> tuple[str | None, str]:
    """What a link is ("page", "attachment", "bad" for a broken number, None to skip) and its URL."""
    url = absolute(href, base) if href and not href.startswith("#") else None
    if url is None:
        return None, ""
    if has_bad_number(url):
        return "bad", url
    path = urlsplit(url).path
    if site.ATTACHMENT_EXT.search(path):
        return "attachment", url
    if site.NON_PAGE_EXT.search(path):
        return None, ""
    return "page", canonical_url(url)
