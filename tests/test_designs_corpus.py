"""The design corpus itself: every page opens, every truth is complete and matches its page,
and the same articles say the same things in every layout."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from replica.designs import LAYOUTS, Entry, corpus
from replica.designs.__main__ import write
from replica.designs.serve import serve
from replica.designs.truth import CORPUS_ARTICLES, TRUTH_KEYS, VISITOR_KEYS

ENTRIES = list(corpus())
SEED_TEXT = (Path(__file__).parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt").read_text("utf-8")
SAME_EVERYWHERE = ("url", "cms_id", "title", "published", "body")


def entry_id(entry: Entry) -> str:
    return f"{entry.layout}:{entry.truth['kind']}:{entry.truth['cms_id'] or entry.truth['url'].rsplit('=', 1)[-1]}"


def flat(value: str) -> str:
    """Whitespace of any kind (no-break spaces, line ends) collapsed, for comparing what a reader sees."""
    return " ".join(value.split())


def page_text(entry: Entry) -> str:
    charset = entry.content_type.rsplit("charset=", 1)[-1]
    return flat(lxml.html.document_fromstring(entry.html.decode(charset)).text_content())


def test_the_corpus_has_at_least_ten_layouts() -> None:
    assert len(LAYOUTS) >= 10


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_holds_the_four_articles(layout: str) -> None:
    shown = [e.truth["cms_id"] for e in ENTRIES if e.layout == layout and e.truth["kind"] == "article"]
    assert shown == list(CORPUS_ARTICLES)


def test_some_layouts_hold_a_list_a_text_page_and_a_missing_article() -> None:
    kinds = defaultdict(set)
    for entry in ENTRIES:
        kinds[entry.truth["kind"]].add(entry.layout)
    assert all(len(kinds[kind]) >= 3 for kind in ("list", "page", "missing"))


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_every_page_opens_as_an_html_document_with_a_body(entry: Entry) -> None:
    charset = entry.content_type.rsplit("charset=", 1)[-1]
    root = lxml.html.document_fromstring(entry.html.decode(charset))
    assert root.find("body") is not None
    assert entry.content_type.startswith("text/html")


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_every_truth_states_every_field(entry: Entry) -> None:
    assert set(entry.truth) == set(TRUTH_KEYS)
    assert set(entry.truth["visitors"]) == set(VISITOR_KEYS)
    assert entry.truth["kind"] in ("article", "page", "list", "missing")


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.truth["kind"] == "article"], ids=entry_id)
def test_an_article_truth_has_title_date_body_and_a_byline(entry: Entry) -> None:
    truth = entry.truth
    assert truth["title"] and truth["body"] and truth["byline"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", truth["published"])
    assert truth["authors"] or truth["source"]
    assert truth["url"] == f"https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId={truth['cms_id']}"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.truth["kind"] != "list"], ids=entry_id)
def test_the_page_shows_the_title_byline_and_every_paragraph_of_its_truth(entry: Entry) -> None:
    shown = page_text(entry)
    truth = entry.truth
    for value in [truth["title"], truth["byline"], *(truth["body"] or "").split("\n\n")]:
        if value and flat(value):
            assert flat(value) in shown


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.truth["kind"] == "missing"], ids=entry_id)
def test_a_missing_article_page_says_tin_khong_ton_tai(entry: Entry) -> None:
    assert "Tin không tồn tại" in page_text(entry)


@pytest.mark.parametrize("cms_id", CORPUS_ARTICLES)
def test_an_article_reads_the_same_in_every_layout(cms_id: int) -> None:
    readings = {
        field: {repr(e.truth[field]) for e in ENTRIES if e.truth["cms_id"] == cms_id and e.truth["kind"] == "article"}
        for field in SAME_EVERYWHERE
    }
    assert all(len(values) == 1 for values in readings.values()), readings


@pytest.mark.parametrize("cms_id", CORPUS_ARTICLES)
def test_an_article_has_as_many_images_in_every_layout(cms_id: int) -> None:
    counts = {len(e.truth["images"]) for e in ENTRIES if e.truth["cms_id"] == cms_id and e.truth["kind"] == "article"}
    assert len(counts) == 1


def test_the_seed_article_says_what_the_seed_text_scrape_says() -> None:
    seed = next(e.truth for e in ENTRIES if e.layout == "dnn5" and e.truth["cms_id"] == 743)
    scrape = flat(SEED_TEXT)
    assert all(flat(paragraph) in scrape for paragraph in seed["body"].split("\n\n"))
    assert f"{seed['title']} 25/12/2023" in scrape and seed["byline"] in scrape


def test_legal_document_numbers_stay_as_written_in_the_bodies() -> None:
    bodies = "\n".join(e.truth["body"] or "" for e in ENTRIES)
    assert "14/2014/QĐ-TTg" in bodies and "36-NQ/TW" in bodies and "1186/KH-UBND" in bodies


def test_the_bylines_take_many_forms_across_layouts() -> None:
    bylines = {e.truth["byline"] for e in ENTRIES if e.truth["byline"]}
    for form in ("Bài và ảnh: T.T.B", "Tin, ảnh: N.H.P", "Bài: T.T.B; Ảnh: L.V.H", "P.T.Thủy", "N.Thảo", "Minh Anh"):
        assert any(b == form or b.endswith(": " + form) for b in bylines), form
    assert any(b.startswith("Nguồn: ") for b in bylines) and any(b.startswith("Theo ") for b in bylines)


def test_a_source_line_names_no_author() -> None:
    sourced = [e.truth for e in ENTRIES if e.truth["source"]]
    assert sourced and all(t["authors"] == [] for t in sourced)


def copies(prefix: str) -> list[Entry]:
    return [e for e in ENTRIES if e.layout.startswith(prefix)]


@pytest.mark.parametrize("entry", copies("wayback-"), ids=entry_id)
def test_a_wayback_copy_has_the_toolbar_and_its_images_rewritten_to_the_capture(entry: Entry) -> None:
    html = entry.html.decode("utf-8")
    stamp = re.match(r"https://web\.archive\.org/web/(\d{14})/https://lavusta\.longan\.gov\.vn/", entry.address)
    assert stamp and 'id="wm-ipp-base"' in html and "<!-- END WAYBACK TOOLBAR INSERT -->" in html
    assert entry.truth["captured_at"].replace("-", "").replace(":", "").replace("T", "")[:14] == stamp[1]
    portal_images = re.findall(r'<img[^>]*\ssrc="([^"]*lavusta[^"]*)"', html)
    assert portal_images and all(src.startswith(f"/web/{stamp[1]}im_/https://") for src in portal_images)


@pytest.mark.parametrize("entry", copies("archive-today-"), ids=entry_id)
def test_an_archive_today_copy_has_every_style_inlined_and_no_script(entry: Entry) -> None:
    root = lxml.html.document_fromstring(entry.html.decode("utf-8"))
    content = root.get_element_by_id("CONTENT")
    elements = list(content.iterdescendants())
    assert elements and all(e.get("style") and e.get("class") is None for e in elements)
    assert not root.xpath("//script | //link[@rel='stylesheet']") and entry.truth["captured_at"]
    links = [a.get("href") for a in content.iter("a") if a.get("href")]
    assert all(href.startswith(("https://archive.ph/o/", "mailto:", "#")) for href in links)


@pytest.mark.parametrize("entry", copies("saved-"), ids=entry_id)
def test_a_saved_copy_starts_with_the_mark_of_the_web_naming_its_url(entry: Entry) -> None:
    mark = re.search(r"<!-- saved from url=\((\d{4})\)(\S+) -->", entry.html.decode("utf-8"))
    assert mark and int(mark[1]) == len(mark[2]) and mark[2].startswith("https://lavusta.longan.gov.vn/")
    assert entry.address.startswith("file:///") and entry.truth["captured_at"] is None


def test_a_complete_saved_copy_reads_its_images_from_the_files_folder() -> None:
    entry = next(e for e in copies("saved-complete") if e.truth["cms_id"] == 743)
    assert './Bai viet_files/hoinghitrithuc_2023_1.jpg"' in entry.html.decode("utf-8")
    assert entry.truth["images"][0] == "file:///home/lhh/Downloads/Bai%20viet_files/hoinghitrithuc_2023_1.jpg"


def test_only_web_archive_copies_state_a_capture_time() -> None:
    captured = {e.layout for e in ENTRIES if e.truth["captured_at"]}
    assert captured == {name for name in LAYOUTS if name.startswith(("wayback-", "archive-today-"))}


@pytest.fixture
def dnn5_site() -> Iterator[str]:
    server = serve("dnn5")
    yield server.url
    server.shutdown()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_served_layout_answers_an_article_with_the_corpus_page(dnn5_site: str) -> None:
    status, body = fetch(dnn5_site + "Default.aspx?tabid=620&cmsid=743&ChiTiet=True")
    assert status == 200 and body == next(e.html for e in ENTRIES if e.layout == "dnn5" and e.truth["cms_id"] == 743)


def test_a_served_layout_links_every_page_from_its_home_page(dnn5_site: str) -> None:
    status, body = fetch(dnn5_site)
    assert status == 200 and all(f"CmsId={n}".encode() in body for n in CORPUS_ARTICLES)
    assert b"tabid=609" in body and b"tabid=620" in body


def test_a_served_layout_answers_an_unknown_article_with_tin_khong_ton_tai(dnn5_site: str) -> None:
    status, body = fetch(dnn5_site + "Default.aspx?tabid=620&ChiTiet=True&CmsId=123456")
    assert status == 200 and "Tin không tồn tại".encode() in body
    assert fetch(dnn5_site + "Portals/0/none.html")[0] == 404


def test_the_corpus_written_to_disk_has_one_file_and_one_truth_line_per_page(tmp_path: Path) -> None:
    assert write(tmp_path) == len(ENTRIES)
    lines = (tmp_path / "truth.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == len(ENTRIES) and len(list(tmp_path.glob("*/*.html"))) == len(ENTRIES)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.truth["images"]], ids=entry_id)
def test_the_page_holds_every_image_of_its_truth_in_order(entry: Entry) -> None:
    html = urllib.parse.unquote(entry.html.decode("utf-8"))
    names = [urllib.parse.unquote(url.rsplit("/", 1)[-1]) for url in entry.truth["images"]]
    places = [html.find(f"/{name}") for name in names]
    assert -1 not in places and places == sorted(places)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.truth["related"] or e.truth["items"]], ids=entry_id)
def test_the_page_links_every_related_article_and_list_item_of_its_truth(entry: Entry) -> None:
    html = entry.html.decode("utf-8")
    for url in entry.truth["related"] + entry.truth["items"]:
        assert re.search(rf"CmsId={url.rsplit('=', 1)[-1]}\b", html, re.IGNORECASE)


def written_forms(number: int) -> set[str]:
    return {str(number), f"{number:,}", f"{number:,}".replace(",", ".")}


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_the_page_shows_every_visitor_number_of_its_truth(entry: Entry) -> None:
    html = entry.html.decode("utf-8")
    shown = page_text(entry) + " " + "".join(re.findall(r'alt="(\d)"', html))
    for number in filter(None, entry.truth["visitors"].values()):
        assert any(form in shown for form in written_forms(number))


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.truth["published"]], ids=entry_id)
def test_the_page_shows_the_publication_date_of_its_truth(entry: Entry) -> None:
    year, month, day = entry.truth["published"].split("-")
    assert f"{day}/{month}/{year}" in page_text(entry) or f"{day}-{month}-{year}" in page_text(entry)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.truth["page_clock"]], ids=entry_id)
def test_the_page_shows_the_clock_of_its_truth(entry: Entry) -> None:
    year, month, day = entry.truth["page_clock"][:10].split("-")
    shown = page_text(entry)
    assert f"{day}/{month}/{year}" in shown and entry.truth["page_clock"][11:16] in shown
