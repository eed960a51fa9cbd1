"""The ``generic`` spider: crawl one site, store every HTML page.

    scrapy crawl generic -a url=https://site -a max_pages=100 -a max_depth=3 -O pages.jsonl
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from protego import Protego
from scrapy.http import TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from ..extract import extract_page
from ..items import FailureItem, PageItem
from ..scheduler.redisqueue import AUX, CRAWLED, SKIPPED
from ..scheduler.requests import PAGE, ROBOTS, SITEMAP
from ..urls import in_scope, site_host
from .base import ScrapeJetSpider


class GenericSpider(ScrapeJetSpider):
    name = "generic"
    kind = "crawl"
    spec_args = (
        "max_pages", "max_depth", "include", "exclude", "render_js", "priority", "subdomains",
    )

    async def handle(self, response, job) -> AsyncIterator[Any]:
        role = response.meta.get("role", PAGE)
        rid = response.meta.get("scrapejet_rid")
        if role == ROBOTS:
            self.worker.set_outcome(rid, AUX)
            for request in self._from_robots(response, job):
                yield request
        elif role == SITEMAP:
            self.worker.set_outcome(rid, AUX)
            for request in self._from_sitemap(response, job):
                yield request
        else:
            for output in self._page(response, job):
                yield output

    # -- pages ------------------------------------------------------------------
    def _page(self, response, job):
        rid = response.meta.get("scrapejet_rid")
        depth = response.meta.get("depth", 0)
        url = (response.meta.get("redirect_urls") or [response.request.url])[0]
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
        if not isinstance(response, TextResponse) or (ctype and not ctype.startswith(self.html_types)):
            self.worker.record_failure(rid, FailureItem(
                job_id=job.job_id, url=url, final_url=response.url, status=response.status,
                reason=f"not an HTML page ({ctype or 'unknown content type'})", outcome=SKIPPED,
                depth=depth, fetched_at=time.time(),
            ))
            return
        data = extract_page(response.body, response.url, encoding=response.encoding)
        self.worker.set_outcome(rid, CRAWLED)
        yield PageItem(
            job_id=job.job_id, url=url, final_url=response.url, status=response.status,
            depth=depth, fetched_at=time.time(), site=site_host(job.spec["url"]), **data,
        )
        robots = (data.get("meta") or {}).get("robots") or ""
        if depth >= job.spec.get("max_depth", 0) or "nofollow" in robots:
            return
        for link in data["links"]["internal"]:
            request = self._follow(link, job, depth + 1)
            if request is not None:
                yield request

    def _follow(self, url: str, job, depth: int, role: str = PAGE) -> scrapy.Request | None:
        spec = job.spec
        if depth > spec.get("max_depth", 0) and role == PAGE:
            return None
        if len(url) > self.max_url_length:
            return None
        if not in_scope(url, spec["url"], subdomains=spec.get("subdomains", False)):
            return None
        if role == PAGE:
            if spec.get("include") and not re.search(spec["include"], url):
                return None
            if spec.get("exclude") and re.search(spec["exclude"], url):
                return None
        meta: dict[str, Any] = {"job_id": job.job_id, "depth": depth, "role": role}
        if role == PAGE and spec.get("render_js"):
            meta["playwright"] = True
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta)

    # -- discovery ----------------------------------------------------------------
    def _from_robots(self, response, job):
        if response.status != 200:
            return
        robots = Protego.parse(response.text if isinstance(response, TextResponse) else response.body.decode("utf-8", "replace"))
        for url in robots.sitemaps:
            request = self._follow(response.urljoin(url), job, 1, role=SITEMAP)
            if request is not None:
                yield request

    def _from_sitemap(self, response, job):
        if response.status != 200:
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            sitemap = Sitemap(body)
        except Exception:
            self.logger.info("Not a sitemap: %s", response.url)
            return
        # A sitemap can list far more pages than the job may crawl; past the
        # budget the extra URLs would only wait in the overflow.
        budget = job.spec.get("max_pages", 100)
        for n, entry in enumerate(sitemap):
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                request = self._follow(response.urljoin(loc), job, 1, role=SITEMAP)
            else:
                if n >= budget:
                    break
                request = self._follow(response.urljoin(loc), job, 1)
            if request is not None:
                yield request
