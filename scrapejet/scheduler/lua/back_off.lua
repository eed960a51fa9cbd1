local key = ARGV[1] .. 'host:' .. ARGV[2] .. ':next'
local untill = tonumber(ARGV[3])
local cur = tonumber(redis.call('GET', key) or '0')
if untill > cur then
  redis.call('SET', key, untill, 'PXAT', math.ceil(untill * 1000) + 1000)
  return 1
end
return 0
