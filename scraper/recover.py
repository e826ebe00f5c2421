"""What a killed run left in the archive, adopted by the next run that holds the lock.

A run stages its records in ``.staging/<run>/`` and writes WARC files as
``*.warc.gz.open``; a run that finishes merges and closes them. Anything of the kind
found while holding the archive's lock was left by a run that died (the lock proves
it), so its records are merged and its WARC files closed: they were fetched, so they
belong in the archive. Only the crawl command calls this, before its crawl starts.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from pipelines.archive import STAGED_FILES, STAGING, merge_into_archive
from scraper.runs import holds_lock
from scraper.warc import salvage

logger = logging.getLogger(__name__)

WARC = "warc"


def adopt_leftovers(archive: Path) -> list[str]:
    """Merge dead runs' staged records and close their WARC files; one line per thing adopted."""
    if not holds_lock(archive):
        raise RuntimeError(f"leftovers in {archive} are adopted only under its lock")
    done = []
    staging = archive / STAGING
    for folder in sorted(staging.iterdir()) if staging.is_dir() else []:
        staged = {cls: folder / f"{name}.jsonl" for cls, name in STAGED_FILES.items()}
        merge_into_archive(archive, staged)
        for rejected in folder.glob("*.rejected"):
            keep = archive / "rejected" / f"{folder.name}-{rejected.name}"
            keep.parent.mkdir(exist_ok=True)
            rejected.rename(keep)
        shutil.rmtree(folder)
        done.append(f"merged the records of an unfinished run from {folder}")
    if staging.is_dir() and not any(staging.iterdir()):
        staging.rmdir()
    for unfinished in sorted((archive / WARC).glob("*.warc.gz.open")):
        done.append(f"closed {salvage(unfinished).name}, left open by a run that did not finish")
    for line in done:
        logger.warning(line)
    return done
