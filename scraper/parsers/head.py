"""What a page says about itself outside its visible text: meta tags, JSON-LD, its own address.

Read before the document drops ``<head>``, scripts and the web-archive toolbar, so it
must be cheap: a handful of XPath queries, and ``json`` only on pages that carry JSON-LD.
Microdata (``itemprop``) stays in the body and is read there (see ``markup``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import etree

from scraper.parsers import site

ARTICLE_TYPES = frozenset(["NewsArticle", "Article", "BlogPosting", "ReportageNews", "AnalysisNewsArticle"])
_TIMESTAMP = re.compile(r"/web/(\d{14})")
_STAMP = re.compile(r"\d{14}")


@dataclass
class HeadFacts:
    """Meta tags by lower-case name or property (first wins), JSON-LD objects, and the page's stated address."""

    meta: dict[str, str] = field(default_factory=dict)
    json_ld: list[dict] = field(default_factory=list)
    canonical: str | None = None
    base_href: str | None = None
    wayback_url: str | None = None  # the original URL the web-archive toolbar names
    wayback_timestamp: str | None = None  # its 14-digit capture time (UTC)

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
    for script in root.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        try:
            found += _flatten(json.loads(script.text or ""))
        except ValueError:
            continue
    return found


def _wayback(root: etree._Element) -> tuple[str | None, str | None]:
    """The original URL and 14-digit capture time the Wayback toolbar shows, when the page carries it."""
    url = stamp = None
    for wid in site.WAYBACK_TOOLBAR_IDS:
        for toolbar in root.xpath(f"//*[@id='{wid}']"):
            url = url or toolbar.xpath("string(.//input[@name='url']/@value)") or None
            date = toolbar.xpath("string(.//input[@name='date']/@value)")
            if _STAMP.fullmatch(date):
                stamp = stamp or date
            m = _TIMESTAMP.search(" ".join([toolbar.text_content(), *toolbar.xpath(".//a/@href")]))
            stamp = stamp or (m.group(1) if m else None)
    return url, stamp


def read_head(root: etree._Element) -> HeadFacts:
    """The page's meta tags, JSON-LD, canonical link, base and web-archive toolbar."""
    facts = HeadFacts()
    for meta in root.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in facts.meta:
            facts.meta[key] = meta.get("content", "").strip()
    facts.canonical = root.xpath("string(//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href)") or None
    facts.base_href = root.xpath("string(//base/@href)") or None
    if root.xpath("boolean(//script[contains(@type, 'json')])"):
        facts.json_ld = _json_ld(root)
    facts.wayback_url, facts.wayback_timestamp = _wayback(root)
    return facts
