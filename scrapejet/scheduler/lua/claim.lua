-- A leased request on its way to a URL its job may have seen (a redirect):
-- mark it seen for the job, as the lease's own claim (see requeue in
-- common.lua). ARGV: prefix, rid, fingerprint. Returns 1 if claimed now, 0
-- if the job had seen it, -1 if the lease is gone (reclaimed: another
-- worker has the request now, and this one's ack will be refused).
local rid, fp = ARGV[2], ARGV[3]
if redis.call('HEXISTS', K_leases, rid) == 0 then return -1 end
if redis.call('SADD', K_job_seen(job_id(rid)), fp) == 0 then return 0 end
redis.call('SADD', K_lease_claims(rid), fp)
return 1
