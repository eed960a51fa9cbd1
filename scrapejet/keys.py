"""Names of every Redis key ScrapeJET uses, in one place.

The queue Lua scripts and the job model both address these keys, so the
layout is defined once here rather than spelled out in each module."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    prefix: str = "scrapejet:"

    # -- shared by all jobs -------------------------------------------------
    @property
    def requests(self) -> str:
        """Hash rid -> serialised request, for queued, leased and overflow requests."""
        return f"{self.prefix}requests"

    @property
    def leases(self) -> str:
        """Hash rid -> "worker\\tscore\\tqueue key" of every leased request."""
        return f"{self.prefix}leases"

    @property
    def lease_deadlines(self) -> str:
        """Sorted set rid -> deadline (unix time) of every lease."""
        return f"{self.prefix}lease_deadlines"

    @property
    def workers(self) -> str:
        """Sorted set worker id -> last heartbeat (unix time)."""
        return f"{self.prefix}workers"

    @property
    def seq(self) -> str:
        """Global counter giving FIFO order within one priority."""
        return f"{self.prefix}seq"

    @property
    def jobs_index(self) -> str:
        """Sorted set job id -> created_at, for listing jobs."""
        return f"{self.prefix}jobs"

    @property
    def events(self) -> str:
        """Pub/sub channel for job state changes."""
        return f"{self.prefix}events"

    @property
    def webhook_events(self) -> str:
        """Stream of job events for webhooks, written by the queue scripts,
        read by the dispatchers' consumer group (``scrapejet.webhooks``)."""
        return f"{self.prefix}webhooks"

    def spider_queue(self, spider: str) -> str:
        """The shared priority queue (sorted set of rids) served by every worker of a spider."""
        return f"{self.prefix}{spider}:queue"

    def worker(self, worker_id: str) -> str:
        """Hash describing a live worker (node, pid, spider, pages, rss...)."""
        return f"{self.prefix}worker:{worker_id}"

    def worker_leases(self, worker_id: str) -> str:
        return f"{self.prefix}worker:{worker_id}:leases"

    # -- per job -------------------------------------------------------------
    def job(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}"

    def job_seen(self, job_id: str) -> str:
        """The job's dupefilter: a set of URL fingerprints."""
        return f"{self.prefix}job:{job_id}:seen"

    def job_queued(self, job_id: str) -> str:
        """Set of the job's rids waiting in a queue (lets cancel remove them)."""
        return f"{self.prefix}job:{job_id}:queued"

    def job_overflow(self, job_id: str) -> str:
        """Sorted set of requests over the job's page budget, admitted only if
        an admitted request ends without producing a page."""
        return f"{self.prefix}job:{job_id}:overflow"

    def job_webhooks(self, job_id: str) -> str:
        """Hash delivery id -> JSON record of the job's webhook deliveries."""
        return f"{self.prefix}job:{job_id}:webhooks"

    def job_webhook_stats(self, job_id: str) -> str:
        """Hash of the job's webhook delivery counts (delivered, failed)."""
        return f"{self.prefix}job:{job_id}:webhooks:stats"

    def job_queue(self, job_id: str) -> str:
        """Private queue of a job run by one process (`scrapy crawl -a url=`)."""
        return f"{self.prefix}job:{job_id}:queue"

    # -- per backlink job (expire with the job's record) -----------------------
    def job_domains(self, job_id: str) -> str:
        """Hash registered domain -> pages the job followed links to there
        (its per-domain page cap, across workers)."""
        return f"{self.prefix}job:{job_id}:domains"

    def job_probes(self, job_id: str) -> str:
        """Hash link fingerprint -> where a probed link redirects: a target
        URL, or '' (not to the target)."""
        return f"{self.prefix}job:{job_id}:probes"

    def job_probe_waiting(self, job_id: str, fingerprint: str) -> str:
        """List of the links (JSON) waiting for one probe's answer."""
        return f"{self.prefix}job:{job_id}:probe:{fingerprint}"

    # -- insights tasks (POST /business/insights) -----------------------------
    def insights_task(self, task_id: str) -> str:
        """Hash of one insights task: status, questions, answers (expires)."""
        return f"{self.prefix}insights:task:{task_id}"

    def insights_runner(self, runner_id: str) -> str:
        """Present while the API process running insights tasks lives (it
        expires when its heartbeats stop, failing its unfinished tasks)."""
        return f"{self.prefix}insights:runner:{runner_id}"
