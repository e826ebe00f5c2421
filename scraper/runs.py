"""One run at a time on an archive, and a record of every run: lock, log file, manifest."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import platform
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from scrapy.exceptions import NotConfigured

from pipelines.store import atomic_write
from scraper import __version__

LOCK = ".lock"
RUNS = "runs"

# Exit statuses of ``scrapy crawl portal``, for cron and monitors.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_LOCKED = 3


# Archives whose lock this process holds: only code running under one may write there.
_HELD: set[Path] = set()


class ArchiveUnwritable(OSError):
    """The archive folder cannot be written (read-only, full, not a folder): one line says why."""

    @classmethod
    def because(cls, archive: Path, exc: OSError) -> ArchiveUnwritable:
        where = f": {exc.filename}" if exc.filename else ""
        return cls(exc.errno, f"cannot write to the archive {archive}: {exc.strerror}{where}")


def holds_lock(archive: Path) -> bool:
    """Whether this process holds ``archive``'s lock, so its leftovers and files are its own to touch."""
    return archive.resolve() in _HELD


class ArchiveLock:
    """An exclusive ``flock`` on ``ARCHIVE_DIR/.lock``; the system drops it when the process dies.

    Holding it proves that no other process writes to the archive, and that whatever a
    run left behind (staged records, open WARC files) belongs to a run that is dead.
    """

    def __init__(self, archive: Path) -> None:
        self.archive = archive
        self.path = archive / LOCK
        self.fh: IO[str] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it. ArchiveUnwritable when it cannot be made."""
        for _ in range(10):
            fh = self._locked_file()
            if fh is None:
                return False
            if self._is_current(fh):
                break
            fh.close()  # the holder removed it as we took it: lock the file at the path now
        else:
            raise ArchiveUnwritable.because(self.archive, OSError(0, "the lock file keeps being replaced"))
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
            fh.flush()
        except OSError as exc:
            fh.close()
            raise ArchiveUnwritable.because(self.archive, exc) from exc
        self.fh = fh
        _HELD.add(self.archive.resolve())
        return True

    def _locked_file(self) -> IO[str] | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = self.path.open("a+")
        except OSError as exc:
            raise ArchiveUnwritable.because(self.archive, exc) from exc
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            return None
        return fh

    def _is_current(self, fh: IO[str]) -> bool:
        """Whether the locked file is still the one at the path (a releasing holder removes it)."""
        try:
            here, there = os.fstat(fh.fileno()), os.stat(self.path)
        except FileNotFoundError:
            return False
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)

    def holder(self) -> str:
        """Who holds the lock, as the holder wrote it."""
        try:
            return self.path.read_text().strip() or "unknown"
        except OSError:
            return "unknown"

    def release(self) -> None:
        """Remove the lock file, then let go: no ``.lock`` stays behind after a run.

        Removed while still held, so a process that opened it meanwhile finds, once it gets
        the lock, that its file is no longer the one at the path, and locks a new one.
        A killed run leaves its file; the next run takes it over.
        """
        if self.fh is not None:
            _HELD.discard(self.archive.resolve())
            with contextlib.suppress(OSError):
                self.path.unlink()
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def require_lock(archive: Path, component: str) -> None:
    """Refuse to build an archive component in a process that does not hold the lock.

    ``scrapy fetch``, ``scrapy shell`` and other commands load the project's pipelines
    and middlewares too; without the lock they must leave the archive alone, or they
    would take a running crawl's files for a dead run's leftovers.
    """
    if not holds_lock(archive):
        raise NotConfigured(f"{component} writes to {archive} only under `scrapy crawl`, which holds its lock")


def run_name(started: datetime) -> str:
    """A run's file names: its start to the microsecond, so two runs in one second never share one."""
    return started.strftime("%Y%m%dT%H%M%S%fZ")


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
