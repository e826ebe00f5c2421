"""A small threaded HTTP server that serves the replica on loopback.

GET and POST (ASP.NET postbacks) like the real portal; query parameter names are
case-insensitive as in DotNetNuke. ``serve()`` starts it in a background thread for
tests; ``python -m replica`` serves it in the foreground.
"""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from replica import pages
from replica.content import ARTICLES, CATEGORIES, HOME_TAB, STATIC_PAGES

# The smallest valid GIF, for counter digits, icons and body images.
GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCX = b"PK\x05\x06" + b"\x00" * 18  # an empty zip archive
ROBOTS = "User-agent: *\nDisallow: /admin/\n"
PAGE_TARGET = re.compile(r"ctl(\d+)\$lnkPage$")
PAGE_ARGUMENT = re.compile(r"^Page\$(\d+)$")


class ReplicaServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], widgets: pages.Widgets) -> None:
        super().__init__(address, Handler)
        self.widgets = widgets
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request, for tests

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


class Handler(BaseHTTPRequestHandler):
    server: ReplicaServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests and the demo print what matters themselves."""

    def do_GET(self) -> None:
        self.route({})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode("utf-8", "replace"), keep_blank_values=True))
        self.route(form)

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def html(self, text: str, status: int = 200) -> None:
        self.send(status, text.encode("utf-8"))

    def route(self, form: dict[str, str]) -> None:
        self.server.requests.append((self.command, self.path))
        parts = urlsplit(self.path)
        path = parts.path.lower()
        query = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
        kw = {"widgets": self.server.widgets}
        if path == "/robots.txt":
            return self.send(200, ROBOTS.encode(), "text/plain; charset=utf-8")
        if path.startswith(("/portals/", "/images/")):
            return self.static_file(path)
        if path == "/admin/login.aspx":
            return self.html(pages.login_page(**kw))
        if path not in ("/", "/default.aspx"):
            return self.html(pages.not_found_page(), 404)
        tabid = int(query["tabid"]) if query.get("tabid", "").isdigit() else HOME_TAB
        if tabid == HOME_TAB:
            return self.html(pages.home_page(ARTICLES, **kw))
        if tabid in {p.tabid for p in STATIC_PAGES}:
            return self.html(pages.static_page(tabid, **kw))
        category = next((c for c in CATEGORIES if c.tabid == tabid), None)
        if category is None:
            return self.html(pages.not_found_page(), 404)
        in_category = [a for a in ARTICLES if a.tabid == tabid]
        if query.get("cmsid", "").isdigit():
            return self.article(int(query["cmsid"]), category, in_category, kw)
        page = self.page_number(query, form)
        self.html(pages.list_page(category, in_category, page, **kw))

    @staticmethod
    def page_number(query: dict[str, str], form: dict[str, str]) -> int:
        target = PAGE_TARGET.search(form.get("__EVENTTARGET", ""))
        argument = PAGE_ARGUMENT.match(form.get("__EVENTARGUMENT", ""))
        for found in (target, argument):
            if found:
                return int(found.group(1))
        return int(query["page"]) if query.get("page", "").isdigit() else 1

    def article(self, cms_id: int, category, in_category, kw) -> None:
        article = next((a for a in ARTICLES if a.cms_id == cms_id), None)
        if article is None:
            return self.html(pages.missing_article(category.tabid, cms_id, **kw))
        others = [a for a in sorted(in_category, key=lambda a: -a.cms_id) if a.cms_id != cms_id]
        self.html(pages.article_page(article, category, related_to(article, others), **kw))

    def static_file(self, path: str) -> None:
        if path.endswith((".gif", ".jpg", ".png")):
            return self.send(200, GIF, "image/gif")
        if path.endswith(".pdf"):
            return self.send(200, PDF, "application/pdf")
        if path.endswith(".docx"):
            return self.send(200, DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        if path.endswith(".css"):
            return self.send(200, b"body{font-family:Arial}", "text/css")
        self.html(pages.not_found_page(), 404)


def related_to(article, others):
    """ "Các tin khác": the five next-older articles of the category, else the newest."""
    older = [a for a in others if a.cms_id < article.cms_id]
    return (older or others)[:5]


def serve(host: str = "127.0.0.1", port: int = 0, **widgets: int) -> ReplicaServer:
    """Start the replica in a background thread; ``server.url`` says where, ``shutdown()`` stops it."""
    server = ReplicaServer((host, port), pages.Widgets(**widgets))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
