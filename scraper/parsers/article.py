"""An article page → its fields, read from what the page says, then from its markup.

The title is the line that ends with the publication date ("… năm 2023 25/12/2023"),
or a heading beside a line holding only a date (older designs), or an ``<h1>``–``<h3>``
next to the body on a page that markup or its URL says is an article; the body is
what follows it in the same block, past any metadata line, up to "Các tin khác" or
the page's tools; the byline is the body's last line ("Bài và ảnh: T.T.B"). Each
field's deciding evidence goes to ``provenance`` (README: "How fields are read").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scraper.parsers import matches, site
from scraper.parsers.byline import TAIL_LINES, Credit, credit_line, split_credits, take
from scraper.parsers.content import body_lines, is_furniture, is_heading, is_prose, is_tools
from scraper.parsers.document import Document, Line
from scraper.parsers.markup import (
    article_signal,
    breadcrumbs,
    category_from_breadcrumbs,
    find_heading,
    is_meta_line,
    microdata_authors,
)
from scraper.parsers.published import DateEvidence, day_of, decide, markup_dates, text_dates
from scraper.parsers.urls import absolute, canonical_article_url, image_url, number, tab_id

# Words every view-count label holds ("Lượt xem", "Lượt đọc"): a cheap test before the regex.
_VIEW_WORDS = ("xem", "Xem", "XEM", "đọc", "Đọc", "ĐỌC")
# How many lines below the body the tools with a view count may sit.
VIEWS_REACH = 8
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
    evidence: str = "title-line"  # which evidence found the title
    date_evidence: str = "title-line"  # and its date
    kind_evidence: str = "text:title-with-date"  # and that the page is an article


def _ends_in_digit(text: str) -> bool:
    """Whether ``text`` ends in a digit, but for spaces and one closing bracket, as a line ending in a date does.

    Two string operations in C, where the title-with-date pattern tries its lazy title at
    every length of a long line before it fails.
    """
    end = text.rstrip()
    if end[-1:] in (")", "]"):
        end = end[:-1].rstrip()
    return end[-1:].isdigit()


def _title_with_date(line: Line) -> tuple[str, str] | None:
    if "/" not in line.text or not _ends_in_digit(line.text):  # both patterns end in a d/m/y date
        return None
    if matches.date_only(line.text):
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
            return j if is_heading(lines[j]) and not matches.date_only(lines[j].text) else None
        j += step
    return None


def _date_line(line: Line) -> tuple[str, str] | None:
    """(date, evidence) of a line holding only a date, bare or under a publication label."""
    if "/" not in line.text:  # either way the date is d/m/y; most lines have no "/", and the regexes are the cost
        return None
    m = matches.date_only(line.text)
    if m:
        label = re.match(r"\s*([^\d(\[:]+?)\s*:?\s*[(\[]?\d", line.text)
        return m.group("date"), f"label:{' '.join(label.group(1).split())}" if label else "date-line"
    m = matches.meta_date(line.text)
    if m and m.group("label") and not site.UPDATE_LABEL.match(m.group("label")) and "/" in m.group("date"):
        return m.group("date"), f"label:{' '.join(m.group('label').split())}"
    return None


def _under_list_entry(lines: list[Line], i: int) -> bool:
    """A line right under a link to an article: a list entry's date, never an article's."""
    above = next((lines[j] for j in range(i - 1, max(-1, i - 3), -1) if lines[j].text.strip()), None)
    return above is not None and above.is_link and any(canonical_article_url(a.href) for a in above.links)


def find_title(doc: Document) -> _Title | None:
    """The article's title line, found before the first paragraph of prose."""
    lines = doc.lines
    for i, line in enumerate(lines):
        if not line.text or line.is_link or is_furniture(line):
            continue
        pair = _title_with_date(line) if is_heading(line) else None
        if pair:
            return _Title(i, pair[0], pair[1], i + 1)
        dated = _date_line(line)
        dated = None if dated and _under_list_entry(lines, i) else dated
        if dated:
            date, evidence = dated
            before = _neighbour(lines, i, -1)
            if before is not None and len(lines[before].text) >= site.MIN_TITLE_CHARS:
                return _Title(before, lines[before].text, date, i + 1, "heading-beside-date", evidence, "text:date")
            after = _neighbour(lines, i, +1)
            if after is not None and len(lines[after].text) >= site.MIN_TITLE_CHARS:
                return _Title(after, lines[after].text, date, after + 1, "heading-beside-date", evidence, "text:date")
        if is_prose(line):
            return _long_title_over_date(lines, i)
    return None


def _long_title_over_date(lines: list[Line], i: int) -> _Title | None:
    """A title long enough to read as prose, told apart by the date line under it and no closing period."""
    line = lines[i]
    if not is_heading(line) or line.text.rstrip().endswith((".", ":", ";")):
        return None
    below = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].text.strip()), None)
    dated = _date_line(lines[below]) if below is not None else None
    if dated is None:
        return None
    return _Title(i, line.text, dated[0], below + 1, "heading-beside-date", dated[1], "text:date")


def _dated(doc: Document, index: int) -> bool:
    """A date just below the heading at ``index``, in its text or its markup."""
    end = min(index + 4, len(doc.lines))
    return any(e.value for e in text_dates(doc, index, end)) or any(e.value for e in markup_dates(doc, index, end))


def markup_title(doc: Document, url: str) -> _Title | None:
    """A heading next to the body, on a page that markup, its URL or a date line says is an article."""
    found = find_heading(doc)
    if found is None:
        return None
    line = doc.lines[found.index]
    signal = article_signal(doc, line)
    if signal is None and canonical_article_url(url) and not doc.says_missing:
        signal = "url:ChiTiet"  # an article's address, unless the page says the article is gone
    dated = _dated(doc, found.index)
    if signal is None and dated:
        signal = "text:date"
    if signal is None or not (dated or canonical_article_url(url)):
        return None  # <article> and schema.org/Article also wrap text pages: news has a date or an article's address
    return _Title(found.index, line.text, None, found.index + 1, found.evidence, "", signal)


def _heading_above(doc: Document, title: _Title) -> str | None:
    for line in reversed(doc.lines[max(0, title.index - 3) : title.index]):
        if not line.text.strip() or matches.date_only(line.text):
            continue
        if is_heading(line) and len(line.text) <= 120 and not site.BREADCRUMB_LINE.match(line.text):
            return line.text
        break
    return None


def _menu_entry(doc: Document, url: str) -> str | None:
    """The menu entry that leads to the page's tab."""
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


def _labelled_category(doc: Document, title: _Title, body_start: int) -> str | None:
    for line in doc.lines[max(0, title.index - 2) : body_start]:
        for segment in site.META_SEPARATORS.split(line.text):
            m = site.CATEGORY_LABEL.match(segment)
            if m:
                return m.group("category").strip()
    return None


def category(doc: Document, title: _Title, url: str, body_start: int | None = None) -> tuple[str | None, str | None]:
    """(category, evidence): breadcrumbs, a "Chuyên mục:" label, the heading above the title, JSON-LD, the menu."""
    article = doc.head.article_ld() or {}
    section = article.get("articleSection")
    section = section[0] if isinstance(section, list) and section else section
    found = [
        ("breadcrumb", lambda: category_from_breadcrumbs(breadcrumbs(doc, title.index), title.text)),
        ("label:Chuyên mục", lambda: _labelled_category(doc, title, body_start or title.body_start)),
        ("heading-above-title", lambda: _heading_above(doc, title)),
        ("json-ld:articleSection", lambda: section if isinstance(section, str) and section.strip() else None),
        ("meta:article:section", lambda: doc.head.meta.get("article:section") or None),
        ("menu:tabid", lambda: _menu_entry(doc, url)),
    ]
    for evidence, read in found:
        value = read()
        if value:
            return value, evidence
    return None, None


def _related(doc: Document, start: int, own: str | None) -> list[str]:
    """Canonical URLs listed under "Các tin khác", in page order; never the article's own (``own``)."""
    lines = doc.lines
    label = next((i for i in range(start, len(lines)) if matches.related_label(lines[i].text)), None)
    if label is None:
        return []
    related: list[str] = []
    for line in lines[label:]:
        # "#top" ("Về đầu trang") leads to the page itself, not to another article.
        found = (absolute(link.href, doc.base_url) for link in line.links if not link.href.startswith("#"))
        urls = [canonical for url in found if url and (canonical := canonical_article_url(url))]
        if not urls and line is not lines[label]:
            break
        related += [u for u in urls if u not in related and u != own]
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
        if matches.body_end(line.text) or is_tools(line):
            return
        found = credit_line(line, last=n == 0 and site.AUTHOR_MARKUP.search(_marks(line)) is not None)
        if found is None:
            return
        take(credit, line.text.strip(), found)


def _marks(line: Line) -> str:
    el = line.element
    return " ".join(el.get(a) or "" for a in ("class", "id", "itemprop"))


def views(lines: list[Line]) -> int | None:
    """The article's own view count ("Lượt xem: 1.234"), shown near its title or below its text."""
    for line in lines:
        text = line.text
        if len(text) > site.TOOLS_LINE_CHARS or not any(word in text for word in _VIEW_WORDS):
            continue
        m = site.VIEWS.search(text)
        if m:
            return number(re.sub(r"\D", "", m.group(1) or m.group(2)))
    return None


def _meta_credit(doc: Document, start: int, end: int, credit: Credit) -> None:
    """A byline or source among the metadata between title and body ("Tác giả: Minh Anh | 25/12/2023")."""
    for line in doc.lines[start:end]:
        for segment in site.META_SEPARATORS.split(line.text):
            found = credit_line(Line(segment.strip(), line.element), last=False)
            if found:
                take(credit, segment.strip(), found)


def _markup_credit(doc: Document, credit: Credit) -> None:
    """Authors that only markup names: microdata ``author``, then JSON-LD persons."""
    names = microdata_authors(doc)
    evidence = "microdata:author"
    if not names:
        stated = (doc.head.article_ld() or {}).get("author")
        people = stated if isinstance(stated, list) else [stated]
        names = [p.strip() if isinstance(p, str) else p.get("name", "").strip() for p in people if _is_person(p)]
        names, evidence = [n for n in names if n], "json-ld:author"
    if names:
        credit.authors, credit.evidence = names, evidence


def _is_person(stated: object) -> bool:
    return isinstance(stated, str) or (isinstance(stated, dict) and stated.get("@type") in ("Person", None))


def _dates(doc: Document, title: _Title, body_start: int) -> list[DateEvidence]:
    own = [DateEvidence(title.date_evidence, *day_of(title.date_text))] if title.date_text else []
    return own + text_dates(doc, title.index, body_start) + markup_dates(doc, title.index, body_start)


def parse_article(doc: Document, url: str) -> ArticleFields | None:
    """Fields of an article page, or None when the page holds no article.

    Every layer of evidence is read; ``provenance`` says which one decided each field.
    """
    title = find_title(doc) or markup_title(doc, url)
    if title is None:
        return None
    own = canonical_article_url(url)
    lines = body_lines(doc, title.index, title.body_start, skip=is_meta_line)
    first = _end(doc, title.body_start, lines[:1]) - 1 if lines else title.body_start
    end = _end(doc, title.body_start, lines)
    files = _attachment_block(doc, end)
    lines, credit = split_credits(lines)
    _credit_after(doc, end + len(files), credit)
    if not credit.authors:
        _meta_credit(doc, title.index + 1, first, credit)
    if not credit.authors:
        _markup_credit(doc, credit)
    day, date_evidence, errors = decide(_dates(doc, title, first))
    images, attachments = [], []
    for line in lines:
        images += [src for img in line.images if (src := image_url(img.get("src") or "", doc))]
    for line in lines + files:
        attachments += [href for a in line.links if _is_attachment(href := absolute(a.href, doc.base_url))]
    category_raw, category_evidence = category(doc, title, url, first)
    seen = views(doc.lines[title.index : first] + doc.lines[end : end + VIEWS_REACH])
    provenance = {
        "kind": title.kind_evidence,
        "title": title.evidence,
        "published": date_evidence,
        "category": category_evidence,
        "authors": credit.evidence,
        "source": "source-line" if credit.source else None,
        "views": "text:Lượt xem" if seen is not None else None,
    }
    return ArticleFields(
        title_raw=title.text.strip(),
        date_text=title.date_text,
        category_raw=category_raw,
        published=day,
        byline=credit.byline,
        authors=credit.authors,
        source=credit.source,
        views=seen,
        paragraphs=[line.text for line in lines if line.text.strip()],
        images=list(dict.fromkeys(images)),
        attachments=list(dict.fromkeys(attachments)),
        related=_related(doc, title.body_start, own),
        errors=errors,
        provenance={k: v for k, v in provenance.items() if v},
    )
