"""Saved copies of the portal parse like today's pages: a Wayback copy, the 2019 design, a static page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from replica.truth import SNAPSHOT_TRUTH
from scraper.extract import extract_file

SNAPSHOTS = Path(__file__).parents[1] / "replica" / "snapshots"
ARTICLE_FIELDS = ("url", "cms_id", "published", "byline", "author_initials", "images", "attachments", "related")


def same_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def extracted(name: str) -> dict:
    truth = SNAPSHOT_TRUTH[name]
    return extract_file(SNAPSHOTS / name, truth.get("archived_url") or truth["url"])


@pytest.mark.parametrize("name", sorted(SNAPSHOT_TRUTH))
def test_snapshot_kind_url_and_clock(name):
    got, truth = extracted(name), SNAPSHOT_TRUTH[name]
    assert (got["kind"], got["url"], got.get("page_clock")) == (truth["kind"], truth["url"], truth["page_clock"])


@pytest.mark.parametrize("name", sorted(SNAPSHOT_TRUTH))
def test_snapshot_title_and_paragraphs(name):
    got, record = extracted(name), SNAPSHOT_TRUTH[name]["record"]
    assert got["title_raw"] == record["title"]
    assert [same_text(p) for p in got["body_raw"].split("\n\n")] == [same_text(p) for p in record["paragraphs"]]


@pytest.mark.parametrize("name", [n for n, t in SNAPSHOT_TRUTH.items() if t["kind"] == "article"])
@pytest.mark.parametrize("field", ARTICLE_FIELDS)
def test_snapshot_article_field(name, field):
    assert extracted(name)[field] == SNAPSHOT_TRUTH[name]["record"][field]


@pytest.mark.parametrize("name", [n for n, t in SNAPSHOT_TRUTH.items() if t["kind"] == "article"])
def test_snapshot_category(name):
    assert extracted(name)["category_raw"] == SNAPSHOT_TRUTH[name]["record"]["category"]


@pytest.mark.parametrize("name", [n for n, t in SNAPSHOT_TRUTH.items() if t["kind"] == "article"])
def test_snapshot_widget_numbers(name):
    got, truth = extracted(name)["visitors"], SNAPSHOT_TRUTH[name]["visitors"]
    assert {k: got[k] for k in truth} == truth
