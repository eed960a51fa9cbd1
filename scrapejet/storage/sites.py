"""Sites: what is stored per site, and deleting a site (``storage.sites``).
Kept apart from the write paths in ``storage/__init__``, which the
pipelines use on every page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select

from .schema import failures, jobs, pages


def _site_columns():
    return (
        func.count().label("pages"),
        func.count(distinct(pages.c.canonical_url)).label("urls"),
        func.count(distinct(pages.c.job_id)).label("jobs"),
        func.max(pages.c.fetched_at).label("last_fetched_at"),
    )


class SiteStore:
    def __init__(self, engine):
        self.engine = engine

    def names(self) -> list[str]:
        """Every site with stored pages."""
        with self.engine.connect() as conn:
            return [s for s in conn.execute(select(pages.c.site).distinct()).scalars() if s]

    def summaries(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        """Sites with stored pages, most recently crawled first."""
        query = (
            select(pages.c.site, *_site_columns())
            .where(pages.c.site.is_not(None))
            .group_by(pages.c.site)
            .order_by(func.max(pages.c.fetched_at).desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        latest = self._latest_jobs([r["site"] for r in rows])
        for row in rows:
            row["last_crawl"] = latest.get(row["site"])
        return rows

    def _latest_jobs(self, sites: list[str]) -> dict[str, dict[str, Any]]:
        """Per site, the job that stored its most recent page."""
        if not sites:
            return {}
        per_job = (
            select(pages.c.site, pages.c.job_id, func.max(pages.c.fetched_at).label("fetched"))
            .where(pages.c.site.in_(sites))
            .group_by(pages.c.site, pages.c.job_id)
            .subquery()
        )
        query = select(per_job, jobs.c.status, jobs.c.finished_at).join(
            jobs, jobs.c.job_id == per_job.c.job_id, isouter=True
        ).order_by(per_job.c.fetched)
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():  # ascending: the last one wins
                out[row["site"]] = {
                    "job_id": row["job_id"], "status": row["status"], "finished_at": row["finished_at"],
                }
        return out

    def detail(self, site: str) -> dict[str, Any] | None:
        """A site's page counts and every job that stored pages of it."""
        with self.engine.connect() as conn:
            summary = conn.execute(
                select(*_site_columns()).where(pages.c.site == site)
            ).mappings().one()
            if not summary["pages"]:
                return None
            per_job = conn.execute(
                select(
                    pages.c.job_id, func.count().label("pages"), func.max(pages.c.fetched_at).label("last_fetched_at"),
                    jobs.c.status, jobs.c.created_at, jobs.c.finished_at,
                )
                .join(jobs, jobs.c.job_id == pages.c.job_id, isouter=True)
                .where(pages.c.site == site)
                .group_by(pages.c.job_id, jobs.c.status, jobs.c.created_at, jobs.c.finished_at)
                .order_by(func.max(pages.c.fetched_at).desc())
            ).mappings()
            job_rows = [dict(r) for r in per_job]
        detail = {"site": site, **dict(summary), "crawls": job_rows}
        detail["last_crawl"] = (
            {k: job_rows[0][k] for k in ("job_id", "status", "finished_at")} if job_rows else None
        )
        return detail

    def delete(self, site: str) -> dict[str, int]:
        """Delete a site's pages, and the failures recorded by the jobs that
        crawled it (a job crawls one site). Job records stay: they are history."""
        with self.engine.begin() as conn:
            job_ids = [r[0] for r in conn.execute(select(pages.c.job_id).where(pages.c.site == site).distinct())]
            deleted = conn.execute(pages.delete().where(pages.c.site == site)).rowcount
            failed = 0
            if job_ids:
                failed = conn.execute(failures.delete().where(failures.c.job_id.in_(job_ids))).rowcount
        return {"pages": int(deleted or 0), "failures": int(failed or 0), "jobs": len(job_ids)}
