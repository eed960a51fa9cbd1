"""Names of every Redis key ScrapeJET uses, in one place.

The queue Lua scripts and the job model both address these keys, so the
layout is defined once here rather than spelled out in each module: the
scripts get their key names as Lua functions rendered from these methods
(``lua_key_functions``), ``K_job_seen(jid)`` for ``Keys.job_seen``."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    prefix: str = "scrapejet:"

    # -- shared by all jobs -------------------------------------------------
    @property
    def leases(self) -> str:
        """Hash rid -> "worker\\tserialised request" of every leased request
        (what goes back to its host queue if the worker dies)."""
        return f"{self.prefix}leases"

    def lease_claims(self, rid: str) -> str:
        """Set of the URL fingerprints a leased request marked seen for its
        job on its way (redirect targets): unmarked if the lease goes back to
        the queue, so the worker that takes it over follows them again."""
        return f"{self.prefix}lease:{rid}:claims"

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
        """Global counter: the turns of host queues within a priority (round
        robin), and the number that makes each lease's rid unique."""
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
        """The shared frontier served by every worker of a spider: a sorted
        set of the host queues ready to serve ("job|host" -> priority band +
        turn; see redisqueue.py). Its delayed and counts keys go with it."""
        return f"{self.prefix}{spider}:queue"

    def queue_delayed(self, queue: str) -> str:
        """Sorted set "job|host" -> when the host is ready again, of a
        frontier's host queues waiting out a delay, a back-off or a full host."""
        return f"{queue}:delayed"

    def queue_counts(self, queue: str) -> str:
        """Hash priority -> requests waiting in a frontier (queue lengths
        without walking the host queues)."""
        return f"{queue}:counts"

    def host_queue(self, job_id: str, host: str) -> str:
        """List of one job's requests for one host, oldest first (serialised
        requests, job id left out): the unit the frontier schedules."""
        return f"{self.prefix}hq:{job_id}|{host}"

    def worker(self, worker_id: str) -> str:
        """Hash describing a live worker (node, pid, spider, pages, rss...)."""
        return f"{self.prefix}worker:{worker_id}"

    @property
    def history_pages(self) -> str:
        """Hash minute (unix time // 60) -> pages the workers stored in that
        minute, each adding its own (``scheduler.history``)."""
        return f"{self.prefix}history:pages"

    @property
    def history_queue(self) -> str:
        """Hash minute -> "waiting in_flight": the shared queues' depth at the
        last heartbeat of that minute."""
        return f"{self.prefix}history:queue"

    def worker_leases(self, worker_id: str) -> str:
        return f"{self.prefix}worker:{worker_id}:leases"

    # -- per host (politeness across every worker; see lease.lua) ----------------
    def host_busy(self, host: str) -> str:
        """Sorted set rid -> lease deadline of the host's requests in flight."""
        return f"{self.prefix}host:{host}:busy"

    def host_holders(self, host: str) -> str:
        """Hash worker id -> leases it holds on the host (fair shares)."""
        return f"{self.prefix}host:{host}:holders"

    def host_waiting(self, host: str) -> str:
        """Sorted set worker id -> when it last found the host not ready
        (the workers waiting for a turn there)."""
        return f"{self.prefix}host:{host}:waiting"

    def host_next(self, host: str) -> str:
        """When a request for the host may next be leased (its delay, a back-off)."""
        return f"{self.prefix}host:{host}:next"

    def host_sent(self, host: str) -> str:
        """When a request was last sent to the host, by any worker."""
        return f"{self.prefix}host:{host}:sent"

    def host_paused(self, host: str) -> str:
        """Until when the host asked every worker to wait (429/503)."""
        return f"{self.prefix}host:{host}:paused"

    def host_parked(self, host: str) -> str:
        """Set of the host queues ("job|host") set aside while the host has
        all the requests in flight it may: woken when one is answered."""
        return f"{self.prefix}host:{host}:parked"

    def host_last(self, host: str) -> str:
        """The worker that fetched from the host last."""
        return f"{self.prefix}host:{host}:last"

    def robots(self, origin: str) -> str:
        """Hash (status, body) of the robots.txt of ``origin`` (scheme://host[:port]),
        fetched by one worker for all (download/robots.py); expires."""
        return f"{self.prefix}robots:{origin}"

    def robots_fetching(self, origin: str) -> str:
        """Held while one worker fetches ``origin``'s robots.txt (the others wait for its copy)."""
        return f"{self.prefix}robots:{origin}:fetching"

    # -- per job -------------------------------------------------------------
    def job(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}"

    def job_seen(self, job_id: str) -> str:
        """The job's dupefilter: a set of URL fingerprints."""
        return f"{self.prefix}job:{job_id}:seen"

    def job_hosts(self, job_id: str) -> str:
        """Set of the hosts the job has requests queued for (its host queues:
        lets cancel and finish remove them)."""
        return f"{self.prefix}job:{job_id}:hosts"

    def job_overflow(self, job_id: str) -> str:
        """List of "host\\tserialised request" over the job's page budget,
        oldest first, admitted only if an admitted request ends without
        producing a page."""
        return f"{self.prefix}job:{job_id}:overflow"

    def job_webhooks(self, job_id: str) -> str:
        """Hash delivery id -> JSON record of the job's webhook deliveries."""
        return f"{self.prefix}job:{job_id}:webhooks"

    def job_webhook_stats(self, job_id: str) -> str:
        """Hash of the job's webhook delivery counts (delivered, failed)."""
        return f"{self.prefix}job:{job_id}:webhooks:stats"

    def job_queue(self, job_id: str) -> str:
        """Private frontier of a job run by one process (`scrapy crawl -a
        url=`), laid out as a spider's shared one."""
        return f"{self.prefix}job:{job_id}:queue"

    # -- per backlink job (expire with the job's record) -----------------------
    def job_domains(self, job_id: str) -> str:
        """Hash registered domain -> pages the job followed links to there
        (its per-domain page cap, across workers)."""
        return f"{self.prefix}job:{job_id}:domains"

    # -- what a job's pages wait for (scheduler/waits.py; expire with the job's record)
    def job_answers(self, job_id: str) -> str:
        """Hash name -> answer of what the job's pages wait for: where a
        probed link redirects ('' when not to the target; backlink jobs),
        whether the home page's links are known (business jobs)."""
        return f"{self.prefix}job:{job_id}:answers"

    def job_waiting(self, job_id: str, name: str) -> str:
        """List of the records (JSON) waiting for one name's answer."""
        return f"{self.prefix}job:{job_id}:waiting:{name}"

    # -- API clients (api/limits.py) -------------------------------------------
    def client_submissions(self, client: str, window: int) -> str:
        """Submissions of one API client in one minute (expires)."""
        return f"{self.prefix}client:{client}:submitted:{window}"

    def client_jobs(self, client: str) -> str:
        """Set of the job ids one API client submitted that may still be live."""
        return f"{self.prefix}client:{client}:jobs"

    # -- insights tasks (POST /business/insights) -----------------------------
    def insights_task(self, task_id: str) -> str:
        """Hash of one insights task: status, questions, answers (expires)."""
        return f"{self.prefix}insights:task:{task_id}"

    def insights_runner(self, runner_id: str) -> str:
        """Present while the API process running insights tasks lives (it
        expires when its heartbeats stop, failing its unfinished tasks)."""
        return f"{self.prefix}insights:runner:{runner_id}"


_SLOT = "\x00"


def lua_key_functions() -> str:
    """Lua that builds every key name of ``Keys``, for the queue scripts
    (which find a request's job and host in its rid, so cannot be handed
    every key they touch). Rendered by calling each method with
    placeholders: ``K_leases`` is a string, ``K_job_seen(job_id)`` a
    function; ``P`` is the prefix, which each script gets as ARGV[1]."""
    keys = Keys(prefix=f"{_SLOT}P{_SLOT}")
    lines = []
    for name, member in inspect.getmembers(Keys):
        if name.startswith("_") or name == "prefix":
            continue
        if isinstance(member, property):
            lines.append(f"local K_{name} = {_lua_concat(getattr(keys, name))}")
        else:
            params = list(inspect.signature(member).parameters)[1:]
            value = member(keys, *(f"{_SLOT}{p}{_SLOT}" for p in params))
            lines.append(f"local function K_{name}({', '.join(params)}) return {_lua_concat(value)} end")
    return "\n".join(lines) + "\n"


def _lua_concat(template: str) -> str:
    """'\\0P\\0job:\\0job_id\\0:seen' as P .. 'job:' .. job_id .. ':seen'."""
    parts = []
    for i, part in enumerate(template.split(_SLOT)):
        if i % 2:
            parts.append(part)  # a placeholder: the Lua variable of that name
        elif part:
            parts.append("'" + re.sub(r"([\\'])", r"\\\1", part) + "'")
    return " .. ".join(parts)

