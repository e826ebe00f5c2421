"""Files of the wrong kind behind an article's images (replica/hostile/kinds.py): the record says which and why."""

from __future__ import annotations

import json

import pytest

from replica.hostile.kinds import EMPTY_IMAGE, MISSING_IMAGE


def record(crawl, path: str) -> dict:
    records = [json.loads(line) for line in (crawl["archive"] / "articles.jsonl").open(encoding="utf-8")]
    (found,) = [r for r in records if r["url"].endswith(path)]
    return found


def file_url(crawl, path: str) -> str:
    return crawl["server"].url.rstrip("/") + path


@pytest.mark.parametrize(
    ("page", "image", "reason"),
    [("/kinds/image-404", MISSING_IMAGE, "http_404"), ("/kinds/image-empty", EMPTY_IMAGE, "empty-content")],
)
def test_a_failed_image_is_named_with_its_url_and_reason_in_the_articles_errors(fault_crawl, page, image, reason):
    errors = record(fault_crawl, page)["errors"]
    assert f"media-failed: {file_url(fault_crawl, image)}: {reason}" in errors


def test_the_article_with_a_failed_image_is_archived_without_that_file(fault_crawl):
    article = record(fault_crawl, "/kinds/image-404")
    assert article["title"] == "Bài viết có ảnh đã bị xóa"
    assert article["media"] == []
