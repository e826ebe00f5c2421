"""End to end: the real ``scrapy crawl portal`` against the replica on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from replica.truth import expected_articles, expected_pages, expected_visitors
from scraper.text import normalize
from tests.conftest import run_crawl


def crawl(url: str, archive: Path) -> subprocess.CompletedProcess:
    return run_crawl(url, archive, CONCURRENT_REQUESTS="4")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def same_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def archive(replica, tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    run = crawl(replica.url, folder)
    assert run.returncode == 0, run.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def articles(archive):
    return {a["url"]: a for a in read_jsonl(archive / "articles.jsonl")}


def test_every_replica_article_is_archived_once(articles, replica):
    assert sorted(articles) == sorted(e["url"] for e in expected_articles(replica.url))


@pytest.mark.parametrize(
    "name", ["cms_id", "category", "published", "byline", "author_initials", "images", "attachments", "related"]
)
def test_article_field_matches_the_replica(articles, replica, name):
    wrong = {e["url"]: (e[name], articles[e["url"]][name]) for e in expected_articles(replica.url)}
    wrong = {url: pair for url, pair in wrong.items() if pair[0] != pair[1]}
    assert wrong == {}


def test_raw_title_and_body_are_the_pages_text(articles, replica):
    for e in expected_articles(replica.url):
        got = articles[e["url"]]
        assert got["title_raw"] == e["title"]
        assert [same_text(p) for p in got["body_raw"].split("\n\n")] == [same_text(p) for p in e["paragraphs"]]


def test_normalized_title_and_body_are_made_from_the_raw_text(articles):
    for got in articles.values():
        assert got["title"] == normalize(got["title_raw"])[0]
        assert got["body"] == normalize(got["body_raw"])[0]


def test_clock_and_fetch_time_are_iso_8601(articles):
    for got in articles.values():
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00", got["page_clock"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", got["fetched_at"])
        assert [e for e in got["errors"] if not e.startswith("body-date-")] == []


def test_images_and_attachments_are_stored_by_their_sha256(archive, articles, replica):
    for e in expected_articles(replica.url):
        stored = articles[e["url"]]["media"]
        assert sorted(m["url"] for m in stored) == sorted(set(e["images"] + e["attachments"]))
        for entry in stored:
            content = (archive / entry["path"]).read_bytes()
            assert hashlib.sha256(content).hexdigest() == entry["sha256"]
            assert entry["path"].startswith(f"media/{entry['sha256'][:2]}/{entry['sha256']}")


def test_csv_opens_in_pandas_with_every_article(archive, articles):
    frame = pd.read_csv(archive / "articles.csv", encoding="utf-8-sig")
    assert len(frame) == len(articles)
    seed = frame[frame["cms_id"] == 743].iloc[0]
    assert json.loads(seed["author_initials"]) == ["T.T.B"]
    assert seed["title"].startswith("Liên hiệp các Hội KH&KT Long An")


def test_static_pages_are_archived_as_pages(archive, replica):
    pages = {p["url"]: p for p in read_jsonl(archive / "pages.jsonl")}
    for e in expected_pages(replica.url):
        assert pages[e["url"]]["title"] == e["title"]
        assert pages[e["url"]]["body_raw"].split("\n\n") == e["paragraphs"]
    assert len(pages) == len(expected_pages(replica.url))


def test_one_visitor_snapshot_from_the_home_page(archive, replica):
    (snapshot,) = read_jsonl(archive / "visitors.jsonl")
    assert {k: snapshot[k] for k in expected_visitors()} == expected_visitors()
    assert snapshot["url"] == replica.url


def test_crawl_is_polite_and_fetches_each_page_once(archive, replica):
    gets = Counter(path for method, path in replica.requests if method == "GET")
    assert not any(path.lower().startswith("/admin/") for path in gets)
    media = {url for e in expected_articles(replica.url) for url in e["images"] + e["attachments"]}
    fetched_media = {replica.url + path.lstrip("/") for path in gets if path.lower().startswith("/portals/0/")}
    assert fetched_media <= media
    assert all(gets[path] == 1 for path in gets if path.lower().startswith("/portals/0/"))
    article_paths = [p for p in gets if "cmsid=" in p.lower()]
    assert all(gets[p] == 1 for p in article_paths)
    assert all(re.search(r"tabid=\d+&ChiTiet=True&CmsId=\d+$", p) for p in article_paths)


def test_postback_pages_are_reached(replica, archive):
    posts = [path for method, path in replica.requests if method == "POST"]
    assert posts, "the postback-paged category was never posted back"


def test_rerun_updates_the_archive_without_duplicates(replica, archive):
    before = len(read_jsonl(archive / "articles.jsonl"))
    run = crawl(replica.url, archive)
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(read_jsonl(archive / "articles.jsonl")) == before
    assert len(read_jsonl(archive / "visitors.jsonl")) == 2
    assert not (archive / ".staging").exists()


def test_unreachable_site_fails_with_one_line_and_leaves_archive_alone(tmp_path):
    (tmp_path / "articles.jsonl").write_text('{"url": "kept"}\n', encoding="utf-8")
    run = crawl("http://127.0.0.1:9/", tmp_path)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines()[-1].startswith("lavusta-archiver: run failed")
    assert "Traceback" not in run.stderr
    assert (tmp_path / "articles.jsonl").read_text(encoding="utf-8") == '{"url": "kept"}\n'
