local seen, counts, cap, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local out = {}
for i = 5, #ARGV, 2 do
  if redis.call('SISMEMBER', seen, ARGV[i]) == 1 then
    out[#out + 1] = 1
  elseif tonumber(redis.call('HGET', counts, ARGV[i + 1]) or '0') >= cap then
    out[#out + 1] = 0
  else
    redis.call('HINCRBY', counts, ARGV[i + 1], 1)
    out[#out + 1] = 1
  end
end
redis.call('EXPIRE', counts, ttl)
return out
