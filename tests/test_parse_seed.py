"""The real seed page (CmsId 743) as a text scrape saw it: no markup, only what it says."""

from __future__ import annotations

import pytest

from scraper.parsers.page import parse_page
from tests.conftest import SEED_URL


@pytest.fixture(scope="module")
def parsed(seed_html: str):
    return parse_page(seed_html, SEED_URL, fetched_at="2024-04-18T06:32:00+00:00")


@pytest.fixture(scope="module")
def article(parsed):
    return parsed.article


def test_seed_page_is_an_article(parsed):
    assert parsed.kind == "article"


def test_title_is_the_line_before_the_date_without_the_date(article):
    assert article.title_raw == (
        "Liên hiệp các Hội KH&KT Long An tổ chức Hội nghị trí thức; Tổng kết hoạt động năm 2023"
    )


def test_published_is_the_date_after_the_title_not_the_header_clock(article):
    assert article.published == "2023-12-25"


def test_header_clock_is_iso_with_vietnam_offset(article):
    assert article.page_clock == "2024-04-18T13:32:00+07:00"


def test_category_is_the_heading_above_the_title(article):
    assert article.category_raw == "Hoạt động LHH tỉnh Long an"


def test_byline_is_kept_as_on_the_page_and_gives_initials(article):
    assert article.byline == "Bài và ảnh: T.T.B"
    assert article.author_initials == ["T.T.B"]


def test_body_starts_with_first_paragraph_and_ends_before_byline(article):
    assert article.body_raw.startswith("Sáng ngày 22/12/202,tại Hội trường Tỉnh uỷ")
    assert article.body_raw.endswith("có thành tích đóng góp cho hoạt động của Liên hiệp hội năm 2023./.")


def test_body_holds_no_title_widget_or_other_news(article):
    for furniture in (
        "Tổng kết hoạt động năm 2023 25/12/2023",
        "Khách",
        "Số lượt truy cập",
        "Các tin khác",
        "Bài và ảnh",
    ):
        assert furniture not in article.body_raw


def test_body_paragraphs_are_joined_by_one_blank_line(article):
    paragraphs = article.body_raw.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[2].startswith("Cũng tại Hội nghị trí thức")


def test_raw_body_keeps_the_pages_text_problems(article):
    for quirk in ("22/12/202,tại", "Sở,ngành", "phốihợp", "Mội trường", "Tp Tân An, \xa0Liên hiệp"):
        assert quirk in article.body_raw


def test_url_and_cms_id(article):
    assert article.url == SEED_URL
    assert article.cms_id == 743


def test_users_online_widget_counts(parsed):
    v = parsed.visitors
    assert (v.online_guests, v.online_members, v.online_total) == (3, 0, 3)


def test_visit_count_absent_from_a_text_scrape_is_null(parsed):
    assert parsed.visitors.visits is None


def test_no_other_news_links_in_a_text_scrape(article):
    assert article.related == []


def test_documents_cited_in_the_body(article):
    assert article.documents == [
        {"kind": "Chương trình", "number": "38-Ctr/Tu", "date": "2023-04-12"},
        {"kind": "Nghị quyết", "number": "36-NQ/TW", "date": "2023-01-23"},
    ]


def test_dates_cited_in_the_body_skip_the_cut_year_and_record_it(article):
    assert [d["date"] for d in article.dates_mentioned][:3] == ["2023-04-12", "2023-01-23", "2023-01-23"]
    assert "body-date-cut: 22/12/202" in article.errors
