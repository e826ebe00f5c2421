"""Fuzzing: no input makes a parser, the date reader or the normalizer raise, or take long.

A short run is part of the suite; `make fuzz` runs 10,000 cases per property.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qsl, quote, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from scraper.dates import dates_mentioned_checked, parse_clock_checked, parse_date_text
from scraper.documents import documents
from scraper.parsers.document import load
from scraper.parsers.links import discover
from scraper.parsers.page import parse_page
from scraper.parsers.urls import canonical_url, cms_id, split_paging, tab_id
from scraper.retry import retry_after_seconds
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


# Digits of every kind str.isdigit() accepts ("²", "①", "٣", "３"), ASCII ones, and long runs of them.
ANY_DIGITS = st.characters(categories=["Nd", "No"]) | st.sampled_from("0123456789")
NUMBERS = st.one_of(
    st.text(ANY_DIGITS, min_size=1, max_size=12),
    st.integers(1, 5000).map(lambda n: "9" * n),
    st.text(max_size=12),
)
PARAMS = st.sampled_from(["CmsId", "cmsid", "tabid", "TabId", "Page", "pageindex", "trang", "p", "ChiTiet", "mid"])


@st.composite
def odd_urls(draw: st.DrawFn) -> str:
    """Portal URLs whose ids and page numbers are any digits, percent-encoded as a browser would."""
    query = "&".join(f"{draw(PARAMS)}={quote(draw(NUMBERS))}" for _ in range(draw(st.integers(0, 4))))
    return f"http://127.0.0.1/Default.aspx?{query}"


def plain_number(found: int | None) -> bool:
    return found is None or (type(found) is int and 0 <= found < 10**9)


@given(odd_urls())
def test_url_functions_never_raise_and_read_only_ascii_numbers(url):
    values = {k.lower(): v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    for found, name in ((cms_id(url), "cmsid"), (tab_id(url), "tabid")):
        assert found is None or (values[name].isascii() and values[name].isdigit() and found == int(values[name]))
    assert plain_number(split_paging(url)[1])
    assert plain_number(cms_id(canonical_url(url)))


@given(st.lists(odd_urls(), max_size=8), st.sampled_from(["", "Page$"]), NUMBERS)
def test_link_discovery_never_raises_and_keeps_only_ascii_numbers(urls, prefix, pager):
    links = "".join(f'<a href="{url.replace("&", "&amp;")}">x</a>' for url in urls)
    postback = f"<a href=\"javascript:__doPostBack('dnn$pager','{prefix}{pager}')\">{pager}</a>"
    found = discover(load(f"<html><body>{links}{postback}</body></html>", "http://127.0.0.1/"))
    for url in found.pages:
        assert all(plain_number(number) for number in (cms_id(url), tab_id(url), split_paging(url)[1]))
    assert all(plain_number(post.page) for post in found.postbacks)
    assert len(found.pages) + len(found.bad_numbers) <= len(urls) + 1


@given(st.binary(max_size=40) | NUMBERS.map(lambda text: text.encode("latin-1", "replace")))
def test_retry_after_never_raises_and_is_a_plain_number_of_seconds(header):
    seconds = retry_after_seconds(header)
    assert seconds is None or (type(seconds) is float and seconds >= 0)
