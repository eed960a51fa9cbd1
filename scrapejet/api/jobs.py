"""Job listing (``/jobs``): every kind of job, as the job model sees it."""

from __future__ import annotations

from flask import Blueprint

from .common import job_or_404
from .models import JobList, JobsQuery, JobView
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
