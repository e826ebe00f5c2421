"""Legal and party documents cited in a body: "Nghị Quyết số 36-NQ/TW ngày 23/01/2023".

A Vietnamese document number is "number-TYPE/ISSUER" (36-NQ/TW, 38-CTr/TU) or
"number/year/TYPE-ISSUER" (45/2005/QĐ-UB). The number is kept as written: case
carries meaning ("QĐ-TTg" is the Prime Minister, Thủ tướng), so no case is changed
and a reader compares numbers case-insensitively if it wants to. A citation needs a
number with a letter in it: "Kế hoạch 2021-2025" is a period, and "Chương trình, Nghị Quyết." cites nothing.
"""

from __future__ import annotations

import re

from scraper.dates import parse_date_text
from scraper.parsers.scan import Anchored, composed

KINDS = (
    "Nghị quyết", "Quyết định", "Chỉ thị", "Chương trình", "Kế hoạch", "Thông tư", "Nghị định",
    "Luật", "Công văn", "Thông báo", "Hướng dẫn", "Kết luận", "Quy định", "Đề án",
)  # fmt: skip
_CANONICAL = {kind.lower(): kind for kind in KINDS}
_KIND = "|".join(k.replace(" ", r"\s+") for k in sorted(KINDS, key=len, reverse=True))
_DATE = r"\d{1,2}/\d{1,2}/\d{2,5}(?![\d/])|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+năm\s+\d{2,5}(?!\d)"
# "... của Bộ Chính trị ngày 23/01/2023": a short issuer phrase that cites nothing itself.
_ISSUER = rf"của\s+(?:(?!số\b|{_KIND})[^\d\n,.;:()“”\"]){{1,40}}?\s+"
CITATION = re.compile(
    rf"(?<!\w)(?P<kind>{_KIND})(?:\s+liên\s+tịch)?\s+(?:số\s*:?\s*)?"
    r"(?P<number>\d+(?:[/-]\w+)+)"
    rf"(?:\s*,?\s+(?:{_ISSUER})?(?:ban\s+hành\s+)?ngày\s+(?P<date>{_DATE}))?",
    re.IGNORECASE,
)
# A citation starts with its kind: tried only where one is written (see ``scan``).
CITATIONS = Anchored(CITATION, tuple(kind.lower() for kind in KINDS))


def _date(text: str | None) -> str | None:
    """ISO date of a citation; a cut or impossible one is None (dates.py reports it)."""
    return parse_date_text(f"ngày {text}")[0] if text else None


def documents(body: str, lowered: str | None = None) -> list[dict]:
    """The documents cited in ``body`` as ``{"kind", "number", "date"}``, first citation first.

    ``kind`` is canonical ("Nghị quyết"), ``date`` ISO or None. A citation repeated
    with the same kind, number and date is listed once. ``lowered`` is ``body.lower()``
    when the caller has it (the date scan reads it too).
    """
    body, lowered = composed(body, lowered)
    found: list[dict] = []
    for m in CITATIONS.finditer(body, lowered):
        if not any(c.isalpha() for c in m.group("number")):
            continue
        cited = {
            "kind": _CANONICAL[" ".join(m.group("kind").split()).lower()],
            "number": m.group("number"),
            "date": _date(m.group("date")),
        }
        if cited not in found:
            found.append(cited)
    return found
