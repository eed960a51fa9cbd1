local jid, now = ARGV[2], ARGV[3]
local jk = K_job(jid)
local st = redis.call('HGET', jk, 'status')
if not st then return -1 end
if not is_live(st) then return 0 end
drop_queued(jk, jid)
redis.call('DEL', K_job_seen(jid))
redis.call('HSET', jk, 'status', 'cancelled', 'finished_at', now, 'queued', 0)
redis.call('PUBLISH', K_events, jid .. ' cancelled')
if wants_event(jk, 'job.cancelled') then emit(jk, jid, 'job.cancelled', now) end
return 1
