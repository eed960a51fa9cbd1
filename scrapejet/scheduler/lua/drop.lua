local container, dry = ARGV[2], ARGV[3] == '1'
local n = 0
for i = 4, #ARGV do
  local rid = ARGV[i]
  local jid = string.match(rid, '^([^|]+)|')
  local st = jid and redis.call('HGET', K_job(jid), 'status')
  local live = st == 'pending' or st == 'running'
  if not live and redis.call('HEXISTS', K_leases, rid) == 0 then
    n = n + 1
    if not dry then
      if container ~= '' then redis.call('ZREM', container, rid) end
      redis.call('HDEL', K_requests, rid)
    end
  end
end
return n
