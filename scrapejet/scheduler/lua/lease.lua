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
local function others_waiting(host)
  local wk = K_host_waiting(host)
  redis.call('ZREMRANGEBYSCORE', wk, '-inf', '(' .. (now - 2))
  local n = redis.call('ZCARD', wk)
  if redis.call('ZSCORE', wk, wid) then n = n - 1 end
  return n
end
local function not_ready(host)
  blocked[host] = true
  redis.call('ZADD', K_host_waiting(host), now, wid)
  redis.call('PEXPIRE', K_host_waiting(host), 10000)
  return false
end
local function ready(host)
  if not host then return true end
  if blocked[host] then return false end
  local nxt = tonumber(redis.call('GET', K_host_next(host)) or '0')
  if nxt > now then
    if not soonest or nxt < soonest then soonest = nxt end
    return not_ready(host)
  end
  if conc > 0 then
    local bk = K_host_busy(host)
    redis.call('ZREMRANGEBYSCORE', bk, '-inf', '(' .. now)  -- leases past their deadline
    if redis.call('ZCARD', bk) >= conc then return not_ready(host) end
  end
  if conc > 0 or delay > 0 then
    local others = others_waiting(host)
    if others > 0 then
      if delay > 0 and redis.call('GET', K_host_last(host)) == wid then return not_ready(host) end
      if conc > 0 then
        local mine = tonumber(redis.call('HGET', K_host_holders(host), wid) or '0')
        local parties = redis.call('HLEN', K_host_holders(host)) + others
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
      payload = redis.call('HGET', K_requests, rid)
    end
    if host and blocked[host] then
      -- stepped over: stays queued in its place
    elseif not (payload and is_live(st)) then
      -- cancelled or finished job: its leftovers are dropped, not served
      redis.call('ZREM', q, rid)
      removed = removed + 1
      redis.call('SREM', K_job_queued(jid), rid)
      redis.call('HDEL', K_requests, rid)
      if is_live(st) then redis.call('HINCRBY', jk, 'queued', -1) end
    else
      if ready(host) then
        redis.call('ZREM', q, rid)
        removed = removed + 1
        redis.call('SREM', K_job_queued(jid), rid)
        redis.call('HINCRBY', jk, 'queued', -1)
        redis.call('HSET', K_leases, rid, wid .. '\t' .. score .. '\t' .. q)
        redis.call('ZADD', K_lease_deadlines, deadline, rid)
        redis.call('SADD', K_worker_leases(wid), rid)
        redis.call('HINCRBY', jk, 'in_flight', 1)
        if host then
          if conc > 0 then redis.call('ZADD', K_host_busy(host), deadline, rid) end
          redis.call('HINCRBY', K_host_holders(host), wid, 1)
          redis.call('ZREM', K_host_waiting(host), wid)
          if delay > 0 then
            redis.call('SET', K_host_next(host), now + delay, 'PX', math.ceil(delay * 1000) + 1000)
            redis.call('SET', K_host_last(host), wid, 'PX', math.ceil(delay * 1000) + 10000)
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
