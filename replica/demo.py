"""``python -m replica.demo``: the main jobs, offline, against the bundled replica.

Serves the replica on 127.0.0.1 and runs the real ``scrapy crawl portal`` against
it, the same way the live portal is crawled, with shorter delays (the server is
on this machine). Then it loads the replica's web archive (captures of the portal
2019–2025, replica/webarchive) into a pywb collection, serves it on 127.0.0.1 and
imports its history with ``scrapy crawl history`` into a second archive (the
captures are of the portal's own host, the live demo's of 127.0.0.1), and says
what each archive holds. Run again, both archives stay as they are.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from replica import pywb
from replica.server import serve
from replica.webarchive.warcs import write_warcs

LOOPBACK_PACE = ["-s", "DOWNLOAD_DELAY=0.1", "-s", "AUTOTHROTTLE_START_DELAY=0.1"]
# A progress line and the closing line on the console; the full log is in each run's log file.
QUIET = ["-s", "LOG_LEVEL=WARNING", "-s", "ARCHIVE_PROGRESS_SECONDS=2"]


def count_lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m replica.demo", description=__doc__)
    parser.add_argument(
        "--port",
        type=int,
        default=8765,
        help="port of the replica; the port is part of every archived URL, so a rerun"
        " on the same archive must use the same one (0 picks a free one)",
    )
    parser.add_argument("--archive-dir", default="output/demo", help="archive folder to write (default output/demo)")
    parser.add_argument(
        "--history-dir", default="output/demo-history", help="archive of the web-archive import (default %(default)s)"
    )
    args = parser.parse_args()
    server = serve(port=args.port)
    print(f"Serving the portal replica on {server.url}", flush=True)
    try:
        crawl = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={server.url}"]
        status = subprocess.call([*crawl, "-s", f"ARCHIVE_DIR={args.archive_dir}", *LOOPBACK_PACE, *QUIET])
    finally:
        server.shutdown()
    report(Path(args.archive_dir))
    return status or import_history(Path(args.history_dir))


def import_history(archive: Path) -> int:
    """The replica's web archive in a pywb collection on loopback, imported by ``scrapy crawl history``."""
    with tempfile.TemporaryDirectory(prefix="demo-pywb-") as root:
        pywb.build_collection(Path(root), "lavusta", write_warcs(Path(root) / "warcs"))
        with pywb.serve(Path(root)) as base:
            print(f"Serving the replica's web archive with pywb on {base}lavusta/", flush=True)
            history = [sys.executable, "-m", "scrapy", "crawl", "history", "-s", f"ARCHIVE_DIR={archive}"]
            sources = ["-a", f"cdx={base}lavusta/cdx", "-a", f"replay={base}lavusta/"]
            status = subprocess.call([*history, *sources, *LOOPBACK_PACE, *QUIET])
    report(archive)
    return status


def report(archive: Path) -> None:
    for name in ("articles.jsonl", "versions.jsonl", "pages.jsonl", "visitors.jsonl"):
        print(f"{archive / name}: {count_lines(archive / name)} records")


if __name__ == "__main__":
    sys.exit(main())
