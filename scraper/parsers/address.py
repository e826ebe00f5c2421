"""Where a saved page came from, and when a web archive captured it.

A page saved to disk no longer knows its address; it often still says it: the
web-archive toolbar or archive.today header, ``<link rel=canonical>``, ``og:url``,
the "saved from url=" comment a browser writes, or ``<base href>``. Links
and images resolve against that address, as they did on the site.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from scraper.parsers import site
from scraper.parsers.head import HeadFacts
from scraper.parsers.urls import unwrap_wayback

WAYBACK_HOST = "https://web.archive.org"


def _absolute_http(href: str | None) -> str | None:
    """An http(s) address as stated, a web-archive path ("/web/2024…/https://…") resolved on its host."""
    if not href:
        return None
    href = href.strip()
    if href.startswith("/web/"):
        href = urljoin(WAYBACK_HOST, href)
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    return href if parts.scheme in ("http", "https") and parts.netloc else None


def stated_url(head: HeadFacts) -> str | None:
    """The address the page states for itself; a web-archive copy's is its capture's URL."""
    if head.wayback_url and head.wayback_timestamp:
        return f"{WAYBACK_HOST}/web/{head.wayback_timestamp}/{head.wayback_url}"
    for href in (
        head.wayback_url,
        head.archive_url,
        head.canonical,
        head.meta.get("og:url"),
        head.saved_from,
        head.base_href,
    ):
        url = _absolute_http(href)
        if url:
            return url
    return None


def captured_at(url: str, head: HeadFacts) -> str | None:
    """When the web archive captured the page (ISO 8601, UTC), from its URL or its toolbar; None for a live page."""
    parts = urlsplit(url)
    m = site.WAYBACK_URL.match(parts.path + (f"?{parts.query}" if parts.query else ""))
    stamp = m.group("ts") if m and unwrap_wayback(url) != url else head.wayback_timestamp or head.archive_timestamp
    if not stamp or len(stamp) != 14:
        return None
    moment = _moment(stamp)
    return moment.isoformat(timespec="seconds") if moment else None


def _moment(stamp: str) -> datetime | None:
    """A 14-digit timestamp as a UTC time; None when it is no time.

    Fourteen ASCII digits are cut at fixed places (``strptime`` reads them alike, ten times
    slower); anything else, or a field out of range, is left to ``strptime``.
    """
    if stamp.isascii() and stamp.isdigit():
        fields = (stamp[0:4], stamp[4:6], stamp[6:8], stamp[8:10], stamp[10:12], stamp[12:14])
        try:
            return datetime(*map(int, fields), tzinfo=UTC)
        except ValueError:
            pass
    try:
        return datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
