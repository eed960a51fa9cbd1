"""Counts items per job in the job record, for progress reports.

The count travels with the acknowledgement of the item's lease (one Redis
call per batch of leases), so it is exact even when a worker dies: an item
of a lease that is crawled again is counted once, by the ack that lands."""

from __future__ import annotations

from ..items import BacklinkSourceItem
from ..scheduler.worker import Worker


class ProgressPipeline:
    def __init__(self, worker: Worker):
        self.worker = worker

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.get_extension(Worker))

    def process_item(self, item, spider=None):
        # A page a backlink job crawled counts as crawled (its lease
        # outcome), not as a result: the job's items are its backlinks.
        if not isinstance(item, BacklinkSourceItem):
            self.worker.count_item(item)
        return item
