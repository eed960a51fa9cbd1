"""Back-off shared by every worker: a 429 or 503 pauses its host for all.

The lease script (``redisqueue._LEASE``) already holds per-host concurrency
and delay across workers; this downloader middleware adds the reaction to a
server that asks us to slow down. On a 429/503 it records, in Redis, until
when the host is paused (its ``Retry-After``, seconds or an HTTP date, else
an exponential back-off), so no worker leases a request for that host
before then. Scrapy's RetryMiddleware then retries the request under the
same lease; this middleware holds that retry (and anything else this
process has in hand for the host) until the pause is over, without holding
up requests to other hosts."""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from scrapy.utils.defer import maybe_deferred_to_future

from ..scheduler.worker import Worker
from ..urls import host_of

logger = logging.getLogger(__name__)

PAUSE_STATUSES = (429, 503)


def retry_after(value: bytes | str | None, now: float) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or HTTP-date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class HostBackoffMiddleware:
    def __init__(self, worker: Worker, *, base_s: float, max_s: float):
        self.worker = worker
        self.base_s = base_s
        self.max_s = max_s
        self.paused_until: dict[str, float] = {}
        self.strikes: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.get_extension(Worker), base_s=crawler.settings.getfloat("SCRAPEJET_BACKOFF_S"),
                   max_s=crawler.settings.getfloat("SCRAPEJET_BACKOFF_MAX_S"))

    async def process_request(self, request, spider=None):
        host = host_of(request.url)
        wait = self.paused_until.get(host, 0.0) - time.time()
        if wait > 0:
            from twisted.internet import reactor  # the one Scrapy installed
            from twisted.internet.task import deferLater

            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return None

    def process_response(self, request, response, spider=None):
        host = host_of(request.url)
        if response.status in PAUSE_STATUSES:
            now = time.time()
            strikes = self.strikes[host] = self.strikes.get(host, 0) + 1
            asked = retry_after(response.headers.get(b"Retry-After"), now)
            pause = min(asked if asked is not None else self.base_s * 2 ** (strikes - 1), self.max_s)
            until = now + pause
            self.paused_until[host] = max(self.paused_until.get(host, 0.0), until)
            try:
                self.worker.queue.back_off(host, until)
            except Exception:  # Redis down: this process still pauses
                logger.exception("Could not share the back-off of %s", host)
            logger.info("%s answered %d: pausing it for %.1f s on every worker", host, response.status, pause)
        elif response.status < 400 and host in self.strikes:
            del self.strikes[host]
        return response
