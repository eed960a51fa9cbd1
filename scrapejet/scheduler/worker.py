"""The worker: this process's identity in the cluster and its leases.

An extension (built ``from_crawler``) shared by the scheduler, the spider and
the pipelines through ``crawler.get_extension(Worker)``; the connections,
storage and jobs it uses are the crawler's ``CrawlerRuntime``. It

* is the identity its ``Heartbeat`` (``scheduler.heartbeat``) announces;
* tracks each leased request until it is really done: its callback or errback
  output is exhausted, every request it yielded is in the queue, and every
  item it produced has left the item pipelines (item_scraped / item_dropped /
  item_error). Only then is the lease
  acknowledged, so a worker killed mid-request never loses a page;
* caches job records for a moment (cancellation is seen within a second);
* returns its leases to the queue when it closes.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import secrets
import socket
import time
from dataclasses import asdict, dataclass

from scrapy import signals
from twisted.internet import task

from ..items import FailureItem, PageItem
from ..jobs import Job
from ..runtime import CrawlerRuntime
from .redisqueue import AUX, CRAWLED, FAILED, SKIPPED, RequestQueue

logger = logging.getLogger(__name__)


@dataclass
class _LeaseState:
    is_page: bool
    outcome: str | None = None
    items: int = 0  # outputs not yet through the pipelines or the queue
    produced: int = 0  # items counted by the progress pipeline
    output_done: bool = False
    pages: list[str] | None = None  # job.page webhook summaries, sent with the ack


class Worker:
    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        # politeness per host across every worker (see the lease script)
        self.host_delay = settings.getfloat("SCRAPEJET_DOMAIN_DELAY_S")
        self.host_concurrency = settings.getint("SCRAPEJET_DOMAIN_CONCURRENCY")
        self.lease_scan = settings.getint("SCRAPEJET_LEASE_SCAN")
        self.lease_s = settings.getfloat("SCRAPEJET_LEASE_TIMEOUT_S")
        self.idle_poll_s = settings.getfloat("SCRAPEJET_IDLE_POLL_S")
        self.leases: dict[str, _LeaseState] = {}
        self._item_rids: dict[int, str] = {}
        self._jobs_cache: dict[str, tuple[float, Job | None]] = {}
        self._poll: task.LoopingCall | None = None
        self.scheduler = None
        self._acks: list[tuple[str, str, bool, int, str]] = []
        self._ack_call = None
        self._wake_call = None
        self.pages = 0
        self.started = time.time()

    # The crawler's shared connections, storage and jobs. Looked up on first
    # use: an extension cannot fetch another while Scrapy is building them.
    @functools.cached_property
    def runtime(self) -> CrawlerRuntime:
        return self.crawler.get_extension(CrawlerRuntime)

    @property
    def keys(self):
        return self.runtime.keys

    @property
    def server(self):
        return self.runtime.server

    @property
    def storage(self):
        return self.runtime.storage

    @property
    def jobs(self):
        return self.runtime.jobs

    @functools.cached_property
    def queue(self) -> RequestQueue:
        queue = self.jobs.queue
        queue.host_delay = self.host_delay
        queue.host_concurrency = self.host_concurrency
        queue.lease_scan = self.lease_scan
        return queue

    @classmethod
    def from_crawler(cls, crawler):
        worker = cls(crawler)
        crawler.signals.connect(worker.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(worker.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(worker.item_done, signal=signals.item_scraped)
        crawler.signals.connect(worker.item_done, signal=signals.item_dropped)
        crawler.signals.connect(worker.item_error, signal=signals.item_error)
        return worker

    # -- life cycle -----------------------------------------------------------
    def spider_opened(self, spider):
        # An idle engine only asks the scheduler again every 5 s; this makes
        # a waiting worker pick up new work within IDLE_POLL_S instead.
        self._poll = task.LoopingCall(self._wake_if_work)
        self._poll.start(self.idle_poll_s, now=False)

    def spider_closed(self, spider, reason):
        if self._poll and self._poll.running:
            self._poll.stop()
        self.flush_acks()
        returned = self.queue.release(self.id)
        if returned:
            logger.info("Returned %d leased request(s) to the queue", returned)
        self.leases.clear()

    def wake_in(self, seconds: float) -> None:
        """Ask the queue again in ``seconds`` (a host's politeness delay ends
        then): a worker waiting for that host takes its turn on time rather
        than at its next idle poll, so busier workers cannot starve it."""
        if self._wake_call is not None and self._wake_call.active():
            return
        from twisted.internet import reactor  # the one Scrapy installed

        self._wake_call = reactor.callLater(max(seconds, 0.001), self._wake_if_work)

    def _wake_if_work(self) -> None:
        scheduler = self.scheduler
        engine = self.crawler.engine
        if scheduler is None or engine is None or not engine.running:
            return
        # Idle, or waiting with free download slots while the queue's next
        # requests are for hosts that were not ready (politeness): either
        # way the engine would only ask again at its 5 s heartbeat.
        if not engine.spider_is_idle():
            downloader = engine.downloader
            if scheduler.local or len(downloader.active) >= downloader.total_concurrency:
                return
        request = scheduler.lease_for_wakeup()
        if request is not None:
            # engine.crawl() hands it back to the scheduler, which keeps our
            # own leased request locally, and wakes the engine loop.
            engine.crawl(request)

    # -- jobs -----------------------------------------------------------------
    def job(self, job_id: str | None, max_age: float = 1.0) -> Job | None:
        if not job_id:
            return None
        now = time.monotonic()
        cached = self._jobs_cache.get(job_id)
        if cached and now - cached[0] < max_age:
            return cached[1]
        job = self.jobs.get(job_id)
        self._jobs_cache[job_id] = (now, job)
        return job

    def _reports_pages(self, job_id: str | None) -> bool:
        """Does the job's webhook ask for job.page? From the cached record:
        no Redis call per page, and nothing at all for jobs without it."""
        job = self.job(job_id)
        webhook = job.spec.get("webhook") if job is not None else None
        return bool(webhook) and "job.page" in (webhook.get("events") or ())

    # -- leases ---------------------------------------------------------------
    def track(self, rid: str, is_page: bool) -> None:
        self.leases[rid] = _LeaseState(is_page)

    def holds(self, rid: str | None) -> bool:
        return rid is not None and rid in self.leases

    def set_outcome(self, rid: str | None, outcome: str) -> None:
        state = self.leases.get(rid or "")
        if state is not None:
            state.outcome = outcome

    def item_started(self, rid: str | None, item) -> None:
        state = self.leases.get(rid or "")
        if state is not None:
            state.items += 1
            self._item_rids[id(item)] = rid

    def child_started(self, rid: str | None, request) -> None:
        """A request yielded while handling lease ``rid``: the lease waits
        until the scheduler has queued it (Scrapy hands callback output to
        the scheduler concurrently, after the callback has returned)."""
        state = self.leases.get(rid or "")
        if state is not None:
            state.items += 1
            request.meta["scrapejet_parent"] = rid

    def child_done(self, rid: str | None) -> None:
        state = self.leases.get(rid or "")
        if state is not None:
            state.items -= 1
            self._maybe_ack(rid)

    def output_done(self, rid: str | None) -> None:
        state = self.leases.get(rid or "")
        if state is not None:
            state.output_done = True
            self._maybe_ack(rid)

    def item_done(self, item, response=None, spider=None, **kwargs):
        rid = self._item_rids.pop(id(item), None)
        state = self.leases.get(rid or "")
        if state is not None:
            state.items -= 1
            self._maybe_ack(rid)

    def item_error(self, item, response=None, spider=None, failure=None, **kwargs):
        rid = self._item_rids.get(id(item))
        state = self.leases.get(rid or "")
        if state is not None and state.outcome == CRAWLED:
            # the page could not be stored: it was not crawled
            state.outcome = FAILED
        self.item_done(item)

    def _maybe_ack(self, rid: str) -> None:
        state = self.leases[rid]
        if state.output_done and state.items <= 0:
            outcome = state.outcome or (SKIPPED if state.is_page else AUX)
            self.finish(rid, outcome)

    def count_item(self, item) -> None:
        """An item reached the progress pipeline: counted in its job with
        the acknowledgement of its lease (no Redis call of its own)."""
        state = self.leases.get(self._item_rids.get(id(item), ""))
        if state is not None:
            state.produced += 1
            if isinstance(item, PageItem) and self._reports_pages(item.job_id):
                # The page is stored (this pipeline runs after storage); its
                # job.page event goes to Redis with the ack, in the same script.
                if state.pages is None:
                    state.pages = []
                state.pages.append(_page_event(item))
        elif isinstance(item, PageItem) and item.job_id:
            # a page from outside a lease (none today): still counted; a
            # job's profile or other summaries are not pages and are not
            self.server.hincrby(self.keys.job(item.job_id), "items", 1)

    def finish(self, rid: str, outcome: str) -> None:
        """Acknowledge a lease with its outcome. Acks made while handling
        one batch of output go to Redis together, at the end of this
        reactor turn."""
        state = self.leases.pop(rid, None)
        if state is None:
            return
        if outcome == CRAWLED:
            self.pages += 1
        pages = "\n".join(state.pages) if state.pages else ""
        self._acks.append((rid, outcome, state.is_page, state.produced, pages))
        if self._ack_call is None:
            from twisted.internet import reactor  # the one Scrapy installed

            self._ack_call = reactor.callLater(0, self.flush_acks)

    def flush_acks(self) -> None:
        if self._ack_call is not None:
            if self._ack_call.active():
                self._ack_call.cancel()
            self._ack_call = None
        acks, self._acks = self._acks, []
        if not acks:
            return
        try:
            results = self.queue.ack_many(self.id, acks)
        except Exception:
            # Still leased in Redis: returned to the queue when this worker
            # closes or the leases expire, and crawled again (upserts make
            # that harmless).
            logger.exception("Could not acknowledge %d lease(s)", len(acks))
            return
        for (rid, *_), (accepted, final) in zip(acks, results):
            if not accepted:
                logger.info("Lease %s was reclaimed before it was acknowledged", rid)
            if final:
                job = self.jobs.get(rid.split("|", 1)[0])
                if job is not None:
                    if final == "failed" and not job.error:
                        job.error = self._why_failed(job.job_id)
                        self.server.hset(self.keys.job(job.job_id), "error", job.error)
                    self.jobs.record(job)
                    logger.info("Job %s %s: %s", job.job_id, final, job.counters)
                    # This ack ended the job, on this worker only: the
                    # spider may emit what sums the job up (the business
                    # profile).
                    hook = getattr(self.crawler.spider, "job_finished", None)
                    if hook is not None:
                        try:
                            hook(job, final)
                        except Exception:
                            logger.exception("job_finished of job %s failed", job.job_id)

    def _why_failed(self, job_id: str) -> str:
        """A failed job's error: why its first requests produced no page."""
        failures = self.storage.list_failures(job_id)
        if not failures:
            return "no page could be crawled"
        first = ", ".join(f"{f['url']}: {f['reason']}" for f in failures[:3])
        more = f" (and {len(failures) - 3} more)" if len(failures) > 3 else ""
        return f"no page could be crawled: {first}{more}"

    def record_failure(self, rid: str | None, failure: FailureItem) -> None:
        """Store why a request produced no page, and set its lease outcome.

        Failures are crawl metadata, not scraped data: they go straight to
        storage rather than through the item pipelines and feed exports."""
        self.storage.record_failure(asdict(failure))
        self.set_outcome(rid, failure.outcome)


def _page_event(item) -> str:
    """What a job.page webhook says about a stored page: where it is and
    what it is, not its content (GET /scrape/{id}/result has that). One
    line of JSON (json.dumps escapes newlines)."""
    return json.dumps({
        name: getattr(item, name)
        for name in ("url", "final_url", "status", "depth", "title", "word_count", "content_hash", "fetched_at")
    })


__all__ = ["Worker", "CRAWLED", "FAILED", "SKIPPED", "AUX"]
