"""Shared fixtures: the real seed page, and the replica portal served on loopback."""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

SEED_TEXT_FILE = Path(__file__).parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt"
SEED_URL = "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&ChiTiet=True&CmsId=743"


def text_to_html(text: str) -> str:
    """A page with no markup to lean on: each line of a text scrape is one paragraph."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
    return f"<html><body>{paragraphs}</body></html>"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_html(seed_text: str) -> str:
    return text_to_html(seed_text)


# Hypothesis: a short run in the normal suite; `make fuzz` runs 10,000 cases per property.
settings.register_profile("suite", max_examples=60, deadline=None)
settings.register_profile("fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
