"""Whitespace: what word processors and broken pages leave between words."""

from __future__ import annotations

from scraper.text.whitespace import fix_whitespace


def test_non_breaking_spaces_from_the_seed_page_become_one_space():
    assert fix_whitespace("Tp Tân An, \u00a0Liên hiệp")[0] == "Tp Tân An, Liên hiệp"


def test_an_indented_paragraph_loses_its_indent():
    assert fix_whitespace("\u00a0 \u00a0 \u00a0 Hội nghị nghe")[0] == "Hội nghị nghe"


def test_zero_width_and_control_characters_are_dropped():
    assert fix_whitespace("chuông\x07 báo\u200b\x9d") == ("chuông báo", 3)


def test_line_ends_become_one_kind_and_blank_runs_shrink():
    assert fix_whitespace("một\r\nhai\r\n\r\n\r\nba")[0] == "một\nhai\n\nba"


def test_clean_text_reports_nothing():
    assert fix_whitespace("Liên hiệp các Hội\n\nKhoa học") == ("Liên hiệp các Hội\n\nKhoa học", 0)
