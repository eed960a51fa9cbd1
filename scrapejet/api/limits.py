"""How much one client may ask of the API at once: submissions per minute
and jobs queued or running, per API key (per address without one). Past
either, a 429 with ``Retry-After``: a client that loops on submissions, or
queues a million jobs, waits instead of filling the frontier for everyone.

Counted in Redis, so every API process behind a load balancer shares the
count. The address is the connecting one: behind a reverse proxy every
client is the proxy's address unless keys tell them apart (see
docs/api.md)."""

from __future__ import annotations

import hashlib
import math
import time

from flask import Flask, current_app, request

from ..jobs import FINISHED
from .errors import ApiError
from .security import presented_key
from .services import services

def client_id() -> str:
    """Who is asking: their API key (hashed: key names stay out of Redis),
    else their address."""
    key = presented_key()
    if key and key in services().api_keys:
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"addr:{request.remote_addr or 'unknown'}"


def check_submission():
    """Before a submitting view runs: one more submission this minute, and
    room for one more live job."""
    doc = getattr(current_app.view_functions.get(request.endpoint), "openapi", None)
    if doc is None or not doc.submits:
        return
    svc = services()
    per_minute = svc.settings.getint("SCRAPEJET_API_SUBMISSIONS_PER_MIN")
    max_live = svc.settings.getint("SCRAPEJET_API_MAX_LIVE_JOBS")
    client = client_id()
    now = time.time()
    if per_minute > 0:
        window = int(now // 60)
        key = svc.keys.client_submissions(client, window)
        pipe = svc.redis.pipeline()
        pipe.incr(key)
        pipe.expire(key, 120)
        count, _ = pipe.execute()
        if count > per_minute:
            wait = max(1, math.ceil((window + 1) * 60 - now))
            raise ApiError(429, "too_many_requests",
                           f"more than {per_minute} submissions this minute (SCRAPEJET_API_SUBMISSIONS_PER_MIN): "
                           f"retry in {wait} s", headers={"Retry-After": str(wait)})
    # an insights task is no job: it counts per minute only
    if max_live > 0 and doc.tag != "insights" and at_live_limit(client, max_live):
        raise ApiError(429, "too_many_requests",
                       f"{max_live} of your jobs are queued or running (SCRAPEJET_API_MAX_LIVE_JOBS): "
                       f"submit more when some have finished, or cancel some", headers={"Retry-After": "30"})


def at_live_limit(client: str, max_live: int) -> bool:
    """Whether the client has ``max_live`` jobs not finished yet. Its set
    of jobs also holds finished ones until they are noticed: read the state
    of each (``live_jobs``) only once the set is that large, so that a
    client submitting its thousandth site does not pay a read of the other
    999 on every submission."""
    svc = services()
    if svc.redis.scard(svc.keys.client_jobs(client)) < max_live:
        return False
    return live_jobs(client) >= max_live


def live_jobs(client: str) -> int:
    """The client's jobs not finished yet; finished ones leave the count."""
    svc = services()
    key = svc.keys.client_jobs(client)
    job_ids = list(svc.redis.smembers(key))
    if not job_ids:
        return 0
    pipe = svc.redis.pipeline(transaction=False)
    for job_id in job_ids:
        pipe.hget(svc.keys.job(job_id), "status")
    over = [job_id for job_id, status in zip(job_ids, pipe.execute()) if status is None or status in FINISHED]
    if over:
        svc.redis.srem(key, *over)
    return len(job_ids) - len(over)


def record_job(job_id: str) -> None:
    """A job this client submitted, counted until it is over."""
    svc = services()
    if svc.settings.getint("SCRAPEJET_API_MAX_LIVE_JOBS") > 0:
        svc.redis.sadd(svc.keys.client_jobs(client_id()), job_id)


def install(app: Flask) -> None:
    app.before_request(check_submission)
