"""The shortcuts of normalization: what a piece between spaces needs, and texts that skip the full repair."""

from __future__ import annotations

import random

import pytest

import scraper.text as text_module
from scraper.text import normalize, pieces
from scraper.text.pieces import CLEAN, REPAIR, SPACING, needs

WORDS = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức hội nghị tổng kết năm 2023".split()
ODD = ["\xa0", "  ", "\n", "\n\n", " \n", "\n ", "\n\n\n", "\r\n", "\u3000", "\t", "\u200b", "\xad", "\x85"]
PIECES = ["Sở,ngành", "côngnghệ", "Liªn", "hiÖp", "LiÃªn", "cá", "a\u0301", "thuỷ", "hoà", "KH&KT", "vusta.vn"]


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
    assert needs([piece]) == need


def full_repair(text: str, style: str) -> tuple[str, dict[str, int]]:
    """``normalize`` with every shortcut off: each text through every round of every rule."""
    saved = text_module.needs, text_module._spaces_fixed, text_module._sure_to_need_repair
    text_module.needs = lambda _: REPAIR
    text_module._spaces_fixed = lambda *_: None
    text_module._sure_to_need_repair = lambda _: True
    try:
        return normalize(text, tone_style=style)
    finally:
        text_module.needs, text_module._spaces_fixed, text_module._sure_to_need_repair = saved


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


def test_the_cache_of_pieces_stays_bounded(monkeypatch):
    monkeypatch.setattr(pieces, "MAX_CACHED", 100)
    pieces._needs.clear()
    for i in range(1000):
        needs([f"từ{i}", f"chữ{i}"])
        assert len(pieces._needs) <= 100
    assert needs(["x" * (pieces.MAX_PIECE_CHARS + 1)]) == CLEAN
    assert "x" * (pieces.MAX_PIECE_CHARS + 1) not in pieces._needs
