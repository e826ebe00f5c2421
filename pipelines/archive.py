"""Write the run's records into ``ARCHIVE_DIR`` without ever leaving it half-updated.

During the run, records stream to a staging folder through Scrapy's JSON Lines
exporter; when the spider closes they are merged into the archive: one record per
article and per page (the newest), earlier versions of a changed article kept in
``versions.jsonl``, removed articles marked (never deleted), visitor snapshots
appended as history. Each archive file is replaced atomically, so a failed or killed
run leaves the archive as it was; the staging folder of a killed run, or of a run
whose merge failed, is merged by the next run (``scraper.recover``), so nothing it
fetched is lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
import sqlite3
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exporters import JsonLinesItemExporter

from pipelines import store
from scraper.items import RECORD_FILES, Article, Page, Removal, Visitors
from scraper.runs import require_lock
from scraper.state import StateStore

Record = dict[str, Any]

logger = logging.getLogger(__name__)

STAGING = ".staging"
STAGED_FILES: dict[type, str] = {**RECORD_FILES, Removal: "removals"}
VERSIONS = "versions.jsonl"
STATE = "state.sqlite"
# What an article says; a change in any of these is a new version.
CONTENT_FIELDS = ("title_raw", "body_raw", "category_raw", "published", "byline", "images", "attachments")


# ``json.dumps(content, ensure_ascii=False, sort_keys=True)``, one encoder for every record: the same bytes,
# so the same hashes as every archive before it holds.
_CONTENT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def content_hash(record: Article | Page) -> str:
    content = {name: getattr(record, name, None) for name in CONTENT_FIELDS}
    return hashlib.sha256(_CONTENT_JSON(content).encode()).hexdigest()


def observed(record: Record) -> str:
    """When a record's copy shows the page: its capture time for a web-archive copy, else its fetch time.

    Histories are ordered by this, so a capture from 2021 imported today takes its place in 2021.
    """
    if record.get("fetched_from") == "web-archive" and record.get("captured_at"):
        return record["captured_at"]
    return record.get("fetched_at") or ""


class _Staged:
    """Where each URL's staged records lie in a staging file: offsets and sort keys only, kept in a
    temporary SQLite file (deleted when closed), so a run's memory does not grow with its records."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db = sqlite3.connect("")  # a private temporary database on disk
        # One row per staged record: when it was observed, its line number (a later line wins a tie),
        # its offset, and its place in the record file (cms_id clamped to SQLite's 64 bits).
        self.db.execute(
            "CREATE TABLE lines (url TEXT, observed TEXT, number INTEGER, offset INTEGER, cms INTEGER, key TEXT)"
        )
        if path is None:
            return
        rows = (
            (record["url"], observed(record), number, offset, *_sortable(_order(record)))
            for number, (offset, record) in enumerate(store.jsonl_lines(path))
            if isinstance(record.get("url"), str)
        )
        self.db.executemany("INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.db.execute("CREATE INDEX by_url ON lines (url, observed, number)")

    def __contains__(self, url: object) -> bool:
        return self.db.execute("SELECT 1 FROM lines WHERE url = ? LIMIT 1", (url,)).fetchone() is not None

    def __bool__(self) -> bool:
        return self.db.execute("SELECT 1 FROM lines LIMIT 1").fetchone() is not None

    def _newest(self, url: str) -> tuple[str, int, int, int]:
        query = "SELECT observed, offset, cms, key FROM lines WHERE url = ? ORDER BY observed DESC, number DESC LIMIT 1"
        return self.db.execute(query, (url,)).fetchone()

    def earliest(self, url: str) -> str:
        query = "SELECT observed FROM lines WHERE url = ? ORDER BY observed, number LIMIT 1"
        return self.db.execute(query, (url,)).fetchone()[0]

    def records(self, url: str) -> list[Record]:
        """The URL's staged records, oldest observation first (a later line wins a tie)."""
        query = "SELECT offset FROM lines WHERE url = ? ORDER BY observed, number"
        return [store.record_at(self.path, offset) for (offset,) in self.db.execute(query, (url,)).fetchall()]

    def latest(self, url: str) -> Record:
        return store.record_at(self.path, self._newest(url)[1])

    def in_order(self) -> Iterator[tuple[tuple[int, str], str]]:
        """Each staged URL once, with the place of its newest record in the record file, in that order."""
        query = """SELECT cms, key, url FROM lines AS l WHERE number = (
                       SELECT number FROM lines WHERE url = l.url ORDER BY observed DESC, number DESC LIMIT 1)
                   ORDER BY cms, key, url"""
        for cms, key, url in self.db.execute(query):
            yield (cms, key), url

    def close(self) -> None:
        self.db.close()


def _sortable(order: tuple[int, str]) -> tuple[int, str]:
    cms, key = order
    return max(min(cms, 2**63 - 1), -(2**63)), key


def _order(record: Record) -> tuple[int, str]:
    """Records files are sorted by article id, then URL (a hand-edited record may lack either)."""
    cms, url = record.get("cms_id"), record.get("url")
    return (cms if isinstance(cms, int) and not isinstance(cms, bool) else 0, url if isinstance(url, str) else "")


def _next_version(before: Record, record: Record, counts: Counter) -> Record | None:
    """``record`` as the next state of ``before``; the earlier version it ends, if it changed."""
    if before.get("content_hash") != record.get("content_hash"):
        record.update(version=before.get("version", 1) + 1, version_seen=observed(record))
        record["first_seen"] = before.get("first_seen")
        counts["changed"] += 1
        return {**before, "seen_until": observed(record)}
    record.update(version=before.get("version", 1), version_seen=before.get("version_seen"))
    record["first_seen"] = before.get("first_seen")
    counts["unchanged"] += 1
    return None


def _merged_article(before: Record | None, staged: list[Record], counts: Counter, earlier: list[Record]) -> Record:
    """The newest state of one article after this run's fetches; every version it ended goes to ``earlier``."""
    current = before
    for record in staged:
        if current is None:
            record.update(version=1, version_seen=observed(record), first_seen=observed(record))
            counts["new"] += 1
        elif (ended := _next_version(current, record, counts)) is not None:
            earlier.append(ended)
        record["removed_at"] = None
        current = record
    return current


def _rebuilt_article(
    before: Record, history: list[Record], staged: list[Record], counts: Counter
) -> tuple[Record, list[Record]]:
    """An article's versions made again in time order, when copies older than its newest were imported.

    Every copy known (each earlier version's first and last sighting, the current record,
    the staged copies) is put in time order; consecutive copies with the same content are
    one version, seen from its first copy, and kept as its latest copy.
    """
    sightings: list[tuple[str, int, Record]] = []
    for known in [*history, before]:
        sightings.append((known.get("version_seen") or observed(known), 0, known))
        sightings.append((observed(known), 0, known))
    sightings += [(observed(record), 1, record) for record in staged]
    sightings.sort(key=lambda s: (s[0], s[1]))
    runs: list[tuple[str, Record]] = []  # (first seen, latest copy)
    for when, _, record in sightings:
        if runs and runs[-1][1].get("content_hash") == record.get("content_hash"):
            latest = runs[-1][1] if observed(runs[-1][1]) > observed(record) else record
            runs[-1] = (runs[-1][0], latest)
        else:
            runs.append((when, record))
    first_seen = runs[0][0]
    versions = []
    for number, (since, record) in enumerate(runs, start=1):
        version = {**record, "version": number, "version_seen": since, "first_seen": first_seen}
        version.pop("seen_until", None)
        if number < len(runs):
            version["seen_until"] = runs[number][0]
        versions.append(version)
    current = versions.pop()
    gone = before.get("removed_at")
    current["removed_at"] = gone if gone and gone > observed(current) else None
    grown = len(runs) - (len(history) + 1)
    if grown > 0:
        counts["changed"] += grown
    else:
        counts["unchanged"] += 1
    return current, versions


class _Merge:
    """One record file merged with what a run staged, streamed: old file in, new file out."""

    def __init__(
        self, cls: type, target: Path, staged: _Staged, removals: dict[str, list[Record]], counts: Counter
    ) -> None:
        self.cls, self.target, self.staged, self.removals, self.counts = cls, target, staged, removals, counts
        self.earlier: list[Record] = []
        self.rebuilt: set[str] = set()  # URLs whose earlier versions are all written anew
        self._history: dict[str, list[int]] | None = None

    def history(self, url: str) -> list[Record]:
        """The earlier versions kept for ``url``, oldest first (an index of the staged URLs' lines, made once)."""
        path = self.target.parent / VERSIONS
        if self._history is None:
            self._history = {}
            for offset, record in store.jsonl_lines(path):
                if record.get("url") in self.staged:
                    self._history.setdefault(record["url"], []).append(offset)
        found = [store.record_at(path, offset) for offset in self._history.get(url, [])]
        return sorted({r.get("version"): r for r in found}.values(), key=lambda r: r.get("version") or 0)

    def merged(self, before: Record | None, url: str) -> Record:
        if self.cls is Article and before is not None and self.staged.earliest(url) < observed(before):
            record, versions = _rebuilt_article(before, self.history(url), self.staged.records(url), self.counts)
            self.rebuilt.add(url)
            self.earlier += versions
        elif self.cls is Article:
            record = _merged_article(before, self.staged.records(url), self.counts, self.earlier)
        else:
            record = self.staged.latest(url)
            if before is not None and observed(before) > observed(record):
                record = before  # an old capture of a page does not replace a newer copy
        if self.cls is Article:
            self.mark_removed(record)
        return record

    def mark_removed(self, record: Record) -> None:
        """Mark an article not yet marked with the first removal seen after its latest copy."""
        if record.get("removed_at"):
            return
        latest = observed(record)
        seen_gone = (r.get("removed_at") or "" for r in self.removals.get(record.get("url"), []))
        after = [when for when in seen_gone if when > latest]
        if after:
            record["removed_at"] = min(after)
            self.counts["removed"] += 1

    def records(self) -> Iterator[Record]:
        """The merged file's records in order: the old file's, with new URLs slotted in by their order."""
        in_old = {url for url in store.jsonl_urls(self.target) if url in self.staged}
        waiting = ((order, url) for order, url in self.staged.in_order() if url not in in_old)
        pending = next(waiting, None)
        for before in store.read_jsonl(self.target):
            url = before.get("url")
            while pending is not None and pending[0] < _order(before):
                yield self.merged(None, pending[1])
                pending = next(waiting, None)
            if url in self.staged:
                yield self.merged(before, url)
            elif self.cls is Article and url in self.removals:
                self.mark_removed(before)
                yield before
            else:
                yield before
        while pending is not None:
            yield self.merged(None, pending[1])
            pending = next(waiting, None)


def _known_versions(path: Path, urls: dict[str, Any]) -> set[tuple[str, Any]]:
    """(url, version) of the earlier versions already kept for these URLs: a merge run twice adds none twice."""
    return {(r.get("url"), r.get("version")) for r in store.read_jsonl(path) if r.get("url") in urls}


def _write_versions(archive: Path, earlier: list[Record], known: set[tuple[str, Any]], rebuilt: set[str]) -> int:
    """Append the new earlier versions; the URLs whose history was rebuilt get all of theirs anew."""
    fresh = [r for r in earlier if r.get("url") in rebuilt or (r.get("url"), r.get("version")) not in known]
    if fresh or rebuilt:
        path = archive / VERSIONS
        with store.replacing(path) as (tmp,), tmp.open("w", encoding="utf-8") as out:
            if path.exists() and not rebuilt:
                with path.open(encoding="utf-8") as old:
                    shutil.copyfileobj(old, out)
            elif path.exists():
                with path.open(encoding="utf-8") as old:
                    out.writelines(line for line in old if not _line_of(line, rebuilt))
            out.writelines(store.jsonl_line(r) for r in fresh)
    return len([r for r in fresh if (r.get("url"), r.get("version")) not in known])


def _line_of(line: str, urls: set[str]) -> bool:
    """Whether a JSON line is a record of one of ``urls`` (a line that is no record is kept as it is)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and record.get("url") in urls


def _merge_records(
    archive: Path, cls: type, staged: _Staged, removals: dict[str, list[Record]], counts: Counter
) -> int:
    """Merge one record file; its CSV is written in the same pass. Returns how many records it holds.

    Earlier versions of changed articles are written first and only once per (URL,
    version), so a run killed between the two writes merges again without duplicates.
    """
    name = RECORD_FILES[cls]
    target = archive / f"{name}.jsonl"
    merge = _Merge(cls, target, staged, removals, counts)
    paths = [target] if cls is Page else [target, archive / f"{name}.csv"]
    written = 0
    with store.replacing(*paths) as temps, contextlib.ExitStack() as files:
        out = files.enter_context(temps[0].open("w", encoding="utf-8"))
        table = None
        if cls is not Page:
            columns = [f.name for f in fields(cls)]
            table = store.CsvWriter(files.enter_context(temps[1].open("w", encoding="utf-8", newline="")), columns)
        for record in merge.records():
            out.write(store.jsonl_line(record))
            if table is not None:
                table.write(record)
            written += 1
        if merge.earlier or merge.rebuilt:
            known = _known_versions(archive / VERSIONS, {r["url"]: None for r in merge.earlier})
            counts["earlier_versions"] += _write_versions(archive, merge.earlier, known, merge.rebuilt)
    return written


def _append_history(archive: Path, staged: _Staged) -> int:
    """Visitor snapshots in time order: the old ones with the new slotted in; one per (time, url), the last staged wins.

    A snapshot's time is when its copy shows the page (``observed``), so a counter read from a
    2021 capture imported today sits in 2021.
    """
    name = RECORD_FILES[Visitors]
    target = archive / f"{name}.jsonl"
    new: dict[tuple[str, str], Record] = {}
    for _, record in store.jsonl_lines(staged.path):
        new[(observed(record), str(record.get("url")))] = record
    waiting = deque(sorted(new))
    written = 0
    columns = [f.name for f in fields(Visitors)]
    with (
        store.replacing(target, archive / f"{name}.csv") as (tmp, tmp_csv),
        tmp.open("w", encoding="utf-8") as out,
        tmp_csv.open("w", encoding="utf-8", newline="") as table_fh,
    ):
        table = store.CsvWriter(table_fh, columns)

        def write(record: Record) -> None:
            nonlocal written
            out.write(store.jsonl_line(record))
            table.write(record)
            written += 1

        for record in store.read_jsonl(target):
            key = (observed(record), str(record.get("url")))
            while waiting and waiting[0] < key:
                write(new.pop(waiting.popleft()))
            write(new.pop(key, record))
            if waiting and waiting[0] == key:
                waiting.popleft()
        for key in waiting:
            write(new[key])
    return written


def merge_into_archive(archive: Path, staged: dict[type, Path]) -> dict[str, int]:
    """Merge staged record files into ``archive``; return counts of records and of changes.

    Streamed: the archive's files are read and written a record at a time, and only
    the staged records' offsets are held, so a small run costs little on a big archive.
    """
    counts: Counter[str] = Counter()
    present = {cls: path for cls, path in staged.items() if path.exists()}
    removals: dict[str, list[Record]] = {}
    for removal in store.read_jsonl(present[Removal]) if Removal in present else ():
        removals.setdefault(removal.get("url"), []).append(removal)
    for cls, name in RECORD_FILES.items():
        target = archive / f"{name}.jsonl"
        new = _Staged(present.get(cls))
        try:
            if not new and not (cls is Article and removals):
                counts[name] = store.count_lines(target)
            elif cls is Visitors:
                counts[name] = _append_history(archive, new)
            else:
                counts[name] = _merge_records(archive, cls, new, removals if cls is Article else {}, counts)
        finally:
            new.close()
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
        require_lock(Path(crawler.settings.get("ARCHIVE_DIR", "output")), "the archive pipeline")
        return cls(crawler)

    def open_spider(self) -> None:
        self.staging.mkdir(parents=True, exist_ok=True)
        self.state = StateStore(self.archive / STATE)

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
            if item.fetched_from == "web-archive":
                self.state.captured(item.url, item.captured_at, kind=kind, content_hash=item.content_hash)
            else:
                self.state.seen(item.url, item.fetched_at, status=200, kind=kind, content_hash=item.content_hash)
        elif cls is Removal:
            self.state.removed(item.url, item.removed_at)
        return item

    def close_spider(self) -> None:
        """Merge the staged records; if the archive cannot be written, keep them staged and fail the run."""
        try:
            for cls, exporter in self.exporters.items():
                exporter.finish_exporting()
                self.files[cls].close()
            staged = {cls: self.staging / f"{STAGED_FILES[cls]}.jsonl" for cls in self.exporters}
            counts = merge_into_archive(self.archive, staged)
        except Exception as exc:  # whatever stops the merge, the records stay staged for the next run
            reason = f"the archive could not be written ({exc!r}); this run's records stay in {self.staging}"
            self.crawler.stats.set_value("archive/write_failed", reason)
            logger.error("Archive not updated: %s", reason)
            return
        finally:
            if self.state is not None:
                self.state.close()
        for name, n in counts.items():
            key = f"archive/total_{name}" if name in RECORD_FILES.values() else f"articles/{name}"
            self.crawler.stats.set_value(key, n)
        shutil.rmtree(self.staging)
        if not any((self.archive / STAGING).iterdir()):
            (self.archive / STAGING).rmdir()
