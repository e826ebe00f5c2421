"""WARC capture: every response with its request, as the server sent it, in valid WARC 1.1."""

from __future__ import annotations

import gzip
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import run_crawl

PAGE = "<html><body><p>Trang chủ</p><a href='/b'>b</a></body></html>".encode()


class GzipHandler(BaseHTTPRequestHandler):
    """Answers every page gzip-compressed, as many IIS servers do."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = gzip.compress(PAGE)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("X-Powered-By", "ASP.NET")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    server = ThreadingHTTPServer(("127.0.0.1", 0), GzipHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    folder = tmp_path_factory.mktemp("warc-archive")
    try:
        run = run_crawl(f"http://127.0.0.1:{server.server_port}/", folder, ARCHIVE_WARC_MAX_SIZE="1")
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 0, run.stderr[-2000:]
    return folder


def records(path: Path) -> list:
    with path.open("rb") as fh:
        return [(r.rec_type, r.rec_headers, r.http_headers, r.raw_stream.read()) for r in ArchiveIterator(fh)]


def test_files_are_closed_and_pass_warcio_check(archive):
    files = sorted((archive / "warc").glob("*.warc.gz"))
    assert files and not list((archive / "warc").glob("*.open"))
    check = subprocess.run([sys.executable, "-m", "warcio.cli", "check", *map(str, files)], capture_output=True)
    assert check.returncode == 0, check.stdout


def test_each_file_opens_with_warcinfo_naming_the_software(archive):
    for path in (archive / "warc").glob("*.warc.gz"):
        kind, headers, _, payload = records(path)[0]
        assert kind == "warcinfo"
        assert headers.get_header("WARC-Type") == "warcinfo"
        assert b"software: lavusta-archiver/" in payload
        assert b"setting-ROBOTSTXT_OBEY: True" in payload


def test_files_rotate_at_the_size_limit(archive):
    assert len(list((archive / "warc").glob("*.warc.gz"))) >= 3


def test_body_is_kept_compressed_as_the_server_sent_it(archive):
    found = [r for p in (archive / "warc").glob("*.warc.gz") for r in records(p) if r[0] == "response"]
    page = next(r for r in found if r[1].get_header("WARC-Target-URI").endswith("/b"))
    assert page[2].get_header("Content-Encoding") == "gzip"
    assert page[2].get_header("X-Powered-By") == "ASP.NET"
    assert page[3].startswith(b"\x1f\x8b") and gzip.decompress(page[3]) == PAGE


def test_every_response_has_its_request(archive):
    found = [r for p in (archive / "warc").glob("*.warc.gz") for r in records(p)]
    responses = {r[1].get_header("WARC-Target-URI") for r in found if r[0] == "response"}
    requests = {r[1].get_header("WARC-Target-URI") for r in found if r[0] == "request"}
    assert responses == requests
    assert any(uri.endswith("/robots.txt") for uri in responses)
