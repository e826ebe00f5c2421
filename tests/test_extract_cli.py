"""``python -m scraper extract``: saved pages in, one JSON record per file out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
WAYBACK = ROOT / "replica" / "snapshots" / "wayback-20240418063200-cmsid-743.html"
WAYBACK_URL = (
    "https://web.archive.org/web/20240418063200/"
    "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
)


def extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper", "extract", *args], cwd=ROOT, capture_output=True, text=True)


def test_wayback_copy_gives_the_original_url_and_cms_id():
    run = extract(str(WAYBACK), "--url", WAYBACK_URL)
    record = json.loads(run.stdout)
    assert run.returncode == 0
    assert record["url"] == "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
    assert record["cms_id"] == 743
    assert record["visitors"]["visits"] == 1187342


def test_one_json_object_per_file_and_a_clear_error_for_a_missing_one(tmp_path):
    run = extract(str(WAYBACK), str(tmp_path / "missing.html"), str(WAYBACK))
    assert run.returncode == 1
    assert len(run.stdout.splitlines()) == 2
    assert "missing.html" in run.stderr
    assert "Traceback" not in run.stderr
