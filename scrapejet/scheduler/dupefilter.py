"""Per-job dupefilter: the same URL is crawled once per job, and again by another job.

Admission of new requests deduplicates inside the queue's push script (so a
request is never marked seen without being queued), and a redirect target
is marked seen by its lease's claim (``RequestQueue.claim``: undone if the
lease goes back to the queue). This class is scrapy-redis's dupefilter
over the same per-job sets, for code that asks Scrapy's dupefilter."""

from __future__ import annotations

import logging

from scrapy_redis.dupefilter import RFPDupeFilter

from ..keys import Keys
from .requests import request_fingerprint

logger = logging.getLogger(__name__)


class JobDupeFilter(RFPDupeFilter):
    def __init__(self, server, keys: Keys, debug: bool = False):
        super().__init__(server, key=keys.job_seen("%(job)s"), debug=debug)
        self.keys = keys

    @classmethod
    def from_settings(cls, settings):
        raise TypeError("JobDupeFilter is built by the ScrapeJET scheduler, with its Redis connection")

    def request_fingerprint(self, request) -> str:
        return request_fingerprint(request)

    def request_seen(self, request) -> bool:
        job_id = request.meta.get("job_id")
        if not job_id:
            return False
        added = self.server.sadd(self.keys.job_seen(job_id), self.request_fingerprint(request))
        return added == 0

    def clear(self) -> None:
        # Each job's keys are removed when that job ends; a closing worker
        # must never drop the dupefilters of jobs other workers still run.
        pass

    def close(self, reason: str = "") -> None:
        pass
