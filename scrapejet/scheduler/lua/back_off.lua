local key, untill = ARGV[1], tonumber(ARGV[2])
local cur = tonumber(redis.call('GET', key) or '0')
if untill > cur then
  redis.call('SET', key, untill, 'PXAT', math.ceil(untill * 1000) + 1000)
  return 1
end
return 0
