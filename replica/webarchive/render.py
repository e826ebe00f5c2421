"""Pages of the portal as they looked at a given moment, in the design of that time.

The current design is replica/skin.py with each capture's own clock and widget numbers;
the 2019 design and the DNN 5 design come from replica/designs. The 2019 design prints
the day of the visit and its own counter as text, so its header date and counter number
are set to the capture's; the DNN 5 design's clock and widgets are fixed (its facts in
replica/designs/truth.py), so it is only captured in the minute its clock shows.
"""

from __future__ import annotations

from datetime import date, datetime

from replica import pages
from replica.content import CATEGORIES, Article, articles_in, category
from replica.designs import design2019, dnn5
from replica.designs.parts import dmy, grouped, text, weekday
from replica.designs.truth import FACTS, Page
from replica.skin import Skin, document, module, text_html

HOME_ITEMS = 5  # articles per category on the home page


def on_home(day: date, titles: dict[int, str], gone: frozenset[int]) -> dict[int, list[tuple[Article, str]]]:
    """Each category's newest articles published by ``day``, with the title they then had."""
    return {
        cat.tabid: [
            (item, titles.get(item.cms_id, item.title))
            for item in articles_in(cat.tabid)
            if item.published <= day and item.cms_id not in gone
        ][:HOME_ITEMS]
        for cat in CATEGORIES
    }


def current_home(skin: Skin, action: str, listed: dict[int, list[tuple[Article, str]]]) -> bytes:
    """The current design's home page: one "news" module per category, as pages.home_page builds it."""
    modules = []
    for i, cat in enumerate(CATEGORIES):
        rows = "".join(
            f'<li><a href="{pages.article_href(item, item.cms_id + 2)}">{text_html(title)}</a> '
            f'<span class="Date">({pages.date_vn(item.published)})</span></li>'
            for item, title in listed[cat.tabid]
        )
        more = f'<div class="XemTiep"><a href="/Default.aspx?tabid={cat.tabid}">Xem tiếp »</a></div>'
        modules.append(module(1300 + i, "CMS_TinMoi", cat.name, f'<ul class="TinMoi">{rows}</ul>{more}'))
    html = document(skin, tab_title="Trang chủ", action=action, state_key=action, content="\n".join(modules))
    return html.encode("utf-8")


def current_article(skin: Skin, item: Article, action: str) -> bytes:
    return pages.article_page(skin, item, action).encode("utf-8")


def current_missing(skin: Skin, tabid: int, action: str) -> bytes:
    cat = category(tabid)
    assert cat is not None
    return pages.missing_article_page(skin, cat, action).encode("utf-8")


def current_list(skin: Skin, tabid: int, action: str) -> bytes:
    cat = category(tabid)
    assert cat is not None
    return pages.list_page_html(skin, cat, 1, action).encode("utf-8")


def _swap(html: str, old: str, new: str) -> str:
    assert html.count(old) == 1, old
    return html.replace(old, new)


def design2019_article(cms_id: int, day: date, visits: int) -> bytes:
    """A corpus article in the 2019 design, its header date and counter those of ``day``."""
    html = design2019.render(Page("article", cms_id)).decode("utf-8")
    fixed = design2019.HEADER_DATE
    html = _swap(html, f"{weekday(fixed)}, {dmy(fixed)}", f"{weekday(day)}, {dmy(day)}")
    html = _swap(html, f"<b>{grouped(FACTS['design2019'].visitors['visits'])}</b>", f"<b>{grouped(visits)}</b>")
    return html.encode("utf-8")


def dnn5_page(kind: str, key: int) -> bytes:
    """A page of the DNN 5 corpus layout (article, list, page or missing), as it renders it."""
    return dnn5.render(Page(kind, key))


def dnn5_home(listed: dict[int, list[tuple[Article, str]]]) -> bytes:
    """A home page in the DNN 5 design: one container per category with its newest articles."""
    containers = []
    for i, cat in enumerate(CATEGORIES):
        rows = "".join(
            f'<tr><td><a class="TieuDeTin" href="/Default.aspx?tabid={item.tabid}&amp;ChiTiet=True&amp;'
            f'CmsId={item.cms_id}">{text(title)}</a> <font class="NgayThang">({dmy(item.published)})</font></td></tr>'
            for item, title in listed[cat.tabid]
        )
        more = f'<a href="/Default.aspx?tabid={cat.tabid}">Xem tiếp »</a>'
        inner = f'<table class="TinMoi" width="100%">{rows}</table><div align="right">{more}</div>'
        containers.append(dnn5._container(1300 + i, cat.name, inner))
    return dnn5._document("Trang chủ", "\n".join(containers))


DNN5_CLOCK: datetime = FACTS["dnn5"].clock or datetime.min
