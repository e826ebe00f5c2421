"""Scrapy's scheduler with the run's pending requests on disk: memory does not grow with the frontier.

Scrapy keeps the requests waiting to be fetched in memory, unless ``JOBDIR`` is set: then
they go to its disk queues (each request pickled, a queue file per priority), so that a
stopped job can resume. The frontier grows with the site: every page of every list is
asked for as soon as a pager names it (6,000 requests at 30,000 articles, some 2 KB each
in memory). This scheduler gives a run without ``JOBDIR`` the same disk queues in a
temporary folder, deleted when the run ends; with ``JOBDIR`` it is Scrapy's own.
Requests that cannot be pickled stay in memory, as Scrapy does (``scheduler/unserializable``).

The project's spiders ask for it (``custom_settings``); the rest of Scrapy keeps its own
scheduler: with this one ``scrapy shell`` never answered (its request reached the default
spider's ``parse`` instead of the shell's own callback).
"""

from __future__ import annotations

import shutil
import tempfile
from typing import Any, Self

from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.utils.job import job_dir

DISK_QUEUE_SCHEDULER = "scraper.scheduler.DiskQueueScheduler"


class DiskQueueScheduler(Scheduler):
    temporary: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        scheduler = super().from_crawler(crawler)
        if job_dir(crawler.settings) is None:
            scheduler.temporary = tempfile.mkdtemp(prefix="lavusta-frontier-")
            scheduler.dqdir = scheduler._dqdir(scheduler.temporary)
        return scheduler

    def close(self, reason: str) -> Any:
        try:
            return super().close(reason)
        finally:
            if self.temporary is not None:
                shutil.rmtree(self.temporary, ignore_errors=True)
