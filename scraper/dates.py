"""The portal's date formats, read by a fast path (regex and datetime).

Dates are day-first ("25/12/2023"); the header clock is the server's local time,
UTC+07:00, and is never a publication date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7))

DMY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
CLOCK = re.compile(
    r"(Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|2|3|4|5|6|7)|Chủ\s+Nhật)\s*,\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})",
    re.IGNORECASE,
)


def make_date(day: str, month: str, year: str) -> date | None:
    """A real calendar date or None: "31/02/2023" is recorded as a problem, never guessed."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_dmy(text: str) -> date | None:
    """The first dd/mm/yyyy date in ``text``."""
    m = DMY.search(text)
    return make_date(*m.groups()) if m else None


def parse_clock(text: str) -> datetime | None:
    """The header clock "Thứ Năm,18/04/2024 13:32" as an aware datetime (+07:00)."""
    m = CLOCK.search(text)
    if not m:
        return None
    day = make_date(m.group(2), m.group(3), m.group(4))
    if day is None:
        return None
    hour, minute = int(m.group(5)), int(m.group(6))
    if hour > 23 or minute > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=VN_TZ)
