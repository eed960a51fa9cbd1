"""``/health``: each part of the system with its status; 503 when a part
the API cannot work without (Redis, storage) is down."""

from __future__ import annotations

import time

from flask import Blueprint
from sqlalchemy import text

from .models import Component, Health
from .openapi import endpoint
from .services import services

bp = Blueprint("health", __name__)


def _timed(check) -> tuple[bool, str]:
    start = time.perf_counter()
    try:
        detail = check()
    except Exception as exc:  # whatever the failure, health reports it
        return False, f"{type(exc).__name__}: {exc}"
    return True, f"{detail} ({(time.perf_counter() - start) * 1000:.1f} ms)"


@bp.get("/health")
@endpoint(summary="System health", tag="health", public=True, responses={200: Health, 503: Health},
          description="Redis and storage are required (503 when down). No live worker makes the status "
                      "`degraded`: jobs are accepted but wait.")
def health():
    svc = services()
    components: dict[str, Component] = {}

    def redis_check():
        svc.redis.ping()
        return "ping ok"

    ok, detail = _timed(redis_check)
    components["redis"] = Component(status="ok" if ok else "down", required=True, detail=detail)

    def storage_check():
        with svc.storage.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return svc.storage.engine.dialect.name

    ok, detail = _timed(storage_check)
    components["storage"] = Component(status="ok" if ok else "down", required=True, detail=detail)

    components["index"] = Component(status="not_configured", required=False,
                                    detail="the embedding index arrives with issue 5")
    alive = 0
    if components["redis"].status == "ok":
        alive = sum(1 for w in svc.monitor.workers() if w["alive"])
        components["workers"] = Component(
            status="ok" if alive else "none", required=False,
            detail=f"{alive} live worker(s)" if alive else "no live worker: jobs wait in the queue "
                                                          "(start one: scrapejet worker)",
        )
    else:
        components["workers"] = Component(status="down", required=False, detail="unknown: Redis is down")
    components["scrapyd"] = Component(status="not_configured", required=False,
                                      detail="no scrapyd nodes configured (cluster: issue 7)")

    down = any(c.required and c.status == "down" for c in components.values())
    degraded = any(c.status in ("down", "none") for c in components.values())
    status = "down" if down else "degraded" if degraded else "ok"
    return Health(status=status, components=components, workers=alive), 503 if down else 200
