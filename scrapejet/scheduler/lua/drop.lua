-- clear-jobs: drop what jobs that are over left queued. ARGV: prefix, the
-- frontier the ids are in ('' for none), dry run ('1'), 'hq' then host queue
-- ids (job|host) or 'overflow' then job ids. Requests of a live job are
-- never touched; leased ones are not queued. Returns the requests dropped.
local q, dry, what = ARGV[2], ARGV[3] == '1', ARGV[4]
local n = 0
local function over(jid) return not is_live(redis.call('HGET', K_job(jid), 'status')) end
for i = 5, #ARGV do
  if what == 'hq' then
    local jid, host = split_id(ARGV[i])
    if jid and over(jid) then
      local hq = K_host_queue(jid, host)
      n = n + redis.call('LLEN', hq)
      if not dry then
        redis.call('DEL', hq)
        redis.call('SREM', K_job_hosts(jid), host)
        if q ~= '' then
          redis.call('ZREM', q, ARGV[i])
          redis.call('ZREM', K_queue_delayed(q), ARGV[i])
        end
      end
    end
  elseif over(ARGV[i]) then
    local ov = K_job_overflow(ARGV[i])
    n = n + redis.call('LLEN', ov)
    if not dry then redis.call('DEL', ov, K_job_hosts(ARGV[i])) end
  end
end
return n
