"""The download side: how a request reaches its host.

``resolver`` (host overrides for Twisted's DNS and Chromium, and the lookups
the API's address checks use), ``rendering`` (the download handler: Scrapy's
HTTP/1.1, or headless Chromium for a job that renders JavaScript) and
``backoff`` (a 429 or 503 pauses its host for every worker). Per-host
concurrency and delay are decided when a request is leased, in the queue's
scripts (``scrapejet.scheduler.redisqueue``)."""
