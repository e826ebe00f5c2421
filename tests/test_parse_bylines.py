"""Bylines and sources in the forms Vietnamese portals print them: names whole, sources apart."""

from __future__ import annotations

import pytest

from scraper.parsers.byline import authors
from scraper.parsers.page import parse_page

URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=801"
PARAGRAPH = (
    "Sáng ngày 22/12/2023, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết "
    "hoạt động năm 2023 và triển khai phương hướng, nhiệm vụ năm 2024 với sự tham dự của các hội thành viên."
)


def article(tail: str, after: str = "") -> str:
    """A page of today's design: category, title with its date, one paragraph, then ``tail`` in the body."""
    return (
        "<html><body><div id='content'><div class='cat'>Hoạt động LHH tỉnh Long an</div>"
        "<div class='news'><p><b>Liên hiệp Hội tỉnh tổng kết hoạt động năm 2023</b> 25/12/2023</p>"
        f"<p>{PARAGRAPH}</p>{tail}</div>{after}"
        "<p>Các tin khác:</p></div></body></html>"
    )


def fields(html: str):
    return parse_page(html, URL).article


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Bài và ảnh: T.T.B", ["T.T.B"]),
        ("Bài và ảnh: P.T.Thủy", ["P.T.Thủy"]),
        ("Tin, ảnh: N.H.P", ["N.H.P"]),
        ("Bài: T.T.B; Ảnh: L.V.H", ["T.T.B", "L.V.H"]),
        ("Bài: N.Thảo - Ảnh: Minh Anh", ["N.Thảo", "Minh Anh"]),
        ("Tác giả: Nguyễn Thị Thu Thủy", ["Nguyễn Thị Thu Thủy"]),
        ("Người viết: Lê Văn Hùng", ["Lê Văn Hùng"]),
        ("Bài: Minh Anh và Hoàng Nam", ["Minh Anh", "Hoàng Nam"]),
    ],
)
def test_a_byline_credits_each_name_whole(byline, names):
    assert authors(byline) == names


def test_initials_with_a_given_name_are_one_author_and_leave_the_body():
    record = fields(article("<p>Bài và ảnh: P.T.Thủy</p>"))
    assert record.authors == ["P.T.Thủy"]
    assert record.author_initials == ["P.T.Thủy"]
    assert record.byline == "Bài và ảnh: P.T.Thủy"
    assert record.body == PARAGRAPH


def test_a_source_line_is_a_source_never_an_author():
    record = fields(article("<p>Nguồn: Báo Long An</p>"))
    assert (record.source, record.authors) == ("Báo Long An", [])
    assert record.body == PARAGRAPH


def test_theo_names_a_source():
    assert fields(article("<p>(Theo TTXVN)</p>")).source == "TTXVN"


def test_a_byline_above_a_source_line_gives_both():
    record = fields(article("<p>Tin, ảnh: N.H.P</p><p>Nguồn: Báo Long An</p>"))
    assert (record.authors, record.source, record.byline) == (["N.H.P"], "Báo Long An", "Tin, ảnh: N.H.P")
    assert record.body == PARAGRAPH


def test_a_sentence_that_starts_with_theo_stays_in_the_body():
    sentence = "Theo Ban tổ chức, hội nghị đã thu hút hơn 200 đại biểu đến từ các sở, ngành và địa phương."
    record = fields(article(f"<p>{sentence}</p>"))
    assert record.source is None
    assert record.body.endswith(sentence)


def test_a_bare_bold_right_aligned_name_ending_the_body_is_the_author():
    record = fields(article('<p style="text-align: right;"><strong>Minh Anh</strong></p>'))
    assert record.authors == ["Minh Anh"]
    assert record.body == PARAGRAPH


def test_bare_initials_with_a_given_name_ending_the_body_are_the_author():
    assert fields(article("<p>N.Thảo</p>")).authors == ["N.Thảo"]


def test_a_byline_in_its_own_element_after_the_body_is_found():
    record = fields(article("", after='<div class="author">Bài và ảnh: Trần Thanh Bình</div>'))
    assert record.authors == ["Trần Thanh Bình"]
    assert record.body == PARAGRAPH


def test_a_plain_short_last_line_that_is_no_name_stays_in_the_body():
    record = fields(article("<p>Xin trân trọng giới thiệu.</p>"))
    assert record.authors == []
    assert record.body.endswith("Xin trân trọng giới thiệu.")


def test_a_bare_name_above_a_source_line_is_the_author():
    record = fields(article('<p align="right"><b>Minh Anh</b></p><p>Nguồn: Báo Long An</p>'))
    assert (record.authors, record.source) == (["Minh Anh"], "Báo Long An")
    assert record.body == PARAGRAPH


def test_two_bare_names_in_bold_are_two_authors():
    assert fields(article("<p><strong>Thanh Tâm - Hữu Lộc</strong></p>")).authors == ["Thanh Tâm", "Hữu Lộc"]


def test_a_closing_heading_in_capitals_is_no_author():
    assert fields(article("<p><b>KẾT LUẬN HỘI NGHỊ</b></p>")).authors == []


def test_a_photo_caption_ending_the_body_is_no_byline():
    record = fields(article("<p>Ảnh: Các đại biểu tham dự hội nghị</p>"))
    assert record.authors == []
    assert record.body.endswith("Ảnh: Các đại biểu tham dự hội nghị")


def test_a_role_in_parentheses_stays_with_the_name():
    assert fields(article("<p>Bài, ảnh: Hoàng Nam (CTV)</p>")).authors == ["Hoàng Nam (CTV)"]
