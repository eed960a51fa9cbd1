"""scrapy-redis queue class over the leased Redis queue (SCHEDULER_QUEUE_CLASS)."""

from __future__ import annotations

from scrapy.utils.request import request_from_dict
from scrapy_redis.queue import Base

from .redisqueue import RequestQueue
from .requests import PAGE, encode, request_fingerprint


class LeasedPriorityQueue(Base):
    """Push admits a request for its job (dedup, page budget, priority); pop
    leases one to this worker instead of removing it."""

    def __init__(self, server, spider, key, serializer=None, *, worker=None):
        super().__init__(server, spider, key, serializer)
        self.worker = worker
        self.rq: RequestQueue = worker.queue

    def __len__(self) -> int:
        return self.rq.size(self.key)

    def push(self, request, *, queue: str | None = None) -> int:
        job = self.worker.job(request.meta.get("job_id"))
        if job is None or job.done:
            return -1
        fp = request_fingerprint(request)
        role = request.meta.get("role", PAGE)
        return self.rq.push(
            queue or job.queue,
            self.rq.rid(job.job_id, fp),
            encode(request, self.spider),
            priority=job.priority,
            is_page=role == PAGE,
            check_seen=not request.dont_filter,
            fingerprint=fp,
        )

    def pop(self, timeout=0):
        leases = self.rq.lease(self.key, self.worker.id, 1, self.worker.lease_s)
        if not leases:
            return None
        lease = leases[0]
        request = request_from_dict(self.serializer.loads(lease.payload), spider=self.spider)
        request.meta["scrapejet_rid"] = lease.rid
        self.worker.track(lease.rid, request.meta.get("role", PAGE) == PAGE)
        return request

    def clear(self) -> None:
        # Shared by every worker: never cleared by one of them.
        pass
