"""Where a page leads: links to follow and ``__doPostBack`` pager posts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    """
    found = Links()
    for a in doc.root.iter("a", "area"):
        href = (a.get("href") or "").strip()
        postback = POSTBACK.search(href) or POSTBACK.search(a.get("onclick") or "")
        if postback:
            pair = Postback(postback.group(1), postback.group(2), " ".join(a.text_content().split()))
            is_pager = site.PAGER_TEXT.match(pair.text) or site.PAGER_ARGUMENT.match(pair.argument)
            if is_pager and pair.bad_number:
                found.bad_numbers.append(href or a.get("onclick") or "")
            elif is_pager and pair not in found.postbacks:
                found.postbacks.append(pair)
            continue
        url = absolute(href, doc.base_url) if href and not href.startswith("#") else None
        if url is None:
            continue
        if has_bad_number(url):
            found.bad_numbers.append(url)
            continue
        path = urlsplit(url).path
        if site.ATTACHMENT_EXT.search(path):
            target = found.attachments
        elif site.NON_PAGE_EXT.search(path):
            continue
        else:
            url, target = canonical_url(url), found.pages
        if url not in target:
            target.append(url)
    return found
