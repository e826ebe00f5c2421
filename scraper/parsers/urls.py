"""URL rules of the portal: canonical article URLs and web-archive unwrapping."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

from scraper.parsers import site

if TYPE_CHECKING:
    from scraper.parsers.document import Document

_SCHEME = re.compile(r"^(https?:)/+", re.IGNORECASE)
# A number in a URL or header: ASCII digits only, and few enough for any id or page the portal has.
MAX_DIGITS = 9
_NUMBER = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


def number(text: str, digits: int = MAX_DIGITS) -> int | None:
    """``text`` as a number when it is 1 to ``digits`` ASCII digits, else None.

    ``str.isdigit`` also accepts "²", "①", "٣" and "３", on which ``int()`` raises or
    which no URL of the portal means; a 5,000-digit id is no id either.
    """
    if digits == MAX_DIGITS:
        return int(text) if _NUMBER.fullmatch(text) else None
    return int(text) if 0 < len(text) <= digits and text.isascii() and text.isdigit() else None


def looks_like_number(text: str) -> bool:
    """Digits of any script that are no :func:`number`: a link that means to carry a number, broken."""
    return text.isdigit() and number(text) is None


def unwrap_wayback(url: str) -> str:
    """The original URL behind a Wayback Machine or archive.today URL; other URLs unchanged.

    Wayback rewrites links as ``/web/<timestamp>[im_]/<original>`` and sometimes
    squeezes the original's ``//`` to ``/``.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # a broken address is left for the caller to reject
        return url
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if parts.netloc and site.ARCHIVE_TODAY_HOST.match(parts.netloc):
        return _unwrap_archive_today(url, path)
    if parts.netloc and not parts.netloc.lower().endswith("archive.org"):
        return url
    m = site.WAYBACK_URL.match(path)
    if not m:
        return url
    original = _two_slashes(m.group("url"))
    if not re.match(r"^https?://", original, re.IGNORECASE):
        original = "http://" + original
    return original + (f"#{parts.fragment}" if parts.fragment else "")


def _unwrap_archive_today(url: str, path: str) -> str:
    """The original URL behind an archive.today link (``/o/<id>/<original>``); its own pages unchanged."""
    m = site.ARCHIVE_TODAY_PATH.match(path)
    return _two_slashes(m.group("url")) if m else url


def _two_slashes(url: str) -> str:
    """``url`` with the slashes after its scheme made two: ``_SCHEME.sub(r"\\1//", url)``, without a template.

    A template is expanded in Python at every call, the match and a slice in C; the
    pattern starts with ``^``, so it matches once at most.
    """
    m = _SCHEME.match(url)
    return f"{m.group(1)}//{url[m.end() :]}" if m else url


def image_url(src: str, doc: Document) -> str | None:
    """An image's address: on the site, or in the folder a browser saved beside a page ("./Bai viet_files/a.jpg")."""
    src = src.strip()
    if doc.saved_at and site.SAVED_FILES.match(src):
        parts = urlsplit(urljoin(doc.saved_at, src))
        return urlunsplit(parts._replace(path=quote(unquote(parts.path), safe="/")))
    return absolute(src, doc.base_url)


# The URL functions below are pure and a page asks the same of many links (menus, lists, widgets): cached.
@lru_cache(maxsize=4096)
def absolute(href: str, base: str) -> str | None:
    """``href`` resolved against ``base`` and unwrapped from any web archive.

    None unless the result is a well-formed http(s) URL: ``file:``, ``mailto:`` and
    broken addresses ("http://[::1") are nothing a crawler of a web site may fetch.
    """
    try:
        url = unwrap_wayback(urljoin(base, href.strip()))
        parts = urlsplit(url)
        _ = parts.port  # raises on a port that is not a number
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _params(url: str) -> dict[str, str]:
    """Query parameters keyed by lower-case name (DNN ignores their case)."""
    try:
        query = urlsplit(url).query
    except ValueError:  # a broken address names no parameter
        return {}
    return {k.lower(): v for k, v in parse_qsl(query, keep_blank_values=True)}


@lru_cache(maxsize=4096)
def cms_id(url: str) -> int | None:
    """The article id in a URL, whatever the case of ``CmsId``."""
    return number(_params(url).get("cmsid", ""))


@lru_cache(maxsize=4096)
def tab_id(url: str) -> int | None:
    return number(_params(url).get("tabid", ""))


def has_bad_number(url: str) -> bool:
    """Whether an id or page parameter of ``url`` is written in digits that are no number."""
    return any(
        (k in ("cmsid", "tabid") or site.PAGING_PARAM.match(k)) and looks_like_number(v)
        for k, v in _params(url).items()
    )


def _origin(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    path = parts.path or "/"
    if path in ("", "/"):
        path = "/Default.aspx"
    return parts.scheme.lower(), parts.netloc.lower(), path


@lru_cache(maxsize=4096)
def canonical_article_url(url: str) -> str | None:
    """``…/Default.aspx?tabid=T&ChiTiet=True&CmsId=N``, or None when ``url`` names no article."""
    url = unwrap_wayback(url)
    params = _params(url)
    article = cms_id(url)
    if article is None:
        return None
    scheme, netloc, path = _origin(url)
    query = []
    tab = number(params.get("tabid", ""))
    if tab is not None:
        query.append(("tabid", params["tabid"]))
    query += [("ChiTiet", "True"), ("CmsId", str(article))]
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


@lru_cache(maxsize=4096)
def canonical_page_url(url: str) -> str:
    """A non-article page URL with only ``tabid`` and paging parameters kept.

    Everything else goes: session ids, print views, sort orders and calendar days
    would otherwise open an endless space of URLs for the same pages.
    """
    url = unwrap_wayback(url)
    try:
        parts = urlsplit(url)
    except ValueError:  # a broken address is left for the caller to reject
        return url
    kept = [
        ("tabid" if k.lower() == "tabid" else k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() == "tabid" or site.PAGING_PARAM.match(k)
    ]
    path = parts.path or "/"
    if not kept and path.lower() == "/default.aspx":
        path = "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(kept), ""))


def canonical_url(url: str) -> str:
    """The one URL under which a page is fetched and archived."""
    return canonical_article_url(url) or canonical_page_url(url)


def split_paging(url: str) -> tuple[str, int | None]:
    """A list URL without its paging parameter, and the page number it asked for."""
    try:
        parts = urlsplit(url)
    except ValueError:  # a broken address pages nothing
        return url, None
    kept, page = [], None
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if site.PAGING_PARAM.match(k) and k.lower() != "tabid":
            found = number(v)
            page = found if found is not None else page
        else:
            kept.append((k, v))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), "")), page
