"""The crawl never leaves its origin: the start URL's scheme, host and port.

Scrapy's own offsite filter compares host names only, so a link, a redirect or an
image to another port of the same host (another service, perhaps one that should not
be public) would be fetched and archived. This downloader middleware sits where
Scrapy's did, before robots.txt is asked, and redirects come back through it.
The one exception is https on the same host: an ``http://`` start may be redirected to
``https://``, and an ``https://`` start's own ``http://`` links are asked for over
https. Files may also come from the hosts of ``ARCHIVE_MEDIA_HOSTS``, but only the
requests the media pipeline marks ``allow_offsite``, never pages.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import NamedTuple
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.spiders import Spider

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


def on_loopback(url: str) -> bool:
    """Whether ``url`` is on this machine (a replica, a test server): nobody there to reach."""
    host = urlsplit(url).hostname or ""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Origin(NamedTuple):
    scheme: str
    host: str
    port: int


def origin(url: str) -> Origin | None:
    """Scheme, host and port (the scheme's default when none is written); None for no web URL."""
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:  # a port that is no number
        return None
    return Origin(scheme, host, port) if host and port else None


def same_origin(url: str, start: str) -> bool:
    """Whether ``url`` is on ``start``'s origin, or is its upgrade from http:80 to https:443."""
    here, home = origin(url), origin(start)
    if here is None or home is None:
        return False
    upgrade = Origin("https", home.host, 443) if (home.scheme, home.port) == ("http", 80) else None
    return here in (home, upgrade)


def upgraded(url: str, start: str) -> str | None:
    """``url`` on https, when it is the plain-http address of an https start's host; else None.

    Pages of an https site often still link their own host over http; such a link names
    the same page, so it is asked for over https rather than dropped or fetched twice.
    """
    here, home = origin(url), origin(start)
    if here is None or home is None or (home.scheme, home.port) != ("https", 443):
        return None
    if (here.scheme, here.host, here.port) != ("http", home.host, 80):
        return None
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1].split(":")[0] if parts.port == 80 else parts.netloc
    return parts._replace(scheme="https", netloc=netloc).geturl()


def refusal(url: str, start: str, media_hosts: set[str], *, is_media: bool, also: tuple[str, ...] = ()) -> str | None:
    """Why a request for ``url`` is not made on a crawl of ``start``; None when it may be.

    Only a spider with a ``start_url`` (the portal spider) has an origin to keep to; a
    spider that reads more than one server (the history spider: a CDX server and a replay
    server) names them all in ``also``.
    """
    if not start or any(same_origin(url, home) for home in (start, *also)):
        return None
    where = origin(url)
    if is_media and where is not None and where.host in media_hosts:
        return None
    return f"Off the start URL's origin: {url}"


class SameOriginMiddleware:
    """Drops every request off the start URL's origin, counted as ``offsite/filtered``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.media_hosts = {host.lower() for host in crawler.settings.getlist("ARCHIVE_MEDIA_HOSTS")}
        self.logged: set[Origin | None] = set()
        self.start = ""
        self.also: tuple[str, ...] = ()
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SameOriginMiddleware:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        self.start = getattr(spider, "start_url", "")
        self.also = tuple(getattr(spider, "allowed_origins", ()))

    def process_request(self, request: Request) -> Request | None:
        secure = upgraded(request.url, self.start)
        if secure is not None:
            self.crawler.stats.inc_value("offsite/upgraded_to_https")
            return request.replace(url=secure)
        is_media = bool(request.meta.get("allow_offsite"))
        why = refusal(request.url, self.start, self.media_hosts, is_media=is_media, also=self.also)
        if why is None:
            return
        self.crawler.stats.inc_value("offsite/filtered")
        where = origin(request.url)
        if where not in self.logged:
            self.logged.add(where)
            logger.info("Not fetched, off the start URL's origin (logged once per origin): %s", request.url)
        raise IgnoreRequest(why)
