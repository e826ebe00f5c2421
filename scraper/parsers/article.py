"""An article page → its fields, read from what the page says.

The title is the line that ends with the publication date ("… năm 2023 25/12/2023"),
or a heading beside a line holding only a date (older designs); the body is what
follows it in the same block up to "Các tin khác"; the byline is the body's last
line ("Bài và ảnh: T.T.B").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scraper.dates import parse_date_text
from scraper.parsers import site
from scraper.parsers.byline import TAIL_LINES, Credit, credit_line, split_credits, take
from scraper.parsers.content import body_lines, is_furniture, is_heading, is_prose, is_tools
from scraper.parsers.document import Document, Line
from scraper.parsers.urls import absolute, canonical_article_url, number, tab_id

# "… ngày 07/01/2005" is a date inside a sentence, not a title with its date.
_TITLE_NOT_BEFORE_DATE = re.compile(r"(ngày|tháng|năm|từ|đến|:)\s*$", re.IGNORECASE)


@dataclass
class ArticleFields:
    title_raw: str
    date_text: str | None
    category_raw: str | None = None
    published: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    views: int | None = None
    paragraphs: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class _Title:
    index: int
    text: str
    date_text: str | None
    body_start: int


def _title_with_date(line: Line) -> tuple[str, str] | None:
    if site.DATE_ONLY.match(line.text):
        return None
    m = site.TITLE_WITH_DATE.match(line.text)
    if not m or len(m.group("title")) < site.MIN_TITLE_CHARS:
        return None
    if _TITLE_NOT_BEFORE_DATE.search(m.group("title")):
        return None
    return m.group("title"), m.group("date")


def _neighbour(lines: list[Line], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and abs(j - i) <= 2:
        if lines[j].text.strip():
            return j if is_heading(lines[j]) and not site.DATE_ONLY.match(lines[j].text) else None
        j += step
    return None


def find_title(doc: Document) -> _Title | None:
    """The article's title line, found before the first paragraph of prose."""
    lines = doc.lines
    for i, line in enumerate(lines):
        if not line.text or line.is_link or is_furniture(line):
            continue
        pair = _title_with_date(line) if is_heading(line) else None
        if pair:
            return _Title(i, pair[0], pair[1], i + 1)
        date_only = site.DATE_ONLY.match(line.text)
        if date_only:
            before = _neighbour(lines, i, -1)
            if before is not None and len(lines[before].text) >= site.MIN_TITLE_CHARS:
                return _Title(before, lines[before].text, date_only.group("date"), i + 1)
            after = _neighbour(lines, i, +1)
            if after is not None and len(lines[after].text) >= site.MIN_TITLE_CHARS:
                return _Title(after, lines[after].text, date_only.group("date"), after + 1)
        if is_prose(line):
            return None
    return None


def published(date_text: str | None) -> tuple[str | None, list[str]]:
    """ISO date from the title's date; a cut or impossible date is an error, never a guess."""
    if not date_text:
        return None, ["missing-date"]
    return parse_date_text(date_text)


def category(doc: Document, title: _Title, url: str) -> str | None:
    """The category heading just above the title, else the menu entry for the page's tab."""
    for line in reversed(doc.lines[max(0, title.index - 3) : title.index]):
        if not line.text.strip() or site.DATE_ONLY.match(line.text):
            continue
        if is_heading(line) and len(line.text) <= 120:
            return line.text
        break
    tab = tab_id(url)
    if tab is None:
        return None
    for line in doc.lines:
        for link in line.links:
            target = absolute(link.href, doc.base_url)
            is_menu_entry = target and tab_id(target) == tab and canonical_article_url(target) is None
            if is_menu_entry and link.text and len(link.text) <= 120:
                return link.text
    return None


def _related(doc: Document, start: int) -> list[str]:
    """Canonical URLs listed under "Các tin khác", in page order."""
    lines = doc.lines
    label = next((i for i in range(start, len(lines)) if site.RELATED_LABEL.match(lines[i].text)), None)
    if label is None:
        return []
    related: list[str] = []
    for line in lines[label:]:
        found = (absolute(link.href, doc.base_url) for link in line.links)
        urls = [canonical for url in found if url and (canonical := canonical_article_url(url))]
        if not urls and line is not lines[label]:
            break
        related += [u for u in urls if u not in related]
    return related


def _is_attachment(url: str | None) -> bool:
    return url is not None and bool(site.ATTACHMENT_EXT.search(urlsplit(url).path))


def _attachment_block(doc: Document, start: int) -> list[Line]:
    """The lines of a "File đính kèm:" block that starts at line ``start``, if one does."""
    lines = doc.lines
    if start >= len(lines) or not site.ATTACHMENT_LABEL.match(lines[start].text):
        return []
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not any(_is_attachment(absolute(link.href, doc.base_url)) for link in line.links):
            break
        block.append(line)
    return block


def _end(doc: Document, start: int, body: list[Line]) -> int:
    """Index of the first line after ``body`` (which begins at or after ``start``)."""
    if not body:
        return start
    last = body[-1]
    return next(i for i in range(start, len(doc.lines)) if doc.lines[i] is last) + 1


def _credit_after(doc: Document, end: int, credit: Credit) -> None:
    """A byline or source in its own element just after the body (a "tác giả" box)."""
    texts = [line for line in doc.lines[end : end + TAIL_LINES] if line.text.strip()]
    for n, line in enumerate(texts):
        if site.BODY_END.match(line.text) or is_tools(line):
            return
        found = credit_line(line, last=n == 0 and site.AUTHOR_MARKUP.search(_marks(line)) is not None)
        if found is None:
            return
        take(credit, line.text.strip(), found)


def _marks(line: Line) -> str:
    el = line.element
    return " ".join(el.get(a) or "" for a in ("class", "id", "itemprop"))


def views(doc: Document, start: int) -> int | None:
    """The article's own view count ("Lượt xem: 1.234"), shown near its title or below its text."""
    for line in doc.lines[start:]:
        if site.BODY_END.match(line.text) and not site.VIEWS.search(line.text):
            return None
        m = site.VIEWS.search(line.text)
        if m and len(line.text) <= site.TOOLS_LINE_CHARS:
            return number(re.sub(r"\D", "", m.group(1) or m.group(2)))
    return None


def parse_article(doc: Document, url: str) -> ArticleFields | None:
    """Fields of an article page, or None when the page holds no article."""
    title = find_title(doc)
    if title is None:
        return None
    lines = body_lines(doc, title.index, title.body_start)
    end = _end(doc, title.body_start, lines)
    files = _attachment_block(doc, end)
    lines, credit = split_credits(lines)
    _credit_after(doc, end + len(files), credit)
    day, errors = published(title.date_text)
    images, attachments = [], []
    for line in lines:
        images += [url for img in line.images if (url := absolute(img.get("src") or "", doc.base_url))]
    for line in lines + files:
        attachments += [url for a in line.links if _is_attachment(url := absolute(a.href, doc.base_url))]
    provenance = {"authors": credit.evidence} if credit.evidence else {}
    return ArticleFields(
        title_raw=title.text.strip(),
        date_text=title.date_text,
        category_raw=category(doc, title, url),
        published=day,
        byline=credit.byline,
        authors=credit.authors,
        source=credit.source,
        views=views(doc, title.index),
        paragraphs=[line.text for line in lines if line.text.strip()],
        images=list(dict.fromkeys(images)),
        attachments=list(dict.fromkeys(attachments)),
        related=_related(doc, title.body_start),
        errors=errors,
        provenance=provenance,
    )
