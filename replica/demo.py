"""``python -m replica.demo``: the main job, offline, against the bundled replica.

Serves the replica on 127.0.0.1 and runs the real ``scrapy crawl portal`` against
it, the same way the live portal is crawled, with shorter delays (the server is
on this machine), then says what the archive holds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from replica.server import serve

LOOPBACK_PACE = ["-s", "DOWNLOAD_DELAY=0.1", "-s", "AUTOTHROTTLE_START_DELAY=0.1"]


def count_lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m replica.demo", description=__doc__)
    parser.add_argument(
        "--port", type=int, default=8765, help="port of the replica; the port is part of every archived URL, so a rerun"
        " on the same archive must use the same one (0 picks a free one)"
    )
    parser.add_argument("--archive-dir", default="output/demo", help="archive folder to write (default output/demo)")
    args = parser.parse_args()
    server = serve(port=args.port)
    print(f"Serving the portal replica on {server.url}", flush=True)
    try:
        crawl = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={server.url}"]
        status = subprocess.call([*crawl, "-s", f"ARCHIVE_DIR={args.archive_dir}", *LOOPBACK_PACE])
    finally:
        server.shutdown()
    archive = Path(args.archive_dir)
    for name in ("articles.jsonl", "pages.jsonl", "visitors.jsonl"):
        print(f"{archive / name}: {count_lines(archive / name)} records")
    return status


if __name__ == "__main__":
    sys.exit(main())
