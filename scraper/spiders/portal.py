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
from scrapy.exceptions import IgnoreRequest
from scrapy.http import FormRequest, HtmlResponse, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.parsers import site
from scraper.parsers.links import Postback
from scraper.parsers.page import now_utc, parse_page
from scraper.parsers.urls import canonical_url, split_paging


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, start_url: str = site.DEFAULT_START_URL, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parts = urlsplit(start_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"start_url must be an http(s) URL, not {start_url!r}")
        self.start_url = start_url
        self.allowed_domains = [parts.hostname]
        # Each list page is asked for once, by link or by postback, whichever comes first.
        self.list_pages_seen: set[tuple[Any, ...]] = set()
        self.visitors_taken = False

    async def start(self) -> AsyncIterator[Request]:
        if not self.settings.get("ARCHIVER_CONTACT"):
            self.logger.warning("ARCHIVER_CONTACT is not set: the User-Agent names no way to reach you")
        yield Request(self.start_url, callback=self.parse, errback=self.failed, meta={"start": True})

    def failed(self, failure: Failure) -> None:
        """One line per page that could not be fetched; the crawl goes on."""
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            self.crawler.stats.inc_value("skipped/ignored")
            self.logger.debug("Not fetched (robots.txt or a filter): %s", request.url)
            return
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
        fetched_at = response.meta.get("fetched_at") or now_utc()
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        parsed = parse_page(response.body, response.url, fetched_at, content_type)
        self.crawler.stats.inc_value(f"pages/{parsed.kind}")
        if response.meta.get("start") and not self.visitors_taken:
            self.visitors_taken = True
            yield parsed.visitors
        if parsed.article is not None:
            yield parsed.article
        elif parsed.page is not None:
            yield parsed.page
        elif parsed.kind == "list":
            base, page = split_paging(parsed.url)
            self.list_pages_seen.add(response.meta.get("list_page") or (base, page or 1))
        elif parsed.kind == "missing":
            self.logger.warning("Article no longer exists (Tin không tồn tại): %s", response.url)
        yield from self.follow(response, parsed.links.pages, parsed.links.postbacks)

    def first_time(self, key: tuple[Any, ...]) -> bool:
        if key in self.list_pages_seen:
            return False
        self.list_pages_seen.add(key)
        return True

    def follow(self, response: Response, pages: list[str], postbacks: list[Postback]) -> Iterator[Request]:
        """Requests for the links and pager posts of a page.

        A numbered pager post ("3", "Page$3") and a ``&Page=3`` link name the same
        list page; "next" names the page after the one it sits on, known by the
        links that page shows.
        """
        for url in pages:
            base, page = split_paging(url)
            key = (base, page)
            if page is None:
                yield Request(url, callback=self.parse, errback=self.failed)
            elif self.first_time(key):
                yield Request(url, callback=self.parse, errback=self.failed, meta={"list_page": key})
        here, _ = split_paging(canonical_url(response.url))
        shown = hash(tuple(pages))
        for postback in postbacks:
            page = postback.page
            key = (here, page) if page else (here, postback.target, postback.argument, shown)
            if not self.first_time(key):
                continue
            try:
                yield FormRequest.from_response(
                    response,
                    formdata={"__EVENTTARGET": postback.target, "__EVENTARGUMENT": postback.argument},
                    dont_click=True,
                    callback=self.parse,
                    errback=self.failed,
                    meta={"list_page": key},
                )
            except ValueError:
                self.logger.debug("No form to post back on %s", response.url)
