"""Normalize the text fields of a record; the ``*_raw`` copies stay as on the page."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from scrapy.crawler import Crawler

from scraper.items import Article, Page
from scraper.text import DEFAULT_STYLE, normalize

# normalized field ← raw field it is made from
TEXT_FIELDS = {"title": "title_raw", "body": "body_raw", "category": "category_raw"}
# Fields whose few values recur on every page of a site (a tab's name): normalized once per value.
RECURRING_FIELDS = frozenset(["category"])


@lru_cache(maxsize=1024)
def _normalized_once(raw: str, tone_style: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """``normalize`` of a recurring value, kept (bounded) for the next page that shows it."""
    text, changed = normalize(raw, tone_style=tone_style)
    return text, tuple(changed.items())


def normalize_record(record: Article | Page, tone_style: str = DEFAULT_STYLE) -> Article | Page:
    """Fill the normalized fields from the raw ones and count what each rule changed."""
    counts: Counter[str] = Counter()
    for name, raw_name in TEXT_FIELDS.items():
        raw = getattr(record, raw_name, None)
        if raw is None:
            continue
        if name in RECURRING_FIELDS:
            text, pairs = _normalized_once(raw, tone_style)
            changed = dict(pairs)
        else:
            text, changed = normalize(raw, tone_style=tone_style)
        setattr(record, name, text or None)
        counts.update(changed)
    record.normalized = dict(sorted(counts.items()))
    return record


class NormalizePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.tone_style = crawler.settings.get("ARCHIVE_TONE_STYLE", DEFAULT_STYLE)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, (Article, Page)):
            normalize_record(item, self.tone_style)
            for rule, n in item.normalized.items():
                self.stats.inc_value(f"normalize/{rule}", n)
        return item
