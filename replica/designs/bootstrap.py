# ruff: noqa: E501  (HTML templates read best one tag per line)
"""A Bootstrap 5 news theme: navbar, ``ol.breadcrumb``, cards, a sidebar, share buttons.

The head carries ``og:`` and ``article:published_time`` meta and a JSON-LD ``NewsArticle``;
the page shows "Đăng ngày 25/12/2023 | 08:15" and "2.301 lượt xem"; the byline is the last
paragraph, bold and right-aligned ("Minh Anh" bare, or "Tin, ảnh: N.H.P"); "Chia sẻ" buttons,
"Tin liên quan" (the related articles) and a sidebar "Xem thêm" of other articles that are
not related ones; the footer has "Lượt truy cập: 2,456,789" and "Đang online: 23".
"""

from __future__ import annotations

import json

from replica.content import Article, article, category
from replica.designs.parts import PORTAL_NAME, attr, body_html, dmy, grouped, published_at, text, weekday
from replica.designs.truth import FACTS, LIST_TAB, LIVE, VN, Page, article_url, list_items, shown_related

FACTS_ = FACTS["bootstrap"]
CONTENT_TYPE = "text/html; charset=utf-8"
SIDEBAR = (771, 766, 762)  # "Xem thêm": newest articles of other categories, not related ones


def _json_ld(item: Article) -> str:
    signed = FACTS_.bylines[item.cms_id]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": published_at(item).replace(tzinfo=VN).isoformat(),
        "author": [{"@type": "Person", "name": name} for name in signed.authors],
        "image": [LIVE + picture.path.lstrip("/") for picture in item.images],
        "publisher": {"@type": "Organization", "name": PORTAL_NAME},
        "mainEntityOfPage": article_url(item),
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def _head(title: str, extra: str = "") -> str:
    return (
        f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n"
        '<link href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/css/bootstrap.min.css" rel="stylesheet">\n'
        '<link href="/themes/news/css/style.css" rel="stylesheet">\n'
        f"{extra}"
    )


def _document(head: str, crumbs: str, main: str) -> bytes:
    assert FACTS_.clock is not None
    now = FACTS_.clock
    side = "\n".join(
        f'<li class="list-group-item"><a href="/Default.aspx?tabid={o.tabid}&amp;ChiTiet=True&amp;CmsId={o.cms_id}">{text(o.title)}</a></li>'
        for o in (article(n) for n in SIDEBAR)
        if o is not None
    )
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
{head}</head>
<body>
<div class="topbar bg-primary text-white small py-1"><div class="container">{weekday(now)}, {dmy(now)} {now:%H:%M}</div></div>
<nav class="navbar navbar-expand-lg navbar-light bg-light"><div class="container">
<a class="navbar-brand" href="/"><img src="/themes/news/img/logo.png" alt="LHH Long An" height="48"></a>
<button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#nav"><span class="navbar-toggler-icon"></span></button>
<div class="collapse navbar-collapse" id="nav"><ul class="navbar-nav me-auto">
<li class="nav-item"><a class="nav-link" href="/">Trang chủ</a></li>
<li class="nav-item"><a class="nav-link" href="/Default.aspx?tabid={LIST_TAB}">Hoạt động</a></li>
<li class="nav-item"><a class="nav-link" href="/Default.aspx?tabid=621">Khoa học - Công nghệ</a></li></ul>
<form class="d-flex" role="search"><input class="form-control me-2" type="search" placeholder="Tìm kiếm"></form></div></div></nav>
<div class="container my-3">
<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Trang chủ</a></li>{crumbs}</ol></nav>
<div class="row">
<div class="col-lg-8">
{main}
</div>
<aside class="col-lg-4"><div class="card"><div class="card-header">Xem thêm</div><ul class="list-group list-group-flush">
{side}
</ul></div></aside>
</div></div>
<footer class="bg-dark text-light py-4"><div class="container"><p>{PORTAL_NAME}</p>
<p><i class="bi bi-people"></i> Lượt truy cập: {grouped(FACTS_.visitors["visits"], ",")} &middot; <i class="bi bi-broadcast"></i> Đang online: {FACTS_.visitors["online_total"]}</p></div></footer>
<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js"></script>
</body>
</html>
"""
    return html.encode("utf-8")


def _image(path: str, alt: str) -> str:
    return f'<figure class="figure text-center d-block"><img class="figure-img img-fluid rounded" src="{attr(LIVE + path.lstrip("/"))}" alt="{attr(alt)}"></figure>'


def _article(item: Article) -> tuple[str, str]:
    signed = FACTS_.bylines[item.cms_id]
    when = published_at(item)
    meta = (
        f'<meta property="og:type" content="article">\n<meta property="og:title" content="{attr(item.title)}">\n'
        f'<meta property="og:url" content="{attr(article_url(item))}">\n'
        f'<meta property="article:published_time" content="{when.replace(tzinfo=VN).isoformat()}">\n'
        f'<script type="application/ld+json">\n{_json_ld(item)}\n</script>\n'
    )
    cards = "\n".join(
        f'<div class="col"><div class="card h-100"><div class="card-body"><a class="stretched-link" href="/Default.aspx?tabid={o.tabid}&amp;ChiTiet=True&amp;CmsId={o.cms_id}">{text(o.title)}</a></div></div></div>'
        for o in shown_related(item, FACTS_.related_count)
    )
    main = (
        f'<article class="post">\n<h1 class="post-title">{text(item.title)}</h1>\n'
        f'<div class="post-meta text-muted"><i class="bi bi-calendar"></i> Đăng ngày {when:%d/%m/%Y | %H:%M}'
        f' &nbsp; <i class="bi bi-eye"></i> {grouped(FACTS_.views[item.cms_id])} lượt xem</div>\n'
        f'<div class="post-content">\n{body_html(item, _image)}\n'
        f'<p class="text-end"><strong>{text(signed.text)}</strong></p>\n</div>\n'
        '<div class="post-share">Chia sẻ: <a class="btn btn-sm btn-primary" href="https://www.facebook.com/sharer/sharer.php">Facebook</a>'
        ' <a class="btn btn-sm btn-info" href="https://zalo.me/share">Zalo</a> <a class="btn btn-sm btn-secondary" href="javascript:window.print()">In</a></div>\n'
        f'</article>\n<section class="related mt-4"><h2 class="h5">Tin liên quan</h2><div class="row row-cols-2 g-3">\n{cards}\n</div></section>'
    )
    return meta, main


def render(page: Page) -> bytes:
    """An article, the list page or a missing article in the Bootstrap theme."""
    cat = category(LIST_TAB)
    assert cat is not None
    crumbs = f'<li class="breadcrumb-item active" aria-current="page"><a href="/Default.aspx?tabid={cat.tabid}">{text(cat.name)}</a></li>'
    if page.kind == "article":
        item = article(page.key)
        assert item is not None
        meta, main = _article(item)
        return _document(_head(item.title, meta), crumbs, main)
    if page.kind == "list":
        cards = "\n".join(
            f'<div class="card mb-3"><div class="card-body"><h2 class="h5"><a href="/Default.aspx?tabid={a.tabid}&amp;ChiTiet=True&amp;CmsId={a.cms_id}">{text(a.title)}</a></h2>'
            f'<p class="text-muted small">{dmy(a.published)}</p></div></div>'
            for a in list_items()
        )
        return _document(_head(cat.name), crumbs, f'<h1 class="h3">{text(cat.name)}</h1>\n{cards}')
    return _document(_head(cat.name), crumbs, '<div class="alert alert-warning" role="alert">Tin không tồn tại</div>')
