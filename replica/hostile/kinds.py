"""Faults of this kind: none yet."""

from __future__ import annotations

from typing import Any

FAULTS: dict[str, str] = {}


def handle(handler: Any, method: str, path: str, query: dict[str, str], body: bytes) -> bool:
    return False
