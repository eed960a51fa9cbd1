"""Read-only views of the queue and the workers, for the API and the CLI.

Everything here reads the keys laid out in ``scrapejet.keys`` and changes
nothing; the state changes are the Lua scripts of ``redisqueue``, which keep
each frontier's queued requests counted by priority (``Keys.queue_counts``)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ..keys import Keys
from ..kinds import SPIDERS


@dataclass
class QueueMonitor:
    server: Any
    keys: Keys
    heartbeat_s: float = 2.0
    misses: int = 3

    @classmethod
    def from_settings(cls, settings, server) -> QueueMonitor:
        return cls(
            server,
            Keys(settings.get("SCRAPEJET_KEY_PREFIX")),
            heartbeat_s=settings.getfloat("SCRAPEJET_HEARTBEAT_S"),
            misses=settings.getint("SCRAPEJET_HEARTBEAT_MISSES"),
        )

    # -- queues ----------------------------------------------------------------
    def queues(self) -> dict[str, dict[str, Any]]:
        """Per spider: requests waiting in its shared queue, and by priority."""
        pipe = self.server.pipeline(transaction=False)
        for spider in SPIDERS:
            pipe.hgetall(self.keys.queue_counts(self.keys.spider_queue(spider)))
        out: dict[str, dict[str, Any]] = {}
        for spider, counts in zip(SPIDERS, pipe.execute()):
            by_priority = {p: int(n) for p, n in sorted(counts.items(), key=lambda c: -int(c[0])) if int(n) > 0}
            out[spider] = {"length": sum(by_priority.values()), "by_priority": by_priority}
        return out

    def private_queue_lengths(self, queue_keys: list[str]) -> int:
        """Requests waiting in the private queues of single-process jobs."""
        if not queue_keys:
            return 0
        pipe = self.server.pipeline(transaction=False)
        for key in queue_keys:
            pipe.hvals(self.keys.queue_counts(key))
        return sum(int(n) for counts in pipe.execute() for n in counts)

    def leased(self) -> int:
        return int(self.server.hlen(self.keys.leases))

    # -- workers ---------------------------------------------------------------
    def workers(self, now: float | None = None) -> list[dict[str, Any]]:
        """Workers that heart-beat recently enough to be listed, newest first.

        A worker is ``alive`` while it misses fewer than HEARTBEAT_MISSES
        beats; a dead one stays listed until a live worker reclaims its
        leases (or its description expires)."""
        now = now or time.time()
        entries = self.server.zrevrange(self.keys.workers, 0, -1, withscores=True)
        if not entries:
            return []
        pipe = self.server.pipeline(transaction=False)
        for worker_id, _ in entries:
            pipe.hgetall(self.keys.worker(worker_id))
        out = []
        dead_after = self.heartbeat_s * self.misses
        for (worker_id, last_seen), info in zip(entries, pipe.execute()):
            started = float(info.get("started_at") or last_seen)
            pages = int(info.get("pages") or 0)
            uptime = max(last_seen - started, 1e-9)
            out.append({
                "id": worker_id,
                "node": info.get("node") or worker_id.split(":")[0],
                "pid": int(info["pid"]) if info.get("pid") else None,
                "spider": info.get("spider") or None,
                "started_at": started,
                "last_seen": last_seen,
                "age_s": round(max(now - last_seen, 0.0), 2),
                "alive": now - last_seen < dead_after,
                "pages": pages,
                "leases": int(info.get("leases") or 0),
                "rss_mb": round(int(info.get("rss") or 0) / 2**20, 1),
                "pages_per_min": round(pages / uptime * 60, 1) if pages else 0.0,
                "jobs": [j for j in (info.get("jobs") or "").split(",") if j],
            })
        return out
