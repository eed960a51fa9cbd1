"""The queue and its workers (``/queue/...``). Read-only views come from
``scheduler.monitor``; the Link Profiler's ``POST /queue/submit_crawl``
lives with the backlinks (``api/backlinks.py``)."""

from __future__ import annotations

from flask import Blueprint

from ..export import iso
from ..kinds import SPIDERS
from .common import job_or_404
from .models.jobs import JobView
from .models.queue import (
    CrawlerHealth,
    HistoryPoint,
    HistoryQuery,
    JobCounts,
    QueueHistory,
    QueueLength,
    QueueStats,
    QueueStatus,
    ScrapydState,
    WorkerView,
)
from .openapi import endpoint
from .services import services

bp = Blueprint("queue", __name__)


def scrapyd_state() -> ScrapydState:
    """The scrapyd nodes, each asked now (daemonstatus.json, listjobs.json)."""
    nodes = services().nodes
    if not nodes.configured:
        return ScrapydState(configured=False, nodes=[],
                            detail="no scrapyd nodes configured (SCRAPYD_NODES); workers run where they are started")
    status = nodes.status()
    down = [n["url"] for n in status if not n["reachable"]]
    detail = f"{len(status) - len(down)} of {len(status)} node(s) reachable" + (
        f"; unreachable: {', '.join(down)}" if down else "")
    return ScrapydState(configured=True, nodes=status, detail=detail)


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


@bp.get("/queue/history")
@endpoint(summary="Pages per minute and queue depth, last hour", tag="queue", query=HistoryQuery,
          responses={200: QueueHistory},
          description="One point per minute, oldest first, from samples every worker's heartbeat stores in "
                      "Redis (kept SCRAPEJET_HISTORY_MINUTES): what a dashboard opened now charts at once.")
def history(query: HistoryQuery):
    svc = services()
    points = svc.history.read(query.minutes)
    measured = [p["pages"] for p in points if p["complete"] and p["pages"] is not None]
    return QueueHistory(
        minutes=len(points), kept_minutes=svc.history.minutes, pages=sum(p["pages"] or 0 for p in points),
        pages_per_min=round(sum(measured) / len(measured), 1) if measured else None,
        points=[HistoryPoint(**{**p, "minute": iso(p["minute"])}) for p in points],
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
    return CrawlerHealth(workers=workers, alive=alive, dead=len(workers) - alive, scrapyd=scrapyd_state())


@bp.get("/queue/job_status/<job_id>")
@endpoint(summary="Status of any job", tag="queue", responses={200: JobView},
          path_params={"job_id": "a job id (any kind)"})
def job_status(job_id: str):
    return JobView.of(job_or_404(job_id))
