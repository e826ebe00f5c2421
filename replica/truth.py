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
