"""Archive files: merged without duplicates, CSV safe for spreadsheets, swapped in atomically."""

from __future__ import annotations

import json
import re
import tracemalloc

import pandas as pd
import pytest

from pipelines import store
from pipelines.archive import merge_into_archive
from scraper.items import Article, Visitors


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)"])
def test_csv_cell_that_starts_a_formula_is_neutralized(formula):
    assert store.csv_cell(formula) == "'" + formula


def test_csv_list_cells_are_json_that_splits_back():
    assert json.loads(store.csv_cell(["T.T.B", "L.V.H"])) == ["T.T.B", "L.V.H"]


def test_csv_list_cells_keep_names_with_the_old_separator_whole():
    assert json.loads(store.csv_cell(["Hội A | Hội B"])) == ["Hội A | Hội B"]


def test_csv_object_cells_are_json_with_every_key():
    cited = [{"kind": "Chương trình", "number": "38-Ctr/TU", "date": "2023-04-12"}, {"kind": "Luật", "number": "1/X"}]
    assert json.loads(store.csv_cell(cited)) == cited


def test_csv_media_cells_map_each_source_url_to_its_stored_path():
    media = [{"url": "https://lavusta.longan.gov.vn/a.jpg", "path": "media/ab/ab.jpg", "sha256": "ab"}]
    assert json.loads(store.csv_cell(media))[0]["path"] == "media/ab/ab.jpg"


def test_an_empty_list_is_an_empty_json_list_and_none_an_empty_cell():
    assert (store.csv_cell([]), store.csv_cell(None)) == ("[]", "")


def write_csv(path, records, columns):
    with path.open("w", encoding="utf-8", newline="") as fh:
        table = store.CsvWriter(fh, columns)
        for record in records:
            table.write(record)


def test_csv_is_utf8_with_bom_and_reads_back_in_pandas(tmp_path):
    path = tmp_path / "a.csv"
    write_csv(path, [{"title": "Tỉnh ủy", "n": 3}], ["title", "n"])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert frame.loc[0, "title"] == "Tỉnh ủy"


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("\x1b[31mđỏ", "\u241b[31mđỏ"),  # ESC → ␛, its control picture
        ("chuông\x07", "chuông\u2407"),  # BEL → ␇
        ("a\rb", "a\u240db"),  # a lone CR overwrites a terminal's line: ␍
        ("xóa\x7f", "xóa\u2421"),  # DEL → ␡
        ("\x9b2J", "\ufffd2J"),  # C1 controls have no picture: U+FFFD
    ],
)
def test_csv_cell_shows_a_control_character_as_a_visible_stand_in(text, cell):
    assert store.csv_cell(text) == cell


def test_csv_of_a_record_with_controls_reads_back_without_them_while_the_jsonl_keeps_them(tmp_path):
    """Tab and line feed are text, kept: a body's paragraphs are split by line feeds."""
    record = {"title_raw": "Liên hiệp hội \x1b[31mcảnh báo\x07", "body_raw": "\x9b2J đoạn\tmột\n\nđoạn hai\x1b[0m"}
    store.write_jsonl(tmp_path / "a.jsonl", [record])
    write_csv(tmp_path / "a.csv", [record], ["title_raw", "body_raw"])
    frame = pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig", dtype=str)
    for value in frame.loc[0]:
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", value)
    assert frame.loc[0, "body_raw"] == "\ufffd2J đoạn\tmột\n\nđoạn hai\u241b[0m"
    assert list(store.read_jsonl(tmp_path / "a.jsonl")) == [record]


def test_rerun_keeps_one_record_per_article_the_newest(tmp_path):
    staged = tmp_path / "staged.jsonl"
    old = {"url": "u1", "cms_id": 1, "title": "cũ", "fetched_at": "2024-01-01T00:00:00+00:00"}
    new = {"url": "u1", "cms_id": 1, "title": "mới", "fetched_at": "2024-02-01T00:00:00+00:00"}
    _write(tmp_path / "articles.jsonl", [old])
    _write(staged, [new])
    merge_into_archive(tmp_path, {Article: staged})
    records = list(store.read_jsonl(tmp_path / "articles.jsonl"))
    assert [r["title"] for r in records] == ["mới"]


def test_visitor_snapshots_are_appended_as_history(tmp_path):
    staged = tmp_path / "staged.jsonl"
    _write(tmp_path / "visitors.jsonl", [{"url": "/", "fetched_at": "2024-01-01T00:00:00+00:00", "visits": 5}])
    _write(staged, [{"url": "/", "fetched_at": "2024-02-01T00:00:00+00:00", "visits": 9}])
    merge_into_archive(tmp_path, {Visitors: staged})
    assert [r["visits"] for r in store.read_jsonl(tmp_path / "visitors.jsonl")] == [5, 9]


def test_a_broken_line_is_set_aside_not_lost(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"url": "u1"}\n{"url": "u2", "tit\n', encoding="utf-8")
    assert [r["url"] for r in store.read_jsonl(path)] == ["u1"]
    assert (tmp_path / "articles.jsonl.rejected").read_text(encoding="utf-8") == '{"url": "u2", "tit\n'


def test_failed_write_leaves_the_old_file_in_place(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def broken(tmp):
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        store.atomic_write(path, broken)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["articles.jsonl"]


def _article(title: str, fetched_at: str, digest: str) -> dict:
    return {"url": "u1", "cms_id": 1, "title": title, "fetched_at": fetched_at, "content_hash": digest}


def test_a_merge_repeated_after_a_kill_between_its_writes_keeps_each_version_once(tmp_path):
    first = {**_article("cũ", "2024-01-01T00:00:00+00:00", "a"), "version": 1, "first_seen": "2024-01-01"}
    _write(tmp_path / "articles.jsonl", [first])
    staged = tmp_path / "staged.jsonl"
    _write(staged, [_article("mới", "2024-02-01T00:00:00+00:00", "b")])
    merge_into_archive(tmp_path, {Article: staged})
    _write(tmp_path / "articles.jsonl", [first])  # killed after versions.jsonl was replaced, before articles.jsonl
    merge_into_archive(tmp_path, {Article: staged})
    versions = list(store.read_jsonl(tmp_path / "versions.jsonl"))
    assert [(v["title"], v["version"]) for v in versions] == [("cũ", 1)]
    assert [(r["title"], r["version"]) for r in store.read_jsonl(tmp_path / "articles.jsonl")] == [("mới", 2)]


def test_every_change_within_one_run_is_a_version(tmp_path):
    staged = tmp_path / "staged.jsonl"
    one, two = _article("một", "2024-01-01T00:00:00+00:00", "a"), _article("hai", "2024-01-02T00:00:00+00:00", "b")
    _write(staged, [one, two])
    merge_into_archive(tmp_path, {Article: staged})
    assert [v["title"] for v in store.read_jsonl(tmp_path / "versions.jsonl")] == ["một"]


def test_new_records_are_slotted_in_article_order(tmp_path):
    _write(tmp_path / "articles.jsonl", [{"url": f"u{n}", "cms_id": n} for n in (1, 3, 5)])
    staged = tmp_path / "staged.jsonl"
    _write(staged, [{"url": f"u{n}", "cms_id": n, "fetched_at": "2024"} for n in (6, 2, 4)])
    merge_into_archive(tmp_path, {Article: staged})
    assert [r["cms_id"] for r in store.read_jsonl(tmp_path / "articles.jsonl")] == [1, 2, 3, 4, 5, 6]


def test_a_small_merge_into_a_big_archive_holds_one_record_at_a_time(tmp_path):
    body = "Nội dung bài viết dài. " * 1000  # about 25 kB a record
    _write(tmp_path / "articles.jsonl", [{"url": f"u{n:04d}", "cms_id": n, "body": body} for n in range(400)])
    staged = tmp_path / "staged.jsonl"
    _write(staged, [{"url": "u9999", "cms_id": 9999, "fetched_at": "2024"}])
    tracemalloc.start()
    merge_into_archive(tmp_path, {Article: staged})
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (tmp_path / "articles.jsonl").stat().st_size > 10_000_000
    assert peak < 2_000_000


def test_a_merge_that_adds_only_a_visitor_snapshot_reads_no_article_whole(tmp_path):
    _write(tmp_path / "articles.jsonl", [{"url": "u1", "cms_id": 1, "body": "Nội dung rất dài. " * 600_000}])
    staged = tmp_path / "staged.jsonl"
    _write(staged, [{"url": "/", "fetched_at": "2024-02-01T00:00:00+00:00", "visits": 9}])
    tracemalloc.start()
    counts = merge_into_archive(tmp_path, {Visitors: staged})
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert counts["articles"] == 1
    assert (tmp_path / "articles.jsonl").stat().st_size > 10_000_000
    assert peak < 5_000_000


def test_a_line_that_is_json_but_no_record_is_set_aside(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"url": "u1"}\n[1, 2]\n"text"\n', encoding="utf-8")
    assert [r["url"] for r in store.read_jsonl(path)] == ["u1"]
    assert (tmp_path / "articles.jsonl.rejected").read_text(encoding="utf-8") == '[1, 2]\n"text"\n'


def test_a_hand_edited_record_without_url_or_id_does_not_stop_the_merge(tmp_path):
    _write(tmp_path / "articles.jsonl", [{"title": "không có url"}, {"url": "u2", "cms_id": "bảy"}])
    staged = tmp_path / "staged.jsonl"
    _write(staged, [{"url": "u1", "cms_id": 1, "fetched_at": "2024"}])
    merge_into_archive(tmp_path, {Article: staged})
    titles = [r.get("title") or r["url"] for r in store.read_jsonl(tmp_path / "articles.jsonl")]
    assert sorted(titles) == ["không có url", "u1", "u2"]


def test_blank_lines_are_no_records_when_counted(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"url": "u1"}\n\n  \n{"url": "u2"}', encoding="utf-8")
    assert store.count_lines(path) == 2
