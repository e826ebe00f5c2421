"""A run killed with SIGKILL, then a new run: nothing lost, nothing twice, no broken line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from replica.server import serve
from replica.truth import expected_articles
from tests.conftest import ROOT, crawl_command, run_crawl


def staged_articles(archive: Path) -> int:
    return sum(len(p.read_bytes().splitlines()) for p in archive.glob(".staging/*/articles.jsonl"))


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    server = serve()
    archive = tmp_path_factory.mktemp("killed")
    slow = crawl_command(server.url, archive, DOWNLOAD_DELAY="0.2")
    try:
        with subprocess.Popen(slow, cwd=ROOT, stderr=subprocess.DEVNULL) as killed:
            deadline = time.monotonic() + 60
            while staged_articles(archive) < 8 and time.monotonic() < deadline:
                time.sleep(0.1)
            os.kill(killed.pid, signal.SIGKILL)
        staged = next(archive.glob(".staging/*/articles.jsonl"))
        with staged.open("ab") as fh:  # as if the kill had come in the middle of a write
            fh.write(b'{"url": "http://127.0.0.1/cut-short", "tit')
        run = run_crawl(server.url, archive)
    finally:
        server.shutdown()
    return run, archive, server.url


def test_the_run_after_the_kill_succeeds(resumed):
    run, _, _ = resumed
    assert run.returncode == 0, run.stderr[-2000:]


def test_every_article_is_archived_exactly_once(resumed):
    _, archive, url = resumed
    lines = (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    urls = [json.loads(line)["url"] for line in lines]
    assert sorted(urls) == sorted(e["url"] for e in expected_articles(url))


def test_no_file_ends_in_a_broken_line(resumed):
    _, archive, _ = resumed
    for path in archive.glob("*.jsonl"):
        text = path.read_text(encoding="utf-8")
        assert text == "" or text.endswith("\n")
        for line in text.splitlines():
            json.loads(line)


def test_the_cut_line_is_set_aside_not_dropped(resumed):
    _, archive, _ = resumed
    (kept,) = (archive / "rejected").iterdir()
    assert kept.read_text(encoding="utf-8").startswith('{"url": "http://127.0.0.1/cut-short"')


def test_nothing_is_left_staged_or_open(resumed):
    _, archive, _ = resumed
    assert not (archive / ".staging").exists()
    assert not list((archive / "warc").glob("*.open"))


def test_warc_files_of_both_runs_read_to_the_end(resumed):
    _, archive, _ = resumed
    files = sorted((archive / "warc").glob("*.warc.gz"))
    assert len(files) == 2
    for path in files:
        with path.open("rb") as fh:
            assert sum(1 for _ in ArchiveIterator(fh)) > 1
    check = subprocess.run([sys.executable, "-m", "warcio.cli", "check", *map(str, files)], capture_output=True)
    assert check.returncode == 0, check.stdout


def test_the_killed_run_is_left_marked_running_and_the_next_one_ok(resumed):
    _, archive, _ = resumed
    statuses = [json.loads(p.read_text())["status"] for p in sorted((archive / "runs").glob("*.json"))]
    assert statuses == ["running", "ok"]
