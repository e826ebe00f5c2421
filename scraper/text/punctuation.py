"""A space after punctuation that was typed without one: "Sở,ngành" → "Sở, ngành".

Only before a letter, and never inside what is written without spaces on purpose:
numbers and dates ("1.234.567", "3,5", "12/4/2023"), times, URLs, e-mail addresses,
domain names ("vusta.vn"), initials and abbreviations ("T.T.B", "Tp.HCM", "Th.S"),
document numbers ("38-Ctr/TU").
"""

from __future__ import annotations

import re

# Punctuation glued to the letter after it.
GLUED = re.compile(r"([,;:.)])(?=[^\W\d_])")
WORD_BEFORE = re.compile(r"(\w+)$")
# A written-together token: URL, e-mail address, or a domain name.
JOINED_TOKEN = re.compile(r"(://|@|^www\.|\.(vn|com|org|net|gov|edu|info|int)(\W|$))", re.IGNORECASE)
# Words an abbreviation dot follows ("Tp.Tân An" is kept: the portal writes it so).
ABBREVIATIONS = frozenset("tp th ths ts pgs gs bs ks cn ncs st no vd v.v tt ubnd".split())


def _keep(text: str, at: int) -> bool:
    """Whether the punctuation at ``text[at]`` belongs to a token written without spaces."""
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    token = text[start : end if end != -1 else len(text)]
    if JOINED_TOKEN.search(token):
        return True
    if text[at] != ".":
        return False
    before = WORD_BEFORE.search(text[start:at])
    word = before.group(1) if before else ""
    # Initials and capitals on both sides ("T.T.B", "PGS.TS", "TP.HCM"), or a known abbreviation.
    return word.isupper() or word.lower() in ABBREVIATIONS or (len(word) == 1 and not word.isdigit())


def add_missing_spaces(text: str) -> tuple[str, int]:
    """The text with one space added after each glued punctuation mark, and how many were added."""
    count = 0
    parts: list[str] = []
    last = 0
    for match in GLUED.finditer(text):
        at = match.start(1)
        if _keep(text, at):
            continue
        parts.append(text[last : at + 1])
        parts.append(" ")
        last = at + 1
        count += 1
    if not count:
        return text, 0
    parts.append(text[last:])
    return "".join(parts), count
