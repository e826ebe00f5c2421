"""Text typed in a legacy Vietnamese encoding, or decoded with the wrong one, made Unicode again.

- TCVN3 (ABC) and VNI: pages typed with .VnTime- or VNI-Times-style fonts carry
  "Liªn hiÖp" or "Lieân hieäp"; viparse's tables convert them exactly and leave
  proper Unicode alone. Its conversion costs, so it runs only on paragraphs that hold
  a character such text has and Vietnamese Unicode text does not.
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
MIN_SHARE = 0.6
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


def _better(before: str, after: str) -> str:
    """A repair is kept only when it turns garbage into Vietnamese: most words become syllables.

    That keeps "±" or "£" in a Unicode text, or random bytes, from being "repaired".
    """
    if after == before or LEGACY_HINT.search(after):
        return before
    share = vietnamese_share(after)
    return after if share >= MIN_SHARE and share > vietnamese_share(before) else before


def repair_encoding(text: str) -> tuple[str, int]:
    """Text with legacy-encoded and mojibake paragraphs repaired; the count of paragraphs repaired."""
    if not LEGACY_HINT.search(text) and not MOJIBAKE_HINT.search(text):
        return text, 0
    repaired = 0
    paragraphs = text.split("\n")
    for i, paragraph in enumerate(paragraphs):
        fixed = paragraph
        if MOJIBAKE_HINT.search(fixed):
            fixed = _better(fixed, _unmojibake(fixed))
        if LEGACY_HINT.search(fixed):
            fixed = _better(fixed, viparse_fix(fixed))
        if fixed != paragraph:
            paragraphs[i] = fixed
            repaired += 1
    return "\n".join(paragraphs), repaired
