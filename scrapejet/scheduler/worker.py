"""The worker: this process's identity in the cluster and its leases.

An extension (built ``from_crawler``) used by the scheduler, the queue, the
lease middleware and the pipelines through ``crawler.get_extension(Worker)``.
It

* is the identity its ``Heartbeat`` (``scheduler.heartbeat``) announces;
* holds each leased request until it is really done: its callback or errback
  output is exhausted (``scheduler.leases`` counts it), every request it
  yielded is in the queue, and every item it produced has left the item
  pipelines (item_scraped / item_dropped / item_error). Only then is the
  lease acknowledged, so a worker killed mid-request never loses a page;
* acknowledges leases in batches, and sends ``signals.job_ended`` when its
  acknowledgement ended a job;
* wakes an idle engine when the queue has work for it;
* returns its leases to the queue when it closes.

It knows requests and leases, not jobs: what a job is lives in the
``CrawlerRuntime``.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import socket
import time
from dataclasses import dataclass

from scrapy import signals
from scrapy.utils.reactor import is_asyncio_reactor_installed
from twisted.internet import task

from ..batching import Batch
from ..runtime import CrawlerRuntime
from ..signals import job_ended
from .outcomes import AUX, CRAWLED, FAILED, SKIPPED
from .redisqueue import RequestQueue

logger = logging.getLogger(__name__)


@dataclass
class _LeaseState:
    is_page: bool
    outcome: str | None = None
    items: int = 0  # outputs not yet through the pipelines or the queue
    produced: int = 0  # items counted by the progress pipeline
    counted: bool = False  # its output is being counted (scheduler.leases)
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
        self._poll: task.LoopingCall | None = None
        self.scheduler = None
        # Acks made while handling one batch of output go to Redis together.
        self.acks: Batch[tuple[str, str, bool, int, str]] = Batch(self._ack)
        # Leases this worker could not handle because Redis failed under
        # them: given back to the queue (crawled again) once Redis answers.
        self.give_backs: Batch[str] = Batch(self._give_back)
        self.redis_retry_s = settings.getfloat("SCRAPEJET_REDIS_RETRY_S")
        self.orphan_check_s = settings.getfloat("SCRAPEJET_ORPHAN_CHECK_S")
        self._orphan_check: task.LoopingCall | None = None
        self._suspects: set[str] = set()
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

    @functools.cached_property
    def queue(self) -> RequestQueue:
        queue = self.runtime.jobs.queue
        queue.host_delay = self.host_delay
        queue.host_concurrency = self.host_concurrency
        queue.lease_scan = self.lease_scan
        return queue

    @classmethod
    def from_crawler(cls, crawler):
        worker = cls(crawler)
        crawler.signals.connect(worker.engine_started, signal=signals.engine_started)
        crawler.signals.connect(worker.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(worker.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(worker.item_done, signal=signals.item_scraped)
        crawler.signals.connect(worker.item_done, signal=signals.item_dropped)
        crawler.signals.connect(worker.item_error, signal=signals.item_error)
        return worker

    # -- life cycle -----------------------------------------------------------
    def engine_started(self):
        # Redis calls made per request (a host's turn and answer, admitting
        # links) awaited on the reactor's loop, rather than each blocking
        # everything the crawler does for a round trip. Acks stay blocking:
        # sent a loop turn later, an ack frees its host later (measured).
        if is_asyncio_reactor_installed():
            self.queue.use_async(self.runtime.aserver)

    def spider_opened(self, spider):
        # An idle engine only asks the scheduler again every 5 s; this makes
        # a waiting worker pick up new work within IDLE_POLL_S instead.
        self._poll = task.LoopingCall(self._wake_if_work)
        self._poll.start(self.idle_poll_s, now=False)
        if self.orphan_check_s > 0:
            self._orphan_check = task.LoopingCall(self._return_orphans)
            self._orphan_check.start(self.orphan_check_s, now=False)

    async def spider_closed(self, spider, reason):
        for call in (self._poll, self._orphan_check):
            if call and call.running:
                call.stop()
        # acknowledged before what is left is returned to the queue
        await self.acks.drain()
        self.give_backs.flush()
        returned = self.queue.release(self.id)
        if returned:
            logger.info("Returned %d leased request(s) to the queue", returned)
        self.leases.clear()

    def wake_in(self, seconds: float) -> None:
        """Ask the queue again in ``seconds`` (a host's politeness delay ends
        then): a worker waiting for that host takes its turn on time rather
        than at its next idle poll, so busier workers cannot starve it."""
        from twisted.internet import reactor  # the one Scrapy installed

        seconds = max(seconds, 0.001)
        call = self._wake_call
        if call is not None and call.active():
            # one wake at a time, the sooner: a host parked for a while must
            # not hold back one whose delay ends sooner
            if call.getTime() <= reactor.seconds() + seconds:
                return
            call.cancel()
        self._wake_call = reactor.callLater(seconds, self._wake_if_work)

    def _wake_if_work(self) -> None:
        try:
            self._wake()
        except Exception:  # Redis down: keep polling (an error would stop the LoopingCall)
            logger.warning("Could not ask the queue for work; asking again", exc_info=True)

    def _wake(self) -> None:
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

    # -- leases ---------------------------------------------------------------
    def track(self, rid: str, is_page: bool) -> None:
        self.leases[rid] = _LeaseState(is_page)

    def holds(self, rid: str | None) -> bool:
        return rid is not None and rid in self.leases

    def outcome(self, rid: str | None) -> str | None:
        state = self.leases.get(rid or "")
        return state.outcome if state is not None else None

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

    def start_counting(self, rid: str | None) -> bool:
        """True once for a lease of this worker: whoever asks first counts
        the output of its callback or errback (``scheduler.leases``)."""
        state = self.leases.get(rid or "")
        if state is None or state.counted:
            return False
        state.counted = True
        return True

    def count_item(self, item, page_event: str | None = None) -> None:
        """An item reached the progress pipeline: counted in its job with
        the acknowledgement of its lease (no Redis call of its own), with
        the ``job.page`` event of a stored page if its job wants one."""
        state = self.leases.get(self._item_rids.get(id(item), ""))
        if state is None:
            return
        state.produced += 1
        if page_event is not None:
            # The event goes to Redis with the ack, in the same script.
            if state.pages is None:
                state.pages = []
            state.pages.append(page_event)

    def finish(self, rid: str, outcome: str) -> None:
        """Acknowledge a lease with its outcome (with the others of this
        reactor turn)."""
        state = self.leases.pop(rid, None)
        if state is None:
            return
        if outcome == CRAWLED:
            self.pages += 1
        pages = "\n".join(state.pages) if state.pages else ""
        self.acks.add((rid, outcome, state.is_page, state.produced, pages))

    def _return_orphans(self) -> None:
        """Return leases Redis says this worker holds that it does not know
        of: a lease script Redis carried out whose reply was lost (the
        connection dropped, Redis failed over). They would otherwise wait for
        their deadline. A lease is only returned when two checks in a row
        found it unknown: one leased a moment ago is known by the next."""
        try:
            held = set(self.queue.server.smembers(self.queue.keys.worker_leases(self.id)))
        except Exception:
            return  # Redis down: the next check
        known = set(self.leases) | {entry[0] for entry in self.acks.entries()} | set(self.give_backs.entries())
        unknown = held - known
        orphans, self._suspects = unknown & self._suspects, unknown - self._suspects
        if orphans:
            try:
                returned = self.queue.release(self.id, sorted(orphans))
            except Exception:
                self._suspects |= orphans
                return
            logger.warning("Returned %d lease(s) this worker did not know it held (a lost reply)", returned)

    def give_back(self, rid: str) -> None:
        """Redis failed while lease ``rid`` was handled (its job record, its
        links could not be read or written): it is not acknowledged as if
        done, but returned to the queue to be crawled again."""
        if self.leases.pop(rid, None) is not None:
            self.give_backs.add(rid)

    def _give_back(self, rids) -> None:
        try:
            self.queue.release(self.id, rids)
        except Exception:
            logger.warning("Could not give back %d lease(s) yet; retrying in %.0f s", len(rids), self.redis_retry_s)
            self.give_backs.retry(rids, self.redis_retry_s)

    def _ack(self, acks) -> None:
        try:
            results = self.queue.ack_many(self.id, acks)
        except Exception:
            # Kept and sent again until Redis answers: a dropped ack would
            # leave its lease in flight until its deadline, and the job
            # unfinished that long. Resent, it is refused if the lease was
            # reclaimed meanwhile (another worker crawls it again).
            logger.warning("Could not acknowledge %d lease(s) yet; retrying in %.0f s", len(acks),
                           self.redis_retry_s)
            self.acks.retry(acks, self.redis_retry_s)
            return
        for (rid, *_), (accepted, final) in zip(acks, results):
            if not accepted:
                logger.info("Lease %s was reclaimed before it was acknowledged", rid)
            if final:
                # This ack ended the job, on this worker only.
                self.crawler.signals.send_catch_log(job_ended, job_id=rid.split("|", 1)[0], status=final)
