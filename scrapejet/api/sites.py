"""Crawled sites (``/sites``): what is stored per site, and deleting it.

A site is the host a crawl started from, ``www.`` folded into the apex (the
``site`` of every stored page). Each site also has the chunks of its pages
and one FAISS index of their vectors (``scrapejet/index``): both are
reported here and deleted with the site."""

from __future__ import annotations

from flask import Blueprint

from ..export import iso
from ..index.state import delete_site_index, enabled, site_state
from ..urls import site_host
from .errors import ApiError, not_found
from .models.sites import (
    CrawlRef,
    IndexState,
    SiteCrawl,
    SiteDeleted,
    SiteDetail,
    SiteList,
    SiteQuery,
    SiteSummary,
)
from .openapi import endpoint
from .services import services

bp = Blueprint("sites", __name__)
SITE = {"site": "a site name as listed by GET /sites, e.g. shop.example.com"}


def _index_state(svc, site: str, counts: dict | None) -> tuple[int, IndexState]:
    state = site_state(svc.settings, svc.storage, site, counts or {"chunks": 0, "embedded": 0, "pending": 0})
    available = bool(state["vectors"])
    if available:
        detail = f"{state['kind']} index of {state['vectors']} vectors ({state['model']})"
        if state["pending"]:
            detail += f"; {state['pending']} chunks wait for their vectors"
    elif state["chunks"]:
        detail = f"{state['chunks']} chunks, index not built yet ({state['pending']} wait for their vectors)"
    elif not enabled(svc.settings):
        detail = "no chunks: SCRAPEJET_EMBEDDINGS is off (pages are indexed when a question is asked)"
    else:
        detail = "no chunks yet: stored pages are chunked and embedded by the indexers (scrapejet indexer)"
    if state["queued_pages"]:
        detail += f"; {state['queued_pages']} pages wait for an indexer"
    if state["failed_pages"]:
        detail += f"; {state['failed_pages']} pages failed to index"
    return state["chunks"], IndexState(
        available=available, kind=state["kind"], vectors=state["vectors"] or 0, embedded=state["embedded"],
        pending=state["pending"], queued_pages=state["queued_pages"], failed_pages=state["failed_pages"],
        model=state["model"], built_at=iso(state["built_at"]), detail=detail,
    )


def _summary(row, svc, counts: dict | None) -> dict:
    last = row.get("last_crawl")
    chunks, index = _index_state(svc, row["site"], counts)
    return {
        "site": row["site"], "pages": row["pages"], "urls": row["urls"], "jobs": row["jobs"],
        "last_fetched_at": iso(row["last_fetched_at"]),
        "last_crawl": CrawlRef(job_id=last["job_id"], status=last["status"], finished_at=iso(last["finished_at"]))
        if last else None,
        "chunks": chunks, "index": index,
    }


def _site_name(site: str) -> str:
    return site_host(site.strip().lower().rstrip("."))


@bp.get("/sites")
@endpoint(summary="Sites with stored pages", tag="sites", query=SiteQuery, responses={200: SiteList})
def list_sites(query: SiteQuery):
    svc = services()
    rows = svc.storage.sites.summaries(limit=query.limit)
    counts = svc.storage.chunks.counts()
    return SiteList(count=len(rows), sites=[SiteSummary(**_summary(r, svc, counts.get(r["site"]))) for r in rows])


@bp.get("/sites/<site>")
@endpoint(summary="One site: pages, crawls, index", tag="sites", responses={200: SiteDetail}, path_params=SITE)
def get_site(site: str):
    svc = services()
    detail = svc.storage.sites.detail(_site_name(site))
    if detail is None:
        raise not_found(f"no stored pages for site {site!r}")
    crawls = [
        SiteCrawl(job_id=c["job_id"], status=c["status"], pages=c["pages"], created_at=iso(c["created_at"]),
                  finished_at=iso(c["finished_at"]), last_fetched_at=iso(c["last_fetched_at"]))
        for c in detail["crawls"]
    ]
    counts = svc.storage.chunks.counts(detail["site"]).get(detail["site"])
    return SiteDetail(**_summary(detail, svc, counts), crawls=crawls)


@bp.delete("/sites/<site>")
@endpoint(summary="Delete a site's pages", tag="sites", responses={200: SiteDeleted}, path_params=SITE,
          errors=(409,),
          description="Deletes the site's stored pages, the failures its crawls recorded, its chunks and "
                      "its embedding index; job records stay as history. Refused (409) while a job "
                      "crawling the site runs.")
def delete_site(site: str):
    name = _site_name(site)
    svc = services()
    for status in ("pending", "running"):
        for job in svc.jobs.list(status=status, limit=10_000):
            if site_host(job.spec.get("url") or job.spec.get("target_url") or "") == name:
                raise ApiError(409, "site_busy", f"job {job.job_id} is {status} on {name}; cancel it first")
    deleted = svc.storage.sites.delete(name)
    if not deleted["pages"]:
        raise not_found(f"no stored pages for site {site!r}")
    chunks = svc.storage.chunks.delete_site(name)
    index = delete_site_index(svc.settings, name)
    return SiteDeleted(
        site=name, pages_deleted=deleted["pages"], failures_deleted=deleted["failures"],
        chunks_deleted=chunks, index_deleted=index,
        detail=f"pages, {chunks} chunks" + (" and the index files deleted" if index else " deleted (no index files)"),
    )
