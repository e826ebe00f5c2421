"""The archive's files: merged, written whole to a temporary file, then swapped in.

A reader (or a crashed run) never sees half a file: every file is replaced with
``os.replace``, which is atomic on one file system.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

logger = logging.getLogger(__name__)

# A cell that starts with one of these is a formula to a spreadsheet (CWE-1236).
FORMULA_START = ("=", "+", "-", "@", "\t")
# C0 controls but tab and line feed, DEL and C1 controls: a terminal runs them (ESC [31m
# recolours it, a lone CR overwrites the line). Tab and line feed are plain text in a
# quoted cell (a body's paragraphs are split by line feeds).
CSV_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Record = dict[str, Any]


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o644)
    try:
        write(Path(tmp))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def replacing(*paths: Path) -> Iterator[list[Path]]:
    """Temporary files beside ``paths``; when the block ends without error they replace them, in order.

    A file is either the old one or the whole new one; a kill between two renames
    leaves the earlier files new and the later ones old, so callers order them so
    that this is safe to merge again.
    """
    temps: list[Path] = []
    try:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            os.close(fd)
            os.chmod(tmp, 0o644)
            temps.append(Path(tmp))
        yield temps
        for tmp in temps:
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
        for tmp, path in zip(temps, paths, strict=True):
            os.replace(tmp, path)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def jsonl_lines(path: Path) -> Iterator[tuple[int, Record]]:
    """(byte offset, record) of each line of a JSON Lines file, streamed.

    A line that is not a JSON object is logged and set aside in ``<file>.rejected``, never dropped.
    """
    if not path.exists():
        return
    with path.open("rb") as fh:
        offset, number = 0, 0
        for raw in fh:
            number += 1
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                if not isinstance(record, dict):
                    raise ValueError(f"a JSON {type(record).__name__}, not an object")
                yield start, record
            except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
                logger.error("%s line %d is not a record (%s); kept in %s.rejected", path, number, exc, path.name)
                with path.with_name(path.name + ".rejected").open("ab") as bad:
                    bad.write(raw if raw.endswith(b"\n") else raw + b"\n")


# The start of a record line as ``jsonl_line`` writes it: its URL is read without the rest.
_URL_FIRST = re.compile(rb'^\{"url": ("(?:[^"\\]|\\.)*")')


def jsonl_urls(path: Path) -> Iterator[str | None]:
    """The ``url`` of each record of a JSON Lines file, without parsing the records whole.

    A record of tens of megabytes costs its line's bytes here, not a parsed copy.
    """
    if not path.exists():
        return
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            head = _URL_FIRST.match(raw)
            try:
                yield json.loads(head[1]) if head else json.loads(raw).get("url")
            except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                yield None


def count_lines(path: Path) -> int:
    """How many records a JSON Lines file holds (its lines that are not blank), read in chunks: none is parsed."""
    if not path.exists():
        return 0
    count, open_line = 0, False
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            *ended, rest = chunk.split(b"\n")
            for piece in ended:
                count += open_line or bool(piece.strip())
                open_line = False
            open_line = open_line or bool(rest.strip())
    return count + open_line


def read_jsonl(path: Path) -> Iterator[Record]:
    """Records of a JSON Lines file; a line that is not JSON is logged and set aside."""
    for _, record in jsonl_lines(path):
        yield record


def record_at(path: Path, offset: int) -> Record:
    """The record on the line starting at ``offset`` (from ``jsonl_lines``)."""
    with path.open("rb") as fh:
        fh.seek(offset)
        return json.loads(fh.readline())


# ``json.dumps(value, ensure_ascii=False)`` without a new encoder at each call: a merge writes a record
# line and a dozen list cells of its CSV row for every record of the archive.
to_json = json.JSONEncoder(ensure_ascii=False).encode


def jsonl_line(record: Record) -> str:
    return to_json(record) + "\n"


def write_jsonl(path: Path, records: Iterable[Record]) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(jsonl_line(record))

    atomic_write(path, write)


def control_picture(match: re.Match[str]) -> str:
    """A control as a visible stand-in: its Unicode control picture (ESC → ␛, DEL → ␡), U+FFFD for C1 (none has one)."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def csv_cell(value: Any) -> Any:
    """A value as a spreadsheet- and terminal-safe cell.

    Lists and objects are JSON (``json.loads`` gives them back), controls made visible,
    formulas neutralized.
    """
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = to_json(value)
    if not isinstance(value, str):
        return value
    value = CSV_CONTROL.sub(control_picture, value)
    return "'" + value if value.startswith(FORMULA_START) else value


class CsvWriter:
    """CSV in UTF-8 with a BOM, so that Excel shows Vietnamese right, one record at a time."""

    def __init__(self, fh: IO[str], columns: list[str]) -> None:
        self.columns = columns
        self.writer = csv.writer(fh, lineterminator="\n")
        fh.write("\ufeff")
        self.writer.writerow(list(columns))

    def write(self, record: Record) -> None:
        self.writer.writerow([csv_cell(record.get(column)) for column in self.columns])
