"""Copies of the portal's pages: a browser's "Save page as" and archive.today name the original address."""

from __future__ import annotations

from scraper.extract import read

ORIGINAL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=402"
ARTICLE = (
    "<div><h2>Liên hiệp các Hội KH&amp;KT tỉnh Long An tổng kết hoạt động năm 2018 (14/01/2019)</h2>"
    "<p>Ngày 11/01/2019, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết"
    " hoạt động năm 2018 và triển khai phương hướng, nhiệm vụ năm 2019.</p>"
    "<p>Năm 2018, Liên hiệp Hội tỉnh đã thực hiện tốt công tác tư vấn, phản biện và giám định xã hội.</p>"
)
OTHER_NEWS = "<p>Các tin khác:</p><div><a href='{href}'>Phát động Hội thi Sáng tạo kỹ thuật lần thứ VII</a></div></div>"


def test_a_page_saved_by_a_browser_is_read_at_the_address_its_comment_names():
    html = (
        f"<!DOCTYPE html>\n<!-- saved from url=(0075){ORIGINAL} -->\n<html><head>"
        "<base href='https://lavusta.longan.gov.vn/'></head><body>"
        + ARTICLE
        + OTHER_NEWS.format(href="Default.aspx?tabid=620&CmsId=447&ChiTiet=True")
        + "</body></html>"
    )
    record = read(html.encode(), fallback="file:///home/lhh/Downloads/Default.aspx.html")
    assert (record["url"], record["cms_id"]) == (ORIGINAL, 402)


def archive_today(href: str) -> bytes:
    return (
        "<html><head><link rel='bookmark' href='https://archive.ph/p4LIg'></head><body>"
        "<div id='HEADER'><table><tr><td>webpage capture</td><td><div>Saved from "
        f"<input type='text' value='{ORIGINAL.replace('&', '&amp;')}'/></div>"
        "<div>05 Sep 2024 03:04:22 UTC</div></td></tr></table></div>"
        f"<div id='SOLID'><div id='CONTENT'>{ARTICLE}{OTHER_NEWS.format(href=href)}</div></div></body></html>"
    ).encode()


def test_an_archive_today_copy_gives_the_original_url_its_header_names():
    record = read(
        archive_today("https://archive.ph/o/p4LIg/https://lavusta.longan.gov.vn/"), "https://archive.ph/p4LIg"
    )
    assert (record["url"], record["cms_id"]) == (ORIGINAL, 402)


def test_an_archive_today_copy_gives_the_capture_time_its_header_shows():
    record = read(
        archive_today("https://archive.ph/o/p4LIg/https://lavusta.longan.gov.vn/"), "https://archive.ph/p4LIg"
    )
    assert record["captured_at"] == "2024-09-05T03:04:22+00:00"


def test_links_an_archive_today_copy_rewrote_lead_to_the_original_pages():
    href = "https://archive.ph/o/p4LIg/https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=447"
    record = read(archive_today(href), "https://archive.ph/p4LIg")
    assert record["related"] == ["https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=447"]


def test_images_a_browser_saved_beside_the_page_are_the_local_files():
    html = (
        f"<!DOCTYPE html>\n<!-- saved from url=(0075){ORIGINAL} -->\n<html><head></head><body>"
        + ARTICLE.replace("</h2>", "</h2><p><img src='./Bai viet_files/tongket2018.jpg'></p>")
        + "</div></body></html>"
    )
    record = read(html.encode(), fallback="file:///home/lhh/Downloads/Bai%20viet.html")
    assert record["url"] == ORIGINAL
    assert record["images"] == ["file:///home/lhh/Downloads/Bai%20viet_files/tongket2018.jpg"]


def test_a_site_header_with_a_search_box_is_no_archive_header():
    html = (
        "<html><body><div id='HEADER'><form><input type='text' value='Tìm kiếm'/></form></div>"
        f"{ARTICLE}</div></body></html>"
    )
    record = read(html.encode(), ORIGINAL)
    assert (record["url"], record["captured_at"]) == (ORIGINAL, None)
