"""Backlinks of a target domain: records, lost-link detection, the link
profile (``storage.backlinks``; the tables are in ``schema``).

A record is one link: keyed by (target_domain, a hash of source page, target
URL, anchor text and link type), so a later job that sees it again updates
``last_seen``. When a job crawls a source page (a ``BacklinkSourceItem``),
the page's live records that this job did not see are marked lost: ``link
removed`` (the page answered 200), ``page gone`` (404/410) or ``page
redirected`` (3xx). A link that became nofollow stays live with ``lost_at``
and ``lost_reason = became nofollow``: the followed link was lost, a
nofollow one remains. Every count of the profile is a SQL aggregate."""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    case,
    distinct,
    false,
    func,
    literal,
    not_,
    null,
    or_,
    select,
    true,
)

from ..urls import dedupe_key, registered_domain, site_host
from .schema import LINK_FIELDS, backlink_sources, backlinks

LINK_REMOVED, PAGE_GONE, PAGE_REDIRECTED, BECAME_NOFOLLOW = (
    "link removed", "page gone", "page redirected", "became nofollow",
)
REL_FLAGS = ("nofollow", "ugc", "sponsored", "noopener")
LINK_TYPES = ("href", "image", "redirect", "canonical", "meta-refresh", "iframe", "form")


def _hash(*parts: str) -> str:
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def source_key(url: str) -> str:
    """One key for one page, whatever its spelling (www and apex folded)."""
    return _hash(dedupe_key(url))


def link_key(link: dict[str, Any]) -> str:
    return _hash(dedupe_key(link["source_url"]), link["target_url"], link.get("anchor_text") or "",
                 link.get("link_type") or "href")


# -- writes ---------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def _statements(dialect: str):
    """The upserts and the lost-marking update, built once per dialect
    (building an upsert costs more than running it)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    links = insert(backlinks)
    ex = links.excluded
    t = backlinks.c
    became = and_(ex.nofollow, or_(not_(t.nofollow), t.lost_reason == BECAME_NOFOLLOW))
    kept = and_(ex.nofollow, t.lost_reason == BECAME_NOFOLLOW)
    refresh = {name: ex[name] for name in LINK_FIELDS if name not in ("target_domain", "first_seen")}
    upsert_links = links.on_conflict_do_update(
        index_elements=["target_domain", "link_key"],
        set_={
            **refresh, "source_host": ex.source_host, "target_host": ex.target_host, "last_job_id": ex.last_job_id,
            "live": true(),
            "lost_reason": case((became, literal(BECAME_NOFOLLOW)), else_=null()),
            "lost_at": case((kept, t.lost_at), (became, ex.last_seen), else_=null()),
            "lost_job_id": case((kept, t.lost_job_id), (became, ex.last_job_id), else_=null()),
        },
    )
    sources = insert(backlink_sources)
    upsert_sources = sources.on_conflict_do_update(
        index_elements=["job_id", "target_domain", "source_key"],
        set_={k: sources.excluded[k] for k in ("source_url", "status", "depth", "language", "backlinks",
                                               "fetched_at")},
    )
    mark_lost = (
        backlinks.update()
        .where(t.target_domain == bindparam("b_target"), t.source_key == bindparam("b_source"),
               t.live == true(), t.last_job_id != bindparam("b_job"))
        .values(live=False, lost_at=bindparam("b_at"), lost_reason=bindparam("b_reason"),
                lost_job_id=bindparam("b_job"))
    )
    return upsert_links, upsert_sources, mark_lost


def lost_reason(status: int) -> str:
    if status in (404, 410):
        return PAGE_GONE
    if 300 <= status < 400:
        return PAGE_REDIRECTED
    return LINK_REMOVED


# -- reads ------------------------------------------------------------------------
def _host_scope(domain_column, host_column, domain: str):
    """Rows of a registered domain (every host under it), or of one host
    (www folded) and its subdomains."""
    domain = site_host(domain)
    registered = registered_domain(domain)
    where = domain_column == registered
    if domain != registered:
        where = and_(where, or_(host_column == domain, host_column.like(f"%.{domain}")))
    return where


def _scope(domain: str):
    return _host_scope(backlinks.c.target_domain, backlinks.c.target_host, domain)


def _filters(domain: str, *, rel: str | None = None, link_type: str | None = None,
             referring_domain: str | None = None, status: str = "live", job_id: str | None = None):
    t = backlinks.c
    where = [_scope(domain)]
    if status == "live":
        where.append(t.live == true())
    elif status == "lost":
        where.append(t.lost_at.is_not(None))
    if rel == "dofollow":
        where += [t.nofollow == false(), t.ugc == false(), t.sponsored == false()]
    elif rel:
        where.append(t[rel] == true())
    if link_type:
        where.append(t.link_type == link_type)
    if referring_domain:
        where.append(_host_scope(t.source_domain, t.source_host, referring_domain))
    if job_id:
        where.append(t.last_job_id == job_id)
    return and_(*where)


def _public(row) -> dict[str, Any]:
    record = dict(row)
    for name in ("id", "link_key", "source_key"):
        record.pop(name, None)
    return record


def _dofollow():
    t = backlinks.c
    return and_(not_(t.nofollow), not_(t.ugc), not_(t.sponsored))


def _n(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


class BacklinkStore:
    """Backlink records and the link profile over a ``Storage``'s engine
    (``storage.backlinks``)."""

    def __init__(self, engine):
        self.engine = engine

    def store(self, links: list[dict[str, Any]], sources: list[dict[str, Any]]) -> None:
        """Write a batch of backlinks and crawled source pages in one transaction.

        Idempotent, and the order of the two does not matter: a link seen again
        by this job is live whether its page's lost-marking ran before or after."""
        upsert_links, upsert_sources, mark_lost = _statements(self.engine.dialect.name)
        rows = []
        for link in links:
            row = {name: link.get(name) for name in LINK_FIELDS}
            for flag in (*REL_FLAGS, "is_content"):
                row[flag] = bool(row[flag])
            row.update(
                link_key=link_key(link), source_key=source_key(link["source_url"]),
                source_host=site_host(link["source_url"]), target_host=site_host(link["target_url"]),
                first_job_id=link["job_id"], last_job_id=link["job_id"],
                live=True, lost_at=None, lost_reason=None, lost_job_id=None,
                first_seen=link.get("first_seen") or time.time(), last_seen=link.get("last_seen") or time.time(),
            )
            rows.append(row)
        pages = [
            {"job_id": s["job_id"], "target_domain": s["target_domain"], "source_key": source_key(s["source_url"]),
             "source_url": s["source_url"], "status": s.get("status"), "depth": s.get("depth"),
             "language": s.get("language"), "backlinks": s.get("backlinks") or 0, "fetched_at": s.get("fetched_at")}
            for s in sources
        ]
        with self.engine.begin() as conn:
            if rows:
                conn.execute(upsert_links, rows)
            if pages:
                conn.execute(upsert_sources, pages)
                conn.execute(mark_lost, [
                    {"b_target": p["target_domain"], "b_source": p["source_key"], "b_job": p["job_id"],
                     "b_at": p["fetched_at"] or time.time(), "b_reason": lost_reason(p["status"] or 200)}
                    for p in pages
                ])

    def count(self, domain: str, **filters) -> int:
        query = select(func.count()).select_from(backlinks).where(_filters(domain, **filters))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def records(self, domain: str, *, offset: int = 0, limit: int | None = None,
                **filters) -> Iterator[dict[str, Any]]:
        """Records, most recently seen first (then by source page and position),
        streamed: a CSV of every backlink never holds them all in memory."""
        t = backlinks.c
        query = (select(backlinks).where(_filters(domain, **filters))
                 .order_by(t.last_seen.desc(), t.source_url, t.position, t.id).offset(offset))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=500).execute(query).mappings():
                yield _public(row)

    def referring_domains(self, domain: str, job_id: str) -> int:
        """Domains whose pages linked to ``domain`` when job ``job_id`` last saw them."""
        query = select(func.count(distinct(backlinks.c.source_domain))).where(
            backlinks.c.target_domain == domain, backlinks.c.last_job_id == job_id)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def crawls(self, domain: str, limit: int = 2) -> list[dict[str, Any]]:
        """The latest jobs that crawled source pages for ``domain``'s
        registered domain, newest first, with what each crawled."""
        s = backlink_sources.c
        query = (
            select(s.job_id, _n(s.status < 300).label("pages_crawled"), func.sum(s.backlinks).label("backlinks_seen"),
                   func.max(s.fetched_at).label("crawled_at"))
            .where(s.target_domain == registered_domain(site_host(domain)))
            .group_by(s.job_id).order_by(func.max(s.fetched_at).desc()).limit(limit)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def history(self, domain: str, *, crawls: int = 30) -> list[dict[str, Any]]:
        """New and lost links over time: per crawl of ``domain`` (oldest
        first), the links it saw first and those it found gone."""
        jobs = list(reversed(self.crawls(domain, limit=crawls)))
        if not jobs:
            return []
        t = backlinks.c
        ids = [j["job_id"] for j in jobs]
        count = func.count()
        with self.engine.connect() as conn:
            new = dict(conn.execute(select(t.first_job_id, count).where(_scope(domain), t.first_job_id.in_(ids))
                                    .group_by(t.first_job_id)).all())
            lost = dict(conn.execute(select(t.lost_job_id, count).where(_scope(domain), t.lost_job_id.in_(ids))
                                     .group_by(t.lost_job_id)).all())
        return [{**j, "pages_crawled": int(j["pages_crawled"]), "backlinks_seen": int(j["backlinks_seen"] or 0),
                 "new": int(new.get(j["job_id"], 0)), "lost": int(lost.get(j["job_id"], 0))} for j in jobs]

    def summary(self, domain: str, *, top: int = 10) -> dict[str, Any]:
        """The link profile of ``domain``, from SQL aggregates only."""
        t = backlinks.c
        scope = _scope(domain)
        live = and_(scope, t.live == true())
        count = func.count()
        with self.engine.connect() as conn:
            totals = conn.execute(select(
                count.label("backlinks"),
                func.count(distinct(t.source_key)).label("referring_pages"),
                func.count(distinct(t.source_domain)).label("referring_domains"),
                _n(_dofollow()).label("dofollow"),
                *(_n(t[flag]).label(flag) for flag in REL_FLAGS),
                _n(t.is_content).label("in_content"),
                func.min(t.first_seen).label("first_seen"), func.max(t.last_seen).label("last_seen"),
            ).where(live)).mappings().one()
            types = dict(conn.execute(
                select(t.link_type, count).where(live).group_by(t.link_type).order_by(count.desc(), t.link_type)
            ).all())
            anchors = conn.execute(
                select(t.anchor_text, count.label("backlinks"))
                .where(live, t.anchor_text != "").group_by(t.anchor_text)
                .order_by(count.desc(), t.anchor_text).limit(top)
            ).all()
            referring = conn.execute(
                select(t.source_domain, count.label("backlinks"), func.count(distinct(t.source_key)), _n(_dofollow()))
                .where(live).group_by(t.source_domain).order_by(count.desc(), t.source_domain).limit(top)
            ).all()
            lost_total = conn.execute(select(count).where(scope, t.live == false())).scalar_one()
        latest, previous = (self.crawls(domain) + [None, None])[:2]
        new = lost = 0
        if latest is not None:
            with self.engine.connect() as conn:
                new = conn.execute(select(count).where(live, t.first_job_id == latest["job_id"])).scalar_one()
                lost = conn.execute(select(count).where(scope, t.lost_job_id == latest["job_id"])).scalar_one()
        return {
            "domain": site_host(domain),
            "target_domain": registered_domain(site_host(domain)),
            **{k: (int(v) if k not in ("first_seen", "last_seen") else v) for k, v in totals.items()},
            "link_types": {name: int(n) for name, n in types.items()},
            "top_anchors": [{"anchor": a, "backlinks": int(n)} for a, n in anchors],
            "top_referring_domains": [
                {"domain": d, "backlinks": int(n), "referring_pages": int(p), "dofollow": int(f)}
                for d, n, p, f in referring
            ],
            "lost_total": int(lost_total),
            "latest_job": latest,
            "previous_job": previous,
            "new_since_previous_job": int(new),
            "lost_since_previous_job": int(lost),
        }
