"""The publication date, from every place a page states it, and which one decided.

Visible text comes first (the title's date, a labelled line beside the title), then
markup: ``<time datetime>`` beside the title, microdata ``datePublished``, JSON-LD,
and the ``article:published_time`` meta tag. Two sources that name different days are
a ``date-conflict`` error; the first still decides. Update dates ("Ngày cập nhật")
decide only when nothing names the publication. The header clock never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from scraper.dates import VN_TZ, parse_date_text
from scraper.parsers import matches, site
from scraper.parsers.document import Document, Line

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DOTTED = re.compile(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{2,4})$")
# What separates a date's parts in META_DATE and LABELLED_DATE ("25/12/2023", "25.12.2023", "2023-12-25").
_DATE_SIGNS = ("/", ".", "-")
META_TAGS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "dc.date.issued")


@dataclass
class DateEvidence:
    """One statement of the date: where it was read, its ISO day, its problems."""

    evidence: str
    value: str | None
    problems: list[str] = field(default_factory=list)
    update: bool = False


def day_of(text: str) -> tuple[str | None, list[str]]:
    """ISO day of "25/12/2023", "25-12-2023", "25.12.2023" or ISO 8601 (a time zone moves it to +07:00)."""
    text = text.strip()
    if _ISO.match(text):
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None, [f"date-impossible: {text[:40]}"]
        if moment.tzinfo is not None:
            moment = moment.astimezone(VN_TZ)
        return moment.date().isoformat(), []
    dotted = _DOTTED.match(text)
    if dotted:
        text = "/".join(dotted.groups())
    return parse_date_text(text)


def label_evidence(text: str, after_title: bool) -> DateEvidence | None:
    """A date line or segment: labelled anywhere near the title, unlabelled only below it."""
    if not any(map(text.__contains__, _DATE_SIGNS)):  # every date form read here holds one: no regex on the rest
        return None
    for segment in site.META_SEPARATORS.split(text):
        m = matches.meta_date(segment)
        if not m or (m.group("label") is None and not after_title):
            continue
        label = " ".join(m.group("label").split()) if m.group("label") else None
        value, problems = day_of(m.group("date"))
        evidence = f"label:{label}" if label else "date-line"
        return DateEvidence(evidence, value, problems, bool(label and site.UPDATE_LABEL.match(label)))
    m = matches.labelled_date(text) if len(text) <= site.TOOLS_LINE_CHARS else None
    if m:
        label = " ".join(m.group("label").split())
        return DateEvidence(f"label:{label}", *day_of(m.group("date")), update=bool(site.UPDATE_LABEL.match(label)))
    return None


def _in_page_header(line: Line) -> bool:
    """Inside a ``<header>`` that is not an article's own: where render clocks live."""
    tags = {line.element.tag, *(el.tag for el in line.element.iterancestors("header", "article"))}
    return "header" in tags and "article" not in tags


def text_dates(doc: Document, title_index: int, body_start: int) -> list[DateEvidence]:
    """Date lines from just above the title to the start of the body."""
    found: list[DateEvidence] = []
    for i in range(max(0, title_index - 2), body_start):
        line = doc.lines[i]
        if i == title_index or _in_page_header(line):
            continue
        evidence = label_evidence(line.text, after_title=i > title_index)
        if evidence:
            found.append(evidence)
    return found


def markup_dates(doc: Document, title_index: int, body_start: int) -> list[DateEvidence]:
    """``<time datetime>`` and ``itemprop=datePublished`` beside the title, JSON-LD, meta tags."""
    found: list[DateEvidence] = []
    for line in doc.lines[title_index:body_start]:
        for el in line.element.iter("time"):
            shown = " ".join(el.text_content().split())
            if el.get("datetime") and shown in line.text:  # this line's own <time>, not one further down
                found.append(DateEvidence("markup:time", *day_of(el.get("datetime"))))
    for el in doc.with_itemprop("datePublished"):
        stated = el.get("content") or el.get("datetime") or el.text_content()
        found.append(DateEvidence("microdata:datePublished", *day_of(stated)))
    article = doc.head.article_ld()
    if article and isinstance(article.get("datePublished"), str):
        found.append(DateEvidence("json-ld:datePublished", *day_of(article["datePublished"])))
    for name in META_TAGS:
        if doc.head.meta.get(name):
            found.append(DateEvidence(f"meta:{name}", *day_of(doc.head.meta[name])))
    return found


def decide(candidates: list[DateEvidence]) -> tuple[str | None, str | None, list[str]]:
    """(ISO day, evidence, errors): the first publication date stated wins; others that differ conflict."""
    ranked = [c for c in candidates if not c.update] + [c for c in candidates if c.update]
    if not ranked:
        return None, None, ["missing-date"]
    first = ranked[0]
    errors = list(first.problems)
    if first.value is None:
        good = next((c for c in ranked if c.value), None)
        return (good.value, good.evidence, errors) if good else (None, first.evidence, errors)
    for other in ranked[1:]:
        if other.value and other.value != first.value and not other.update:
            errors.append(f"date-conflict: {first.evidence} {first.value} vs {other.evidence} {other.value}")
    return first.value, first.evidence, errors
