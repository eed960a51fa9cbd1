local dead_before, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local dead = redis.call('ZRANGEBYSCORE', P .. 'workers', '-inf', '(' .. dead_before)
local n = 0
for _, wid in ipairs(dead) do
  for _, rid in ipairs(redis.call('SMEMBERS', P .. 'worker:' .. wid .. ':leases')) do
    n = n + requeue(rid, now, ttl)
  end
  redis.call('DEL', P .. 'worker:' .. wid .. ':leases', P .. 'worker:' .. wid)
  redis.call('ZREM', P .. 'workers', wid)
end
for _, rid in ipairs(redis.call('ZRANGEBYSCORE', P .. 'lease_deadlines', '-inf', '(' .. now)) do
  n = n + requeue(rid, now, ttl)
end
return {#dead, n}
