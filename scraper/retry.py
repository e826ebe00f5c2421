"""Retries that back off: a server that says "busy" is given time, not hammered.

Scrapy's RetryMiddleware retries 5xx and 429 answers at once. This one waits first:
the server's ``Retry-After`` when it gives one (capped by ``ARCHIVE_RETRY_MAX_DELAY``),
else ``ARCHIVE_RETRY_BASE_DELAY`` doubled at each try. The wait holds one of the
host's few download slots, so the whole crawl slows down while the server is in
trouble. 4xx answers other than 408/429 are not retried: a retry cannot help them.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response

from scraper.parsers.urls import number


def retry_after_seconds(value: bytes | None) -> float | None:
    """Seconds from a Retry-After header: a number (ASCII digits, RFC 9110), or an HTTP date.

    Anything else ("²", a 5,000-digit number) says nothing, and the usual backoff applies.
    """
    if not value:
        return None
    text = value.decode("latin-1").strip()
    seconds = number(text)
    if seconds is not None:
        return float(seconds)
    try:
        return max(0.0, (parsedate_to_datetime(text) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        self.base_delay = crawler.settings.getfloat("ARCHIVE_RETRY_BASE_DELAY", 2.0)
        self.max_delay = crawler.settings.getfloat("ARCHIVE_RETRY_MAX_DELAY", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        tries = request.meta.get("retry_times", 0)
        retrying = response.status in self.retry_http_codes and not request.meta.get("dont_retry")
        if retrying and tries < request.meta.get("max_retry_times", self.max_retry_times):
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            wait = min(self.max_delay, wait if wait is not None else self.base_delay * 2**tries)
            self.crawler.stats.inc_value("retry/backoff_seconds", wait)
            await asyncio.sleep(wait)
        return super().process_response(request, response)
