"""The ScrapeJET scheduler: scrapy-redis' Scheduler over a leased queue.

Configured through settings (SCHEDULER, SCHEDULER_QUEUE_CLASS,
DUPEFILTER_CLASS, SCHEDULER_SERIALIZER). Differences from stock scrapy-redis:

* popping leases a request (see ``redisqueue``); it is acknowledged by the
  Worker extension once fully processed, and reclaimed if the worker dies;
* the queue and dupefilters are shared and never flushed by a closing worker;
* requests a download middleware makes from a leased one (redirects, retries)
  stay on this worker under the same lease, so the lease covers the whole
  chain and a redirect target already seen by the job is not fetched twice;
* requests are JSON, not pickle;
* requests a response yields are admitted together, in one Redis call per
  batch, after a local check that drops links this worker already saw for
  the job (most links of a site are repeats): queueing costs one round trip
  per response, not one per link.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections import deque
from dataclasses import asdict

from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from ..batching import Batch
from ..items import FailureItem
from ..runtime import CrawlerRuntime
from ..urls import canonical_url
from .dupefilter import JobDupeFilter
from .outcomes import FAILED, SKIPPED
from .requests import request_fingerprint
from .worker import Worker

logger = logging.getLogger(__name__)


class Scheduler(RedisScheduler):
    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        worker = crawler.get_extension(Worker)
        runtime = crawler.get_extension(CrawlerRuntime)
        if worker is None or runtime is None:
            raise RuntimeError("scrapejet.scheduler.Scheduler needs the CrawlerRuntime and Worker extensions")
        scheduler = cls(
            server=runtime.server,
            persist=True,
            queue_cls=settings.get("SCHEDULER_QUEUE_CLASS"),
            dupefilter=JobDupeFilter(runtime.server, runtime.keys),
            serializer=importlib.import_module(settings.get("SCHEDULER_SERIALIZER")),
        )
        scheduler.stats = crawler.stats
        scheduler.worker = worker
        scheduler.runtime = runtime
        scheduler.keys = runtime.keys
        scheduler.local = deque()
        scheduler._handed_back = set()
        scheduler.lease_batch = settings.getint("SCRAPEJET_LEASE_BATCH")
        # (request, fingerprint, job, parent rid) waiting to be admitted,
        # after the rest of the response's output has been handed over
        scheduler.pending = Batch(scheduler._admit)
        # job id -> fingerprints this worker knows the job has seen: a hint
        # only (Redis decides), bounded, so it may forget but never lies.
        scheduler._seen = {}
        scheduler._seen_size = 0
        scheduler.seen_cache_max = settings.getint("SCRAPEJET_SEEN_CACHE")
        return scheduler

    def open(self, spider):
        self.spider = spider
        # A spider running one private job (`scrapy crawl generic -a url=`)
        # serves that job's queue; a worker serves its spider's shared queue.
        open_job = getattr(spider, "open_job", None)
        key = (open_job() if open_job else None) or self.keys.spider_queue(spider.name)
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=key, serializer=self.serializer, worker=self.worker,
            jobs=self.runtime, lease_batch=self.lease_batch,
        )
        self.worker.scheduler = self
        if len(self.queue):
            spider.logger.info("Serving queue %s (%d requests waiting)", key, len(self.queue))

    def close(self, reason):
        self.local.clear()
        self.worker.scheduler = None
        # admitted before the spider closes: their parents' leases can then
        # be acknowledged
        return deferred_from_coro(self.pending.drain())

    def enqueue_request(self, request):
        if request.meta.get("scrapejet_local"):
            # work of this process about a job (a business profile), not a
            # page of it: never shared, leased or counted
            self.local.append(request)
            return True
        parent = request.meta.pop("scrapejet_parent", None)
        if id(request) in self._handed_back:
            self._handed_back.discard(id(request))
            self.local.append(request)
            self.worker.child_done(parent)
            return True
        rid = request.meta.get("scrapejet_rid")
        if self.worker.holds(rid):
            try:
                return self._continue_lease(request, rid)
            finally:
                self.worker.child_done(parent)
        job = self.runtime.job(request.meta.get("job_id"))
        fp = request_fingerprint(request)
        if job is None or job.done or (not request.dont_filter and fp in self._seen.get(job.job_id, ())):
            self._count("dropped" if job is None or job.done else "duplicate")
            self.worker.child_done(parent)
            return False
        self.pending.add((request, fp, job, parent))
        return True

    async def _admit(self, pending) -> None:
        """Admit the pending requests, then let their parents be acknowledged
        (a parent acked first could complete the job before its children
        exist). If Redis fails, they are kept and offered again until it
        answers (the parents stay leased and unacknowledged meanwhile); one
        that did reach Redis before the failure is then a duplicate. Until
        admitted they count as pending (``has_pending_requests``)."""
        try:
            results = await self.queue.push_many_async([(request, fp, job) for request, fp, job, _ in pending])
        except Exception:
            logger.warning("Could not queue %d request(s) yet; retrying in %.0f s", len(pending),
                           self.worker.redis_retry_s)
            self.pending.retry(pending, self.worker.redis_retry_s)
            return
        for (request, fp, job, parent), result in zip(pending, results):
            self._count({1: "enqueued", 2: "overflow", 0: "duplicate"}.get(result, "dropped"))
            if result >= 0 and not request.dont_filter:
                self._remember(job.job_id, fp)
        for *_, parent in pending:
            self.worker.child_done(parent)

    def _remember(self, job_id: str, fp: str) -> None:
        if self._seen_size >= self.seen_cache_max:
            self._seen.clear()
            self._seen_size = 0
        self._seen.setdefault(job_id, set()).add(fp)
        self._seen_size += 1

    def _count(self, name: str) -> None:
        if self.stats:
            self.stats.inc_value(f"scheduler/{name}/redis")

    def _continue_lease(self, request, rid):
        """A redirect or retry of a request this worker leased."""
        if not request.dont_filter and not self.worker.queue.claim(rid, request_fingerprint(request)):
            previous = [canonical_url(u) for u in request.meta.get("redirect_urls", [])]
            if canonical_url(request.url) in previous:
                reason, outcome = "redirect loop", FAILED
            else:
                reason, outcome = "redirects to a page already crawled by this job", SKIPPED
            self.runtime.storage.record_failure(asdict(FailureItem(
                job_id=request.meta.get("job_id"),
                url=(request.meta.get("redirect_urls") or [request.url])[0],
                final_url=request.url,
                reason=reason,
                outcome=outcome,
                depth=request.meta.get("depth", 0),
                fetched_at=time.time(),
            )))
            self.worker.finish(rid, outcome)
            return False
        self.local.append(request)
        return True

    def next_request(self):
        if self.local:
            return self.local.popleft()
        # pending requests may outrank what is queued: admit them first
        self.pending.flush()
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def lease_for_wakeup(self):
        """Lease a request to hand to ``engine.crawl()`` when the engine idles;
        it comes back through ``enqueue_request`` and is kept locally."""
        request = self.next_request()
        if request is not None:
            self._handed_back.add(id(request))
        return request

    def has_pending_requests(self):
        # acknowledgements on their way count: one may end a job, and the
        # business spider then still has its profile to emit
        return bool(self.local) or bool(self.pending) or bool(self.worker.acks) or len(self.queue) > 0
