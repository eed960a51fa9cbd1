local function push_one(q, rid, payload, prio, is_page, check_seen, fp)
  local jk = job_key(rid)
  local jid = job_id(rid)
  if not is_live(redis.call('HGET', jk, 'status')) then return -1 end
  if check_seen and redis.call('SADD', K_job_seen(jid), fp) == 0 then return 0 end
  local score = (10 - prio) * 1000000000000 + redis.call('INCR', K_seq)
  redis.call('HSET', K_requests, rid, payload)
  if is_page then
    local maxp = tonumber(redis.call('HGET', jk, 'max_pages') or '0')
    local admitted = tonumber(redis.call('HGET', jk, 'admitted') or '0')
    if maxp > 0 and admitted >= maxp then
      -- Held in reserve for slots that end without a page; more than one
      -- budget's worth could never be used.
      local ov = K_job_overflow(jid)
      if redis.call('ZCARD', ov) >= maxp then
        redis.call('HDEL', K_requests, rid)
        return 3
      end
      redis.call('ZADD', ov, score, rid)
      return 2
    end
    redis.call('HINCRBY', jk, 'admitted', 1)
  end
  redis.call('ZADD', q, score, rid)
  redis.call('SADD', K_job_queued(jid), rid)
  redis.call('HINCRBY', jk, 'queued', 1)
  return 1
end
local out = {}
for i = 2, #ARGV, 7 do
  out[#out + 1] = push_one(ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3]),
                           ARGV[i + 4] == '1', ARGV[i + 5] == '1', ARGV[i + 6])
end
return out
