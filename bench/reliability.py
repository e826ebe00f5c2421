"""``python -m bench.reliability``: the hostile server's faults in one crawl, and what the archive made of them.

Serves ``replica.faults`` (with every module of ``replica.hostile``) on loopback, crawls
it into an archive that already holds a record, rebuilds a copy of the archive from its
WARC files alone, and prints the figures of the README's reliability section: faults
served, survived and counted; records lost, duplicated; files outside the archive;
peak memory. The tests (tests/test_reliability.py) hold the same figures to zero.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pipelines import store
from replica import hostile
from replica.faults import FAULTS, TIGHT, serve_faults

ROOT = Path(__file__).resolve().parents[1]
EARLIER = '{"url": "http://earlier/", "cms_id": 1, "title": "giữ lại"}\n'
RECORD_FILES = ("articles.jsonl", "pages.jsonl")


def fault_paths() -> list[str]:
    """Every fault the server links from its home page."""
    return [*FAULTS, *(path for module in hostile.MODULES for path in module.FAULTS)]


def reextract_copy(archive: Path, into: Path) -> tuple[Path, subprocess.CompletedProcess]:
    """A copy of ``archive`` without the record from before, rebuilt from its WARC files alone."""
    copy = into / "reextracted"
    shutil.copytree(archive, copy)
    articles = copy / "articles.jsonl"
    articles.write_text(articles.read_text(encoding="utf-8").replace(EARLIER, ""), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "scraper", "reextract", str(copy)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    return copy, run


def tally(archive: Path, manifest: dict[str, Any], requests: int, rebuilt: Path) -> dict[str, Any]:
    """The figures: what was served, how the run ended, what it counted, and what was lost or doubled."""
    archived = {name: list(store.jsonl_urls(archive / name)) for name in RECORD_FILES}
    from_warc = {name: set(store.jsonl_urls(rebuilt / name)) for name in RECORD_FILES}
    lost = sorted(url for name in RECORD_FILES for url in from_warc[name] - set(archived[name]))
    if "http://earlier/" not in archived["articles.jsonl"]:
        lost.append("http://earlier/ (archived before the crawl)")
    doubled = sorted(url for name in RECORD_FILES for url, n in Counter(archived[name]).items() if n > 1)
    versions = Counter((r.get("url"), r.get("version")) for r in store.read_jsonl(archive / "versions.jsonl"))
    doubled += [f"{url} version {v}" for (url, v), n in versions.items() if n > 1]
    outside = [str(p) for p in archive.parent.iterdir() if p.name not in (archive.name, "reextracted")]
    outside += [str(p) for p in archive.rglob("*") if not p.resolve().is_relative_to(archive.resolve())]
    return {
        "faults_served": len(fault_paths()),
        "requests_served": requests,
        "exit_status": manifest["exit_status"],
        "status": manifest["status"],
        "reason": manifest["reason"],
        "errors_counted": sum(manifest["errors"].values()),
        "errors_by_kind": manifest["errors"],
        "limits_hit": {name: limit["stopped"] for name, limit in manifest.get("limits", {}).items() if limit["hit"]},
        "links_skipped": manifest.get("skipped_links", {}),
        "filtered_offsite": manifest["counts"]["filtered_offsite"],
        "records_flagged": manifest["counts"]["flagged_records"],
        "articles_archived": len(archived["articles.jsonl"]),
        "pages_archived": len(archived["pages.jsonl"]),
        "records_lost": lost,
        "records_duplicated": doubled,
        "files_outside_archive": outside,
        "peak_rss_mb": manifest["counts"]["peak_rss_mb"],
    }


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="reliability-"))
    archive = work / "archive"
    archive.mkdir()
    (archive / "articles.jsonl").write_text(EARLIER, encoding="utf-8")
    server = serve_faults(slow_seconds=3)
    cmd = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={server.url}"]
    settings = {"ARCHIVE_DIR": str(archive), "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", **TIGHT}
    cmd += [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]
    started = time.monotonic()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - started
    server.shutdown()
    (manifest,) = [json.loads(p.read_text()) for p in (archive / "runs").glob("*.json")]
    rebuilt, _ = reextract_copy(archive, work)
    figures = tally(archive, manifest, len(server.requests), rebuilt)
    print(f"| faults served | {figures['faults_served']} fault URLs, {figures['requests_served']} requests |")
    print(f"| survived | the crawl ended by itself in {elapsed:.0f} s, exit {run.returncode} ({figures['reason']}) |")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(figures["errors_by_kind"].items()))
    print(f"| counted | {figures['errors_counted']} errors: {kinds} |")
    limits = ", ".join(f"{name} (stopped {n})" for name, n in figures["limits_hit"].items())
    print(f"| limits hit | {limits or 'none'} |")
    skipped = ", ".join(f"{k} {v}" for k, v in figures["links_skipped"].items())
    print(f"| links not followed | {skipped}; off the origin {figures['filtered_offsite']} |")
    flagged = ", ".join(f"{k} {v}" for k, v in sorted(figures["records_flagged"].items()))
    print(f"| records flagged in `errors` | {flagged} |")
    print(f"| archived | {figures['articles_archived']} articles, {figures['pages_archived']} pages |")
    for name in ("records_lost", "records_duplicated", "files_outside_archive"):
        print(f"| {name.replace('_', ' ')} | {len(figures[name])} {figures[name] or ''} |")
    print(f"| peak memory | {figures['peak_rss_mb']} MB |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
