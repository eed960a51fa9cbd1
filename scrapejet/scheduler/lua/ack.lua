local wid, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local function ack_one(rid, outcome, is_page, items, pages)
  local lease = redis.call('HGET', K_leases, rid)
  if not lease then return 0, '' end
  local owner = string.match(lease, '^([^\t]*)\t')
  if owner ~= wid then return 0, '' end
  redis.call('HDEL', K_leases, rid)
  redis.call('DEL', K_lease_claims(rid))
  redis.call('ZREM', K_lease_deadlines, rid)
  redis.call('SREM', K_worker_leases(wid), rid)
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
    local nxt = redis.call('LPOP', K_job_overflow(jid))
    if nxt then
      local host, payload = string.match(nxt, '^([^\t]*)\t(.*)$')
      enqueue(jk, jid, host, payload, false)
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
