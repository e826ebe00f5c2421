"""The replica's files other than pages: photos, attachments, digit images, CSS, JS.

Each is tiny but valid for its type, and no two are byte-identical (a comment carries
the file's path), so a crawler that stores media by content hash sees distinct files.
Built with the standard library only.
"""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
from functools import cache
from urllib.parse import unquote
from xml.sax.saxutils import escape

from replica.content import ARTICLES

JPEG = "image/jpeg"
GIF = "image/gif"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSS = "text/css"
JS = "application/javascript"

SKIN_CSS = b"""body { font-family: Arial, Tahoma, sans-serif; font-size: 12px; margin: 0; }
.Head { font-weight: bold; color: #0b5394; text-transform: uppercase; }
.Title { font-size: 15px; font-weight: bold; color: #0b5394; }
.Date, .DateTinKhac { color: #888; font-style: italic; }
.LeftPane { width: 220px; background: #eef4fa; }
.Pager .CurrentPage { font-weight: bold; color: #c00; }
"""
DNNCORE_JS = b"""function __dnn_KeyDown(iKeyCode, sFunc, e) {
  if (e == null) { e = window.event; }
  if (e.keyCode == iKeyCode) { eval(unescape(sFunc)); return false; }
}
"""


def jpeg(comment: str) -> bytes:
    """An 8x8 mid-grey baseline JPEG: one block whose DC and AC codes are a single
    one-bit Huffman code each ("00" then padding)."""
    text = comment.encode("utf-8")
    segments = [
        b"\xff\xd8",
        b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
        b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text,
        b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + b"\x01" * 64,
        b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 8, 8, 1) + b"\x01\x11\x00",
        b"\xff\xc4" + struct.pack(">H", 20) + b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00",
        b"\xff\xc4" + struct.pack(">H", 20) + b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00",
        b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00",
        b"\x3f",
        b"\xff\xd9",
    ]
    return b"".join(segments)


def gif(comment: str) -> bytes:
    """A 1x1 transparent GIF with a comment extension."""
    text = comment.encode("ascii")[:255]
    head = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
    note = b"!\xfe" + bytes([len(text)]) + text + b"\x00"
    tail = b"!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    return head + note + tail


def pdf(title: str) -> bytes:
    """A one-page PDF 1.4 with the title written on it, without diacritics: the
    base-14 fonts cannot show Vietnamese."""
    folded = unicodedata.normalize("NFD", title.replace("Đ", "D").replace("đ", "d"))
    words = folded.encode("ascii", "ignore").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 770 Td (" + words + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx(text: str) -> bytes:
    """A minimal Word document holding one paragraph."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), xml.encode("utf-8"))
    return buffer.getvalue()


@cache
def _files() -> dict[str, tuple[str, bytes]]:
    """Every file the replica serves, by lower-cased path (IIS paths ignore case)."""
    files: dict[str, tuple[str, bytes]] = {}
    for item in ARTICLES:
        for image in item.images:
            files[image.path] = (JPEG, jpeg(image.path))
        for attachment in item.attachments:
            kind = PDF if attachment.path.endswith(".pdf") else DOCX
            make = pdf if kind == PDF else docx
            files[attachment.path] = (kind, make(f"{attachment.label} - {attachment.path.rsplit('/', 1)[-1]}"))
    for digit in range(10):
        files[f"/Portals/0/counter/{digit}.gif"] = (GIF, gif(f"counter {digit}"))
    for icon in ("membership", "guest", "member", "total"):
        files[f"/DesktopModules/UsersOnline/images/{icon}.gif"] = (GIF, gif(f"UsersOnline {icon}"))
    files["/Portals/_default/Skins/LHH/images/banner.jpg"] = (JPEG, jpeg("banner"))
    for sheet in ("/Portals/_default/default.css", "/Portals/_default/Skins/LHH/skin.css", "/Portals/0/portal.css"):
        files[sheet] = (CSS, SKIN_CSS)
    files["/js/dnncore.js"] = (JS, DNNCORE_JS)
    return {path.lower(): value for path, value in files.items()}


def asset(path: str) -> tuple[str, bytes] | None:
    """(content type, bytes) of the file at a URL path, or None."""
    return _files().get(unquote(path).lower())
