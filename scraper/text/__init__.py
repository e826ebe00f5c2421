"""Text normalization: the clean copy researchers search and count.

``normalize`` returns the new text and a count per rule that changed it, so a
record can say what was rewritten; the raw text is kept by the caller.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from scraper.text.whitespace import fix_whitespace


def nfc(text: str) -> str:
    """Compose to NFC: older pages arrive decomposed, and search needs one form."""
    return unicodedata.normalize("NFC", text)


def normalize(text: str) -> tuple[str, dict[str, int]]:
    """Normalize ``text``; return it with ``{rule: changes}`` for the rules that fired."""
    counts: Counter[str] = Counter()
    composed = nfc(text)
    if composed != text:
        counts["nfc"] += 1
    out, n = fix_whitespace(composed)
    counts["whitespace"] += n
    return out, {k: v for k, v in counts.items() if v}
