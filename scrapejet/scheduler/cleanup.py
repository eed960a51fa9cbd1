"""Operator clean-up: drop requests left behind by jobs that are over.

Requests of a cancelled or finished job are normally removed by the cancel
and finish scripts, or dropped when a worker pops them. Left-overs remain
when a job record expired or was flushed, or a worker died at the wrong
moment; ``scrapejet clear-jobs --yes`` removes them. Each batch is checked
and removed in one Lua script, so a request of a live job (pending or
running) is never touched, nor one leased to a worker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..keys import Keys
from .lua import keyed_script
from ..kinds import SPIDERS

# ARGV: prefix, container key ('' for the requests hash only), dry_run, rids...
_DROP = keyed_script("drop.lua")


@dataclass
class ClearResult:
    queued: int  # requests removed from queues
    stored: int  # request payloads no queue or lease referred to


class QueueCleaner:
    def __init__(self, server, keys: Keys, batch: int = 500):
        self.server = server
        self.keys = keys
        self.batch = batch
        self._drop = server.register_script(_DROP)

    def _queue_keys(self) -> list[str]:
        keys = [self.keys.spider_queue(s) for s in SPIDERS]
        # private queues of single-process jobs: job:<id>:queue
        # every job's private queue: its key with the job id as a wildcard
        pattern = _glob_escape(self.keys.job_queue("\0")).replace("\0", "*")
        keys += list(self.server.scan_iter(match=pattern, count=1000))
        return keys

    def _run(self, container: str, rids: Iterable[str], dry_run: bool) -> int:
        total, chunk = 0, []
        for rid in rids:
            chunk.append(rid)
            if len(chunk) >= self.batch:
                total += int(self._drop(args=[self.keys.prefix, container, int(dry_run), *chunk]))
                chunk = []
        if chunk:
            total += int(self._drop(args=[self.keys.prefix, container, int(dry_run), *chunk]))
        return total

    def clear(self, *, dry_run: bool = False) -> ClearResult:
        queued, in_queues = 0, set()
        for key in self._queue_keys():
            rids = [rid for rid, _ in self.server.zscan_iter(key, count=1000)]
            in_queues.update(rids)
            queued += self._run(key, rids, dry_run)
        # Payloads of requests that sit in no queue any more (an expired job's
        # overflow, a half-finished clean-up): only those of jobs that are over.
        rids = (rid for rid, _ in self.server.hscan_iter(self.keys.requests, count=1000) if rid not in in_queues)
        return ClearResult(queued=queued, stored=self._run("", rids, dry_run))


def _glob_escape(text: str) -> str:
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in text)
