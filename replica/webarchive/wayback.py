"""A Wayback Machine emulator on loopback: the CDX API, ``id_`` raw replay and TimeMaps.

Serves the capture plan as web.archive.org serves its captures, so the ``history`` spider
can be tested without the network: ``/cdx/search/cdx`` (cdx.py), ``/web/<ts>id_/<url>``
(the raw payload with its original status and Content-Type; an inexact timestamp answers
302 to the nearest capture), ``/web/<url>`` (the timegate: the newest capture) and
``/web/timemap/link/<url>`` (RFC 7089 link format). Options: a rate limit (429 with
``Retry-After: 1``) and a log of every request path.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from replica.webarchive import cdx
from replica.webarchive.captures import Capture, captures, revisit_of

REPLAY = re.compile(r"^/web/(\d{1,14})([a-z]{2}_)?/(.+)$")
LINK_FORMAT = "application/link-format"


def of_url(url: str) -> list[Capture]:
    """The captures of a URL (any scheme, port or letter case of its key), oldest first."""
    key = cdx.surt(url)
    return sorted((c for c in captures() if cdx.surt(c.url) == key), key=lambda c: c.timestamp)


def moment(timestamp: str) -> datetime:
    """A timestamp of 4 to 14 digits as a time: the missing parts are the period's start."""
    padded = timestamp + "00000101000000"[len(timestamp) :]
    try:
        return datetime.strptime(padded, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return datetime(int(padded[:4]) or 1, 1, 1, tzinfo=UTC)


def nearest(found: list[Capture], timestamp: str) -> Capture:
    """The capture closest in time to a (possibly partial) timestamp, as the Wayback Machine picks."""
    wanted = moment(timestamp)
    return min(found, key=lambda c: (abs((c.when - wanted).total_seconds()), c.timestamp))


def http_date(capture: Capture) -> str:
    return format_datetime(capture.when, usegmt=True)


class WaybackServer(ThreadingHTTPServer):
    """The emulator; ``requests`` logs every request path, ``refused`` those answered 429."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], *, rate_limit: tuple[int, float] | None = None) -> None:
        super().__init__(address, Handler)
        self.rate_limit = rate_limit  # (requests, seconds): more within the window answer 429
        self.requests: list[str] = []
        self.refused: list[str] = []
        self.recent: deque[float] = deque()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def admit(self, path: str) -> bool:
        """Log the request; False when it is over the rate limit."""
        with self.lock:
            self.requests.append(path)
            if self.rate_limit is None:
                return True
            count, window = self.rate_limit
            now = time.monotonic()
            while self.recent and now - self.recent[0] > window:
                self.recent.popleft()
            if len(self.recent) >= count:
                self.refused.append(path)
                return False
            self.recent.append(now)
            return True

    def shutdown(self) -> None:
        """Stop serving and release the port."""
        super().shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: WaybackServer
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read ``server.requests`` instead."""

    def do_GET(self) -> None:
        if not self.server.admit(self.path):
            self._send(429, "text/plain", b"Too Many Requests\n", [("Retry-After", "1")])
            return
        path = urlsplit(self.path).path
        if path == "/cdx/search/cdx":
            self._cdx()
        elif self.path.startswith("/web/timemap/link/"):
            self._timemap(self.path.removeprefix("/web/timemap/link/"))
        elif match := REPLAY.match(self.path):
            self._replay(match[1], match[2] or "", match[3])
        elif self.path.startswith("/web/") and len(self.path) > 5:
            self._timegate(self.path.removeprefix("/web/"))
        else:
            self._send(404, "text/plain", b"Not Found\n")

    def _origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{self.headers.get('Host') or f'{host}:{port}'}"

    def _send(
        self,
        status: int,
        content_type: str,
        body: bytes,
        headers: tuple[tuple[str, str], ...] | list[tuple[str, str]] = (),
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _cdx(self) -> None:
        try:
            query = cdx.parse(parse_qs(urlsplit(self.path).query, keep_blank_values=True))
            rows, key = cdx.answer(query)
        except cdx.BadQuery as error:
            self._send(400, "text/plain", f"org.archive.util.io.RuntimeIOException: {error}\n".encode())
            return
        if query.as_json:
            table: list[list[str]] = [list(query.fields), *rows] if rows else []
            if key:
                table += [[], [key]]
            body = ("[" + ",\n".join(json.dumps(row) for row in table) + "]\n").encode()
            self._send(200, "application/json", body)
            return
        text = "".join(" ".join(row) + "\n" for row in rows) + (f"\n{key}\n" if key else "")
        self._send(200, "text/plain", text.encode())

    def _replay(self, timestamp: str, modifier: str, url: str) -> None:
        found = of_url(url)
        if not found:
            self._send(404, "text/html", b"<p>Wayback Machine has not archived that URL.</p>\n")
            return
        capture = nearest(found, timestamp)
        if capture.timestamp != timestamp:
            where = f"{self._origin()}/web/{capture.timestamp}{modifier}/{capture.url}"
            self._send(302, "text/plain", b"", [("Location", where)])
            return
        payload = revisit_of(capture) if capture.revisit else capture
        headers = [("Memento-Datetime", http_date(capture)), ("Link", f'<{capture.url}>; rel="original"')]
        headers += [(f"X-Archive-Orig-{name}", value) for name, value in capture.headers() if name != "Content-Type"]
        if capture.location:
            target = urljoin(capture.url, capture.location)
            headers.append(("Location", f"{self._origin()}/web/{capture.timestamp}{modifier}/{target}"))
        self._send(capture.status, capture.content_type, payload.body, headers)

    def _timegate(self, url: str) -> None:
        found = of_url(url)
        if not found:
            self._send(404, "text/html", b"<p>Wayback Machine has not archived that URL.</p>\n")
            return
        newest = found[-1]
        self._send(302, "text/plain", b"", [("Location", f"{self._origin()}/web/{newest.timestamp}/{newest.url}")])

    def _timemap(self, url: str) -> None:
        found = of_url(url)
        if not found:
            self._send(404, LINK_FORMAT, b"")
            return
        origin = self._origin()
        lines = [
            f'<{url}>; rel="original"',
            f'<{origin}/web/timemap/link/{url}>; rel="self"; type="{LINK_FORMAT}"; '
            f'from="{http_date(found[0])}"; until="{http_date(found[-1])}"',
            f'<{origin}/web/{url}>; rel="timegate"',
        ]
        for i, capture in enumerate(found):
            rel = "first memento" if i == 0 else "last memento" if i == len(found) - 1 else "memento"
            memento = f"{origin}/web/{capture.timestamp}/{capture.url}"
            lines.append(f'<{memento}>; rel="{rel}"; datetime="{http_date(capture)}"')
        self._send(200, LINK_FORMAT, (",\n".join(lines) + "\n").encode())


def serve(host: str = "127.0.0.1", port: int = 0, **options: Any) -> WaybackServer:
    """Start the emulator in a background thread; port 0 picks a free port.

    The returned server knows its ``url``, ``requests`` and ``thread``; ``shutdown()`` stops it.
    ``options`` are WaybackServer's: ``rate_limit=(requests, seconds)``."""
    server = WaybackServer((host, port), **options)
    server.thread = threading.Thread(target=server.serve_forever, name="wayback", daemon=True)
    server.thread.start()
    return server
