"""Canonical article URLs and web-archive unwrapping."""

from __future__ import annotations

import pytest

from scraper.parsers.urls import canonical_article_url, canonical_url, cms_id, unwrap_wayback

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
