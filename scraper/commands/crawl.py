"""``scrapy crawl`` with an exit status that cron and monitors can act on."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler


class Command(ScrapyCrawl):
    """Exit 1 when the run fetched nothing (see ``scraper.extensions.RunReport``)."""

    crawler: Crawler | None = None

    def _create_crawler(self, spname: str) -> Crawler:
        self.crawler = super()._create_crawler(spname)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        failed = self.crawler.stats.get_value("run/failed") if self.crawler and self.crawler.stats else None
        if failed:
            print(f"lavusta-archiver: run failed, nothing was fetched: {failed}", file=sys.stderr)
            self.exitcode = 1
