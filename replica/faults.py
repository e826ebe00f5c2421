"""A portal that misbehaves: every fault a cron crawl may meet, one URL each, on loopback.

``serve_faults()`` starts it; its home page links every fault. Tests crawl it and
check that the crawl ends by itself, counts each fault, loses nothing, stays on the
host and writes nowhere but the archive folder.
"""

from __future__ import annotations

import socket
import threading
import time
import unicodedata
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from replica import hostile
from replica.legacy import tcvn3_as_latin1

ARTICLE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<div>Thứ Năm,18/04/2024 13:32 Chào mừng bạn đến với trang thông tin điện tử !</div>
<div class="content"><h2>Tin tức</h2>
<div><span class="Title">{title}</span> <span class="Date">25/12/2023</span></div>
<div class="body">{body}</div></div></body></html>"""

PARAGRAPH = "Liên hiệp hội tổ chức hội nghị tổng kết hoạt động khoa học và công nghệ năm 2023 tại Long An."

# Each fault: its path and what the home page calls it.
FAULTS = {
    "/f/500": "always 500",
    "/f/503-then-ok": "503 with Retry-After once, then the page",
    "/f/slow": "slower than the download timeout",
    "/f/truncated": "body cut short of its Content-Length",
    "/f/reset": "connection reset",
    "/f/redirect-loop": "redirects to itself for ever",
    "/f/offsite": "redirects to another host",
    "/Default.aspx?tabid=620&ChiTiet=True&CmsId=9999": "a linked article that answers 404",
    "/f/malformed": "malformed HTML",
    "/f/huge": "larger than DOWNLOAD_MAXSIZE",
    "/f/empty": "an empty page",
    "/f/calendar?day=1": "an endless calendar",
    "/Default.aspx?tabid=620&ChiTiet=True&CmsId=1&SessionId=abc": "the same article with a session id",
    "/Default.aspx?tabid=620&ChiTiet=True&cmsid=1&print=1": "the same article, print view, other case",
    "/f/file.aspx": "a binary file behind .aspx",
    "/f/refresh-a": "a meta refresh loop",
    "/Default.aspx?tabid=620&ChiTiet=True&CmsId=2": "an article with hostile text and media paths",
    "/f/latin1": "a page with a wrong charset",
    "/f/cp1258": "a windows-1258 page that declares no charset",
    "/f/tcvn3": "a page typed in TCVN3 (.VnTime fonts)",
    "/f/nfd": "a page in decomposed Unicode",
}
# Settings under which a crawl meets these faults at once instead of waiting them out.
TIGHT = {
    "DOWNLOAD_TIMEOUT": "1",
    "DOWNLOAD_MAXSIZE": "1000000",
    "RETRY_TIMES": "1",
    "ARCHIVE_RETRY_BASE_DELAY": "0.1",
    # Small limits, so that the traps of replica/hostile/links.py are stopped in a few requests.
    "DEPTH_LIMIT": "10",
    "ARCHIVE_MAX_LIST_PAGES": "5",
    # The traps' pages are fine pages: they would dilute the share of errors below the default 20%.
    "ARCHIVE_MAX_ERROR_RATE": "0.05",
}
LEGACY_TITLE = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổng kết năm 2023"


def tcvn3(text: str) -> str:
    """Text as a .VnTime font shows it, from the standard's TCVN3 table (replica/legacy.py), not the reader's."""
    return tcvn3_as_latin1(text)


def cp1258(text: str) -> bytes:
    """Text as windows-1258 writes it: letters with their shape, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    letters: list[tuple[str, str]] = []
    for char in unicodedata.normalize("NFD", text):
        if letters and char in tones:
            letters[-1] = (letters[-1][0], letters[-1][1] + char)
        elif letters and unicodedata.combining(char):
            letters[-1] = (unicodedata.normalize("NFC", letters[-1][0] + char), letters[-1][1])
        else:
            letters.append((char, ""))
    return "".join(letter + tone for letter, tone in letters).encode("cp1258")


HOSTILE_TITLE = '=HYPERLINK("http://evil.example/","Bấm vào đây") <script>alert(1)</script>\x07'
HOSTILE_BODY = (
    '<p>@SUM(1+1) <b onclick="x()">chữ đậm</b><script>document.write("tiêm mã")</script> \x00\x1b[31m'
    f"{PARAGRAPH}</p>"
    '<p><img src="../../../../etc/passwd.jpg"><img src="/%2e%2e/%2e%2e/secret.png">'
    '<img src="/Portals/0/..%2f..%2fescape.gif"><img src="file:///etc/shadow"></p>'
)


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], slow_seconds: float = 3.0, huge_bytes: int = 3_000_000) -> None:
        super().__init__(address, FaultHandler)
        self.slow_seconds, self.huge_bytes = slow_seconds, huge_bytes
        self.requests: list[tuple[str, str]] = []
        self.served_503 = False

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a crawler that gives up on a slow answer resets the connection, as it should."""

    def shutdown(self) -> None:
        super().shutdown()
        self.server_close()


class FaultHandler(BaseHTTPRequestHandler):
    server: FaultServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read ``server.requests``."""

    def reply(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def page(self, title: str, body: str, status: int = 200) -> None:
        self.reply(status, ARTICLE.format(title=title, body=body).encode("utf-8"))

    def hostile(self, method: str) -> bool:
        """Whether one of ``replica.hostile``'s modules answered."""
        parts = urlsplit(self.path)
        query = {k.lower(): v for k, v in parse_qsl(parts.query)}
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) if method == "POST" else b""
        return any(module.handle(self, method, parts.path, query, body) for module in hostile.MODULES)

    def do_POST(self) -> None:
        self.server.requests.append(("POST", self.path))
        if not self.hostile("POST"):
            self.reply(404, b"<html><body>404</body></html>")

    def do_GET(self) -> None:
        self.server.requests.append(("GET", self.path))
        if self.hostile("GET"):
            return None
        parts = urlsplit(self.path)
        path, query = parts.path, {k.lower(): v for k, v in parse_qsl(parts.query)}
        if path == "/robots.txt":
            return self.reply(200, b"User-agent: *\nDisallow:\n", "text/plain")
        if path == "/":
            every = {**FAULTS, **{p: n for module in hostile.MODULES for p, n in module.FAULTS.items()}}
            links = "".join(f'<li><a href="{escape(url)}">{escape(name)}</a></li>' for url, name in every.items())
            return self.reply(200, f"<html><body><h1>Faults</h1><ul>{links}</ul></body></html>".encode())
        if path.lower() == "/default.aspx":
            if query.get("cmsid") == "1":
                return self.page("Bài viết có một địa chỉ duy nhất", f"<p>{PARAGRAPH}</p>")
            if query.get("cmsid") == "2":
                return self.page(escape(HOSTILE_TITLE), HOSTILE_BODY)
            return self.reply(404, b"<html><body>404</body></html>")
        if path == "/f/500":
            return self.reply(500, b"<html><body>Server Error in '/' Application.</body></html>")
        if path == "/f/503-then-ok":
            if not self.server.served_503:
                self.server.served_503 = True
                return self.reply(503, b"busy", Retry_After="1")
            return self.page("Trang trở lại sau khi máy chủ bận", f"<p>{PARAGRAPH}</p>")
        if path == "/f/slow":
            time.sleep(self.server.slow_seconds)
            return self.page("Trang chậm", f"<p>{PARAGRAPH}</p>")
        if path == "/f/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>cut")
            self.wfile.flush()
            return self.connection.shutdown(socket.SHUT_RDWR)
        if path == "/f/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            self.close_connection = True
            return None
        if path == "/f/redirect-loop":
            return self.reply(302, b"", Location="/f/redirect-loop?again=1" if not query else "/f/redirect-loop")
        if path == "/f/offsite":
            port = self.server.server_address[1]
            return self.reply(302, b"", Location=f"http://localhost:{port}/f/elsewhere")
        if path == "/f/malformed":
            body = f"<div><p>{PARAGRAPH}<table><tr><td>ô</p></div></span><p><p><b><i>nested</b></i>"
            return self.reply(200, ARTICLE.format(title="Trang <hỏng", body=body).encode("utf-8")[:-30])
        if path == "/f/huge":
            return self.reply(200, b"<html><body>" + b"x" * self.server.huge_bytes + b"</body></html>")
        if path == "/f/empty":
            return self.reply(200, b"")
        if path == "/f/calendar":
            day = int(query.get("day", "1")) + 1
            return self.reply(200, f'<html><body><a href="/f/calendar?day={day}">ngày {day}</a></body></html>'.encode())
        if path == "/f/file.aspx":
            return self.reply(200, b"%PDF-1.4\n\x00\x01\x02binary", "application/octet-stream")
        if path in ("/f/refresh-a", "/f/refresh-b"):
            other = "/f/refresh-b" if path.endswith("a") else "/f/refresh-a"
            meta = f'<html><head><meta http-equiv="refresh" content="0;url={other}"></head><body>x</body></html>'
            return self.reply(200, meta.encode())
        if path in ("/f/cp1258", "/f/tcvn3", "/f/nfd"):
            title = tcvn3(LEGACY_TITLE) if path == "/f/tcvn3" else LEGACY_TITLE
            page = ARTICLE.format(title=title, body=f"<p>{PARAGRAPH}</p>").replace(" charset=utf-8", "")
            if path == "/f/cp1258":
                return self.reply(200, cp1258(page), "text/html")
            form = "NFD" if path == "/f/nfd" else "NFC"
            return self.reply(200, unicodedata.normalize(form, page).encode(), "text/html")
        if path == "/f/latin1":
            body = ARTICLE.format(title="Trang sai bảng mã", body=f"<p>{PARAGRAPH}</p>").replace("charset=utf-8", "")
            return self.reply(200, body.encode("utf-8"), "text/html; charset=iso-8859-1")
        return self.reply(404, b"<html><body>404</body></html>")


def serve_faults(host: str = "127.0.0.1", port: int = 0, **options: float) -> FaultServer:
    server = FaultServer((host, port), **options)
    threading.Thread(target=server.serve_forever, name="faults", daemon=True).start()
    return server
