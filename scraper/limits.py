"""The limits that stop a crawl trap, and what each stopped, for the run's manifest.

A site can open an endless space of URLs (a path that repeats, an id that grows, a
"next" button that never runs out); each limit below stops one kind, and a run that
meets one says so: by name, value and the requests it kept from being sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy.settings import BaseSettings


@dataclass(frozen=True)
class Limit:
    name: str
    setting: str
    stat: str | None = None  # counts the requests it dropped, one by one
    finish_reason: str | None = None  # or: it closed the run, and the queue left is what it stopped
    seconds: bool = False  # its value is a number of seconds, not a count


LIMITS = (
    Limit("depth", "DEPTH_LIMIT", stat="depth/request_ignored_count"),
    Limit("list_pages", "ARCHIVE_MAX_LIST_PAGES", stat="limits/list_pages"),
    Limit("requests_per_run", "CLOSESPIDER_PAGECOUNT", finish_reason="closespider_pagecount"),
    Limit("run_time", "CLOSESPIDER_TIMEOUT", finish_reason="closespider_timeout", seconds=True),
)
STOPPED_BY = {limit.finish_reason: limit for limit in LIMITS if limit.finish_reason}


def stopped(limit: Limit, stats: dict[str, Any]) -> int:
    """Requests the limit kept from being sent."""
    if limit.stat:
        return stats.get(limit.stat, 0)
    if stats.get("finish_reason") != limit.finish_reason:
        return 0
    return max(0, stats.get("scheduler/enqueued", 0) - stats.get("scheduler/dequeued", 0))


def report(stats: dict[str, Any], settings: BaseSettings) -> dict[str, dict[str, Any]]:
    """The manifest's ``limits``: each limit's setting, value, whether it was hit and what it stopped."""
    return {
        limit.name: {
            "setting": limit.setting,
            "value": settings.getfloat(limit.setting) if limit.seconds else settings.getint(limit.setting),
            "hit": bool(stopped(limit, stats)) or stats.get("finish_reason") == limit.finish_reason,
            "stopped": stopped(limit, stats),
        }
        for limit in LIMITS
    }


def summary(limits: dict[str, dict[str, Any]]) -> str:
    """The limits hit, for the closing log line: "; limits hit: depth (DEPTH_LIMIT=50) stopped 12 requests"."""
    hit = [
        f"{name} ({entry['setting']}={entry['value']}) stopped {entry['stopped']} requests"
        for name, entry in limits.items()
        if entry["hit"]
    ]
    return f"; limits hit: {', '.join(hit)}" if hit else ""


def stop_reason(finish_reason: str) -> str:
    """Why a run stopped before the end, naming the limit when one closed it."""
    limit = STOPPED_BY.get(finish_reason)
    if limit is None:
        return f"the run was stopped before the end ({finish_reason})"
    return f"the run was stopped by the {limit.name.replace('_', '-')} limit ({limit.setting}) [{finish_reason}]"
