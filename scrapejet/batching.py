"""Collecting work done piece by piece into one batch.

Scrapy hands a response's output over one object at a time, within one
reactor turn: its links to the scheduler, its items to the pipelines, its
leases' acknowledgements to the Worker. One Redis call or one transaction
for all of them costs what one of them would. ``Batch`` holds the entries
and runs its ``flush`` once: at the end of the current reactor turn (or
``delay`` seconds later), when ``size`` entries are waiting, or when asked.

``flush`` may be a coroutine function (a Redis call awaited on the
reactor's loop rather than blocking it): its entries count as waiting
(``len``, ``entries``) until it is done, and ``drain`` awaits them."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Batch(Generic[T]):
    def __init__(self, flush: Callable[[list[T]], None | Awaitable[None]], *, delay: float = 0.0, size: int = 0):
        self._flush = flush
        self.delay = delay
        self.size = size  # 0: no bound
        self._entries: list[T] = []
        self._call = None
        # entries of flushes still running (coroutines), by flush
        self._flushing: dict[int, list[T]] = {}
        self._running: set = set()  # their Deferreds

    def add(self, entry: T) -> None:
        self._entries.append(entry)
        if self.size and len(self._entries) >= self.size:
            self.flush()
        elif self._call is None:
            from twisted.internet import reactor  # the one Scrapy installed

            self._call = reactor.callLater(self.delay, self.flush)

    def retry(self, entries: list[T], delay: float) -> None:
        """Put back ``entries`` a flush could not handle (Redis down), ahead
        of any added since, and flush again in ``delay`` seconds."""
        from twisted.internet import reactor  # the one Scrapy installed

        self._entries[:0] = entries
        if self._call is not None and self._call.active():
            self._call.cancel()
        self._call = reactor.callLater(delay, self.flush)

    def flush(self) -> None:
        """Run ``flush`` on what is waiting, now (nothing if none is)."""
        if self._call is not None:
            if self._call.active():
                self._call.cancel()
            self._call = None
        entries, self._entries = self._entries, []
        if entries:
            result = self._flush(entries)
            if inspect.isawaitable(result):
                self._track(entries, result)

    def _track(self, entries: list[T], awaitable) -> None:
        from scrapy.utils.defer import deferred_from_coro

        key = id(entries)
        self._flushing[key] = entries
        running = deferred_from_coro(awaitable)
        self._running.add(running)

        def done(result):
            self._flushing.pop(key, None)
            self._running.discard(running)
            return result

        running.addBoth(done)
        running.addErrback(lambda failure: logger.error("A batch of %d could not be flushed", len(entries),
                                                        exc_info=(failure.type, failure.value, failure.tb)))

    async def drain(self) -> None:
        """Flush what waits and await every flush still running."""
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.defer import DeferredList

        self.flush()
        while self._running:
            await maybe_deferred_to_future(DeferredList(list(self._running)))

    def entries(self) -> list[T]:
        """What waits to be flushed, or is being flushed (a copy)."""
        return [e for flushing in self._flushing.values() for e in flushing] + self._entries

    def __len__(self) -> int:
        return len(self._entries) + sum(len(flushing) for flushing in self._flushing.values())
