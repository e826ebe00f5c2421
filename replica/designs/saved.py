"""Copies a reader saved with the browser's "Save page as".

``SavedComplete`` is Chrome's "Webpage, Complete": the ``<!-- saved from url=(0078)… -->``
comment on the first line, links made absolute, images, scripts and stylesheets saved next to
the page under ``./Bai viet_files/`` (only each file's own name kept), read from
``file:///home/lhh/Downloads/Bai viet.html``; its truth's images are those local files.
``SavedWithBase`` is an "HTML only" copy that keeps the page's relative links and adds
``<base href>`` naming the portal, so its images are the portal's.
"""

from __future__ import annotations

import re

from replica.designs.copies import Copy, rewrite_urls
from replica.designs.truth import LIVE, Page

DOWNLOADS = "file:///home/lhh/Downloads/"
FOLDER = "Bai viet_files"


def saved_from(url: str) -> str:
    """The "mark of the web" a browser writes at the top of a saved page: the URL and its length."""
    return f"<!-- saved from url=({len(url):04d}){url} -->\n"


class SavedComplete(Copy):
    """Chrome's "Webpage, Complete" copy of ``base``'s pages."""

    def address(self, page: Page) -> str:
        return f"{DOWNLOADS}Bai%20viet.html"

    def image_base(self, page: Page) -> str:
        return f"{DOWNLOADS}Bai%20viet_files/"

    def rewrite(self, html: str, page: Page) -> str:
        def saved(tag: str, _attribute: str, url: str) -> str:
            if tag in ("img", "script", "stylesheet"):
                name = url.split("?", 1)[0].rsplit("/", 1)[-1]
                return f"./{FOLDER}/{name}{'.download' if tag == 'script' else ''}"
            return url

        html = re.sub(r"<!DOCTYPE[^>]*>\s*", "", html, count=1, flags=re.IGNORECASE)
        html = rewrite_urls(html, self.original(page), saved)
        return "<!DOCTYPE html>\n" + saved_from(self.original(page)) + html


class SavedWithBase(Copy):
    """An "HTML only" copy of ``base``'s pages with ``<base href>`` naming the portal."""

    def address(self, page: Page) -> str:
        return f"{DOWNLOADS}Default.aspx.html"

    def rewrite(self, html: str, page: Page) -> str:
        html = re.sub(r"(<head\b[^>]*>)", lambda m: f'{m[1]}\n<base href="{LIVE}">', html, count=1, flags=re.IGNORECASE)
        return saved_from(self.original(page)) + html
