"""What each page of the design corpus says, as data: the truth the parsers are scored against.

Written from the layouts' descriptions and the replica's content (replica/content.py), never
from the parsers. Each layout's facts (its clock, widget numbers, bylines, which furniture it
shows) are declared here; the layout modules read them to render, so a page and its truth
cannot drift apart. Text is raw, as the page's text nodes hold it (no-break spaces and the
portal's typos kept); each ``<p>`` and each ``<br>``-separated line is one paragraph, and
``body`` joins them with one blank line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from typing import Any
from urllib.parse import quote, urljoin

from replica.content import Article, article, category, plain, related, static_page

LIVE = "https://lavusta.longan.gov.vn/"
VN = timezone(timedelta(hours=7))
CORPUS_ARTICLES = (402, 738, 743, 777)  # the same four articles in every layout (743 is the seed page)
TEXT_PAGE = 609  # "Chức năng, nhiệm vụ, quyền hạn": prose without a date
LIST_TAB = 620  # "Hoạt động LHH tỉnh Long an", where all four articles belong
MISSING_ID = 999  # a CmsId the portal answers with "Tin không tồn tại"
PUBLISHED_AT = {402: time(7, 30), 738: time(16, 5), 743: time(8, 15), 777: time(10, 42)}
VISITOR_KEYS = (
    "visits",
    "today",
    "yesterday",
    "this_week",
    "this_month",
    "online_guests",
    "online_members",
    "online_total",
)
TRUTH_KEYS = (
    "kind",
    "url",
    "cms_id",
    "title",
    "published",
    "category",
    "authors",
    "byline",
    "source",
    "body",
    "views",
    "images",
    "related",
    "items",
    "visitors",
    "page_clock",
    "captured_at",
)


@dataclass(frozen=True)
class Page:
    """One page of a layout: ``kind`` is article, page, list or missing; ``key`` the CmsId or tabid."""

    kind: str
    key: int


@dataclass(frozen=True)
class Signed:
    """A byline exactly as a layout writes it, and what it means."""

    text: str
    authors: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True)
class Facts:
    """What a layout shows around the content, declared once for its pages and its truth."""

    clock: datetime | None  # the header clock (server render time, +07:00), None if not shown
    visitors: dict[str, int]  # only the widgets the layout shows
    bylines: dict[int, Signed]
    kinds: tuple[str, ...] = ("article",)
    views: dict[int, int] = field(default_factory=dict)  # "Lượt xem" per CmsId, when shown
    shows_category: bool = True
    related_count: int = 5  # how many "Các tin khác" links the layout shows (0: none)


T_T_B = Signed("Bài và ảnh: T.T.B", ("T.T.B",))
FACTS: dict[str, Facts] = {
    "dnn5": Facts(
        clock=datetime(2024, 7, 18, 1, 50, tzinfo=VN),
        visitors={"visits": 1252804, "online_guests": 2, "online_members": 0, "online_total": 2},
        bylines={
            402: T_T_B,
            738: Signed("Tin, ảnh: N.H.P", ("N.H.P",)),
            743: T_T_B,
            777: Signed("Bài: T.T.B; Ảnh: L.V.H", ("T.T.B", "L.V.H")),
        },
        kinds=("article", "list", "page", "missing"),
    ),
    "dnn7": Facts(
        clock=datetime(2024, 9, 5, 10, 4, tzinfo=VN),
        visitors={
            "visits": 1318790,
            "today": 412,
            "yesterday": 1067,
            "this_week": 3120,
            "this_month": 9874,
            "online_total": 7,
        },
        bylines={
            402: Signed("Người viết: N.Thảo", ("N.Thảo",)),
            738: Signed("Tác giả: P.T.Thủy", ("P.T.Thủy",)),
            743: T_T_B,
            777: Signed("Nguồn: Báo Long An", (), "Báo Long An"),
        },
        kinds=("article", "list", "page", "missing"),
        views={402: 2187, 738: 1523, 743: 1045, 777: 386},
    ),
    "design2019": Facts(
        clock=None,  # "Thứ Năm, 14/11/2024": a date without a time is no clock
        visitors={"visits": 654321},
        bylines={
            402: Signed("Tin, ảnh: N.H.P", ("N.H.P",)),
            738: Signed("Theo Báo Long An", (), "Báo Long An"),
            743: T_T_B,
            777: Signed("Tin, ảnh: N.V.A", ("N.V.A",)),
        },
        related_count=3,
    ),
    "html5": Facts(
        clock=None,
        visitors={"visits": 1402233},
        bylines={
            402: Signed("Bài: T.T.B; Ảnh: L.V.H", ("T.T.B", "L.V.H")),
            738: Signed("Người viết: Minh Anh", ("Minh Anh",)),
            743: T_T_B,
            777: Signed("Theo vusta.vn", (), "vusta.vn"),
        },
        kinds=("article", "page"),
        related_count=4,
    ),
    "egov": Facts(
        clock=datetime(2025, 3, 11, 14, 27, tzinfo=VN),  # "Cập nhật lúc 14:27 ngày 11/03/2025": the render time
        visitors={
            "visits": 2345678,
            "today": 1288,
            "yesterday": 2410,
            "online_guests": 14,
            "online_members": 1,
            "online_total": 15,
        },
        bylines={
            402: Signed("P.T.Thủy", ("P.T.Thủy",)),
            738: Signed("Minh Anh", ("Minh Anh",)),
            743: T_T_B,
            777: Signed("N.Thảo", ("N.Thảo",)),
        },
        kinds=("article", "list", "page", "missing"),
        views={402: 3310, 738: 2046, 743: 1794, 777: 902},
    ),
    "bootstrap": Facts(
        clock=datetime(2025, 5, 20, 9, 41, tzinfo=VN),
        visitors={"visits": 2456789, "online_total": 23},
        bylines={
            402: Signed("Tin, ảnh: N.H.P", ("N.H.P",)),
            738: Signed("Bài: T.T.B; Ảnh: L.V.H", ("T.T.B", "L.V.H")),
            743: T_T_B,
            777: Signed("Minh Anh", ("Minh Anh",)),
        },
        kinds=("article", "list", "missing"),
        views={402: 4021, 738: 2650, 743: 2301, 777: 1188},
        related_count=4,
    ),
    "print": Facts(
        clock=None,
        visitors={},
        bylines={
            402: T_T_B,
            738: Signed("Tin, ảnh: N.H.P", ("N.H.P",)),
            743: T_T_B,
            777: Signed("Bài: T.T.B; Ảnh: L.V.H", ("T.T.B", "L.V.H")),
        },
        shows_category=False,
        related_count=0,
    ),
    "amp": Facts(
        clock=None,
        visitors={},
        bylines={
            402: Signed("Tác giả: N.Thảo", ("N.Thảo",)),
            738: Signed("Tác giả: P.T.Thủy", ("P.T.Thủy",)),
            743: T_T_B,
            777: Signed("Nguồn: Báo Long An", (), "Báo Long An"),
        },
        related_count=3,
    ),
}


def article_url(item: Article) -> str:
    """The canonical address: tabid, ChiTiet, CmsId in that order, on the live host."""
    return f"{LIVE}Default.aspx?tabid={item.tabid}&ChiTiet=True&CmsId={item.cms_id}"


def lines(body: tuple[str, ...]) -> list[str]:
    """Each visual line of a body, a ``<p>`` or a ``<br>``-separated line, as shown."""
    return [plain(line) for paragraph in body for line in paragraph.split("\n")]


def corpus_article(cms_id: int) -> Article:
    found = article(cms_id)
    assert found is not None, cms_id
    return found


def shown_related(item: Article, count: int) -> list[Article]:
    """The "Các tin khác" a layout shows: the portal's related articles, first ``count``."""
    return related(item)[:count]


def list_items() -> list[Article]:
    """The corpus's list page shows the four corpus articles, newest first."""
    return sorted((corpus_article(n) for n in CORPUS_ARTICLES), key=lambda a: a.cms_id, reverse=True)


def visitors(shown: dict[str, int]) -> dict[str, int | None]:
    return {key: shown.get(key) for key in VISITOR_KEYS}


def _blank(page_kind: str, url: str, facts: Facts) -> dict[str, Any]:
    record: dict[str, Any] = {key: None for key in TRUTH_KEYS}
    record.update(kind=page_kind, url=url, authors=[], images=[], related=[], items=[])
    record.update(visitors=visitors(facts.visitors), page_clock=facts.clock.isoformat() if facts.clock else None)
    return record


def expected(layout: str, page: Page, image_base: str = LIVE) -> dict[str, Any]:
    """The correct reading of ``page`` in a base layout; image paths are resolved against ``image_base``."""
    facts = FACTS[layout]
    if page.kind == "article":
        return _article_truth(facts, corpus_article(page.key), image_base)
    if page.kind == "page":
        text = static_page(page.key)
        assert text is not None
        record = _blank("page", f"{LIVE}Default.aspx?tabid={text.tabid}", facts)
        record.update(title=text.title, body="\n\n".join(lines(text.body)))
        return record
    cat = category(LIST_TAB)
    assert cat is not None
    if page.kind == "list":
        record = _blank("list", f"{LIVE}Default.aspx?tabid={LIST_TAB}", facts)
        record.update(category=cat.name, items=[article_url(a) for a in list_items()])
        return record
    record = _blank("missing", f"{LIVE}Default.aspx?tabid={LIST_TAB}&ChiTiet=True&CmsId={page.key}", facts)
    record.update(cms_id=page.key, category=cat.name)
    return record


def _article_truth(facts: Facts, item: Article, image_base: str) -> dict[str, Any]:
    cat = category(item.tabid)
    assert cat is not None
    signed = facts.bylines[item.cms_id]
    record = _blank("article", article_url(item), facts)
    record.update(
        cms_id=item.cms_id,
        title=item.title,
        published=item.published.isoformat(),
        category=cat.name if facts.shows_category else None,
        authors=list(signed.authors),
        byline=signed.text,
        source=signed.source,
        body="\n\n".join(lines(item.body)),
        views=facts.views.get(item.cms_id),
        images=[urljoin(image_base, quote(image_path(image.path, image_base))) for image in item.images],
        related=[article_url(other) for other in shown_related(item, facts.related_count)],
    )
    return record


def image_path(path: str, image_base: str) -> str:
    """Where a body image is for a page read from ``image_base``: the portal's path on the
    live host, or a saved copy's local file (its folder plus the file's own name)."""
    return path.lstrip("/") if image_base == LIVE else path.rsplit("/", 1)[-1]
