"""Distributed scheduling: scrapy-redis based scheduler over a leased Redis queue.

``scheduler.Scheduler`` (SCHEDULER), ``queue.LeasedPriorityQueue``
(SCHEDULER_QUEUE_CLASS), ``dupefilter.JobDupeFilter`` (DUPEFILTER_CLASS),
``serializer`` (SCHEDULER_SERIALIZER), ``worker.Worker`` (extension),
``redisqueue`` (the Lua scripts), ``requests`` (ids and encoding)."""
