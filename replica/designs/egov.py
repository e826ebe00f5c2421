# ruff: noqa: E501  (HTML templates read best one tag per line)
"""A 2020s Vietnamese e-government portal, Liferay-style (portlets, ``journal-content-article``).

The top bar shows the render time labelled "Cập nhật lúc 14:27 ngày 11/03/2025" (not any
article's date); the article says "Thời gian: Thứ hai, 25/12/2023 - 08:15" and "Lượt xem";
the byline is a bare bold right-aligned name as the body's last paragraph ("P.T.Thủy",
"Minh Anh"); "Chia sẻ", "In bài viết", "Gửi email" under it, then "Tin cùng chuyên mục".
The statistics box ("Thống kê truy cập") has Đang truy cập, Khách, Thành viên, Hôm nay,
Hôm qua and Tổng lượt truy cập.
"""

from __future__ import annotations

from replica.content import Article, article, category, static_page
from replica.designs.parts import (
    PORTAL_NAME,
    attr,
    body_html,
    dmy,
    grouped,
    published_at,
    static_body_html,
    text,
    weekday,
)
from replica.designs.truth import FACTS, LIST_TAB, Page, list_items, shown_related

FACTS_ = FACTS["egov"]
CONTENT_TYPE = "text/html;charset=UTF-8"


def _portlet(name: str, title: str, inner: str) -> str:
    return (
        f'<div class="portlet-boundary portlet-boundary_{name}_ portlet-static portlet-journal-content" id="p_p_id_{name}_">\n'
        f'<section class="portlet"><header class="portlet-topper"><h2 class="portlet-title-text">{text(title)}</h2></header>\n'
        f'<div class="portlet-content"><div class="portlet-content-container">\n{inner}\n</div></div></section></div>'
    )


def _statistics() -> str:
    v = FACTS_.visitors
    rows = [
        ("Đang truy cập", v["online_total"]),
        ("Khách", v["online_guests"]),
        ("Thành viên", v["online_members"]),
        ("Hôm nay", v["today"]),
        ("Hôm qua", v["yesterday"]),
        ("Tổng lượt truy cập", v["visits"]),
    ]
    items = "\n".join(
        f'<li><span class="stat-label">{label}:</span> <span class="stat-value">{grouped(n)}</span></li>'
        for label, n in rows
    )
    return _portlet("thongketruycap_WAR_egovportlet", "Thống kê truy cập", f'<ul class="statistics">\n{items}\n</ul>')


def _document(title: str, crumbs: list[tuple[int, str]], content: str) -> bytes:
    assert FACTS_.clock is not None
    now = FACTS_.clock
    trail = "".join(
        f'<li class="breadcrumb-item"><a href="/Default.aspx?tabid={tab}">{text(name)}</a></li>' for tab, name in crumbs
    )
    html = f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>{text(title)} - Cổng thông tin điện tử {PORTAL_NAME}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="/o/egov-theme/css/main.css?browserId=other&amp;themeId=egovtheme_WAR_egovtheme&amp;t=1699999999000" rel="stylesheet" type="text/css" />
<script type="text/javascript">var Liferay = {{ THEME: {{ pathThemeImages: "/o/egov-theme/images" }} }};</script>
</head>
<body class="controls-visible yui3-skin-sam guest-site signed-out public-page site">
<div id="wrapper">
<header id="banner" role="banner">
<div class="top-bar"><span class="today">{weekday(now)}, {dmy(now)}</span> | <span class="update-time">Cập nhật lúc {now:%H:%M} ngày {dmy(now)}</span>
<a class="lang" href="?lang=en_US">English</a></div>
<div class="brand"><img src="/o/egov-theme/images/quoc-huy.png" alt="Quốc huy" /><h1 class="site-title">{PORTAL_NAME}</h1></div>
<nav class="navbar"><ul><li><a href="/Default.aspx?tabid=36">Trang chủ</a></li><li><a href="/Default.aspx?tabid=609">Giới thiệu</a></li><li><a href="/Default.aspx?tabid={LIST_TAB}">Tin tức - Sự kiện</a></li><li><a href="/Default.aspx?tabid=611">Liên hệ</a></li></ul></nav>
</header>
<section id="content">
<ul class="breadcrumb"><li class="breadcrumb-item"><a href="/Default.aspx?tabid=36">Trang chủ</a></li>{trail}</ul>
<div class="row"><div class="col-md-8 portlet-column" id="column-1">
{content}
</div>
<div class="col-md-4 portlet-column" id="column-2">
{_statistics()}
</div></div>
</section>
<footer id="footer" role="contentinfo"><p>Cơ quan chủ quản: {PORTAL_NAME}</p>
<p>Giấy phép số 05/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Long An cấp ngày 14/01/2021</p></footer>
</div>
</body>
</html>
"""
    return html.encode("utf-8")


def _image(path: str, alt: str) -> str:
    return f'<p style="text-align: center;"><img alt="{attr(alt)}" src="{attr(path)}" style="width: 600px; height: 400px;" /></p>'


def _paragraph(inner: str) -> str:
    return f'<p style="text-align: justify;">{inner}</p>'


def _article(item: Article) -> str:
    signed = FACTS_.bylines[item.cms_id]
    when = published_at(item)
    others = "\n".join(
        f'<li><a href="/Default.aspx?tabid={o.tabid}&amp;ChiTiet=True&amp;CmsId={o.cms_id}">{text(o.title)}</a>'
        f' <span class="date">({dmy(o.published)})</span></li>'
        for o in shown_related(item, FACTS_.related_count)
    )
    return (
        f'<div class="journal-content-article" data-analytics-asset-id="{item.cms_id}">\n'
        f'<h2 class="title-news">{text(item.title)}</h2>\n'
        f'<div class="meta-news"><span class="time">Thời gian: {weekday(when).capitalize()}, {when:%d/%m/%Y - %H:%M}</span>'
        f' <span class="views">Lượt xem: {grouped(FACTS_.views[item.cms_id])}</span></div>\n'
        f'<div class="content-news">\n{body_html(item, _image, _paragraph)}\n'
        f'<p style="text-align: right;"><strong>{text(signed.text)}</strong></p>\n</div>\n'
        '<div class="tools-news"><span>Chia sẻ:</span> <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php">Facebook</a>'
        ' <a class="share-zalo" href="https://zalo.me/share">Zalo</a> | <a href="javascript:window.print()">In bài viết</a>'
        ' | <a href="mailto:?subject=Tin%20t%E1%BB%A9c">Gửi email</a></div>\n'
        f'<div class="other-news"><h3>Tin cùng chuyên mục</h3><ul>\n{others}\n</ul></div>\n</div>'
    )


def render(page: Page) -> bytes:
    """The page as the e-government portal serves it."""
    cat = category(LIST_TAB)
    assert cat is not None
    crumbs = [(LIST_TAB, "Tin tức - Sự kiện"), (cat.tabid, cat.name)]
    if page.kind == "article":
        item = article(page.key)
        assert item is not None
        return _document(item.title, crumbs, _portlet("com_liferay_journal_content_web", cat.name, _article(item)))
    if page.kind == "page":
        text_page = static_page(page.key)
        assert text_page is not None
        inner = f'<div class="journal-content-article">\n{static_body_html(text_page, _paragraph)}\n</div>'
        return _document(
            text_page.title,
            [(text_page.tabid, text_page.title)],
            _portlet("com_liferay_journal_content_web", text_page.title, inner),
        )
    if page.kind == "list":
        rows = "\n".join(
            f'<div class="news-item"><a class="title" href="/Default.aspx?tabid={a.tabid}&amp;ChiTiet=True&amp;CmsId={a.cms_id}">{text(a.title)}</a>'
            f' <span class="date">{dmy(a.published)}</span></div>'
            for a in list_items()
        )
        return _document(cat.name, crumbs, _portlet("com_liferay_asset_publisher_web", cat.name, rows))
    notice = '<div class="alert alert-warning">Tin không tồn tại hoặc đã bị gỡ bỏ.</div>'
    return _document(cat.name, crumbs, _portlet("com_liferay_journal_content_web", cat.name, notice))
