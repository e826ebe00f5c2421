"""A space after punctuation typed without one: "Sở,ngành" → "Sở, ngành", "202,tại" → "202, tại".

Only after , ; : . ) and only before a letter, so numbers, dates and times ("1.234.567",
"3,5", "12/4/2023", "13:32") never change. Kept as written, too:
- URLs, e-mail addresses, domain and file names: "https://…", "vusta.vn", "longan.gov.vn",
  "a.b@gmail.com", "QD45.pdf";
- initials: a single capital before the dot, or one letter on each side ("T.T.B", "v.v");
- abbreviation chains, capitals on both sides of the dot, or a title from ``TITLES``
  before capitals: "Tp.HCM", "TP.HCM", "PGS.TS", "Th.S", "ASP.NET".
"TP.Tân An" becomes "TP. Tân An": the dot ends an abbreviation and a name follows, which
is how the name is printed with its space, so a search for "Tân An" finds it.
Document numbers ("38-Ctr/TU", "45/2005/QĐ-UB") hold no such punctuation.
"""

from __future__ import annotations

import re

GLUED = re.compile(r"[,;:.)](?=[^\W\d_])")
TLDS = "vn|com|net|org|gov|edu|info|int|biz|io|asia|html?|aspx?|php|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|rar"
# An address runs to a space, or to a comma, semicolon or bracket (which end it in running text).
URL_CHARS = r"[^\s,;()<>\"“”]+"
# URLs, e-mail addresses and domain or file names, whose punctuation is part of them.
JOINED = re.compile(
    rf"(?:https?|ftp)://{URL_CHARS}|www\.{URL_CHARS}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:{TLDS})\b",
    re.IGNORECASE,
)
SPACE = re.compile(r"\s")
LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
LETTERS_AFTER = re.compile(r"[^\W\d_]+")
# Titles and place abbreviations written before another abbreviation without a space.
TITLES = frozenset("tp th ths ts pgs gs bs ks cn ncs ls tx tt q".split())


def _is_abbreviation(before: str, after: str) -> bool:
    """Whether a dot between the letters ``before`` and ``after`` belongs to initials or an abbreviation."""
    if len(before) == 1 and (before.isupper() or len(after) == 1):
        return True
    return after.isupper() and (before.isupper() or before.lower() in TITLES)


def _in_address(text: str, at: int) -> bool:
    """Whether ``text[at]`` is inside a URL, e-mail address or domain or file name."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    space = SPACE.search(text, at)
    end = space.start() if space else len(text)
    return any(m.start() <= at < m.end() for m in JOINED.finditer(text, start, end))


def add_missing_spaces(text: str) -> tuple[str, int]:
    """The text with one space added after each glued punctuation mark, and how many were added."""
    if not GLUED.search(text):
        return text, 0
    parts: list[str] = []
    last = 0
    for match in GLUED.finditer(text):
        at = match.start()
        if _in_address(text, at):
            continue
        if text[at] == ".":
            before = LETTERS_BEFORE.search(text, 0, at)
            after = LETTERS_AFTER.match(text, at + 1)
            if before and after and _is_abbreviation(before.group(), after.group()):
                continue
        parts.append(text[last : at + 1])
        last = at + 1
    if not parts:
        return text, 0
    parts.append(text[last:])
    return " ".join(parts), len(parts) - 1
