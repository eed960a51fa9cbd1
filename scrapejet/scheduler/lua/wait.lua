local answers, prefix, ttl = ARGV[1], ARGV[2], ARGV[3]
local out = {}
for i = 4, #ARGV, 2 do
  local answer = redis.call('HGET', answers, ARGV[i])
  if answer then
    out[#out + 1] = answer
  else
    local waiting = prefix .. ARGV[i]
    redis.call('RPUSH', waiting, ARGV[i + 1])
    redis.call('EXPIRE', waiting, ttl)
    out[#out + 1] = '?'
  end
end
return out
