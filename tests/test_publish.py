"""``python -m scraper publish``: a real crawl's archive as lavusta.sqlite, searched through Datasette."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from replica.content import ARTICLES, article
from scraper import archive as archive_tables
from scraper import publish
from tests.conftest import ROOT, run_crawl

SEED_CMS_ID = 743
DERIVED = {"year", "other_fields"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def digests(archive: Path) -> dict[str, str]:
    return {
        name: hashlib.sha256((archive / name).read_bytes()).hexdigest()
        for name in publish.SOURCES
        if (archive / name).exists()
    }


@pytest.fixture(scope="module")
def crawled(replica, tmp_path_factory) -> Path:
    """The replica crawled for real; tests copy it before changing anything."""
    folder = tmp_path_factory.mktemp("publish") / "archive"
    folder.mkdir()
    run = run_crawl(replica.url, folder, CONCURRENT_REQUESTS="4")
    assert run.returncode == 0, run.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def published(crawled) -> tuple[Path, dict[str, str]]:
    """The crawled archive published once; the digests of its record files from before."""
    before = digests(crawled)
    assert publish.main(crawled) == 0
    return crawled, before


@pytest.fixture
def archive(crawled, tmp_path) -> Path:
    """A copy of the crawled archive for a test that changes it."""
    copy = tmp_path / "archive"
    shutil.copytree(crawled, copy, ignore=shutil.ignore_patterns("warc", "media", publish.DB_NAME))
    return copy


def connect(archive: Path) -> sqlite3.Connection:
    db = sqlite3.connect(archive / publish.DB_NAME)
    db.row_factory = sqlite3.Row
    return db


def found(archive: Path, query: str) -> set[int]:
    with connect(archive) as db:
        rows = db.execute(
            "SELECT a.cms_id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ?",
            (publish.match_query(query),),
        )
        return {r["cms_id"] for r in rows}


# --- folding: Vietnamese orthography, not the code, says what a word is without its marks ----


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Đảng", "dang"),
        ("đoàn thể", "doan the"),
        ("Hoàng Đình Cán", "hoang dinh can"),
        ("Hội nghị trí thức", "hoi nghi tri thuc"),
        ("Tỉnh ủy", "tinh uy"),
        ("phốihợp", "phoihop"),
        ("Nghị Quyết", "nghi quyet"),
        ("Thường trực", "thuong truc"),
    ],
)
def test_folding_drops_tone_and_vowel_marks_and_reads_đ_as_d(word, folded):
    assert publish.fold(word) == folded


def test_folding_works_on_decomposed_text_too():
    assert publish.fold("Đa\u0309ng") == "dang"


def test_every_letter_of_the_seed_page_folds_to_a_plain_latin_letter(seed_text):
    assert {c for c in publish.fold(seed_text) if c.isalpha()} <= set("abcdefghijklmnopqrstuvwxyz")


# --- the database ------------------------------------------------------------------------------


def test_every_record_of_articles_jsonl_is_a_row_with_every_field(published):
    archive, _ = published
    with connect(archive) as db:
        rows = {r["url"]: dict(r) for r in db.execute("SELECT * FROM articles")}
    records = read_jsonl(archive / "articles.jsonl")
    assert len(rows) == len(records)
    for record in records:
        got = rows[record["url"]]
        back = {
            k: (json.loads(v) if isinstance(record[k], (list, dict)) else v) for k, v in got.items() if k not in DERIVED
        }
        assert back == record
        assert got["other_fields"] is None


def test_pages_and_visitor_snapshots_are_all_there(published):
    archive, _ = published
    with connect(archive) as db:
        pages = {r["url"] for r in db.execute("SELECT url FROM pages")}
        visits = [(r["time"], r["visits"]) for r in db.execute("SELECT time, visits FROM visitors ORDER BY id")]
    assert pages == {p["url"] for p in read_jsonl(archive / "pages.jsonl")}
    assert visits == [
        (v["captured_at"] or v["fetched_at"], v["visits"]) for v in read_jsonl(archive / "visitors.jsonl")
    ]


def test_authors_documents_and_media_are_rows_of_their_articles(published):
    archive, _ = published
    records = read_jsonl(archive / "articles.jsonl")
    with connect(archive) as db:
        authors = [
            (r[0], r[1]) for r in db.execute("SELECT article_url, name FROM authors ORDER BY article_url, position")
        ]
        documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        media = {(r[0], r[1]) for r in db.execute("SELECT article_url, sha256 FROM media")}
    assert authors == [(a["url"], n) for a in sorted(records, key=lambda a: a["url"]) for n in a["authors"]]
    assert documents == sum(len(a["documents"]) for a in records)
    assert media == {(a["url"], m["sha256"]) for a in records for m in a["media"]}


def test_the_seed_articles_authors_are_its_bylines_names(published):
    archive, _ = published
    with connect(archive) as db:
        names = [r[0] for r in db.execute(
            "SELECT name FROM authors JOIN articles ON articles.url = article_url WHERE cms_id = ? ORDER BY position",
            (SEED_CMS_ID,),
        )]  # fmt: skip
    assert names == ["T.T.B"]  # the seed page ends "Bài và ảnh: T.T.B"


def test_the_record_files_are_never_changed(published):
    archive, before = published
    assert digests(archive) == before


def test_foreign_keys_are_declared_to_articles(published):
    archive, _ = published
    with connect(archive) as db:
        for table in ("versions", "authors", "documents", "media"):
            targets = {(r["table"], r["to"]) for r in db.execute(f"PRAGMA foreign_key_list({table})")}
            assert targets == {("articles", "url")}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_foreign_keys_refuse_an_author_of_no_article(published):
    archive, _ = published
    db = sqlite3.connect(archive / publish.DB_NAME)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO authors VALUES ('https://example.invalid/none', 1, 'N.V.A')")
    finally:
        db.rollback()
        db.close()


# --- search ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["hoi nghi tri thuc", "hoang dinh can", "cap uy dang", "HOI NGHI TRI THUC", "Hội nghị trí thức", "cấp ủy Đảng"],
)
def test_the_seed_article_is_found_with_or_without_accents(published, query):
    archive, _ = published
    assert SEED_CMS_ID in found(archive, query)


def test_dang_finds_every_article_that_writes_Đảng(published):
    archive, _ = published
    records = read_jsonl(archive / "articles.jsonl")
    writing = {a["cms_id"] for a in records if "Đảng" in (a["body"] or "") + (a["title"] or "")}
    assert SEED_CMS_ID in writing
    assert writing <= found(archive, "dang")


def test_a_word_the_archive_lacks_finds_nothing(published):
    archive, _ = published
    assert found(archive, "hoi nghi tri thuc sao hoa") == set()


# --- incremental and atomic --------------------------------------------------------------------


def test_an_unchanged_archive_is_not_published_again(archive):
    assert publish.publish(archive) is not None
    db = archive / publish.DB_NAME
    stamp = db.stat().st_mtime_ns, db.stat().st_ino
    assert publish.publish(archive) is None
    assert (db.stat().st_mtime_ns, db.stat().st_ino) == stamp


def test_a_changed_record_file_is_published_again(archive):
    publish.publish(archive)
    snapshot = read_jsonl(archive / "visitors.jsonl")[-1]
    later = {**snapshot, "fetched_at": "2030-01-01T00:00:00+00:00", "visits": (snapshot["visits"] or 0) + 1}
    with (archive / "visitors.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(later, ensure_ascii=False) + "\n")
    counts = publish.publish(archive)
    assert counts is not None and counts.visitors == len(read_jsonl(archive / "visitors.jsonl"))


def test_an_earlier_version_joins_the_current_one(archive):
    seed = next(a for a in read_jsonl(archive / "articles.jsonl") if a["cms_id"] == SEED_CMS_ID)
    earlier = {**seed, "version": 1, "title": "Hội nghị trí thức năm 2023", "seen_until": "2024-01-02T00:00:00+00:00"}
    (archive / "versions.jsonl").write_text(json.dumps(earlier, ensure_ascii=False) + "\n", encoding="utf-8")
    seed_now = {**seed, "version": 2}
    lines = [
        json.dumps(seed_now if a["url"] == seed["url"] else a, ensure_ascii=False)
        for a in read_jsonl(archive / "articles.jsonl")
    ]
    (archive / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    publish.publish(archive)
    with connect(archive) as db:
        rows = db.execute(
            "SELECT version, title, seen_until, current FROM versions WHERE url = ? ORDER BY version", (seed["url"],)
        )
        got = [tuple(r) for r in rows]
    assert got == [(1, "Hội nghị trí thức năm 2023", "2024-01-02T00:00:00+00:00", 0), (2, seed["title"], None, 1)]


def test_a_field_the_tables_do_not_know_is_kept_as_json(archive):
    page = {"url": "https://lavusta.longan.gov.vn/Default.aspx?tabid=609", "title": "Chức năng, nhiệm vụ"}
    (archive / "pages.jsonl").write_text(
        json.dumps({**page, "menu": ["Giới thiệu"]}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    publish.publish(archive)
    with connect(archive) as db:
        (other,) = db.execute("SELECT other_fields FROM pages WHERE url = ?", (page["url"],)).fetchone()
    assert json.loads(other) == {"menu": ["Giới thiệu"]}


def test_a_crashed_publish_leaves_the_previous_database(archive, monkeypatch):
    publish.publish(archive)
    db = archive / publish.DB_NAME
    before = db.read_bytes()

    def crash(*args):
        raise RuntimeError("killed while building")

    monkeypatch.setattr(publish, "add_page", crash)
    (archive / "pages.jsonl").write_text('{"url": "https://lavusta.longan.gov.vn/x"}\n', encoding="utf-8")
    with pytest.raises(RuntimeError):
        publish.publish(archive)
    assert db.read_bytes() == before
    assert [p.name for p in archive.iterdir() if p.name.startswith(f".{publish.DB_NAME}")] == []


def test_a_temporary_database_left_by_a_killed_publish_is_deleted_by_the_next(archive):
    left = archive / f".{publish.DB_NAME}.k1ll3d"
    left.write_bytes(b"SQLite format 3\x00 cut short")
    publish.publish(archive)
    assert not left.exists()


def test_a_reader_of_the_old_database_keeps_reading_it_across_a_publish(archive):
    publish.publish(archive)
    reader = sqlite3.connect(archive / publish.DB_NAME)
    try:
        count = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
        (archive / "versions.jsonl").write_text("", encoding="utf-8")
        assert publish.publish(archive) is not None
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == count
    finally:
        reader.close()


def test_the_command_line_says_what_it_wrote_and_then_that_nothing_changed(archive):
    cmd = [sys.executable, "-m", "scraper", "publish", str(archive)]
    first = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    second = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    articles = len(read_jsonl(archive / "articles.jsonl"))
    assert (first.returncode, second.returncode) == (0, 0)
    assert f"publish: {articles} articles" in first.stdout
    assert "up to date" in second.stdout


def test_an_archive_without_articles_is_refused(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "scraper", "publish", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert "nothing to publish" in run.stderr
    assert not (tmp_path / publish.DB_NAME).exists()


# --- Datasette ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def datasette(published, tmp_path_factory):
    """``datasette lavusta.sqlite -m lavusta-metadata.json`` on a free loopback port."""
    archive, _ = published
    port = free_port()
    log = tmp_path_factory.mktemp("datasette") / "datasette.log"
    cmd = [
        sys.executable,
        "-m",
        "datasette",
        str(archive / publish.DB_NAME),
        "-m",
        str(archive / publish.METADATA_NAME),
    ]
    with log.open("w") as out:
        server = subprocess.Popen([*cmd, "--host", "127.0.0.1", "--port", str(port)], stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2):
                    break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/{Path(publish.DB_NAME).stem}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def get_json(url: str, **params: str) -> object:
    with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode(params)}", timeout=30) as response:
        return json.load(response)


def test_datasette_search_box_finds_the_seed_article_by_an_unaccented_query(datasette):
    rows = get_json(f"{datasette}/articles.json", _search="hoi nghi tri thuc", _shape="array")
    titles = {r["cms_id"]: r["title"] for r in rows}
    assert titles[SEED_CMS_ID] == article(SEED_CMS_ID).title


def test_datasette_search_query_reads_đ_as_d(datasette):
    rows = get_json(f"{datasette}/search.json", q="Hoàng Đình Cán", _shape="array")
    naming = {a.cms_id for a in ARTICLES if "Hoàng Đình Cán" in " ".join(a.body)}
    assert SEED_CMS_ID in naming
    assert {r["cms_id"] for r in rows} == naming


def test_datasette_shows_the_data_dictionary_and_facets(datasette):
    articles = get_json(f"{datasette}/articles.json", _size="1")
    assert set(articles["facet_results"]) == {"category", "year"}
    authors = get_json(f"{datasette}/authors.json", _size="1")
    by_name = {r["value"]: r["count"] for r in authors["facet_results"]["name"]["results"]}
    assert by_name["T.T.B"] == sum("T.T.B" in a.byline.initials for a in ARTICLES if a.byline)
    metadata = get_json(f"{datasette.rsplit('/', 1)[0]}/-/metadata.json")
    columns = metadata["databases"]["lavusta"]["tables"]["articles"]["columns"]
    assert columns["cms_id"] == "The portal's article id (`CmsId`); grows over time."


def test_parquet_files_are_written_beside_the_csv_with_the_tables_dtypes(published):
    folder, _ = published
    for name in ("articles", "versions", "pages", "visitors"):
        frame = pd.read_parquet(folder / f"{name}.parquet")
        typed = getattr(archive_tables, name)(folder)
        assert list(frame.columns) == list(typed.columns)
        assert len(frame) == len(typed)
        for column in typed.columns[typed.dtypes != "object"]:
            assert str(frame[column].dtype) == str(typed[column].dtype), (name, column)


def test_parquet_keeps_lists_of_names_as_lists_and_objects_as_json(published):
    folder, _ = published
    frame = pd.read_parquet(folder / "articles.parquet").set_index("cms_id")
    records = {r["cms_id"]: r for r in read_jsonl(folder / "articles.jsonl")}
    assert list(frame.loc[743, "authors"]) == records[743]["authors"] == ["T.T.B"]
    assert json.loads(frame.loc[743, "documents"]) == records[743]["documents"]


def test_parquet_files_missing_from_an_unchanged_archive_are_written(archive):
    assert publish.main(archive) == 0
    (archive / "articles.parquet").unlink()
    assert publish.main(archive) == 0
    assert (archive / "articles.parquet").exists()
