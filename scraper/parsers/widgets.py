"""The widgets every page carries: header clock, visit counter, users online."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from scraper.dates import parse_clock_checked
from scraper.parsers import matches, site
from scraper.parsers.document import Document
from scraper.parsers.scan import Anchored
from scraper.parsers.urls import number as number_of

_NOT_DIGITS = re.compile(r"\D")
# A visit counter has at most this many digits; a longer run of digits is no count.
COUNTER_DIGITS = 15
# A widget's label and count fit on a short line; a longer one is a sentence.
WIDGET_LINE_CHARS = 60


@dataclass
class Widgets:
    page_clock: str | None = None
    clock_problems: list[str] = field(default_factory=list)
    visits: int | None = None
    visits_today: int | None = None
    visits_yesterday: int | None = None
    visits_week: int | None = None
    visits_month: int | None = None
    online_guests: int | None = None
    online_members: int | None = None
    online_total: int | None = None


def page_clock(doc: Document) -> tuple[str | None, list[str]]:
    """The header clock as ISO 8601 (+07:00), when the server rendered the page, and its problems."""
    for line in doc.lines[:80]:
        if "/" in line.text and matches.clock_hint(line.text):  # the clock's date is d/m/yyyy
            clock, problems = parse_clock_checked(line.text)
            return (clock.isoformat() if clock else None), problems
    return None, []


def _digit_of(img) -> str | None:
    alt = (img.get("alt") or img.get("title") or "").strip()
    if len(alt) == 1 and alt in "0123456789":
        return alt
    m = site.DIGIT_IMAGE.search((img.get("src") or "").split("?")[0])
    return m.group(1) if m else None


# The look-ahead holds the words' first letters: a case-insensitive pattern has no prefix the engine can
# skip to, and one class turns most characters away sooner than four words (see ``site.VISITS_LABEL``).
_PERIOD_WORDS = re.compile(r"(?=[ht])(?:hôm\s+nay|hôm\s+qua|tuần|tháng)", re.IGNORECASE)


def _count_after(doc: Document, i: int, after: str) -> int | None:
    """The count written after a label: on its line, or alone on one of the next two."""
    for text in (after, *(n.text for n in doc.lines[i + 1 : i + 3])):
        if text.strip():
            number = site.VISITS_NUMBER.match(text)
            return number_of(_NOT_DIGITS.sub("", number.group(1)), COUNTER_DIGITS) if number else None
    return None


def _digits_after(doc: Document, i: int) -> int | None:
    """A count drawn as one image per digit, on the label's line or the lines after it."""
    digits = ""
    for candidate in doc.lines[i : i + 12]:
        found = [_digit_of(img) for img in candidate.images]
        if found and all(found):
            digits += "".join(found)
        elif digits or (candidate is not doc.lines[i] and candidate.text.strip()):
            break
    return number_of(digits, COUNTER_DIGITS)


def visits(doc: Document) -> int | None:
    """Total visits under "Số lượt truy cập" (or "Lượt truy cập", "Tổng lượt truy cập"): text or digit images."""
    for i, line in enumerate(doc.lines):
        if "ruy" not in line.text and "RUY" not in line.text:  # every label says "truy": a cheap test first
            continue
        label = site.VISITS_LABEL.search(line.text)
        if not label or _PERIOD_WORDS.search(line.text):
            continue
        after = line.text[label.end() :]
        found = _count_after(doc, i, after)
        if found is None and not after.strip(" :"):
            found = _digits_after(doc, i)
        if found is not None:
            return found
    return None


def _label(text: str) -> str:
    """A widget label without its doubling ("Khách Khách" is DNN's icon alt text beside the label)."""
    words = text.strip(" :").split()
    half = len(words) // 2
    return " ".join(words[:half]) if half and words[:half] == words[half:] else " ".join(words)


@lru_cache(maxsize=4096)
def _period_reading(text: str) -> tuple[str, str | None] | None:
    """The period a short line labels and the count written on it, if any: decided by the text alone.

    A site's widget lines are the same on every page, so each is read once (bounded cache).
    """
    if not site.PERIOD_HINT.match(text):
        return None
    m = site.LABELLED_COUNT.match(text)
    label, value = (_label(m.group("label")), m.group(2)) if m else (_label(text), None)
    name = next((k for k, rx in site.PERIOD_LABELS.items() if rx.match(label)), None)
    return None if name is None else (name, value)


def labelled_counts(doc: Document) -> dict[str, int | None]:
    """Counts as shown beside their labels ("Hôm nay: 345", a "Trong tuần" or "Khách" cell beside its number)."""
    counts: dict[str, int | None] = dict.fromkeys(site.PERIOD_LABELS)
    for i, line in enumerate(doc.lines):
        if len(line.text) > WIDGET_LINE_CHARS or (reading := _period_reading(line.text)) is None:
            continue
        name, value = reading
        if counts[name] is not None:
            continue
        if value is None:
            following = next((n.text for n in doc.lines[i + 1 : i + 3] if n.text.strip()), "")
            bare = re.fullmatch(site.COUNT, following.strip())
            value = bare.group(1) if bare else None
        if value is not None:
            counts[name] = number_of(_NOT_DIGITS.sub("", value), COUNTER_DIGITS)
    return counts


def online(doc: Document) -> dict[str, int | None]:
    """Counts of the UsersOnline widget: label ids first, then its Vietnamese labels."""
    counts: dict[str, int | None] = {}
    text = doc.text
    lowered = doc.lowered
    # The page's ids, fetched once and only when its source holds a label id at all.
    ids = [value for value in _ID_VALUES(doc.root) if _ONLINE_HINT in value] if _ONLINE_HINT in doc.head.html else []
    for name, label in ONLINE_LABELS.items():
        wid = site.ONLINE_IDS[name]
        found = next((v.getparent() for v in ids if wid in v), None) if ids and wid in doc.head.html else None
        value = found.text_content().strip() if found is not None else ""
        if number_of(value) is None:
            m = label.search(text, lowered)
            value = _NOT_DIGITS.sub("", m.group(1)) if m else ""
        counts[name] = number_of(value, COUNTER_DIGITS)
    return counts


# Every id value, in page order: libxml2 compares strings slowly, so the ids are matched in Python.
_ID_VALUES = etree.XPath("//@id")
# Every label id holds the hint: one substring test rules them out on most pages.
_ONLINE_HINT = "Count"
assert all(_ONLINE_HINT in wid for wid in site.ONLINE_IDS.values())
# Each users-online label, tried only where a word it starts with is written (see ``scan``).
_ONLINE_STARTS = {"online_guests": ("khách",), "online_members": ("thành",), "online_total": ("tổng", "đang")}
ONLINE_LABELS = {name: Anchored(label, _ONLINE_STARTS[name]) for name, label in site.ONLINE_LABELS.items()}


def widgets(doc: Document) -> Widgets:
    """Every widget count the page shows; one it does not show stays None, never derived from another."""
    clock, problems = page_clock(doc)
    counts = labelled_counts(doc)
    for name, found in {"visits": visits(doc), **online(doc)}.items():
        counts[name] = found if found is not None else counts[name]
    return Widgets(page_clock=clock, clock_problems=problems, **counts)
