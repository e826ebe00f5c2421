"""Compressed answers: every Content-Encoding Scrapy decodes, a broken gzip and a gzip bomb.

Each route answers one ordinary article (a title with its date and a body paragraph),
compressed its own way, with a title of its own so tests can find its record. The
archive must hold what the crawl decoded, and ``reextract`` must decode the same.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any

import brotli
from backports import zstd

# The bomb decompresses to this many bytes: far past the fault crawl's DOWNLOAD_MAXSIZE
# (1,000,000 bytes) while its compressed answer stays small (about 32 kB).
BOMB_BYTES = 32 * 1024 * 1024
CHUNK = 1024 * 1024


def _deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


def _bad_crc(data: bytes) -> bytes:
    """A whole gzip member whose CRC-32 trailer is wrong (RFC 1952, section 2.3.1)."""
    member = bytearray(gzip.compress(data))
    member[-8:-4] = bytes(b ^ 0xFF for b in member[-8:-4])
    return bytes(member)


# path → (title, Content-Encoding header, how the page is compressed)
ROUTES: dict[str, tuple[str, str, Callable[[bytes], bytes]]] = {
    "/enc/br": ("Trang nén brotli", "br", brotli.compress),
    "/enc/zstd": ("Trang nén zstd", "zstd", zstd.compress),
    "/enc/x-gzip": ("Trang nén x-gzip", "x-gzip", gzip.compress),
    "/enc/gzip-gzip": ("Trang nén gzip hai lần", "gzip, gzip", lambda page: gzip.compress(gzip.compress(page))),
    "/enc/deflate-zlib": ("Trang nén deflate có vỏ zlib", "deflate", lambda page: _deflate(page, zlib.MAX_WBITS)),
    "/enc/deflate-raw": ("Trang nén deflate trần", "deflate", lambda page: _deflate(page, -zlib.MAX_WBITS)),
    "/enc/bad-crc": ("Trang gzip sai CRC", "gzip", _bad_crc),
}
BOMB = "/enc/bomb"
BOMB_TITLE = "Trang bom gzip"

FAULTS: dict[str, str] = {
    "/enc/br": "an article compressed with brotli",
    "/enc/zstd": "an article compressed with zstd",
    "/enc/x-gzip": "an article compressed as x-gzip",
    "/enc/gzip-gzip": "an article gzip-compressed twice (Content-Encoding: gzip, gzip)",
    "/enc/deflate-zlib": "an article compressed with deflate in its zlib wrapper",
    "/enc/deflate-raw": "an article compressed with raw deflate (no zlib wrapper)",
    "/enc/bad-crc": "a gzip-compressed article whose CRC-32 is wrong",
    BOMB: "a gzip bomb: a small answer that decompresses past DOWNLOAD_MAXSIZE",
}


def article(title: str) -> bytes:
    from replica.faults import ARTICLE, PARAGRAPH  # replica.faults imports this module

    return ARTICLE.format(title=title, body=f"<p>{PARAGRAPH}</p>").encode("utf-8")


@cache
def bomb() -> bytes:
    """An article followed by ``BOMB_BYTES`` spaces, gzip-compressed a chunk at a time (built once)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [compressor.compress(article(BOMB_TITLE))]
    spaces = b" " * CHUNK
    parts += [compressor.compress(spaces) for _ in range(BOMB_BYTES // CHUNK)]
    return b"".join(parts) + compressor.flush()


def handle(handler: Any, method: str, path: str, query: dict[str, str], body: bytes) -> bool:
    if path == BOMB:
        handler.reply(200, bomb(), Content_Encoding="gzip")
        return True
    if path not in ROUTES:
        return False
    title, encoding, compress = ROUTES[path]
    handler.reply(200, compress(article(title)), Content_Encoding=encoding)
    return True
