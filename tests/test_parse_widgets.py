"""Visitor widgets in the forms portals show them: what is shown is recorded, what is not is null."""

from __future__ import annotations

from scraper.parsers.document import load
from scraper.parsers.widgets import widgets


def read(html: str):
    return widgets(load(f"<html><body><div id='main'><p>Nội dung trang</p></div>{html}</body></html>", "http://h/"))


def test_a_text_counter_under_luot_truy_cap_is_the_total():
    assert read('<div class="counter"><h3>Lượt truy cập</h3><span>1.234.567</span></div>').visits == 1234567


def test_a_counter_with_comma_thousands_is_the_same_number():
    assert read("<div><p>Tổng lượt truy cập: 1,234,567</p></div>").visits == 1234567


def test_period_counts_are_each_recorded_as_shown():
    found = read(
        "<div class='thongke'><h3>Thống kê truy cập</h3>"
        "<p>Đang online: 12</p><p>Hôm nay: 345</p><p>Hôm qua: 1.002</p>"
        "<p>Trong tuần: 5.678</p><p>Trong tháng: 23.456</p><p>Tất cả: 1.234.567</p></div>"
    )
    shown = (found.online_total, found.visits_today, found.visits_yesterday, found.visits_week, found.visits_month)
    assert shown == (12, 345, 1002, 5678, 23456)
    assert found.visits == 1234567


def test_counts_in_table_cells_beside_their_labels_are_read():
    found = read(
        "<table><tr><td>Hôm nay</td><td>345</td></tr><tr><td>Hôm qua</td><td>1.002</td></tr>"
        "<tr><td>Tổng cộng</td><td>1.234.567</td></tr><tr><td>Đang truy cập</td><td>7</td></tr></table>"
    )
    assert (found.visits_today, found.visits_yesterday, found.online_total) == (345, 1002, 7)


def test_a_total_online_is_no_guest_count():
    found = read("<div><p>Đang online: 12</p><p>Số lượt truy cập: 98.765</p></div>")
    assert (found.online_total, found.online_guests, found.online_members) == (12, None, None)


def test_periods_not_shown_are_null_never_derived():
    found = read("<div><p>Số lượt truy cập: 98.765</p></div>")
    assert (found.visits_today, found.visits_yesterday, found.visits_week, found.visits_month) == (None,) * 4


def test_guests_members_and_total_of_the_users_online_widget():
    found = read(
        "<table><tr><td>Khách: 3</td></tr><tr><td>Thành viên: 1</td></tr><tr><td>Tổng cộng: 4</td></tr></table>"
    )
    assert (found.online_guests, found.online_members, found.online_total) == (3, 1, 4)


def test_users_online_in_capitals_within_a_long_line_are_read():
    found = read(
        "<div><p>Thống kê người dùng trực tuyến của cổng thông tin: KHÁCH: 3; THÀNH VIÊN: 1; ĐANG ONLINE: 4</p></div>"
    )
    assert (found.online_guests, found.online_members, found.online_total) == (3, 1, 4)


def test_a_header_date_after_hom_nay_is_no_count():
    assert read("<div><p>Hôm nay: Thứ Hai, 25/12/2023</p></div>").visits_today is None


def test_users_online_in_label_and_count_cells():
    found = read(
        "<table><tr><td>Khách</td><td>3</td></tr><tr><td>Thành viên</td><td>0</td></tr>"
        "<tr><td>Đang online</td><td>3</td></tr></table>"
    )
    assert (found.online_guests, found.online_members, found.online_total) == (3, 0, 3)


def test_a_header_clock_with_ngay_before_the_date_is_the_render_time():
    found = read("<div class='header-date'>Thứ Năm, ngày 05/09/2024 10:04</div>")
    assert found.page_clock == "2024-09-05T10:04:00+07:00"


def test_a_header_date_with_its_update_time_is_the_render_time():
    found = read("<div class='topbar'>Thứ Ba, 11/03/2025 | Cập nhật lúc 14:27 ngày 11/03/2025</div>")
    assert found.page_clock == "2025-03-11T14:27:00+07:00"
