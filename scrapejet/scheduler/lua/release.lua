local wid, now, ttl = ARGV[2], ARGV[3], ARGV[4]
local rids = redis.call('SMEMBERS', K_worker_leases(wid))
local n = 0
for _, rid in ipairs(rids) do n = n + requeue(rid, now, ttl) end
redis.call('DEL', K_worker_leases(wid))
return n
