"""Documents cited in a body: kind, number ("number-TYPE/ISSUER") and date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.documents import documents

GOLDEN = json.loads((Path(__file__).parent / "data" / "dates_golden.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(c["input"], c["expected"], id=c["id"]) for c in GOLDEN if c["function"] == "documents"],
)
def test_golden_documents(text, expected):
    assert documents(text) == expected


def test_seed_page_cites_a_programme_and_a_resolution(seed_text):
    assert documents(seed_text) == [
        {"kind": "Chương trình", "number": "38-Ctr/Tu", "date": "2023-04-12"},
        {"kind": "Nghị quyết", "number": "36-NQ/TW", "date": "2023-01-23"},
    ]


def test_a_number_is_kept_as_written():
    assert documents("Quyết định số 14/2014/QĐ-TTg")[0]["number"] == "14/2014/QĐ-TTg"
    assert documents("Chương trình số 38-Ctr/Tu")[0]["number"] == "38-Ctr/Tu"


def test_kind_has_its_first_word_capitalised_only():
    assert documents("Nghị Quyết số 36-NQ/TW")[0]["kind"] == "Nghị quyết"


def test_citation_without_so_is_read():
    assert documents("Kế hoạch 123/KH-UBND")[0]["number"] == "123/KH-UBND"


def test_citation_without_date_has_none():
    assert documents("Kế hoạch 123/KH-UBND của UBND tỉnh")[0]["date"] is None


def test_spelled_out_date_is_read():
    assert documents("Chương trình số 38-Ctr/Tu ngày 12 tháng 4 năm 2023")[0]["date"] == "2023-04-12"


def test_identical_citations_are_listed_once():
    text = "Nghị Quyết số 36-NQ/TW ngày 23/01/2023 ... Nghị Quyết số 36-NQ/TW ngày 23/01/2023"
    assert len(documents(text)) == 1


def test_same_number_with_another_date_is_another_citation():
    text = "Kế hoạch số 12/KH-UBND ngày 05/01/2023 và Kế hoạch số 12/KH-UBND ngày 05/01/2024"
    assert [d["date"] for d in documents(text)] == ["2023-01-05", "2024-01-05"]


def test_a_period_of_years_is_not_a_document_number():
    assert documents("Chương trình 2021-2025 của tỉnh") == []


def test_cut_date_leaves_the_citation_undated():
    assert documents("Công văn số 45/UBND-VX ngày 22/12/202")[0]["date"] is None


@settings(max_examples=60)
@given(st.text(max_size=200))
def test_no_text_raises(text):
    documents(text)


def test_a_kind_in_capitals_is_read():
    assert documents("Thực hiện NGHỊ QUYẾT SỐ 36-NQ/TW ngày 23/01/2023")[0]["kind"] == "Nghị quyết"


def test_a_kind_inside_another_is_read():
    # "Nghị quyết" cites nothing here; "Quyết định" inside it does.
    cited = {"kind": "Quyết định", "number": "45/2005/QĐ-UB", "date": None}
    assert documents("Nghị quyết định số 45/2005/QĐ-UB") == [cited]


def test_a_citation_after_a_letter_that_lower_cases_into_two_is_read():
    assert documents("İzmir; Kế hoạch số 12/KH-UBND ngày 05/01/2023")[0]["date"] == "2023-01-05"


def test_a_kind_glued_to_a_word_cites_nothing():
    assert documents("PhóNghị quyết số 36-NQ/TW") == []
