"""What a perfect archive of the replica holds: the ground truth for tests and benchmarks."""

from __future__ import annotations

import re
from typing import Any

from replica.content import ARTICLES, CATEGORIES, STATIC_PAGES, ArticleData
from replica.pages import Widgets
from replica.server import related_to

INITIALS = re.compile(r"\b(?:[A-Z]\.)+[A-Z]\b")


def article_url(base: str, article: ArticleData) -> str:
    return f"{base}Default.aspx?tabid={article.tabid}&ChiTiet=True&CmsId={article.cms_id}"


def _paragraphs(article: ArticleData) -> list[str]:
    lines = [line for paragraph in article.paragraphs for line in paragraph]
    if article.inline_link:
        first = len(article.paragraphs[0]) - 1
        lines[first] += f" Xem thêm: {article.inline_link[1]}."
    lines += [f"File đính kèm: {href.rsplit('/', 1)[-1]}" for href in article.attachments]
    return lines


def _initials(byline: str | None) -> list[str]:
    if not byline or byline.startswith(("Nguồn", "Theo")):
        return []
    return INITIALS.findall(byline)


def expected_articles(base: str) -> list[dict[str, Any]]:
    """One dict per article; ``paragraphs`` are the body's lines as the page shows them."""
    names = {c.tabid: c.name for c in CATEGORIES}
    out = []
    for article in ARTICLES:
        others = [a for a in sorted(ARTICLES, key=lambda a: -a.cms_id) if a.tabid == article.tabid and a is not article]
        out.append(
            {
                "url": article_url(base, article),
                "cms_id": article.cms_id,
                "category": names[article.tabid],
                "title": article.title,
                "published": article.published.isoformat(),
                "byline": article.byline,
                "author_initials": _initials(article.byline),
                "paragraphs": _paragraphs(article),
                "images": [base + src.lstrip("/") for src in article.images],
                "attachments": [base + href.lstrip("/") for href in article.attachments],
                "related": [article_url(base, a) for a in related_to(article, others)],
            }
        )
    return out


def expected_pages(base: str) -> list[dict[str, Any]]:
    return [
        {"url": f"{base}Default.aspx?tabid={p.tabid}", "title": p.title, "paragraphs": list(p.paragraphs)}
        for p in STATIC_PAGES
    ]


def expected_visitors() -> dict[str, int]:
    widgets = Widgets()
    return {
        "visits": widgets.visits,
        "online_guests": widgets.guests,
        "online_members": widgets.members,
        "online_total": widgets.total,
    }
