"""What a user may ask of each kind of job: the pydantic models that
validate a spec (``jobs.validate_spec``) and describe it to API clients.

Kept apart from ``jobs`` so a worker, which only reads jobs, never imports
pydantic."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal
from urllib.parse import urljoin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .scheduler.roles import PAGE, ROBOTS, SITEMAP
from .urls import canonical_url, site_host
from .urls import url_pattern as compile_url_pattern


def http_url(value: str) -> str:
    """The canonical form of an absolute http(s) URL; ValueError otherwise."""
    value = (value or "").strip()
    if not re.match(r"^https?://[^/\s?#]+", value, re.IGNORECASE):
        raise ValueError("must be an absolute http:// or https:// URL")
    return canonical_url(value)


def url_pattern(value: str | None) -> str | None:
    """A regular expression URLs are matched against ("" is none), in the
    RE2 syntax that ``urls.url_pattern`` matches in linear time."""
    if value in (None, ""):
        return None
    import re2

    try:
        compile_url_pattern(value)
    except re2.error as exc:
        why = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"not a regular expression that matches in linear time (RE2 syntax: no backreferences "
                         f"or lookaround): {why}") from None
    return value


def backlink_target(value: str) -> str:
    """A backlink job's target, normalised (``backlinks.parse_target``)."""
    from .backlinks import parse_target

    return parse_target(value)


def off_target(seeds: Iterable[str], target: str | None) -> list[str]:
    """The seeds, each once; ValueError for a seed on the target's own site,
    whose links to the target are internal links, not backlinks."""
    from .backlinks import Target

    owner = Target.of(target) if target else None
    kept = []
    for seed in seeds:
        if owner is not None and owner.owns(seed):
            raise ValueError(f"{seed} is on the target's own site ({owner.domain}); "
                             "seed pages of other sites, which may link to it")
        kept.append(seed)
    return list(dict.fromkeys(kept))


# How an http(s) URL field is described in JSON Schema (for API clients and
# request generators); ``http_url`` is what enforces it.
HTTP_URL_SCHEMA = {"format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+"}
OutputFormat = Literal["json", "jsonl", "csv", "markdown"]
RenderJs = Literal["auto"] | bool
# A job's priority, wherever one is given: 1-9, 9 most urgent.
PRIORITY_RANGE = {"ge": 1, "le": 9}
WEBHOOK_EVENTS = ("job.started", "job.page", "job.completed", "job.failed", "job.cancelled")
WebhookEvent = Literal[WEBHOOK_EVENTS]
BacklinkMatch = Literal["domain", "host", "prefix"]
# A backlink job's seed pages: at most this many.
MAX_SEEDS = 1000

# The fields the kinds of job share, each with its type, bounds and
# validator defined here once: the specs below and the API's request models
# (scrapejet/api/models) declare their fields with them.
HttpUrl = Annotated[str, AfterValidator(http_url), Field(json_schema_extra=HTTP_URL_SCHEMA)]
UrlPattern = Annotated[str | None, AfterValidator(url_pattern)]
Priority = Annotated[int, Field(**PRIORITY_RANGE)]
PageBudget = Annotated[int, Field(ge=1)]
Depth = Annotated[int, Field(ge=0)]
# Paths ("/about") or URLs on the same site; given, they replace discovery.
BusinessPages = Annotated[list[str], Field(max_length=100)]
BacklinkTarget = Annotated[str, AfterValidator(backlink_target)]
AllowedDomains = Annotated[list[str], Field(max_length=1000)]


class Strict(BaseModel):
    """A spec or request in which a field nobody knows is an error, not
    ignored: a misspelt option must not silently fall back to its default."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Seed:
    """One of a job's first requests: where it starts and in what role
    (robots.txt and sitemaps are fetched to find pages no link reaches)."""

    url: str
    role: str = PAGE
    depth: int = 0
    render_js: bool = False
    seed: bool = True
    page_type: str | None = None
    rank: int | None = None


def _site_seeds(url: str, render_js: bool, **page) -> list[Seed]:
    """A site's robots.txt, start page and /sitemap.xml. robots.txt first: a
    worker reads it before sending anything else to the host, so a start
    page leased first would hold a download slot while robots.txt is
    fetched and the host's delay runs out after it."""
    return [
        Seed(urljoin(url, "/robots.txt"), role=ROBOTS, depth=1, seed=False),
        Seed(url, render_js=render_js, **page),
        Seed(urljoin(url, "/sitemap.xml"), role=SITEMAP, depth=1, seed=False),
    ]


class WebhookSpec(Strict):
    """Where to POST a job's state changes. Stored with the job so whichever
    process sees a change can deliver it; ``job.page`` is opt-in because it
    fires once per stored page."""

    url: HttpUrl = Field(description="http(s) URL the events are POSTed to")
    events: list[WebhookEvent] = Field(
        default_factory=lambda: ["job.started", "job.completed", "job.failed", "job.cancelled"], min_length=1
    )
    secret: str | None = Field(default=None, min_length=1, max_length=256)

    @field_validator("events")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class CrawlSpec(Strict):
    """What a user may ask of a site crawl (job kind ``crawl``)."""

    # The server defaults (SCRAPEJET_DEFAULT_*) that apply to this kind.
    defaulted: ClassVar[tuple[str, ...]] = ("max_pages", "max_depth", "priority")

    url: HttpUrl
    max_pages: PageBudget = 100
    max_depth: Depth = 5
    include: UrlPattern = None
    exclude: UrlPattern = None
    # as for business pages: "auto" renders in Chromium only the pages whose
    # HTML looks drawn by script, so a site whose menu a script writes is
    # crawled whole without the user asking
    render_js: RenderJs = "auto"
    priority: Priority = 5
    subdomains: bool = False
    # False: only the process that submitted it serves the job (`scrapy crawl
    # -a url=...`, `scrapejet crawl`), so its own output holds every page.
    shared: bool = True
    # The format the submitter asked results in (API `output_format`);
    # every stored job can still be exported in any format.
    output_format: OutputFormat | None = None
    webhook: WebhookSpec | None = None

    def first_requests(self) -> list[Seed]:
        """The start page, with the site's robots.txt and sitemap."""
        return _site_seeds(self.url, self.render_js is True)


class BusinessSpec(Strict):
    """What a user may ask of a business-pages crawl (job kind ``business``):
    the pages of a company site that say who it is and how to reach it."""

    # its own, smaller page budget: not the server's default
    defaulted: ClassVar[tuple[str, ...]] = ("priority",)

    url: HttpUrl
    pages_to_scrape: BusinessPages | None = None
    max_pages: PageBudget = 25
    # "auto": a page whose fetched HTML looks drawn by script (placeholders
    # for partial files, an empty app root, no links) is fetched again in
    # Chromium (extract.scripted); True: every page; False: none.
    render_js: RenderJs = "auto"
    priority: Priority = 5
    shared: bool = True
    output_format: OutputFormat | None = None
    webhook: WebhookSpec | None = None

    @field_validator("pages_to_scrape", mode="before")
    @classmethod
    def _pages(cls, value: Any) -> Any:
        # `-a pages_to_scrape=/,/about,/contact` from the command line
        if isinstance(value, str):
            value = [p.strip() for p in value.split(",") if p.strip()]
        return value or None

    @model_validator(mode="after")
    def _same_site(self) -> BusinessSpec:
        if not self.pages_to_scrape:
            return self
        pages = []
        for page in self.pages_to_scrape:
            if page.startswith("/"):
                url = canonical_url(urljoin(self.url, page))
            else:
                try:
                    url = http_url(page)
                except ValueError:
                    raise ValueError(f"pages_to_scrape: {page!r} is neither a path (/about) nor an http(s) URL") from None
            if site_host(url) != site_host(self.url):
                raise ValueError(f"pages_to_scrape: {page!r} is not on {site_host(self.url)}")
            pages.append(url)
        self.pages_to_scrape = list(dict.fromkeys(pages))
        return self

    def first_requests(self) -> list[Seed]:
        """The pages asked for, in their order (their rank), or else the home
        page, with the site's robots.txt and sitemap, for discovery."""
        if self.pages_to_scrape:
            return [Seed(page, render_js=self.render_js is True, rank=rank)
                    for rank, page in enumerate(self.pages_to_scrape)]
        return _site_seeds(self.url, self.render_js is True, page_type="home", rank=0)


def _url_list(value: Any) -> Any:
    """`-a seeds=https://a.test/,https://b.test/`: split at commas that start
    another URL (a comma inside a URL's query stays), and at white space."""
    if isinstance(value, str):
        value = [v for v in re.split(r"\s+|,(?=\s*[A-Za-z][A-Za-z0-9+.-]*:)", value) if v]
    return value


class BacklinkSpec(Strict):
    """What a user may ask of a backlink discovery (job kind ``backlinks``):
    crawl outward from the seeds, across sites, and record every link to the
    target."""

    # its own, shallower depth (hops across sites grow fast)
    defaulted: ClassVar[tuple[str, ...]] = ("max_pages", "priority")

    # A domain (every host under its registered domain), or a URL.
    target: BacklinkTarget
    # domain: any host of the target's registered domain; host: the target's
    # host (www folded); prefix: URLs starting with the target URL.
    match: BacklinkMatch = "domain"
    seeds: list[str] = Field(default_factory=list, max_length=MAX_SEEDS, validate_default=True)
    max_pages: PageBudget = 100
    # Link hops from the seeds, across sites.
    max_depth: Depth = 2
    # Pages of one registered domain the job follows links to (seeds aside),
    # across all workers: one large site cannot eat the whole budget.
    per_domain_max_pages: PageBudget = 50
    allowed_domains: AllowedDomains | None = None
    include: UrlPattern = None
    exclude: UrlPattern = None
    render_js: bool = False
    priority: Priority = 5
    shared: bool = True
    webhook: WebhookSpec | None = None

    @field_validator("seeds", mode="before")
    @classmethod
    def _split_seeds(cls, value: Any) -> Any:
        return _url_list(value)

    @field_validator("match")
    @classmethod
    def _match(cls, value: str, info: ValidationInfo) -> str:
        if value == "prefix" and "://" not in info.data.get("target", "://"):
            raise ValueError("'prefix' needs a target URL (https://example.com/blog), not a domain")
        return value

    @field_validator("seeds")
    @classmethod
    def _seeds(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if not value:
            raise ValueError("give at least one seed URL (a page to start from)")

        def absolute(seed: str) -> str:
            try:
                return http_url(seed)
            except ValueError:
                raise ValueError(f"{seed!r} is not an absolute http:// or https:// URL") from None

        # map, lazily: each seed is made absolute, then checked against the
        # target, before the next: the first bad seed is the one named.
        return off_target(map(absolute, value), info.data.get("target"))

    @field_validator("allowed_domains", mode="before")
    @classmethod
    def _split_domains(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [v for v in re.split(r"[\s,]+", value) if v]
        return value

    @field_validator("allowed_domains")
    @classmethod
    def _domains(cls, value: list[str] | None) -> list[str] | None:
        from .backlinks import valid_host

        if not value:
            return None
        domains = [d.strip().lower().rstrip(".") for d in value]
        for domain in domains:
            if not valid_host(domain):
                raise ValueError(f"{domain!r} is not a domain such as example.com")
        return list(dict.fromkeys(domains))

    def first_requests(self) -> list[Seed]:
        """Each seed page (robots.txt is obeyed by Scrapy's middleware; the
        sitemaps of the sites the job crosses are not wanted)."""
        return [Seed(seed, render_js=self.render_js) for seed in self.seeds]


SPECS: dict[str, type[BaseModel]] = {"crawl": CrawlSpec, "business": BusinessSpec, "backlinks": BacklinkSpec}
