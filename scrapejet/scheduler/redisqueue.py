"""The leased priority queue in Redis, independent of Scrapy.

Every state change of a request is one Lua script, so counters, dupefilter,
budget and job state move together even with many workers: a request is
admitted (deduplicated, counted against the job's page budget), leased to a
worker, then acknowledged with its outcome; a lease whose worker died goes
back to the queue. The job whose last request is acknowledged is completed by
that same script, so exactly one worker sees the transition.

Request ids (rids) are ``<job_id>|<fingerprint>``: the job is found from the rid
without a lookup. Scores are ``(10 - priority) * 1e12 + seq``: lower pops
first, so priority 9 beats 2 and, within a priority, older requests go first.

The scripts touch keys derived from the rid, which Redis Cluster would reject;
ScrapeJET targets a single Redis (or a replicated primary), like scrapy-redis.

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


def _script(name: str) -> str:
    """A queue script: the helpers every one uses (common.lua, with the
    stream's bound and the event fields filled in), then its own file."""
    return _COMMON + lua_script(name)


# ARGV: prefix, then 7 per request: queue, rid, payload, priority, is_page,
# check_seen, fp. One call admits every request one response yielded.
# Returns one result per request (see RequestQueue.push_many).
_PUSH = _script("push.lua")

# ARGV: prefix, queue, worker, now, deadline, count, ttl, host delay (s),
# host concurrency (0: unbounded), scan (candidates looked at at most).
# Returns a flat list rid1, payload1, rid2, payload2...
#
# Politeness holds across every worker: a host gets at most `concurrency`
# leases at once and one new lease per `delay` seconds, and none while it is
# backing off (429/503, see RequestQueue.back_off); the delay and the pause
# hold again when a request is sent (RequestQueue.take_turn). A request whose host is
# not ready stays queued in its place and the scan moves on to other hosts,
# so a worker is never held up by one slow or strict site.
_LEASE = _script("lease.lua")

# ARGV: the host's next-lease and pause keys, until -- see the script
_BACK_OFF = lua_script("back_off.lua")

# ARGV: the host's last-send and pause keys, now, delay, 'turn' or 'answered'
# -- see the script
_TURN = lua_script("turn.lua")

# ARGV: prefix, worker, now, ttl, then 5 per lease: rid, outcome, is_page,
# items (pages the lease produced, added to the job's item counter), pages
# (for jobs whose webhook asks for job.page: one JSON summary per stored page,
# newline-separated; '' otherwise).
# Returns 2 per lease: accepted (0/1), final job status or ''.
_ACK = _script("ack.lua")

# ARGV: prefix, worker, now, ttl  -- return every lease of one worker
_RELEASE = _script("release.lua")

# ARGV: prefix, dead_before, now, ttl
# Leases of workers whose last heartbeat is older than dead_before, and leases
# past their deadline, go back to the queue. Returns {workers, requests}.
_RECLAIM = _script("reclaim.lua")

# ARGV: prefix, job_id, now -- drop the job's queued and overflow requests
_CANCEL = _script("cancel.lua")


@dataclass
class Admission:
    """A request offered to the queue (see ``push``)."""

    queue: str
    rid: str
    payload: str
    priority: int
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
        self._back_off = server.register_script(_BACK_OFF)
        self._turn = server.register_script(_TURN)
        # Politeness across workers (see _LEASE); set by the worker from settings.
        self.host_delay = 0.0
        self.host_concurrency = 0
        self.lease_scan = 64
        # after a lease that returned nothing: seconds until a delayed host is ready
        self.retry_in: float | None = None

    @staticmethod
    def rid(job_id: str, fingerprint: str, host: str = "") -> str:
        """A request's id: its job, its fingerprint (unique in the job) and
        the host it goes to (per-host politeness in the lease script)."""
        return f"{job_id}|{fingerprint}|{host}" if host else f"{job_id}|{fingerprint}"

    def push(
        self,
        queue: str,
        rid: str,
        payload: str,
        *,
        priority: int,
        is_page: bool = True,
        check_seen: bool = True,
        fingerprint: str = "",
    ) -> int:
        """Admit a request. Returns 1 queued, 2 held over the page budget,
        3 dropped (budget and reserve full), 0 already seen by this job,
        -1 job not live (cancelled or finished)."""
        return self.push_many([Admission(queue, rid, payload, priority, is_page, check_seen, fingerprint)])[0]

    def push_many(self, requests: list[Admission]) -> list[int]:
        """Admit several requests in one round trip, in order; one result
        per request, as ``push`` returns."""
        if not requests:
            return []
        args: list = [self.keys.prefix]
        for r in requests:
            args += [r.queue, r.rid, r.payload, r.priority, int(r.is_page), int(r.check_seen), r.fingerprint]
        return [int(x) for x in self._push(args=args)]

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

    def release(self, worker: str) -> int:
        """Return every lease of ``worker`` to the queue (graceful shutdown)."""
        return int(self._release(args=[self.keys.prefix, worker, time.time(), self.job_ttl]))

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
        return int(self._turn(args=[self.keys.host_sent(host), self.keys.host_paused(host), time.time(), delay,
                                    "turn"])) / 1000

    def answered(self, host: str, delay: float) -> None:
        """A request to ``host`` was answered (or failed) now: the next turn
        is ``delay`` from now, since the request may have arrived this late."""
        self._turn(args=[self.keys.host_sent(host), self.keys.host_paused(host), time.time(), delay, "answered"])

    def back_off(self, host: str, until: float) -> bool:
        """No worker leases a request for ``host`` before ``until`` (a 429 or
        503 with Retry-After). Keeps a later back-off already set."""
        return bool(self._back_off(args=[self.keys.host_next(host), self.keys.host_paused(host), until]))

    def cancel(self, job_id: str) -> int:
        """Drop a job's queued requests and mark it cancelled. Returns 1 if
        cancelled now, 0 if it was already over, -1 if unknown."""
        return int(self._cancel(args=[self.keys.prefix, job_id, time.time()]))

    def size(self, queue: str) -> int:
        return int(self.server.zcard(queue))
