"""List pages and removed articles: the tab they belong to is named by the heading above their content."""

from __future__ import annotations

from scraper.parsers.page import parse_page

URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620"
MENU = (
    "<ul><li><a href='/Default.aspx?tabid=36'>Trang chủ</a></li>"
    "<li><a href='/Default.aspx?tabid=620'>Tin tức</a></li></ul>"
)


def test_a_list_is_named_by_the_heading_above_its_first_entry():
    html = (
        f"<html><body>{MENU}<div class='list'><h2>Hoạt động LHH tỉnh Long an</h2>"
        "<div><a href='/Default.aspx?tabid=620&ChiTiet=True&CmsId=777'>Liên hiệp Hội tỉnh phản biện Đề án"
        " phát triển cây ăn trái chủ lực đến năm 2030</a></div><div>17/06/2024</div>"
        "<div><a href='/Default.aspx?tabid=620&ChiTiet=True&CmsId=743'>Liên hiệp các Hội KH&amp;KT Long An"
        " tổ chức Hội nghị trí thức</a></div><div>25/12/2023</div></div></body></html>"
    )
    parsed = parse_page(html, URL)
    assert (parsed.kind, parsed.category) == ("list", "Hoạt động LHH tỉnh Long an")


def test_a_removed_article_is_named_by_the_heading_above_the_notice():
    html = f"<html><body>{MENU}<div><h2>Hoạt động LHH tỉnh Long an</h2><p>Tin không tồn tại</p></div></body></html>"
    parsed = parse_page(html, URL + "&ChiTiet=True&CmsId=999")
    assert (parsed.kind, parsed.category) == ("missing", "Hoạt động LHH tỉnh Long an")


def test_a_date_under_each_list_entry_does_not_make_the_list_an_article():
    html = (
        f"<html><body>{MENU}<div class='list'><h2>Hoạt động LHH tỉnh Long an</h2>"
        "<div><a href='/Default.aspx?tabid=620&ChiTiet=True&CmsId=402'>Liên hiệp các Hội KH&amp;KT tỉnh Long An"
        " tổng kết hoạt động năm 2018</a></div><div>14/01/2019</div></div>"
        "<footer><h3>Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An</h3>"
        "<p>Địa chỉ: Số 03 Võ Văn Tần, Phường 2, TP Tân An, tỉnh Long An</p></footer></body></html>"
    )
    parsed = parse_page(html, URL)
    assert (parsed.kind, parsed.article) == ("list", None)


def test_the_owner_and_licence_lines_of_the_page_footer_do_not_make_a_list_a_text_page():
    html = (
        f"<html><body>{MENU}<div class='list'><h2>Hoạt động LHH tỉnh Long an</h2><ul>"
        "<li><a href='/Default.aspx?tabid=620&ChiTiet=True&CmsId=402'>Liên hiệp các Hội KH&amp;KT tỉnh Long An"
        " tổng kết hoạt động năm 2018</a> <span>14/01/2019</span></li></ul></div>"
        "<footer id='footer' role='contentinfo'><p>Cơ quan chủ quản: Liên hiệp các Hội Khoa học và Kỹ thuật"
        " tỉnh Long An</p><p>Giấy phép số 05/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Long An cấp ngày"
        " 14/01/2021</p></footer></body></html>"
    )
    parsed = parse_page(html, URL)
    assert (parsed.kind, parsed.page) == ("list", None)


def test_a_removed_article_under_a_breadcrumb_is_named_by_its_last_step():
    html = (
        f"<html><body>{MENU}<nav aria-label='breadcrumb'><ol class='breadcrumb'>"
        "<li class='breadcrumb-item'><a href='/'>Trang chủ</a></li><li class='breadcrumb-item active'>"
        "<a href='/Default.aspx?tabid=620'>Hoạt động LHH tỉnh Long an</a></li></ol></nav>"
        "<div class='alert'>Tin không tồn tại</div></body></html>"
    )
    parsed = parse_page(html, URL + "&ChiTiet=True&CmsId=999")
    assert (parsed.kind, parsed.category) == ("missing", "Hoạt động LHH tỉnh Long an")
