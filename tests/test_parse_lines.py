"""A page as the lines a reader sees: what is dropped before, and how text is cut into lines."""

from __future__ import annotations

from scraper.parsers.document import load


def texts(html: str | bytes, content_type: str | None = None) -> list[str]:
    return [line.text for line in load(html, "http://h/", content_type).lines]


def test_a_control_character_in_a_utf8_page_is_dropped():
    assert texts("<html><body><p>Liên\x0bhiệp Hội</p></body></html>".encode()) == ["Liênhiệp Hội"]


def test_a_control_character_in_a_legacy_page_is_dropped():
    # windows-1258 writes the tone apart from its letter: "ệ" is "ê" and a combining dot below.
    page = "<html><body><p>Li\x01ên hiê\u0323p</p></body></html>".encode("cp1258")
    assert texts(page, "text/html; charset=windows-1258") == ["Liên hiệp"]


def test_scripts_styles_and_comments_leave_the_text_around_them():
    page = "<p>Tin <script>var a = 1;</script>tức<!-- x --> và <style>p {}</style>sự kiện</p>"
    assert texts(f"<html><body>{page}</body></html>") == ["Tin tức và sự kiện"]


def test_the_wayback_toolbar_is_dropped_wherever_it_sits():
    toolbar = "<div id='wm-ipp-base'><div id='wm-ipp'>Wayback Machine 2019</div></div>"
    page = f"<html><body><div><div>{toolbar}</div><p>Nội dung bài viết</p></div></body></html>"
    assert texts(page) == ["Nội dung bài viết"]


def test_indentation_between_blocks_makes_no_line():
    page = "<html><body>\n  <div>\n    <p>Một</p>\n    <p>Hai</p>\n  </div>\n</body></html>"
    assert texts(page) == ["Một", "Hai"]


def test_spaces_between_inline_elements_stay_inside_a_line():
    assert texts("<html><body><p><b>Long</b>  <i>An</i></p></body></html>") == ["Long  An"]


def test_a_line_of_links_to_pages_is_a_link_line_and_one_of_mail_addresses_is_not():
    page = load(
        "<html><body><p><a href='/a'>Trang chủ</a></p><p><a href='mailto:a@b.vn'>a@b.vn</a></p></body></html>",
        "http://h/",
    )
    assert [line.is_link for line in page.lines] == [True, False]


def test_mail_and_phone_links_are_content_whatever_their_scheme_is_written_in():
    page = load(
        "<html><body><p><a href='MAILTO:a@b.vn'>a@b.vn</a></p><p><a href='Tel:0272'>0272 3826 111</a></p>"
        "<p><a href='/tin-tuc'>Tin tức</a></p></body></html>",
        "http://h/",
    )
    assert [line.is_link for line in page.lines] == [False, False, True]
