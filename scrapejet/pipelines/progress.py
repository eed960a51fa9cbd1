"""Counts items per job in the job record, for progress reports, and says
which stored pages a job's webhook wants to hear of (``job.page``).

The count travels with the acknowledgement of the item's lease (one Redis
call per batch of leases), so it is exact even when a worker dies: an item
of a lease that is crawled again is counted once, by the ack that lands.
This pipeline runs after storage, so a page it reports is stored."""

from __future__ import annotations

import json

from ..items import BacklinkSourceItem, PageItem
from ..runtime import CrawlerRuntime
from ..scheduler.worker import Worker


class ProgressPipeline:
    def __init__(self, worker: Worker, runtime: CrawlerRuntime):
        self.worker = worker
        self.runtime = runtime

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.get_extension(Worker), crawler.get_extension(CrawlerRuntime))

    def process_item(self, item, spider=None):
        # A page a backlink job crawled counts as crawled (its lease
        # outcome), not as a result: the job's items are its backlinks.
        if not isinstance(item, BacklinkSourceItem):
            self.worker.count_item(item, page_event(item) if self._reports_pages(item) else None)
        return item

    def _reports_pages(self, item) -> bool:
        """Does the item's job's webhook ask for job.page? From the briefly
        cached record: no Redis call per page."""
        if not isinstance(item, PageItem):
            return False
        job = self.runtime.job(item.job_id)
        return job is not None and job.wants_event("job.page")


def page_event(item: PageItem) -> str:
    """What a job.page webhook says about a stored page: where it is and
    what it is, not its content (GET /scrape/{id}/result has that). One
    line of JSON (json.dumps escapes newlines)."""
    return json.dumps({
        name: getattr(item, name)
        for name in ("url", "final_url", "status", "depth", "title", "word_count", "content_hash", "fetched_at")
    })
