"""Extensions of the project that are about the process, not the crawl (see
EXTENSIONS in settings; the Worker lives with the scheduler)."""

from __future__ import annotations

import gc

from scrapy import signals
from scrapy.exceptions import NotConfigured


class FreezeStartupObjects:
    """Once the spider is open, the objects the process keeps for its whole
    life (modules, classes, functions, settings: ~130,000 of them) are moved
    out of the garbage collector's sight with ``gc.freeze()``.

    Every full collection walks all tracked objects: ~0.1 s each on a busy
    2-core machine, repeated while crawling, and five or six times over when
    the interpreter exits, which is what a user waited for after the crawl
    was over (0.6 s after every ``scrapy crawl``). Objects made later (pages,
    requests, items) are collected as before. ``SCRAPEJET_GC_FREEZE = False``
    turns it off."""

    @classmethod
    def from_crawler(cls, crawler) -> FreezeStartupObjects:
        if not crawler.settings.getbool("SCRAPEJET_GC_FREEZE"):
            raise NotConfigured
        extension = cls()
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        return extension

    def spider_opened(self, spider) -> None:
        # start-up garbage first, so that it is freed rather than kept
        gc.collect()
        gc.freeze()
