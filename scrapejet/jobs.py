"""The job model shared by every entry point (CLI, ``scrapy crawl``, scrapyd, HTTP).

A job lives as a Redis hash (live state and counters, moved atomically by the
queue scripts) and as a row in storage (history that survives a Redis flush).
``Jobs.submit`` validates a spec, records the job and seeds its first
requests into the queue of the spider that serves its kind."""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .keys import Keys
from .kinds import KIND_SPIDER
from .scheduler.redisqueue import RequestQueue
from .urls import drop_query_params, query_param_filter

if TYPE_CHECKING:
    from pydantic import BaseModel

# What a job id may be (the API's models say it to clients with the same pattern).
JOB_ID_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"
STATES = {  # status -> the Celery-style state the older API documents
    "pending": "PENDING",
    "running": "PROGRESS",
    "completed": "SUCCESS",
    "failed": "FAILURE",
    "cancelled": "REVOKED",
}
FINISHED = ("completed", "failed", "cancelled")
COUNTERS = ("queued", "in_flight", "crawled", "failed", "skipped", "items", "admitted", "requeued")


def webhook_events(spec: dict[str, Any]) -> list[str]:
    """The events a job's webhook asks for (none without a webhook)."""
    webhook = spec.get("webhook")
    return list(webhook.get("events") or ()) if webhook else []


class JobError(ValueError):
    """A spec that cannot become a job; the message says why."""


@dataclass
class Job:
    job_id: str
    kind: str
    spec: dict[str, Any]
    priority: int
    status: str
    queue: str
    created_at: float
    started_at: float | None = None
    finished_at: float | None = None
    error: str | None = None
    counters: dict[str, int] = field(default_factory=dict)

    @property
    def state(self) -> str:
        return STATES[self.status]

    @property
    def done(self) -> bool:
        return self.status in FINISHED

    def wants_event(self, event: str) -> bool:
        return event in webhook_events(self.spec)

    def progress(self) -> float:
        """Percent done, 0-100. A crawl's size is unknown until it ends, so
        this is the better of two lower bounds: pages stored against the page
        budget, and requests handled against requests known so far. It stays
        below 100 until the job is over."""
        if self.status in ("completed", "failed"):
            return 100.0
        c = self.counters
        handled = c.get("crawled", 0) + c.get("failed", 0) + c.get("skipped", 0)
        known = handled + c.get("queued", 0) + c.get("in_flight", 0)
        budget = int(self.spec.get("max_pages") or 0)
        by_budget = c.get("crawled", 0) / budget if budget else 0.0
        by_known = handled / known if known else 0.0
        return round(min(max(by_budget, by_known) * 100, 99.9), 1)

    def eta_s(self, now: float | None = None) -> float | None:
        """Seconds left at the rate so far; None when unknown or over."""
        if self.status != "running" or not self.started_at:
            return None
        fraction = self.progress() / 100
        elapsed = (now or time.time()) - self.started_at
        if fraction <= 0 or elapsed <= 0:
            return None
        return round(elapsed * (1 - fraction) / fraction, 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "kind": self.kind,
            "spec": self.spec,
            "priority": self.priority,
            "status": self.status,
            "state": self.state,
            "created_at": self.created_at,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "error": self.error,
            **{name: self.counters.get(name, 0) for name in COUNTERS},
        }

    @classmethod
    def from_hash(cls, data: dict[str, str]) -> Job:
        def num(name: str) -> float | None:
            return float(data[name]) if data.get(name) else None

        return cls(
            job_id=data["job_id"],
            kind=data["kind"],
            spec=json.loads(data["spec"]),
            priority=int(data["priority"]),
            status=data["status"],
            queue=data["queue"],
            created_at=float(data["created_at"]),
            started_at=num("started_at"),
            finished_at=num("finished_at"),
            error=data.get("error") or None,
            counters={name: int(data.get(name) or 0) for name in COUNTERS},
        )


def validate_spec(kind: str, spec: dict[str, Any], *, max_pages_limit: int, max_depth_limit: int) -> BaseModel:
    """The validated spec, or JobError with every problem named."""
    # Imported here: pydantic and the models cost a worker ~9 MB, and only
    # submitting needs them (a worker only reads jobs).
    from pydantic import ValidationError

    from .specs import SPECS

    if kind not in SPECS:
        raise JobError(f"unknown job kind {kind!r}; expected one of {sorted(SPECS)}")
    try:
        model = SPECS[kind].model_validate(spec)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'spec'}: {err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors()
        )
        raise JobError(problems) from None
    if getattr(model, "max_pages", 0) > max_pages_limit:
        raise JobError(f"max_pages: at most {max_pages_limit} on this server")
    if getattr(model, "max_depth", 0) > max_depth_limit:
        raise JobError(f"max_depth: at most {max_depth_limit} on this server")
    return model


class Jobs:
    """Job records in Redis (live) and storage (history)."""

    def __init__(self, server, keys: Keys, storage=None, *, job_ttl: int = 7 * 24 * 3600,
                 max_pages_limit: int = 100_000, max_depth_limit: int = 50,
                 defaults: dict[str, Any] | None = None, tracking_params: list[str] = ()):
        self.server = server
        self.keys = keys
        # Storage, or a function that opens it when first needed: listing or
        # cancelling live jobs reads Redis only, and opening storage costs a
        # command half a second of imports (SQLAlchemy).
        self._storage = storage
        self.queue = RequestQueue(server, keys, job_ttl=job_ttl)
        self.max_pages_limit = max_pages_limit
        self.max_depth_limit = max_depth_limit
        # Server-wide defaults for fields a submission leaves out.
        self.defaults = defaults or {}
        # A start URL loses its tracking parameters as followed links do
        # (scrapejet.middlewares): /?utm_source=mail and the home page that
        # links back to / are one page.
        self.tracking = query_param_filter(list(tracking_params))

    @property
    def storage(self):
        if callable(self._storage):
            self._storage = self._storage()
        return self._storage

    @classmethod
    def from_settings(cls, settings, server=None, storage=None) -> Jobs:
        from .redis_server import connect

        return cls(
            server if server is not None else connect(settings),
            Keys(settings.get("SCRAPEJET_KEY_PREFIX")),
            storage,
            job_ttl=settings.getint("SCRAPEJET_JOB_TTL_S"),
            max_pages_limit=settings.getint("SCRAPEJET_MAX_PAGES_LIMIT"),
            max_depth_limit=settings.getint("SCRAPEJET_MAX_DEPTH_LIMIT"),
            defaults={
                "max_pages": settings.getint("SCRAPEJET_DEFAULT_MAX_PAGES"),
                "max_depth": settings.getint("SCRAPEJET_DEFAULT_MAX_DEPTH"),
                "priority": settings.getint("SCRAPEJET_DEFAULT_PRIORITY"),
            },
            tracking_params=settings.getlist("SCRAPEJET_TRACKING_PARAMS"),
        )

    # -- submission -----------------------------------------------------------
    def submit(self, kind: str, spec: dict[str, Any], *, job_id: str | None = None) -> Job:
        # Imported here: building requests needs Scrapy, which commands that
        # only read jobs (`scrapejet jobs`, `export`) should not pay for.
        from .scheduler.requests import seed_requests
        from .specs import SPECS

        defaulted = SPECS[kind].defaulted if kind in SPECS else ()
        spec = {**{k: v for k, v in self.defaults.items() if k in defaulted}, **{k: v for k, v in spec.items() if v is not None}}
        model = validate_spec(
            kind, spec, max_pages_limit=self.max_pages_limit, max_depth_limit=self.max_depth_limit
        )
        if getattr(model, "url", None):
            model.url = drop_query_params(model.url, *self.tracking)
        clean = model.model_dump()
        job_id = job_id or secrets.token_hex(8)
        if not re.fullmatch(JOB_ID_PATTERN, job_id):
            raise JobError("job_id: 1-64 letters, digits, '_', '.' or '-'")
        spider = KIND_SPIDER[kind]
        queue = (
            self.keys.spider_queue(spider) if clean.get("shared", True) else self.keys.job_queue(job_id)
        )
        now = time.time()
        record = {
            "job_id": job_id,
            "kind": kind,
            "spec": json.dumps(clean),
            "priority": clean.get("priority", 5),
            "status": "pending",
            "queue": queue,
            "created_at": now,
            "max_pages": clean.get("max_pages", 0),
            # What the queue scripts emit to the webhook stream, decided
            # here: they look a word up in this field, never parse the spec.
            "webhook_events": " ".join(webhook_events(clean)),
            **{name: 0 for name in COUNTERS},
        }
        key = self.keys.job(job_id)
        if not self.server.hsetnx(key, "job_id", job_id):
            raise JobError(f"job_id: a job {job_id!r} already exists")
        self.server.hset(key, mapping=record)
        self.server.zadd(self.keys.jobs_index, {job_id: now})
        job = Job.from_hash({k: str(v) for k, v in record.items()})
        if self.storage is not None:
            self.storage.save_job(job.to_dict())
        self.queue.push_many(seed_requests(job_id, model.first_requests()))
        return self.get(job_id) or job

    # -- reading --------------------------------------------------------------
    def get(self, job_id: str) -> Job | None:
        return self.get_many([job_id])[0]

    def get_many(self, job_ids: list[str]) -> list[Job | None]:
        """The records of several jobs in one Redis round trip (None for a
        job that is unknown); a record Redis no longer holds (expired) is
        read from storage."""
        pipe = self.server.pipeline(transaction=False)
        for job_id in job_ids:
            pipe.hgetall(self.keys.job(job_id))
        return [self._record(job_id, data) for job_id, data in zip(job_ids, pipe.execute())]

    def _record(self, job_id: str, data: dict) -> Job | None:
        if data.get("kind"):
            return Job.from_hash(data)
        if self.storage is not None:
            row = self.storage.get_job(job_id)
            if row is not None:
                return Job(
                    job_id=row["job_id"], kind=row["kind"], spec=row["spec"],
                    priority=row["priority"], status=row["status"], queue="",
                    created_at=row["created_at"], started_at=row["started_at"],
                    finished_at=row["finished_at"], error=row["error"],
                    counters={n: row.get(n) or 0 for n in COUNTERS},
                )
        return None

    def list(self, *, status: str | None = None, kind: str | None = None, limit: int = 100) -> list[Job]:
        ids = self.server.zrevrange(self.keys.jobs_index, 0, -1)
        jobs: list[Job] = []
        for job_id in ids:
            job = self.get(job_id)
            if job is None:
                self.server.zrem(self.keys.jobs_index, job_id)  # expired record
                continue
            if (status and job.status != status) or (kind and job.kind != kind):
                continue
            jobs.append(job)
            if len(jobs) >= limit:
                break
        return jobs

    # -- changes --------------------------------------------------------------
    def cancel(self, job_id: str) -> Job:
        """Stop a job on every worker: queued requests dropped now; workers
        see the status within a second and do not follow in-flight ones."""
        result = self.queue.cancel(job_id)
        if result < 0 and self.get(job_id) is None:
            raise KeyError(job_id)
        job = self.get(job_id)
        assert job is not None
        self.record(job)
        return job

    def ended(self, job_id: str, status: str) -> Job | None:
        """Record a job the queue has just ended with ``status``: a failed
        job gets the reason (why its first requests produced no page) if it
        has none, and its history row is written."""
        job = self.get(job_id)
        if job is None:
            return None
        if status == "failed" and not job.error:
            job.error = self._why_failed(job_id)
            self.server.hset(self.keys.job(job_id), "error", job.error)
        self.record(job)
        return job

    def _why_failed(self, job_id: str) -> str:
        failures = self.storage.list_failures(job_id) if self.storage is not None else []
        if not failures:
            return "no page could be crawled"
        first = ", ".join(f"{f['url']}: {f['reason']}" for f in failures[:3])
        more = f" (and {len(failures) - 3} more)" if len(failures) > 3 else ""
        return f"no page could be crawled: {first}{more}"

    def record(self, job: Job) -> None:
        """Write the job's current state to storage (history)."""
        if self.storage is not None:
            self.storage.save_job(job.to_dict())
