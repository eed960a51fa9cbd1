"""What the workers of one backlink job share in Redis, besides its queue.

* **Per-domain caps.** A link to a page of registered domain D is followed
  only while the job has followed fewer than ``per_domain_max_pages`` links
  to D, counted in one Lua call per response, so the cap holds across
  every worker. A link the job already queued is let through uncounted (the
  queue drops it as a duplicate). Two workers offering the same new URL at
  once may both count it: the cap can be under-used, never exceeded.
* **Redirect probes.** A link that may redirect to the target (a shortener,
  a ``/go/`` link) is fetched once per job. Every page linking to it leaves
  its link record waiting for the probe (``waits.JobWaits``, named by the
  link's fingerprint); the answer, once known, is kept, and hands back every
  record left so far.
"""

from __future__ import annotations

from ..keys import Keys
from .lua import lua_script
from .waits import UNKNOWN, JobWaits

__all__ = ["UNKNOWN", "BacklinkFrontier"]

# ARGV: seen key, counts key, cap, ttl, then pairs (fingerprint, domain).
# Returns 1 (follow) or 0 (domain full) per pair.
_ADMIT = lua_script("backlinks_admit.lua")


class BacklinkFrontier:
    def __init__(self, server, keys: Keys, *, ttl: int):
        self.keys = keys
        self.ttl = int(ttl)
        self._admit = server.register_script(_ADMIT)
        self._waits = JobWaits(server, keys, ttl=ttl)

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
        return self._waits.wait(job_id, links)

    def answer_probe(self, job_id: str, fp: str, answer: str) -> tuple[str, list[dict]]:
        """Record where a probed link leads; (the answer kept, every record
        that waited for it)."""
        return self._waits.answer(job_id, fp, answer)
