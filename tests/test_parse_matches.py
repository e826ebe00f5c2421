"""The remembered line patterns answer as the patterns do, and their caches stay bounded."""

from __future__ import annotations

import random

from scraper.parsers import matches, site

LINES = [
    "Đăng ngày 19/12/2023 | 16:05 \xa0  2.650 lượt xem",
    "Thời gian: Thứ ba, 19/12/2023 - 16:05 Lượt xem: 2.046",
    "Ngày đăng: 25/12/2023",
    "(25/12/2023)",
    "Thứ Năm,18/04/2024 13:32",
    "Thứ Ba, 11/03/2025 | Cập nhật lúc 14:27",
    "Các tin khác:",
    "File đính kèm",
    "Bản quyền © 2024",
    "breadcrumb-item active",
    "Hội nghị tổng kết năm 2023",
    "",
]


def _samples() -> list[str]:
    rng = random.Random(14)
    pieces = [*LINES, " ", "/", ":", "-", "12", "2023", "lúc", "GMT+7", "Trang chủ", "duong-dan"]
    return LINES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(2000)]


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    return a.group(0, "date") == b.group(0, "date") and a.span() == b.span()  # type: ignore[attr-defined]


def test_matches_answer_as_the_patterns() -> None:
    for text in _samples():
        assert _same(matches.meta_date(text), site.META_DATE.match(text))
        assert _same(matches.labelled_date(text), site.LABELLED_DATE.search(text))
        assert _same(matches.date_only(text), site.DATE_ONLY.match(text))
        assert matches.body_end(text) == bool(site.BODY_END.match(text))
        assert matches.related_label(text) == bool(site.RELATED_LABEL.match(text))
        assert matches.clock_hint(text) == bool(site.CLOCK_HINT.search(text))
        assert matches.breadcrumb_markup(text) == bool(site.BREADCRUMB_MARKUP.search(text))


def test_caches_are_bounded() -> None:
    for f in (matches.meta_date, matches.labelled_date, matches.body_end, matches.breadcrumb_markup):
        assert f.cache_info().maxsize is not None
