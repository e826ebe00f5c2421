"""``python -m replica.designs OUT_DIR``: write the corpus to disk, one folder per layout.

Each page is ``OUT_DIR/<layout>/<kind>-<id>.html``; ``OUT_DIR/truth.jsonl`` holds one line per
page: its layout, file, address, content type and truth. For tools that read files, not Python.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from replica.designs import corpus


def write(out: Path) -> int:
    """Write every page and the truth file; returns the number of pages."""
    count = 0
    with (out / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for entry in corpus():
            key = entry.truth["cms_id"] or entry.truth["url"].rsplit("=", 1)[-1]
            name = f"{entry.layout}/{entry.truth['kind']}-{key}.html"
            (out / entry.layout).mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(entry.html)
            line = {"layout": entry.layout, "file": name, "address": entry.address, "content_type": entry.content_type}
            truth.write(json.dumps({**line, "truth": entry.truth}, ensure_ascii=False) + "\n")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m replica.designs", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to write the corpus into (created if missing)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{write(args.out)} pages written to {args.out}")


if __name__ == "__main__":
    main()
