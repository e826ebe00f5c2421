"""A space after punctuation typed without one: "Sở,ngành" → "Sở, ngành", "202,tại" → "202, tại".

Only after , ; : . ) and only before a letter, so numbers, dates and times ("1.234.567",
"3,5", "12/4/2023", "13:32") never change. Only Vietnamese prose changes; kept as written:
- URLs to the next space, query strings and their commas too ("https://…?a=1,b=2"),
  and e-mail addresses ("a.b@gmail.com");
- code: an ASCII identifier glued to "(", or "_", "=", "<", ">", "[", "]", "{", "}", "->", "::"
  in the same run of non-spaces ("obj.method(a, b)", "x_y.Z");
- a dot between two ASCII words with a lower-case letter after it: domain and file
  names and members ("vusta.vn", "requirements.txt", "QD45.pdf", "obj.method");
- abbreviations: a capital initial before the dot ("T.T.B"), one letter on each side
  ("v.v", but "v.v.Tiếp theo" is a sentence after it), a single capital after it
  that ends the run or takes its own dot ("Ph.D."), capitals on both sides ("TP.HCM",
  "PGS.TS"), or a title or place abbreviation from ``TITLES`` before it ("Tp.HCM",
  "Th.S", "TP.Tân An", "ThS.Nguyễn").
"TP.Tân An" and "ThS.Nguyễn" stay without a space: that is the portal's own style, an
abbreviation written on purpose, not a typing slip, and normalization repairs slips only.
Each run of non-spaces is looked at once, so the time is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

GLUED = re.compile(r"[,;:.)](?=[^\W\d_])")
SPACE = re.compile(r"\s")
WORD = re.compile(r"\w+")
# Where an address starts; the look-behinds let each be tried once per run, not at every letter.
URL_START = re.compile(r"(?<![A-Za-z0-9+.-])(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CODE = re.compile(r"(?<!\w)[A-Za-z_][A-Za-z0-9_]*\(|[_=<>{}\[\]]|->|::")
SCHEMES = frozenset("http https ftp mailto tel file".split())
# Titles and place abbreviations written before another word without a space.
TITLES = frozenset("tp th ths ts pgs gs bs ks cn ncs ls tx tt q ph".split())


class Run(NamedTuple):
    """A run of non-spaces: where it ends, whether it is code, where a URL in it starts, its e-mail addresses."""

    end: int
    code: bool = False
    url: int = -1  # a URL runs to the end of its run
    email_starts: tuple[int, ...] = ()
    email_ends: tuple[int, ...] = ()

    def in_address(self, at: int) -> bool:
        if 0 <= self.url <= at:
            return True
        i = bisect_right(self.email_starts, at) - 1
        return i >= 0 and at < self.email_ends[i]


def _run_at(text: str, at: int, floor: int) -> tuple[int, Run]:
    """(start, run) of the run of non-spaces holding ``text[at]``; it starts at ``floor`` or later."""
    start = max(floor - 1, *(text.rfind(char, floor, at) for char in " \n\t\r\f\v")) + 1
    space = SPACE.search(text, at)
    end = space.start() if space else len(text)
    if CODE.search(text, start, end):
        return start, Run(end, code=True)
    url = URL_START.search(text, start, end)
    emails = list(EMAIL.finditer(text, start, end)) if "@" in text[start:end] else []
    starts, ends = tuple(m.start() for m in emails), tuple(m.end() for m in emails)
    return start, Run(end, url=url.start() if url else -1, email_starts=starts, email_ends=ends)


def _word_before(text: str, at: int, start: int) -> str:
    i = at
    while i > start and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[i:at]


def _keep_dot(text: str, at: int, start: int, run: Run) -> bool:
    """Whether the dot at ``text[at]`` belongs to a name, a file, code or an abbreviation."""
    before = _word_before(text, at, start)
    after = WORD.match(text, at + 1, run.end)
    word = after.group() if after else ""
    if word[:1].islower():
        return (before + word).isascii()
    if (len(before) == 1 and before.isupper()) or before.lower() in TITLES:
        return True
    if before.isupper() and word.isupper() and before.isalpha() and word.isalpha():
        return True
    ends = after is None or after.end() == run.end or text[after.end()] == "."
    return len(word) == 1 and (ends or len(before) == 1)


def _keep(text: str, at: int, start: int, run: Run) -> bool:
    if run.code or run.in_address(at):
        return True
    mark = text[at]
    if mark == ":":
        return _word_before(text, at, start).lower() in SCHEMES
    return mark == "." and _keep_dot(text, at, start, run)


def add_missing_spaces(text: str) -> tuple[str, int]:
    """The text with one space added after each glued punctuation mark, and how many were added."""
    if not GLUED.search(text):
        return text, 0
    parts: list[str] = []
    last = 0
    start, run = -1, Run(-1)
    for match in GLUED.finditer(text):
        at = match.start()
        if at >= run.end:
            start, run = _run_at(text, at, max(run.end, 0))
        if _keep(text, at, start, run):
            continue
        parts.append(text[last : at + 1])
        last = at + 1
    if not parts:
        return text, 0
    parts.append(text[last:])
    return " ".join(parts), len(parts) - 1
