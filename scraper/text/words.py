"""One pass over the words of a text: each gets the tone style, then a glued one is split.

Both rules look at one run of letters at a time, so a run is read once per text and its
result cached: a corpus's vocabulary is small next to its length. A run touching a
digit, "&", "-", "/", "@", "_" or a dot inside a name ("KH&KT", "38-Ctr", "côngnghệ.vn")
belongs to a code or a name and is never split, though its syllables still take the style.
"""

from __future__ import annotations

import re

from scraper.text.splitting import split_glued
from scraper.text.tones import restyle

WORD = re.compile(r"[^\W\d_]+")
JOINERS = frozenset("&-/@_.\\")
MAX_CACHED = 500_000

Reading = tuple[str, int, str | None, int]
# per style, token → None when the token never changes, else (token styled, syllables
# moved, split and styled or None, syllables moved in it)
_caches: dict[str, dict[str, Reading | None]] = {}


def _read(token: str, style: str) -> Reading | None:
    styled = restyle(token, style)
    parts = split_glued(token)
    if parts is None:
        return None if styled == token else (styled, 1, None, 0)
    pieces = [restyle(part, style) for part in parts]
    moved = sum(new != old for new, old in zip(pieces, parts, strict=True))
    return styled, int(styled != token), " ".join(pieces), moved


def _joined(text: str, start: int, end: int) -> bool:
    """Whether the letters at ``text[start:end]`` are glued to a digit or a joining sign."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in JOINERS or before.isdigit() or after.isdigit() or (after in JOINERS and after != "."):
        return True
    return after == "." and end + 1 < len(text) and text[end + 1].isalnum()


def restyle_and_split(text: str, style: str) -> tuple[str, int, int]:
    """(text, syllables whose tone moved, tokens split) with every word in ``style`` and glued words split."""
    moved = split = 0
    cache = _caches.setdefault(style, {})

    def word(match: re.Match[str]) -> str:
        nonlocal moved, split
        token = match.group()
        found = cache.get(token, token)
        if found is None:
            return token
        if found is token:
            if len(cache) >= MAX_CACHED:
                cache.clear()
            found = cache[token] = _read(token, style)
            if found is None:
                return token
        styled, n, parts, n_parts = found
        if parts is not None and not _joined(text, match.start(), match.end()):
            moved += n_parts
            split += 1
            return parts
        moved += n
        return styled

    return WORD.sub(word, text), moved, split
