# ruff: noqa: E501  (HTML templates read best one tag per line)
"""An archive.today (archive.ph) copy: the page frozen with every style inlined.

No scripts, stylesheets, classes or ids are left: each element carries its computed style in
``style=""``. The archive's own header (capture date, "Saved from", the original URL, "All
snapshots from host") comes first; links go to ``https://archive.ph/o/<id>/<original URL>``
and images to the archive's own files (``https://archive.ph/<id>/<hash>.jpg``), so a body
image's original address is lost: the truth gives the archive's image addresses.
"""

from __future__ import annotations

import hashlib
from html import escape
from urllib.parse import urljoin

import lxml.html

from replica.designs.copies import Copy
from replica.designs.truth import Page, corpus_article

HOST = "https://archive.ph"
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
DROPPED = ("script", "style", "link", "meta", "noscript", "input", "marquee")
STYLES = {
    "a": "color:rgb(0, 51, 153);text-decoration:none;",
    "h1": "display:block;font-size:26px;font-weight:bold;margin:10px 0px;",
    "h2": "display:block;font-size:20px;font-weight:bold;margin:8px 0px;",
    "h3": "display:block;font-size:16px;font-weight:bold;margin:6px 0px;",
    "p": "display:block;margin:0px 0px 10px;text-align:justify;",
    "img": "border:0px;max-width:100%;",
    "td": "vertical-align:top;padding:0px;",
}
INLINE = ("span", "b", "strong", "i", "em", "font", "time", "label")
DEFAULT_STYLE = "display:block;margin:0px;padding:0px;"


class ArchiveToday(Copy):
    """``base``'s pages as archive.today stores them, each under a short snapshot id."""

    def snapshot(self, page: Page) -> str:
        """A five-letter id like archive.today's ("Xq3Zk"), made from the original address."""
        digest = hashlib.sha1(self.original(page).encode()).digest()
        return "".join(ALPHABET[byte % len(ALPHABET)] for byte in digest[:5])

    def address(self, page: Page) -> str:
        return f"{HOST}/{self.snapshot(page)}"

    def image_url(self, page: Page, original: str) -> str:
        """Where the archive keeps an image: a name made from the original, not the original."""
        return f"{HOST}/{self.snapshot(page)}/{hashlib.sha1(original.encode()).hexdigest()}.jpg"

    def truth(self, page: Page) -> dict[str, object]:
        record = super().truth(page)
        if page.kind == "article":
            original = self.original(page)
            record["images"] = [
                self.image_url(page, urljoin(original, image.path)) for image in corpus_article(page.key).images
            ]
        return record

    def rewrite(self, html: str, page: Page) -> str:
        original = self.original(page)
        root = lxml.html.document_fromstring(html)
        for element in root.xpath("//body//*"):
            if element.tag in DROPPED or not isinstance(element.tag, str):
                continue
            for name in ("class", "id", "onclick", "onkeydown", "onload", "align", "width", "height"):
                element.attrib.pop(name, None)
            default = "display:inline;" if element.tag in INLINE else DEFAULT_STYLE
            element.set("style", STYLES.get(element.tag, default) + element.get("style", ""))
            if element.get("action"):
                element.set("action", f"{HOST}/o/{self.snapshot(page)}/{urljoin(original, element.get('action', ''))}")
            if element.get("href", "").startswith("javascript:"):
                del element.attrib["href"]
            if element.get("href") and not element.get("href", "").startswith(("#", "mailto:")):
                element.set("href", f"{HOST}/o/{self.snapshot(page)}/{urljoin(original, element.get('href', ''))}")
            if element.tag == "img" and element.get("src"):
                element.set("src", self.image_url(page, urljoin(original, element.get("src", ""))))
        for element in root.xpath("//body//*"):
            if element.tag in DROPPED:
                element.drop_tree()
        body = root.find("body")
        assert body is not None
        content = "".join(lxml.html.tostring(child, encoding="unicode") for child in body)
        return self._document(page, root.findtext(".//title") or "", content)

    def _document(self, page: Page, title: str, content: str) -> str:
        assert self.captured is not None
        when = self.captured
        original = escape(self.original(page))
        return f"""<!DOCTYPE html>
<html prefix="og: http://ogp.me/ns# article: http://ogp.me/ns/article#" itemscope="" itemtype="http://schema.org/Article" style="">
<head><meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
<meta name="robots" content="index,noarchive"/>
<title>{escape(title.strip())}</title>
<link rel="bookmark" href="{HOST}/{self.snapshot(page)}"/>
<meta itemprop="dateModified" content="{when:%Y-%m-%dT%H:%M:%SZ}"/>
</head>
<body style="margin:0;background-color:#FFFFFF">
<div id="HEADER" style="background-color:#EEEEEE;border-bottom:1px solid #C0C0C0">
<table style="width:100%;font-size:12px"><tr><td style="font-size:10px">webpage capture</td>
<td><div style="font-size:14px">Saved from <input type="text" value="{original}" style="width:60%"/> <a href="{HOST}/{self.snapshot(page)}">no other snapshots from this url</a></div>
<div style="font-size:12px">{when:%d %b %Y %H:%M:%S} UTC</div>
<div><a href="{HOST}/lavusta.longan.gov.vn">All snapshots</a> from host <a href="{HOST}/lavusta.longan.gov.vn">lavusta.longan.gov.vn</a></div></td>
<td><a href="{HOST}/{self.snapshot(page)}/image">Webpage</a> <a href="{HOST}/{self.snapshot(page)}/image">Screenshot</a> share download .zip report bug or abuse</td></tr></table>
</div>
<div id="SOLID" style="position:relative;text-align:left;background-color:#FFFFFF"><div id="CONTENT" style="position:relative;width:1024px;margin:0 auto">
{content}
</div></div>
</body>
</html>
"""
