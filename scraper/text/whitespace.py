"""Whitespace repair: word-processor pastes bring nbsp, zero-width marks, control characters and runs of spaces.

Control characters count here too: like zero-width marks they are invisible, and no
text means them (C1 bytes are what is left of mojibake the legacy step could not read).
"""

from __future__ import annotations

import re

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029]")
# Non-breaking and other fixed-width spaces, and tabs, become a plain space.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Zero-width characters, the BOM, the soft hyphen and control characters carry nothing a reader sees.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Both begin with a character, not with what may be empty (" {2,}", " *\n +| +\n" match the same),
# so the scan skips to candidates instead of trying a match at every character.
_RUNS = re.compile(r"  +")
_LINE_EDGES = re.compile(r" +\n *|\n +")
_BLANK_RUNS = re.compile(r"\n{3,}")
# Each repair, in order, with the substrings without which it has nothing to do: a
# substring test is far faster than a regular-expression scan, and most text is clean.
_REPAIRS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (_LINE_BREAKS, "\n", ()),
    (_ODD_SPACES, " ", ()),
    (_INVISIBLE, "", ()),
    (_RUNS, " ", ("  ",)),
    (_LINE_EDGES, "\n", (" \n", "\n ")),
    (_BLANK_RUNS, "\n\n", ("\n\n\n",)),
)


# Any character the first three repairs replace: one scan tells whether they have work.
ODD = re.compile(
    "[\r\u2028\u2029\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\t\f\v\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x9f]"
)


# The repairs whose pattern is one character at a time, each replaced alike: see ``_replaced``.
_ONE_CHARACTER = (1, 2)


def _replaced(text: str, pattern: re.Pattern[str], repl: str, odd: str) -> tuple[str, int]:
    """``pattern.subn(repl, text)`` for a pattern of single characters, one of ``odd``'s characters at a time.

    A text holds few distinct odd characters (a no-break space, mostly), and ``str.replace``
    finds one far faster than a regular expression finds any of a class.
    """
    total = 0
    for char in odd:
        if pattern.match(char):
            total += text.count(char)
            text = text.replace(char, repl)
    return text, total


def _odd_present(text: str) -> str:
    """Each odd character ``text`` holds, once: what the character repairs are asked about, not the text."""
    return "".join(set(ODD.findall(text)))


def fix_whitespace(text: str) -> tuple[str, int]:
    """One space between words, no space at line edges, at most one blank line; and how many fixes."""
    total = 0
    odd = _odd_present(text)  # a repair runs only for its own characters
    for i, (pattern, repl, signs) in enumerate(_REPAIRS):
        if (i < 3 and not (odd and pattern.search(odd))) or (signs and not any(map(text.__contains__, signs))):
            continue
        text, n = _replaced(text, pattern, repl, odd) if i in _ONE_CHARACTER else pattern.subn(repl, text)
        total += n
    stripped = text.strip()
    total += stripped != text
    return stripped, total


def spaces_only(text: str) -> bool:
    """Whether ``fix_whitespace`` would only replace and take out whitespace: no invisible character to delete.

    Deleting one can join what it cut (a word, a letter and its mark); whitespace that goes joins nothing.
    """
    odd = _odd_present(text)
    return not (odd and _INVISIBLE.search(odd))
