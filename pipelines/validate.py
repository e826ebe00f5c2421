"""Flag incomplete records, count them, and keep them: nothing fetched is dropped."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from scraper.items import Article, Page

REQUIRED = {Article: ("title", "body"), Page: ("body",)}


def problems(record: Article | Page) -> list[str]:
    """``missing-<field>`` for every required field that is empty."""
    return [f"missing-{name}" for name in REQUIRED[type(record)] if not getattr(record, name)]


def flag(record: Article | Page) -> None:
    """Add the record's problems to its ``errors``, each once."""
    record.errors += [p for p in problems(record) if p not in record.errors]


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, (Article, Page)):
            flag(item)
            for problem in item.errors:
                self.stats.inc_value(f"validate/{problem.split(':')[0]}")
            if item.errors:
                self.stats.inc_value(f"validate/{type(item).__name__.lower()}_flagged")
        return item
