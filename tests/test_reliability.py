"""The hostile server's faults, all in one crawl: nothing lost, nothing twice, nothing outside the archive."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from bench.reliability import fault_paths, tally
from scraper.parsers.urls import canonical_url


@pytest.fixture(scope="module")
def figures(fault_crawl, fault_reextracted):
    crawl = fault_crawl
    return tally(crawl["archive"], crawl["manifest"], len(crawl["server"].requests), fault_reextracted)


def test_every_fault_is_linked_and_served(fault_crawl):
    """Each fault URL was asked for, under the one address the crawler keeps for it."""
    base = fault_crawl["server"].url
    asked = {canonical_url(urljoin(base, path)) for _, path in fault_crawl["server"].requests}
    assert [path for path in fault_paths() if canonical_url(urljoin(base, path)) not in asked] == []


def test_the_crawl_survives_them_and_says_it_failed(figures):
    assert figures["exit_status"] == 1 and figures["status"] == "failed" and figures["reason"]


def test_no_record_is_lost(figures):
    assert figures["records_lost"] == []


def test_no_record_is_archived_twice(figures):
    assert figures["records_duplicated"] == []


def test_no_file_is_written_outside_the_archive(figures):
    assert figures["files_outside_archive"] == []
