"""The written Vietnamese syllable as a grammar: onset, medial, nucleus, coda and tone.

Everything that has to know whether a run of letters is Vietnamese asks here: the tone
style (where the mark of open oa/oe/uy goes), the splitting of glued syllables, and the
detector of text typed in legacy encodings. The rhymes are generated from the rules
below rather than listed, so each constraint is written once.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

# The five tone marks, as combining characters (ngang, the level tone, has none).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
ACUTE, DOT_BELOW = "\u0301", "\u0323"
VOWELS = frozenset("aăâeêioôơuưy")

ONSETS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split()) | {""}
FRONT = frozenset("ieêy")  # k, gh and ngh come only before these; c, g and ng never do
STOP_CODAS = ("p", "t", "c", "ch")  # they take only the sắc or nặng tone

# Each nucleus with the codas it takes ("" is an open syllable). The rules behind it:
# ă and â never end a syllable; ch and nh follow only a, ê and i; c and ng never follow
# ê or i ("eng" is kept: xẻng, kẻng); the diphthongs iê/uô/ươ need a coda and are
# written ia/ua/ưa when open.
NUCLEUS_CODAS = {
    "a": "- c ch i m n ng nh o p t u y",
    "ă": "c m n ng p t",
    "â": "c m n ng p t u y",
    "e": "- m n ng o p t",
    "ê": "- ch m n nh p t u",
    "i": "- ch m n nh p t u",
    "y": "-",
    "o": "- c i m n ng p t",
    "oo": "c ng",  # loanwords: xoong, soóc
    "ô": "- c i m n ng p t",
    "ơ": "- i m n p t",
    "u": "- c i m n ng p t",
    "ư": "- c i m n ng t u",
    "iê": "c m n ng p t u",
    "yê": "m n ng t u",  # iê with no onset: yên, yêu
    "ia": "-",
    "uô": "c i m n ng t",
    "ua": "-",
    "ươ": "c i m n ng p t u",
    "ưa": "-",
}
# The glide /w/ before a nucleus: written o before a, ă, e and u before the others.
MEDIAL_RHYMES = {
    "oa": "- c ch i m n ng nh o p t y",
    "oă": "c m n ng t",
    "oe": "- n o t",
    "uâ": "n ng t y",
    "uê": "- ch n nh",
    "uy": "- ch nh p t u",
    "uyê": "n t",
    "uya": "-",
    "uơ": "-",
}


def _rhymes(table: dict[str, str]) -> frozenset[str]:
    return frozenset(
        nucleus + ("" if coda == "-" else coda) for nucleus, codas in table.items() for coda in codas.split()
    )


PLAIN_RHYMES = _rhymes(NUCLEUS_CODAS) - {"yê" + coda for coda in "m n ng t u".split()}
ONSETLESS_RHYMES = _rhymes(NUCLEUS_CODAS) - {"iê" + coda for coda in "c m n ng p t u".split()}
MEDIAL = _rhymes(MEDIAL_RHYMES)
# After "qu" the glide is the u of the onset: quá, quyết, quê; "qui" beside "quy", and quốc.
AFTER_QU = frozenset(r[1:] for r in MEDIAL) | {"i", "ôc"}
# Open rhymes whose tone mark the two styles place differently: hòa/hoà, khỏe/khoẻ, thủy/thuỷ.
TWO_STYLE_RHYMES = frozenset(("oa", "oe", "uy"))


class Syllable(NamedTuple):
    onset: str
    rhyme: str
    tone: str  # the combining tone mark, "" for the level tone


def _letter_table() -> dict[str, tuple[str, str]]:
    """Every Vietnamese letter, lower and upper case, as (letter without tone, tone mark)."""
    table: dict[str, tuple[str, str]] = {}
    for base in "abcdđeghiklmnopqrstuvxyăâêôơư":
        for tone in ("", *sorted(TONE_MARKS)):
            if tone and base not in VOWELS:
                continue
            for case in (base, base.upper()):
                table[unicodedata.normalize("NFC", case + tone)] = (case, tone)
    return table


LETTERS = _letter_table()
# (letter, tone mark) → the letter carrying that mark, for placing a tone.
TONED = {value: letter for letter, value in LETTERS.items()}


def strip_tone(word: str) -> tuple[str, str]:
    """(word without its tone mark, the mark); ("", "?") when it holds a non-Vietnamese letter or two marks."""
    base: list[str] = []
    tone = ""
    for char in word:
        found = LETTERS.get(char)
        if found is None or (found[1] and tone):
            return "", "?"
        tone = found[1] or tone
        base.append(found[0])
    return "".join(base), tone


def _onset_rhyme(word: str) -> tuple[str, str] | None:
    """The (onset, rhyme) reading of a toneless lower-case word that the spelling rules allow."""
    for size in (3, 2, 1, 0):
        onset, rhyme = word[:size], word[size:]
        if onset not in ONSETS or not rhyme:
            continue
        if onset == "qu":
            if rhyme in AFTER_QU:
                return onset, rhyme
            continue
        if onset == "gi" and rhyme in PLAIN_RHYMES and rhyme[0] not in "iê":
            return onset, rhyme
        allowed = ONSETLESS_RHYMES if not onset else PLAIN_RHYMES
        if rhyme not in allowed and rhyme not in MEDIAL:
            continue
        front = rhyme[0] in FRONT
        if onset in ("k", "gh", "ngh") and not front:
            continue
        if onset in ("c", "ng") and front:
            continue
        if onset == "g" and front and rhyme[0] != "i":  # g before i is the onset gi: gì, gìn
            continue
        return onset, rhyme
    return None


# How many distinct words each word cache of the text package keeps. A site's words recur (Vietnamese
# writes with some 7,000 syllables), so a small cache answers most look-ups; a larger one only grows
# with the site's vocabulary: at 200,000 entries a cache, 55,000 distinct words kept 74 MB (2026-12-07).
WORDS_CACHED = 8192


@lru_cache(maxsize=4 * WORDS_CACHED)  # a word's pieces are parsed too
def parse(token: str) -> Syllable | None:
    """The syllable ``token`` spells (any letter case, NFC), or None when it spells none."""
    base, tone = strip_tone(token)
    if tone == "?" or not base:
        return None
    reading = _onset_rhyme(base.lower())
    if reading is None:
        return None
    onset, rhyme = reading
    if rhyme.endswith(STOP_CODAS) and tone not in (ACUTE, DOT_BELOW):
        return None
    return Syllable(onset, rhyme, tone)


def is_syllable(token: str) -> bool:
    return parse(token) is not None
