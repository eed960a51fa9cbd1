"""Every table ScrapeJET stores, in one ``metadata``: ``Storage`` creates
them all (SQLite or PostgreSQL), and the stores of each area (``chunks``,
``backlinks``, ``sites``) query them.

Jobs, pages, failures and business profiles; the queue of pages to index;
chunks with their vectors and
keyword index (SQLite FTS5 kept in step by triggers, or a PostgreSQL
generated ``tsvector``); backlinks and the source pages each backlink job
crawled."""

from __future__ import annotations

from sqlalchemy import (
    DDL,
    JSON,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
)

metadata = MetaData()

jobs = Table(
    "jobs",
    metadata,
    Column("job_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("spec", JSON, nullable=False),
    Column("priority", Integer, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("created_at", Float, nullable=False),
    Column("started_at", Float),
    Column("finished_at", Float),
    Column("error", Text),
    Column("queued", Integer, default=0),
    Column("in_flight", Integer, default=0),
    Column("crawled", Integer, default=0),
    Column("failed", Integer, default=0),
    Column("skipped", Integer, default=0),
    Column("items", Integer, default=0),
    Column("updated_at", Float),
)

pages = Table(
    "pages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("job_id", String(64), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False),
    Column("final_url", Text),
    Column("site", String(255), index=True),
    Column("status", Integer),
    Column("depth", Integer),
    Column("fetched_at", Float),
    Column("title", Text),
    Column("description", Text),
    Column("language", String(32)),
    Column("text", Text),
    Column("markdown", Text),
    Column("outside_text", Text),
    Column("headings", JSON),
    Column("meta", JSON),
    Column("links", JSON),
    Column("word_count", Integer),
    Column("content_hash", String(64)),
    Column("page_type", String(32)),
    Column("stored_at", Float),
    UniqueConstraint("job_id", "canonical_url", name="uq_pages_job_url"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("job_id", String(64), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False),
    Column("final_url", Text),
    Column("status", Integer),
    Column("reason", Text, nullable=False),
    Column("outcome", String(16), nullable=False),  # failed | skipped
    Column("depth", Integer),
    Column("fetched_at", Float),
    UniqueConstraint("job_id", "canonical_url", name="uq_failures_job_url"),
)

# What each business page says about the company (kept apart from pages so
# that a site crawl's pages table stays as it is).
page_contacts = Table(
    "page_contacts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("job_id", String(64), nullable=False, index=True),
    Column("canonical_url", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("page_type", String(32)),
    Column("contacts", JSON, nullable=False),
    # discovery_rank of the page (BusinessPageItem): the profile reads pages
    # best ranked first, so which page it names per role does not depend on
    # the order responses arrived in.
    Column("rank", Integer),
    UniqueConstraint("job_id", "canonical_url", name="uq_page_contacts_job_url"),
)

# The merged profile of a business job.
profiles = Table(
    "business_profiles",
    metadata,
    Column("job_id", String(64), primary_key=True),
    Column("site", String(255), index=True),
    Column("company_name", Text),
    Column("profile", JSON, nullable=False),
    Column("updated_at", Float),
)

PAGE_FIELDS = [c.name for c in pages.columns if c.name not in ("id", "canonical_url", "stored_at")]
JOB_FIELDS = [c.name for c in jobs.columns if c.name != "updated_at"]

chunks = Table(
    "chunks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("site", String(255), nullable=False),
    Column("canonical_url", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("title", Text),
    Column("heading_path", JSON),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("page_hash", String(64)),
    Column("vector", LargeBinary),
    Column("model", String(255)),
    Column("created_at", Float, nullable=False),
    Column("embedded_at", Float),
    Index("ix_chunks_site_url", "site", "canonical_url"),
    # a footer's chunk is looked up by its hash among the site's chunks
    Index("ix_chunks_site_hash", "site", "content_hash"),
    Index("ix_chunks_embedded_at", "embedded_at"),
    # Ids are never reused (SQLite would reuse the largest after a delete):
    # a FAISS index holding a deleted chunk's id must not find a new chunk.
    sqlite_autoincrement=True,
)

for statement in (
    "CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(title, text, content='chunks', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS chunks_fts_insert AFTER INSERT ON chunks BEGIN "
    "INSERT INTO chunks_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS chunks_fts_delete AFTER DELETE ON chunks BEGIN "
    "INSERT INTO chunks_fts(chunks_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS chunks_fts_update AFTER UPDATE OF title, text ON chunks BEGIN "
    "INSERT INTO chunks_fts(chunks_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO chunks_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
):
    event.listen(chunks, "after_create", DDL(statement).execute_if(dialect="sqlite"))
for statement in (
    "ALTER TABLE chunks ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_chunks_tsv ON chunks USING GIN (tsv)",
):
    event.listen(chunks, "after_create", DDL(statement).execute_if(dialect="postgresql"))

# Pages stored but not yet chunked and embedded: the indexer's queue (see
# scrapejet/index/indexer.py). A row is written in the transaction that
# stores its page, so no stored page is ever missed; an indexer claims rows
# for a while (claimed_until) and deletes them once done, so rows claimed
# by an indexer that died are claimed again when their time runs out.
index_queue = Table(
    "index_queue",
    metadata,
    Column("site", String(255), primary_key=True),
    Column("canonical_url", Text, primary_key=True),
    # the stored row to index: (job_id, page_key) of pages, the newest version
    Column("job_id", String(64), nullable=False),
    Column("page_key", Text, nullable=False),
    Column("page_hash", String(64)),
    Column("queued_at", Float, nullable=False),
    Column("claimed_by", String(64)),
    Column("claimed_until", Float),
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text),
    Index("ix_index_queue_queued_at", "queued_at"),
)

backlinks = Table(
    "backlinks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_domain", String(255), nullable=False),
    Column("link_key", String(40), nullable=False),
    Column("source_key", String(40), nullable=False),
    Column("source_url", Text, nullable=False),
    Column("source_domain", String(255), nullable=False),
    Column("source_host", String(255), nullable=False),
    Column("target_url", Text, nullable=False),
    Column("target_host", String(255), nullable=False),
    Column("anchor_text", Text, nullable=False),
    Column("alt", Text),
    Column("title", Text),
    Column("rel", JSON),
    Column("nofollow", Boolean, nullable=False),
    Column("ugc", Boolean, nullable=False),
    Column("sponsored", Boolean, nullable=False),
    Column("noopener", Boolean, nullable=False),
    Column("link_type", String(16), nullable=False),
    Column("redirect_url", Text),
    Column("is_content", Boolean, nullable=False),
    Column("context", Text),
    Column("position", Integer),
    Column("source_status", Integer),
    Column("source_language", String(32)),
    Column("first_seen", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    Column("first_job_id", String(64)),
    Column("last_job_id", String(64)),
    Column("live", Boolean, nullable=False),
    Column("lost_at", Float),
    Column("lost_reason", String(32)),
    Column("lost_job_id", String(64)),
    UniqueConstraint("target_domain", "link_key", name="uq_backlinks_link"),
    Index("ix_backlinks_source", "target_domain", "source_key"),
    Index("ix_backlinks_domain_live", "target_domain", "live", "source_domain"),
)

# The pages each job crawled for a target: which job is the latest, what
# it crawled.
backlink_sources = Table(
    "backlink_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("job_id", String(64), nullable=False),
    Column("target_domain", String(255), nullable=False),
    Column("source_key", String(40), nullable=False),
    Column("source_url", Text, nullable=False),
    Column("status", Integer),
    Column("depth", Integer),
    Column("language", String(32)),
    Column("backlinks", Integer),
    Column("fetched_at", Float),
    UniqueConstraint("job_id", "target_domain", "source_key", name="uq_backlink_sources"),
    Index("ix_backlink_sources_target", "target_domain", "job_id"),
)

# The columns a BacklinkItem fills; the others are derived or kept by storage.
LINK_FIELDS = [c.name for c in backlinks.columns if c.name not in (
    "id", "link_key", "source_key", "source_host", "target_host", "first_job_id", "last_job_id", "live", "lost_at",
    "lost_reason", "lost_job_id",
)]
