"""Counting what a leased request produced: the lease middleware.

A lease is acknowledged once its request is fully handled (see
``worker.Worker``), so every item and request its callback yields is
counted on the way out, and the end of the output is noted. Spiders only
yield; what they yield also says what the request came to:

* a page item (``PageItem``): the request was ``crawled``;
* a ``FailureItem``: why it produced no page, with its outcome. It is
  stored here and goes no further: failures are crawl metadata, not scraped
  data, so item pipelines and feed exports never see them;
* an ``Outcome`` on its own, when the other output cannot say it (a guessed
  path that was no page, a backlink source read). It goes no further either.

Without any of those a page request was ``skipped`` (a cancelled job), and a
robots.txt, sitemap or probe is ``aux``.

If Redis fails while the output is produced (a job record that cannot be
read), the lease is given back to the queue rather than acknowledged: the
request is crawled again, not counted ``skipped``.

Scrapy passes a callback's output through the spider middlewares, and an
errback's when a middleware raised (``HttpError``), but calls the errback of
a download error (DNS, refused, timeout) on its own. So the spiders' errback
counts its output with ``LeaseOutput`` too, and whichever starts iterating
an output first counts it (``Worker.start_counting``): never twice, never
not at all."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import asdict
from typing import Any

import redis
from scrapy import Request

from ..items import FailureItem, PageItem
from ..runtime import CrawlerRuntime
from .outcomes import CRAWLED, Outcome
from .worker import Worker


class LeaseOutput:
    def __init__(self, worker: Worker, runtime: CrawlerRuntime):
        self.worker = worker
        self.runtime = runtime

    @classmethod
    def from_crawler(cls, crawler) -> LeaseOutput:
        return cls(crawler.get_extension(Worker), crawler.get_extension(CrawlerRuntime))

    def _take(self, rid: str, output: Any) -> bool:
        """Count one output of lease ``rid``; False if it goes no further."""
        worker = self.worker
        if isinstance(output, Outcome):
            worker.set_outcome(rid, output)
            return False
        if isinstance(output, FailureItem):
            self.runtime.storage.record_failure(asdict(output))
            worker.set_outcome(rid, output.outcome)
            return False
        if isinstance(output, Request):
            worker.child_started(rid, output)
        else:
            if isinstance(output, PageItem) and worker.outcome(rid) is None:
                worker.set_outcome(rid, CRAWLED)
            worker.item_started(rid, output)
        return True

    def count(self, rid: str | None, outputs: Iterable[Any]) -> Iterable[Any]:
        if not self.worker.start_counting(rid):
            yield from outputs  # not a lease of ours, or counted further in
            return
        try:
            for output in outputs:
                if self._take(rid, output):
                    yield output
        except redis.RedisError:
            self.worker.give_back(rid)  # not handled: crawled again, never counted skipped
            raise
        finally:
            self.worker.output_done(rid)

    async def count_async(self, rid: str | None, outputs: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if not self.worker.start_counting(rid):
            async for output in outputs:
                yield output
            return
        try:
            async for output in outputs:
                if self._take(rid, output):
                    yield output
        except redis.RedisError:
            self.worker.give_back(rid)  # not handled: crawled again, never counted skipped
            raise
        finally:
            self.worker.output_done(rid)


class LeaseMiddleware(LeaseOutput):
    """The spider middleware (SPIDER_MIDDLEWARES, outermost: it sees what
    every other middleware let through, which is what reaches the
    scheduler and the pipelines)."""

    def process_spider_output(self, response, result: Iterable[Any]) -> Iterable[Any]:
        return self.count(response.meta.get("scrapejet_rid"), result)

    async def process_spider_output_async(self, response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in self.count_async(response.meta.get("scrapejet_rid"), result):
            yield output
