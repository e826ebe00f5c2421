"""``python -m scraper wacz ARCHIVE_DIR [-o FILE]``: the archive's WARC files as one WACZ file.

A WACZ (Webrecorder's zip of WARC files, their CDX index and a pages index) opens
as it is in ReplayWeb.page and unpacks into pywb, so archivists can browse what the
crawl received. It is made by the ``wacz`` package (py-wacz 0.6, its ``create``
command called in-process); the pages index is ours: every article and text page of
``articles.jsonl`` and ``pages.jsonl``, at the capture its record was read from
(``fetched_at`` is that response's WARC-Date), titled as the page titles itself
(``title_raw``). A page whose capture is in no WARC file (archived before WARC capture
began) cannot be replayed, so py-wacz leaves it out; the summary line counts those.

py-wacz's indexer (cdxj-indexer) buffers every record decoded, only to read POST form
bodies, which are never content-encoded; decoding would inflate a decompression bomb
whole, and warcio 1.8.1's ``br`` decoder fails with Brotli 1.2 and later. While it runs,
records are buffered as stored instead (the index describes records as stored anyway).

Only closed WARC files are packed: a ``.open`` one is being written (or was left by a
killed run, for the next crawl to adopt). The WACZ is written beside its destination
and renamed into place, so a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from cdxj_indexer import bufferiter
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from pipelines import store

DEFAULT_NAME = "lavusta.wacz"
# cdxj-indexer's own buffer size: a record larger than this is spooled to disk.
SPOOL_BYTES = 1 << 16
RECORD_FILES = ("articles.jsonl", "pages.jsonl")
PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages", "title": "Articles and text pages"}
TITLE = "lavusta.longan.gov.vn archive"
# An error line quotes at most this much of an exception's message (warcio's quotes binary data).
MESSAGE_CHARS = 160
DESCRIPTION = "What lavusta-archiver received from the portal of the Long An science and technology associations."


class Unreadable(Exception):
    """The archive cannot be packaged; the message says why, in one line."""


class NoWarcs(Unreadable):
    """The archive holds no closed WARC file: nothing to package."""


def closed_warcs(archive: Path) -> list[Path]:
    """The archive's finished WARC files, oldest first (their names start with the run's time)."""
    return sorted((archive / "warc").glob("*.warc.gz"))


def records(path: Path) -> Iterator[dict]:
    """The records of one JSON Lines file of the archive; none if it does not exist."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise Unreadable(f"{path} line {number} is not JSON ({exc})") from exc
            if not isinstance(record, dict):
                raise Unreadable(f"{path} line {number} is not a JSON object")
            yield record


def warc_date(fetched_at: str) -> str:
    """``fetched_at`` (ISO 8601 with an offset) as a WARC-Date, the form py-wacz reads: ``2026-11-25T17:08:23Z``."""
    try:
        return datetime.fromisoformat(fetched_at).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError) as exc:
        raise Unreadable(f"fetched_at {fetched_at!r} is not an ISO 8601 time") from exc


def one_line(exc: BaseException) -> str:
    """An exception as a short line: its type, and its message with any unprintable character as "?"."""
    message = "".join(c if c.isprintable() else "?" for c in " ".join(str(exc).split()))
    cut = message[:MESSAGE_CHARS] + ("…" if len(message) > MESSAGE_CHARS else "")
    return f"{type(exc).__name__}: {cut}"


def page_entries(archive: Path) -> list[dict[str, str]]:
    """One pages-index entry per article and text page with a URL and a fetch time."""
    entries = []
    for name in RECORD_FILES:
        for record in records(archive / name):
            # A web-archive copy is in our WARC files under the address it was fetched from.
            url = record.get("capture_url") or record.get("url")
            if url and record.get("fetched_at"):
                title = record.get("title_raw") or record.get("title") or url
                entries.append({"url": url, "ts": warc_date(record["fetched_at"]), "title": title})
    return entries


def listed_pages(wacz: Path) -> list[dict]:
    """The entries of a WACZ's ``pages/pages.jsonl`` (its header line left out)."""
    with zipfile.ZipFile(wacz) as zf:
        if "pages/pages.jsonl" not in zf.namelist():
            return []
        lines = zf.read("pages/pages.jsonl").decode("utf-8").splitlines()
    return [entry for entry in map(json.loads, lines) if "format" not in entry]


def buffer_as_stored(record: ArcWarcRecord) -> None:
    """cdxj-indexer's ``buffer_record_content``, reading the record's bytes as stored, not decoded."""
    spool = tempfile.SpooledTemporaryFile(SPOOL_BYTES)  # noqa: SIM115 - cdxj-indexer closes it after the record
    shutil.copyfileobj(record.raw_stream, spool)
    spool.seek(0)
    record.buffered_stream = spool


@contextlib.contextmanager
def payloads_as_stored() -> Iterator[None]:
    """While the block runs, cdxj-indexer buffers records as stored (see the module's docstring)."""
    original = bufferiter.buffer_record_content
    bufferiter.buffer_record_content = buffer_as_stored
    try:
        yield
    finally:
        bufferiter.buffer_record_content = original


def create(warcs: list[Path], pages: list[dict[str, str]], output: Path) -> None:
    """Run py-wacz's ``create`` in-process; its chatter is kept for the error, never printed."""
    from wacz.main import main as wacz_main  # 0.3 s of imports that `extract` need not pay

    with tempfile.TemporaryDirectory(prefix="wacz-pages-") as work:
        pages_file = Path(work) / "pages.jsonl"
        lines = [PAGES_HEADER, *pages]
        pages_file.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
        args = ["create", "-o", str(output), "--pages", str(pages_file), "--title", TITLE, "--desc", DESCRIPTION]
        chatter = io.StringIO()
        with contextlib.redirect_stdout(chatter), payloads_as_stored():
            status = wacz_main([*args, *map(str, warcs)])
    if status != 0:
        said = chatter.getvalue().strip().splitlines()
        raise Unreadable(f"py-wacz failed: {said[-1] if said else status}")


def package(archive: Path, output: Path) -> tuple[int, int, int]:
    """Write the WACZ of ``archive`` to ``output``; (WARC files, pages listed, pages with no capture)."""
    if not archive.is_dir():
        raise Unreadable(f"{archive} is not a folder")
    warcs = closed_warcs(archive)
    if not warcs:
        raise NoWarcs(f"no closed WARC files in {archive / 'warc'}")
    pages = page_entries(archive)
    try:
        store.atomic_write(output, lambda tmp: create(warcs, pages, tmp))
    except (ArchiveLoadFailed, zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise Unreadable(f"a WARC file cannot be read ({one_line(exc)})") from exc
    listed = len(listed_pages(output))
    return len(warcs), listed, len(pages) - listed


def main(archive: Path, output: Path | None = None) -> int:
    """Package ``archive``; one summary line, or one error line and exit status 1."""
    output = output or archive / DEFAULT_NAME
    try:
        files, listed, uncaptured = package(archive, output)
    except NoWarcs as exc:
        print(f"wacz: {exc}; nothing to package", file=sys.stderr)
        return 1
    except (Unreadable, OSError) as exc:
        print(f"wacz: cannot package {archive}: {exc}", file=sys.stderr)
        return 1
    missing = f" ({uncaptured} archived pages have no capture in the WARC files)" if uncaptured else ""
    print(f"wacz: {output} written: {files} WARC files, {listed} pages listed{missing}")
    return 0
