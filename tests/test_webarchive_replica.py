"""The local web archive fixture (replica/webarchive) checked against independent facts:
warcio's reading of the WARC files, SHA-1 of the bytes, the Wayback CDX conventions, RFC 7089
link format, and the pages' own text. Every request goes to 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from warcio.archiveiterator import ArchiveIterator

from replica.webarchive import truth
from replica.webarchive.captures import EDITED, EDITED_PARAGRAPH, EDITED_TITLE, captures
from replica.webarchive.warcs import write_warcs
from replica.webarchive.wayback import WaybackServer, serve

SITE = "lavusta.longan.gov.vn"
HOME = f"https://{SITE}/Default.aspx?tabid=36"
SEED = f"https://{SITE}/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
EDITED_URL = f"https://{SITE}/Default.aspx?tabid=620&ChiTiet=True&CmsId={EDITED}"
REVISIT_PROFILE = "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object) -> None:
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    assert url.startswith("http://127.0.0.1:"), url
    try:
        with OPENER.open(url, timeout=5) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def sha1_base32(data: bytes) -> str:
    return base64.b32encode(hashlib.sha1(data).digest()).decode()


@pytest.fixture(scope="module")
def wayback() -> Iterator[WaybackServer]:
    server = serve()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """Every response and revisit record of the WARC files, as warcio reads them."""
    found = []
    for path in write_warcs(tmp_path_factory.mktemp("warcs")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type in ("response", "revisit"):
                    found.append(
                        {
                            "file": path.name,
                            "type": record.rec_type,
                            "url": record.rec_headers.get_header("WARC-Target-URI"),
                            "date": record.rec_headers.get_header("WARC-Date"),
                            "digest": record.rec_headers.get_header("WARC-Payload-Digest"),
                            "headers": record.rec_headers,
                            "status": record.http_headers.get_statuscode() if record.http_headers else None,
                            "content_type": record.http_headers.get_header("Content-Type"),
                            "body": record.content_stream().read(),
                        }
                    )
    return found


def cdx(server: WaybackServer, query: str) -> list[list[str]]:
    status, _, body = get(f"{server.url}cdx/search/cdx?{query}")
    assert status == 200
    return json.loads(body)


def all_rows(server: WaybackServer) -> list[dict[str, str]]:
    table = cdx(server, f"url={SITE}/*&output=json")
    return [dict(zip(table[0], row, strict=True)) for row in table[1:]]


class Text(HTMLParser):
    """The page's visible text, a line break at each block and <br>."""

    BLOCKS = frozenset({"p", "div", "br", "tr", "td", "li", "h1", "h2", "table", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def lines_of(html: bytes) -> list[str]:
    parser = Text()
    parser.feed(html.decode("utf-8"))
    return [line.strip(" \r\t") for line in "".join(parser.parts).split("\n") if line.strip(" \r\t\xa0")]


# --- WARC files -----------------------------------------------------------------------------


def test_warc_files_are_split_over_three_files_by_year(tmp_path: Path) -> None:
    names = [path.name for path in write_warcs(tmp_path)]
    assert names == ["lavusta-2019-2021.warc.gz", "lavusta-2022-2023.warc.gz", "lavusta-2024-2025.warc.gz"]


def test_every_response_record_payload_digest_is_the_sha1_of_its_body(records: list[dict[str, object]]) -> None:
    responses = [r for r in records if r["type"] == "response"]
    assert responses
    for record in responses:
        assert record["digest"] == "sha1:" + sha1_base32(record["body"]), record["url"]


def test_each_capture_is_one_response_or_revisit_record(records: list[dict[str, object]]) -> None:
    assert len(records) == len(captures())


def test_revisit_record_refers_to_an_earlier_response_with_the_same_payload(records: list[dict[str, object]]) -> None:
    revisits = [r for r in records if r["type"] == "revisit"]
    assert len(revisits) == 1
    headers = revisits[0]["headers"]
    assert headers.get_header("WARC-Profile") == REVISIT_PROFILE
    target, when = headers.get_header("WARC-Refers-To-Target-URI"), headers.get_header("WARC-Refers-To-Date")
    original = [r for r in records if r["type"] == "response" and r["url"] == target and r["date"] == when]
    assert len(original) == 1
    assert original[0]["digest"] == revisits[0]["digest"]
    assert when < revisits[0]["date"]


def test_edited_article_records_are_written_newest_first(records: list[dict[str, object]]) -> None:
    dates = [r["date"] for r in records if r["url"] == EDITED_URL]
    assert len(dates) == 3
    assert dates == sorted(dates, reverse=True)


def test_pages_declare_their_charset(records: list[dict[str, object]]) -> None:
    pages = [r for r in records if r["type"] == "response" and b"<html" in r["body"][:300].lower()]
    assert pages and all(r["content_type"] == "text/html; charset=utf-8" for r in pages)


# --- CDX API --------------------------------------------------------------------------------


def test_cdx_rows_have_wayback_fields_in_order(wayback: WaybackServer) -> None:
    table = cdx(wayback, f"url={SITE}/*&output=json")
    assert table[0] == ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    assert len(table) - 1 == len(captures())


def test_cdx_urlkey_is_the_surt_with_sorted_lowercase_arguments(wayback: WaybackServer) -> None:
    keys = {row["urlkey"] for row in all_rows(wayback) if row["original"] == SEED}
    assert keys == {"vn,gov,longan,lavusta)/default.aspx?chitiet=true&cmsid=743&tabid=620"}


def test_cdx_rows_are_sorted_by_urlkey_then_timestamp(wayback: WaybackServer) -> None:
    keys = [(row["urlkey"], row["timestamp"]) for row in all_rows(wayback)]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_cdx_revisit_row_has_revisit_mimetype_and_no_status(wayback: WaybackServer) -> None:
    revisits = [row for row in all_rows(wayback) if row["mimetype"] == "warc/revisit"]
    assert [(row["original"], row["statuscode"]) for row in revisits] == [(SEED, "-")]


def test_cdx_lists_http_and_port_80_originals_as_archived(wayback: WaybackServer) -> None:
    originals = {row["original"] for row in all_rows(wayback)}
    assert f"http://{SITE}:80/Default.aspx?tabid=36" in originals
    assert any(url.startswith(f"http://{SITE}/") for url in originals)


def test_cdx_paging_returns_every_row_exactly_once(wayback: WaybackServer) -> None:
    seen, key, pages = [], None, 0
    while True:
        query = f"url={SITE}/*&output=json&limit=5&showResumeKey=true"
        table = cdx(wayback, query + (f"&resumeKey={quote(key)}" if key else ""))
        pages += 1
        if table[-2:-1] == [[]]:
            rows, key = table[1:-2], table[-1][0]
        else:
            rows, key = table[1:], None
        assert len(rows) <= 5
        seen += [tuple(row) for row in rows]
        if key is None:
            break
    full = [tuple(row.values()) for row in all_rows(wayback)]
    assert seen == full
    assert pages == math.ceil(len(full) / 5) == truth.COVERAGE["cdx_pages_limit_5"]


def test_cdx_host_match_and_prefix_match_list_the_same_rows(wayback: WaybackServer) -> None:
    host = cdx(wayback, f"url={SITE}&matchType=host&output=json")
    prefix = cdx(wayback, f"url={SITE}/&matchType=prefix&output=json")
    assert host == prefix == cdx(wayback, f"url={SITE}/*&output=json")


def test_cdx_field_list_and_time_range(wayback: WaybackServer) -> None:
    table = cdx(wayback, f"url={SITE}/*&output=json&fl=timestamp,statuscode&from=2024&to=2024")
    assert table[0] == ["timestamp", "statuscode"]
    assert table[1:] and all(row[0].startswith("2024") for row in table[1:])


def test_cdx_empty_result_is_an_empty_array(wayback: WaybackServer) -> None:
    assert cdx(wayback, "url=example.org/*&output=json") == []


# --- replay ---------------------------------------------------------------------------------


def test_raw_replay_gives_the_exact_payload_and_status(wayback: WaybackServer, records: list[dict]) -> None:
    for row in all_rows(wayback):
        if row["mimetype"] == "warc/revisit":
            continue
        status, headers, body = get(f"{wayback.url}web/{row['timestamp']}id_/{row['original']}")
        assert (status, sha1_base32(body)) == (int(row["statuscode"]), row["digest"]), row["original"]
        assert "Memento-Datetime" in headers


def test_raw_replay_of_a_revisit_gives_the_payload_it_refers_to(wayback: WaybackServer) -> None:
    rows = [row for row in all_rows(wayback) if row["original"] == SEED]
    revisit = next(row for row in rows if row["mimetype"] == "warc/revisit")
    status, headers, body = get(f"{wayback.url}web/{revisit['timestamp']}id_/{SEED}")
    assert status == 200 and sha1_base32(body) == revisit["digest"]
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Memento-Datetime"] == "Thu, 10 Apr 2025 09:12:44 GMT"


def test_inexact_timestamp_redirects_to_the_nearest_capture(wayback: WaybackServer) -> None:
    status, headers, _ = get(f"{wayback.url}web/20240301id_/{HOME}")
    assert status == 302
    assert headers["Location"] == f"{wayback.url}web/20240215012230id_/{HOME}"


def test_redirect_capture_points_into_the_archive(wayback: WaybackServer) -> None:
    status, headers, _ = get(f"{wayback.url}web/20200817063002id_/https://{SITE}/")
    assert status == 302
    assert headers["Location"] == f"{wayback.url}web/20200817063002id_/https://{SITE}/Default.aspx?tabid=36"


def test_unknown_url_is_404(wayback: WaybackServer) -> None:
    assert get(f"{wayback.url}web/2024id_/https://{SITE}/Default.aspx?tabid=1")[0] == 404


# --- TimeMap --------------------------------------------------------------------------------


def test_timemap_lists_one_memento_per_capture(wayback: WaybackServer) -> None:
    status, headers, body = get(f"{wayback.url}web/timemap/link/{HOME}")
    assert status == 200 and headers["Content-Type"] == "application/link-format"
    links = re.findall(r'<([^>]+)>;\s*rel="([^"]+)"(?:;\s*datetime="([^"]+)")?', body.decode())
    mementos = [(url, when) for url, rel, when in links if "memento" in rel.split()]
    home_rows = [row for row in all_rows(wayback) if row["urlkey"].endswith(")/default.aspx?tabid=36")]
    assert len(mementos) == len(home_rows) == 7
    assert mementos[0] == (f"{wayback.url}web/20210412013005/{HOME}", "Mon, 12 Apr 2021 01:30:05 GMT")
    assert {rel for _, rel, _ in links} >= {"original", "self", "timegate"}


# --- options --------------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after() -> None:
    server = serve(rate_limit=(2, 60.0))
    try:
        statuses = [get(f"{server.url}cdx/search/cdx?url={SITE}&output=json") for _ in range(3)]
        assert [s for s, _, _ in statuses] == [200, 200, 429]
        assert statuses[2][1]["Retry-After"] == "1"
    finally:
        server.shutdown()


def test_every_request_path_is_logged() -> None:
    server = serve()
    try:
        get(f"{server.url}web/timemap/link/{HOME}")
        assert server.requests == [f"/web/timemap/link/{HOME}"]
    finally:
        server.shutdown()


# --- truth against the pages' own text ------------------------------------------------------


def test_edited_title_and_paragraph_are_in_the_second_capture_only() -> None:
    first, second, third = [c for c in captures() if c.url == EDITED_URL]
    for needle in (EDITED_TITLE, EDITED_PARAGRAPH):
        encoded = needle.encode()
        assert encoded not in first.body and encoded in second.body
    assert third.body == second.body
    versions = truth.ARTICLES[EDITED]["versions"]
    assert [v["title"] for v in versions][1] == EDITED_TITLE
    assert len(versions) == 2


def test_every_version_reads_as_its_page_says() -> None:
    for capture in captures():
        version = capture.shown.version
        if capture.status != 200 or version is None:
            continue
        lines = lines_of(capture.body)
        assert any(line.startswith(version.title) for line in lines), capture.url
        assert version.byline in lines, capture.url
        for paragraph in version.paragraphs:
            assert paragraph in lines, (capture.timestamp, paragraph)
        assert f"{version.published:%d/%m/%Y}" in unescape(capture.body.decode())


def test_seed_article_is_one_version_across_two_designs() -> None:
    versions = truth.ARTICLES[743]["versions"]
    assert len(versions) == 1 and versions[0]["captured_at"] == "2024-07-17T18:50:12+00:00"


def test_deleted_article_shows_the_notice_then_404() -> None:
    deleted = [c for c in captures() if "CmsId=583" in c.url]
    assert [c.status for c in deleted] == [200, 200, 404]
    assert "Tin không tồn tại".encode() in deleted[1].body
    assert truth.REMOVED[583]["removed_at"] == "2022-09-14T09:31:40+00:00"


def test_visitor_snapshots_show_their_numbers_and_clock_on_the_page() -> None:
    by_time = {c.timestamp: c for c in captures()}
    for snapshot in truth.VISITORS:
        page = by_time[re.sub(r"\D", "", snapshot["captured_at"])[:14]].body.decode()
        digits = "".join(re.findall(r'<img src="/Portals/0/[Cc]ounter/\d\.gif" alt="(\d)"', page))
        grouped = f"{snapshot['visits']:,}".replace(",", ".")
        assert digits == str(snapshot["visits"]) or f"<b>{grouped}</b>" in page
        if snapshot["page_clock"]:
            clock = snapshot["page_clock"]
            assert f"{clock[8:10]}/{clock[5:7]}/{clock[:4]} {clock[11:16]}" in page


def test_home_captures_show_different_counters() -> None:
    home = [s for s in truth.VISITORS if s["url"].endswith("Default.aspx?tabid=36")]
    assert len(home) == 7
    assert len({s["visits"] for s in home}) == len({s["online_total"] for s in home}) == 7


def test_linked_but_never_captured_ids_are_those_the_pages_link_to() -> None:
    linked, captured = set(), set()
    for capture in captures():
        if capture.content_type.startswith("text/html"):
            linked |= {int(n) for n in re.findall(r"cmsid=(\d+)", capture.body.decode(), re.IGNORECASE)}
        captured |= {int(n) for n in re.findall(r"CmsId=(\d+)", capture.url)}
    assert sorted(linked - captured) == truth.COVERAGE["linked_not_captured"]


def test_coverage_counts() -> None:
    assert {k: truth.COVERAGE[k] for k in ("listed", "not_pages", "duplicates", "redirects", "http_errors")} == {
        "listed": 37,
        "not_pages": 2,
        "duplicates": 2,
        "redirects": 1,
        "http_errors": 2,
    }
    assert truth.COVERAGE["fetched"] == 33


def article_text(capture_body: bytes, title: str, byline: str) -> list[str]:
    """The article's lines from its title line to its byline, dates left out."""
    lines = lines_of(capture_body)
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    end = lines.index(byline, start)
    dated = re.compile(r"(Cập nhật: )?\d\d/\d\d/\d{4}")
    block = [re.sub(r" \d\d/\d\d/\d{4}$", "", lines[start]), *lines[start + 1 : end + 1]]
    return [line for line in block if not dated.fullmatch(line)]


def test_a_new_version_starts_exactly_where_the_article_text_changes() -> None:
    for number, article in truth.ARTICLES.items():
        good = [c for c in captures() if c.status == 200 and c.shown.version and c.shown.version.cms_id == number]
        texts = [article_text(c.body, c.shown.version.title, c.shown.version.byline) for c in good]
        starts = [good[0].when.isoformat()]
        starts += [
            c.when.isoformat() for c, before, now in zip(good[1:], texts[:-1], texts[1:], strict=True) if before != now
        ]
        assert starts == [v["captured_at"] for v in article["versions"]], number
