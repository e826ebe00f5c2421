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
CREATE TABLE IF NOT EXISTS media (
    url TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    fetched_at TEXT NOT NULL
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
        rows = self.db.execute(
            f"SELECT url FROM urls WHERE kind IN ({marks}) AND removed_at IS NULL AND last_seen < ? ORDER BY url",
            (*kinds, older_than),
        )
        return [url for (url,) in rows]

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
        """Mark ``url`` removed; False when it was already marked (the first date stays)."""
        cursor = self.db.execute("UPDATE urls SET removed_at = ? WHERE url = ? AND removed_at IS NULL", (when, url))
        return cursor.rowcount == 1

    def is_fresh(self, url: str, max_age: timedelta, now: datetime) -> bool:
        """Archived within ``max_age`` and not removed: no need to fetch it again yet."""
        seen = self.get(url)
        if seen is None or seen.removed_at or seen.last_status not in (200, 304):
            return False
        return datetime.fromisoformat(seen.last_seen) >= now - max_age
