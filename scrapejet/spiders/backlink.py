"""The ``backlink`` spider: find the pages of other sites that link to a target.

    scrapy crawl backlink -a target=example.com -a seeds=https://a.test/,https://b.test/ \\
        -a max_pages=500 -a max_depth=2 -O backlinks.jsonl

Breadth-first from the seeds and across sites: every link of a crawled page
is followed up to ``max_depth`` hops, except links to the target's own
registered domain (its pages are never crawled: their links are internal),
and at most ``per_domain_max_pages`` pages of one registered domain are
followed to (counted in Redis, so across every worker). robots.txt is obeyed.

Each crawled page gives a ``BacklinkItem`` per link to the target (href,
image, canonical, meta refresh, iframe, form) and one ``BacklinkSourceItem``
that lets storage mark the links the page no longer has as lost. Source
pages are not stored as pages (they are other people's sites, not a crawl
of one: they would crowd ``GET /sites``); the job's ``crawled`` counter
counts them.

Redirects are answers here, not detours (3xx reach the spider): a crawled
URL that redirects to the target is a ``redirect`` backlink of its own; a
link to a shortener host (``SCRAPEJET_BACKLINK_SHORTENERS``) or to a
``/go/``-like URL of the linking site (``SCRAPEJET_BACKLINK_REDIRECT_PATHS``)
is probed with one HEAD request per job, and if it redirects to the target,
every page linking to it has a ``redirect`` backlink (``redirect_url`` is
the link, ``target_url`` where it leads). Any other redirect is followed.

Feeds (``-O``) hold the backlinks; ``-s SCRAPEJET_BACKLINK_FEED=sources``
(or ``all``) changes that.
"""

from __future__ import annotations

import re
import time
from typing import Any

import scrapy
from scrapy.exceptions import UsageError

from ..backlinks import Target, in_allowed, job_target, redirect_candidate
from ..extract.backlinks import PageLink, page_links
from ..extract.links import resolve_href
from ..items import BacklinkItem, BacklinkSourceItem, FailureItem
from ..scheduler.backlinks import UNKNOWN, BacklinkFrontier
from ..scheduler.outcomes import FAILED, Outcome
from ..scheduler.requests import fingerprint
from ..scheduler.roles import PAGE
from ..urls import canonical_url, registered_domain, url_pattern
from .base import ScrapeJetSpider
from .feeds import restrict_feeds

PROBE = "probe"  # request role: a HEAD to see where a candidate link redirects
REDIRECTS = (301, 302, 303, 307, 308)
GONE = (404, 410)
# Link types a crawl follows to find more pages (a form's action is not a page).
FOLLOWED = ("href", "image", "meta-refresh", "iframe", "canonical")
FEED_ITEMS = {
    "backlinks": ["scrapejet.items.BacklinkItem"],
    "sources": ["scrapejet.items.BacklinkSourceItem"],
}


class BacklinkSpider(ScrapeJetSpider):
    name = "backlink"
    kind = "backlinks"
    spec_args = (
        "target", "seeds", "match", "max_pages", "max_depth", "per_domain_max_pages", "allowed_domains",
        "include", "exclude", "render_js", "priority",
    )
    # 3xx reach the spider (see the module docstring); 404/410 too, so that a
    # source page that is gone marks its links lost.
    handle_httpstatus_list = [*REDIRECTS, *GONE]
    # A meta refresh is a link to record (and maybe follow), not a redirect
    # to take: taken, it could fetch the target's own page.
    custom_settings = {"METAREFRESH_ENABLED": False}

    def __init__(self, *args, url: str | None = None, job_id: str | None = None, **kwargs):
        super().__init__(*args, job_id=job_id, **kwargs)
        if url:
            raise UsageError(f"invalid arguments for {self.name}: it takes target= and seeds=, not url=")
        if kwargs.get("target") or kwargs.get("seeds"):
            self.job_spec = self._spec_from_args({}, kwargs)

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        restrict_feeds(settings, "SCRAPEJET_BACKLINK_FEED", FEED_ITEMS, "backlinks")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.shorteners = frozenset(h.lower() for h in settings.getlist("SCRAPEJET_BACKLINK_SHORTENERS"))
        paths = settings.get("SCRAPEJET_BACKLINK_REDIRECT_PATHS")
        spider.redirect_paths = re.compile(paths, re.I) if paths else None
        return spider

    @property
    def frontier(self) -> BacklinkFrontier:
        if getattr(self, "_frontier", None) is None:
            runtime = self.runtime
            self._frontier = BacklinkFrontier(runtime.server, runtime.keys, ttl=runtime.jobs.queue.job_ttl)
        return self._frontier

    # -- responses -------------------------------------------------------------
    async def handle(self, response, job):
        if response.meta.get("role") == PROBE:
            outputs = self._probed(response, job)
        else:
            outputs = self._page(response, job)
        for output in outputs:
            yield output

    def _page(self, response, job):
        target = job_target(job.spec)
        if response.status in REDIRECTS:
            yield from self._redirected(response, job, target)
            return
        if response.status in GONE:
            yield from self._gone(response, job, target)
            return
        failure = self.not_html(response, job)
        if failure is not None:
            yield failure
            return
        depth = response.meta.get("depth", 0)
        found = page_links(response.body, response.url, encoding=response.encoding, detail=lambda url: (
            target.matches(url) or redirect_candidate(url, response.url, self.shorteners, self.redirect_paths)))
        yield Outcome.CRAWLED  # a source page read, though no PageItem is stored
        now = time.time()
        source = {
            "job_id": job.job_id, "source_url": canonical_url(response.url),
            "source_domain": registered_domain(response.url), "target_domain": target.domain,
            "source_status": response.status, "source_language": found.language or _header_language(response),
            "first_seen": now, "last_seen": now,
        }
        # one record per (URL, anchor, type) on a page: the first
        backlinks: dict[tuple, BacklinkItem] = {}
        probes: dict[tuple, BacklinkItem] = {}
        follow: dict[str, None] = {}
        for link in found.links:
            if target.matches(link.url):
                item = _item(source, link, nofollow_page=found.nofollow)
                backlinks.setdefault((item.target_url, item.anchor_text, item.link_type), item)
            elif target.owns(link.url):
                continue  # the target's site, outside a host/prefix target: not crawled
            elif link.link_type in FOLLOWED and redirect_candidate(
                    link.url, response.url, self.shorteners, self.redirect_paths):
                item = _item(source, link, nofollow_page=found.nofollow)
                probes.setdefault((item.target_url, item.anchor_text, item.link_type), item)
            elif link.link_type in FOLLOWED:
                follow[link.url] = None
        yield from backlinks.values()
        yield from self._probe(job, list(probes.values()), depth)
        yield BacklinkSourceItem(
            job_id=job.job_id, target_domain=target.domain, source_url=source["source_url"],
            status=response.status, fetched_at=source["last_seen"], depth=depth,
            language=source["source_language"], backlinks=len(backlinks),
        )
        if depth < job.spec.get("max_depth", 0) and not found.nofollow:
            yield from self._follow(job, list(follow), depth + 1)

    def _probe(self, job, links: list[BacklinkItem], depth: int):
        """Redirect backlinks of the candidate links whose probe answered;
        a probe request for each link URL not asked yet (the others wait
        for its answer in Redis)."""
        records = [(link.target_url, _record(link)) for link in links]
        answers = self.frontier.wait_for_probes(job.job_id, [(fingerprint(url), r) for url, r in records])
        asked = set()
        for (url, record), answer in zip(records, answers):
            if answer == UNKNOWN and url not in asked:
                asked.add(url)
                yield scrapy.Request(url, method="HEAD", callback=self.parse, errback=self.on_error,
                                     meta={"job_id": job.job_id, "depth": depth + 1, "role": PROBE})
            elif answer and answer != UNKNOWN:
                yield _redirect_item(record, url, answer)

    def _probed(self, response, job):
        """A probe's answer: where the link leads, if to the target; the
        pages that link to it get their redirect backlinks."""
        target = job_target(job.spec)
        location = _location(response)
        answer = location if response.status in REDIRECTS and location and target.matches(location) else ""
        url = response.request.url
        kept, waiting = self.frontier.answer_probe(job.job_id, fingerprint(url), answer)
        if kept:
            for record in waiting:
                yield _redirect_item(record, url, kept)

    def _redirected(self, response, job, target: Target):
        """A crawled URL that redirects: to the target, it is a redirect
        backlink (its own source page); elsewhere, the Location is followed
        like a link, at the same depth."""
        yield Outcome.AUX  # no page: its budget slot goes to another
        location = _location(response)
        now = time.time()
        url = canonical_url(response.url)
        found = 0
        if location and target.matches(location):
            found = 1
            yield BacklinkItem(
                job_id=job.job_id, source_url=url, source_domain=registered_domain(url), target_url=location,
                target_domain=target.domain, link_type="redirect", redirect_url=url,
                source_status=response.status, first_seen=now, last_seen=now,
            )
        elif location and not target.owns(location):
            yield from self._follow(job, [location], response.meta.get("depth", 0))
        yield BacklinkSourceItem(job_id=job.job_id, target_domain=target.domain, source_url=url,
                                 status=response.status, fetched_at=now, depth=response.meta.get("depth", 0),
                                 backlinks=found)

    def _gone(self, response, job, target: Target):
        """404/410: a failure of the crawl, and the end of the links the page had."""
        yield FailureItem(
            job_id=job.job_id, url=response.request.url, final_url=response.url, status=response.status,
            reason=f"HTTP {response.status}", outcome=FAILED, depth=response.meta.get("depth", 0),
            fetched_at=time.time(),
        )
        yield BacklinkSourceItem(job_id=job.job_id, target_domain=target.domain,
                                 source_url=canonical_url(response.url), status=response.status,
                                 fetched_at=time.time(), depth=response.meta.get("depth", 0))

    def _follow(self, job, urls: list[str], depth: int):
        """Page requests for ``urls``, within the job's filters and each
        registered domain's page cap."""
        spec = job.spec
        if depth > spec.get("max_depth", 0):
            return
        wanted = [
            url for url in urls
            if len(url) <= self.max_url_length and in_allowed(url, spec.get("allowed_domains"))
            and not (spec.get("include") and not url_pattern(spec["include"]).search(url))
            and not (spec.get("exclude") and url_pattern(spec["exclude"]).search(url))
        ]
        admitted = self.frontier.admit(
            job.job_id, spec.get("per_domain_max_pages", 50),
            [(fingerprint(url), registered_domain(url)) for url in wanted],
        )
        meta: dict[str, Any] = {"job_id": job.job_id, "depth": depth, "role": PAGE}
        if spec.get("render_js"):
            meta["playwright"] = True
        for url, ok in zip(wanted, admitted):
            if ok:
                yield scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=dict(meta))

    def failed(self, failure):
        request = failure.request
        if request.meta.get("role") == PROBE:
            # a probe that failed (robots.txt, DNS, timeout) leads nowhere
            job_id = request.meta.get("job_id")
            if job_id:
                try:
                    self.frontier.answer_probe(job_id, fingerprint(request.url), "")
                except Exception:
                    self.logger.exception("Could not record the probe of %s", request.url)
        yield from super().failed(failure)

    # robots.txt and sitemaps are not fetched as requests of a backlink job
    def _from_robots(self, response, job):
        return ()

    def _from_sitemap(self, response, job):
        return ()


def _header_language(response) -> str | None:
    value = (response.headers.get(b"Content-Language") or b"").decode("latin-1").split(",")[0].strip().lower()
    return value or None


def _location(response) -> str | None:
    raw = response.headers.get(b"Location")
    if not raw:
        return None
    return resolve_href(raw.decode("latin-1"), response.url)


def _item(source: dict[str, Any], link: PageLink, *, nofollow_page: bool) -> BacklinkItem:
    return BacklinkItem(
        **source, target_url=link.url, anchor_text=link.anchor_text, alt=link.alt, title=link.title,
        rel=list(link.rel), nofollow=link.flag("nofollow") or nofollow_page, ugc=link.flag("ugc"),
        sponsored=link.flag("sponsored"), noopener=link.flag("noopener"), link_type=link.link_type,
        is_content=link.is_content, context=link.context, position=link.position,
    )


def _record(item: BacklinkItem) -> dict[str, Any]:
    """What a link waiting for its probe keeps in Redis."""
    from dataclasses import asdict

    record = asdict(item)
    for name in ("target_url", "link_type", "redirect_url"):
        record.pop(name)
    return record


def _redirect_item(record: dict[str, Any], url: str, target_url: str) -> BacklinkItem:
    return BacklinkItem(**record, target_url=target_url, link_type="redirect", redirect_url=url)
