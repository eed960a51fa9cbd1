"""The download side: how a request reaches its host.

``resolver`` (host overrides for Twisted's DNS and Chromium, and the lookups
the API's address checks use), ``rendering`` (the download handler: Scrapy's
HTTP/1.1, or headless Chromium for a job that renders JavaScript) and
``politeness`` (each request takes its host's turn as it is sent, so the
per-host delay and a 429/503 pause hold where the host sees them). Per-host
concurrency is decided when a request is leased, in the queue's scripts
(``scrapejet.scheduler.redisqueue``), which also pace leases."""
