local jid, now = ARGV[2], ARGV[3]
local jk = P .. 'job:' .. jid
local st = redis.call('HGET', jk, 'status')
if not st then return -1 end
if not is_live(st) then return 0 end
local q = redis.call('HGET', jk, 'queue')
for _, rid in ipairs(redis.call('SMEMBERS', P .. 'job:' .. jid .. ':queued')) do
  redis.call('ZREM', q, rid)
  redis.call('HDEL', P .. 'requests', rid)
end
local ov = P .. 'job:' .. jid .. ':overflow'
for _, rid in ipairs(redis.call('ZRANGE', ov, 0, -1)) do redis.call('HDEL', P .. 'requests', rid) end
redis.call('DEL', ov, P .. 'job:' .. jid .. ':queued', P .. 'job:' .. jid .. ':seen')
redis.call('HSET', jk, 'status', 'cancelled', 'finished_at', now, 'queued', 0)
redis.call('PUBLISH', P .. 'events', jid .. ' cancelled')
if wants_event(jk, 'job.cancelled') then emit(jk, jid, 'job.cancelled', now) end
return 1
