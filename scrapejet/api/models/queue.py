"""The queue and its workers (``api/queue.py``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, create_model

from ...jobs import STATES
from ...specs import Strict
from .jobs import JobView

# Jobs per status (every status, 0 when none).
JobCounts = create_model("JobCounts", **{status: (int, 0) for status in STATES})


class QueueLength(BaseModel):
    length: int
    by_priority: dict[str, int] = Field(description="requests waiting per priority (1-9), empty ones left out")


class WorkerView(BaseModel):
    id: str
    node: str
    pid: int | None
    spider: str | None
    started_at: str | None
    last_seen: str | None
    age_s: float = Field(description="seconds since the last heartbeat")
    alive: bool
    pages: int
    leases: int
    rss_mb: float
    pages_per_min: float
    jobs: list[str] = Field(default_factory=list, description="jobs whose requests it holds leases of")


class QueueStats(BaseModel):
    """Queue statistics"""

    queues: dict[str, QueueLength]
    queued: int = Field(description="requests waiting, every queue")
    private_queued: int = Field(description="requests waiting in private queues of single-process jobs")
    in_flight: int = Field(description="requests leased to workers")
    jobs: JobCounts
    workers_alive: int
    pages_per_min: float = Field(description="sum over live workers")


class QueueStatus(BaseModel):
    """Queue lengths, active jobs and workers"""

    queues: dict[str, QueueLength]
    in_flight: int
    active_jobs: list[JobView]
    workers: list[WorkerView]
    workers_alive: int


class ScrapydState(BaseModel):
    configured: bool
    nodes: list[dict[str, Any]]
    detail: str


class CrawlerHealth(BaseModel):
    """Workers (from heartbeats) and scrapyd nodes"""

    workers: list[WorkerView]
    alive: int
    dead: int
    scrapyd: ScrapydState


class HistoryQuery(Strict):
    minutes: int = Field(default=60, ge=1, le=1440,
                         description="how many minutes back (at most SCRAPEJET_HISTORY_MINUTES are kept)")


class HistoryPoint(BaseModel):
    minute: str = Field(description="start of the minute (UTC)")
    pages: int | None = Field(description="pages the workers stored in that minute; null: no worker heart-beat then")
    waiting: int | None = Field(description="requests waiting in the shared queues at the minute's last heartbeat")
    in_flight: int | None = Field(description="requests leased to workers at that heartbeat")
    complete: bool = Field(description="false for the current minute, still counting")


class QueueHistory(BaseModel):
    """Pages per minute and queue depth, sampled by the workers' heartbeats"""

    minutes: int = Field(description="points returned (one per minute, the current one last)")
    kept_minutes: int = Field(description="SCRAPEJET_HISTORY_MINUTES: how far back samples are kept")
    pages: int = Field(description="pages stored over the points")
    pages_per_min: float | None = Field(
        description="average over the complete minutes with a sample; null when there is none")
    points: list[HistoryPoint]
