"""A meta refresh that names the page itself is a reload, not a move.

Scrapy's ``MetaRefreshMiddleware`` follows every ``<meta http-equiv="refresh">``
shorter than ``METAREFRESH_MAXDELAY``, so a page that refreshes to its own
address (a GitHub Pages "redirect" copy served under the name it points to, a
status board reloading itself) becomes a redirect to itself, and the crawl
records a redirect loop where a browser shows the page. Here such a page is
kept as fetched; every other meta refresh is Scrapy's."""

from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.response import get_meta_refresh

from ..urls import canonical_url


class SelfRefreshAwareMetaRefreshMiddleware(MetaRefreshMiddleware):
    def process_response(self, request, response, spider=None):
        if isinstance(response, HtmlResponse):
            _, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
            if url and canonical_url(url) == canonical_url(response.url):
                return response
        return super().process_response(request, response)
