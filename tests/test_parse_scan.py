"""Patterns tried only where their first word is written find what the patterns find everywhere."""

from __future__ import annotations

import re
import unicodedata

import pytest

from scraper.dates import MENTION, MENTIONS, dates_mentioned_checked
from scraper.documents import CITATIONS, documents
from scraper.parsers.document import load
from scraper.parsers.scan import Anchored, twins
from scraper.parsers.widgets import ONLINE_LABELS

ANCHORED = {"citations": CITATIONS, "date mentions": MENTIONS, **ONLINE_LABELS}


@pytest.mark.parametrize("name", ANCHORED)
def test_no_letter_of_a_start_word_has_a_case_insensitive_twin(name):
    assert twins(ANCHORED[name].words) == set()


def test_the_not_found_hint_has_no_letter_with_a_case_insensitive_twin():
    assert twins(("không tồn tạ", "không tìm thấy")) == set()


def test_a_not_found_notice_in_capitals_is_found():
    assert load("<html><body><p>TIN KHÔNG TỒN TẠI</p></body></html>", "http://h/").says_missing


def test_the_dotless_i_is_a_twin_of_i():
    # Unicode's case folding: "ı" matches "i" case-insensitively but lower-cases to itself.
    assert "ı" in twins(("tin",))


def test_matches_are_those_of_the_pattern_over_the_whole_text():
    pattern = Anchored(re.compile(r"Khách\s*:\s*(\d+)", re.IGNORECASE), ("khách",))
    text = "Chào Khách! KHÁCH : 3; khách: 4"
    assert [m.group(1) for m in pattern.finditer(text)] == ["3", "4"]


def test_text_whose_lower_case_is_longer_is_scanned_as_it_is():
    pattern = Anchored(re.compile(r"Khách\s*:\s*(\d+)", re.IGNORECASE), ("khách",))
    assert pattern.search("İİİ Khách: 3").group(1) == "3"  # "İ" lower-cases to two characters


def test_overlapping_start_words_are_each_tried():
    kinds = re.compile(r"(?:Nghị\s+quyết|Quyết\s+định)\s+số\s+\d+", re.IGNORECASE)
    pattern = Anchored(kinds, ("nghị quyết", "quyết định"))
    assert pattern.search("Nghị quyết định số 45").group() == "quyết định số 45"


def test_date_mentions_are_those_of_the_pattern_over_the_whole_text():
    # Days of one or two digits before a "/", a "/" with no day, "NGÀY" in capitals, a cut and an overlong year.
    text = "x12/4/2023, 1/2/2023/ và /5/2023; NGÀY 3 THÁNG 4 NĂM 2024, tháng 12/2023 hay 22/12/202 hoặc 1/1/20245"
    assert [m.span() for m in MENTIONS.finditer(text)] == [m.span() for m in MENTION.finditer(text)]
    assert len(list(MENTION.finditer(text))) == 5


# Decomposed, as older Vietnamese pages write it: composing it shortens the text, so a lower-cased copy of
# the decomposed text no longer lines up with it (composed() sets it aside, and Anchored checks lengths too).
DECOMPOSED = unicodedata.normalize(
    "NFD", "Thực hiện Nghị quyết số 12-NQ/TU ngày 12/4/2023 của Tỉnh ủy, đến tháng 5/2023 Hội đã tổ chức."
)


def test_a_decomposed_body_with_its_lower_cased_copy_gives_the_composed_texts_dates():
    found, problems = dates_mentioned_checked(DECOMPOSED, DECOMPOSED.lower())
    assert [(d["date"], d["text"]) for d in found] == [("2023-04-12", "12/4/2023"), ("2023-05", "tháng 5/2023")]
    assert problems == []


def test_a_decomposed_body_with_its_lower_cased_copy_gives_the_composed_texts_citations():
    assert documents(DECOMPOSED, DECOMPOSED.lower()) == [
        {"kind": "Nghị quyết", "number": "12-NQ/TU", "date": "2023-04-12"}
    ]
