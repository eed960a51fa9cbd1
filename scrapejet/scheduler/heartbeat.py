"""The worker's heartbeat: this process's presence in the cluster.

An extension (built ``from_crawler``, after the ``Worker`` whose identity it
announces). From its own thread, every ``SCRAPEJET_HEARTBEAT_S``, it writes
the worker's record (node, pid, spider, pages, leases, the jobs they belong
to, memory), adds its pages and the queue depth to the cluster's
per-minute history (``history.History``), and reclaims the leases of workers that missed
``SCRAPEJET_HEARTBEAT_MISSES`` beats. A thread, so that a long parse on the
reactor thread does not make a live worker look dead. When the spider
closes it stops, after the Worker has returned its leases, and removes the
record."""

from __future__ import annotations

import functools
import logging
import os
import socket
import threading
import time

from scrapy import signals

from .history import History
from .monitor import QueueMonitor
from .worker import Worker

logger = logging.getLogger(__name__)


class Heartbeat:
    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.heartbeat_s = settings.getfloat("SCRAPEJET_HEARTBEAT_S")
        self.misses = settings.getint("SCRAPEJET_HEARTBEAT_MISSES")
        self.started = time.time()
        self._pages_recorded = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def from_crawler(cls, crawler) -> Heartbeat:
        heartbeat = cls(crawler)
        crawler.signals.connect(heartbeat.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(heartbeat.spider_closed, signal=signals.spider_closed)
        return heartbeat

    # Looked up on first use: an extension cannot fetch another while Scrapy
    # is building them.
    @functools.cached_property
    def worker(self) -> Worker:
        return self.crawler.get_extension(Worker)

    @functools.cached_property
    def history(self) -> tuple[History, QueueMonitor]:
        settings, server = self.crawler.settings, self.worker.server
        return History.from_settings(settings, server), QueueMonitor.from_settings(settings, server)

    def spider_opened(self, spider) -> None:
        self._beat()
        self._thread = threading.Thread(target=self._loop, name="scrapejet-heartbeat", daemon=True)
        self._thread.start()

    def spider_closed(self, spider, reason) -> None:
        # The Worker's spider_closed (connected first) has returned its
        # leases; a beat in progress must not write the record back.
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.heartbeat_s + 5)
        worker = self.worker
        worker.server.zrem(worker.keys.workers, worker.id)
        worker.server.delete(worker.keys.worker(worker.id))

    def _beat(self) -> None:
        worker = self.worker
        now = time.time()
        pipe = worker.server.pipeline()
        pipe.zadd(worker.keys.workers, {worker.id: now})
        spider = self.crawler.spider
        leases = list(worker.leases)
        pipe.hset(worker.keys.worker(worker.id), mapping={
            "id": worker.id,
            "node": socket.gethostname(),
            "pid": os.getpid(),
            "spider": getattr(spider, "name", ""),
            "started_at": self.started,
            "last_seen": now,
            "pages": worker.pages,
            "leases": len(leases),
            # the jobs it is working on now (bounded: a worker with many
            # small jobs in flight shows the first ones)
            "jobs": ",".join(sorted({rid.split("|", 1)[0] for rid in leases})[:20]),
            "rss": _rss(),
        })
        pipe.expire(worker.keys.worker(worker.id), int(self.heartbeat_s * (self.misses + 2)) + 1)
        pipe.execute()
        self._record(worker)

    def _record(self, worker) -> None:
        history, monitor = self.history
        pages = worker.pages
        waiting = sum(q["length"] for q in monitor.queues().values())
        history.record(max(pages - self._pages_recorded, 0), waiting, monitor.leased())
        self._pages_recorded = pages

    def _loop(self) -> None:
        while not self._stop.wait(self.heartbeat_s):
            try:
                self._beat()
                dead_before = time.time() - self.heartbeat_s * self.misses
                workers, requests = self.worker.queue.reclaim(dead_before)
                if requests:
                    logger.warning(
                        "Reclaimed %d request(s) from %d dead worker(s) or expired leases", requests, workers
                    )
            except Exception:  # a Redis hiccup must not kill the heartbeat
                logger.exception("Heartbeat failed")


def _rss() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0
