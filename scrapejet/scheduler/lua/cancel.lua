local jid, now = ARGV[2], ARGV[3]
local jk = K_job(jid)
local st = redis.call('HGET', jk, 'status')
if not st then return -1 end
if not is_live(st) then return 0 end
local q = redis.call('HGET', jk, 'queue')
for _, rid in ipairs(redis.call('SMEMBERS', K_job_queued(jid))) do
  redis.call('ZREM', q, rid)
  redis.call('HDEL', K_requests, rid)
end
local ov = K_job_overflow(jid)
for _, rid in ipairs(redis.call('ZRANGE', ov, 0, -1)) do redis.call('HDEL', K_requests, rid) end
redis.call('DEL', ov, K_job_queued(jid), K_job_seen(jid))
redis.call('HSET', jk, 'status', 'cancelled', 'finished_at', now, 'queued', 0)
redis.call('PUBLISH', K_events, jid .. ' cancelled')
if wants_event(jk, 'job.cancelled') then emit(jk, jid, 'job.cancelled', now) end
return 1
