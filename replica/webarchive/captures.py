"""The capture plan: every capture of the portal a web archive holds, 2019 → 2025.

Each capture is a timestamp (UTC), the original URL as the archive recorded it (https,
http, or http with ``:80``), the HTTP status, headers and body, and ``shown``: what the
page says (its article version, widget numbers, clock and the CmsIds it links to). The
pages are rendered from ``shown``'s inputs, and truth.py reads ``shown``, so the truth is
what the pages say, never what a parser makes of them.

What the plan holds on purpose (see truth.py for the numbers):
- the home page seven times, six in the current design (one as ``http://…:80/``) and one
  in the DNN 5 design, each with its own counter, online count and clock;
- the four corpus articles (402, 738, 743, 777) in the 2019 and DNN 5 designs, then in
  the current design; the designs sign some articles differently, which is a new version;
- EDITED 758: three captures; the second has a new title and second paragraph, the third
  is the second's bytes again; the WARC file holds them newest first;
- DELETED 583: content in 2021, then the "Tin không tồn tại" page (200), then a 404;
- REVISIT 743: the 2025 capture is a WARC revisit record of the 2024 one (same bytes);
- a 302 from ``/`` to the home page, a 404 of a path that never was a page, a JPEG and
  a CSS file.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache
from http import HTTPStatus
from urllib.parse import quote, urlsplit

from replica import media, pages
from replica.content import Article, article, category, list_page, related
from replica.designs.truth import FACTS, list_items, shown_related
from replica.skin import Skin
from replica.webarchive import render

LIVE = "https://lavusta.longan.gov.vn/"
VN = timezone(timedelta(hours=7))
HTML = "text/html; charset=utf-8"
EDITED = 758
EDITED_TITLE = "Hội nghị Ban Chấp hành Liên hiệp Hội tỉnh lần thứ 4, khoá IV (mở rộng)"
EDITED_PARAGRAPH = (
    "Năm 2024, Liên hiệp Hội tập trung triển khai Kế hoạch thực hiện Chương trình số 38-Ctr/TU ngày 12/4/2023 "
    "của Ban Thường vụ Tỉnh ủy; phát động Hội thi Sáng tạo kỹ thuật tỉnh lần thứ IX (2024 - 2025); tổ chức ít nhất "
    "05 hội thảo tư vấn, phản biện các chương trình, đề án của tỉnh và 02 lớp tập huấn cho hội viên."
)
EDITED_ON = date(2024, 5, 20)
DELETED = 583
DELETED_ON = date(2022, 9, 1)
NEVER_A_PAGE = "http://lavusta.longan.gov.vn/tin-tuc/hoat-dong-lhh.html"
REDIRECT_TO = f"{LIVE}Default.aspx?tabid=36"
MOVED = (
    '<html><head><title>Object moved</title></head><body>\r\n<h2>Object moved to <a href="/Default.aspx?tabid=36">'
    "here</a>.</h2>\r\n</body></html>\r\n"
)


@dataclass(frozen=True)
class Version:
    """An article's content as a page shows it: what decides whether it is a new version."""

    cms_id: int
    title: str
    published: date
    category: str
    byline: str | None
    paragraphs: tuple[str, ...]  # each <p> and each <br>-separated line, links as their words
    images: tuple[str, ...]  # absolute URLs
    attachments: tuple[str, ...]  # absolute URLs


@dataclass(frozen=True)
class Shown:
    """What a captured page says: kind (article, missing, home, list, page, not_found,
    redirect, asset), its design, article version, widgets, clock and linked CmsIds."""

    kind: str
    design: str
    version: Version | None = None
    visitors: dict[str, int | None] | None = None  # None: the page shows no counter widget
    clock: datetime | None = None  # the header clock, Vietnam time, None where not shown
    links: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Capture:
    timestamp: str  # YYYYMMDDhhmmss, UTC
    url: str  # the original URL as the archive recorded it
    status: int
    content_type: str
    body: bytes
    shown: Shown
    location: str | None = None
    revisit: bool = False  # written as a WARC revisit record of the earlier capture with these bytes

    @property
    def when(self) -> datetime:
        return datetime.strptime(self.timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)

    @property
    def digest(self) -> str:
        """Base32 SHA-1 of the payload, as the Wayback Machine's CDX and WARC-Payload-Digest give it."""
        return base64.b32encode(hashlib.sha1(self.body).digest()).decode("ascii")

    def headers(self) -> list[tuple[str, str]]:
        """The HTTP response headers the portal (IIS 8.5, ASP.NET) sent."""
        found = [("Cache-Control", "private")] if self.content_type == HTML else []
        if self.content_type:
            found.append(("Content-Type", self.content_type))
        if self.location:
            found.append(("Location", self.location))
        found += [
            ("Server", "Microsoft-IIS/8.5"),
            ("X-Powered-By", "ASP.NET"),
            ("Date", format_datetime(self.when, usegmt=True)),
            ("Content-Length", str(len(self.body))),
        ]
        return found

    def status_line(self) -> str:
        return f"{self.status} {HTTPStatus(self.status).phrase}"


def article_url(item: Article, origin: str = LIVE) -> str:
    return f"{origin}Default.aspx?tabid={item.tabid}&ChiTiet=True&CmsId={item.cms_id}"


def target(url: str) -> str:
    """The request target (path and query) of a URL, as the page's form action holds it."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def version(item: Article, byline: str | None = None) -> Version:
    """What an article page shows; ``byline`` where the design signs it otherwise."""
    cat = category(item.tabid)
    assert cat is not None
    signed = byline if byline is not None else (item.byline.text if item.byline else None)
    return Version(
        cms_id=item.cms_id,
        title=item.title,
        published=item.published,
        category=cat.name,
        byline=signed,
        paragraphs=tuple(pages.plain(line) for text in item.body for line in text.split("\n")),
        images=tuple(LIVE + image.path.lstrip("/") for image in item.images),
        attachments=tuple(LIVE + quote(a.path).lstrip("/") for a in item.attachments),
    )


def edited(item: Article) -> Article:
    """758 after its edit: a new title and a rewritten second paragraph."""
    return replace(item, title=EDITED_TITLE, body=(item.body[0], EDITED_PARAGRAPH, *item.body[2:]))


def as_of(cms_id: int, day: date) -> Article:
    """An article as the portal served it on ``day``."""
    item = article(cms_id)
    assert item is not None, cms_id
    return edited(item) if cms_id == EDITED and day >= EDITED_ON else item


def stamp(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def skin_at(timestamp: str, visits: int, guests: int, members: int, late: int) -> Skin:
    """The current design's furniture: the clock rendered ``late`` minutes before the capture
    (the page sat in a cache), in Vietnam time to the minute."""
    now = (stamp(timestamp) - timedelta(minutes=late)).astimezone(VN).replace(second=0)
    return Skin(now, visits, guests, members)


def widgets(skin: Skin) -> dict[str, int | None]:
    return {
        "visits": skin.visits,
        "online_guests": skin.guests,
        "online_members": skin.members,
        "online_total": skin.guests + skin.members,
    }


def _page(timestamp: str, url: str, body: bytes, shown: Shown, status: int = 200) -> Capture:
    return Capture(timestamp, url, status, HTML, body, shown)


def current_article(timestamp: str, url: str, cms_id: int, numbers: tuple[int, int, int, int]) -> Capture:
    skin = skin_at(timestamp, *numbers)
    item = as_of(cms_id, skin.now.date())
    shown = Shown(
        "article", "current", version(item), widgets(skin), skin.now, frozenset(a.cms_id for a in related(item))
    )
    return _page(timestamp, url, render.current_article(skin, item, target(url)), shown)


def current_home(timestamp: str, url: str, numbers: tuple[int, int, int, int]) -> Capture:
    skin = skin_at(timestamp, *numbers)
    listed = home_listing(skin.now.date())
    links = frozenset(item.cms_id for rows in listed.values() for item, _ in rows)
    shown = Shown("home", "current", None, widgets(skin), skin.now, links)
    return _page(timestamp, url, render.current_home(skin, target(url), listed), shown)


def home_listing(day: date) -> dict[int, list[tuple[Article, str]]]:
    titles = {EDITED: EDITED_TITLE} if day >= EDITED_ON else {}
    gone = frozenset({DELETED}) if day >= DELETED_ON else frozenset()
    return render.on_home(day, titles, gone)


def current_missing(timestamp: str, url: str, tabid: int, numbers: tuple[int, int, int, int]) -> Capture:
    skin = skin_at(timestamp, *numbers)
    shown = Shown("missing", "current", None, widgets(skin), skin.now)
    return _page(timestamp, url, render.current_missing(skin, tabid, target(url)), shown)


def current_list(timestamp: str, url: str, tabid: int, numbers: tuple[int, int, int, int]) -> Capture:
    skin = skin_at(timestamp, *numbers)
    links = frozenset(a.cms_id for a in list_page(tabid, 1))
    shown = Shown("list", "current", None, widgets(skin), skin.now, links)
    return _page(timestamp, url, render.current_list(skin, tabid, target(url)), shown)


def design2019_article(timestamp: str, url: str, cms_id: int, visits: int) -> Capture:
    """The 2019 design shows the day without a time (no clock) and the visit count alone."""
    item = as_of(cms_id, stamp(timestamp).date())
    day = stamp(timestamp).astimezone(VN).date()
    facts = FACTS["design2019"]
    shown = Shown(
        "article",
        "design2019",
        version(item, facts.bylines[cms_id].text),
        {"visits": visits, "online_guests": None, "online_members": None, "online_total": None},
        None,
        frozenset(a.cms_id for a in shown_related(item, facts.related_count)),
    )
    return _page(timestamp, url, render.design2019_article(cms_id, day, visits), shown)


def dnn5(timestamp: str, url: str, kind: str, key: int) -> Capture:
    """A DNN 5 page: its clock and widgets are the layout's facts, so captures sit in that minute."""
    facts = FACTS["dnn5"]
    assert stamp(timestamp).astimezone(VN).replace(second=0) == facts.clock, timestamp
    numbers: dict[str, int | None] = dict(facts.visitors)
    shown = Shown("missing" if kind == "missing" else kind, "dnn5", None, numbers, facts.clock)
    if kind == "article":
        item = as_of(key, stamp(timestamp).date())
        links = frozenset(a.cms_id for a in shown_related(item, facts.related_count))
        shown = replace(shown, version=version(item, facts.bylines[key].text), links=links)
    elif kind == "list":
        shown = replace(shown, links=frozenset(a.cms_id for a in list_items()))
    if kind == "home":
        listed = home_listing(stamp(timestamp).astimezone(VN).date())
        body = render.dnn5_home(listed)
        shown = replace(shown, links=frozenset(item.cms_id for rows in listed.values() for item, _ in rows))
    else:
        body = render.dnn5_page(kind, key)
    return _page(timestamp, url, body, shown)


def iis_not_found(timestamp: str, url: str) -> Capture:
    return _page(timestamp, url, pages.not_found_page().encode("utf-8"), Shown("not_found", "iis"), 404)


def redirect(timestamp: str, url: str, location: str) -> Capture:
    body = MOVED.encode("utf-8")
    return Capture(timestamp, url, 302, HTML, body, Shown("redirect", "iis"), location=location)


def asset(timestamp: str, url: str) -> Capture:
    found = media.asset(urlsplit(url).path)
    assert found is not None, url
    content_type, body = found
    return Capture(timestamp, url, 200, content_type, body, Shown("asset", "none"))


def again(earlier: Capture, timestamp: str, url: str | None = None, *, revisit: bool = False) -> Capture:
    """The same bytes captured again later: the archive found nothing changed."""
    return replace(earlier, timestamp=timestamp, url=url or earlier.url, revisit=revisit)


def _url(cms_id: int, origin: str = LIVE) -> str:
    item = article(cms_id)
    assert item is not None
    return article_url(item, origin)


HTTP = "http://lavusta.longan.gov.vn/"
HTTP80 = "http://lavusta.longan.gov.vn:80/"
HOME = f"{LIVE}Default.aspx?tabid=36"


@cache
def captures() -> tuple[Capture, ...]:
    """Every capture, in time order."""
    edited_second = current_article("20240521031507", _url(EDITED), EDITED, (1_196_300, 6, 0, 2))
    revisited = current_article("20241002015933", _url(743), 743, (1_286_120, 9, 1, 1))
    found = [
        asset("20190402031522", f"{LIVE}Portals/0/Images/2019/tongket2018.jpg"),
        asset("20191105084410", f"{LIVE}Portals/_default/Skins/LHH/skin.css"),
        iis_not_found("20200514021133", NEVER_A_PAGE),
        redirect("20200817063002", LIVE, REDIRECT_TO),
        design2019_article("20210125020911", _url(402), 402, 698_412),
        current_home("20210412013005", HOME, (745_903, 4, 0, 1)),
        current_article("20211012072214", _url(DELETED), DELETED, (812_554, 3, 0, 2)),
        current_home("20220304040517", HOME, (878_120, 7, 1, 3)),
        current_article("20220605090311", _url(611, HTTP), 611, (917_402, 2, 0, 0)),
        current_missing("20220914093140", _url(DELETED), 621, (958_771, 5, 0, 1)),
        current_home("20221121110258", f"{HTTP80}Default.aspx?tabid=36", (1_002_346, 11, 0, 4)),
        current_article("20230301044120", _url(688), 688, (1_038_915, 3, 0, 1)),
        iis_not_found("20230611021847", _url(DELETED)),
        current_home("20230817075544", HOME, (1_101_288, 8, 1, 2)),
        current_article("20230902063015", _url(718), 718, (1_108_640, 4, 0, 0)),
        current_home("20240215012230", HOME, (1_162_007, 12, 0, 3)),
        current_article("20240308014412", _url(EDITED), EDITED, (1_175_482, 5, 0, 1)),
        edited_second,
        dnn5("20240717185004", HOME, "home", 36),
        dnn5("20240717185012", _url(743), "article", 743),
        dnn5("20240717185019", _url(402), "article", 402),
        dnn5("20240717185023", _url(738), "article", 738),
        dnn5("20240717185031", _url(777), "article", 777),
        dnn5("20240717185038", f"{LIVE}Default.aspx?tabid=620", "list", 620),
        dnn5("20240717185044", f"{LIVE}Default.aspx?tabid=609", "page", 609),
        dnn5("20240717185051", f"{LIVE}Default.aspx?tabid=620&ChiTiet=True&CmsId=999", "missing", 999),
        current_article("20240819022141", _url(789, HTTP), 789, (1_267_530, 6, 0, 0)),
        current_article("20240903101507", _url(766), 766, (1_274_806, 3, 1, 2)),
        revisited,
        current_article("20241105084402", _url(738), 738, (1_301_337, 10, 0, 1)),
        again(edited_second, "20241202071826"),
        current_article("20250110033355", _url(402, HTTP), 402, (1_339_072, 5, 0, 3)),
        current_list("20250120021709", f"{LIVE}Default.aspx?tabid=621", 621, (1_343_910, 7, 0, 0)),
        current_home("20250304052711", HOME, (1_376_455, 15, 2, 4)),
        again(revisited, "20250410091244", revisit=True),
        current_article("20250515014830", _url(777), 777, (1_402_219, 9, 0, 2)),
        current_article("20250620064012", _url(794), 794, (1_419_868, 13, 1, 1)),
    ]
    assert [c.timestamp for c in found] == sorted(c.timestamp for c in found)
    return tuple(found)


def revisit_of(capture: Capture) -> Capture:
    """The earlier capture whose payload a revisit record refers to."""
    return next(c for c in captures() if c.body == capture.body and c.timestamp < capture.timestamp and not c.revisit)


@dataclass(frozen=True)
class WarcFile:
    name: str
    captures: tuple[Capture, ...] = field(default_factory=tuple)


def warc_files() -> tuple[WarcFile, ...]:
    """The captures split by years, in the order each file holds them: the edited article's
    captures newest first (an archive need not write in time order)."""
    groups = (("2019", "2021"), ("2022", "2023"), ("2024", "2025"))
    files = []
    for first, last in groups:
        held = [c for c in captures() if first <= c.timestamp[:4] <= last]
        edits = sorted((c for c in held if c.url == _url(EDITED)), key=lambda c: c.timestamp, reverse=True)
        if edits:
            at = held.index(edits[-1])
            held = [c for c in held if c not in edits]
            held[at:at] = edits
        files.append(WarcFile(f"lavusta-{first}-{last}.warc.gz", tuple(held)))
    return tuple(files)
