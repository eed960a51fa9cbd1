"""``/health``: each part of the system with its status; 503 when a part
the API cannot work without (Redis, storage) is down."""

from __future__ import annotations

import time

from flask import Blueprint

from .models.health import Component, Health
from .openapi import endpoint
from .security import authorized
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
                      "`degraded`: jobs are accepted but wait (unless reachable scrapyd nodes start workers "
                      "on submission: workers `idle`).")
def health():
    svc = services()
    components: dict[str, Component] = {}

    def redis_check():
        svc.redis.ping()
        return "ping ok"

    ok, detail = _timed(redis_check)
    components["redis"] = Component(status="ok" if ok else "down", required=True, detail=detail)

    def storage_check():
        svc.storage.ping()
        return svc.storage.dialect

    ok, detail = _timed(storage_check)
    components["storage"] = Component(status="ok" if ok else "down", required=True, detail=detail)

    # /health is open to anyone when keys are set: where the files live is not for them
    components["index"] = _index_component(svc, show_paths=authorized())
    from .queue import scrapyd_state

    nodes = scrapyd_state()
    reachable = sum(1 for n in nodes.nodes if n["reachable"]) if nodes.configured else 0
    alive = 0
    if components["redis"].status == "ok":
        alive = sum(1 for w in svc.monitor.workers() if w["alive"])
        if alive:
            components["workers"] = Component(status="ok", required=False, detail=f"{alive} live worker(s)")
        elif reachable:
            # Nothing is wrong: the nodes are asked for workers when a job comes.
            components["workers"] = Component(
                status="idle", required=False,
                detail="no live worker now: the scrapyd nodes start them when a job is submitted")
        else:
            components["workers"] = Component(
                status="none", required=False,
                detail="no live worker: jobs wait in the queue (start one: scrapejet worker)")
    else:
        components["workers"] = Component(status="down", required=False, detail="unknown: Redis is down")
    if not nodes.configured:
        components["scrapyd"] = Component(status="not_configured", required=False, detail=nodes.detail)
    else:
        components["scrapyd"] = Component(
            status="ok" if reachable == len(nodes.nodes) else "degraded" if reachable else "down",
            required=False, detail=nodes.detail)

    down = any(c.required and c.status == "down" for c in components.values())
    degraded = any(c.status in ("down", "none", "degraded") for c in components.values())
    status = "down" if down else "degraded" if degraded else "ok"
    return Health(status=status, components=components, workers=alive), 503 if down else 200


def _index_component(svc, *, show_paths: bool) -> Component:
    """What embedding needs (checked without loading the model): its
    packages, the model's files, a writable index folder; and the backlog.
    Paths only for a caller that may see them."""
    import importlib.util
    import os
    from pathlib import Path

    from ..index.model import model_name, model_path
    from ..index.state import enabled, index_root

    if not enabled(svc.settings):
        return Component(status="not_configured", required=False,
                         detail="SCRAPEJET_EMBEDDINGS is off: pages are not chunked or embedded")
    problems = [f"{name} is not installed" for name in ("torch", "sentence_transformers", "faiss")
                if importlib.util.find_spec(name) is None]
    try:
        path = Path(model_path(svc.settings))
        if not (path / "modules.json").exists() and not (path / "config.json").exists():
            problems.append(f"no model files at {path}" if show_paths else "no model files")
    except Exception as exc:  # the bundled model package missing
        problems.append(f"embedding model: {type(exc).__name__}: {exc}")
    root = index_root(svc.settings)
    where = f"index folder {root}" if show_paths else "index folder"
    try:
        root.mkdir(parents=True, exist_ok=True)
        if not os.access(root, os.W_OK):
            problems.append(f"{where} is not writable")
    except OSError as exc:
        problems.append(f"{where}: {exc.strerror}" if not show_paths else f"{where}: {exc}")
    if problems:
        return Component(status="degraded", required=False, detail="; ".join(problems))
    pending = ""
    try:
        waiting = sum(c["pending"] for c in svc.storage.chunks.counts().values())
        pending = f", {waiting} chunks wait for vectors" if waiting else ""
        queued = svc.storage.index_queue.waiting()
        pending += f", {queued} pages wait for an indexer" if queued else ""
    except Exception:  # storage down: its own component says so
        pass
    at = f", index at {root}" if show_paths else ""
    return Component(status="ok", required=False, detail=f"model {model_name(svc.settings)}{at}{pending}")

