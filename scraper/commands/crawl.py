"""``scrapy crawl`` that takes the archive's lock and exits with a status cron can act on.

0: the run did its work; 1: it failed (see the last line and the run manifest);
2: wrong command line (Scrapy's own); 3: another run holds the archive's lock.

Only this command writes to the archive: the pipelines and middlewares that do so
refuse to start in a process that does not hold the lock (``scrapy fetch``,
``scrapy shell``), and what a killed run left is adopted here, under the lock,
before the crawl starts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

from scraper.recover import adopt_leftovers
from scraper.runs import EXIT_FAILED, EXIT_LOCKED, RUNS, ArchiveLock, ArchiveUnwritable, last_run_status


def _say(message: str) -> None:
    print(f"lavusta-archiver: {message}", file=sys.stderr)


def check_writable(archive: Path) -> None:
    """A file can be made and removed in the archive folder and its runs folder, or ArchiveUnwritable says why."""
    try:
        (archive / RUNS).mkdir(exist_ok=True)
        for folder in (archive, archive / RUNS):
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
                pass
    except OSError as exc:
        raise ArchiveUnwritable.because(archive, exc) from exc


class Command(ScrapyCrawl):
    crawler: Crawler | None = None

    def _create_crawler(self, spname: str) -> Crawler:
        self.crawler = super()._create_crawler(spname)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not str(self.settings.get("ARCHIVE_DIR", "output")).strip():
            _say("ARCHIVE_DIR is empty: name the archive folder (the current folder is never taken for one)")
            self.exitcode = EXIT_FAILED
            return
        archive = Path(self.settings.get("ARCHIVE_DIR", "output"))
        lock = ArchiveLock(archive)
        try:
            if not lock.acquire():
                _say(f"another run is working on {archive} ({lock.holder()}); not started")
                self.exitcode = EXIT_LOCKED
                return
        except ArchiveUnwritable as exc:
            _say(f"{exc.strerror}; not started")
            self.exitcode = EXIT_FAILED
            return
        try:
            check_writable(archive)
            adopt_leftovers(archive)
        except Exception as exc:  # an archive this run cannot take over: say why in one line
            lock.release()
            why = f"a dead run's leftovers could not be adopted ({exc!r})"
            _say(f"{exc.strerror if isinstance(exc, ArchiveUnwritable) else why}; not started")
            self.exitcode = EXIT_FAILED
            return
        previous = last_run_status(archive)
        if previous not in (None, "ok") and "full" not in opts.spargs:
            _say(f"the last run is {previous}; this run follows every list page")
            opts.spargs["full"] = "1"
        try:
            super().run(args, opts)
        finally:
            lock.release()
        stats = self.crawler.stats if self.crawler else None
        status = stats.get_value("run/exit_status") if stats else None
        if status is None:
            _say("the run ended without a report; see the log")
            self.exitcode = EXIT_FAILED
        elif stats.get_value("run/failed"):
            _say(f"run failed, {stats.get_value('run/failed')}")
            self.exitcode = status
        elif str(self.settings.get("LOG_LEVEL", "INFO")).upper() in ("WARNING", "ERROR", "CRITICAL"):
            _say(f"run finished: {stats.get_value('run/summary')}")  # the log line it hid
