"""What a page says about itself outside its visible text: meta tags, JSON-LD, its own address.

Read before the document drops ``<head>``, scripts and the web-archive toolbar, so it
must be cheap: a handful of XPath queries, and ``json`` only on pages that carry JSON-LD.
Microdata (``itemprop``) stays in the body and is read there (see ``markup``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from scraper.parsers import site

ARTICLE_TYPES = frozenset(["NewsArticle", "Article", "BlogPosting", "ReportageNews", "AnalysisNewsArticle"])
_TIMESTAMP = re.compile(r"/web/(\d{14})")
_STAMP = re.compile(r"\d{14}")
# Words that name a breadcrumb trail in class, id, aria-label or itemtype (see site.BREADCRUMB_MARKUP):
# substring tests, as a case-insensitive regex over a whole page costs more than the rest of the head.
_TRAIL_WORDS = ("readcrumb", "READCRUMB", "duongdan", "duong-dan", "navpath", "NavPath")
# One query for the toolbar's parts: a query per id would walk the whole page five times.
_TOOLBAR_IDS = "[" + " or ".join(f"@id='{wid}'" for wid in site.WAYBACK_TOOLBAR_IDS) + "]"
_TOOLBAR_XPATH = etree.XPath("//*" + _TOOLBAR_IDS)
# The toolbar opens the body: looked for there first, as a query over the whole page costs more.
_TOOLBAR_NEAR_XPATH = etree.XPath(f"/html/body/*{_TOOLBAR_IDS} | /html/body/*/*{_TOOLBAR_IDS}")
# The toolbar's parts, compiled once: a query given as a string is compiled at every call.
_TOOLBAR_URL = etree.XPath("string(.//input[@name='url']/@value)")
_TOOLBAR_DATE = etree.XPath("string(.//input[@name='date']/@value)")
_TOOLBAR_HREFS = etree.XPath(".//a/@href")
_JSON_LD = etree.XPath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")


@dataclass
class HeadFacts:
    """Meta tags by lower-case name or property (first wins), JSON-LD objects, and the page's stated address."""

    meta: dict[str, str] = field(default_factory=dict)
    json_ld: list[dict] = field(default_factory=list)
    canonical: str | None = None
    base_href: str | None = None
    wayback_url: str | None = None  # the original URL the web-archive toolbar names
    wayback_timestamp: str | None = None  # its 14-digit capture time (UTC)
    saved_from: str | None = None  # the address a browser's "Save page as" wrote before <html>
    archive_url: str | None = None  # the original URL an archive.today header names
    archive_timestamp: str | None = None  # its capture time as 14 digits (UTC)
    microdata: bool = False  # the page has ``itemprop`` attributes worth a query
    html: str = field(default="", repr=False)  # the page's text, for cheap substring tests

    @cached_property
    def breadcrumb_markup(self) -> bool:
        """The page names a breadcrumb trail in its markup; asked only of article pages."""
        return any(word in self.html for word in _TRAIL_WORDS)

    def article_ld(self) -> dict | None:
        """The first JSON-LD object typed as a news article."""
        return next((obj for obj in self.json_ld if _types(obj) & ARTICLE_TYPES), None)

    def breadcrumb_ld(self) -> list[str]:
        """The names of a JSON-LD BreadcrumbList, in order."""
        for obj in self.json_ld:
            if "BreadcrumbList" in _types(obj):
                items = obj.get("itemListElement") or []
                items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i))
                return [name for i in items if (name := _name(i.get("name") or i.get("item")))]
        return []


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    return {kind} if isinstance(kind, str) else {k for k in kind or [] if isinstance(k, str)}


def _position(item: dict) -> int:
    try:
        return int(item.get("position") or 0)
    except (TypeError, ValueError):
        return 0


def _name(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _flatten(data: object) -> list[dict]:
    """JSON-LD objects at the top, in a list, or in an ``@graph``."""
    if isinstance(data, list):
        return [obj for item in data for obj in _flatten(item)]
    if not isinstance(data, dict):
        return []
    return [data, *_flatten(data.get("@graph"))]


def _json_ld(root: etree._Element) -> list[dict]:
    found: list[dict] = []
    for script in _JSON_LD(root):
        try:
            found += _flatten(json.loads(script.text or ""))
        except ValueError:
            continue
    return found


def _wayback(root: etree._Element) -> tuple[str | None, str | None]:
    """The original URL and 14-digit capture time the Wayback toolbar shows, when the page carries it."""
    url = stamp = None
    for toolbar in _TOOLBAR_NEAR_XPATH(root) or _TOOLBAR_XPATH(root):
        if url and stamp:
            break
        url = url or _TOOLBAR_URL(toolbar) or None
        date = _TOOLBAR_DATE(toolbar)
        if _STAMP.fullmatch(date):
            stamp = stamp or date
        if stamp is None:
            m = _TIMESTAMP.search(" ".join([*_TOOLBAR_HREFS(toolbar), toolbar.text_content()]))
            stamp = m.group(1) if m else None
    return url, stamp


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _archive_today(root: etree._Element) -> tuple[str | None, str | None]:
    """The original URL and capture time (14 digits) archive.today's header shows above the copy.

    Both or neither: a site's own ``div#HEADER`` with a search box is no archive's header.
    """
    for header in root.xpath("/html/body/div[@id='HEADER']"):
        url = header.xpath("string(.//input[@type='text']/@value)").strip()
        m = site.ARCHIVE_TODAY_TIME.search(header.text_content())
        if m is None or not url.startswith(("http://", "https://")):
            return None, None
        day, month, year, hour, minute, second = m.groups()
        return url, f"{year}{_MONTHS.index(month[:3]) + 1:02d}{int(day):02d}{hour}{minute}{second}"
    return None, None


def read_head(root: etree._Element, html: str) -> HeadFacts:
    """The page's meta tags, canonical link and base (all in ``<head>``), JSON-LD and web-archive toolbar.

    ``html`` is the page's text: a substring test there is far cheaper than a query
    over the tree for markup most pages lack.
    """
    facts = HeadFacts(microdata="itemprop" in html, html=html)
    head = root.find("head")
    for el in head.iter("meta", "link", "base") if head is not None else ():
        if el.tag == "meta" and el.get("content") is not None:
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
            if key and key not in facts.meta:
                facts.meta[key] = el.get("content", "").strip()
        elif el.tag == "link" and (el.get("rel") or "").strip().lower() == "canonical":
            facts.canonical = facts.canonical or el.get("href") or None
        elif el.tag == "base":
            facts.base_href = facts.base_href or el.get("href") or None
    if "ld+json" in html:
        facts.json_ld = _json_ld(root)
    if "wm-ipp" in html:
        facts.wayback_url, facts.wayback_timestamp = _wayback(root)
    if html.find("saved from url=", 0, 2048) >= 0:  # bounds, not a slice: a slice copies the page's start
        m = site.SAVED_FROM.search(html, 0, 2048)
        facts.saved_from = m.group(1) if m else None
    if html.find("HEADER", 0, 8192) >= 0:
        facts.archive_url, facts.archive_timestamp = _archive_today(root)
    return facts
