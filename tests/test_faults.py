"""A misbehaving portal (replica/faults.py): the crawl ends, counts each fault, loses and leaks nothing."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from replica.faults import LEGACY_TITLE


@pytest.fixture(scope="module")
def crawl(fault_crawl):
    return fault_crawl


def records(crawl) -> list[dict]:
    """The article records the crawl left, read and closed."""
    return [json.loads(line) for line in (crawl["archive"] / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def gets(crawl) -> Counter:
    return Counter(path for method, path in crawl["server"].requests if method == "GET")


def test_the_crawl_ends_by_itself_in_bounded_time(crawl):
    assert crawl["elapsed"] < 60


def test_a_run_with_this_many_faults_exits_failed_with_its_reason(crawl):
    assert crawl["run"].returncode == 1
    assert "requests ended in errors" in crawl["manifest"]["reason"]


@pytest.mark.parametrize(
    "kind", ["timeout", "too-large", "http_500", "http_404", "not-html", "empty-page", "truncated", "connection-broken"]
)
def test_each_fault_is_counted_by_kind_in_the_manifest(crawl, kind):
    assert crawl["manifest"]["errors"].get(kind, 0) >= 1


def test_each_fault_is_logged_with_its_url(crawl):
    log = Path(crawl["manifest"]["log"]).read_text(encoding="utf-8")
    for path in ("/f/slow", "/f/huge", "/f/500", "/f/file.aspx", "/f/empty", "/f/truncated", "/f/reset"):
        assert path in log


def test_retries_where_they_can_help_and_backs_off(crawl):
    assert gets(crawl)["/f/503-then-ok"] == 2
    assert gets(crawl)["/f/500"] == 2
    assert gets(crawl)["/f/reset"] >= 2
    assert crawl["manifest"]["counts"]["retries"] >= 4


def test_no_retry_where_it_cannot_help(crawl):
    assert gets(crawl)["/Default.aspx?tabid=620&ChiTiet=True&CmsId=9999"] == 1


def test_a_server_that_recovers_gives_its_page(crawl):
    titles = [record["title"] for record in records(crawl)]
    assert "Trang trở lại sau khi máy chủ bận" in titles


def test_endless_calendar_and_redirect_loops_are_fetched_a_bounded_number_of_times(crawl):
    counts = gets(crawl)
    assert sum(n for path, n in counts.items() if path.startswith("/f/calendar")) <= 2
    assert sum(n for path, n in counts.items() if path.startswith("/f/redirect-loop")) <= 3
    assert sum(n for path, n in counts.items() if path.startswith("/f/refresh-")) <= 3


def test_no_request_leaves_the_start_host(crawl):
    assert "/f/elsewhere" not in gets(crawl)
    assert crawl["manifest"]["counts"]["filtered_offsite"] >= 1


def test_the_same_article_under_extra_parameters_is_one_record(crawl):
    urls = [record["url"] for record in records(crawl)]
    assert sum(1 for url in urls if url.endswith("CmsId=1")) == 1
    assert gets(crawl)["/Default.aspx?tabid=620&ChiTiet=True&CmsId=1"] == 1


def test_what_was_archived_before_is_kept(crawl):
    first = (crawl["archive"] / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert any(json.loads(line)["url"] == "http://earlier/" for line in first)


def test_no_file_is_written_outside_the_archive(crawl):
    archive = crawl["archive"]
    assert sorted(p.name for p in archive.parent.iterdir()) == ["archive"]
    for path in archive.rglob("*"):
        assert path.resolve().is_relative_to(archive.resolve())
    assert all(len(p.relative_to(archive / "media").parts) == 2 for p in (archive / "media").rglob("*.*"))


def test_hostile_text_is_kept_as_text_and_safe_in_csv(crawl):
    frame = pd.read_csv(crawl["archive"] / "articles.csv", encoding="utf-8-sig", dtype=str)
    hostile = frame[frame["url"].str.endswith("CmsId=2", na=False)].iloc[0]
    assert hostile["title"].startswith("'=HYPERLINK")
    assert "\x07" not in hostile["title"] and "\x00" not in str(hostile["body"])
    assert "<script>" in hostile["title_raw"] and "document.write" not in str(hostile["body"])
    assert str(hostile["body"]).startswith("'@SUM")


def test_a_wrong_charset_label_does_not_garble_the_text(crawl):
    titles = [record["title"] for record in records(crawl)]
    assert "Trang sai bảng mã" in titles


@pytest.mark.parametrize("path", ["/f/cp1258", "/f/tcvn3", "/f/nfd"])
def test_legacy_and_decomposed_pages_give_proper_vietnamese(crawl, path):
    (record,) = [r for r in records(crawl) if r["url"].endswith(path)]
    assert record["title"] == LEGACY_TITLE
