"""Which pieces of text between spaces the repair and spacing rules would leave as they are.

Most text is clean, and a clean text is made of pieces that recur across a corpus as its
words do, so what a piece needs is read once (``finishing`` keeps it) instead of scanning
each text with every rule. No repair rule looks across a plain space: the characters the
controls, whitespace, mojibake and spacing rules act on are never a space, a legacy word
never holds one, and a space composes with nothing, so NFC holds of a text when it holds
of its pieces. A text whose pieces are all clean, with no empty piece (a run of spaces, a
space at an edge), comes out of the repair and the spacing rule unchanged.
"""

from __future__ import annotations

import unicodedata

from scraper.text.legacy import MOJIBAKE, reads_as_is
from scraper.text.spacing import GLUED
from scraper.text.whitespace import ODD

# What a piece needs, least first: nothing, the spacing rule (glued punctuation), the repair.
CLEAN, SPACING, REPAIR = 0, 1, 2


def need_of(piece: str) -> int:
    """What one piece needs; an empty one stood between two spaces or at an edge, which the repair removes."""
    if (
        not piece
        or piece[0] == "\n"  # a line's edge beside a space, or the text's own edge
        or piece[-1] == "\n"
        or "\n\n\n" in piece
        or ODD.search(piece)
        or not unicodedata.is_normalized("NFC", piece)
        or MOJIBAKE.search(piece)
        or not reads_as_is(piece)
    ):
        return REPAIR
    return SPACING if GLUED.search(piece) else CLEAN
