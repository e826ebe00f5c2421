"""The history spider: every web-archive capture of the portal, imported into the same archive.

It lists the captures of the portal's host with a CDX server (the Wayback Machine's, or a
pywb collection's) or reads a Memento TimeMap, then fetches each capture raw (``id_``)
from the replay server, oldest first, one at a time, and hands it to the same parsers
and pipelines as the live crawl. Records say where they came from (``fetched_from``,
``captured_at``, ``capture_url``); the archive pipeline puts each capture's content in
the article's history by its capture time. A capture imported once, or one whose bytes
(digest) were already imported for the same page, is never fetched again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

import scrapy
from scrapy.http import HtmlResponse, Request, Response
from twisted.python.failure import Failure

from scraper.captures import (
    CDX_FIELDS,
    Capture,
    ListingError,
    parse_cdx,
    parse_timemap,
    portal_url,
    raw_url,
    replay_beside,
)
from scraper.faults import fault_kind
from scraper.items import Removal
from scraper.origin import on_loopback
from scraper.parsers import site
from scraper.parsers.page import ParsedPage, now_utc, parse_page
from scraper.parsers.urls import canonical_article_url, cms_id
from scraper.runs import holds_lock
from scraper.scheduler import DISK_QUEUE_SCHEDULER
from scraper.state import StateStore

WAYBACK_CDX = "https://web.archive.org/cdx/search/cdx"
# A replay address: /<timestamp><flag>/<original>, the original's "//" sometimes squeezed to "/".
REPLAY_PATH = re.compile(r"/\d{4,14}(?:[a-z]{2}_)?/(?P<original>https?:/.*)$")
WEB_ARCHIVE = "web-archive"


def _date_bound(value: str, name: str) -> str:
    digits = value.strip()
    if digits and not (digits.isdigit() and 4 <= len(digits) <= 14):
        raise ValueError(f"-a {name}= takes a date as YYYY, YYYYMM, YYYYMMDD or longer, not {value!r}")
    return digits


class HistorySpider(scrapy.Spider):
    name = "history"
    # Polite to a shared public archive: one request at a time, several seconds apart.
    custom_settings: ClassVar[dict[str, Any]] = {
        "CONCURRENT_REQUESTS": 1,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": 5.0,
        "AUTOTHROTTLE_START_DELAY": 5.0,
        "SCHEDULER": DISK_QUEUE_SCHEDULER,
    }

    def __init__(
        self,
        cdx: str = WAYBACK_CDX,
        replay: str = "",
        host: str = "",
        timemap: str = "",
        site_url: str = site.DEFAULT_START_URL,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        self.date_from = _date_bound(kwargs.pop("from", ""), "from")
        self.date_to = _date_bound(kwargs.pop("to", ""), "to")
        super().__init__(*args, **kwargs)
        for name, url in (("cdx", cdx), ("replay", replay), ("timemap", timemap), ("site_url", site_url)):
            if url and (urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname):
                raise ValueError(f"-a {name}= must be an http(s) URL, not {url!r}")
        replay = replay or replay_beside(cdx)
        self.cdx, self.replay, self.timemap, self.site_url = cdx, replay, timemap, site_url
        # A host given without a scheme or with one ("https://old.example/"): its name either way.
        self.host = (urlsplit(host).hostname if "//" in host else host.strip("/")) or urlsplit(site_url).hostname or ""
        self.start_url = timemap or cdx  # what the run report names as the run's start
        self.allowed_origins = [url for url in (cdx, replay, timemap) if url]
        self.listed: list[Capture] = []
        self.resume_keys: set[str] = set()
        self.timemaps_waiting: list[str] = []
        self.timemaps_seen: set[str] = {timemap}
        self.pages_asked = 0
        self.unlimited = False
        self.coverage: dict[str, Any] = {}
        self.counts: Counter[str] = Counter()
        self.handled: list[tuple[str, str, str, str, int | None, str]] = []
        self.linked: set[int] = set()
        self.captured_ids: set[int] = set()  # every article id the listing names, whatever became of it
        self.store: StateStore | None = None

    async def start(self) -> AsyncIterator[Request]:
        archive = Path(self.settings.get("ARCHIVE_DIR", "output"))
        if not holds_lock(archive):
            self.logger.error("The history spider imports only under `scrapy crawl`, which holds the archive's lock")
            return
        if not self.settings.get("ARCHIVER_CONTACT") and not on_loopback(self.start_url):
            self.logger.warning("ARCHIVER_CONTACT is not set: the User-Agent names no way to reach you")
        self.store = StateStore(archive / "state.sqlite")
        self.page_size = self.settings.getint("ARCHIVE_CDX_PAGE_SIZE", 5000)
        if self.timemap:
            self.pages_asked += 1
            yield Request(self.timemap, callback=self.parse_timemap, errback=self.listing_failed)
        else:
            yield self.listing_request()

    # --- listing ---------------------------------------------------------------------------

    def listing_request(self, resume: str | None = None) -> Request:
        query = {"url": f"{self.host}/*", "output": "json"}
        if not self.unlimited:
            query |= {"fl": ",".join(CDX_FIELDS), "limit": str(self.page_size), "showResumeKey": "true"}
        query |= {name: value for name, value in (("from", self.date_from), ("to", self.date_to)) if value}
        if resume:
            query["resumeKey"] = resume
        self.pages_asked += 1
        url = f"{self.cdx}?{urlencode(query)}"
        return Request(url, callback=self.parse_listing, errback=self.listing_failed, dont_filter=True)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        self.outcome(f"http_{response.status}")
        try:
            captures, resume, bad = parse_cdx(response.body)
        except ListingError as exc:
            yield from self.listing_broken(response.url, str(exc))
            return
        json_lines = not response.body.lstrip().startswith(b"[")
        if json_lines and not self.unlimited:
            # pywb answers one object a line, has no resume keys (a full page may be a cut one)
            # and drops the fields it names otherwise (original, mimetype, statuscode): ask it
            # once for every capture with all its fields.
            self.unlimited = True
            yield self.listing_request()
            return
        self.counts["unreadable_rows"] += bad
        self.listed.extend(captures)
        if resume in self.resume_keys:
            yield from self.listing_broken(response.url, f"the resume key {resume[:80]!r} came back a second time")
        elif resume and self.pages_asked >= self.settings.getint("ARCHIVE_MAX_LIST_PAGES", 1000):
            self.crawler.stats.inc_value("limits/list_pages")
            yield from self.listing_broken(response.url, "more pages than ARCHIVE_MAX_LIST_PAGES")
        elif resume:
            self.resume_keys.add(resume)
            yield self.listing_request(resume)
        else:
            yield from self.schedule()

    def parse_timemap(self, response: Response) -> Iterator[Request]:
        """A TimeMap's mementos; TimeMaps it links (an archive's index of TimeMaps) are read in turn."""
        self.outcome(f"http_{response.status}")
        try:
            captures, more = parse_timemap(response.text)
        except (ListingError, AttributeError) as exc:
            yield from self.listing_broken(response.url, str(exc))
            return
        self.listed.extend(captures)
        limit = self.settings.getint("ARCHIVE_MAX_LIST_PAGES", 1000)
        fresh = [url for url in more if url not in self.timemaps_seen]
        self.timemaps_waiting += fresh[: max(0, limit - self.pages_asked)]
        self.timemaps_seen.update(more)
        if self.timemaps_waiting:
            self.pages_asked += 1
            yield Request(self.timemaps_waiting.pop(0), callback=self.parse_timemap, errback=self.listing_failed)
        else:
            yield from self.schedule()

    def listing_failed(self, failure: Failure) -> Iterator[Request]:
        response = getattr(failure.value, "response", None)
        kind = f"http_{response.status}" if response is not None else fault_kind(failure.value)
        self.outcome(kind)
        if response is not None and response.status in (403, 429):
            why = f"the web archive is refusing our requests (HTTP {response.status}): try later, or slower"
        else:
            why = kind
        yield from self.listing_broken(failure.request.url, why)

    def listing_broken(self, url: str, why: str) -> Iterator[Request]:
        """A listing page that cannot be read ends the import: captures past it are unknown."""
        reason = f"the web archive's list of captures could not be read ({why}): {url}"
        self.crawler.stats.set_value("history/listing_failed", reason)
        self.logger.error("%s; imported what was listed before it", reason)
        yield from self.schedule()

    # --- captures --------------------------------------------------------------------------

    def within_dates(self, capture: Capture) -> bool:
        stamp = capture.timestamp
        return (not self.date_from or stamp[: len(self.date_from)] >= self.date_from) and (
            not self.date_to or stamp[: len(self.date_to)] <= self.date_to
        )

    def schedule(self) -> Iterator[Request]:
        """One request per capture still to import, oldest first; the rest counted by why they are not asked for."""
        self.counts["listed"] += len(self.listed)
        imported_digests: set[tuple[str, str]] = set()
        order = sorted(self.listed, key=lambda c: (c.timestamp, c.original))
        for capture in order:
            url = portal_url(capture.original, self.site_url, (self.host,))
            if not self.within_dates(capture):
                self.counts["outside_dates"] += 1
            elif url is None:
                self.counts["off_site"] += 1
            elif not capture.is_page:
                self.counts["not_pages"] += 1
            elif self.store.capture_imported(url, capture.timestamp):
                self.counts["already_imported"] += 1
            elif self.duplicate(url, capture, imported_digests):
                self.counts["duplicates"] += 1
                self.done(capture, url, "duplicate")
            else:
                if capture.digest:
                    imported_digests.add((url, capture.digest))
                # Scrapy's queue takes the highest priority first: the oldest capture is asked for first.
                yield self.capture_request(capture, url, priority=-self.counts["to_fetch"])
                self.counts["to_fetch"] += 1
        self.captured_ids = {cid for c in self.listed if (cid := cms_id(c.original)) is not None}
        self.listed = []

    def duplicate(self, url: str, capture: Capture, imported: set[tuple[str, str]]) -> bool:
        """Whether the same bytes of the same page were imported, in this run or before."""
        if not capture.digest:
            return False
        return (url, capture.digest) in imported or self.store.digest_imported(url, capture.digest)

    def capture_request(self, capture: Capture, url: str, priority: int) -> Request:
        meta = {"capture": capture, "portal_url": url, "dont_redirect": True, "handle_httpstatus_all": True}
        if capture.status is not None and capture.status >= 500:
            meta["dont_retry"] = True  # the archive answers the captured 5xx: asking again cannot help
        where = raw_url(self.replay, capture)
        return Request(where, callback=self.parse_capture, errback=self.capture_failed, meta=meta, priority=priority)

    def parse_capture(self, response: Response) -> Iterator[Any]:
        capture: Capture = response.meta["capture"]
        url: str = response.meta["portal_url"]
        status = response.status
        if self.sent_elsewhere(response, capture, url):
            self.outcome("capture_moved")
            self.counts["replay_redirects"] += 1
            self.done(capture, url, "replay-redirect")
            return
        why = self.not_the_capture(response, capture)
        if why:
            self.outcome(f"http_{status}" if status != 200 else "other-capture")
            self.counts["failed"] += 1
            self.logger.warning("Not the capture asked for (%s), not imported: %s", why, response.url)
            return
        self.counts["fetched"] += 1
        if 300 <= status < 400:
            self.outcome(f"capture_{status}")
            self.counts["redirects"] += 1
            self.done(capture, url, "redirect")
            return
        if status >= 400:
            self.outcome(f"capture_{status}")
            self.counts["http_errors"] += 1
            self.done(capture, url, f"http-{status}")
            if canonical_article_url(url):
                yield Removal(url=url, removed_at=capture.captured_at, reason=f"http-{status}")
            return
        self.outcome(f"http_{status}")
        if not isinstance(response, HtmlResponse) or not response.body.strip():
            self.counts["not_pages"] += 1
            self.done(capture, url, "not-page")
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        # The WARC record's time: the record and its raw capture share it (reextract, the WACZ's pages).
        fetched_at = response.meta.get("fetched_at") or now_utc()
        try:
            parsed = parse_page(response.body, url, fetched_at, content_type)
        except Exception as exc:  # a capture no parser rule foresaw: recorded, the import goes on
            self.counts["failed"] += 1
            self.crawler.stats.inc_value("errors/parse-error")
            name = type(exc).__name__
            self.logger.error("parse-error on %s: %s: %s (kept in the WARC files)", response.url, name, exc)
            return
        self.crawler.stats.inc_value(f"pages/{parsed.kind}")
        self.linked.update(cid for link in parsed.links.pages if (cid := cms_id(link)) is not None)
        self.done(capture, url, parsed.kind)
        yield from self.records(parsed, capture, response.url)

    def sent_elsewhere(self, response: Response, capture: Capture, url: str) -> bool:
        """Whether the archive redirects a capture of a page to another capture of the same page.

        The Wayback Machine does so for captures it serves under a nearby timestamp; that
        capture has a row of its own, so this one is done, not failed.
        """
        if not 300 <= response.status < 400 or (capture.status is not None and 300 <= capture.status < 400):
            return False
        location = response.urljoin(response.headers.get("Location", b"").decode("latin-1"))
        match = REPLAY_PATH.search(location)
        original = re.sub(r"^(https?:)/+", r"\1//", match["original"]) if match else ""
        return bool(original) and portal_url(original, self.site_url) == url

    @staticmethod
    def not_the_capture(response: Response, capture: Capture) -> str | None:
        """Why an answer is not the capture asked for (another status, another time); None when it is.

        A replay server marks a capture it serves with ``Memento-Datetime``; its own error pages
        lack it. pywb serves the closest capture when the one asked for is missing.
        """
        memento = response.headers.get("Memento-Datetime")
        expected = capture.status if capture.status is not None else (response.status if memento else 200)
        if response.status != expected and not (capture.is_revisit and response.status == 200):
            return f"the archive answered HTTP {response.status} for a capture of HTTP {expected}"
        if memento:
            try:
                served = parsedate_to_datetime(memento.decode("latin-1")).astimezone(UTC)
            except (TypeError, ValueError):
                return None
            if served.strftime("%Y%m%d%H%M%S") != capture.timestamp:
                return f"the archive served the capture of {served.isoformat()}"
        return None

    def records(self, parsed: ParsedPage, capture: Capture, where: str) -> Iterator[Any]:
        """The capture's records, marked as such; a visitor snapshot whenever the page shows the widgets."""
        for record in (parsed.article, parsed.page, parsed.visitors):
            if record is None:
                continue
            record.captured_at, record.capture_url, record.fetched_from = capture.captured_at, where, WEB_ARCHIVE
        if parsed.article is not None:
            yield parsed.article
        elif parsed.page is not None:
            yield parsed.page
        elif parsed.kind == "missing" and canonical_article_url(parsed.url):
            yield Removal(url=parsed.url, removed_at=capture.captured_at, reason="tin-khong-ton-tai")
        numbers = {k: v for k, v in vars(parsed.visitors).items() if k.startswith(("visits", "online_"))}
        if any(value is not None for value in numbers.values()):
            yield parsed.visitors

    def capture_failed(self, failure: Failure) -> None:
        """A capture that could not be fetched is not marked imported: the next run asks again."""
        kind = fault_kind(failure.value)
        self.outcome(kind)
        self.counts["failed"] += 1
        self.crawler.stats.inc_value(f"errors/{kind}")
        self.logger.error("Could not fetch capture %s: %s: %s", failure.request.url, kind, failure.value)

    def done(self, capture: Capture, url: str, outcome: str) -> None:
        where = raw_url(self.replay, capture)
        self.handled.append((where, url, capture.timestamp, capture.digest, capture.status, outcome))

    def outcome(self, result: str) -> None:
        self.crawler.stats.inc_value(f"outcomes/{result}")

    # --- the end ---------------------------------------------------------------------------

    def closed(self, reason: str) -> None:
        """Mark this run's captures imported (only once their records are in the archive) and report coverage."""
        if self.store is None:
            return
        written = not self.crawler.stats.get_value("archive/write_failed")
        if written:
            self.store.captures_imported(self.handled, datetime.now(UTC).isoformat(timespec="seconds"))
        self.store.linked(self.linked)
        self.coverage = {
            "listed": self.counts["listed"],
            "fetched": self.counts["fetched"],
            "duplicates": self.counts["duplicates"],
            "already_imported": self.counts["already_imported"],
            "failed": self.counts["failed"],
            "redirects": self.counts["redirects"],
            "replay_redirects": self.counts["replay_redirects"],
            "http_errors": self.counts["http_errors"],
            "not_pages": self.counts["not_pages"],
            "off_site": self.counts["off_site"],
            "outside_dates": self.counts["outside_dates"],
            "unreadable_rows": self.counts["unreadable_rows"],
            "listing_pages": self.pages_asked,
            **self.store.coverage(self.captured_ids),
        }
        self.store.close()
