"""Fuzzing: no input makes a parser, the date reader or the normalizer raise, or take long.

A short run is part of the suite; `make fuzz` runs 10,000 cases per property.
"""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from scraper.dates import dates_mentioned_checked, parse_clock_checked, parse_date_text
from scraper.documents import documents
from scraper.parsers.page import parse_page
from scraper.text import normalize

MAX_SECONDS_PER_PAGE = 2.0

# Pieces of real portal pages, so generated pages reach deep into the parsers.
PORTAL_TEXT = st.sampled_from(
    [
        "Thứ Năm,18/04/2024 13:32",
        "Số lượt truy cập",
        "Khách: 3",
        "Tổng Cộng: 3",
        "Hoạt động LHH tỉnh Long an",
        "Tổng kết hoạt động năm 2023 25/12/2023",
        "Cập nhật: 12/03/2019",
        "Sáng ngày 22/12/202,tại Hội trường Tỉnh uỷ",
        "Chương trình số 38-Ctr/Tu ngày 12/4/2023",
        "Bài và ảnh: T.T.B",
        "Bài: T.T.B; Ảnh: L.V.H",
        "Nguồn: Báo Long An",
        "Các tin khác:",
        "File đính kèm:",
        "Tin không tồn tại",
        "Bản quyền ©",
        "(19/12/2023)",
    ]
)
TEXT = st.one_of(PORTAL_TEXT, st.text(max_size=200))
TAGS = st.sampled_from(["div", "p", "span", "td", "tr", "table", "li", "ul", "b", "a", "h2", "br", "img", "font"])
HREFS = st.sampled_from(
    [
        "/Default.aspx?tabid=620&ChiTiet=True&CmsId=743",
        "Default.aspx?tabid=621&Page=2",
        "javascript:__doPostBack('dnn$ctr1$pager','Page$2')",
        "mailto:a@b.vn",
        "../../etc/passwd",
        "/web/20240418063200/https://lavusta.longan.gov.vn/Default.aspx?tabid=609",
        "http://[::1",
        "",
    ]
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Nested tags with portal text, links and images: a page as broken as any found online."""
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(TAGS)
        if tag == "a":
            parts.append(f'<a href="{draw(HREFS)}">{draw(TEXT)}</a>')
        elif tag == "img":
            parts.append(f'<img src="{draw(HREFS)}" alt="{draw(st.sampled_from(["1", "Khách", ""]))}">')
        else:
            parts.append(f"<{tag}>{draw(TEXT)}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    return "<html><body>" + "".join(parts) + "</body></html>"


def parse_in_time(page: str | bytes) -> None:
    started = time.monotonic()
    parsed = parse_page(page, "http://127.0.0.1/Default.aspx?tabid=620&ChiTiet=True&CmsId=1")
    assert parsed.kind in ("article", "page", "list", "missing")
    assert time.monotonic() - started < MAX_SECONDS_PER_PAGE


@given(st.binary(max_size=5000))
def test_any_bytes_parse_without_error(body):
    parse_in_time(body)


@given(html_pages())
def test_any_portal_like_html_parses_without_error(page):
    parse_in_time(page)


@given(st.integers(1, 3000))
def test_deeply_nested_pages_parse_in_time(depth):
    parse_in_time("<div><span>" * depth + "Tổng kết 25/12/2023" + "</span></div>" * depth)


def test_a_huge_page_parses_in_time():
    parse_in_time("<p>" + "Liên hiệp hội tổ chức hội nghị, " * 100_000 + "</p>")


@given(st.text(max_size=300))
def test_date_readers_never_raise(text):
    parse_date_text(text)
    parse_clock_checked(text)
    dates_mentioned_checked(text)
    documents(text)


@given(st.text(max_size=500))
def test_normalizer_never_raises_and_is_idempotent(text):
    once, _ = normalize(text)
    assert normalize(once)[0] == once
