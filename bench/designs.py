"""``python -m bench.designs``: every field of every page of the design corpus, ours beside trafilatura.

The corpus (``replica.designs``) holds the same articles in 16 layouts the portal has had
or may get, each page with its truth written blind. For each layout and field this prints
the share of pages read right by our parsers and by trafilatura (which knows nothing of
the portal), and the time per page of each (each tool warmed on one page first, so imports
are not counted), as a Markdown table.
"""

from __future__ import annotations

import re
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


def ours(entry: Entry) -> dict[str, Any]:
    """Our reading of a page, as ``python -m scraper extract`` gives it (the page's own address found)."""
    from scraper.extract import read

    local = entry.address.startswith("file:")
    record = read(entry.html, None if local else entry.address, entry.content_type, fallback=entry.address)
    visitors = record.get("visitors") or {}
    record["visitors"] = {key: visitors.get(name) for key, name in VISITOR_FIELDS.items()}
    record["title"] = record.get("title_raw")
    record["body"] = record.get("body_raw")
    record["category"] = record.get("category_raw")
    return record


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


def score(read: Callable[[Entry], dict[str, Any]], entries: Iterable[Entry]) -> tuple[dict, dict, float]:
    """Per layout and field: [right, pages]; the pages each field was wrong on; ms per page."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    wrong: dict[str, list[str]] = defaultdict(list)
    entries = list(entries)
    if entries:
        read(entries[0])  # imports and first-call set-up (scrapy under pipelines, lxml) are no per-page cost
    count, started = 0, time.perf_counter()
    for entry in entries:
        found = read(entry)
        count += 1
        for field in FIELDS:
            if field not in found and read is not ours:
                continue
            cell = table[entry.layout][field]
            cell[1] += 1
            if right(field, found.get(field), entry.truth.get(field)):
                cell[0] += 1
            else:
                wrong[field].append(f"{entry.layout} {entry.address}")
    return table, wrong, (time.perf_counter() - started) * 1000 / max(count, 1)


def main() -> None:
    """One row per layout, one column per field: pages right, ours · trafilatura ("—": it has no such field)."""
    entries = list(corpus())
    results = {name: score(tool, entries) for name, tool in (("lavusta", ours), ("trafilatura", trafilatura))}
    print("| layout | pages | " + " | ".join(FIELDS) + " |")
    print("|---|---|" + "---|" * len(FIELDS))
    for layout in dict.fromkeys(e.layout for e in entries):
        pages = sum(1 for e in entries if e.layout == layout)
        cells = []
        for field in FIELDS:
            ours_right, _ = results["lavusta"][0][layout].get(field, [0, 0])
            theirs_right, theirs_pages = results["trafilatura"][0][layout].get(field, [0, 0])
            cells.append(f"{ours_right} · {theirs_right if theirs_pages else '—'}")
        print(f"| {layout} | {pages} | {' | '.join(cells)} |")
    for name, (_, _, ms) in results.items():
        print(f"{name}: {ms:.2f} ms per page over {len(entries)} pages")


if __name__ == "__main__":
    main()
