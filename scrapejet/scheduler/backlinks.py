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

UNKNOWN = "?"  # a probe not answered yet

# ARGV: seen key, counts key, cap, ttl, then pairs (fingerprint, domain).
# Returns 1 (follow) or 0 (domain full) per pair.
_ADMIT = r"""
local seen, counts, cap, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local out = {}
for i = 5, #ARGV, 2 do
  if redis.call('SISMEMBER', seen, ARGV[i]) == 1 then
    out[#out + 1] = 1
  elseif tonumber(redis.call('HGET', counts, ARGV[i + 1]) or '0') >= cap then
    out[#out + 1] = 0
  else
    redis.call('HINCRBY', counts, ARGV[i + 1], 1)
    out[#out + 1] = 1
  end
end
redis.call('EXPIRE', counts, ttl)
return out
"""

# ARGV: probes key, waiting key prefix, ttl, then pairs (fingerprint, record).
# Returns the answer per pair, or '?' after leaving the record to wait.
_WAIT = r"""
local probes, prefix, ttl = ARGV[1], ARGV[2], ARGV[3]
local out = {}
for i = 4, #ARGV, 2 do
  local answer = redis.call('HGET', probes, ARGV[i])
  if answer then
    out[#out + 1] = answer
  else
    local waiting = prefix .. ARGV[i]
    redis.call('RPUSH', waiting, ARGV[i + 1])
    redis.call('EXPIRE', waiting, ttl)
    out[#out + 1] = '?'
  end
end
return out
"""

# ARGV: probes key, waiting key, ttl, fingerprint, answer.
# Returns {answer kept (the first one given), records waiting}.
_ANSWER = r"""
local probes, waiting, ttl, fp = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('HSETNX', probes, fp, ARGV[5])
redis.call('EXPIRE', probes, ttl)
return {redis.call('HGET', probes, fp), redis.call('LRANGE', waiting, 0, -1)}
"""


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
