"""Compressed answers (replica/hostile/encodings.py): archived as Scrapy decodes them, and reextracted the same."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from replica.hostile.encodings import BOMB, ROUTES, article
from tests.conftest import FAULT_EARLIER
from tests.test_warc import gzip_bomb, response_record, warcinfo_record

ROOT = Path(__file__).parents[1]
RECORD_FILES = ("articles.jsonl", "articles.csv", "pages.jsonl", "visitors.jsonl", "visitors.csv", "versions.jsonl")
# Each decodable route's article title.
TITLES = {path: title for path, (title, _, _) in ROUTES.items()}


def reextract(archive: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "scraper", "reextract", str(archive), *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def titles(archive: Path) -> dict[str, str]:
    """URL path → title of each article record."""
    found = {}
    for line in (archive / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found["/" + record["url"].split("/", 3)[-1]] = record["title"]
    return found


@pytest.fixture(scope="module")
def crawl(fault_crawl):
    return fault_crawl


@pytest.fixture(scope="module")
def rebuilt(fault_reextracted) -> Path:
    return fault_reextracted


@pytest.mark.parametrize("path", [path for path in ROUTES if path != "/enc/bad-crc"])
def test_each_encoding_scrapy_decodes_gives_its_article(crawl, path):
    assert titles(crawl["archive"]).get(path) == TITLES[path]


def test_a_gzip_bomb_is_counted_too_large_and_not_archived(crawl):
    log = Path(crawl["manifest"]["log"]).read_text(encoding="utf-8")
    assert f"Could not fetch {crawl['server'].url.rstrip('/')}{BOMB}: too-large" in log
    assert crawl["manifest"]["errors"].get("too-large", 0) >= 2  # the bomb and /f/huge
    assert BOMB not in titles(crawl["archive"])


def test_a_bad_crc_is_no_error_the_page_is_kept_as_scrapy_keeps_it(crawl):
    """Scrapy's gunzip returns what decompressed before the CRC-32 check failed (scrapy.utils.gz)."""
    log = Path(crawl["manifest"]["log"]).read_text(encoding="utf-8")
    assert titles(crawl["archive"]).get("/enc/bad-crc") == TITLES["/enc/bad-crc"]
    assert "Could not fetch " + crawl["server"].url.rstrip("/") + "/enc/bad-crc" not in log


@pytest.mark.parametrize("name", ["articles.jsonl", "pages.jsonl"])
def test_reextract_rebuilds_the_crawl_record_files_byte_for_byte(crawl, rebuilt, name):
    crawled = (crawl["archive"] / name).read_bytes().replace(FAULT_EARLIER.encode(), b"")
    assert crawled and (rebuilt / name).read_bytes() == crawled


@pytest.mark.parametrize("path", ROUTES)
def test_reextract_decodes_each_encoding_to_its_article(rebuilt, path):
    assert titles(rebuilt).get(path) == TITLES[path]


def test_reextract_refuses_to_replace_records_with_fewer(crawl, tmp_path):
    copy = tmp_path / "archive"
    shutil.copytree(crawl["archive"], copy)  # with the record from before, which no WARC file holds
    before = {name: (copy / name).read_bytes() for name in RECORD_FILES if (copy / name).exists()}
    run = reextract(copy)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "reextract: the WARC files give no record of 1 articles the archive holds (such as http://earlier/); "
        "archive unchanged (--force replaces it)"
    ]
    assert {name: (copy / name).read_bytes() for name in before} == before


def test_reextract_refuses_to_drop_a_record_even_when_it_finds_as_many(crawl, tmp_path):
    """The archive's record from before is in no WARC file; one of the WARC's own is taken out to even the count."""
    copy = tmp_path / "archive"
    shutil.copytree(crawl["archive"], copy)
    lines = (copy / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (copy / "articles.jsonl").write_text("".join(line for line in lines if "/enc/br" not in line), encoding="utf-8")
    run = reextract(copy)
    assert run.returncode == 1
    assert "no record of 1 articles the archive holds (such as http://earlier/)" in run.stderr


def test_reextract_with_force_replaces_records_with_fewer(crawl, tmp_path):
    copy = tmp_path / "archive"
    shutil.copytree(crawl["archive"], copy)
    run = reextract(copy, "--force")
    assert run.returncode == 0, run.stderr
    assert FAULT_EARLIER not in (copy / "articles.jsonl").read_text(encoding="utf-8")


def test_reextract_memory_stays_bounded_with_two_gzip_bombs(tmp_path):
    """Two answers of 512 MiB each once decompressed (about 0.5 MB as received), with no size recorded."""
    (tmp_path / "warc").mkdir()
    bomb = response_record("http://127.0.0.1/bomb", gzip_bomb(512 << 20), "gzip")
    page = response_record("http://127.0.0.1/page", article("Trang giữa hai quả bom"))
    (tmp_path / "warc" / "lavusta-20250101000000-00001.warc.gz").write_bytes(warcinfo_record() + bomb + page + bomb)
    measure = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    cmd = [sys.executable, "-c", measure, sys.executable, "-m", "scraper", "reextract", str(tmp_path)]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.splitlines()[-1]) < 400 * 1024  # kilobytes
    assert list(titles(tmp_path).values()) == ["Trang giữa hai quả bom"]
