"""Shared fixtures: the real seed page, and the replica portal served on loopback."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from replica.faults import serve_faults
from replica.server import serve

SEED_TEXT_FILE = Path(__file__).parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt"
ROOT = Path(__file__).parents[1]
# A loopback server needs no politeness: these make test crawls take seconds.
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"}
SEED_URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"


def crawl_command(url: str, archive: Path, *args: str, **settings: str) -> list[str]:
    """``scrapy crawl portal`` of ``url`` into ``archive``, fast unless ``settings`` say otherwise."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={url}", "-s", f"ARCHIVE_DIR={archive}"]
    return cmd + [arg for k, v in {**FAST, **settings}.items() for arg in ("-s", f"{k}={v}")] + list(args)


def run_crawl(url: str, archive: Path, *args: str, **settings: str) -> subprocess.CompletedProcess:
    """Run the real crawl in a subprocess, as a user would; its output is captured."""
    return subprocess.run(
        crawl_command(url, archive, *args, **settings), cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def text_to_html(text: str) -> str:
    """A page with no markup to lean on: each line of a text scrape is one paragraph."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
    return f"<html><body>{paragraphs}</body></html>"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_html(seed_text: str) -> str:
    return text_to_html(seed_text)


# Hypothesis: a short run in the normal suite; `make fuzz` runs 10,000 cases per property.
settings.register_profile("suite", max_examples=60, deadline=None)
settings.register_profile("fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(scope="module")
def replica():
    """The replica portal on a free loopback port, one per test module (its request log is the module's)."""
    server = serve()
    yield server
    server.shutdown()


# Settings that make the fault crawl quick: faults are met at once, not waited out.
TIGHT = {
    "DOWNLOAD_TIMEOUT": "1",
    "DOWNLOAD_MAXSIZE": "1000000",
    "RETRY_TIMES": "1",
    "ARCHIVE_RETRY_BASE_DELAY": "0.1",
    # Small limits, so that the traps of replica/hostile/links.py are stopped in a few requests.
    "DEPTH_LIMIT": "10",
    "ARCHIVE_MAX_LIST_PAGES": "5",
    # The traps' pages are fine pages: they would dilute the share of errors below the default 20%.
    "ARCHIVE_MAX_ERROR_RATE": "0.05",
}


@pytest.fixture(scope="session")
def fault_crawl(tmp_path_factory):
    """One crawl of the hostile server (replica/faults.py and replica/hostile/), shared by every fault test.

    The archive holds one record from before, which the crawl must keep.
    """
    server = serve_faults(slow_seconds=3)
    archive = tmp_path_factory.mktemp("faults") / "archive"
    archive.mkdir()
    (archive / "articles.jsonl").write_text('{"url": "http://earlier/", "cms_id": 1, "title": "giữ lại"}\n')
    started = time.monotonic()
    run = run_crawl(server.url, archive, **TIGHT)
    elapsed = time.monotonic() - started
    server.shutdown()
    (manifest,) = [json.loads(p.read_text()) for p in (archive / "runs").glob("*.json")]
    return {"run": run, "archive": archive, "server": server, "manifest": manifest, "elapsed": elapsed}
