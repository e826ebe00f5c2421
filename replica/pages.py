"""DotNetNuke-style HTML for the replica's pages: data in, HTML string out.

The markup is built from what PORTAL.md records of the real portal: one ASP.NET form
around the whole page (``__VIEWSTATE``, ``__doPostBack``, ``__dnnVariable``), skin
panes and module wrappers, the header clock, a digit-image visit counter and DNN's
UsersOnline table. Word-processor paste, odd link forms and both kinds of pagers are
there on purpose: they are what a scraper of such a site has to cope with.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from urllib.parse import quote

from replica.content import (
    CATEGORIES,
    HOME_TABID,
    LINK,
    STATIC_PAGES,
    Article,
    Category,
    StaticPage,
    articles_in,
    category,
    list_page,
    page_count,
    plain,
    related,
)

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
PORTAL_NAME = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An"
WELCOME = f"Chào mừng bạn đến với trang thông tin điện tử của {PORTAL_NAME} !."
USERS_ONLINE_MODULE = 5678
COUNTER_MODULE = 5679
LINKS_MODULE = 5680
SUMMARY_CHARS = 180
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


def _text(text: str) -> str:
    """Escape for HTML; a no-break space goes out as ``&nbsp;`` as editors write it."""
    return escape(text, quote=False).replace("\xa0", "&nbsp;")


def _inline(text: str) -> str:
    """Text with its ``[words](url)`` marks turned into links."""
    out, pos = [], 0
    for match in LINK.finditer(text):
        out.append(_text(text[pos : match.start()]))
        out.append(f'<a href="{escape(match[2])}" target="_blank">{_text(match[1])}</a>')
        pos = match.end()
    out.append(_text(text[pos:]))
    return "".join(out)


def date_vn(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def article_href(item: Article, variant: int) -> str:
    """An article link as DNN modules write them: the canonical form, or reordered
    parameters, an extra ``mid``, lower-case names, a relative path."""
    n, t = item.cms_id, item.tabid
    module = category(t).module_id
    href = (
        f"/Default.aspx?tabid={t}&ChiTiet=True&CmsId={n}",
        f"/Default.aspx?tabid={t}&CmsId={n}&ChiTiet=True",
        f"/Default.aspx?tabid={t}&mid={module}&ChiTiet=True&CmsId={n}",
        f"Default.aspx?tabid={t}&chitiet=true&cmsid={n}",
    )[variant % 4]
    return escape(href)


def viewstate(key: str) -> str:
    """A base64 blob that looks like ASP.NET's and differs from page to page."""
    digest = hashlib.sha256(key.encode()).digest()
    return "/wEPDwUKMTQ2OTkzNDMyMQ9kFgJmD2QWAg" + base64.b64encode(digest * 4).decode()


def _module(module_id: int, kind: str, title: str, inner: str) -> str:
    return (
        f'<div class="DnnModule DnnModule-{kind} DnnModule-{module_id}"><a name="{module_id}"></a>\n'
        f'<div class="c_container c_head_grey">\n'
        f'<div class="c_head"><h2 class="c_title"><span id="dnn_ctr{module_id}_dnnTITLE_lblTitle" class="Head">'
        f"{_text(title)}</span></h2></div>\n"
        f'<div id="dnn_ctr{module_id}_ContentPane" class="c_content">'
        f'<div id="dnn_ctr{module_id}_ModuleContent" class="DNNModuleContent Mod{kind}C">\n'
        f"{inner}\n</div></div>\n</div>\n</div>"
    )


def _menu() -> str:
    items = [(f"/Default.aspx?tabid={HOME_TABID}", "Trang chủ")]
    items += [(f"/Default.aspx?tabid={p.tabid}", p.title) for p in STATIC_PAGES[:2]]
    items += [(f"/Default.aspx?tabid={c.tabid}", c.name) for c in CATEGORIES]
    items += [(f"/Default.aspx?tabid={p.tabid}", p.title) for p in STATIC_PAGES[2:]]
    links = "\n".join(f'<li class="mi"><a href="{escape(href)}">{_text(name)}</a></li>' for href, name in items)
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
    return _module(COUNTER_MODULE, "Counter", "Số lượt truy cập", inner)


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
    return _module(m, "UsersOnline", "Người dùng Online", inner)


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
    return _module(LINKS_MODULE, "Links", "Liên kết", inner)


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
\tLHH Long An &gt; {_text(tab_title)}
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


# --- article page --------------------------------------------------------------------


def _paragraph(item: Article, text: str, tail: str = "") -> str:
    """One body paragraph as a word processor pastes it; its lines joined by ``<br />``.

    Odd CmsIds get Word markup (MsoNormal, 13pt spans, ``<o:p>``), even ones an HTML
    editor's plain justified paragraphs."""
    lines = text.split("\n")
    if item.cms_id % 2:
        span = '<span style="font-size:13.0pt;line-height:115%;font-family:&quot;Times New Roman&quot;,serif">'
        inner = "<br />".join(_word_line(span, line) for line in lines)
        return f'<p class="MsoNormal" style="text-align:justify;margin-bottom:6.0pt">{inner}{tail}<o:p></o:p></p>'
    inner = "<br />".join(_inline(line) for line in lines)
    return f'<p style="text-align: justify;">{inner}{tail}</p>'


def _word_line(span: str, line: str) -> str:
    """A line split over two spans at its first comma, the way Word breaks runs."""
    head, comma, rest = line.partition(", ")
    if not comma or LINK.search(line):
        return f"{span}{_inline(line)}</span>"
    return f"{span}{_inline(head + comma)}</span>{span}{_inline(rest)}</span>"


def _image(item: Article, index: int) -> str:
    image = item.images[index]
    src = image.path if (item.cms_id + index) % 2 else image.path.lstrip("/")
    return (
        f'<p style="text-align: center;"><img src="{escape(src)}" alt="{escape(image.alt)}" '
        f'title="{escape(image.alt)}" width="450" height="300" border="0" /></p>'
    )


def _byline(item: Article) -> tuple[str, str]:
    """The byline: either after a ``<br />`` in the last paragraph, or its own line.
    Returns (tail for the last paragraph, block after it)."""
    if item.byline is None:
        return "", ""
    text = _text(item.byline.text)
    style = item.cms_id % 3
    if style == 2:
        return f"<br /><strong>{text}</strong>", ""
    if style == 1:
        return "", f'<p class="MsoNormal" align="right" style="text-align:right"><b><i>{text}</i></b><o:p></o:p></p>'
    return "", f'<p style="text-align: right;"><strong>{text}</strong></p>'


def _body(item: Article) -> str:
    tail, after = _byline(item)
    blocks = []
    last = len(item.body) - 1
    for i, text in enumerate(item.body):
        blocks.append(_paragraph(item, text, tail if i == last else ""))
        if i == 0:
            blocks += [_image(item, k) for k in range(len(item.images))]
        elif item.cms_id % 4 == 1 and i < last:
            blocks.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
    if after:
        blocks.append(after)
    return "\n".join(blocks)


def _attachments(item: Article) -> str:
    if not item.attachments:
        return ""
    links = "<br />".join(
        f'<a href="{escape(quote(a.path))}" target="_blank">{_text(a.label)} ({escape(a.path.rsplit("/", 1)[-1])})</a>'
        for a in item.attachments
    )
    return f'<div class="FileDinhKem"><b>File đính kèm:</b><br />{links}</div>'


def _related(item: Article) -> str:
    rows = "".join(
        f'<li><a class="TinKhacLink" href="{article_href(other, other.cms_id + 1)}">{_text(other.title)}</a> '
        f'<span class="DateTinKhac">({date_vn(other.published)})</span></li>'
        for other in related(item)
    )
    return f'<div class="TinKhac"><div class="TinKhacTitle">Các tin khác:</div><ul>{rows}</ul></div>'


def article_page(skin: Skin, item: Article, action: str) -> str:
    cat = category(item.tabid)
    m = cat.module_id
    inner = (
        f'<div class="ChiTietTin">\n<div class="TieuDeTin"><span id="dnn_ctr{m}_ChiTiet_lblTieuDe" class="Title">'
        f'{_text(item.title)}</span> <span id="dnn_ctr{m}_ChiTiet_lblNgay" class="Date">'
        f"{date_vn(item.published)}</span></div>\n"
        f'<div id="dnn_ctr{m}_ChiTiet_pnlNoiDung" class="NoiDung">\n{_body(item)}\n</div>\n'
        f"{_attachments(item)}\n{_related(item)}\n"
        '<div class="Tools"><a href="javascript:window.print()">In bài</a> | '
        '<a href="javascript:void(0)" onclick="history.back()">Trở về</a></div>\n</div>'
    )
    content = _module(m, "CMS_TinTuc", cat.name, inner)
    return document(skin, tab_title=cat.name, action=action, state_key=action, content=content)


def missing_article_page(skin: Skin, cat: Category, action: str) -> str:
    """What DNN answers, with 200, for a CmsId it does not know."""
    inner = '<div class="ChiTietTin"><span class="ThongBao">Tin không tồn tại</span></div>'
    content = _module(cat.module_id, "CMS_TinTuc", cat.name, inner)
    return document(skin, tab_title=cat.name, action=action, state_key=action, content=content)


# --- list pages ----------------------------------------------------------------------


def summary(item: Article) -> str:
    """The teaser under a list entry: the first line, cut at a word near SUMMARY_CHARS."""
    first = plain(item.body[0].split("\n")[0]).strip("\xa0 ")
    if len(first) <= SUMMARY_CHARS:
        return first
    return first[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " ..."


def _entry(item: Article, variant: int) -> str:
    href = article_href(item, variant)
    thumb = ""
    if item.images:
        thumb = (
            f'<a href="{href}"><img class="AnhDaiDien" src="{escape(item.images[0].path)}" width="120" alt="" /></a>'
        )
    return (
        f'<div class="TinItem">{thumb}<a class="TieuDe" href="{href}">{_text(item.title)}</a> '
        f'<span class="Date">({date_vn(item.published)})</span>\n'
        f'<div class="TomTat">{_text(summary(item))}</div></div>'
    )


def postback_target(cat: Category, page: int) -> str:
    """The pager repeater's control for a page number (item 0 is its header)."""
    return f"dnn$ctr{cat.module_id}$ListNews$rptPager$ctl{page:02d}$lnkPage"


def _postback(target: str, argument: str = "") -> str:
    return escape(f"javascript:__doPostBack('{target}','{argument}')")


def _pager(cat: Category, page: int) -> str:
    """Numbered pages and prev/next, as plain links, postbacks, or numbers by link and
    prev/next by postback, depending on the category."""
    pages = page_count(cat.tabid)
    if pages == 1:
        return ""
    prefix = f"dnn$ctr{cat.module_id}$ListNews"

    def number(n: int) -> str:
        if n == page:
            return f'<span class="CurrentPage">{n}</span>'
        href = (
            _postback(postback_target(cat, n))
            if cat.paging == "postback"
            else escape(f"/Default.aspx?tabid={cat.tabid}&Page={n}")
        )
        return f'<a class="PageLink" href="{href}">{n}</a>'

    def step(n: int, label: str, name: str) -> str:
        if cat.paging == "links":
            href = escape(f"/Default.aspx?tabid={cat.tabid}&Page={n}")
        else:
            href = _postback(f"{prefix}${name}", str(n))
        return f'<a id="dnn_ctr{cat.module_id}_ListNews_{name}" class="PageLink" href="{href}">{label}</a>'

    parts = ["Trang:"]
    if page > 1:
        parts.append(step(page - 1, "« Trước", "lnkPrev"))
    parts += [number(n) for n in range(1, pages + 1)]
    if page < pages:
        parts.append(step(page + 1, "Sau »", "lnkNext"))
    return f'<div class="Pager">{" ".join(parts)}</div>'


def list_page_html(skin: Skin, cat: Category, page: int, action: str) -> str:
    items = list_page(cat.tabid, page)
    entries = (
        "\n".join(_entry(item, item.cms_id + page) for item in items) or '<div class="ThongBao">Chưa có tin.</div>'
    )
    inner = f'<div class="ListNews">\n{entries}\n{_pager(cat, page)}\n</div>'
    content = _module(cat.module_id, "CMS_TinTuc", cat.name, inner)
    return document(skin, tab_title=cat.name, action=action, state_key=f"{action}#{page}", content=content)


# --- home, static and other pages ------------------------------------------------------


def home_page(skin: Skin, action: str) -> str:
    modules = []
    for i, cat in enumerate(CATEGORIES):
        rows = "".join(
            f'<li><a href="{article_href(item, item.cms_id + 2)}">{_text(item.title)}</a> '
            f'<span class="Date">({date_vn(item.published)})</span></li>'
            for item in articles_in(cat.tabid)[:5]
        )
        more = f'<div class="XemTiep"><a href="/Default.aspx?tabid={cat.tabid}">Xem tiếp »</a></div>'
        modules.append(_module(1300 + i, "CMS_TinMoi", cat.name, f'<ul class="TinMoi">{rows}</ul>{more}'))
    return document(skin, tab_title="Trang chủ", action=action, state_key=action, content="\n".join(modules))


def static_page_html(skin: Skin, page: StaticPage, action: str) -> str:
    paragraphs = []
    for text in page.body:
        inner = "<br />".join(_inline(line) for line in text.split("\n"))
        if text.isupper():
            inner = f"<strong>{inner}</strong>"
        paragraphs.append(f'<p style="text-align: justify;">{inner}</p>')
    inner = f'<div id="dnn_ctr{page.module_id}_HtmlModule_lblContent" class="Normal">\n' + "\n".join(paragraphs)
    content = _module(page.module_id, "DNN_HTML", page.title, inner + "\n</div>")
    return document(skin, tab_title=page.title, action=action, state_key=action, content=content)


def login_page(skin: Skin, action: str) -> str:
    inner = (
        '<table class="Login"><tr><td>Tên đăng nhập:</td><td><input name="dnn$ctr$Login$txtUsername" type="text" />'
        '</td></tr><tr><td>Mật khẩu:</td><td><input name="dnn$ctr$Login$txtPassword" type="password" /></td></tr>'
        "<tr><td></td><td><a href=\"javascript:__doPostBack('dnn$ctr$Login$cmdLogin','')\">Đăng nhập</a></td></tr>"
        "</table>"
    )
    content = _module(1, "Authentication", "Đăng nhập", inner)
    return document(skin, tab_title="Đăng nhập", action=action, state_key=action, content=content)


def not_found_page() -> str:
    """IIS's own 404 page: DNN never sees an unknown path."""
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>\n'
        "<title>404 - File or directory not found.</title>\n</head>\n<body>\n"
        '<div id="header"><h1>Server Error</h1></div>\n<div id="content"><div class="content-container"><fieldset>\n'
        "<h2>404 - File or directory not found.</h2>\n"
        "<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily "
        "unavailable.</h3>\n</fieldset></div></div>\n</body>\n</html>\n"
    )
