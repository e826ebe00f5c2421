"""Links that hurt a crawl: numbers that are no numbers, traps, and another port of the same host.

- ``/links/odd-numbers``: links whose ``CmsId``, ``tabid`` or ``Page`` is "²", "①", "٣",
  "３" or 5,000 digits, and a pager post "٣", all before two good links.
- ``/links/retry-after-odd``: 503 with ``Retry-After: ²`` once, then the page.
- Traps, each bounded here too (``TRAP_STEPS``) so a crawl without limits still ends:
  ``/links/deep/a/`` (a path that repeats for ever), ``/Default.aspx?tabid=70001``
  (a tabid that grows by one on each page), ``/links/next`` (a "Trang sau" postback
  whose ``__VIEWSTATE`` and links change each time); ``/links/traps``, linked from
  nowhere, leads to the first two.
- ``/links/other-port``, ``/links/redirect-other-port``: an article whose links, a
  protocol-relative link and an image, and a redirect, lead to another port of
  127.0.0.1, served by a second listener started on first use that records every
  request it gets (:func:`other_port_requests`).
"""

from __future__ import annotations

import re
import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

FAULTS: dict[str, str] = {
    "/links/odd-numbers": "links whose id or page is no number, before good links",
    "/links/retry-after-odd": "503 with Retry-After: ² once, then the page",
    "/links/deep/a/": "an endless path /a/b/a/b/…",
    "/Default.aspx?tabid=70001": "a tabid that grows on each page",
    "/links/next": "a text-only “Trang sau” postback whose page changes each time",
    "/links/other-port": "an article with links and an image on another port of this host",
    "/links/redirect-other-port": "redirects to another port of this host",
}
TRAP_STEPS = 300  # the server ends each trap here, far past any limit the tests set
FIRST_TAB = 70001
ODD_NUMBERS = ("%C2%B2", "%E2%91%A0", "%D9%A3%D9%A4", "%EF%BC%93", "9" * 5000)
BAD_LINKS = (
    *(f"/Default.aspx?tabid=620&ChiTiet=True&CmsId={odd}" for odd in ODD_NUMBERS),
    *(f"/Default.aspx?tabid=621&Page={odd}" for odd in ODD_NUMBERS),
    "/Default.aspx?tabid=%C2%B2",
)
GOOD_LINKS = ("/links/after-odd-1", "/links/after-odd-2")
PARAGRAPH = "Hội thảo khoa học về chuyển đổi số trong nông nghiệp tỉnh Long An được tổ chức thành công."
ARTICLE_TITLE = "Bài có đường dẫn và ảnh ở cổng khác"

_lock = threading.Lock()
_other: list[ThreadingHTTPServer] = []
_other_requests: list[tuple[str, str]] = []
_retried: set[int] = set()


class _OtherPortHandler(BaseHTTPRequestHandler):
    """Another service on the same host: it records and answers whatever it is asked."""

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read :func:`other_port_requests`."""

    def do_GET(self) -> None:
        _other_requests.append(("GET", self.path))
        body = b"<html><body><p>another service</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def other_port() -> int:
    """The second listener's port on 127.0.0.1, started on first use."""
    with _lock:
        if not _other:
            server = ThreadingHTTPServer(("127.0.0.1", 0), _OtherPortHandler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, name="other-port", daemon=True).start()
            _other.append(server)
        return _other[0].server_address[1]


def other_port_started() -> bool:
    return bool(_other)


def other_port_requests() -> list[tuple[str, str]]:
    """Every request the other port received: a crawl that stays on its origin sends none."""
    return list(_other_requests)


def _html(body: str, form: str = "") -> bytes:
    form_open = f'<form method="post" action="{form}">' if form else ""
    return f"<html><body>{form_open}{body}{'</form>' if form else ''}</body></html>".encode()


def _list(items: str) -> str:
    return f"<h1>Danh sách</h1><ul>{items}</ul>"


def _odd_numbers(handler: Any) -> None:
    """Bad links first: a crawl that trips over one must still follow the good ones after it."""
    bad = "".join(f'<li><a href="{escape(url)}">tin lỗi</a></li>' for url in BAD_LINKS)
    pager = "<li><a href=\"javascript:__doPostBack('dnn$ctr9$ListNews$pager','Page$٣')\">٣</a></li>"
    good = "".join(f'<li><a href="{url}">tin tốt</a></li>' for url in GOOD_LINKS)
    state = '<input type="hidden" name="__VIEWSTATE" value="x">'
    handler.reply(200, _html(state + _list(bad + pager + good), form="/links/odd-numbers"))


def _retry_after_odd(handler: Any) -> None:
    port = handler.server.server_address[1]
    if port not in _retried:
        _retried.add(port)
        return handler.reply(503, b"busy", Retry_After="²")
    return handler.page("Trang trở lại sau Retry-After lạ", f"<p>{PARAGRAPH}</p>")


def _deep(handler: Any, path: str) -> None:
    steps = path.strip("/").split("/")[2:]
    letter = "b" if steps and steps[-1] == "a" else "a"
    nxt = "" if len(steps) >= TRAP_STEPS else f'<a href="{letter}/">trang {letter}</a>'
    handler.reply(200, _html(_list(nxt)))


def _tab(handler: Any, tab: int) -> None:
    nxt = "" if tab >= FIRST_TAB + TRAP_STEPS else f'<a href="/Default.aspx?tabid={tab + 1}">mục {tab + 1}</a>'
    handler.reply(200, _html(_list(nxt)))


def _next(handler: Any, body: bytes) -> None:
    """Each post answers a new list page: a new ``__VIEWSTATE``, new links, and "Trang sau" again."""
    posted = parse_qs(body.decode("latin-1")).get("__VIEWSTATE", ["vs-1"])[0]
    step = int(posted[2:]) + 1 if re.fullmatch(r"vs-?[0-9]{1,9}", posted) else 0
    item = f'<li><a href="/links/next-item/{step}">tin {step}</a></li>'
    pager = "<a href=\"javascript:__doPostBack('dnn$ctr9$ListNews$lnkNext','')\">Trang sau</a>"
    state = f'<input type="hidden" name="__VIEWSTATE" value="vs{step}">'
    handler.reply(200, _html(state + _list(item) + (pager if step < TRAP_STEPS else ""), form="/links/next"))


def _other_port_article(handler: Any) -> None:
    other = f"127.0.0.1:{other_port()}"
    body = (
        f'<p>{PARAGRAPH} <a href="http://{other}/trang-khac">trang khác</a>'
        f' <a href="//{other}/tuong-doi-giao-thuc">liên kết không có giao thức</a></p>'
        f'<p><img src="http://{other}/Portals/0/anh.jpg"></p>'
    )
    handler.page(ARTICLE_TITLE, body)


def handle(handler: Any, method: str, path: str, query: dict[str, str], body: bytes) -> bool:
    if path.lower() == "/default.aspx" and "cmsid" not in query and re.fullmatch(r"[0-9]{1,9}", query.get("tabid", "")):
        tab = int(query["tabid"])
        if tab >= FIRST_TAB:
            _tab(handler, tab)
            return True
        return False
    if not path.startswith("/links/"):
        return False
    if path == "/links/odd-numbers":
        _odd_numbers(handler)
    elif path == "/links/retry-after-odd":
        _retry_after_odd(handler)
    elif path == "/links/traps":
        handler.reply(200, _html(_list('<a href="/links/deep/a/">a</a> <a href="/Default.aspx?tabid=70001">t</a>')))
    elif path.startswith("/links/deep/"):
        _deep(handler, path)
    elif path == "/links/next":
        _next(handler, body if method == "POST" else b"")
    elif path == "/links/other-port":
        _other_port_article(handler)
    elif path == "/links/redirect-other-port":
        handler.reply(302, b"", Location=f"http://127.0.0.1:{other_port()}/chuyen-huong")
    elif path.startswith(("/links/after-odd-", "/links/next-item/")):
        handler.page(f"Trang {escape(path.rsplit('/', 1)[-1])} vẫn được tải", f"<p>{PARAGRAPH}</p>")
    else:
        return False
    return True
