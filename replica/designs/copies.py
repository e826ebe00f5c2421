"""What copies of a page share: another layout's page, its addresses rewritten, its truth kept.

A web archive or a browser's "Save page as" does not change what a page says, only where
it is read from and how its links and images are written; so a copy's truth is its base
layout's, with the copy's own image addresses and the time it was captured.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from replica.designs.truth import LIVE, Page, expected

TAG = re.compile(r"<([A-Za-z][\w-]*)\b([^>]*)>")
URL_ATTRIBUTE = re.compile(r'\b(href|src|action)="([^"]*)"')
KEEP = ("#", "javascript:", "mailto:", "data:")


def rewrite_urls(html: str, page_address: str, new: Callable[[str, str, str], str]) -> str:
    """Each ``href``/``src``/``action`` of each tag replaced by ``new(tag, attribute, absolute_url)``
    (``tag`` is "stylesheet" for a stylesheet's ``<link>``); fragments, ``javascript:``,
    ``mailto:`` and ``data:`` addresses are left as they are."""

    def attribute(tag: str) -> Callable[[re.Match[str]], str]:
        def one(match: re.Match[str]) -> str:
            name, value = match[1], match[2]
            if value.startswith(KEEP):
                return match[0]
            return f'{name}="{new(tag, name, urljoin(page_address, value))}"'

        return one

    def tag(match: re.Match[str]) -> str:
        name = match[1].lower()
        if name == "link" and "stylesheet" in match[2]:
            name = "stylesheet"
        return f"<{match[1]}{URL_ATTRIBUTE.sub(attribute(name), match[2])}>"

    return TAG.sub(tag, html)


def utc_stamp(moment: datetime) -> str:
    """A capture time as the Wayback Machine writes it in its URLs: YYYYMMDDhhmmss, UTC."""
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


class Copy:
    """A copy of every page of a base layout; subclasses say how a page is rewritten."""

    CONTENT_TYPE = "text/html; charset=utf-8"

    def __init__(self, base_name: str, base: Any, captured: datetime | None) -> None:
        self.base_name, self.base, self.captured = base_name, base, captured
        self.PAGES: tuple[Page, ...] = base.PAGES

    def original(self, page: Page) -> str:
        return str(self.base.address(page))

    def address(self, page: Page) -> str:
        raise NotImplementedError

    def rewrite(self, html: str, page: Page) -> str:
        raise NotImplementedError

    def image_base(self, page: Page) -> str:
        """What the body's image paths are resolved against in the truth."""
        return LIVE

    def render(self, page: Page) -> bytes:
        return self.rewrite(self.base.render(page).decode("utf-8"), page).encode("utf-8")

    def truth(self, page: Page) -> dict[str, Any]:
        record = expected(self.base_name, page, self.image_base(page))
        record["captured_at"] = self.captured.astimezone(UTC).isoformat() if self.captured else None
        return record
