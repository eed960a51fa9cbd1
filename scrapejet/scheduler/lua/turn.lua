-- A host's turn, taken when a request is about to be sent to it, and its
-- answer noted. The lease script paces leases (host_next), but a leased
-- request may wait in its worker (behind robots.txt, for a download slot)
-- and a redirect or retry is sent without a new lease: what the host sees is
-- when requests arrive, so that is where its delay and its 429/503 pause
-- hold, for every worker. A request arrives somewhere between its turn and
-- its answer (given as its time less what the answer surely took: the
-- host's fastest answer, see politeness.AnswerTimes), so the next turn
-- comes `delay` after the later of the two:
-- no request reaches the host closer than `delay` to the one before,
-- however long a worker took to send it. The answer also moves the host's
-- next lease that late, so no lease is handed out only to wait for its turn.
-- ARGV: the host's last-send key (Keys.host_sent), its pause key
-- (Keys.host_paused), its next-lease key (Keys.host_next), now, delay (s),
-- then 'turn' or 'answered'.
-- 'turn' returns 0 (taken now) or the milliseconds to wait; 'answered'
-- moves the last send to now (never back) and returns 0.
local sent_key, paused_key, next_key = ARGV[1], ARGV[2], ARGV[3]
local now, delay, op = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local sent = tonumber(redis.call('GET', sent_key) or '0')
local ttl = math.ceil(delay * 1000) + 1000
if op == 'turn' then
  local ready = math.max(sent + delay, tonumber(redis.call('GET', paused_key) or '0'))
  if ready > now then return math.max(1, math.ceil((ready - now) * 1000)) end
elseif now <= sent then
  return 0
elseif tonumber(redis.call('GET', next_key) or '0') < now + delay then
  redis.call('SET', next_key, now + delay, 'PX', ttl)
end
redis.call('SET', sent_key, now, 'PX', ttl)
return 0
