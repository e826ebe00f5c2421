# ruff: noqa: E501  (HTML templates read best one tag per line)
"""DotNetNuke 5 table skin (the portal as PORTAL.md saw it in 2024).

Nested layout tables, DNN 5 containers (``containermaster`` tables, ``dnn_ctrNNN`` ids), the
header clock with no space after the comma, a digit-image visit counter, DNN's UsersOnline
table (icon alt text beside each label), the date stuck to the title's end, Word-pasted
paragraphs, the byline as the body's last line, "Các tin khác:" with dates in brackets.
"""

from __future__ import annotations

from replica.content import Article, article, category, static_page
from replica.designs.parts import PORTAL_NAME, attr, body_html, dmy, lines_html, text, weekday
from replica.designs.truth import FACTS, LIST_TAB, Page, list_items, shown_related

FACTS_ = FACTS["dnn5"]
CONTENT_TYPE = "text/html; charset=utf-8"
SPAN = '<span style="font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif">'


def _container(mid: int, title: str, inner: str) -> str:
    return (
        f'<a name="{mid}"></a><table class="containermaster_blue" cellspacing="0" cellpadding="5" align="center" '
        f'border="0"><tr><td class="containerrow1_blue"><table width="100%" border="0" cellpadding="0" '
        f'cellspacing="0"><tr><td valign="middle" nowrap="nowrap"><span id="dnn_ctr{mid}_dnnTITLE_lblTitle" '
        f'class="Head">{text(title)}</span></td></tr></table></td></tr>\n'
        f'<tr><td id="dnn_ctr{mid}_ContentPane" class="containerrow2_blue" align="left">'
        f'<div id="dnn_ctr{mid}_ModuleContent">\n{inner}\n</div></td></tr></table>'
    )


def _counter() -> str:
    digits = "".join(
        f'<img src="/Portals/0/Counter/{d}.gif" alt="{d}" align="absmiddle" border="0" />'
        for d in str(FACTS_.visitors["visits"])
    )
    return _container(421, "Số lượt truy cập", f'<div align="center">{digits}</div>')


def _users_online() -> str:
    v = FACTS_.visitors
    rows = [
        ("guest", "Khách", "Khách:", "lblGuestCount", v["online_guests"]),
        ("member", "Thành Viên", "Thành Viên:", "lblMemberCount", v["online_members"]),
        ("total", "Tổng Số", "Tổng Cộng:", "lblTotalCount", v["online_total"]),
    ]
    body = "".join(
        f'<tr><td><img src="/DesktopModules/UsersOnline/images/{icon}.gif" alt="{alt}" /></td>'
        f'<td class="UsersOnline" nowrap="nowrap">{label}</td>'
        f'<td class="UsersOnline" align="right"><span id="dnn_ctr422_UsersOnline_{lbl}">{n}</span></td></tr>\n'
        for icon, alt, label, lbl, n in rows
    )
    head = (
        '<tr><td><img src="/DesktopModules/UsersOnline/images/membership.gif" alt="Thành Viên Online" /></td>'
        '<td class="UsersOnlineHead" colspan="2">Thành Viên Online:</td></tr>\n'
    )
    return _container(422, "Người dùng Online", f'<table class="UsersOnline" cellpadding="1">{head}{body}</table>')


def _document(title: str, content: str) -> bytes:
    assert FACTS_.clock is not None
    now = FACTS_.clock
    html = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html lang="vi-VN">
<head id="Head"><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " />
<title>LHH Long An &gt; {text(title)}</title>
<link id="_Portals__default_Skins_LHH_" rel="stylesheet" type="text/css" href="/Portals/_default/Skins/LHH/skin.css" />
</head>
<body id="Body" bottommargin="0" leftmargin="0" topmargin="0" rightmargin="0" marginwidth="0" marginheight="0">
<form name="Form" method="post" action="/Default.aspx" id="Form" enctype="multipart/form-data">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTI2OTY3NjA5MQ9kFgZmDxYCHgRUZXh0BT48IURPQ1RZUEUg" />
<table class="pagemaster" width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="skinheader"><img src="/Portals/_default/Skins/LHH/banner.jpg" alt="{PORTAL_NAME}" /></td></tr>
<tr><td class="topbar"><span id="dnn_dnnCURRENTDATE_lblDate" class="DateToday">{weekday(now)},{now:%d/%m/%Y %H:%M}</span>
&nbsp;&nbsp; <marquee scrollamount="2">Chào mừng bạn đến với trang thông tin điện tử của {PORTAL_NAME} !.</marquee></td></tr>
<tr><td><table width="100%" border="0" cellpadding="0" cellspacing="0"><tr>
<td id="dnn_LeftPane" class="leftpane" width="200" valign="top">
<div class="Search">Tìm kiếm <input name="dnn$dnnSEARCH$txtSearch" type="text" class="NormalTextBox" /></div>
{_counter()}
{_users_online()}
</td>
<td id="dnn_ContentPane" class="contentpane" valign="top">
{content}
</td></tr></table></td></tr>
<tr><td class="footer">Bản quyền &copy; 2012 {PORTAL_NAME} | <a href="#top">Về đầu trang</a></td></tr>
</table>
<input name="__dnnVariable" type="hidden" id="__dnnVariable" value="" />
</form>
</body>
</html>
"""
    return html.encode("utf-8")


def _paragraph(inner: str) -> str:
    return f'<p class="MsoNormal" style="text-align:justify">{SPAN}{inner}</span><o:p></o:p></p>'


def _image(path: str, alt: str) -> str:
    return f'<p align="center"><img src="{attr(path)}" alt="{attr(alt)}" width="450" border="0" /></p>'


def _article(item: Article) -> str:
    signed = FACTS_.bylines[item.cms_id]
    body = body_html(item, _image, _paragraph)
    if item.cms_id in (402, 738):  # the byline as a last <br /> line of the last paragraph
        body = body.removesuffix("</span><o:p></o:p></p>") + f"<br /><b>{text(signed.text)}</b></span><o:p></o:p></p>"
    else:
        body += f'\n<p class="MsoNormal" align="right" style="text-align:right"><b><i>{text(signed.text)}</i></b></p>'
    others = "".join(
        f'<tr><td><img src="/images/bullet.gif" alt="" />&nbsp;<a class="LinkTinKhac" '
        f'href="/Default.aspx?tabid={o.tabid}&amp;CmsId={o.cms_id}&amp;ChiTiet=True">{text(o.title)}</a> '
        f'<font class="NgayTinKhac">({dmy(o.published)})</font></td></tr>'
        for o in shown_related(item, FACTS_.related_count)
    )
    return (
        f'<table width="100%"><tr><td class="TieuDeTin"><span class="Title">{text(item.title)}</span> '
        f'<font class="NgayThang">{dmy(item.published)}</font></td></tr>\n'
        f'<tr><td class="NoiDungTin">\n{body}\n</td></tr>\n'
        f'<tr><td class="TinKhac"><b>Các tin khác:</b><table>{others}</table></td></tr></table>'
    )


def _list() -> str:
    rows = "".join(
        f'<tr><td><a class="TieuDeTin" href="/Default.aspx?tabid={a.tabid}&amp;ChiTiet=True&amp;CmsId={a.cms_id}">'
        f'{text(a.title)}</a> <font class="NgayThang">({dmy(a.published)})</font></td></tr>'
        for a in list_items()
    )
    return f'<table class="DanhSachTin" width="100%">{rows}</table>'


def render(page: Page) -> bytes:
    """The page as the DNN 5 portal serves it."""
    cat = category(LIST_TAB)
    assert cat is not None
    if page.kind == "article":
        item = article(page.key)
        assert item is not None
        return _document(cat.name, _container(cat.module_id, cat.name, _article(item)))
    if page.kind == "page":
        text_page = static_page(page.key)
        assert text_page is not None
        paragraphs = "\n".join(f'<p style="text-align: justify">{lines_html(v)}</p>' for v in text_page.body)
        return _document(text_page.title, _container(text_page.module_id, text_page.title, paragraphs))
    if page.kind == "list":
        return _document(cat.name, _container(cat.module_id, cat.name, _list()))
    return _document(cat.name, _container(cat.module_id, cat.name, '<span class="ThongBao">Tin không tồn tại</span>'))
