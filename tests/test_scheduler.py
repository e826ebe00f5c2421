"""The run's pending requests wait in Scrapy's disk queues, in a folder that does not outlive the run."""

import os
import re
import subprocess

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
