# ruff: noqa: E501  (HTML templates read best one tag per line)
"""DotNetNuke 7 skin: an HTML5 doctype over a layout table, DNN 7 module wrappers.

A breadcrumb names the category; the article shows "Ngày đăng: dd/mm/yyyy HH:mm" and
"Lượt xem: N" above the body, the byline in its own element after it ("Tác giả: …",
"Người viết: …", "Nguồn: …"), a tool row ("In bài viết", "Gửi email", "Về đầu trang"),
"Các tin khác". The left pane's statistics box has Hôm nay / Hôm qua / Trong tuần /
Trong tháng / Tất cả and "Đang online".
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

FACTS_ = FACTS["dnn7"]
CONTENT_TYPE = "text/html; charset=utf-8"


def _module(mid: int, title: str, inner: str) -> str:
    return (
        f'<div class="DnnModule DnnModule-DNN_HTML DnnModule-{mid}"><a name="{mid}"></a>\n'
        f'<div class="Container-Title"><h2><span id="dnn_ctr{mid}_dnnTITLE_titleLabel" class="TitleHead">'
        f"{text(title)}</span></h2></div>\n"
        f'<div id="dnn_ctr{mid}_ContentPane" class="Container-Content"><div id="dnn_ctr{mid}_ModuleContent" '
        f'class="DNNModuleContent">\n{inner}\n</div></div></div>'
    )


def _statistics() -> str:
    v = FACTS_.visitors
    rows = [
        ("Đang online", v["online_total"]),
        ("Hôm nay", v["today"]),
        ("Hôm qua", v["yesterday"]),
        ("Trong tuần", v["this_week"]),
        ("Trong tháng", v["this_month"]),
        ("Tất cả", v["visits"]),
    ]
    cells = "\n".join(
        f'<tr><td class="tk-label"><img src="/Portals/0/Skins/LHH7/images/tk{i}.png" alt="" /> {label}:</td>'
        f'<td class="tk-value" align="right">{grouped(n)}</td></tr>'
        for i, (label, n) in enumerate(rows)
    )
    return _module(3011, "Số lượt truy cập", f'<table class="ThongKe" width="100%">\n{cells}\n</table>')


def _document(crumbs: list[tuple[int, str]], title: str, content: str) -> bytes:
    assert FACTS_.clock is not None
    now = FACTS_.clock
    trail = ' <span class="sep">»</span> '.join(
        ['<a href="/Default.aspx?tabid=36" class="breadcrumbLink">Trang chủ</a>']
        + [f'<a href="/Default.aspx?tabid={tab}" class="breadcrumbLink">{text(name)}</a>' for tab, name in crumbs]
    )
    html = f"""<!DOCTYPE html>
<html lang="vi-VN">
<head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>{text(title)}</title>
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " />
<link href="/Portals/_default/Skins/LHH7/skin.css?cdv=41" type="text/css" rel="stylesheet"/>
<script src="/Resources/libraries/jQuery/01_09_01/jquery.js?cdv=41" type="text/javascript"></script>
</head>
<body id="Body">
<form method="post" action="/Default.aspx" id="Form" enctype="multipart/form-data">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="Zt3k9yJ0mQ2Vx8pTgP4wS" /></div>
<div id="siteWrapper">
<div class="header"><div class="logo"><a href="/Default.aspx?tabid=36"><img src="/Portals/0/logo.png" alt="{PORTAL_NAME}" /></a></div>
<div class="date-time"><span id="dnn_dnnCURRENTDATE_lblDate">{weekday(now)}, ngày {now:%d/%m/%Y %H:%M}</span></div>
<div class="search"><input id="dnn_dnnSearch_txtSearch" type="text" placeholder="Tìm kiếm..." /></div>
<ul class="topMenu"><li><a href="/Default.aspx?tabid=36">Trang chủ</a></li><li><a href="/Default.aspx?tabid=609">Giới thiệu</a></li>
<li><a href="/Default.aspx?tabid={LIST_TAB}">Tin tức</a></li><li><a href="/Default.aspx?tabid=611">Liên hệ</a></li></ul></div>
<div class="breadcrumb"><span id="dnn_dnnBREADCRUMB_lblBreadCrumb">{trail}</span></div>
<table class="layout" width="100%" cellpadding="0" cellspacing="0"><tr>
<td id="dnn_LeftPane" class="LeftPane" valign="top">
{_statistics()}
</td>
<td id="dnn_ContentPane" class="ContentPane" valign="top">
{content}
</td></tr></table>
<div class="footer">{PORTAL_NAME}<br />Địa chỉ: Số 03 Võ Văn Tần, Phường 2, TP Tân An, tỉnh Long An</div>
</div>
<input name="__dnnVariable" type="hidden" id="__dnnVariable" value="" />
</form>
</body>
</html>
"""
    return html.encode("utf-8")


def _image(path: str, alt: str) -> str:
    return f'<div style="text-align: center;"><img alt="{attr(alt)}" src="{attr(path)}" style="width: 500px;" /></div>'


def _article(item: Article) -> str:
    signed = FACTS_.bylines[item.cms_id]
    others = "\n".join(
        f'<li><a href="/Default.aspx?tabid={o.tabid}&amp;ChiTiet=True&amp;CmsId={o.cms_id}">{text(o.title)}</a>'
        f' <span class="date">{dmy(o.published)}</span></li>'
        for o in shown_related(item, FACTS_.related_count)
    )
    return (
        f'<div class="news-detail">\n<h1 class="news-title">{text(item.title)}</h1>\n'
        f'<div class="news-info"><span class="news-date">Ngày đăng: {published_at(item):%d/%m/%Y %H:%M}</span> | '
        f'<span class="news-views">Lượt xem: {grouped(FACTS_.views[item.cms_id])}</span></div>\n'
        f'<div class="news-content">\n{body_html(item, _image)}\n</div>\n'
        f'<div class="news-author" style="text-align: right; font-weight: bold;">{text(signed.text)}</div>\n'
        '<div class="news-tools"><a href="javascript:window.print()">In bài viết</a> | '
        '<a href="mailto:?subject=LHH">Gửi email</a> | <a href="#top">Về đầu trang</a></div>\n'
        f'<div class="news-other"><h3>Các tin khác</h3><ul>\n{others}\n</ul></div>\n</div>'
    )


def render(page: Page) -> bytes:
    """The page as the DNN 7 portal serves it."""
    cat = category(LIST_TAB)
    assert cat is not None
    if page.kind == "article":
        item = article(page.key)
        assert item is not None
        return _document([(cat.tabid, cat.name)], item.title, _module(cat.module_id, cat.name, _article(item)))
    if page.kind == "page":
        text_page = static_page(page.key)
        assert text_page is not None
        inner = f'<div class="Normal">\n{static_body_html(text_page)}\n</div>'
        return _document(
            [(text_page.tabid, text_page.title)], text_page.title, _module(text_page.module_id, text_page.title, inner)
        )
    if page.kind == "list":
        rows = "\n".join(
            f'<div class="news-item"><h3><a href="/Default.aspx?tabid={a.tabid}&amp;ChiTiet=True&amp;CmsId={a.cms_id}">'
            f'{text(a.title)}</a></h3><span class="news-date">{dmy(a.published)}</span></div>'
            for a in list_items()
        )
        return _document([(cat.tabid, cat.name)], cat.name, _module(cat.module_id, cat.name, rows))
    notice = '<div class="dnnFormMessage dnnFormWarning">Tin không tồn tại</div>'
    return _document([(cat.tabid, cat.name)], cat.name, _module(cat.module_id, cat.name, notice))
