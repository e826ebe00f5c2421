"""Semantic markup as evidence: headings next to the body, ``<article>``, breadcrumbs, microdata.

The text-anchored rules read the portal's own designs; these read HTML5 layouts and
saved copies that state their structure in markup instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from lxml import etree

from scraper.parsers import matches, site
from scraper.parsers.content import is_furniture, is_heading, is_prose, is_tools
from scraper.parsers.document import Document, Line
from scraper.parsers.head import ARTICLE_TYPES

HEADINGS = ("h1", "h2", "h3")
# How many lines below a heading its body's first paragraph may start (date, tools, lead image between).
BODY_REACH = 10
# How many lines above the title a breadcrumb trail may sit.
BREADCRUMB_REACH = 6
_OUTSIDE = frozenset(["header", "footer", "nav", "aside"])
# How many levels above a line its trail's marked element may sit (li → ol → nav).
TRAIL_DEPTH = 4


@dataclass
class MarkupTitle:
    index: int
    evidence: str


def _heading_tag(line: Line) -> str | None:
    el = line.element
    if el.tag in HEADINGS:
        return el.tag
    return "headline" if (el.get("itemprop") or "") == "headline" else None


def _outside_content(line: Line) -> bool:
    """In the page's header, footer, navigation or a side pane; an article's own ``<header>`` is content."""
    tags = {el.tag for el in line.element.iterancestors("article", *_OUTSIDE)}  # lxml filters the tags in C
    return "article" not in tags and not tags.isdisjoint(_OUTSIDE)


def _leads_to_body(doc: Document, index: int) -> bool:
    """Prose within a few lines below ``index``, before any other heading."""
    for line in doc.lines[index + 1 : index + 1 + BODY_REACH]:
        if is_prose(line):
            return True
        if _heading_tag(line) in HEADINGS and line.text.strip():
            return False
    return False


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def headlines(doc: Document) -> list[tuple[str, str]]:
    """(evidence, text) of the headlines the page states in JSON-LD, microdata and Open Graph."""
    found: list[tuple[str, str]] = []
    article = doc.head.article_ld()
    if article and isinstance(article.get("headline"), str):
        found.append(("json-ld:headline", article["headline"]))
    if doc.head.microdata:
        found += [("microdata:headline", el.text_content()) for el in doc.with_itemprop("headline")]
    if doc.head.meta.get("og:title"):
        found.append(("og:title", doc.head.meta["og:title"]))
    return [(evidence, " ".join(text.split())) for evidence, text in found if text.strip()]


def find_heading(doc: Document) -> MarkupTitle | None:
    """The heading that titles the body: the one a stated headline names, else the first h1–h3 above prose."""
    candidates = [
        (i, tag)
        for i, line in enumerate(doc.lines)
        if (tag := _heading_tag(line))
        and is_heading(line)
        and len(line.text) >= site.MIN_TITLE_CHARS
        and not _outside_content(line)
    ]
    for evidence, text in headlines(doc):
        for i, _ in candidates:
            if _same(doc.lines[i].text, text):
                return MarkupTitle(i, evidence)
    for tag in HEADINGS:
        for i, found in candidates:
            if found == tag and _leads_to_body(doc, i):
                return MarkupTitle(i, f"markup:{tag}")
    return None


def in_article(line: Line) -> bool:
    return line.element.tag == "article" or next(line.element.iterancestors("article"), None) is not None


def article_signal(doc: Document, line: Line) -> str | None:
    """Markup that says the page is an article: ``<article>``, a NewsArticle in microdata or JSON-LD, ``og:type``."""
    if in_article(line):
        # One <article> is the page's article; several are the cards of a list.
        return "markup:article" if next(islice(doc.root.iter("article"), 1, None), None) is None else None
    for el in line.element.iterancestors():
        if any(f"schema.org/{kind}" in (el.get("itemtype") or "") for kind in ARTICLE_TYPES):
            return "microdata:NewsArticle"
    if doc.head.article_ld():
        return "json-ld:NewsArticle"
    if doc.head.meta.get("og:type", "").lower() == "article":
        return "og:type"
    return None


def _crumbs_of(el: etree._Element) -> list[str]:
    items = [li.text_content() for li in el.iter("li")]
    if not items:
        items = site.BREADCRUMB_SEPARATORS.split(el.text_content())
    return [" ".join(item.split()) for item in items]


def _marked_trail(line: Line) -> etree._Element | None:
    """The outermost element around ``line`` whose markup says it is a breadcrumb trail (class, id, aria-label,
    itemtype): a ``li class="breadcrumb-item"`` is one step, its ``ol class="breadcrumb"`` the trail."""
    el, trail = line.element, None
    for _ in range(TRAIL_DEPTH):
        if el is None:
            break
        marks = " ".join(el.get(a) or "" for a in ("class", "id", "aria-label", "itemtype"))
        if matches.breadcrumb_markup(marks):
            trail = el
        elif trail is not None:
            break
        el = el.getparent()
    return trail


def breadcrumbs(doc: Document, title_index: int) -> list[str]:
    """The trail above the title: markup that says it is one, a "Trang chủ » …" line, or JSON-LD."""
    above = doc.lines[max(0, title_index - BREADCRUMB_REACH) : title_index]
    for line in above if doc.head.breadcrumb_markup else ():
        trail = _marked_trail(line)
        if trail is not None:
            return _crumbs_of(trail)
    for line in above:
        if site.BREADCRUMB_LINE.match(line.text):
            return [" ".join(item.split()) for item in site.BREADCRUMB_SEPARATORS.split(line.text)]
    return doc.head.breadcrumb_ld()


def category_from_breadcrumbs(crumbs: list[str], title: str) -> str | None:
    """The last step of the trail that is neither the home page nor the article itself."""
    steps = [c for c in crumbs if c and not site.HOME_WORDS.match(c) and not _same(c, title)]
    return steps[-1] if steps and len(steps[-1]) <= 120 else None


def microdata_authors(doc: Document) -> list[str]:
    """Names under ``itemprop=author`` (its ``name`` when it has one)."""
    names: list[str] = []
    for el in doc.with_itemprop("author"):
        inner = el.xpath(".//*[@itemprop='name']")
        name = " ".join((inner[0] if inner else el).text_content().split())
        if name and name not in names:
            names.append(name)
    return names


def is_meta_segment(text: str) -> bool:
    """A piece of the line under a title: a date or time, a view count, tools, a byline, a category label."""
    return bool(
        matches.meta_date(text)
        or site.TIME_ONLY.match(text)
        or site.BYLINE.match(text)
        or site.CATEGORY_LABEL.match(text)
        or (site.VIEWS.search(text) and len(text) <= site.TOOLS_LINE_CHARS)
    )


# Words a metadata line may hold besides its date, view count and tools ("Tác giả", a name).
META_LEFTOVER_WORDS = 4


def _labelled_meta(text: str) -> bool:
    """A short line led by a labelled date, with little else: "Ngày đăng: 26/12/2023 - 08:15 Lượt xem: 245"."""
    if len(text) > site.TOOLS_LINE_CHARS or not matches.labelled_date(text):
        return False
    rest = site.TOOL_WORDS.sub(" ", site.VIEWS.sub(" ", site.LABELLED_DATE.sub(" ", text)))
    return len([w for w in rest.split() if any(c.isalnum() for c in w)]) <= META_LEFTOVER_WORDS


def is_meta_line(line: Line) -> bool:
    """A line of metadata or tools between the title and the body: never the body's first line."""
    if len(line.text) > site.TOOLS_LINE_CHARS:
        return is_furniture(line)
    if is_furniture(line) or is_tools(line) or _labelled_meta(line.text):
        return True
    segments = [s for s in site.META_SEPARATORS.split(line.text) if s.strip()]
    return bool(segments) and all(is_meta_segment(s) or is_tools(Line(s, line.element)) for s in segments)
