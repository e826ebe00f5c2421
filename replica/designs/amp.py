# ruff: noqa: E501  (HTML templates read best one tag per line)
"""An AMP page for phones (``<html ⚡>``, ``amp-img``, the AMP boilerplate style).

``<link rel="canonical">`` names the full article; a JSON-LD ``NewsArticle`` and a ``<time
datetime>`` hold the date with its time of day, while the ``<time>`` shows "(25/12/2023)";
the category is a link above the title; the byline ("Tác giả: …" or "Nguồn: …") is its own
paragraph after the body; "Bài viết khác" lists three links. No widgets, no clock.
"""

from __future__ import annotations

import json

from replica.content import Article, article, category
from replica.designs.parts import PORTAL_NAME, attr, body_html, published_at, text
from replica.designs.truth import FACTS, LIST_TAB, LIVE, VN, Page, article_url, shown_related

FACTS_ = FACTS["amp"]
CONTENT_TYPE = "text/html; charset=utf-8"
BOILERPLATE = (
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}"
    "to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;"
    "animation:none}</style></noscript>"
)


def address(page: Page) -> str:
    return f"{LIVE}Default.aspx?tabid={LIST_TAB}&ChiTiet=True&CmsId={page.key}&amp=1"


def _image(path: str, alt: str) -> str:
    return f'<amp-img src="{attr(LIVE + path.lstrip("/"))}" alt="{attr(alt)}" width="600" height="400" layout="responsive"></amp-img>'


def _json_ld(item: Article) -> str:
    signed = FACTS_.bylines[item.cms_id]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": published_at(item).replace(tzinfo=VN).isoformat(),
        "author": [{"@type": "Person", "name": name} for name in signed.authors]
        or {"@type": "Organization", "name": signed.source},
    }
    return json.dumps(data, ensure_ascii=False)


def render(page: Page) -> bytes:
    """An article as its AMP page."""
    item = article(page.key)
    cat = category(LIST_TAB)
    assert item is not None and cat is not None
    signed = FACTS_.bylines[item.cms_id]
    when = published_at(item).replace(tzinfo=VN)
    others = "\n".join(
        f'<li><a href="{attr(article_url(o))}&amp;amp=1">{text(o.title)}</a></li>'
        for o in shown_related(item, FACTS_.related_count)
    )
    html = f"""<!doctype html>
<html ⚡ lang="vi">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>{text(item.title)}</title>
<link rel="canonical" href="{attr(article_url(item))}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script type="application/ld+json">{_json_ld(item)}</script>
{BOILERPLATE}
<style amp-custom>body{{font-family:Arial,sans-serif;padding:0 12px}}.cat{{color:#c00;text-transform:uppercase}}</style>
</head>
<body>
<header class="amp-header"><a href="{LIVE}">{PORTAL_NAME}</a></header>
<article>
<a class="cat" href="{LIVE}Default.aspx?tabid={cat.tabid}">{text(cat.name)}</a>
<h1>{text(item.title)}</h1>
<time datetime="{when.isoformat()}">({when:%d/%m/%Y})</time>
{body_html(item, _image)}
<p class="author"><strong>{text(signed.text)}</strong></p>
</article>
<section class="more"><h2>Bài viết khác</h2><ul>
{others}
</ul></section>
<footer><a href="{attr(article_url(item))}">Xem phiên bản đầy đủ</a></footer>
</body>
</html>
"""
    return html.encode("utf-8")
