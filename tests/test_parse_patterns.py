"""The line patterns written for the regex engine match as their plain spellings do.

Possessive quantifiers ("*+", "++", "?+", "{m,n}+") and look-aheads of first letters are
there for speed only: with every possessive quantifier made greedy, and the look-ahead
dropped, each pattern must find the same span and the same groups on every line.
"""

from __future__ import annotations

import random
import re

import pytest

from scraper.parsers import site, widgets

# A quantifier followed by "+" (possessive); no pattern here has an escaped "+" before a quantifier.
_POSSESSIVE = re.compile(r"(?<!\\)([*+?}])\+")

PIECES = [
    "Ngày đăng", "Đăng ngày", "Ngày đăng tin", "Đăng lúc", "Xuất bản", "Thời gian", "Ngày", "Ngày cập nhật",
    "Cập nhật lúc", "Cập nhật", "Sửa đổi lần cuối", "NGÀY ĐĂNG", "Thứ hai", "Thứ 7", "Thứ", "Chủ nhật", "Chủ",
    "CN", "08:15", "8h15", "08:15:30", "lúc 08:15", "lúc", "AM", "CH", "Ch", "-", ",", "|", "–", "(", ")", "[",
    "]", ":", "·", "25/12/2023", "5/1/23", "25.12.2023", "25-12-2023", "2023-12-25", "2023-12-25T08:15:00+07:00",
    "2023-12-25T08:15-07:00", "PM", "1/1/1212", "25/12/202", "2023", "12", "2.650", "GMT+7", "(GMT+07)",
    "Lượt xem: 245", "2.650 lượt xem", "Số lần xem", "Đã xem", "lượt truy cập", "Thống kê truy cập",
    "Tổng truy cập", "hôm nay", "Hôm qua", "Trong tuần", "tháng", "ſ", "K", "ı", "Tổng kết hoạt động năm 2023",
    "(2022 - 2023)", "x",
]  # fmt: skip
SPACES = ["", " ", " ", "  ", "\xa0", "\t", "\n", " \xa0  "]


def _lines() -> list[str]:
    rng = random.Random(7)
    lines = [  # the ways back the fast spellings keep: a longer label, a year, "CH" before "Chủ", an ISO zone
        "Đăng ngày 19/12/2023 | 16:05 \xa0  2.650 lượt xem",
        "Thời gian: Thứ ba, 19/12/2023 - 16:05 Lượt xem: 2.046",
        "Ngày đăng: 17/06/2024 10:42 | Lượt xem: 386",
        "08:15 Chủ nhật, 25/12/2023",
        "Cập nhật lúc 08:15 25/12/2023",
        "1/1/2023:15",
        "Ngày đăng tin: 25/12/2023",
        "2023-12-25T08:15-07:00 PM",
        "Liên hiệp Hội tỉnh phản biện Đề án phát triển cây ăn trái chủ lực đến năm 2030 17/06/2024",
    ]
    for _ in range(2000):
        lines.append("".join(rng.choice(SPACES) + rng.choice(PIECES) for _ in range(rng.randint(1, 8))))
    return lines


def _plain(pattern: re.Pattern[str], lookahead: str = "") -> re.Pattern[str]:
    assert pattern.pattern.startswith(lookahead)
    return re.compile(_POSSESSIVE.sub(r"\1", pattern.pattern[len(lookahead) :]), pattern.flags)


FAST = {
    "META_DATE": site.META_DATE,
    "DATE_ONLY": site.DATE_ONLY,
    "LABELLED_DATE": site.LABELLED_DATE,
    "TIME_ONLY": site.TIME_ONLY,
    "TITLE_WITH_DATE": site.TITLE_WITH_DATE,
    "META_SEPARATORS": site.META_SEPARATORS,
    "VISITS_LABEL": site.VISITS_LABEL,
    "VIEWS": site.VIEWS,
    "PERIOD_WORDS": widgets._PERIOD_WORDS,
}
PLAIN = {
    "META_DATE": _plain(site.META_DATE),
    "DATE_ONLY": _plain(site.DATE_ONLY),
    "LABELLED_DATE": _plain(site.LABELLED_DATE),
    "TIME_ONLY": _plain(site.TIME_ONLY),
    "TITLE_WITH_DATE": re.compile(r"^(?P<title>.*?\S)\s*[-–—(\[]?\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*[)\]]?\s*$"),
    "META_SEPARATORS": re.compile(r"\s(?:\s*[|·•]\s+|\s{2,})"),
    "VISITS_LABEL": _plain(site.VISITS_LABEL, "(?=[lt])"),
    "VIEWS": _plain(site.VIEWS, r"(?=[lsđ\d])"),
    "PERIOD_WORDS": _plain(widgets._PERIOD_WORDS, "(?=[ht])"),
}


def _found(m: re.Match[str] | None) -> object:
    return None if m is None else [m.span(i) for i in range(m.re.groups + 1)]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_pattern_matches_as_its_plain_spelling(name: str) -> None:
    fast, plain = FAST[name], PLAIN[name]
    assert fast.groupindex == plain.groupindex
    for line in _lines():
        assert _found(fast.match(line)) == _found(plain.match(line)), line
        assert _found(fast.search(line)) == _found(plain.search(line)), line
        assert fast.split(line) == plain.split(line), line
