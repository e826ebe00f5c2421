"""Incremental runs: only what may have changed is fetched; changes become versions, removals marks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replica.server import serve
from tests.conftest import run_crawl


def crawl(server, archive: Path, *extra: str) -> list[tuple[str, str]]:
    """Run the real crawl; return the requests the server received during it."""
    server.requests.clear()
    run = run_crawl(server.url, archive, *extra)
    assert run.returncode == 0, run.stderr[-3000:]
    return list(server.requests)


def articles(archive: Path) -> dict[int, dict]:
    lines = (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["cms_id"]: record for record in map(json.loads, lines)}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A first crawl, an unchanged second one, then a refresh after an edit and two removals."""
    server = serve()
    archive = tmp_path_factory.mktemp("incremental")
    first = crawl(server, archive)
    second = crawl(server, archive)
    before = articles(archive)
    server.changes.retitled[743] = "Hội nghị trí thức năm 2023 (bài đã sửa)"
    server.changes.removed[738] = 404
    server.changes.removed[777] = 200
    third = crawl(server, archive, "-a", "refresh=1")
    server.shutdown()
    after = articles(archive)
    return {"first": first, "second": second, "third": third, "before": before, "after": after, "dir": archive}


def test_second_run_over_an_unchanged_site_fetches_only_home_and_first_list_pages(runs):
    paths = sorted(path for method, path in runs["second"])
    assert paths == sorted(
        ["/robots.txt", "/", "/Default.aspx?tabid=36"] + [f"/Default.aspx?tabid={t}" for t in (620, 621, 622, 623)]
    )


def test_second_run_leaves_every_record_as_it_was(runs):
    assert runs["after"].keys() == runs["before"].keys()


def test_changed_article_gets_a_new_version_and_the_old_one_is_kept(runs, tmp_path):
    changed = runs["after"][743]
    assert changed["title"] == "Hội nghị trí thức năm 2023 (bài đã sửa)"
    assert changed["version"] == 2
    assert changed["first_seen"] == runs["before"][743]["first_seen"]
    versions = [json.loads(line) for line in (runs["dir"] / "versions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(v["cms_id"], v["version"], v["title"]) for v in versions] == [(743, 1, runs["before"][743]["title"])]
    assert versions[0]["seen_until"] == changed["version_seen"]


def test_article_answering_404_is_marked_removed_not_deleted(runs):
    gone = runs["after"][738]
    assert gone["removed_at"] and gone["title"] == runs["before"][738]["title"]


def test_article_saying_tin_khong_ton_tai_is_marked_removed(runs):
    assert runs["after"][777]["removed_at"]


def test_refresh_uses_conditional_requests_so_unchanged_articles_are_not_rewritten(runs):
    unchanged = [n for n in runs["after"] if n not in (743, 738, 777)]
    assert all(runs["after"][n] == runs["before"][n] for n in unchanged)
