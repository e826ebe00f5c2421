"""Text normalization: the clean copy researchers search and count.

``normalize`` returns the new text and a count per rule that changed it, so a record
can say what was rewritten; the raw text is kept by the caller. The rules, in order:
``legacy`` (TCVN3/VNI text and mojibake repaired), ``nfc``, ``whitespace`` (odd and
repeated spaces, invisible and control characters), ``spacing`` (a space after glued
punctuation), ``tone`` (one tone-mark style) and ``split`` (glued syllables). Letters
are never changed but by tone placement, splitting and decoding repairs, and
normalizing twice changes nothing.
"""

from __future__ import annotations

import unicodedata

from scraper.text.legacy import decode_html, repair_legacy
from scraper.text.spacing import add_missing_spaces
from scraper.text.tones import style_name
from scraper.text.whitespace import fix_whitespace
from scraper.text.words import restyle_and_split

__all__ = ["DEFAULT_STYLE", "decode_html", "normalize"]

DEFAULT_STYLE = "new"


def normalize(text: str, *, tone_style: str = DEFAULT_STYLE) -> tuple[str, dict[str, int]]:
    """Normalize ``text``; return it with ``{rule: changes}`` for the rules that fired.

    ``tone_style`` is "new" (mark on the first vowel of open oa/oe/uy: "hòa", "thủy",
    "khỏe", "Tỉnh ủy", as most government sites print) or "old" ("hoà", "thuỷ", "khoẻ");
    "hòa" and "hoà" are accepted as their names too.
    """
    style = style_name(tone_style)
    counts: dict[str, int] = {}
    text, counts["legacy"] = repair_legacy(text)
    composed = unicodedata.normalize("NFC", text)
    counts["nfc"] = max(len(text) - len(composed), 1) if composed != text else 0
    text, counts["whitespace"] = fix_whitespace(composed)
    text, counts["spacing"] = add_missing_spaces(text)
    text, counts["tone"], counts["split"] = restyle_and_split(text, style)
    return text, {rule: n for rule, n in counts.items() if n}
