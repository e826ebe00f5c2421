"""A text page that is not an article: its heading and its paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from scraper.parsers import site
from scraper.parsers.content import body_lines, is_heading, is_prose
from scraper.parsers.document import Document, Line


@dataclass
class StaticFields:
    title_raw: str | None
    paragraphs: list[str] = field(default_factory=list)


def _module_title(doc: Document, index: int) -> str | None:
    """DNN's module title of the module holding line ``index``: the fast path."""
    for module in doc.lines[index].element.iterancestors():
        if "DnnModule" in (module.get("class") or ""):
            found = module.xpath(f".{site.MODULE_TITLE_XPATH}")
            return found[0].text_content().strip() if found else None
    return None


MAX_HEADING_LINES = 12


def parse_static(doc: Document) -> StaticFields | None:
    """The first run of prose and the short lines above it; None when the page has no prose.

    The heading is the first of the short lines (title, address, phone) that
    lead into the first paragraph; without any, DNN's module title names the page.
    """
    lines = doc.lines
    marked = _has_footer_markup(doc.root)
    footer = next(
        (i for i, line in enumerate(lines) if site.FOOTER.match(line.text) or (marked and _page_footer(line))),
        len(lines),
    )
    first = next((i for i, line in enumerate(lines[:footer]) if is_prose(line)), None)
    if first is None:
        return None
    start = first
    while start > 0 and first - start < MAX_HEADING_LINES and _leads_in(lines[start - 1]):
        start -= 1
    if start < first:
        title, anchor, body_from = lines[start].text.strip(), start, start + 1
    else:
        title, anchor, body_from = _module_title(doc, first), first, first
    body = body_lines(doc, anchor, body_from)
    return StaticFields(title_raw=title, paragraphs=[line.text for line in body if line.text.strip()])


# Every role value in the page: libxml2 compares attribute strings slowly, so the match is in Python.
_ROLES = etree.XPath("//@role")


def _has_footer_markup(root: etree._Element) -> bool:
    """Whether any element can make a line page footer: on most pages none, and no line's ancestors are walked."""
    return next(root.iter("footer"), None) is not None or "contentinfo" in _ROLES(root)


def _page_footer(line: Line) -> bool:
    """In the page's ``<footer>`` (or ``role="contentinfo"``): the owner and licence lines, no page text.

    An article's or a section's own ``<footer>`` is the page's text.
    """
    for el in (line.element, *line.element.iterancestors()):
        if el.tag in ("article", "section", "main"):
            return False
        if el.tag == "footer" or el.get("role") == "contentinfo":
            return True
    return False


def _leads_in(line: Line) -> bool:
    return not line.text.strip() or (is_heading(line) and not is_prose(line))
