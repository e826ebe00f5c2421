"""Text that hurts: bad bytes in a UTF-8 page, markup nested past the parser's limits, control characters.

Each route is an article with its own title and one body paragraph; tests
(tests/test_hostile_text.py) check what the archive keeps of them.
"""

from __future__ import annotations

from typing import Any

PAGE = """<html><head>{meta}</head><body>
<div>Thứ Năm,18/04/2024 13:32 Chào mừng bạn đến với trang thông tin điện tử !</div>
{open}<div class="content"><h2>Tin tức</h2>
<div><span class="Title">{title}</span> <span class="Date">25/12/2023</span></div>
<div class="body"><p>{body}</p></div></div>{close}</body></html>"""
META = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
UTF8 = "text/html; charset=utf-8"

PARAGRAPH = "Liên hiệp hội tổ chức hội nghị tổng kết hoạt động khoa học và công nghệ năm 2023 tại Long An."
DEPTH = 300
# libxml2 stops at 2,048 levels of nesting, even with huge_tree: what lies deeper is lost.
TOO_DEEP = 2100
LOST = "Đoạn nằm sâu hơn giới hạn của trình phân tích."

# Each route's title, as written in the HTML.
TITLES = {
    "/f/text/stray-byte": "Liên hiệp hội tổng kết năm 2023 (byte lạc)",
    "/f/text/cp1252-quotes": "Liên hiệp hội phát động giải thưởng sáng tạo (ngoặc kép cp1252)",
    "/f/text/cut-character": "Liên hiệp hội tập huấn sở hữu trí tuệ (chữ bị cắt)",
    "/f/text/undeclared-stray-byte": "Liên hiệp hội gặp mặt trí thức (không khai báo bảng mã)",
    "/f/text/deep-divs": "Liên hiệp hội tổng kết hội thi (300 thẻ div lồng nhau)",
    "/f/text/unclosed-fonts": "Liên hiệp hội ra mắt chi hội (300 thẻ font không đóng)",
    "/f/text/controls": "Liên hiệp hội &#x1b;[31mcảnh báo&#x07; (ký tự điều khiển)",
    "/f/text/too-deep": "Liên hiệp hội tổng kết năm 2023 (2100 thẻ div lồng nhau)",
}
# The body paragraph's bytes where they differ from PARAGRAPH in UTF-8.
_WORDS = PARAGRAPH.encode()
BODIES = {
    # 0xFF never appears in UTF-8 (RFC 3629 §1): one bad sequence.
    "/f/text/stray-byte": _WORDS.replace(b" n\xc4\x83m", b"\xff n\xc4\x83m"),
    # cp1252 curly quotes 0x93, 0x94: continuation bytes with no lead, one bad sequence each.
    "/f/text/cp1252-quotes": _WORDS.replace("khoa học".encode(), b"\x93" + "khoa học".encode() + b"\x94"),
    # "ệ" is E1 BB 87; cut after E1 BB, which is one maximal subpart: one bad sequence.
    "/f/text/cut-character": _WORDS + " Hội nghị đạt kết quả tốt đ".encode() + "ệ".encode()[:2],
    # A lone 0xA0 (a Latin-1 no-break space pasted into UTF-8): one bad sequence.
    "/f/text/undeclared-stray-byte": _WORDS.replace(b" t\xe1\xba\xa1i", b"\xa0t\xe1\xba\xa1i"),
    # ESC [0m and BEL as references, and U+009B (CSI, a C1 control) as raw UTF-8 bytes C2 9B.
    "/f/text/controls": b"&#x1b;[0m" + _WORDS + b"&#x07;\xc2\x9b2J",
    # The body's first paragraph, then one nested past the parser's limit.
    "/f/text/too-deep": _WORDS + f"</p>{'<div>' * TOO_DEEP}<p>{LOST}</p>{'</div>' * TOO_DEEP}<p>".encode(),
}
FAULTS: dict[str, str] = {
    "/f/text/stray-byte": "a UTF-8 article with a stray 0xFF byte",
    "/f/text/cp1252-quotes": "a UTF-8 article with cp1252 quotes 0x93/0x94",
    "/f/text/cut-character": "a UTF-8 article ending in a cut multi-byte character",
    "/f/text/undeclared-stray-byte": "an article in UTF-8 with a stray byte and no charset declared",
    "/f/text/deep-divs": f"an article inside {DEPTH} nested divs",
    "/f/text/unclosed-fonts": f"an article inside {DEPTH} unclosed font tags",
    "/f/text/controls": "an article with terminal control characters in its title and body",
    "/f/text/too-deep": f"an article whose body nests {TOO_DEEP} divs deep",
}


def page(path: str) -> tuple[bytes, str]:
    """The page of ``path`` and its Content-Type."""
    undeclared = path == "/f/text/undeclared-stray-byte"
    wrap_open, wrap_close = "", ""
    if path == "/f/text/deep-divs":
        wrap_open, wrap_close = "<div>" * DEPTH, "</div>" * DEPTH
    elif path == "/f/text/unclosed-fonts":
        wrap_open = '<font face="Times New Roman">' * DEPTH
    html = PAGE.format(meta="" if undeclared else META, open=wrap_open, title=TITLES[path], body="\0", close=wrap_close)
    before, after = html.encode().split(b"\0")
    return before + BODIES.get(path, _WORDS) + after, "text/html" if undeclared else UTF8


def handle(handler: Any, method: str, path: str, query: dict[str, str], body: bytes) -> bool:
    if method != "GET" or path not in FAULTS:
        return False
    content, content_type = page(path)
    handler.reply(200, content, content_type)
    return True
