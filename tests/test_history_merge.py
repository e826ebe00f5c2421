"""An article's history is in time order, whatever order its copies were imported in.

A live fetch and web-archive captures of one article, merged run after run: versions are
numbered by when each copy shows the page (a capture's time, a fetch's time), identical
content is one version, and a web archive's old 404 does not mark a page seen since.
"""

import json
from pathlib import Path

from pipelines.archive import content_hash, merge_into_archive
from pipelines.store import read_jsonl
from scraper.items import Article, Removal, Visitors

URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"
LIVE_AT = "2026-11-20T02:00:00+00:00"
IMPORTED_AT = "2026-11-25T09:00:00+00:00"


def live(title: str) -> Article:
    record = Article(url=URL, cms_id=743, title=title, title_raw=title, body_raw="Nội dung.", fetched_at=LIVE_AT)
    record.content_hash = content_hash(record)
    return record


def captured(title: str, when: str) -> Article:
    record = Article(url=URL, cms_id=743, title=title, title_raw=title, body_raw="Nội dung.", fetched_at=IMPORTED_AT)
    record.captured_at, record.fetched_from = when, "web-archive"
    record.capture_url = f"http://127.0.0.1:8080/web/{when[:4]}id_/{URL}"
    record.content_hash = content_hash(record)
    return record


def merge(archive: Path, *records: object) -> None:
    """One run: stage these records as the archive pipeline does, then merge."""
    staged = {}
    for cls in (Article, Visitors, Removal):
        of_cls = [r for r in records if type(r) is cls]
        if of_cls:
            path = archive / f"staged-{cls.__name__}.jsonl"
            path.write_text("".join(json.dumps(vars(r), ensure_ascii=False) + "\n" for r in of_cls), encoding="utf-8")
            staged[cls] = path
    merge_into_archive(archive, staged)


def history(archive: Path) -> list[tuple[int, str, str]]:
    """(version, version_seen, title) of every version, oldest first."""
    rows = list(read_jsonl(archive / "versions.jsonl")) + list(read_jsonl(archive / "articles.jsonl"))
    return sorted((r["version"], r["version_seen"], r["title_raw"]) for r in rows)


def test_an_older_capture_imported_after_a_live_fetch_becomes_version_one(tmp_path):
    merge(tmp_path, live("Hội nghị 2026"))
    merge(tmp_path, captured("Hội nghị", "2021-05-04T03:20:00+00:00"))
    assert history(tmp_path) == [(1, "2021-05-04T03:20:00+00:00", "Hội nghị"), (2, LIVE_AT, "Hội nghị 2026")]


def test_the_current_record_stays_the_newest_copy(tmp_path):
    merge(tmp_path, live("Hội nghị 2026"))
    merge(tmp_path, captured("Hội nghị", "2021-05-04T03:20:00+00:00"))
    (current,) = read_jsonl(tmp_path / "articles.jsonl")
    assert (current["title_raw"], current["version"], current["fetched_from"]) == ("Hội nghị 2026", 2, "live")
    assert current["first_seen"] == "2021-05-04T03:20:00+00:00"


def test_a_capture_with_the_live_content_dates_the_version_back(tmp_path):
    merge(tmp_path, live("Hội nghị"))
    merge(tmp_path, captured("Hội nghị", "2021-05-04T03:20:00+00:00"))
    assert history(tmp_path) == [(1, "2021-05-04T03:20:00+00:00", "Hội nghị")]


def test_captures_imported_newest_first_are_numbered_oldest_first(tmp_path):
    merge(tmp_path, captured("Bản sửa", "2023-01-10T00:00:00+00:00"))
    merge(tmp_path, captured("Bản đầu", "2021-05-04T03:20:00+00:00"))
    assert [title for _, _, title in history(tmp_path)] == ["Bản đầu", "Bản sửa"]


def test_captures_of_one_run_in_any_order_are_put_in_time_order(tmp_path):
    merge(
        tmp_path,
        captured("Bản sửa", "2023-01-10T00:00:00+00:00"),
        captured("Bản đầu", "2021-05-04T03:20:00+00:00"),
        captured("Bản sửa", "2024-02-01T00:00:00+00:00"),
    )
    assert history(tmp_path) == [
        (1, "2021-05-04T03:20:00+00:00", "Bản đầu"),
        (2, "2023-01-10T00:00:00+00:00", "Bản sửa"),
    ]


def test_an_edit_undone_later_is_three_versions(tmp_path):
    merge(tmp_path, captured("Tiêu đề", "2020-01-01T00:00:00+00:00"), live("Tiêu đề"))
    merge(tmp_path, captured("Tiêu đề sai", "2022-06-01T00:00:00+00:00"))
    assert [title for _, _, title in history(tmp_path)] == ["Tiêu đề", "Tiêu đề sai", "Tiêu đề"]


def test_each_earlier_version_says_until_when_it_was_seen(tmp_path):
    merge(tmp_path, live("Hội nghị 2026"))
    merge(tmp_path, captured("Hội nghị", "2021-05-04T03:20:00+00:00"))
    (earlier,) = read_jsonl(tmp_path / "versions.jsonl")
    assert earlier["seen_until"] == LIVE_AT


def test_the_same_capture_imported_twice_adds_no_version(tmp_path):
    merge(tmp_path, live("Hội nghị 2026"))
    merge(tmp_path, captured("Hội nghị", "2021-05-04T03:20:00+00:00"))
    merge(tmp_path, captured("Hội nghị", "2021-05-04T03:20:00+00:00"))
    assert len(history(tmp_path)) == 2


def test_an_old_404_capture_does_not_remove_an_article_seen_online_since(tmp_path):
    merge(tmp_path, live("Hội nghị"))
    merge(tmp_path, Removal(url=URL, removed_at="2024-03-01T00:00:00+00:00", reason="http-404"))
    (current,) = read_jsonl(tmp_path / "articles.jsonl")
    assert current["removed_at"] is None


def test_a_404_capture_after_the_last_copy_marks_the_article_removed(tmp_path):
    merge(tmp_path, captured("Hội nghị", "2021-05-04T03:20:00+00:00"))
    merge(tmp_path, Removal(url=URL, removed_at="2024-03-01T00:00:00+00:00", reason="http-404"))
    (current,) = read_jsonl(tmp_path / "articles.jsonl")
    assert current["removed_at"] == "2024-03-01T00:00:00+00:00"


def snapshot(visits: int, when: str | None, fetched_at: str) -> Visitors:
    record = Visitors(fetched_at=fetched_at, url="https://lavusta.longan.gov.vn/", visits=visits)
    if when:
        record.captured_at, record.fetched_from = when, "web-archive"
    return record


def test_visitor_snapshots_from_captures_take_their_place_in_time(tmp_path):
    merge(tmp_path, snapshot(2_000_000, None, LIVE_AT))
    merge(
        tmp_path,
        snapshot(1_500_000, "2023-01-01T00:00:00+00:00", IMPORTED_AT),
        snapshot(900_000, "2020-01-01T00:00:00+00:00", IMPORTED_AT),
    )
    assert [r["visits"] for r in read_jsonl(tmp_path / "visitors.jsonl")] == [900_000, 1_500_000, 2_000_000]


def test_a_capture_snapshot_imported_twice_is_kept_once(tmp_path):
    merge(tmp_path, snapshot(900_000, "2020-01-01T00:00:00+00:00", IMPORTED_AT))
    merge(tmp_path, snapshot(900_000, "2020-01-01T00:00:00+00:00", "2026-12-01T00:00:00+00:00"))
    assert len(list(read_jsonl(tmp_path / "visitors.jsonl"))) == 1


def test_an_article_is_removed_at_the_first_sign_of_removal_after_its_last_copy(tmp_path):
    merge(
        tmp_path,
        captured("Hội nghị", "2021-10-12T07:22:14+00:00"),
        Removal(url=URL, removed_at="2022-09-14T09:31:40+00:00", reason="tin-khong-ton-tai"),
        Removal(url=URL, removed_at="2023-06-11T02:18:47+00:00", reason="http-404"),
    )
    (current,) = read_jsonl(tmp_path / "articles.jsonl")
    assert current["removed_at"] == "2022-09-14T09:31:40+00:00"
