"""Only the crawl that holds an archive's lock touches it: other commands leave it, and a running crawl, alone."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from replica.server import serve
from replica.truth import expected_articles
from scraper.recover import adopt_leftovers
from scraper.runs import ArchiveLock
from tests.conftest import ROOT, crawl_command

STAGED = '{"url": "http://127.0.0.1/left-by-a-dead-run", "cms_id": 1, "fetched_at": "2024-01-01T00:00:00+00:00"}\n'


def staged_articles(archive: Path) -> int:
    return sum(len(p.read_bytes().splitlines()) for p in archive.glob(".staging/*/articles.jsonl"))


def scrapy(archive: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "scrapy", *args, "-s", f"ARCHIVE_DIR={archive}"]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def snapshot(archive: Path) -> dict[str, bytes]:
    return {str(p.relative_to(archive)): p.read_bytes() for p in sorted(archive.rglob("*")) if p.is_file()}


def leftovers(archive: Path) -> None:
    """What a killed run leaves: a staging folder and an open WARC file."""
    (archive / ".staging" / "20240101T000000000000Z").mkdir(parents=True)
    (archive / ".staging" / "20240101T000000000000Z" / "articles.jsonl").write_text(STAGED)
    (archive / "warc").mkdir()
    (archive / "warc" / "lavusta-20240101000000-00001.warc.gz.open").write_bytes(b"")


@pytest.fixture(scope="module")
def disturbed(tmp_path_factory):
    """A slow crawl, with ``scrapy fetch`` and ``scrapy shell`` run on its archive while it works."""
    server = serve()
    archive = tmp_path_factory.mktemp("locked") / "archive"
    crawl = subprocess.Popen(
        crawl_command(server.url, archive, DOWNLOAD_DELAY="0.25"), cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while staged_articles(archive) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    during = {
        "fetch": scrapy(archive, "fetch", "--nolog", server.url),
        "shell": scrapy(archive, "shell", "--nolog", server.url, "-c", "response.status"),
    }
    staged_after = staged_articles(archive)
    open_warcs = list((archive / "warc").glob("*.open"))
    _, stderr = crawl.communicate(timeout=240)
    server.shutdown()
    return {
        "crawl": crawl,
        "stderr": stderr,
        "during": during,
        "archive": archive,
        "url": server.url,
        "staged_after": staged_after,
        "open_warcs": open_warcs,
    }


def test_fetch_and_shell_work_beside_a_running_crawl(disturbed):
    assert disturbed["during"]["fetch"].returncode == 0, disturbed["during"]["fetch"].stderr[-2000:]
    assert "Liên hiệp" in disturbed["during"]["fetch"].stdout
    assert disturbed["during"]["shell"].stdout.strip() == "200"


def test_they_leave_the_running_crawls_staged_records_and_warc_file_in_place(disturbed):
    assert disturbed["staged_after"] >= 3
    assert len(disturbed["open_warcs"]) == 1


def test_the_disturbed_crawl_archives_every_article(disturbed):
    assert disturbed["crawl"].returncode == 0, disturbed["stderr"][-3000:]
    lines = (disturbed["archive"] / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    expected = sorted(e["url"] for e in expected_articles(disturbed["url"]))
    assert sorted(json.loads(line)["url"] for line in lines) == expected


def test_only_the_crawl_wrote_a_run_manifest(disturbed):
    manifests = [json.loads(p.read_text()) for p in (disturbed["archive"] / "runs").glob("*.json")]
    assert [m["status"] for m in manifests] == ["ok"]


def test_a_command_other_than_crawl_touches_nothing_of_an_idle_archive(tmp_path):
    archive = tmp_path / "archive"
    leftovers(archive)
    before = snapshot(archive)
    run = scrapy(archive, "fetch", "--nolog", "http://127.0.0.1:9/")
    assert run.returncode == 0
    assert snapshot(archive) == before
    assert not (archive / "runs").exists()


def test_leftovers_are_adopted_only_under_the_lock(tmp_path):
    leftovers(tmp_path)
    with pytest.raises(RuntimeError, match="only under its lock"):
        adopt_leftovers(tmp_path)
    assert (tmp_path / ".staging").exists()


def test_leftovers_of_a_dead_run_are_adopted_by_the_next_lock_holder(tmp_path):
    leftovers(tmp_path)
    lock = ArchiveLock(tmp_path)
    assert lock.acquire()
    try:
        adopt_leftovers(tmp_path)
    finally:
        lock.release()
    assert not (tmp_path / ".staging").exists()
    assert json.loads((tmp_path / "articles.jsonl").read_text())["url"] == "http://127.0.0.1/left-by-a-dead-run"
    assert [p.name for p in (tmp_path / "warc").iterdir()] == ["lavusta-20240101000000-00001.warc.gz"]
