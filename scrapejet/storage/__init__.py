"""Storage: SQLite by default, PostgreSQL when shared.

One code path for both (SQLAlchemy 2 Core), one way in: a ``Storage`` owns
the engine and the tables (``schema``); jobs, pages, failures and profiles
are its methods, and each other area is a store it holds, built on first
use: ``storage.chunks`` (``chunks.ChunkStore``: chunks, vectors, keyword
search), ``storage.index_queue`` (``indexqueue.IndexQueue``: stored pages
waiting for the indexer), ``storage.backlinks`` (``backlinks.BacklinkStore``) and
``storage.sites`` (``sites.SiteStore``: the per-site views and deletion).
Nothing outside this package touches the engine.

Every write is an upsert keyed on (job_id, canonical url), so a request
delivered twice (a worker died after storing but before acknowledging)
stores its page once."""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Table, and_, bindparam, create_engine, event, func, or_, select
from sqlalchemy.engine import Engine

from ..urls import canonical_url, site_host
from .schema import (
    JOB_FIELDS,
    PAGE_FIELDS,
    failures,
    jobs,
    metadata,
    page_contacts,
    pages,
    profiles,
)


def database_url(settings) -> str:
    url = settings.get("DATABASE_URL")
    if url:
        # postgresql:// means psycopg 3, the driver we ship.
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    data_dir = Path(settings.get("SCRAPEJET_DATA_DIR")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'scrapejet.db'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets several worker processes write while the API reads; a busy
    # timeout makes concurrent writers wait instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    # SQLite's own page cache is 2 MiB per connection by default; workers
    # mostly append and the OS caches the file anyway, so 512 KiB is plenty.
    cursor.execute("PRAGMA cache_size=-512")
    cursor.close()


def _create_tables(engine: Engine, attempts: int = 5) -> None:
    """CREATE what is missing. Workers starting together on a new database
    race to create the same tables (SQLite: "table already exists"; PostgreSQL:
    a duplicate type or relation); the loser looks again and finds them."""
    from sqlalchemy.exc import DBAPIError

    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            _add_missing_columns(engine)
            return
        except DBAPIError as exc:
            text = str(exc).lower()
            if attempt == attempts - 1 or not ("already exists" in text or "duplicate" in text):
                raise
            time.sleep(0.05 * (attempt + 1))


def _add_missing_columns(engine: Engine) -> None:
    """ADD the nullable columns (and CREATE the indexes) a newer version gave
    an existing table, so a data dir or database made by an earlier version
    keeps working (create_all only creates tables that do not exist)."""
    from sqlalchemy import inspect
    from sqlalchemy.schema import CreateColumn

    inspector = inspect(engine)
    existing = set(inspector.get_table_names())
    for table in metadata.sorted_tables:
        if table.name not in existing:
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in have or not column.nullable or column.computed is not None:
                continue
            ddl = CreateColumn(column).compile(dialect=engine.dialect)
            with engine.begin() as conn:
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {ddl}")
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in indexes:
                index.create(engine, checkfirst=True)


class Storage:
    def __init__(self, url: str):
        self.url = url
        kwargs: dict[str, Any] = {"future": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _create_tables(self.engine)
        # Built once: constructing an upsert costs more than running it.
        self._upsert_page = self._upsert(pages, ["job_id", "canonical_url"], PAGE_FIELDS + ["site", "stored_at"])
        self._upsert_contacts = self._upsert(
            page_contacts, ["job_id", "canonical_url"], ["job_id", "canonical_url", "url", "page_type", "contacts", "rank"]
        )
        self._forget_failure = failures.delete().where(
            failures.c.job_id == bindparam("f_job_id"), failures.c.canonical_url == bindparam("f_canonical_url")
        )

    @classmethod
    def from_settings(cls, settings) -> Storage:
        return cls(database_url(settings))

    # -- the stores of each area (imported when first used: a worker that
    # never embeds or finds backlinks does not load their queries) ----------
    @functools.cached_property
    def chunks(self):
        from .chunks import ChunkStore

        return ChunkStore(self.engine)

    @functools.cached_property
    def index_queue(self):
        from .indexqueue import IndexQueue

        return IndexQueue(self.engine)

    @functools.cached_property
    def backlinks(self):
        from .backlinks import BacklinkStore

        return BacklinkStore(self.engine)

    @functools.cached_property
    def sites(self):
        from .sites import SiteStore

        return SiteStore(self.engine)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    def ping(self) -> None:
        """Raise if the database cannot be reached."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def _insert(self, table: Table):
        # Only the dialect in use is imported (the PostgreSQL one is large).
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    def _upsert(self, table: Table, keys: list[str], columns: list[str]):
        stmt = self._insert(table)
        return stmt.on_conflict_do_update(
            index_elements=keys,
            set_={k: stmt.excluded[k] for k in dict.fromkeys(columns) if k not in keys},
        )

    # -- writes ---------------------------------------------------------------
    def upsert_page(self, page: dict[str, Any]) -> None:
        self.upsert_pages([page])

    def upsert_pages(self, batch: list[dict[str, Any]], *, index: bool = False) -> None:
        """Store pages in one transaction; a page already stored for its job
        (same canonical URL) is replaced, so re-delivery stores it once.
        ``index``: queue them for the indexer in the same transaction."""
        if not batch:
            return
        now = time.time()
        rows = []
        for page in batch:
            row = {name: page.get(name) for name in PAGE_FIELDS}
            row["canonical_url"] = canonical_url(page["url"])
            row["site"] = row.get("site") or site_host(page.get("final_url") or page["url"])
            row["stored_at"] = now
            rows.append(row)
        with self.engine.begin() as conn:
            conn.execute(self._upsert_page, rows)
            # A page that finally succeeded is no longer a failure of the job.
            conn.execute(
                self._forget_failure,
                [{"f_job_id": r["job_id"], "f_canonical_url": r["canonical_url"]} for r in rows],
            )
            contacts = [
                {"job_id": r["job_id"], "canonical_url": r["canonical_url"], "url": r["url"],
                 "page_type": r["page_type"], "contacts": page["contacts"], "rank": page.get("discovery_rank")}
                for r, page in zip(rows, batch) if page.get("contacts") is not None
            ]
            if contacts:
                conn.execute(self._upsert_contacts, contacts)
            if index:
                self.index_queue.upsert(self.index_queue.rows(rows, now), conn)

    def save_profile(self, profile: dict[str, Any]) -> None:
        row = {
            "job_id": profile["job_id"], "site": profile.get("site"),
            "company_name": profile.get("company_name"), "profile": profile, "updated_at": time.time(),
        }
        stmt = self._upsert(profiles, ["job_id"], list(row))
        with self.engine.begin() as conn:
            conn.execute(stmt, row)

    def get_profile(self, job_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(profiles.c.profile).where(profiles.c.job_id == job_id)).first()
        return row[0] if row else None

    def latest_profile(self, site: str) -> dict[str, Any] | None:
        """The most recently stored business profile of a site (insights use it
        as a source)."""
        query = (select(profiles.c.profile).where(profiles.c.site == site)
                 .order_by(profiles.c.updated_at.desc()).limit(1))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return row[0] if row else None

    def latest_contacts_job(self, site: str) -> str | None:
        """The job that most recently stored a page of ``site`` read with its
        contact data (a business job's page, a crawl's home or contact page)."""
        query = (select(page_contacts.c.job_id)
                 .join(pages, and_(pages.c.job_id == page_contacts.c.job_id,
                                   pages.c.canonical_url == page_contacts.c.canonical_url))
                 .where(pages.c.site == site).order_by(pages.c.stored_at.desc()).limit(1))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return row[0] if row else None

    def has_pages(self, site: str | None = None) -> bool:
        """Whether any page of ``site`` (of any site when None) is stored."""
        query = select(pages.c.id).limit(1)
        if site is not None:
            query = query.where(pages.c.site == site)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def list_page_contacts(self, job_id: str) -> list[dict[str, Any]]:
        """Every business page of a job with what it says, best discovery
        rank first, then by URL: pages of one rank (found by two pages of
        the level above) in an order that does not depend on which answer
        came first, so the profile built from them does not either."""
        rank = page_contacts.c.rank
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(page_contacts.c.url, page_contacts.c.page_type, page_contacts.c.contacts, rank)
                .where(page_contacts.c.job_id == job_id).order_by(rank.is_(None), rank, page_contacts.c.url)
            ).mappings()
            return [dict(r) for r in rows]

    def record_failure(self, failure: dict[str, Any]) -> None:
        row = {
            "job_id": failure["job_id"],
            "url": failure["url"],
            "canonical_url": canonical_url(failure["url"]),
            "final_url": failure.get("final_url"),
            "status": failure.get("status"),
            "reason": failure["reason"],
            "outcome": failure.get("outcome", "failed"),
            "depth": failure.get("depth"),
            "fetched_at": failure.get("fetched_at") or time.time(),
        }
        stmt = self._insert(failures).values(**row)
        stmt = stmt.on_conflict_do_update(
            index_elements=["job_id", "canonical_url"],
            set_={k: stmt.excluded[k] for k in row if k not in ("job_id", "canonical_url")},
        )
        with self.engine.begin() as conn:
            conn.execute(stmt)

    def save_job(self, job: dict[str, Any]) -> None:
        row = {name: job.get(name) for name in JOB_FIELDS}
        row["updated_at"] = time.time()
        stmt = self._insert(jobs).values(**row)
        stmt = stmt.on_conflict_do_update(
            index_elements=["job_id"], set_={k: stmt.excluded[k] for k in row if k != "job_id"}
        )
        with self.engine.begin() as conn:
            conn.execute(stmt)

    # -- reads ----------------------------------------------------------------
    def get_job(self, job_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(jobs).where(jobs.c.job_id == job_id)).mappings().first()
        return dict(row) if row else None

    def iter_pages(self, job_id: str, *, offset: int = 0, limit: int | None = None,
                   **filters) -> Iterator[dict[str, Any]]:
        """A job's pages in the order they were stored; ``filters`` as
        ``_page_filter`` takes them."""
        query = select(pages).where(_page_filter(job_id, **filters)).order_by(pages.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                page = dict(row)
                page.pop("id", None)
                page.pop("canonical_url", None)
                yield page

    def list_failures(self, job_id: str, *, outcome: str | None = None, offset: int = 0,
                      limit: int | None = None) -> list[dict[str, Any]]:
        """A job's failed (and skipped) URLs with their reasons, in the order recorded."""
        where = [failures.c.job_id == job_id]
        if outcome:
            where.append(failures.c.outcome == outcome)
        query = select(failures).where(*where).order_by(failures.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings()
            return [{k: v for k, v in dict(r).items() if k not in ("id", "canonical_url")} for r in rows]

    def count_failures(self, job_id: str) -> dict[str, int]:
        """Outcome (failed, skipped) -> URLs recorded."""
        query = (select(failures.c.outcome, func.count()).where(failures.c.job_id == job_id)
                 .group_by(failures.c.outcome))
        with self.engine.connect() as conn:
            return {outcome: int(n) for outcome, n in conn.execute(query).all()}

    def count_pages(self, job_id: str, **filters) -> int:
        query = select(func.count()).select_from(pages).where(_page_filter(job_id, **filters))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def close(self) -> None:
        self.engine.dispose()


def _page_filter(job_id: str, *, q: str | None = None, status: int | None = None):
    """A job's pages, narrowed to those whose URL or title holds ``q``
    (any case) and that answered ``status``."""
    where = [pages.c.job_id == job_id]
    if q:
        # the user's text is matched literally: % and _ are not wildcards
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(or_(pages.c.url.ilike(pattern, escape="\\"), pages.c.title.ilike(pattern, escape="\\")))
    if status is not None:
        where.append(pages.c.status == status)
    return and_(*where)
