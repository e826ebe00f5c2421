"""A bare Scrapy spider, the benchmark's baseline: it crawls the site as ours does, and does nothing else.

From the start URL it reads every ``<a href>`` and ``<img src>`` of each HTML page (one
pass over the tree Scrapy's selector has already parsed) and:

- fetches every http(s) URL they name on the start URL's host (Scrapy's offsite filter,
  ``allowed_domains``), each once: pages, and the images and attachments ours stores
  too (ours fetches only those of an article's body; the skin's few images are the
  difference); a page that is HTML is read in turn, any other answer is dropped;
- posts every ``__doPostBack`` pager link back through the page's first form with
  Scrapy's ``FormRequest.from_response`` (``__EVENTTARGET``/``__EVENTARGUMENT``,
  urlencoded: the same POSTs ours sends).

The portal writes one article's link four ways (parameter order, case, a ``mid``): the
bare spider names a page with the project's ``canonical_url``, and a list page by its
list (``split_paging``) and number, whether a ``&Page=`` link or a pager post names it,
so it fetches each page once, as ours does, and not four times. Those two pure URL
functions are all it takes from the project: it parses no page, normalizes nothing,
writes nothing. Nothing is handed to it up front. Like ours, it resolves a "/path" link
(pager, menu) once per site, not once per page: until 2026-12-07 it resolved each link of
each page again, which at 30,000 articles (2,000 pager links on each of 6,000 list pages)
cost it more than all of our parsing and made our crawl look faster than it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import FormRequest, HtmlResponse, Response

from scraper.parsers.urls import canonical_url, split_paging

POSTBACK = re.compile(r"__doPostBack\(\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]\s*\)")
NUMBER = re.compile(r"(\d+)$")


@lru_cache(maxsize=8192)
def named(href: str, base: str) -> tuple[str, tuple[str, str | None]] | None:
    """The canonical URL a link names and what names it once (its list and number for a list page)."""
    url = urljoin(base, href)
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    url = canonical_url(url)
    here, page = split_paging(url)
    return url, ((url, None) if page is None else (here, str(page)))


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings: ClassVar[dict] = {"ITEM_PIPELINES": {}, "DOWNLOADER_MIDDLEWARES": {}, "EXTENSIONS": {}}

    def __init__(self, start_url: str = "", *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.start_urls = [start_url]
        self.allowed_domains = [urlsplit(start_url).hostname or ""]
        self.asked: set[tuple[str, str | None]] = set()

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, HtmlResponse):
            return
        here = None
        origin = "/".join(response.url.split("/", 3)[:3]) + "/"  # all a "/path" link's resolving reads
        for element in response.selector.root.iter("a", "img"):
            href = (element.get("href" if element.tag == "a" else "src") or "").strip()
            if not href or href.startswith("#"):
                continue
            found = POSTBACK.search(href)
            if found:
                here = here or split_paging(canonical_url(response.url))[0]
                yield from self.post(response, here, found, element.text_content())
                continue
            link = named(href, origin if href.startswith("/") and not href.startswith("//") else response.url)
            if link and link[1] not in self.asked:
                self.asked.add(link[1])
                yield scrapy.Request(link[0], callback=self.parse)

    def post(self, response: HtmlResponse, here: str, found: re.Match, text: str) -> Iterator[FormRequest]:
        """The POST for a numbered pager link, the first time its list page is named."""
        shown = NUMBER.search(" ".join(text.split())) or NUMBER.search(found.group(2))
        if not shown or (here, shown.group(1)) in self.asked:
            return
        self.asked.add((here, shown.group(1)))
        data = {"__EVENTTARGET": found.group(1), "__EVENTARGUMENT": found.group(2)}
        yield FormRequest.from_response(
            response, formxpath="(//form)[1]", formdata=data, dont_click=True, dont_filter=True, callback=self.parse
        )
