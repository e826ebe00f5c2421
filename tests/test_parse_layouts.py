"""Article pages as the portal's other designs lay them out: what the page says decides each field."""

from __future__ import annotations

from scraper.parsers.page import parse_page

URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=402"
TITLE = "Liên hiệp các Hội KH&amp;KT tỉnh Long An tổng kết hoạt động năm 2018 (14/01/2019)"
PROSE = (
    "<p>Sáng ngày 11/01/2019, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết"
    " hoạt động năm 2018 và triển khai phương hướng, nhiệm vụ năm 2019.</p>"
    "<p>Năm 2018, Liên hiệp Hội tỉnh đã thực hiện tốt công tác tư vấn, phản biện và giám định xã hội.</p>"
)


def article(content: str, after: str = "") -> str:
    return f"<html><body><div class='content'><h2>{TITLE}</h2>{content}</div>{after}</body></html>"


def test_the_back_to_top_link_under_the_other_news_is_no_related_article():
    html = article(
        PROSE + "<p>Các tin khác:</p>"
        "<div><a href='/Default.aspx?tabid=620&CmsId=447&ChiTiet=True'>Phát động Hội thi Sáng tạo kỹ thuật"
        " tỉnh Long An lần thứ VII (2019 - 2020)</a> (08/08/2019)</div>",
        "<div class='footer'>Bản quyền © 2012 Liên hiệp các Hội | <a href='#top'>Về đầu trang</a></div>",
    )
    related = parse_page(html, URL).article.related
    assert related == ["https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=447"]


def test_a_long_title_over_its_update_date_line_titles_an_article():
    html = (
        "<html><body><table><tr><td><font size='4'><b>Tổng kết và trao giải Hội thi Sáng tạo kỹ thuật tỉnh Long An"
        " lần thứ VIII (2022 - 2023)</b></font></td></tr><tr><td><i>Cập nhật: 19/12/2023</i></td></tr>"
        f"<tr><td>{PROSE}</td></tr></table></body></html>"
    )
    found = parse_page(html, URL).article
    assert found.title.endswith("lần thứ VIII (2022 - 2023)")
    assert found.published == "2023-12-19"


BOOTSTRAP_META = "<div class='post-meta'>Đăng ngày 14/01/2019 | 07:30 &nbsp; 4.021 lượt xem</div>"


def test_a_meta_line_with_the_time_after_a_bar_is_no_body_and_gives_the_views():
    found = parse_page(article(BOOTSTRAP_META + PROSE), URL).article
    assert found.body.startswith("Sáng ngày 11/01/2019")
    assert (found.views, found.published) == (4021, "2019-01-14")


def test_a_share_line_ending_with_the_print_button_ends_the_body_below_the_byline():
    html = article(PROSE + "<p>Tin, ảnh: N.H.P</p><div class='share'>Chia sẻ: <a href='#'>Facebook</a> Zalo In</div>")
    found = parse_page(html, URL).article
    assert found.body.endswith("giám định xã hội.")
    assert found.authors == ["N.H.P"]


def test_a_bootstrap_breadcrumb_of_marked_items_gives_its_last_step_as_category():
    trail = (
        "<nav aria-label='breadcrumb'><ol class='breadcrumb'>"
        "<li class='breadcrumb-item'><a href='/'>Trang chủ</a></li>"
        "<li class='breadcrumb-item active'><a href='/Default.aspx?tabid=620'>Hoạt động LHH tỉnh Long an</a></li>"
        "</ol></nav>"
    )
    html = f"<html><body>{trail}<article><h1>{TITLE}</h1>{PROSE}</article></body></html>"
    assert parse_page(html, URL).article.category == "Hoạt động LHH tỉnh Long an"


AMP_URL = URL + "&amp=1"


def amp_article(more: str) -> str:
    return (
        f"<html><body><article><h1>{TITLE}</h1><time datetime='2019-01-14T07:30:00+07:00'>(14/01/2019)</time>"
        f"{PROSE}<amp-img src='https://lavusta.longan.gov.vn/Portals/0/Images/2019/tongket2018.jpg'"
        " width='600' height='400' layout='responsive'></amp-img><p>Hội nghị đã bầu bổ sung Ban Chấp hành.</p>"
        f"</article>{more}</body></html>"
    )


def test_an_amp_image_in_the_body_is_one_of_its_images():
    found = parse_page(amp_article(""), AMP_URL).article
    assert found.images == ["https://lavusta.longan.gov.vn/Portals/0/Images/2019/tongket2018.jpg"]


def test_the_link_to_the_full_version_under_the_other_news_is_no_related_article():
    more = (
        "<section><h2>Bài viết khác</h2><ul><li><a href='/Default.aspx?tabid=620&ChiTiet=True&CmsId=447&amp=1'>"
        "Phát động Hội thi Sáng tạo kỹ thuật lần thứ VII</a></li></ul></section>"
        f"<footer><a href='{URL}'>Xem phiên bản đầy đủ</a></footer>"
    )
    related = parse_page(amp_article(more), AMP_URL).article.related
    assert related == ["https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=447"]


def test_the_close_button_of_a_print_view_ends_the_body_below_the_byline():
    html = article(
        PROSE.replace("xã hội.</p>", "xã hội.<br><b>Bài và ảnh: T.T.B</b></p>"),
        "<div class='noprint'><input type='button' value='In bài viết'>"
        " <a href='javascript:window.close()'>Đóng</a></div>",
    )
    found = parse_page(html, URL + "&dnnprintmode=true").article
    assert found.body.endswith("giám định xã hội.")
    assert found.authors == ["T.T.B"]


PAGE_URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=609"


def test_an_undated_text_in_an_article_element_is_a_text_page():
    html = (
        "<html><body><main><article><h1>Chức năng, nhiệm vụ, quyền hạn</h1>"
        "<p>Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An (gọi tắt là Liên hiệp Hội) được thành lập theo"
        " Quyết định số 45/2005/QĐ-UB của Uỷ ban nhân dân tỉnh Long An.</p>"
        "<p>Liên hiệp Hội là tổ chức chính trị - xã hội, tập hợp, đoàn kết các hội khoa học và kỹ thuật.</p>"
        "</article></main></body></html>"
    )
    parsed = parse_page(html, PAGE_URL)
    assert (parsed.kind, parsed.page.title) == ("page", "Chức năng, nhiệm vụ, quyền hạn")


def test_a_dated_article_element_at_a_non_article_address_is_still_an_article():
    html = f"<html><body><article><h1>{TITLE[:-13]}</h1><p>14/01/2019</p>{PROSE}</article></body></html>"
    assert parse_page(html, PAGE_URL).kind == "article"
