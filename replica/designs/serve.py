# ruff: noqa: E501  (HTML templates read best one tag per line)
"""Serve one layout of the corpus as a whole site on loopback, for crawls across designs.

The portal's URL scheme, as the replica answers it (case-insensitive parameter names, extra
parameters ignored): the four articles under tabid=620, any other CmsId as "Tin không tồn
tại" (or 404 in a layout without that page), the list page and tabid=609 where the layout
has them, and a home page linking to all of them. Start two servers to crawl two designs.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from replica.designs import BASES, Layout
from replica.designs.truth import CORPUS_ARTICLES, LIST_TAB, MISSING_ID, TEXT_PAGE, Page

HOME_TABID = 36


def home_page(layout: Layout) -> bytes:
    """A bare page linking to every page of the layout, where a crawl starts."""
    links = [f"/Default.aspx?tabid={LIST_TAB}&amp;ChiTiet=True&amp;CmsId={n}" for n in CORPUS_ARTICLES]
    links += [f"/Default.aspx?tabid={p.key}" for p in layout.PAGES if p.kind in ("list", "page")]
    items = "\n".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Trang chủ</title></head>\n<body><ul>\n{items}\n</ul></body></html>\n'.encode()


def page_for(layout: Layout, target: str) -> Page | None:
    """The corpus page a request target asks for, or None (404)."""
    parts = urlsplit(target)
    query = {name.lower(): value for name, value in parse_qsl(parts.query)}
    if parts.path.lower() not in ("/", "/default.aspx"):
        return None
    tabid, cms_id = query.get("tabid", str(HOME_TABID)), query.get("cmsid")
    if tabid == str(LIST_TAB) and cms_id is not None:
        wanted = Page("article", int(cms_id)) if cms_id.isdigit() else None
        return wanted if wanted in layout.PAGES else _if_held(layout, Page("missing", MISSING_ID))
    if tabid == str(LIST_TAB):
        return _if_held(layout, Page("list", LIST_TAB))
    if tabid == str(TEXT_PAGE):
        return _if_held(layout, Page("page", TEXT_PAGE))
    return None


def _if_held(layout: Layout, page: Page) -> Page | None:
    return page if page in layout.PAGES else None


class DesignServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], layout: str) -> None:
        super().__init__(address, Handler)
        self.layout: Layout = BASES[layout]

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def shutdown(self) -> None:
        super().shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: DesignServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        layout = self.server.layout
        status, content_type, body = 404, "text/html; charset=utf-8", b"<html><body>404</body></html>"
        if urlsplit(self.path).path == "/robots.txt":
            status, content_type, body = 200, "text/plain", b"User-agent: *\nDisallow: /admin/\n"
        elif self._is_home():
            status, body = 200, home_page(layout)
        elif page := page_for(layout, self.path):
            status, content_type, body = 200, layout.CONTENT_TYPE, layout.render(page)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _is_home(self) -> bool:
        parts = urlsplit(self.path)
        query = {name.lower(): value for name, value in parse_qsl(parts.query)}
        return parts.path.lower() in ("/", "/default.aspx") and query.get("tabid", str(HOME_TABID)) == str(HOME_TABID)


def serve(layout: str, host: str = "127.0.0.1", port: int = 0) -> DesignServer:
    """Serve ``layout`` (a name in ``BASES``) in a background thread; ``shutdown()`` stops it."""
    server = DesignServer((host, port), layout)
    threading.Thread(target=server.serve_forever, name=f"design-{layout}", daemon=True).start()
    return server
