"""Hostile text (replica/hostile/text.py): bad UTF-8 bytes, deep markup, huge text, control characters.

Expected counts of bad bytes come from the bytes the routes write: 0xFF, and 0x80–0xBF with
no lead byte, are never UTF-8 (RFC 3629), and an ill-formed sequence gives one U+FFFD per
maximal subpart (Unicode Standard §3.9, "U+FFFD Substitution of Maximal Subparts"; the
WHATWG Encoding Standard's UTF-8 decoder does the same).
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from replica.hostile.text import DEPTH, LOST, META, PAGE, PARAGRAPH, TITLES, TOO_DEEP
from scraper.parsers.page import parse_page

MARK = "\ufffd"
# C0 and C1 controls and DEL, but tab and line feed (plain text in a quoted CSV cell).
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ARTICLE_URL = "http://127.0.0.1/Default.aspx?tabid=620&ChiTiet=True&CmsId=77"


@pytest.fixture(scope="module")
def records(fault_crawl) -> dict[str, dict]:
    """The archived articles of this module's routes, by path."""
    lines = (fault_crawl["archive"] / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    found = {}
    for record in map(json.loads, lines):
        path = next((p for p in TITLES if record["url"].endswith(p)), None)
        if path:
            found[path] = record
    return found


@pytest.fixture(scope="module")
def csv_frame(fault_crawl) -> pd.DataFrame:
    return pd.read_csv(fault_crawl["archive"] / "articles.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


# The body paragraph of each route with bad bytes, one U+FFFD where each bad sequence stood.
MARKED_BODIES = {
    "/f/text/stray-byte": PARAGRAPH.replace(" năm", f"{MARK} năm"),
    "/f/text/cp1252-quotes": PARAGRAPH.replace("khoa học", f"{MARK}khoa học{MARK}"),
    "/f/text/cut-character": f"{PARAGRAPH} Hội nghị đạt kết quả tốt đ{MARK}",
    "/f/text/undeclared-stray-byte": PARAGRAPH.replace(" tại", f"{MARK}tại"),
}


@pytest.mark.parametrize("path", MARKED_BODIES)
def test_an_article_with_bad_utf8_bytes_keeps_its_title_and_its_text_marked_where_the_bytes_were(records, path):
    assert records[path]["title_raw"] == TITLES[path]
    assert records[path]["body_raw"] == MARKED_BODIES[path]


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("/f/text/stray-byte", 1),  # FF
        ("/f/text/cp1252-quotes", 2),  # 93 and 94, each a continuation byte without a lead
        ("/f/text/cut-character", 1),  # E1 BB: the start of E1 BB 87 ("ệ"), one maximal subpart
        ("/f/text/undeclared-stray-byte", 1),  # A0 without a lead
    ],
)
def test_bad_utf8_bytes_are_counted_in_the_records_errors(records, path, count):
    assert f"decode-errors: {count}" in records[path]["errors"]


@pytest.mark.parametrize("path", ["/f/text/deep-divs", "/f/text/unclosed-fonts"])
def test_an_article_nested_past_libxml2s_default_depth_is_archived_whole(records, path):
    assert DEPTH > 256  # libxml2's default limit of nesting
    assert records[path]["title_raw"] == TITLES[path]
    assert records[path]["body_raw"] == PARAGRAPH
    assert records[path]["errors"] == []


def test_an_article_nested_past_libxml2s_hard_limit_keeps_what_came_before_and_says_the_rest_is_lost(records):
    record = records["/f/text/too-deep"]
    assert TOO_DEEP > 2048  # libxml2's limit even with huge_tree
    assert record["title_raw"] == TITLES["/f/text/too-deep"]
    assert record["body_raw"].startswith(PARAGRAPH) and LOST not in record["body_raw"]
    assert any(error.startswith("markup-too-deep") for error in record["errors"])


def test_markup_cut_by_the_parsers_limit_is_counted_in_the_manifest(fault_crawl):
    assert fault_crawl["manifest"]["errors"]["markup-too-deep"] == 1


def test_the_csv_holds_no_control_characters(csv_frame, fault_crawl):
    assert not CONTROLS.search((fault_crawl["archive"] / "articles.csv").read_text(encoding="utf-8-sig"))
    for column in csv_frame.columns:
        assert not csv_frame[column].str.contains(CONTROLS).any(), column


def test_controls_are_visible_stand_ins_in_the_csv_and_kept_as_they_are_in_the_jsonl(csv_frame, records):
    row = csv_frame[csv_frame["url"].str.endswith("/f/text/controls")].iloc[0]
    assert row["title_raw"] == "Liên hiệp hội \u241b[31mcảnh báo\u2407 (ký tự điều khiển)"  # ␛ and ␇
    assert row["body_raw"] == f"\u241b[0m{PARAGRAPH}\u2407{MARK}2J"  # C1 CSI has no picture: U+FFFD
    record = records["/f/text/controls"]
    assert record["title_raw"] == "Liên hiệp hội \x1b[31mcảnh báo\x07 (ký tự điều khiển)"
    assert record["body_raw"] == f"\x1b[0m{PARAGRAPH}\x07\x9b2J"


def test_markup_nested_deeper_than_pythons_recursion_limit_gives_the_article():
    depth = 1500  # past Python's default recursion limit (1000), within libxml2's huge-tree limit (2048)
    title = "Liên hiệp hội tổng kết năm 2023 trong trang lồng rất sâu"
    html = PAGE.format(meta=META, open="<div>" * depth, title=title, body=PARAGRAPH, close="</div>" * depth)
    article = parse_page(html.encode(), ARTICLE_URL, content_type="text/html; charset=utf-8").article
    assert (article.title_raw, article.body_raw) == (title, PARAGRAPH)


def test_a_text_node_over_libxml2s_10_mb_limit_is_kept_whole():
    text = " ".join([PARAGRAPH] * 90_000)
    assert len(text.encode()) > 10_000_000  # libxml2's default limit of one text node (XML_MAX_TEXT_LENGTH)
    title = "Liên hiệp hội đăng một bài rất dài"
    html = PAGE.format(meta=META, open="", title=title, body=text, close="")
    article = parse_page(html.encode(), ARTICLE_URL, content_type="text/html; charset=utf-8").article
    assert (article.title_raw, article.body_raw) == (title, text)
