"""Scrapy's dupefilter with its fingerprints on disk: a run's memory does not grow with the site.

Scrapy's ``RFPDupeFilter`` keeps a fingerprint of every request of the run in a set (about
80 bytes each, 3 MB at 30,000 articles). This one keeps them in a temporary SQLite file,
deleted when the run ends. A resumable job (``JOBDIR``) keeps Scrapy's own set and its
``requests.seen`` file, which a resumed job reads back.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter


class DiskDupeFilter(RFPDupeFilter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.db = sqlite3.connect("", isolation_level=None)  # a private temporary database on disk
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE seen (fingerprint BLOB PRIMARY KEY) WITHOUT ROWID")

    def request_seen(self, request: Request) -> bool:
        if self.file:
            return super().request_seen(request)
        return self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (self._fingerprint(request),)).rowcount == 0

    def close(self, reason: str) -> None:
        self.db.close()
        super().close(reason)
