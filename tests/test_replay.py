"""Replay: the archive's WARC files, served by pywb (its own virtualenv, ``make pywb``), give back the pages.

Every request goes to 127.0.0.1: the replica, then pywb serving what was crawled from it.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from replica import pywb
from tests.conftest import run_crawl

ARTICLE_QUERY = "Default.aspx?tabid=620&ChiTiet=True&CmsId=743"


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def timestamp(fetched_at: str) -> str:
    """A record's ``fetched_at`` (ISO 8601, UTC) as a 14-digit web-archive timestamp."""
    return re.sub(r"\D", "", fetched_at)[:14]


@pytest.fixture(scope="module")
def archive(replica, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("replayed")
    run = run_crawl(replica.url, folder)
    assert run.returncode == 0, run.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def articles(archive) -> dict[str, dict]:
    lines = (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {a["url"]: a for a in map(json.loads, lines)}


@pytest.fixture(scope="module")
def wayback(archive, tmp_path_factory) -> Iterator[str]:
    """pywb serving collection ``warc``, built from the archive's WARC files."""
    root = tmp_path_factory.mktemp("pywb")
    pywb.build_collection(root, "warc", sorted((archive / "warc").glob("*.warc.gz")))
    with pywb.serve(root) as base:
        yield base


def test_pywb_replays_an_article_as_the_portal_sent_it(wayback, replica, articles):
    url = replica.url + ARTICLE_QUERY
    replayed = fetch(f"{wayback}warc/{timestamp(articles[url]['fetched_at'])}id_/{url}")
    assert replayed == fetch(url)


def test_a_missing_pywb_says_make_pywb(tmp_path, monkeypatch):
    monkeypatch.setenv("PYWB_BIN", str(tmp_path / "nowhere"))
    with pytest.raises(pywb.PywbMissing, match="make pywb"):
        pywb.build_collection(tmp_path / "root", "warc", [tmp_path / "a.warc.gz"])
