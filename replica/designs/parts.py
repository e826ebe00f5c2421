"""Pieces every layout of the corpus writes in its own way: dates, numbers, the body's paragraphs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from html import escape

from replica.content import Article, StaticPage
from replica.designs.truth import PUBLISHED_AT
from replica.skin import inline_html, text_html

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
PORTAL_NAME = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An"


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def dmy(day: date, sep: str = "/") -> str:
    return f"{day:%d}{sep}{day:%m}{sep}{day:%Y}"


def published_at(item: Article) -> datetime:
    """The article's publication time of day, for layouts that show one."""
    return datetime.combine(item.published, PUBLISHED_AT[item.cms_id])


def grouped(number: int, sep: str = ".") -> str:
    """Thousands grouped: "1.234.567" the Vietnamese way, or "1,234,567"."""
    return f"{number:,}".replace(",", sep)


def text(value: str) -> str:
    """Escape text for HTML, a no-break space written as ``&nbsp;`` as editors write it."""
    return text_html(value)


def attr(value: str) -> str:
    return escape(value, quote=True)


def lines_html(paragraph: str) -> str:
    """A paragraph's lines joined by ``<br />``, inline links kept."""
    return "<br />".join(inline_html(line) for line in paragraph.split("\n"))


def body_html(
    item: Article,
    image: Callable[[str, str], str],
    paragraph: Callable[[str], str] = lambda inner: f"<p>{inner}</p>",
) -> str:
    """The body's paragraphs with its images after the first one, as every layout places them;
    ``image(src_path, alt)`` and ``paragraph(inner_html)`` give the layout's own markup."""
    blocks = []
    for i, value in enumerate(item.body):
        blocks.append(paragraph(lines_html(value)))
        if i == 0:
            blocks += [image(picture.path, picture.alt) for picture in item.images]
    return "\n".join(blocks)


def static_body_html(page: StaticPage, paragraph: Callable[[str], str] = lambda inner: f"<p>{inner}</p>") -> str:
    """A text page's paragraphs; its all-capitals headings in bold."""
    blocks = []
    for value in page.body:
        inner = lines_html(value)
        blocks.append(paragraph(f"<strong>{inner}</strong>" if value.isupper() else inner))
    return "\n".join(blocks)
