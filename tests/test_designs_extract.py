"""Every field of every page of the design corpus, read by the crawl's parsers, matches its blind truth.

The corpus (``replica.designs``) holds the portal's pages in the layouts it has had or
may get; its truth was written without reading the parsers. One test per layout and field
names the pages read wrong.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from bench.designs import FIELDS, ours, right
from replica.designs import Entry, corpus

LAYOUTS = tuple(dict.fromkeys(entry.layout for entry in corpus()))


@cache
def readings() -> dict[str, list[tuple[Entry, dict[str, Any]]]]:
    """Each layout's pages with our reading of each, read once for all the tests."""
    found: dict[str, list[tuple[Entry, dict[str, Any]]]] = {layout: [] for layout in LAYOUTS}
    for entry in corpus():
        found[entry.layout].append((entry, ours(entry)))
    return found


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_page_of_the_layout_reads_the_field_as_its_truth(layout: str, field: str) -> None:
    wrong = [
        f"{entry.address}: {record.get(field)!r} != {entry.truth.get(field)!r}"
        for entry, record in readings()[layout]
        if not right(field, record.get(field), entry.truth.get(field))
    ]
    assert not wrong, "\n".join(wrong)
