"""The portal spider: which pages to fetch, nothing else.

It starts at the home page, follows every link on the start URL's host (menus,
list pages, "Các tin khác") and the ASP.NET ``__doPostBack`` pager posts, and
hands each page to the parsers. What a page is (article, list, text page) is
decided by what it holds, not by its URL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import FormRequest, HtmlResponse, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.parsers import site
from scraper.parsers.links import Postback
from scraper.parsers.page import now_utc, parse_page
from scraper.parsers.urls import canonical_url


def postback_key(here: str, postback: Postback, shown: int) -> tuple[Any, ...]:
    """What a pager post leads to, so that each list page is posted for once.

    A numbered link ("3") names its page whatever page it sits on; "next" or
    "Trang sau" depends on the page it sits on, known by the links it shows.
    """
    if postback.text.isdigit():
        return (here, "page", int(postback.text))
    return (here, postback.target, postback.argument, shown)


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, start_url: str = site.DEFAULT_START_URL, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parts = urlsplit(start_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"start_url must be an http(s) URL, not {start_url!r}")
        self.start_url = start_url
        self.allowed_domains = [parts.hostname]
        self.postbacks_seen: set[tuple[Any, ...]] = set()
        self.visitors_taken = False

    async def start(self) -> AsyncIterator[Request]:
        if not self.settings.get("ARCHIVER_CONTACT"):
            self.logger.warning("ARCHIVER_CONTACT is not set: the User-Agent names no way to reach you")
        yield Request(self.start_url, callback=self.parse, errback=self.failed, meta={"start": True})

    def failed(self, failure: Failure) -> None:
        """One line per page that could not be fetched; the crawl goes on."""
        request = failure.request
        if failure.check(HttpError):
            status = failure.value.response.status
            self.crawler.stats.inc_value(f"errors/http_{status}")
            self.logger.warning("HTTP %s for %s", status, request.url)
            return
        name = type(failure.value).__name__
        self.crawler.stats.inc_value(f"errors/{name}")
        self.logger.error("Could not fetch %s: %s: %s", request.url, name, failure.value)

    def parse(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, HtmlResponse):
            self.logger.info("Not a page, not parsed: %s (%s)", response.url, response.headers.get("Content-Type"))
            return
        parsed = parse_page(response.text, response.url, fetched_at=now_utc())
        self.crawler.stats.inc_value(f"pages/{parsed.kind}")
        if response.meta.get("start") and not self.visitors_taken:
            self.visitors_taken = True
            yield parsed.visitors
        if parsed.article is not None:
            yield parsed.article
        elif parsed.page is not None:
            yield parsed.page
        elif parsed.kind == "missing":
            self.logger.warning("Article no longer exists (Tin không tồn tại): %s", response.url)
        yield from self.follow(response, parsed.links.pages, parsed.links.postbacks)

    def follow(self, response: Response, pages: list[str], postbacks: list[Postback]) -> Iterator[Request]:
        for url in pages:
            yield Request(url, callback=self.parse, errback=self.failed)
        here = canonical_url(response.url)
        shown = hash(tuple(pages))
        for postback in postbacks:
            key = postback_key(here, postback, shown)
            if key in self.postbacks_seen:
                continue
            self.postbacks_seen.add(key)
            try:
                yield FormRequest.from_response(
                    response,
                    formdata={"__EVENTTARGET": postback.target, "__EVENTARGUMENT": postback.argument},
                    dont_click=True,
                    callback=self.parse,
                    errback=self.failed,
                    meta={"postback": key},
                )
            except ValueError:
                self.logger.debug("No form to post back on %s", response.url)
