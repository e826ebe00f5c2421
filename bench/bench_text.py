"""Normalization speed: MB/s of ``scraper.text.normalize`` on Vietnamese text, on one core.

Run: .venv/bin/python bench/bench_text.py [megabytes]
The text is the seed page (the portal's real text, with its problems) repeated and
varied: each copy has its words shuffled within paragraphs and a few glued words,
missing spaces and old-style tone marks added, so the caches see a realistic
vocabulary rather than one page; the target is 5 MB/s.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scraper.text import normalize  # noqa: E402

SEED = ROOT / "replica" / "data" / "seed-page-cmsid-743.txt"
VARIANTS = (("ủy", "uỷ"), ("hóa", "hoá"), ("phối hợp", "phốihợp"), ("công nghệ", "côngnghệ"), (", ", ","))


def page(seed: str, rng: random.Random) -> str:
    """One varied copy of the seed page: paragraphs with their words shuffled, some problems added."""
    paragraphs = []
    for paragraph in seed.split("\n"):
        words = paragraph.split(" ")
        rng.shuffle(words)
        text = " ".join(words)
        for good, bad in VARIANTS:
            if rng.random() < 0.5:
                text = text.replace(good, bad)
        paragraphs.append(text)
    return "\n".join(paragraphs)


def corpus(megabytes: float) -> list[str]:
    seed = SEED.read_text(encoding="utf-8")
    rng = random.Random(743)
    pages: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        pages.append(page(seed, rng))
        size += len(pages[-1].encode())
    return pages


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    pages = corpus(megabytes)
    size = sum(len(p.encode()) for p in pages) / 1_000_000
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in pages:
            normalize(text)
        best = min(best, time.perf_counter() - started)
    print(f"normalize: {size:.1f} MB of Vietnamese text ({len(pages)} pages) in {best:.2f} s = {size / best:.1f} MB/s")
    print("target: 5 MB/s on one core")


if __name__ == "__main__":
    main()
