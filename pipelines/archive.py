"""Write the run's records into ``ARCHIVE_DIR`` without ever leaving it half-updated.

During the run, records stream to a staging folder through Scrapy's JSON Lines
exporter; when the spider closes they are merged into the archive: one record per
article and per page (the newest), visitor snapshots appended as history. Each
archive file is replaced atomically, so a failed or killed run leaves the archive
as it was.
"""

from __future__ import annotations

import shutil
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exporters import JsonLinesItemExporter

from pipelines import store
from scraper.items import RECORD_FILES, Page, Visitors

STAGING = ".staging"


def merge_into_archive(archive: Path, staged: dict[type, Path]) -> dict[str, int]:
    """Merge staged record files into ``archive``; return the record count of each file."""
    counts: dict[str, int] = {}
    for cls, name in RECORD_FILES.items():
        target = archive / f"{name}.jsonl"
        new = list(store.read_jsonl(staged[cls])) if staged.get(cls) else []
        if not new:
            counts[name] = sum(1 for _ in store.read_jsonl(target))
            continue
        old = store.read_jsonl(target)
        if cls is Visitors:
            seen = set()
            records = []
            for record in [*old, *new]:
                key = (record.get("fetched_at"), record.get("url"))
                if key not in seen:
                    seen.add(key)
                    records.append(record)
        else:
            latest = store.latest_by([*old, *new], "url")
            records = sorted(latest.values(), key=lambda r: (r.get("cms_id") or 0, r["url"]))
        columns = {f.name: f.metadata["csv"] for f in fields(cls)}
        store.write_jsonl(target, records)
        if cls is not Page:
            store.write_csv(archive / f"{name}.csv", records, columns)
        counts[name] = len(records)
    return counts


class ArchivePipeline:
    """Stage each record as it comes; merge them into the archive at the end."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.archive = Path(crawler.settings.get("ARCHIVE_DIR", "output"))
        run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.staging = self.archive / STAGING / run_id
        self.files: dict[type, IO[bytes]] = {}
        self.exporters: dict[type, JsonLinesItemExporter] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.staging.mkdir(parents=True, exist_ok=True)

    def _exporter(self, cls: type) -> JsonLinesItemExporter:
        if cls not in self.exporters:
            fh = (self.staging / f"{RECORD_FILES[cls]}.jsonl").open("ab")
            self.files[cls] = fh
            self.exporters[cls] = JsonLinesItemExporter(fh, encoding="utf-8", ensure_ascii=False)
            self.exporters[cls].start_exporting()
        return self.exporters[cls]

    def process_item(self, item: Any) -> Any:
        if type(item) in RECORD_FILES:
            self._exporter(type(item)).export_item(item)
            self.files[type(item)].flush()
            self.crawler.stats.inc_value(f"archive/{RECORD_FILES[type(item)]}")
        return item

    def close_spider(self) -> None:
        for cls, exporter in self.exporters.items():
            exporter.finish_exporting()
            self.files[cls].close()
        staged = {cls: self.staging / f"{RECORD_FILES[cls]}.jsonl" for cls in self.exporters}
        counts = merge_into_archive(self.archive, staged)
        for name, n in counts.items():
            self.crawler.stats.set_value(f"archive/total_{name}", n)
        shutil.rmtree(self.staging)
        if not any((self.archive / STAGING).iterdir()):
            (self.archive / STAGING).rmdir()
