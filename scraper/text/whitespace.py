"""Whitespace repair: word-processor pastes bring nbsp, zero-width marks and runs of spaces."""

from __future__ import annotations

import re

# Non-breaking and other fixed-width spaces become a plain space.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Zero-width characters and the BOM carry nothing a reader sees.
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RUNS = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r"^ +| +$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def fix_whitespace(text: str) -> tuple[str, int]:
    """One space between words, no space at line edges, at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    total = 0
    for pattern, repl in (
        (_ODD_SPACES, " "),
        (_ZERO_WIDTH, ""),
        (_RUNS, " "),
        (_LINE_EDGES, ""),
        (_BLANK_RUNS, "\n\n"),
    ):
        text, n = pattern.subn(repl, text)
        total += n
    stripped = text.strip()
    total += stripped != text
    return stripped, total
