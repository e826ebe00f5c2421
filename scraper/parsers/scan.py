"""Case-insensitive patterns tried only where a word they start with is written.

A case-insensitive pattern is tried at every character of a text; a case-sensitive scan
for a few literal words is not (the regex engine skips ahead to their first letters). When
every letter of those words matches case-insensitively exactly the characters that
lower-case to it (no twin such as "ı" for "i" or "ſ" for "s": ``twins`` finds them, and the
tests check there are none), a scan of the lower-cased text finds every place the pattern
can start. Its positions are the text's when lower-casing keeps the length; otherwise
the pattern scans the text itself. The places are found with ``str.find`` (C, far faster
than the regex engine, which tries its alternatives at every character) for each word's
first token, then each is checked against the whole word; a pattern may also start a few
characters before a mark (the day of "12/4/2023" before its "/").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator


class Anchored:
    """``pattern`` (case-insensitive), which always starts with one of ``words`` (lower case, a space for ``\\s+``)
    or within ``reach`` characters before one of ``marks`` (case-free signs such as "/")."""

    def __init__(
        self, pattern: re.Pattern[str], words: tuple[str, ...], marks: tuple[str, ...] = (), reach: int = 0
    ) -> None:
        self.pattern = pattern
        self.words = words
        self.starts = re.compile("|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words))
        # Each word's text up to its first space, once (a token that starts with another is found by that one).
        tokens = sorted({word.split(" ")[0] for word in words}, key=len)
        self.tokens = tuple(t for i, t in enumerate(tokens) if not any(t.startswith(s) for s in tokens[:i]))
        self.marks = marks
        self.reach = reach

    def _places(self, text: str, lowered: str) -> list[int]:
        """Every place the pattern may start, in order: where a word starts in ``lowered``, or just before a mark."""
        found: set[int] = set()
        for token in self.tokens:
            at = lowered.find(token)
            while at >= 0:
                if self.starts.match(lowered, at):
                    found.add(at)
                at = lowered.find(token, at + 1)
        for mark in self.marks:
            at = text.find(mark)
            while at >= 0:
                found.update(range(max(0, at - self.reach), at))
                at = text.find(mark, at + 1)
        return sorted(found)

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``; ``lowered`` is ``text.lower()`` when the caller has it."""
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) != len(text):  # a letter lower-cased into two ("İ"): positions would shift
            yield from self.pattern.finditer(text)
            return
        end = 0
        for start in self._places(text, lowered):  # words may overlap ("nghị quyết định"): every start is tried
            if start >= end and (found := self.pattern.match(text, start)) is not None:
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


def composed(text: str, lowered: str | None) -> tuple[str, str | None]:
    """``text`` in NFC, and ``lowered`` (its lower-cased copy, when the caller has one) only if it still is."""
    if unicodedata.is_normalized("NFC", text):
        return text, lowered
    return unicodedata.normalize("NFC", text), None
