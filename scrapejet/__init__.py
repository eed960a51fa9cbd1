"""ScrapeJET: a distributed web crawler built as a Scrapy project."""

__version__ = "0.1.0"
