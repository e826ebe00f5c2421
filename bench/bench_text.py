"""Vietnamese normalization: lines of the replica restored per legacy encoding, speed, and linear time.

Run: .venv/bin/python bench/bench_text.py [megabytes]

- Restored: every line of the replica's articles, pages and categories is written the way
  a 2000s page carried it — TCVN3 bytes (the standard's table, replica/legacy.py), VNI
  bytes (xvnkb's table, tests/data/vni_xvnkb.tsv), UTF-8 read as windows-1252 once or
  twice — and counts as restored when its normalized copy equals that of the original.
  The tables used to write are independent of the ones in scraper/text/legacy.py.
- Speed: MB/s on the replica's article bodies (target 10 MB/s, one core).
- Linear: seconds for 1 MB of glued "x.Y" sentences and of space-free letters (target < 1 s).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from replica.content import ARTICLES, CATEGORIES, STATIC_PAGES, plain  # noqa: E402
from replica.legacy import TCVN3  # noqa: E402
from replica.truth import expected_articles  # noqa: E402
from scraper.text import normalize  # noqa: E402

VNI_TABLE = ROOT / "tests" / "data" / "vni_xvnkb.tsv"
SHORT = 3  # words: titles and categories


def replica_lines() -> list[str]:
    """Every line of text the replica shows that holds a non-ASCII letter."""
    texts = [c.name for c in CATEGORIES]
    for item in (*ARTICLES, *STATIC_PAGES):
        texts.append(item.title)
        texts.extend(line for paragraph in item.body for line in plain(paragraph).split("\n"))
    return [t for t in dict.fromkeys(texts) if not t.isascii()]


def short_lines() -> list[str]:
    """Titles and categories of 1 to 3 words: the replica's short lines, and the first 1-3 words of every line."""
    lines = replica_lines()
    starts = [" ".join(line.split()[:n]) for line in lines for n in range(1, SHORT + 1)]
    short = [line for line in lines if len(line.split()) <= SHORT]
    return [t for t in dict.fromkeys(short + starts) if not t.isascii()]


def _single_byte(table: dict[str, str]) -> Callable[[str], str | None]:
    """A writer: Vietnamese letters through ``table``, anything else as windows-1252 shows it; None if it cannot."""

    def write(text: str) -> str | None:
        out = []
        for char in text:
            if char in table:
                out.append(table[char])
            elif char.isascii():
                out.append(char)
            else:
                try:
                    byte = char.encode("cp1252")
                except UnicodeEncodeError:
                    return None
                if byte[0] >= 0xA0:  # the font draws its own letter there
                    return None
                out.append(char)
        return "".join(out)

    return write


def vni_table() -> dict[str, str]:
    rows = [line.split("\t") for line in VNI_TABLE.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {letter: code for code, letter in rows if not code.isascii()}


def as_cp1252(text: str) -> str:
    """UTF-8 bytes as a browser shows them under windows-1252 (its 5 unassigned bytes as C1 characters)."""
    raw = text.encode("utf-8")
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in raw)


WRITERS: dict[str, Callable[[str], str | None]] = {
    "TCVN3": _single_byte({letter: chr(byte) for byte, letter in TCVN3.items() if byte != 0xA0}),
    "VNI": _single_byte(vni_table()),
    "UTF-8 as cp1252": as_cp1252,
    "UTF-8 as cp1252 twice": lambda text: as_cp1252(as_cp1252(text)),
    "UTF-8 as latin-1": lambda text: text.encode("utf-8").decode("latin-1"),
}


def count_restored(write: Callable[[str], str | None], lines: list[str]) -> tuple[int, int]:
    """(lines whose written form normalizes as the original does, lines the encoding can write)."""
    done = total = 0
    for line in lines:
        surface = write(line)
        if surface is None or surface == line:
            continue
        total += 1
        done += normalize(surface)[0] == normalize(line)[0]
    return done, total


def restored() -> Iterator[tuple[str, int, int, int, int]]:
    """(encoding, lines restored, lines written, short lines restored, short lines written)."""
    lines, short = replica_lines(), short_lines()
    for name, write in WRITERS.items():
        yield name, *count_restored(write, lines), *count_restored(write, short)


def speed(megabytes: float) -> tuple[float, float]:
    bodies = ["\n\n".join(a["paragraphs"]) for a in expected_articles("http://127.0.0.1/")]
    size = sum(len(b.encode()) for b in bodies)
    texts = bodies * max(1, int(megabytes * 1_000_000 / size))
    total = size * len(texts) / len(bodies) / 1_000_000
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            normalize(text)
        best = min(best, time.perf_counter() - started)
    return total, best


LINEAR_CASES = {
    "glued 'x.Y' sentences": "Tân An.Long An,Cần Thơ;phối hợp:x.Y",
    "space-free letters": "phốihợpcôngnghệ",
    "space-free prose and punctuation": "Sở,ngành.Hội(LHH)phốihợp:x;TP.HCM",
    "space-free legacy letters": "Liªnhiªp",
    "one line of TCVN3 prose": "Liªn hiÖp c¸c Héi KÕt thóc líp: ",
    "one line of VNI prose": "Lieân hieäp caùc Hoäi, ",
}


def seconds_for(piece: str, megabytes: float) -> float:
    text = piece * int(megabytes * 1_000_000 / len(piece.encode()))
    started = time.perf_counter()
    normalize(text)
    return time.perf_counter() - started


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    for name, done, total, short_done, short_total in restored():
        share = f"{100 * done / total:.1f}%"
        print(f"restored {name}: {done}/{total} lines ({share}), ≤{SHORT} words {short_done}/{short_total}")
    size, best = speed(megabytes)
    print(f"normalize: {size:.1f} MB of replica bodies in {best:.2f} s = {size / best:.1f} MB/s (target 10 MB/s)")
    for name, piece in LINEAR_CASES.items():
        small, large = seconds_for(piece, 0.25), seconds_for(piece, 1.0)
        print(f"{name}: 0.25 MB {small:.2f} s, 1 MB {large:.2f} s (target < 1 s, ×4 for ×4)")


if __name__ == "__main__":
    main()
