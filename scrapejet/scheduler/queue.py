"""scrapy-redis queue class over the leased Redis queue (SCHEDULER_QUEUE_CLASS)."""

from __future__ import annotations

import logging
from collections import deque

import redis

from scrapy.utils.request import request_from_dict
from scrapy_redis.queue import Base

from ..urls import host_of
from .redisqueue import Admission, RequestQueue
from .requests import decode, encode, request_fingerprint
from .roles import PAGE

logger = logging.getLogger(__name__)

# Meta flag of a request as its lease handed it out: its first send only (a
# redirect or retry made from it carries no flag, see politeness).
FRESH_LEASE = "scrapejet_fresh_lease"


class LeasedPriorityQueue(Base):
    """Push admits requests for their job (dedup, page budget, priority); pop
    leases them to this worker instead of removing them.

    Pop leases up to ``lease_batch`` requests in one round trip, and no more
    than the download slots free now, and serves the rest from memory: they
    are this worker's leases already (tracked, returned on close), so
    prefetching loses nothing, and it saves one Redis call per request when
    several download slots are free."""

    def __init__(self, server, spider, key, serializer=None, *, worker=None, jobs=None, lease_batch: int = 1):
        super().__init__(server, spider, key, serializer)
        self.worker = worker
        self.jobs = jobs  # job records, briefly cached (CrawlerRuntime.job)
        self.rq: RequestQueue = worker.queue
        self.lease_batch = max(1, lease_batch)
        self._leased: deque = deque()

    def __len__(self) -> int:
        try:
            return len(self._leased) + self.rq.size(self.key)
        except redis.RedisError:
            # unknown while Redis is down: say there may be work, so that the
            # spider does not close as idle in the middle of an outage
            return len(self._leased) + 1

    def push(self, request) -> int:
        job = self.jobs.job(request.meta.get("job_id"))
        if job is None or job.done:
            return -1
        return self.push_many([(request, request_fingerprint(request), job)])[0]

    def push_many(self, entries) -> list[int]:
        """Admit (request, fingerprint, job) entries in one round trip; one
        result per entry, as ``RequestQueue.push`` returns."""
        return self.rq.push_many(self._admissions(entries))

    async def push_many_async(self, entries) -> list[int]:
        """``push_many``, awaited on the reactor's loop."""
        return await self.rq.push_many_async(self._admissions(entries))

    def _admissions(self, entries) -> list[Admission]:
        return [
            Admission(
                job.job_id,
                host_of(request.url),
                encode(request, self.spider),
                request.meta.get("role", PAGE) == PAGE,
                not request.dont_filter,
                fp,
            )
            for request, fp, job in entries
        ]

    def pop(self, timeout=0):
        if not self._leased:
            try:
                leases = self.rq.lease(self.key, self.worker.id, self._batch(), self.worker.lease_s)
            except redis.RedisError:
                logger.warning("Could not lease requests (Redis); asking again in %.0f s", self.worker.redis_retry_s)
                self.worker.wake_in(self.worker.redis_retry_s)
                return None
            for lease in leases:
                data = decode(lease.payload, lease.job_id)
                # tracked at once: a prefetched lease is ours until acked or returned
                self.worker.track(lease.rid, data.get("meta", {}).get("role", PAGE) == PAGE)
                self._leased.append((lease.rid, data))
        if not self._leased:
            if self.rq.retry_in is not None:
                self.worker.wake_in(self.rq.retry_in)
            return None
        rid, data = self._leased.popleft()
        request = request_from_dict(data, spider=self.spider)
        request.meta["scrapejet_rid"] = rid
        request.meta[FRESH_LEASE] = True
        return request

    def _batch(self) -> int:
        """Leases to take now: no more than the downloader can start at
        once. A lease taken beyond that would wait in this worker, holding
        its host (concurrency, politeness) while other workers could serve
        it."""
        engine = self.worker.crawler.engine
        downloader = engine.downloader if engine is not None else None
        if downloader is None:
            return self.lease_batch
        free = downloader.total_concurrency - len(downloader.active)
        return max(1, min(self.lease_batch, free))

    def clear(self) -> None:
        # Shared by every worker: never cleared by one of them.
        pass
