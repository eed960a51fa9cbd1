"""Backlink discovery: submit a job (``POST /queue/submit_crawl``, the Link
Profiler's endpoint), read a domain's backlinks (``/backlinks/{domain}``,
filtered, paginated, or as a file) and its link profile
(``/backlinks/{domain}/summary``). Follow a job with
``/queue/job_status/{id}`` or ``/scrape/{id}/progress``."""

from __future__ import annotations

import io
import math
import re
import tempfile

from flask import Blueprint, send_file, url_for

from ..backlinks import job_target
from ..jobs import JobError
from ..urls import site_host
from .errors import ApiError, not_found
from .limits import record_job
from .models.backlinks import (
    BacklinkHistory,
    BacklinkList,
    BacklinkOut,
    BacklinksQuery,
    BacklinkSummary,
    HistoryQuery,
    SubmitCrawlRequest,
    SummaryQuery,
)
from .models.common import host
from .models.jobs import ScrapeAccepted
from .openapi import endpoint
from .security import check_target
from .services import services

bp = Blueprint("backlinks", __name__)
DOMAIN = {"domain": "a domain (example.com: every host under it) or one host (blog.example.com)"}
MEDIA = {"json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv"}
# Job spec fields as the request names them, for error messages.
FIELDS = {"target": "target_url", "seeds": "initial_seed_urls", "priority": "priority", "webhook": "webhook"}


@bp.post("/queue/submit_crawl")
@endpoint(summary="Submit a backlink discovery job", tag="backlinks", body=SubmitCrawlRequest,
          responses={202: ScrapeAccepted}, errors=(409,), submits=True,
          description="Crawls outward from `initial_seed_urls`, across sites, up to `config.max_depth` hops, "
                      "and records every link to `target_url`'s domain. Workers of the `backlink` spider serve "
                      "it. Follow it with /queue/job_status/{job_id}; its backlinks are at `result_url`.")
def submit_crawl(body: SubmitCrawlRequest):
    # The target is never fetched, only looked for: only the seeds are
    # places our workers go.
    for n, url in enumerate(body.initial_seed_urls):
        check_target(url, f"initial_seed_urls.{n}")
    if body.webhook is not None:
        check_target(body.webhook.url, "webhook.url")
    jobs = services().jobs
    if body.job_id is not None and jobs.get(body.job_id) is not None:
        raise ApiError(409, "job_exists", f"job_id: a job {body.job_id!r} already exists")
    try:
        job = jobs.submit("backlinks", body.spec(), job_id=body.job_id)
    except JobError as exc:
        # the spec's names, as this request spells them
        detail = re.sub(r"(^|; )(\w+)(?=[.:])", lambda m: m.group(1) + FIELDS.get(m.group(2), f"config.{m.group(2)}"),
                        str(exc))
        raise ApiError(422, "validation_error", detail) from None
    record_job(job.job_id)
    domain = job_target(job.spec).host
    return ScrapeAccepted.of(
        job, progress_url=url_for("queue.job_status", job_id=job.job_id),
        result_url=url_for("backlinks.backlinks", domain=domain, job_id=job.job_id),
    ), 202


def _recorded(domain: str) -> str:
    """The path's domain, validated (422), with something recorded (404)."""
    try:
        domain = host(domain)
    except ValueError as exc:
        raise ApiError(422, "validation_error", f"domain: {exc}") from None
    storage = services().storage
    if not storage.backlinks.crawls(domain, limit=1) and not storage.backlinks.count(domain, status="all"):
        raise not_found(f"no backlinks of {domain} recorded: submit a job (POST /queue/submit_crawl)")
    return domain


@bp.get("/backlinks/<domain>")
@endpoint(
    summary="Backlinks of a domain", tag="backlinks", query=BacklinksQuery, path_params=DOMAIN,
    responses={200: {"application/json": BacklinkList, "application/x-ndjson": str, "text/csv": str}},
    errors=(404,),
    description="Live links by default (`status=lost` or `all` for the others), most recently seen first, "
                "filtered by `rel`, `link_type`, `referring_domain` or `job_id`. With `format` "
                "(csv, jsonl, json): every matching link as a file.",
)
def backlinks(domain: str, query: BacklinksQuery):
    domain = _recorded(domain)
    storage = services().storage
    filters = {"rel": query.rel, "link_type": query.link_type, "referring_domain": query.referring_domain,
               "status": query.status, "job_id": query.job_id}
    if query.format:
        return _download(storage, domain, query.format, filters)
    total = storage.backlinks.count(domain, **filters)
    items = [
        BacklinkOut.of(r)
        for r in storage.backlinks.records(domain, offset=(query.page - 1) * query.per_page,
                                           limit=query.per_page, **filters)
    ]
    return BacklinkList(domain=domain, status=query.status, total=total, page=query.page, per_page=query.per_page,
                        total_pages=math.ceil(total / query.per_page), items=items)


def _download(storage, domain: str, fmt: str, filters):
    from .. import export

    # Spooled to a temporary file, not memory: a domain may have 100k links.
    spool = tempfile.TemporaryFile()
    text = io.TextIOWrapper(spool, encoding="utf-8", newline="" if fmt == "csv" else None, write_through=True)
    export.write_backlinks(storage.backlinks.records(domain, **filters), fmt, text)
    text.flush()
    text.detach()
    spool.seek(0)
    return send_file(spool, mimetype=MEDIA[fmt], as_attachment=True, download_name=f"backlinks-{domain}.{fmt}")


@bp.get("/backlinks/<domain>/summary")
@endpoint(
    summary="Link profile of a domain", tag="backlinks", query=SummaryQuery, path_params=DOMAIN,
    responses={200: BacklinkSummary}, errors=(404,),
    description="Totals of the live backlinks (links, referring pages and domains, dofollow/nofollow/ugc/"
                "sponsored, link types), top anchors and referring domains, and what the latest job found new "
                "or lost since the previous one. Every figure is a SQL aggregate.",
)
def backlinks_summary(domain: str, query: SummaryQuery):
    domain = _recorded(domain)
    return BacklinkSummary.of(services().storage.backlinks.summary(domain, top=query.top))


@bp.get("/backlinks/<domain>/history")
@endpoint(
    summary="New and lost backlinks over time", tag="backlinks", query=HistoryQuery, path_params=DOMAIN,
    responses={200: BacklinkHistory}, errors=(404,),
    description="Per crawl of the domain (oldest first): when it ran, the pages it crawled, the links it saw, "
                "how many it saw first and how many it found lost.",
)
def backlinks_history(domain: str, query: HistoryQuery):
    domain = _recorded(domain)
    return BacklinkHistory.of(site_host(domain), services().storage.backlinks.history(domain, crawls=query.crawls))
