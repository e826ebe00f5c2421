"""Text typed in a legacy Vietnamese encoding, or decoded with the wrong one, made Unicode again.

- TCVN3 (ABC) and VNI: pages typed with .VnTime- or VNI-Times-style fonts carry
  "Liªn hiÖp" or "Lieân hieäp"; viparse's tables convert them exactly. The conversion
  runs only on paragraphs that hold a character such text has and Vietnamese Unicode
  text does not, and is kept only when it turns them into Vietnamese syllables.
- UTF-8 read as Windows-1252 or Latin-1 ("LiÃªn hiá»‡p"): encoded back and decoded
  as UTF-8, kept only if that decodes cleanly.
"""

from __future__ import annotations

import re

from viparse import fix as viparse_fix

from scraper.text.vietnamese import is_syllable

# Latin-1 characters TCVN3 and VNI text is full of and Vietnamese Unicode text never holds.
LEGACY_HINT = re.compile(r"[¢£¤¥¦§¨ª¬®¯±²³´µ¶·¸¹º¼½¾¿ÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñöøûüþÿ]")
WORD = re.compile(r"[^\W\d_]+")
MIN_SHARE = 0.8  # a paragraph really in a legacy encoding converts to words nearly all of them syllables
MIN_WORDS = 3
LEGACY_FONTS = ("tcvn3", "vni")
MAX_SHARE_BEFORE = 0.5
MOJIBAKE_HINT = re.compile(r"Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf]|Æ[\u0080-\u00bf]|á[»º][\u0080-\u00bf]")


def _unmojibake(paragraph: str) -> str:
    for wrong in ("cp1252", "latin-1"):
        try:
            return paragraph.encode(wrong).decode("utf-8")
        except UnicodeError:
            continue
    return paragraph


def vietnamese_share(text: str) -> float:
    """The share of words in ``text`` that are Vietnamese syllables."""
    words = WORD.findall(text)
    return sum(map(is_syllable, words)) / len(words) if words else 0.0


def _better(before: str, after: str, *, only_if_unreadable: bool) -> str:
    """A repair is kept only when it turns garbage into Vietnamese: most words become syllables.

    That keeps "±" or "£" in a Unicode text, or random bytes, from being "repaired".
    A legacy-font conversion is also tried only on text that does not read as
    Vietnamese already (``only_if_unreadable``); a UTF-8 round trip that decodes
    cleanly is evidence enough of mojibake.
    """
    if after == before or LEGACY_HINT.search(after):
        return before
    if only_if_unreadable and vietnamese_share(before) >= MAX_SHARE_BEFORE:
        return before
    enough = len(WORD.findall(after)) >= MIN_WORDS
    return after if enough and vietnamese_share(after) >= MIN_SHARE else before


def _from_legacy_font(paragraph: str) -> str:
    """The paragraph read as TCVN3 or as VNI, whichever gives more Vietnamese syllables.

    viparse's tables convert; its own guess of the encoding is not used, because it
    misses whole paragraphs of TCVN3 when a few letters also fit VNI.
    """
    readings = [viparse_fix(paragraph, encoding=name) for name in LEGACY_FONTS]
    return max(readings, key=vietnamese_share)


def repair_encoding(text: str) -> tuple[str, int]:
    """Text with legacy-encoded and mojibake paragraphs repaired; the count of paragraphs repaired."""
    if not LEGACY_HINT.search(text) and not MOJIBAKE_HINT.search(text):
        return text, 0
    repaired = 0
    paragraphs = text.split("\n")
    for i, paragraph in enumerate(paragraphs):
        fixed = paragraph
        if MOJIBAKE_HINT.search(fixed):
            fixed = _better(fixed, _unmojibake(fixed), only_if_unreadable=False)
        if LEGACY_HINT.search(fixed):
            fixed = _better(fixed, _from_legacy_font(fixed), only_if_unreadable=True)
        if fixed != paragraph:
            paragraphs[i] = fixed
            repaired += 1
    return "\n".join(paragraphs), repaired
