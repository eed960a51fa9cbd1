"""Spider middlewares of the project (see SPIDER_MIDDLEWARES in settings)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured

from .urls import drop_query_params, query_param_filter


class TrackingParamsMiddleware:
    """Followed links lose their tracking parameters (``utm_*``, ``gclid``,
    ``fbclid``…): ``/c/drills/?utm_source=home`` and ``/c/drills/`` are one
    page, fetched, counted against ``max_pages`` and stored once.

    ``SCRAPEJET_TRACKING_PARAMS`` lists the names; a name ending in ``*``
    is a prefix. An empty list turns this off. The request is rewritten, never
    dropped: every request a response yields still reaches the scheduler
    (the lease of the response is acknowledged on that)."""

    def __init__(self, names: frozenset[str], prefixes: tuple[str, ...]):
        self.names = names
        self.prefixes = prefixes

    @classmethod
    def from_crawler(cls, crawler) -> TrackingParamsMiddleware:
        names, prefixes = query_param_filter(crawler.settings.getlist("SCRAPEJET_TRACKING_PARAMS"))
        if not names and not prefixes:
            raise NotConfigured("SCRAPEJET_TRACKING_PARAMS is empty")
        return cls(names, prefixes)

    def _clean(self, result: Any) -> Any:
        if isinstance(result, Request) and "?" in result.url:
            url = drop_query_params(result.url, self.names, self.prefixes)
            if url != result.url:
                return result.replace(url=url)
        return result

    def process_spider_output(self, response, result: Iterable[Any]) -> Iterable[Any]:
        for item in result:
            yield self._clean(item)

    async def process_spider_output_async(self, response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in result:
            yield self._clean(item)
