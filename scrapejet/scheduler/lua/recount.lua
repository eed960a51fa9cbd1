-- Count a frontier's queued requests by priority again, from its host
-- queues (after clear-jobs dropped host queues of jobs whose record is gone,
-- whose priority nobody knows any more). ARGV: prefix, frontier.
local q = ARGV[2]
local totals = {}
for _, key in ipairs({q, K_queue_delayed(q)}) do
  for _, id in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    local jid, host = split_id(id)
    local prio = priority_of(K_job(jid))
    totals[prio] = (totals[prio] or 0) + redis.call('LLEN', K_host_queue(jid, host))
  end
end
local counts = K_queue_counts(q)
redis.call('DEL', counts)
for prio, total in pairs(totals) do
  if total > 0 then redis.call('HSET', counts, prio, total) end
end
return 1
