"""Case-insensitive patterns tried only where a word they start with is written.

A case-insensitive pattern is tried at every character of a text; a case-sensitive scan
for a few literal words is not (the regex engine skips ahead to their first letters). When
every letter of those words matches case-insensitively exactly the characters that
lower-case to it (no twin such as "ı" for "i" or "ſ" for "s": ``twins`` finds them, and the
tests check there are none), a scan of the lower-cased text finds every place the pattern
can start. Its positions are the text's when lower-casing keeps the length; otherwise
the pattern scans the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Anchored:
    """``pattern`` (case-insensitive), which always starts with one of ``words`` (lower case, a space for ``\\s+``)."""

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.words = words
        self.starts = re.compile("|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words))

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``; ``lowered`` is ``text.lower()`` when the caller has it."""
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) != len(text):  # a letter lower-cased into two ("İ"): positions would shift
            yield from self.pattern.finditer(text)
            return
        end = start = 0
        while (word := self.starts.search(lowered, start)) is not None:
            start = word.start() + 1  # words may overlap ("nghị quyết định"): every start is tried
            if word.start() >= end and (found := self.pattern.match(text, word.start())) is not None:
                end = found.end()
                yield found

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``."""
        return next(self.finditer(text, lowered), None)


def twins(words: tuple[str, ...]) -> set[str]:
    """Characters that match a letter of ``words`` case-insensitively but do not lower-case to it."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    found: set[str] = set()
    for letter in {char for word in words for char in word if not char.isspace()}:
        matched = {m.group() for m in re.finditer(re.escape(letter), every, re.IGNORECASE)}
        found |= {char for char in matched if char.lower() != letter}
    return found
