"""The run's pending requests wait in Scrapy's disk queues, in a folder that does not outlive the run.

A disk that fails loses no request in silence: what it refuses stays in memory, and what it
cannot give back is counted and fails the run.
"""

import gc
import inspect
import os
import re
import subprocess
import tempfile
import time

import pytest
from scrapy import Request, Spider
from scrapy.utils.misc import is_generator_with_return_value, walk_modules_iter
from scrapy.utils.project import get_project_settings
from scrapy.utils.spider import iter_spider_classes
from scrapy.utils.test import get_crawler

from scraper.extensions import failure_reason
from scraper.scheduler import PREFIX, DiskQueueScheduler, hold
from tests.conftest import ROOT, crawl_command


def crawl(url, archive, tmp, *args, **settings):
    env = {**os.environ, "TMPDIR": str(tmp)}
    run = subprocess.run(
        crawl_command(url, archive, *args, **settings), cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return next((archive / "runs").glob("*.log")).read_text(encoding="utf-8")


def stat(log: str, name: str) -> int:
    found = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(found.group(1)) if found else 0


def open_scheduler(tmp, monkeypatch):
    """The scheduler opened on its own, its temporary folder under ``tmp``; one queue per priority."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    crawler = get_crawler(Spider, {"SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
    crawler.spider = Spider("portal")
    opened = DiskQueueScheduler.from_crawler(crawler)
    opened.open(crawler.spider)
    return opened


@pytest.fixture
def scheduler(tmp_path, monkeypatch):
    opened = open_scheduler(tmp_path, monkeypatch)
    yield opened
    opened.close("finished")


def enqueue(scheduler, start, stop):
    for n in range(start, stop):
        scheduler.enqueue_request(Request(f"http://127.0.0.1/page/{n}"))


def drain(scheduler):
    urls = []
    while (request := scheduler.next_request()) is not None:
        urls.append(request.url)
    return urls


def queue_file(scheduler):
    (queue,) = scheduler.dqs.queues.values()
    queue.f.flush()
    return queue


def test_requests_wait_on_disk_and_the_queue_is_gone_after_the_run(replica, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    log = crawl(replica.url, tmp_path / "archive", tmp)
    assert stat(log, "scheduler/enqueued/disk") > 10
    assert stat(log, "scheduler/enqueued/memory") == stat(log, "scheduler/unserializable") == 0
    assert list(tmp.iterdir()) == []


def test_a_jobdir_keeps_scrapys_own_queue_in_it(replica, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    log = crawl(replica.url, tmp_path / "archive", tmp, JOBDIR=str(tmp_path / "job"))
    assert stat(log, "scheduler/enqueued/disk") > 10
    assert (tmp_path / "job" / "requests.queue" / "active.json").exists()
    assert list(tmp.iterdir()) == []


def test_a_killed_runs_folder_is_removed_by_the_next_run_and_a_live_runs_kept(replica, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    killed, live, young = (tmp / f"{PREFIX}{name}" for name in ("killed", "live", "young"))
    older_version = tmp / "lavusta-frontier-live"  # its runs held no lock: it may be live
    for folder in (killed, live, young, older_version):
        (folder / "requests.queue").mkdir(parents=True)
    for folder in (killed, live, older_version):
        os.utime(folder, (time.time() - 3600, time.time() - 3600))
    held = hold(str(live))
    try:
        crawl(replica.url, tmp_path / "archive", tmp)
    finally:
        os.close(held)
    assert sorted(tmp.iterdir()) == [older_version, live, young]


def test_without_a_temporary_folder_the_requests_wait_in_memory(tmp_path, monkeypatch, caplog):
    scheduler = open_scheduler(tmp_path / "gone", monkeypatch)
    enqueue(scheduler, 0, 3)
    assert "Pending requests stay in memory: no temporary folder" in caplog.text
    assert scheduler.stats.get_value("scheduler/enqueued/memory") == 3
    assert len(drain(scheduler)) == 3
    scheduler.close("finished")


# The bytes the full disk never took stay in the queue file's buffer; Python warns when it drops them.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_requests_the_disk_refuses_stay_in_memory(scheduler):
    enqueue(scheduler, 0, 5)
    full = os.open("/dev/full", os.O_WRONLY)  # every write to it fails: "No space left on device"
    os.dup2(full, queue_file(scheduler).f.fileno())
    os.close(full)
    enqueue(scheduler, 5, 300)
    stats = scheduler.stats.get_stats()
    assert stats["scheduler/disk_write_failed"] == 1
    refused = stats["scheduler/enqueued/memory"]
    assert refused > 200
    assert drain(scheduler)[:refused] == [f"http://127.0.0.1/page/{n}" for n in range(300 - refused, 300)][::-1]
    gc.collect()  # here, where the warning is expected, not in a later test


def test_requests_the_disk_cannot_give_back_are_counted_and_fail_the_run(scheduler):
    enqueue(scheduler, 0, 10)
    queue = queue_file(scheduler)
    os.truncate(queue.path, os.path.getsize(queue.path) - 3)  # the newest request's length cut
    assert drain(scheduler) == []
    stats = scheduler.stats.get_stats()
    assert stats["scheduler/disk_lost"] == 10
    assert failure_reason(stats, 0.2).startswith("10 pending requests kept on disk could not be read back")


def test_no_spider_method_is_a_generator_that_returns_a_value():
    """What Scrapy's WARN_ON_GENERATOR_RETURN_VALUE checks per response, checked once for all (it is off)."""
    settings = get_project_settings()
    assert settings.getbool("WARN_ON_GENERATOR_RETURN_VALUE") is False
    modules = [module for name in settings.getlist("SPIDER_MODULES") for module in walk_modules_iter(name)]
    spiders = [cls for module in modules for cls in iter_spider_classes(module)]
    assert {cls.name for cls in spiders} >= {"portal", "history"}
    # Inherited ones too, wherever in the project they are written (a base class, a mixin).
    methods = [f for cls in spiders for _, f in inspect.getmembers(cls, inspect.isfunction)]
    ours = [f for f in methods if not f.__module__.startswith("scrapy.")]
    assert [f.__qualname__ for f in ours if is_generator_with_return_value(f)] == []
