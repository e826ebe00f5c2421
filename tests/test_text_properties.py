"""Properties of normalization that must hold for any input, checked on generated text."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replica.content import ARTICLES, CATEGORIES, STATIC_PAGES, plain
from replica.legacy import TCVN3
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
# `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs the idempotence property on 100,000 cases.
IDEMPOTENCE_CASES = 100_000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 300

REPLICA_LINES = sorted(
    {c.name for c in CATEGORIES}
    | {item.title for item in (*ARTICLES, *STATIC_PAGES)}
    | {line for item in (*ARTICLES, *STATIC_PAGES) for p in item.body for line in plain(p).split("\n")}
)
XVNKB = [
    line.split("\t")
    for line in (Path(__file__).parent / "data" / "vni_xvnkb.tsv").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
]
# Writers from the independent tables: the standard's TCVN3 (capitals with tones as .VnTimeH
# draws them, with the lower-case code), xvnkb's VNI, and UTF-8 read as windows-1252 or latin-1.
_TO_TCVN3 = {letter: chr(byte) for byte, letter in TCVN3.items() if byte != 0xA0}
_AS_VNTIMEH = {letter.upper(): code for letter, code in _TO_TCVN3.items() if letter.upper() not in _TO_TCVN3}
_TO_VNI = {letter: code for code, letter in XVNKB}
WRITERS = {
    "tcvn3": lambda text: "".join(_TO_TCVN3.get(c) or _AS_VNTIMEH.get(c, c) for c in text),
    "vni": lambda text: "".join(_TO_VNI.get(c, c) for c in text),
    "cp1252": lambda text: "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode()),
    "latin-1": lambda text: text.encode().decode("latin-1"),
}
WORDS = sorted({word for line in REPLICA_LINES for word in line.split()})
GAPS = st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\n", ",", ".", ", ", "\t"])
CLEAN = st.lists(st.tuples(st.sampled_from(WORDS), GAPS), max_size=30).map(lambda p: "".join(w + g for w, g in p))
LEGACY = st.builds(
    lambda line, name: WRITERS[name](line), st.sampled_from(REPLICA_LINES), st.sampled_from(sorted(WRITERS))
)
MIXED = st.lists(st.one_of(CLEAN, LEGACY), min_size=2, max_size=4).flatmap(
    lambda pieces: st.sampled_from([" ", "\n", ": ", ""]).map(lambda gap: gap.join(pieces))
)
MOJIBAKE_PIECES = "ÃÂÄÆá»º‡€œ“”\xad\x81\x8d\x90 .,:;()-/"
LEGACY_ALPHABET = sorted(set(TCVN3_CODES + "".join(code for code, _ in XVNKB) + MOJIBAKE_PIECES))
JUNK = st.text(alphabet=st.sampled_from(LEGACY_ALPHABET), max_size=60)


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


@settings(max_examples=IDEMPOTENCE_CASES, deadline=None)
@given(st.one_of(st.text(), ODD_TEXT, PORTAL_TEXT, CLEAN, LEGACY, MIXED, JUNK), st.sampled_from(["new", "old"]))
def test_normalizing_twice_changes_nothing_and_reports_nothing(text, style):
    once, _ = normalize(text, tone_style=style)
    assert normalize(once, tone_style=style) == (once, {})


def writable(line: str, name: str) -> bool:
    """Whether the encoding writes every letter of the line: TCVN3 has no capitals with tones."""
    return name != "tcvn3" or all(c in _TO_TCVN3 for c in line if not c.isascii() and c.isupper())


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_replica_line_in_a_legacy_encoding_normalizes_as_the_line_does(name):
    lines = [line for line in REPLICA_LINES if not line.isascii() and writable(line, name)]
    wrong = [line for line in lines if normalize(WRITERS[name](line))[0] != normalize(line)[0]]
    assert wrong == []


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
