"""Page furniture around an article (tools, sharing, other-news lists) is never its body."""

from __future__ import annotations

import pytest

from scraper.parsers.page import parse_page

URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=802"
FIRST = (
    "Ngày 15/12/2023, Sở Khoa học và Công nghệ tỉnh Long An phối hợp với Liên hiệp Hội tổ chức hội thảo "
    "ứng dụng công nghệ tưới tiết kiệm trong sản xuất thanh long tại huyện Châu Thành."
)
LAST = "Hội thảo là dịp để nông dân trao đổi kinh nghiệm, tiếp cận các tiến bộ khoa học kỹ thuật mới."


def page(before: str = "", after: str = "") -> str:
    return (
        "<html><body><div class='news'><p><b>Hội thảo ứng dụng công nghệ tưới tiết kiệm</b> 18/12/2023</p>"
        f"{before}<p>{FIRST}</p><p>{LAST}</p>{after}</div></body></html>"
    )


def body(html: str) -> str:
    return parse_page(html, URL).article.body


@pytest.mark.parametrize(
    "label",
    ["Các tin khác", "Tin liên quan", "Tin cùng chuyên mục", "Bài viết khác", "Xem thêm:"],
)
def test_an_other_news_heading_ends_the_body(label):
    other = '<a href="/Default.aspx?tabid=620&ChiTiet=True&CmsId=700">Hội nghị ban chấp hành lần thứ 5</a>'
    assert body(page(after=f"<p>{label}</p><p>{other}</p>")) == f"{FIRST}\n\n{LAST}"


@pytest.mark.parametrize(
    "tools",
    [
        "Lượt xem: 1.234",
        "In bài viết | Gửi email | Chia sẻ",
        "[Về đầu trang] [In bài viết]",
        "Chia sẻ: Facebook Zalo Twitter",
    ],
)
def test_tools_below_the_text_are_not_body(tools):
    assert body(page(after=f"<p>{tools}</p>")) == f"{FIRST}\n\n{LAST}"


def test_tools_between_title_and_text_are_not_body():
    assert body(page(before="<p>Lượt xem: 56 | In bài viết | Gửi email</p>")) == f"{FIRST}\n\n{LAST}"


def test_social_buttons_drawn_as_images_are_neither_body_nor_images():
    share = (
        '<p><a href="https://www.facebook.com/sharer/sharer.php?u=x"><img src="/icons/fb.png"></a>'
        '<a href="https://sp.zalo.me/share?u=x"><img src="/icons/zalo.png"></a></p>'
    )
    record = parse_page(page(after=share), URL).article
    assert record.body == f"{FIRST}\n\n{LAST}"
    assert record.images == []


def test_the_articles_view_count_is_kept_as_views():
    assert parse_page(page(after="<p>Lượt xem: 1.234</p>"), URL).article.views == 1234


def test_no_view_count_shown_is_null():
    assert parse_page(page(), URL).article.views is None


def test_a_sentence_that_starts_like_a_tool_stays_in_the_body():
    sentence = "Chia sẻ tại hội thảo, ông Nguyễn Văn Tư cho biết mô hình giúp tiết kiệm 30% lượng nước tưới."
    assert body(page(after=f"<p>{sentence}</p>")).endswith(sentence)


def test_a_time_before_the_view_count_is_not_the_count():
    assert parse_page(page(before="<p>25/12/2023 08:15 Lượt xem: 245</p>"), URL).article.views == 245


def test_a_read_count_is_a_view_count():
    assert parse_page(page(after="<p>Lượt đọc: 1.024</p>"), URL).article.views == 1024
