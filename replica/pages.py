"""DotNetNuke-style HTML of the replica's pages: data in, HTML string out.

The markup follows what is known of the real portal (PORTAL.md): one ASP.NET form
around the page with ``__VIEWSTATE`` and ``__doPostBack``, DNN skin panes and module
wrappers, the header clock, the digit-image visit counter and the UsersOnline widget.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape

from replica.content import CATEGORIES, HOME_TAB, STATIC_PAGES, ArticleData, Category

VN_TZ = timezone(timedelta(hours=7))
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
PAGE_SIZE = 5


@dataclass
class Widgets:
    visits: int = 1234567
    guests: int = 3
    members: int = 0

    @property
    def total(self) -> int:
        return self.guests + self.members


def clock(now: datetime | None = None) -> str:
    """DNN's current-date skin object in Vietnamese: no space after the comma."""
    now = (now or datetime.now(VN_TZ)).astimezone(VN_TZ)
    return f"{WEEKDAYS[now.weekday()]},{now:%d/%m/%Y %H:%M}"


def article_href(article: ArticleData, variant: int = 0) -> str:
    """Article links as DNN writes them: mostly canonical, sometimes reordered or with extras."""
    n, t = article.cms_id, article.tabid
    return (
        f"/Default.aspx?tabid={t}&amp;ChiTiet=True&amp;CmsId={n}",
        f"/Default.aspx?CmsId={n}&amp;tabid={t}&amp;ChiTiet=True&amp;mid=1234",
        f"Default.aspx?tabid={t}&amp;ChiTiet=True&amp;cmsid={n}",
    )[variant % 3]


def _viewstate(key: str) -> str:
    return base64.b64encode(hashlib.sha256(key.encode()).digest() * 3).decode()


def _menu() -> str:
    items = [f'<li><a href="/Default.aspx?tabid={HOME_TAB}">Trang chủ</a></li>']
    items += [f'<li><a href="/Default.aspx?tabid={c.tabid}">{escape(c.name)}</a></li>' for c in CATEGORIES]
    items += [f'<li><a href="/Default.aspx?tabid={p.tabid}">{escape(p.title)}</a></li>' for p in STATIC_PAGES]
    items.append('<li><a href="https://vusta.vn/" target="_blank">Liên hiệp hội Việt Nam</a></li>')
    items.append('<li><a href="/admin/Login.aspx">Đăng nhập</a></li>')
    return f'<ul id="dnn_dnnNAV_ctldnnNAV" class="topmenu">{"".join(items)}</ul>'


def _counter(widgets: Widgets) -> str:
    digits = "".join(f'<img src="/Portals/0/counter/{d}.gif" alt="{d}" />' for d in str(widgets.visits))
    return (
        '<div class="DnnModule DnnModule-Counter"><div id="dnn_ctr455_ContentPane">'
        '<span id="dnn_ctr455_dnnTITLE_lblTitle" class="Head">Số lượt truy cập</span>'
        f'<div class="counter">{digits}</div></div></div>'
    )


def _users_online(widgets: Widgets) -> str:
    rows = (
        ("Thành Viên Online", "Thành Viên Online:", "", ""),
        ("Khách", "Khách:", "lblGuestCount", str(widgets.guests)),
        ("Thành Viên", "Thành Viên:", "lblMemberCount", str(widgets.members)),
        ("Tổng Số", "Tổng Cộng:", "lblTotalCount", str(widgets.total)),
    )
    cells = "".join(
        f'<tr><td><img src="/images/uo_{i}.gif" alt="{alt}" /></td><td class="Normal">{label}</td>'
        f'<td><span id="dnn_ctr456_UsersOnline_{lid}" class="NormalBold">{count}</span></td></tr>'
        if lid
        else f'<tr><td><img src="/images/uo_{i}.gif" alt="{alt}" /></td><td class="NormalBold" colspan="2">{label}</td></tr>'
        for i, (alt, label, lid, count) in enumerate(rows)
    )
    return (
        '<div class="DnnModule DnnModule-UsersOnline"><div id="dnn_ctr456_ContentPane">'
        '<span id="dnn_ctr456_dnnTITLE_lblTitle" class="Head">Người dùng Online</span>'
        f'<table class="UsersOnline" cellpadding="0" cellspacing="0">{cells}</table></div></div>'
    )


def layout(title: str, content: str, *, action: str, widgets: Widgets, now: datetime | None = None) -> str:
    """The skin every page shares; ``content`` goes into the content pane."""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi-VN">
<head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<meta name="GENERATOR" content="DotNetNuke " />
<title>{escape(title)} - Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An</title>
<link href="/Portals/_default/default.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">var dnn = {{}};</script>
</head>
<body id="Body">
<form name="Form" method="post" action="{action}" id="Form" enctype="multipart/form-data">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{_viewstate(action)}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['Form'];
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<div><input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" /></div>
<div id="dnn_wrapper">
  <div id="dnn_header">
    <span id="dnn_dnnCURRENTDATE_lblDate" class="DateToday">{clock(now)}</span>&nbsp;&nbsp;&nbsp;
    <marquee class="welcome">Chào mừng bạn đến với trang thông tin điện tử của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An !.</marquee>
  </div>
  <div id="dnn_menu">{_menu()}</div>
  <div id="dnn_search"><span class="SearchLabel">Tìm kiếm</span>
    <input name="dnn$dnnSEARCH$txtSearch" type="text" maxlength="255" id="dnn_dnnSEARCH_txtSearch" class="NormalTextBox" />
    <a id="dnn_dnnSEARCH_cmdSearch" class="SkinObject" href="javascript:__doPostBack('dnn$dnnSEARCH$cmdSearch','')">Tìm</a>
  </div>
  <table id="dnn_body" width="100%"><tr>
    <td id="dnn_LeftPane" class="LeftPane" valign="top">{_counter(widgets)}{_users_online(widgets)}</td>
    <td id="dnn_ContentPane" class="ContentPane" valign="top">{content}</td>
  </tr></table>
  <div id="dnn_footer">
    <p>Bản quyền thuộc Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An. Thư điện tử:
      <a href="mailto:lhhlongan@gmail.com">lhhlongan@gmail.com</a>
      | <a href="javascript:window.print()">In trang</a> | <a href="javascript:void(0)">Về đầu trang</a></p>
  </div>
</div>
</form>
</body>
</html>
"""


def _module(mid: int, title: str, inner: str, kind: str = "Text") -> str:
    return (
        f'<div class="DnnModule DnnModule-{kind} DnnModule-{mid}"><a name="{mid}"></a>'
        f'<div class="c_head"><span id="dnn_ctr{mid}_dnnTITLE_lblTitle" class="Head">{escape(title)}</span></div>'
        f'<div id="dnn_ctr{mid}_ContentPane" class="c_content">{inner}</div></div>'
    )


def _paragraph(lines: list[str]) -> str:
    return (
        '<p class="MsoNormal" style="text-align:justify"><span style="font-size:13pt;font-family:Times New Roman">'
        + "<br />".join(escape(line, quote=False) for line in lines)
        + "</span><o:p></o:p></p>"
    )


def article_page(article: ArticleData, category: Category, related: list[ArticleData], **kw) -> str:
    paragraphs = [list(p) for p in article.paragraphs]
    body = [_paragraph(p) for p in paragraphs]
    if article.inline_link:
        href, text = article.inline_link
        body[0] = body[0].replace("</span>", f' Xem thêm: <a href="{href}">{escape(text)}</a>.</span>', 1)
    for i, src in enumerate(article.images):
        image = f'<p style="text-align:center"><img src="{src}" alt="" width="500" border="0" /></p>'
        body.insert(min(1 + i, len(body)), image)
    for href in article.attachments:
        body.append(f'<p>File đính kèm: <a href="{href}">{escape(href.rsplit("/", 1)[-1])}</a></p>')
    if article.byline:
        body.append(f'<p class="MsoNormal" style="text-align:right"><b>{escape(article.byline)}</b></p>')
    others = "".join(
        f'<li><a href="{article_href(o, i)}">{escape(o.title)}</a> <span class="date">({o.published:%d/%m/%Y})</span></li>'
        for i, o in enumerate(related)
    )
    inner = (
        '<div class="news-detail">'
        f'<span class="Title">{escape(article.title)}</span> <span class="Date">{article.published:%d/%m/%Y}</span>'
        f'<div class="news-content">{"".join(body)}</div>'
        f'<div class="other-news"><span class="other-title">Các tin khác:</span><ul>{others}</ul></div></div>'
    )
    action = f"/Default.aspx?tabid={article.tabid}&amp;ChiTiet=True&amp;CmsId={article.cms_id}"
    return layout(article.title, _module(1234, category.name, inner, "NewsDetail"), action=action, **kw)


def _summary(article: ArticleData) -> str:
    text = article.paragraphs[0][0]
    return escape(text[:160].rsplit(" ", 1)[0] + "...")


def _pager(category: Category, page: int, pages: int) -> str:
    links = []
    for n in range(1, pages + 1):
        if n == page:
            links.append(f'<span class="pager-current">{n}</span>')
        elif category.paging == "postback":
            target = f"dnn$ctr{1240 + category.tabid % 10}$ListNews$rptPager$ctl{n:02d}$lnkPage"
            links.append(f"<a href=\"javascript:__doPostBack('{target}','')\">{n}</a>")
        else:
            links.append(f'<a href="/Default.aspx?tabid={category.tabid}&amp;Page={n}">{n}</a>')
    if category.paging == "both" and page < pages:
        target = f"dnn$ctr{1240 + category.tabid % 10}$ListNews$lnkNext"
        links.append(f"<a href=\"javascript:__doPostBack('{target}','Page${page + 1}')\">Trang sau »</a>")
    return f'<div class="pager">Trang: {" ".join(links)}</div>'


def list_page(category: Category, articles: list[ArticleData], page: int, **kw) -> str:
    newest = sorted(articles, key=lambda a: a.cms_id, reverse=True)
    pages = max(1, -(-len(newest) // PAGE_SIZE))
    shown = newest[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    items = "".join(
        '<div class="news-item">'
        f'<a class="news-title" href="{article_href(a, i)}">{escape(a.title)}</a> '
        f'<span class="date">({a.published:%d/%m/%Y})</span>'
        f'<div class="summary">{_summary(a)}</div></div>'
        for i, a in enumerate(shown)
    )
    inner = f'<div class="news-list">{items}</div>{_pager(category, page, pages)}'
    action = f"/Default.aspx?tabid={category.tabid}"
    return layout(
        category.name, _module(1240 + category.tabid % 10, category.name, inner, "NewsList"), action=action, **kw
    )


def home_page(articles: list[ArticleData], **kw) -> str:
    modules = []
    for category in CATEGORIES:
        latest = sorted((a for a in articles if a.tabid == category.tabid), key=lambda a: -a.cms_id)[:4]
        items = "".join(
            f'<li><a href="{article_href(a)}">{escape(a.title)}</a> <span class="date">({a.published:%d/%m/%Y})</span></li>'
            for a in latest
        )
        more = f'<a class="more" href="/Default.aspx?tabid={category.tabid}">Xem tiếp</a>'
        modules.append(_module(1300 + category.tabid % 10, category.name, f"<ul>{items}</ul>{more}", "NewsHome"))
    return layout("Trang chủ", "".join(modules), action=f"/Default.aspx?tabid={HOME_TAB}", **kw)


def static_page(tabid: int, **kw) -> str:
    page = next(p for p in STATIC_PAGES if p.tabid == tabid)
    inner = "".join(_paragraph([p]) for p in page.paragraphs)
    return layout(
        page.title, _module(1400 + tabid % 10, page.title, inner), action=f"/Default.aspx?tabid={tabid}", **kw
    )


def missing_article(tabid: int, cms_id: int, **kw) -> str:
    inner = '<div class="news-detail"><span class="Normal">Tin không tồn tại hoặc đã bị xóa.</span></div>'
    action = f"/Default.aspx?tabid={tabid}&amp;ChiTiet=True&amp;CmsId={cms_id}"
    return layout("Tin tức", _module(1234, "Tin tức", inner, "NewsDetail"), action=action, **kw)


def login_page(**kw) -> str:
    return layout("Đăng nhập", _module(1500, "Đăng nhập", "<p>Tên đăng nhập</p>"), action="/admin/Login.aspx", **kw)


def not_found_page() -> str:
    return "<html><head><title>404</title></head><body><h1>404 - Không tìm thấy trang</h1></body></html>"


# --- Other copies of a page, for parser tests ----------------------------------------

WAYBACK_TOOLBAR = """<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script src="/_static/js/wombat.js" type="text/javascript"></script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css" />
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="wm-ipp-inside"><div id="wm-capinfo">Thứ Năm,18/04/2024 06:32 captured 18 Apr 2024 · 12 captures
<a href="/web/20240101000000*/lavusta.longan.gov.vn">1 Jan 2024 - 18 Apr 2024</a> Khách: 99</div>
<p>The Wayback Machine - https://web.archive.org/web/{ts}/{url}</p></div></div></div>
<!-- END WAYBACK TOOLBAR INSERT -->"""


def wayback_copy(html: str, original_url: str, timestamp: str = "20240418063200") -> str:
    """The page as the Wayback Machine serves it: its toolbar, every link rewritten."""
    origin = re.match(r"https?://[^/]+", original_url).group(0)

    def rewrite(m: re.Match) -> str:
        attr, url = m.group(1), m.group(2)
        if url.startswith(("javascript:", "mailto:", "#")):
            return m.group(0)
        if url.startswith("/"):
            url = origin + url
        elif not url.startswith("http"):
            url = f"{origin}/{url}"
        kind = "im_" if attr == "src" else ""
        return f'{attr}="/web/{timestamp}{kind}/{url}"'

    html = re.sub(r'(href|src|action)="([^"]*)"', rewrite, html)
    toolbar = WAYBACK_TOOLBAR.format(ts=timestamp, url=original_url)
    return html.replace('<body id="Body">', f'<body id="Body">\n{toolbar}', 1)


def old_design_article(article: ArticleData, category: Category) -> str:
    """An article as the site's earlier, table-based design showed it: no DNN ids at all."""
    body = "".join(f"<tr><td class='text'>{'<br>'.join(escape(x) for x in p)}</td></tr>" for p in article.paragraphs)
    byline = f"<tr><td align='right'><i>{escape(article.byline)}</i></td></tr>" if article.byline else ""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(article.title)}</title></head><body>
<table width="780" align="center"><tr><td colspan="2">
<font face="Arial" size="1">{clock(datetime(2019, 3, 15, 9, 5, tzinfo=VN_TZ))}</font></td></tr>
<tr><td width="180" valign="top"><table><tr><td><b>Số lượt truy cập:</b> 1.234.567</td></tr>
<tr><td><a href="/Default.aspx?tabid={category.tabid}">{escape(category.name)}</a></td></tr></table></td>
<td valign="top"><table width="100%">
<tr><td class="cat"><font color="#003399"><b>{escape(category.name)}</b></font></td></tr>
<tr><td class="ngay">Cập nhật: {article.published:%d/%m/%Y}</td></tr>
<tr><td class="tieude"><font size="3"><b>{escape(article.title)}</b></font></td></tr>
{body}{byline}
<tr><td><b>Các tin đã đưa</b></td></tr>
<tr><td><a href="/Default.aspx?tabid={category.tabid}&ChiTiet=True&CmsId=600">Tin cũ (15/01/2019)</a></td></tr>
</table></td></tr></table>
<center>Copyright © 2008 LHH Long An</center></body></html>"""
