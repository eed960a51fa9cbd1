"""Crawled sites (``api/sites.py``): what is stored per site, and what
deleting one removed."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ...specs import Strict


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
    queued_pages: int = Field(default=0, description="stored pages waiting for an indexer to chunk and embed them")
    failed_pages: int = Field(default=0, description="queued pages the indexers gave up on (see `scrapejet index status`)")
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
