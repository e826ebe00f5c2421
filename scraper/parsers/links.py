"""Where a page leads: links to follow and ``__doPostBack`` pager posts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
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

    @cached_property
    def page(self) -> int | None:
        """The list page it leads to, when it names one ("3", or the argument "Page$3").

        Kept once read: the same post object comes back on every page of its list (``_postback``)."""
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
    base, origin = doc.base_url, _origin(doc.base_url)
    for a in doc.root.iter("a", "area"):
        href = (a.get("href") or "").strip()
        onclick = a.get("onclick")
        if "__doPostBack" in href or (onclick and "__doPostBack" in onclick):
            text = a.text_content() if len(a) else a.text or ""  # a link of text alone needs no XPath
            posted = _postback(href, onclick or "", text)
            if posted is not None:
                kind, postback = posted
                if kind == "bad":
                    found.bad_numbers.append(href or onclick or "")
                elif kind and postback not in listed:
                    listed.add(postback)
                    found.postbacks.append(postback)
                continue
        # Pager and menu links are "/path" links, the same on every page: keyed by the page's origin,
        # not its URL, they are resolved once per run, not once per page.
        kind, url = _link(href, origin if href.startswith("/") and not href.startswith("//") else base)
        if kind == "bad":
            found.bad_numbers.append(url)
        elif kind and (kind, url) not in listed:
            listed.add((kind, url))
            (found.attachments if kind == "attachment" else found.pages).append(url)
    return found


@lru_cache(maxsize=8192)
def _postback(href: str, onclick: str, text: str) -> tuple[str | None, Postback | None] | None:
    """A postback link's kind ("postback" for one that pages a list, "bad" for a broken number, None
    for one that posts nothing worth archiving) and the post; None when it is no ``__doPostBack``
    call after all. A pager's links repeat on each of its pages: each is read once per run."""
    found = POSTBACK.search(href) or POSTBACK.search(onclick)
    if not found:
        return None
    postback = Postback(found.group(1), found.group(2), " ".join(text.split()))
    if not (site.PAGER_TEXT.match(postback.text) or site.PAGER_ARGUMENT.match(postback.argument)):
        return None, None
    return ("bad", None) if postback.bad_number else ("postback", postback)


def _origin(url: str) -> str:
    """What resolving a "/path" link reads of the page's address: its scheme and host."""
    return "/".join(url.split("/", 3)[:3]) + "/"


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
