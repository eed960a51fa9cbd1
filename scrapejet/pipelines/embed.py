"""Chunks every stored page and has it embedded in the background.

Runs after ``StoragePipeline``: an item that reaches it is a stored page
(``PageItem``, so also ``BusinessPageItem``). Its chunks are written in one
transaction per batch of pages, at the end of the reactor turn; the item
goes on once its chunks are stored, so a page whose lease is acknowledged
has its chunks in storage even if this process dies before embedding them
(they are embedded later: see ``scrapejet.index.embedder``). The texts go to
the process's one embedding thread; the reactor never waits for an encode.

At spider close the thread is given ``SCRAPEJET_EMBED_CLOSE_WAIT_S`` to
finish what is queued, so a ``scrapy crawl generic -a url=...`` run leaves
its pages embedded and indexed.

Importing this module imports neither torch, sentence-transformers, faiss
nor numpy; ``SCRAPEJET_EMBEDDINGS=off`` disables the pipeline."""

from __future__ import annotations

import logging
from dataclasses import asdict

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads
from twisted.internet.defer import Deferred

from ..batching import Batch
from ..index.embedder import Embedder
from ..index.model import model_name
from ..index.state import enabled
from ..items import PageItem
from ..runtime import CrawlerRuntime
from ..storage.chunks import ChunkStore  # the type of storage.chunks

logger = logging.getLogger(__name__)


class EmbedPipeline:
    def __init__(self, store: ChunkStore, embedder: Embedder, *, model: str, max_words: int, overlap: int,
                 close_wait_s: float, stats=None):
        self.store = store
        self.embedder = embedder
        self.model = model
        self.max_words = max_words
        self.overlap = overlap
        self.close_wait_s = close_wait_s
        self.stats = stats
        # the pages stored together (in one reactor turn) are chunked together
        self.batch: Batch[tuple[PageItem, Deferred]] = Batch(self.chunk)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not enabled(settings):
            # Turned off on purpose: said at INFO, not as Scrapy's "Disabled
            # ...: reason" WARNING in every CLI run.
            logger.info("Embeddings off (SCRAPEJET_EMBEDDINGS): pages are stored without chunks or vectors")
            raise NotConfigured
        storage = crawler.get_extension(CrawlerRuntime).storage
        return cls(
            storage.chunks, Embedder.shared(settings, storage), model=model_name(settings),
            max_words=settings.getint("SCRAPEJET_CHUNK_WORDS"), overlap=settings.getint("SCRAPEJET_CHUNK_OVERLAP"),
            close_wait_s=settings.getfloat("SCRAPEJET_EMBED_CLOSE_WAIT_S"), stats=crawler.stats,
        )

    def open_spider(self, spider=None):
        self.embedder.look_for_stale()

    async def process_item(self, item, spider=None):
        if not isinstance(item, PageItem):
            return item
        done: Deferred = Deferred()
        self.batch.add((item, done))
        return await maybe_deferred_to_future(done)

    def chunk(self, batch) -> None:
        try:
            stored = self.store.store_pages([asdict(item) for item, _ in batch], model=self.model,
                                            max_words=self.max_words, overlap=self.overlap)
        except Exception:
            # The page is stored; only its chunks are missing, and
            # `scrapejet index rebuild SITE --rechunk` makes them again.
            logger.exception("storing the chunks of %d page(s) failed", len(batch))
            self._inc("embed/chunk_errors", len(batch))
        else:
            self._inc("embed/pages_chunked", stored.pages)
            self._inc("embed/chunks_new", len(stored.todo))
            self._inc("embed/chunks_reused", stored.reused)
            self.embedder.submit(stored.todo, stored.sites)
        for item, done in batch:
            done.callback(item)

    def _inc(self, key: str, n: int) -> None:
        if self.stats is not None and n:
            self.stats.inc_value(key, n)

    async def close_spider(self, spider=None):
        self.batch.flush()
        finished = await maybe_deferred_to_future(threads.deferToThread(self.embedder.wait_idle, self.close_wait_s))
        if not finished:
            logger.warning("embedding did not finish within %.0fs; the remaining chunks are embedded later "
                           "(by an idle worker, `scrapejet index catch-up`, or before a question is answered)",
                           self.close_wait_s)
        if self.stats is not None:
            for key, value in self.embedder.stats.items():
                self.stats.set_value(f"embed/{key}", value)
