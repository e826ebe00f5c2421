"""The replica of the portal: what it serves, and that its ground truth matches its pages."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import html

from replica import content
from replica.server import VN_TIME, parse_form, serve
from replica.truth import EXPECTED_VISITORS, SNAPSHOT_TRUTH, expected_articles, expected_pages

SNAPSHOTS = Path(__file__).parents[1] / "replica" / "snapshots"
SEED = "Default.aspx?tabid=620&ChiTiet=True&CmsId=743"


@pytest.fixture(scope="module")
def site():
    server = serve(clock=lambda: datetime(2024, 4, 21, 9, 5, tzinfo=VN_TIME))
    yield server
    server.shutdown()


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def page_text(body: bytes) -> str:
    return html.fromstring(body.decode("utf-8")).text_content()


def list_titles(body: bytes) -> list[str]:
    return [a.text_content() for a in html.fromstring(body.decode("utf-8")).xpath("//a[@class='TieuDe']")]


def titles_on_page(tabid: int, page: int) -> list[str]:
    return [a.title for a in content.list_page(tabid, page)]


def test_home_page_is_a_dnn_page_with_clock_counter_and_users_online(site):
    for path in ("", "Default.aspx", "Default.aspx?tabid=36"):
        status, headers, body = fetch(site.url + path)
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert int(headers["Content-Length"]) == len(body)
    page = body.decode("utf-8")
    assert '<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " />' in page
    assert 'id="__VIEWSTATE"' in page and 'name="__dnnVariable"' in page
    assert "Chủ Nhật,21/04/2024 09:05" in page  # 21/04/2024 is a Sunday
    doc = html.fromstring(page)
    digits = "".join(doc.xpath("//img[contains(@src, '/counter/')]/@alt"))
    assert int(digits) == EXPECTED_VISITORS["visits"]
    assert doc.xpath("string(//span[contains(@id, 'lblGuestCount')])") == "3"
    assert doc.xpath("string(//span[contains(@id, 'lblTotalCount')])") == "3"


def test_seed_article_shows_the_seed_text(site, seed_text):
    status, _, body = fetch(site.url + SEED)
    assert status == 200
    text = page_text(body)
    assert "Liên hiệp các Hội KH&KT Long An tổ chức Hội nghị trí thức; Tổng kết hoạt động năm 2023 25/12/2023" in text
    seed_lines = seed_text.split("\n")
    (truth,) = [a for a in expected_articles(site.url) if a["cms_id"] == 743]
    assert len(truth["paragraphs"]) == 6
    for paragraph in truth["paragraphs"]:
        assert paragraph in seed_lines
        assert paragraph in text
    assert text.index("năm 2023./.") < text.index("Bài và ảnh: T.T.B") < text.index("Các tin khác:")


def test_every_article_page_holds_its_truth(site):
    for truth in expected_articles(site.url):
        status, _, body = fetch(truth["url"])
        assert status == 200
        text = page_text(body)
        assert all(paragraph in text for paragraph in truth["paragraphs"]), truth["url"]
        assert truth["byline"] is None or truth["byline"] in text
        page = body.decode("utf-8")
        assert all(url.removeprefix(site.url) in page for url in truth["images"] + truth["attachments"])


def test_param_names_and_path_ignore_case(site):
    _, _, canonical = fetch(site.url + SEED)
    _, _, lower = fetch(site.url + "default.aspx?TABID=620&chitiet=true&cmsid=743&mid=1234")
    assert "Tổng kết hoạt động năm 2023" in page_text(lower)
    assert page_text(lower) == page_text(canonical)


def test_unknown_article_is_200_with_a_notice_and_unknown_path_is_404(site):
    status, _, body = fetch(site.url + "Default.aspx?tabid=620&ChiTiet=True&CmsId=99999")
    assert status == 200 and "Tin không tồn tại" in page_text(body)
    assert fetch(site.url + "Trang-khong-co.aspx")[0] == 404
    assert fetch(site.url + "Default.aspx?tabid=4242")[0] == 404


def test_list_page_by_get_and_by_page_link(site):
    _, _, first = fetch(site.url + "Default.aspx?tabid=620")
    assert list_titles(first) == titles_on_page(620, 1)
    assert "(19/12/2023)" in page_text(first)
    assert "/Default.aspx?tabid=620&amp;Page=2" in first.decode("utf-8")
    _, _, second = fetch(site.url + "Default.aspx?tabid=621&Page=2")
    assert list_titles(second) == titles_on_page(621, 2)


def browser_post(page: bytes, target: str, argument: str = "") -> tuple[str, bytes, str]:
    """The form a browser submits after __doPostBack(target, argument), as multipart."""
    doc = html.fromstring(page.decode("utf-8"))
    (form,) = doc.xpath("//form[@id='Form']")
    fields = {i.get("name"): i.get("value") or "" for i in form.xpath(".//input[@name]")}
    fields.update({"__EVENTTARGET": target, "__EVENTARGUMENT": argument})
    boundary = f"----WebKitFormBoundary{uuid.uuid4().hex[:16]}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    body = ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8")
    return form.get("action"), body, f"multipart/form-data; boundary={boundary}"


def test_postback_pager_answers_a_browser_post_with_that_page(site):
    _, _, first = fetch(site.url + "Default.aspx?tabid=622")
    assert "Page=" not in first.decode("utf-8")  # this category pages only by postback
    link = html.fromstring(first.decode("utf-8")).xpath("//div[@class='Pager']/a[text()='2']/@href")[0]
    target, argument = re.fullmatch(r"javascript:__doPostBack\('([^']*)','([^']*)'\)", link).groups()
    action, body, content_type = browser_post(first, target, argument)
    assert action == "/Default.aspx?tabid=622"
    status, _, second = fetch(site.url + action.lstrip("/"), body, {"Content-Type": content_type})
    assert status == 200
    assert list_titles(second) == titles_on_page(622, 2)
    assert ("POST", action) in site.requests


def test_next_link_posts_its_page_in_the_event_argument_urlencoded(site):
    form = {"__EVENTTARGET": "dnn$ctr1236$ListNews$lnkNext", "__EVENTARGUMENT": "3", "__VIEWSTATE": ""}
    data = urllib.parse.urlencode(form).encode()
    _, _, third = fetch(site.url + "Default.aspx?tabid=622", data)
    assert list_titles(third) == titles_on_page(622, 3)


def test_parse_form_reads_multipart_and_urlencoded():
    assert parse_form("application/x-www-form-urlencoded", b"a=1&b=") == {"a": "1", "b": ""}
    body = b'--x\r\nContent-Disposition: form-data; name="q"\r\n\r\nT\xc3\xacm\r\n--x--\r\n'
    assert parse_form("multipart/form-data; boundary=x", body) == {"q": "Tìm"}


def test_robots_forbids_admin_but_login_page_is_served(site):
    status, headers, body = fetch(site.url + "robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body.decode()
    assert fetch(site.url + "admin/Login.aspx")[0] == 200


def test_images_and_attachments_are_real_files(site):
    status, headers, jpeg = fetch(site.url + "Portals/0/Images/2023/hoinghitrithuc_2023_1.jpg")
    assert status == 200 and headers["Content-Type"] == "image/jpeg"
    assert jpeg.startswith(b"\xff\xd8") and jpeg.endswith(b"\xff\xd9")
    _, _, digit = fetch(site.url + "Portals/0/counter/7.gif")
    assert digit.startswith(b"GIF89a") and digit.endswith(b";")
    _, headers, pdf = fetch(site.url + "Portals/0/files/TaiLieu_TapHuan_TVPB_2023.pdf")
    assert headers["Content-Type"] == "application/pdf" and pdf.startswith(b"%PDF-1.4") and b"%%EOF" in pdf
    _, _, docx = fetch(site.url + "Portals/0/files/Mau%20ho%20so%20VIFOTEC%202022.docx")
    assert docx.startswith(b"PK\x03\x04")


def test_truth_covers_years_categories_and_known_articles():
    records = expected_articles("http://127.0.0.1:1/")
    assert len(records) >= 36
    assert {r["published"][:4] for r in records} == {str(y) for y in range(2019, 2025)}
    assert len({r["category"] for r in records}) >= 3
    by_id = {r["cms_id"]: r for r in records}
    assert [by_id[n]["published"] for n in (738, 743, 777)] == ["2023-12-19", "2023-12-25", "2024-06-17"]
    assert sorted(by_id) == [r["cms_id"] for r in sorted(records, key=lambda r: date.fromisoformat(r["published"]))]
    assert by_id[743]["author_initials"] == ["T.T.B"]
    assert {tuple(r["author_initials"]) for r in records if r["byline"] == "Bài: T.T.B; Ảnh: L.V.H"} == {
        ("T.T.B", "L.V.H")
    }
    assert all(len(r["related"]) == 5 for r in records if r["category"] != "Thông báo")


def test_static_pages_hold_their_truth(site):
    for truth in expected_pages(site.url):
        status, _, body = fetch(truth["url"])
        assert status == 200
        assert all(paragraph in page_text(body) for paragraph in truth["paragraphs"])


@pytest.mark.parametrize("name", sorted(SNAPSHOT_TRUTH))
def test_snapshot_holds_its_truth(name):
    page = (SNAPSHOTS / name).read_text(encoding="utf-8")
    text = html.fromstring(page).text_content()
    record = SNAPSHOT_TRUTH[name]["record"]
    assert record["title"] in text
    assert all(paragraph in text for paragraph in record["paragraphs"])
    if name.startswith("wayback"):
        assert "<!-- BEGIN WAYBACK TOOLBAR INSERT -->" in page
        assert 'src="/web/20240418063200im_/https://lavusta.longan.gov.vn/Portals/0/Images/2023/' in page
