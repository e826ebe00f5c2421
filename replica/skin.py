"""The DotNetNuke skin around every page of the replica: data in, HTML string out.

Built from what PORTAL.md records of the real portal: one ASP.NET form around the
whole page (``__VIEWSTATE``, ``__doPostBack``, ``__dnnVariable``), skin panes and
module wrappers, the header clock and welcome line, the menu and search box, a
digit-image visit counter and DNN's UsersOnline table.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from html import escape

from replica.content import CATEGORIES, HOME_TABID, LINK, STATIC_PAGES

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
PORTAL_NAME = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An"
WELCOME = f"Chào mừng bạn đến với trang thông tin điện tử của {PORTAL_NAME} !."
USERS_ONLINE_MODULE = 5678
COUNTER_MODULE = 5679
LINKS_MODULE = 5680
ANNOUNCEMENT_PDF = "/Portals/0/files/TheLe_HoiThi_STKT_lanIX.pdf"


@dataclass(frozen=True)
class Skin:
    """What every page shows around its content: the server's clock and visitor widgets."""

    now: datetime  # local time of the server, UTC+07:00
    visits: int
    guests: int
    members: int


def clock(now: datetime) -> str:
    """DNN's current-date skin object in Vietnamese: no space after the comma."""
    return f"{WEEKDAYS[now.weekday()]},{now:%d/%m/%Y %H:%M}"


def text_html(text: str) -> str:
    """Escape for HTML; a no-break space goes out as ``&nbsp;`` as editors write it."""
    return escape(text, quote=False).replace("\xa0", "&nbsp;")


def inline_html(text: str) -> str:
    """Text with its ``[words](url)`` marks turned into links."""
    out, pos = [], 0
    for match in LINK.finditer(text):
        out.append(text_html(text[pos : match.start()]))
        out.append(f'<a href="{escape(match[2])}" target="_blank">{text_html(match[1])}</a>')
        pos = match.end()
    out.append(text_html(text[pos:]))
    return "".join(out)


def viewstate(key: str) -> str:
    """A base64 blob that looks like ASP.NET's and differs from page to page."""
    digest = hashlib.sha256(key.encode()).digest()
    return "/wEPDwUKMTQ2OTkzNDMyMQ9kFgJmD2QWAg" + base64.b64encode(digest * 4).decode()


def module(module_id: int, kind: str, title: str, inner: str) -> str:
    """A DNN module: its container, title span and content pane."""
    return (
        f'<div class="DnnModule DnnModule-{kind} DnnModule-{module_id}"><a name="{module_id}"></a>\n'
        f'<div class="c_container c_head_grey">\n'
        f'<div class="c_head"><h2 class="c_title"><span id="dnn_ctr{module_id}_dnnTITLE_lblTitle" class="Head">'
        f"{text_html(title)}</span></h2></div>\n"
        f'<div id="dnn_ctr{module_id}_ContentPane" class="c_content">'
        f'<div id="dnn_ctr{module_id}_ModuleContent" class="DNNModuleContent Mod{kind}C">\n'
        f"{inner}\n</div></div>\n</div>\n</div>"
    )


def _menu() -> str:
    items = [(f"/Default.aspx?tabid={HOME_TABID}", "Trang chủ")]
    items += [(f"/Default.aspx?tabid={p.tabid}", p.title) for p in STATIC_PAGES[:2]]
    items += [(f"/Default.aspx?tabid={c.tabid}", c.name) for c in CATEGORIES]
    items += [(f"/Default.aspx?tabid={p.tabid}", p.title) for p in STATIC_PAGES[2:]]
    links = "\n".join(f'<li class="mi"><a href="{escape(href)}">{text_html(name)}</a></li>' for href, name in items)
    return f'<div id="dnn_dnnNAV" class="Menu"><ul id="dnn_dnnNAV_ctldnnNAV">{links}</ul></div>'


def _search() -> str:
    return (
        '<div class="Search"><span id="dnn_dnnSEARCH_ClassicSearch">'
        '<input name="dnn$dnnSEARCH$txtSearch" type="text" maxlength="255" size="20" id="dnn_dnnSEARCH_txtSearch" '
        'class="NormalTextBox" onkeydown="return __dnn_KeyDown(\'13\', '
        "'javascript:__doPostBack(%27dnn$dnnSEARCH$cmdSearch%27,%27%27)', event);\" />&nbsp;"
        '<a id="dnn_dnnSEARCH_cmdSearch" class="SkinObject" '
        "href=\"javascript:__doPostBack('dnn$dnnSEARCH$cmdSearch','')\">Tìm kiếm</a></span></div>"
    )


def _counter(visits: int) -> str:
    digits = "".join(f'<img src="/Portals/0/counter/{d}.gif" alt="{d}" border="0" />' for d in str(visits))
    inner = f'<div id="dnn_ctr{COUNTER_MODULE}_Counter_pnlCounter" class="Counter">{digits}</div>'
    return module(COUNTER_MODULE, "Counter", "Số lượt truy cập", inner)


def _users_online(guests: int, members: int) -> str:
    m = USERS_ONLINE_MODULE
    icon = "/DesktopModules/UsersOnline/images/{}.gif"

    def row(image: str, alt: str, label: str, count_id: str, count: int) -> str:
        return (
            f'<tr>\n<td class="UsersOnline"><img src="{icon.format(image)}" alt="{alt}" /></td>\n'
            f'<td class="UsersOnline" nowrap="nowrap"><span class="UsersOnline">{label}</span></td>\n'
            f'<td class="UsersOnline" align="right"><span id="dnn_ctr{m}_UsersOnline_{count_id}" '
            f'class="UsersOnline">{count}</span></td></tr>'
        )

    inner = (
        '<table class="UsersOnline" cellspacing="0" cellpadding="0" border="0">\n'
        f'<tr><td class="UsersOnline"><img src="{icon.format("membership")}" alt="Thành Viên Online" /></td>'
        '<td class="UsersOnline" colspan="2"><span class="UsersOnlineHead">Thành Viên Online:</span></td></tr>\n'
        + row("guest", "Khách", "Khách:", "lblGuestCount", guests)
        + "\n"
        + row("member", "Thành Viên", "Thành Viên:", "lblMemberCount", members)
        + "\n"
        + row("total", "Tổng Số", "Tổng Cộng:", "lblTotalCount", guests + members)
        + "\n</table>"
    )
    return module(m, "UsersOnline", "Người dùng Online", inner)


def _links() -> str:
    inner = (
        '<ul class="LienKet">\n'
        '<li><a href="https://vusta.vn/" target="_blank">Liên hiệp các Hội KH&amp;KT Việt Nam</a></li>\n'
        '<li><a href="https://www.longan.gov.vn/" target="_blank">Cổng thông tin điện tử tỉnh Long An</a></li>\n'
        f'<li><a href="{ANNOUNCEMENT_PDF}" target="_blank">Thể lệ Hội thi Sáng tạo kỹ thuật lần thứ IX</a></li>\n'
        '<li><a href="mailto:lhhlongan@gmail.com">Hộp thư góp ý</a></li>\n'
        '<li><a href="javascript:void(0)" onclick="window.open(\'/Portals/0/sodo.html\')">Sơ đồ trang</a></li>'
        "</ul>"
    )
    return module(LINKS_MODULE, "Links", "Liên kết", inner)


_SCRIPT = """<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['Form'];
if (!theForm) {
    theForm = document.Form;
}
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>"""


def document(skin: Skin, *, tab_title: str, action: str, state_key: str, content: str) -> str:
    """The whole page: DNN head, the ASP.NET form, header, left pane and content pane."""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi-VN">
<head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<meta content="text/javascript" http-equiv="Content-Script-Type" />
<meta content="text/css" http-equiv="Content-Style-Type" />
<meta id="MetaDescription" name="DESCRIPTION" content="{PORTAL_NAME}" />
<meta id="MetaKeywords" name="KEYWORDS" content="Liên hiệp hội, khoa học, kỹ thuật, Long An,DotNetNuke,DNN" />
<meta id="MetaCopyright" name="COPYRIGHT" content="Copyright 2012 by LHH Long An" />
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " />
<meta id="MetaAuthor" name="AUTHOR" content="Liên hiệp các Hội KH&amp;KT tỉnh Long An" />
<meta name="RESOURCE-TYPE" content="DOCUMENT" />
<meta name="DISTRIBUTION" content="GLOBAL" />
<meta id="MetaRobots" name="ROBOTS" content="INDEX, FOLLOW" />
<meta name="REVISIT-AFTER" content="1 DAYS" />
<meta name="RATING" content="GENERAL" />
<meta http-equiv="PAGE-ENTER" content="RevealTrans(Duration=0,Transition=1)" />
<style id="StylePlaceholder" type="text/css"></style>
<link id="APortals__default_" rel="stylesheet" type="text/css" href="/Portals/_default/default.css" />
<link id="APortals__default_Skins_LHH_" rel="stylesheet" type="text/css" href="/Portals/_default/Skins/LHH/skin.css" />
<link id="APortals_0_" rel="stylesheet" type="text/css" href="/Portals/0/portal.css" />
<title>
\tLHH Long An &gt; {text_html(tab_title)}
</title></head>
<body id="Body">
<form name="Form" method="post" action="{escape(action)}" id="Form" enctype="multipart/form-data">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate(state_key)}" />
</div>

{_SCRIPT}

<script src="/js/dnncore.js" type="text/javascript"></script>
<div>
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" />
</div>
<div id="dnn_wrapper">
<div id="dnn_header" class="Header">
<div class="Banner"><a href="/Default.aspx?tabid=36"><img src="/Portals/_default/Skins/LHH/images/banner.jpg" \
alt="{PORTAL_NAME}" border="0" /></a></div>
<div class="TopBar"><span id="dnn_dnnCURRENTDATE_lblDate" class="DateToday">{clock(skin.now)}</span> &nbsp; \
<span class="Welcome">{WELCOME}</span>
<span class="Login"><a id="dnn_dnnLOGIN_cmdLogin" class="SkinObject" href="/admin/Login.aspx">Đăng nhập</a></span></div>
{_menu()}
{_search()}
</div>
<table class="Main" cellspacing="0" cellpadding="0" border="0" width="100%"><tr>
<td id="dnn_LeftPane" class="LeftPane" valign="top">
{_counter(skin.visits)}
{_users_online(skin.guests, skin.members)}
</td>
<td id="dnn_ContentPane" class="ContentPane" valign="top">
{content}
</td>
<td id="dnn_RightPane" class="RightPane" valign="top">
{_links()}
</td>
</tr></table>
<div id="dnn_footer" class="Footer">Bản quyền &copy; 2012 {PORTAL_NAME}<br />
Địa chỉ: Số 03 Võ Văn Tần, Phường 2, TP Tân An, tỉnh Long An - Điện thoại: (0272) 3 822 345<br />
Thư điện tử: <a href="mailto:lhhlongan@gmail.com">lhhlongan@gmail.com</a> |
<a href="javascript:window.print()">In trang</a> | <a href="#top">Về đầu trang</a></div>
</div>
<input name="ScrollTop" type="hidden" id="ScrollTop" />
<input name="__dnnVariable" type="hidden" id="__dnnVariable" value="`{{`__scdoff`:`1`}}" />
</form>
</body>
</html>
"""
