"""``python -m scraper reextract ARCHIVE_DIR``: the record files rebuilt from the WARC files alone.

Every response the crawl received is in ``ARCHIVE_DIR/warc/``, so improved parsers
can be run over the past, offline. Each run's responses are replayed through the
crawl's own steps (``parse_page``, normalize, validate, the media pipeline's
``media`` and ``errors``, the content hash) with the WARC record's date as
``fetched_at``, and merged with ``merge_into_archive`` run after run, oldest first,
so versions and removals come out as the crawl made them. The rebuilt files then
replace the archive's record files, one atomic rename each; ``warc/``, ``media/``,
``runs/`` and ``state.sqlite`` are left alone.

Bodies are read as stored (the raw stream) and decoded by Scrapy's own
HttpCompressionMiddleware with the size limits the run recorded in its warcinfo
record, so each response gives the body, the response class and the drops the crawl
got, and a decompression bomb is given up a chunk past the limit, never held whole.

A ``*.warc.gz.open`` file is one a killed run left (the archive lock rules out a
running crawl): its complete records are read, as the next crawl would salvage them.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

from scrapy import Request
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.utils.project import get_project_settings
from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from pipelines import store
from pipelines.archive import STAGED_FILES, VERSIONS, content_hash, merge_into_archive
from pipelines.media import media_entry, media_name
from pipelines.normalize import normalize_record
from pipelines.validate import flag
from scraper.items import Article, Page, Removal, Visitors
from scraper.origin import refusal
from scraper.parsers.page import parse_page
from scraper.parsers.urls import canonical_url
from scraper.runs import EXIT_LOCKED, ArchiveLock

# lavusta-<start>-<serial>.warc.gz: the files of one run share the start time.
WARC_NAME = re.compile(r"-(?P<start>\d{14}(?:\d{6})?)-\d+\.warc\.gz(?:\.open)?$")
# What the spider reads as a removal of a known article (see PortalSpider.revisited).
REMOVED_STATUSES = (404, 410)
# Redirects RedirectMiddleware follows before HttpCompressionMiddleware sees the response.
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# The crawl's settings that decide how a response is decoded (recorded in each warcinfo record).
DECODING_SETTINGS = ("COMPRESSION_ENABLED", "DOWNLOAD_MAXSIZE", "DOWNLOAD_WARNSIZE")
# The files the merge writes; each replaces the archive's copy, or the copy is removed.
REBUILT = ("articles.jsonl", "articles.csv", "pages.jsonl", "visitors.jsonl", "visitors.csv", VERSIONS)


@dataclass
class Captured:
    """One response record, decoded as the crawl decoded it: what the spider and the media pipeline saw."""

    fetched_at: str
    response: Response

    @property
    def url(self) -> str:
        return self.response.url

    @property
    def status(self) -> int:
        return self.response.status

    @property
    def body(self) -> bytes:
        return self.response.body

    def header(self, name: str) -> str | None:
        value = self.response.headers.get(name)
        return value.decode("latin-1") if value else None

    def is_page(self) -> bool:
        """A 2xx HTML answer with a body: what the spider parses."""
        return 200 <= self.status < 300 and isinstance(self.response, HtmlResponse) and bool(self.body.strip())


@dataclass
class Dropped:
    """A response the crawl dropped before its spider saw it: larger than DOWNLOAD_MAXSIZE, decoded or not."""

    url: str
    reason: str


@dataclass
class WarcInfo:
    """What a file's warcinfo record says: the run's start URL and the settings it recorded."""

    start_url: str
    settings: dict[str, str]

    @classmethod
    def parse(cls, text: str) -> WarcInfo:
        fields = dict(line.partition(":")[::2] for line in text.splitlines() if ":" in line)
        fields = {name.strip(): value.strip() for name, value in fields.items()}
        recorded = {name[8:]: value for name, value in fields.items() if name.startswith("setting-")}
        return cls(fields.get("start-url", ""), recorded)


class Decoder:
    """Undoes Content-Encoding with Scrapy's own HttpCompressionMiddleware and the crawl's size limits.

    The limits are those the warcinfo record says the run had, else the project's
    settings, so a response gives the body, the response class and the drops the crawl got.
    """

    def __init__(self, recorded: dict[str, str]) -> None:
        settings = Settings()
        settings.setmodule("scraper.settings", priority="project")
        settings.setdict({name: recorded[name] for name in DECODING_SETTINGS if name in recorded}, priority="cmdline")
        self.max_size = settings.getint("DOWNLOAD_MAXSIZE")
        crawler = SimpleNamespace(settings=settings, stats=None, signals=SignalManager())
        try:
            self.middleware: HttpCompressionMiddleware | None = HttpCompressionMiddleware.from_crawler(crawler)
        except NotConfigured:
            self.middleware = None

    def response(self, url: str, status: int, headers: Headers, body: bytes) -> Response:
        """The response the spider got; IgnoreRequest when the crawl dropped it for its size."""
        if self.max_size and len(body) > self.max_size:
            raise IgnoreRequest(f"{len(body)} B is larger than DOWNLOAD_MAXSIZE ({self.max_size} B)")
        response = responsetypes.from_args(headers=headers, url=url, body=body)(
            url=url, status=status, headers=headers, body=body
        )
        if self.middleware is None or (status in REDIRECT_STATUSES and b"Location" in headers):
            return response  # RedirectMiddleware takes a redirect before it is decoded
        return self.middleware.process_response(Request(url), response)


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


def read_warc(path: Path) -> Iterator[WarcInfo | Captured | Dropped]:
    """Each warcinfo record, and every response as the crawl decoded it, in file order.

    Payloads are read from the raw stream, at most DOWNLOAD_MAXSIZE + 1 bytes, and
    decoded by Scrapy with that limit: a decompression bomb is never held whole.
    """
    if path.name.endswith(".open"):
        print(f"reextract: {path.name} was left open by a killed run; reading its complete records", file=sys.stderr)
    decoder = Decoder({})
    with path.open("rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type == "warcinfo":
                    info = WarcInfo.parse(record.raw_stream.read().decode("utf-8", "replace"))
                    decoder = Decoder(info.settings)
                    yield info
                elif record.rec_type == "response" and record.http_headers is not None:
                    yield captured(record, decoder)
        except Exception as exc:
            if not path.name.endswith(".open"):
                raise
            print(f"reextract: {path.name}: a record cut by a killed run is left out ({exc})", file=sys.stderr)


def captured(record: ArcWarcRecord, decoder: Decoder) -> Captured | Dropped:
    """One response record through the crawl's decoding."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    headers = Headers()
    for name, value in record.http_headers.headers:  # a header sent twice keeps both values
        headers.appendlist(name.encode("latin-1"), value.encode("latin-1"))
    body = record.raw_stream.read(decoder.max_size + 1 if decoder.max_size else None)
    try:
        response = decoder.response(url, int(record.http_headers.get_statuscode() or 0), headers, body)
    except IgnoreRequest as exc:
        return Dropped(url, str(exc))
    return Captured(fetched_at=_iso(record.rec_headers.get_header("WARC-Date")), response=response)


def media_outcome(response: Captured | Dropped) -> dict[str, str] | str:
    """What the media pipeline made of a download: the stored file's entry, or its error's text.

    The same text as ``ArchiveMediaPipeline`` gives: a dropped download's message, the
    HTTP status of a refused one, "empty-content" for an empty body.
    """
    if isinstance(response, Dropped):
        return response.reason
    if response.status != 200:
        return f"http_{response.status}"
    if not response.body:
        return "empty-content"
    return media_entry(response.url, media_name(response.body, response.url))


def finish(record: Article | Page, media: dict[str, dict[str, str] | str], start_url: str, hosts: set[str]) -> None:
    """The crawl's pipelines on one record: normalize, validate, media, content hash.

    A file the crawl never asked for (off the start URL's origin, ``hosts`` being
    ARCHIVE_MEDIA_HOSTS) gets the crawl's reason.
    """
    normalize_record(record)
    flag(record)
    if isinstance(record, Article):
        for url in dict.fromkeys(record.images + record.attachments):
            refused = refusal(url, start_url, hosts, is_media=True)
            outcome = refused or media.get(Request(url).url, "not in the WARC files")
            if isinstance(outcome, str):
                record.errors.append(f"media-failed: {url}: {outcome}")
            else:
                record.media.append(outcome)
    record.content_hash = content_hash(record)


def rebuild(runs: list[list[Path]], folder: Path) -> dict[str, int]:
    """Replay every run into ``folder``'s record files; counts of files, parsed responses and records."""
    media: dict[str, dict[str, str] | str] = {}  # URL → the newest download's outcome so far
    hosts = {host.lower() for host in get_project_settings().getlist("ARCHIVE_MEDIA_HOSTS")}
    counts = {"files": 0, "parsed": 0, "dropped": 0}
    for number, files in enumerate(runs):
        run = Run()
        for path in files:
            counts["files"] += 1
            for item in read_warc(path):
                if isinstance(item, WarcInfo):
                    run.start_url = run.start_url or item.start_url or None
                    continue
                media[item.url] = media_outcome(item)
                if isinstance(item, Dropped):
                    counts["dropped"] += 1
                    continue
                run.take(item)
        counts["parsed"] += run.parsed
        staging = folder / f"run-{number}"
        staging.mkdir()
        records: dict[type, list] = {Article: run.articles, Page: run.pages, Removal: run.removals}
        records[Visitors] = [run.visitors] if run.visitors else []
        for record in run.articles + run.pages:
            finish(record, media, run.start_url or "", hosts)
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


def shrinks(rebuilt: Path, archive: Path) -> str:
    """What the rebuilt record files would lose against the archive's, in words; empty when nothing.

    An article or page the archive holds must be among the rebuilt ones, whatever
    else the rebuild found; earlier versions and visitor snapshots must not be fewer.
    """
    lost = []
    for name, noun in (("articles.jsonl", "articles"), ("pages.jsonl", "pages")):
        rebuilt_urls = set(store.jsonl_urls(rebuilt / name))
        missing = [url for url in store.jsonl_urls(archive / name) if url not in rebuilt_urls]
        if missing:
            lost.append(f"no record of {len(missing)} {noun} the archive holds (such as {missing[0]})")
    for name, noun in ((VERSIONS, "earlier versions"), ("visitors.jsonl", "visitor snapshots")):
        before, after = store.count_lines(archive / name), store.count_lines(rebuilt / name)
        if after < before:
            lost.append(f"{after} {noun} where the archive holds {before}")
    return " and ".join(lost)


def main(archive: Path, force: bool = False) -> int:
    """Rebuild the record files of ``archive``; print one summary line.

    A rebuild that parsed no page at all replaces nothing: it would only empty the
    archive. Nor does one that gives fewer articles or pages than the archive holds
    (pages in no WARC file, or responses it could not read), unless ``force``.
    """
    # Scrapy's middleware logs each drop; the summary line counts them.
    logging.getLogger(HttpCompressionMiddleware.__module__).setLevel(logging.ERROR)
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
            lost = shrinks(work, archive)
            if lost and not force:
                print(
                    f"reextract: the WARC files give {lost}; archive unchanged (--force replaces it)", file=sys.stderr
                )
                return 1
            swap_in(work, archive)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        lock.release()
    dropped = f", {counts['dropped']} responses dropped as too large, as the crawl did" if counts["dropped"] else ""
    print(
        f"reextract: {counts['files']} WARC files read, {counts['parsed']} responses parsed: "
        f"{counts.get('articles', 0)} articles, {counts.get('pages', 0)} pages, "
        f"{counts.get('visitors', 0)} visitor snapshots{dropped}"
    )
    return 0
