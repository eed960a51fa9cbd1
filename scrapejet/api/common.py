"""Helpers the blueprints share: finding a job, submitting one."""

from __future__ import annotations

from typing import Any

from ..jobs import Job, JobError
from ..kinds import KIND_SPIDER
from .errors import ApiError, not_found
from .limits import record_job
from .services import services


def job_or_404(job_id: str) -> Job:
    job = services().jobs.get(job_id)
    if job is None:
        raise not_found(f"no job {job_id!r}")
    return job


def accepted(job: Job):
    """The 202 answer to a submission: the job, and where to follow it."""
    from flask import url_for

    from .models.jobs import ScrapeAccepted

    return ScrapeAccepted.of(
        job, progress_url=url_for("scrape.progress", job_id=job.job_id),
        result_url=url_for("scrape.result", job_id=job.job_id),
    ), 202


def submit(kind: str, spec: dict[str, Any], job_id: str | None = None) -> Job:
    """``Jobs.submit`` with its refusals as API errors: 409 for a job id in
    use, 422 for a spec the server will not run (limits, bad regex)."""
    jobs = services().jobs
    if job_id is not None and jobs.get(job_id) is not None:
        raise ApiError(409, "job_exists", f"job_id: a job {job_id!r} already exists")
    try:
        job = jobs.submit(kind, spec, job_id=job_id)
    except JobError as exc:
        raise ApiError(422, "validation_error", str(exc)) from None
    record_job(job.job_id)
    # With scrapyd nodes, each runs a worker of the job's spider (asked off
    # this thread: a slow or down node must not delay the answer).
    services().nodes.ensure_workers_soon(KIND_SPIDER[kind])
    return job
