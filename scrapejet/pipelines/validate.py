"""Drop items that would store nonsense, with the reason in the log and stats."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from ..items import BacklinkItem, PageItem


class ValidatePipeline:
    def process_item(self, item, spider=None):
        if isinstance(item, PageItem):
            if not item.job_id or not item.url.startswith(("http://", "https://")):
                raise DropItem(f"page without job or http(s) URL: {item.url!r}")
            if not item.content_hash:
                raise DropItem(f"page without content hash: {item.url}")
        elif isinstance(item, BacklinkItem):
            if not item.job_id or not item.target_domain or not all(
                    u.startswith(("http://", "https://")) for u in (item.source_url, item.target_url)):
                raise DropItem(f"backlink without job, target or http(s) URLs: {item.source_url!r} -> {item.target_url!r}")
        return item
