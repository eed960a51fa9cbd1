"""Jobs as the API shows them (``api/jobs.py``, and every blueprint that
answers with a job), and the webhook deliveries of a job."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, create_model

from ...export import iso
from ...jobs import COUNTERS
from ...specs import Strict
from .common import DeliveryStatus, Kind, State, Status

# A job's counters but `admitted`, the queue's own bookkeeping of the page
# budget (requests let in), which says nothing of progress.
Counters = create_model("Counters", **{name: (int, ...) for name in COUNTERS if name != "admitted"})


def public_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as shown to clients: a webhook secret is never echoed."""
    spec = dict(spec)
    if isinstance(spec.get("webhook"), dict) and spec["webhook"].get("secret"):
        spec["webhook"] = {**spec["webhook"], "secret": "********"}
    return spec


class JobView(BaseModel):
    """A job"""

    job_id: str
    kind: str
    status: Status
    state: State
    priority: int
    spec: dict[str, Any] = Field(description="the validated job spec (webhook secret hidden)")
    progress: float = Field(ge=0, le=100)
    created_at: str | None
    started_at: str | None
    finished_at: str | None
    error: str | None
    counters: Counters

    @classmethod
    def of(cls, job) -> JobView:
        return cls(
            job_id=job.job_id, kind=job.kind, status=job.status, state=job.state, priority=job.priority,
            spec=public_spec(job.spec), progress=job.progress(), created_at=iso(job.created_at),
            started_at=iso(job.started_at), finished_at=iso(job.finished_at), error=job.error,
            counters=Counters(**{name: job.counters.get(name, 0) for name in Counters.model_fields}),
        )


class ScrapeAccepted(BaseModel):
    """Job accepted and queued"""

    job_id: str
    kind: str
    status: Status
    state: State
    priority: int
    spec: dict[str, Any]
    progress_url: str
    result_url: str

    @classmethod
    def of(cls, job, *, progress_url: str, result_url: str) -> ScrapeAccepted:
        return cls(
            job_id=job.job_id, kind=job.kind, status=job.status, state=job.state, priority=job.priority,
            spec=public_spec(job.spec), progress_url=progress_url, result_url=result_url,
        )


class JobsQuery(Strict):
    status: Status | None = None
    kind: Kind | None = None
    limit: int = Field(default=100, ge=1, le=1000)


class JobList(BaseModel):
    """Jobs, newest first"""

    count: int
    jobs: list[JobView]


class WebhookDelivery(BaseModel):
    """One webhook delivery of a job (the same delivery id on every attempt)"""

    delivery_id: str
    event: str
    url: str
    status: DeliveryStatus
    attempts: int
    response_status: int | None
    error: str | None
    created_at: str | None
    last_attempt_at: str | None
    next_attempt_at: str | None
    delivered_at: str | None


class WebhookDeliveries(BaseModel):
    """What became of a job's webhook events. Delivered ``job.page`` events
    are counted, not listed."""

    job_id: str
    url: str | None = Field(description="the job's webhook URL, null when it has none")
    delivered: int
    failed: int
    pending: int
    dispatchers: int = Field(description="webhook dispatchers seen recently (0: nothing is delivering)")
    events_waiting: int = Field(description="events not yet read by any dispatcher (all jobs)")
    deliveries: list[WebhookDelivery]


class FailuresQuery(Strict):
    outcome: Literal["failed", "skipped"] | None = Field(default=None, description="only this outcome")
    page: int = Field(default=1, ge=1, le=1_000_000)
    per_page: int = Field(default=100, ge=1, le=1000)


class FailureOut(BaseModel):
    url: str
    final_url: str | None
    status: int | None = Field(description="HTTP status, when a response came")
    reason: str = Field(description="why: the error, the status, or the rule that skipped it")
    outcome: Literal["failed", "skipped"]
    depth: int | None
    fetched_at: str | None


class FailureList(BaseModel):
    """The URLs a job could not store, each with its reason"""

    job_id: str
    failed: int = Field(description="URLs that failed (errors, bad statuses after retries)")
    skipped: int = Field(description="URLs skipped on purpose (robots.txt, off-site redirect, not HTML...)")
    total: int = Field(description="items matching `outcome`")
    page: int
    per_page: int
    total_pages: int
    items: list[FailureOut]
