"""Scrapy's scheduler with the run's pending requests on disk: memory does not grow with the frontier.

Scrapy keeps the requests waiting to be fetched in memory, unless ``JOBDIR`` is set: then
they go to its disk queues (each request pickled, a queue file per priority), so that a
stopped job can resume. The frontier grows with the site: every page of every list is
asked for as soon as a pager names it (6,000 requests at 30,000 articles, some 2 KB each
in memory). This scheduler gives a run without ``JOBDIR`` the same disk queues in a
temporary folder, deleted when the run ends; with ``JOBDIR`` it is Scrapy's own.
Requests that cannot be pickled stay in memory, as Scrapy does (``scheduler/unserializable``).

A disk that fails must not lose a request in silence. A request the disk will not take
(full, read-only) stays in memory, and later ones too (``scheduler/disk_write_failed``);
no temporary folder at all means a run in memory, as without this scheduler. Requests
the disk took but cannot give back are counted (``scheduler/disk_lost``) and fail the run.
A killed run cannot delete its folder: the next run removes folders no live run holds
(each run holds an ``flock`` on its own).

The project's spiders ask for it (``custom_settings``); the rest of Scrapy keeps its own
scheduler: with this one ``scrapy shell`` never answered (its request reached the default
spider's ``parse`` instead of the shell's own callback).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Self

from scrapy import Request
from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.utils.job import job_dir

logger = logging.getLogger(__name__)

DISK_QUEUE_SCHEDULER = "scraper.scheduler.DiskQueueScheduler"
# Not "lavusta-frontier-", the name of the folders of versions that held no lock on theirs: a live one of those
# would look stale.
PREFIX = "lavusta-requests-"
# A folder younger than this may belong to a run that has made it and not yet locked it.
STALE_AFTER_SECONDS = 60


class DiskQueueScheduler(Scheduler):
    temporary: str | None = None
    held: int | None = None  # the temporary folder's descriptor, holding its lock
    disk_refused = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        scheduler = super().from_crawler(crawler)
        if job_dir(crawler.settings) is None:
            remove_stale_frontiers(Path(tempfile.gettempdir()))
            try:
                scheduler.temporary = tempfile.mkdtemp(prefix=PREFIX)
                scheduler.held = hold(scheduler.temporary)
            except OSError as exc:
                logger.warning("Pending requests stay in memory: no temporary folder for them (%s)", exc)
            else:
                scheduler.dqdir = scheduler._dqdir(scheduler.temporary)
        return scheduler

    def _dqpush(self, request: Request) -> bool:
        if self.disk_refused:
            return False
        try:
            return super()._dqpush(request)
        except OSError as exc:
            # What the disk half-took stays in its write buffer; a later read either flushes it or fails, counted.
            self.disk_refused = True
            logger.warning("The disk refused a pending request (%s): it and the rest stay in memory", str(exc))
            self.stats.inc_value("scheduler/disk_write_failed")
            return False

    def _dqpop(self) -> Request | None:
        try:
            return super()._dqpop()
        except Exception as exc:  # OSError, or a queue file spoilt by one: struct.error, UnpicklingError, EOFError
            # The log is given the error's words, not the error: its traceback would keep the spoilt queue alive.
            lost, reason = (len(self.dqs) if self.dqs is not None else 0), repr(exc)
            logger.error("%d pending requests kept on disk could not be read back: %s", lost, reason)
            self.stats.set_value("scheduler/disk_lost", lost)
            self.stats.set_value("scheduler/disk_lost_reason", reason)
            abandoned, self.dqs = self.dqs, None
            with contextlib.suppress(Exception):  # its files are spoilt; the folder goes at close
                abandoned.close()
            return None

    def close(self, reason: str) -> Any:
        try:
            return super().close(reason)
        finally:
            if self.temporary is not None:
                shutil.rmtree(self.temporary, ignore_errors=True)
            if self.held is not None:
                os.close(self.held)


def hold(folder: str) -> int:
    """An exclusive ``flock`` on ``folder`` for as long as the returned descriptor is open."""
    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def remove_stale_frontiers(tmp: Path) -> None:
    """Removes the frontier folders of runs that were killed: older than a minute and held by no process."""
    for folder in tmp.glob(PREFIX + "*"):
        try:
            if time.time() - folder.stat().st_mtime < STALE_AFTER_SECONDS:
                continue
            fd = hold(str(folder))
        except OSError:  # held by a live run, not ours to read, or gone meanwhile
            continue
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            os.close(fd)
