"""The ``generic`` spider: crawl one site, store every HTML page.

    scrapy crawl generic -a url=https://site -a max_pages=100 -a max_depth=3 -O pages.jsonl
"""

from __future__ import annotations

import time
from typing import Any

import scrapy

from ..extract.page import extract_page
from .reading import ExtractionCrashed
from ..items import BusinessPageItem, PageItem
from ..scheduler.outcomes import Outcome
from ..scheduler.roles import PAGE, SITEMAP
from ..urls import site_host, url_pattern
from .base import ScrapeJetSpider
from .discovery import robots_sitemaps, sitemap_entries


# The pages a business profile is read from: the start page and those whose
# address names a contact, about or legal role ("/kontakt", "/impressum").
# They are read with their contact data too (a ``BusinessPageItem``), so
# that questions about a crawled site's e-mail, phone or address are answered
# from its profile (``insights``) without a business job.
PROFILE_ROLES = frozenset({"home", "contact", "about", "legal", "privacy", "terms"})


class GenericSpider(ScrapeJetSpider):
    name = "generic"
    kind = "crawl"
    # one site: links and redirects off it are not followed (download.scope)
    keeps_to_site = True
    spec_args = (
        "max_pages", "max_depth", "include", "exclude", "render_js", "priority", "subdomains",
    )

    # -- pages ------------------------------------------------------------------
    async def _page(self, response, job):
        depth = response.meta.get("depth", 0)
        url = (response.meta.get("redirect_urls") or [response.request.url])[0]
        scope = self.moved_to(response, job)
        failure = self.not_html(response, job)
        if failure is not None:
            yield failure
            return
        from ..extract.roles import is_location_page, page_role

        # (a "how to get here" page is read as a contact page, as the business
        # spider reads it: it is where a site without one gives its address)
        role = "home" if depth == 0 else page_role(response.url) or ("contact" if is_location_page(response.url) else None)
        contacts = None
        try:
            if role in PROFILE_ROLES:
                from ..extract.contacts import read_business_page

                data, contacts = await self.pages.run(
                    read_business_page, response.body, response.url, role=role, encoding=response.encoding)
            else:
                data = await self.pages.run(extract_page, response.body, response.url, encoding=response.encoding)
        except ExtractionCrashed as exc:
            yield self.read_failed(response, job, exc)
            return
        reason = self.render_reason(response, job, data)
        if reason is not None:
            rendered = self._follow(response.url, job, depth, scope=scope)
            if rendered is not None:
                rendered.meta.update(playwright=True, render_reason=reason)
                yield rendered.replace(dont_filter=True)  # this page, drawn by its scripts in Chromium
                yield Outcome.AUX  # its plain copy is no page
                return
        page = dict(job_id=job.job_id, url=url, final_url=response.url, status=response.status,
                    depth=depth, fetched_at=time.time(), site=site_host(job.spec["url"]), **data)
        if contacts is None:
            yield PageItem(**page)
        else:
            yield BusinessPageItem(**{**page, "page_type": role}, contacts=contacts)
        robots = (data.get("meta") or {}).get("robots") or ""
        if depth >= job.spec.get("max_depth", 0) or "nofollow" in robots:
            return
        for link in data["links"]["internal"]:
            request = self._follow(link, job, depth + 1, scope=scope)
            if request is not None:
                yield request

    def _follow(self, url: str, job, depth: int, role: str = PAGE, *,
                scope: str | None = None) -> scrapy.Request | None:
        spec = job.spec
        if depth > spec.get("max_depth", 0) and role == PAGE:
            return None
        if len(url) > self.max_url_length:
            return None
        if not self.in_job_scope(url, job, scope):
            return None
        if role == PAGE:
            if spec.get("include") and not url_pattern(spec["include"]).search(url):
                return None
            if spec.get("exclude") and url_pattern(spec["exclude"]).search(url):
                return None
        meta: dict[str, Any] = {"job_id": job.job_id, "depth": depth, "role": role}
        if role == PAGE and spec.get("render_js") is True:
            meta["playwright"] = True
        if scope:
            meta["scope"] = scope
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta)

    # -- discovery ----------------------------------------------------------------
    def _from_robots(self, response, job):
        scope = self.moved_to(response, job)
        for url in robots_sitemaps(response):
            request = self._follow(url, job, 1, role=SITEMAP, scope=scope)
            if request is not None:
                yield request

    def _from_sitemap(self, response, job):
        # A sitemap can list far more pages than the job may crawl; past the
        # budget the extra URLs would only wait in the overflow.
        budget = job.spec.get("max_pages", 100)
        max_size = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        scope = self.moved_to(response, job)
        for n, (url, is_index) in enumerate(sitemap_entries(response, max_size)):
            if is_index:
                request = self._follow(url, job, 1, role=SITEMAP, scope=scope)
            else:
                if n >= budget:
                    break
                request = self._follow(url, job, 1, scope=scope)
            if request is not None:
                yield request
