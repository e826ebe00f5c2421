"""Normalization speed: MB/s of ``scraper.text.normalize`` on Vietnamese text, on one core.

Run: .venv/bin/python bench/bench_text.py [megabytes]
The text is the replica's 42 articles and the seed page, with the portal's problems in
them, repeated to the size asked; the target is 5 MB/s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from replica.truth import expected_articles
from scraper.text import normalize


def corpus(megabytes: float) -> list[str]:
    """Article bodies as the archive holds them raw, enough of them to fill ``megabytes``."""
    bodies = ["\n\n".join(a["paragraphs"]) for a in expected_articles("http://127.0.0.1/")]
    seed = (Path(__file__).resolve().parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt").read_text("utf-8")
    bodies.append(seed)
    size = sum(len(b.encode()) for b in bodies)
    return bodies * max(1, int(megabytes * 1_000_000 / size))


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    texts = corpus(megabytes)
    size = sum(len(t.encode()) for t in texts) / 1_000_000
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            normalize(text)
        best = min(best, time.perf_counter() - started)
    print(f"normalize: {size:.1f} MB of Vietnamese text in {best:.2f} s = {size / best:.1f} MB/s (target 5 MB/s)")


if __name__ == "__main__":
    main()
