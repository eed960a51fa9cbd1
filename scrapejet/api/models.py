"""Request and response bodies of the HTTP API (pydantic). The OpenAPI
document is generated from these, so field descriptions here are the API's
reference documentation."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..export import iso  # noqa: F401  (the API's timestamps; views import it from here)
from ..jobs import JOB_ID_PATTERN
from ..specs import HTTP_URL_SCHEMA as HTTP_URL
from ..specs import PRIORITY_RANGE, OutputFormat, WebhookSpec, http_url

Status = Literal["pending", "running", "completed", "failed", "cancelled"]
State = Literal["PENDING", "PROGRESS", "SUCCESS", "FAILURE", "REVOKED"]
Kind = Literal["crawl", "business", "backlinks"]
Format = OutputFormat
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _url(value: str) -> str:
    return http_url(value)


def _host(value: str) -> str:
    value = value.strip().lower().rstrip(".")
    if value.startswith("www."):
        value = value[4:]
    if not HOSTNAME.match(value):
        raise ValueError("must be a host name such as example.com")
    return value


class ErrorResponse(BaseModel):
    """Error"""

    error: str = Field(description="machine-readable code, e.g. validation_error, not_found, job_running")
    detail: str = Field(description="what went wrong, in words")
    errors: list[dict[str, Any]] | None = Field(default=None, description="per-field problems (422 only)")


# -- crawls ---------------------------------------------------------------------
class ScrapeRequest(Strict):
    """A site crawl."""

    url: str = Field(description="start URL (http or https); the site is its host", json_schema_extra=HTTP_URL)
    expected_pages: int | None = Field(default=None, ge=1, description="pages to store; same as max_pages")
    max_pages: int | None = Field(default=None, ge=1, description="pages to store (default SCRAPEJET_DEFAULT_MAX_PAGES)")
    max_depth: int | None = Field(default=None, ge=0, description="link depth from url (default SCRAPEJET_DEFAULT_MAX_DEPTH)")
    output_format: Format = Field(default="json", description="format of the result download (GET /scrape/{id}/result?download=true)")
    priority: int | None = Field(default=None, **PRIORITY_RANGE, description="1-9, 9 most urgent (default 5)")
    render_js: bool = Field(default=False, description="render pages in headless Chromium")
    include: str | None = Field(default=None, description="regex a followed URL must match")
    exclude: str | None = Field(default=None, description="regex a followed URL must not match")
    subdomains: bool = Field(default=False, description="crawl every host under the registered domain")
    webhook: WebhookSpec | None = Field(default=None, description="POSTed on job state changes")
    job_id: str | None = Field(default=None, pattern=JOB_ID_PATTERN, description="name the job (default: random)")

    _check_url = field_validator("url")(_url)

    @model_validator(mode="after")
    def _one_budget(self):
        if self.expected_pages and self.max_pages and self.expected_pages != self.max_pages:
            raise ValueError("give expected_pages or max_pages, not two different values")
        return self

    def spec(self) -> dict[str, Any]:
        """The ``crawl`` job spec this request asks for."""
        data = self.model_dump(exclude={"expected_pages", "job_id"}, exclude_none=True)
        data["max_pages"] = self.expected_pages or self.max_pages
        if self.webhook is not None:
            data["webhook"] = self.webhook.model_dump(exclude_none=True)
        return {k: v for k, v in data.items() if v is not None}


class Counters(BaseModel):
    queued: int
    in_flight: int
    crawled: int
    failed: int
    skipped: int
    items: int
    requeued: int


class JobView(BaseModel):
    """A job"""

    job_id: str
    kind: str
    status: Status
    state: State
    priority: int
    spec: dict[str, Any] = Field(description="the validated job spec (webhook secret hidden)")
    progress: float = Field(ge=0, le=100)
    created_at: str | None
    started_at: str | None
    finished_at: str | None
    error: str | None
    counters: Counters

    @classmethod
    def of(cls, job) -> JobView:
        return cls(
            job_id=job.job_id, kind=job.kind, status=job.status, state=job.state, priority=job.priority,
            spec=public_spec(job.spec), progress=job.progress(), created_at=iso(job.created_at),
            started_at=iso(job.started_at), finished_at=iso(job.finished_at), error=job.error,
            counters=Counters(**{name: job.counters.get(name, 0) for name in Counters.model_fields}),
        )


def public_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as shown to clients: a webhook secret is never echoed."""
    spec = dict(spec)
    if isinstance(spec.get("webhook"), dict) and spec["webhook"].get("secret"):
        spec["webhook"] = {**spec["webhook"], "secret": "********"}
    return spec


class ScrapeAccepted(BaseModel):
    """Job accepted and queued"""

    job_id: str
    kind: str
    status: Status
    state: State
    priority: int
    spec: dict[str, Any]
    progress_url: str
    result_url: str


class Progress(BaseModel):
    """Progress of a job"""

    job_id: str
    kind: str
    status: Status
    state: State
    progress: float = Field(ge=0, le=100, description="percent done; 100 once completed")
    pages_crawled: int
    pages_failed: int
    pages_skipped: int
    pages_queued: int
    pages_in_flight: int
    expected_pages: int | None = Field(description="the job's page budget (max_pages)")
    created_at: str | None
    started_at: str | None
    finished_at: str | None
    elapsed_s: float | None = Field(description="seconds since the job started (until it finished)")
    eta_s: float | None = Field(description="seconds left at the rate so far; null when unknown or over")
    error: str | None


class ResultQuery(Strict):
    format: Format | None = Field(default=None, description="download every page in this format instead of a JSON page of items")
    download: bool = Field(default=False, description="download in the job's output_format")
    page: int = Field(default=1, ge=1, le=1_000_000, description="page of items (JSON view)")
    per_page: int = Field(default=100, ge=1, le=1000, description="items per page (JSON view)")
    partial: bool = Field(default=False, description="answer while the job still runs, with what is stored so far")


class PageOut(BaseModel):
    job_id: str
    url: str
    final_url: str | None = None
    status: int | None = None
    depth: int | None = None
    fetched_at: str | None = None
    title: str | None = None
    description: str | None = None
    language: str | None = None
    text: str | None = None
    markdown: str | None = None
    headings: list[Any] | None = None
    meta: dict[str, Any] | None = None
    links: dict[str, Any] | None = None
    word_count: int | None = None
    content_hash: str | None = None
    site: str | None = None
    page_type: str | None = None


class ResultPage(BaseModel):
    """One page of a job's stored items"""

    job_id: str
    status: Status
    state: State
    complete: bool = Field(description="false while the job runs (partial=true)")
    page: int
    per_page: int
    total: int = Field(description="items stored")
    total_pages: int
    items: list[PageOut]
    profile: BusinessProfileOut | None = Field(
        default=None, description="business jobs: the company's contact profile (null for other kinds, "
                                  "and while a business job runs)")


class BusinessProfileOut(BaseModel):
    """A company's contact profile, merged from the business pages of one job.
    Each email, phone, address and social profile says where it was found
    (`found_on`: page URL and role)."""

    job_id: str
    site: str
    company_name: str | None
    description: str | None
    logo: str | None
    emails: list[dict[str, Any]] = Field(description="{email, source, found_on[]}")
    phones: list[dict[str, Any]] = Field(description="{e164, as_written, type: phone|mobile|fax|whatsapp, found_on[]}")
    addresses: list[dict[str, Any]] = Field(
        description="{street, postal_code, locality, region, country, as_written, found_on[]}")
    socials: list[dict[str, Any]] = Field(description="{network, url, handle, found_on[]}")
    opening_hours: list[Any]
    geo: dict[str, Any] | None
    pages: dict[str, str] = Field(description="role (home, about, contact, legal, privacy...) -> URL")
    schema_org: dict[str, Any]
    provenance: dict[str, Any] = Field(description="where company_name, description and logo came from")
    created_at: str | None


# -- jobs -----------------------------------------------------------------------
class JobsQuery(Strict):
    status: Status | None = None
    kind: Kind | None = None
    limit: int = Field(default=100, ge=1, le=1000)


class JobList(BaseModel):
    """Jobs, newest first"""

    count: int
    jobs: list[JobView]


# -- business, insights, query (issues 4 and 5) --------------------------------------
class BusinessScrapeRequest(Strict):
    """Business pages of a company site."""

    url: str = Field(description="the company's site (http or https)", json_schema_extra=HTTP_URL)
    pages_to_scrape: list[str] | None = Field(
        default=None, max_length=100,
        description="paths (\"/about\") or URLs on the same site; default: the business pages found on the site",
    )
    max_pages: int | None = Field(default=None, ge=1)
    priority: int | None = Field(default=None, **PRIORITY_RANGE)
    render_js: bool = False
    webhook: WebhookSpec | None = None
    job_id: str | None = Field(default=None, pattern=JOB_ID_PATTERN)

    _check_url = field_validator("url")(_url)

    def spec(self) -> dict[str, Any]:
        """The business job spec (pages checked against the site by it)."""
        data = self.model_dump(exclude={"job_id", "webhook"}, exclude_none=True)
        if self.webhook is not None:
            data["webhook"] = self.webhook.model_dump(exclude_none=True)
        return data


class InsightsRequest(Strict):
    """Questions about a crawled site."""

    site_name: str = Field(description="a crawled site, e.g. company.com")
    questions: list[str] = Field(min_length=1, max_length=20)
    webhook: WebhookSpec | None = None

    _check_site = field_validator("site_name")(_host)

    @field_validator("questions")
    @classmethod
    def _questions(cls, value: list[str]) -> list[str]:
        value = [q.strip() for q in value]
        if any(not q or len(q) > 2000 for q in value):
            raise ValueError("each question must be 1-2000 characters")
        return value


class InsightsTaskRef(BaseModel):
    task_id: str
    status: Literal["pending", "running", "completed", "failed"]
    site_name: str = Field(description="the site asked about (host, www. folded)")
    questions: list[str]


class InsightsAccepted(InsightsTaskRef):
    """Insights task accepted"""

    result_url: str = Field(description="GET it until status is completed or failed")


class SourceOut(BaseModel):
    n: int = Field(ge=1, description="the number the answer cites it by: [n] is sources[n-1]")
    url: str = Field(description="the page the passage (or the profile's value) comes from")
    title: str | None = Field(description="the page's title; \"Business profile\" for the site's stored profile")
    snippet: str = Field(description="the passage's sentence closest to the question")
    score: float | None = Field(description="retrieval score (higher is closer); null for the business profile")


class AnswerOut(BaseModel):
    """An answer with its numbered sources"""

    question: str
    answer: str = Field(description="cites its sources as [n]")
    sources: list[SourceOut] = Field(description="exactly the passages the answer was made from, in order")
    mode: Literal["llm", "extractive"] = Field(
        description="llm: written by the configured model; extractive: sentences of the sources "
                    "(no model configured, or it failed: see error)")
    model: str | None = Field(description="the LLM that wrote the answer (null when extractive)")
    error: str | None = Field(default=None, description="why the configured LLM was not used, when it failed")
    dropped_citations: list[int] = Field(
        default_factory=list, description="[n] markers of the model's answer that named no source (removed)")


class WebhookState(BaseModel):
    url: str
    status: Literal["pending", "retrying", "delivered", "failed"]
    attempts: int
    error: str | None


class InsightsTask(InsightsTaskRef):
    """An insights task: its answers once completed"""

    answered: int = Field(description="questions answered so far")
    answers: list[AnswerOut] | None = Field(description="one per question, in order (null until completed)")
    error: str | None
    created_at: str | None
    started_at: str | None
    finished_at: str | None
    webhook: WebhookState | None = Field(description="delivery of insights.completed/insights.failed, if asked")


class QueryRequest(Strict):
    """A question over the stored pages."""

    question: str = Field(min_length=1, max_length=2000)
    site_name: str | None = None
    n_results: int = Field(default=5, ge=1, le=50)

    @field_validator("site_name")
    @classmethod
    def _site(cls, value: str | None) -> str | None:
        return _host(value) if value is not None else None


class BacklinkConfig(Strict):
    max_pages: int | None = Field(default=None, ge=1, description="pages to crawl (default SCRAPEJET_DEFAULT_MAX_PAGES)")
    max_depth: int | None = Field(default=None, ge=0, description="link hops from the seeds, across sites (default 2)")
    per_domain_max_pages: int | None = Field(
        default=None, ge=1, description="pages of one registered domain followed to, seeds aside (default 50)")
    allowed_domains: list[str] | None = Field(
        default=None, max_length=1000, description="follow links only to these domains (and their subdomains)")
    match: Literal["domain", "host", "prefix"] | None = Field(
        default=None, description="domain (default): links to any host of the target's registered domain; "
                                  "host: to the target's host only; prefix: to URLs starting with target_url")
    render_js: bool = False
    include: str | None = Field(default=None, description="regex a followed URL must match")
    exclude: str | None = Field(default=None, description="regex a followed URL must not match")

    @field_validator("allowed_domains")
    @classmethod
    def _domains(cls, value: list[str] | None) -> list[str] | None:
        return [_host(v) for v in value] if value is not None else None


SeedUrl = Annotated[str, AfterValidator(_url), Field(json_schema_extra=HTTP_URL)]


class SubmitCrawlRequest(Strict):
    """A backlink discovery job."""

    target_url: str = Field(description="the site whose backlinks to find: a URL (https://example.com) "
                                        "or a domain (example.com)", min_length=1)
    initial_seed_urls: list[SeedUrl] = Field(min_length=1, max_length=1000,
                                             description="pages of other sites to start from")
    priority: int | None = Field(default=None, **PRIORITY_RANGE)
    config: BacklinkConfig = Field(default_factory=BacklinkConfig)
    webhook: WebhookSpec | None = None
    job_id: str | None = Field(default=None, pattern=JOB_ID_PATTERN)

    @field_validator("target_url")
    @classmethod
    def _target(cls, value: str) -> str:
        from ..backlinks import parse_target

        return parse_target(value)

    @field_validator("initial_seed_urls")
    @classmethod
    def _seeds(cls, value: list[str], info: ValidationInfo) -> list[str]:
        from ..backlinks import Target

        if info.data.get("target_url"):
            target = Target.of(info.data["target_url"])
            for n, seed in enumerate(value):
                if target.owns(seed):
                    raise ValueError(f"{n}: {seed} is on the target's own site ({target.domain}); "
                                     "seed pages of other sites, which may link to it")
        return list(dict.fromkeys(value))

    def spec(self) -> dict[str, Any]:
        """The ``backlinks`` job spec this request asks for."""
        data = {"target": self.target_url, "seeds": self.initial_seed_urls, "priority": self.priority,
                **self.config.model_dump(exclude_none=True)}
        if self.webhook is not None:
            data["webhook"] = self.webhook.model_dump(exclude_none=True)
        return {k: v for k, v in data.items() if v is not None}


class BacklinkOut(BaseModel):
    """A link from a page of another site to the domain"""

    source_url: str = Field(description="the page the link is on")
    source_domain: str = Field(description="its registered domain (eTLD+1)")
    source_host: str
    target_url: str = Field(description="where the link leads (after the redirect, for link_type redirect)")
    target_domain: str
    target_host: str
    anchor_text: str = Field(description="whitespace-normalised; a linked image's alt text")
    alt: str | None = Field(description="alt text of the linked image, if any")
    title: str | None
    rel: list[str] = Field(description="the link's rel tokens, lower-cased")
    nofollow: bool = Field(description="rel nofollow, or a page whose robots meta says nofollow")
    ugc: bool
    sponsored: bool
    noopener: bool
    link_type: Literal["href", "image", "redirect", "canonical", "meta-refresh", "iframe", "form"]
    redirect_url: str | None = Field(description="link_type redirect: the URL linked, which redirects to target_url")
    is_content: bool = Field(description="in the page's main content, not its nav, header, footer or aside")
    context: str | None = Field(description="text around the link")
    position: int | None = Field(description="rank among the page's links, in document order (1 = first)")
    source_status: int | None = Field(description="HTTP status of the source page")
    source_language: str | None
    first_seen: str | None
    last_seen: str | None
    first_job_id: str | None
    last_job_id: str | None
    live: bool = Field(description="on the page when it was last crawled")
    lost_at: str | None
    lost_reason: Literal["link removed", "page gone", "page redirected", "became nofollow"] | None = Field(
        description="set when lost; 'became nofollow' links are still live, as nofollow links")
    lost_job_id: str | None

    @classmethod
    def of(cls, record: dict[str, Any]) -> BacklinkOut:
        times = {k: iso(record.get(k)) for k in ("first_seen", "last_seen", "lost_at")}
        return cls(**{**record, **times, "rel": record.get("rel") or []})


class BacklinksQuery(Strict):
    status: Literal["live", "lost", "all"] = Field(
        default="live", description="live: on their page at its last crawl; lost: lost at some point (removed, "
                                    "page gone or redirected, became nofollow); all")
    rel: Literal["dofollow", "nofollow", "ugc", "sponsored", "noopener"] | None = Field(
        default=None, description="dofollow: none of nofollow, ugc, sponsored")
    link_type: Literal["href", "image", "redirect", "canonical", "meta-refresh", "iframe", "form"] | None = None
    referring_domain: str | None = Field(default=None, description="links from this domain (or host) only")
    job_id: str | None = Field(default=None, pattern=JOB_ID_PATTERN, description="links seen by this job")
    format: Literal["json", "jsonl", "csv"] | None = Field(
        default=None, description="every matching link as a file instead of a JSON page")
    page: int = Field(default=1, ge=1, le=1_000_000)
    per_page: int = Field(default=100, ge=1, le=1000)

    _check_referring = field_validator("referring_domain")(lambda value: _host(value) if value is not None else None)


class BacklinkList(BaseModel):
    """A page of a domain's backlinks"""

    domain: str
    status: str
    total: int = Field(description="links matching the filters")
    page: int
    per_page: int
    total_pages: int
    items: list[BacklinkOut]


class BacklinkCrawl(BaseModel):
    job_id: str
    pages_crawled: int
    backlinks_seen: int = Field(description="links to the domain on the pages it crawled")
    crawled_at: str | None


class AnchorCount(BaseModel):
    anchor: str
    backlinks: int


class ReferringDomain(BaseModel):
    domain: str
    backlinks: int
    referring_pages: int
    dofollow: int


class SummaryQuery(Strict):
    top: int = Field(default=10, ge=1, le=100, description="how many top anchors and referring domains")


class BacklinkSummary(BaseModel):
    """The link profile of a domain: its live backlinks counted in SQL"""

    domain: str
    target_domain: str = Field(description="the registered domain the records are kept under")
    backlinks: int
    referring_pages: int
    referring_domains: int
    dofollow: int = Field(description="links without nofollow, ugc or sponsored")
    nofollow: int
    ugc: int
    sponsored: int
    noopener: int
    in_content: int = Field(description="links in the main content (not nav, header, footer, aside)")
    link_types: dict[str, int]
    top_anchors: list[AnchorCount]
    top_referring_domains: list[ReferringDomain]
    lost_total: int = Field(description="links no longer on their page (every crawl so far)")
    first_seen: str | None
    last_seen: str | None
    latest_job: BacklinkCrawl | None = Field(description="the last job that crawled pages for this domain")
    previous_job: BacklinkCrawl | None
    new_since_previous_job: int = Field(description="live links the latest job saw first")
    lost_since_previous_job: int = Field(description="links the latest job found lost (or became nofollow)")

    @classmethod
    def of(cls, summary: dict[str, Any]) -> BacklinkSummary:
        crawls = {k: BacklinkCrawl(**{**v, "backlinks_seen": v.get("backlinks_seen") or 0,
                                      "crawled_at": iso(v.get("crawled_at"))}) if v else None
                  for k, v in (("latest_job", summary["latest_job"]), ("previous_job", summary["previous_job"]))}
        times = {k: iso(summary.get(k)) for k in ("first_seen", "last_seen")}
        return cls(**{**summary, **times, **crawls})


# -- sites ----------------------------------------------------------------------
class CrawlRef(BaseModel):
    job_id: str
    status: str | None
    finished_at: str | None


class IndexState(BaseModel):
    available: bool = Field(description="the site has a FAISS index holding vectors")
    kind: Literal["flat", "hnsw"] | None = Field(
        default=None, description="flat: exact inner product; hnsw: approximate, past SCRAPEJET_INDEX_HNSW_THRESHOLD")
    vectors: int = Field(default=0, description="vectors in the index")
    embedded: int = Field(default=0, description="stored chunks with a vector")
    pending: int = Field(default=0, description="stored chunks waiting for their vector")
    model: str | None = Field(default=None, description="the embedding model of the index")
    built_at: str | None = Field(default=None, description="when the index file was last written")
    detail: str


class SiteSummary(BaseModel):
    site: str
    pages: int = Field(description="stored pages, every job counted")
    urls: int = Field(description="distinct pages")
    jobs: int
    last_fetched_at: str | None
    last_crawl: CrawlRef | None
    chunks: int | None = Field(description="stored chunks of the site's pages (embedded or pending)")
    index: IndexState


class SiteList(BaseModel):
    """Sites with stored pages, most recently crawled first"""

    count: int
    sites: list[SiteSummary]


class SiteCrawl(BaseModel):
    job_id: str
    status: str | None
    pages: int
    created_at: str | None
    finished_at: str | None
    last_fetched_at: str | None


class SiteDetail(SiteSummary):
    """A site"""

    crawls: list[SiteCrawl]


class SiteDeleted(BaseModel):
    """What was deleted"""

    site: str
    pages_deleted: int
    failures_deleted: int
    chunks_deleted: int | None
    index_deleted: bool
    detail: str


class SiteQuery(Strict):
    limit: int = Field(default=1000, ge=1, le=10000)


# -- queue, workers, health ---------------------------------------------------------
class QueueLength(BaseModel):
    length: int
    by_priority: dict[str, int] = Field(description="requests waiting per priority (1-9), empty ones left out")


class WorkerView(BaseModel):
    id: str
    node: str
    pid: int | None
    spider: str | None
    started_at: str | None
    last_seen: str | None
    age_s: float = Field(description="seconds since the last heartbeat")
    alive: bool
    pages: int
    leases: int
    rss_mb: float
    pages_per_min: float
    jobs: list[str] = Field(default_factory=list, description="jobs whose requests it holds leases of")


class JobCounts(BaseModel):
    pending: int = 0
    running: int = 0
    completed: int = 0
    failed: int = 0
    cancelled: int = 0


class QueueStats(BaseModel):
    """Queue statistics"""

    queues: dict[str, QueueLength]
    queued: int = Field(description="requests waiting, every queue")
    private_queued: int = Field(description="requests waiting in private queues of single-process jobs")
    in_flight: int = Field(description="requests leased to workers")
    jobs: JobCounts
    workers_alive: int
    pages_per_min: float = Field(description="sum over live workers")


class QueueStatus(BaseModel):
    """Queue lengths, active jobs and workers"""

    queues: dict[str, QueueLength]
    in_flight: int
    active_jobs: list[JobView]
    workers: list[WorkerView]
    workers_alive: int


class ScrapydState(BaseModel):
    configured: bool
    nodes: list[dict[str, Any]]
    detail: str


class CrawlerHealth(BaseModel):
    """Workers (from heartbeats) and scrapyd nodes"""

    workers: list[WorkerView]
    alive: int
    dead: int
    scrapyd: ScrapydState


class Component(BaseModel):
    # idle: no live worker, but reachable scrapyd nodes start them on submission
    status: Literal["ok", "degraded", "down", "none", "idle", "not_configured"]
    required: bool
    detail: str | None = None


class Health(BaseModel):
    """System health"""

    status: Literal["ok", "degraded", "down"]
    components: dict[str, Component]
    workers: int = Field(description="live workers")


class WebhookDelivery(BaseModel):
    """One webhook delivery of a job (the same delivery id on every attempt)"""

    delivery_id: str
    event: str
    url: str
    status: Literal["pending", "retrying", "delivered", "failed"]
    attempts: int
    response_status: int | None
    error: str | None
    created_at: str | None
    last_attempt_at: str | None
    next_attempt_at: str | None
    delivered_at: str | None


class WebhookDeliveries(BaseModel):
    """What became of a job's webhook events. Delivered ``job.page`` events
    are counted, not listed."""

    job_id: str
    url: str | None = Field(description="the job's webhook URL, null when it has none")
    delivered: int
    failed: int
    pending: int
    dispatchers: int = Field(description="webhook dispatchers seen recently (0: nothing is delivering)")
    events_waiting: int = Field(description="events not yet read by any dispatcher (all jobs)")
    deliveries: list[WebhookDelivery]
