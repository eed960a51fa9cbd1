"""Site crawls: submit, follow, read, cancel (``/scrape``)."""

from __future__ import annotations

import io
import math
import tempfile
import time

from flask import Blueprint, send_file

from .. import export
from ..export import _public as public_page
from ..export import iso
from .common import accepted, job_or_404, submit
from .errors import ApiError
from .models.business import BusinessProfileOut
from .models.jobs import JobView, ScrapeAccepted
from .models.scrape import PageOut, Progress, ResultPage, ResultQuery, ScrapeRequest
from .openapi import endpoint
from .security import check_target
from .services import services

bp = Blueprint("scrape", __name__)
JOB = {"job_id": "the job's id, as returned by POST /scrape"}
MEDIA = {
    "json": "application/json", "jsonl": "application/x-ndjson",
    "csv": "text/csv", "markdown": "text/markdown",
}


@bp.post("/scrape")
@endpoint(
    summary="Start a site crawl", tag="scrape", body=ScrapeRequest, responses={202: ScrapeAccepted},
    errors=(409,), submits=True,
    description="Validates the request, records the job and queues its first requests; "
                "workers serving the shared queue crawl it. Poll /scrape/{job_id}/progress.",
)
def start(body: ScrapeRequest):
    check_target(body.url)
    if body.webhook is not None:
        check_target(body.webhook.url, "webhook.url")
    spec = body.spec()
    limit = services().jobs.max_pages_limit
    if spec.get("max_pages") and spec["max_pages"] > limit:
        name = "expected_pages" if body.expected_pages else "max_pages"
        raise ApiError(422, "validation_error", f"{name}: at most {limit} on this server")
    return accepted(submit("crawl", spec, body.job_id))


@bp.get("/scrape/<job_id>/progress")
@endpoint(summary="Progress of a job", tag="scrape", responses={200: Progress}, path_params=JOB)
def progress(job_id: str):
    job = job_or_404(job_id)
    c = job.counters
    elapsed = None
    if job.started_at:
        elapsed = round((job.finished_at or time.time()) - job.started_at, 2)
    return Progress(
        job_id=job.job_id, kind=job.kind, status=job.status, state=job.state, progress=job.progress(),
        pages_crawled=c["crawled"], pages_failed=c["failed"], pages_skipped=c["skipped"],
        pages_queued=c["queued"], pages_in_flight=c["in_flight"],
        expected_pages=job.spec.get("max_pages"), created_at=iso(job.created_at),
        started_at=iso(job.started_at), finished_at=iso(job.finished_at),
        elapsed_s=elapsed, eta_s=job.eta_s(), error=job.error,
    )


@bp.get("/scrape/<job_id>/result")
@endpoint(
    summary="Result of a job", tag="scrape", query=ResultQuery, path_params=JOB, errors=(409,),
    responses={200: {
        "application/json": (ResultPage, [PageOut]), "application/x-ndjson": str,
        "text/csv": str, "text/markdown": str,
    }},
    description="Without `format`: one page of the stored items as JSON (a business job's also carries its "
                "`profile`). With `format` (or `download=true`, which uses the job's output_format): every item "
                "as a file; a business job's file is its profile. `q` and `status` narrow both. 409 while the job runs, unless `partial=true`.",
)
def result(job_id: str, query: ResultQuery):
    job = job_or_404(job_id)
    if not job.done and not query.partial:
        raise ApiError(
            409, "job_running",
            f"job {job.job_id} is {job.status} ({job.progress():.0f}%); poll /scrape/{job.job_id}/progress "
            "until it is completed, or pass partial=true for what is stored so far",
        )
    storage = services().storage
    fmt = query.format or (job.spec.get("output_format") or "json" if query.download else None)
    profile = None
    if job.kind == "business":
        from ..profiles import job_profile

        profile = job_profile(storage, job)
    if fmt:
        return _download(storage, job, fmt, profile, {"q": query.q, "status": query.status})
    filters = {"q": query.q, "status": query.status}
    total = storage.count_pages(job.job_id, **filters)
    items = [
        PageOut(**public_page(p))
        for p in storage.iter_pages(job.job_id, offset=(query.page - 1) * query.per_page, limit=query.per_page,
                                    **filters)
    ]
    return ResultPage(
        job_id=job.job_id, status=job.status, state=job.state, complete=job.done, page=query.page,
        per_page=query.per_page, total=total, total_pages=math.ceil(total / query.per_page), items=items,
        profile=BusinessProfileOut(**{**profile, "created_at": iso(profile.get("created_at"))}) if profile else None,
    )


def _download(storage, job, fmt: str, profile=None, filters=None):
    # Spooled to a temporary file, not memory: a job may hold 100k pages.
    spool = tempfile.TemporaryFile()
    text = io.TextIOWrapper(spool, encoding="utf-8", newline="" if fmt == "csv" else None, write_through=True)
    if profile is not None:  # a business job's download is its profile
        export.write_profile(profile, fmt, text)
    else:
        export.write(storage.iter_pages(job.job_id, **(filters or {})), fmt, text)
    text.flush()
    text.detach()
    spool.seek(0)
    site = (job.spec.get("url") or "").split("://")[-1].split("/")[0].split(":")[0] or job.kind
    return send_file(
        spool, mimetype=MEDIA[fmt], as_attachment=True,
        download_name=f"{site}-{job.job_id}.{export.EXTENSIONS[fmt]}",
    )


@bp.delete("/scrape/<job_id>")
@endpoint(
    summary="Cancel a job", tag="scrape", responses={200: JobView}, path_params=JOB, errors=(409,),
    description="Queued requests are dropped at once; every worker sees the cancel within a second "
                "and follows no in-flight request further. Cancelling a cancelled job is a no-op.",
)
def cancel(job_id: str):
    job = job_or_404(job_id)
    if job.done and job.status != "cancelled":
        raise ApiError(409, "job_finished", f"job {job.job_id} is already {job.status}")
    return JobView.of(services().jobs.cancel(job.job_id))
