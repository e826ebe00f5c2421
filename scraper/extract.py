"""``python -m scraper extract``: the crawl's parsers on pages saved to disk.

Saved pages, web-archive copies and pages of earlier designs go through the very
functions the spider uses, so their records match the crawl's.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from pipelines.archive import content_hash
from pipelines.normalize import normalize_record
from pipelines.validate import flag
from scraper.parsers.address import stated_url
from scraper.parsers.document import Document, load
from scraper.parsers.page import parse_document


def _located(body: bytes, url: str | None, fallback: str, content_type: str | None) -> tuple[Document, str]:
    """The page and its address: ``url`` when given, else the one the page states, else ``fallback``.

    The page is parsed once: a stated address only changes what its links resolve against,
    and a saved file keeps its own address for the files saved beside it.
    """
    doc = load(body, url or fallback, content_type)
    stated = None if url else stated_url(doc.head)
    if stated is None:
        return doc, url or fallback
    base = urljoin(stated, doc.head.base_href) if doc.head.base_href else stated
    return replace(doc, base_url=base, saved_at=fallback or None), stated


def read(
    body: bytes, url: str | None = None, content_type: str | None = None, fallback: str = "", *, pipelines: bool = True
) -> dict[str, Any]:
    """The record a page's bytes hold, as a dict with its ``kind``.

    Without ``url`` the page's own address is used (web-archive toolbar, canonical
    link, ``og:url``, ``<base>``), so its links and images resolve as on the site.
    Every page carries its widget numbers under ``visitors``, its header clock and
    capture time; a list page or a removed article also gives its tab's name as
    ``category``, with empty ``authors``, ``images`` and ``related``. ``content_hash`` is
    computed as the crawl computes it. With ``pipelines=False`` only the parsers run (the
    crawl's parse step): every field read from the page is the same, while the normalized
    copies (``title``, ``body``, ``category``), ``normalized``, ``flags`` and ``content_hash``
    stay as the parsers leave them.
    """
    doc, url = _located(body, url, fallback, content_type)
    parsed = parse_document(doc, url)
    record = parsed.article or parsed.page
    visitors = dict(vars(parsed.visitors))
    shown = {"page_clock": visitors.pop("page_clock"), "captured_at": visitors.pop("captured_at")}
    del visitors["url"], visitors["fetched_at"]
    out: dict[str, Any] = {"kind": parsed.kind, "url": parsed.url}
    out |= {"category": parsed.category, "category_raw": parsed.category}
    out |= {"authors": [], "images": [], "related": [], **shown}
    if record is not None:
        if pipelines:
            normalize_record(record)
            flag(record)
            record.content_hash = content_hash(record)
        out |= vars(record)  # flat fields: a copy of the record's own dict, no deep copy
    out["visitors"] = visitors
    return out


def extract_file(path: Path, url: str | None = None) -> dict[str, Any]:
    """The record a saved page holds (see ``read``); the file's own address is the last resort."""
    return read(path.read_bytes(), url, fallback=path.resolve().as_uri())


def main(files: list[str], urls: list[str]) -> int:
    """Print one JSON object per file; a file that cannot be read is reported and skipped."""
    if urls and len(urls) not in (1, len(files)):
        print("extract: give --url once, or once per file", file=sys.stderr)
        return 2
    status = 0
    for i, name in enumerate(files):
        url = urls[i] if len(urls) == len(files) else (urls[0] if urls else None)
        try:
            record = extract_file(Path(name), url)
        except OSError as exc:
            print(f"extract: {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        print(json.dumps(record, ensure_ascii=False))
    return status
