"""``scrapy crawl history``: every web-archive capture of the portal, imported into the archive.

Run for real, as a user runs it, against a Wayback Machine emulator and a real pywb
collection on loopback, both holding the same captures of the portal 2019–2025 (an
edited article, a deleted one, duplicate digests, a redirect, 404s, older designs).
Expected values are the web archive's truth (replica/webarchive/truth.py), written from
the captures' own pages, never from the parsers.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pipelines.store import read_jsonl
from replica import pywb
from replica.webarchive import truth
from replica.webarchive.warcs import write_warcs
from replica.webarchive.wayback import serve
from scraper.spiders.history import HistorySpider
from tests.conftest import FAST, ROOT

SEED = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"


def history_command(archive: Path, *args: str, **settings: str) -> list[str]:
    cmd = [sys.executable, "-m", "scrapy", "crawl", "history", "-s", f"ARCHIVE_DIR={archive}"]
    return cmd + [arg for k, v in {**FAST, **settings}.items() for arg in ("-s", f"{k}={v}")] + list(args)


def run_history(archive: Path, *args: str, **settings: str) -> subprocess.CompletedProcess:
    command = history_command(archive, *args, **settings)
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def manifest(archive: Path) -> dict[str, Any]:
    """The newest run's manifest."""
    return json.loads(sorted((archive / "runs").glob("*.json"))[-1].read_text(encoding="utf-8"))


def versions(archive: Path) -> dict[int, list[dict[str, Any]]]:
    """Every archived version of every article, oldest first, by CmsId."""
    found: dict[int, list[dict[str, Any]]] = {}
    for record in [*read_jsonl(archive / "versions.jsonl"), *read_jsonl(archive / "articles.jsonl")]:
        found.setdefault(record["cms_id"], []).append(record)
    return {cms: sorted(chain, key=lambda r: r["version"]) for cms, chain in found.items()}


@pytest.fixture(scope="module")
def wayback():
    server = serve()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def imported(wayback, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The whole web archive imported into an empty archive, five CDX rows a page."""
    archive = tmp_path_factory.mktemp("history") / "archive"
    cdx, replay = f"{wayback.url}cdx/search/cdx", f"{wayback.url}web/"
    run = run_history(archive, "-a", f"cdx={cdx}", "-a", f"replay={replay}", ARCHIVE_CDX_PAGE_SIZE="5")
    return archive, run


def test_the_import_succeeds(imported):
    archive, run = imported
    assert run.returncode == 0, run.stderr[-3000:]
    assert manifest(archive)["status"] == "ok"


def test_every_article_is_archived_once(imported):
    archive, _ = imported
    urls = [r["url"] for r in read_jsonl(archive / "articles.jsonl")]
    assert len(urls) == len(set(urls))
    assert sorted(r["cms_id"] for r in read_jsonl(archive / "articles.jsonl")) == sorted(truth.ARTICLES)


def test_each_article_has_its_urls_as_on_the_portal(imported):
    archive, _ = imported
    assert {r["cms_id"]: r["url"] for r in read_jsonl(archive / "articles.jsonl")} == {
        cms: entry["url"] for cms, entry in truth.ARTICLES.items()
    }


def test_versions_are_in_time_order_dated_by_their_capture(imported):
    archive, _ = imported
    got = {cms: [(v["version_seen"], v["title_raw"]) for v in chain] for cms, chain in versions(archive).items()}
    expected = {cms: [(v["captured_at"], v["title"]) for v in e["versions"]] for cms, e in truth.ARTICLES.items()}
    assert got == expected


def test_each_version_reads_as_its_capture_shows_it(imported):
    archive, _ = imported
    for cms, chain in versions(archive).items():
        for got, expected in zip(chain, truth.ARTICLES[cms]["versions"], strict=True):
            assert got["published"] == expected["published"]
            assert got["byline"] == expected["byline"]
            assert got["body_raw"].split("\n\n") == expected["paragraphs"]


def test_records_say_which_capture_they_come_from(imported, wayback):
    archive, _ = imported
    for record in read_jsonl(archive / "articles.jsonl"):
        assert record["fetched_from"] == "web-archive"
        stamp = record["captured_at"].replace("-", "").replace("T", "").replace(":", "")[:14]
        assert record["capture_url"].startswith(f"{wayback.url}web/{stamp}id_/")


def test_a_deleted_article_is_marked_removed_when_first_seen_gone(imported):
    archive, _ = imported
    removed = {r["cms_id"]: r["removed_at"] for r in read_jsonl(archive / "articles.jsonl") if r["removed_at"]}
    assert removed == {cms: entry["removed_at"] for cms, entry in truth.REMOVED.items()}


def test_one_visitor_snapshot_per_capture_that_shows_the_widgets(imported):
    archive, _ = imported
    got = [
        (r["captured_at"], r["page_clock"], r["visits"], r["online_guests"], r["online_members"], r["online_total"])
        for r in read_jsonl(archive / "visitors.jsonl")
    ]
    expected = [
        (v["captured_at"], v["page_clock"], v["visits"], v["online_guests"], v["online_members"], v["online_total"])
        for v in sorted(truth.VISITORS, key=lambda v: v["captured_at"])
    ]
    assert got == expected


def test_the_coverage_report_counts_every_capture(imported):
    archive, _ = imported
    report = manifest(archive)["history"]
    expected = truth.COVERAGE
    for name in ("listed", "not_pages", "duplicates", "redirects", "http_errors", "fetched"):
        assert report[name] == expected[name], name
    assert report["failed"] == 0
    assert report["listing_pages"] == expected["cdx_pages_limit_5"]


def test_the_coverage_report_names_what_only_web_archives_hold(imported):
    archive, _ = imported
    assert manifest(archive)["history"]["articles_only_in_web_archives"] == truth.COVERAGE["articles"]


def test_the_coverage_report_lists_articles_linked_but_captured_nowhere(imported):
    archive, _ = imported
    assert manifest(archive)["history"]["captured_nowhere"] == truth.COVERAGE["linked_not_captured"]


def test_a_second_run_fetches_nothing_it_already_has(imported, wayback):
    archive, _ = imported
    before = len(wayback.requests)
    cdx, replay = f"{wayback.url}cdx/search/cdx", f"{wayback.url}web/"
    run = run_history(archive, "-a", f"cdx={cdx}", "-a", f"replay={replay}", ARCHIVE_CDX_PAGE_SIZE="5")
    assert run.returncode == 0, run.stderr[-3000:]
    asked = wayback.requests[before:]
    assert [path for path in asked if not path.startswith(("/cdx/", "/robots.txt"))] == []
    assert manifest(archive)["history"]["fetched"] == 0


def test_the_import_is_polite_to_a_shared_archive_by_default():
    settings = HistorySpider.custom_settings
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert settings["DOWNLOAD_DELAY"] >= 3


def test_too_many_requests_is_waited_out(tmp_path):
    server = serve(rate_limit=(5, 1.0))
    try:
        cdx, replay = f"{server.url}cdx/search/cdx", f"{server.url}web/"
        run = run_history(tmp_path / "a", "-a", f"cdx={cdx}", "-a", f"replay={replay}", ARCHIVE_RETRY_MAX_DELAY="2")
    finally:
        server.shutdown()
    assert server.refused, "the rate limit was never reached: the test proves nothing"
    assert run.returncode == 0, run.stderr[-3000:]
    assert sorted(r["cms_id"] for r in read_jsonl(tmp_path / "a" / "articles.jsonl")) == sorted(truth.ARTICLES)


def test_an_archive_that_refuses_us_fails_the_run_with_one_clear_line(tmp_path):
    server = serve(rate_limit=(0, 60.0))
    try:
        cdx, replay = f"{server.url}cdx/search/cdx", f"{server.url}web/"
        run = run_history(tmp_path / "a", "-a", f"cdx={cdx}", "-a", f"replay={replay}", RETRY_TIMES="1")
    finally:
        server.shutdown()
    assert run.returncode == 1
    assert "refusing our requests (HTTP 429)" in run.stderr


def test_from_and_to_limit_the_import_to_their_years(tmp_path, wayback):
    cdx, replay = f"{wayback.url}cdx/search/cdx", f"{wayback.url}web/"
    run = run_history(tmp_path / "a", "-a", f"cdx={cdx}", "-a", f"replay={replay}", "-a", "from=2024", "-a", "to=2024")
    assert run.returncode == 0, run.stderr[-3000:]
    seen = [v["version_seen"][:4] for chain in versions(tmp_path / "a").values() for v in chain]
    assert seen and set(seen) == {"2024"}


def test_a_memento_timemap_imports_one_page_history(tmp_path, wayback):
    timemap = f"{wayback.url}web/timemap/link/{SEED}"
    run = run_history(tmp_path / "a", "-a", f"timemap={timemap}")
    assert run.returncode == 0, run.stderr[-3000:]
    chain = versions(tmp_path / "a")[743]
    assert [(v["version_seen"], v["title_raw"]) for v in chain] == [
        (v["captured_at"], v["title"]) for v in truth.ARTICLES[743]["versions"]
    ]


@pytest.fixture(scope="module")
def pywb_imported(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, str]:
    """The same captures as WARC files in a real pywb collection, imported through pywb's CDX API."""
    root = tmp_path_factory.mktemp("pywb")
    pywb.build_collection(root, "lavusta", write_warcs(root / "warcs"))
    archive = root / "archive"
    with pywb.serve(root) as base:
        cdx, replay = f"{base}lavusta/cdx", f"{base}lavusta/"
        run = run_history(archive, "-a", f"cdx={cdx}", "-a", f"replay={replay}", ARCHIVE_CDX_PAGE_SIZE="5")
        again = run_history(archive, "-a", f"cdx={cdx}")  # the replay server goes with the CDX server
    return archive, run, again


def test_a_pywb_collection_is_a_source_too(pywb_imported):
    archive, run, _ = pywb_imported
    assert run.returncode == 0, run.stderr[-3000:]
    got = {cms: [(v["version_seen"], v["title_raw"]) for v in chain] for cms, chain in versions(archive).items()}
    expected = {cms: [(v["captured_at"], v["title"]) for v in e["versions"]] for cms, e in truth.ARTICLES.items()}
    assert got == expected


def test_pywb_visitor_snapshots_match_the_captures(pywb_imported):
    archive, _, _ = pywb_imported
    got = [(r["captured_at"], r["visits"]) for r in read_jsonl(archive / "visitors.jsonl")]
    assert got == sorted((v["captured_at"], v["visits"]) for v in truth.VISITORS)


def test_a_second_pywb_import_fetches_no_capture(pywb_imported):
    archive, _, again = pywb_imported
    assert again.returncode == 0, again.stderr[-3000:]
    report = manifest(archive)["history"]
    assert report["fetched"] == 0
    assert report["already_imported"] == truth.COVERAGE["fetched"] + truth.COVERAGE["duplicates"]


def test_the_wacz_of_an_imported_history_lists_every_capture_it_holds(imported, tmp_path):
    archive, _ = imported
    out = tmp_path / "history.wacz"
    command = [sys.executable, "-m", "scraper", "wacz", str(archive), "-o", str(out)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    records = len(list(read_jsonl(archive / "articles.jsonl"))) + len(list(read_jsonl(archive / "pages.jsonl")))
    assert f"{records} pages listed" in run.stdout
    assert "no capture" not in run.stdout


def test_an_import_killed_midway_is_finished_by_the_next_run_with_nothing_doubled(tmp_path, wayback):
    archive = tmp_path / "a"
    cdx, replay = f"{wayback.url}cdx/search/cdx", f"{wayback.url}web/"
    args = ("-a", f"cdx={cdx}", "-a", f"replay={replay}")
    killed = subprocess.Popen(history_command(archive, *args, DOWNLOAD_DELAY="0.3"), cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((archive / ".staging").glob("*/articles.jsonl")):
        time.sleep(0.1)
    time.sleep(1.0)  # a few captures staged, most not yet fetched
    killed.kill()
    killed.wait()
    assert not (archive / "articles.jsonl").exists(), "the import ended before it was killed: the test proves nothing"
    run = run_history(archive, *args)
    assert run.returncode == 0, run.stderr[-3000:]
    urls = [r["url"] for r in read_jsonl(archive / "articles.jsonl")]
    assert sorted(urls) == sorted(e["url"] for e in truth.ARTICLES.values())
    got = {cms: [(v["version_seen"], v["title_raw"]) for v in chain] for cms, chain in versions(archive).items()}
    assert got == {cms: [(v["captured_at"], v["title"]) for v in e["versions"]] for cms, e in truth.ARTICLES.items()}
    snapshots = [(r["captured_at"], r["url"]) for r in read_jsonl(archive / "visitors.jsonl")]
    assert len(snapshots) == len(set(snapshots)) == len(truth.VISITORS)
