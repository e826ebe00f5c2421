"""Run report: a log file and a manifest per run, and one closing line that says how it went.

A run has failed when it fetched nothing, when most requests ended in "forbidden"
or "too many requests" (the site is blocking the crawler), when most known articles it
fetched answered with another kind of page (a maintenance notice), when too many
requests ended in errors (``ARCHIVE_MAX_ERROR_RATE``), or when it was stopped before
the end. Requests are judged by their final outcome (``outcomes/…``, one per request),
not by Scrapy's attempt counts, which count each retry. The crawl command turns that
into a non-zero exit status for cron.
"""

from __future__ import annotations

import logging
import re
import resource
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.spiders import Spider
from twisted.internet import task

from scraper import limits
from scraper.runs import EXIT_FAILED, EXIT_OK, RUNS, require_lock, run_name, software_versions, write_manifest

logger = logging.getLogger(__name__)

NETWORK_HINTS = {
    "CannotResolveHostError": "the host name could not be resolved (no network, or a wrong host?)",
    "DNSLookupError": "the host name could not be resolved (no network, or a wrong host?)",
    "ConnectionRefusedError": "the server refused the connection (is it running?)",
    "DownloadConnectionRefusedError": "the server refused the connection (is it running?)",
    "TimeoutError": "the server did not answer in time",
    "DownloadTimeoutError": "the server did not answer in time",
    "TCPTimedOutError": "the connection timed out",
    "ConnectError": "no connection could be made",
}
BLOCKING_OUTCOMES = ("http_401", "http_403", "http_429")
# A request that ended in a 2xx answer or a 304 (unchanged) did its work, and so did one that got a
# web archive's capture of a redirect or an error page as captured, or was sent by the archive to
# another capture of the same page (capture_moved); any other end is an error.
SUCCESS_OUTCOME = re.compile(r"^(http_(2\d\d|304)|capture_(\d\d\d|moved))$")
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


def attempts(stats: dict[str, Any]) -> dict[str, Any]:
    """Every try the downloader made (retries included), by answer status and by exception."""
    exceptions = _suffixed(stats, "downloader/exception_type_count/")
    return {
        "requests": stats.get("downloader/request_count", 0),
        "by_status": _suffixed(stats, "downloader/response_status_count/"),
        "by_exception": {name.rsplit(".", 1)[-1]: n for name, n in exceptions.items()},
    }


def failure_reason(stats: dict[str, Any], max_error_rate: float) -> str | None:
    """Why a run failed, from Scrapy's stats; None when it did its work."""
    if stats.get("archive/write_failed"):
        return stats["archive/write_failed"]
    if stats.get("scheduler/disk_lost_reason"):
        return (
            f"{stats.get('scheduler/disk_lost', 0)} pending requests kept on disk could not be read back"
            f" ({stats['scheduler/disk_lost_reason']}): their pages were not fetched"
        )
    if stats.get("run/close_failure"):
        return f"the run did not close cleanly: {stats['run/close_failure']} (see the log)"
    if stats.get("history/listing_failed"):
        return stats["history/listing_failed"]
    received = stats.get("response_received_count", 0)
    if not received:
        exceptions = {k.rsplit(".", 1)[-1]: n for k, n in _suffixed(stats, "downloader/exception_type_count/").items()}
        for name, hint in NETWORK_HINTS.items():
            if name in exceptions:
                return f"nothing was fetched: {hint} [{name}]"
        listed = ", ".join(f"{name} x{n}" for name, n in exceptions.items())
        return f"nothing was fetched: {listed}" if listed else "nothing was fetched"
    # Judged on each request's final result: a retried 429 is one blocked request, not one per try.
    outcomes = _suffixed(stats, "outcomes/")
    requests = sum(outcomes.values())
    blocked = sum(n for result, n in outcomes.items() if result in BLOCKING_OUTCOMES)
    if blocked * 2 > requests:
        return f"the site is blocking the crawler ({blocked} of {requests} requests ended in 401/403/429)"
    turned, known = stats.get("revisit/articles_turned_other", 0), stats.get("revisit/known_articles", 0)
    if turned * 2 > known:
        return f"{turned} of {known} known articles answered with something else (maintenance page?)"
    answered = sum(n for result, n in outcomes.items() if SUCCESS_OUTCOME.match(result))
    if stats.get("revisit/archive_has_articles") and answered and not stats.get("revisit/pages_showing_articles"):
        return (
            f"none of the {answered} pages fetched shows or links an article, "
            "though the archive holds articles (maintenance page?)"
        )
    errors = sum(n for result, n in outcomes.items() if not SUCCESS_OUTCOME.match(result))
    if errors / max(requests, 1) > max_error_rate:
        return f"{errors} of {requests} requests ended in errors (more than {max_error_rate:.0%})"
    if stats.get("finish_reason") not in (None, "finished"):
        return limits.stop_reason(stats["finish_reason"])
    return None


def captures_summary(coverage: dict[str, Any] | None) -> str:
    """The closing line's words on a web-archive import; nothing for a live crawl."""
    if not coverage:
        return ""
    return (
        f" (web-archive captures: {coverage['listed']} listed, {coverage['fetched']} fetched,"
        f" {coverage['duplicates']} duplicates, {coverage['already_imported']} imported before,"
        f" {coverage['failed']} failed)"
    )


class CloseFailures(logging.Handler):
    """Notes the errors Scrapy logs and swallows while closing (a pipeline's or a signal handler's)."""

    MESSAGES = (
        "Scraper close failure",
        "Downloader close failure",
        "Scheduler close failure",
        "Error while sending spider_close signal",
        "Error caught on signal handler",
        "Error running spider_closed_callback",
        "Stats close failure",
    )

    def __init__(self, stats: Any) -> None:
        super().__init__(logging.ERROR)
        self.stats = stats

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(self.MESSAGES) and not self.stats.get_value("run/close_failure"):
            detail = f": {record.exc_info[1]!r}" if record.exc_info and record.exc_info[1] else ""
            self.stats.set_value("run/close_failure", message.split(":")[0] + detail)


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
        self.started = datetime.now(UTC)
        self.archive = Path(self.settings.get("ARCHIVE_DIR", "output"))
        require_lock(self.archive, "the run report")
        self.log_path = self.archive / RUNS / f"{run_name(self.started)}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.handler = logging.FileHandler(self.log_path, encoding="utf-8")
        formatter = logging.Formatter(self.settings.get("LOG_FORMAT"), self.settings.get("LOG_DATEFORMAT"))
        self.handler.setFormatter(formatter)
        # The run's log file keeps INFO and up even when the console is told to be quieter.
        console = logging.getLevelName(str(self.settings.get("LOG_LEVEL", "INFO")).upper())
        self.handler.setLevel(min(console, logging.INFO) if isinstance(console, int) else logging.INFO)
        logging.getLogger().addHandler(self.handler)
        for noisy in ("scrapy.downloadermiddlewares.robotstxt", "scrapy.pipelines.media"):
            logging.getLogger(noisy).addFilter(OneLineErrors())
        self.close_failures = CloseFailures(crawler.stats)
        logging.getLogger().addHandler(self.close_failures)
        self.reason: str | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        self.progress = task.LoopingCall(self.show_progress)
        self.progress_every = self.settings.getfloat("ARCHIVE_PROGRESS_SECONDS", 0)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        # The report is written once the engine has stopped: every component has closed by then,
        # so a failure to close (a merge, a WARC file) is known and decides the status.
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)
        # Until the run ends this says "running": a killed run leaves it so, and the next run knows.
        write_manifest(self.archive, self.started, {"start": self.start, "status": "running"})

    @property
    def start(self) -> str:
        return self.started.replace(microsecond=0).isoformat()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        if self.progress_every > 0:
            self.progress.start(self.progress_every, now=False)

    def show_progress(self) -> None:
        """One line on the console, for a quiet run (``ARCHIVE_PROGRESS_SECONDS``): how far it is."""
        stats = self.crawler.stats
        staged = sum(v for k, v in stats.get_stats().items() if k.startswith("archive/staged_"))
        pages = stats.get_value("response_received_count", 0)
        print(f"lavusta-archiver: {pages} pages fetched, {staged} records so far", file=sys.stderr, flush=True)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self.reason = reason
        if self.progress.running:
            self.progress.stop()

    def engine_stopped(self) -> None:
        spider = self.crawler.spider
        stats = self.crawler.stats.get_stats()
        stats.setdefault("finish_reason", self.reason)
        why = failure_reason(stats, self.settings.getfloat("ARCHIVE_MAX_ERROR_RATE", 0.2))
        status = EXIT_FAILED if why else EXIT_OK
        manifest = self.manifest(spider, stats, why, status)
        try:
            path = write_manifest(self.archive, self.started, manifest)
        except OSError as exc:
            why, status, path = why or f"the run manifest could not be written ({exc})", EXIT_FAILED, "not written"
        if why:
            self.crawler.stats.set_value("run/failed", why)
            hit = limits.summary(manifest["limits"])
            logger.error("Run failed: %s (start %s)%s; manifest %s", why, getattr(spider, "start_url", ""), hit, path)
        else:
            counts = manifest["counts"]
            summary = (
                f"{counts['pages_fetched']} pages fetched{captures_summary(manifest.get('history'))}; articles"
                f" {counts['articles_new']} new, {counts['articles_changed']} changed,"
                f" {counts['articles_unchanged']} unchanged, {counts['articles_removed']} removed"
                f"{limits.summary(manifest['limits'])}; manifest {path}"
            )
            self.crawler.stats.set_value("run/summary", summary)
            logger.info("Run finished: %s", summary)
        logging.getLogger().removeHandler(self.handler)
        logging.getLogger().removeHandler(self.close_failures)
        self.handler.close()
        # Set last: a report that broke on the way leaves no status, and the crawl command then fails the run.
        self.crawler.stats.set_value("run/exit_status", status)

    def manifest(self, spider: Spider, stats: dict[str, Any], why: str | None, status: int) -> dict[str, Any]:
        return {
            "start": self.start,
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
                "attempts": attempts(stats),
                "outcomes": _suffixed(stats, "outcomes/"),
                "pages_fetched": stats.get("response_received_count", 0),
                "pages_by_kind": _suffixed(stats, "pages/"),
                "articles_new": stats.get("articles/new", 0),
                "articles_changed": stats.get("articles/changed", 0),
                "articles_unchanged": stats.get("articles/unchanged", 0) + stats.get("revisit/not_modified", 0),
                "articles_removed": stats.get("articles/removed", 0),
                "articles_checked": stats.get("revisit/known_articles", 0),
                "articles_turned_other": stats.get("revisit/articles_turned_other", 0),
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
            **({"history": spider.coverage} if getattr(spider, "coverage", None) else {}),
        }
