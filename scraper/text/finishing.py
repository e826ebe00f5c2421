"""The last rules, piece by piece: glued punctuation spaced, then one tone style and glued words split.

Neither rule looks across a plain space (see ``pieces`` and ``words``), so a text comes out
as the join of its pieces, each finished alone; and pieces recur across a corpus as words
do. Each distinct piece is finished once and kept with what it needs of the repair, so most
text costs one look-up a piece, where it cost a scan for each rule.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress, repeat

from scraper.text.pieces import CLEAN, REPAIR, need_of
from scraper.text.spacing import add_missing_spaces
from scraper.text.syllables import WORDS_CACHED
from scraper.text.words import restyle_and_split

# what the piece needs, the piece finished, spaces added, syllables whose tone moved, words split
Finished = tuple[int, str, int, int, int]
MAX_CACHED = 4 * WORDS_CACHED  # pieces kept per style; the cache starts afresh when full
MAX_PIECE_CHARS = 100  # a longer piece is read but not kept: text without spaces must not fill the cache
_UNREAD = object()  # a piece not in the cache yet
# per style, piece → None when it needs no repair and the rules leave it as it is
_caches: dict[str, dict[str, Finished | None]] = {}


def _finished(piece: str, style: str) -> Finished | None:
    """None when the piece comes out as it went in and needs no repair ("vusta.vn": a glued dot kept)."""
    need = need_of(piece)
    spaced, added = (piece, 0) if need == CLEAN else add_missing_spaces(piece)
    text, moved, split = restyle_and_split(spaced, style)
    return None if need != REPAIR and text == piece else (need, text, added, moved, split)


def _remembered(cache: dict[str, Finished | None], piece: str, style: str) -> Finished | None:
    found = cache.get(piece, _UNREAD)
    if found is not _UNREAD:
        return found  # type: ignore[return-value]
    found = _finished(piece, style)
    if len(piece) <= MAX_PIECE_CHARS:  # text without spaces must not fill the cache
        if len(cache) >= MAX_CACHED:
            cache.clear()
        cache[piece] = found
    return found


def finish(text: str, style: str, counts: Counter[str], *, repaired: bool) -> str | None:
    """``text`` spaced and restyled, counting each rule's changes; None when a piece needs the repair first.

    Once ``repaired``, pieces the repair could not mend are finished as they are.
    """
    cache = _caches.setdefault(style, {})
    pieces = text.split(" ")
    readings = list(map(cache.get, pieces, repeat(_UNREAD)))  # one look-up a piece, in C; most are known
    if not any(readings):
        return text
    changed: list[tuple[int, Finished]] = []
    for i in compress(range(len(pieces)), readings):
        reading = readings[i]
        if reading is _UNREAD:
            reading = _remembered(cache, pieces[i], style)
            if reading is None:
                continue
        if reading[0] == REPAIR and not repaired:
            return None
        changed.append((i, reading))
    for i, (_, finished, added, moved, split) in changed:
        pieces[i] = finished
        counts["spacing"] += added
        counts["tone"] += moved
        counts["split"] += split
    return " ".join(pieces) if changed else text
