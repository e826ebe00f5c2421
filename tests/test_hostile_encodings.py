"""Compressed answers (replica/hostile/encodings.py): archived as Scrapy decodes them, and reextracted the same."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from replica.hostile.encodings import BOMB, ROUTES

ROOT = Path(__file__).parents[1]
RECORD_FILES = ("articles.jsonl", "pages.jsonl")
DECODED = [path for path in ROUTES if path != "/enc/bad-crc"]


def reextract(archive: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "scraper", "reextract", str(archive), *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def titles(archive: Path) -> dict[str, str]:
    """URL path → title of each article record."""
    found = {}
    for line in lines(archive / "articles.jsonl"):
        record = json.loads(line)
        found["/" + record["url"].split("/", 3)[-1]] = record["title"]
    return found


@pytest.fixture(scope="module")
def crawl(fault_crawl):
    return fault_crawl


@pytest.fixture(scope="module")
def rebuilt(crawl, tmp_path_factory):
    """A copy of the fault crawl's archive whose record files ``reextract`` rebuilt from its WARC files."""
    copy = tmp_path_factory.mktemp("encodings") / "archive"
    shutil.copytree(crawl["archive"], copy)
    # The one record from before the crawl is in no WARC file; without it the rebuild holds as many.
    earlier = [line for line in lines(copy / "articles.jsonl") if '"url": "http://earlier/"' not in line]
    (copy / "articles.jsonl").write_text("".join(line + "\n" for line in earlier), encoding="utf-8")
    run = reextract(copy)
    assert run.returncode == 0, run.stderr
    return copy


@pytest.mark.parametrize("path", DECODED)
def test_each_encoding_scrapy_decodes_gives_its_article(crawl, path):
    assert titles(crawl["archive"]).get(path) == ROUTES[path][0]


def test_a_gzip_bomb_is_counted_too_large_and_not_archived(crawl):
    log = Path(crawl["manifest"]["log"]).read_text(encoding="utf-8")
    assert f"Could not fetch {crawl['server'].url.rstrip('/')}{BOMB}: too-large" in log
    assert crawl["manifest"]["errors"].get("too-large", 0) >= 2  # the bomb and /f/huge
    assert BOMB not in titles(crawl["archive"])


def test_a_bad_crc_is_tolerated_as_scrapy_does(crawl):
    """Scrapy's gunzip keeps what decompressed before the CRC check failed (scrapy.utils.gz, issue 87)."""
    assert titles(crawl["archive"]).get("/enc/bad-crc") == ROUTES["/enc/bad-crc"][0]


@pytest.mark.parametrize("path", [*ROUTES, BOMB])
def test_reextract_gives_each_encoded_answer_the_crawl_record(crawl, rebuilt, path):
    def record(archive: Path) -> str | None:
        return next(
            (
                line
                for line in lines(archive / "articles.jsonl")
                if line.split('"url": ', 1)[1].startswith(json.dumps(crawl["server"].url.rstrip("/") + path)[:-1])
            ),
            None,
        )

    assert record(rebuilt) == record(crawl["archive"])
