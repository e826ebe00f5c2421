"""A web archive that misbehaves: the history import says what went wrong and loses nothing.

Each test serves a few canned answers on loopback: a CDX API that answers HTML, a resume
key that never ends, rows that are no captures, a replay server that answers its own 404
or another capture than the one asked for.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipelines.store import read_jsonl
from tests.test_history import manifest, run_history

HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
SEED = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
Answer = tuple[int, dict[str, str], bytes]


class Canned(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, answer: Callable[[str], Answer]) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.answer, self.paths = answer, []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class Handler(BaseHTTPRequestHandler):
    server: Canned

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        if self.path == "/robots.txt":
            status, headers, body = 404, {}, b""
        else:
            status, headers, body = self.server.answer(self.path)
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def canned() -> Iterator[Callable[[Callable[[str], Answer]], Canned]]:
    servers = []

    def start(answer: Callable[[str], Answer]) -> Canned:
        server = Canned(answer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def cdx_json(*rows: list[str]) -> Answer:
    return 200, {"Content-Type": "application/json"}, json.dumps([HEADER, *rows]).encode()


def import_from(server: Canned, archive: Path, **settings: str):
    return run_history(archive, "-a", f"cdx={server.url}cdx", "-a", f"replay={server.url}web/", **settings)


def test_a_capture_list_that_is_no_json_fails_the_run_in_one_line(canned, tmp_path):
    server = canned(lambda path: (200, {"Content-Type": "text/html"}, b"<html>Wayback Machine is down</html>"))
    run = import_from(server, tmp_path / "a")
    assert run.returncode == 1
    assert "list of captures could not be read" in run.stderr


def test_a_resume_key_that_comes_back_ends_the_listing(canned, tmp_path):
    row = ["k", "20240418063200", SEED, "image/png", "200", "D", "1"]
    server = canned(lambda path: cdx_json(row, [], ["same-key"]))
    run = import_from(server, tmp_path / "a")
    assert run.returncode == 1
    assert "came back a second time" in run.stderr
    assert len(server.paths) <= 4  # robots.txt and the listing pages, no endless loop


def test_rows_that_are_no_captures_are_counted(canned, tmp_path):
    rows = [["k", "20241399000000", SEED, "text/html", "200", "D", "1"], ["k", "2024", "", "text/html", "200", "", "1"]]
    server = canned(lambda path: cdx_json(*rows))
    import_from(server, tmp_path / "a")
    assert manifest(tmp_path / "a")["history"]["unreadable_rows"] == 2


def test_a_capture_the_replay_server_cannot_find_is_not_marked_imported(canned, tmp_path):
    row = ["k", "20240418063200", SEED, "text/html", "200", "D", "1"]

    def answer(path: str) -> Answer:
        if path.startswith("/cdx"):
            return cdx_json(row)
        return 404, {"Content-Type": "text/html"}, b"<html>Not in archive</html>"

    server = canned(answer)
    import_from(server, tmp_path / "a")
    assert manifest(tmp_path / "a")["history"]["failed"] == 1
    import_from(server, tmp_path / "a")
    assert sum("id_/" in path for path in server.paths) == 2  # asked again by the next run


def test_another_capture_than_the_one_asked_for_is_not_imported(canned, tmp_path):
    row = ["k", "20240101000000", SEED, "text/html", "200", "D", "1"]
    page = "<html><body><h1>Hội nghị</h1><p>Ngày đăng: 18/04/2024</p><p>Nội dung.</p></body></html>".encode()

    def answer(path: str) -> Answer:
        if path.startswith("/cdx"):
            return cdx_json(row)
        # pywb serves the closest capture when the one asked for is missing, saying which
        headers = {"Content-Type": "text/html; charset=utf-8", "Memento-Datetime": "Thu, 18 Apr 2024 06:32:00 GMT"}
        return 200, headers, page

    server = canned(answer)
    import_from(server, tmp_path / "a")
    assert manifest(tmp_path / "a")["history"]["failed"] == 1
    assert list(read_jsonl(tmp_path / "a" / "articles.jsonl")) == []


def test_a_bad_date_argument_is_refused_before_anything_is_fetched(canned, tmp_path):
    server = canned(lambda path: cdx_json())
    run = run_history(tmp_path / "a", "-a", f"cdx={server.url}cdx", "-a", "from=last year")
    assert run.returncode != 0
    assert "YYYY" in run.stderr
    assert server.paths == []


def test_an_archive_redirecting_a_capture_to_another_of_the_same_page_is_done_not_failed(canned, tmp_path):
    row = ["k", "20240418063200", SEED, "text/html", "200", "D", "1"]

    def answer(path: str) -> Answer:
        if path.startswith("/cdx"):
            return cdx_json(row)
        return 302, {"Location": f"/web/20240418063207id_/{SEED}"}, b""

    server = canned(answer)
    first = import_from(server, tmp_path / "a")
    assert first.returncode == 0, first.stderr[-2000:]
    report = manifest(tmp_path / "a")["history"]
    assert (report["replay_redirects"], report["failed"]) == (1, 0)
    import_from(server, tmp_path / "a")
    assert sum("id_/" in path for path in server.paths) == 1  # not asked again
