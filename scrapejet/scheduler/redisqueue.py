"""The leased priority queue in Redis, independent of Scrapy.

Every state change of a request is one Lua script, so counters, dupefilter,
budget and job state move together even with many workers: a request is
admitted (deduplicated, counted against the job's page budget), leased to a
worker, then acknowledged with its outcome; a lease whose worker died goes
back to the queue. The job whose last request is acknowledged is completed by
that same script, so exactly one worker sees the transition.

Request ids (rids) are ``<job_id>|<fingerprint>``: the job is found from the rid
without a lookup. Scores are ``(10 - priority) * 1e12 + seq``: lower pops
first, so priority 9 beats 2 and, within a priority, older requests go first.

The scripts touch keys derived from the rid, which Redis Cluster would reject;
ScrapeJET targets a single Redis (or a replicated primary), like scrapy-redis.

Job events for webhooks are written by the same scripts that make the
change, to a Redis stream (``Keys.webhook_events``), and only for jobs whose
spec asks for that event: the transition and its event commit together, and
unlike the pub/sub message (kept for listeners) a stream entry waits until a
dispatcher (``scrapejet.webhooks``) has delivered it. Each entry carries a
snapshot of the job at that moment, so a delivery retried later says the
same thing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import redis

from ..keys import Keys

# Outcomes a lease is acknowledged with; each is a job counter.
CRAWLED, FAILED, SKIPPED, AUX = "crawled", "failed", "skipped", "aux"

# Webhook events kept in the stream at most (approximately: trimmed in whole
# macro nodes). A bound for when no dispatcher runs: older entries go first.
WEBHOOK_STREAM_MAXLEN = 100_000
# The job fields an event snapshots (besides status).
EVENT_FIELDS = ("created_at", "started_at", "finished_at", "queued", "in_flight", "crawled", "failed",
                "skipped", "items", "requeued")

_COMMON = r"""
local P = ARGV[1]
local function job_key(rid) return P .. 'job:' .. string.match(rid, '^([^|]+)|') end
local function job_id(rid) return string.match(rid, '^([^|]+)|') end
local function is_live(st) return st == 'pending' or st == 'running' end
-- Politeness: the host a request goes to is the last part of its rid
-- (job|fingerprint|host); its leases are a sorted set by lease deadline.
local function host_of(rid) return string.match(rid, '^[^|]*|[^|]*|(.+)$') end
local function busy_key(host) return P .. 'host:' .. host .. ':busy' end
-- holders: leases per worker on a host, for fair shares between workers
local function holders_key(host) return P .. 'host:' .. host .. ':holders' end
local function unbusy(rid, wid)
  local host = host_of(rid)
  if not host then return end
  redis.call('ZREM', busy_key(host), rid)
  if wid and redis.call('HINCRBY', holders_key(host), wid, -1) <= 0 then
    redis.call('HDEL', holders_key(host), wid)
  end
end
-- Webhooks: does the job's spec ask for this event? Only called on job
-- transitions (once per job), never per request.
local function wants_event(jk, event)
  local raw = redis.call('HGET', jk, 'spec')
  if not raw then return false end
  local ok, spec = pcall(cjson.decode, raw)
  if not ok or type(spec) ~= 'table' or type(spec.webhook) ~= 'table' then return false end
  if type(spec.webhook.events) ~= 'table' then return true end
  for _, e in ipairs(spec.webhook.events) do
    if e == event then return true end
  end
  return false
end
-- Append an event with a snapshot of the job to the webhook stream.
local function emit(jk, jid, event, now, page)
  local snap = redis.call('HMGET', jk, 'status', __EVENT_FIELDS__)
  local args = {'XADD', P .. 'webhooks', 'MAXLEN', '~', __MAXLEN__, '*', 'job_id', jid, 'event', event,
                'at', now, 'status', snap[1] or ''}
  local names = {__EVENT_FIELDS__}
  for i, name in ipairs(names) do
    args[#args + 1] = name
    args[#args + 1] = snap[i + 1] or ''
  end
  if page then
    args[#args + 1] = 'page'
    args[#args + 1] = page
  end
  redis.call(unpack(args))
end
-- A job with nothing queued or in flight is over: completed, or failed when
-- not one page could be crawled. Cleans the job's transient keys.
local function maybe_finish(jk, jid, now, ttl)
  local st = redis.call('HGET', jk, 'status')
  if not is_live(st) then return nil end
  local q = tonumber(redis.call('HGET', jk, 'queued') or '0')
  local f = tonumber(redis.call('HGET', jk, 'in_flight') or '0')
  if q > 0 or f > 0 then return nil end
  local crawled = tonumber(redis.call('HGET', jk, 'crawled') or '0')
  local failed = tonumber(redis.call('HGET', jk, 'failed') or '0')
  local skipped = tonumber(redis.call('HGET', jk, 'skipped') or '0')
  local final = 'completed'
  -- nothing stored although something was tried (failed, or skipped: a PDF,
  -- a robots.txt refusal): the job failed, with those reasons recorded
  if crawled == 0 and (failed > 0 or skipped > 0) then final = 'failed' end
  redis.call('HSET', jk, 'status', final, 'finished_at', now)
  if redis.call('HEXISTS', jk, 'started_at') == 0 then redis.call('HSET', jk, 'started_at', now) end
  local ov = P .. 'job:' .. jid .. ':overflow'
  local rest = redis.call('ZRANGE', ov, 0, -1)
  for _, r in ipairs(rest) do redis.call('HDEL', P .. 'requests', r) end
  redis.call('DEL', ov, P .. 'job:' .. jid .. ':seen', P .. 'job:' .. jid .. ':queued',
             P .. 'job:' .. jid .. ':queue')
  redis.call('EXPIRE', jk, ttl)
  redis.call('PUBLISH', P .. 'events', jid .. ' ' .. final)
  if wants_event(jk, 'job.' .. final) then emit(jk, jid, 'job.' .. final, now) end
  return final
end
-- Put a leased request back in its queue, as if never leased.
local function requeue(rid, now, ttl)
  local lease = redis.call('HGET', P .. 'leases', rid)
  if not lease then return 0 end
  local wid, score, q = string.match(lease, '^([^\t]*)\t([^\t]*)\t(.*)$')
  redis.call('HDEL', P .. 'leases', rid)
  redis.call('ZREM', P .. 'lease_deadlines', rid)
  redis.call('SREM', P .. 'worker:' .. wid .. ':leases', rid)
  unbusy(rid, wid)
  local jk = job_key(rid)
  redis.call('HINCRBY', jk, 'in_flight', -1)
  if is_live(redis.call('HGET', jk, 'status')) then
    redis.call('ZADD', q, score, rid)
    redis.call('SADD', P .. 'job:' .. job_id(rid) .. ':queued', rid)
    redis.call('HINCRBY', jk, 'queued', 1)
    redis.call('HINCRBY', jk, 'requeued', 1)
  else
    redis.call('HDEL', P .. 'requests', rid)
    maybe_finish(jk, job_id(rid), now, ttl)
  end
  return 1
end
""".replace("__MAXLEN__", str(WEBHOOK_STREAM_MAXLEN)).replace(
    "__EVENT_FIELDS__", ", ".join(f"'{name}'" for name in EVENT_FIELDS)
)

# ARGV: prefix, then 7 per request: queue, rid, payload, priority, is_page,
# check_seen, fp. One call admits every request one response yielded.
# Returns one result per request (see RequestQueue.push_many).
_PUSH = _COMMON + r"""
local function push_one(q, rid, payload, prio, is_page, check_seen, fp)
  local jk = job_key(rid)
  local jid = job_id(rid)
  if not is_live(redis.call('HGET', jk, 'status')) then return -1 end
  if check_seen and redis.call('SADD', P .. 'job:' .. jid .. ':seen', fp) == 0 then return 0 end
  local score = (10 - prio) * 1000000000000 + redis.call('INCR', P .. 'seq')
  redis.call('HSET', P .. 'requests', rid, payload)
  if is_page then
    local maxp = tonumber(redis.call('HGET', jk, 'max_pages') or '0')
    local admitted = tonumber(redis.call('HGET', jk, 'admitted') or '0')
    if maxp > 0 and admitted >= maxp then
      -- Held in reserve for slots that end without a page; more than one
      -- budget's worth could never be used.
      local ov = P .. 'job:' .. jid .. ':overflow'
      if redis.call('ZCARD', ov) >= maxp then
        redis.call('HDEL', P .. 'requests', rid)
        return 3
      end
      redis.call('ZADD', ov, score, rid)
      return 2
    end
    redis.call('HINCRBY', jk, 'admitted', 1)
  end
  redis.call('ZADD', q, score, rid)
  redis.call('SADD', P .. 'job:' .. jid .. ':queued', rid)
  redis.call('HINCRBY', jk, 'queued', 1)
  return 1
end
local out = {}
for i = 2, #ARGV, 7 do
  out[#out + 1] = push_one(ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3]),
                           ARGV[i + 4] == '1', ARGV[i + 5] == '1', ARGV[i + 6])
end
return out
"""

# ARGV: prefix, queue, worker, now, deadline, count, ttl, host delay (s),
# host concurrency (0: unbounded), scan (candidates looked at at most).
# Returns a flat list rid1, payload1, rid2, payload2...
#
# Politeness holds across every worker: a host gets at most `concurrency`
# leases at once and one new lease per `delay` seconds, and none while it is
# backing off (429/503, see RequestQueue.back_off). A request whose host is
# not ready stays queued in its place and the scan moves on to other hosts,
# so a worker is never held up by one slow or strict site.
_LEASE = _COMMON + r"""
local q, wid, now, deadline, n, ttl = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6]), ARGV[7]
local delay, conc, scan = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local out = {}
local blocked = {}
local soonest = nil  -- when the first host held back by its delay is ready again
-- Fairness: a worker that finds a host not ready says it is waiting for it
-- (for 2 s). While others wait, a worker takes no more than an even share of
-- the host's slots and, with a delay, not two turns in a row; so a worker
-- that asks rarely (idle) is not starved by one that asks after every
-- response.
local function waiting_key(host) return P .. 'host:' .. host .. ':waiting' end
local function others_waiting(host)
  local wk = waiting_key(host)
  redis.call('ZREMRANGEBYSCORE', wk, '-inf', '(' .. (now - 2))
  local n = redis.call('ZCARD', wk)
  if redis.call('ZSCORE', wk, wid) then n = n - 1 end
  return n
end
local function not_ready(host)
  blocked[host] = true
  redis.call('ZADD', waiting_key(host), now, wid)
  redis.call('PEXPIRE', waiting_key(host), 10000)
  return false
end
local function ready(host)
  if not host then return true end
  if blocked[host] then return false end
  local nxt = tonumber(redis.call('GET', P .. 'host:' .. host .. ':next') or '0')
  if nxt > now then
    if not soonest or nxt < soonest then soonest = nxt end
    return not_ready(host)
  end
  if conc > 0 then
    local bk = busy_key(host)
    redis.call('ZREMRANGEBYSCORE', bk, '-inf', '(' .. now)  -- leases past their deadline
    if redis.call('ZCARD', bk) >= conc then return not_ready(host) end
  end
  if conc > 0 or delay > 0 then
    local others = others_waiting(host)
    if others > 0 then
      if delay > 0 and redis.call('GET', P .. 'host:' .. host .. ':last') == wid then return not_ready(host) end
      if conc > 0 then
        local mine = tonumber(redis.call('HGET', holders_key(host), wid) or '0')
        local parties = redis.call('HLEN', holders_key(host)) + others
        if mine == 0 then parties = parties + 1 end
        if mine >= math.max(1, math.floor(conc / parties)) then return not_ready(host) end
      end
    end
  end
  return true
end
-- Candidates in windows from the head: usually the first window is all
-- ready; hosts that are not ready are stepped over, up to `scan` requests.
local start, seen = 0, 0
while #out < 2 * n and seen < scan do
  local want = math.max(n, math.min((2 * n - #out) / 2, scan - seen))
  local candidates = redis.call('ZRANGE', q, start, start + want - 1, 'WITHSCORES')
  if #candidates == 0 then break end
  local removed = 0
  for i = 1, #candidates, 2 do
    if #out >= 2 * n then break end
    seen = seen + 1
    local rid, score = candidates[i], candidates[i + 1]
    local host = host_of(rid)
    local jk = job_key(rid)
    local jid = job_id(rid)
    -- a host already found not ready costs nothing more: no lookups
    local st, payload = nil, nil
    if not (host and blocked[host]) then
      st = redis.call('HGET', jk, 'status')
      payload = redis.call('HGET', P .. 'requests', rid)
    end
    if host and blocked[host] then
      -- stepped over: stays queued in its place
    elseif not (payload and is_live(st)) then
      -- cancelled or finished job: its leftovers are dropped, not served
      redis.call('ZREM', q, rid)
      removed = removed + 1
      redis.call('SREM', P .. 'job:' .. jid .. ':queued', rid)
      redis.call('HDEL', P .. 'requests', rid)
      if is_live(st) then redis.call('HINCRBY', jk, 'queued', -1) end
    else
      if ready(host) then
        redis.call('ZREM', q, rid)
        removed = removed + 1
        redis.call('SREM', P .. 'job:' .. jid .. ':queued', rid)
        redis.call('HINCRBY', jk, 'queued', -1)
        redis.call('HSET', P .. 'leases', rid, wid .. '\t' .. score .. '\t' .. q)
        redis.call('ZADD', P .. 'lease_deadlines', deadline, rid)
        redis.call('SADD', P .. 'worker:' .. wid .. ':leases', rid)
        redis.call('HINCRBY', jk, 'in_flight', 1)
        if host then
          if conc > 0 then redis.call('ZADD', busy_key(host), deadline, rid) end
          redis.call('HINCRBY', holders_key(host), wid, 1)
          redis.call('ZREM', waiting_key(host), wid)
          if delay > 0 then
            redis.call('SET', P .. 'host:' .. host .. ':next', now + delay, 'PX', math.ceil(delay * 1000) + 1000)
            redis.call('SET', P .. 'host:' .. host .. ':last', wid, 'PX', math.ceil(delay * 1000) + 10000)
            blocked[host] = true
          end
        end
        if st == 'pending' then
          redis.call('HSET', jk, 'status', 'running', 'started_at', now)
          if wants_event(jk, 'job.started') then emit(jk, jid, 'job.started', now) end
        end
        out[#out + 1] = rid
        out[#out + 1] = payload
      end
    end
  end
  -- the next window starts after what this one left in the queue
  start = start + #candidates / 2 - removed
end
-- Nothing leased because of a host's delay: say when to ask again (ms), so
-- a waiting worker asks right when its turn comes instead of at its next poll.
if #out == 0 and soonest then out[1] = math.max(1, math.ceil((soonest - now) * 1000)) end
return out
"""

# ARGV: prefix, host, until -- no lease for host before `until` (keeps the later)
_BACK_OFF = r"""
local key = ARGV[1] .. 'host:' .. ARGV[2] .. ':next'
local untill = tonumber(ARGV[3])
local cur = tonumber(redis.call('GET', key) or '0')
if untill > cur then
  redis.call('SET', key, untill, 'PXAT', math.ceil(untill * 1000) + 1000)
  return 1
end
return 0
"""

# ARGV: prefix, worker, now, ttl, then 5 per lease: rid, outcome, is_page,
# items (pages the lease produced, added to the job's item counter), pages
# (for jobs whose webhook asks for job.page: one JSON summary per stored page,
# newline-separated; '' otherwise).
# Returns 2 per lease: accepted (0/1), final job status or ''.
_ACK = _COMMON + r"""
local wid, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local function ack_one(rid, outcome, is_page, items, pages)
  local lease = redis.call('HGET', P .. 'leases', rid)
  if not lease then return 0, '' end
  local owner = string.match(lease, '^([^\t]*)\t')
  if owner ~= wid then return 0, '' end
  redis.call('HDEL', P .. 'leases', rid)
  redis.call('ZREM', P .. 'lease_deadlines', rid)
  redis.call('SREM', P .. 'worker:' .. wid .. ':leases', rid)
  redis.call('HDEL', P .. 'requests', rid)
  unbusy(rid, wid)
  local jk = job_key(rid)
  local jid = job_id(rid)
  redis.call('HINCRBY', jk, 'in_flight', -1)
  if outcome ~= 'aux' then redis.call('HINCRBY', jk, outcome, 1) end
  if items > 0 then redis.call('HINCRBY', jk, 'items', items) end
  -- job.page events commit with the ack that lands (a reclaimed lease's
  -- pages are reported by the worker that crawls them again), before any
  -- job.completed this ack causes.
  if pages ~= '' and is_live(redis.call('HGET', jk, 'status')) then
    for page in string.gmatch(pages, '[^\n]+') do emit(jk, jid, 'job.page', now, page) end
  end
  if is_page and outcome ~= 'crawled' and is_live(redis.call('HGET', jk, 'status')) then
    -- the budget slot produced no page: give it to the oldest overflow request
    redis.call('HINCRBY', jk, 'admitted', -1)
    local ov = P .. 'job:' .. jid .. ':overflow'
    local nxt = redis.call('ZPOPMIN', ov)
    if #nxt > 0 then
      redis.call('ZADD', redis.call('HGET', jk, 'queue'), nxt[2], nxt[1])
      redis.call('SADD', P .. 'job:' .. jid .. ':queued', nxt[1])
      redis.call('HINCRBY', jk, 'queued', 1)
      redis.call('HINCRBY', jk, 'admitted', 1)
    end
  end
  return 1, maybe_finish(jk, jid, now, ttl) or ''
end
local out = {}
for i = 5, #ARGV, 5 do
  local ok, final = ack_one(ARGV[i], ARGV[i + 1], ARGV[i + 2] == '1', tonumber(ARGV[i + 3]), ARGV[i + 4])
  out[#out + 1] = ok
  out[#out + 1] = final
end
return out
"""

# ARGV: prefix, worker, now, ttl  -- return every lease of one worker
_RELEASE = _COMMON + r"""
local wid, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local rids = redis.call('SMEMBERS', P .. 'worker:' .. wid .. ':leases')
local n = 0
for _, rid in ipairs(rids) do n = n + requeue(rid, now, ttl) end
redis.call('DEL', P .. 'worker:' .. wid .. ':leases')
return n
"""

# ARGV: prefix, dead_before, now, ttl
# Leases of workers whose last heartbeat is older than dead_before, and leases
# past their deadline, go back to the queue. Returns {workers, requests}.
_RECLAIM = _COMMON + r"""
local dead_before, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local dead = redis.call('ZRANGEBYSCORE', P .. 'workers', '-inf', '(' .. dead_before)
local n = 0
for _, wid in ipairs(dead) do
  for _, rid in ipairs(redis.call('SMEMBERS', P .. 'worker:' .. wid .. ':leases')) do
    n = n + requeue(rid, now, ttl)
  end
  redis.call('DEL', P .. 'worker:' .. wid .. ':leases', P .. 'worker:' .. wid)
  redis.call('ZREM', P .. 'workers', wid)
end
for _, rid in ipairs(redis.call('ZRANGEBYSCORE', P .. 'lease_deadlines', '-inf', '(' .. now)) do
  n = n + requeue(rid, now, ttl)
end
return {#dead, n}
"""

# ARGV: prefix, job_id, now -- drop the job's queued and overflow requests
_CANCEL = _COMMON + r"""
local jid, now = ARGV[2], ARGV[3]
local jk = P .. 'job:' .. jid
local st = redis.call('HGET', jk, 'status')
if not st then return -1 end
if not is_live(st) then return 0 end
local q = redis.call('HGET', jk, 'queue')
for _, rid in ipairs(redis.call('SMEMBERS', P .. 'job:' .. jid .. ':queued')) do
  redis.call('ZREM', q, rid)
  redis.call('HDEL', P .. 'requests', rid)
end
local ov = P .. 'job:' .. jid .. ':overflow'
for _, rid in ipairs(redis.call('ZRANGE', ov, 0, -1)) do redis.call('HDEL', P .. 'requests', rid) end
redis.call('DEL', ov, P .. 'job:' .. jid .. ':queued', P .. 'job:' .. jid .. ':seen')
redis.call('HSET', jk, 'status', 'cancelled', 'finished_at', now, 'queued', 0)
redis.call('PUBLISH', P .. 'events', jid .. ' cancelled')
if wants_event(jk, 'job.cancelled') then emit(jk, jid, 'job.cancelled', now) end
return 1
"""


@dataclass
class Admission:
    """A request offered to the queue (see ``push``)."""

    queue: str
    rid: str
    payload: str
    priority: int
    is_page: bool = True
    check_seen: bool = True
    fingerprint: str = ""


@dataclass
class Lease:
    rid: str
    payload: str

    @property
    def job_id(self) -> str:
        return self.rid.split("|", 1)[0]


class RequestQueue:
    """Atomic queue operations on Redis; see the module docstring."""

    def __init__(self, server: redis.Redis, keys: Keys, job_ttl: int = 7 * 24 * 3600):
        self.server = server
        self.keys = keys
        self.job_ttl = job_ttl
        self._push = server.register_script(_PUSH)
        self._lease = server.register_script(_LEASE)
        self._ack = server.register_script(_ACK)
        self._release = server.register_script(_RELEASE)
        self._reclaim = server.register_script(_RECLAIM)
        self._cancel = server.register_script(_CANCEL)
        self._back_off = server.register_script(_BACK_OFF)
        # Politeness across workers (see _LEASE); set by the worker from settings.
        self.host_delay = 0.0
        self.host_concurrency = 0
        self.lease_scan = 64
        # after a lease that returned nothing: seconds until a delayed host is ready
        self.retry_in: float | None = None

    @staticmethod
    def rid(job_id: str, fingerprint: str, host: str = "") -> str:
        """A request's id: its job, its fingerprint (unique in the job) and
        the host it goes to (per-host politeness in the lease script)."""
        return f"{job_id}|{fingerprint}|{host}" if host else f"{job_id}|{fingerprint}"

    def push(
        self,
        queue: str,
        rid: str,
        payload: str,
        *,
        priority: int,
        is_page: bool = True,
        check_seen: bool = True,
        fingerprint: str = "",
    ) -> int:
        """Admit a request. Returns 1 queued, 2 held over the page budget,
        3 dropped (budget and reserve full), 0 already seen by this job,
        -1 job not live (cancelled or finished)."""
        return self.push_many([Admission(queue, rid, payload, priority, is_page, check_seen, fingerprint)])[0]

    def push_many(self, requests: list[Admission]) -> list[int]:
        """Admit several requests in one round trip, in order; one result
        per request, as ``push`` returns."""
        if not requests:
            return []
        args: list = [self.keys.prefix]
        for r in requests:
            args += [r.queue, r.rid, r.payload, r.priority, int(r.is_page), int(r.check_seen), r.fingerprint]
        return [int(x) for x in self._push(args=args)]

    def lease(self, queue: str, worker: str, count: int = 1, lease_s: float = 900) -> list[Lease]:
        now = time.time()
        flat = self._lease(args=[
            self.keys.prefix, queue, worker, now, now + lease_s, count, self.job_ttl,
            self.host_delay, self.host_concurrency, max(self.lease_scan, count),
        ])
        # one number alone: nothing leased, a host's delay ends in that many ms
        self.retry_in = int(flat[0]) / 1000 if len(flat) == 1 else None
        return [Lease(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]

    def ack(self, rid: str, worker: str, outcome: str, *, is_page: bool = True, items: int = 0) -> tuple[bool, str]:
        """Acknowledge a lease. Returns (accepted, final job status if this
        ack finished the job). A lease that was reclaimed meanwhile is not
        accepted: another worker now owns the request."""
        return self.ack_many(worker, [(rid, outcome, is_page, items)])[0]

    def ack_many(self, worker: str, acks: list[tuple]) -> list[tuple[bool, str]]:
        """Acknowledge several leases of ``worker`` (rid, outcome, is_page,
        items[, pages]) in one round trip; one (accepted, final status) per
        lease. ``pages``: JSON summaries of the stored pages, one per line,
        for a job whose webhook asks for ``job.page`` (see the ACK script)."""
        if not acks:
            return []
        args: list = [self.keys.prefix, worker, time.time(), self.job_ttl]
        for rid, outcome, is_page, items, *pages in acks:
            args += [rid, outcome, int(is_page), int(items), pages[0] if pages else ""]
        flat = self._ack(args=args)
        return [(bool(int(flat[i])), flat[i + 1] or "") for i in range(0, len(flat), 2)]

    def release(self, worker: str) -> int:
        """Return every lease of ``worker`` to the queue (graceful shutdown)."""
        return int(self._release(args=[self.keys.prefix, worker, time.time(), self.job_ttl]))

    def reclaim(self, dead_before: float) -> tuple[int, int]:
        """Requeue leases of workers silent since ``dead_before`` and leases
        past their deadline. Returns (dead workers, requests requeued)."""
        workers, requests = self._reclaim(
            args=[self.keys.prefix, dead_before, time.time(), self.job_ttl]
        )
        return int(workers), int(requests)

    def back_off(self, host: str, until: float) -> bool:
        """No worker leases a request for ``host`` before ``until`` (a 429 or
        503 with Retry-After). Keeps a later back-off already set."""
        return bool(self._back_off(args=[self.keys.prefix, host, until]))

    def cancel(self, job_id: str) -> int:
        """Drop a job's queued requests and mark it cancelled. Returns 1 if
        cancelled now, 0 if it was already over, -1 if unknown."""
        return int(self._cancel(args=[self.keys.prefix, job_id, time.time()]))

    def size(self, queue: str) -> int:
        return int(self.server.zcard(queue))
