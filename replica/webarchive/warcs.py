"""The captures as gzipped WARC/1.0 files, as a crawler (Heritrix, Browsertrix) writes them.

Each capture is a request record and a response record (the full HTTP response: status
line, headers, body), or a revisit record (profile identical-payload-digest) where the
archive found the same bytes again. Record ids are derived from the capture, so the files
are the same bytes on every run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from replica.webarchive.captures import Capture, WarcFile, revisit_of, warc_files

USER_AGENT = "Mozilla/5.0 (compatible; archive.org_bot +http://archive.org/details/archive.org_bot)"


@dataclass(frozen=True)
class Stored:
    """Where a capture's response or revisit record is: file, offset and length (gzip member)."""

    capture: Capture
    filename: str
    offset: int
    length: int


def warc_date(capture: Capture) -> str:
    return capture.when.strftime("%Y-%m-%dT%H:%M:%SZ")


def record_id(kind: str, capture: Capture) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {capture.timestamp} {capture.url}')}>"


def _request(writer: WARCWriter, capture: Capture) -> object:
    parts = urlsplit(capture.url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = [("User-Agent", USER_AGENT), ("Accept", "text/html,*/*;q=0.8"), ("Host", parts.netloc)]
    http = StatusAndHeaders(f"GET {path} HTTP/1.1", headers, is_http_request=True)
    warc = {"WARC-Date": warc_date(capture), "WARC-Record-ID": record_id("request", capture)}
    return writer.create_warc_record(capture.url, "request", http_headers=http, warc_headers_dict=warc)


def _response(writer: WARCWriter, capture: Capture) -> object:
    http = StatusAndHeaders(capture.status_line(), capture.headers(), protocol="HTTP/1.1")
    warc = {"WARC-Date": warc_date(capture), "WARC-Record-ID": record_id("response", capture)}
    if capture.revisit:
        first = revisit_of(capture)
        return writer.create_revisit_record(
            capture.url,
            f"sha1:{capture.digest}",
            first.url,
            warc_date(first),
            http_headers=http,
            warc_headers_dict=warc,
        )
    return writer.create_warc_record(
        capture.url,
        "response",
        payload=BytesIO(capture.body),
        length=len(capture.body),
        http_headers=http,
        warc_headers_dict=warc,
    )


def _warcinfo(writer: WARCWriter, warc: WarcFile) -> object:
    fields = b"software: replica.webarchive\r\nformat: WARC File Format 1.0\r\nisPartOf: lavusta-replica\r\n"
    headers = {
        "WARC-Date": warc_date(warc.captures[0]),
        "WARC-Filename": warc.name,
        "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, warc.name)}>",
    }
    return writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(fields),
        length=len(fields),
        warc_content_type="application/warc-fields",
        warc_headers_dict=headers,
    )


@cache
def built() -> tuple[tuple[WarcFile, bytes, tuple[Stored, ...]], ...]:
    """Each WARC file's bytes and where its captures' records are in it."""
    found = []
    for warc in warc_files():
        writer = WARCWriter(BytesIO(), gzip=True)
        writer.write_record(_warcinfo(writer, warc))
        stored = []
        for capture in warc.captures:
            writer.write_record(_request(writer, capture))
            start = writer.out.tell()
            writer.write_record(_response(writer, capture))
            stored.append(Stored(capture, warc.name, start, writer.out.tell() - start))
        found.append((warc, writer.out.getvalue(), tuple(stored)))
    return tuple(found)


def stored() -> list[Stored]:
    """Every capture's record, across the files."""
    return [entry for _, _, entries in built() for entry in entries]


def write_warcs(folder: Path) -> list[Path]:
    """Write the WARC files into ``folder`` (created if needed); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for warc, data, _ in built():
        path = folder / warc.name
        path.write_bytes(data)
        paths.append(path)
    return paths
