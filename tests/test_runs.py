"""Scheduled runs: one at a time, a manifest and a log per run, an exit status cron can act on."""

from __future__ import annotations

import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from replica.server import serve
from scraper.runs import EXIT_FAILED, EXIT_LOCKED, ArchiveLock
from tests.conftest import run_crawl


def crawl(url: str, archive: Path) -> subprocess.CompletedProcess:
    return run_crawl(url, archive, RETRY_TIMES="0")


class Forbidden(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    server = serve()
    archive = tmp_path_factory.mktemp("runs")
    try:
        run = crawl(server.url, archive)
    finally:
        server.shutdown()
    return run, archive


def test_a_run_writes_a_manifest_with_its_counts(finished):
    run, archive = finished
    (path,) = (archive / "runs").glob("*.json")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert run.returncode == 0
    assert manifest["status"] == "ok" and manifest["exit_status"] == 0
    assert manifest["counts"]["articles_new"] == manifest["counts"]["records_in_archive"]["articles"] > 0
    assert manifest["software"]["scrapy"] and manifest["settings"]["ROBOTSTXT_OBEY"] is True
    assert manifest["end"] >= manifest["start"]


def test_a_run_writes_its_log_beside_the_manifest(finished):
    _, archive = finished
    (log,) = (archive / "runs").glob("*.log")
    assert "Run finished" in log.read_text(encoding="utf-8")


def test_a_second_run_on_a_locked_archive_exits_at_once_with_its_own_status(tmp_path):
    lock = ArchiveLock(tmp_path)
    assert lock.acquire()
    try:
        run = crawl("http://127.0.0.1:9/", tmp_path)
    finally:
        lock.release()
    assert run.returncode == EXIT_LOCKED
    assert "another run is working on" in run.stderr.strip().splitlines()[-1]


def test_a_site_that_blocks_the_crawler_fails_the_run(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Forbidden)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        run = crawl(f"http://127.0.0.1:{server.server_port}/", tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == EXIT_FAILED
    assert "blocking the crawler" in run.stderr.strip().splitlines()[-1]
