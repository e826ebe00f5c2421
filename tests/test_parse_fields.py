"""Single fields read from page text: bylines, dates, widgets, links."""

from __future__ import annotations

import unicodedata

import pytest

from replica.faults import cp1258
from scraper.parsers.byline import authors
from scraper.parsers.document import load
from scraper.parsers.links import discover
from scraper.parsers.page import parse_page
from scraper.parsers.published import day_of
from scraper.parsers.widgets import online, visits
from tests.conftest import text_to_html


@pytest.mark.parametrize(
    ("byline", "initials"),
    [
        ("Bài và ảnh: T.T.B", ["T.T.B"]),
        ("Bài: T.T.B; Ảnh: L.V.H", ["T.T.B", "L.V.H"]),
        ("Tin, ảnh: N.V.A", ["N.V.A"]),
        (None, []),
    ],
)
def test_byline_gives_author_initials(byline, initials):
    assert authors(byline) == initials


def test_cut_year_is_an_error_never_a_guess():
    assert day_of("22/12/202") == (None, ["date-cut: 22/12/202"])


def test_impossible_date_is_an_error():
    assert day_of("31/02/2023") == (None, ["date-impossible: 31/02/2023"])


def test_visit_count_written_as_text_with_dot_groups():
    doc = load(text_to_html("Số lượt truy cập: 1.234.567\nNgười dùng Online"), "http://h/")
    assert visits(doc) == 1234567


def test_visit_count_drawn_as_digit_images():
    digits = "".join(f'<img src="/Portals/0/counter/{d}.gif">' for d in "1234567")
    doc = load(f"<div><b>Số lượt truy cập</b></div><div>{digits}</div><div>Người dùng Online</div>", "http://h/")
    assert visits(doc) == 1234567


def test_a_digit_image_whose_alt_is_a_superscript_is_no_count():
    digits = '<img src="/c/1.gif" alt="1"><img src="/c/x.gif" alt="²">'
    doc = load(f"<div><b>Số lượt truy cập</b></div><div>{digits}</div>", "http://h/")
    assert visits(doc) is None


def test_a_counter_of_five_thousand_digits_is_no_count():
    doc = load(text_to_html("Số lượt truy cập: " + "9" * 5000), "http://h/")
    assert visits(doc) is None


def test_an_online_count_in_superscript_digits_is_no_count():
    page = "<p>Khách: <span id='dnn_ctr1_UsersOnline_lblGuestCount'>²</span></p>"
    assert online(load(page, "http://h/"))["online_guests"] is None


def test_users_online_read_by_label_ids_first():
    page = (
        "<table><tr><td><img alt='Khách'></td><td>Khách:</td>"
        "<td><span id='dnn_ctr1_UsersOnline_lblGuestCount'>12</span></td></tr>"
        "<tr><td>Thành Viên:</td><td><span id='x_lblMemberCount'>1</span></td></tr>"
        "<tr><td>Tổng Cộng:</td><td><span id='x_lblTotalCount'>13</span></td></tr></table>"
    )
    assert online(load(page, "http://h/")) == {"online_guests": 12, "online_members": 1, "online_total": 13}


def test_links_skip_mailto_and_javascript_and_keep_postbacks():
    page = (
        "<a href='mailto:a@b.vn'>mail</a><a href='javascript:void(0)'>x</a>"
        "<a href=\"javascript:__doPostBack('dnn$ctr1$pager','Page$2')\">2</a>"
        "<a href='/Default.aspx?tabid=609'>Chức năng</a><a href='/Portals/0/files/a.pdf'>pdf</a>"
    )
    links = discover(load(page, "http://h/"))
    assert links.pages == ["http://h/Default.aspx?tabid=609"]
    assert [(p.target, p.argument, p.text) for p in links.postbacks] == [("dnn$ctr1$pager", "Page$2", "2")]
    assert links.attachments == ["http://h/Portals/0/files/a.pdf"]


def test_title_and_date_on_separate_lines_in_an_older_design():
    text = "Tin tức\nHội thảo khoa học về nông nghiệp công nghệ cao\nCập nhật: 12/03/2019\n" + "Nội dung " * 20
    parsed = parse_page(text_to_html(text), "http://h/Default.aspx?tabid=621&ChiTiet=True&CmsId=12")
    assert parsed.article.title_raw == "Hội thảo khoa học về nông nghiệp công nghệ cao"
    assert parsed.article.published == "2019-03-12"


def test_a_dated_legal_reference_in_prose_is_not_a_title():
    text = "Chức năng, nhiệm vụ\n" + "Liên hiệp hội hoạt động theo điều lệ và các quy định của pháp luật. " * 3
    text += "\nQuyết định số 45/2005/QĐ-UB ngày 07/01/2005"
    parsed = parse_page(text_to_html(text), "http://h/Default.aspx?tabid=609")
    assert parsed.kind == "page"
    assert parsed.page.title_raw == "Chức năng, nhiệm vụ"


def test_removed_article_is_recognised():
    parsed = parse_page(text_to_html("Tin không tồn tại"), "http://h/Default.aspx?tabid=620&ChiTiet=True&CmsId=9")
    assert parsed.kind == "missing"


def test_a_paragraph_that_starts_like_a_page_tool_stays_in_the_body():
    text = "Tin tức\nHội nghị tổng kết năm 2023 25/12/2023\n" + "Mở đầu hội nghị. " * 6
    text += "\nTrở về từ hội nghị, các đại biểu triển khai ngay kế hoạch năm 2024 tại địa phương mình.\nTrở về"
    parsed = parse_page(text_to_html(text), "http://h/Default.aspx?tabid=620&ChiTiet=True&CmsId=9")
    assert parsed.article.body_raw.endswith("tại địa phương mình.")


SENTENCE = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết năm 2023"


def test_windows_1258_page_without_a_charset_reads_as_nfc_vietnamese():
    page = b"<html><body><p>" + cp1258(SENTENCE) + b"</p></body></html>"
    assert cp1258(SENTENCE) != SENTENCE.encode("utf-8")
    assert load(page, "http://h/").lines[0].text == SENTENCE


def test_windows_1258_page_with_its_charset_declared_reads_as_nfc_vietnamese():
    page = b'<html><head><meta charset="windows-1258"></head><body><p>' + cp1258(SENTENCE) + b"</p></body></html>"
    assert load(page, "http://h/").lines[0].text == SENTENCE


def test_utf8_bytes_under_a_latin1_label_read_as_utf8():
    page = f"<html><body><p>{SENTENCE}</p></body></html>".encode()
    assert load(page, "http://h/", "text/html; charset=iso-8859-1").lines[0].text == SENTENCE


def test_decomposed_page_is_composed():
    page = f"<html><body><p>{unicodedata.normalize('NFD', SENTENCE)}</p></body></html>".encode()
    assert load(page, "http://h/").lines[0].text == SENTENCE


def test_declared_utf8_page_with_bad_bytes_keeps_its_text_with_a_mark_at_each():
    page = f"<html><body><p>{SENTENCE}</p></body></html>".encode().replace(b" Long", b"\xff Long")
    doc = load(page, "http://h/", "text/html; charset=utf-8")
    assert doc.lines[0].text == SENTENCE.replace(" Long", "\ufffd Long")
    assert doc.decode_errors == 1


def test_undeclared_page_of_utf8_but_for_a_few_bad_bytes_reads_as_utf8_with_marks():
    # 20 valid multi-byte sequences (the sentence's Vietnamese letters) against 3 bad bytes (93, 94, FF).
    page = f"<html><body><p>{SENTENCE}</p></body></html>".encode()
    page = page.replace(b"Long An", b"\x93Long An\x94").replace(b" 2023", b"\xff 2023")
    doc = load(page, "http://h/")
    assert doc.lines[0].text == SENTENCE.replace("Long An", "\ufffdLong An\ufffd").replace(" 2023", "\ufffd 2023")
    assert doc.decode_errors == 3


def test_windows_1258_page_with_an_accidental_utf8_sequence_is_still_windows_1258():
    # cp1258 writes "ỏ" as o and a hook (D2); D2 before "”" (94) is also UTF-8's U+0494: one valid
    # sequence against the many bad ones of the other letters.
    text = f"{SENTENCE} “nhỏ”"
    page = b"<html><body><p>" + cp1258(text) + b"</p></body></html>"
    assert "\u0494".encode() in page
    assert load(page, "http://h/").lines[0].text == text


def test_a_text_page_with_bad_utf8_bytes_has_them_counted_in_its_errors():
    text = "Giới thiệu chung\n" + f"{SENTENCE}. " * 3
    page = text_to_html(text).encode().replace(b" Long", b"\xff Long")
    parsed = parse_page(page, "http://h/Default.aspx?tabid=609", content_type="text/html; charset=utf-8")
    assert parsed.kind == "page"
    assert parsed.page.errors == ["decode-errors: 3"]
