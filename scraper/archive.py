"""The archive's record files as typed pandas tables, for research.

``archive.articles(DIR)`` and its siblings read the JSON Lines files (never the CSV
copies, whose cells are text) one line at a time and give each column a real
dtype, so that dates sort and resample as dates, counts stay integers beside nulls, and
lists stay lists:

- times (``fetched_at``, ``captured_at``, ``version_seen``, ``first_seen``,
  ``removed_at``, ``seen_until``): ``datetime64[ns, UTC]``, NaT when null;
- ``page_clock``: ``datetime64[ns, Asia/Ho_Chi_Minh]``, the portal's own clock (+07:00);
- ``published``: ``datetime64[ns]`` at midnight, no zone: a calendar day as the page
  states it, which ``.dt.to_period("M")``, ``.dt.year`` and resampling understand;
- integers (``cms_id``, ``version``, ``views``, ``visits`` …): nullable ``Int64``;
- text: ``string`` (missing values are ``pd.NA``);
- lists and objects (``authors``, ``documents``, ``normalized`` …): Python lists and
  dicts in ``object`` columns.

Columns are the data dictionary's (``scraper/items.py``), in its order; a missing or
empty file gives an empty table with the same columns and dtypes. A line that is not a
JSON object is skipped with a warning (the crawl itself sets such lines aside).

``write_parquet(DIR)`` writes the four tables as Parquet files beside the CSV files, for
tools that read Parquet (DuckDB, Polars, R's arrow): the same dtypes; lists of text as
Parquet lists, objects and lists of objects as JSON text (their keys vary from record to
record, which Parquet's fixed structs cannot hold).
"""

from __future__ import annotations

import json
import types
import typing
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet

from pipelines import store
from scraper.items import Article, Page, Visitors

UTC_TIME = "datetime64[ns, UTC]"
CLOCK_ZONE = "Asia/Ho_Chi_Minh"
CLOCK_TIME = f"datetime64[ns, {CLOCK_ZONE}]"
DAY = "datetime64[ns]"
TIME_COLUMNS = {"fetched_at", "captured_at", "version_seen", "first_seen", "removed_at", "seen_until"}


Columns = Iterable[str] | None


def articles(directory: str | Path, columns: Columns = None) -> pd.DataFrame:
    """The current version of every article (``articles.jsonl``), sorted as the file is (by ``cms_id``).

    ``columns`` keeps only those (a table without ``body_raw`` takes less memory)."""
    return _table(Path(directory) / "articles.jsonl", _only(schema(Article), columns))


def versions(directory: str | Path, columns: Columns = None) -> pd.DataFrame:
    """Every version of every article: the earlier ones (``versions.jsonl``, with ``seen_until``)
    and the current ones (``articles.jsonl``, ``seen_until`` NaT), ``current`` telling which;
    sorted by ``cms_id``, ``url`` and ``version`` (kept whatever ``columns`` says)."""
    keys = ["cms_id", "url", "version"]
    wanted = _only({**schema(Article), "seen_until": UTC_TIME}, None if columns is None else [*keys, *columns])
    earlier = _table(Path(directory) / "versions.jsonl", wanted)
    now = _table(Path(directory) / "articles.jsonl", wanted)
    earlier["current"] = pd.array([False] * len(earlier), dtype="boolean")
    now["current"] = pd.array([True] * len(now), dtype="boolean")
    every = pd.concat([part for part in (earlier, now) if len(part)] or [now], ignore_index=True)
    return every.sort_values(keys, kind="stable", ignore_index=True)


def pages(directory: str | Path, columns: Columns = None) -> pd.DataFrame:
    """Every text page that is not an article (``pages.jsonl``)."""
    return _table(Path(directory) / "pages.jsonl", _only(schema(Page), columns))


def visitors(directory: str | Path, columns: Columns = None) -> pd.DataFrame:
    """Every visitor-counter snapshot (``visitors.jsonl``), in the file's order (time order)."""
    return _table(Path(directory) / "visitors.jsonl", _only(schema(Visitors), columns))


def _only(columns: dict[str, str], names: Columns) -> dict[str, str]:
    """The columns named (in the table's order), or all; an unknown name is an error, not an empty column."""
    if names is None:
        return columns
    unknown = set(names) - set(columns)
    if unknown:
        raise KeyError(f"no such column: {', '.join(sorted(unknown))}")
    return {name: dtype for name, dtype in columns.items() if name in set(names)}


def schema(cls: type) -> dict[str, str]:
    """Column name → pandas dtype for a record class of ``scraper.items``, read from its type hints."""
    hints = typing.get_type_hints(cls)
    return {f.name: _dtype(f.name, hints[f.name]) for f in fields(cls)}


def _dtype(name: str, hint: Any) -> str:
    if name in TIME_COLUMNS:
        return UTC_TIME
    if name == "page_clock":
        return CLOCK_TIME
    if name == "published":
        return DAY
    kinds = set(typing.get_args(hint)) - {type(None)} if isinstance(hint, types.UnionType) else {hint}
    if kinds == {int}:
        return "Int64"
    if kinds == {str}:
        return "string"
    return "object"


def _records(path: Path) -> Iterator[dict[str, Any]]:
    """The file's JSON objects, one line at a time; nothing when the file is missing."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                warnings.warn(f"{path} line {number} is not JSON ({exc}); skipped", stacklevel=3)
                continue
            if isinstance(record, dict):
                yield record
            else:
                warnings.warn(f"{path} line {number} is not a JSON object; skipped", stacklevel=3)


def _table(path: Path, columns: dict[str, str]) -> pd.DataFrame:
    """The file's records as columns (only the declared ones), each cast to its dtype."""
    values: dict[str, list[Any]] = {name: [] for name in columns}
    for record in _records(path):
        for name, column in values.items():
            column.append(record.get(name))
    return pd.DataFrame({name: _column(values[name], dtype) for name, dtype in columns.items()})


def _column(values: list[Any], dtype: str) -> pd.Series:
    if dtype == UTC_TIME:
        return pd.Series(pd.to_datetime(values, utc=True, format="ISO8601"), dtype=UTC_TIME)
    if dtype == CLOCK_TIME:
        return pd.Series(pd.to_datetime(values, utc=True, format="ISO8601"), dtype=UTC_TIME).dt.tz_convert(CLOCK_ZONE)
    if dtype == DAY:
        return pd.Series(pd.to_datetime(values, format="ISO8601"), dtype=DAY)
    if dtype == "object":
        return pd.Series(values, dtype="object")
    return pd.Series(values, dtype=dtype)


def write_parquet(directory: str | Path) -> list[Path]:
    """``articles``, ``versions``, ``pages`` and ``visitors`` as ``<name>.parquet``, each replaced atomically."""
    written = []
    for name, load in (("articles", articles), ("versions", versions), ("pages", pages), ("visitors", visitors)):
        frame = load(directory)
        table = pa.Table.from_pandas(_parquet_ready(frame), preserve_index=False)
        path = Path(directory) / f"{name}.parquet"
        store.atomic_write(path, lambda tmp, table=table: pa.parquet.write_table(table, tmp))
        written.append(path)
    return written


def _parquet_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns Parquet can hold: lists of text kept, anything else (objects, lists of objects) as JSON text."""
    ready = frame.copy()
    for name in ready.columns[ready.dtypes == "object"]:
        values = ready[name]
        text_lists = all(v is None or (isinstance(v, list) and all(isinstance(x, str) for x in v)) for v in values)
        if not text_lists:
            ready[name] = pd.Series(
                [None if v is None else json.dumps(v, ensure_ascii=False) for v in values], dtype="string"
            )
    return ready
