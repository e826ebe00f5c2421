"""``python -m scraper reextract``: the WARC files alone give back the records the crawl wrote."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from replica.hostile.encodings import article
from tests.conftest import run_crawl
from tests.test_warc import response_record, warcinfo_record

ROOT = Path(__file__).parents[1]
RECORD_FILES = ["articles.jsonl", "pages.jsonl", "visitors.jsonl"]


def crawl(url: str, archive: Path) -> None:
    run = run_crawl(url, archive)
    assert run.returncode == 0, run.stderr[-3000:]


def reextract(archive: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "scraper", "reextract", str(archive)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def crawled_and_reextracted(url: str, folder: Path) -> tuple[Path, Path]:
    """The crawl's archive, and a copy of it whose record files were rebuilt from its WARC files."""
    crawled, rebuilt = folder / "crawled", folder / "rebuilt"
    crawl(url, crawled)
    shutil.copytree(crawled, rebuilt)
    run = reextract(rebuilt)
    assert run.returncode == 0, run.stderr
    return crawled, rebuilt


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def make_gzip_proxy(upstream: str) -> type[BaseHTTPRequestHandler]:
    class GzipProxy(BaseHTTPRequestHandler):
        """Passes every request on to the replica and answers gzip-compressed, as many IIS servers do."""

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.forward(None)

        def do_POST(self) -> None:
            self.forward(self.rfile.read(int(self.headers.get("Content-Length", 0))))

        def forward(self, data: bytes | None) -> None:
            headers = {"Content-Type": self.headers.get("Content-Type", "")} if data is not None else {}
            request = urllib.request.Request(upstream.rstrip("/") + self.path, data=data, headers=headers)
            try:
                with urllib.request.urlopen(request) as answer:
                    status, content_type, body = answer.status, answer.headers["Content-Type"], answer.read()
            except urllib.error.HTTPError as error:
                status, content_type, body = error.code, error.headers["Content-Type"], error.read()
            body = gzip.compress(body)
            self.send_response(status)
            self.send_header("Content-Type", content_type or "application/octet-stream")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return GzipProxy


@pytest.fixture(scope="module")
def archives(replica, tmp_path_factory):
    return crawled_and_reextracted(replica.url, tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def gzip_archives(replica, tmp_path_factory):
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), make_gzip_proxy(replica.url))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        yield crawled_and_reextracted(f"http://127.0.0.1:{proxy.server_port}/", tmp_path_factory.mktemp("gzip"))
    finally:
        proxy.shutdown()
        proxy.server_close()


@pytest.mark.parametrize("name", RECORD_FILES)
def test_reextract_gives_the_records_the_crawl_wrote(archives, name):
    crawled, rebuilt = archives
    assert records(crawled / name), "the crawl wrote no records to compare"
    assert records(rebuilt / name) == records(crawled / name)


def test_reextracted_articles_csv_is_byte_identical(archives):
    crawled, rebuilt = archives
    assert (rebuilt / "articles.csv").read_bytes() == (crawled / "articles.csv").read_bytes()


def test_gzip_compressed_responses_reextract_to_the_same_records(gzip_archives):
    crawled, rebuilt = gzip_archives
    warc = next((crawled / "warc").glob("*.warc.gz"))
    with warc.open("rb") as fh:
        responses = [r for r in ArchiveIterator(fh) if r.rec_type == "response"]
        encodings = {r.http_headers.get_header("Content-Encoding") for r in responses}
    assert encodings == {"gzip"}
    assert records(crawled / "articles.jsonl")
    assert records(rebuilt / "articles.jsonl") == records(crawled / "articles.jsonl")


def test_an_archive_without_warc_files_exits_1_with_a_message(tmp_path):
    (tmp_path / "warc").mkdir()
    run = reextract(tmp_path)
    assert run.returncode == 1
    assert run.stderr.strip() == f"reextract: no WARC files in {tmp_path / 'warc'}; nothing to rebuild"


def test_reextract_drops_what_decompressed_past_the_download_maxsize_the_run_recorded(tmp_path):
    """The run's 1,000,000 bytes, not the project's 50 MiB: the crawl dropped that answer, so does reextract."""
    kept, dropped = article("Trang vừa cỡ"), article("Trang quá cỡ").replace(b"</body>", b" " * 2_000_000 + b"</body>")
    (tmp_path / "warc").mkdir()
    (tmp_path / "warc" / "lavusta-20250101000000-00001.warc.gz").write_bytes(
        warcinfo_record(**{"setting-DOWNLOAD_MAXSIZE": "1000000"})
        + response_record("http://127.0.0.1/kept", gzip.compress(kept), "gzip")
        + response_record("http://127.0.0.1/dropped", gzip.compress(dropped), "gzip")
    )
    run = reextract(tmp_path)
    assert run.returncode == 0, run.stderr
    assert [record["title"] for record in records(tmp_path / "articles.jsonl")] == ["Trang vừa cỡ"]
