"""The frontier: a leased, per-host priority queue in Redis, independent of Scrapy.

Layout (key names in ``keys.py``). A frontier (a spider's shared queue, or
the private queue of a job run by one process) is:

- host queues: one Redis list per (job, host), ``hq:<job>|<host>``, of
  that job's requests to that host, oldest first (compact JSON, the job id
  left out). Per host, as Heritrix, Nutch's fetch queues, URL Frontier and
  scrapy-cluster keep them: politeness is per host, so that is the unit
  scheduled, and a request never waits behind another host's.
- the ready set, at the frontier's key: a sorted set ``job|host`` ->
  ``(10 - priority) * 1e12 + turn``. A lease takes host queues from its
  head: priority 9 before 2, and within a priority round robin, since a
  served host queue goes to the back (a fresh turn from ``seq``).
- the delayed set (``:delayed``): ``job|host`` -> when its host is ready
  again (its delay, a 429/503 back-off), or when a host queue set aside
  because its host had all it may in flight is looked at again (parked:
  an answer from the host wakes it first, ``host:<h>:parked``). A lease
  first moves the host queues that are due to the back of the ready set.
- the counts (``:counts``): priority -> queued requests, for monitors.

Per job: ``job:<id>:hosts`` (the hosts it has requests queued for),
``:seen`` (its dupefilter: URL fingerprints), ``:overflow`` (requests over
its page budget, admitted when an admitted one ends without a page); its
record's ``queued`` / ``in_flight`` / outcome counters.

A lease takes the request out of its host queue and into ``leases``
(rid -> worker and request) until it is acknowledged with its outcome; a
lease whose worker died (or that outlived its deadline) goes back to the
front of its host queue. A rid is ``<job>|<n>|<host>``: the job and host
are found from it without a lookup; ``n`` (from ``seq``) makes it unique.

Invariants, kept by every script (each is one atomic Lua call, so counters,
dupefilter, budget and job state move together even with many workers):

1. A host queue that holds requests is in exactly one of its frontier's
   ready and delayed sets, and its host is in its job's hosts set; an
   empty host queue is in neither (Redis deletes an empty list).
2. A job's ``queued`` is the length of its host queues; its ``in_flight``
   the number of its rids in ``leases``; a frontier's counts are the sum of
   its host queues by their job's priority.
3. A request is in exactly one place: a host queue, the job's overflow, or
   ``leases`` (then also in ``lease_deadlines`` and its worker's leases).
   What a lease marked seen on its way (a redirect target, ``claim``) is
   unmarked if the lease goes back to the queue: a worker that dies after
   following a redirect leaves the target to the one that takes over.
4. A job that is over (completed, failed, cancelled) has nothing queued:
   the script that ends it drops its host queues, overflow and dupefilter.
   A job whose last request is acknowledged is completed by that same
   script, so exactly one worker sees the transition.
5. A host gets a new lease only when ready: not before ``host:<h>:next``
   (delay, back-off), fewer than its concurrency in flight
   (``host:<h>:busy``), and by fair turns between workers. The delay holds
   again where the request is sent (``take_turn``): that is what the host sees.
   With a concurrency of one, the lease is the turn of the request it hands
   out (its redirects and retries still take one): ``host:<h>:next`` is
   moved to the delay after the answer (``answered``; the answer less the
   time it surely took, see ``download/politeness.AnswerTimes``) before the
   lease is acknowledged, and no other lease of the host exists until then.

The scripts touch keys derived from the rid, which Redis Cluster would reject;
ScrapeJET targets a single Redis (or a replicated primary), like scrapy-redis.
How a frontier would outgrow one Redis is planned in docs/architecture.md.

Job events for webhooks are written by the same scripts that make the
change, to a Redis stream (``Keys.webhook_events``), and only for jobs whose
spec asks for that event: the transition and its event commit together, and
unlike the pub/sub message (kept for listeners) a stream entry waits until a
dispatcher (``scrapejet.webhooks``) has delivered it. Each entry carries a
snapshot of the job at that moment, so a delivery retried later says the
same thing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import redis

from ..keys import Keys
from .lua import keyed_script, lua_script

# Webhook events kept in the stream at most (approximately: trimmed in whole
# macro nodes). A bound for when no dispatcher runs: older entries go first.
WEBHOOK_STREAM_MAXLEN = 100_000
# The job fields an event snapshots (besides status).
EVENT_FIELDS = ("created_at", "started_at", "finished_at", "queued", "in_flight", "crawled", "failed",
                "skipped", "items", "requeued")

_COMMON = keyed_script("common.lua").replace("__MAXLEN__", str(WEBHOOK_STREAM_MAXLEN)).replace(
    "__EVENT_FIELDS__", ", ".join(f"'{name}'" for name in EVENT_FIELDS)
)


def queue_script(name: str) -> str:
    """A frontier script: the helpers every one uses (common.lua, with the
    stream's bound and the event fields filled in), then its own file."""
    return _COMMON + lua_script(name)


# ARGV: prefix, then 6 per request: job id, host, payload, is_page,
# check_seen, fp. One call admits every request one response yielded.
# Returns one result per request (see RequestQueue.push_many).
_PUSH = queue_script("push.lua")

# ARGV: prefix, queue, worker, now, deadline, count, ttl, host delay (s),
# host concurrency (0: unbounded), scan (host queues looked at at most).
# Returns a flat list rid1, payload1, rid2, payload2... or, when nothing
# was leased but a host queue waits in the delayed set, the ms until the
# first is due.
#
# Politeness holds across every worker: a host gets at most `concurrency`
# leases at once and one new lease per `delay` seconds, and none while it is
# backing off (429/503, see RequestQueue.back_off); the delay and the pause
# hold again when a request is sent (RequestQueue.take_turn). A host queue
# whose host is not ready moves to the delayed set, so the ready set's head
# is (nearly) always servable: a lease costs the same with 1,000 or
# 1,000,000 requests queued, and no host waits behind another.
_LEASE = queue_script("lease.lua")

# ARGV: the host's next-lease and pause keys, until -- see the script
_BACK_OFF = lua_script("back_off.lua")

# ARGV: the host's last-send, pause and next-lease keys, now, delay, 'turn'
# or 'answered' -- see the script
_TURN = lua_script("turn.lua")

# ARGV: prefix, worker, now, ttl, then 5 per lease: rid, outcome, is_page,
# items (pages the lease produced, added to the job's item counter), pages
# (for jobs whose webhook asks for job.page: one JSON summary per stored page,
# newline-separated; '' otherwise).
# Returns 2 per lease: accepted (0/1), final job status or ''.
_ACK = queue_script("ack.lua")

# ARGV: prefix, rid, fingerprint -- see the script
_CLAIM = queue_script("claim.lua")

# ARGV: prefix, worker, now, ttl[, rids]  -- return leases of one worker
_RELEASE = queue_script("release.lua")

# ARGV: prefix, dead_before, now, ttl
# Leases of workers whose last heartbeat is older than dead_before, and leases
# past their deadline, go back to the queue. Returns {workers, requests}.
_RECLAIM = queue_script("reclaim.lua")

# ARGV: prefix, job_id, now -- drop the job's queued and overflow requests
_CANCEL = queue_script("cancel.lua")


@dataclass
class Admission:
    """A request offered to a job's frontier (see ``push``): the job's
    record says which frontier, and its priority."""

    job_id: str
    host: str
    payload: str
    is_page: bool = True
    check_seen: bool = True
    fingerprint: str = ""


@dataclass
class Lease:
    rid: str
    payload: str

    @property
    def job_id(self) -> str:
        return self.rid.split("|", 1)[0]


class RequestQueue:
    """Atomic queue operations on Redis; see the module docstring."""

    def __init__(self, server: redis.Redis, keys: Keys, job_ttl: int = 7 * 24 * 3600):
        self.server = server
        self.keys = keys
        self.job_ttl = job_ttl
        self._push = server.register_script(_PUSH)
        self._lease = server.register_script(_LEASE)
        self._ack = server.register_script(_ACK)
        self._release = server.register_script(_RELEASE)
        self._reclaim = server.register_script(_RECLAIM)
        self._cancel = server.register_script(_CANCEL)
        self._claim = server.register_script(_CLAIM)
        self._back_off = server.register_script(_BACK_OFF)
        self._turn = server.register_script(_TURN)
        # the same on an asyncio client (use_async)
        self._aturn = self._apush = None
        # Politeness across workers (see _LEASE); set by the worker from settings.
        self.host_delay = 0.0
        self.host_concurrency = 0
        self.lease_scan = 64
        # after a lease that returned nothing: seconds until a delayed host is ready
        self.retry_in: float | None = None

    def push(self, request: Admission) -> int:
        """Admit a request. Returns 1 queued, 2 held over the page budget,
        3 dropped (budget and reserve full), 0 already seen by this job,
        -1 job not live (cancelled or finished)."""
        return self.push_many([request])[0]

    def push_many(self, requests: list[Admission]) -> list[int]:
        """Admit several requests in one round trip, in order; one result
        per request, as ``push`` returns."""
        if not requests:
            return []
        return [int(x) for x in self._push(args=self._push_args(requests))]

    async def push_many_async(self, requests: list[Admission]) -> list[int]:
        """``push_many``, awaited (on the blocking client without ``use_async``)."""
        if not requests or self._apush is None:
            return self.push_many(requests)
        return [int(x) for x in await self._apush(args=self._push_args(requests))]

    def _push_args(self, requests: list[Admission]) -> list:
        args: list = [self.keys.prefix]
        for r in requests:
            args += [r.job_id, r.host, r.payload, int(r.is_page), int(r.check_seen), r.fingerprint]
        return args

    def lease(self, queue: str, worker: str, count: int = 1, lease_s: float = 900) -> list[Lease]:
        now = time.time()
        flat = self._lease(args=[
            self.keys.prefix, queue, worker, now, now + lease_s, count, self.job_ttl,
            self.host_delay, self.host_concurrency, max(self.lease_scan, count),
        ])
        # one number alone: nothing leased, a host's delay ends in that many ms
        self.retry_in = int(flat[0]) / 1000 if len(flat) == 1 else None
        return [Lease(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]

    def ack(self, rid: str, worker: str, outcome: str, *, is_page: bool = True, items: int = 0) -> tuple[bool, str]:
        """Acknowledge a lease. Returns (accepted, final job status if this
        ack finished the job). A lease that was reclaimed meanwhile is not
        accepted: another worker now owns the request."""
        return self.ack_many(worker, [(rid, outcome, is_page, items)])[0]

    def ack_many(self, worker: str, acks: list[tuple]) -> list[tuple[bool, str]]:
        """Acknowledge several leases of ``worker`` (rid, outcome, is_page,
        items[, pages]) in one round trip; one (accepted, final status) per
        lease. ``pages``: JSON summaries of the stored pages, one per line,
        for a job whose webhook asks for ``job.page`` (see the ACK script)."""
        if not acks:
            return []
        args: list = [self.keys.prefix, worker, time.time(), self.job_ttl]
        for rid, outcome, is_page, items, *pages in acks:
            args += [rid, outcome, int(is_page), int(items), pages[0] if pages else ""]
        flat = self._ack(args=args)
        return [(bool(int(flat[i])), flat[i + 1] or "") for i in range(0, len(flat), 2)]

    def claim(self, rid: str, fingerprint: str) -> bool:
        """Mark ``fingerprint`` seen for the job of lease ``rid`` (a redirect
        target it is about to fetch). False if the job has seen it. The mark
        is the lease's: if the lease goes back to the queue (its worker
        died), it is undone, so the request's redirect is followed again
        rather than taken for a page already crawled."""
        return int(self._claim(args=[self.keys.prefix, rid, fingerprint])) != 0

    def release(self, worker: str, rids: list[str] | None = None) -> int:
        """Return leases of ``worker`` to the queue, as if never leased:
        ``rids`` (a request its worker could not handle), or every one
        (graceful shutdown). Returns how many went back."""
        return int(self._release(args=[self.keys.prefix, worker, time.time(), self.job_ttl, *(rids or [])]))

    def reclaim(self, dead_before: float) -> tuple[int, int]:
        """Requeue leases of workers silent since ``dead_before`` and leases
        past their deadline. Returns (dead workers, requests requeued)."""
        workers, requests = self._reclaim(
            args=[self.keys.prefix, dead_before, time.time(), self.job_ttl]
        )
        return int(workers), int(requests)

    def take_turn(self, host: str, delay: float) -> float:
        """Take ``host``'s turn to be sent a request now, for every worker:
        0 if taken, else the seconds to wait before asking again (the last
        request to it was sent or answered less than ``delay`` ago, or it
        is paused)."""
        return int(self._turn(args=self._turn_args(host, delay, "turn"))) / 1000

    def answered(self, host: str, delay: float, credit: float = 0.0) -> None:
        """A request to ``host`` was answered (or failed) now, so it reached
        the host no later than ``credit`` seconds ago: the next turn, and the
        next lease, are ``delay`` from then."""
        self._turn(args=self._turn_args(host, delay, "answered", credit))

    def use_async(self, server) -> None:
        """Make the ``*_async`` calls (a host's turn and answer, admitting)
        through ``server``, a ``redis.asyncio.Redis`` on the caller's event
        loop: they are made for every request, and a blocking round trip each
        would stall everything else the crawler's loop does meanwhile."""
        self._aturn = server.register_script(_TURN)
        self._apush = server.register_script(_PUSH)

    async def take_turn_async(self, host: str, delay: float) -> float:
        """``take_turn``, awaited (on the blocking client without ``use_async``)."""
        if self._aturn is None:
            return self.take_turn(host, delay)
        return int(await self._aturn(args=self._turn_args(host, delay, "turn"))) / 1000

    async def answered_async(self, host: str, delay: float, credit: float = 0.0) -> None:
        """``answered``, awaited (on the blocking client without ``use_async``)."""
        if self._aturn is None:
            self.answered(host, delay, credit)
        else:
            await self._aturn(args=self._turn_args(host, delay, "answered", credit))

    def _turn_args(self, host: str, delay: float, op: str, credit: float = 0.0) -> list:
        return [*self._turn_keys(host), time.time() - credit, delay, op]

    def _turn_keys(self, host: str) -> tuple[str, str, str]:
        return self.keys.host_sent(host), self.keys.host_paused(host), self.keys.host_next(host)

    def back_off(self, host: str, until: float) -> bool:
        """No worker leases a request for ``host`` before ``until`` (a 429 or
        503 with Retry-After). Keeps a later back-off already set."""
        return bool(self._back_off(args=[self.keys.host_next(host), self.keys.host_paused(host), until]))

    def cancel(self, job_id: str) -> int:
        """Drop a job's queued requests and mark it cancelled. Returns 1 if
        cancelled now, 0 if it was already over, -1 if unknown."""
        return int(self._cancel(args=[self.keys.prefix, job_id, time.time()]))

    def size(self, queue: str) -> int:
        """Requests waiting in a frontier (leased ones aside)."""
        return sum(int(n) for n in self.server.hvals(self.keys.queue_counts(queue)))
