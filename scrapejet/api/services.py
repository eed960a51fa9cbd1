"""The handles the API's views share (settings, Redis, storage, jobs), kept
on the app as ``app.extensions["scrapejet"]``.

Connections are made on first use, not when the app is built, so the app
starts, and ``/health`` reports which part is down, even when Redis or the
database is unreachable."""

from __future__ import annotations

import threading
from typing import Any

from flask import current_app

from ..download.egress import EgressPolicy
from ..keys import Keys


class Services:
    def __init__(self, settings):
        self.settings = settings
        self.keys = Keys(settings.get("SCRAPEJET_KEY_PREFIX"))
        self.api_keys = tuple(k.strip() for k in str(settings.get("SCRAPEJET_API_KEYS") or "").split(",") if k.strip())
        self.egress = EgressPolicy.from_settings(settings)
        self._lock = threading.Lock()
        self._made: dict[str, Any] = {}

    def _get(self, name: str, factory):
        # waitress serves from several threads: build each handle once.
        with self._lock:
            if name not in self._made:
                self._made[name] = factory()
            return self._made[name]

    @property
    def redis(self):
        from ..redis_server import connect

        return self._get("redis", lambda: connect(self.settings))

    @property
    def storage(self):
        from ..storage import Storage

        return self._get("storage", lambda: Storage.from_settings(self.settings))

    @property
    def jobs(self):
        from ..jobs import Jobs

        redis, storage = self.redis, self.storage
        return self._get("jobs", lambda: Jobs.from_settings(self.settings, server=redis, storage=storage))

    @property
    def nodes(self):
        """The scrapyd nodes of SCRAPYD_NODES (none configured: an empty set)."""
        from ..cluster.nodes import ScrapydNodes

        return self._get("nodes", lambda: ScrapydNodes.from_settings(self.settings))

    @property
    def monitor(self):
        from ..scheduler.monitor import QueueMonitor

        redis = self.redis
        return self._get("monitor", lambda: QueueMonitor.from_settings(self.settings, redis))

    @property
    def history(self):
        from ..scheduler.history import History

        redis = self.redis
        return self._get("history", lambda: History.from_settings(self.settings, redis))

    @property
    def retriever(self):
        """Hybrid retrieval over the stored chunks; its embedding model is
        loaded once per API process, on first use."""
        from ..index.search import Retriever

        storage = self.storage
        return self._get("retriever", lambda: Retriever.from_settings(self.settings, storage))

    @property
    def insights(self):
        from ..insights import Insights

        storage = self.storage
        return self._get("insights", lambda: Insights.from_settings(self.settings, storage, lambda: self.retriever))

    @property
    def insight_tasks(self):
        from ..insights.tasks import InsightTasks

        redis = self.redis
        return self._get("insight_tasks", lambda: InsightTasks.from_settings(self.settings, redis, lambda: self.insights))

    def close(self) -> None:
        with self._lock:
            if "nodes" in self._made:
                self._made["nodes"].close()
            if "insight_tasks" in self._made:
                self._made["insight_tasks"].close()
            if "storage" in self._made:
                self._made["storage"].close()
            if "redis" in self._made:
                self._made["redis"].close()
            self._made.clear()


def services() -> Services:
    return current_app.extensions["scrapejet"]
