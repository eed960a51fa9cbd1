-- No lease for the host before `until`, and nothing sent to it before then
-- by any worker (turn.lua): keeps a later pause already set.
-- ARGV: the host's next-lease key (Keys.host_next), its pause key
-- (Keys.host_paused), until.
local until_ = tonumber(ARGV[3])
local changed = 0
for i = 1, 2 do
  local cur = tonumber(redis.call('GET', ARGV[i]) or '0')
  if until_ > cur then
    redis.call('SET', ARGV[i], until_, 'PXAT', math.ceil(until_ * 1000) + 1000)
    changed = 1
  end
end
return changed
