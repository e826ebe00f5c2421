"""A known article that answers with another kind of page: a change recorded, never a silent relabel."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from replica.server import serve
from scraper.state import StateStore
from tests.conftest import run_crawl

REMOVED = 738


def crawl(server, archive: Path, *extra: str) -> tuple[subprocess.CompletedProcess, dict]:
    """Run the real crawl; return it and its manifest."""
    runs = set((archive / "runs").glob("*.json")) if (archive / "runs").exists() else set()
    run = run_crawl(server.url, archive, *extra)
    (path,) = set((archive / "runs").glob("*.json")) - runs
    return run, json.loads(path.read_text(encoding="utf-8"))


def articles(archive: Path) -> dict[int, dict]:
    lines = (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["cms_id"]: record for record in map(json.loads, lines)}


def kinds(archive: Path) -> dict[str, str]:
    with sqlite3.connect(archive / "state.sqlite") as db:
        return dict(db.execute("SELECT url, kind FROM urls"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A first crawl; a refresh while every page is a maintenance notice; a refresh after one article is gone."""
    server = serve()
    archive = tmp_path_factory.mktemp("kinds")
    first, _ = crawl(server, archive)
    assert first.returncode == 0, first.stderr[-3000:]
    before = articles(archive)
    server.changes.maintenance = True
    nightly, nightly_manifest = crawl(server, archive)
    maintenance, maintenance_manifest = crawl(server, archive, "-a", "refresh=1")
    kinds_after_maintenance = kinds(archive)
    server.changes.maintenance = False
    server.changes.removed[REMOVED] = 404
    last, _ = crawl(server, archive, "-a", "refresh=1")
    server.shutdown()
    return {
        "before": before,
        "nightly": nightly,
        "nightly_manifest": nightly_manifest,
        "maintenance": maintenance,
        "maintenance_manifest": maintenance_manifest,
        "kinds_after_maintenance": kinds_after_maintenance,
        "last": last,
        "after": articles(archive),
    }


def test_a_run_answered_by_maintenance_pages_fails_and_says_so(runs):
    known = len(runs["before"])
    assert runs["maintenance"].returncode == 1
    reason = f"{known} of {known} known articles answered with something else (maintenance page?)"
    assert runs["maintenance_manifest"]["reason"] == reason
    assert reason in runs["maintenance"].stderr.strip().splitlines()[-1]


def test_a_nightly_run_that_finds_only_maintenance_pages_fails_and_says_so(runs):
    """No known article is due, so none is fetched: the home and list pages alone must tell."""
    assert runs["nightly"].returncode == 1
    reason = runs["nightly_manifest"]["reason"]
    assert reason.startswith("none of the") and "shows or links an article" in reason
    assert reason in runs["nightly"].stderr.strip().splitlines()[-1]


def test_articles_answered_by_a_maintenance_page_are_counted_in_the_manifest(runs):
    assert runs["maintenance_manifest"]["counts"]["articles_turned_other"] == len(runs["before"])


def test_each_article_answered_by_a_maintenance_page_is_logged_with_its_url(runs):
    log = Path(runs["maintenance_manifest"]["log"]).read_text(encoding="utf-8")
    for record in runs["before"].values():
        assert f"Known article {record['url']} now answers with a list page" in log


def test_a_maintenance_page_leaves_known_articles_articles_in_the_state(runs):
    state = runs["kinds_after_maintenance"]
    assert {state[record["url"]] for record in runs["before"].values()} == {"article"}


def test_after_the_maintenance_only_the_article_gone_since_is_marked_removed(runs):
    assert runs["last"].returncode == 0, runs["last"].stderr[-3000:]
    changed = {n for n, record in runs["before"].items() if runs["after"][n] != record}
    assert changed == {REMOVED}
    gone = runs["after"][REMOVED]
    assert gone["removed_at"] and gone["title"] == runs["before"][REMOVED]["title"]


def test_the_state_never_relabels_an_article_as_a_list(tmp_path):
    state = StateStore(tmp_path / "state.sqlite")
    url = "http://127.0.0.1/Default.aspx?tabid=620&ChiTiet=True&CmsId=1"
    state.seen(url, "2024-01-01T00:00:00+00:00", status=200, kind="article")
    state.seen(url, "2024-01-02T00:00:00+00:00", status=200, kind="list")
    assert state.get(url).kind == "article"
    state.close()


def test_a_removed_article_answering_a_list_page_stays_removed(tmp_path):
    state = StateStore(tmp_path / "state.sqlite")
    url = "http://127.0.0.1/Default.aspx?tabid=620&ChiTiet=True&CmsId=1"
    state.seen(url, "2024-01-01T00:00:00+00:00", status=200, kind="article")
    state.removed(url, "2024-01-02T00:00:00+00:00")
    state.seen(url, "2024-01-03T00:00:00+00:00", status=200, kind="list")
    assert state.get(url).removed_at == "2024-01-02T00:00:00+00:00"
    state.close()
