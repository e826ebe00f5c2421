"""The archive's records, declared once.

Each field's ``doc`` metadata is the data dictionary: README's tables are checked
against it by a test, so the code and the documentation cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _f(doc: str, default: Any = None, factory: Any = None) -> Any:
    """A field with its data-dictionary sentence."""
    metadata = {"doc": doc}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


# The three fields every record has about where its copy came from.
CAPTURED_AT = "When a web archive captured the page (ISO 8601, UTC): the capture's timestamp for an imported capture, else from the copy's URL or toolbar; null for a page fetched live."
FETCHED_FROM = "Where this copy came from: `live` (the portal) or `web-archive` (a capture imported by `scrapy crawl history`). Not `source`, which names a publication the article cites."
CAPTURE_URL = "The address the capture was fetched from (`…/web/20210504032000id_/https://lavusta…`); null for a page fetched live."


@dataclass
class Article:
    """One news article (a ``ChiTiet=True`` page)."""

    url: str = _f("Canonical URL: `Default.aspx?tabid=T&ChiTiet=True&CmsId=N` on the original host.")
    cms_id: int | None = _f("The portal's article id (`CmsId`); grows over time.")
    category: str | None = _f(
        'Category: breadcrumbs, a "Chuyên mục:" label, the heading above the title, JSON-LD or the menu (see `provenance`), normalized text.'
    )
    title: str | None = _f("Title, normalized text, without the date stuck to its end.")
    published: str | None = _f(
        'Publication date, ISO `YYYY-MM-DD`: the date after the title, a labelled line ("Ngày đăng: …"), else markup (`<time>`, JSON-LD, `article:published_time`); see `provenance`; null when absent. Never the header clock.'
    )
    authors: list[str] = _f(
        'People the byline credits, each name whole as written: `["P.T.Thủy"]` for "Bài và ảnh: P.T.Thủy", `["T.T.B", "L.V.H"]` for "Bài: T.T.B; Ảnh: L.V.H", `["Minh Anh"]` for a bare bold or right-aligned name ending the body; `[]` for a source line or no byline.',
        factory=list,
    )
    author_initials: list[str] = _f(
        'Same list as `authors`, kept for readers of earlier archives (it once held only initials, and cut "P.T.Thủy" to "P.T").',
        factory=list,
    )
    byline: str | None = _f(
        'The byline as on the page ("Bài và ảnh: T.T.B"); a source line when it is the only credit; null when absent.'
    )
    source: str | None = _f(
        'The publication a source line cites ("Báo Long An" for "Nguồn: Báo Long An", "TTXVN" for "Theo TTXVN"); never an author; null when absent.'
    )
    views: int | None = _f(
        'The article\'s own view count when the page shows one ("Lượt xem: 1.234" is 1234); null when not shown.'
    )
    body: str | None = _f(
        'Body text, normalized: paragraphs joined by one blank line; no title, byline, source, tools, widgets or "Các tin khác".'
    )
    images: list[str] = _f("Absolute URLs of the body's images, in page order.", factory=list)
    attachments: list[str] = _f(
        "Absolute URLs of files the body links (pdf, doc, docx, xls, xlsx, zip, ...).", factory=list
    )
    related: list[str] = _f('Canonical URLs of the "Các tin khác" (other news) links, in page order.', factory=list)
    media: list[dict[str, str]] = _f(
        'The body\'s images and attachments as stored in the archive: `{"url": …, "path": "media/ab/abcd….jpg", "sha256": "abcd…"}` (the file name is its SHA-256).',
        factory=list,
    )
    dates_mentioned: list[dict[str, str]] = _f(
        'Dates cited in the body, in text order: `{"date": "2023-04-12", "text": "12/4/2023", "quote": "…Chương trình số 38-Ctr/Tu ngày 12/4/2023 của Ban…"}`; `date` is ISO, a month (`"2023-12"`) when the text names only a month. Cut or impossible dates are not listed (see `errors`).',
        factory=list,
    )
    documents: list[dict[str, str | None]] = _f(
        'Legal and party documents cited in the body: `{"kind": "Chương trình", "number": "14/2014/QĐ-TTg", "date": "2023-04-12"}` (the number as written; `date` null when not given).',
        factory=list,
    )
    page_clock: str | None = _f("The header clock (server time when the page was rendered), ISO 8601 with +07:00.")
    fetched_at: str | None = _f("When the page was fetched, ISO 8601 in UTC.")
    captured_at: str | None = _f(CAPTURED_AT)
    fetched_from: str = _f(FETCHED_FROM, default="live")
    capture_url: str | None = _f(CAPTURE_URL)
    title_raw: str | None = _f("Title exactly as on the page, only NFC-composed.")
    body_raw: str | None = _f("Body exactly as on the page (paragraphs joined by one blank line), only NFC-composed.")
    category_raw: str | None = _f("Category exactly as on the page, only NFC-composed.")
    normalized: dict[str, int] = _f(
        'Which normalization rules changed the text and how often, e.g. `{"whitespace": 3}`.', factory=dict
    )
    provenance: dict[str, str] = _f(
        'Which evidence decided each field, e.g. `{"published": "label:Ngày đăng", "authors": "byline:Bài và ảnh"}`.',
        factory=dict,
    )
    errors: list[str] = _f(
        "Problems met while extracting or validating this record (`missing-title`, `missing-body`, ...); empty when none.",
        factory=list,
    )
    content_hash: str | None = _f(
        "SHA-256 of what the article says (raw title, body, category, date, byline, images, attachments): a new hash is a new version."
    )
    version: int = _f(
        "1 for the first version archived; one more each time the content changed. Earlier versions are in `versions.jsonl`.",
        default=1,
    )
    version_seen: str | None = _f(
        "When this version was first seen (ISO 8601, UTC): its first fetch, or its earliest web-archive capture. Versions are numbered in this order, whatever order the copies were imported in."
    )
    first_seen: str | None = _f(
        "When the article was first seen (ISO 8601, UTC): first fetched, or first captured by a web archive."
    )
    removed_at: str | None = _f(
        'When the article was first found gone (HTTP 404/410 or "Tin không tồn tại"), ISO 8601 UTC; null while it is online. Removed articles stay in the archive.'
    )


@dataclass
class Page:
    """A text page that is not an article (functions and duties, contacts, ...)."""

    url: str = _f("URL of the page, tracking parameters removed.")
    title: str | None = _f("Page title (module title or first heading), normalized text.")
    body: str | None = _f("Page text, normalized, paragraphs joined by one blank line.")
    body_raw: str | None = _f("Page text exactly as on the page, only NFC-composed.")
    title_raw: str | None = _f("Title exactly as on the page, only NFC-composed.")
    page_clock: str | None = _f("The header clock (server time when the page was rendered), ISO 8601 with +07:00.")
    fetched_at: str | None = _f("When the page was fetched, ISO 8601 in UTC.")
    captured_at: str | None = _f(CAPTURED_AT)
    fetched_from: str = _f(FETCHED_FROM, default="live")
    capture_url: str | None = _f(CAPTURE_URL)
    normalized: dict[str, int] = _f("Which normalization rules changed the text and how often.", factory=dict)
    errors: list[str] = _f("Problems met while extracting or validating this record.", factory=list)
    content_hash: str | None = _f("SHA-256 of the page's raw title and text.")


@dataclass
class Visitors:
    """One snapshot of the visit counter and the "Người dùng Online" widget."""

    fetched_at: str | None = _f("When the page was fetched, ISO 8601 in UTC.")
    captured_at: str | None = _f(CAPTURED_AT)
    fetched_from: str = _f(FETCHED_FROM, default="live")
    capture_url: str | None = _f(CAPTURE_URL)
    page_clock: str | None = _f("The page's header clock, ISO 8601 with +07:00.")
    url: str | None = _f(
        "The page the widgets were read from: the home page on a live run; the captured page on a web-archive import."
    )
    visits: int | None = _f(
        'Total visits ("Số lượt truy cập", "Lượt truy cập", "Tổng lượt truy cập", "Tất cả"), from text such as "1.234.567" or "1,234,567" or from digit images; null when not shown.'
    )
    visits_today: int | None = _f('Visits today ("Hôm nay") as the counter shows them; null when not shown.')
    visits_yesterday: int | None = _f('Visits yesterday ("Hôm qua") as shown; null when not shown.')
    visits_week: int | None = _f('Visits this week ("Trong tuần", "Tuần này") as shown; null when not shown.')
    visits_month: int | None = _f('Visits this month ("Trong tháng", "Tháng này") as shown; null when not shown.')
    online_guests: int | None = _f('Guests online ("Khách:"); null when not shown, never derived from the total.')
    online_members: int | None = _f('Members online ("Thành Viên:"); null when not shown.')
    online_total: int | None = _f('Total online ("Tổng Cộng:", "Đang online", "Đang truy cập"); null when not shown.')


@dataclass
class Removal:
    """An archived article that the portal no longer serves; the archive marks it, never deletes it."""

    url: str = _f("Canonical URL of the removed article.")
    removed_at: str | None = _f("When the removal was seen (ISO 8601, UTC).")
    reason: str | None = _f('What the portal answered: "http-404", "http-410" or "tin-khong-ton-tai".')


RECORD_FILES: dict[type, str] = {Article: "articles", Page: "pages", Visitors: "visitors"}


def field_docs(cls: type) -> list[tuple[str, str]]:
    """(name, description) for every field of a record class, in order."""
    return [(f.name, f.metadata["doc"]) for f in fields(cls)]
