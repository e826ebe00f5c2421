"""Text normalization: the clean copy researchers search and count.

``normalize`` returns the new text and a count per rule that changed it, so a
record can say what was rewritten; the raw text is kept by the caller. The rules,
in order: ``control`` (control characters dropped), ``whitespace``, ``encoding``
(legacy TCVN3/VNI and mojibake repaired), ``nfc``, ``spacing`` (a space after glued
punctuation), ``split`` (glued syllables), ``tone`` (one tone-mark style). Letters are never changed but by
tone placement, splitting and encoding repairs; normalizing twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from scraper.text.encodings import repair_encoding
from scraper.text.punctuation import add_missing_spaces
from scraper.text.vietnamese import STYLES, restyle, split_glued
from scraper.text.whitespace import fix_whitespace

DEFAULT_STYLE = "hòa"
WORD = re.compile(r"[^\W\d_]{2,}")
WORD_SPLIT = re.compile(rf"({WORD.pattern})")
# Control characters but tab and line ends: no text means them.
C0_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
C1_CONTROL = re.compile(r"[\x80-\x9f]")


@lru_cache(maxsize=131072)
def _word(token: str, style: str) -> tuple[str, int, int]:
    """(new word, syllables split, tones moved) for one run of letters."""
    parts = split_glued(token) if len(token) >= 4 else None
    pieces = parts or (token,)
    styled = tuple(restyle(piece, style) for piece in pieces)
    moved = sum(a != b for a, b in zip(pieces, styled, strict=True))
    return " ".join(styled), (1 if parts else 0), moved


def normalize(text: str, *, tone_style: str = DEFAULT_STYLE) -> tuple[str, dict[str, int]]:
    """Normalize ``text``; return it with ``{rule: changes}`` for the rules that fired.

    ``tone_style`` is "hòa" (tone on the first vowel of open oa/oe/uy: "hòa",
    "thủy", "khỏe", as most government sites print) or "hoà" ("hoà", "thuỷ", "khoẻ").
    """
    if tone_style not in STYLES:
        raise ValueError(f"tone_style must be one of {STYLES}, not {tone_style!r}")
    counts: Counter[str] = Counter()
    text, counts["control"] = C0_CONTROL.subn("", text)
    text, counts["whitespace"] = fix_whitespace(text)
    text, counts["encoding"] = repair_encoding(text)  # needs C1 bytes: "á»\x87" is mojibake of "ệ"
    text, c1 = C1_CONTROL.subn("", text)
    if c1:  # what is left without them may need spacing again, or read as legacy text now
        counts["control"] += c1
        text, spaces = fix_whitespace(text)
        text, repaired = repair_encoding(text)
        counts["whitespace"] += spaces
        counts["encoding"] += repaired
    composed = unicodedata.normalize("NFC", text)
    counts["nfc"] += composed != text
    text, counts["spacing"] = add_missing_spaces(composed)

    text = _rewrite_words(text, tone_style, counts)
    return text, {rule: n for rule, n in counts.items() if n}


def _rewrite_words(text: str, style: str, counts: Counter[str]) -> str:
    """Each run of letters split and restyled: each distinct word is asked once, not each occurrence."""
    parts = WORD_SPLIT.split(text)  # words at the odd places
    words = parts[1::2]
    changed = {}
    for token in set(words):
        new, split, moved = _word(token, style)
        if new != token or split or moved:
            changed[token] = (new, split, moved)
    if not changed:
        return text
    seen = Counter(w for w in words if w in changed)
    for token, (_, split, moved) in changed.items():
        counts["split"] += split * seen[token]
        counts["tone"] += moved * seen[token]
    parts[1::2] = [changed[w][0] if w in changed else w for w in words]
    return "".join(parts)
