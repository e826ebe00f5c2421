# ruff: noqa: E501  (HTML templates read best one tag per line)
"""DNN's print view of an article (``dnnprintmode=true``, "No Skin", "No Container").

Nothing but the article: title, "Ngày cập nhật: 25/12/2023", the body, the byline as the
last line after a ``<br />``, and an "In bài viết" button. No category, no widgets, no clock,
no "Các tin khác".
"""

from __future__ import annotations

from replica.content import article
from replica.designs.parts import attr, body_html, dmy, text
from replica.designs.truth import FACTS, LIST_TAB, LIVE, Page

FACTS_ = FACTS["print"]
CONTENT_TYPE = "text/html; charset=utf-8"
PRINT_QUERY = "&dnnprintmode=true&mid=1234&SkinSrc=%5bG%5dSkins%2f_default%2fNo+Skin&ContainerSrc=%5bG%5dContainers%2f_default%2fNo+Container"


def address(page: Page) -> str:
    return f"{LIVE}Default.aspx?tabid={LIST_TAB}&ChiTiet=True&CmsId={page.key}{PRINT_QUERY}"


def _image(path: str, alt: str) -> str:
    return f'<p style="text-align:center"><img src="{attr(path)}" alt="{attr(alt)}" width="450" /></p>'


def render(page: Page) -> bytes:
    """An article as its print view shows it."""
    item = article(page.key)
    assert item is not None
    signed = FACTS_.bylines[item.cms_id]
    body = body_html(item, _image)
    body = body.removesuffix("</p>") + f"<br /><b>{text(signed.text)}</b></p>"
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi-VN">
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="GENERATOR" content="DotNetNuke " />
<meta name="ROBOTS" content="NOINDEX, NOFOLLOW" />
<title>{text(item.title)}</title>
<style type="text/css">body {{ font-family: "Times New Roman", serif; margin: 2cm; }} .noprint {{ display: none; }}</style>
</head>
<body id="Body" class="Print" onload="window.print()">
<div id="dnn_ContentPane" class="ContentPane">
<div id="dnn_ctr1234_ModuleContent">
<h2 class="PrintTitle">{text(item.title)}</h2>
<div class="PrintDate"><i>Ngày cập nhật: {dmy(item.published)}</i></div>
<div class="PrintBody">
{body}
</div>
<div class="noprint"><input type="button" value="In bài viết" onclick="window.print()" /> <a href="javascript:window.close()">Đóng</a></div>
</div></div>
</body>
</html>
"""
    return html.encode("utf-8")
