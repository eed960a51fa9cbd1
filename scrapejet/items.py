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
    headings: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=lambda: {"internal": [], "external": []})
    word_count: int = 0
    content_hash: str = ""
    site: str = ""
    page_type: str | None = None


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
