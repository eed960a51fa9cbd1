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
