"""What the workers of one backlink job share in Redis, besides its queue.

* **Per-domain caps.** A link to a page of registered domain D is followed
  only while the job has followed fewer than ``per_domain_max_pages`` links
  to D, counted in one Lua call per response, so the cap holds across
  every worker. A link the job already queued is let through uncounted (the
  queue drops it as a duplicate). Two workers offering the same new URL at
  once may both count it: the cap can be under-used, never exceeded.
* **Redirect probes.** A link that may redirect to the target (a shortener,
  a ``/go/`` link) is fetched once per job. Every page linking to it leaves
  its link record under the probe; the answer, once known, is kept, and
  hands back every record left so far. Both steps are single scripts, so a
  page never leaves a record after the answer was given out, and the
  records stay until the job's keys expire: a probe answered again after
  its worker died emits them again (storage upserts make that harmless).
"""

from __future__ import annotations

import json

from ..keys import Keys
from .lua import lua_script

UNKNOWN = "?"  # a probe not answered yet

# ARGV: seen key, counts key, cap, ttl, then pairs (fingerprint, domain).
# Returns 1 (follow) or 0 (domain full) per pair.
_ADMIT = lua_script("backlinks_admit.lua")

# ARGV: probes key, waiting key prefix, ttl, then pairs (fingerprint, record).
# Returns the answer per pair, or '?' after leaving the record to wait.
_WAIT = lua_script("backlinks_wait.lua")

# ARGV: probes key, waiting key, ttl, fingerprint, answer.
# Returns {answer kept (the first one given), records waiting}.
_ANSWER = lua_script("backlinks_answer.lua")


class BacklinkFrontier:
    def __init__(self, server, keys: Keys, *, ttl: int):
        self.keys = keys
        self.ttl = int(ttl)
        self._admit = server.register_script(_ADMIT)
        self._wait = server.register_script(_WAIT)
        self._answer = server.register_script(_ANSWER)

    def admit(self, job_id: str, cap: int, links: list[tuple[str, str]]) -> list[bool]:
        """For (fingerprint, registered domain) pairs: may each be followed?"""
        if not links:
            return []
        args: list = [self.keys.job_seen(job_id), self.keys.job_domains(job_id), cap, self.ttl]
        for fp, domain in links:
            args += [fp, domain]
        return [bool(int(x)) for x in self._admit(args=args)]

    def wait_for_probes(self, job_id: str, links: list[tuple[str, dict]]) -> list[str]:
        """For (probe fingerprint, link record) pairs: the probe's answer (a
        target URL, or '' for none), or UNKNOWN when the record now waits."""
        if not links:
            return []
        args: list = [self.keys.job_probes(job_id), self.keys.job_probe_waiting(job_id, ""), self.ttl]
        for fp, record in links:
            args += [fp, json.dumps(record)]
        return list(self._wait(args=args))

    def answer_probe(self, job_id: str, fp: str, answer: str) -> tuple[str, list[dict]]:
        """Record where a probed link leads; (the answer kept, every record
        that waited for it)."""
        kept, waiting = self._answer(args=[
            self.keys.job_probes(job_id), self.keys.job_probe_waiting(job_id, fp), self.ttl, fp, answer,
        ])
        return kept, [json.loads(r) for r in waiting]
