"""Incremental runs: only what may have changed is fetched; changes become versions, removals marks."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from replica.server import serve
from tests.conftest import run_crawl

# The files that hold records: an unchanged second run must leave them byte for byte as they were.
RECORD_FILES = ("articles.jsonl", "articles.csv", "pages.jsonl")
# The files a run appends a snapshot to each time it reads the home page's widget.
SNAPSHOT_FILES = ("visitors.jsonl", "visitors.csv")


def crawl(server, archive: Path, *extra: str) -> list[tuple[str, str]]:
    """Run the real crawl; return the requests the server received during it."""
    server.requests.clear()
    run = run_crawl(server.url, archive, *extra)
    assert run.returncode == 0, run.stderr[-3000:]
    return list(server.requests)


def articles(archive: Path) -> dict[int, dict]:
    lines = (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["cms_id"]: record for record in map(json.loads, lines)}


def path_of(url: str) -> str:
    """The path and query of ``url``, as the server logs a request for it."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def snapshot(archive: Path) -> dict:
    """What the archive holds now: its article records, and the bytes of its record and media files."""
    files = {name: (archive / name).read_bytes() for name in (*RECORD_FILES, *SNAPSHOT_FILES)}
    media = {str(p.relative_to(archive)): p.read_bytes() for p in sorted((archive / "media").rglob("*")) if p.is_file()}
    return {"articles": articles(archive), "files": files, "media": media}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A first crawl, an unchanged second one, then a refresh after an edit and two removals.

    The archive is snapshotted after each of the three runs.
    """
    server = serve()
    archive = tmp_path_factory.mktemp("incremental")
    try:
        requests = {"first": crawl(server, archive)}
        after = {"first": snapshot(archive)}
        requests["second"] = crawl(server, archive)
        after["second"] = snapshot(archive)
        server.changes.retitled[743] = "Hội nghị trí thức năm 2023 (bài đã sửa)"
        server.changes.removed[738] = 404
        server.changes.removed[777] = 200
        requests["third"] = crawl(server, archive, "-a", "refresh=1")
        after["third"] = snapshot(archive)
    finally:
        server.shutdown()
    return {"requests": requests, "after": after, "dir": archive}


def test_second_run_over_an_unchanged_site_fetches_only_home_and_first_list_pages(runs):
    paths = sorted(path for method, path in runs["requests"]["second"])
    assert paths == sorted(
        ["/robots.txt", "/", "/Default.aspx?tabid=36"] + [f"/Default.aspx?tabid={t}" for t in (620, 621, 622, 623)]
    )


def test_second_run_leaves_every_article_record_as_it_was(runs):
    first, second = runs["after"]["first"]["articles"], runs["after"]["second"]["articles"]
    assert len(first) > 1
    assert second == first


@pytest.mark.parametrize("name", RECORD_FILES)
def test_second_run_leaves_the_record_files_byte_for_byte(runs, name):
    first, second = runs["after"]["first"]["files"][name], runs["after"]["second"]["files"][name]
    assert first
    assert second == first


def test_second_run_leaves_the_downloaded_media_as_they_were(runs):
    first, second = runs["after"]["first"]["media"], runs["after"]["second"]["media"]
    assert first
    assert second == first


@pytest.mark.parametrize("name", SNAPSHOT_FILES)
def test_second_run_adds_one_visitor_snapshot_and_keeps_the_earlier_ones(runs, name):
    first, second = runs["after"]["first"]["files"][name], runs["after"]["second"]["files"][name]
    assert second.startswith(first)
    assert len(second[len(first) :].splitlines()) == 1


def test_changed_article_gets_a_new_version_and_the_old_one_is_kept(runs):
    before, after = runs["after"]["second"]["articles"][743], runs["after"]["third"]["articles"][743]
    assert after["title"] == "Hội nghị trí thức năm 2023 (bài đã sửa)"
    assert after["version"] == 2
    assert after["first_seen"] == before["first_seen"]
    versions = [json.loads(line) for line in (runs["dir"] / "versions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(v["cms_id"], v["version"], v["title"]) for v in versions] == [(743, 1, before["title"])]
    assert versions[0]["seen_until"] == after["version_seen"]


def test_article_answering_404_is_marked_removed_not_deleted(runs):
    before, after = runs["after"]["second"]["articles"][738], runs["after"]["third"]["articles"][738]
    assert after["removed_at"]
    assert after["title"] == before["title"]


def test_article_saying_tin_khong_ton_tai_is_marked_removed(runs):
    assert not runs["after"]["second"]["articles"][777]["removed_at"]
    assert runs["after"]["third"]["articles"][777]["removed_at"]


def test_refresh_asks_again_for_every_known_article(runs):
    known = {path_of(record["url"]) for record in runs["after"]["second"]["articles"].values()}
    assert known <= {path for method, path in runs["requests"]["third"]}


def test_refresh_uses_conditional_requests_so_unchanged_articles_are_not_rewritten(runs):
    before, after = runs["after"]["second"]["articles"], runs["after"]["third"]["articles"]
    unchanged = [n for n in after if n not in (743, 738, 777)]
    assert unchanged
    assert all(after[n] == before[n] for n in unchanged)
