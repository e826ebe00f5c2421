# ruff: noqa: E501  (HTML templates read best one tag per line)
"""A bare HTML5 semantic page: ``<header>``, ``<nav>``, ``<main>``, ``<article>``, ``<time>``, ``<footer>``.

No tables and no ids a DNN skin would have. The date is "25-12-2023" in a ``<time>`` whose
``datetime`` holds the ISO date; the category is the breadcrumb's last link; the byline is a
``<footer>`` after the article's body; "Bài viết khác" lists four links in an ``<aside>``; the
visit counter groups thousands with commas ("Tổng lượt truy cập: 1,402,233").
"""

from __future__ import annotations

from replica.content import article, category, static_page
from replica.designs.parts import PORTAL_NAME, attr, body_html, dmy, grouped, static_body_html, text
from replica.designs.truth import FACTS, LIST_TAB, LIVE, Page, article_url, shown_related

FACTS_ = FACTS["html5"]
CONTENT_TYPE = "text/html; charset=utf-8"


def _image(path: str, alt: str) -> str:
    return f'<figure><img src="{attr(LIVE + path.lstrip("/"))}" alt="{attr(alt)}" loading="lazy"></figure>'


def _document(title: str, canonical: str, crumbs: str, main: str) -> bytes:
    html = f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(title)} | LHH Long An</title>
<link rel="canonical" href="{attr(canonical)}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header>
<p class="site-name"><a href="/">{PORTAL_NAME}</a></p>
<nav aria-label="Chính"><ul><li><a href="/">Trang chủ</a></li><li><a href="/Default.aspx?tabid=609">Giới thiệu</a></li><li><a href="/Default.aspx?tabid={LIST_TAB}">Tin tức</a></li></ul></nav>
<form role="search" action="/tim-kiem"><input type="search" name="q" aria-label="Tìm kiếm"><button>Tìm kiếm</button></form>
</header>
<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/">Trang chủ</a></li>{crumbs}</ol></nav>
<main>
{main}
</main>
<footer>
<p>© {PORTAL_NAME}</p>
<p class="counter">Tổng lượt truy cập: {grouped(FACTS_.visitors["visits"], ",")}</p>
</footer>
</body>
</html>
"""
    return html.encode("utf-8")


def render(page: Page) -> bytes:
    """An article or the text page as a plain HTML5 document."""
    if page.kind == "page":
        text_page = static_page(page.key)
        assert text_page is not None
        canonical = f"{LIVE}Default.aspx?tabid={text_page.tabid}"
        main = f"<article>\n<h1>{text(text_page.title)}</h1>\n{static_body_html(text_page)}\n</article>"
        return _document(text_page.title, canonical, "", main)
    item = article(page.key)
    cat = category(LIST_TAB)
    assert item is not None and cat is not None
    signed = FACTS_.bylines[item.cms_id]
    others = "\n".join(
        f'<li><a href="{attr(article_url(o))}">{text(o.title)}</a></li>'
        for o in shown_related(item, FACTS_.related_count)
    )
    main = (
        f"<article>\n<header>\n<h1>{text(item.title)}</h1>\n"
        f'<p><time datetime="{item.published.isoformat()}">{dmy(item.published, "-")}</time></p>\n</header>\n'
        f"{body_html(item, _image)}\n"
        f'<footer><p class="byline">{text(signed.text)}</p></footer>\n</article>\n'
        f"<aside><h2>Bài viết khác</h2>\n<ul>\n{others}\n</ul></aside>"
    )
    crumbs = f'<li><a href="/Default.aspx?tabid={cat.tabid}" aria-current="page">{text(cat.name)}</a></li>'
    return _document(item.title, article_url(item), crumbs, main)
