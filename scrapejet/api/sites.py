"""Crawled sites (``/sites``): what is stored per site, and deleting it.

A site is the host a crawl started from, ``www.`` folded into the apex (the
``site`` of every stored page). Chunks and the embedding index arrive with
issue 5; until then they are reported as not available."""

from __future__ import annotations

from flask import Blueprint

from ..storage import queries
from ..urls import site_host
from .errors import ApiError, not_found
from .models import CrawlRef, IndexState, SiteCrawl, SiteDeleted, SiteDetail, SiteList, SiteQuery, SiteSummary, iso
from .openapi import endpoint
from .services import services

bp = Blueprint("sites", __name__)
SITE = {"site": "a site name as listed by GET /sites, e.g. shop.example.com"}
NO_INDEX = IndexState(available=False, detail="chunks and the embedding index arrive with issue 5")


def _summary(row) -> dict:
    last = row.get("last_crawl")
    return {
        "site": row["site"], "pages": row["pages"], "urls": row["urls"], "jobs": row["jobs"],
        "last_fetched_at": iso(row["last_fetched_at"]),
        "last_crawl": CrawlRef(job_id=last["job_id"], status=last["status"], finished_at=iso(last["finished_at"]))
        if last else None,
        "chunks": None, "index": NO_INDEX,
    }


def _site_name(site: str) -> str:
    return site_host(site.strip().lower().rstrip("."))


@bp.get("/sites")
@endpoint(summary="Sites with stored pages", tag="sites", query=SiteQuery, responses={200: SiteList})
def list_sites(query: SiteQuery):
    rows = queries.list_sites(services().storage, limit=query.limit)
    return SiteList(count=len(rows), sites=[SiteSummary(**_summary(r)) for r in rows])


@bp.get("/sites/<site>")
@endpoint(summary="One site: pages, crawls, index", tag="sites", responses={200: SiteDetail}, path_params=SITE)
def get_site(site: str):
    detail = queries.site_detail(services().storage, _site_name(site))
    if detail is None:
        raise not_found(f"no stored pages for site {site!r}")
    crawls = [
        SiteCrawl(job_id=c["job_id"], status=c["status"], pages=c["pages"], created_at=iso(c["created_at"]),
                  finished_at=iso(c["finished_at"]), last_fetched_at=iso(c["last_fetched_at"]))
        for c in detail["crawls"]
    ]
    return SiteDetail(**_summary(detail), crawls=crawls)


@bp.delete("/sites/<site>")
@endpoint(summary="Delete a site's pages", tag="sites", responses={200: SiteDeleted}, path_params=SITE,
          errors=(409,),
          description="Deletes the site's stored pages and the failures its crawls recorded; job records "
                      "stay as history. Refused (409) while a job crawling the site runs.")
def delete_site(site: str):
    name = _site_name(site)
    svc = services()
    for status in ("pending", "running"):
        for job in svc.jobs.list(status=status, limit=10_000):
            if site_host(job.spec.get("url") or job.spec.get("target_url") or "") == name:
                raise ApiError(409, "site_busy", f"job {job.job_id} is {status} on {name}; cancel it first")
    deleted = queries.delete_site(svc.storage, name)
    if not deleted["pages"]:
        raise not_found(f"no stored pages for site {site!r}")
    return SiteDeleted(
        site=name, pages_deleted=deleted["pages"], failures_deleted=deleted["failures"],
        chunks_deleted=None, index_deleted=False, detail=f"pages deleted; {NO_INDEX.detail}",
    )
