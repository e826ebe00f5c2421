"""Dates as the portal writes them: fast path first, dateparser (vi) only for free-form text."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper import dates
from scraper.dates import (
    VN_TZ,
    dates_mentioned,
    dates_mentioned_checked,
    parse_clock,
    parse_clock_checked,
    parse_date_text,
    parse_dmy,
)

GOLDEN = json.loads((Path(__file__).parent / "data" / "dates_golden.json").read_text(encoding="utf-8"))


def golden(function: str) -> list:
    return [
        pytest.param(case["input"], case["expected"], id=case["id"]) for case in GOLDEN if case["function"] == function
    ]


@pytest.mark.parametrize(("text", "expected"), golden("parse_date_text"))
def test_golden_date_text(text, expected):
    assert parse_date_text(text) == (expected["value"], expected["problems"])


@pytest.mark.parametrize(("text", "expected"), golden("parse_clock_checked"))
def test_golden_clock(text, expected):
    clock, problems = parse_clock_checked(text)
    assert (clock.isoformat() if clock else None, problems) == (expected["value"], expected["problems"])


@pytest.mark.parametrize(("text", "expected"), golden("dates_mentioned_checked"))
def test_golden_dates_mentioned(text, expected):
    found, problems = dates_mentioned_checked(text)
    assert [{"date": d["date"], "text": d["text"]} for d in found] == expected["dates"]
    assert problems == expected["problems"]


def test_title_date_is_day_first():
    assert parse_date_text("25/12/2023") == ("2023-12-25", [])


def test_day_first_without_language_hint_is_not_month_first():
    assert parse_date_text("05/04/2024") == ("2024-04-05", [])
    assert parse_date_text("05-04-2024") == ("2024-04-05", [])  # dateparser's path, too


def test_cut_year_is_a_problem_not_a_guess():
    assert parse_date_text("Sáng ngày 22/12/202,tại") == (None, ["date-cut: 22/12/202"])


def test_impossible_date_is_a_problem_not_a_guess():
    assert parse_date_text("31/02/2023") == (None, ["date-impossible: 31/02/2023"])


def test_month_without_day_has_month_precision():
    assert parse_date_text("tháng 12/2023") == ("2023-12", [])


def test_day_without_year_is_not_taken_from_today():
    assert parse_date_text("ngày 12 tháng 4")[0] is None


def test_relative_words_are_not_dates():
    assert parse_date_text("hôm qua")[0] is None


def test_morning_prefix_does_not_hide_the_date():
    assert parse_date_text("Sáng ngày 22/12/2023") == ("2023-12-22", [])


def test_portal_formats_never_reach_dateparser(monkeypatch):
    monkeypatch.setattr(dates, "_fallback", lambda text: pytest.fail(f"dateparser asked for {text!r}"))
    for text in ("25/12/2023", "(19/12/2023)", "tháng 12/2023", "ngày 12 tháng 4 năm 2023", "22/12/202"):
        parse_date_text(text)


def test_header_clock_is_local_time_plus_seven():
    clock, _ = parse_clock_checked("Thứ Năm,18/04/2024 13:32")
    assert clock.isoformat() == "2024-04-18T13:32:00+07:00"


def test_header_clock_weekday_mismatch_is_a_problem():
    clock, problems = parse_clock_checked("Thứ Năm,19/04/2024 13:32")
    assert problems == ["clock-weekday-mismatch: Thứ Năm vs 2024-04-19"]
    assert clock == datetime(2024, 4, 19, 13, 32, tzinfo=VN_TZ)


def test_decomposed_text_reads_like_composed():
    assert parse_clock_checked(unicodedata.normalize("NFD", "Thứ Năm,18/04/2024 13:32"))[1] == []


def test_parse_dmy_gives_the_first_calendar_date():
    assert parse_dmy("Tổng kết hoạt động năm 2023 25/12/2023") == date(2023, 12, 25)


def test_parse_clock_gives_an_aware_datetime():
    assert parse_clock("Thứ Năm,18/04/2024 13:32") == datetime(2024, 4, 18, 13, 32, tzinfo=VN_TZ)


def test_mentioned_dates_come_in_text_order_with_repeats(seed_text):
    cited = [d["date"] for d in dates_mentioned(seed_text)]
    assert cited == ["2024-04-18", "2023-12-25", "2023-04-12", "2023-01-23", "2023-01-23", "2023-12-22"]


def test_cut_date_in_a_body_is_a_problem_not_a_mention(seed_text):
    found, problems = dates_mentioned_checked(seed_text)
    assert problems == ["date-cut: 22/12/202"]
    assert all(d["text"] != "22/12/202" for d in found)


def test_quote_is_short_and_cut_at_word_boundaries(seed_text):
    cited = next(d for d in dates_mentioned(seed_text) if d["text"] == "12/4/2023")
    assert cited["quote"] == "…trình số 38-Ctr/Tu ngày 12/4/2023 của Ban Thường vụ Tỉnh uỷ…"


def test_quote_does_not_cross_a_line_break():
    [cited] = dates_mentioned("Bài và ảnh: T.T.B\nngày 12/4/2023\nCác tin khác:")
    assert cited["quote"] == "ngày 12/4/2023"


def test_problems_are_kind_colon_detail(seed_text):
    problems = dates_mentioned_checked(seed_text)[1] + parse_clock_checked("Thứ Hai,31/02/2024 10:00")[1]
    assert all(p.split(": ", 1)[0].replace("-", "").isalpha() and ": " in p for p in problems)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_no_text_raises(text):
    parse_date_text(text)
    parse_clock_checked(text)
    dates_mentioned_checked(text)


@settings(max_examples=100)
@given(st.dates(min_value=date(1000, 1, 1)))
def test_valid_dd_mm_yyyy_parses_back_to_itself(day):
    assert parse_date_text(f"{day.day:02d}/{day.month:02d}/{day.year}") == (day.isoformat(), [])
    assert parse_dmy(f"({day.day}/{day.month}/{day.year})") == day


@settings(max_examples=50)
@given(st.dates(min_value=date(1000, 1, 1)))
def test_spelled_out_date_parses_back_to_itself(day):
    assert parse_date_text(f"ngày {day.day} tháng {day.month} năm {day.year}") == (day.isoformat(), [])
