"""The captures as CDX rows, and a CDX query answered the way the Wayback Machine's
``/cdx/search/cdx`` answers it: SURT url keys, rows sorted by key then timestamp, the
``fl``/``from``/``to``/``filter``/``collapse``/``limit`` parameters and resume-key paging.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote_plus, unquote_plus, urlsplit

from replica.webarchive.warcs import stored

FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")


class BadQuery(ValueError):
    """A query the Wayback Machine would refuse (an unknown field, a bad number)."""


def surt(url: str) -> str:
    """The Wayback url key: host reversed without ``www.`` and default ports, then the path
    and the query's arguments sorted, all lower case."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port not in (None, 80, 443) else None
    key = ",".join(reversed(host.split("."))) + (f":{port}" if port else "") + ")"
    key += (parts.path or "/").lower()
    if parts.query:
        key += "?" + "&".join(sorted(parts.query.lower().split("&")))
    return key


@dataclass(frozen=True)
class Query:
    url: str
    match: str = "exact"  # exact, prefix, host, domain
    fields: tuple[str, ...] = FIELDS
    start: str = ""
    end: str = ""
    limit: int | None = None
    resume_key: str | None = None
    show_resume_key: bool = False
    filters: tuple[str, ...] = ()
    collapse: tuple[str, ...] = ()
    as_json: bool = False


def parse(params: dict[str, list[str]]) -> Query:
    """The query a ``/cdx/search/cdx`` request asks, its parameters as parse_qs gives them."""

    def one(name: str, default: str = "") -> str:
        return params.get(name, [default])[-1]

    url, match = one("url"), one("matchType", "exact")
    if url.endswith("*"):
        url, match = url.rstrip("*"), "prefix"
    if url.startswith("*."):
        url, match = url[2:], "domain"
    fields = tuple(f for f in one("fl").split(",") if f) or FIELDS
    if unknown := [f for f in fields if f not in FIELDS]:
        raise BadQuery(f"unknown field(s): {', '.join(unknown)}")
    try:
        limit = int(one("limit")) if one("limit") else None
    except ValueError as error:
        raise BadQuery("limit must be a number") from error
    return Query(
        url=url,
        match=match,
        fields=fields,
        start=one("from"),
        end=one("to"),
        limit=limit,
        resume_key=one("resumeKey") or None,
        show_resume_key=one("showResumeKey") == "true",
        filters=tuple(params.get("filter", [])),
        collapse=tuple(params.get("collapse", [])),
        as_json=one("output") == "json",
    )


def all_rows() -> list[dict[str, str]]:
    """Every capture's CDX row, sorted as the Wayback Machine sorts them."""
    rows = []
    for entry in stored():
        capture = entry.capture
        rows.append(
            {
                "urlkey": surt(capture.url),
                "timestamp": capture.timestamp,
                "original": capture.url,
                "mimetype": "warc/revisit" if capture.revisit else capture.content_type.split(";")[0].strip(),
                "statuscode": "-" if capture.revisit else str(capture.status),
                "digest": capture.digest,
                "length": str(entry.length),
            }
        )
    return sorted(rows, key=lambda row: (row["urlkey"], row["timestamp"]))


def _matches(query: Query, key: str) -> bool:
    wanted = surt(query.url)
    if query.match == "exact":
        return key == wanted
    if query.match == "prefix":
        return key.startswith(wanted)
    host = wanted.split(")", 1)[0]
    if query.match == "host":
        return key.split(")", 1)[0] == host
    return key.split(")", 1)[0] == host or key.startswith(host + ",")


def _kept(query: Query, row: dict[str, str]) -> bool:
    for rule in query.filters:
        negate = rule.startswith("!")
        name, _, pattern = rule.lstrip("!").partition(":")
        if name not in row:
            raise BadQuery(f"unknown filter field: {name}")
        if bool(re.fullmatch(pattern, row[name])) == negate:
            return False
    return True


def _collapsed(query: Query, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    for rule in query.collapse:
        name, _, width = rule.partition(":")
        if name not in FIELDS:
            raise BadQuery(f"unknown collapse field: {name}")
        cut = int(width) if width.isdigit() else None
        kept: list[dict[str, str]] = []
        for row in rows:
            if not kept or kept[-1][name][:cut] != row[name][:cut]:
                kept.append(row)
        rows = kept
    return rows


def resume_key(row: dict[str, str]) -> str:
    return quote_plus(f"{row['urlkey']} {row['timestamp']}")


def _after(key: str) -> tuple[str, str]:
    urlkey, _, timestamp = unquote_plus(key).rpartition(" ")
    return urlkey, timestamp


def answer(query: Query) -> tuple[list[list[str]], str | None]:
    """The rows (only the asked fields) and, when a limit cut the listing short and
    ``showResumeKey`` asked for it, the key to resume after the last row."""
    start, end = query.start.ljust(14, "0"), query.end.ljust(14, "9") if query.end else "9" * 14
    rows = [
        row
        for row in all_rows()
        if _matches(query, row["urlkey"]) and start <= row["timestamp"] <= end and _kept(query, row)
    ]
    rows = _collapsed(query, rows)
    if query.resume_key:
        after = _after(query.resume_key)
        rows = [row for row in rows if (row["urlkey"], row["timestamp"]) > after]
    more = query.limit is not None and len(rows) > query.limit
    if query.limit is not None:
        rows = rows[: query.limit]
    key = resume_key(rows[-1]) if more and query.show_resume_key and rows else None
    return [[row[name] for name in query.fields] for row in rows], key
