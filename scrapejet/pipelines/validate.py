"""Drop items that would store nonsense, with the reason in the log and stats."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from ..items import PageItem


class ValidatePipeline:
    def process_item(self, item, spider=None):
        if isinstance(item, PageItem):
            if not item.job_id or not item.url.startswith(("http://", "https://")):
                raise DropItem(f"page without job or http(s) URL: {item.url!r}")
            if not item.content_hash:
                raise DropItem(f"page without content hash: {item.url}")
        return item
