"""Job listing (``/jobs``): every kind of job, as the job model sees it."""

from __future__ import annotations

import math

from flask import Blueprint

from ..export import iso

from .common import job_or_404
from .models.jobs import FailureList, FailureOut, FailuresQuery, JobList, JobsQuery, JobView, WebhookDeliveries
from .openapi import endpoint
from .services import services

bp = Blueprint("jobs", __name__)


@bp.get("/jobs")
@endpoint(summary="List jobs", tag="jobs", query=JobsQuery, responses={200: JobList},
          description="Jobs with a live Redis record, newest first, filtered by status and kind.")
def list_jobs(query: JobsQuery):
    jobs = services().jobs.list(status=query.status, kind=query.kind, limit=query.limit)
    return JobList(count=len(jobs), jobs=[JobView.of(j) for j in jobs])


@bp.get("/jobs/<job_id>")
@endpoint(summary="One job", tag="jobs", responses={200: JobView}, path_params={"job_id": "a job id"})
def get_job(job_id: str):
    return JobView.of(job_or_404(job_id))


@bp.get("/jobs/<job_id>/failures")
@endpoint(summary="Failures of a job, with reasons", tag="jobs", query=FailuresQuery, responses={200: FailureList},
          path_params={"job_id": "a job id"},
          description="Every URL the job could not store (`failed`: an error or a bad status after retries) or "
                      "left on purpose (`skipped`: robots.txt, off-site redirect, not a web page...), in the "
                      "order recorded.")
def job_failures(job_id: str, query: FailuresQuery):
    job = job_or_404(job_id)
    storage = services().storage
    counts = storage.count_failures(job.job_id)
    total = counts.get(query.outcome, 0) if query.outcome else sum(counts.values())
    rows = storage.list_failures(job.job_id, outcome=query.outcome, offset=(query.page - 1) * query.per_page,
                                 limit=query.per_page)
    return FailureList(
        job_id=job.job_id, failed=counts.get("failed", 0), skipped=counts.get("skipped", 0), total=total,
        page=query.page, per_page=query.per_page, total_pages=math.ceil(total / query.per_page),
        items=[FailureOut(**{**r, "fetched_at": iso(r["fetched_at"])}) for r in rows],
    )


@bp.get("/jobs/<job_id>/webhooks")
@endpoint(summary="Webhook deliveries of a job", tag="jobs", responses={200: WebhookDeliveries},
          path_params={"job_id": "a job id"},
          description="Each lifecycle event's delivery (attempts, last response or error, next retry) and "
                      "counts; delivered job.page events are only counted.")
def job_webhooks(job_id: str):
    from ..webhooks import DeliveryLog

    job = job_or_404(job_id)
    svc = services()
    log = DeliveryLog(svc.redis, svc.keys, svc.settings.getint("SCRAPEJET_JOB_TTL_S"))
    summary = log.summary(job_id)
    state = log.dispatch_state(svc.settings.getfloat("SCRAPEJET_WEBHOOK_CLAIM_S"))
    webhook = job.spec.get("webhook") or {}
    return WebhookDeliveries(job_id=job_id, url=webhook.get("url"), **state, **summary)
