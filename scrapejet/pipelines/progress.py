"""Counts items per job in the job record, for progress reports."""

from __future__ import annotations

from ..scheduler.worker import Worker


class ProgressPipeline:
    def __init__(self, worker: Worker):
        self.worker = worker

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.get_extension(Worker))

    def process_item(self, item, spider=None):
        job_id = getattr(item, "job_id", None)
        if job_id:
            self.worker.server.hincrby(self.worker.keys.job(job_id), "items", 1)
        return item
