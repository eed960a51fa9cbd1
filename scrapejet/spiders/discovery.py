"""Pages a site lists for crawlers: sitemaps named in robots.txt and the
entries of sitemap files (plain, gzipped, or indexes of sitemaps). Shared
by the spiders that look beyond links."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from protego import Protego
from scrapy.http import TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

logger = logging.getLogger(__name__)


def robots_sitemaps(response) -> list[str]:
    """Absolute URLs of the sitemaps a robots.txt response names."""
    if response.status != 200:
        return []
    text = response.text if isinstance(response, TextResponse) else response.body.decode("utf-8", "replace")
    return [response.urljoin(url) for url in Protego.parse(text).sitemaps]


def sitemap_entries(response, max_size: int) -> Iterator[tuple[str, bool]]:
    """(absolute URL, is a child sitemap) for each entry of a sitemap
    response, in document order; nothing for a missing or invalid one."""
    if response.status != 200:
        return
    body = response.body
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body, max_size=max_size)
    try:
        sitemap = Sitemap(body)
    except Exception:
        logger.info("Not a sitemap: %s", response.url)
        return
    is_index = sitemap.type == "sitemapindex"
    for entry in sitemap:
        loc = (entry.get("loc") or "").strip()
        if loc:
            yield response.urljoin(loc), is_index
