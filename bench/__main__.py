"""``python -m bench``: speed, memory and accuracy, side by side with the alternatives, in one run.

Serves generated replicas (``REPLICA_GENERATED_ARTICLES``) on loopback in a process of
their own and, at each size (1,000, 10,000 and 30,000 articles by default), measures the
full crawl against a bare Scrapy spider that crawls the same pages with the same
settings (``bench/bare_spider.py``), an incremental rerun, and the peak memory of both
runs. At the main size (10,000) it also measures the server alone, a refresh after 1% of
the articles changed, normalization and date speed; then extraction time and accuracy per
page and field against trafilatura on the design corpus (``python -m bench.designs``). Prints
a line per measure as it goes; writes the table, with the machine's description, and a plot
of the growth to ``bench/results/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
# Same settings for our crawl and the bare spider: fast, as against a local server. A list of
# 30,000 articles runs past ARCHIVE_MAX_LIST_PAGES' 1,000 pages; the bare spider knows no such limit.
SETTINGS = {
    "ARCHIVE_MAX_LIST_PAGES": "100000",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "8",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "LOG_LEVEL": "INFO",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The replica with ``articles`` generated articles, in a process of its own."""

    def __init__(self, articles: int, retitled_every: int = 0, port: int | None = None) -> None:
        self.articles = articles
        self.port = port or free_port()
        env = {**os.environ, "REPLICA_GENERATED_ARTICLES": str(articles), "REPLICA_RETITLED_EVERY": str(retitled_every)}
        cmd = [sys.executable, "-m", "replica", "--port", str(self.port)]
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        self.process.stdout.readline()  # "Serving the portal replica on …"
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


def crawl(url: str, archive: Path, *extra: str) -> dict:
    """Run the real crawl; its manifest, with the wall time."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={url}", "-s", f"ARCHIVE_DIR={archive}"]
    cmd += [arg for k, v in SETTINGS.items() for arg in ("-s", f"{k}={v}")] + list(extra)
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    manifest = json.loads(sorted((archive / "runs").glob("*.json"))[-1].read_text(encoding="utf-8"))
    return {**manifest, "seconds": seconds}


def bare_crawl(url: str, workdir: Path) -> tuple[int, float]:
    """The bare spider over the site at ``url``, crawling from its start; (responses, seconds)."""
    cmd = [sys.executable, "-m", "scrapy", "runspider", "bench/bare_spider.py", "-a", f"start_url={url}"]
    cmd += [arg for k, v in SETTINGS.items() for arg in ("-s", f"{k}={v}")]
    cmd += ["-s", f"ARCHIVE_DIR={workdir / 'bare'}"]
    started = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    found = re.search(r"'response_received_count': (\d+)", run.stderr)
    return (int(found.group(1)) if found else 0), seconds


def server_alone(url: str, count: int = 600) -> float:
    pages = [f"{url}Default.aspx?tabid={620 + i % 3}&ChiTiet=True&CmsId={10_000 + i}" for i in range(count)]
    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda u: urllib.request.urlopen(u).read(), pages))
    return count / (time.perf_counter() - started)


def design_corpus(rounds: int = 5) -> tuple[str, list[tuple[str, str, str]]]:
    """Extraction on the design corpus (``python -m bench.designs``): its tables, and the rows for ours.

    Rows: time per page of ours (whole, and parsers alone) and of trafilatura, the ratios, then
    the pages each tool read right per field, summed over the layouts (trafilatura has no notion
    of some fields). Read back from the tables ``bench.designs`` prints, which the results file
    keeps as they are.
    """
    run = subprocess.run([sys.executable, "-m", "bench.designs", str(rounds)], cwd=ROOT, capture_output=True, text=True)
    text = run.stdout.strip()
    table = [line for line in text.splitlines() if line.startswith("| ") and " · " in line]
    head = next((line for line in text.splitlines() if line.startswith("| layout | pages | kind")), "")
    fields = [cell.strip() for cell in head.strip("|").split("|")][2:]
    layouts = len(table)
    ours, theirs, pages = [0] * len(fields), [0] * len(fields), 0
    known = [False] * len(fields)
    for line in table:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        pages += int(cells[1])
        for i, cell in enumerate(cells[2:]):
            a, b = cell.split(" · ")
            ours[i] += int(a)
            if b != "—":
                theirs[i] += int(b)
                known[i] = True
    row = r"^\| all \| \d+ \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+)× \| ([\d.]+)× \|$"
    timing = re.search(row, text, re.M)
    if run.returncode or not timing or not pages:
        return text + run.stderr, [("extraction, design corpus", "not measured (bench.designs failed)", "")]
    note = f"{pages} pages of the design corpus, {layouts} layouts; CPU time, median of {rounds} rounds"
    spread = re.search(r"^Ratio in each round, all pages: (.+)$", text, re.M)
    rounds_note = f"target ≥ 10×; rounds: {spread.group(1)}" if spread else "target ≥ 10×"
    same = "the same fields right as the whole reading" if "whole reading does: yes" in text else "FIELDS DIFFER"
    rows = [
        ("extraction: lavusta, parsers and pipelines", f"{timing.group(1)} ms/page", note),
        ("extraction: lavusta, parsers alone", f"{timing.group(2)} ms/page", same),
        ("extraction: trafilatura", f"{timing.group(3)} ms/page", note),
        (
            "extraction speed, lavusta / trafilatura",
            f"{timing.group(4)}× whole, {timing.group(5)}× parsers alone",
            rounds_note,
        ),
    ]
    right = ", ".join(
        f"{field} {a}/{pages} · {f'{b}/{pages}' if seen else '—'}"
        for field, a, b, seen in zip(fields, ours, theirs, known, strict=True)
    )
    rows.append(("extraction: fields right, lavusta · trafilatura", right, "— : no such field"))
    return text, rows


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"
    )


class Rows(list):
    """The table's rows; each one is also printed as it is measured, so a long run shows progress."""

    def __init__(self) -> None:
        super().__init__()
        self.started = time.monotonic()

    def append(self, row: tuple[str, str, str]) -> None:
        super().append(row)
        minutes, seconds = divmod(int(time.monotonic() - self.started), 60)
        print(f"[{minutes}:{seconds:02d}] {row[0]}: {row[1]}", file=sys.stderr, flush=True)


@dataclass
class Growth:
    """One size's figures: the full crawl, the bare spider on the same site, and an incremental rerun."""

    articles: int
    pages: int
    seconds: float
    requests: int
    peak_mb: float
    bare_pages: int
    bare_seconds: float
    incremental_requests: int
    incremental_seconds: float
    incremental_peak_mb: float

    @property
    def rate(self) -> float:
        return self.pages / self.seconds

    @property
    def bare_rate(self) -> float:
        return self.bare_pages / self.bare_seconds if self.bare_seconds else 0.0

    @property
    def ratio(self) -> float:
        return self.rate / self.bare_rate if self.bare_rate else 0.0


def grow(server: Server, archive: Path, rows: Rows) -> Growth:
    """The full crawl, the bare spider and an incremental rerun on ``server``'s site, a line each as measured."""
    at = f"{server.articles:,} articles"
    full = crawl(server.url, archive)
    pages, seconds = full["counts"]["pages_fetched"], full["seconds"]
    rows.append((f"full crawl, {at}", f"{pages:,} pages in {seconds:.0f} s = {pages / seconds:.0f} pages/s", ""))
    n_bare, bare_seconds = bare_crawl(server.url, archive.parent)
    rows.append(
        (
            f"bare Scrapy spider, {at}",
            f"{n_bare:,} pages in {bare_seconds:.0f} s = {n_bare / bare_seconds:.0f} pages/s",
            "",
        )
    )
    again = crawl(server.url, archive)
    growth = Growth(
        server.articles, pages, seconds, full["counts"]["requests"], full["counts"]["peak_rss_mb"],
        n_bare, bare_seconds, again["counts"]["requests"], again["seconds"], again["counts"]["peak_rss_mb"],
    )  # fmt: skip
    rows.append((f"ratio full / bare, {at}", f"{growth.ratio:.2f}", "target ≥ 0.8"))
    memory = f"{growth.peak_mb:.0f} MB full crawl, {growth.incremental_peak_mb:.0f} MB incremental rerun"
    rows.append((f"peak memory (RSS), {at}", memory, "target ≤ 150 MB"))
    return growth


def growth_table(sizes: list[Growth]) -> str:
    """Time, rates, ratio and memory per size; the incremental peak against the smallest site's."""
    smallest = sizes[0].incremental_peak_mb
    lines = [
        "| articles | full crawl | pages/s | bare spider | ratio | peak RSS | incremental rerun | incremental peak |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for g in sizes:
        lines.append(
            f"| {g.articles:,} | {g.pages:,} pages, {g.seconds:.0f} s | {g.rate:.0f} | "
            f"{g.bare_pages:,} pages, {g.bare_seconds:.0f} s = {g.bare_rate:.0f}/s | {g.ratio:.2f} | "
            f"{g.peak_mb:.0f} MB | "
            f"{g.incremental_requests} requests, {g.incremental_seconds:.1f} s | "
            f"{g.incremental_peak_mb:.0f} MB ({g.incremental_peak_mb / smallest - 1:+.0%}) |"
        )
    return "\n".join(lines) + "\n"


def plot(sizes: list[Growth], out: Path) -> None:
    """Pages per second and peak memory against the site's size, in one PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    x = [g.articles for g in sizes]
    fig, (speed, memory) = plt.subplots(1, 2, figsize=(10, 4))
    speed.plot(x, [g.rate for g in sizes], "o-", label="full crawl")
    speed.plot(x, [g.bare_rate for g in sizes], "s--", label="bare Scrapy spider")
    speed.set(xlabel="articles", ylabel="pages/s", title="Throughput", ylim=(0, None))
    memory.plot(x, [g.peak_mb for g in sizes], "o-", label="full crawl")
    memory.plot(x, [g.incremental_peak_mb for g in sizes], "s--", label="incremental rerun")
    memory.axhline(150, color="grey", linewidth=0.8, label="target 150 MB")
    memory.set(xlabel="articles", ylabel="peak RSS (MB)", title="Memory", ylim=(0, None))
    for ax in (speed, memory):
        ax.legend()
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    plt.close(fig)


def main_size(server: Server, archive: Path, measured: Growth, rows: Rows) -> None:
    """What only the main size measures: the incremental rerun's share and a refresh. Stops ``server``."""
    rows.append(
        (
            "incremental rerun, unchanged site",
            f"{measured.incremental_requests} requests ({measured.incremental_requests / measured.requests:.1%}), "
            f"{measured.incremental_seconds:.1f} s ({measured.incremental_seconds / measured.seconds:.1%})",
            "target ≤ 10%",
        )
    )
    server.stop()
    changed_server = Server(server.articles, retitled_every=100, port=server.port)
    refresh = crawl(changed_server.url, archive, "-a", "refresh=1")
    changed_server.stop()
    expected = len(range(0, server.articles, 100))
    found = (
        f"{refresh['counts']['articles_changed']} of {expected} changes found, "
        f"{refresh['counts']['requests']:,} requests, peak {refresh['counts']['peak_rss_mb']:.0f} MB"
    )
    rows.append(("refresh after 1% of articles changed", found, "all"))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000, help="the main size, measured in full")
    parser.add_argument("--sizes", default="1000,10000,30000", help="sizes for throughput and memory growth")
    args = parser.parse_args()
    sizes = sorted({int(n) for n in args.sizes.split(",")} | {args.articles})
    os.environ["REPLICA_GENERATED_ARTICLES"] = str(args.articles)
    rows = Rows()
    work = Path(tempfile.mkdtemp(prefix="lavusta-bench-"))
    shown = ", ".join(f"{n:,}" for n in sizes)
    minutes = sum(sizes) // 2000 + 5
    print(f"Benchmark: replicas of {shown} articles; about {minutes} minutes, a line per measure", file=sys.stderr)
    grown: list[Growth] = []
    for articles in sizes:
        server = Server(articles)
        archive = work / f"site-{articles}" / "archive"
        if articles == args.articles:
            rows.append(
                ("replica server alone", f"{server_alone(server.url):,.0f} pages/s", "must exceed the crawl's rate")
            )
        grown.append(grow(server, archive, rows))
        if articles == args.articles:
            main_size(server, archive, grown[-1], rows)
        else:
            server.stop()
    smallest = grown[0]
    for g in grown[1:]:
        rows.append(
            (
                f"incremental peak, {g.articles:,} vs {smallest.articles:,} articles",
                f"{g.incremental_peak_mb:.0f} MB vs {smallest.incremental_peak_mb:.0f} MB "
                f"({g.incremental_peak_mb / smallest.incremental_peak_mb - 1:+.0%})",
                "target within 10%",
            )
        )

    designs, extraction_rows = design_corpus()
    for row in extraction_rows:
        rows.append(row)

    text = subprocess.run(
        [sys.executable, "bench/bench_text.py", "5"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dates = subprocess.run(
        [sys.executable, "bench/bench_dates.py"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    speed = next((line for line in text.splitlines() if line.startswith("normalize:")), "normalize: = not measured")
    rows.append(("normalization", speed.split("= ")[-1], "replica bodies"))

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    png = RESULTS / f"{stamp}-growth.png"
    plot(grown, png)
    table = "| measure | result | note |\n|---|---|---|\n" + "".join(f"| {a} | {b} | {c} |\n" for a, b, c in rows)
    report = (
        f"# Benchmark {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\nMachine: {machine()}\n\n{table}\n"
        f"## Growth\n\n{growth_table(grown)}\n![growth]({png.name})\n\n"
        f"## Extraction on the design corpus\n\nPages right per layout and field, lavusta · trafilatura "
        f"(— : trafilatura has no such field); then time per page:\n\n{designs}\n\n"
        f"```\n{text}\n```\n\n```\n{dates}\n```\n"
    )
    out = RESULTS / f"{stamp}.md"
    out.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {out.relative_to(ROOT)} and {png.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
