"""Replay: pywb (its own virtualenv, ``make pywb``) and the WACZ give back what the crawl received.

The replica is crawled into a fresh archive; its WARC files, its WACZ and a WARC of
hand-made captures (revisit, 304, redirect, 404, gzip) are served by one pywb. Every
request goes to 127.0.0.1; the captured URLs point at 127.0.0.1 too.
"""

from __future__ import annotations

import gzip
import http.client
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from replica import pywb
from replica.truth import expected_articles
from tests.conftest import ROOT, run_crawl, text_to_html

ARTICLE_QUERY = "Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
# The hand-made captures: an address nobody serves, never requested (pywb replays, it does not fetch).
HAND = "http://127.0.0.1:9/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
GONE = "http://127.0.0.1:9/Default.aspx?tabid=620&ChiTiet=True&CmsId=1"
MOVED = "http://127.0.0.1:9/Home.aspx"
GZIPPED = "http://127.0.0.1:9/Default.aspx?tabid=609"
HTML = [("Content-Type", "text/html; charset=utf-8")]
REMOVED_PAGE = "<html><body><p>Tin không tồn tại</p></body></html>".encode()


def get(base: str, path: str, **headers: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    """GET ``base`` + ``path`` as it is: no redirect followed, no encoding asked for unless given."""
    where = urlsplit(base)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    try:
        connection.request("GET", "/" + path, headers={"Accept-Encoding": "identity", **headers})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def timestamp(fetched_at: str) -> str:
    """A record's ``fetched_at`` (ISO 8601, UTC) as a 14-digit web-archive timestamp."""
    return re.sub(r"\D", "", fetched_at)[:14]


def validate(wacz: Path) -> subprocess.CompletedProcess:
    """py-wacz's own validator, as its command line runs it."""
    cmd = [sys.executable, "-m", "wacz", "validate", "-f", str(wacz)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def package(archive: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "scraper", "wacz", str(archive), *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def hand_made_warc(path: Path, first: bytes, second: bytes) -> Path:
    """Captures of each kind pywb must be understood on, at known times."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")

        def response(url: str, date: str, status: str, headers: list[tuple[str, str]], body: bytes):
            http_headers = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
            return record

        original = response(HAND, "2024-01-01T10:00:00Z", "200 OK", HTML, first)
        revisit = writer.create_revisit_record(
            HAND,
            digest=original.rec_headers.get_header("WARC-Payload-Digest"),
            refers_to_uri=HAND,
            refers_to_date="2024-01-01T10:00:00Z",
            http_headers=StatusAndHeaders("200 OK", [*HTML, ("ETag", '"revisit"')], protocol="HTTP/1.1"),
        )
        revisit.rec_headers.replace_header("WARC-Date", "2024-02-01T10:00:00Z")
        writer.write_record(revisit)
        response(HAND, "2024-03-01T10:00:00Z", "200 OK", HTML, second)
        response(HAND, "2024-04-01T10:00:00Z", "304 Not Modified", [("ETag", '"v2"')], b"")
        response(MOVED, "2024-01-01T10:00:00Z", "302 Found", [("Location", "/Default.aspx?tabid=36")], b"")
        response(GONE, "2024-01-01T10:00:00Z", "404 Not Found", HTML, REMOVED_PAGE)
        response(GZIPPED, "2024-01-01T10:00:00Z", "200 OK", [*HTML, ("Content-Encoding", "gzip")], gzip.compress(first))
    return path


@pytest.fixture(scope="module")
def archive(replica, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("replayed")
    run = run_crawl(replica.url, folder)
    assert run.returncode == 0, run.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def articles(archive) -> dict[str, dict]:
    lines = (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {a["url"]: a for a in map(json.loads, lines)}


@pytest.fixture(scope="module")
def wacz_file(archive) -> Path:
    run = package(archive)
    assert run.returncode == 0, run.stderr
    return archive / "lavusta.wacz"


@pytest.fixture(scope="module")
def seed_versions(seed_text) -> tuple[bytes, bytes]:
    """Two versions of the real article page: as published, and with its byline taken out."""
    assert "\nBài và ảnh: T.T.B\n" in seed_text
    return text_to_html(seed_text).encode(), text_to_html(seed_text.replace("\nBài và ảnh: T.T.B\n", "\n")).encode()


@pytest.fixture(scope="module")
def wayback(archive, wacz_file, seed_versions, tmp_path_factory) -> Iterator[str]:
    """One pywb serving collection ``warc`` (the WARC files), ``wacz`` (the WACZ) and ``hand``."""
    root = tmp_path_factory.mktemp("pywb")
    pywb.build_collection(root, "warc", sorted((archive / "warc").glob("*.warc.gz")))
    pywb.build_collection(root, "wacz", [wacz_file])
    pywb.build_collection(root, "hand", [hand_made_warc(root / "hand.warc.gz", *seed_versions)])
    with pywb.serve(root) as base:
        yield base


def received(archive: Path, url: str) -> bytes:
    """The body of the crawl's 200 response for ``url``, as its WARC record holds it.

    Not the replica's page fetched again: its header clock changes every minute.
    """
    for path in sorted((archive / "warc").glob("*.warc.gz")):
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                target = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response" and target == url and record.http_headers.get_statuscode() == "200":
                    return record.content_stream().read()
    raise AssertionError(f"no 200 response for {url} in the WARC files")


def test_pywb_replays_an_article_as_the_portal_sent_it(wayback, archive, replica, articles):
    url = replica.url + ARTICLE_QUERY
    status, _, replayed = get(wayback, f"warc/{timestamp(articles[url]['fetched_at'])}id_/{url}")
    assert (status, replayed) == (200, received(archive, url))
    assert "Liên hiệp".encode() in replayed


def test_pywb_replays_the_article_from_the_wacz(wayback, archive, replica, articles):
    url = replica.url + ARTICLE_QUERY
    status, _, replayed = get(wayback, f"wacz/{timestamp(articles[url]['fetched_at'])}id_/{url}")
    assert (status, replayed) == (200, received(archive, url))


def test_the_wacz_passes_py_wacz_validation(wacz_file):
    run = validate(wacz_file)
    assert run.returncode == 0, run.stdout


def test_the_wacz_lists_every_article_at_its_capture_with_its_title(wacz_file, replica):
    with zipfile.ZipFile(wacz_file) as zf:
        header, *pages = map(json.loads, zf.read("pages/pages.jsonl").decode().splitlines())
    assert header["format"] == "json-pages-1.0"
    listed = {page["url"]: page for page in pages}
    for article in expected_articles(replica.url):
        assert listed[article["url"]]["title"] == article["title"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", listed[article["url"]]["ts"])


def test_the_wacz_holds_the_closed_warc_files_and_no_open_one(archive, tmp_path):
    copy = tmp_path / "archive"
    shutil.copytree(archive / "warc", copy / "warc")
    closed = sorted(p.name for p in (copy / "warc").iterdir())
    (copy / "warc" / "lavusta-20990101000000-00001.warc.gz.open").write_bytes(b"a run still writing")
    assert package(copy).returncode == 0
    with zipfile.ZipFile(copy / "lavusta.wacz") as zf:
        assert sorted(n.removeprefix("archive/") for n in zf.namelist() if n.startswith("archive/")) == closed


def test_the_wacz_goes_where_o_says(archive, tmp_path):
    run = package(archive, "-o", str(tmp_path / "copy.wacz"))
    assert run.returncode == 0, run.stderr
    assert validate(tmp_path / "copy.wacz").returncode == 0


def test_the_hostile_crawls_br_zstd_and_broken_bodies_are_packed_as_stored(fault_crawl, tmp_path):
    run = package(fault_crawl["archive"], "-o", str(tmp_path / "hostile.wacz"))
    assert run.returncode == 0, run.stderr
    assert validate(tmp_path / "hostile.wacz").returncode == 0


def test_an_archive_without_warc_files_is_refused_in_one_line(tmp_path):
    (tmp_path / "warc").mkdir()
    run = package(tmp_path)
    assert (run.returncode, run.stderr.count("\n"), run.stdout) == (1, 1, "")
    assert "no closed WARC files" in run.stderr


def test_a_record_file_that_is_not_json_lines_is_refused_in_one_line(archive, tmp_path):
    shutil.copytree(archive / "warc", tmp_path / "warc")
    (tmp_path / "articles.jsonl").write_text('{"url": "http://127.0.0.1/a"}\nnot json\n', encoding="utf-8")
    run = package(tmp_path)
    assert (run.returncode, run.stderr.count("\n")) == (1, 1)
    assert "articles.jsonl line 2 is not JSON" in run.stderr


def test_an_unreadable_warc_file_is_refused_in_one_line_leaving_nothing(tmp_path):
    (tmp_path / "warc").mkdir()
    (tmp_path / "warc" / "lavusta-20240101000000-00001.warc.gz").write_bytes(b"not a WARC file")
    run = package(tmp_path)
    assert (run.returncode, run.stderr.count("\n"), run.stdout) == (1, 1, "")
    assert "cannot package" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["warc"]


def test_pywb_is_stopped_when_the_block_ends(tmp_path):
    with pywb.serve(tmp_path) as base:
        assert get(base, "")[0] == 200
    with pytest.raises(ConnectionRefusedError):
        get(base, "")


def test_a_missing_pywb_says_make_pywb(tmp_path, monkeypatch):
    monkeypatch.setenv("PYWB_BIN", str(tmp_path / "nowhere"))
    with pytest.raises(pywb.PywbMissing, match="make pywb"):
        pywb.build_collection(tmp_path / "root", "warc", [tmp_path / "a.warc.gz"])


# What pywb does with each kind of capture (replica/pywb.py's notes), on the hand-made WARC.


def test_cdx_json_gives_one_object_per_capture(wayback):
    status, headers, body = get(wayback, "hand/cdx?url=127.0.0.1:9/*&output=json")
    rows = [json.loads(line) for line in body.decode().splitlines()]
    assert (status, headers["Content-Type"]) == (200, "text/x-ndjson")
    assert [(r["timestamp"], r.get("status"), r["mime"]) for r in rows if r["url"] == HAND] == [
        ("20240101100000", "200", "text/html"),
        ("20240201100000", None, "warc/revisit"),
        ("20240301100000", "200", "text/html"),
        ("20240401100000", "304", "unk"),
    ]
    assert {"urlkey", "digest", "length", "offset", "filename"} <= set(rows[0])


def test_a_revisit_replays_the_payload_it_refers_to_with_its_own_headers(wayback, seed_versions):
    status, headers, body = get(wayback, f"hand/20240201100000id_/{HAND}")
    assert (status, headers["X-Archive-Orig-ETag"], body) == (200, '"revisit"', seed_versions[0])


def test_a_timestamp_between_captures_gets_the_closest_without_a_redirect(wayback, seed_versions):
    status, headers, body = get(wayback, f"hand/20240225000000id_/{HAND}")
    assert (status, body) == (200, seed_versions[1])
    assert headers["Memento-Datetime"] == "Fri, 01 Mar 2024 10:00:00 GMT"


def test_a_304_capture_replays_as_304_and_is_the_latest(wayback):
    status, headers, body = get(wayback, f"hand/id_/{HAND}")
    assert (status, body, headers["Memento-Datetime"]) == (304, b"", "Mon, 01 Apr 2024 10:00:00 GMT")


def test_id_keeps_a_redirects_location_as_captured(wayback):
    status, headers, _ = get(wayback, f"hand/20240101100000id_/{MOVED}")
    assert (status, headers["Location"]) == (302, "/Default.aspx?tabid=36")


def test_a_404_capture_has_a_memento_datetime_and_no_capture_has_none(wayback):
    captured = get(wayback, f"hand/20240101100000id_/{GONE}")
    never = get(wayback, f"hand/20240101100000id_/{GONE}0")
    assert (captured[0], captured[2], "Memento-Datetime" in captured[1]) == (404, REMOVED_PAGE, True)
    assert (never[0], "Memento-Datetime" in never[1]) == (404, False)


def test_a_gzip_body_is_decoded_for_a_client_that_does_not_accept_gzip(wayback, seed_versions):
    plain = get(wayback, f"hand/20240101100000id_/{GZIPPED}")
    packed = get(wayback, f"hand/20240101100000id_/{GZIPPED}", **{"Accept-Encoding": "gzip"})
    assert (plain[2], plain[1]["X-Archive-Orig-Content-Encoding"]) == (seed_versions[0], "gzip")
    assert (gzip.decompress(packed[2]), packed[1]["Content-Encoding"]) == (seed_versions[0], "gzip")
