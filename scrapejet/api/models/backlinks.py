"""Backlink discovery (``api/backlinks.py``): the Link Profiler's job
request, a domain's backlinks and its link profile."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from ...export import iso
from ...specs import (
    MAX_SEEDS,
    AllowedDomains,
    BacklinkMatch,
    BacklinkTarget,
    Depth,
    HttpUrl,
    PageBudget,
    Priority,
    Strict,
    WebhookSpec,
    off_target,
)
from ...storage.backlinks import (
    BECAME_NOFOLLOW,
    LINK_REMOVED,
    LINK_TYPES,
    PAGE_GONE,
    PAGE_REDIRECTED,
    REL_FLAGS,
)
from .common import Exclude, Include, JobId, SiteName, host

LinkType = Literal[LINK_TYPES]


class BacklinkConfig(Strict):
    max_pages: PageBudget | None = Field(default=None, description="pages to crawl (default SCRAPEJET_DEFAULT_MAX_PAGES)")
    max_depth: Depth | None = Field(default=None, description="link hops from the seeds, across sites (default 2)")
    per_domain_max_pages: PageBudget | None = Field(
        default=None, description="pages of one registered domain followed to, seeds aside (default 50)")
    # Each a site name (www. folded, as everywhere in the API), then checked
    # by the spec as a domain.
    allowed_domains: AllowedDomains | None = Field(
        default=None, description="follow links only to these domains (and their subdomains)")
    match: BacklinkMatch | None = Field(
        default=None, description="domain (default): links to any host of the target's registered domain; "
                                  "host: to the target's host only; prefix: to URLs starting with target_url")
    render_js: bool = False
    include: Include = None
    exclude: Exclude = None

    @field_validator("allowed_domains")
    @classmethod
    def _domains(cls, value: list[str] | None) -> list[str] | None:
        return [host(v) for v in value] if value is not None else None


class SubmitCrawlRequest(Strict):
    """A backlink discovery job."""

    target_url: BacklinkTarget = Field(description="the site whose backlinks to find: a URL (https://example.com) "
                                                   "or a domain (example.com)", min_length=1)
    initial_seed_urls: list[HttpUrl] = Field(min_length=1, max_length=MAX_SEEDS,
                                             description="pages of other sites to start from")
    priority: Priority | None = None
    config: BacklinkConfig = Field(default_factory=BacklinkConfig)
    webhook: WebhookSpec | None = None
    job_id: JobId | None = None

    @field_validator("initial_seed_urls")
    @classmethod
    def _seeds(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return off_target(value, info.data.get("target_url"))

    def spec(self) -> dict[str, Any]:
        """The ``backlinks`` job spec this request asks for."""
        return {"target": self.target_url, "seeds": self.initial_seed_urls,
                **self.model_dump(include={"priority", "webhook"}, exclude_none=True),
                **self.config.model_dump(exclude_none=True)}


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
    link_type: LinkType
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
    lost_reason: Literal[LINK_REMOVED, PAGE_GONE, PAGE_REDIRECTED, BECAME_NOFOLLOW] | None = Field(
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
    rel: Literal[("dofollow", *REL_FLAGS)] | None = Field(
        default=None, description="dofollow: none of nofollow, ugc, sponsored")
    link_type: LinkType | None = None
    referring_domain: SiteName | None = Field(default=None, description="links from this domain (or host) only")
    job_id: JobId | None = Field(default=None, description="links seen by this job")
    format: Literal["json", "jsonl", "csv"] | None = Field(
        default=None, description="every matching link as a file instead of a JSON page")
    page: int = Field(default=1, ge=1, le=1_000_000)
    per_page: int = Field(default=100, ge=1, le=1000)


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


class HistoryQuery(Strict):
    crawls: int = Field(default=30, ge=1, le=500, description="how many of the latest crawls")


class CrawlChange(BacklinkCrawl):
    new: int = Field(description="links this crawl saw first")
    lost: int = Field(description="links this crawl found gone (removed, page gone or redirected, became nofollow)")


class BacklinkHistory(BaseModel):
    """New and lost backlinks over time, one point per crawl of the domain"""

    domain: str
    crawls: list[CrawlChange] = Field(description="oldest first")

    @classmethod
    def of(cls, domain: str, history: list[dict[str, Any]]) -> BacklinkHistory:
        return cls(domain=domain, crawls=[CrawlChange(**{**c, "crawled_at": iso(c["crawled_at"])}) for c in history])
