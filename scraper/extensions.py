"""Run report: one line that says how the run went, and why when it failed."""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.spiders import Spider

logger = logging.getLogger(__name__)

NETWORK_HINTS = {
    "CannotResolveHostError": "the host name could not be resolved (no network, or a wrong host?)",
    "DNSLookupError": "the host name could not be resolved (no network, or a wrong host?)",
    "ConnectionRefusedError": "the server refused the connection (is it running?)",
    "TimeoutError": "the server did not answer in time",
    "TCPTimedOutError": "the connection timed out",
    "ConnectError": "no connection could be made",
}


def failure_reason(stats: dict) -> str | None:
    """Why a run fetched nothing, from Scrapy's stats; None when pages were fetched."""
    if stats.get("downloader/response_count", 0) > 0 and stats.get("response_received_count", 0) > 0:
        return None
    errors = {
        key.rsplit("/", 1)[-1].rsplit(".", 1)[-1]: n
        for key, n in stats.items()
        if key.startswith("downloader/exception_type_count/")
    }
    for name, hint in NETWORK_HINTS.items():
        if name in errors:
            return f"{hint} [{name}]"
    if errors:
        return ", ".join(f"{name} x{n}" for name, n in errors.items())
    return "no page was fetched"


class OneLineErrors(logging.Filter):
    """Drops the traceback from download-error records: the message says it all."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


class RunReport:
    """Logs the run's outcome last, so a cron mail's final line says what happened."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(OneLineErrors())

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        return cls(crawler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        why = failure_reason(stats)
        start = getattr(spider, "start_url", "")
        if why:
            self.crawler.stats.set_value("run/failed", why)
            logger.error("Run failed: nothing could be fetched from %s: %s", start, why)
            return
        logger.info(
            "Run %s: %d pages fetched, %d articles and %d pages archived, %d flagged",
            reason,
            stats.get("response_received_count", 0),
            stats.get("archive/staged_articles", 0),
            stats.get("archive/staged_pages", 0),
            stats.get("validate/article_flagged", 0) + stats.get("validate/page_flagged", 0),
        )
