"""Politeness where the host sees it: when a request is sent.

The lease script (``redisqueue._LEASE``) holds per-host concurrency and
paces leases across workers. But a leased request may wait in its worker
(for robots.txt, which the robots middleware fetches outside the queue once
per host for every worker, see ``robots``; or for a download slot), and
redirects and retries are sent under the lease they continue, without a
new one. So this downloader middleware,
the last one before the download handler, takes the host's turn in Redis
as each request leaves (``RequestQueue.take_turn``) and notes its answer
(``RequestQueue.answered``): a request arrives somewhere between the two, so
the next turn comes ``SCRAPEJET_DOMAIN_DELAY_S`` after the later one, and
no two requests reach a host, from any worker, closer than that delay.
The answer is noted as of when the request reached the host at the latest:
its arrival time less the host's fastest answer seen by this worker (the
round trip and the server's least work, which every request spends between
reaching the host and its answer coming back; see ``AnswerTimes``). Counted
from the answer itself, a host answering in 0.1 s with a 0.5 s delay would
be sent a request every 0.6 s, not 0.5.
With one request at a time per host (``SCRAPEJET_DOMAIN_CONCURRENCY=1``) a
request sent as its lease handed it out takes no turn: its lease was its
turn (see ``process_request``). Both calls are awaited on the reactor's
loop (``redis.asyncio``), so a round trip never stalls the crawler.

It also reacts to a server that asks us to slow down: on a 429/503 it
records, in Redis, until when the host is paused (its ``Retry-After``,
seconds or an HTTP date, else an exponential back-off), so no worker leases
or sends a request for that host before then. Scrapy's RetryMiddleware then
retries the request under the same lease, and it waits here, without
holding up requests to other hosts."""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from scrapy.utils.defer import maybe_deferred_to_future

from ..scheduler.queue import FRESH_LEASE
from ..scheduler.worker import Worker
from ..urls import host_of

logger = logging.getLogger(__name__)

PAUSE_STATUSES = (429, 503)
# Hosts whose answer times a worker remembers (the least recently answered
# are forgotten first): a broad crawl meets far more hosts than it has in
# flight at once.
ANSWER_TIMES_KEPT = 10_000
# The flag of a response made without asking the host (a robots.txt another
# worker fetched): it takes no turn and says nothing of the host's pace.
NOT_SENT = "not sent"


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


class AnswerTimes:
    """Per host, the fastest answer this worker has had: the least time from
    sending a request to its answer's headers (Scrapy's ``download_latency``).

    A request reached its host no later than its answer came back less the
    time that leg and the server's work took. That time is at least the
    fastest answer the host ever gave over a kept-alive connection, so the
    fastest answer is the credit ``answered`` takes. The first answer alone
    gives none: it may include connecting (TCP, TLS), time the next request,
    sent on that connection, does not spend, and with it as the credit the
    next request could arrive early by that much. From the second on, one of
    the answers came over an open connection (or none ever did, and the next
    request connects too). The credit is at most half the delay, so a wrong
    estimate (a route that got faster) costs at most half of it."""

    def __init__(self, delay_s: float, kept: int = ANSWER_TIMES_KEPT):
        self.cap = delay_s / 2
        self.kept = kept
        self.fastest: dict[str, tuple[int, float]] = {}  # host -> (answers, least seconds)

    def credit(self, host: str, latency: float | None) -> float:
        """Record an answer of ``host`` that took ``latency`` s (None: not
        measured) and return the seconds its arrival can be set back."""
        seen, least = self.fastest.pop(host, (0, float("inf")))
        if latency is not None:
            seen, least = seen + 1, min(least, latency)
        self.fastest[host] = (seen, least)  # (re)inserted: the most recent last
        if len(self.fastest) > self.kept:
            del self.fastest[next(iter(self.fastest))]
        return min(least, self.cap) if seen >= 2 else 0.0


class HostPolitenessMiddleware:
    def __init__(self, worker: Worker, *, delay_s: float, base_s: float, max_s: float, concurrency: int = 0):
        self.worker = worker
        self.answer_times = AnswerTimes(delay_s)
        self.delay_s = delay_s
        self.concurrency = concurrency
        self.base_s = base_s
        self.max_s = max_s
        self.paused_until: dict[str, float] = {}
        self.strikes: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        # (the Worker makes the queue's turn calls awaitable on the reactor's loop)
        return cls(crawler.get_extension(Worker), delay_s=settings.getfloat("SCRAPEJET_DOMAIN_DELAY_S"),
                   base_s=settings.getfloat("SCRAPEJET_BACKOFF_S"), max_s=settings.getfloat("SCRAPEJET_BACKOFF_MAX_S"),
                   concurrency=settings.getint("SCRAPEJET_DOMAIN_CONCURRENCY"))

    async def process_request(self, request, spider=None):
        host = host_of(request.url)
        # This process's own pause first, without asking Redis; then, for a
        # polite crawl, the host's turn, shared by every worker (its delay,
        # another worker's pause). Without a delay no Redis call is made per
        # request: leases still respect a pause.
        wait = self.paused_until.get(host, 0.0) - time.time()
        if wait > 0:
            await _sleep(wait)
        if request.meta.pop(FRESH_LEASE, False) and self.concurrency == 1:
            # One request at a time per host: the lease was this request's
            # turn. The lease script hands a host out no sooner than its
            # delay after the last answer (``answered`` below, recorded
            # before the lease that got it is acknowledged) and never while
            # another request to it is leased, so nothing else reaches the
            # host until this one is answered, however late it is sent.
            return None
        if self.delay_s > 0:
            while (wait := await self._turn(host)) > 0:
                await _sleep(wait)
        return None

    async def process_exception(self, request, exception, spider=None):
        # a timeout or a dropped connection: the request may have arrived
        # just now, so no credit
        await self._answered(host_of(request.url))
        return None

    async def _answered(self, host: str, credit: float = 0.0) -> None:
        # awaited before the response goes on: its lease is acknowledged
        # (freeing the host for the next lease) only once this is recorded
        if self.delay_s > 0:
            try:
                await self.worker.queue.answered_async(host, self.delay_s, credit)
            except Exception:  # Redis down: the turn taken at sending stands
                logger.exception("Could not note the answer of %s", host)

    async def _turn(self, host: str) -> float:
        try:
            return await self.worker.queue.take_turn_async(host, self.delay_s)
        except Exception:  # Redis down: the lease already paced this request
            logger.exception("Could not take the turn of %s", host)
            return 0.0

    async def process_response(self, request, response, spider=None):
        if NOT_SENT in response.flags:
            return response
        host = host_of(request.url)
        await self._answered(host, self.answer_times.credit(host, request.meta.get("download_latency")))
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


async def _sleep(seconds: float) -> None:
    from twisted.internet import reactor  # the one Scrapy installed
    from twisted.internet.task import deferLater

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))
