"""The archive's files: merged, written whole to a temporary file, then swapped in.

A reader (or a crashed run) never sees half a file: every file is replaced with
``os.replace``, which is atomic on one file system.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

logger = logging.getLogger(__name__)

LIST_SEPARATOR = " | "
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


def read_jsonl(path: Path) -> Iterator[Record]:
    """Records of a JSON Lines file; a line that is not JSON is logged and set aside."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                logger.error("%s line %d is not JSON (%s); kept in %s.rejected", path, number, exc, path.name)
                with path.with_name(path.name + ".rejected").open("a", encoding="utf-8") as bad:
                    bad.write(line if line.endswith("\n") else line + "\n")


def write_jsonl(path: Path, records: Iterable[Record]) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    atomic_write(path, write)


def latest_by(records: Iterable[Record], key: str) -> dict[str, Record]:
    """One record per ``key``, the most recently fetched (a later one wins a tie)."""
    kept: dict[str, Record] = {}
    for record in records:
        old = kept.get(record[key])
        if old is None or (record.get("fetched_at") or "") >= (old.get("fetched_at") or ""):
            kept[record[key]] = record
    return kept


def _flat(value: Any, keys: tuple[str, ...]) -> str:
    """An object of a list as a few words: the values of ``keys``, else its JSON."""
    if not isinstance(value, dict):
        return str(value)
    if keys:
        return " ".join(str(value[k]) for k in keys if value.get(k) is not None)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def control_picture(match: re.Match[str]) -> str:
    """A control as a visible stand-in: its Unicode control picture (ESC → ␛, DEL → ␡), U+FFFD for C1 (none has one)."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def csv_cell(value: Any, keys: tuple[str, ...] = ()) -> Any:
    """A value as a spreadsheet- and terminal-safe cell.

    Lists are joined, objects flattened, controls made visible, formulas neutralized.
    """
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(_flat(v, keys) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    if not isinstance(value, str):
        return value
    value = CSV_CONTROL.sub(control_picture, value)
    return "'" + value if value.startswith(FORMULA_START) else value


def write_csv(path: Path, records: list[Record], columns: dict[str, tuple[str, ...]]) -> None:
    """CSV in UTF-8 with a BOM, so that Excel shows Vietnamese right.

    ``columns`` maps each column to the keys its objects keep (see ``scraper.items``).
    """
    rows = [[csv_cell(r.get(c), keys) for c, keys in columns.items()] for r in records]
    frame = pd.DataFrame(rows, columns=list(columns), dtype=object)
    atomic_write(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig"))
