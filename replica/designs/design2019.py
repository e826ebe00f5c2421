# ruff: noqa: E501  (HTML templates read best one tag per line)
"""The site's 2019 design: hand-written tables and ``<font>`` tags, no DNN ids, no form.

A header date with a space after the comma and no time ("Thứ Năm, 14/11/2024"), the
title in ``<font><b>``, "Cập nhật: dd/mm/yyyy" on its own line under it, the byline as a
right-aligned bold paragraph inside the body, "Các tin khác" with three links, the visit
counter as text ("Số lượt truy cập: 654.321"), CRLF line ends.
"""

from __future__ import annotations

from datetime import date

from replica.content import Article, article, category
from replica.designs.parts import PORTAL_NAME, attr, body_html, dmy, grouped, text, weekday
from replica.designs.truth import FACTS, LIST_TAB, Page, shown_related

FACTS_ = FACTS["design2019"]
CONTENT_TYPE = "text/html; charset=utf-8"
HEADER_DATE = date(2024, 11, 14)


def _paragraph(inner: str) -> str:
    return f'<p align="justify"><font face="Times New Roman" size="3">{inner}</font></p>'


def _image(path: str, alt: str) -> str:
    return f'<p align="center"><img border="0" src="{attr(path)}" width="400" alt="{attr(alt)}"></p>'


def _article(item: Article) -> str:
    signed = FACTS_.bylines[item.cms_id]
    others = "\r\n".join(
        f'<tr><td>&#8226; <a href="Default.aspx?tabid={o.tabid}&amp;ChiTiet=True&amp;CmsId={o.cms_id}">'
        f'<font size="2">{text(o.title)}</font></a></td></tr>'
        for o in shown_related(item, FACTS_.related_count)
    )
    return (
        f'<table width="100%" cellpadding="4"><tr><td><font color="#003399" size="4"><b>{text(item.title)}</b></font>'
        f'</td></tr>\r\n<tr><td><font size="1" color="#666666"><i>Cập nhật: {dmy(item.published)}</i></font></td></tr>'
        f"\r\n<tr><td>\r\n{body_html(item, _image, _paragraph)}\r\n"
        f'<p align="right"><b>{text(signed.text)}</b></p>\r\n</td></tr>\r\n'
        f'<tr><td><font color="#CC0000"><b>Các tin khác</b></font><table>{others}</table></td></tr></table>'
    )


def render(page: Page) -> bytes:
    """An article in the 2019 design (the design has articles only in this corpus)."""
    item = article(page.key)
    cat = category(LIST_TAB)
    assert item is not None and cat is not None
    html = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{PORTAL_NAME}</title>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="900" align="center" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="images/banner2019.jpg" width="900" height="150" alt=""></td></tr>
<tr><td colspan="2" bgcolor="#003399"><font color="#FFFFFF" size="2">{weekday(HEADER_DATE)}, {dmy(HEADER_DATE)}</font></td></tr>
<tr><td width="180" valign="top" bgcolor="#E8EEF7">
<p><b>DANH MỤC</b></p>
<p><a href="Default.aspx?tabid={LIST_TAB}">{text(cat.name)}</a></p>
<p><font size="2">Số lượt truy cập: <b>{grouped(FACTS_.visitors["visits"])}</b></font></p>
</td>
<td valign="top">
<p><font size="2"><a href="Default.aspx">Trang chủ</a> &gt; <a href="Default.aspx?tabid={LIST_TAB}">{text(cat.name)}</a></font></p>
{_article(item)}
</td></tr>
<tr><td colspan="2" align="center"><font size="1">{PORTAL_NAME}</font></td></tr>
</table>
</body>
</html>
"""
    return html.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
