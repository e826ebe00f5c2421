"""One run at a time on an archive, and a record of every run: lock, log file, manifest."""

from __future__ import annotations

import fcntl
import json
import os
import platform
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from pipelines.store import atomic_write
from scraper import __version__

LOCK = ".lock"
RUNS = "runs"

# Exit statuses of ``scrapy crawl portal``, for cron and monitors.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_LOCKED = 3


class ArchiveLock:
    """An exclusive ``flock`` on ``ARCHIVE_DIR/.lock``; the system drops it when the process dies."""

    def __init__(self, archive: Path) -> None:
        self.path = archive / LOCK
        self.fh: IO[str] | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = self.path.open("a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        fh.flush()
        self.fh = fh
        return True

    def holder(self) -> str:
        """Who holds the lock, as the holder wrote it."""
        try:
            return self.path.read_text().strip() or "unknown"
        except OSError:
            return "unknown"

    def release(self) -> None:
        if self.fh is not None:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def run_name(started: datetime) -> str:
    return started.strftime("%Y%m%dT%H%M%SZ")


def software_versions() -> dict[str, str]:
    found = {"lavusta-archiver": __version__, "python": platform.python_version()}
    for package in ("scrapy", "twisted", "lxml", "warcio", "pandas", "dateparser"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "missing"
    return found


def write_manifest(archive: Path, started: datetime, manifest: dict[str, Any]) -> Path:
    """``ARCHIVE_DIR/runs/<start>.json``, written whole and moved into place."""
    path = archive / RUNS / f"{run_name(started)}.json"
    text = json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n"
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return path


def last_run_status(archive: Path) -> str | None:
    """Status of the newest run manifest: "ok", "failed", "running" (killed), or None for no run yet."""
    manifests = sorted((archive / RUNS).glob("*.json"))
    if not manifests:
        return None
    try:
        return json.loads(manifests[-1].read_text(encoding="utf-8")).get("status")
    except (OSError, ValueError):
        return "unreadable"
