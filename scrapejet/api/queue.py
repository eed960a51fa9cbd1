"""The queue and its workers (``/queue/...``), and backlinks (``/backlinks``).

Read-only views come from ``scheduler.monitor``. Backlink discovery arrives
with issue 6: its endpoints validate their input and answer 501 until then."""

from __future__ import annotations

from flask import Blueprint

from ..scheduler.monitor import SPIDERS
from .common import job_or_404
from .errors import ApiError, not_implemented
from .models import (
    CrawlerHealth,
    JobCounts,
    JobView,
    QueueLength,
    QueueStats,
    QueueStatus,
    ScrapeAccepted,
    ScrapydState,
    SubmitCrawlRequest,
    WorkerView,
    _host,
    iso,
)
from .openapi import endpoint
from .security import check_target
from .services import services

bp = Blueprint("queue", __name__)
BACKLINKS = "backlink discovery"
NO_SCRAPYD = ScrapydState(configured=False, nodes=[], detail="no scrapyd nodes configured (cluster: issue 7)")


def _workers() -> list[WorkerView]:
    return [
        WorkerView(**{**w, "started_at": iso(w["started_at"]), "last_seen": iso(w["last_seen"])})
        for w in services().monitor.workers()
    ]


def _queues() -> dict[str, QueueLength]:
    return {spider: QueueLength(**q) for spider, q in services().monitor.queues().items()}


@bp.get("/queue/stats")
@endpoint(summary="Queue statistics", tag="queue", responses={200: QueueStats})
def stats():
    svc = services()
    queues = _queues()
    jobs = svc.jobs.list(limit=100_000)
    counts = JobCounts()
    for job in jobs:
        setattr(counts, job.status, getattr(counts, job.status) + 1)
    shared = {svc.keys.spider_queue(s) for s in SPIDERS}
    private = [j.queue for j in jobs if not j.done and j.queue and j.queue not in shared]
    private_queued = svc.monitor.private_queue_lengths(private)
    workers = [w for w in _workers() if w.alive]
    return QueueStats(
        queues=queues, queued=sum(q.length for q in queues.values()) + private_queued,
        private_queued=private_queued, in_flight=svc.monitor.leased(), jobs=counts,
        workers_alive=len(workers), pages_per_min=round(sum(w.pages_per_min for w in workers), 1),
    )


@bp.get("/queue/status")
@endpoint(summary="Queue lengths, active jobs, workers", tag="queue", responses={200: QueueStatus})
def status():
    svc = services()
    active = [j for s in ("running", "pending") for j in svc.jobs.list(status=s, limit=1000)]
    workers = _workers()
    return QueueStatus(
        queues=_queues(), in_flight=svc.monitor.leased(), active_jobs=[JobView.of(j) for j in active],
        workers=workers, workers_alive=sum(1 for w in workers if w.alive),
    )


@bp.get("/queue/manage/crawler_health")
@endpoint(summary="Workers and scrapyd nodes", tag="queue", responses={200: CrawlerHealth})
def crawler_health():
    workers = _workers()
    alive = sum(1 for w in workers if w.alive)
    return CrawlerHealth(workers=workers, alive=alive, dead=len(workers) - alive, scrapyd=NO_SCRAPYD)


@bp.get("/queue/job_status/<job_id>")
@endpoint(summary="Status of any job", tag="queue", responses={200: JobView},
          path_params={"job_id": "a job id (any kind)"})
def job_status(job_id: str):
    return JobView.of(job_or_404(job_id))


@bp.post("/queue/submit_crawl")
@endpoint(summary="Submit a backlink discovery job", tag="backlinks", body=SubmitCrawlRequest,
          responses={202: ScrapeAccepted}, errors=(409, 501),
          description="Not implemented yet: answers 501 after validating the request (issue 6).")
def submit_crawl(body: SubmitCrawlRequest):
    check_target(body.target_url, "target_url")
    for n, url in enumerate(body.initial_seed_urls):
        check_target(url, f"initial_seed_urls.{n}")
    if body.webhook is not None:
        check_target(body.webhook.url, "webhook.url")
    raise not_implemented("backlink discovery", "the backlink spider (issue 6)")


def _domain(domain: str) -> str:
    try:
        return _host(domain)
    except ValueError as exc:
        raise ApiError(422, "validation_error", f"domain: {exc}") from None


@bp.get("/backlinks/<domain>")
@endpoint(summary="Backlinks found for a domain", tag="backlinks", responses={}, errors=(422, 501),
          path_params={"domain": "a domain, e.g. example.com"})
def backlinks(domain: str):
    _domain(domain)
    raise not_implemented(BACKLINKS, "the backlink spider (issue 6)")


@bp.get("/backlinks/<domain>/summary")
@endpoint(summary="Backlink summary of a domain", tag="backlinks", responses={}, errors=(422, 501),
          path_params={"domain": "a domain, e.g. example.com"})
def backlinks_summary(domain: str):
    _domain(domain)
    raise not_implemented(BACKLINKS, "the backlink spider (issue 6)")
