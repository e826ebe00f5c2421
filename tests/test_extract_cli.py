"""``python -m scraper extract``: saved pages in, one JSON record per file out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.extract import extract_file

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


ARTICLE_URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=812"
PARAGRAPH = (
    "Sáng ngày 22/12/2023, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết "
    "hoạt động năm 2023 và triển khai phương hướng, nhiệm vụ năm 2024."
)


def saved_page(head: str) -> str:
    """An article saved from the browser: its address only in its head, its links relative."""
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">{head}</head><body><article>'
        "<h1>Liên hiệp Hội tỉnh tổng kết hoạt động năm 2023</h1><p>Ngày đăng: 25/12/2023</p>"
        f'<p>{PARAGRAPH}</p><p><img src="/Portals/0/Images/2023/tongket.jpg"></p><p>Bài và ảnh: T.T.B</p>'
        '<p>Các tin khác:</p><p><a href="Default.aspx?tabid=620&ChiTiet=True&CmsId=811">Hội thảo chuyển đổi số</a>'
        "</p></article></body></html>"
    )


@pytest.mark.parametrize(
    "head",
    [
        f'<link rel="canonical" href="{ARTICLE_URL.replace("&", "&amp;")}">',
        f'<meta property="og:url" content="{ARTICLE_URL.replace("&", "&amp;")}">',
        '<base href="https://lavusta.longan.gov.vn/">',
    ],
)
def test_without_url_the_page_states_its_address_and_links_resolve_against_it(tmp_path, head):
    path = tmp_path / "tong-ket.html"
    path.write_text(saved_page(head), encoding="utf-8")
    record = extract_file(path)
    assert record["images"] == ["https://lavusta.longan.gov.vn/Portals/0/Images/2023/tongket.jpg"]
    assert record["related"] == ["https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=811"]


def test_without_url_a_canonical_link_gives_the_article_url_and_id(tmp_path):
    path = tmp_path / "tong-ket.html"
    path.write_text(saved_page(f'<link rel="canonical" href="{ARTICLE_URL.replace("&", "&amp;")}">'), "utf-8")
    record = extract_file(path)
    assert (record["url"], record["cms_id"]) == (ARTICLE_URL, 812)


def test_without_url_a_web_archive_copy_is_read_through_its_toolbar():
    record = extract_file(WAYBACK)
    assert record["url"] == "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
    assert all(url.startswith("https://lavusta.longan.gov.vn/Portals/") for url in record["images"])


def test_a_web_archive_copy_keeps_its_capture_time_beside_the_fetch_time():
    record = extract_file(WAYBACK, WAYBACK_URL)
    assert record["captured_at"] == "2024-04-18T06:32:00+00:00"
    assert record["fetched_at"]


def test_a_live_page_has_no_capture_time(tmp_path):
    path = tmp_path / "tong-ket.html"
    path.write_text(saved_page(""), encoding="utf-8")
    assert extract_file(path, ARTICLE_URL)["captured_at"] is None


def test_extract_fills_the_content_hash_as_the_crawl_does():
    record = extract_file(WAYBACK, WAYBACK_URL)
    assert re.fullmatch(r"[0-9a-f]{64}", record["content_hash"])


def test_a_saved_html5_article_gives_its_fields_and_the_counter_written_as_text(tmp_path):
    page = saved_page(f'<link rel="canonical" href="{ARTICLE_URL.replace("&", "&amp;")}">').replace(
        "</article>", "</article><aside><h3>Lượt truy cập</h3><p>1.234.567</p></aside>"
    )
    path = tmp_path / "tong-ket.html"
    path.write_text(page, encoding="utf-8")
    record = extract_file(path)
    assert record["kind"] == "article"
    assert (record["title"], record["published"]) == ("Liên hiệp Hội tỉnh tổng kết hoạt động năm 2023", "2023-12-25")
    assert record["authors"] == ["T.T.B"]
    assert record["visitors"]["visits"] == 1234567
