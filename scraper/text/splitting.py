"""Glued syllables pulled apart: "phốihợp" → "phối hợp", "côngnghệ" → "công nghệ".

A token is split only when it is no syllable itself and reads as two syllables in
exactly one way. Conservative by design, since a wrong split is worse than a missed one:
- two pieces only: a space is what goes missing, and foreign words with accents read
  as three or more ("ré|su|mé", "Po|ké|mon", "é|li|te");
- a piece is never a lone vowel without a mark ("phố|i|hợp", "O|lé");
- never between two vowels: VNI text the legacy step could not read spells a letter as
  a vowel and a mark ("toång keát" is "tổng kết"), and "ke|át" would turn it into two
  wrong words; glued words meet consonant to vowel or at a consonant;
- tokens without any Vietnamese mark (no tone, no ă â ê ô ơ ư đ) stay: "online",
  "Internet", "banana" and glued plain-ASCII words cannot be told apart;
- acronyms and names with a capital inside stay: "UBND", "MTTQVN", "LongAn";
- ambiguous tokens stay: "Hànội" reads "hà|nội" and "hàn|ội".
Tokens next to digits, "&", "-" or "/" are the caller's to keep whole.
"""

from __future__ import annotations

from functools import lru_cache

from scraper.text.syllables import VOWELS, WORDS_CACHED, is_syllable, strip_tone

LONGEST_SYLLABLE = 7  # nghiêng
PLAIN = frozenset("abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY")
PLAIN_VOWELS = frozenset("aeiouyAEIOUY")


def _has_vietnamese_mark(token: str) -> bool:
    """A tone mark or a letter outside plain ASCII (đ, ă, â, ê, ô, ơ, ư)."""
    base, tone = strip_tone(token)
    return bool(tone) or any(char not in PLAIN for char in base)


@lru_cache(maxsize=WORDS_CACHED)
def split_glued(token: str) -> tuple[str, ...] | None:
    """The one reading of ``token`` as two syllables, or None to leave it as it is."""
    if len(token) < 3 or token.isascii() or any(c.isupper() for c in token[1:]):
        return None
    if is_syllable(token) or not _has_vietnamese_mark(token):
        return None
    if len(token) > 2 * LONGEST_SYLLABLE:
        return None
    readings = [
        (token[:cut], token[cut:])
        for cut in range(1, len(token))
        if not (_vowel(token[cut - 1]) and _vowel(token[cut])) and _piece(token[:cut]) and _piece(token[cut:])
    ]
    return readings[0] if len(readings) == 1 else None


def _vowel(char: str) -> bool:
    return strip_tone(char.lower())[0] in VOWELS


def _piece(part: str) -> bool:
    return len(part) <= LONGEST_SYLLABLE and part not in PLAIN_VOWELS and is_syllable(part)
