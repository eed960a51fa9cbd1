-- ARGV: prefix, then 6 per request: job id, host, payload, is_page,
-- check_seen, fingerprint. The job's record says which frontier it is in.
local function push_one(jid, host, payload, is_page, check_seen, fp)
  local jk = K_job(jid)
  if not is_live(redis.call('HGET', jk, 'status')) then return -1 end
  if check_seen and redis.call('SADD', K_job_seen(jid), fp) == 0 then return 0 end
  if is_page then
    local maxp = tonumber(redis.call('HGET', jk, 'max_pages') or '0')
    local admitted = tonumber(redis.call('HGET', jk, 'admitted') or '0')
    if maxp > 0 and admitted >= maxp then
      -- Held in reserve for slots that end without a page; more than one
      -- budget's worth could never be used.
      local ov = K_job_overflow(jid)
      if redis.call('LLEN', ov) >= maxp then return 3 end
      redis.call('RPUSH', ov, host .. '\t' .. payload)
      return 2
    end
    redis.call('HINCRBY', jk, 'admitted', 1)
  end
  enqueue(jk, jid, host, payload, false)
  return 1
end
local out = {}
for i = 2, #ARGV, 6 do
  out[#out + 1] = push_one(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3] == '1', ARGV[i + 4] == '1', ARGV[i + 5])
end
return out
