local answers, waiting, ttl, name = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('HSETNX', answers, name, ARGV[5])
redis.call('EXPIRE', answers, ttl)
return {redis.call('HGET', answers, name), redis.call('LRANGE', waiting, 0, -1)}
