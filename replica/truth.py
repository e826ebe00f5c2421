"""The ground truth: the records a perfect scrape of the replica yields.

Read from the same content the server renders, so tests compare a crawl against what
the pages really say. Text fields are raw, exactly as the page's text nodes hold them
(no-break spaces, double spaces and the portal's typos kept); normalizing is the
archiver's job, not the truth's.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from replica.content import ARTICLES, STATIC_PAGES, Article, category, plain, related

EXPECTED_VISITORS = {"visits": 1234567, "online_guests": 3, "online_members": 0, "online_total": 3}


def article_url(base_url: str, item: Article) -> str:
    """The canonical address of an article: tabid, ChiTiet, CmsId in that order."""
    return f"{base_url}Default.aspx?tabid={item.tabid}&ChiTiet=True&CmsId={item.cms_id}"


def lines(body: tuple[str, ...]) -> list[str]:
    """Each visual line of a body, a ``<p>`` or a ``<br>``-separated line, as shown."""
    return [plain(line) for paragraph in body for line in paragraph.split("\n")]


def expected_articles(base_url: str) -> list[dict[str, Any]]:
    """One record per article, oldest first; ``base_url`` ends with "/"."""
    return [
        {
            "url": article_url(base_url, item),
            "cms_id": item.cms_id,
            "category": category(item.tabid).name,
            "title": item.title,
            "published": item.published.isoformat(),
            "byline": item.byline.text if item.byline else None,
            "author_initials": list(item.byline.initials) if item.byline else [],
            "paragraphs": lines(item.body),
            "images": [base_url + image.path.lstrip("/") for image in item.images],
            "attachments": [base_url + quote(a.path).lstrip("/") for a in item.attachments],
            "related": [article_url(base_url, other) for other in related(item)],
        }
        for item in ARTICLES
    ]


def expected_pages(base_url: str) -> list[dict[str, Any]]:
    """One record per static page (no date, no byline)."""
    return [
        {"url": f"{base_url}Default.aspx?tabid={page.tabid}", "title": page.title, "paragraphs": lines(page.body)}
        for page in STATIC_PAGES
    ]


def expected_visitors() -> dict[str, int]:
    """The widgets' numbers on every page of a server started with default options."""
    return dict(EXPECTED_VISITORS)


LIVE_URL = "https://lavusta.longan.gov.vn/"
WAYBACK_PREFIX = "https://web.archive.org/web/20240418063200/"


def _snapshot_truth() -> dict[str, dict[str, Any]]:
    """The correct reading of each saved page in snapshots/ (see its README).

    URLs in the records are the live site's, as a parser should report them from a
    Web Archive copy, with the archive's prefix taken off."""
    articles = {record["cms_id"]: record for record in expected_articles(LIVE_URL)}
    pages = {record["url"]: record for record in expected_pages(LIVE_URL)}
    seed, old = articles[743], articles[415]
    return {
        "wayback-20240418063200-cmsid-743.html": {
            "kind": "article",
            "url": seed["url"],
            "archived_url": WAYBACK_PREFIX + seed["url"],
            "page_clock": "2024-04-18T13:32:00+07:00",
            "visitors": {"visits": 1187342, "online_guests": 5, "online_members": 0, "online_total": 5},
            "record": seed,
        },
        "old-design-2019-cmsid-415.html": {
            "kind": "article",
            "url": old["url"],
            "page_clock": None,  # "Thứ Năm, 14/03/2019": a date without a time
            "visitors": {"visits": 654321},
            "record": {**old, "related": [articles[402]["url"]]},  # only what existed in March 2019
        },
        "static-tabid-609.html": {
            "kind": "page",
            "url": f"{LIVE_URL}Default.aspx?tabid=609",
            "page_clock": "2024-07-18T01:50:00+07:00",
            "visitors": {"visits": 1252804, "online_guests": 2, "online_members": 0, "online_total": 2},
            "record": pages[f"{LIVE_URL}Default.aspx?tabid=609"],
        },
    }


SNAPSHOT_TRUTH = _snapshot_truth()
