local q, wid, now, deadline, n, ttl = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6]), ARGV[7]
local delay, conc, scan = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local delayed = K_queue_delayed(q)
-- A host queue set aside because its host has all it may in flight is woken
-- when one of those is answered (unbusy); this is when it is looked at
-- again if no answer comes first (a lease past its deadline).
local PARKED_S = 2
local out = {}
-- Fairness: a worker that finds a host not ready says it is waiting for it
-- (for 2 s). While others wait, a worker takes no more than an even share of
-- the host's slots and, with a delay, not two turns in a row; so a worker
-- that asks rarely (idle) is not starved by one that asks after every
-- response.
local function waits_for(host)
  redis.call('ZADD', K_host_waiting(host), now, wid)
  redis.call('PEXPIRE', K_host_waiting(host), 10000)
end
local function others_waiting(host)
  local wk = K_host_waiting(host)
  redis.call('ZREMRANGEBYSCORE', wk, '-inf', '(' .. (now - 2))
  local others = redis.call('ZCARD', wk)
  if redis.call('ZSCORE', wk, wid) then others = others - 1 end
  return others
end
-- Why this worker may not have a request for the host now: nil (it may),
-- 'delay' and until when (its delay or a back-off), 'full' (as many in
-- flight as its concurrency allows), 'fair' (another worker's turn).
local function not_ready(host)
  local nxt = tonumber(redis.call('GET', K_host_next(host)) or '0')
  if nxt > now then return 'delay', nxt end
  if conc > 0 then
    local bk = K_host_busy(host)
    redis.call('ZREMRANGEBYSCORE', bk, '-inf', '(' .. now)  -- leases past their deadline
    if redis.call('ZCARD', bk) >= conc then return 'full' end
  end
  local others = (conc > 0 or delay > 0) and others_waiting(host) or 0
  if others > 0 then
    if delay > 0 and redis.call('GET', K_host_last(host)) == wid then return 'fair' end
    if conc > 0 then
      local mine = tonumber(redis.call('HGET', K_host_holders(host), wid) or '0')
      local parties = redis.call('HLEN', K_host_holders(host)) + others
      if mine == 0 then parties = parties + 1 end
      if mine >= math.max(1, math.floor(conc / parties)) then return 'fair' end
    end
  end
  return nil
end
local function park(id, host)
  redis.call('ZREM', q, id)
  redis.call('ZADD', delayed, now + PARKED_S, id)
  redis.call('SADD', K_host_parked(host), id)
end
local function lease_one(id, jk, jid, host, hq, st)
  local payload = redis.call('LPOP', hq)
  if not payload then return unschedule(q, jid, host) end  -- never scheduled empty; kept safe
  local rid = jid .. '|' .. redis.call('INCR', K_seq) .. '|' .. host
  redis.call('HSET', K_leases, rid, wid .. '\t' .. payload)
  redis.call('ZADD', K_lease_deadlines, deadline, rid)
  redis.call('SADD', K_worker_leases(wid), rid)
  redis.call('HINCRBY', jk, 'queued', -1)
  redis.call('HINCRBY', jk, 'in_flight', 1)
  count(q, priority_of(jk), -1)
  if conc > 0 then redis.call('ZADD', K_host_busy(host), deadline, rid) end
  redis.call('HINCRBY', K_host_holders(host), wid, 1)
  redis.call('ZREM', K_host_waiting(host), wid)
  if delay > 0 then
    redis.call('SET', K_host_next(host), now + delay, 'PX', math.ceil(delay * 1000) + 1000)
    redis.call('SET', K_host_last(host), wid, 'PX', math.ceil(delay * 1000) + 10000)
  end
  if st == 'pending' then
    redis.call('HSET', jk, 'status', 'running', 'started_at', now)
    if wants_event(jk, 'job.started') then emit(jk, jid, 'job.started', now) end
  end
  out[#out + 1] = rid
  out[#out + 1] = payload
  -- where the host queue goes now: out (empty), to wait out the delay, set
  -- aside while the host is full, or to the back of its priority's turns
  if redis.call('EXISTS', hq) == 0 then
    unschedule(q, jid, host)
  elseif delay > 0 then
    redis.call('ZREM', q, id)
    redis.call('ZADD', delayed, now + delay, id)
  elseif conc > 0 and redis.call('ZCARD', K_host_busy(host)) >= conc then
    park(id, host)
  else
    redis.call('ZADD', q, 'XX', turn(jk), id)
  end
end
-- Host queues whose wait is over join the ready set, behind those there.
for _, id in ipairs(redis.call('ZRANGEBYSCORE', delayed, '-inf', now, 'LIMIT', 0, scan)) do
  redis.call('ZREM', delayed, id)
  redis.call('ZADD', q, 'NX', turn(K_job(split_id(id))), id)
end
-- The ready set's head, one host queue at a time: a host that turns out not
-- to be ready leaves the ready set (or, on a fairness turn, is stepped
-- over), so no request waits behind another host's.
local offset, steps = 0, 0
while #out < 2 * n and steps < scan do
  local head = redis.call('ZRANGE', q, offset, offset, 'WITHSCORES')
  if #head == 0 then break end
  steps = steps + 1
  local id = head[1]
  local jid, host = split_id(id)
  local jk = K_job(jid)
  local hq = K_host_queue(jid, host)
  local st = redis.call('HGET', jk, 'status')
  if not is_live(st) then
    -- a job that is over but whose requests were not dropped with it (its
    -- record expired or was flushed): they are dropped now, not served
    count(q, 10 - math.floor(tonumber(head[2]) / BAND), -redis.call('LLEN', hq))
    redis.call('DEL', hq)
    unschedule(q, jid, host)
  else
    local why, until_ = not_ready(host)
    if why == 'delay' then
      redis.call('ZREM', q, id)
      redis.call('ZADD', delayed, until_, id)
      waits_for(host)
    elseif why == 'full' then
      park(id, host)
      waits_for(host)
    elseif why == 'fair' then
      offset = offset + 1
      waits_for(host)
    else
      lease_one(id, jk, jid, host, hq, st)
    end
  end
end
-- Nothing leased and a host queue waiting: say when the first is ready
-- (ms), so a waiting worker asks right when its turn comes instead of at its
-- next poll; and count it among the workers waiting for that host.
if #out == 0 then
  local first = redis.call('ZRANGE', delayed, 0, 0, 'WITHSCORES')
  if #first > 0 then
    local _, host = split_id(first[1])
    waits_for(host)
    out[1] = math.max(1, math.ceil((tonumber(first[2]) - now) * 1000))
  end
end
return out
