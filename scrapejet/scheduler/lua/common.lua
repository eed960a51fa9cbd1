-- Key names are the K_* of keys.py (rendered in front of this file), and
-- P, the key prefix, is ARGV[1] of every script.
local function job_id(rid) return string.match(rid, '^([^|]+)|') end
local function job_key(rid) return K_job(job_id(rid)) end
local function is_live(st) return st == 'pending' or st == 'running' end
-- Politeness: the host a request goes to is the last part of its rid
-- (job|fingerprint|host); its leases are a sorted set by lease deadline
-- (K_host_busy), and K_host_holders counts them per worker, for fair
-- shares between workers.
local function host_of(rid) return string.match(rid, '^[^|]*|[^|]*|(.+)$') end
local function unbusy(rid, wid)
  local host = host_of(rid)
  if not host then return end
  redis.call('ZREM', K_host_busy(host), rid)
  if wid and redis.call('HINCRBY', K_host_holders(host), wid, -1) <= 0 then
    redis.call('HDEL', K_host_holders(host), wid)
  end
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
  local ov = K_job_overflow(jid)
  local rest = redis.call('ZRANGE', ov, 0, -1)
  for _, r in ipairs(rest) do redis.call('HDEL', K_requests, r) end
  redis.call('DEL', ov, K_job_seen(jid), K_job_queued(jid),
             K_job_queue(jid))
  redis.call('EXPIRE', jk, ttl)
  redis.call('PUBLISH', K_events, jid .. ' ' .. final)
  if wants_event(jk, 'job.' .. final) then emit(jk, jid, 'job.' .. final, now) end
  return final
end
-- Put a leased request back in its queue, as if never leased.
local function requeue(rid, now, ttl)
  local lease = redis.call('HGET', K_leases, rid)
  if not lease then return 0 end
  local wid, score, q = string.match(lease, '^([^\t]*)\t([^\t]*)\t(.*)$')
  redis.call('HDEL', K_leases, rid)
  redis.call('ZREM', K_lease_deadlines, rid)
  redis.call('SREM', K_worker_leases(wid), rid)
  unbusy(rid, wid)
  local jk = job_key(rid)
  redis.call('HINCRBY', jk, 'in_flight', -1)
  if is_live(redis.call('HGET', jk, 'status')) then
    redis.call('ZADD', q, score, rid)
    redis.call('SADD', K_job_queued(job_id(rid)), rid)
    redis.call('HINCRBY', jk, 'queued', 1)
    redis.call('HINCRBY', jk, 'requeued', 1)
  else
    redis.call('HDEL', K_requests, rid)
    maybe_finish(jk, job_id(rid), now, ttl)
  end
  return 1
end
