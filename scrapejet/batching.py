"""Collecting work done piece by piece into one batch.

Scrapy hands a response's output over one object at a time, within one
reactor turn: its links to the scheduler, its items to the pipelines, its
leases' acknowledgements to the Worker. One Redis call or one transaction
for all of them costs what one of them would. ``Batch`` holds the entries
and runs its ``flush`` once: at the end of the current reactor turn (or
``delay`` seconds later), when ``size`` entries are waiting, or when asked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Batch(Generic[T]):
    def __init__(self, flush: Callable[[list[T]], None], *, delay: float = 0.0, size: int = 0):
        self._flush = flush
        self.delay = delay
        self.size = size  # 0: no bound
        self._entries: list[T] = []
        self._call = None

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
            self._flush(entries)

    def entries(self) -> list[T]:
        """What waits to be flushed (a copy)."""
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
