"""The Scrapy project of the LHH Long An portal archiver."""

__version__ = "0.1.0"
