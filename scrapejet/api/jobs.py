"""Job listing (``/jobs``): every kind of job, as the job model sees it."""

from __future__ import annotations

from flask import Blueprint

from .common import job_or_404
from .models.jobs import JobList, JobsQuery, JobView, WebhookDeliveries
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
