"""The widgets every page carries: header clock, visit counter, users online."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scraper.dates import parse_clock_checked
from scraper.parsers import site
from scraper.parsers.document import Document
from scraper.parsers.urls import number as number_of

_NOT_DIGITS = re.compile(r"\D")
# A visit counter has at most this many digits; a longer run of digits is no count.
COUNTER_DIGITS = 15


@dataclass
class Widgets:
    page_clock: str | None = None
    clock_problems: list[str] = field(default_factory=list)
    visits: int | None = None
    online_guests: int | None = None
    online_members: int | None = None
    online_total: int | None = None


def page_clock(doc: Document) -> tuple[str | None, list[str]]:
    """The header clock as ISO 8601 (+07:00), when the server rendered the page, and its problems."""
    for line in doc.lines[:80]:
        if site.CLOCK_HINT.search(line.text):
            clock, problems = parse_clock_checked(line.text)
            return (clock.isoformat() if clock else None), problems
    return None, []


def _digit_of(img) -> str | None:
    alt = (img.get("alt") or img.get("title") or "").strip()
    if len(alt) == 1 and alt in "0123456789":
        return alt
    m = site.DIGIT_IMAGE.search((img.get("src") or "").split("?")[0])
    return m.group(1) if m else None


def visits(doc: Document) -> int | None:
    """Total visits under "Số lượt truy cập": written as text or drawn as digit images."""
    for i, line in enumerate(doc.lines):
        label = site.VISITS_LABEL.search(line.text)
        if not label:
            continue
        for text in (line.text[label.end() :], *(n.text for n in doc.lines[i + 1 : i + 3])):
            if text.strip():
                number = site.VISITS_NUMBER.match(text)
                if number:
                    return number_of(_NOT_DIGITS.sub("", number.group(1)), COUNTER_DIGITS)
                break
        digits = ""
        for candidate in doc.lines[i : i + 12]:
            found = [_digit_of(img) for img in candidate.images]
            if found and all(found):
                digits += "".join(found)
            elif digits or (candidate is not line and candidate.text.strip()):
                break
        return number_of(digits, COUNTER_DIGITS)
    return None


def online(doc: Document) -> dict[str, int | None]:
    """Counts of the UsersOnline widget: label ids first, then its Vietnamese labels."""
    counts: dict[str, int | None] = {}
    text = doc.text
    for name, label in site.ONLINE_LABELS.items():
        found = doc.root.xpath(f"//*[contains(@id, '{site.ONLINE_IDS[name]}')]")
        value = found[0].text_content().strip() if found else ""
        if number_of(value) is None:
            m = label.search(text)
            value = m.group(1) if m else ""
        counts[name] = number_of(value)
    return counts


def widgets(doc: Document) -> Widgets:
    clock, problems = page_clock(doc)
    return Widgets(page_clock=clock, clock_problems=problems, visits=visits(doc), **online(doc))
