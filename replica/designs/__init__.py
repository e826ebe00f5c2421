"""A corpus of the portal's pages in many designs, each page with its truth.

Built blind: each layout was written from a description of the design (PORTAL.md and what
Vietnamese portals of its kind show), never from the parsers. The same four articles
(``truth.CORPUS_ARTICLES``, the seed CmsId 743 among them) appear in every layout; some
layouts also hold a list page, the text page tabid=609 and a "Tin không tồn tại" page.

A layout is a module (or, for archive and saved copies, an object made by a wrapper) with
``PAGES`` (``truth.Page``s), ``CONTENT_TYPE``, ``render(page) -> bytes``,
``address(page) -> str`` (where the copy is read from) and ``truth(page) -> dict``.
``corpus()`` yields every page of every layout with its truth.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from replica.designs import amp, bootstrap, design2019, dnn5, dnn7, egov, html5, printview
from replica.designs.archive_today import ArchiveToday
from replica.designs.saved import SavedComplete, SavedWithBase
from replica.designs.truth import CORPUS_ARTICLES, FACTS, LIST_TAB, LIVE, MISSING_ID, TEXT_PAGE, Page, expected
from replica.designs.wayback import Wayback


class Layout(Protocol):
    PAGES: tuple[Page, ...]
    CONTENT_TYPE: str

    def render(self, page: Page) -> bytes: ...

    def address(self, page: Page) -> str: ...

    def truth(self, page: Page) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Entry:
    """One page of the corpus: where it is read from, its bytes and its correct reading."""

    layout: str
    address: str
    html: bytes
    content_type: str
    truth: dict[str, Any]


def live_address(page: Page) -> str:
    """The page's address on the live portal."""
    if page.kind == "article":
        return f"{LIVE}Default.aspx?tabid={LIST_TAB}&ChiTiet=True&CmsId={page.key}"
    if page.kind == "missing":
        return f"{LIVE}Default.aspx?tabid={LIST_TAB}&ChiTiet=True&CmsId={MISSING_ID}"
    return f"{LIVE}Default.aspx?tabid={page.key}"


def pages_of(kinds: tuple[str, ...]) -> tuple[Page, ...]:
    """The corpus pages of the given kinds: the four articles, then list, text and missing page."""
    found = [Page("article", n) for n in CORPUS_ARTICLES] if "article" in kinds else []
    found += [Page("list", LIST_TAB)] if "list" in kinds else []
    found += [Page("page", TEXT_PAGE)] if "page" in kinds else []
    found += [Page("missing", MISSING_ID)] if "missing" in kinds else []
    return tuple(found)


class Live:
    """A base layout as served by the portal: the module renders, truth.py says what it shows."""

    def __init__(self, name: str, module: Any) -> None:
        self.name, self.module = name, module
        self.PAGES = pages_of(FACTS[name].kinds)
        self.CONTENT_TYPE: str = module.CONTENT_TYPE

    def render(self, page: Page) -> bytes:
        return bytes(self.module.render(page))

    def address(self, page: Page) -> str:
        return str(getattr(self.module, "address", live_address)(page))

    def truth(self, page: Page) -> dict[str, Any]:
        return expected(self.name, page)


BASES = {
    "dnn5": Live("dnn5", dnn5),
    "dnn7": Live("dnn7", dnn7),
    "design2019": Live("design2019", design2019),
    "html5": Live("html5", html5),
    "egov": Live("egov", egov),
    "bootstrap": Live("bootstrap", bootstrap),
    "print": Live("print", printview),
    "amp": Live("amp", amp),
}
LAYOUTS: dict[str, Layout] = {
    **BASES,
    "saved-complete": SavedComplete("dnn5", BASES["dnn5"], None),
    "saved-base": SavedWithBase("design2019", BASES["design2019"], None),
    "wayback-2019": Wayback("design2019", BASES["design2019"], datetime(2024, 11, 14, 3, 10, 5, tzinfo=UTC)),
    "wayback-dnn5": Wayback("dnn5", BASES["dnn5"], datetime(2024, 7, 17, 18, 50, 12, tzinfo=UTC)),
    "wayback-dnn7": Wayback("dnn7", BASES["dnn7"], datetime(2024, 9, 5, 3, 4, 50, tzinfo=UTC)),
    "wayback-egov": Wayback("egov", BASES["egov"], datetime(2025, 3, 11, 7, 27, 41, tzinfo=UTC)),
    "wayback-bootstrap": Wayback("bootstrap", BASES["bootstrap"], datetime(2025, 5, 20, 2, 41, 9, tzinfo=UTC)),
    "archive-today-dnn7": ArchiveToday("dnn7", BASES["dnn7"], datetime(2024, 9, 5, 3, 4, 22, tzinfo=UTC)),
}


def corpus() -> Iterator[Entry]:
    """Every page of every layout, with its truth."""
    for name, layout in LAYOUTS.items():
        for page in layout.PAGES:
            yield Entry(name, layout.address(page), layout.render(page), layout.CONTENT_TYPE, layout.truth(page))
