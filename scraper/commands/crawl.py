"""``scrapy crawl`` that takes the archive's lock and exits with a status cron can act on.

0: the run did its work; 1: it failed (see the last line and the run manifest);
2: wrong command line (Scrapy's own); 3: another run holds the archive's lock.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

from scraper.runs import EXIT_LOCKED, ArchiveLock, last_run_status


class Command(ScrapyCrawl):
    crawler: Crawler | None = None

    def _create_crawler(self, spname: str) -> Crawler:
        self.crawler = super()._create_crawler(spname)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        archive = Path(self.settings.get("ARCHIVE_DIR", "output"))
        lock = ArchiveLock(archive)
        if not lock.acquire():
            holder = lock.holder()
            print(f"lavusta-archiver: another run is working on {archive} ({holder}); not started", file=sys.stderr)
            self.exitcode = EXIT_LOCKED
            return
        previous = last_run_status(archive)
        if previous not in (None, "ok") and "full" not in opts.spargs:
            print(f"lavusta-archiver: the last run is {previous}; this run follows every list page", file=sys.stderr)
            opts.spargs["full"] = "1"
        try:
            super().run(args, opts)
        finally:
            lock.release()
        stats = self.crawler.stats if self.crawler else None
        failed = stats.get_value("run/failed") if stats else None
        if failed:
            print(f"lavusta-archiver: run failed, {failed}", file=sys.stderr)
            self.exitcode = stats.get_value("run/exit_status")
