"""Business page crawls (``api/business.py``): the request, and the
company profile a business job's result carries."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ...specs import BusinessPages, HttpUrl, PageBudget, Priority, RenderJs, Strict, WebhookSpec
from .common import JobId


class BusinessScrapeRequest(Strict):
    """Business pages of a company site."""

    url: HttpUrl = Field(description="the company's site (http or https)")
    pages_to_scrape: BusinessPages | None = Field(
        default=None,
        description="paths (\"/about\") or URLs on the same site; default: the business pages found on the site",
    )
    max_pages: PageBudget | None = None
    priority: Priority | None = None
    render_js: RenderJs = Field(
        default="auto",
        description='"auto": render in headless Chromium the pages that look drawn by script (placeholders for '
                    'partial files, an empty app root, no links); true: every page; false: none',
    )
    webhook: WebhookSpec | None = None
    job_id: JobId | None = None

    def spec(self) -> dict[str, Any]:
        """The business job spec (pages checked against the site by it)."""
        return self.model_dump(exclude={"job_id"}, exclude_none=True)


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
    phones: list[dict[str, Any]] = Field(description="{e164, as_written, type: landline|mobile|phone|fax|whatsapp, found_on[]}")
    addresses: list[dict[str, Any]] = Field(
        description="{street, postal_code, locality, region, country, as_written, found_on[]}")
    socials: list[dict[str, Any]] = Field(description="{network, url, handle, found_on[]}")
    opening_hours: list[Any]
    geo: dict[str, Any] | None
    vat_id: str | None = Field(None, description="the VAT number the pages state (\"DE287456193\")")
    registration: str | None = Field(None, description="the register and number the pages state "
                                                       "(\"HRB 12345\", \"KvK 12345678\", \"Company Number 14599592\")")
    pages: dict[str, str] = Field(description="role (home, about, contact, legal, privacy...) -> URL")
    schema_org: dict[str, Any]
    provenance: dict[str, Any] = Field(description="where company_name, description, logo, vat_id and registration "
                                                   "came from; "
                                                   "`rendered`: the pages rendered in Chromium (render_js auto), "
                                                   "each with why")
    created_at: str | None
