"""``python -m scraper publish ARCHIVE_DIR``: the archive's records as one SQLite database for Datasette.

Researchers browse and query ``lavusta.sqlite`` with Datasette or any SQLite client:
one table per record file (every field kept: lists and maps as JSON text), tables
for the authors, documents and media each article cites, and a full-text index
that finds "Hội nghị trí thức" by "hoi nghi tri thuc" and "Đảng" by "dang".

The database is derived, never a source: it is rebuilt whole from the record files
into a temporary file beside it and renamed into place, so a reader sees the old
or the new database and a crashed publish leaves the old one. ``_meta`` keeps the
size and modification time of each record file it was built from; when they have
not changed since, nothing is rebuilt. The record files are only read.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import sqlite3
import sys
import time
import typing
import unicodedata
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from pipelines import store
from scraper import archive as archive_tables
from scraper.items import Article, Page, Visitors, field_docs

DB_NAME = "lavusta.sqlite"
METADATA_NAME = "lavusta-metadata.json"
LOCK_NAME = ".publish.lock"
SOURCES = ("articles.jsonl", "versions.jsonl", "pages.jsonl", "visitors.jsonl")
PARQUET_TABLES = ("articles", "versions", "pages", "visitors")
# Raised whenever the tables change, so that a database of an older layout is rebuilt.
SCHEMA_VERSION = "1"
# Combining marks (the Unicode blocks of combining diacritics): what NFD splits tone and vowel marks into.
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# The index holds the folded text; `remove_diacritics 2` also folds an accented query typed in Datasette's box.
FTS_COLUMNS = ("title", "body", "category", "authors")
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
# Datasette cannot call Python: its canned query folds đ/Đ in SQL, the tokenizer folds the rest.
SEARCH_SQL = """select a.cms_id, a.published, a.category, a.title, a.authors, a.url
from articles_fts join articles a on a.rowid = articles_fts.rowid
where articles_fts match escape_fts(replace(replace(:q, 'đ', 'd'), 'Đ', 'D'))
order by articles_fts.rank
limit 100"""
SEEN_UNTIL_DOC = (
    "When this version was last seen before the next one replaced it (ISO 8601, UTC); null for the current version."
)
CURRENT_DOC = "1 for the version that is the record in `articles.jsonl`, 0 for an earlier one (`versions.jsonl`)."
YEAR_DOC = "Year of `published` (derived here for facets); null when the date is unknown."
OTHER_DOC = (
    "Fields of the record that this table has no column for (records of an older or newer archiver), "
    "as a JSON object; null when none."
)


def fold(text: str) -> str:
    """Text as the search index holds it: no tone or vowel marks, đ as d, lower case ("Đảng" → "dang")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()


def match_query(query: str) -> str:
    """A user's words as an FTS5 query over the folded index: each word folded and quoted, all required."""
    return " ".join(f'"{word}"' for word in fold(query).replace('"', " ").split())


# --- the tables --------------------------------------------------------------------------------


@dataclass
class Table:
    """One table built from record fields: its columns in order and their SQL types."""

    name: str
    columns: dict[str, str]
    known: set[str]


def record_table(name: str, cls: type, extra: dict[str, str]) -> Table:
    """One column per field of ``cls`` (lists and maps as JSON text), then ``extra`` columns and ``other_fields``."""
    hints = typing.get_type_hints(cls)
    columns: dict[str, str] = {}
    for f in fields(cls):
        columns[f.name] = "INTEGER" if int in typing.get_args(hints[f.name]) or hints[f.name] is int else "TEXT"
    columns.update(extra)
    known = set(columns)
    columns["other_fields"] = "TEXT"
    return Table(name, columns, known)


ARTICLE_EXTRA = {"year": "INTEGER"}
ARTICLES = record_table("articles", Article, ARTICLE_EXTRA)
VERSIONS = record_table("versions", Article, {**ARTICLE_EXTRA, "seen_until": "TEXT", "current": "INTEGER"})
PAGES = record_table("pages", Page, {})
VISITORS = record_table("visitors", Visitors, {"time": "TEXT"})


def column_sql(table: Table) -> str:
    return ",\n  ".join(f"{name} {kind}" for name, kind in table.columns.items())


SCHEMA = f"""
CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  {column_sql(ARTICLES)},
  PRIMARY KEY (url)
);
CREATE INDEX articles_cms_id ON articles (cms_id);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_category ON articles (category);
CREATE TABLE versions (
  {column_sql(VERSIONS)},
  PRIMARY KEY (url, version),
  FOREIGN KEY (url) REFERENCES articles (url)
);
CREATE TABLE pages (
  {column_sql(PAGES)},
  PRIMARY KEY (url)
);
CREATE TABLE visitors (
  id INTEGER PRIMARY KEY,
  {column_sql(VISITORS)}
);
CREATE INDEX visitors_time ON visitors (time);
CREATE TABLE authors (
  article_url TEXT NOT NULL REFERENCES articles (url),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (article_url, position)
);
CREATE INDEX authors_name ON authors (name);
CREATE TABLE documents (
  article_url TEXT NOT NULL REFERENCES articles (url),
  position INTEGER NOT NULL,
  kind TEXT,
  number TEXT,
  date TEXT,
  PRIMARY KEY (article_url, position)
);
CREATE INDEX documents_number ON documents (number);
CREATE TABLE media (
  article_url TEXT NOT NULL REFERENCES articles (url),
  position INTEGER NOT NULL,
  url TEXT,
  kind TEXT,
  path TEXT,
  sha256 TEXT,
  PRIMARY KEY (article_url, position)
);
CREATE INDEX media_sha256 ON media (sha256);
CREATE VIRTUAL TABLE articles_fts USING fts5({", ".join(FTS_COLUMNS)}, content='', tokenize='{FTS_TOKENIZER}');
"""


# --- reading the record files ------------------------------------------------------------------


class Unpublishable(Exception):
    """The archive cannot be published; the message says why, in one line."""


Fingerprint = dict[str, list[int] | None]


def fingerprint_of(handles: dict[str, IO[str] | None]) -> Fingerprint:
    """Size and modification time (ns) of each open record file; null for a missing one."""
    result: Fingerprint = {}
    for name, handle in handles.items():
        if handle is None:
            result[name] = None
        else:
            st = os.fstat(handle.fileno())
            result[name] = [st.st_size, st.st_mtime_ns]
    return result


def current_fingerprint(archive: Path) -> Fingerprint:
    """The same for the files now at the record files' paths."""
    result: Fingerprint = {}
    for name in SOURCES:
        try:
            st = (archive / name).stat()
        except FileNotFoundError:
            result[name] = None
        else:
            result[name] = [st.st_size, st.st_mtime_ns]
    return result


def open_sources(archive: Path, stack: ExitStack) -> dict[str, IO[str] | None]:
    """Every record file, opened at once: the archive's writers rename new files in, so these stay one snapshot."""
    handles: dict[str, IO[str] | None] = {}
    for name in SOURCES:
        try:
            handles[name] = stack.enter_context((archive / name).open(encoding="utf-8"))
        except FileNotFoundError:
            handles[name] = None
    return handles


@dataclass
class Counts:
    """What a publish put in the database, and what it could not."""

    articles: int = 0
    versions: int = 0
    pages: int = 0
    visitors: int = 0
    authors: int = 0
    documents: int = 0
    media: int = 0
    unreadable_lines: int = 0
    duplicates: int = 0
    orphan_versions: int = 0


def records(handle: IO[str] | None, counts: Counts) -> Iterator[dict[str, Any]]:
    """The JSON objects of one record file, streamed; a line that is no JSON object is counted and skipped."""
    if handle is None:
        return
    for line in handle:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            counts.unreadable_lines += 1
            continue
        if isinstance(record, dict):
            yield record
        else:
            counts.unreadable_lines += 1


# --- writing the database ----------------------------------------------------------------------


def year_of(published: Any) -> int | None:
    if isinstance(published, str) and re.match(r"\d{4}", published):
        return int(published[:4])
    return None


def row(table: Table, record: dict[str, Any], **derived: Any) -> list[Any]:
    """The record's values in column order: lists and maps as JSON text, unknown keys in ``other_fields``."""
    values = {**record, **derived}
    other = {k: v for k, v in record.items() if k not in table.known}
    out = []
    for name in table.columns:
        if name == "other_fields":
            out.append(json.dumps(other, ensure_ascii=False) if other else None)
            continue
        value = values.get(name)
        out.append(json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value)
    return out


def insert_sql(table: Table, verb: str = "INSERT") -> str:
    names = ", ".join(table.columns)
    marks = ", ".join("?" for _ in table.columns)
    return f"{verb} INTO {table.name} ({names}) VALUES ({marks})"


def media_kind(article: dict[str, Any], url: str | None) -> str | None:
    if url in (article.get("images") or []):
        return "image"
    if url in (article.get("attachments") or []):
        return "attachment"
    return None


def add_article(db: sqlite3.Connection, article: dict[str, Any], counts: Counts) -> None:
    """One article: its row, its current version, authors, documents, media and its folded text in the index."""
    url = article.get("url")
    if not isinstance(url, str) or db.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone():
        counts.duplicates += 1
        return
    year = year_of(article.get("published"))
    rowid = db.execute(insert_sql(ARTICLES), row(ARTICLES, article, year=year)).lastrowid
    db.execute(insert_sql(VERSIONS, "INSERT OR IGNORE"), row(VERSIONS, article, year=year, current=1))
    authors = [a for a in article.get("authors") or [] if isinstance(a, str)]
    db.executemany("INSERT INTO authors VALUES (?, ?, ?)", [(url, i, name) for i, name in enumerate(authors, 1)])
    documents = [d for d in article.get("documents") or [] if isinstance(d, dict)]
    db.executemany(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
        [(url, i, d.get("kind"), d.get("number"), d.get("date")) for i, d in enumerate(documents, 1)],
    )
    media = [m for m in article.get("media") or [] if isinstance(m, dict)]
    db.executemany(
        "INSERT INTO media VALUES (?, ?, ?, ?, ?, ?)",
        [
            (url, i, m.get("url"), media_kind(article, m.get("url")), m.get("path"), m.get("sha256"))
            for i, m in enumerate(media, 1)
        ],
    )
    text = [article.get("title"), article.get("body"), article.get("category"), " ; ".join(authors)]
    db.execute(
        f"INSERT INTO articles_fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
        [rowid, *(fold(t) if isinstance(t, str) else None for t in text)],
    )
    counts.articles += 1
    counts.versions += 1
    counts.authors += len(authors)
    counts.documents += len(documents)
    counts.media += len(media)


def add_version(db: sqlite3.Connection, version: dict[str, Any], counts: Counts) -> None:
    """An earlier version; one of an article the archive lacks is counted, not stored (its key would point nowhere)."""
    url = version.get("url")
    if not db.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone():
        counts.orphan_versions += 1
        return
    cursor = db.execute(
        insert_sql(VERSIONS, "INSERT OR IGNORE"),
        row(VERSIONS, version, year=year_of(version.get("published")), current=0),
    )
    if cursor.rowcount:
        counts.versions += 1
    else:
        counts.duplicates += 1


def add_page(db: sqlite3.Connection, page: dict[str, Any], counts: Counts) -> None:
    cursor = db.execute(insert_sql(PAGES, "INSERT OR IGNORE"), row(PAGES, page))
    if cursor.rowcount:
        counts.pages += 1
    else:
        counts.duplicates += 1


def add_visitors(db: sqlite3.Connection, snapshot: dict[str, Any], counts: Counts) -> None:
    moment = snapshot.get("captured_at") or snapshot.get("fetched_at")
    db.execute(insert_sql(VISITORS), row(VISITORS, snapshot, time=moment))
    counts.visitors += 1


def build(path: Path, handles: dict[str, IO[str] | None], fingerprint: Fingerprint) -> Counts:
    """Write the whole database to ``path`` from the open record files."""
    counts = Counts()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        # A temporary file that is thrown away on any failure needs no journal.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA foreign_keys = ON")
        db.executescript(SCHEMA)
        db.execute("BEGIN")
        for article in records(handles["articles.jsonl"], counts):
            add_article(db, article, counts)
        for version in records(handles["versions.jsonl"], counts):
            add_version(db, version, counts)
        for page in records(handles["pages.jsonl"], counts):
            add_page(db, page, counts)
        for snapshot in records(handles["visitors.jsonl"], counts):
            add_visitors(db, snapshot, counts)
        meta = {
            "schema_version": SCHEMA_VERSION,
            "sources": json.dumps(fingerprint),
            "published_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        db.executemany("INSERT INTO _meta VALUES (?, ?)", meta.items())
        db.execute("COMMIT")
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise Unpublishable(f"{len(broken)} rows of the new database break a foreign key")
        db.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()
    return counts


def published_fingerprint(db_path: Path) -> tuple[str, Fingerprint] | None:
    """(schema version, fingerprint) the existing database was built from; None if there is none readable."""
    if not db_path.exists():
        return None
    try:
        db = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT key, value FROM _meta").fetchall())
        finally:
            db.close()
        return meta["schema_version"], json.loads(meta["sources"])
    except (sqlite3.Error, KeyError, ValueError):
        return None


def is_current(archive: Path) -> bool:
    """Whether ``lavusta.sqlite`` was built from the record files as they are now, by this schema."""
    return published_fingerprint(archive / DB_NAME) == (SCHEMA_VERSION, current_fingerprint(archive))


def publish_once(archive: Path) -> tuple[Counts, Fingerprint]:
    """Build the database from the record files as they are now and rename it into place."""
    with ExitStack() as stack:
        handles = open_sources(archive, stack)
        fingerprint = fingerprint_of(handles)
        built: list[Counts] = []
        store.atomic_write(archive / DB_NAME, lambda tmp: built.append(build(tmp, handles, fingerprint)))
    return built[0], fingerprint


def publish(archive: Path, attempts: int = 3) -> Counts | None:
    """Rebuild ``ARCHIVE_DIR/lavusta.sqlite`` unless it is current; None when it was.

    A record file replaced while the database was being built makes the build start
    again, so the database always matches one state of the files.
    """
    if not (archive / "articles.jsonl").is_file():
        raise Unpublishable(f"no {archive / 'articles.jsonl'}: nothing to publish")
    with publishing(archive):
        write_metadata(archive)
        if is_current(archive):
            return None
        for _ in range(attempts):
            counts, fingerprint = publish_once(archive)
            if current_fingerprint(archive) == fingerprint:
                return counts
    raise Unpublishable(f"the record files kept changing while they were read ({attempts} tries): run it again later")


@contextlib.contextmanager
def publishing(archive: Path) -> Iterator[None]:
    """One publish of an archive at a time; temporary databases a killed one left are deleted.

    The lock is the publish's own (``.publish.lock``), not the crawl's: publishing only reads
    the record files, so a crawl may run meanwhile.
    """
    with (archive / LOCK_NAME).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for left in archive.glob(f".{DB_NAME}.*"):
            left.unlink(missing_ok=True)
        yield


# --- Datasette's metadata ----------------------------------------------------------------------


def column_docs(cls: type, extra: dict[str, str]) -> dict[str, str]:
    docs = dict(field_docs(cls))
    docs.update(extra)
    docs["other_fields"] = OTHER_DOC
    return docs


VISIT_COUNT = " A count of visits (no unit)."


def metadata() -> dict[str, Any]:
    """Datasette's metadata: titles, descriptions of every table and column, facets, sorting, search."""
    article_docs = column_docs(Article, {"year": YEAR_DOC})
    visitor_docs = {
        name: doc + (VISIT_COUNT if name.startswith("visits") else "")
        for name, doc in column_docs(
            Visitors, {"time": "When the counter read so: `captured_at` for a web-archive capture, else `fetched_at`."}
        ).items()
    }
    tables = {
        "articles": {
            "description": "One row per article: its current version. Search finds words without their accents "
            '("hoi nghi tri thuc", "dang" for "Đảng"); to search with accents that include đ, use the `search` query.',
            "columns": article_docs,
            # By author: the `authors` table's facet. An array facet here (`?_facet_array=authors`) takes ~0.9 s at
            # 10,000 articles, past Datasette's 200 ms limit for facets.
            "facets": ["category", "year"],
            "sortable_columns": ["published", "cms_id", "title", "category", "views", "version", "first_seen", "year"],
            "sort_desc": "published",
            "label_column": "title",
            "fts_table": "articles_fts",
            "fts_pk": "rowid",
        },
        "versions": {
            "description": "Every version of every article, the current one included (`current` = 1).",
            "columns": column_docs(Article, {"year": YEAR_DOC, "seen_until": SEEN_UNTIL_DOC, "current": CURRENT_DOC}),
            "facets": ["current", "category"],
            "sortable_columns": ["url", "version", "version_seen", "published"],
        },
        "pages": {
            "description": "Text pages that are not articles (functions and duties, contacts, ...).",
            "columns": column_docs(Page, {}),
            "label_column": "title",
        },
        "visitors": {
            "description": "Snapshots of the home page's visit counter and users-online widget, in time order.",
            "columns": {"id": "Row number.", **visitor_docs},
            "facets": ["fetched_from"],
            "sortable_columns": ["time", "visits", "visits_today", "online_total"],
            "sort": "time",
        },
        "authors": {
            "description": "One row per article and author the byline credits: articles by author.",
            "columns": {
                "article_url": "The article (`articles.url`).",
                "position": "1 for the first name of the byline, and so on.",
                "name": "The name, whole as written (`P.T.Thủy`, `T.T.B`).",
            },
            "facets": ["name"],
        },
        "documents": {
            "description": "Legal and party documents the articles cite.",
            "columns": {
                "article_url": "The article (`articles.url`).",
                "position": "Order of the citation in the body.",
                "kind": 'Kind of document as written ("Nghị quyết", "Chương trình", "Kế hoạch").',
                "number": "The number as written (`36-NQ/TW`).",
                "date": "Its date, ISO `YYYY-MM-DD`; null when not given.",
            },
            "facets": ["kind"],
        },
        "media": {
            "description": "The body images and attachments of each article, as stored in `media/`.",
            "columns": {
                "article_url": "The article (`articles.url`).",
                "position": "Order in the article.",
                "url": "Where the file was downloaded from.",
                "kind": "`image` or `attachment` (null when the article lists it as neither).",
                "path": "The file in the archive, relative to ARCHIVE_DIR: `media/ab/abcd….jpg`.",
                "sha256": "SHA-256 of the file (its name).",
            },
            "facets": ["kind"],
        },
        "articles_fts": {"hidden": True},
        "_meta": {"hidden": True},
    }
    return {
        "title": "Long An science and technology associations portal: the archive",
        "description": "Articles, text pages and visit counts of lavusta.longan.gov.vn (Liên hiệp các Hội Khoa học và "
        "Kỹ thuật tỉnh Long An), as archived by lavusta-archiver. Built by `python -m scraper publish` from the "
        "archive's record files; see the project's README for the data dictionary.",
        "license": "Texts and images: © the portal and their authors; archived for research",
        "source": "lavusta.longan.gov.vn",
        "source_url": "https://lavusta.longan.gov.vn/",
        "databases": {
            Path(DB_NAME).stem: {
                "tables": tables,
                "queries": {
                    "search": {
                        "title": "Search articles, accents optional",
                        "description": 'Words without their accents find the accented ones: "dang" finds "Đảng", '
                        '"hoi nghi tri thuc" finds "Hội nghị trí thức".',
                        "sql": SEARCH_SQL,
                    }
                },
            }
        },
    }


def write_metadata(archive: Path) -> None:
    text = json.dumps(metadata(), ensure_ascii=False, indent=2) + "\n"
    path = archive / METADATA_NAME
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        store.atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


# --- command line ------------------------------------------------------------------------------


def summary(counts: Counts, archive: Path, seconds: float) -> str:
    line = (
        f"publish: {counts.articles} articles, {counts.versions} versions, {counts.pages} pages, "
        f"{counts.visitors} visitor snapshots, {counts.authors} authors, {counts.documents} documents, "
        f"{counts.media} media → {archive / DB_NAME} in {seconds:.1f} s"
    )
    left = {
        "unreadable lines": counts.unreadable_lines,
        "duplicates": counts.duplicates,
        "versions of articles not in articles.jsonl": counts.orphan_versions,
    }
    skipped = ", ".join(f"{n} {what}" for what, n in left.items() if n)
    return f"{line} (left out: {skipped})" if skipped else line


def main(archive: Path) -> int:
    started = time.monotonic()
    try:
        counts = publish(archive)
    except (Unpublishable, OSError, sqlite3.Error) as exc:
        print(f"publish: {exc}", file=sys.stderr)
        return 1
    if counts is None:
        print(f"publish: {archive / DB_NAME} is up to date (the record files are unchanged)")
        if all((archive / f"{name}.parquet").exists() for name in PARQUET_TABLES):
            return 0
    else:
        print(summary(counts, archive, time.monotonic() - started))
    try:
        written = archive_tables.write_parquet(archive)
    except (OSError, ValueError, pa.ArrowException) as exc:
        print(f"publish: the Parquet files could not be written: {exc}", file=sys.stderr)
        return 1
    print(f"publish: {', '.join(path.name for path in written)} written beside the CSV files")
    return 0
