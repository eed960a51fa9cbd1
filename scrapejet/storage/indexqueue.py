"""The queue of stored pages waiting to be chunked and embedded
(``storage.index_queue``), served by any number of indexers on any number
of machines (``scrapejet indexer``; see scrapejet/index/indexer.py).

The queue is a table of the database the pages are in, keyed by (site,
canonical URL): ``Storage.upsert_pages`` adds a row in the transaction that
stores the page, so a page is never stored without being queued, and a
page stored again while it waits is queued once (with its newest hash).

Promises, each kept by one statement:

* ``claim``: a row goes to one indexer at a time, for ``lease_s`` seconds;
  rows whose claim ran out (their indexer died or hangs) are claimed again.
* ``done``: a row is deleted only by the indexer holding it and only if the
  page was not stored again meanwhile (same hash); a page changed while it
  was being indexed stays queued and is indexed again.
* ``release``: a row whose indexing failed goes back, with its error, for
  another attempt (after ``retry_s``); after ``max_attempts`` it is left
  for an operator (``scrapejet index status`` shows it).

Nothing here imports numpy, torch or faiss."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, or_, select, tuple_, update

from .schema import index_queue, pages


class IndexQueue:
    def __init__(self, engine, *, max_attempts: int = 5):
        self.engine = engine
        self.max_attempts = max_attempts

    # -- writers: the storage pipeline -----------------------------------------
    @staticmethod
    def rows(stored: list[dict[str, Any]], now: float) -> list[dict[str, Any]]:
        """Queue rows for stored page rows (job_id, canonical_url, url,
        final_url, site, content_hash); the last of one page wins."""
        from .chunks import chunk_key

        latest = {}
        for page in stored:
            site, canon, _ = chunk_key(page)
            latest[(site, canon)] = {"site": site, "canonical_url": canon, "job_id": page["job_id"],
                                     "page_key": page["canonical_url"], "page_hash": page.get("content_hash"),
                                     "queued_at": now, "claimed_by": None, "claimed_until": None,
                                     "attempts": 0, "error": None}
        return list(latest.values())

    def add_site(self, site: str) -> int:
        """Queue every stored page of a site (one crawled with embeddings
        off, or whose pages are to be chunked again); how many."""
        with self.engine.connect() as conn:
            found = conn.execute(select(pages.c.job_id, pages.c.canonical_url, pages.c.url, pages.c.final_url,
                                        pages.c.site, pages.c.content_hash)
                                 .where(pages.c.site == site).order_by(pages.c.fetched_at, pages.c.id)).mappings()
            rows = self.rows([dict(r) for r in found], time.time())
        self.upsert(rows)
        return len(rows)

    def upsert(self, rows: list[dict[str, Any]], conn=None) -> None:
        if not rows:
            return
        stmt = self._upsert_statement()
        if conn is not None:
            conn.execute(stmt, rows)
            return
        with self.engine.begin() as own:
            own.execute(stmt, rows)

    def _upsert_statement(self):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = insert(index_queue)
        return stmt.on_conflict_do_update(
            index_elements=["site", "canonical_url"],
            set_={k: stmt.excluded[k] for k in ("job_id", "page_key", "page_hash", "queued_at", "claimed_by",
                                                "claimed_until", "attempts", "error")},
        )

    # -- indexers ----------------------------------------------------------------
    def claim(self, worker: str, *, limit: int, lease_s: float, site: str | None = None) -> list[dict[str, Any]]:
        """Up to ``limit`` rows for ``worker``, oldest first: (site,
        canonical_url, page_hash)."""
        now = time.time()
        free = and_(or_(index_queue.c.claimed_until.is_(None), index_queue.c.claimed_until < now),
                    index_queue.c.attempts < self.max_attempts)
        candidates = select(index_queue.c.site, index_queue.c.canonical_url).where(free)
        if site is not None:
            candidates = candidates.where(index_queue.c.site == site)
        candidates = candidates.order_by(index_queue.c.queued_at).limit(limit)
        key = tuple_(index_queue.c.site, index_queue.c.canonical_url)
        # The WHERE is evaluated again on each row as it is updated: of two
        # indexers that picked the same candidates, the second gets none of them.
        stmt = (update(index_queue).where(key.in_(candidates), free)
                .values(claimed_by=worker, claimed_until=now + lease_s, attempts=index_queue.c.attempts + 1)
                .returning(index_queue.c.site, index_queue.c.canonical_url, index_queue.c.job_id,
                           index_queue.c.page_key, index_queue.c.page_hash))
        with self.engine.begin() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def extend(self, worker: str, rows: list[dict[str, Any]], lease_s: float) -> None:
        """Keep holding rows whose indexing takes long (a big batch on a slow CPU)."""
        if rows:
            with self.engine.begin() as conn:
                conn.execute(update(index_queue).where(*self._mine(worker))
                             .values(claimed_until=time.time() + lease_s), self._keys(rows))

    def done(self, worker: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            with self.engine.begin() as conn:
                conn.execute(delete(index_queue).where(*self._mine(worker),
                                                       index_queue.c.page_hash.is_not_distinct_from(bindparam("b_hash"))),
                             [{**k, "b_hash": r["page_hash"]} for k, r in zip(self._keys(rows), rows)])

    def release(self, worker: str, rows: list[dict[str, Any]], error: str, retry_s: float = 30.0) -> None:
        if rows:
            with self.engine.begin() as conn:
                conn.execute(update(index_queue).where(*self._mine(worker))
                             .values(claimed_by=None, claimed_until=time.time() + retry_s, error=error[:2000]),
                             self._keys(rows))

    @staticmethod
    def _mine(worker: str):
        return (index_queue.c.site == bindparam("b_site"), index_queue.c.canonical_url == bindparam("b_canon"),
                index_queue.c.claimed_by == worker)

    @staticmethod
    def _keys(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"b_site": r["site"], "b_canon": r["canonical_url"]} for r in rows]

    # -- readers -------------------------------------------------------------------
    def counts(self, site: str | None = None) -> dict[str, dict[str, int]]:
        """Per site: pages queued, of them claimed now, and given up (too many attempts)."""
        now = time.time()
        query = select(
            index_queue.c.site, func.count().label("queued"),
            func.count().filter(index_queue.c.claimed_until > now, index_queue.c.claimed_by.is_not(None)).label("claimed"),
            func.count().filter(index_queue.c.attempts >= self.max_attempts).label("failed"),
        ).group_by(index_queue.c.site)
        if site is not None:
            query = query.where(index_queue.c.site == site)
        with self.engine.connect() as conn:
            return {r.site: {"queued": int(r.queued), "claimed": int(r.claimed), "failed": int(r.failed)}
                    for r in conn.execute(query)}

    def waiting(self, site: str | None = None) -> int:
        """Pages that an indexer will still index (given-up rows not counted)."""
        return sum(c["queued"] - c["failed"] for c in self.counts(site).values())

    def errors(self, site: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        query = (select(index_queue.c.site, index_queue.c.canonical_url, index_queue.c.attempts, index_queue.c.error)
                 .where(index_queue.c.error.is_not(None)).order_by(index_queue.c.queued_at).limit(limit))
        if site is not None:
            query = query.where(index_queue.c.site == site)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def latest_pages(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The stored version each claimed row names, as chunking wants it."""
        if not rows:
            return []
        from .chunks import CHUNKED_COLUMNS

        keys = [(r["job_id"], r["page_key"]) for r in rows]
        with self.engine.connect() as conn:
            found = []
            for start in range(0, len(keys), 200):
                query = select(*CHUNKED_COLUMNS).where(tuple_(pages.c.job_id, pages.c.canonical_url).in_(keys[start:start + 200]))
                found.extend(dict(r) for r in conn.execute(query).mappings())
        return found
