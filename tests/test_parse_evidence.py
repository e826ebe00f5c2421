"""Every layer of evidence for an article's fields, combined, and the one that decided recorded."""

from __future__ import annotations

import json

import pytest

from scraper.parsers.page import parse_page

URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=812"
TITLE = "Liên hiệp Hội tỉnh Long An tổng kết hoạt động năm 2023"
FIRST = (
    "Chiều ngày 22/12/2023, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết "
    "hoạt động năm 2023, triển khai phương hướng nhiệm vụ năm 2024."
)
SECOND = (
    "Năm 2023, Liên hiệp Hội đã tổ chức 12 hội thảo, tọa đàm khoa học, tư vấn, phản biện và giám định xã hội "
    "đối với 8 đề án, dự án của tỉnh."
)
HEADER = (
    '<header class="site-header"><div class="logo">LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH LONG AN</div>'
    '<div class="clock">Thứ Hai, 25/12/2023 13:32</div><div>Cập nhật lúc 13:32</div>'
    '<nav><a href="/">Trang chủ</a> <a href="/Default.aspx?tabid=620">Hoạt động</a></nav></header>'
)


def html5(meta: str = "Ngày đăng: 25/12/2023", head: str = "", tail: str = "<p>Bài và ảnh: P.T.Thủy</p>") -> str:
    """A saved article of an HTML5 layout: header with a clock, breadcrumbs, ``<article>`` with ``<h1>``."""
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head><body>'
        f'{HEADER}<main><nav class="breadcrumb"><a href="/">Trang chủ</a> » '
        f'<a href="/Default.aspx?tabid=620">Hoạt động LHH tỉnh Long An</a></nav>'
        f'<article><h1>{TITLE}</h1><div class="meta">{meta}</div>'
        f'<div class="content"><p>{FIRST}</p><p>{SECOND}</p>{tail}</div></article>'
        '<aside><h3>Tin mới</h3><ul><li><a href="/Default.aspx?tabid=620&ChiTiet=True&CmsId=811">'
        "Hội thảo khoa học về chuyển đổi số</a></li></ul></aside></main>"
        "<footer>Bản quyền thuộc Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An</footer></body></html>"
    )


def article(html: str, url: str = URL):
    parsed = parse_page(html, url)
    assert parsed.kind == "article"
    return parsed.article


def test_an_html5_article_gives_every_field():
    record = article(html5('<time datetime="2023-12-25T08:15:00+07:00">Ngày đăng: 25/12/2023</time>'))
    assert record.title == TITLE
    assert record.published == "2023-12-25"
    assert record.category == "Hoạt động LHH tỉnh Long An"
    assert record.authors == ["P.T.Thủy"]
    assert record.body == f"{FIRST}\n\n{SECOND}"
    assert not any(e.startswith("date-conflict") for e in record.errors)


def test_provenance_names_the_evidence_that_decided_each_field():
    record = article(html5('<time datetime="2023-12-25">Ngày đăng: 25/12/2023</time>'))
    assert record.provenance["published"] == "label:Ngày đăng"
    assert record.provenance["category"] == "breadcrumb"
    assert record.provenance["authors"] == "byline:Bài và ảnh"
    assert record.provenance["title"] == "heading-beside-date"


@pytest.mark.parametrize(
    "meta",
    [
        "Ngày đăng: Thứ hai, 25/12/2023 - 08:15",
        "Đăng ngày: 25/12/2023",
        "Ngày: 25/12/2023",
        "Thời gian: 08:15 25/12/2023",
        "(25/12/2023)",
        "25-12-2023",
        "2023-12-25",
        "Thứ hai, 25/12/2023 - 08:15",
    ],
)
def test_a_date_line_under_the_title_in_any_usual_form_is_the_publication_date(meta):
    assert article(html5(meta)).published == "2023-12-25"


def test_an_update_date_decides_only_when_no_publication_date_is_shown():
    assert article(html5("Ngày cập nhật: 26/12/2023")).published == "2023-12-26"
    both = article(html5("Ngày đăng: 25/12/2023 | Ngày cập nhật: 26/12/2023"))
    assert (both.published, both.provenance["published"]) == ("2023-12-25", "label:Ngày đăng")


def test_the_header_clock_is_never_the_publication_date():
    record = article(html5(meta=""), URL)
    assert record.published is None
    assert "missing-date" in record.errors


def test_json_ld_gives_the_date_when_the_text_shows_none():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE, "datePublished": "2023-12-25"}
    record = article(html5("", head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert (record.published, record.provenance["published"]) == ("2023-12-25", "json-ld:datePublished")


def test_a_published_time_in_utc_is_the_day_in_vietnam():
    head = '<meta property="article:published_time" content="2023-12-24T20:00:00Z">'
    record = article(html5("", head=head))
    assert (record.published, record.provenance["published"]) == ("2023-12-25", "meta:article:published_time")


def test_sources_that_name_different_days_are_a_date_conflict():
    ld = {"@type": "NewsArticle", "headline": TITLE, "datePublished": "2023-12-20T09:00:00+07:00"}
    record = article(html5(head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert record.published == "2023-12-25"
    assert "date-conflict: label:Ngày đăng 2023-12-25 vs json-ld:datePublished 2023-12-20" in record.errors


def test_microdata_gives_title_date_and_author():
    page = (
        '<html><body><div itemscope itemtype="https://schema.org/NewsArticle">'
        f'<h2 itemprop="headline">{TITLE}</h2><meta itemprop="datePublished" content="2023-12-25">'
        f'<span itemprop="author">Nguyễn Minh Anh</span><div itemprop="articleBody"><p>{FIRST}</p></div></div>'
        "</body></html>"
    )
    record = article(page, "http://127.0.0.1/tin-tuc/tong-ket-2023.html")
    assert (record.title, record.published, record.authors) == (TITLE, "2023-12-25", ["Nguyễn Minh Anh"])
    assert record.provenance["title"] == "microdata:headline"


def test_an_article_url_makes_a_heading_over_prose_an_article():
    page = f"<html><body><div><h2>{TITLE}</h2><p>{FIRST}</p><p>{SECOND}</p></div></body></html>"
    record = article(page)
    assert (record.title, record.provenance["kind"]) == (TITLE, "url:ChiTiet")


def test_a_heading_over_prose_without_any_article_signal_is_a_page():
    page = f"<html><body><div><h1>Chức năng, nhiệm vụ</h1><p>{FIRST}</p></div></body></html>"
    assert parse_page(page, "https://lavusta.longan.gov.vn/Default.aspx?tabid=611").kind == "page"


def test_an_article_url_that_says_the_news_is_gone_is_missing():
    page = (
        "<html><body><div><h2>Thông báo từ hệ thống</h2><p>Tin không tồn tại hoặc đã bị xóa. Quý độc giả vui lòng "
        "quay lại trang chủ hoặc xem các tin khác trong chuyên mục Hoạt động LHH tỉnh Long An.</p></div></body></html>"
    )
    assert parse_page(page, URL).kind == "missing"


def test_a_category_label_names_the_category():
    page = html5("Chuyên mục: Hội thảo khoa học | Ngày đăng: 25/12/2023").replace('class="breadcrumb"', "")
    page = page.replace("Trang chủ</a> » ", "Trang chủ</a> ")
    record = article(page)
    assert (record.category, record.provenance["category"]) == ("Hội thảo khoa học", "label:Chuyên mục")


def test_a_metadata_line_with_date_and_view_count_gives_both_and_stays_out_of_the_body():
    record = article(html5("Ngày đăng: Thứ ba, 26/12/2023 - 08:15 Lượt xem: 245"))
    assert (record.published, record.provenance["published"]) == ("2023-12-26", "label:Ngày đăng")
    assert record.views == 245
    assert record.body == f"{FIRST}\n\n{SECOND}"


def test_a_title_in_the_articles_own_header_is_the_title():
    page = (
        '<html><body><header class="site"><nav><a href="/">Trang chủ</a></nav></header><main><article>'
        f'<header><h1>{TITLE}</h1><time datetime="2023-12-25T08:15">Thứ Hai, 25/12/2023 08:15</time></header>'
        f"<div class='body'><p>{FIRST}</p><p>{SECOND}</p></div></article></main></body></html>"
    )
    record = article(page, "http://127.0.0.1/tin-tuc/tong-ket-2023.html")
    assert (record.title, record.published, record.body) == (TITLE, "2023-12-25", f"{FIRST}\n\n{SECOND}")


def test_a_list_of_article_cards_is_no_article():
    card = f"<article><h2>{TITLE}</h2><p>{FIRST}</p></article>"
    assert parse_page(f"<html><body><main>{card * 3}</main></body></html>", "http://127.0.0.1/tin-tuc/").article is None
