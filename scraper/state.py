"""What the archive has seen of every URL, in SQLite (standard library): the memory of incremental runs.

One row per URL: when it was first and last seen, its last status, the validators
the server gave (ETag, Last-Modified), the hash of its content, what kind of page it
was, and when an article was found removed. Rows are written as pages are archived,
so a run that is killed leaves a state that matches the archive.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from scraper.parsers.urls import cms_id

SCHEMA = """
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    kind TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    last_status INTEGER,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    removed_at TEXT
);
-- What is due for a revisit is found without reading every row: an incremental run's cost
-- (time, and SQLite's page cache) stays the same as the archive grows.
CREATE INDEX IF NOT EXISTS urls_due ON urls (last_seen) WHERE removed_at IS NULL;
CREATE TABLE IF NOT EXISTS media (
    url TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS captures (
    capture_url TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    digest TEXT,
    status INTEGER,
    outcome TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS captures_by_digest ON captures (url, digest);
CREATE INDEX IF NOT EXISTS captures_by_time ON captures (url, timestamp);
CREATE TABLE IF NOT EXISTS linked (
    cms_id INTEGER PRIMARY KEY
)
"""


@dataclass
class Seen:
    url: str
    kind: str | None
    first_seen: str
    last_seen: str
    last_status: int | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    removed_at: str | None


class StateStore:
    """A small wrapper over the ``urls`` table; every write is committed at once."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        # WAL with NORMAL sync survives a killed process; only a power cut may lose the last rows,
        # which the next run then fetches again.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def get(self, url: str) -> Seen | None:
        row = self.db.execute(f"SELECT {', '.join(Seen.__dataclass_fields__)} FROM urls WHERE url = ?", (url,))
        found = row.fetchone()
        return Seen(*found) if found else None

    def seen(
        self,
        url: str,
        when: str,
        *,
        status: int,
        kind: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        content_hash: str | None = None,
    ) -> None:
        """Record a fetch; fields given as None keep what was known.

        An article stays an article whatever the URL answers later (a maintenance notice,
        a list): the archive holds its record, and only as an article can it be marked removed.
        """
        self.db.execute(
            """INSERT INTO urls (url, kind, first_seen, last_seen, last_status, etag, last_modified, content_hash)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET
                 kind = CASE WHEN kind = 'article' THEN kind ELSE COALESCE(excluded.kind, kind) END,
                 last_seen = excluded.last_seen,
                 last_status = excluded.last_status, etag = COALESCE(excluded.etag, etag),
                 last_modified = COALESCE(excluded.last_modified, last_modified),
                 content_hash = COALESCE(excluded.content_hash, content_hash),
                 removed_at = CASE WHEN excluded.last_status = 200 AND excluded.kind IS NOT NULL
                                   AND excluded.kind != 'missing'
                                   AND (kind IS NOT 'article' OR excluded.kind = 'article')
                              THEN NULL ELSE removed_at END""",
            (url, kind, when, when, status, etag, last_modified, content_hash),
        )

    def validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep the server's ETag and Last-Modified for the next conditional request."""
        self.db.execute(
            """INSERT INTO urls (url, first_seen, last_seen, etag, last_modified) VALUES (?, '', '', ?, ?)
               ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified""",
            (url, etag, last_modified),
        )

    def holds(self, kind: str) -> bool:
        """Whether any URL of this kind is known."""
        return self.db.execute("SELECT 1 FROM urls WHERE kind = ? LIMIT 1", (kind,)).fetchone() is not None

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM urls LIMIT 1").fetchone() is None

    def known(self, url: str) -> bool:
        return self.get(url) is not None

    def due(self, kinds: tuple[str, ...], older_than: str) -> list[str]:
        """URLs of these kinds, not removed, last seen before ``older_than``: to check again."""
        marks = ", ".join("?" * len(kinds))
        # Sorted here, not by SQL: an ORDER BY url makes SQLite scan the whole table in url order
        # rather than read only the due rows through ``urls_due``.
        rows = self.db.execute(
            f"SELECT url FROM urls WHERE kind IN ({marks}) AND removed_at IS NULL AND last_seen < ?",
            (*kinds, older_than),
        )
        return sorted(url for (url,) in rows)

    def media_path(self, url: str) -> str | None:
        """Where a media file downloaded from ``url`` was stored, relative to the media folder."""
        row = self.db.execute("SELECT path FROM media WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def media_stored(self, url: str, path: str, when: str) -> None:
        self.db.execute(
            "INSERT INTO media (url, path, fetched_at) VALUES (?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET path = excluded.path, fetched_at = excluded.fetched_at",
            (url, path, when),
        )

    def removed(self, url: str, when: str) -> bool:
        """Mark ``url`` removed; False when it was already marked (the first date stays) or seen since.

        A web archive's 404 from years ago says nothing of a page seen online after it.
        """
        cursor = self.db.execute(
            "UPDATE urls SET removed_at = ? WHERE url = ? AND removed_at IS NULL AND last_seen <= ?", (when, url, when)
        )
        return cursor.rowcount == 1

    def captured(self, url: str, when: str, *, kind: str, content_hash: str | None) -> None:
        """Record a web-archive capture of ``url`` taken at ``when``.

        The live crawl's memory is left alone (status, validators): a capture is no fetch,
        so a page known only from web archives is due for a live check. ``first_seen`` and
        ``last_seen`` widen to the capture's time; ISO UTC strings of one form compare in time order.
        """
        self.db.execute(
            """INSERT INTO urls (url, kind, first_seen, last_seen, content_hash) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET
                 kind = CASE WHEN kind = 'article' THEN kind ELSE COALESCE(excluded.kind, kind) END,
                 first_seen = MIN(first_seen, excluded.first_seen),
                 last_seen = MAX(last_seen, excluded.last_seen),
                 content_hash = COALESCE(content_hash, excluded.content_hash)""",
            (url, kind, when, when, content_hash),
        )

    def capture_imported(self, url: str, timestamp: str) -> bool:
        """Whether the capture of ``url`` at ``timestamp`` was imported, from whichever replay server."""
        row = self.db.execute("SELECT 1 FROM captures WHERE url = ? AND timestamp = ? LIMIT 1", (url, timestamp))
        return row.fetchone() is not None

    def digest_imported(self, url: str, digest: str) -> bool:
        """Whether a capture of ``url`` with these bytes (the archive's payload digest) was imported."""
        row = self.db.execute("SELECT 1 FROM captures WHERE url = ? AND digest = ? LIMIT 1", (url, digest))
        return row.fetchone() is not None

    def captures_imported(self, rows: list[tuple[str, str, str, str, int | None, str]], when: str) -> None:
        """Mark captures imported: (capture URL, page URL, timestamp, digest, status, outcome) each."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO captures VALUES (?, ?, ?, ?, ?, ?, ?)", [(*row, when) for row in rows]
            )

    def linked(self, ids: set[int]) -> None:
        """Article ids that captured pages link: compared with what was captured, the archivist's to-do list."""
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO linked VALUES (?)", [(i,) for i in ids])

    def coverage(self, listed_ids: set[int]) -> dict[str, list[int]]:
        """Articles known only from web archives, and linked article ids captured nowhere."""
        articles = self.db.execute("SELECT url, last_status FROM urls WHERE kind = 'article'").fetchall()
        known = {cms_id(url) for url, _ in articles}
        only_archived = sorted(i for url, status in articles if status is None and (i := cms_id(url)) is not None)
        captured = {cms_id(url) for (url,) in self.db.execute("SELECT DISTINCT url FROM captures")}
        linked = {i for (i,) in self.db.execute("SELECT cms_id FROM linked")}
        return {
            "articles_only_in_web_archives": only_archived,
            "captured_nowhere": sorted(linked - listed_ids - captured - known),
        }

    def is_fresh(self, url: str, max_age: timedelta, now: datetime) -> bool:
        """Archived within ``max_age`` and not removed: no need to fetch it again yet."""
        seen = self.get(url)
        if seen is None or seen.removed_at or seen.last_status not in (200, 304):
            return False
        return datetime.fromisoformat(seen.last_seen) >= now - max_age
