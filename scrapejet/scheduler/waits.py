"""Work that one page of a job holds back until another one has been read,
across every worker of the job.

A request that must wait (a backlink job's link until its redirect probe
answers; a business job's sitemap entries until the home page's links are
known) leaves a record under a name; whoever settles the name gives its
answer, and gets back every record left so far. Both steps are single Lua
scripts, so a record is never left after the answer was given out: either
the waiting side sees the answer, or the answering side sees the record.
The answer and the records stay until the job's keys expire: a name
answered again (its worker died before acknowledging) gives the records
out again, and the queue's dupefilter or storage's upserts make that
harmless."""

from __future__ import annotations

import json

from ..keys import Keys
from .lua import lua_script

UNKNOWN = "?"  # a name not answered yet

# ARGV: answers key, waiting key prefix, ttl, then pairs (name, record).
# Returns the answer per pair, or '?' after leaving the record to wait.
_WAIT = lua_script("wait.lua")

# ARGV: answers key, waiting key, ttl, name, answer.
# Returns {answer kept (the first one given), records waiting}.
_ANSWER = lua_script("answer.lua")


class JobWaits:
    def __init__(self, server, keys: Keys, *, ttl: int):
        self.keys = keys
        self.ttl = int(ttl)
        self._wait = server.register_script(_WAIT)
        self._answer = server.register_script(_ANSWER)

    def wait(self, job_id: str, records: list[tuple[str, dict]]) -> list[str]:
        """For (name, record) pairs: the name's answer, or UNKNOWN when the
        record now waits for it."""
        if not records:
            return []
        args: list = [self.keys.job_answers(job_id), self.keys.job_waiting(job_id, ""), self.ttl]
        for name, record in records:
            args += [name, json.dumps(record)]
        return list(self._wait(args=args))

    def answer(self, job_id: str, name: str, answer: str) -> tuple[str, list[dict]]:
        """Settle ``name``: (the answer kept, the first one given; every
        record that waited for it)."""
        kept, waiting = self._answer(args=[
            self.keys.job_answers(job_id), self.keys.job_waiting(job_id, name), self.ttl, name, answer,
        ])
        return kept, [json.loads(r) for r in waiting]
