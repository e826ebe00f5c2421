"""``python -m bench.instructions``: instructions a page of the design corpus costs, ours beside trafilatura.

CPU time on a shared machine drifts by a third between rounds of one run (``bench.designs``
prints the spread), which is wider than most changes a developer measures. The number of
instructions executed hardly moves (within about 0.5% from run to run: where the system
places objects in memory changes a few set and dict orders): each tool reads the corpus
once to warm up and once more under valgrind's instruction counter, and the difference
between a run of one pass and a run of two is one warm pass, imports and start-up excluded.
Instructions are not time (a cache miss costs many), so this answers "is a change cheaper,
and by how much", while ``bench.designs`` stays the measure of the target. Needs
``valgrind``; about two minutes on 2 cores (trafilatura is slow under it). ``python -m
bench.instructions --read TOOL PASSES`` is what runs under valgrind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from bench.designs import ours, parsers, trafilatura
from replica.designs import corpus

TOOLS = {"lavusta": ours, "parsers": parsers, "trafilatura": trafilatura}
LABELS = {"lavusta": "lavusta, whole reading", "parsers": "lavusta, parsers alone", "trafilatura": "trafilatura"}


def read(tool: str, passes: int) -> None:
    """Warm ``tool`` on the whole corpus, then read it ``passes`` times more."""
    entries = list(corpus())
    for _ in range(1 + passes):
        for entry in entries:
            TOOLS[tool](entry)


def counted(tool: str, passes: int) -> int:
    """Instructions a run of ``read(tool, passes)`` executes, start-up included."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    cmd += [sys.executable, "-m", "bench.instructions", "--read", tool, str(passes)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, so the same dict probes, each run
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if run.returncode or found is None:  # the reading failed under valgrind: say how, not a bare traceback
        raise SystemExit(f"bench.instructions: {tool} failed under valgrind:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_page() -> dict[str, float]:
    """Millions of instructions one warm pass costs a page, per tool (runs two at a time)."""
    pages = len(list(corpus()))
    jobs = [(tool, passes) for tool in TOOLS for passes in (0, 1)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        counts = dict(zip(jobs, pool.map(lambda job: counted(*job), jobs), strict=True))
    return {tool: (counts[tool, 1] - counts[tool, 0]) / pages / 1e6 for tool in TOOLS}


def main() -> int:
    if shutil.which("valgrind") is None:
        print("bench.instructions: valgrind is not installed", file=sys.stderr)
        return 1
    found = per_page()
    print("| reading | million instructions a page | trafilatura / it |\n|---|---|---|")
    for tool, millions in found.items():
        print(f"| {LABELS[tool]} | {millions:.2f} | {found['trafilatura'] / millions:.2f}× |")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--read"]:
        read(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(main())
