"""``python -m scraper report ARCHIVE_DIR``: the figures page, built from a real crawl and opened in Chromium.

The archive is the replica's web archive imported by ``scrapy crawl history`` and the
replica crawled live (as in test_archive_tables.py). The page is checked as a reader
meets it: every image and link resolves, headless Chromium draws it and loads every
image. Expected numbers come from the replica's truth and the replica's own text.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from replica.content import ARTICLES
from replica.truth import expected_articles
from replica.webarchive import truth as webarchive
from scraper import archive
from scraper.report import association_names, associations, cited_documents
from tests.conftest import ROOT
from tests.test_archive_tables import crawl_replica_and_its_history

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The member associations the replica's articles name, read from replica/content.py by hand.
REPLICA_ASSOCIATIONS = (
    "Hội Làm vườn",
    "Hội Y học",
    "Hội Kiến trúc sư",
    "Hội Tin học",
    "Hội Đông y",
    "Hội Điều dưỡng",
    "Hội Dược học",
    "Hội Bảo vệ thiên nhiên và môi trường",
    "Hội Khoa học Kinh tế",
)


class Page(HTMLParser):
    """What a reader follows on a page: images, links, ids, sections."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "img":
            self.images.append(found)
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(index: Path) -> Page:
    page = Page()
    page.feed(index.read_text(encoding="utf-8"))
    return page


def words(index: Path) -> str:
    """The page's text as read, one space between words and cells."""
    return " ".join(" ".join(parse(index).text).split())


def report(folder: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-W", "always", "-m", "scraper", "report", str(folder)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    binary = shutil.which("chromium")
    assert binary, "chromium is not installed (apt-get install -y chromium; .ci/run installs it)"
    base = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={profile}"]
    return subprocess.run([*base, *args], capture_output=True, text=True, timeout=120)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    folder = tmp_path_factory.mktemp("report")
    crawl_replica_and_its_history(folder)
    return folder, report(folder)


@pytest.fixture(scope="module")
def index(built) -> Path:
    return built[0] / "report" / "index.html"


def test_the_report_is_written_beside_the_archive(built, index):
    _, run = built
    assert run.returncode == 0, run.stderr
    assert index.is_file()
    assert run.stdout.strip() == f"report: {index} written: 5 figures"


def test_no_glyph_is_missing_from_the_font(built):
    _, run = built
    assert "Glyph" not in run.stderr
    assert "missing from font" not in run.stderr
    assert "findfont" not in run.stderr


def test_every_image_is_a_png_of_the_size_the_page_states(index):
    images = parse(index).images
    assert len(images) == 5
    for image in images:
        path = index.parent / image["src"]
        assert png_size(path) == (int(image["width"]), int(image["height"]))


def test_every_figure_has_alt_text_a_title_and_a_reading(index):
    page = parse(index)
    for image in page.images:
        assert len(image["alt"] or "") > 40
    text = "".join(page.text)
    for title in (
        "Articles per month, by category",
        "Authors over time",
        "visit counter and users online",
        "Most-cited documents",
        "Member associations most active",
    ):
        assert text.count(title) >= 2, title  # in the table of figures and over the figure


def test_every_link_resolves_to_a_file_or_an_anchor(index):
    page = parse(index)
    assert page.links
    for href in page.links:
        if href.startswith("#"):
            assert href[1:] in page.ids
        else:
            assert (index.parent / href).resolve().is_file(), href


def test_the_counts_are_those_of_the_replica_and_its_web_archive(index):
    text = words(index)
    live = len(expected_articles("http://127.0.0.1/"))
    assert f"articles {live + len(webarchive.ARTICLES)} " in text
    assert f"articles removed from the portal {len(webarchive.REMOVED)} " in text
    assert f"visitor snapshots {len(webarchive.VISITORS) + 1} (1 live, {len(webarchive.VISITORS)} web-archive)" in text


def test_the_counters_reading_runs_from_the_first_capture_to_the_live_run(index):
    text = words(index)
    first = webarchive.VISITORS[0]
    assert f"the counter went from {first['visits']:,} ({pd.Timestamp(first['captured_at']):%d/%m/%Y})" in text
    assert "to 1,234,567 (" in text  # the replica's counter, fetched live


def test_chromium_draws_a_page_that_is_not_blank(index, tmp_path):
    shot = tmp_path / "report.png"
    run = chromium(f"--screenshot={shot}", "--window-size=1200,3000", index.as_uri(), profile=tmp_path / "profile")
    assert shot.is_file(), run.stderr[-2000:]
    with Image.open(shot) as image:
        assert image.size == (1200, 3000)
        pixels = image.convert("RGB").resize((120, 300))
        colors = pixels.getcolors(maxcolors=120 * 300)
        white = sum(n for n, rgb in colors if min(rgb) > 245)
    assert len(colors) > 100
    assert white < 0.9 * 120 * 300


def test_chromium_loads_every_image(index, tmp_path):
    probe = tmp_path / "probe.html"
    page = index.read_text(encoding="utf-8").replace("<head>", f'<head><base href="{index.parent.as_uri()}/">', 1)
    script = (
        "<script>addEventListener('load', () => { for (const img of document.images) "
        "img.setAttribute('data-natural-width', img.naturalWidth); });</script>"
    )
    probe.write_text(page.replace("</body>", script + "</body>"), encoding="utf-8")
    run = chromium("--dump-dom", "--virtual-time-budget=5000", probe.as_uri(), profile=tmp_path / "profile")
    dom = Page()
    dom.feed(run.stdout)
    widths = [image.get("data-natural-width") for image in dom.images]
    assert len(widths) == 5, run.stderr[-2000:]
    assert all(width and int(width) > 0 for width in widths), widths


def test_the_associations_named_are_those_of_the_replicas_text(built):
    table = archive.articles(built[0])
    live = table[table["fetched_from"] == "live"]
    texts = [" ".join([a.title, *a.body]) for a in ARTICLES]
    expected = {name: sum(name in text for text in texts) for name in REPLICA_ASSOCIATIONS}
    assert associations(live).to_dict() == expected


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Hội Làm vườn tỉnh Long An phối hợp với Chi cục Trồng trọt và Bảo vệ thực vật", {"Hội Làm vườn"}),
        (
            "Các Hội chuyên ngành y tế như Hội Y học, Hội Đông y, Hội Điều dưỡng, Hội Dược học đã vận động hội viên",
            {"Hội Y học", "Hội Đông y", "Hội Điều dưỡng", "Hội Dược học"},
        ),
        (
            "Hội Bảo vệ thiên nhiên và môi trường tỉnh hưởng ứng Ngày Môi trường thế giới",
            {"Hội Bảo vệ thiên nhiên và môi trường"},
        ),
        (
            "Hội Nông dân tỉnh và Hội Luật gia tỉnh Long An ký kết chương trình phối hợp",
            {"Hội Nông dân", "Hội Luật gia"},
        ),
    ],
)
def test_an_association_is_named_by_hoi_and_a_capital(sentence, names):
    assert association_names(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết hoạt động năm 2018",
        "Liên hiệp các Hội KH&KT tỉnh làm Thường trực.",
        "Dự Hội nghị có lãnh đạo 18 Hội thành viên và các đơn vị liên kết.",
    ],
)
def test_the_federation_and_a_meeting_are_no_association(sentence):
    assert association_names(sentence) == set()


def test_a_document_written_in_two_cases_is_counted_once_per_article():
    program = {"kind": "Chương trình", "number": "38-Ctr/Tu", "date": "2023-04-12"}
    upper = {**program, "number": "38-Ctr/TU", "date": None}
    articles = pd.DataFrame({"documents": [[program], [upper, program], [{**program, "date": None}]]})
    assert cited_documents(articles).to_dict() == {"Chương trình 38-Ctr/Tu": 3}


def test_an_empty_archive_gives_a_page_that_says_so(tmp_path):
    run = report(tmp_path)
    assert run.returncode == 0, run.stderr
    page = parse(tmp_path / "report" / "index.html")
    assert "This archive is empty" in "".join(page.text)
    assert page.images == [] and page.links == []


def test_a_folder_that_does_not_exist_is_an_error(tmp_path):
    run = report(tmp_path / "nowhere")
    assert run.returncode == 1
    assert run.stderr.strip() == f"report: {tmp_path / 'nowhere'} is not an archive folder"
