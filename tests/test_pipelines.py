"""Normalize and validate: records are cleaned and flagged, never dropped."""

from __future__ import annotations

import hashlib
import unicodedata

from pipelines.archive import content_hash
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


def test_content_hash_is_the_sha256_of_the_content_fields_as_sorted_json_text():
    """Every archive holds hashes made this way: a change of form would make every article a new version."""
    record = Article(
        url="http://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743",
        title_raw="Hội nghị trí thức",
        body_raw="Đoạn một.\n\nĐoạn hai.",
        category_raw="Hoạt động",
        published="2023-12-25",
        byline="T.T.B",
        images=["http://lavusta.longan.gov.vn/a.jpg"],
        views=12,
    )
    text = (
        '{"attachments": [], "body_raw": "Đoạn một.\\n\\nĐoạn hai.", "byline": "T.T.B", "category_raw": "Hoạt động", '
        '"images": ["http://lavusta.longan.gov.vn/a.jpg"], "published": "2023-12-25", "title_raw": "Hội nghị trí thức"}'
    )
    assert content_hash(record) == hashlib.sha256(text.encode("utf-8")).hexdigest()
