"""WARC capture: every response with its request, as the server sent it, in valid WARC 1.1."""

from __future__ import annotations

import gzip
import subprocess
import sys
import threading
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import brotli
import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.warc import WarcFiles, close_name, salvage
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


def test_warcinfo_records_the_limits_responses_were_decoded_with(archive):
    """The README's defaults: 50 MiB and 10 MiB, and decompression on."""
    path = next((archive / "warc").glob("*.warc.gz"))
    payload = records(path)[0][3]
    assert b"setting-DOWNLOAD_MAXSIZE: 52428800\r\n" in payload
    assert b"setting-DOWNLOAD_WARNSIZE: 10485760\r\n" in payload
    assert b"setting-COMPRESSION_ENABLED: True\r\n" in payload


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


def response_record(url: str, body: bytes, encoding: str | None = None) -> bytes:
    """One response record as a whole gzip member, written by warcio with its digests."""
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    headers += [("Content-Encoding", encoding)] if encoding else []
    out = BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body), http_headers=http)
    writer.write_record(record)
    return out.getvalue()


def warcinfo_record(**fields: str) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "test", **fields}))
    return out.getvalue()


def gzip_bomb(size: int) -> bytes:
    """``size`` spaces, gzip-compressed a megabyte at a time: about a thousandth of its size."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * (1 << 20)
    return b"".join(compressor.compress(chunk) for _ in range(size >> 20)) + compressor.flush()


@pytest.fixture(scope="module")
def complete_records() -> list[bytes]:
    """A warcinfo record and responses as servers send them: plain, brotli-compressed and a gzip bomb."""
    return [
        warcinfo_record(),
        response_record("http://127.0.0.1/a", PAGE),
        response_record("http://127.0.0.1/br", brotli.compress(PAGE), "br"),
        response_record("http://127.0.0.1/bomb", gzip_bomb(20 << 20), "gzip"),
        response_record("http://127.0.0.1/last", PAGE),
    ]


def left_open(folder: Path, data: bytes) -> Path:
    path = folder / "lavusta-20250101000000-00001.warc.gz.open"
    path.write_bytes(data)
    return path


def warcio_check(path: Path) -> subprocess.CompletedProcess:
    """``warcio check``, which verifies the digests, with brotli hidden from warcio.

    warcio 1.8.1 cannot read a ``br`` record with brotli 1.2 installed (it sets
    ``unused_data`` on the decompressor and crashes); without brotli it reads the
    payload as stored, which is what the digests are of.
    """
    hide_brotli = "import sys; sys.modules['brotli'] = None; from warcio.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", hide_brotli, "check", str(path)], capture_output=True, text=True)


def test_salvage_keeps_every_complete_record_and_drops_only_the_cut_one(tmp_path, complete_records):
    cut = response_record("http://127.0.0.1/cut", PAGE * 50)
    closed = salvage(left_open(tmp_path, b"".join(complete_records) + cut[: len(cut) // 2]))
    assert closed.name == "lavusta-20250101000000-00001.warc.gz"
    assert closed.read_bytes() == b"".join(complete_records)
    assert warcio_check(closed).returncode == 0


def test_salvage_leaves_a_file_whose_last_record_is_complete_as_it_is(tmp_path, complete_records):
    closed = salvage(left_open(tmp_path, b"".join(complete_records)))
    assert closed.read_bytes() == b"".join(complete_records)


def test_salvage_drops_a_last_record_whose_block_digest_is_wrong(tmp_path, complete_records):
    record = gzip.decompress(response_record("http://127.0.0.1/changed", PAGE))
    tampered = gzip.compress(record.replace(PAGE, PAGE.upper()))  # same length, other bytes
    closed = salvage(left_open(tmp_path, b"".join(complete_records) + tampered))
    assert closed.read_bytes() == b"".join(complete_records)


def test_salvage_does_not_cut_complete_records_after_a_damaged_one(tmp_path, complete_records):
    damaged = bytearray(response_record("http://127.0.0.1/damaged", PAGE))
    damaged[-8] ^= 0xFF  # its gzip CRC-32
    data = b"".join(complete_records[:2]) + bytes(damaged) + b"".join(complete_records[2:])
    closed = salvage(left_open(tmp_path, data))
    assert closed.read_bytes() == data


def test_salvage_never_holds_a_decompressed_payload(tmp_path):
    bomb = response_record("http://127.0.0.1/bomb", gzip_bomb(64 << 20), "gzip")
    path = left_open(tmp_path, warcinfo_record() + bomb)
    tracemalloc.start()
    try:
        salvage(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


def test_two_runs_started_in_the_same_second_keep_both_their_warc_files(tmp_path):
    info = {"software": "test"}
    first = WarcFiles(tmp_path, "lavusta", 1_000_000, info)
    second = WarcFiles(tmp_path, "lavusta", 1_000_000, info)
    second.started = first.started  # the same start, to the name
    for files in (first, second):
        files._open()
        files.close()
    assert len(list(tmp_path.glob("*.warc.gz"))) == 2


def test_a_warc_file_is_never_closed_over_another(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(b"kept")
    (tmp_path / "a.warc.gz.open").write_bytes(b"new")
    with pytest.raises(FileExistsError):
        close_name(tmp_path / "a.warc.gz.open", tmp_path / "a.warc.gz")
    assert (tmp_path / "a.warc.gz").read_bytes() == b"kept"
