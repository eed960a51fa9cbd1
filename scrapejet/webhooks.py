"""Webhook delivery: job and insights task events, from a Redis stream to
the users' URLs.

Where events come from. The queue's Lua scripts (``scheduler.redisqueue``)
append an entry to the stream ``Keys.webhook_events`` in the same script that
makes the change: ``job.started`` (first lease), ``job.completed`` /
``job.failed`` (last ack), ``job.cancelled``, and ``job.page`` (with the ack
of a stored page). Only jobs whose webhook asks for the event get one. Each
entry holds a snapshot of the job at that moment, so every attempt of a
delivery sends the same body. Insights tasks (``insights.tasks``) append
``insights.completed`` / ``insights.failed`` in the transaction that ends
the task; their entry names the task (``task_id`` where a job's names
``job_id``), whose Redis record holds the webhook, the answers the body is
made of, and the delivery's record.

Who delivers them. A ``WebhookDispatcher`` reads the stream through one
consumer group: any number of dispatchers (a thread in every ``scrapejet
api``, or ``scrapejet webhooks`` processes) share the events, each entry
going to one of them. An entry stays in the group's pending list until its
delivery has succeeded or given up, and a dispatcher keeps its pending
entries fresh (XCLAIM) while it holds them; the entries of a dispatcher that
went silent for ``SCRAPEJET_WEBHOOK_CLAIM_S`` are taken over (XAUTOCLAIM) by
another, with their attempt counts, so a crash loses nothing and does not
reset the bound on attempts. Delivery is at least once: the
``X-ScrapeJET-Delivery`` id is the same on every attempt, for receivers to
drop duplicates.

How. POST of a JSON body, signed (HMAC-SHA256 of the raw body) when the
webhook has a secret; 2xx is delivered; connection errors, timeouts, 408,
429 and 5xx are retried with exponential backoff up to
``SCRAPEJET_WEBHOOK_MAX_ATTEMPTS``; any other answer, and redirects (never
followed: a redirect could point inside our network), fail at once. The
connection goes to the address the receiver's name resolved to, checked
against the egress policy (``download.egress``; the API checked the URL at
submission, but DNS may answer differently now): a refused one fails at once. Events
of one job go out in order: a retried event holds back the job's later ones
(on that dispatcher; with several, order holds for most events, and the
stream id in the delivery id gives the order). Each outcome is logged and
recorded (``DeliveryLog``): per job (``GET /jobs/{id}/webhooks``), and in an
insights task's record (the ``webhook`` of ``GET /business/insights/{id}``)."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import os
import random
import secrets
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import redis

from . import __version__
from .download.egress import AddressRefused, EgressPolicy, checked_opener
from .export import iso
from .jobs import Job, Jobs
from .keys import Keys
from .scheduler.redisqueue import EVENT_FIELDS

logger = logging.getLogger(__name__)

GROUP = "dispatchers"
SIGNATURE_HEADER = "X-ScrapeJET-Signature"
DELIVERY_HEADER = "X-ScrapeJET-Delivery"
EVENT_HEADER = "X-ScrapeJET-Event"
ATTEMPT_HEADER = "X-ScrapeJET-Attempt"
RETRY_STATUSES = frozenset({408, 429})
COUNTER_FIELDS = tuple(name for name in EVENT_FIELDS if not name.endswith("_at"))
# Events a dispatcher holds in memory at most (being delivered or waiting
# for a retry); the rest wait in the stream for it or another dispatcher.
MAX_HELD = 1000


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _num(value: str | None) -> float | None:
    return float(value) if value else None


@dataclass
class Event:
    """One stream entry: a job event and the job's snapshot at that moment,
    or an insights task's event (``task_id`` set, ``job_id`` empty)."""

    entry_id: str
    job_id: str
    event: str
    at: float
    status: str
    snapshot: dict[str, str]
    page: dict[str, Any] | None = None
    task_id: str = ""
    due: float = 0.0  # monotonic time of the next attempt (retries)

    @classmethod
    def from_entry(cls, entry_id: str, fields: dict[str, str]) -> Event:
        task_id = fields.get("task_id", "")
        return cls(
            entry_id=entry_id, job_id="" if task_id else fields["job_id"], task_id=task_id, event=fields["event"],
            at=float(fields["at"]), status=fields.get("status", ""),
            snapshot={k: fields.get(k, "") for k in EVENT_FIELDS},
            page=json.loads(fields["page"]) if fields.get("page") else None,
        )

    @property
    def lane(self) -> str:
        """Whose event it is: a job's events are delivered one at a time, in
        stream order."""
        return f"insights.{self.task_id}" if self.task_id else self.job_id

    @property
    def delivery_id(self) -> str:
        # The stream id orders a job's events; the job (task) id makes it
        # unique across deployments sharing a receiver.
        return f"{self.lane}.{self.entry_id}"

    def __str__(self) -> str:
        whose = f"insights task {self.task_id}" if self.task_id else f"job {self.job_id}"
        return f"webhook {self.event} of {whose} (delivery {self.delivery_id})"

    def body(self, job: Job) -> bytes:
        """The POSTed JSON: built from the entry and the job's fixed parts
        (kind, spec) only, so every attempt sends the same bytes."""
        snap = self.snapshot
        at_event = Job(
            job_id=job.job_id, kind=job.kind, spec=job.spec, priority=job.priority, status=self.status,
            queue="", created_at=_num(snap["created_at"]) or job.created_at,
            started_at=_num(snap["started_at"]), finished_at=_num(snap["finished_at"]),
            counters={name: int(snap[name] or 0) for name in COUNTER_FIELDS},
        )
        data: dict[str, Any] = {
            "event": self.event,
            "delivery_id": self.delivery_id,
            "timestamp": iso(self.at),
            "job": {
                "job_id": at_event.job_id, "kind": at_event.kind, "status": at_event.status,
                "state": at_event.state, "priority": at_event.priority, "url": job.spec.get("url"),
                "progress": at_event.progress(), "created_at": iso(at_event.created_at),
                "started_at": iso(at_event.started_at), "finished_at": iso(at_event.finished_at),
                "counters": at_event.counters,
            },
        }
        if self.page is not None:
            data["page"] = {**self.page, "fetched_at": iso(self.page.get("fetched_at"))}
        return json.dumps(data, separators=(",", ":")).encode()

    def task_body(self, task: dict[str, Any]) -> bytes:
        """The POSTed JSON of an insights task's event: the task as ``GET
        /business/insights/{id}`` shows it, but with this delivery's own
        state left out (pending, no attempts), so every attempt sends the
        same bytes."""
        # here, not at the top: the insights package brings the answering
        # code, which a dispatcher of job events alone never needs
        from .insights.tasks import public_task

        data = {"event": self.event, "delivery_id": self.delivery_id, "timestamp": iso(self.at),
                "task": public_task({**task, "webhook_delivery": None})}
        return json.dumps(data, separators=(",", ":")).encode()


# -- sending ------------------------------------------------------------------------
class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # a 3xx becomes an HTTPError: a failed delivery


@dataclass
class Attempt:
    ok: bool
    retry: bool
    status: int | None  # HTTP status, None when no answer
    error: str | None


def post(url: str, body: bytes, headers: dict[str, str], timeout: float, opener=None) -> Attempt:
    """One POST; what came of it, classified for retrying."""
    opener = opener or urllib.request.build_opener(_NoRedirects)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read(65536)
            return Attempt(True, False, response.status, None)
    except urllib.error.HTTPError as exc:
        exc.close()
        code = exc.code
        retry = code >= 500 or code in RETRY_STATUSES
        error = f"HTTP {code}" + (" (redirects are not followed)" if 300 <= code < 400 else "")
        return Attempt(False, retry, code, error)
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, AddressRefused):
            return Attempt(False, False, None, str(reason))  # the policy will not change its mind
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return Attempt(False, True, None, "timed out")
        if isinstance(reason, ConnectionRefusedError):
            return Attempt(False, True, None, "connection refused")
        return Attempt(False, True, None, str(reason) or type(reason).__name__)
    except (TimeoutError, socket.timeout):
        return Attempt(False, True, None, "timed out")
    except (OSError, http.client.HTTPException) as exc:
        return Attempt(False, True, None, f"{type(exc).__name__}: {exc}".rstrip(": "))


# -- records ------------------------------------------------------------------------
class DeliveryLog:
    """What became of a job's webhook deliveries, in Redis next to the job
    (expiring with it): one record per lifecycle delivery, and per page
    delivery until it is delivered (delivered pages are only counted, so a
    100,000-page job does not keep 100,000 records). An insights task's one
    delivery is recorded in the task's own hash (field ``webhook_delivery``,
    which its API view shows), each write keeping the task another
    ``task_ttl``, as the task's own writes do; a log that only reads (the
    API's) needs no ``task_ttl``."""

    def __init__(self, server, keys: Keys, ttl: int, task_ttl: int | None = None):
        self.server = server
        self.keys = keys
        self.ttl = ttl
        self.task_ttl = task_ttl

    def _place(self, event: Event) -> tuple[str, str, str | None, int]:
        """Where an event's record goes: hash, field, hash of counts (jobs
        only), and how long they live."""
        if event.task_id:
            return self.keys.insights_task(event.task_id), "webhook_delivery", None, self.task_ttl
        return (self.keys.job_webhooks(event.job_id), event.delivery_id, self.keys.job_webhook_stats(event.job_id),
                self.ttl)

    def begin(self, event: Event, url: str) -> dict[str, Any]:
        """Count an attempt before making it, so attempts stay bounded even
        if this dispatcher dies during the POST."""
        key, name, _counts, ttl = self._place(event)
        raw = self.server.hget(key, name)
        record = json.loads(raw) if raw else None
        # (a task's field holds one record: an earlier event's is replaced)
        if record is None or record.get("delivery_id") != event.delivery_id:
            record = {
                "delivery_id": event.delivery_id, "event": event.event, "url": url, "status": "pending",
                "attempts": 0, "response_status": None, "error": None, "created_at": iso(event.at),
                "last_attempt_at": None, "next_attempt_at": None, "delivered_at": None,
            }
        record["attempts"] += 1
        record["last_attempt_at"] = iso(time.time())
        record["next_attempt_at"] = None
        pipe = self.server.pipeline()
        pipe.hset(key, name, json.dumps(record))
        pipe.expire(key, ttl)
        pipe.execute()
        return record

    def end(self, event: Event, record: dict[str, Any], status: str, *, done: bool) -> None:
        """Store the record; when ``done`` (delivered or given up), count it
        and release the stream entry, in one transaction."""
        record["status"] = status
        key, name, counts, ttl = self._place(event)
        pipe = self.server.pipeline(transaction=True)
        if status == "delivered" and event.event == "job.page":
            pipe.hdel(key, name)
        else:
            pipe.hset(key, name, json.dumps(record))
        if done:
            if counts is not None:
                pipe.hincrby(counts, status, 1)
                pipe.expire(counts, ttl)
            pipe.xack(self.keys.webhook_events, GROUP, event.entry_id)
        pipe.expire(key, ttl)
        pipe.execute()

    def summary(self, job_id: str) -> dict[str, Any]:
        # one transaction: records and counts are written together by end()
        pipe = self.server.pipeline(transaction=True)
        pipe.hvals(self.keys.job_webhooks(job_id))
        pipe.hgetall(self.keys.job_webhook_stats(job_id))
        raw, stats = pipe.execute()
        records = [json.loads(v) for v in raw]
        # in stream order: the delivery id ends with the entry id "ms-seq"
        records.sort(key=lambda r: tuple(int(n) for n in r["delivery_id"].rsplit(".", 1)[-1].split("-")))
        return {
            "delivered": int(stats.get("delivered") or 0),
            "failed": int(stats.get("failed") or 0),
            "pending": sum(1 for r in records if r["status"] in ("pending", "retrying")),
            "deliveries": records,
        }

    def dispatch_state(self, claim_s: float) -> dict[str, int]:
        """Events not yet read by any dispatcher, and dispatchers seen
        within ``claim_s``: tells a user why nothing arrives (none running)."""
        stream = self.keys.webhook_events
        try:
            groups = self.server.xinfo_groups(stream)
            consumers = self.server.xinfo_consumers(stream, GROUP)
        except redis.ResponseError:  # no stream or no group yet: no dispatcher ever ran
            return {"dispatchers": 0, "events_waiting": int(self.server.xlen(stream))}
        group = next((g for g in groups if g["name"] == GROUP), {})
        waiting = group.get("lag")
        if waiting is None:  # unknown after trimming: count what follows the last read
            waiting = len(self.server.xrange(stream, f"({group.get('last-delivered-id', '0-0')}", "+", count=MAX_HELD))
        alive = sum(1 for c in consumers if c["idle"] < claim_s * 1000)
        return {"dispatchers": alive, "events_waiting": int(waiting)}


# -- the dispatcher ------------------------------------------------------------------
@dataclass
class _Result:
    done: bool  # delivered or given up: the entry is acknowledged
    status: str
    retry_in: float = 0.0


@dataclass
class _State:
    """The dispatcher's events in hand, by job (touched by its loop thread only)."""

    lanes: dict[str, deque[Event]] = field(default_factory=dict)
    held: set[str] = field(default_factory=set)  # entry ids in hand
    busy: dict[Future, Event] = field(default_factory=dict)


class WebhookDispatcher:
    """Delivers webhook events from a thread; see the module docstring."""

    def __init__(self, jobs: Jobs, *, timeout_s: float, max_attempts: int, backoff_s: float, backoff_max_s: float,
                 concurrency: int, claim_s: float, job_ttl: int, task_ttl: int, egress: EgressPolicy | None = None):
        self.jobs = jobs
        self.server = jobs.server
        self.keys: Keys = jobs.keys
        self.timeout_s = timeout_s
        self.max_attempts = max(1, max_attempts)
        self.backoff_s = backoff_s
        self.backoff_max_s = backoff_max_s
        self.concurrency = max(1, concurrency)
        self.claim_s = claim_s
        self.log = DeliveryLog(self.server, self.keys, job_ttl, task_ttl)
        self.consumer = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        # connections to checked addresses only: a webhook host that now
        # resolves into our network (DNS rebinding) is refused, not POSTed to
        self._opener = checked_opener(egress or EgressPolicy(), _NoRedirects)
        self._state = _State()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool: ThreadPoolExecutor | None = None

    @classmethod
    def from_settings(cls, settings, jobs: Jobs) -> WebhookDispatcher:
        return cls(
            jobs,
            timeout_s=settings.getfloat("SCRAPEJET_WEBHOOK_TIMEOUT_S"),
            max_attempts=settings.getint("SCRAPEJET_WEBHOOK_MAX_ATTEMPTS"),
            backoff_s=settings.getfloat("SCRAPEJET_WEBHOOK_BACKOFF_S"),
            backoff_max_s=settings.getfloat("SCRAPEJET_WEBHOOK_BACKOFF_MAX_S"),
            concurrency=settings.getint("SCRAPEJET_WEBHOOK_CONCURRENCY"),
            claim_s=settings.getfloat("SCRAPEJET_WEBHOOK_CLAIM_S"),
            job_ttl=settings.getint("SCRAPEJET_JOB_TTL_S"),
            task_ttl=settings.getint("SCRAPEJET_INSIGHTS_TASK_TTL_S"),
            egress=EgressPolicy.from_settings(settings),
        )

    # -- life cycle -------------------------------------------------------------
    def start(self) -> None:
        self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="scrapejet-webhook")
        self._thread = threading.Thread(target=self.run, name="scrapejet-webhooks", daemon=True)
        self._thread.start()
        logger.info("Webhook dispatcher %s started", self.consumer)

    def stop(self, timeout: float | None = None) -> None:
        """Stop reading; wait for the POSTs under way (each bounded by the
        timeout) and record them. Events waiting for a retry stay pending in
        Redis, for another dispatcher (or the next one) to take over."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def run(self) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="scrapejet-webhook")
        next_refresh = next_claim = 0.0
        while not self._stop.is_set():
            try:
                self._ensure_group()
                while not self._stop.is_set():
                    now = time.monotonic()
                    self._collect()
                    if now >= next_refresh:
                        self._refresh()
                        next_refresh = now + self.claim_s / 3
                    if now >= next_claim:
                        self._take_over()
                        next_claim = now + self.claim_s / 2
                    self._launch()
                    self._read()
            except redis.ResponseError as exc:
                if "NOGROUP" not in str(exc):  # stream deleted: the group is made again
                    logger.exception("Webhook dispatcher: Redis refused a command")
                    self._stop.wait(1.0)
            except redis.RedisError:
                # Redis down or restarting: retry; the entries in hand stay pending there.
                logger.exception("Webhook dispatcher: Redis unavailable, retrying")
                self._stop.wait(1.0)

    # -- the loop's steps ---------------------------------------------------------
    def _ensure_group(self) -> None:
        try:
            # From the stream's start: events written while no dispatcher ran are delivered too.
            self.server.xgroup_create(self.keys.webhook_events, GROUP, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def _hold(self, entries) -> None:
        state = self._state
        for entry_id, fields in entries:
            if entry_id in state.held:
                continue
            if not fields:  # trimmed from the stream before anyone read it
                self.server.xack(self.keys.webhook_events, GROUP, entry_id)
                continue
            try:
                event = Event.from_entry(entry_id, fields)
            except (KeyError, ValueError):
                logger.error("Webhook event %s is malformed, dropped: %r", entry_id, fields)
                self.server.xack(self.keys.webhook_events, GROUP, entry_id)
                continue
            state.held.add(entry_id)
            state.lanes.setdefault(event.lane, deque()).append(event)

    def _read(self) -> None:
        state = self._state
        room = MAX_HELD - len(state.held)
        # Short blocks while deliveries are under way or waiting: their
        # results and retries are handled between reads.
        block_ms = 100 if state.held else 1000
        if room <= 0:
            self._stop.wait(block_ms / 1000)
            return
        reply = self.server.xreadgroup(
            GROUP, self.consumer, {self.keys.webhook_events: ">"}, count=min(room, 100), block=block_ms,
        )
        for _stream, entries in reply or ():
            self._hold(entries)

    def _refresh(self) -> None:
        """Keep our entries' idle time low, so no dispatcher takes them over."""
        held = list(self._state.held)
        for i in range(0, len(held), 500):
            self.server.xclaim(self.keys.webhook_events, GROUP, self.consumer, 0, held[i:i + 500], justid=True)

    def _take_over(self) -> None:
        """Claim the entries of dispatchers silent for ``claim_s``, and forget
        long-gone dispatchers that hold nothing."""
        stream, start = self.keys.webhook_events, "0-0"
        while len(self._state.held) < MAX_HELD:
            reply = self.server.xautoclaim(
                stream, GROUP, self.consumer, int(self.claim_s * 1000), start_id=start,
                count=min(100, MAX_HELD - len(self._state.held)),
            )
            start, entries = reply[0], reply[1]
            fresh = [(entry_id, fields) for entry_id, fields in entries if entry_id not in self._state.held]
            if fresh:
                logger.warning("Took over %d webhook event(s) from a silent dispatcher", len(fresh))
            self._hold(fresh)
            if start == "0-0":
                break
        for consumer in self.server.xinfo_consumers(stream, GROUP):
            if consumer["name"] != self.consumer and consumer["pending"] == 0 and consumer["idle"] > 3600_000:
                self.server.xgroup_delconsumer(stream, GROUP, consumer["name"])

    def _launch(self) -> None:
        state, now = self._state, time.monotonic()
        running = {event.lane for event in state.busy.values()}
        for name, lane in state.lanes.items():
            if len(state.busy) >= self.concurrency:
                return
            if name in running or lane[0].due > now:
                continue  # one delivery per job at a time, in stream order
            future = self._pool.submit(self._deliver, lane[0])
            state.busy[future] = lane[0]

    def _collect(self) -> None:
        state = self._state
        for future in [f for f in state.busy if f.done()]:
            event = state.busy.pop(future)
            try:
                result = future.result()
            except Exception:
                logger.exception("Webhook delivery %s failed unexpectedly; retrying", event.delivery_id)
                event.due = time.monotonic() + self.backoff_s
                continue
            if result.done:
                lane = state.lanes[event.lane]
                lane.popleft()
                if not lane:
                    del state.lanes[event.lane]
                state.held.discard(event.entry_id)
            else:
                event.due = time.monotonic() + result.retry_in

    def _backoff(self, attempts: int) -> float:
        delay = min(self.backoff_s * 2 ** (attempts - 1), self.backoff_max_s)
        # jitter: receivers that fail together are not retried together
        return delay * random.uniform(0.8, 1.2)

    # -- one attempt (pool thread) ----------------------------------------------------
    def _target(self, event: Event) -> tuple[dict[str, Any], bytes] | None:
        """The webhook an event goes to and the body sent, from the job's
        spec (or the task's record); None when that, or its webhook, is gone."""
        if event.task_id:
            from .insights.tasks import decode_task  # see Event.task_body

            task = decode_task(self.server.hgetall(self.keys.insights_task(event.task_id)))
            return (task["webhook"], event.task_body(task)) if task.get("webhook") else None
        job = self.jobs.get(event.job_id)
        webhook = job.spec.get("webhook") if job is not None else None
        return (webhook, event.body(job)) if webhook else None

    def _deliver(self, event: Event) -> _Result:
        target = self._target(event)
        if target is None:
            logger.warning("%s: its job (or task) or webhook is gone; dropped", event)
            self.server.xack(self.keys.webhook_events, GROUP, event.entry_id)
            return _Result(True, "dropped")
        webhook, body = target
        record = self.log.begin(event, webhook["url"])
        attempt_no = record["attempts"]
        if attempt_no > self.max_attempts:  # taken over after its last attempt
            record["attempts"] -= 1
            self.log.end(event, record, "failed", done=True)
            return _Result(True, "failed")
        headers = {
            "Content-Type": "application/json",
            "User-Agent": f"ScrapeJET-Webhooks/{__version__}",
            EVENT_HEADER: event.event,
            DELIVERY_HEADER: event.delivery_id,
            ATTEMPT_HEADER: str(attempt_no),
        }
        if webhook.get("secret"):
            headers[SIGNATURE_HEADER] = sign(webhook["secret"], body)
        outcome = post(webhook["url"], body, headers, self.timeout_s, self._opener)
        record["response_status"], record["error"] = outcome.status, outcome.error
        what = f"{event} to {webhook['url']}"
        if outcome.ok:
            record["delivered_at"] = iso(time.time())
            self.log.end(event, record, "delivered", done=True)
            logger.info("Delivered %s on attempt %d: HTTP %s", what, attempt_no, outcome.status)
            return _Result(True, "delivered")
        if outcome.retry and attempt_no < self.max_attempts:
            delay = self._backoff(attempt_no)
            record["next_attempt_at"] = iso(time.time() + delay)
            self.log.end(event, record, "retrying", done=False)
            logger.warning("Attempt %d/%d of %s failed (%s); retrying", attempt_no, self.max_attempts, what,
                           outcome.error)
            return _Result(False, "retrying", delay)
        self.log.end(event, record, "failed", done=True)
        logger.error("Gave up on %s after %d attempt(s): %s", what, attempt_no, outcome.error)
        return _Result(True, "failed")


__all__ = ["WebhookDispatcher", "DeliveryLog", "Event", "sign", "post"]
