"""``python -m bench.designs``: every field of every page of the design corpus, ours beside trafilatura.

The corpus (``replica.designs``) holds the same articles in 16 layouts the portal has had
or may get, each page with its truth written blind. For each layout and field this prints
the share of pages read right by our parsers and by trafilatura (which knows nothing of
the portal), as a Markdown table; then the time per page of each, per layout and in all,
with the ratio: ours whole (normalization, validation and content hash included, as
``python -m scraper extract`` reads a page) and our parsers alone (the crawl's parse step).
The machine may be shared, so times are CPU time of this process, taken over several
rounds that alternate the tools, and the median round is reported (each tool warmed on
one page first, so imports are not counted): ``python -m bench.designs [ROUNDS]``.
``python -m bench.designs --stages`` prints where our time goes instead, stage by stage.
"""

from __future__ import annotations

import functools
import importlib
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from replica.designs import Entry, corpus

# The fields a reader of the portal is judged on, in the order of the table.
FIELDS = (
    "kind", "url", "title", "published", "category", "authors", "source",
    "body", "views", "images", "related", "visitors", "page_clock", "captured_at",
)  # fmt: skip
VISITOR_FIELDS = {
    "visits": "visits",
    "today": "visits_today",
    "yesterday": "visits_yesterday",
    "this_week": "visits_week",
    "this_month": "visits_month",
    "online_guests": "online_guests",
    "online_members": "online_members",
    "online_total": "online_total",
}


def words(text: Any) -> list[str]:
    """The words of a text, lower-cased: how two texts are compared when spacing may differ."""
    return re.findall(r"\w+", str(text or "").lower())


def ours(entry: Entry, pipelines: bool = True) -> dict[str, Any]:
    """Our reading of a page, as ``python -m scraper extract`` gives it (the page's own address found)."""
    from scraper.extract import read

    local = entry.address.startswith("file:")
    address = None if local else entry.address
    record = read(entry.html, address, entry.content_type, fallback=entry.address, pipelines=pipelines)
    visitors = record.get("visitors") or {}
    record["visitors"] = {key: visitors.get(name) for key, name in VISITOR_FIELDS.items()}
    record["title"] = record.get("title_raw")
    record["body"] = record.get("body_raw")
    record["category"] = record.get("category_raw")
    return record


def parsers(entry: Entry) -> dict[str, Any]:
    """Our parsers alone, the crawl's parse step: the same fields read, before the pipelines normalize them."""
    return ours(entry, pipelines=False)


def trafilatura(entry: Entry) -> dict[str, Any]:
    """What trafilatura 2.x reads of the same page (fields it has no notion of stay empty)."""
    from trafilatura import bare_extraction

    url = None if entry.address.startswith("file:") else entry.address
    document = bare_extraction(entry.html.decode("utf-8", "replace"), url=url, with_metadata=True)
    data = document.as_dict() if hasattr(document, "as_dict") else (document or {})
    authors = [name.strip() for name in re.split(r"[;,]", data.get("author") or "") if name.strip()]
    categories = data.get("categories") or []
    return {
        "kind": "article" if data.get("text") else None,
        "url": data.get("url"),
        "title": data.get("title"),
        "published": data.get("date"),
        "category": categories[0] if categories else None,
        "authors": authors,
        "body": data.get("text"),
    }


def right(field: str, found: Any, truth: Any) -> bool:
    """Whether ``found`` is the true value: texts by their words, lists and numbers exactly."""
    if field in ("title", "category", "source", "body"):
        return words(found) == words(truth) and (found is None) == (truth is None)
    if field == "authors":
        return list(found or []) == list(truth or [])
    return found == truth


ROUNDS = 5


def score(read: Callable[[Entry], dict[str, Any]], entries: Iterable[Entry]) -> tuple[dict, dict]:
    """Per layout and field: [right, pages]; and the pages each field was wrong on."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    wrong: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        found = read(entry)
        for field in FIELDS:
            if field not in found and read is not ours:
                continue
            cell = table[entry.layout][field]
            cell[1] += 1
            if right(field, found.get(field), entry.truth.get(field)):
                cell[0] += 1
            else:
                wrong[field].append(f"{entry.layout} {entry.address}")
    return table, wrong


def seconds(read: Callable[[Entry], dict[str, Any]], entries: list[Entry]) -> float:
    """CPU seconds ``read`` takes over ``entries``: what other work on the machine takes is not counted."""
    started = time.process_time()
    for entry in entries:
        read(entry)
    return time.process_time() - started


def timings(
    tools: dict[str, Callable], entries: list[Entry], rounds: int = ROUNDS
) -> tuple[dict[str, dict[str, float]], dict[str, list[float]]]:
    """Median ms per page of each tool, per layout and over all pages ("all"), the tools taking turns each round;
    and each round's ms per page over all pages, so the spread between rounds can be shown beside the median."""
    layouts: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        layouts[entry.layout].append(entry)
    for read in tools.values():
        read(entries[0])  # imports and first-call set-up (scrapy under pipelines, lxml) are no per-page cost
    taken: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in tools}
    for _ in range(rounds):
        for name, read in tools.items():
            for layout, pages in layouts.items():
                taken[name][layout].append(seconds(read, pages) * 1000 / len(pages))
    medians = {name: {layout: statistics.median(ms) for layout, ms in by.items()} for name, by in taken.items()}
    per_round: dict[str, list[float]] = {}
    for name, by in taken.items():  # all pages: each round's total, then the median round
        totals = [sum(by[layout][i] * len(layouts[layout]) for layout in layouts) for i in range(rounds)]
        per_round[name] = [total / len(entries) for total in totals]
        medians[name]["all"] = statistics.median(totals) / len(entries)
    return medians, per_round


# What ``scraper.extract.read`` does to a page, stage by stage: (module, function, stage).
STAGES = (
    ("scraper.parsers.document", "_decoded", "decode"),
    ("lxml.html", "document_fromstring", "lxml parse"),
    ("scraper.parsers.document", "read_head", "head: meta, JSON-LD, toolbar"),
    ("scraper.parsers.document", "_strip", "strip: scripts, comments, toolbar"),
    ("scraper.parsers.document", "_lines", "line walk"),
    ("scraper.extract", "load", "load: the rest (control characters, parser)"),
    ("scraper.parsers.page", "widgets", "widgets: clock, counters"),
    ("scraper.parsers.page", "parse_article", "article fields"),
    ("scraper.parsers.page", "parse_static", "text page"),
    ("scraper.parsers.page", "dates_mentioned_checked", "dates mentioned in the body"),
    ("scraper.parsers.page", "documents", "documents cited in the body"),
    ("scraper.parsers.page", "captured_at", "capture time"),
    ("scraper.extract", "parse_document", "page: the rest (URLs, records)"),
    ("scraper.extract", "normalize_record", "normalization"),
    ("scraper.extract", "flag", "validation"),
    ("scraper.extract", "content_hash", "content hash"),
    ("scraper.extract", "read", "read: the rest (the record's dict)"),
)


def stages(entries: list[Entry], rounds: int = ROUNDS) -> dict[str, float]:
    """CPU ms per page in each of ``STAGES`` (its own time, without the stages it calls), over ``rounds`` passes.

    Each stage's function is wrapped for the run and restored after; the wrappers cost
    a few microseconds a call, so the total is a little above ``timings``'.
    """
    spent: dict[str, float] = defaultdict(float)
    inner: list[float] = []  # per open stage: the time of the stages it called

    def timed(stage: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                took = time.process_time() - started
                spent[stage] += took - inner.pop()
                if inner:
                    inner[-1] += took

        return run

    originals = [(importlib.import_module(module), name) for module, name, _ in STAGES]
    saved = [getattr(module, name) for module, name in originals]
    try:
        for (module, name), function, (_, _, stage) in zip(originals, saved, STAGES, strict=True):
            setattr(module, name, timed(stage, function))
        ours(entries[0])
        spent.clear()
        for _ in range(rounds):
            for entry in entries:
                ours(entry)
    finally:
        for (module, name), function in zip(originals, saved, strict=True):
            setattr(module, name, function)
    return {stage: seconds * 1000 / rounds / len(entries) for stage, seconds in spent.items()}


def print_stages(rounds: int) -> None:
    """Where our time goes, most first, as a Markdown table."""
    ms = stages(list(corpus()), rounds)
    total = sum(ms.values())
    print("| stage | ms/page | share |\n|---|---|---|")
    for stage, value in sorted(ms.items(), key=lambda item: -item[1]):
        print(f"| {stage} | {value:.3f} | {value / total:.0%} |")
    print(f"| all | {total:.3f} | |")


def main(rounds: int = ROUNDS) -> None:
    """Pages right per layout and field, ours · trafilatura ("—": it has no such field); then ms per page and ratios.

    Ours is timed twice: the whole reading (``python -m scraper extract``: parsers, then
    normalization, validation and content hash, as the crawl's pipelines do them) and the
    parsers alone (the crawl's parse step), which must read every judged field the same.
    """
    entries = list(corpus())
    tools = {"lavusta": ours, "parsers": parsers, "trafilatura": trafilatura}
    results = {name: score(tool, entries) for name, tool in tools.items()}
    print("| layout | pages | " + " | ".join(FIELDS) + " |")
    print("|---|---|" + "---|" * len(FIELDS))
    layouts = list(dict.fromkeys(e.layout for e in entries))
    pages = {layout: sum(1 for e in entries if e.layout == layout) for layout in layouts}
    for layout in layouts:
        cells = []
        for field in FIELDS:
            ours_right, _ = results["lavusta"][0][layout].get(field, [0, 0])
            theirs_right, theirs_pages = results["trafilatura"][0][layout].get(field, [0, 0])
            cells.append(f"{ours_right} · {theirs_right if theirs_pages else '—'}")
        print(f"| {layout} | {pages[layout]} | {' | '.join(cells)} |")
    same = results["parsers"][1] == results["lavusta"][1]
    print(f"\nOur parsers alone read every field as the whole reading does: {'yes' if same else 'NO'}")
    ms, per_round = timings(tools, entries, rounds)
    print(f"\nms per page (CPU, median of {rounds} rounds):\n")
    print("| layout | pages | lavusta | parsers alone | trafilatura | ratio | ratio, parsers alone |")
    print("|---|---|---|---|---|---|---|")
    for layout in [*layouts, "all"]:
        whole, alone, theirs = (ms[name][layout] for name in tools)
        count = pages.get(layout, len(entries))
        print(
            f"| {layout} | {count} | {whole:.2f} | {alone:.2f} | {theirs:.2f} | "
            f"{theirs / whole:.1f}× | {theirs / alone:.1f}× |"
        )
    # The same round's times of each tool, as they ran one after another: the machine's drift shows here.
    spread = {
        name: sorted(t / o for t, o in zip(per_round["trafilatura"], per_round[name], strict=True))
        for name in ("lavusta", "parsers")
    }
    print(
        f"\nRatio in each round, all pages: whole {spread['lavusta'][0]:.1f}–{spread['lavusta'][-1]:.1f}×, "
        f"parsers alone {spread['parsers'][0]:.1f}–{spread['parsers'][-1]:.1f}×"
    )


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    (print_stages if "--stages" in sys.argv else main)(numbers[0] if numbers else ROUNDS)
