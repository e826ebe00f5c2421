"""Every response, with its request, into WARC 1.1 files (warcio), as the server sent it.

The capture middleware sits next to the downloader, before Scrapy decompresses
bodies or follows redirects, so a record holds the body bytes as received and
every redirect and error page too. Files are gzip per record, rotated at a size,
and each opens with a ``warcinfo`` record naming the software and its settings.
A file being written ends in ``.open``; it is renamed when closed.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import zlib
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
from scrapy.utils.defer import deferred_from_coro
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import __version__
from scraper.runs import require_lock

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
    "COMPRESSION_ENABLED",
    "DOWNLOAD_MAXSIZE",
    "DOWNLOAD_WARNSIZE",
)
# The headers every WARC record has (WARC 1.1, section 5), and how each record ends.
MANDATORY_HEADERS = ("WARC-Record-ID", "Content-Length", "WARC-Date", "WARC-Type")
RECORD_END = b"\r\n\r\n"
# Headers longer than this are no WARC record's; payloads are read this much at a time.
MAX_HEADER_BYTES = 1 << 20
CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b\x08"
# Scrapy has already undone the chunking; replaying the header would corrupt the body.
DROPPED_TRANSFER_HEADERS = (b"Transfer-Encoding",)


def _headers(headers: Any) -> list[tuple[str, str]]:
    """Scrapy's headers as (name, value) pairs, one per value, in the order received."""
    pairs = []
    for name, values in headers.items():
        for value in values:
            pairs.append((name.decode("latin-1"), value.decode("latin-1")))
    return pairs


def close_name(unfinished: Path, closed: Path) -> None:
    """Give a finished file its closed name; never replace a file already under that name."""
    try:
        os.link(unfinished, closed)  # fails with FileExistsError where rename would replace
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if closed.exists():
            raise FileExistsError(17, "a WARC file of that name exists", str(closed)) from None
        unfinished.rename(closed)
        return
    unfinished.unlink()


class WarcFiles:
    """Appends records to ``<dir>/<prefix>-<time>-<serial>.warc.gz``, rotating at ``max_size`` bytes."""

    def __init__(self, folder: Path, prefix: str, max_size: int, info: dict[str, str]) -> None:
        self.folder, self.prefix, self.max_size, self.info = folder, prefix, max_size, info
        # To the microsecond: a run started in the same second as the last must not take its names.
        self.started = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        self.serial = 0
        self.fh: IO[bytes] | None = None
        self.writer: WARCWriter | None = None
        self.path: Path | None = None
        self.written: list[Path] = []

    def _open(self) -> WARCWriter:
        """The next file, under a name no file has: closing it must never replace another."""
        self.folder.mkdir(parents=True, exist_ok=True)
        while True:
            self.serial += 1
            name = f"{self.prefix}-{self.started}-{self.serial:05d}.warc.gz"
            if (self.folder / name).exists():
                continue
            try:
                self.fh = (self.folder / (name + ".open")).open("xb")
            except FileExistsError:
                continue
            break
        self.path = self.folder / name
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
        close_name(self.folder / (self.path.name + ".open"), self.path)
        self.written.append(self.path)
        self.fh = self.writer = self.path = None


class RecordCheck:
    """Checks the decompressed bytes of one gzip member, as they stream in, as one whole WARC record.

    Only the WARC framing is judged (WARC 1.1, section 4-6): the version line, the
    mandatory headers, a block of exactly Content-Length bytes followed by CRLF CRLF,
    and the WARC-Block-Digest when there is one. The HTTP payload is never decoded.
    """

    def __init__(self) -> None:
        self.head = bytearray()
        self.length: int | None = None
        self.seen = 0
        self.tail = bytearray()
        self.digest: Any = None
        self.expected: str | None = None

    def feed(self, data: bytes) -> None:
        if self.length is None:
            self.head += data
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                if len(self.head) > MAX_HEADER_BYTES:
                    raise ValueError("no end to the WARC headers")
                return
            self.start_block(bytes(self.head[:end]))
            data = bytes(self.head[end + 4 :])
            self.head.clear()
        block = data[: self.length - self.seen]
        self.seen += len(block)
        if self.digest is not None:
            self.digest.update(block)
        self.tail += data[len(block) :]
        if len(self.tail) > len(RECORD_END):
            raise ValueError("more than one record in a gzip member")

    def start_block(self, head: bytes) -> None:
        lines = head.decode("utf-8", "replace").split("\r\n")
        if lines[0] not in ("WARC/1.0", "WARC/1.1"):
            raise ValueError(f"not a WARC record: {lines[0][:40]!r}")
        headers = {}
        for line in lines[1:]:
            name, colon, value = line.partition(":")
            if colon:
                headers[name.strip().lower()] = value.strip()
        missing = [name for name in MANDATORY_HEADERS if name.lower() not in headers]
        if missing or not headers.get("content-length", "").isdigit():
            raise ValueError(f"WARC headers missing or wrong: {missing or ['Content-Length']}")
        self.length = int(headers["content-length"])
        algorithm, _, self.expected = headers.get("warc-block-digest", "").partition(":")
        if algorithm.lower() in ("md5", "sha1", "sha256", "sha512"):
            self.digest = hashlib.new(algorithm.lower())

    def finish(self) -> None:
        if self.length is None or self.seen != self.length:
            raise ValueError("the record's block is shorter than its Content-Length")
        if bytes(self.tail) != RECORD_END:
            raise ValueError("the record does not end with CRLF CRLF")
        if self.digest is not None and not _same_digest(self.expected or "", self.digest.digest()):
            raise ValueError("WARC-Block-Digest does not match the block")


def _same_digest(expected: str, actual: bytes) -> bool:
    """A labelled digest in base 32 (as warcio and most tools write it) or in hex."""
    value = expected.strip()
    return value.upper().rstrip("=") == base64.b32encode(actual).decode().rstrip("=") or value.lower() == actual.hex()


def record_end(fh: IO[bytes], start: int) -> int:
    """Where the gzip member at ``start`` ends, if it is complete and holds one whole WARC record.

    The member is inflated a chunk at a time, so a bomb in a payload costs no memory;
    zlib checks the member's CRC-32 and length (RFC 1952). Raises ValueError otherwise.
    """
    fh.seek(start)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    check = RecordCheck()
    read = 0
    try:
        while not inflater.eof:
            tail = inflater.unconsumed_tail
            data = tail or fh.read(CHUNK)
            read += 0 if tail else len(data)
            out = inflater.decompress(data, CHUNK)
            if not data and not out:
                raise ValueError("the gzip member is cut short")
            check.feed(out)
    except zlib.error as exc:
        raise ValueError(f"broken gzip member: {exc}") from exc
    check.finish()
    return start + read - len(inflater.unused_data)


def complete_prefix(fh: IO[bytes], size: int) -> tuple[int, str]:
    """How many bytes from the start are complete records, and what is wrong with the next one."""
    good = 0
    while good < size:
        try:
            good = record_end(fh, good)
        except ValueError as exc:
            return good, str(exc)
    return good, ""


def complete_record_after(fh: IO[bytes], offset: int, size: int) -> int | None:
    """The offset of a complete record that starts after ``offset``, if any (found by its gzip magic)."""
    position = offset + 1
    while position < size:
        fh.seek(position)
        window = fh.read(CHUNK + len(GZIP_MAGIC) - 1)
        found = window.find(GZIP_MAGIC)
        if found < 0:
            position += CHUNK
            continue
        try:
            record_end(fh, position + found)
            return position + found
        except ValueError:
            position += found + 1
    return None


def salvage(unfinished: Path) -> Path:
    """Close a file a killed run left open: keep its complete records, drop a cut last one.

    A record is judged by its WARC framing alone, never by decoding its HTTP payload,
    and the file is never cut short of a complete record: when a damaged record is
    followed by complete ones, the file is closed whole.
    """
    size = unfinished.stat().st_size
    with unfinished.open("rb") as fh:
        good, problem = complete_prefix(fh, size)
        later = complete_record_after(fh, good, size) if good < size else None
    if later is not None:
        logger.warning(
            "%s: damaged record at byte %d (%s), complete ones follow: kept whole", unfinished.name, good, problem
        )
    elif good < size:
        logger.warning("%s: dropping a cut record after byte %d (%s)", unfinished.name, good, problem)
        with unfinished.open("r+b") as fh:
            fh.truncate(good)
    closed = unfinished.with_name(unfinished.name.removesuffix(".open"))
    close_name(unfinished, closed)
    return closed


class WarcCaptureMiddleware:
    """Downloader middleware: records each request and the response the server gave it."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("ARCHIVE_WARC_ENABLED", True):
            raise NotConfigured
        require_lock(Path(settings.get("ARCHIVE_DIR", "output")), "WARC capture")
        self.crawler = crawler
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
        self.failed: str | None = None
        self.closing: Any = None
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        return cls(crawler)

    def close(self) -> None:
        try:
            self.files.close()
        except OSError as exc:
            self.write_failed(exc)

    def write_failed(self, exc: OSError) -> None:
        """A response that cannot be kept raw is a loss: the run fails, and stops rather than lose more."""
        self.stats.inc_value("warc/write_failed")
        if self.failed is None:
            self.failed = f"the WARC files could not be written ({exc})"
            self.stats.set_value("archive/write_failed", self.failed)
            logger.error("Stopping: %s", self.failed)
            engine = self.crawler.engine
            if engine is not None and engine.running and engine.spider is not None:
                self.closing = deferred_from_coro(engine.close_spider_async(reason="archive-unwritable"))

    def process_response(self, request: Request, response: Response) -> Response:
        # One timestamp for the WARC record and the page's records, so re-extraction
        # from the WARC files gives the same ``fetched_at``.
        fetched_at = datetime.now(UTC).replace(microsecond=0)
        request.meta["fetched_at"] = fetched_at.isoformat()
        try:
            self.files.write_pair(lambda writer: self.records(writer, request, response, fetched_at))
        except OSError as exc:
            self.write_failed(exc)
            return response
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
