"""Run report: a log file and a manifest per run, and one closing line that says how it went.

A run has failed when it fetched nothing, when the site answered mostly "forbidden"
or "too many requests" (it is blocking the crawler), when too many requests ended in
errors (``ARCHIVE_MAX_ERROR_RATE``), or when it was stopped before the end. The crawl
command turns that into a non-zero exit status for cron.
"""

from __future__ import annotations

import logging
import resource
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.spiders import Spider

from scraper import limits
from scraper.runs import EXIT_FAILED, EXIT_OK, RUNS, run_name, software_versions, write_manifest

logger = logging.getLogger(__name__)

NETWORK_HINTS = {
    "CannotResolveHostError": "the host name could not be resolved (no network, or a wrong host?)",
    "DNSLookupError": "the host name could not be resolved (no network, or a wrong host?)",
    "ConnectionRefusedError": "the server refused the connection (is it running?)",
    "TimeoutError": "the server did not answer in time",
    "TCPTimedOutError": "the connection timed out",
    "ConnectError": "no connection could be made",
}
BLOCKING_STATUSES = (401, 403, 429)
RECORDED_SETTINGS = (
    "ARCHIVE_DIR",
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY",
    "AUTOTHROTTLE_ENABLED",
    "ARCHIVE_REVISIT_DAYS",
    "ARCHIVE_MAX_ERROR_RATE",
)


def _suffixed(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {key[len(prefix) :]: value for key, value in stats.items() if key.startswith(prefix)}


def failure_reason(stats: dict[str, Any], max_error_rate: float) -> str | None:
    """Why a run failed, from Scrapy's stats; None when it did its work."""
    received = stats.get("response_received_count", 0)
    if not received:
        exceptions = {k.rsplit(".", 1)[-1]: n for k, n in _suffixed(stats, "downloader/exception_type_count/").items()}
        for name, hint in NETWORK_HINTS.items():
            if name in exceptions:
                return f"nothing was fetched: {hint} [{name}]"
        listed = ", ".join(f"{name} x{n}" for name, n in exceptions.items())
        return f"nothing was fetched: {listed}" if listed else "nothing was fetched"
    statuses = _suffixed(stats, "downloader/response_status_count/")
    blocked = sum(n for code, n in statuses.items() if int(code) in BLOCKING_STATUSES)
    if blocked * 2 > received:
        return f"the site is blocking the crawler ({blocked} of {received} answers were 401/403/429)"
    errors = sum(_suffixed(stats, "errors/").values())
    requests = max(stats.get("downloader/request_count", 0), 1)
    if errors / requests > max_error_rate:
        return f"{errors} of {requests} requests ended in errors (more than {max_error_rate:.0%})"
    if stats.get("finish_reason") not in (None, "finished"):
        return limits.stop_reason(stats["finish_reason"])
    return None


class OneLineErrors(logging.Filter):
    """Drops the traceback from download-error records: the message says it all."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


class RunReport:
    """Writes ``ARCHIVE_DIR/runs/<start>.log`` and ``<start>.json`` and logs the outcome last."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.started = datetime.now(UTC).replace(microsecond=0)
        self.archive = Path(self.settings.get("ARCHIVE_DIR", "output"))
        self.log_path = self.archive / RUNS / f"{run_name(self.started)}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.handler = logging.FileHandler(self.log_path, encoding="utf-8")
        formatter = logging.Formatter(self.settings.get("LOG_FORMAT"), self.settings.get("LOG_DATEFORMAT"))
        self.handler.setFormatter(formatter)
        self.handler.setLevel(self.settings.get("LOG_LEVEL", "INFO"))
        logging.getLogger().addHandler(self.handler)
        for noisy in ("scrapy.downloadermiddlewares.robotstxt", "scrapy.pipelines.media"):
            logging.getLogger(noisy).addFilter(OneLineErrors())
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        # Until the run ends this says "running": a killed run leaves it so, and the next run knows.
        write_manifest(self.archive, self.started, {"start": self.started.isoformat(), "status": "running"})

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        return cls(crawler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        stats.setdefault("finish_reason", reason)
        why = failure_reason(stats, self.settings.getfloat("ARCHIVE_MAX_ERROR_RATE", 0.2))
        status = EXIT_FAILED if why else EXIT_OK
        self.crawler.stats.set_value("run/exit_status", status)
        if why:
            self.crawler.stats.set_value("run/failed", why)
        manifest = self.manifest(spider, stats, why, status)
        path = write_manifest(self.archive, self.started, manifest)
        if why:
            hit = limits.summary(manifest["limits"])
            logger.error("Run failed: %s (start %s)%s; manifest %s", why, getattr(spider, "start_url", ""), hit, path)
        else:
            counts = manifest["counts"]
            logger.info(
                "Run finished: %d pages fetched; articles %d new, %d changed, %d unchanged, %d removed%s; manifest %s",
                counts["pages_fetched"],
                counts["articles_new"],
                counts["articles_changed"],
                counts["articles_unchanged"],
                counts["articles_removed"],
                limits.summary(manifest["limits"]),
                path,
            )
        logging.getLogger().removeHandler(self.handler)
        self.handler.close()

    def manifest(self, spider: Spider, stats: dict[str, Any], why: str | None, status: int) -> dict[str, Any]:
        return {
            "start": self.started.isoformat(),
            "end": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "start_url": getattr(spider, "start_url", None),
            "arguments": {"full": getattr(spider, "full", False), "refresh": getattr(spider, "refresh", False)},
            "status": "failed" if why else "ok",
            "reason": why,
            "exit_status": status,
            "finish_reason": stats.get("finish_reason"),
            "software": software_versions(),
            "settings": {name: self.settings.get(name) for name in RECORDED_SETTINGS},
            "counts": {
                "requests": stats.get("downloader/request_count", 0),
                "pages_fetched": stats.get("response_received_count", 0),
                "pages_by_kind": _suffixed(stats, "pages/"),
                "articles_new": stats.get("articles/new", 0),
                "articles_changed": stats.get("articles/changed", 0),
                "articles_unchanged": stats.get("articles/unchanged", 0) + stats.get("revisit/not_modified", 0),
                "articles_removed": stats.get("articles/removed", 0),
                "skipped_fresh": stats.get("revisit/skipped_fresh", 0),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "retries": stats.get("retry/count", 0),
                "filtered_offsite": stats.get("offsite/filtered", 0),
                "filtered_robots": stats.get("robotstxt/forbidden", 0),
                "records_in_archive": _suffixed(stats, "archive/total_"),
                "flagged_records": _suffixed(stats, "validate/"),
            },
            "errors": _suffixed(stats, "errors/"),
            "limits": limits.report(stats, self.settings),
            "skipped_links": _suffixed(stats, "links/skipped_"),
            "log": str(self.log_path),
        }
