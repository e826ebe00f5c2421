"""Which pages an incremental run fetches again, decided from the state store.

The home page and the first page of every list are always fetched: that is where
new articles appear. A known article or text page is fetched again only when it was
last seen longer ago than the revisit age, or when a refresh is asked for, and then
with the validators the server gave (If-None-Match, If-Modified-Since), so an
unchanged page costs a 304. Deeper list pages are followed in a full run, in the
first run of an archive, or when the page before them showed an article not yet seen.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scraper.state import StateStore

REVISITED_KINDS = ("article", "page")


class RevisitPolicy:
    def __init__(self, state: StateStore, max_age: timedelta, *, full: bool, refresh: bool) -> None:
        self.state = state
        self.max_age = max_age
        self.refresh = refresh
        self.full = full or state.is_empty()
        self.now = datetime.now(UTC)

    def skip(self, url: str) -> bool:
        """A known article or text page seen within the revisit age."""
        if self.refresh:
            return False
        seen = self.state.get(url)
        return seen is not None and seen.kind in REVISITED_KINDS and self.state.is_fresh(url, self.max_age, self.now)

    def fetched_this_run(self, url: str) -> bool:
        """Seen since this run began (times compared as times: the state keeps whole seconds)."""
        seen = self.state.get(url)
        if seen is None or not seen.last_seen:
            return False
        return datetime.fromisoformat(seen.last_seen) >= self.now.replace(microsecond=0)

    def due(self) -> list[str]:
        """Known articles and pages to check again now, linked or not (a removed one is linked no more)."""
        cutoff = self.now if self.refresh else self.now - self.max_age
        return self.state.due(REVISITED_KINDS, cutoff.isoformat())

    def conditional_headers(self, url: str) -> dict[str, str]:
        """Validators for a page the archive holds; none for one whose record was never archived."""
        seen = self.state.get(url)
        if seen is None or seen.kind not in REVISITED_KINDS or seen.last_status not in (200, 304):
            return {}
        headers = {}
        if seen.etag:
            headers["If-None-Match"] = seen.etag
        if seen.last_modified:
            headers["If-Modified-Since"] = seen.last_modified
        return headers

    def follow_deeper(self, article_urls: list[str]) -> bool:
        """Whether to go on to the next list page: a full run, or this page shows a new article."""
        return self.full or any(not self.state.known(url) for url in article_urls)
