"""Body images and attachments, downloaded with Scrapy's FilesPipeline into ``ARCHIVE_DIR/media/``.

Files are content-addressed: ``media/<sha256[:2]>/<sha256><.ext>``, so the same file
linked from many articles is stored once and a file's name is its checksum. The
downloads pass through the same downloader middlewares as pages, so they are in the
WARC files too. A URL already stored is not downloaded again until ``FILES_EXPIRES``.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.pipelines.files import FilesPipeline
from scrapy.pipelines.media import FileException, MediaPipeline
from twisted.python.failure import Failure

from scraper.faults import fault_kind
from scraper.items import Article
from scraper.runs import require_lock
from scraper.state import StateStore

MEDIA = "media"
SAFE_EXTENSION = re.compile(r"^\.[a-z0-9]{1,8}$")


def media_name(body: bytes, url: str) -> str:
    """``ab/abcd….ext``: the SHA-256 of the content, with the URL's extension when it is a plain one."""
    digest = hashlib.sha256(body).hexdigest()
    extension = PurePosixPath(urlsplit(url).path).suffix.lower()
    return f"{digest[:2]}/{digest}{extension if SAFE_EXTENSION.match(extension) else ''}"


def media_entry(url: str, name: str) -> dict[str, str]:
    """What an article record says of one stored file."""
    return {"url": url, "path": f"{MEDIA}/{name}", "sha256": PurePosixPath(name).name.split(".")[0]}


def failure_text(failure: Failure | BaseException) -> str:
    """Why a download failed: the exception's message, or its name when it has none."""
    error = failure.value if isinstance(failure, Failure) else failure
    return str(error) or type(error).__name__


class ArchiveMediaPipeline(FilesPipeline):
    def __init__(self, store_uri: str, *, crawler: Crawler) -> None:
        super().__init__(store_uri, crawler=crawler)
        self.archive = Path(crawler.settings.get("ARCHIVE_DIR", "output"))
        self.media_hosts = set(crawler.settings.getlist("ARCHIVE_MEDIA_HOSTS"))
        self.state: StateStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveMediaPipeline:
        require_lock(Path(crawler.settings.get("ARCHIVE_DIR", "output")), "the media pipeline")
        cls._update_stores(crawler.settings)
        return cls(str((Path(crawler.settings.get("ARCHIVE_DIR", "output")) / MEDIA).resolve()), crawler=crawler)

    def open_spider(self) -> None:
        super().open_spider()
        self.state = StateStore(self.archive / "state.sqlite")

    def close_spider(self) -> None:
        if self.state is not None:
            self.state.close()

    def get_media_requests(self, item: Any, info: MediaPipeline.SpiderInfo) -> list[Request]:
        """One request per file; files on the hosts of ``ARCHIVE_MEDIA_HOSTS`` may leave the start host."""
        if not isinstance(item, Article) or item.fetched_from != "live":
            return []  # a capture's files are the web archive's own captures, not fetched here
        return [
            Request(url, callback=NO_CALLBACK, meta={"allow_offsite": urlsplit(url).hostname in self.media_hosts})
            for url in dict.fromkeys(item.images + item.attachments)
        ]

    def file_path(
        self, request: Request, response: Response | None = None, info: Any = None, *, item: Any = None
    ) -> str:
        if response is not None:
            return media_name(response.body, request.url)
        # Asked before downloading: a URL stored before is found where it was put.
        known = self.state.media_path(request.url) if self.state else None
        return known or f"unknown/{hashlib.sha1(request.url.encode()).hexdigest()}"

    async def media_downloaded(
        self, response: Response, request: Request, info: MediaPipeline.SpiderInfo, *, item: Any = None
    ) -> dict[str, Any]:
        """Scrapy's download, but a refused file names its HTTP status, not only "download-error"."""
        try:
            return await super().media_downloaded(response, request, info, item=item)
        except FileException as exc:
            if response.status != 200:
                raise FileException(f"http_{response.status}") from exc
            raise

    def media_failed(self, failure: Failure, request: Request, info: MediaPipeline.SpiderInfo) -> Any:
        """The exception says why: a refused file's reason as given, else which fault it was.

        Scrapy hands a refused file (media_downloaded raised, and logged it) here too.
        """
        if failure.check(FileException):
            failure.raiseException()
        try:
            return super().media_failed(failure, request, info)
        except FileException as exc:
            if failure.check(IgnoreRequest):
                raise
            raise FileException(f"{fault_kind(failure.value)}: {failure.value}") from exc

    def item_completed(self, results: list[tuple[bool, Any]], item: Any, info: MediaPipeline.SpiderInfo) -> Any:
        if not isinstance(item, Article) or item.fetched_from != "live":
            return item
        when = datetime.now(UTC).isoformat(timespec="seconds")
        item.media = []
        # Scrapy gives the results in the order of get_media_requests: the same URLs, in that order.
        for url, (ok, result) in zip(dict.fromkeys(item.images + item.attachments), results, strict=True):
            if not ok:
                item.errors.append(f"media-failed: {url}: {failure_text(result)}")
                continue
            self.state.media_stored(result["url"], result["path"], when)
            item.media.append(media_entry(result["url"], result["path"]))
        return item
