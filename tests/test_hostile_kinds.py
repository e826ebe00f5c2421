"""Files of the wrong kind behind an article's images (replica/hostile/kinds.py): the record says which and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replica.hostile.kinds import EMPTY_IMAGE, MISSING_IMAGE


def archived(archive: Path, path: str) -> dict:
    records = [json.loads(line) for line in (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    (found,) = [r for r in records if r["url"].endswith(path)]
    return found


def file_url(crawl, path: str) -> str:
    return crawl["server"].url.rstrip("/") + path


@pytest.mark.parametrize(
    ("page", "image", "reason"),
    [("/kinds/image-404", MISSING_IMAGE, "http_404"), ("/kinds/image-empty", EMPTY_IMAGE, "empty-content")],
)
def test_a_failed_image_is_named_with_its_url_and_reason_in_the_articles_errors(fault_crawl, page, image, reason):
    errors = archived(fault_crawl["archive"], page)["errors"]
    assert f"media-failed: {file_url(fault_crawl, image)}: {reason}" in errors


def test_reextract_names_a_failed_image_with_its_url_and_reason_as_the_crawl_does(fault_crawl, fault_reextracted):
    errors = archived(fault_reextracted, "/kinds/image-empty")["errors"]
    assert f"media-failed: {file_url(fault_crawl, EMPTY_IMAGE)}: empty-content" in errors
