"""The portal spider: which pages to fetch, nothing else.

It starts at the home page, follows every link on the start URL's host (menus,
list pages, "Các tin khác") and the ASP.NET ``__doPostBack`` pager posts, and
hands each page to the parsers. What a page is (article, list, text page) is
decided by what it holds, not by its URL. On an archive that already holds pages,
``scraper.revisit`` decides which known pages are worth fetching again.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.faults import fault_kind
from scraper.items import Removal
from scraper.origin import on_loopback
from scraper.parsers import site
from scraper.parsers.links import Links
from scraper.parsers.page import ParsedPage, now_utc, parse_page
from scraper.parsers.urls import canonical_article_url, canonical_url, split_paging
from scraper.revisit import RevisitPolicy
from scraper.runs import holds_lock
from scraper.scheduler import DISK_QUEUE_SCHEDULER
from scraper.spiders.postbacks import PagerForm
from scraper.state import StateStore

# Answers the spider wants to see itself: unchanged, and gone.
REVISIT_STATUSES = [304, 404, 410]


# How many links requested last are remembered (bounded: a run's memory must not grow with the site).
RECENT_URLS = 4096

# A list page's pager links repeat on every page of its list: each is split once per run.
_paging = lru_cache(maxsize=8192)(split_paging)


def _flag(value: str | bool) -> bool:
    return str(value).lower() in ("1", "true", "yes")


class PortalSpider(scrapy.Spider):
    name = "portal"
    custom_settings: ClassVar[dict[str, Any]] = {"SCHEDULER": DISK_QUEUE_SCHEDULER}

    def __init__(
        self, start_url: str = site.DEFAULT_START_URL, full: str = "0", refresh: str = "0", *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        parts = urlsplit(start_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"start_url must be an http(s) URL, not {start_url!r}")
        self.start_url = start_url
        self.allowed_domains = [parts.hostname]
        self.full, self.refresh = _flag(full), _flag(refresh)
        # Each list page is asked for once, by link or by postback, whichever comes first. The set
        # grows with the list pages asked (a key for 5 articles; about 1 MB at 30,000 articles, and
        # only the lists' first pages in an incremental run): kept in memory, as a pager naming
        # every page makes a lookup per page number on every list page.
        self.list_pages_seen: set[tuple[Any, ...]] = set()
        # Links met again and again (menus, "Các tin khác") skip the state and the dupefilter while recent.
        self.requested: OrderedDict[str, None] = OrderedDict()
        self.list_pages_asked: Counter[str] = Counter()
        self.lists_cut: set[str] = set()
        self.visitors_taken = False
        self.store: StateStore | None = None
        self.revisit: RevisitPolicy | None = None

    async def start(self) -> AsyncIterator[Request]:
        if not self.settings.get("ARCHIVER_CONTACT") and not on_loopback(self.start_url):
            self.logger.warning("ARCHIVER_CONTACT is not set: the User-Agent names no way to reach you")
        archive = Path(self.settings.get("ARCHIVE_DIR", "output"))
        if not holds_lock(archive):
            self.logger.error("The portal spider crawls only under `scrapy crawl`, which holds the archive's lock")
            return
        self.store = StateStore(archive / "state.sqlite")
        if self.store.holds("article"):
            self.crawler.stats.set_value("revisit/archive_has_articles", 1)
        max_age = timedelta(days=self.settings.getfloat("ARCHIVE_REVISIT_DAYS", 7))
        self.revisit = RevisitPolicy(self.store, max_age, full=self.full, refresh=self.refresh)
        self.max_list_pages = self.settings.getint("ARCHIVE_MAX_LIST_PAGES", 1000)
        yield Request(self.start_url, callback=self.parse, errback=self.failed, meta={"start": True})
        for url in self.revisit.due():
            yield self.page_request(url)

    def closed(self, reason: str) -> None:
        if self.store is not None:
            self.store.close()

    def failed(self, failure: Failure) -> None:
        """One line per page that could not be fetched; the crawl goes on."""
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            # Scrapy's HttpCompressionMiddleware drops a decompression bomb with an IgnoreRequest
            # too, saying so: that answer is an error, not a filtered request.
            if "exceeded DOWNLOAD_MAXSIZE" in str(failure.value):
                self.crawler.stats.inc_value("errors/too-large")
                self.logger.error("Could not fetch %s: too-large: %s", request.url, failure.value)
                return
            self.crawler.stats.inc_value("skipped/ignored")
            self.logger.debug("Not fetched (robots.txt or a filter): %s", request.url)
            return
        if failure.check(HttpError):
            status = failure.value.response.status
            self.outcome(f"http_{status}")
            self.crawler.stats.inc_value(f"errors/http_{status}")
            self.logger.warning("HTTP %s for %s", status, request.url)
            return
        kind = fault_kind(failure.value)
        self.outcome(kind)
        self.crawler.stats.inc_value(f"errors/{kind}")
        self.logger.error("Could not fetch %s: %s: %s", request.url, kind, failure.value)

    def outcome(self, result: str) -> None:
        """Count a request's final result once (Scrapy's downloader stats count every attempt)."""
        self.crawler.stats.inc_value(f"outcomes/{result}")

    def parse(self, response: Response) -> Iterator[Any]:
        fetched_at = response.meta.get("fetched_at") or now_utc()
        if response.status in REVISIT_STATUSES:
            self.outcome(f"http_{response.status}")
            yield from self.revisited(response, fetched_at)
            return
        if not isinstance(response, HtmlResponse) or not response.body.strip():
            kind = "empty-page" if not response.body.strip() else "not-html"
            self.outcome(kind)
            self.crawler.stats.inc_value(f"errors/{kind}")
            self.logger.warning("%s, not parsed: %s (%s)", kind, response.url, response.headers.get("Content-Type"))
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        try:
            parsed = parse_page(response.body, response.url, fetched_at, content_type)
        except Exception as exc:  # a page no parser rule foresaw: record it, keep crawling
            self.outcome("parse-error")
            self.crawler.stats.inc_value("errors/parse-error")
            name = type(exc).__name__
            self.logger.error("parse-error on %s: %s: %s (the page is kept in the WARC files)", response.url, name, exc)
            return
        self.outcome(f"http_{response.status}")
        self.crawler.stats.inc_value(f"pages/{parsed.kind}")
        if parsed.kind == "article" or any(canonical_article_url(url) for url in parsed.links.pages):
            self.crawler.stats.inc_value("revisit/pages_showing_articles")
        if parsed.too_deep:
            self.crawler.stats.inc_value("errors/markup-too-deep")
            self.logger.warning("markup-too-deep on %s: the page is cut where it nests past 2048 levels", response.url)
        if not self.turned_other(parsed):
            yield from self.records(response, parsed, fetched_at)
        # The page's tree and lines are freed before its requests are yielded: Scrapy takes them
        # one by one, among other pages' (2,000 on a long list's first page, 4-5 MB of tree each).
        links, parsed.doc = parsed.links, None
        yield from self.follow(response, links)

    def records(self, response: Response, parsed: ParsedPage, fetched_at: str) -> Iterator[Any]:
        """What a page gives the archive: its record, or its mark in the state (list page, removal)."""
        self.keep_validators(response, parsed.url)
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
            self.store.seen(parsed.url, fetched_at, status=response.status, kind="list")
        elif parsed.kind == "missing":
            yield from self.gone(parsed.url, fetched_at, "tin-khong-ton-tai")

    def known_article(self, url: str) -> bool:
        """Whether ``url`` is an archived article; each one fetched is counted, to judge the run by."""
        seen = self.store.get(url)
        if seen is None or seen.kind != "article":
            return False
        self.crawler.stats.inc_value("revisit/known_articles")
        return True

    def turned_other(self, parsed: ParsedPage) -> bool:
        """A known article that now answers with another kind of page (a maintenance notice, a list).

        That is a change to record, never a relabel: the URL stays an article in the state,
        with its record and validators, so a later 404 still marks it removed.
        """
        if not self.known_article(parsed.url) or parsed.kind in ("article", "missing"):
            return False
        self.crawler.stats.inc_value("revisit/articles_turned_other")
        self.logger.warning(
            "Known article %s now answers with a %s page: not archived, kept as an article", parsed.url, parsed.kind
        )
        return True

    def revisited(self, response: Response, fetched_at: str) -> Iterator[Removal]:
        """A 304 confirms a known page unchanged; a 404 or 410 marks a known article removed."""
        url = canonical_url(response.url)
        self.known_article(url)
        if response.status == 304:
            self.crawler.stats.inc_value("revisit/not_modified")
            self.store.seen(url, fetched_at, status=304)
            return
        self.crawler.stats.inc_value(f"errors/http_{response.status}")
        self.logger.warning("HTTP %s for %s", response.status, response.url)
        yield from self.gone(url, fetched_at, f"http-{response.status}")

    def gone(self, url: str, fetched_at: str, reason: str) -> Iterator[Removal]:
        seen = self.store.get(url)
        if seen is not None and seen.kind == "article":
            self.crawler.stats.inc_value("revisit/removed")
            yield Removal(url=url, removed_at=fetched_at, reason=reason)
        else:
            self.logger.warning("No article at %s (%s)", url, reason)

    def keep_validators(self, response: Response, url: str) -> None:
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if etag or modified:
            self.store.validators(url, etag and etag.decode("latin-1"), modified and modified.decode("latin-1"))

    def page_request(self, url: str, **meta: Any) -> Request:
        """A GET for a page; a known one carries the server's validators and handles 304/404 itself."""
        headers = self.revisit.conditional_headers(url)
        if headers or self.store.known(url):
            meta["handle_httpstatus_list"] = REVISIT_STATUSES
        return Request(url, callback=self.parse, errback=self.failed, headers=headers, meta=meta)

    def first_time(self, key: tuple[Any, ...]) -> bool:
        if key in self.list_pages_seen:
            return False
        self.list_pages_seen.add(key)
        return True

    def remember_requested(self, url: str) -> None:
        """Keep the last ``RECENT_URLS`` links requested: asking for one again would only meet the dupefilter."""
        self.requested[url] = None
        if len(self.requested) > RECENT_URLS:
            self.requested.popitem(last=False)

    def follow(self, response: Response, links: Links) -> Iterator[Request]:
        """Requests for the links and pager posts of a page.

        A numbered pager post ("3", "Page$3") and a ``&Page=3`` link name the same
        list page; "next" names the page after the one it sits on, known by the
        links that page shows. Pages of a list do not add to the depth (their own
        limit is ``ARCHIVE_MAX_LIST_PAGES`` per list, "next" posts included), nor do
        articles: "Các tin khác" chains articles as deep as the archive is old.
        """
        self.count_bad_numbers(response, links.bad_numbers)
        pages, postbacks = links.pages, links.postbacks
        deeper = self.revisit.follow_deeper([u for u in pages if canonical_article_url(u)])
        for url in pages:
            base, page = _paging(url)
            if page is None:
                if url in self.requested:
                    self.requested.move_to_end(url)
                elif self.revisit.skip(url):
                    if not self.revisit.fetched_this_run(url):
                        self.crawler.stats.inc_value("revisit/skipped_fresh")
                else:
                    self.remember_requested(url)
                    yield self.page_request(url, depth_reset=bool(canonical_article_url(url)))
            elif page > 1 and not deeper:
                self.crawler.stats.inc_value("revisit/skipped_list_pages")
            elif self.first_time((base, page)) and self.within_list_limit(base, page):
                yield self.page_request(url, list_page=(base, page), depth_reset=True)
        here, _ = split_paging(canonical_url(response.url))
        shown = hash(tuple(pages))
        form = PagerForm(response)
        for postback in postbacks:
            page = postback.page
            key = (here, page) if page else (here, postback.target, postback.argument, shown)
            if not deeper and page != 1:
                self.crawler.stats.inc_value("revisit/skipped_list_pages")
                continue
            if not self.first_time(key) or not self.within_list_limit(here, page):
                continue
            try:
                posted = form.post(postback.target, postback.argument)
            except (ValueError, NotImplementedError) as exc:
                self.logger.debug("No post back on %s: %s", response.url, exc)
                continue
            meta = {"list_page": key, "depth_reset": True}
            yield posted.to_scrapy(callback=self.parse, errback=self.failed, meta=meta)

    def within_list_limit(self, base: str, page: int | None) -> bool:
        """Whether one more page of the list at ``base`` (page ``page``, None for "next") may be asked for."""
        if (page or 0) <= self.max_list_pages and self.list_pages_asked[base] < self.max_list_pages:
            self.list_pages_asked[base] += 1
            return True
        self.crawler.stats.inc_value("limits/list_pages")
        if base not in self.lists_cut:
            self.lists_cut.add(base)
            limit = self.max_list_pages
            self.logger.warning("List longer than ARCHIVE_MAX_LIST_PAGES=%d, not followed further: %s", limit, base)
        return False

    def count_bad_numbers(self, response: Response, bad: list[str]) -> None:
        """A link whose id or page is no number is broken: skipped, counted, logged once per page."""
        if bad:
            self.crawler.stats.inc_value("links/skipped_bad_number", len(bad))
            self.logger.warning(
                "%d links with a number that is no number skipped on %s: %s", len(bad), response.url, bad[0][:200]
            )
