"""Write the run's records into ``ARCHIVE_DIR`` without ever leaving it half-updated.

During the run, records stream to a staging folder through Scrapy's JSON Lines
exporter; when the spider closes they are merged into the archive: one record per
article and per page (the newest), earlier versions of a changed article kept in
``versions.jsonl``, removed articles marked (never deleted), visitor snapshots
appended as history. Each archive file is replaced atomically, so a failed or killed
run leaves the archive as it was; the staging folder of a killed run is merged by
the next run, so nothing it fetched is lost.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections import Counter
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exporters import JsonLinesItemExporter

from pipelines import store
from scraper.items import RECORD_FILES, Article, Page, Removal, Visitors
from scraper.state import StateStore

logger = logging.getLogger(__name__)

STAGING = ".staging"
STAGED_FILES: dict[type, str] = {**RECORD_FILES, Removal: "removals"}
VERSIONS = "versions.jsonl"
STATE = "state.sqlite"
# What an article says; a change in any of these is a new version.
CONTENT_FIELDS = ("title_raw", "body_raw", "category_raw", "published", "byline", "images", "attachments")


def content_hash(record: Article | Page) -> str:
    content = {name: getattr(record, name, None) for name in CONTENT_FIELDS}
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _merge_articles(old: dict[str, Any], new: list[dict], removals: list[dict], counts: Counter) -> list[dict]:
    """Newest record per article; a changed one gets the next version, the old one goes to versions."""
    earlier: list[dict] = []
    for record in sorted(new, key=lambda r: r.get("fetched_at") or ""):
        before = old.get(record["url"])
        if before is None:
            record.update(version=1, version_seen=record["fetched_at"], first_seen=record["fetched_at"])
            counts["new"] += 1
        elif before.get("content_hash") != record.get("content_hash"):
            earlier.append({**before, "seen_until": record["fetched_at"]})
            record.update(version=before.get("version", 1) + 1, version_seen=record["fetched_at"])
            record["first_seen"] = before.get("first_seen")
            counts["changed"] += 1
        else:
            record.update(version=before.get("version", 1), version_seen=before.get("version_seen"))
            record["first_seen"] = before.get("first_seen")
            counts["unchanged"] += 1
        record["removed_at"] = None
        old[record["url"]] = record
    for removal in removals:
        record = old.get(removal["url"])
        if record is not None and not record.get("removed_at"):
            record["removed_at"] = removal["removed_at"]
            counts["removed"] += 1
    counts["earlier_versions"] = len(earlier)
    return earlier


def merge_into_archive(archive: Path, staged: dict[type, Path]) -> dict[str, int]:
    """Merge staged record files into ``archive``; return counts of records and of changes."""
    counts: Counter[str] = Counter()
    new = {cls: list(store.read_jsonl(path)) for cls, path in staged.items() if path.exists()}
    for cls, name in RECORD_FILES.items():
        target = archive / f"{name}.jsonl"
        if not new.get(cls) and not (cls is Article and new.get(Removal)):
            counts[name] = sum(1 for _ in store.read_jsonl(target))
            continue
        old = list(store.read_jsonl(target))
        if cls is Visitors:
            records = list({(r.get("fetched_at"), r.get("url")): r for r in [*old, *new[cls]]}.values())
        else:
            latest = {r["url"]: r for r in old}
            if cls is Article:
                earlier = _merge_articles(latest, new.get(cls, []), new.get(Removal, []), counts)
                if earlier:
                    versions = archive / VERSIONS
                    store.write_jsonl(versions, [*store.read_jsonl(versions), *earlier])
            else:
                latest.update(store.latest_by(new[cls], "url"))
            records = sorted(latest.values(), key=lambda r: (r.get("cms_id") or 0, r["url"]))
        store.write_jsonl(target, records)
        if cls is not Page:
            store.write_csv(archive / f"{name}.csv", records, {f.name: f.metadata["csv"] for f in fields(cls)})
        counts[name] = len(records)
    return dict(counts)


class ArchivePipeline:
    """Stage each record as it comes; merge them into the archive at the end."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.archive = Path(crawler.settings.get("ARCHIVE_DIR", "output"))
        run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.staging = self.archive / STAGING / run_id
        self.files: dict[type, IO[bytes]] = {}
        self.exporters: dict[type, JsonLinesItemExporter] = {}
        self.state: StateStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.recover_killed_runs()
        self.staging.mkdir(parents=True, exist_ok=True)
        self.state = StateStore(self.archive / STATE)

    def recover_killed_runs(self) -> None:
        """Merge what a killed run staged: it was fetched, so it belongs in the archive.

        Only one run works on an archive at a time (the crawl command holds a lock), so
        any staging folder found now was left by a run that did not finish.
        """
        for folder in sorted((self.archive / STAGING).glob("*")) if (self.archive / STAGING).exists() else []:
            staged = {cls: folder / f"{name}.jsonl" for cls, name in STAGED_FILES.items()}
            merge_into_archive(self.archive, staged)
            for rejected in folder.glob("*.rejected"):
                keep = self.archive / "rejected" / f"{folder.name}-{rejected.name}"
                keep.parent.mkdir(exist_ok=True)
                rejected.rename(keep)
            shutil.rmtree(folder)
            self.crawler.stats.inc_value("archive/recovered_runs")
            logger.warning("Merged the records of an unfinished run from %s", folder)

    def _exporter(self, cls: type) -> JsonLinesItemExporter:
        if cls not in self.exporters:
            fh = (self.staging / f"{STAGED_FILES[cls]}.jsonl").open("ab")
            self.files[cls] = fh
            self.exporters[cls] = JsonLinesItemExporter(fh, encoding="utf-8", ensure_ascii=False)
            self.exporters[cls].start_exporting()
        return self.exporters[cls]

    def process_item(self, item: Any) -> Any:
        cls = type(item)
        if cls not in STAGED_FILES:
            return item
        if cls in (Article, Page):
            item.content_hash = content_hash(item)
        self._exporter(cls).export_item(item)
        self.files[cls].flush()
        self.crawler.stats.inc_value(f"archive/staged_{STAGED_FILES[cls]}")
        if cls in (Article, Page):
            kind = "article" if cls is Article else "page"
            self.state.seen(item.url, item.fetched_at, status=200, kind=kind, content_hash=item.content_hash)
        elif cls is Removal:
            self.state.removed(item.url, item.removed_at)
        return item

    def close_spider(self) -> None:
        for cls, exporter in self.exporters.items():
            exporter.finish_exporting()
            self.files[cls].close()
        staged = {cls: self.staging / f"{STAGED_FILES[cls]}.jsonl" for cls in self.exporters}
        counts = merge_into_archive(self.archive, staged)
        for name, n in counts.items():
            key = f"archive/total_{name}" if name in RECORD_FILES.values() else f"articles/{name}"
            self.crawler.stats.set_value(key, n)
        shutil.rmtree(self.staging)
        if not any((self.archive / STAGING).iterdir()):
            (self.archive / STAGING).rmdir()
        if self.state is not None:
            self.state.close()
