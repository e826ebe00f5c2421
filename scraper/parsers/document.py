"""A page as the lines of text a reader sees, each with its links and images.

Parsers work on these lines rather than on markup, so the same rules read the
current design, older designs and web-archive copies. Each line keeps its
element, so a parser can still use markup as a fast path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

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
from scraper.parsers.head import HeadFacts, read_head

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
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_EDGE = " \t\r\n"
REPLACEMENT = "\ufffd"
# Every element an HtmlElement (text_content, drop_tree), chosen in C: lxml.html's own lookup
# runs Python for each element to give forms and inputs classes of their own, which no parser uses.
_PLAIN_HTML = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


@dataclass(slots=True)
class Link:
    href: str
    text: str


@dataclass(slots=True)
class Line:
    """One line of rendered text: a block's text up to the next block or ``<br>``."""

    text: str
    element: etree._Element
    links: list[Link] = field(default_factory=list)
    images: list[etree._Element] = field(default_factory=list)
    link_chars: int = 0
    # Mostly link text: a menu entry or a list item, never a title or body line (asked of each line often).
    is_link: bool = field(init=False)

    def __post_init__(self) -> None:
        self.is_link = bool(self.links) and self.link_chars * 2 >= len(self.text.strip())


@dataclass
class Document:
    root: etree._Element
    lines: list[Line]
    base_url: str
    decode_errors: int = 0
    too_deep: bool = False  # libxml2 stopped at its nesting limit: what lay deeper is lost
    head: HeadFacts = field(default_factory=HeadFacts)  # meta tags, JSON-LD, stated address
    saved_at: str | None = None  # a saved copy's own file: its "<name>_files/" folder lies beside it

    @cached_property
    def text(self) -> str:
        """The page's lines as one text (its lines never change, so it is joined once)."""
        return "\n".join(line.text for line in self.lines)

    @cached_property
    def lowered(self) -> str:
        """``text`` lower-cased, for the case-insensitive scans of several parsers (see ``scan``)."""
        return self.text.lower()

    @cached_property
    def says_missing(self) -> bool:
        """The page says its article does not exist ("Tin không tồn tại")."""
        hinted = site.NOT_FOUND_HINT.search(self.lowered) is not None
        return hinted and site.NOT_FOUND.search(self.text) is not None

    def with_itemprop(self, name: str) -> list[etree._Element]:
        """The elements whose ``itemprop`` is ``name``, in page order; none on a page without microdata."""
        return [value.getparent() for value in self._itemprops if value == name]

    @cached_property
    def _itemprops(self) -> list[str]:
        return _ITEMPROPS(self.root) if self.head.microdata else []


def decode(body: bytes, content_type: str | None = None) -> tuple[str, int]:
    """Bytes to NFC text and how many bad UTF-8 sequences they held: see ``_decoded``."""
    text, errors, _ = _decoded(body, content_type)
    return text, errors


def _decoded(body: bytes, content_type: str | None) -> tuple[str, int, bool]:
    """Bytes to NFC text, whatever the page declares, and how many bad UTF-8 sequences it held.

    Bytes that are mostly UTF-8 (more valid multi-byte sequences than invalid ones) are
    UTF-8 whatever the label says: a "latin-1" label on UTF-8 bytes is a common server
    mistake, and one stray byte must not turn a whole page into a guess. Each invalid
    sequence becomes one U+FFFD where it stood (Python's "replace" handler, which
    replaces maximal subparts as the Unicode Standard and the WHATWG decoder do), and
    is counted. Legacy text almost never forms a valid UTF-8 sequence, so otherwise a
    declared legacy charset (HTTP, then meta) is honoured, and an undeclared one, or a
    "UTF-8" that is not, is detected by charset-normalizer, which knows windows-1258.
    Older Vietnamese pages are also decomposed: composing to NFC makes them searchable.
    The last item says whether the bytes were read as UTF-8.
    """
    try:
        return unicodedata.normalize("NFC", body.decode("utf-8-sig")), 0, True
    except UnicodeDecodeError:
        marked, valid, invalid = _utf8_marked(body)
    if valid > invalid:
        return unicodedata.normalize("NFC", marked), invalid, True
    declared = http_content_type_encoding(content_type) or html_body_declared_encoding(body)
    if declared and resolve_encoding(declared) != "utf-8":
        _, text = html_to_unicode(content_type, body)
    else:
        guess = charset_normalizer.from_bytes(body).best()
        text = str(guess) if guess is not None else body.decode("cp1252", errors="replace")
    return unicodedata.normalize("NFC", text), 0, False


def _utf8_marked(body: bytes) -> tuple[str, int, int]:
    """``body`` as UTF-8 with U+FFFD for each invalid sequence; counts of valid multi-byte and invalid ones."""
    text = body.decode("utf-8-sig", errors="replace")
    invalid = text.count(REPLACEMENT) - body.count(REPLACEMENT.encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return text, non_ascii - invalid, invalid


# Every id value in the page: libxml2 compares attribute strings slowly, so the match is in Python.
_IDS = etree.XPath("//@id")
_ITEMPROPS = etree.XPath("//@itemprop")
# Every toolbar id holds one of these: two substring tests rule the toolbar out on most pages.
_TOOLBAR_HINTS = ("wm-", "donato")
assert all(any(hint in wid for hint in _TOOLBAR_HINTS) for wid in site.WAYBACK_TOOLBAR_IDS)


def _strip(root: etree._Element, html: str) -> None:
    """Drop what no reader sees: scripts, styles, comments and the Wayback toolbar.

    One pass in C (``strip_elements`` keeps each dropped element's tail, as ``drop_tree``
    does); the toolbar is looked for only when the source names it.
    """
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *DROP_TAGS, with_tail=False)
    hinted = any(hint in html for hint in _TOOLBAR_HINTS)
    named = {wid for wid in site.WAYBACK_TOOLBAR_IDS if wid in html} if hinted else set()
    for el in [value.getparent() for value in _IDS(root) if value in named] if named else ():
        el.drop_tree()


def _lines(root: etree._Element) -> list[Line]:
    """The page's lines: its text cut at blocks and ``<br>``, each line with its links and images.

    Depth first with lxml's ``iterwalk`` (C, no recursion): markup nested thousands deep
    is no error. Each element starts (a block or ``<br>`` cuts a line; its text), its
    children follow, then it ends (a block cuts again) and its tail follows: the order a
    reader sees. Comments and processing instructions are gone (``_strip``), so every tag
    is a name. One loop with local state, as it runs for every element of every page: what
    an element's end does is noted at its start (lxml builds a new string at each ``.tag``),
    and a cut with nothing but line breaks and indentation gathered only drops them.
    """
    lines: list[Line] = []
    parts: list[str] = []  # the text gathered since the last cut
    content = False  # whether ``parts`` hold more than spaces and line breaks
    links: list[Link] = []
    images: list[etree._Element] = []
    link_chars = 0  # characters of ``parts`` inside links that lead to pages
    block = root  # the block the line being gathered belongs to
    blocks: list[etree._Element] = []
    ends: list[int] = []  # per open element, what its end does
    navigating = 0  # open links that lead to pages
    open_links: list[tuple[Link, int]] = []  # each open link and where its text starts in ``linked``
    linked: list[str] = []  # the texts inside open links, as written: a link's text is its slice

    def cut() -> None:
        nonlocal parts, content, links, images, link_chars
        text = "".join(parts)
        text = (text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)).strip(_EDGE)
        if text or images:
            lines.append(Line(text, block, links, images, link_chars))
        parts, content, links, images, link_chars = [], False, [], [], 0

    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            tag = el.tag
            if tag in BLOCK_TAGS:
                if content or images or links:
                    cut()
                parts = []
                blocks.append(block)
                block = el
                ends.append(_END_BLOCK)
            else:
                end = _END_NOTHING
                if tag == "br":
                    if content or images or links:
                        cut()
                    parts = []
                elif tag in IMAGE_TAGS:
                    images.append(el)
                elif tag == "a" and (href := el.get("href")):
                    href = href.strip()
                    link = Link(href, "")
                    links.append(link)
                    open_links.append((link, len(linked)))
                    if _navigates(href):
                        navigating += 1
                        end = _END_NAVIGATION
                    else:
                        end = _END_LINK
                ends.append(end)
            text = el.text
        else:
            end = ends.pop()
            if end == _END_BLOCK:
                if content or images or links:
                    cut()
                parts = []
                block = blocks.pop()
            elif end:
                navigating -= end == _END_NAVIGATION
                link, start = open_links.pop()
                link.text = "".join(linked[start:]).strip()
                if not open_links:
                    linked.clear()
            text = el.tail if el is not root else None
        if text and open_links:
            linked.append(text)
        if text and (content or text.strip(_EDGE)):  # indentation before a line's text ends up stripped
            content = True
            if not text.isprintable():  # one pass in C; the regex only for text with breaks or tabs
                text = _SOURCE_BREAKS.sub(" ", text)
            parts.append(text)
            if navigating:
                link_chars += len(text.strip())
    if content or images or links:
        cut()
    return lines


# What an element's end does: cut a line and close the block, close a link (to a page or not), or nothing.
_END_NOTHING, _END_BLOCK, _END_NAVIGATION, _END_LINK = 0, 1, 2, 3


# <amp-img> is how AMP pages draw their images.
IMAGE_TAGS = frozenset(["img", "amp-img"])


def _navigates(href: str) -> bool:
    """An e-mail address or phone number is content; only links that lead to pages navigate.

    Asked of every link (2,000 on a long list's pager): only a link that begins with "m" or "t"
    is lower-cased to be read.
    """
    return href[:1] not in _MAIL_OR_PHONE or not href.lower().startswith(("mailto:", "tel:"))


_MAIL_OR_PHONE = frozenset("mMtT")


def load(html: str | bytes, url: str, content_type: str | None = None) -> Document:
    """Parse a page into lines; ``url`` resolves relative links (a ``<base>`` wins).

    Bytes are decoded here, with the HTTP ``content_type`` when there is one, so a
    crawl, ``extract`` and re-extraction from WARC files decode a page alike.
    """
    decode_errors, controls = 0, True
    if isinstance(html, bytes):
        body = html
        html, decode_errors, utf8 = _decoded(body, content_type)
        # In UTF-8 a control character is its own byte: a test of the bytes in C spares a regex over the text.
        controls = not utf8 or len(body.translate(None, _CONTROL_BYTES)) != len(body)
    if controls:
        html = _CONTROL.sub("", html)
    # huge_tree lifts libxml2's limits (256 levels of nesting, 10 MB text nodes): DOWNLOAD_MAXSIZE
    # bounds the input. A parser of its own per page: lxml parsers are not shared between threads.
    parser = lxml.html.HTMLParser(huge_tree=True)
    parser.set_element_class_lookup(_PLAIN_HTML)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except etree.ParserError:  # nothing lxml can call a document ("", "</ "): an empty page
        root = lxml.html.document_fromstring("<html></html>", parser=parser)
    head = read_head(root, html)
    base = head.base_href or url
    _strip(root, html)
    too_deep = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    return Document(root, _lines(root), base, decode_errors, too_deep, head)
