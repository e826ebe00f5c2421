"""The replica's pages inside the DNN skin: articles, lists, home, static pages.

Word-processor paste, odd link forms and both kinds of pagers are here on purpose:
they are what a scraper of such a site has to cope with.
"""

from __future__ import annotations

from datetime import date
from html import escape
from urllib.parse import quote

from replica.content import (
    CATEGORIES,
    LINK,
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
from replica.skin import Skin, document, inline_html, module, text_html

SUMMARY_CHARS = 180


def date_vn(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def article_href(item: Article, variant: int) -> str:
    """An article link as DNN modules write them: the canonical form, or reordered
    parameters, an extra ``mid``, lower-case names, a relative path."""
    n, t = item.cms_id, item.tabid
    mid = category(t).module_id
    href = (
        f"/Default.aspx?tabid={t}&ChiTiet=True&CmsId={n}",
        f"/Default.aspx?tabid={t}&CmsId={n}&ChiTiet=True",
        f"/Default.aspx?tabid={t}&mid={mid}&ChiTiet=True&CmsId={n}",
        f"Default.aspx?tabid={t}&chitiet=true&cmsid={n}",
    )[variant % 4]
    return escape(href)


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
    inner = "<br />".join(inline_html(line) for line in lines)
    return f'<p style="text-align: justify;">{inner}{tail}</p>'


def _word_line(span: str, line: str) -> str:
    """A line split over two spans at its first comma, the way Word breaks runs."""
    head, comma, rest = line.partition(", ")
    if not comma or LINK.search(line):
        return f"{span}{inline_html(line)}</span>"
    return f"{span}{inline_html(head + comma)}</span>{span}{inline_html(rest)}</span>"


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
    text = text_html(item.byline.text)
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
        f'<a href="{escape(quote(a.path))}" target="_blank">{text_html(a.label)} ({escape(a.path.rsplit("/", 1)[-1])})</a>'
        for a in item.attachments
    )
    return f'<div class="FileDinhKem"><b>File đính kèm:</b><br />{links}</div>'


def _related(item: Article) -> str:
    rows = "".join(
        f'<li><a class="TinKhacLink" href="{article_href(other, other.cms_id + 1)}">{text_html(other.title)}</a> '
        f'<span class="DateTinKhac">({date_vn(other.published)})</span></li>'
        for other in related(item)
    )
    return f'<div class="TinKhac"><div class="TinKhacTitle">Các tin khác:</div><ul>{rows}</ul></div>'


def article_page(skin: Skin, item: Article, action: str) -> str:
    cat = category(item.tabid)
    m = cat.module_id
    inner = (
        f'<div class="ChiTietTin">\n<div class="TieuDeTin"><span id="dnn_ctr{m}_ChiTiet_lblTieuDe" class="Title">'
        f'{text_html(item.title)}</span> <span id="dnn_ctr{m}_ChiTiet_lblNgay" class="Date">'
        f"{date_vn(item.published)}</span></div>\n"
        f'<div id="dnn_ctr{m}_ChiTiet_pnlNoiDung" class="NoiDung">\n{_body(item)}\n</div>\n'
        f"{_attachments(item)}\n{_related(item)}\n"
        '<div class="Tools"><a href="javascript:window.print()">In bài</a> | '
        '<a href="javascript:void(0)" onclick="history.back()">Trở về</a></div>\n</div>'
    )
    content = module(m, "CMS_TinTuc", cat.name, inner)
    return document(skin, tab_title=cat.name, action=action, state_key=action, content=content)


def missing_article_page(skin: Skin, cat: Category, action: str) -> str:
    """What DNN answers, with 200, for a CmsId it does not know."""
    inner = '<div class="ChiTietTin"><span class="ThongBao">Tin không tồn tại</span></div>'
    content = module(cat.module_id, "CMS_TinTuc", cat.name, inner)
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
        f'<div class="TinItem">{thumb}<a class="TieuDe" href="{href}">{text_html(item.title)}</a> '
        f'<span class="Date">({date_vn(item.published)})</span>\n'
        f'<div class="TomTat">{text_html(summary(item))}</div></div>'
    )


def postback_target(cat: Category, page: int) -> str:
    """The pager repeater's control for a page number (item 0 is its header)."""
    return f"dnn$ctr{cat.module_id}$ListNews$rptPager$ctl{page:02d}$lnkPage"


def _postback(target: str, argument: str = "") -> str:
    """A postback href, quotes written as ASP.NET 4 writes them (``&#39;``)."""
    return f"javascript:__doPostBack(&#39;{target}&#39;,&#39;{argument}&#39;)"


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
    content = module(cat.module_id, "CMS_TinTuc", cat.name, inner)
    return document(skin, tab_title=cat.name, action=action, state_key=f"{action}#{page}", content=content)


# --- home, static and other pages ------------------------------------------------------


def home_page(skin: Skin, action: str) -> str:
    modules = []
    for i, cat in enumerate(CATEGORIES):
        rows = "".join(
            f'<li><a href="{article_href(item, item.cms_id + 2)}">{text_html(item.title)}</a> '
            f'<span class="Date">({date_vn(item.published)})</span></li>'
            for item in articles_in(cat.tabid)[:5]
        )
        more = f'<div class="XemTiep"><a href="/Default.aspx?tabid={cat.tabid}">Xem tiếp »</a></div>'
        modules.append(module(1300 + i, "CMS_TinMoi", cat.name, f'<ul class="TinMoi">{rows}</ul>{more}'))
    return document(skin, tab_title="Trang chủ", action=action, state_key=action, content="\n".join(modules))


def static_page_html(skin: Skin, page: StaticPage, action: str) -> str:
    paragraphs = []
    for text in page.body:
        inner = "<br />".join(inline_html(line) for line in text.split("\n"))
        if text.isupper():
            inner = f"<strong>{inner}</strong>"
        paragraphs.append(f'<p style="text-align: justify;">{inner}</p>')
    inner = f'<div id="dnn_ctr{page.module_id}_HtmlModule_lblContent" class="Normal">\n' + "\n".join(paragraphs)
    content = module(page.module_id, "DNN_HTML", page.title, inner + "\n</div>")
    return document(skin, tab_title=page.title, action=action, state_key=action, content=content)


def login_page(skin: Skin, action: str) -> str:
    inner = (
        '<table class="Login"><tr><td>Tên đăng nhập:</td><td><input name="dnn$ctr$Login$txtUsername" type="text" />'
        '</td></tr><tr><td>Mật khẩu:</td><td><input name="dnn$ctr$Login$txtPassword" type="password" /></td></tr>'
        "<tr><td></td><td><a href=\"javascript:__doPostBack('dnn$ctr$Login$cmdLogin','')\">Đăng nhập</a></td></tr>"
        "</table>"
    )
    content = module(1, "Authentication", "Đăng nhập", inner)
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
