-- Key names are the K_* of keys.py (rendered in front of this file), and
-- P, the key prefix, is ARGV[1] of every script. The frontier's layout and
-- invariants are written in redisqueue.py.
local function job_id(rid) return string.match(rid, '^([^|]+)|') end
local function job_key(rid) return K_job(job_id(rid)) end
local function is_live(st) return st == 'pending' or st == 'running' end
-- A rid is job|number|host; a host queue's id in a frontier is job|host.
local function host_of(rid) return string.match(rid, '^[^|]*|[^|]*|(.+)$') end
local function split_id(id) return string.match(id, '^([^|]+)|(.+)$') end
local BAND = 1000000000000
local function priority_of(jk) return tonumber(redis.call('HGET', jk, 'priority') or '5') end
-- The place of a host queue in its frontier's ready set: its job's priority
-- band first, then a turn that only grows, so hosts of one priority are
-- served round robin.
local function turn(jk) return (10 - priority_of(jk)) * BAND + redis.call('INCR', K_seq) end
-- Requests waiting in a frontier, by priority (queue lengths for monitors).
local function count(q, prio, n)
  if n == 0 or not q then return end
  local counts = K_queue_counts(q)
  if redis.call('HINCRBY', counts, prio, n) <= 0 then redis.call('HDEL', counts, prio) end
end
-- A host queue that has requests is in its frontier's ready set or its
-- delayed set, never both: one that is in neither joins the ready set.
local function schedule(q, jk, jid, host)
  local id = jid .. '|' .. host
  redis.call('SADD', K_job_hosts(jid), host)
  if redis.call('ZSCORE', K_queue_delayed(q), id) then return end
  redis.call('ZADD', q, 'NX', turn(jk), id)
end
-- Take a host queue out of its frontier (it is empty, or its job is over).
local function unschedule(q, jid, host)
  local id = jid .. '|' .. host
  redis.call('ZREM', q, id)
  redis.call('ZREM', K_queue_delayed(q), id)
  redis.call('SREM', K_job_hosts(jid), host)
end
-- Politeness: a host's leases are a sorted set by lease deadline
-- (K_host_busy), and K_host_holders counts them per worker, for fair
-- shares between workers. When a lease ends, the host queues parked because
-- the host had all it may in flight are ready again.
local function unbusy(rid, wid)
  local host = host_of(rid)
  if not host then return end
  redis.call('ZREM', K_host_busy(host), rid)
  if wid and redis.call('HINCRBY', K_host_holders(host), wid, -1) <= 0 then
    redis.call('HDEL', K_host_holders(host), wid)
  end
  local parked = K_host_parked(host)
  for _, id in ipairs(redis.call('SMEMBERS', parked)) do
    local jid = split_id(id)
    local jk = K_job(jid)
    local q = redis.call('HGET', jk, 'queue')
    if q and redis.call('ZREM', K_queue_delayed(q), id) == 1 then redis.call('ZADD', q, 'NX', turn(jk), id) end
  end
  redis.call('DEL', parked)
end
-- Webhooks: does the job ask for this event? The job model writes the
-- events its webhook wants, space-separated, when it records the job.
local function wants_event(jk, event)
  local wanted = redis.call('HGET', jk, 'webhook_events')
  return wanted ~= false and string.find(' ' .. wanted .. ' ', ' ' .. event .. ' ', 1, true) ~= nil
end
-- Append an event with a snapshot of the job to the webhook stream.
local function emit(jk, jid, event, now, page)
  local snap = redis.call('HMGET', jk, 'status', __EVENT_FIELDS__)
  local args = {'XADD', K_webhook_events, 'MAXLEN', '~', __MAXLEN__, '*', 'job_id', jid, 'event', event,
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
-- Drop every queued request of a job: its host queues and their places in
-- the frontier, its overflow. Returns how many were queued.
local function drop_queued(jk, jid)
  local q = redis.call('HGET', jk, 'queue')
  local n = 0
  for _, host in ipairs(redis.call('SMEMBERS', K_job_hosts(jid))) do
    local hq = K_host_queue(jid, host)
    n = n + redis.call('LLEN', hq)
    redis.call('DEL', hq)
    if q then unschedule(q, jid, host) end
  end
  if q then count(q, priority_of(jk), -n) end
  redis.call('DEL', K_job_hosts(jid), K_job_overflow(jid))
  return n
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
  drop_queued(jk, jid)
  local private = K_job_queue(jid)
  redis.call('DEL', K_job_seen(jid), private, K_queue_delayed(private), K_queue_counts(private))
  redis.call('EXPIRE', jk, ttl)
  redis.call('PUBLISH', K_events, jid .. ' ' .. final)
  if wants_event(jk, 'job.' .. final) then emit(jk, jid, 'job.' .. final, now) end
  return final
end
-- Queue a request at the front of its host queue (a lease given back is
-- served first again) or at the back (a new request).
local function enqueue(jk, jid, host, payload, front)
  local q = redis.call('HGET', jk, 'queue')
  redis.call(front and 'LPUSH' or 'RPUSH', K_host_queue(jid, host), payload)
  schedule(q, jk, jid, host)
  count(q, priority_of(jk), 1)
  redis.call('HINCRBY', jk, 'queued', 1)
end
-- Put a leased request back in its queue, as if never leased.
local function requeue(rid, now, ttl)
  local lease = redis.call('HGET', K_leases, rid)
  if not lease then return 0 end
  local wid, payload = string.match(lease, '^([^\t]*)\t(.*)$')
  redis.call('HDEL', K_leases, rid)
  -- what it marked seen on its way (a redirect target it never crawled)
  local claims = K_lease_claims(rid)
  for _, fp in ipairs(redis.call('SMEMBERS', claims)) do redis.call('SREM', K_job_seen(job_id(rid)), fp) end
  redis.call('DEL', claims)
  redis.call('ZREM', K_lease_deadlines, rid)
  redis.call('SREM', K_worker_leases(wid), rid)
  unbusy(rid, wid)
  local jk = job_key(rid)
  redis.call('HINCRBY', jk, 'in_flight', -1)
  if is_live(redis.call('HGET', jk, 'status')) then
    enqueue(jk, job_id(rid), host_of(rid), payload, true)
    redis.call('HINCRBY', jk, 'requeued', 1)
  else
    maybe_finish(jk, job_id(rid), now, ttl)
  end
  return 1
end
