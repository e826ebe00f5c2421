"""Every response, with its request, into WARC 1.1 files (warcio), as the server sent it.

The capture middleware sits next to the downloader, before Scrapy decompresses
bodies or follows redirects, so a record holds the body bytes as received and
every redirect and error page too. Files are gzip per record, rotated at a size,
and each opens with a ``warcinfo`` record naming the software and its settings.
A file being written ends in ``.open``; it is renamed when closed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import __version__

logger = logging.getLogger(__name__)

# Settings recorded in each warcinfo record: what shaped the crawl.
RECORDED_SETTINGS = (
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY",
    "AUTOTHROTTLE_ENABLED",
    "DOWNLOAD_TIMEOUT",
    "RETRY_TIMES",
)
# Scrapy has already undone the chunking; replaying the header would corrupt the body.
DROPPED_TRANSFER_HEADERS = (b"Transfer-Encoding",)


def _headers(headers: Any) -> list[tuple[str, str]]:
    """Scrapy's headers as (name, value) pairs, one per value, in the order received."""
    pairs = []
    for name, values in headers.items():
        for value in values:
            pairs.append((name.decode("latin-1"), value.decode("latin-1")))
    return pairs


class WarcFiles:
    """Appends records to ``<dir>/<prefix>-<time>-<serial>.warc.gz``, rotating at ``max_size`` bytes."""

    def __init__(self, folder: Path, prefix: str, max_size: int, info: dict[str, str]) -> None:
        self.folder, self.prefix, self.max_size, self.info = folder, prefix, max_size, info
        self.started = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        self.serial = 0
        self.fh: IO[bytes] | None = None
        self.writer: WARCWriter | None = None
        self.path: Path | None = None
        self.written: list[Path] = []

    def _open(self) -> WARCWriter:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.serial += 1
        name = f"{self.prefix}-{self.started}-{self.serial:05d}.warc.gz"
        self.path = self.folder / name
        self.fh = (self.folder / (name + ".open")).open("wb")
        self.writer = WARCWriter(self.fh, gzip=True, warc_version="1.1")
        self.writer.write_record(self.writer.create_warcinfo_record(name, self.info))
        return self.writer

    def write_pair(self, make: Callable[[WARCWriter], tuple[Any, Any]]) -> None:
        """Write the request and response records ``make(writer)`` builds; rotate first if full."""
        if self.fh is not None and self.fh.tell() >= self.max_size:
            self.close()
        writer = self.writer or self._open()
        writer.write_request_response_pair(*make(writer))
        self.fh.flush()

    def close(self) -> None:
        if self.fh is None:
            return
        self.fh.close()
        (self.folder / (self.path.name + ".open")).rename(self.path)
        self.written.append(self.path)
        self.fh = self.writer = self.path = None


def salvage(unfinished: Path) -> Path:
    """Close a file a killed run left open: keep its complete records, drop a cut last one."""
    good = 0
    with unfinished.open("rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                record.content_stream().read()
                good = records.get_record_offset() + records.get_record_length()
        except Exception as exc:  # a cut gzip member or record: everything before it is kept
            logger.warning("%s: dropping a cut record after byte %d (%s)", unfinished.name, good, exc)
    with unfinished.open("r+b") as fh:
        fh.truncate(good)
    closed = unfinished.with_name(unfinished.name.removesuffix(".open"))
    unfinished.rename(closed)
    return closed


class WarcCaptureMiddleware:
    """Downloader middleware: records each request and the response the server gave it."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("ARCHIVE_WARC_ENABLED", True):
            raise NotConfigured
        self.stats = crawler.stats
        info = {
            "software": f"lavusta-archiver/{__version__} (Scrapy)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "operator": settings.get("ARCHIVER_CONTACT") or "unset (ARCHIVER_CONTACT)",
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "start-url": getattr(crawler.spider, "start_url", "") if crawler.spider else "",
        }
        info.update({f"setting-{name}": str(settings.get(name)) for name in RECORDED_SETTINGS})
        self.files = WarcFiles(
            Path(settings.get("ARCHIVE_DIR", "output")) / "warc",
            settings.get("ARCHIVE_WARC_PREFIX", "lavusta"),
            settings.getint("ARCHIVE_WARC_MAX_SIZE", 1_000_000_000),
            info,
        )
        for unfinished in sorted(self.files.folder.glob("*.warc.gz.open")):
            logger.warning("Closing %s, left open by a run that did not finish", salvage(unfinished).name)
        crawler.signals.connect(self.files.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        # One timestamp for the WARC record and the page's records, so re-extraction
        # from the WARC files gives the same ``fetched_at``.
        fetched_at = datetime.now(UTC).replace(microsecond=0)
        request.meta["fetched_at"] = fetched_at.isoformat()
        self.files.write_pair(lambda writer: self.records(writer, request, response, fetched_at))
        self.stats.inc_value("warc/records", 2)
        return response

    @staticmethod
    def records(writer: WARCWriter, request: Request, response: Response, when: datetime) -> tuple[Any, Any]:
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = [("Host", parts.netloc), *_headers(request.headers)]
        request_line = f"{request.method} {target} HTTP/1.1"
        warc_date = {"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")}
        req = writer.create_warc_record(
            request.url,
            "request",
            payload=BytesIO(request.body),
            length=len(request.body),  # known: warcio then buffers no temporary file
            http_headers=StatusAndHeaders(request_line, request_headers, is_http_request=True),
            warc_headers_dict=warc_date,
        )
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        headers = [(k, v) for k, v in _headers(response.headers) if k.encode() not in DROPPED_TRANSFER_HEADERS]
        resp = writer.create_warc_record(
            response.url,
            "response",
            payload=BytesIO(response.body),
            length=len(response.body),  # known: warcio then buffers no temporary file
            http_headers=StatusAndHeaders(
                f"{response.status} {reason}".strip(), headers, protocol=response.protocol or "HTTP/1.1"
            ),
            warc_headers_dict=warc_date,
        )
        return req, resp
