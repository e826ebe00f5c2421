"""The shortcuts of normalization: what a piece between spaces needs, and texts that skip the full repair."""

from __future__ import annotations

import random
from collections import Counter

import pytest

import scraper.text as text_module
from scraper.text import finishing, normalize
from scraper.text.pieces import CLEAN, REPAIR, SPACING, need_of
from scraper.text.spacing import add_missing_spaces
from scraper.text.words import restyle_and_split

WORDS = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức hội nghị tổng kết năm 2023".split()
ODD = ["\xa0", "  ", "\n", "\n\n", " \n", "\n ", "\n\n\n", "\r\n", "\u3000", "\t", "\u200b", "\xad", "\x85"]
PIECES = ["Sở,ngành", "côngnghệ", "Liªn", "hiÖp", "LiÃªn", "cá", "a\u0301", "thuỷ", "hoà", "KH&KT", "vusta.vn"]
PIECES += ["TP.HCM", "hoà,thuỷ.khoẻ", "https://a.vn/?x=1,y", "a.b@gmail.com", "v.v.Tiếp", "f(a,b)", "Sở,\nngành"]


@pytest.mark.parametrize(
    ("piece", "need"),
    [
        ("Liên", CLEAN),
        ("hiệp.\n\nCác", CLEAN),
        ("Sở,ngành", SPACING),
        ("", REPAIR),  # two spaces in a row, or a space at an edge
        ("\nLiên", REPAIR),  # a space before a line break
        ("Liên\n", REPAIR),
        ("a\n\n\nb", REPAIR),
        ("xác\xa0định", REPAIR),
        ("a\u0301", REPAIR),  # not NFC
        ("LiÃªn", REPAIR),  # mojibake
        ("Liªn", REPAIR),  # TCVN3
    ],
)
def test_what_a_piece_needs(piece, need):
    assert need_of(piece) == need


def full_repair(text: str, style: str) -> tuple[str, dict[str, int]]:
    """``normalize`` with every shortcut off: every round of the repair, then each later rule over the whole text."""
    counts: Counter[str] = Counter()
    text = text_module._rounds(text, counts)
    text, counts["spacing"] = add_missing_spaces(text)
    text, counts["tone"], counts["split"] = restyle_and_split(text, style)
    return text, {rule: n for rule, n in counts.items() if n}


def test_the_shortcuts_give_what_the_full_repair_gives():
    rnd = random.Random(14)
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randint(0, 16)):
            parts.append(rnd.choice(WORDS) if rnd.random() < 0.8 else rnd.choice(PIECES))
            parts.append(" " if rnd.random() < 0.8 else rnd.choice(ODD))
        text = "".join(parts)
        text = text.strip() if rnd.random() < 0.5 else text
        for style in ("new", "old"):
            assert normalize(text, tone_style=style) == full_repair(text, style), repr(text)


def test_the_cache_of_finished_pieces_stays_bounded(monkeypatch):
    monkeypatch.setattr(finishing, "MAX_CACHED", 100)
    finishing._caches.clear()
    for i in range(1000):
        assert normalize(f"từ{i} Sở,ngành{i}") == (f"từ{i} Sở, ngành{i}", {"spacing": 1})
        assert len(finishing._caches["new"]) <= 100
    long_piece = "Sở,ngành" * 20
    assert normalize(long_piece)[0] == "Sở, ngành" * 20
    assert long_piece not in finishing._caches["new"]
