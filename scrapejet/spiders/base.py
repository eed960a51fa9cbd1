"""What every ScrapeJET spider shares: job arguments, the job it serves, failures.

A spider runs in one of two ways:

* ``scrapy crawl generic -a url=...``: it submits one job (private to this
  process unless ``-a shared=true``; under scrapyd shared unless
  ``-a shared=false``), serves it, and closes when it is over,
  so ``-O pages.jsonl`` holds every page of the job;
* ``scrapy crawl generic`` (no url): a worker serving the spider's shared
  queue, for jobs submitted elsewhere (API, scrapyd, ``scrapejet``); with
  ``-a job_id=...`` it serves that existing job until it is over.

Every request is answered by ``parse`` or ``on_error`` here. They only
yield: pages, items, requests, a ``FailureItem`` saying why there is no
page, or an ``Outcome``; the lease middleware (``scheduler.leases``) counts
that output, so a lease is acknowledged only once its request is fully
handled.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import (
    CannotResolveHostError,
    CloseSpider,
    DontCloseSpider,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    StopDownload,
    UsageError,
)
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from .reading import ExtractionPool
from ..items import FailureItem
from ..jobs import JobError, validate_spec
from ..runtime import CrawlerRuntime
from ..scheduler.leases import LeaseOutput
from ..scheduler.outcomes import FAILED, SKIPPED, Outcome
from ..scheduler.roles import PAGE, ROBOTS, SITEMAP
from ..urls import in_scope

logger = logging.getLogger(__name__)

TRUE = ("1", "true", "yes", "on")


def _arg_bool(value: Any) -> bool:
    return str(value).strip().lower() in TRUE if not isinstance(value, bool) else value


def _arg_int(value: Any) -> Any:
    """"7" and "7.0" (scrapyd's float priority) as 7; anything else as given,
    for validation to refuse with its message."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return int(number) if number.is_integer() else value


def describe_failure(failure) -> tuple[str, int | None, str]:
    """(reason, HTTP status, outcome) of a failed request, in words a user reads."""
    exc = failure.value
    if isinstance(exc, HttpError):
        response = exc.response
        return f"HTTP {response.status}", response.status, FAILED
    if isinstance(exc, IgnoreRequest):
        message = str(exc) or "request ignored"
        if "robots.txt" in message.lower():
            return "disallowed by robots.txt", None, SKIPPED
        return message, None, SKIPPED
    if isinstance(exc, (DNSLookupError, CannotResolveHostError)):
        return "DNS lookup failed", None, FAILED
    if isinstance(exc, (ConnectionRefusedError, DownloadConnectionRefusedError)):
        return "connection refused", None, FAILED
    if isinstance(exc, (TimeoutError, TCPTimedOutError, DownloadTimeoutError)):
        return "timed out", None, FAILED
    if isinstance(exc, CancelledError):
        return "download cancelled (larger than DOWNLOAD_MAXSIZE or timed out)", None, FAILED
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__, None, FAILED


class ScrapeJetSpider(scrapy.Spider):
    """Subclasses define what a job's responses give: ``_page`` (an async
    generator: items and requests of an HTML page), ``_from_robots`` and ``_from_sitemap``
    (requests from a robots.txt and a sitemap, which are auxiliary
    fetches), and may add to ``failed``."""

    kind = "crawl"
    # a crawl of one site (generic, business): download.scope drops a
    # redirect off it
    keeps_to_site = False
    # Arguments that make up the job spec (strings from `-a`, typed by pydantic).
    spec_args: tuple[str, ...] = ()

    def __init__(self, *args, url: str | None = None, job_id: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.url = url
        self.job_id = job_id
        self.queue_key: str | None = None
        self.serves_operator_job = False
        self.job_spec: dict[str, Any] | None = None
        self._idle_since: float | None = None
        if url:
            self.job_spec = self._spec_from_args({"url": url}, kwargs)

    def _spec_from_args(self, spec: dict[str, Any], kwargs: dict[str, Any]) -> dict[str, Any]:
        """The job spec the `-a` arguments ask for, on top of ``spec``,
        validated before anything starts, so `-a max_pages=abc` stops with a
        clear message instead of a traceback."""
        # Under scrapyd (it passes _job) a job is served by every worker of
        # its spider on every node, which is what running many nodes is for;
        # `scrapy crawl` from a terminal keeps its job to itself. Either way
        # -a shared=... decides.
        spec = {**spec, "shared": _arg_bool(kwargs.get("shared", "_job" in kwargs))}
        for name in self.spec_args:
            if name in kwargs and kwargs[name] not in (None, ""):
                spec[name] = kwargs[name]
        # Under scrapyd: `schedule.json -d priority=7` reaches the spider as
        # job_priority (scrapejet.cluster.scrapyd.Schedule), and the job takes
        # scrapyd's job id, so the id schedule.json answered is the one
        # /scrape/{id}/progress knows.
        if "priority" in self.spec_args and "priority" not in spec and kwargs.get("job_priority"):
            spec["priority"] = _arg_int(kwargs["job_priority"])
        if not self.job_id and kwargs.get("_job"):
            self.job_id = kwargs["_job"]
        try:
            validate_spec(self.kind, spec, max_pages_limit=10**9, max_depth_limit=10**6)
        except JobError as exc:
            raise UsageError(f"invalid arguments for {self.name}: {exc}") from None
        return spec

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_headers, signal=signals.headers_received)
        spider.idle_close_s = crawler.settings.getfloat("SCRAPEJET_WORKER_IDLE_S")
        spider.html_types = tuple(crawler.settings.getlist("SCRAPEJET_HTML_TYPES"))
        spider.max_url_length = crawler.settings.getint("URLLENGTH_LIMIT")
        chromium = (crawler.settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS") or {}).get("executable_path")
        # render_js=auto on a machine without the browser: pages are stored as
        # fetched (and it is said once), rather than lost to a launch error
        spider.chromium_missing = chromium if chromium and not os.path.exists(chromium) else None
        spider.said_no_chromium = False
        return spider

    @functools.cached_property
    def runtime(self) -> CrawlerRuntime:
        return self.crawler.get_extension(CrawlerRuntime)

    @functools.cached_property
    def pages(self) -> ExtractionPool:
        """Where pages are read: off the reactor once the crawl is long."""
        return self.crawler.get_extension(ExtractionPool)

    @functools.cached_property
    def _lease_output(self) -> LeaseOutput:
        return LeaseOutput.from_crawler(self.crawler)

    # -- the job this process serves -------------------------------------------
    def open_job(self) -> str | None:
        """Called by the scheduler when it opens: submit or attach to our job
        and return the queue key to serve (None: the shared queue)."""
        jobs = self.runtime.jobs
        if self.job_spec is not None:
            try:
                job = jobs.submit(self.kind, self.job_spec, job_id=self.job_id)
            except JobError as exc:
                raise UsageError(f"invalid job for {self.name}: {exc}") from None
            self.job_id = job.job_id
            logger.info("Submitted job %s (%s) for %s", job.job_id, self.kind,
                        job.spec.get("url") or job.spec.get("target"))
        elif self.job_id:
            job = jobs.get(self.job_id)
            if job is None:
                raise UsageError(f"no job {self.job_id!r}")
        else:
            return None
        self.queue_key = job.queue
        # A job this process submitted from its own command line, in a queue
        # of its own: only its operator's requests run here, so the egress
        # policy (download.egress) lets them reach private addresses.
        self.serves_operator_job = self.job_spec is not None and job.queue != self.runtime.keys.spider_queue(self.name)
        return job.queue

    async def start(self) -> AsyncIterator[Any]:
        # Requests come from the Redis queue: seeds were queued by the job.
        return
        yield  # pragma: no cover

    def _on_idle(self, spider):
        if spider is not self:
            return
        if self.job_id:
            job = self.runtime.job(self.job_id, max_age=0)
            if job is None or job.done:
                raise CloseSpider(job.status if job else "job gone")
            raise DontCloseSpider
        if self.idle_close_s > 0:
            now = time.monotonic()
            self._idle_since = self._idle_since or now
            if now - self._idle_since >= self.idle_close_s:
                return  # let it close: idle long enough
        raise DontCloseSpider

    def _on_headers(self, headers, body_length, request, spider):
        # Non-HTML pages (PDFs, images, archives) are skipped once their
        # headers arrive instead of being downloaded in full.
        if request.meta.get("role", PAGE) != PAGE or "scrapejet_rid" not in request.meta:
            return
        ctype = (headers.get(b"Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
        if ctype and not ctype.startswith(self.html_types):
            raise StopDownload(fail=False)

    async def handle(self, response, job) -> AsyncIterator[Any]:
        """The output of one response of ``job``, by the role of its request.
        A page is read asynchronously (``_page`` awaits the extraction pool)."""
        role = response.meta.get("role", PAGE)
        if role in (ROBOTS, SITEMAP):
            outputs = self._from_robots(response, job) if role == ROBOTS else self._from_sitemap(response, job)
            for output in outputs:
                yield output
            return
        async for output in self._page(response, job):
            yield output

    def read_failed(self, response, job, error: Exception) -> FailureItem:
        """A page whose reading crashed its process (see ``spiders.reading``)."""
        return FailureItem(
            job_id=job.job_id, url=(response.meta.get("redirect_urls") or [response.request.url])[0],
            final_url=response.url, status=response.status, reason=str(error), outcome=FAILED,
            depth=response.meta.get("depth", 0), fetched_at=time.time(),
        )

    def not_html(self, response, job) -> FailureItem | None:
        """A response that is no HTML page (a PDF, an image, a body without
        a text type) as a failure skipped with its content type."""
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
        if isinstance(response, TextResponse) and not (ctype and not ctype.startswith(self.html_types)):
            return None
        return FailureItem(
            job_id=job.job_id, url=(response.meta.get("redirect_urls") or [response.request.url])[0],
            final_url=response.url, status=response.status,
            reason=f"not an HTML page ({ctype or 'unknown content type'})", outcome=SKIPPED,
            depth=response.meta.get("depth", 0), fetched_at=time.time(),
        )

    # -- every response and failure passes here ---------------------------------
    async def parse(self, response, **kwargs):
        self._idle_since = None
        job = self.runtime.job(response.meta.get("job_id"))
        if job is None or job.done:
            yield Outcome.SKIPPED  # cancelled: not followed
            return
        async for output in self.handle(response, job):
            yield output

    def moved_to(self, response, job) -> str | None:
        """The other site a crawl of one site also covers: where its start
        moved. A start page, robots.txt or sitemap of the job's site that
        redirects (HTTP or meta refresh) to another site is a business that
        moved (``old.test`` -> 301 -> ``www.new.test``): the new site is
        crawled as the job's own, as Heritrix treats a seed's redirect as a
        new seed. The landing URL travels with every request that follows
        (``meta["scope"]``), so each worker knows it without asking the job.
        A page further in that redirects off the site moves nothing."""
        scope = response.meta.get("scope")
        if scope:
            return scope
        entry = response.meta.get("seed") or response.meta.get("role", PAGE) in (ROBOTS, SITEMAP)
        if not entry or not response.meta.get("redirect_urls") or self.in_job_scope(response.url, job):
            return None
        return response.url

    def in_job_scope(self, url: str, job, scope: str | None = None) -> bool:
        """Whether ``url`` belongs to the site ``job`` crawls (or to the site
        its start moved to, ``scope``)."""
        subdomains = job.spec.get("subdomains", False)
        return in_scope(url, job.spec["url"], subdomains=subdomains) or (
            bool(scope) and in_scope(url, scope, subdomains=subdomains))

    def render_reason(self, response, job, data: dict[str, Any]) -> str | None:
        """With ``render_js=auto``, why a page fetched without a browser is to
        be fetched again in Chromium: its HTML looks drawn by script
        (``extract.scripted``). None when it does not, when it was rendered
        already, or when there is no Chromium to render it."""
        from ..extract.scripted import drawn_by_script

        if job.spec.get("render_js") != "auto" or response.meta.get("playwright"):
            return None
        # the page's links to other pages: not to itself (the home page's
        # own "/" and index.html included)
        home = response.meta.get("depth", 0) == 0
        own = {response.url.split("#")[0]} | ({response.urljoin("index.html"), response.urljoin("/")} if home else set())
        links = [u for u in (data.get("links") or {}).get("internal") or [] if u.split("#")[0] not in own]
        reason = drawn_by_script(response.body, links, home=home)
        if reason is None:
            return None
        if self.chromium_missing:
            if not self.said_no_chromium:
                self.said_no_chromium = True
                logger.warning("%s looks drawn by script (%s), but there is no Chromium at %s: pages are stored "
                               "as fetched", response.url, reason, self.chromium_missing)
            return None
        logger.info("Rendering %s in Chromium: %s", response.url, reason)
        return reason

    def on_error(self, failure):
        """The errback of every request: what ``failed`` yields, counted for
        the lease here, since Scrapy calls the errback of a download error
        outside the spider middlewares."""
        return self._lease_output.count(failure.request.meta.get("scrapejet_rid"), self.failed(failure))

    def failed(self, failure):
        """What a failed request comes to: a FailureItem with its reason."""
        request = failure.request
        job = self.runtime.job(request.meta.get("job_id"))
        if job is None or job.done:
            yield Outcome.SKIPPED
            return
        if request.meta.get("role", PAGE) != PAGE:
            # robots.txt or a sitemap that is missing is normal, not a failure
            yield Outcome.AUX
            return
        reason, status, outcome = describe_failure(failure)
        yield FailureItem(
            job_id=job.job_id,
            url=(request.meta.get("redirect_urls") or [request.url])[0],
            final_url=request.url,
            reason=reason,
            outcome=outcome,
            status=status,
            depth=request.meta.get("depth", 0),
            fetched_at=time.time(),
        )
