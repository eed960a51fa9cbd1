"""A job's crawl keeps to its site, redirects included.

The spiders keep to the job's site when they follow links
(``ScrapeJetSpider.in_job_scope``); a redirect is the other way off it: a
page of the site answering 301 to another business's shop. This is
Scrapy's ``OffsiteMiddleware`` for ScrapeJET, where the scope is each job's
(its spec and the site its start moved to) rather than the spider's
``allowed_domains``: a redirect hop off the site is dropped before it is
sent, and recorded as skipped with the place it pointed to.

A redirect of the job's start (its start page, robots.txt or a sitemap)
is not dropped: that is the site having moved (``moved_to``)."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached

from ..scheduler.roles import PAGE


class JobScopeMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        meta = request.meta
        if not meta.get("redirect_urls") or meta.get("seed") or meta.get("role", PAGE) != PAGE:
            return None
        spider = self.crawler.spider
        if not getattr(spider, "keeps_to_site", False):
            return None  # the backlink spider crosses sites on purpose
        job = spider.runtime.job(meta.get("job_id"))
        if job is None or spider.in_job_scope(request.url, job, meta.get("scope")):
            return None
        raise IgnoreRequest(f"redirects off the site (to {urlparse_cached(request).hostname})")
