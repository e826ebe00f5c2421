"""Scheduled runs: one at a time, a manifest and a log per run, an exit status cron can act on."""

from __future__ import annotations

import fcntl
import json
import socket
import subprocess
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from replica.server import serve
from scraper.runs import EXIT_FAILED, EXIT_LOCKED, ArchiveLock, run_name
from tests.conftest import run_crawl

PAGES = 10  # linked from the home page: with it, 11 URLs


def crawl(url: str, archive: Path) -> subprocess.CompletedProcess:
    return run_crawl(url, archive, RETRY_TIMES="0")


class Forbidden(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()


def throttling(busy: int) -> type[BaseHTTPRequestHandler]:
    """A site whose home page links ``PAGES`` pages, the first ``busy`` of which always answer 429."""

    class Throttling(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            links = "".join(f'<a href="/p/{n}">trang {n}</a> ' for n in range(1, PAGES + 1))
            pages = {f"/p/{n}": f"<p>Trang {n}</p>" for n in range(busy + 1, PAGES + 1)}
            body = f"<html><body>{links}</body></html>" if self.path == "/" else pages.get(self.path)
            status = 200 if body else 429 if self.path.startswith("/p/") else 404
            self.reply(status, (body or "").encode())

        def reply(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Throttling


def crawl_throttled(busy: int, archive: Path) -> tuple[subprocess.CompletedProcess, dict]:
    """Crawl a site with ``busy`` pages always answering 429, each tried 4 times (3 retries)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), throttling(busy))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/"
        run = run_crawl(url, archive, RETRY_TIMES="3", ARCHIVE_RETRY_BASE_DELAY="0.01")
    finally:
        server.shutdown()
        server.server_close()
    (path,) = (archive / "runs").glob("*.json")
    return run, json.loads(path.read_text(encoding="utf-8"))


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


def test_a_finished_run_leaves_no_lock_file(finished):
    _, archive = finished
    assert not (archive / ".lock").exists()


def test_the_removed_lock_file_of_a_finished_run_locks_nothing(tmp_path):
    first = ArchiveLock(tmp_path)
    assert first.acquire()
    stale = (tmp_path / ".lock").open("a+")  # another run opened the file before the first let go...
    first.release()
    fcntl.flock(stale, fcntl.LOCK_EX | fcntl.LOCK_NB)  # ...and locked it once free: a file no longer there
    second = ArchiveLock(tmp_path)
    assert second.acquire()
    assert not ArchiveLock(tmp_path).acquire()
    stale.close()
    second.release()


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


@pytest.fixture(scope="module")
def two_busy(tmp_path_factory):
    return crawl_throttled(2, tmp_path_factory.mktemp("two-busy"))


def test_a_few_pages_answering_429_after_every_retry_do_not_fail_the_run_as_blocked(two_busy):
    run, manifest = two_busy
    assert run.returncode == 0, manifest["reason"]
    assert manifest["status"] == "ok"


def test_the_manifest_counts_each_try_and_each_requests_final_result(two_busy):
    _, manifest = two_busy
    counts = manifest["counts"]
    assert counts["attempts"]["by_status"]["429"] == 2 * 4
    assert counts["outcomes"] == {"http_200": PAGES + 1 - 2, "http_429": 2}


def test_a_site_answering_429_to_most_pages_fails_the_run_naming_how_many_requests(tmp_path):
    run, manifest = crawl_throttled(8, tmp_path)
    assert run.returncode == EXIT_FAILED
    assert manifest["reason"] == "the site is blocking the crawler (8 of 11 requests ended in 401/403/429)"
    assert "8 of 11" in run.stderr.strip().splitlines()[-1]


def test_a_server_that_refuses_connections_is_named_in_the_last_line(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on: bound, never listened, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = crawl(f"http://127.0.0.1:{port}/", tmp_path)
    assert run.returncode == EXIT_FAILED
    assert "the server refused the connection (is it running?)" in run.stderr.strip().splitlines()[-1]
    (manifest,) = [json.loads(p.read_text()) for p in (tmp_path / "runs").glob("*.json")]
    assert manifest["errors"] == {"connection-refused": 1}


def test_two_runs_started_in_one_second_have_names_of_their_own():
    one = datetime(2026, 11, 25, 16, 0, 0, 1000, tzinfo=UTC)
    assert run_name(one) != run_name(one.replace(microsecond=2000))


def test_a_first_run_skips_nothing_as_fresh(finished):
    _, archive = finished
    (path,) = (archive / "runs").glob("*.json")
    assert json.loads(path.read_text(encoding="utf-8"))["counts"]["skipped_fresh"] == 0
