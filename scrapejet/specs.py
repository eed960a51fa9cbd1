"""What a user may ask of each kind of job: the pydantic models that
validate a spec (``jobs.validate_spec``) and describe it to API clients.

Kept apart from ``jobs`` so a worker, which only reads jobs, never imports
pydantic."""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urljoin

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .urls import canonical_url, site_host


def http_url(value: str) -> str:
    """The canonical form of an absolute http(s) URL; ValueError otherwise."""
    value = (value or "").strip()
    if not re.match(r"^https?://[^/\s?#]+", value, re.I):
        raise ValueError("must be an absolute http:// or https:// URL")
    return canonical_url(value)


# How an http(s) URL field is described in JSON Schema (for API clients and
# request generators); ``http_url`` is what enforces it.
HTTP_URL_SCHEMA = {"format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+"}
OUTPUT_FORMATS = ("json", "jsonl", "csv", "markdown")
WEBHOOK_EVENTS = ("job.started", "job.page", "job.completed", "job.failed", "job.cancelled")
WebhookEvent = Literal["job.started", "job.page", "job.completed", "job.failed", "job.cancelled"]


class WebhookSpec(BaseModel):
    """Where to POST a job's state changes. Stored with the job so whichever
    process sees a change can deliver it; ``job.page`` is opt-in because it
    fires once per stored page."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(description="http(s) URL the events are POSTed to", json_schema_extra=HTTP_URL_SCHEMA)
    events: list[WebhookEvent] = Field(
        default_factory=lambda: ["job.started", "job.completed", "job.failed", "job.cancelled"], min_length=1
    )
    secret: str | None = Field(default=None, min_length=1, max_length=256)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return http_url(value)

    @field_validator("events")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class CrawlSpec(BaseModel):
    """What a user may ask of a site crawl (job kind ``crawl``)."""

    model_config = ConfigDict(extra="forbid")

    url: str
    max_pages: int = Field(default=100, ge=1)
    max_depth: int = Field(default=5, ge=0)
    include: str | None = None
    exclude: str | None = None
    render_js: bool = False
    priority: int = Field(default=5, ge=1, le=9)
    subdomains: bool = False
    # False: only the process that submitted it serves the job (`scrapy crawl
    # -a url=...`, `scrapejet crawl`), so its own output holds every page.
    shared: bool = True
    # The format the submitter asked results in (API `output_format`);
    # every stored job can still be exported in any format.
    output_format: Literal["json", "jsonl", "csv", "markdown"] | None = None
    webhook: WebhookSpec | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return http_url(value)

    @field_validator("include", "exclude")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return value


class BusinessSpec(BaseModel):
    """What a user may ask of a business-pages crawl (job kind ``business``):
    the pages of a company site that say who it is and how to reach it."""

    model_config = ConfigDict(extra="forbid")

    url: str
    # Paths ("/about") or URLs on the same site; given, they replace discovery.
    pages_to_scrape: list[str] | None = Field(default=None, max_length=100)
    max_pages: int = Field(default=25, ge=1)
    render_js: bool = False
    priority: int = Field(default=5, ge=1, le=9)
    shared: bool = True
    output_format: Literal["json", "jsonl", "csv", "markdown"] | None = None
    webhook: WebhookSpec | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return http_url(value)

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


SPECS: dict[str, type[BaseModel]] = {"crawl": CrawlSpec, "business": BusinessSpec}
# Server defaults (SCRAPEJET_DEFAULT_*) that apply to each kind; a business
# job has its own, smaller page budget.
DEFAULTED = {"crawl": ("max_pages", "max_depth", "priority"), "business": ("priority",)}
