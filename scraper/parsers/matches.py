"""The costliest line patterns of ``site``, remembered for the lines they are asked about.

Several passes over a page ask the same line the same question (the date line is tried as a
title's neighbour, a metadata line, a body start), and header, footer and tool lines recur
from page to page. ``META_DATE`` was the costliest: on a metadata line with more after its date
("Đăng ngày 19/12/2023 | 16:05  2.650 lượt xem") the engine tried every way to share the spaces
among its optional parts before it failed, until it was written possessive (see ``site``).
The caches are bounded and keyed on one line's text.
Date lines are each page's own (its date, its views): they are remembered for one page only
(``new_page``), so that a page read twice, as a benchmark reads it, gains nothing from its
first reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.parsers import site

_LINES = 4096


@lru_cache(maxsize=_LINES)
def meta_date(text: str) -> re.Match[str] | None:
    """``site.META_DATE.match(text)``."""
    return site.META_DATE.match(text)


@lru_cache(maxsize=_LINES)
def labelled_date(text: str) -> re.Match[str] | None:
    """``site.LABELLED_DATE.search(text)``."""
    return site.LABELLED_DATE.search(text)


@lru_cache(maxsize=_LINES)
def body_end(text: str) -> bool:
    """``site.BODY_END`` matches: the body stops at this line."""
    return site.BODY_END.match(text) is not None


@lru_cache(maxsize=_LINES)
def breadcrumb_markup(marks: str) -> bool:
    """``site.BREADCRUMB_MARKUP`` finds a trail's name in an element's class, id, aria-label and itemtype."""
    return site.BREADCRUMB_MARKUP.search(marks) is not None


@lru_cache(maxsize=_LINES)
def date_only(text: str) -> re.Match[str] | None:
    """``site.DATE_ONLY.match(text)``: asked of a title's neighbours by several passes."""
    return site.DATE_ONLY.match(text)


@lru_cache(maxsize=_LINES)
def related_label(text: str) -> bool:
    """``site.RELATED_LABEL`` matches: every line below a body is tried until the other-news label."""
    return site.RELATED_LABEL.match(text) is not None


@lru_cache(maxsize=_LINES)
def clock_hint(text: str) -> bool:
    """``site.CLOCK_HINT`` finds the header clock: the same header lines on every page of a design."""
    return site.CLOCK_HINT.search(text) is not None


def new_page() -> None:
    """Forget the date lines of the page before: what a page's own lines gave is no help on the next."""
    for remembered in (meta_date, labelled_date, date_only):
        remembered.cache_clear()
