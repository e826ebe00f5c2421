"""Vietnamese normalization: the golden corpus, and one test per rule."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.text import normalize
from scraper.text.vietnamese import is_syllable, split_glued

GOLDEN = Path(__file__).parent / "data" / "normalize_golden.tsv"
ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})")


def unescape(text: str) -> str:
    return ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)), text)


def golden_cases() -> list[tuple[str, str, str]]:
    rows = [line.rstrip("\n").split("\t") for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    return [(unescape(a), unescape(b), note) for a, b, note in (r for r in rows if r[0] and not r[0].startswith("#"))]


def test_the_golden_corpus_has_at_least_sixty_cases():
    assert len(golden_cases()) >= 60


@pytest.mark.parametrize(("raw", "expected", "note"), golden_cases(), ids=lambda v: v[:30] if isinstance(v, str) else v)
def test_golden_case(raw, expected, note):
    assert normalize(raw)[0] == expected


def test_the_other_tone_style_moves_the_mark_to_the_second_vowel():
    assert normalize("Tỉnh ủy, hòa bình, sức khỏe", tone_style="hoà")[0] == "Tỉnh uỷ, hoà bình, sức khoẻ"


def test_an_unknown_tone_style_is_refused():
    with pytest.raises(ValueError, match="tone_style"):
        normalize("x", tone_style="kiểu mới")


def test_each_rule_that_fired_is_counted():
    _, counts = normalize("Sở,ngành phốihợp với Tỉnh uỷ\u00a0")
    assert sorted(counts) == ["spacing", "split", "tone", "whitespace"]


def test_text_that_needs_nothing_reports_nothing():
    assert normalize("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An")[1] == {}


def test_a_valid_syllable_is_never_split():
    assert split_glued("nghiêng") is None and is_syllable("nghiêng")


def test_an_ambiguous_glued_token_is_left_alone():
    assert split_glued("Hànội") is None


def test_stop_codas_take_only_the_rising_or_heavy_tone():
    assert is_syllable("hợp") and is_syllable("hát") and not is_syllable("hàt")


def test_spelling_rules_of_k_c_g_gh():
    assert is_syllable("kinh") and is_syllable("ghế") and not is_syllable("cinh") and not is_syllable("ghan")


VIETNAMESE = st.lists(
    st.sampled_from("Liên hiệp các Hội Tỉnh uỷ ủy hoà khoẻ thuỷ Sở,ngành phốihợp côngnghệ 1.234.567 3,5 T.T.B".split()),
    max_size=30,
).map(" ".join)


def letters(text: str) -> str:
    """The letters of a text with the tone marks taken off: what normalization may not change."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if c.isalnum() and not unicodedata.combining(c))


@given(VIETNAMESE)
def test_on_vietnamese_text_only_spaces_and_tone_places_change(text):
    assert letters(normalize(text)[0]) == letters(text)


@given(VIETNAMESE)
def test_normalizing_twice_changes_nothing(text):
    once, _ = normalize(text)
    assert normalize(once) == (once, {})
