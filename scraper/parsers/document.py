"""A page as the lines of text a reader sees, each with its links and images.

Parsers work on these lines rather than on markup, so the same rules read the
current design, older designs and web-archive copies. Each line keeps its
element, so a parser can still use markup as a fast path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer
import lxml.html
from lxml import etree
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    resolve_encoding,
)

from scraper.parsers import site

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "option",
        "select",
    ]
)
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "head")
_SOURCE_BREAKS = re.compile(r"[\r\n\t]+")
# C0 controls but tab and line ends, and DEL: no page means them, and lxml refuses them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EDGE = " \t\r\n"


@dataclass
class Link:
    href: str
    text: str


@dataclass
class Line:
    """One line of rendered text: a block's text up to the next block or ``<br>``."""

    text: str
    element: etree._Element
    links: list[Link] = field(default_factory=list)
    images: list[etree._Element] = field(default_factory=list)
    link_chars: int = 0

    @property
    def is_link(self) -> bool:
        """Mostly link text: a menu entry or a list item, never a title or body line."""
        letters = len(self.text.strip())
        return bool(self.links) and self.link_chars * 2 >= letters


@dataclass
class Document:
    root: etree._Element
    lines: list[Line]
    base_url: str

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def decode(body: bytes, content_type: str | None = None) -> str:
    """Bytes to NFC text, whatever the page declares.

    Bytes that are valid UTF-8 are UTF-8, whatever the label says (a "latin-1" label
    on UTF-8 bytes is a common server mistake); otherwise a declared legacy charset
    (HTTP, then meta) is honoured; an undeclared one, or a "UTF-8" that is not, is
    detected by charset-normalizer, which knows windows-1258. Older Vietnamese pages
    are also decomposed: composing to NFC makes them searchable.
    """
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = http_content_type_encoding(content_type) or html_body_declared_encoding(body)
        if declared and resolve_encoding(declared) != "utf-8":
            _, text = html_to_unicode(content_type, body)
        else:
            guess = charset_normalizer.from_bytes(body).best()
            text = str(guess) if guess is not None else body.decode("cp1252", errors="replace")
    return unicodedata.normalize("NFC", text)


def _strip(root: etree._Element) -> None:
    """Drop what no reader sees: scripts, styles, comments and the Wayback toolbar."""
    for el in root.iter(etree.Comment, etree.ProcessingInstruction):
        if el.getparent() is not None:
            el.drop_tree() if hasattr(el, "drop_tree") else el.getparent().remove(el)
    for tag in DROP_TAGS:
        for el in root.iter(tag):
            if el.getparent() is not None:
                el.drop_tree()
    for wid in site.WAYBACK_TOOLBAR_IDS:
        for el in root.xpath(f"//*[@id='{wid}']"):
            el.drop_tree()


class _LineBuilder:
    """Walks the tree once, cutting text into lines at blocks and ``<br>``."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.images: list[etree._Element] = []
        self.link_chars = 0
        self.block: etree._Element | None = None

    def flush(self) -> None:
        text = unicodedata.normalize("NFC", "".join(self.parts)).strip(_EDGE)
        if (text or self.images) and self.block is not None:
            self.lines.append(Line(text, self.block, self.links, self.images, self.link_chars))
        self.parts, self.links, self.images, self.link_chars = [], [], [], 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            text = _SOURCE_BREAKS.sub(" ", text)
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())

    def walk(self, el: etree._Element, in_link: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        is_block = tag in BLOCK_TAGS
        if is_block:
            self.flush()
            outer, self.block = self.block, el
        if tag == "br":
            self.flush()
        elif tag == "img":
            self.images.append(el)
        elif tag == "a" and el.get("href"):
            href = el.get("href", "").strip()
            self.links.append(Link(href, el.text_content().strip()))
            # An e-mail address or phone number is content; only links that lead to pages navigate.
            in_link = in_link or not href.lower().startswith(("mailto:", "tel:"))
        self.add(el.text, in_link)
        for child in el:
            self.walk(child, in_link)
            self.add(child.tail, in_link)
        if is_block:
            self.flush()
            self.block = outer


def load(html: str | bytes, url: str, content_type: str | None = None) -> Document:
    """Parse a page into lines; ``url`` resolves relative links (a ``<base>`` wins).

    Bytes are decoded here, with the HTTP ``content_type`` when there is one, so a
    crawl, ``extract`` and re-extraction from WARC files decode a page alike.
    """
    if isinstance(html, bytes):
        html = decode(html, content_type)
    html = _CONTROL.sub("", html)
    try:
        root = lxml.html.document_fromstring(html)
    except etree.ParserError:  # nothing lxml can call a document ("", "</ "): an empty page
        root = lxml.html.document_fromstring("<html></html>")
    base = root.xpath("string(//base/@href)") or url
    _strip(root)
    builder = _LineBuilder()
    builder.block = root
    builder.walk(root)
    builder.flush()
    return Document(root, builder.lines, base)
