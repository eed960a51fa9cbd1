"""Per-minute samples of the whole cluster, kept in Redis for an hour.

Every worker's heartbeat adds the pages it stored since its last beat to the
current minute (``HINCRBY``, so many workers sum) and writes the depth of
the shared queues (the last beat of a minute wins: every worker reads the
same queues). ``GET /queue/history`` reads them back, so a dashboard opened
now shows the last hour instead of starting empty. Two small hashes keyed
by minute rather than a Redis time-series module: plain Redis has no
module, and an hour is at most 60 fields each."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from ..keys import Keys


@dataclass
class History:
    server: Any
    keys: Keys
    minutes: int = 60
    _trimmed: int = field(default=0, repr=False)

    @classmethod
    def from_settings(cls, settings, server) -> History:
        return cls(server, Keys(settings.get("SCRAPEJET_KEY_PREFIX")), settings.getint("SCRAPEJET_HISTORY_MINUTES"))

    def record(self, pages: int, waiting: int, in_flight: int, now: float | None = None) -> None:
        """Add ``pages`` stored since the caller's last sample and the queue
        depth seen now to the current minute."""
        minute = int((now or time.time()) // 60)
        # the keys outlive the window a little, and vanish when the cluster stops
        ttl = (self.minutes + 5) * 60
        pipe = self.server.pipeline(transaction=False)
        if pages:
            pipe.hincrby(self.keys.history_pages, minute, pages)
            pipe.expire(self.keys.history_pages, ttl)
        pipe.hset(self.keys.history_queue, minute, f"{waiting} {in_flight}")
        pipe.expire(self.keys.history_queue, ttl)
        pipe.execute()
        if minute != self._trimmed:  # once a minute per writer: drop what left the window
            self._trimmed = minute
            for key in (self.keys.history_pages, self.keys.history_queue):
                old = [m for m in self.server.hkeys(key) if int(m) <= minute - self.minutes]
                if old:
                    self.server.hdel(key, *old)

    def read(self, minutes: int | None = None, now: float | None = None) -> list[dict[str, Any]]:
        """The last ``minutes`` minutes, oldest first, the current (partial)
        one last. A minute no worker beat in has ``pages`` and the queue
        figures ``None``: nothing was measured then, which is not zero."""
        minutes = min(minutes or self.minutes, self.minutes)
        current = int((now or time.time()) // 60)
        pipe = self.server.pipeline(transaction=False)
        pipe.hgetall(self.keys.history_pages)
        pipe.hgetall(self.keys.history_queue)
        pages, queue = pipe.execute()
        out = []
        for minute in range(current - minutes + 1, current + 1):
            sampled = str(minute) in queue
            waiting, in_flight = (int(n) for n in queue[str(minute)].split()) if sampled else (None, None)
            stored = int(pages.get(str(minute), 0))
            out.append({
                "minute": minute * 60,
                "pages": stored if sampled or stored else None,
                "waiting": waiting,
                "in_flight": in_flight,
                "complete": minute < current,
            })
        return out
