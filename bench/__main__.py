"""``python -m bench``: speed, memory and accuracy, side by side with the alternatives, in one run.

Serves a generated replica (``REPLICA_GENERATED_ARTICLES``) on loopback in a process of
its own, then measures: the server alone; the full crawl against a bare Scrapy spider
fetching the same URLs with the same settings; an incremental rerun, and a refresh after
1% of the articles changed; peak memory at 1,000 and 10,000 articles; extraction time and
accuracy per page against trafilatura and htmldate; normalization and date speed. Prints
a table and writes it, with the machine's description, to ``bench/results/``.
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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
# Same settings for our crawl and the bare spider: fast, as against a local server.
SETTINGS = {
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


def bare_crawl(urls: list[str], workdir: Path) -> tuple[int, float]:
    """The bare spider over ``urls``; (responses, seconds)."""
    listing = workdir / "urls.txt"
    listing.write_text("\n".join(urls), encoding="utf-8")
    cmd = [sys.executable, "-m", "scrapy", "runspider", "bench/bare_spider.py", "-a", f"urls={listing}"]
    cmd += [arg for k, v in SETTINGS.items() for arg in ("-s", f"{k}={v}")]
    cmd += ["-s", f"ARCHIVE_DIR={workdir / 'bare'}"]
    started = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    found = re.search(r"'response_received_count': (\d+)", run.stderr)
    return (int(found.group(1)) if found else 0), seconds


def fetched_urls(archive: Path) -> list[str]:
    """The GET URLs the crawl fetched, from its state store (postback pages cannot be a GET)."""
    import sqlite3

    with sqlite3.connect(archive / "state.sqlite") as db:
        return [url for (url,) in db.execute("SELECT url FROM urls WHERE last_status IS NOT NULL")]


def server_alone(url: str, count: int = 600) -> float:
    pages = [f"{url}Default.aspx?tabid={620 + i % 3}&ChiTiet=True&CmsId={10_000 + i}" for i in range(count)]
    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda u: urllib.request.urlopen(u).read(), pages))
    return count / (time.perf_counter() - started)


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def overlap(found: str | None, truth: str) -> float:
    """Word-level F1 of an extracted body against the true one."""
    a, b = words(found), words(truth)
    if not a or not b:
        return 0.0
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall) if common else 0.0


def extraction(url: str, sample: int) -> dict[str, dict[str, float]]:
    """Time per page and field accuracy of our parser, trafilatura and htmldate, on the same pages."""
    from htmldate import find_date
    from trafilatura import bare_extraction

    from replica.truth import expected_articles
    from scraper.parsers.page import parse_page

    truth = [t for t in expected_articles(url) if t["cms_id"] >= 10_000][:sample]
    pages = [urllib.request.urlopen(t["url"]).read() for t in truth]
    score: dict[str, dict[str, float]] = {}

    def ours(html: bytes, t: dict) -> dict:
        a = parse_page(html, t["url"]).article
        return {"title": a.title_raw, "date": a.published, "author": a.author_initials, "body": a.body_raw}

    def trafilatura(html: bytes, t: dict) -> dict:
        doc = bare_extraction(html.decode("utf-8"), url=t["url"], with_metadata=True)
        data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
        author = data.get("author") or ""
        return {"title": data.get("title"), "date": data.get("date"), "author": author, "body": data.get("text")}

    def htmldate(html: bytes, t: dict) -> dict:
        return {"date": find_date(html.decode("utf-8"), outputformat="%Y-%m-%d", original_date=True)}

    tools: dict[str, Callable[[bytes, dict], dict]] = {
        "lavusta": ours,
        "trafilatura": trafilatura,
        "htmldate": htmldate,
    }
    for name, tool in tools.items():
        results, started = [], time.perf_counter()
        for html, t in zip(pages, truth, strict=True):
            results.append(tool(html, t))
        per_page_ms = (time.perf_counter() - started) * 1000 / len(pages)
        fields: dict[str, float] = {"ms_per_page": per_page_ms}
        n = len(truth)
        if "title" in results[0]:
            fields["title"] = (
                sum(
                    " ".join(words(r["title"])) == " ".join(words(t["title"]))
                    for r, t in zip(results, truth, strict=True)
                )
                / n
            )
        fields["date"] = sum(r["date"] == t["published"] for r, t in zip(results, truth, strict=True)) / n
        if "author" in results[0]:
            fields["author"] = (
                sum(_author_ok(r["author"], t["author_initials"]) for r, t in zip(results, truth, strict=True)) / n
            )
        if "body" in results[0]:
            fields["body_f1"] = (
                sum(overlap(r["body"], "\n".join(t["paragraphs"])) for r, t in zip(results, truth, strict=True)) / n
            )
        score[name] = fields
    return score


def _author_ok(found: list[str] | str | None, initials: list[str]) -> bool:
    found = found if isinstance(found, list) else [x.strip() for x in re.split(r"[;,]", found or "") if x.strip()]
    return sorted(found) == sorted(initials)


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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="the smaller site, for memory growth")
    parser.add_argument("--sample", type=int, default=300, help="pages for the extraction comparison")
    args = parser.parse_args()
    os.environ["REPLICA_GENERATED_ARTICLES"] = str(args.articles)
    rows = Rows()
    work = Path(tempfile.mkdtemp(prefix="lavusta-bench-"))
    print(f"Benchmark: a replica of {args.articles:,} articles; about 5 minutes, a line per measure", file=sys.stderr)

    server = Server(args.articles)
    alone = server_alone(server.url)
    rows.append(("replica server alone", f"{alone:,.0f} pages/s", "must exceed the crawl's rate"))
    full = crawl(server.url, work / "full")
    pages = full["counts"]["pages_fetched"]
    ours_rate = pages / full["seconds"]
    n_bare, bare_seconds = bare_crawl(fetched_urls(work / "full"), work)
    bare_rate = n_bare / bare_seconds
    rows.append(
        (
            "full crawl (parse, normalize, archive, WARC)",
            f"{pages:,} pages in {full['seconds']:.0f} s = {ours_rate:.0f} pages/s",
            "",
        )
    )
    rows.append(
        (
            "bare Scrapy spider, same URLs and settings",
            f"{n_bare:,} pages in {bare_seconds:.0f} s = {bare_rate:.0f} pages/s",
            "",
        )
    )
    rows.append(("ratio full / bare", f"{ours_rate / bare_rate:.2f}", "target ≥ 0.8"))
    again = crawl(server.url, work / "full")
    rows.append(
        (
            "incremental rerun, unchanged site",
            f"{again['counts']['requests']} requests ({again['counts']['requests'] / full['counts']['requests']:.1%}), "
            f"{again['seconds']:.1f} s ({again['seconds'] / full['seconds']:.1%})",
            "target ≤ 10%",
        )
    )
    rows.append(
        (
            "peak memory (RSS), full crawl",
            f"{full['counts']['peak_rss_mb']:.0f} MB at {args.articles:,} articles",
            "target < 300 MB",
        )
    )
    score = extraction(server.url, args.sample)
    server.stop()

    changed_server = Server(args.articles, retitled_every=100, port=server.port)
    refresh = crawl(changed_server.url, work / "full", "-a", "refresh=1")
    changed_server.stop()
    expected = len(range(0, args.articles, 100))
    rows.append(
        (
            "refresh after 1% of articles changed",
            f"{refresh['counts']['articles_changed']} of {expected} changes found",
            "all",
        )
    )

    small_server = Server(args.small)
    small = crawl(small_server.url, work / "small")
    small_server.stop()
    rows.append(
        (
            "peak memory growth",
            f"{small['counts']['peak_rss_mb']:.0f} MB at {args.small:,} → "
            f"{full['counts']['peak_rss_mb']:.0f} MB at {args.articles:,} articles",
            "flat, not linear",
        )
    )

    for name, fields in score.items():
        shown = ", ".join(f"{k} {v:.0%}" if k != "ms_per_page" else f"{v:.2f} ms/page" for k, v in fields.items())
        rows.append((f"extraction: {name}", shown, f"{args.sample} generated article pages"))

    text = subprocess.run(
        [sys.executable, "bench/bench_text.py", "5"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dates = subprocess.run(
        [sys.executable, "bench/bench_dates.py"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    speed = next((line for line in text.splitlines() if line.startswith("normalize:")), "normalize: = not measured")
    rows.append(("normalization", speed.split("= ")[-1], "replica bodies"))

    table = "| measure | result | note |\n|---|---|---|\n" + "".join(f"| {a} | {b} | {c} |\n" for a, b, c in rows)
    report = (
        f"# Benchmark {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\nMachine: {machine()}\n\n{table}\n"
        f"```\n{text}\n```\n\n```\n{dates}\n```\n"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}.md"
    out.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
