"""One tone-mark style for the whole text: where the mark of open oa, oe and uy goes.

The portal prints "Tỉnh uỷ" and "Tỉnh ủy" for one word; a search for either must find
both. The two styles differ only in open syllables whose rhyme is oa, oe or uy
("quý" and "giá" are not: qu and gi are onsets), so only those syllables move.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from scraper.text.syllables import LETTERS, TONED, TWO_STYLE_RHYMES, WORDS_CACHED, parse

# "new": mark on the first vowel (hòa, khỏe, thủy; most government sites, "Ủy ban").
# "old": mark on the second (hoà, khoẻ, thuỷ). The settings' "hòa"/"hoà" name the same two.
STYLE_NAMES = {"new": "new", "old": "old", "hòa": "new", "hoà": "old"}


def style_name(tone_style: str) -> str:
    """The canonical name, "new" or "old", of a style; ValueError for a name no style has."""
    name = STYLE_NAMES.get(unicodedata.normalize("NFC", tone_style))
    if name is None:
        raise ValueError(f"tone_style must be one of {sorted(STYLE_NAMES)}, not {tone_style!r}")
    return name


@lru_cache(maxsize=WORDS_CACHED)
def restyle(syllable: str, style: str) -> str:
    """``syllable`` with its tone mark where ``style`` ("new" or "old") puts it; anything else unchanged.

    Letter case is kept letter by letter: "Uỷ" → "Ủy", "UỶ" → "ỦY".
    """
    found = parse(syllable)
    if found is None or not found.tone or found.rhyme not in TWO_STYLE_RHYMES:
        return syllable
    if not (syllable.islower() or syllable.isupper() or syllable.istitle()):
        return syllable  # "oÀ" is no word: only the three casings of a word are restyled
    target = len(found.onset) + (0 if style == "new" else 1)
    letters = [LETTERS[char][0] for char in syllable]
    letters[target] = TONED[(letters[target], found.tone)]
    return "".join(letters)
