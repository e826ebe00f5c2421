"""Links that hurt a crawl (replica/hostile/links.py): odd numbers, traps, another port of the host."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from replica.faults import serve_faults
from replica.hostile import links
from scraper import settings
from tests.conftest import TIGHT, run_crawl

TIGHT_DEPTH = int(TIGHT["DEPTH_LIMIT"])
MAX_LIST_PAGES = int(TIGHT["ARCHIVE_MAX_LIST_PAGES"])


def requests(crawl, method: str = "GET") -> Counter:
    return Counter(path for verb, path in crawl["server"].requests if verb == method)


def titles(crawl) -> list[str]:
    return [json.loads(line)["title"] for line in (crawl["archive"] / "articles.jsonl").read_text().splitlines()]


def test_links_with_odd_numbers_are_skipped_and_the_links_after_them_followed(fault_crawl):
    for path in links.GOOD_LINKS:
        assert requests(fault_crawl)[path] == 1
    fetched = set(requests(fault_crawl)) | set(requests(fault_crawl, "POST"))
    assert not fetched & set(links.BAD_LINKS)
    assert "/links/odd-numbers" not in requests(fault_crawl, "POST")


def test_links_with_odd_numbers_are_counted_in_the_manifest(fault_crawl):
    assert fault_crawl["manifest"]["skipped_links"]["bad_number"] == len(links.BAD_LINKS) + 1  # and the pager post


def test_a_retry_after_that_is_no_number_still_retries_the_page(fault_crawl):
    assert requests(fault_crawl)["/links/retry-after-odd"] == 2
    assert "ValueError" not in fault_crawl["manifest"]["errors"]
    assert "Trang trở lại sau Retry-After lạ" in titles(fault_crawl)


def test_a_changing_next_postback_stops_at_the_list_page_limit(fault_crawl):
    assert requests(fault_crawl, "POST")["/links/next"] <= MAX_LIST_PAGES


def test_the_manifest_names_each_limit_hit_with_its_value_and_what_it_stopped(fault_crawl):
    limits = fault_crawl["manifest"]["limits"]
    depth = limits["depth"]
    assert (depth["setting"], depth["value"], depth["hit"]) == ("DEPTH_LIMIT", TIGHT_DEPTH, True)
    assert depth["stopped"] >= 2  # the path and the tabid
    assert limits["list_pages"]["setting"] == "ARCHIVE_MAX_LIST_PAGES" and limits["list_pages"]["hit"]
    assert limits["list_pages"]["stopped"] >= 1
    assert not limits["requests_per_run"]["hit"] and not limits["run_time"]["hit"]


def test_the_closing_line_names_the_limits_hit(fault_crawl):
    log = Path(fault_crawl["manifest"]["log"]).read_text(encoding="utf-8")
    closing = [line for line in log.splitlines() if "Run failed" in line or "Run finished" in line][-1]
    assert f"depth (DEPTH_LIMIT={TIGHT_DEPTH})" in closing
    assert f"list_pages (ARCHIVE_MAX_LIST_PAGES={MAX_LIST_PAGES})" in closing


def test_another_port_of_the_same_host_receives_no_request(fault_crawl):
    assert links.other_port_started()
    assert links.other_port_requests() == []


def test_requests_to_another_port_are_counted_as_offsite(fault_crawl):
    # two links, the redirect, the image (and test_faults' redirect to localhost)
    assert fault_crawl["manifest"]["counts"]["filtered_offsite"] >= 4


def test_an_image_on_another_port_is_not_downloaded(fault_crawl):
    records = [json.loads(line) for line in (fault_crawl["archive"] / "articles.jsonl").read_text().splitlines()]
    (article,) = [r for r in records if r["title"] == links.ARTICLE_TITLE]
    assert article["media"] == []


def test_the_default_depth_limit_stops_an_endless_path_and_a_growing_tabid(tmp_path):
    server = serve_faults()
    try:
        run = run_crawl(f"{server.url}links/traps", tmp_path)
    finally:
        server.shutdown()
    gets = [path for verb, path in server.requests if verb == "GET"]
    assert sum(1 for path in gets if path.startswith("/links/deep/")) <= settings.DEPTH_LIMIT
    assert sum(1 for path in gets if path.startswith("/Default.aspx?tabid=70")) <= settings.DEPTH_LIMIT
    assert run.returncode == 0


def test_a_run_stopped_by_the_requests_limit_fails_and_names_it(tmp_path):
    server = serve_faults()
    try:
        run = run_crawl(f"{server.url}links/deep/a/", tmp_path, CLOSESPIDER_PAGECOUNT="5")
    finally:
        server.shutdown()
    (manifest,) = [json.loads(p.read_text()) for p in (tmp_path / "runs").glob("*.json")]
    assert run.returncode == 1
    assert "CLOSESPIDER_PAGECOUNT" in run.stderr.strip().splitlines()[-1]
    assert "CLOSESPIDER_PAGECOUNT" in manifest["reason"]
    assert manifest["limits"]["requests_per_run"]["hit"]
    assert len(server.requests) < 20
