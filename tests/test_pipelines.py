"""Normalize and validate: records are cleaned and flagged, never dropped."""

from __future__ import annotations

import unicodedata

from pipelines.normalize import normalize_record
from pipelines.validate import problems
from scraper.items import Article


def test_normalized_copy_is_made_from_raw_and_raw_is_untouched():
    raw = "Tp Tân An,\u00a0 Liên hiệp\u200b"
    record = normalize_record(Article(url="u", title_raw="Tiêu đề", body_raw=raw))
    assert record.body == "Tp Tân An, Liên hiệp"
    assert record.body_raw == raw


def test_normalized_field_counts_what_each_rule_changed():
    record = normalize_record(Article(url="u", title_raw="A  b", body_raw="c\u00a0d"))
    assert record.normalized["whitespace"] >= 2


def test_decomposed_text_is_composed():
    record = normalize_record(Article(url="u", title_raw="Tỉnh u\u0309y", body_raw="x"))
    assert unicodedata.is_normalized("NFC", record.title)
    assert record.title_raw == "Tỉnh u\u0309y"


def test_article_without_title_or_body_is_flagged():
    assert problems(Article(url="u", title="", body=None)) == ["missing-title", "missing-body"]


def test_complete_article_has_no_problem():
    assert problems(Article(url="u", title="T", body="B")) == []
