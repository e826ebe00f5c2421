"""Canonical article URLs, web-archive unwrapping, numbers in URLs and the crawl's origin."""

from __future__ import annotations

import pytest

from scraper.origin import same_origin, upgraded
from scraper.parsers.document import load
from scraper.parsers.links import Postback, discover
from scraper.parsers.urls import (
    canonical_article_url,
    canonical_url,
    cms_id,
    number,
    split_paging,
    tab_id,
    unwrap_wayback,
)
from scraper.retry import retry_after_seconds

CANONICAL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"


@pytest.mark.parametrize(
    "url",
    [
        CANONICAL,
        "https://lavusta.longan.gov.vn/Default.aspx?CmsId=743&tabid=620&ChiTiet=True",
        "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&cmsid=743&mid=1234",
        "https://LAVUSTA.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743&print=1#top",
        "https://web.archive.org/web/20240418063200/https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743",
    ],
)
def test_article_urls_collapse_to_one_canonical_form(url):
    assert canonical_article_url(url) == CANONICAL


def test_page_without_cms_id_is_not_an_article_url():
    assert canonical_article_url("https://lavusta.longan.gov.vn/Default.aspx?tabid=609") is None


def test_cms_id_is_read_whatever_its_case():
    assert cms_id("http://h/Default.aspx?tabid=1&CMSID=777") == 777


def test_list_urls_keep_tabid_and_paging_only():
    url = "http://h/Default.aspx?tabid=621&Page=2&SessionId=abc&print=1"
    assert canonical_url(url) == "http://h/Default.aspx?tabid=621&Page=2"


def test_default_aspx_alone_is_the_home_page():
    assert canonical_url("http://h/Default.aspx") == "http://h/"


def test_wayback_image_url_unwraps_to_the_original():
    url = "https://web.archive.org/web/20240418063200im_/https://lavusta.longan.gov.vn/Portals/0/a.jpg"
    assert unwrap_wayback(url) == "https://lavusta.longan.gov.vn/Portals/0/a.jpg"


def test_wayback_url_with_squeezed_slashes_unwraps():
    url = "https://web.archive.org/web/2024/http:/lavusta.longan.gov.vn/Default.aspx?tabid=609"
    assert unwrap_wayback(url) == "http://lavusta.longan.gov.vn/Default.aspx?tabid=609"


def test_ordinary_url_is_not_unwrapped():
    assert unwrap_wayback("http://127.0.0.1:8000/web/1/x") == "http://127.0.0.1:8000/web/1/x"


# Digits that str.isdigit() accepts but no URL of the portal means: superscript two,
# circled one, Arabic-Indic three-four, fullwidth three; and a number too long to be an id.
ODD_NUMBERS = ["%C2%B2", "%E2%91%A0", "%D9%A3%D9%A4", "%EF%BC%93", "9" * 5000]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("743", 743),
        ("000000042", 42),
        ("999999999", 999_999_999),
        ("1234567890", None),
        ("²", None),
        ("①", None),
        ("٣٤", None),
        ("３", None),
        ("9" * 5000, None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1_000", None),
        ("", None),
    ],
)
def test_a_number_is_one_to_nine_ascii_digits(text, expected):
    assert number(text) == expected


@pytest.mark.parametrize("odd", ODD_NUMBERS)
def test_an_article_id_that_is_no_number_names_no_article(odd):
    url = f"http://h/Default.aspx?tabid=620&ChiTiet=True&CmsId={odd}"
    assert cms_id(url) is None
    assert canonical_article_url(url) is None


@pytest.mark.parametrize("odd", ODD_NUMBERS)
def test_a_tabid_that_is_no_number_is_none(odd):
    assert tab_id(f"http://h/Default.aspx?tabid={odd}") is None


@pytest.mark.parametrize("odd", ODD_NUMBERS)
def test_a_page_number_that_is_no_number_pages_nothing(odd):
    assert split_paging(f"http://h/Default.aspx?tabid=621&Page={odd}") == ("http://h/Default.aspx?tabid=621", None)


def test_a_pager_post_that_is_no_number_names_no_page():
    assert Postback("dnn$pager", "Page$²", "²").page is None


def test_links_with_odd_numbers_are_set_aside_and_the_links_after_them_kept():
    bad = "".join(f'<a href="/Default.aspx?tabid=620&amp;ChiTiet=True&amp;CmsId={odd}">x</a>' for odd in ODD_NUMBERS)
    bad += "<a href=\"javascript:__doPostBack('dnn$pager','Page$٣')\">٣</a>"
    page = f'<html><body>{bad}<a href="/Default.aspx?tabid=620&amp;ChiTiet=True&amp;CmsId=5">tốt</a></body></html>'
    links = discover(load(page, "http://h/"))
    assert links.pages == ["http://h/Default.aspx?tabid=620&ChiTiet=True&CmsId=5"]
    assert len(links.bad_numbers) == len(ODD_NUMBERS) + 1
    assert links.postbacks == []


@pytest.mark.parametrize(("header", "seconds"), [("²".encode("latin-1"), None), (b"9" * 5000, None)])
def test_retry_after_is_ascii_seconds_or_nothing(header, seconds):
    assert retry_after_seconds(header) == seconds


@pytest.mark.parametrize(
    ("url", "start", "same"),
    [
        ("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/", True),
        ("http://127.0.0.1:8001/a", "http://127.0.0.1:8000/", False),
        ("http://localhost:8000/a", "http://127.0.0.1:8000/", False),
        ("https://h.vn/a", "https://h.vn/", True),
        ("https://h.vn:443/a", "https://h.vn/", True),
        ("https://h.vn:8443/a", "https://h.vn/", False),
        ("https://h.vn/a", "http://h.vn/", True),
        ("http://h.vn/a", "https://h.vn/", False),
        ("https://h.vn/a", "http://h.vn:8080/", False),
        ("http://h.vn:80/a", "http://H.VN/", True),
        ("http://h.vn:x/a", "http://h.vn/", False),
    ],
)
def test_the_origin_is_scheme_host_and_port_with_the_https_upgrade(url, start, same):
    assert same_origin(url, start) is same


@pytest.mark.parametrize(
    ("url", "start", "secure"),
    [
        ("http://h.vn/Default.aspx?tabid=1", "https://h.vn/", "https://h.vn/Default.aspx?tabid=1"),
        ("http://h.vn:80/a.jpg", "https://h.vn/", "https://h.vn/a.jpg"),
        ("http://h.vn:8080/a", "https://h.vn/", None),
        ("http://other.vn/a", "https://h.vn/", None),
        ("http://h.vn/a", "http://h.vn/", None),
        ("https://h.vn/a", "https://h.vn/", None),
    ],
)
def test_an_https_starts_own_http_links_are_asked_for_over_https(url, start, secure):
    assert upgraded(url, start) == secure
