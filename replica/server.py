"""A small threaded HTTP server for the replica, on loopback.

It only speaks HTTP: decoding the request (form posts urlencoded as a crawler sends
them, or multipart as a browser sends the DNN form) and writing the reply. What to
answer is decided in site.py.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.parser import BytesParser
from email.policy import HTTP
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from replica.content import GENERATED
from replica.generated import retitled
from replica.site import Changes, Reply, answer
from replica.skin import Skin

VN_TIME = timezone(timedelta(hours=7), "ICT")


def vietnam_now() -> datetime:
    return datetime.now(VN_TIME)


def parse_form(content_type: str, body: bytes) -> dict[str, str]:
    """The fields of a posted form, urlencoded or multipart/form-data."""
    if content_type.lower().startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        fields = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name:
                fields[str(name)] = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
        return fields
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


class ReplicaServer(ThreadingHTTPServer):
    """The server, with the widget numbers every page shows and a log of requests."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        visits: int = 1234567,
        guests: int = 3,
        members: int = 0,
        clock: Callable[[], datetime] = vietnam_now,
    ) -> None:
        super().__init__(address, Handler)
        self.visits, self.guests, self.members, self.clock = visits, guests, members, clock
        self.requests: list[tuple[str, str]] = []  # (method, path with query) of every request
        self.changes = Changes()  # tests edit the site through this
        self.changes.retitled.update(retitled(GENERATED, int(os.environ.get("REPLICA_RETITLED_EVERY", "0"))))
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def skin(self) -> Skin:
        return Skin(self.clock(), self.visits, self.guests, self.members)

    def shutdown(self) -> None:
        """Stop serving and release the port."""
        super().shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: ReplicaServer
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-IIS/8.5"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read ``server.requests`` instead."""

    def do_GET(self) -> None:
        self._reply(answer("GET", self.path, {}, self.server.skin(), self.server.changes))

    def do_HEAD(self) -> None:
        self._reply(answer("GET", self.path, {}, self.server.skin(), self.server.changes), with_body=False)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_form(self.headers.get("Content-Type", ""), self.rfile.read(length))
        self._reply(answer("POST", self.path, form, self.server.skin(), self.server.changes))

    def _not_modified(self, reply: Reply) -> bool:
        since = self.headers.get("If-Modified-Since")
        if reply.last_modified is None or not since:
            return False
        try:
            return parsedate_to_datetime(since) >= reply.last_modified
        except (TypeError, ValueError):
            return False

    def _reply(self, reply: Reply, with_body: bool = True) -> None:
        self.server.requests.append((self.command, self.path))
        if self._not_modified(reply):
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        if reply.last_modified is not None:
            self.send_header("Last-Modified", format_datetime(reply.last_modified, usegmt=True))
        self.send_header("X-Powered-By", "ASP.NET")
        self.end_headers()
        if with_body:
            self.wfile.write(reply.body)


def serve(host: str = "127.0.0.1", port: int = 0, **options: Any) -> ReplicaServer:
    """Start the replica in a background thread; port 0 picks a free port.

    The returned server knows its ``url`` and ``thread``; ``shutdown()`` stops it.
    ``options`` are ReplicaServer's: visits, guests, members, clock."""
    server = ReplicaServer((host, port), **options)
    server.thread = threading.Thread(target=server.serve_forever, name="replica", daemon=True)
    server.thread.start()
    return server
