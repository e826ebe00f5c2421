"""Where a page's own text sits: the block that runs from a title to the page furniture."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from scraper.parsers import matches, site
from scraper.parsers.document import Document, Line

MIN_PROSE_CHARS = 80
_LETTER = re.compile(r"[^\W\d_]")
_WELCOME = re.compile(r"^\s*Chào\s+mừng", re.IGNORECASE)


WIDGET_LINE_CHARS = 60


def _publication_label(text: str) -> bool:
    """ "Ngày đăng: Thứ hai, 25/12/2023": a weekday date under a publication label is the article's date."""
    m = matches.meta_date(text) or matches.labelled_date(text)
    return bool(m and m.group("label") and not site.UPDATE_LABEL.match(m.group("label")))


def is_furniture(line: Line) -> bool:
    """Header clock, welcome line, widget labels: on every page, part of none."""
    return _furniture_text(line.text)


@lru_cache(maxsize=8192)
def _furniture_text(text: str) -> bool:
    """See ``is_furniture``: decided by the text alone, and asked of each line many times."""
    # "/" first: a header date has one, and most lines have none (the regex is the cost).
    if ("/" in text and site.HEADER_DATE.search(text) and not _publication_label(text)) or _WELCOME.match(text):
        return True
    return len(text) <= WIDGET_LINE_CHARS and bool(
        site.VISITS_LABEL.search(text) or any(label.search(text) for label in site.ONLINE_LABELS.values())
    )


_TOOL_LEFTOVER = re.compile(r"[\s|·•:/\-–\[\]()]+")


def is_tools(line: Line) -> bool:
    """A short line of page tools and sharing buttons ("In bài | Chia sẻ | Lượt xem: 12"), below or above the text."""
    text = line.text
    if not text.strip():
        return bool(line.links) and all(site.SHARE_LINK.search(link.href) for link in line.links)
    return _tools_text(text)


@lru_cache(maxsize=8192)
def _tools_text(text: str) -> bool:
    """See ``is_tools``: decided by a line's text once it has some; asked of each line by several passes."""
    if len(text) > site.TOOLS_LINE_CHARS or not site.TOOL_START.match(text):
        return False
    return not _TOOL_LEFTOVER.sub("", site.TOOL_WORDS.sub("", text))


def is_prose(line: Line) -> bool:
    """A paragraph a person wrote, not a menu, a list entry or a widget."""
    return (
        len(line.text) >= MIN_PROSE_CHARS
        and not line.is_link
        and not is_furniture(line)
        and bool(_LETTER.search(line.text))
    )


def is_heading(line: Line) -> bool:
    """A short line of words that can title what follows it."""
    text = line.text.strip()
    return (
        bool(text)
        and len(text) <= 300
        and not line.is_link
        and not is_furniture(line)
        and not text.endswith(":")
        and bool(_LETTER.search(text))
    )


def _lowest_common_ancestor(a: etree._Element, b: etree._Element) -> etree._Element:
    # Sets of elements, not of id(): lxml makes proxies on demand and reuses their ids.
    ancestors = {a, *a.iterancestors()}
    for el in b.iterancestors():
        if el in ancestors:
            return el
    return a.getroottree().getroot()


def body_lines(doc: Document, title_index: int, start: int, skip: Callable[[Line], bool] | None = None) -> list[Line]:
    """Lines from ``start`` that share the title's block, from the first that is no furniture to the next that is.

    The block is the smallest element holding both the title and the first
    paragraph after it, so side panes and footers outside it never leak in. Lines
    that ``skip`` names (a date line, tools) are passed over before the body starts.
    """
    lines = doc.lines

    def before_body(line: Line) -> bool:
        return is_furniture(line) or is_tools(line) or (skip is not None and skip(line))

    anchor = next((ln for ln in lines[start:] if ln.text and not ln.is_link and not before_body(ln)), None)
    if anchor is None:
        return []
    root = _lowest_common_ancestor(lines[title_index].element, anchor.element)
    inside = set(root.iter())
    found: list[Line] = []
    for line in lines[start:]:
        if not found and before_body(line):
            continue  # a date line, the tools above the text: not yet the body
        if line.element not in inside or matches.body_end(line.text) or is_furniture(line) or is_tools(line):
            break
        found.append(line)
    return found
