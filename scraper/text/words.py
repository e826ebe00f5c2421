"""One pass over the words of a text: each gets the tone style, then a glued one is split.

Both rules look at one run of letters at a time, so a run is read once per text and its
result cached: a corpus's vocabulary is small next to its length. A run touching a
digit, "&", "-", "/", "@", "_" or a dot inside a name ("KH&KT", "38-Ctr", "côngnghệ.vn")
belongs to a code or a name and is never split, though its syllables still take the style.
A run touching a non-ASCII sign other than quotes and dashes ("¸", "µ": legacy text or
mojibake the repair could not read) is left as it is.
"""

from __future__ import annotations

import re
from itertools import compress

from scraper.text.legacy import MOJIBAKE
from scraper.text.splitting import split_glued
from scraper.text.syllables import WORDS_CACHED
from scraper.text.tones import restyle

WORD_OR_GAP = re.compile(r"([^\W\d_]+)")
JOINERS = frozenset("&-/@_.\\")
FREE_SIGNS = frozenset("“”‘’…«»–—\u00a0")
# What makes a run of non-spaces code or an address to the spacing rule, and more: no split there.
RUN_MARKS = re.compile(r"[_=<>{}\[\]@(]|://|::|www\.", re.IGNORECASE)
WHITESPACE = re.compile(r"\s")
MAX_RUN_PARTS = 64  # a run of more words than this without a space is no prose
MAX_CACHED = 4 * WORDS_CACHED  # words kept per style; the cache starts afresh when full

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


def _beside_a_sign(parts: list[str], i: int) -> bool:
    """Whether the word ``parts[i]`` touches a non-ASCII sign other than quotes and dashes ("¸", "·", "µ").

    Such a word is a piece of legacy text or mojibake the repair could not read; changed,
    it could read on a second pass, so it is left as it is.
    """
    before = parts[i - 1][-1:] or " "
    after = parts[i + 1][:1] if i + 1 < len(parts) else ""
    after = after or " "
    return not (before.isascii() or before in FREE_SIGNS) or not (after.isascii() or after in FREE_SIGNS)


def _joined(parts: list[str], i: int) -> bool:
    """Whether the word ``parts[i]`` is glued to a digit or a joining sign (``parts`` alternate gaps and words)."""
    before = parts[i - 1][-1:] or " "
    gap = parts[i + 1] if i + 1 < len(parts) else ""
    after = gap[:1] or " "
    if before in JOINERS or before.isdigit() or after.isdigit() or (after in JOINERS and after != "."):
        return True
    then = gap[1:2] or (parts[i + 2][:1] if i + 2 < len(parts) else "")
    return after == "." and then.isalnum()


def _marked_run(parts: list[str], i: int) -> bool:
    """Whether the run of non-spaces around ``parts[i]`` is code or an address, or too long to be prose.

    The spacing rule leaves such a run whole; a split inside it would cut it into runs it
    treats otherwise, and a second pass would change them.
    """
    pieces = [parts[i]]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(parts):
            if abs(j - i) > MAX_RUN_PARTS:
                return True
            cut = WHITESPACE.split(parts[j])
            pieces.append(cut[-1] if step < 0 else cut[0])
            if len(cut) > 1:
                break
            j += step
    return RUN_MARKS.search("".join(pieces)) is not None


def restyle_and_split(text: str, style: str) -> tuple[str, int, int]:
    """(text, syllables whose tone moved, tokens split) with every word in ``style`` and glued words split.

    The text is read piece by piece between its spaces: no rule looks past the spaces
    around a word's piece (a word never holds a space, and a run of non-spaces ends at
    one), so a piece reads the same wherever it stands, and ``finishing`` keeps each
    piece's reading.
    """
    pieces = text.split(" ")
    moved = split = 0
    changed = False
    for i, piece in enumerate(pieces):
        reading = _read_piece(piece, style)
        if reading is not None:
            pieces[i], n, n_split = reading
            moved += n
            split += n_split
            changed = True
    return (" ".join(pieces) if changed else text), moved, split


def _read_piece(piece: str, style: str) -> tuple[str, int, int] | None:
    """A piece of text between spaces, read between spaces, as ``restyle_and_split`` would read it in place."""
    new, moved, split = _restyle_words(f" {piece} ", style)
    return None if moved == split == 0 and new[1:-1] == piece else (new[1:-1], moved, split)


def _restyle_words(text: str, style: str) -> tuple[str, int, int]:
    """See ``restyle_and_split``: the text cut into gaps and words, each distinct word read once (then cached)."""
    cache = _caches.setdefault(style, {})
    parts = WORD_OR_GAP.split(text)  # gap, word, gap, word, ..., gap
    words = parts[1::2]
    new = set(words).difference(cache)
    if len(cache) + len(new) > MAX_CACHED:
        cache.clear()
        new = set(words)
    for token in new:
        cache[token] = _read(token, style)
    changing = list(compress(range(1, len(parts), 2), map(cache.__getitem__, words)))
    if not changing:
        return text, 0, 0
    moved = split = 0
    for i in changing:
        if _beside_a_sign(parts, i):
            continue
        styled, n, pieces, n_pieces = cache[parts[i]]  # type: ignore[misc]
        after = parts[i + 1][:1] if i + 1 < len(parts) else ""
        if MOJIBAKE.match(styled[-1:] + after):
            continue  # "ÕA«" restyled is "OÃ«", which reads as mojibake of "ë" on a second pass
        if pieces is not None and not _joined(parts, i) and not _marked_run(parts, i):
            moved += n_pieces
            split += 1
            parts[i] = pieces
        else:
            moved += n
            parts[i] = styled
    return "".join(parts), moved, split
