"""Writes pages (and backlinks with their crawled source pages) to storage
(idempotent upserts), a batch per transaction; with embeddings on, the same
transaction queues the pages for the indexer (``scrapejet indexer``), which
chunks and embeds them off the crawl's path.

An item is held until its batch is committed: ``process_item`` returns only
then, so the item reaches ``item_scraped`` (and
its lease is acknowledged) only once the page is really stored. A batch
that cannot be written fails each of its items (``item_error``), which
records the lease as failed instead of losing the page silently.

Batches are written by one thread of the pipeline's own, in order: a
transaction waits on the disk (and SQLAlchemy's work around it is a few
milliseconds a batch), and on the reactor's thread that wait would hold up
every download and response of the crawl. One thread, so batches never
compete with each other for SQLite's write lock."""

from __future__ import annotations

from dataclasses import asdict

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred, DeferredList
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from ..batching import Batch
from ..items import BacklinkItem, BacklinkSourceItem, BusinessProfileItem, PageItem
from ..runtime import CrawlerRuntime

# Items written in batches; a job's profile is written on its own.
BATCHED = (PageItem, BacklinkItem, BacklinkSourceItem)


class StoragePipeline:
    def __init__(self, storage, *, batch_size: int = 50, flush_s: float = 0.05, index: bool = False):
        self.storage = storage
        # queue stored pages for the indexer (SCRAPEJET_EMBEDDINGS): chunking
        # and embedding are not done here, on the crawl's path
        self.index = index
        self.batch: Batch[tuple[PageItem | BacklinkItem | BacklinkSourceItem, Deferred]] = Batch(
            self.write, delay=flush_s, size=max(1, batch_size))
        self.writer: ThreadPool | None = None  # started with the spider
        self.writing: set[Deferred] = set()

    @classmethod
    def from_crawler(cls, crawler):
        # The crawler's storage: one engine (and SQLite connection pool) per process.
        from ..index.state import enabled

        pipeline = cls(
            crawler.get_extension(CrawlerRuntime).storage,
            batch_size=crawler.settings.getint("SCRAPEJET_STORAGE_BATCH"),
            flush_s=crawler.settings.getfloat("SCRAPEJET_STORAGE_FLUSH_S"),
            index=enabled(crawler.settings),
        )
        return pipeline

    def open_spider(self, spider=None):
        self.writer = ThreadPool(minthreads=1, maxthreads=1, name="scrapejet-storage")
        self.writer.start()

    async def process_item(self, item, spider=None):
        if isinstance(item, BusinessProfileItem):
            # one per job, at its end: written at once
            self.storage.save_profile(asdict(item))
            return item
        if not isinstance(item, BATCHED):
            return item
        done: Deferred = Deferred()
        self.batch.add((item, done))
        return await maybe_deferred_to_future(done)

    def write(self, batch) -> None:
        """Write ``batch`` on the writer thread; its items' Deferreds fire,
        on the reactor's thread, once it is committed (or failed)."""
        from twisted.internet import reactor  # the one Scrapy installed

        writing = deferToThreadPool(reactor, self.writer, self._store, [item for item, _ in batch])
        self.writing.add(writing)
        writing.addBoth(self._written, writing)
        writing.addCallbacks(lambda _: [done.callback(item) for item, done in batch],
                             lambda failure: [done.errback(failure) for _, done in batch])

    def _written(self, result, writing):
        self.writing.discard(writing)
        return result

    def _store(self, items) -> None:
        pages = [asdict(item) for item in items if isinstance(item, PageItem)]
        if pages:
            self.storage.upsert_pages(pages, index=self.index)
        if len(pages) < len(items):
            self.storage.backlinks.store(
                [asdict(item) for item in items if isinstance(item, BacklinkItem)],
                [asdict(item) for item in items if isinstance(item, BacklinkSourceItem)],
            )

    async def close_spider(self, spider=None):
        self.batch.flush()
        if self.writing:
            await maybe_deferred_to_future(DeferredList(list(self.writing)))
        if self.writer is not None:
            self.writer.stop()
            self.writer = None
