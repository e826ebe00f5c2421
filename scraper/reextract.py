"""``python -m scraper reextract ARCHIVE_DIR``: the record files rebuilt from the WARC files alone.

Every response the crawl received is in ``ARCHIVE_DIR/warc/``, so improved parsers
can be run over the past, offline. Each run's responses are replayed through the
crawl's own steps (``parse_page``, normalize, validate, the media pipeline's
``media`` and ``errors``, the content hash) with the WARC record's date as
``fetched_at``, and merged with ``merge_into_archive`` run after run, oldest first,
so versions and removals come out as the crawl made them. The rebuilt files then
replace the archive's record files, one atomic rename each; ``warc/``, ``media/``,
``runs/`` and ``state.sqlite`` are left alone.

A ``*.warc.gz.open`` file is one a killed run left (the archive lock rules out a
running crawl): its complete records are read, as the next crawl would salvage them.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes
from warcio.archiveiterator import ArchiveIterator

from pipelines import store
from pipelines.archive import STAGED_FILES, VERSIONS, content_hash, merge_into_archive
from pipelines.media import media_entry, media_name
from pipelines.normalize import normalize_record
from pipelines.validate import problems
from scraper.items import Article, Page, Removal, Visitors
from scraper.parsers.page import parse_page
from scraper.parsers.urls import canonical_url
from scraper.runs import EXIT_LOCKED, ArchiveLock

# lavusta-<start>-<serial>.warc.gz: the files of one run share the start time.
WARC_NAME = re.compile(r"-(?P<start>\d{14})-\d+\.warc\.gz(?:\.open)?$")
# What the spider reads as a removal of a known article (see PortalSpider.revisited).
REMOVED_STATUSES = (404, 410)
# The files the merge writes; each replaces the archive's copy, or the copy is removed.
REBUILT = ("articles.jsonl", "articles.csv", "pages.jsonl", "visitors.jsonl", "visitors.csv", VERSIONS)


@dataclass
class Captured:
    """One response record: what the spider and the media pipeline would have seen."""

    url: str
    status: int
    fetched_at: str
    headers: Headers
    body: bytes

    def header(self, name: str) -> str | None:
        value = self.headers.get(name)
        return value.decode("latin-1") if value else None

    def is_page(self) -> bool:
        """A 2xx answer Scrapy would make an HtmlResponse of, with a body: the spider parses it."""
        kind = responsetypes.from_args(headers=self.headers, url=self.url, body=self.body)
        return 200 <= self.status < 300 and issubclass(kind, HtmlResponse) and bool(self.body.strip())


@dataclass
class Run:
    """The records one crawl run gave, rebuilt from what it received."""

    start_url: str | None = None
    visitors: Visitors | None = None
    articles: list[Article] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    parsed: int = 0

    def is_start(self, url: str) -> bool:
        return self.start_url is not None and canonical_url(url) == canonical_url(self.start_url)

    def take(self, response: Captured) -> None:
        location = response.header("Location")
        if 300 <= response.status < 400 and location and self.is_start(response.url):
            self.start_url = urljoin(response.url, location)  # the start request was redirected
        if response.status in REMOVED_STATUSES:
            self.removed(canonical_url(response.url), response, f"http-{response.status}")
        if not response.is_page():
            return
        parsed = parse_page(response.body, response.url, response.fetched_at, response.header("Content-Type"))
        self.parsed += 1
        # Without a start-url in the warcinfo, the run's first page stands for the start page.
        if self.visitors is None and (self.start_url is None or self.is_start(response.url)):
            self.visitors = parsed.visitors
        if parsed.article is not None:
            self.articles.append(parsed.article)
        elif parsed.page is not None:
            self.pages.append(parsed.page)
        elif parsed.kind == "missing":
            self.removed(parsed.url, response, "tin-khong-ton-tai")

    def removed(self, url: str, response: Captured, reason: str) -> None:
        """Marks ``url`` removed; the merge ignores it unless an archived article has that URL."""
        self.removals.append(Removal(url=url, removed_at=response.fetched_at, reason=reason))


def warc_runs(folder: Path) -> list[list[Path]]:
    """The WARC files in name order, grouped by the run that wrote them."""
    runs: dict[str, list[Path]] = {}
    for path in sorted([*folder.glob("*.warc.gz"), *folder.glob("*.warc.gz.open")]):
        match = WARC_NAME.search(path.name)
        runs.setdefault(match["start"] if match else path.name, []).append(path)
    return list(runs.values())


def _iso(warc_date: str) -> str:
    """WARC-Date (``…Z``) as the records write dates: ISO 8601 with +00:00."""
    return datetime.fromisoformat(warc_date).astimezone(UTC).isoformat()


def read_warc(path: Path) -> Iterator[str | Captured]:
    """The start-url of each warcinfo record, and every response, in file order."""
    if path.name.endswith(".open"):
        print(f"reextract: {path.name} was left open by a killed run; reading its complete records", file=sys.stderr)
    with path.open("rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type == "warcinfo":
                    info = record.content_stream().read().decode("utf-8", "replace")
                    yield next((line[10:].strip() for line in info.splitlines() if line.startswith("start-url:")), "")
                elif record.rec_type == "response" and record.http_headers is not None:
                    # content_stream() undoes the Content-Encoding, as Scrapy's HttpCompressionMiddleware
                    # does; the header goes too, or Scrapy's type guess would not see HTML.
                    kept = [(k, v) for k, v in record.http_headers.headers if k.lower() != "content-encoding"]
                    yield Captured(
                        url=record.rec_headers.get_header("WARC-Target-URI"),
                        status=int(record.http_headers.get_statuscode() or 0),
                        fetched_at=_iso(record.rec_headers.get_header("WARC-Date")),
                        headers=Headers([(k.encode("latin-1"), v.encode("latin-1")) for k, v in kept]),
                        body=record.content_stream().read(),
                    )
        except Exception as exc:
            if not path.name.endswith(".open"):
                raise
            print(f"reextract: {path.name}: a record cut by a killed run is left out ({exc})", file=sys.stderr)


def media_outcome(response: Captured) -> dict[str, str] | str:
    """What the media pipeline made of a download: the stored file's entry, or its error."""
    if response.status != 200:
        return "download-error"
    if not response.body:
        return "empty-content"
    return media_entry(response.url, media_name(response.body, response.url))


def finish(record: Article | Page, media: dict[str, dict[str, str] | str]) -> None:
    """The crawl's pipelines on one record: normalize, validate, media, content hash."""
    normalize_record(record)
    record.errors += [p for p in problems(record) if p not in record.errors]
    if isinstance(record, Article):
        for url in dict.fromkeys(record.images + record.attachments):
            outcome = media.get(Request(url).url, "not in the WARC files")
            if isinstance(outcome, str):
                record.errors.append(f"media-failed: {url}: {outcome}")
            else:
                record.media.append(outcome)
    record.content_hash = content_hash(record)


def rebuild(runs: list[list[Path]], folder: Path) -> dict[str, int]:
    """Replay every run into ``folder``'s record files; counts of files, parsed responses and records."""
    media: dict[str, dict[str, str] | str] = {}  # URL → the newest download's outcome so far
    counts = {"files": 0, "parsed": 0}
    for number, files in enumerate(runs):
        run = Run()
        for path in files:
            counts["files"] += 1
            for item in read_warc(path):
                if isinstance(item, str):
                    run.start_url = run.start_url or item or None
                    continue
                media[item.url] = media_outcome(item)
                run.take(item)
        counts["parsed"] += run.parsed
        staging = folder / f"run-{number}"
        staging.mkdir()
        records: dict[type, list] = {Article: run.articles, Page: run.pages, Removal: run.removals}
        records[Visitors] = [run.visitors] if run.visitors else []
        for record in run.articles + run.pages:
            finish(record, media)
        staged = {cls: staging / f"{STAGED_FILES[cls]}.jsonl" for cls, items in records.items() if items}
        for cls, path in staged.items():
            store.write_jsonl(path, (asdict(r) for r in records[cls]))
        counts.update(merge_into_archive(folder, staged))
        shutil.rmtree(staging)
    return counts


def swap_in(rebuilt: Path, archive: Path) -> None:
    """Each record file replaces the archive's with one rename; one the rebuild did not make goes."""
    for name in REBUILT:
        if (rebuilt / name).exists():
            os.replace(rebuilt / name, archive / name)
        else:
            (archive / name).unlink(missing_ok=True)


def main(archive: Path) -> int:
    """Rebuild the record files of ``archive``; print one summary line.

    A rebuild that parsed no page at all replaces nothing: it would only empty the archive.
    """
    runs = warc_runs(archive / "warc")
    if not runs:
        print(f"reextract: no WARC files in {archive / 'warc'}; nothing to rebuild", file=sys.stderr)
        return 1
    lock = ArchiveLock(archive)
    if not lock.acquire():
        print(f"reextract: another run is working on {archive} ({lock.holder()}); not started", file=sys.stderr)
        return EXIT_LOCKED
    try:
        work = Path(tempfile.mkdtemp(prefix=".reextract-", dir=archive))
        try:
            counts = rebuild(runs, work)
            if not counts["parsed"]:
                print(f"reextract: no page in {archive / 'warc'} could be parsed; archive unchanged", file=sys.stderr)
                return 1
            swap_in(work, archive)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        lock.release()
    print(
        f"reextract: {counts['files']} WARC files read, {counts['parsed']} responses parsed: "
        f"{counts.get('articles', 0)} articles, {counts.get('pages', 0)} pages, "
        f"{counts.get('visitors', 0)} visitor snapshots"
    )
    return 0
