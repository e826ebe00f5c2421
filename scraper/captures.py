"""Web-archive listings read: the Wayback CDX API, pywb's CDX API and Memento TimeMaps.

Pure functions, no crawler: bytes of a listing in, captures out. A capture is named by
its 14-digit timestamp and original URL; it is fetched raw from a replay server as
``{replay}{timestamp}id_/{original}`` (the ``id_`` flag asks for the bytes as captured,
without the archive's rewriting or banner).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit, urlunsplit

from scraper.parsers.urls import canonical_url

# The CDX fields asked for, in Wayback's names; pywb answers ``url``, ``mime`` and ``status`` for three of them.
CDX_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
ALIASES = {"url": "original", "mime": "mimetype", "status": "statuscode"}
PAGE_TYPES = ("text/html", "application/xhtml+xml", "warc/revisit")
LINK_FORMAT = "application/link-format"
TIMESTAMP = re.compile(r"^\d{4,14}$")
# A Wayback-style memento address: /<timestamp><flag>/<original>; the flag (im_, if_, id_ ...) may be absent.
MEMENTO_PATH = re.compile(r"^(?P<head>.*?/)(?P<ts>\d{4,14})(?:[a-z]{2}_)?/(?P<original>[a-zA-Z][a-zA-Z0-9+.-]*:/.*)$")
LINK = re.compile(r'<(?P<url>[^>]*)>(?P<params>(?:\s*;\s*[A-Za-z_*-]+\s*=\s*(?:"[^"]*"|[^;,\s]+))*)')
PARAM = re.compile(r'([A-Za-z_*-]+)\s*=\s*(?:"([^"]*)"|([^;,\s]+))')


class ListingError(ValueError):
    """A listing that is not what a CDX server or a TimeMap sends."""


@dataclass(frozen=True)
class Capture:
    """One capture as a web archive lists it."""

    timestamp: str  # YYYYMMDDhhmmss, UTC
    original: str
    mimetype: str = ""
    status: int | None = None  # None when the listing does not say (revisits, TimeMaps)
    digest: str = ""
    replay_url: str = ""  # where to fetch it raw; set for TimeMap mementos, built for CDX rows

    @property
    def captured_at(self) -> str:
        return timestamp_iso(self.timestamp)

    @property
    def is_revisit(self) -> bool:
        return self.mimetype == "warc/revisit"

    @property
    def is_page(self) -> bool:
        """Whether it may be a page: HTML, a revisit (of anything), or unknown (a TimeMap's memento)."""
        kind = self.mimetype.split(";")[0].strip().lower()
        return not kind or kind in PAGE_TYPES


def timestamp_iso(timestamp: str) -> str:
    """``20210504032000`` → ``2021-05-04T03:20:00+00:00``; a shorter timestamp is the start of its period."""
    padded = timestamp + "0101000000"[len(timestamp) - 4 :] if len(timestamp) < 14 else timestamp
    return datetime.strptime(padded, "%Y%m%d%H%M%S").replace(tzinfo=UTC).isoformat()


def _is_time(timestamp: str) -> bool:
    try:
        timestamp_iso(timestamp)
    except ValueError:
        return False
    return True


def replay_beside(cdx: str) -> str:
    """The replay address that goes with a CDX server, when only the CDX server is named.

    The Wayback Machine's ``…/cdx/search/cdx`` replays at ``…/web/``, a pywb collection's
    ``…/<coll>/cdx`` at ``…/<coll>/``; another CDX server's replay must be named.
    """
    parts = urlsplit(cdx)
    for suffix, replay in (("/cdx/search/cdx", "/web/"), ("/cdx", "/")):
        if parts.path.endswith(suffix):
            return urlunsplit((parts.scheme, parts.netloc, parts.path.removesuffix(suffix) + replay, "", ""))
    raise ValueError(f"name the replay server of {cdx} with -a replay=")


def raw_url(replay: str, capture: Capture) -> str:
    """The address of a capture's bytes as captured."""
    return capture.replay_url or f"{replay.rstrip('/')}/{capture.timestamp}id_/{capture.original}"


def _status(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) == 3 else None


def _capture(row: dict[str, object]) -> Capture | None:
    row = {ALIASES.get(key, key): value for key, value in row.items()}
    timestamp, original = str(row.get("timestamp") or ""), str(row.get("original") or "")
    if not TIMESTAMP.match(timestamp) or not original or not _is_time(timestamp):
        return None
    return Capture(
        timestamp=timestamp.ljust(14, "0") if len(timestamp) >= 14 else timestamp,
        original=original,
        mimetype=str(row.get("mimetype") or ""),
        status=_status(row.get("statuscode")),
        digest=str(row.get("digest") or ""),
    )


def parse_cdx(body: bytes) -> tuple[list[Capture], str | None, int]:
    """Captures of one CDX answer, the resume key for the next page (or None), and rows that were no capture.

    Wayback's ``output=json`` is one array: a header row, the rows, and when more remain
    an empty row and a row holding the resume key. pywb's is one JSON object a line.
    """
    text = body.decode("utf-8", "replace").strip()
    if not text:
        return [], None, 0
    if text.startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ListingError(f"a CDX answer that is no JSON: {exc}") from exc
        return _wayback_rows(rows)
    captures, bad = [], 0
    for line in text.splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ListingError(f"a CDX line that is no JSON object: {line[:80]!r}") from exc
        capture = _capture(row) if isinstance(row, dict) else None
        bad += capture is None
        if capture is not None:
            captures.append(capture)
    return captures, None, bad


def _wayback_rows(rows: object) -> tuple[list[Capture], str | None, int]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ListingError("a CDX answer that is not an array of rows")
    if not rows:
        return [], None, 0
    names, body = [str(name) for name in rows[0]], rows[1:]
    resume = None
    if len(body) >= 2 and body[-2] == [] and len(body[-1]) == 1:
        resume, body = str(body[-1][0]), body[:-2]
    captures, bad = [], 0
    for row in body:
        capture = _capture(dict(zip(names, row, strict=False))) if len(row) == len(names) else None
        bad += capture is None
        if capture is not None:
            captures.append(capture)
    return captures, resume, bad


def _raw_memento(url: str) -> tuple[str, str] | None:
    """(timestamp, raw address) of a Wayback-style memento URL; None for another address form."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    match = MEMENTO_PATH.match(path)
    if match is None:
        return None
    raw = f"{match['head']}{match['ts']}id_/{match['original']}"
    return match["ts"], urlunsplit((parts.scheme, parts.netloc, "", "", "")) + raw


def parse_timemap(text: str, original: str | None = None) -> tuple[list[Capture], list[str]]:
    """The mementos of an RFC 7089 TimeMap in link format, and the further TimeMaps it links.

    A memento at a Wayback-style address is fetched raw (``id_``); one at another
    address is fetched as the archive serves it, and the parsers read the original's
    address from its banner.
    """
    captures, more = [], []
    for match in LINK.finditer(text):
        params = {m[1].lower(): m[2] if m[2] is not None else m[3] for m in PARAM.finditer(match["params"])}
        rels = params.get("rel", "").split()
        if "original" in rels and original is None:
            original = match["url"]
        if "timemap" in rels and match["url"] and params.get("type", LINK_FORMAT).lower() == LINK_FORMAT:
            more.append(match["url"])  # the same TimeMap as JSON, or another format, is not read
        if "memento" not in rels:
            continue
        try:
            when = parsedate_to_datetime(params.get("datetime", ""))
        except (TypeError, ValueError):
            continue
        stamp = when.astimezone(UTC).strftime("%Y%m%d%H%M%S")
        raw = _raw_memento(match["url"])
        stamp, where = raw if raw else (stamp, match["url"])
        captures.append(Capture(timestamp=stamp, original="", replay_url=where))
    if original is None:
        raise ListingError('a TimeMap without a rel="original" link')
    return [Capture(c.timestamp, original, replay_url=c.replay_url) for c in captures], more


def portal_url(original: str, site: str, aliases: tuple[str, ...] = ()) -> str | None:
    """The canonical address on ``site`` of a captured URL (any scheme, ``www.``, a default port), or None off it.

    ``aliases`` are other hosts the same site was served from (an earlier domain): their
    captures are the site's too.
    """
    try:
        parts, home = urlsplit(original.strip()), urlsplit(site)
        host = (parts.hostname or "").lower().removeprefix("www.")
        port = parts.port
    except ValueError:
        return None
    hosts = {name.lower().removeprefix("www.") for name in (home.hostname or "", *aliases) if name}
    if host not in hosts or port not in (None, 80, 443):
        return None
    path = parts.path or "/"
    if path.lower() == "/default.aspx":
        path = "/Default.aspx"  # the portal's server ignores case; its own links write it so
    return canonical_url(urlunsplit((home.scheme, home.netloc, path, parts.query, "")))
