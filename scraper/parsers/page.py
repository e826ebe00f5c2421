"""Any page of the portal → the records it holds and the pages it leads to.

This is the one entry point the spider, ``extract`` and re-extraction share, so
each field is decided in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

from scraper.dates import dates_mentioned_checked
from scraper.documents import documents
from scraper.items import Article, Page, Visitors
from scraper.parsers import matches, site
from scraper.parsers.address import captured_at
from scraper.parsers.article import parse_article
from scraper.parsers.content import is_heading, is_prose
from scraper.parsers.document import Document, Line, load
from scraper.parsers.links import Links, discover
from scraper.parsers.markup import breadcrumbs, category_from_breadcrumbs
from scraper.parsers.static import parse_static
from scraper.parsers.urls import canonical_article_url, canonical_url, cms_id, unwrap_wayback
from scraper.parsers.widgets import widgets


@dataclass
class ParsedPage:
    """What one page holds. ``kind`` is article, page, list or missing."""

    kind: str
    url: str
    visitors: Visitors
    article: Article | None = None
    page: Page | None = None
    doc: Document | None = field(default=None, repr=False)
    too_deep: bool = False  # see MARKUP_TOO_DEEP
    category: str | None = None  # a list's or a removed article's tab, as its breadcrumb or heading names it

    @cached_property
    def links(self) -> Links:
        """The pages and files the page leads to: found when the crawl asks, as ``extract`` never does."""
        return discover(self.doc) if self.doc is not None else Links()


# The parser's nesting limit (libxml2: 2,048 levels even with huge_tree) cut the page short.
MARKUP_TOO_DEEP = "markup-too-deep: nested past 2048 levels, the rest is lost"


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _joined(paragraphs: list[str]) -> str | None:
    return "\n\n".join(paragraphs) or None


def _is_list_entry(doc: Document, index: int) -> bool:
    """Prose right under a link to an article is a list entry's summary."""
    return any(_links_article(line) for line in doc.lines[max(0, index - 2) : index + 1])


def _tab_name(doc: Document, index: int | None) -> str | None:
    """The name of the tab whose list or notice starts at line ``index``: its breadcrumb, else its heading."""
    if index is None:
        return None
    return category_from_breadcrumbs(breadcrumbs(doc, index), "") or _heading_above(doc, index)


def _heading_above(doc: Document, index: int) -> str | None:
    """The heading right above line ``index``: the name of the list or notice it opens."""
    for line in reversed(doc.lines[max(0, index - 3) : index]):
        if not line.text.strip():
            continue
        if is_heading(line) and len(line.text) <= 120 and not site.BREADCRUMB_LINE.match(line.text):
            return line.text.strip()
        return None
    return None


def _first_entry(doc: Document) -> int | None:
    """The first line that links an article: a list's first entry."""
    return next((i for i, line in enumerate(doc.lines) if line.is_link and _links_article(line)), None)


def _links_article(line: Line) -> bool:
    return any(canonical_article_url(a.href) for a in line.links)


def _decode_problems(doc: Document) -> list[str]:
    """The page's invalid UTF-8 sequences (each a U+FFFD in the text), and markup nested past the parser's limit."""
    problems = [f"decode-errors: {doc.decode_errors}"] if doc.decode_errors else []
    return problems + ([MARKUP_TOO_DEEP] if doc.too_deep else [])


def parse_page(
    html: str | bytes, url: str, fetched_at: str | None = None, content_type: str | None = None
) -> ParsedPage:
    """Parse one page. ``url`` may be a web-archive URL; records carry the original."""
    return parse_document(load(html, url, content_type), url, fetched_at)


def parse_document(doc: Document, url: str, fetched_at: str | None = None) -> ParsedPage:
    """Parse a loaded page: see :func:`parse_page`."""
    matches.new_page()
    fetched_at = fetched_at or now_utc()
    captured = captured_at(url, doc.head)
    original = doc.head.archive_url or unwrap_wayback(url)  # an archive.today copy names its original
    found = widgets(doc)
    visitors = Visitors(
        fetched_at=fetched_at,
        captured_at=captured,
        page_clock=found.page_clock,
        url=canonical_url(original),
        visits=found.visits,
        visits_today=found.visits_today,
        visits_yesterday=found.visits_yesterday,
        visits_week=found.visits_week,
        visits_month=found.visits_month,
        online_guests=found.online_guests,
        online_members=found.online_members,
        online_total=found.online_total,
    )
    parsed = ParsedPage(kind="list", url=canonical_url(original), visitors=visitors, doc=doc, too_deep=doc.too_deep)
    fields = parse_article(doc, original)
    if fields is not None:
        body = _joined(fields.paragraphs)
        lowered = (body or "").lower()  # for both scans of the body: dates and citations
        mentioned, body_problems = dates_mentioned_checked(body or "", lowered)
        parsed.kind = "article"
        parsed.article = Article(
            url=canonical_article_url(original) or canonical_url(original),
            cms_id=cms_id(original),
            category=fields.category_raw,
            title=fields.title_raw,
            published=fields.published,
            authors=fields.authors,
            author_initials=fields.authors,
            byline=fields.byline,
            source=fields.source,
            views=fields.views,
            body=body,
            images=fields.images,
            attachments=fields.attachments,
            related=fields.related,
            dates_mentioned=mentioned,
            documents=documents(body or "", lowered),
            page_clock=found.page_clock,
            fetched_at=fetched_at,
            captured_at=captured,
            title_raw=fields.title_raw,
            body_raw=body,
            category_raw=fields.category_raw,
            provenance=fields.provenance,
            errors=fields.errors + found.clock_problems + [f"body-{p}" for p in body_problems] + _decode_problems(doc),
        )
        return parsed
    if doc.says_missing:
        parsed.kind = "missing"
        notice = next((i for i, line in enumerate(doc.lines) if site.NOT_FOUND.search(line.text)), None)
        parsed.category = _tab_name(doc, notice)
        return parsed
    static = parse_static(doc)
    first_prose = next((i for i, line in enumerate(doc.lines) if is_prose(line)), None)
    if static is not None and not _is_list_entry(doc, first_prose):
        body = _joined(static.paragraphs)
        parsed.kind = "page"
        parsed.page = Page(
            url=parsed.url,
            title=static.title_raw,
            body=body,
            body_raw=body,
            title_raw=static.title_raw,
            page_clock=found.page_clock,
            fetched_at=fetched_at,
            captured_at=captured,
            errors=_decode_problems(doc),
        )
        return parsed
    parsed.category = _tab_name(doc, _first_entry(doc))
    return parsed
