"""Typed items (dataclasses, handled by Scrapy through itemadapter)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageItem:
    """One crawled HTML page."""

    job_id: str
    url: str
    final_url: str
    status: int
    depth: int
    fetched_at: float
    title: str | None = None
    description: str | None = None
    language: str | None = None
    text: str = ""
    markdown: str = ""
    # Visible text the main content leaves out (header, footer, sidebars,
    # cards), without menus: where small sites state address, hours, owner.
    outside_text: str = ""
    headings: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=lambda: {"internal": [], "external": []})
    word_count: int = 0
    content_hash: str = ""
    site: str = ""
    page_type: str | None = None


@dataclass
class BusinessPageItem(PageItem):
    """A page of a business job: a PageItem (stored, indexed like any page)
    plus what it says about the company (emails, phones, addresses, socials,
    company facts), merged into the job's profile."""

    contacts: dict[str, Any] = field(default_factory=dict)
    # Where discovery ranked the page (lower = found sooner and named more
    # clearly): of several pages of one role, the profile names the best
    # ranked, whatever order the responses happened to arrive in.
    discovery_rank: int | None = None


@dataclass
class BusinessProfileItem:
    """A company's contact profile, merged from the business pages of one job.

    Every value in emails/phones/addresses/socials carries where it was
    found (``found_on``: page URLs and their roles); ``provenance`` says the
    same for the company name and description."""

    job_id: str
    site: str
    company_name: str | None = None
    description: str | None = None
    logo: str | None = None
    emails: list[dict[str, Any]] = field(default_factory=list)
    phones: list[dict[str, Any]] = field(default_factory=list)
    addresses: list[dict[str, Any]] = field(default_factory=list)
    socials: list[dict[str, Any]] = field(default_factory=list)
    opening_hours: list[Any] = field(default_factory=list)
    geo: dict[str, Any] | None = None
    vat_id: str | None = None
    registration: str | None = None
    pages: dict[str, str] = field(default_factory=dict)
    schema_org: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    created_at: float = 0.0


@dataclass
class FailureItem:
    """A request that produced no page, and why (failed, or skipped on purpose)."""

    job_id: str
    url: str
    reason: str
    outcome: str = "failed"  # failed | skipped
    final_url: str | None = None
    status: int | None = None
    depth: int = 0
    fetched_at: float = 0.0


@dataclass
class BacklinkItem:
    """A link from a page of another site to a backlink job's target.

    ``link_type``: href, image (a linked image: ``anchor_text`` is its alt),
    redirect (the link's URL, ``redirect_url``, redirects to ``target_url``),
    canonical, meta-refresh, iframe or form. The rel flags come from the
    link's rel token list (case-insensitive); ``nofollow`` is also set on a
    page whose robots meta says nofollow. ``first_seen``/``last_seen``: when
    this crawl saw it (storage keeps the first time any crawl did)."""

    job_id: str
    source_url: str
    source_domain: str
    target_url: str
    target_domain: str
    anchor_text: str = ""
    alt: str | None = None
    title: str | None = None
    rel: list[str] = field(default_factory=list)
    nofollow: bool = False
    ugc: bool = False
    sponsored: bool = False
    noopener: bool = False
    link_type: str = "href"
    redirect_url: str | None = None
    is_content: bool = False
    context: str = ""
    position: int = 0
    source_status: int | None = None
    source_language: str | None = None
    first_seen: float = 0.0
    last_seen: float = 0.0


@dataclass
class BacklinkSourceItem:
    """A page a backlink job fetched, whether it links to the target or not
    (``backlinks``: how many links it has to it). Storage marks the links
    this page had before and no longer has as lost, the reason following
    ``status`` (200: link removed; 404/410: page gone; 3xx: page
    redirected). Crawl bookkeeping: feeds leave it out by default."""

    job_id: str
    target_domain: str
    source_url: str
    status: int
    fetched_at: float
    depth: int = 0
    language: str | None = None
    backlinks: int = 0
