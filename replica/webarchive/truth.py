"""What a perfect import of every capture into an empty archive yields.

Read from the capture plan (captures.py: what each page says), never from a parser.
Rules, as the brief of the ``history`` import states them:
- an article's captures (status 200, real article content) in time order; a capture whose
  title, body, category, published date, byline, images or attachments differ from the
  previous one starts a new version (``captured_at`` its time); identical content adds nothing,
  whatever the design;
- an article is removed at the first 404 or "Tin không tồn tại" capture after its last good one;
- one visitor snapshot per capture with status 200 whose page shows the counter and which is
  not the same bytes as an earlier capture of the same URL;
- a duplicate is a row whose URL key and digest equal an earlier row's (revisits included).
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from replica.webarchive.captures import LIVE, Capture, Version, captures
from replica.webarchive.cdx import surt

VISITOR_KEYS = ("visits", "online_guests", "online_members", "online_total")
CDX_PAGE = 5  # the page size cdx_pages is given for


def iso(capture: Capture) -> str:
    return capture.when.isoformat()


def cms_id(url: str) -> int | None:
    query = {name.lower(): value for name, value in parse_qsl(urlsplit(url).query)}
    value = query.get("cmsid", "")
    return int(value) if value.isdigit() else None


def canonical(version: Version, tabid: int) -> str:
    return f"{LIVE}Default.aspx?tabid={tabid}&ChiTiet=True&CmsId={version.cms_id}"


def good(capture: Capture) -> bool:
    return capture.status == 200 and capture.shown.kind == "article"


def gone(capture: Capture) -> bool:
    return capture.status == 404 or capture.shown.kind == "missing"


def _version(capture: Capture) -> dict[str, Any]:
    v = capture.shown.version
    assert v is not None
    return {
        "captured_at": iso(capture),
        "title": v.title,
        "published": v.published.isoformat(),
        "category": v.category,
        "byline": v.byline,
        "first_paragraph": v.paragraphs[0],
        "last_paragraph": v.paragraphs[-1],
        "paragraphs": list(v.paragraphs),
        "images": list(v.images),
        "attachments": list(v.attachments),
    }


def duplicates() -> list[Capture]:
    """Captures whose URL key and bytes equal an earlier capture's (revisit records included)."""
    seen: set[tuple[str, str]] = set()
    found = []
    for capture in captures():
        key = (surt(capture.url), capture.digest)
        if key in seen:
            found.append(capture)
        seen.add(key)
    return found


def articles() -> dict[int, dict[str, Any]]:
    """Per CmsId with content: canonical URL, versions in time order, and removal if any."""
    found: dict[int, dict[str, Any]] = {}
    for capture in captures():
        if not good(capture):
            continue
        v = capture.shown.version
        assert v is not None
        entry = found.setdefault(
            v.cms_id, {"url": canonical(v, _tabid(capture)), "cms_id": v.cms_id, "versions": [], "last": None}
        )
        if entry["last"] != _content(v):
            entry["versions"].append(_version(capture))
        entry["last"] = _content(v)
    for entry in found.values():
        del entry["last"]
        entry["removed_at"] = removed().get(entry["cms_id"], {}).get("removed_at")
    return found


def _tabid(capture: Capture) -> int:
    query = {name.lower(): value for name, value in parse_qsl(urlsplit(capture.url).query)}
    return int(query["tabid"])


def _content(v: Version) -> tuple[Any, ...]:
    return (v.title, v.paragraphs, v.category, v.published, v.byline, v.images, v.attachments)


def removed() -> dict[int, dict[str, Any]]:
    """Articles whose last good capture is followed by a 404 or a "Tin không tồn tại" page."""
    found = {}
    for number in {c.shown.version.cms_id for c in captures() if good(c) and c.shown.version}:
        mine = [c for c in captures() if cms_id(c.url) == number]
        last_good = max(i for i, c in enumerate(mine) if good(c))
        after = [c for c in mine[last_good + 1 :] if gone(c)]
        if after:
            how = "404" if after[0].status == 404 else "Tin không tồn tại"
            found[number] = {"removed_at": iso(after[0]), "status": after[0].status, "shows": how}
    return found


def visitor_snapshots() -> list[dict[str, Any]]:
    """One per capture with status 200 showing the counter, duplicates of the same URL left out."""
    repeated = {(c.timestamp, c.url) for c in duplicates()}
    found = []
    for capture in captures():
        shown = capture.shown
        if capture.status != 200 or shown.visitors is None or (capture.timestamp, capture.url) in repeated:
            continue
        found.append(
            {
                "url": capture.url,
                "captured_at": iso(capture),
                "page_clock": shown.clock.isoformat() if shown.clock else None,
                **{key: shown.visitors.get(key) for key in VISITOR_KEYS},
            }
        )
    return found


def linked_ids() -> set[int]:
    """Every CmsId a captured page links to (lists, home modules, "Các tin khác")."""
    return {number for capture in captures() for number in capture.shown.links}


def captured_ids() -> set[int]:
    """Every CmsId with at least one capture of its URL, whatever the status."""
    return {number for capture in captures() if (number := cms_id(capture.url)) is not None}


def coverage() -> dict[str, Any]:
    rows = captures()
    listed = len(rows)
    not_pages = sum(1 for c in rows if not c.content_type.startswith("text/html"))
    repeated = len(duplicates())
    return {
        "listed": listed,
        "not_pages": not_pages,
        "duplicates": repeated,
        "redirects": sum(1 for c in rows if 300 <= c.status < 400),
        "http_errors": sum(1 for c in rows if c.status >= 400),
        "fetched": listed - not_pages - repeated,
        "articles": sorted(articles()),
        "linked_not_captured": sorted(linked_ids() - captured_ids()),
        "cdx_pages_limit_5": math.ceil(listed / CDX_PAGE),
    }


ARTICLES = articles()
REMOVED = removed()
VISITORS = visitor_snapshots()
COVERAGE = coverage()
