"""Answers of the wrong kind: articles whose images answer 404 or an empty body.

The article pages themselves are fine; the crawl must keep them and say, in their
``errors``, which file failed and why.
"""

from __future__ import annotations

from typing import Any

PARAGRAPH = "Hội thảo khoa học về chuyển đổi số trong nông nghiệp tỉnh Long An năm 2023."
MISSING_IMAGE = "/kinds/missing.jpg"
EMPTY_IMAGE = "/kinds/empty.png"

FAULTS: dict[str, str] = {
    "/kinds/image-404": "an article whose image answers 404",
    "/kinds/image-empty": "an article whose image answers an empty body",
}
ARTICLES = {
    "/kinds/image-404": ("Bài viết có ảnh đã bị xóa", MISSING_IMAGE),
    "/kinds/image-empty": ("Bài viết có ảnh rỗng", EMPTY_IMAGE),
}


def handle(handler: Any, method: str, path: str, query: dict[str, str], body: bytes) -> bool:
    if path in ARTICLES:
        title, image = ARTICLES[path]
        handler.page(title, f'<p>{PARAGRAPH}</p><p><img src="{image}"></p>')
    elif path == MISSING_IMAGE:
        handler.reply(404, b"<html><body>404</body></html>")
    elif path == EMPTY_IMAGE:
        handler.reply(200, b"", "image/png")
    else:
        return False
    return True
