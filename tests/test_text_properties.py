"""Properties of normalization that must hold for any input, checked on generated text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.text import normalize
from scraper.text.legacy import TCVN3_CODES, repair_legacy

SEED = (Path(__file__).parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt").read_text(encoding="utf-8")
SEED_WORDS = sorted(set(SEED.split()))
TONES = "\u0300\u0301\u0303\u0309\u0323"
PROBLEMS = "Tỉnh uỷ Uỷ UỶ hoà khoẻ thuỷ Sở,ngành phốihợp côngnghệ làthành 1.234.567 3,5 T.T.B Tp.HCM vusta.vn".split()

# Text as the portal writes it: its words, its problems, its spaces and line ends.
PORTAL_TEXT = st.lists(
    st.tuples(st.sampled_from(SEED_WORDS + PROBLEMS), st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\n", ","])),
    max_size=40,
).map(lambda pairs: "".join(word + gap for word, gap in pairs))
# Unicode text, with letters from the legacy tables and mojibake sprinkled in.
ODD_TEXT = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(list(TCVN3_CODES + "ÃÂá»‡ºâ€œ\xad\x81")))
SETTINGS = settings(max_examples=200, deadline=None)


def letters_only(text: str) -> str:
    """The letters with tone marks, spaces and punctuation taken off: what only tone moves and splits may touch."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if c not in TONES and c.isalnum())


def tone_marks(text: str) -> list[str]:
    return sorted(c for c in unicodedata.normalize("NFD", text) if c in TONES)


@SETTINGS
@given(st.text())
def test_no_input_makes_normalize_raise(text):
    normalize(text)
    normalize(text, tone_style="old")


@SETTINGS
@given(st.one_of(st.text(), ODD_TEXT, PORTAL_TEXT), st.sampled_from(["new", "old"]))
def test_normalizing_twice_changes_nothing_and_reports_nothing(text, style):
    once, _ = normalize(text, tone_style=style)
    assert normalize(once, tone_style=style) == (once, {})


@SETTINGS
@given(PORTAL_TEXT)
def test_on_vietnamese_text_only_spaces_tone_places_and_splits_change(text):
    new, counts = normalize(text)
    assert letters_only(new) == letters_only(text)
    assert tone_marks(new) == tone_marks(text)
    assert counts.keys() <= {"whitespace", "spacing", "tone", "split"}


@SETTINGS
@given(PORTAL_TEXT)
def test_the_two_tone_styles_differ_only_in_tone_places(text):
    assert letters_only(normalize(text, tone_style="old")[0]) == letters_only(normalize(text)[0])


@SETTINGS
@given(PORTAL_TEXT)
def test_vietnamese_unicode_is_never_taken_for_legacy_text(text):
    assert repair_legacy(text) == (text, 0)
