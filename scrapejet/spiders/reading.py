"""Reading pages off the reactor: a pool of extraction processes.

A crawler process is one reactor thread. Everything it does between two
network events delays them: a page parsed there (trafilatura, extruct, the
contact rules: a few milliseconds each) holds up the sending of the next
request and the reading of other answers, and so every download slot stays
busy longer than the host takes to answer. With many hosts at once that is
what bounds a worker (issue 13, docs/benchmarks.md), not the network.

So this extension runs the page readers (``extract.page.extract_page``;
``extract.contacts.read_business_page`` for the business spider) in worker
processes and hands their result back to the callback as an awaitable; the
reactor stays free for I/O. It is
started only once the crawl proves long (``SCRAPEJET_EXTRACT_POOL_AFTER``
pages read in-process): starting Python and importing the readers costs
about a second of CPU, which a 20-page ``scrapy crawl`` should not pay, and
until the processes are warm pages keep being read in-process, so nothing
waits for them.

``SCRAPEJET_EXTRACT_PROCESSES``: how many (-1: one per CPU beyond the first,
at most 4; 0: read in the crawler's own thread, as before). The pool is one
crawler's: a worker serving every spider (``scrapejet worker --spider all``)
has one per spider, started only by the spiders that read that many pages.

The pool's processes leave with the crawler: they are stopped when the
spider closes, and each exits on its own when the crawler process is gone
(killed, ``kill -9``), as the workers of ``scrapejet.supervisor`` do.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy import signals

from ..supervisor import exit_with_parent

logger = logging.getLogger(__name__)

MAX_AUTO_PROCESSES = 4


class ExtractionCrashed(RuntimeError):
    """The process reading a page died (killed, out of memory, a crash in a
    C parser): that page is recorded as failed, the pool is started anew."""


def auto_processes() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(0, min(MAX_AUTO_PROCESSES, cpus - 1))


def _warm_up() -> None:
    """Import the readers (and what they import lazily) before the first
    page, so the first page sent here is not the one that waits for it."""
    from ..extract.contacts import extract_contacts
    from ..extract.page import extract_page

    html = b"<html><head><title>t</title></head><body><main><p>Warm up.</p></main></body></html>"
    extract_page(html, "http://warm.invalid/")
    extract_contacts(html, "http://warm.invalid/")


def _child_init(parent_pid: int) -> None:
    exit_with_parent(parent_pid)


class ExtractionPool:
    def __init__(self, processes: int, after: int, stats=None):
        self.stats = stats
        self.processes = auto_processes() if processes < 0 else processes
        self.after = after
        self.read_here = 0  # pages read in-process so far
        self._pool: ProcessPoolExecutor | None = None
        self._ready = False
        self._closed = False

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        pool = cls(settings.getint("SCRAPEJET_EXTRACT_PROCESSES"), settings.getint("SCRAPEJET_EXTRACT_POOL_AFTER"),
                   crawler.stats)
        crawler.signals.connect(pool.spider_closed, signal=signals.spider_closed)
        return pool

    @property
    def ready(self) -> bool:
        return self._ready and self._pool is not None

    async def run(self, reader: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``reader(*args, **kwargs)``, in a pool process once the pool is
        warm, else here. ``reader`` must be a module-level function whose
        arguments and result pickle (bytes, str, dicts of them)."""
        if not self.ready:
            self.read_here += 1
            self._count("extract/pages_read_here")
            if self.processes > 0 and not self._closed and self._pool is None and self.read_here >= self.after:
                self._start()
            return reader(*args, **kwargs)
        self._count("extract/pages_read_in_pool")
        try:
            return await asyncio.wrap_future(self._pool.submit(reader, *args, **kwargs))
        except BrokenProcessPool as exc:
            self._discard()
            raise ExtractionCrashed("the process reading the page died") from exc

    def _count(self, name: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(name)

    def _start(self) -> None:
        # spawn, not fork: the crawler has threads (heartbeat, storage) whose
        # locks a forked child could inherit held.
        self._pool = ProcessPoolExecutor(
            self.processes, mp_context=multiprocessing.get_context("spawn"),
            initializer=_child_init, initargs=(os.getpid(),),
        )
        self._ready = False
        pool = self._pool
        warm = [pool.submit(_warm_up) for _ in range(self.processes)]
        pending = len(warm)

        def warmed(future: Future) -> None:  # in the pool's manager thread
            nonlocal pending
            pending -= 1
            if pending == 0 and self._pool is pool and all(f.exception() is None for f in warm if f.done()):
                self._ready = True

        for future in warm:
            future.add_done_callback(warmed)
        logger.info("Reading pages in %d extraction process(es) from now on", self.processes)

    def _discard(self) -> None:
        pool, self._pool, self._ready = self._pool, None, False
        self.read_here = 0  # started again after as many pages
        if pool is not None:
            _stop(pool)

    def spider_closed(self, spider=None, reason=None) -> None:
        self._closed = True
        self._discard()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the pool now: idle processes exit at once; one still warming up
    (importing the readers) is terminated rather than waited for, so a
    short crawl does not end a second late."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
