"""README's data dictionary says what the code writes: every field, with its meaning."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from scraper.items import RECORD_FILES, field_docs

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _section(name: str) -> str:
    start = README.index(f"#### `{name}.jsonl`")
    end = README.find("####", start + 4)
    return README[start : end if end != -1 else None]


@pytest.mark.parametrize(("cls", "name"), RECORD_FILES.items())
def test_every_field_is_documented_with_its_meaning(cls, name):
    section = _section(name)
    for field_name, doc in field_docs(cls):
        assert f"| `{field_name}` |" in section
        assert doc in section


@pytest.mark.parametrize(("cls", "name"), RECORD_FILES.items())
def test_no_documented_field_that_the_code_does_not_write(cls, name):
    documented = re.findall(r"^\| `(\w+)` \|", _section(name), re.MULTILINE)
    assert documented == [f.name for f in fields(cls)]
