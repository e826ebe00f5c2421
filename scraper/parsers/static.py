"""A text page that is not an article: its heading and its paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

from scraper.parsers import site
from scraper.parsers.content import body_lines, is_heading, is_prose
from scraper.parsers.document import Document


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


def parse_static(doc: Document) -> StaticFields | None:
    """The first run of prose and the heading just above it; None when the page has no prose."""
    lines = doc.lines
    first = next((i for i, line in enumerate(lines) if is_prose(line)), None)
    if first is None:
        return None
    heading = next(
        (j for j in range(first - 1, max(-1, first - 4), -1) if lines[j].text.strip()),
        None,
    )
    if heading is not None and is_heading(lines[heading]) and not is_prose(lines[heading]):
        title, start, anchor = lines[heading].text.strip(), heading + 1, heading
    else:
        title, start, anchor = _module_title(doc, first), first, first
    body = body_lines(doc, anchor, start)
    return StaticFields(title_raw=title, paragraphs=[line.text for line in body if line.text.strip()])
