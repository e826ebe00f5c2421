"""A crawl of the portal served in other designs archives every article with every field right.

Two layouts of the blind design corpus (replica/designs/) are served as whole sites on
loopback and crawled with ``scrapy crawl portal``; each archived article is held to the
corpus truth of its layout. The server's own address stands for the live portal's.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.designs import right
from replica.designs import BASES
from replica.designs.serve import serve
from replica.designs.truth import CORPUS_ARTICLES, LIVE, Page
from tests.conftest import run_crawl

LAYOUTS = ("dnn7", "bootstrap")
# Record field → truth field; visitor numbers are the start page's, which here is a bare list of links.
FIELDS = {
    "url": "url",
    "cms_id": "cms_id",
    "title_raw": "title",
    "published": "published",
    "category_raw": "category",
    "authors": "authors",
    "source": "source",
    "body_raw": "body",
    "views": "views",
    "images": "images",
    "related": "related",
}


def live(value: Any, origin: str) -> Any:
    """``value`` with the loopback server's address replaced by the live portal's."""
    if isinstance(value, str):
        return value.replace(origin, LIVE)
    if isinstance(value, list):
        return [live(v, origin) for v in value]
    if isinstance(value, dict):
        return {k: live(v, origin) for k, v in value.items()}
    return value


@pytest.fixture(scope="module", params=LAYOUTS)
def crawled(request, tmp_path_factory):
    server = serve(request.param)
    try:
        archive = tmp_path_factory.mktemp(f"design-{request.param}")
        # The design server holds four articles: sidebar links to other categories answer 404.
        run = run_crawl(server.url, archive, ARCHIVE_MAX_ERROR_RATE="0.5")
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr[-3000:]
    lines = (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = {r["cms_id"]: live(r, server.url) for r in map(json.loads, lines)}
    return request.param, records


def test_every_article_of_the_design_is_archived(crawled):
    _, records = crawled
    assert set(CORPUS_ARTICLES) <= set(records)


@pytest.mark.parametrize("field", FIELDS)
def test_every_archived_article_has_the_field_right(crawled, field):
    layout, records = crawled
    wrong = []
    for cms_id in CORPUS_ARTICLES:
        truth = BASES[layout].truth(Page("article", cms_id))
        found = records.get(cms_id, {}).get(field)
        if not right(FIELDS[field], found, truth[FIELDS[field]]):
            wrong.append((cms_id, found, truth[FIELDS[field]]))
    assert wrong == []
