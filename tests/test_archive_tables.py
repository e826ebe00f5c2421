"""``scraper.archive``: the record files as typed pandas tables.

The archive is real: the replica's web archive imported by ``scrapy crawl history``, then
the replica crawled live by ``scrapy crawl portal``, into one folder. Expected values are
the replica's truth (replica/truth.py, replica/webarchive/truth.py), never the code's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from replica.server import serve
from replica.truth import expected_articles, expected_pages, expected_visitors
from replica.webarchive import truth as webarchive
from replica.webarchive.wayback import serve as serve_wayback
from scraper import archive
from tests.conftest import ROOT, run_crawl
from tests.test_history import run_history

TABLES = {
    "articles": archive.articles,
    "versions": archive.versions,
    "pages": archive.pages,
    "visitors": archive.visitors,
}


def crawl_replica_and_its_history(folder: Path) -> str:
    """Fill ``folder`` as a user would: web-archive captures first, then a live crawl; the live base URL."""
    wayback = serve_wayback()
    try:
        run = run_history(folder, "-a", f"cdx={wayback.url}cdx/search/cdx", "-a", f"replay={wayback.url}web/")
        assert run.returncode == 0, run.stderr[-3000:]
    finally:
        wayback.shutdown()
    replica = serve()
    try:
        run = run_crawl(replica.url, folder)
        assert run.returncode == 0, run.stderr[-3000:]
    finally:
        replica.shutdown()
    return replica.url


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("tables")
    return folder, crawl_replica_and_its_history(folder)


@pytest.fixture(scope="module")
def articles(crawled) -> pd.DataFrame:
    return archive.articles(crawled[0])


def live(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["fetched_from"] == "live"]


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("UTC")


def test_every_live_article_is_a_row_with_its_cms_id_as_an_integer(articles, crawled):
    rows = live(articles)
    assert rows["cms_id"].dtype == "Int64"
    assert sorted(rows["url"]) == sorted(e["url"] for e in expected_articles(crawled[1]))
    assert sorted(rows["cms_id"].tolist()) == sorted(e["cms_id"] for e in expected_articles(crawled[1]))


def test_published_is_the_calendar_day_the_page_states(articles, crawled):
    assert articles["published"].dtype == "datetime64[ns]"
    got = live(articles).set_index("url")["published"]
    for e in expected_articles(crawled[1]):
        assert got[e["url"]] == pd.Timestamp(e["published"])


def test_times_are_utc_datetimes(articles):
    for name in ("fetched_at", "captured_at", "version_seen", "first_seen", "removed_at"):
        assert articles[name].dtype == "datetime64[ns, UTC]", name
    assert live(articles)["fetched_at"].notna().all()
    assert live(articles)["captured_at"].isna().all()


def test_a_capture_keeps_its_capture_time(articles):
    captured = articles[articles["fetched_from"] == "web-archive"].set_index("cms_id")
    for number, entry in webarchive.ARTICLES.items():
        assert captured.loc[number, "version_seen"] == utc(entry["versions"][-1]["captured_at"])


def test_removed_at_is_a_time_not_a_float(articles):
    assert articles["removed_at"].dtype == "datetime64[ns, UTC]"
    gone = articles[articles["removed_at"].notna()].set_index("cms_id")["removed_at"]
    assert gone.to_dict() == {n: utc(r["removed_at"]) for n, r in webarchive.REMOVED.items()}


def test_page_clock_is_portal_time_with_its_zone(articles):
    clock = live(articles)["page_clock"]
    assert str(clock.dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]"
    assert all(t.utcoffset() == pd.Timedelta(hours=7) for t in clock)


def test_text_is_string_dtype(articles):
    for name in ("url", "title", "body", "category", "byline", "fetched_from"):
        assert articles[name].dtype == "string", name


def test_lists_and_maps_stay_python_objects(articles, crawled):
    rows = live(articles).set_index("url")
    for e in expected_articles(crawled[1]):
        assert rows.loc[e["url"], "author_initials"] == e["author_initials"]
        assert rows.loc[e["url"], "images"] == e["images"]
    assert all(isinstance(m, dict) for m in articles["normalized"])
    assert all(isinstance(d, list) for d in articles["documents"])


def test_views_are_nullable_integers(articles):
    assert articles["views"].dtype == "Int64"
    assert articles["version"].dtype == "Int64"


def test_versions_holds_every_captured_version_in_order(crawled):
    table = archive.versions(crawled[0])
    captured = table[table["url"].str.startswith("https://lavusta.longan.gov.vn/")]
    for number, entry in webarchive.ARTICLES.items():
        chain = captured[captured["cms_id"] == number]
        assert chain["version"].tolist() == list(range(1, len(entry["versions"]) + 1)), number
        assert chain["version_seen"].tolist() == [utc(v["captured_at"]) for v in entry["versions"]], number
        assert chain["current"].tolist() == [False] * (len(entry["versions"]) - 1) + [True], number


def test_an_earlier_version_says_until_when_it_was_seen(crawled):
    table = archive.versions(crawled[0])
    assert table["seen_until"].dtype == "datetime64[ns, UTC]"
    assert table.loc[~table["current"], "seen_until"].notna().all()
    assert table.loc[table["current"], "seen_until"].isna().all()


def test_visitors_hold_every_capture_and_the_live_run(crawled):
    table = archive.visitors(crawled[0])
    captured = table[table["fetched_from"] == "web-archive"]
    assert captured["captured_at"].tolist() == [utc(v["captured_at"]) for v in webarchive.VISITORS]
    assert captured["visits"].tolist() == [v["visits"] for v in webarchive.VISITORS]
    (now,) = live(table).to_dict("records")
    assert now["visits"] == expected_visitors()["visits"]
    assert now["online_total"] == expected_visitors()["online_total"]


def test_visitor_counts_are_nullable_integers(crawled):
    table = archive.visitors(crawled[0])
    for name in ("visits", "visits_today", "online_guests", "online_members", "online_total"):
        assert table[name].dtype == "Int64", name
    first = webarchive.VISITORS[0]  # a 2021 design without the online widget
    assert first["online_total"] is None
    assert table["online_total"].isna().iloc[0]


def test_a_captured_clock_reads_as_the_page_showed_it(crawled):
    table = archive.visitors(crawled[0])
    captured = table[table["fetched_from"] == "web-archive"]
    shown = [v["page_clock"] for v in webarchive.VISITORS]
    got = [None if pd.isna(t) else t.isoformat() for t in captured["page_clock"]]
    assert got == shown


def test_pages_are_the_replicas_text_pages(crawled):
    table = live(archive.pages(crawled[0]))
    assert sorted(table["title"]) == sorted(p["title"] for p in expected_pages(crawled[1]))
    assert table["fetched_at"].dtype == "datetime64[ns, UTC]"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_missing_file_gives_an_empty_table_with_the_same_dtypes(name, crawled, tmp_path):
    full, empty = TABLES[name](crawled[0]), TABLES[name](tmp_path)
    assert len(empty) == 0
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()


@pytest.mark.parametrize("name", sorted(TABLES))
def test_an_empty_file_gives_an_empty_table_with_the_same_dtypes(name, crawled, tmp_path):
    for file in ("articles", "versions", "pages", "visitors"):
        (tmp_path / f"{file}.jsonl").write_text("", encoding="utf-8")
    full, empty = TABLES[name](crawled[0]), TABLES[name](tmp_path)
    assert len(empty) == 0
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()


def test_a_line_that_is_no_record_is_skipped_with_a_warning(tmp_path):
    line = '{"url": "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743", "cms_id": 743}\n'
    (tmp_path / "articles.jsonl").write_text(line + '{"url": "https://lavusta.lo\n', encoding="utf-8")
    with pytest.warns(UserWarning, match="line 2"):
        table = archive.articles(tmp_path)
    assert table["cms_id"].tolist() == [743]


@pytest.mark.parametrize("name", ["articles", "pages", "visitors"])
def test_the_data_dictionary_states_each_columns_dtype(name, crawled):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (note,) = re.findall(rf"^pandas dtypes \(`archive\.{name}\(DIR\)`\): (.*?)\.(?: |$)", readme, re.MULTILINE)
    stated = {
        column: dtype
        for group in note.split("; ")
        for dtype, columns in [group.split("`: ", 1)]
        for column in re.findall(r"`(\w+)`", columns)
    }
    stated = {column: dtype.strip("`") for column, dtype in stated.items()}
    got = {column: str(dtype) for column, dtype in TABLES[name](crawled[0]).dtypes.items()}
    assert stated == got


def test_a_table_of_some_columns_keeps_their_dtypes(crawled):
    table = archive.articles(crawled[0], ["published", "cms_id", "removed_at"])
    assert list(table.columns) == ["cms_id", "published", "removed_at"]  # the data dictionary's order
    got = {name: str(dtype) for name, dtype in table.dtypes.items()}
    assert got == {"cms_id": "Int64", "published": "datetime64[ns]", "removed_at": "datetime64[ns, UTC]"}


def test_versions_of_some_columns_keep_what_orders_them(crawled):
    table = archive.versions(crawled[0], ["seen_until"])
    assert list(table.columns) == ["url", "cms_id", "version", "seen_until", "current"]


def test_an_unknown_column_is_an_error_not_an_empty_column(crawled):
    with pytest.raises(KeyError, match="no such column: bodyy"):
        archive.articles(crawled[0], ["bodyy"])
