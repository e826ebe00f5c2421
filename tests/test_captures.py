# ruff: noqa: E501  (a TimeMap is one link a line)
"""Reading web-archive listings: the Wayback CDX API, pywb's CDX API, RFC 7089 TimeMaps.

The answers below are in the forms the Wayback CDX Server API documentation, pywb's
documentation and RFC 7089 give.
"""

import json

import pytest

from scraper.captures import (
    Capture,
    ListingError,
    parse_cdx,
    parse_timemap,
    portal_url,
    raw_url,
    replay_beside,
    timestamp_iso,
)

SEED = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
ROW = [
    "gov,longan,lavusta)/default.aspx?chitiet=true&cmsid=743&tabid=620",
    "20240418063200",
    "http://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743",
    "text/html",
    "200",
    "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
    "8123",
]


def test_wayback_json_rows_are_named_by_the_header_row():
    captures, resume, bad = parse_cdx(json.dumps([HEADER, ROW]).encode())
    assert captures == [Capture("20240418063200", ROW[2], "text/html", 200, "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")]
    assert (resume, bad) == (None, 0)


def test_wayback_resume_key_follows_an_empty_row():
    body = json.dumps([HEADER, ROW, [], ["gov%2Clongan%2Clavusta%29%2F+20240418063200"]]).encode()
    captures, resume, _ = parse_cdx(body)
    assert len(captures) == 1
    assert resume == "gov%2Clongan%2Clavusta%29%2F+20240418063200"


def test_an_empty_wayback_answer_lists_nothing():
    assert parse_cdx(b"[]") == ([], None, 0)
    assert parse_cdx(b"") == ([], None, 0)


def test_a_revisit_row_has_no_status():
    row = [*ROW[:3], "warc/revisit", "-", ROW[5], "512"]
    (capture,), _, _ = parse_cdx(json.dumps([HEADER, row]).encode())
    assert capture.is_revisit and capture.status is None and capture.is_page


def test_pywb_json_lines_use_pywb_field_names():
    line = {"urlkey": ROW[0], "timestamp": "20210504032000", "url": SEED, "mime": "text/html", "status": "404"}
    (capture,), resume, _ = parse_cdx((json.dumps(line) + "\n").encode())
    assert (capture.original, capture.status, capture.mimetype, resume) == (SEED, 404, "text/html", None)


def test_rows_without_a_timestamp_or_url_are_counted_not_kept():
    captures, _, bad = parse_cdx(json.dumps([HEADER, ROW, ["x", "yesterday", "", "", "", "", ""]]).encode())
    assert (len(captures), bad) == (1, 1)


def test_an_answer_that_is_no_listing_is_an_error():
    with pytest.raises(ListingError):
        parse_cdx(b"<html>Service unavailable</html>")
    with pytest.raises(ListingError):
        parse_cdx(b'{"error": "too many requests"')


def test_images_are_not_pages():
    assert not Capture("20240418063200", SEED, "image/jpeg").is_page
    assert Capture("20240418063200", SEED, "text/html; charset=utf-8").is_page


def test_timestamps_are_utc_iso():
    assert timestamp_iso("20210504032000") == "2021-05-04T03:20:00+00:00"
    assert timestamp_iso("2021") == "2021-01-01T00:00:00+00:00"


def test_captures_are_fetched_raw_with_id_():
    capture = Capture("20240418063200", SEED)
    assert raw_url("https://web.archive.org/web/", capture) == f"https://web.archive.org/web/20240418063200id_/{SEED}"


TIMEMAP = """<http://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743>; rel="original",
<http://arquivo.pt/wayback/timemap/link/http://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743>; rel="self"; type="application/link-format",
<http://arquivo.pt/wayback/20190507091500/http://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743>; rel="first memento"; datetime="Tue, 07 May 2019 09:15:00 GMT",
<http://archive.example/memento/abc123>; rel="memento"; datetime="Thu, 18 Apr 2024 06:32:00 GMT",
<http://arquivo.pt/wayback/timemap/link/2>; rel="timemap"; type="application/link-format",
<http://arquivo.pt/wayback/timemap/json/x>; rel="timemap"; type="application/json"
"""


def test_timemap_mementos_with_their_times():
    captures, more = parse_timemap(TIMEMAP)
    assert [c.timestamp for c in captures] == ["20190507091500", "20240418063200"]
    assert all(c.original.endswith("CmsId=743") for c in captures)
    assert more == ["http://arquivo.pt/wayback/timemap/link/2"]


def test_wayback_style_mementos_are_fetched_raw_others_as_served():
    first, second = parse_timemap(TIMEMAP)[0]
    assert raw_url("", first).startswith("http://arquivo.pt/wayback/20190507091500id_/http://lavusta")
    assert raw_url("", second) == "http://archive.example/memento/abc123"


def test_a_timemap_without_an_original_is_an_error():
    with pytest.raises(ListingError):
        parse_timemap('<http://a/1>; rel="memento"; datetime="Tue, 07 May 2019 09:15:00 GMT"')


def test_captured_addresses_of_the_portal_become_its_canonical_urls():
    site = "https://lavusta.longan.gov.vn/"
    assert portal_url("http://lavusta.longan.gov.vn:80/Default.aspx?tabid=620&ChiTiet=True&CmsId=743", site) == SEED
    assert portal_url("http://www.lavusta.longan.gov.vn/default.aspx?CmsId=743&ChiTiet=True&tabid=620", site) == SEED
    assert portal_url("https://other.gov.vn/Default.aspx?tabid=1", site) is None


def test_captures_of_an_earlier_host_of_the_site_become_its_urls():
    old = "http://lhh.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
    assert portal_url(old, "https://lavusta.longan.gov.vn/") is None
    assert portal_url(old, "https://lavusta.longan.gov.vn/", ("lhh.longan.gov.vn",)) == SEED


def test_the_replay_server_goes_with_the_wayback_cdx_server_by_default():
    assert replay_beside("https://web.archive.org/cdx/search/cdx") == "https://web.archive.org/web/"


def test_the_replay_server_of_a_pywb_collection_is_the_collection():
    assert replay_beside("http://127.0.0.1:8080/lavusta/cdx") == "http://127.0.0.1:8080/lavusta/"


def test_another_cdx_server_needs_its_replay_named():
    with pytest.raises(ValueError, match="replay="):
        replay_beside("http://127.0.0.1:8080/index")
