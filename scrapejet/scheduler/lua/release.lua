-- ARGV: prefix, worker, now, ttl[, rids...]: return the given leases of the
-- worker (those it still holds), or all of them, to the queue.
local wid, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local n = 0
if #ARGV > 4 then
  for i = 5, #ARGV do
    if redis.call('SISMEMBER', K_worker_leases(wid), ARGV[i]) == 1 then n = n + requeue(ARGV[i], now, ttl) end
  end
  return n
end
for _, rid in ipairs(redis.call('SMEMBERS', K_worker_leases(wid))) do n = n + requeue(rid, now, ttl) end
redis.call('DEL', K_worker_leases(wid))
return n
