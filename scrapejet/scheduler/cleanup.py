"""Operator clean-up: drop requests left behind by jobs that are over.

Requests of a cancelled or finished job are normally removed by the cancel
and finish scripts, or dropped when a lease reaches them. Left-overs remain
when a job record expired or was flushed, or a worker died at the wrong
moment; ``scrapejet clear-jobs --yes`` removes them. Each batch is checked
and removed in one Lua script, so a request of a live job (pending or
running) is never touched, nor one leased to a worker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..keys import Keys
from ..kinds import SPIDERS
from .redisqueue import queue_script

# ARGV: prefix, frontier ('' for none), dry_run, 'hq' or 'overflow', ids...
_DROP = queue_script("drop.lua")
# ARGV: prefix, frontier
_RECOUNT = queue_script("recount.lua")


@dataclass
class ClearResult:
    queued: int  # requests removed from frontiers
    stored: int  # requests no frontier referred to (stray host queues, overflow)


class QueueCleaner:
    def __init__(self, server, keys: Keys, batch: int = 500):
        self.server = server
        self.keys = keys
        self.batch = batch
        self._drop = server.register_script(_DROP)
        self._recount = server.register_script(_RECOUNT)

    def _frontiers(self) -> list[str]:
        keys = [self.keys.spider_queue(s) for s in SPIDERS]
        # every job's private frontier: its key with the job id as a wildcard
        keys += list(self.server.scan_iter(match=self._pattern(self.keys.job_queue), count=1000))
        return keys

    def _pattern(self, key_of) -> str:
        return _glob_escape(key_of("\0")).replace("\0", "*")

    def _run(self, frontier: str, what: str, ids: Iterable[str], dry_run: bool) -> int:
        total, chunk = 0, []
        for item in ids:
            chunk.append(item)
            if len(chunk) >= self.batch:
                total += int(self._drop(args=[self.keys.prefix, frontier, int(dry_run), what, *chunk]))
                chunk = []
        if chunk:
            total += int(self._drop(args=[self.keys.prefix, frontier, int(dry_run), what, *chunk]))
        return total

    def clear(self, *, dry_run: bool = False) -> ClearResult:
        queued, scheduled = 0, set()
        for frontier in self._frontiers():
            ids = [i for key in (frontier, self.keys.queue_delayed(frontier))
                   for i, _ in self.server.zscan_iter(key, count=1000)]
            scheduled.update(ids)
            queued += self._run(frontier, "hq", ids, dry_run)
            if not dry_run:
                # the priority of a job whose record is gone is unknown: count again
                self._recount(args=[self.keys.prefix, frontier])
        # Host queues no frontier refers to, and overflow: only of jobs that are over.
        hq_prefix = self.keys.host_queue("", "")[:-1]
        stray = (key[len(hq_prefix):] for key in self.server.scan_iter(match=_glob_escape(hq_prefix) + "*", count=1000))
        stored = self._run("", "hq", (i for i in stray if i not in scheduled), dry_run)
        overflow_key = self.keys.job_overflow("\0")
        head, tail = overflow_key.split("\0")
        overflows = (key[len(head):-len(tail)] for key in
                     self.server.scan_iter(match=self._pattern(self.keys.job_overflow), count=1000))
        stored += self._run("", "overflow", overflows, dry_run)
        return ClearResult(queued=queued, stored=stored)


def _glob_escape(text: str) -> str:
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in text)
