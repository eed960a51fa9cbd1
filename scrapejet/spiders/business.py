"""The ``business`` spider: a company's business pages and its contact profile.

    scrapy crawl business -a url=https://company.example -O profile.jsonl
    scrapy crawl business -a url=https://company.example -a pages_to_scrape=/,/about,/contact

Discovery, not a fixed list: the home page's links (nav, footer, anywhere)
are matched to roles (about, contact, legal notice, privacy, ...) by their
text and URL in the common languages of business sites; pages found that way
are searched the same way once more (a legal notice linked only from the
contact page); robots.txt sitemaps and ``/sitemap.xml`` add pages whose URL
says their role. Only roles no link revealed get a guessed path
(``/impressum``, ``/contact``...), and a guess that answers 404, or lands on
the home page or an error page, is not a page. Last come the home page's
other pages (``menu_pages``, ``SCRAPEJET_BUSINESS_MENU_PAGES`` of them):
a small business puts a second e-mail or its only address on any page.
``pages_to_scrape`` replaces discovery. ``max_pages`` (25) bounds it all.

Every fetched page is a ``BusinessPageItem`` (stored like any page, with its
``page_type`` and what it says about the company); when the job's last
request is acknowledged, the worker that acknowledged it emits the job's
``BusinessProfileItem`` (merged from the stored pages) through the
pipelines, so ``-O`` feeds hold the profile. By default feeds take only
profiles; ``-s SCRAPEJET_BUSINESS_FEED=pages`` (or ``all``) changes that.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

import scrapy
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError

from .reading import ExtractionCrashed
from ..items import BusinessPageItem, BusinessProfileItem
from ..signals import job_ended
from ..scheduler.outcomes import Outcome
from ..scheduler.roles import PAGE, SITEMAP
from ..scheduler.waits import UNKNOWN, JobWaits
from ..urls import canonical_url, site_host
from .base import ScrapeJetSpider
from .discovery import robots_sitemaps, sitemap_entries
from .feeds import restrict_feeds

logger = logging.getLogger(__name__)

# Roles worth a guessed path when no link reveals them: the pages that hold
# contact details, legal identity and policies. (Team, careers, services
# pages are found by links or not at all.)
FALLBACK_ROLES = ("contact", "about", "legal", "privacy", "terms")
FALLBACKS_PER_ROLE = 2
# Pages at this depth or less are searched for more business pages.
DISCOVERY_DEPTH = 1
# A guessed path that answers 200 with one of these in its title is a
# "not found" page in disguise (a soft 404), not the role's page.
SOFT_404 = re.compile(
    r"\b(404|not found|page not found|nicht gefunden|introuvable|no encontrad[ao]|non trovat[ao]|"
    r"niet gevonden|não encontrad[ao])\b",
    re.I,
)
# discovery_rank of a page: RANK_STEP per level below the home page (0);
# within a level, a role's links first, then sitemap entries, then guesses.
RANK_STEP = 100
RANK_SITEMAP = 50
RANK_FALLBACK = 80
RANK_STAND_IN = 90
# The home page's other pages (menu_pages) rank after every role page, at
# any depth: the role pages say most, these fill in what they leave out.
RANK_MENU = 10 * RANK_STEP
# What sitemap entries wait for (scheduler.waits): the home page's links queued.
HOME_READ = "home-read"
FEED_ITEMS = {
    "profile": ["scrapejet.items.BusinessProfileItem"],
    "pages": ["scrapejet.items.BusinessPageItem"],
}


class BusinessSpider(ScrapeJetSpider):
    name = "business"
    kind = "business"
    # one site: links and redirects off it are not followed (download.scope)
    keeps_to_site = True
    spec_args = ("pages_to_scrape", "max_pages", "render_js", "priority")

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        # `-O profile.jsonl` (and scrapyd's items file) get the profile, not
        # every page, unless the user said otherwise per feed or in the setting.
        restrict_feeds(settings, "SCRAPEJET_BUSINESS_FEED", FEED_ITEMS, "profile")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.menu_limit = crawler.settings.getint("SCRAPEJET_BUSINESS_MENU_PAGES")
        crawler.signals.connect(spider.job_ended, signal=job_ended)
        return spider

    @property
    def waits(self) -> JobWaits:
        if getattr(self, "_waits", None) is None:
            runtime = self.runtime
            self._waits = JobWaits(runtime.server, runtime.keys, ttl=runtime.jobs.queue.job_ttl)
        return self._waits

    # -- responses -------------------------------------------------------------
    def _from_robots(self, response, job):
        scope = self.moved_to(response, job)
        for url in robots_sitemaps(response):
            request = self._request(url, job, 1, role=SITEMAP, scope=scope)
            if request is not None:
                yield request

    async def _page(self, response, job):
        depth = response.meta.get("depth", 0)
        url = (response.meta.get("redirect_urls") or [response.request.url])[0]
        if response.meta.get("fallback") and not isinstance(response, TextResponse):
            yield Outcome.AUX  # a guessed path serving a file: not a page
            return
        home = depth == 0 and response.meta.get("page_type") == "home"
        failure = self.not_html(response, job)
        if failure is not None:
            yield failure
            if home:
                for request in self._home_read(job):
                    yield request
            return
        from ..extract.contacts import read_business_page
        from ..extract.roles import OTHER_PAGE, page_role

        page_type = response.meta.get("page_type") or page_role(response.url) or OTHER_PAGE
        try:
            data, contacts = await self.pages.run(
                read_business_page, response.body, response.url, role=page_type, encoding=response.encoding)
        except ExtractionCrashed as exc:
            yield self.read_failed(response, job, exc)
            if home:
                for request in self._home_read(job):
                    yield request
            return
        if response.meta.get("fallback") and self._not_a_page(response, job, data):
            yield Outcome.AUX
            return
        rendered = self._render_again(response, job, data)
        if rendered is not None:
            yield rendered  # this page, drawn by its scripts in Chromium; its plain copy is no page
            yield Outcome.AUX
            return
        if response.meta.get("render_reason"):
            contacts["rendered"] = response.meta["render_reason"]
        yield BusinessPageItem(
            job_id=job.job_id, url=url, final_url=response.url, status=response.status,
            depth=depth, fetched_at=time.time(), site=site_host(job.spec["url"]),
            **{**data, "page_type": page_type}, contacts=contacts,
            discovery_rank=response.meta.get("discovery_rank", RANK_STEP * (depth + 1) - 1),
        )
        if job.spec.get("pages_to_scrape") or depth > DISCOVERY_DEPTH:
            return
        for request in self._discover(response, job, depth, page_type, data):
            yield request
        if home:
            for request in self._home_read(job):
                yield request

    def _render_again(self, response, job, data) -> scrapy.Request | None:
        """With ``render_js=auto``, the same page for Chromium when its HTML
        looks drawn by script (``render_reason``), once. A menu page (``other``)
        is read as served: Chromium's seconds go to the pages that say who
        the business is."""
        from ..extract.roles import OTHER_PAGE

        if response.meta.get("page_type") == OTHER_PAGE:
            return None
        reason = self.render_reason(response, job, data)
        if reason is None:
            return None
        meta = response.meta
        request = self._request(response.url, job, meta.get("depth", 0), page_type=meta.get("page_type"),
                                fallback=bool(meta.get("fallback")), rank=meta.get("discovery_rank"),
                                scope=self.moved_to(response, job))
        if request is None:
            return None
        request.meta.update(playwright=True, render_reason=reason)
        return request.replace(dont_filter=True)

    def _not_a_page(self, response, job, data) -> bool:
        """A guessed path that did not 404 but is no page of its own: it
        redirected to the home page, or says "not found"."""
        home = {canonical_url(job.spec["url"]), canonical_url(response.urljoin("/"))}
        if canonical_url(response.url) in home:
            return True
        return bool(SOFT_404.search(data.get("title") or ""))

    def _discover(self, response, job, depth: int, page_type: str, data):
        from ..extract.links import extract_links
        from ..extract.roles import (
            OTHER_PAGE, discover_role_pages, fallback_paths, is_home_path, is_location_page, language_homes, link_suffix,
            menu_pages,
        )

        links = extract_links(response.body, response.url)
        found = discover_role_pages(links, response.url)
        scope = self.moved_to(response, job)
        # Ranks: pages found from shallower pages first; per role, the links
        # that name it best, then sitemap entries, then guessed paths.
        base = RANK_STEP * (depth + 1)
        stand_ins = found.pop("booking", [])
        for role, urls in found.items():
            if role == "home":
                continue
            for index, link in enumerate(urls):
                # a booking page standing in for the contact page ranks after
                # the contact page guessed below, which replaces it if it exists
                rank = base + (RANK_STAND_IN if link in stand_ins else 0) + index
                request = self._request(link, job, depth + 1, page_type=role, rank=rank, scope=scope)
                if request is not None:
                    yield request
        if depth > 0:
            return
        if page_type == "home" and not is_home_path(response.url):
            # the start sent us on to a section ("/" -> "/reparaties.html"):
            # the page its menu calls "Home" is the site's home page too
            for index, link in enumerate(found.get("home", [])[:1]):
                request = self._request(link, job, 0, page_type="home", rank=index + 1, scope=scope)
                if request is not None:
                    yield request
        homes = language_homes(links, response.url)
        if not any(role != "home" for role in found):
            # a language chooser ("Português" / "English"): the site's pages
            # are found from its home page in each language, as from this one
            for index, link in enumerate(homes):
                request = self._request(link, job, 0, page_type="home", rank=index + 1, scope=scope)
                if request is not None:
                    yield request
        # Guesses only for roles the home page's links did not reveal, in the
        # site's language first.
        language = (data.get("language") or "en").split("-")[0]
        suffix = link_suffix(links, response.url)
        for role in FALLBACK_ROLES:
            # a directions page ("Anfahrt") or a booking page ("Prenota ora")
            # stands in for a contact page the home page does not link to:
            # the contact page is still guessed
            if found.get(role) and not (role == "contact" and all(
                    is_location_page(url) or url in stand_ins for url in found[role])):
                continue
            for index, path in enumerate(fallback_paths(role, language, suffix)[:FALLBACKS_PER_ROLE]):
                request = self._request(response.urljoin(path), job, depth + 1, page_type=role, fallback=True,
                                        rank=base + RANK_FALLBACK + index, scope=scope)
                if request is not None:
                    yield request
        # Last, the home page's other pages: a page a guess above names by its
        # role ("/adatkezeles.html") is that role's, not one of these.
        taken = [url for urls in found.values() for url in urls] + homes
        for index, link in enumerate(menu_pages(links, response.url, taken, limit=self.menu_limit)):
            request = self._request(link, job, depth + 1, page_type=OTHER_PAGE, rank=RANK_MENU + index, scope=scope)
            if request is not None:
                yield request

    def _request(self, url: str, job, depth: int, *, page_type: str | None = None, role: str = PAGE,
                 fallback: bool = False, rank: int | None = None, scope: str | None = None) -> scrapy.Request | None:
        if len(url) > self.max_url_length or not self.in_job_scope(url, job, scope):
            return None
        meta: dict[str, Any] = {"job_id": job.job_id, "depth": depth, "role": role}
        if page_type:
            meta["page_type"] = page_type
        if rank is not None:
            meta["discovery_rank"] = rank
        if fallback:
            meta["fallback"] = True
        if role == PAGE and job.spec.get("render_js") is True:
            meta["playwright"] = True
        if scope:
            meta["scope"] = scope
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta)

    def _from_sitemap(self, response, job):
        """Sitemap entries whose URL names a business role (``/kontakt/``,
        ``/legal-notice``), at most a few per role; child sitemaps of an index."""
        from ..extract.roles import role_from_sitemap_url

        if job.spec.get("pages_to_scrape"):
            return
        per_role: dict[str, int] = {}
        entries: list[dict[str, Any]] = []
        children = 0
        scope = self.moved_to(response, job)
        max_size = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        for loc, is_index in sitemap_entries(response, max_size):
            if is_index:
                children += 1
                if children <= 5:  # business pages sit in the first, main sitemaps
                    request = self._request(loc, job, 1, role=SITEMAP, scope=scope)
                    if request is not None:
                        yield request
                continue
            role = role_from_sitemap_url(loc)
            if role is None or role == "home" or per_role.get(role, 0) >= 2:
                continue
            entries.append({"url": loc, "page_type": role, "rank": RANK_STEP + RANK_SITEMAP + per_role.get(role, 0),
                            "scope": scope})
            per_role[role] = per_role.get(role, 0) + 1
        # An entry names a page's role by its slug alone ("/service" ->
        # services) and the first request for a URL is the one fetched: the
        # home page's links ("Kontakt" -> /service) must have their turn
        # first, whichever answer was read first. So entries wait for the
        # home page, across workers, unless its links are already queued.
        answers = self.waits.wait(job.job_id, [(HOME_READ, entry) for entry in entries])
        for entry, answer in zip(entries, answers):
            if answer != UNKNOWN:
                yield from self._entry_request(entry, job)

    def _entry_request(self, entry: dict[str, Any], job):
        request = self._request(entry["url"], job, 1, page_type=entry["page_type"], rank=entry["rank"],
                                scope=entry["scope"])
        if request is not None:
            yield request

    def _home_read(self, job):
        """The home page's links are queued (or it failed): the sitemap
        entries that waited for it, queued after them."""
        _, waiting = self.waits.answer(job.job_id, HOME_READ, "read")
        for entry in waiting:
            yield from self._entry_request(entry, job)

    def failed(self, failure):
        request = failure.request
        if request.meta.get("fallback") and isinstance(failure.value, HttpError) \
                and failure.value.response.status in (404, 410):
            # A guessed path that does not exist is not a page, nor a failure.
            yield Outcome.AUX
            return
        if request.meta.get("depth") == 0 and request.meta.get("page_type") == "home":
            job = self.runtime.job(request.meta.get("job_id"))
            if job is not None and not job.done:
                yield from self._home_read(job)  # the sitemap's pages may still say who the business is
        yield from super().failed(failure)

    # -- the profile ---------------------------------------------------------------
    def job_ended(self, job_id: str, status: str) -> None:
        """This worker's acknowledgement ended the job (``signals.job_ended``):
        emit the profile through the pipelines (storage, feeds), from a local
        request that never enters the shared queue."""
        engine = self.crawler.engine
        job = self.runtime.job(job_id, max_age=0)
        if job is None or job.kind != self.kind or status != "completed" or not job.counters.get("crawled"):
            return  # no page to build from
        if engine is None or not engine.running:
            return  # closing: readers build it from the stored pages
        engine.crawl(scrapy.Request(
            "data:,", callback=self._profile, errback=self._profile_failed, dont_filter=True,
            meta={"scrapejet_local": True, "job_id": job.job_id, "profile_url": job.spec["url"]},
        ))

    def _profile(self, response):
        from ..profiles import build_profile

        meta = response.meta
        profile = build_profile(self.runtime.storage, meta["job_id"], meta["profile_url"])
        yield BusinessProfileItem(**profile)

    def _profile_failed(self, failure):
        self.logger.error("Could not emit the profile of job %s: %s", failure.request.meta.get("job_id"),
                          failure.getErrorMessage())
