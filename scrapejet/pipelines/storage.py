"""Writes pages and failures to storage (idempotent upserts)."""

from __future__ import annotations

from dataclasses import asdict

from ..items import PageItem
from ..scheduler.worker import Worker


class StoragePipeline:
    def __init__(self, storage):
        self.storage = storage

    @classmethod
    def from_crawler(cls, crawler):
        # The worker's storage: one engine (and SQLite connection pool) per process.
        return cls(crawler.get_extension(Worker).storage)

    def process_item(self, item, spider=None):
        if isinstance(item, PageItem):
            self.storage.upsert_page(asdict(item))
        return item
