"""Text normalization: the clean copy researchers search and count.

``normalize`` returns the new text and a count per rule that changed it, so a record
can say what was rewritten; the raw text is kept by the caller. The rules, in order:
``nfc``, ``legacy`` (TCVN3/VNI words and mojibake runs repaired), ``whitespace`` (odd
and repeated spaces, invisible and control characters), ``spacing`` (a space after
glued punctuation), ``tone`` (one tone-mark style) and ``split`` (glued syllables).
Repair comes first, before anything deletes a character a legacy table needs (the soft
hyphen is TCVN3's ư, C1 bytes are pieces of mojibake); the first four rules repeat
until they change nothing, since removing a control character can join what was cut.
Letters are never changed but by tone placement, splitting and decoding repairs, and
normalizing twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from scraper.text.finishing import finish
from scraper.text.legacy import MOJIBAKE, repair_legacy
from scraper.text.tones import style_name
from scraper.text.whitespace import fix_whitespace, spaces_only

__all__ = ["DEFAULT_STYLE", "normalize"]

DEFAULT_STYLE = "new"
# Invisible and in no word: C0 controls and zero-width marks go before repair, so a word
# they cut is read whole. The soft hyphen and C1 bytes stay until repair has seen them.
CUTTING = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
MAX_ROUNDS = 4


def _sure_to_need_repair(text: str) -> bool:
    """What most text the whitespace repair changes holds (two substring tests in C)."""
    return "\xa0" in text or "  " in text


def _rounds(text: str, counts: Counter[str]) -> str:
    """Controls out, NFC, legacy repair and whitespace, until a round changes nothing."""
    for _ in range(MAX_ROUNDS):
        before = text
        if CUTTING.search(text):
            text, n = CUTTING.subn("", text)
            counts["whitespace"] += n
        if not unicodedata.is_normalized("NFC", text):
            composed = unicodedata.normalize("NFC", text)
            counts["nfc"] += max(len(text) - len(composed), 1)
            text = composed
        text, n = repair_legacy(text)
        counts["legacy"] += n
        text, n = fix_whitespace(text)
        counts["whitespace"] += n
        if text == before:
            break
    return text


def _spaces_fixed(text: str) -> tuple[str, int] | None:
    """The text ``_rounds`` makes of one whose only trouble is its spaces, and the whitespace fixes, if it may be so.

    Most text that needs repair is clean but for no-break spaces, runs of spaces and line
    edges: then the first round changes only those, and the second nothing. The whitespace
    repair only replaces and removes whitespace here, so the words the legacy repair reads
    are the same before and after it, a space composes with nothing (NFC), and what it
    takes out joins nothing; mojibake, which a no-break space can be part of, is looked for
    first. Whether the text had no more trouble than that is read from the fixed text's
    pieces (``finish``). None when it has more trouble.
    """
    if not spaces_only(text) or not unicodedata.is_normalized("NFC", text) or MOJIBAKE.search(text):
        return None
    return fix_whitespace(text)


def normalize(text: str, *, tone_style: str = DEFAULT_STYLE) -> tuple[str, dict[str, int]]:
    """Normalize ``text``; return it with ``{rule: changes}`` for the rules that fired.

    ``tone_style`` is "new" (mark on the first vowel of open oa/oe/uy: "hòa", "thủy",
    "khỏe", "Tỉnh ủy", as most government sites print) or "old" ("hoà", "thuỷ", "khoẻ");
    "hòa" and "hoà" are accepted as their names too.
    """
    style = style_name(tone_style)
    counts: Counter[str] = Counter()
    # A no-break space or a run of spaces needs the repair: such text is not read piece by piece first.
    finished = None if _sure_to_need_repair(text) else finish(text, style, counts, repaired=False)
    if finished is None and (fixed := _spaces_fixed(text)) is not None:
        finished = finish(fixed[0], style, counts, repaired=False)
        counts["whitespace"] += fixed[1] if finished is not None else 0
    if finished is None:
        finished = finish(_rounds(text, counts), style, counts, repaired=True)
    return finished, {rule: n for rule, n in counts.items() if n}
