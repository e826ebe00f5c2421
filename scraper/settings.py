"""Settings of the portal archiver: the whole machine at a glance.

Override any of them on the command line: ``scrapy crawl portal -s NAME=VALUE``.
"""

import os

BOT_NAME = "lavusta-archiver"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"
COMMANDS_MODULE = "scraper.commands"

# --- Where the archive goes -------------------------------------------------
ARCHIVE_DIR = "output"

ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.media.ArchiveMediaPipeline": 250,
    "pipelines.archive.ArchivePipeline": 300,
}

# Next to the downloader: sees every response before decompression and redirects.
DOWNLOADER_MIDDLEWARES = {
    # Never off the start URL's scheme, host and port (Scrapy's filter checks the host only).
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scraper.origin.SameOriginMiddleware": 50,
    "scraper.warc.WarcCaptureMiddleware": 950,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.retry.BackoffRetryMiddleware": 550,
}
# Every request's fingerprint in a temporary SQLite file, not in memory (Scrapy's own with JOBDIR).
DUPEFILTER_CLASS = "scraper.dupefilter.DiskDupeFilter"
ARCHIVE_TONE_STYLE = "hòa"  # or "hoà": where the tone mark of open oa/oe/uy goes in normalized text
# --- Limits: each stops a crawl trap; the manifest's "limits" says which one was hit --------
# Links followed from the start page, one after another; list pages do not count (they
# have their own limit). Stops endless paths (/a/b/a/b/…) and ids that grow for ever.
DEPTH_LIMIT = 100
# Pages of one list (by link or by postback, "Trang sau" included); a pager that goes on
# past this is an endless space, not a list.
ARCHIVE_MAX_LIST_PAGES = 1000
# Responses in one run; the run stops and fails (exit status 1) when it is reached.
CLOSESPIDER_PAGECOUNT = 200_000
# Seconds one run may take; the run stops and fails (exit status 1) when they are up.
CLOSESPIDER_TIMEOUT = 2 * 24 * 3600
ARCHIVE_REVISIT_DAYS = 7  # a known article is fetched again when last seen longer ago
ARCHIVE_MAX_ERROR_RATE = 0.2  # a run with more failed requests than this has failed
ARCHIVE_MEDIA_HOSTS: list[str] = []  # other hosts the body's images and files may be fetched from
FILES_EXPIRES = 365  # days before a stored image or attachment is downloaded again
ARCHIVE_WARC_ENABLED = True
ARCHIVE_WARC_PREFIX = "lavusta"
ARCHIVE_WARC_MAX_SIZE = 1_000_000_000  # bytes; a new file is started past this

EXTENSIONS = {
    "scraper.extensions.RunReport": 500,
}

# --- Politeness: the portal is a small public server ------------------------
# Name the project and how to reach whoever runs it; set ARCHIVER_CONTACT to
# your e-mail address or web page before crawling the live portal.
# The spider warns when it is left unset.
ARCHIVER_CONTACT = os.environ.get("ARCHIVER_CONTACT", "")
USER_AGENT = (
    "lavusta-archiver/0.1 (research archive of the LHH Long An portal; "
    f"contact: {ARCHIVER_CONTACT or 'the operator has not set ARCHIVER_CONTACT'})"
)
ROBOTSTXT_OBEY = True
# Only the web: a page's link or image must never make the crawler read a local file.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
CONCURRENT_REQUESTS = 2
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 50 * 1024 * 1024  # bytes; a bigger answer is dropped and counted
DOWNLOAD_WARNSIZE = 10 * 1024 * 1024
RETRY_TIMES = 3
ARCHIVE_RETRY_BASE_DELAY = 2.0  # seconds, doubled at each retry of a 5xx/429 answer
ARCHIVE_RETRY_MAX_DELAY = 120.0  # longest wait, also for a server's Retry-After
COOKIES_ENABLED = True

# --- Output conventions -----------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"  # the console's; the run's log file in ARCHIVE_DIR/runs/ keeps INFO and up anyway
ARCHIVE_PROGRESS_SECONDS = 0  # > 0: a "N pages fetched, M records so far" line on the console this often
TELNETCONSOLE_ENABLED = False  # no listening port: a cron job needs none
REMOTE_CONTROL_ENABLED = False
# Scrapy reads a callback's source again (inspect, ast) whenever a request comes back from the
# disk queue: a new bound method each time, and its cache holds them weakly: 3% of a crawl's CPU.
# tests/test_scheduler.py runs the same check on every spider method once instead.
WARN_ON_GENERATOR_RETURN_VALUE = False
