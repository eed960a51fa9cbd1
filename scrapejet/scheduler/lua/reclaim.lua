local dead_before, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local dead = redis.call('ZRANGEBYSCORE', K_workers, '-inf', '(' .. dead_before)
local n = 0
for _, wid in ipairs(dead) do
  for _, rid in ipairs(redis.call('SMEMBERS', K_worker_leases(wid))) do
    n = n + requeue(rid, now, ttl)
  end
  redis.call('DEL', K_worker_leases(wid), K_worker(wid))
  redis.call('ZREM', K_workers, wid)
end
for _, rid in ipairs(redis.call('ZRANGEBYSCORE', K_lease_deadlines, '-inf', '(' .. now)) do
  n = n + requeue(rid, now, ttl)
end
return {#dead, n}
