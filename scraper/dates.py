"""The portal's date formats, read by a fast path (regex and datetime).

Dates are day-first ("25/12/2023"); the header clock is the server's local time,
UTC+07:00, and is never a publication date. dateparser (Vietnamese only) is the
fallback for free-form text the regexes do not know; it is imported on first use
because importing it costs ~45 ms and the crawl rarely needs it.

Nothing here is guessed: a cut year ("22/12/202"), an impossible day ("31/02/2023")
or a date without a year is a problem ("kind: detail", ready for a record's
``errors``), never a date filled in from today.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import NamedTuple

from scraper.parsers.scan import Anchored, composed

VN_TZ = timezone(timedelta(hours=7))

DMY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
# The header clock: "Thứ Năm,18/04/2024 13:32", "Thứ Năm, ngày 05/09/2024 10:04",
# "Thứ Ba, 11/03/2025 | Cập nhật lúc 14:27" (the time the page was last rendered).
CLOCK = re.compile(
    r"(Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|Bẩy|2|3|4|5|6|7)|Chủ\s+Nhật)\s*,\s*(?:ngày\s+)?"
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+|\s*\|\s*)(?:cập\s+nhật\s+)?(?:lúc\s+)?(\d{1,2}):(\d{2})",
    re.IGNORECASE,
)

# Monday is 0, as in date.weekday(); "Thứ Hai" is literally "second day".
WEEKDAYS = {
    "thứ hai": 0, "thứ 2": 0,
    "thứ ba": 1, "thứ 3": 1,
    "thứ tư": 2, "thứ 4": 2,
    "thứ năm": 3, "thứ 5": 3,
    "thứ sáu": 4, "thứ 6": 4,
    "thứ bảy": 5, "thứ bẩy": 5, "thứ 7": 5,
    "chủ nhật": 6,
}  # fmt: skip

# Every date form read in running text; years take 2-5 digits so that a cut
# ("22/12/202") or overlong year is seen and reported instead of skipped.
# Each form starts with a digit, "ngày" or "tháng": the look-ahead on that first
# letter spares the three alternatives at every other character (half the time).
MENTION = re.compile(
    r"(?=[\dnt])(?:(?P<vn>ngày\s+(?P<vd>\d{1,2})\s+tháng\s+(?P<vm>\d{1,2})(?:\s*,?\s+năm\s+|\s*/\s*)(?P<vy>\d{2,5}))(?![\d/])"
    r"|(?<![\d/])(?P<dmy>(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2,5}))(?![\d/])"
    r"|(?P<month>tháng\s+(?P<mm>\d{1,2})(?:\s*,?\s+năm\s+|\s*[/-]\s*)(?P<my>\d{2,5}))(?![\d/]))",
    re.IGNORECASE,
)
# Tried only where a form can start: at "ngày" or "tháng", or a day's one or two digits before a "/" (see ``scan``).
MENTIONS = Anchored(MENTION, ("ngày", "tháng"), marks=("/",), reach=2)
_SPACE = re.compile(r"\s")
_LAST_WORD = re.compile(r"\s\S*\Z")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_FALLBACK_MAX_CHARS = 80  # dateparser is for a date phrase, not a paragraph
_QUOTE_REACH = 30  # characters of context each side of a cited date
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",  # "tháng 12/2023" must not take today's day
    "REQUIRE_PARTS": ["month", "year"],  # nor "ngày 12 tháng 4" today's year
    "PARSERS": ["absolute-time"],  # no "hôm qua" (yesterday), no timestamps
}


class Mention(NamedTuple):
    """One date form found in text: its value ("2023-04-12", "2023-12") or its problem."""

    value: str | None
    problem: str | None
    text: str
    start: int
    end: int


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


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_clock_checked(text: str) -> tuple[datetime | None, list[str]]:
    """The header clock and its problems; a weekday that disagrees with the date is reported.

    The clock is kept on a weekday mismatch: the digits are what the server printed,
    the weekday is only a second opinion.
    """
    text = _nfc(text)
    m = CLOCK.search(text)
    if not m:
        return None, [f"clock-unreadable: {_short(text)}"] if text.strip() else []
    clock = parse_clock(m.group(0))
    if clock is None:
        return None, [f"clock-impossible: {_short(m.group(0))}"]
    weekday = " ".join(m.group(1).split())
    if WEEKDAYS[weekday.lower()] != clock.weekday():
        return clock, [f"clock-weekday-mismatch: {weekday} vs {clock.date().isoformat()}"]
    return clock, []


def _value(day: str | None, month: str, year: str) -> str | None:
    """ISO day or month; None when impossible (31/02, month 13, a five-digit year)."""
    if len(year) != 4:
        return None
    if day is None:
        return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    found = make_date(day, month, year)
    return found.isoformat() if found else None


def _mention(m: re.Match[str]) -> Mention:
    if m.group("month"):
        day, month, year = None, m.group("mm"), m.group("my")
    elif m.group("vn"):
        day, month, year = m.group("vd"), m.group("vm"), m.group("vy")
    else:
        day, month, year = m.group("d"), m.group("m"), m.group("y")
    text = " ".join(m.group(0).split())
    if len(year) < 4:
        return Mention(None, f"date-cut: {text}", text, m.start(), m.end())
    value = _value(day, month, year)
    return Mention(value, None if value else f"date-impossible: {text}", text, m.start(), m.end())


def mentions(text: str, lowered: str | None = None) -> list[Mention]:
    """Every date form in ``text`` (NFC), good or not, in text order: the fast path (``lowered``: see ``scan``)."""
    return [_mention(m) for m in MENTIONS.finditer(text, lowered)]


@cache
def _dateparser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["vi"], settings=_DATEPARSER_SETTINGS)


def _fallback(text: str) -> str | None:
    """dateparser's reading of a short phrase holding a year, at day or month precision."""
    if len(text) > _FALLBACK_MAX_CHARS or not _YEAR.search(text):
        return None
    data = _dateparser().get_date_data(text)
    if data.date_obj is None:
        return None
    if data.period == "month":
        return data.date_obj.strftime("%Y-%m")
    return data.date_obj.date().isoformat() if data.period == "day" else None


def parse_date_text(text: str) -> tuple[str | None, list[str]]:
    """ISO date ("2023-12-25") or month ("2023-12") of a date phrase, and its problems.

    The first date form the fast path finds decides; dateparser is asked only when
    there is none. Empty text is no problem here: whether a date is required is the
    caller's business.
    """
    text = _nfc(text).strip()
    if not text:
        return None, []
    found = MENTION.search(text)
    if found:
        first = _mention(found)
        return first.value, [first.problem] if first.problem else []
    value = _fallback(text)
    return (value, []) if value else (None, [f"date-unreadable: {_short(text)}"])


def _quote(text: str, start: int, end: int) -> str:
    """About 60 characters of the line around ``text[start:end]``, cut at word boundaries."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, start - _QUOTE_REACH)
    right = min(line_end, end + _QUOTE_REACH)
    before, after = text[left:start], text[end:right]
    if left > line_start and not text[left - 1].isspace():
        space = _SPACE.search(before)
        before = before[space.start() :] if space else ""
    if right < line_end and not text[right].isspace():
        space = _LAST_WORD.search(after)
        after = after[: space.start()] if space else ""
    quote = " ".join((before + text[start:end] + after).split())
    return ("…" if left > line_start else "") + quote + ("…" if right < line_end else "")


def dates_mentioned_checked(body: str, lowered: str | None = None) -> tuple[list[dict], list[str]]:
    """Every good date cited in ``body`` with a quote, and the problems of the bad ones.

    Dates are ``{"date", "text", "quote"}`` in text order, repeats included (each
    citation has its own quote). Cut or impossible dates ("22/12/202") are not
    dates: they come back only as problems. Years alone ("năm 2023") are not read.
    ``lowered`` is ``body.lower()`` when the caller has it (the citation scan reads it too).
    """
    body, lowered = composed(body, lowered)
    found: list[dict] = []
    problems: list[str] = []
    for mention in mentions(body, lowered):
        if mention.problem:
            problems.append(mention.problem)
        else:
            quote = _quote(body, mention.start, mention.end)
            found.append({"date": mention.value, "text": mention.text, "quote": quote})
    return found, problems


def dates_mentioned(body: str) -> list[dict]:
    """Every good date cited in ``body``; see ``dates_mentioned_checked`` for the bad ones."""
    return dates_mentioned_checked(body)[0]
