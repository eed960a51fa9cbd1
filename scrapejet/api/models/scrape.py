"""Site crawls (``api/scrape.py``): the request, a job's progress, its
stored pages."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, model_validator

from ...specs import (
    Depth,
    HttpUrl,
    OutputFormat,
    PageBudget,
    Priority,
    RenderJs,
    Strict,
    WebhookSpec,
)
from .business import BusinessProfileOut
from .common import Exclude, Include, JobId, State, Status


class ScrapeRequest(Strict):
    """A site crawl."""

    # Fields left out (null) take the server's defaults (SCRAPEJET_DEFAULT_*)
    # when the job is submitted.
    url: HttpUrl = Field(description="start URL (http or https); the site is its host")
    expected_pages: PageBudget | None = Field(default=None, description="pages to store; same as max_pages")
    max_pages: PageBudget | None = Field(default=None, description="pages to store (default SCRAPEJET_DEFAULT_MAX_PAGES)")
    max_depth: Depth | None = Field(default=None, description="link depth from url (default SCRAPEJET_DEFAULT_MAX_DEPTH)")
    output_format: OutputFormat = Field(default="json", description="format of the result download (GET /scrape/{id}/result?download=true)")
    priority: Priority | None = Field(default=None, description="1-9, 9 most urgent (default 5)")
    render_js: RenderJs = Field(
        default="auto",
        description='"auto": render in headless Chromium the pages that look drawn by script (placeholders for '
                    'partial files, an empty app root, no links); true: every page; false: none',
    )
    include: Include = None
    exclude: Exclude = None
    subdomains: bool = Field(default=False, description="crawl every host under the registered domain")
    webhook: WebhookSpec | None = Field(default=None, description="POSTed on job state changes")
    job_id: JobId | None = Field(default=None, description="name the job (default: random)")

    @model_validator(mode="after")
    def _one_budget(self):
        if self.expected_pages and self.max_pages and self.expected_pages != self.max_pages:
            raise ValueError("give expected_pages or max_pages, not two different values")
        return self

    def spec(self) -> dict[str, Any]:
        """The ``crawl`` job spec this request asks for."""
        data = self.model_dump(exclude={"expected_pages", "job_id"}, exclude_none=True)
        data["max_pages"] = self.expected_pages or self.max_pages
        return {k: v for k, v in data.items() if v is not None}


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
    format: OutputFormat | None = Field(default=None, description="download every page in this format instead of a JSON page of items")
    download: bool = Field(default=False, description="download in the job's output_format")
    page: int = Field(default=1, ge=1, le=1_000_000, description="page of items (JSON view)")
    per_page: int = Field(default=100, ge=1, le=1000, description="items per page (JSON view)")
    partial: bool = Field(default=False, description="answer while the job still runs, with what is stored so far")
    q: str | None = Field(default=None, min_length=1, max_length=200,
                          description="only pages whose URL or title holds this text (any case); downloads too")
    status: int | None = Field(default=None, ge=100, le=599, description="only pages that answered this HTTP status")


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
    outside_text: str | None = Field(default=None, description="visible text outside the main content (header, "
                                     "footer, sidebars), menus left out")
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
