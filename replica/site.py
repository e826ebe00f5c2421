"""What the replica answers to a request: the portal's URL scheme and postbacks.

Pure: a method, a request target and a decoded form in, a status, content type and
body out. Like IIS and DNN, paths and query-parameter names ignore case (``cmsid`` is
``CmsId``), extra parameters are ignored, and a list page is paged either by ``Page=N``
in the query or by a postback whose ``__EVENTTARGET``/``__EVENTARGUMENT`` name the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from urllib.parse import parse_qsl, urlsplit

from replica import media, pages
from replica.content import HOME_TABID, article, category, static_page
from replica.skin import Skin

HTML = "text/html; charset=utf-8"
ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /Install/
Disallow: /Providers/
"""
# What a DNN site under maintenance shows at every address, with status 200.
MAINTENANCE_PAGE = """<html><head><meta charset="utf-8"><title>Bảo trì hệ thống</title></head>
<body><h1>Hệ thống đang bảo trì</h1><p>Xin quý khách vui lòng quay lại sau.</p></body></html>"""
PAGER_TARGET = re.compile(r"\$rptPager\$ctl(\d+)\$lnkPage$")
STEP_TARGET = re.compile(r"\$lnk(Next|Prev)$")


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None  # sent, and honoured in If-Modified-Since, for articles


@dataclass
class Changes:
    """Edits made to the site after it started, for tests of incremental crawls."""

    retitled: dict[int, str] = field(default_factory=dict)  # CmsId → new title
    removed: dict[int, int] = field(default_factory=dict)  # CmsId → 404, or 200 for "Tin không tồn tại"
    maintenance: bool = False  # every page answers 200 with a maintenance notice
    changed_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))


def _html(text: str, status: int = 200) -> Reply:
    return Reply(status, HTML, text.encode("utf-8"))


def postback_page(form: dict[str, str]) -> int | None:
    """The list page a postback asks for, read from its event target and argument."""
    target = form.get("__EVENTTARGET", "")
    if match := PAGER_TARGET.search(target):
        return int(match[1])
    if STEP_TARGET.search(target) and form.get("__EVENTARGUMENT", "").isdigit():
        return int(form["__EVENTARGUMENT"])
    return None


def answer(method: str, target: str, form: dict[str, str], skin: Skin, changes: Changes | None = None) -> Reply:
    """The reply to ``method target`` (``form`` holds a POST's fields, else is empty)."""
    parts = urlsplit(target)
    path = parts.path.lower()
    query: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        query.setdefault(name.lower(), value)
    action = target if path.startswith("/default.aspx") else "/Default.aspx"

    if path == "/robots.txt":
        return Reply(200, "text/plain; charset=utf-8", ROBOTS.encode())
    if changes is not None and changes.maintenance:
        return _html(MAINTENANCE_PAGE)
    if path == "/admin/login.aspx":
        return _html(pages.login_page(skin, target))
    if path not in ("/", "/default.aspx"):
        found = media.asset(parts.path)
        return Reply(200, *found) if found else _html(pages.not_found_page(), 404)

    tab = query.get("tabid", str(HOME_TABID))
    tabid = int(tab) if tab.isdigit() else -1
    if tabid == HOME_TABID:
        return _html(pages.home_page(skin, action))
    if page := static_page(tabid):
        return _html(pages.static_page_html(skin, page, action))
    cat = category(tabid)
    if cat is None:
        return _html(pages.not_found_page(), 404)
    if "cmsid" in query:
        item = article(int(query["cmsid"])) if query["cmsid"].isdigit() else None
        changes = changes or Changes()
        if item is not None and changes.removed.get(item.cms_id) == 404:
            return _html(pages.not_found_page(), 404)
        if item is None or item.cms_id in changes.removed:
            return _html(pages.missing_article_page(skin, cat, action))
        modified = datetime.combine(item.published, time(), UTC)
        if item.cms_id in changes.retitled:
            item, modified = replace(item, title=changes.retitled[item.cms_id]), changes.changed_at
        return replace(_html(pages.article_page(skin, item, action)), last_modified=modified)
    number = query.get("page", "1")
    page_number = int(number) if number.isdigit() else 1
    if method == "POST":
        page_number = postback_page(form) or page_number
    return _html(pages.list_page_html(skin, cat, page_number, action))
