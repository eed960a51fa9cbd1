local probes, waiting, ttl, fp = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('HSETNX', probes, fp, ARGV[5])
redis.call('EXPIRE', probes, ttl)
return {redis.call('HGET', probes, fp), redis.call('LRANGE', waiting, 0, -1)}
