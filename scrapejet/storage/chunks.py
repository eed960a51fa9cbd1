"""Chunks of stored pages, their vectors and their keyword index.

One row per chunk of the latest content of a page of a site (keyed by the
site and the page's canonical URL, whichever job stored it). The vector
(float32 bytes, L2-normalised) is stored with its chunk, so storage is the
source of truth of every site's FAISS index: deleting the index files loses
nothing. Keyword search is SQLite FTS5 (an external-content table kept in
step by triggers) or PostgreSQL full text (a generated ``tsvector`` with a
GIN index, ``simple`` configuration: no stemming, no stop words, so names,
e-mail addresses and numbers match as written, in any language).

Nothing here imports numpy, torch or faiss: the crawler's pipeline uses it
on every page."""

from __future__ import annotations

import hashlib
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    bindparam,
    func,
    select,
    text,
)

from ..extract.chunking import OUTSIDE, Chunk, chunk_page, outside_chunks
from ..extract.stopwords import STOP_WORDS
from ..urls import canonical_url, site_host
from .schema import chunks, pages

_EDGE = re.compile(r"^[^\w+@]+|[^\w]+$")


PREFIX_WORD = 5  # a word this long is also searched by its stem as a prefix...
PREFIX_CUT = 3  # ...its last letters cut ("infrared" -> "infra*")
PREFIX_MIN = 4  # ...down to this many


def query_terms(question: str, limit: int = 32) -> list[str]:
    """The words of a question worth matching: lower-cased, whole (an
    e-mail address or a number stays one term), stop words dropped."""
    terms: list[str] = []
    for raw in question.split():
        term = _EDGE.sub("", raw.lower())
        if term and re.search(r"\w", term) and term not in STOP_WORDS and term not in terms:
            terms.append(term)
    return terms[:limit]


# What chunking reads of a stored page (store_pages' input).
CHUNKED_COLUMNS = (pages.c.url, pages.c.final_url, pages.c.site, pages.c.title, pages.c.markdown, pages.c.text,
                   pages.c.outside_text, pages.c.content_hash)


def chunked_hash(page: dict[str, Any]) -> str | None:
    """What a page's chunks were made from: its content hash, and its
    outside text (a changed footer is chunked again too)."""
    main = page.get("content_hash") or None
    outside = page.get("outside_text")
    if not outside or not main:
        return main
    return hashlib.sha256(f"{main}\n{outside}".encode()).hexdigest()


def chunk_key(page: dict[str, Any]) -> tuple[str, str, str]:
    """(site, canonical URL, URL) of a page's chunks: where it landed, so a
    page reached through a redirect and directly has one set of chunks."""
    url = page.get("final_url") or page["url"]
    return page.get("site") or site_host(url), canonical_url(url), url


@dataclass
class Stored:
    """What storing a batch of pages' chunks left to do."""

    todo: list[tuple[int, str, str]] = field(default_factory=list)  # (chunk id, site, text to embed)
    sites: set[str] = field(default_factory=set)  # sites whose chunks changed (index to update)
    pages: int = 0  # pages whose content changed
    reused: int = 0  # chunks whose vector was kept


class ChunkStore:
    """Chunk reads and writes over a ``Storage``'s engine (``storage.chunks``)."""

    def __init__(self, engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    # -- writes ---------------------------------------------------------------
    def store_pages(self, batch: list[dict[str, Any]], *, model: str, max_words: int = 200,
                    overlap: int = 40, force: bool = False) -> Stored:
        """Chunk pages and store their chunks, in one transaction.

        A page whose content hash is the one its chunks were made from is
        left alone (unless ``force``: the chunk settings changed). Otherwise
        its chunks are replaced; a chunk whose text (and heading context) is
        unchanged keeps its row, id and vector, so only new text is embedded."""
        out = Stored()
        latest: dict[tuple[str, str], tuple[str, dict]] = {}
        for page in batch:
            site, canon, url = chunk_key(page)
            latest[(site, canon)] = (url, page)
        if not latest:
            return out
        now = time.time()
        by_site: dict[str, list[str]] = defaultdict(list)
        for site, canon in latest:
            by_site[site].append(canon)
        with self.engine.begin() as conn:
            existing: dict[tuple[str, str], list[dict]] = defaultdict(list)
            for site, canons in by_site.items():
                rows = conn.execute(
                    select(chunks.c.id, chunks.c.canonical_url, chunks.c.content_hash, chunks.c.page_hash,
                           chunks.c.model, chunks.c.embedded_at)
                    .where(chunks.c.site == site, chunks.c.canonical_url.in_(canons))
                ).mappings()
                for row in rows:
                    existing[(site, row["canonical_url"])].append(dict(row))
            todo: list[tuple[str, str, str, dict, str | None, list[Chunk]]] = []
            for (site, canon), (url, page) in latest.items():
                old = existing.get((site, canon), [])
                page_hash = chunked_hash(page)
                if not force and old and page_hash and all(r["page_hash"] == page_hash for r in old):
                    continue
                main = chunk_page(page.get("markdown") or "", title=page.get("title"), text=page.get("text") or "",
                                  max_words=max_words, overlap=overlap)
                around = outside_chunks(page.get("outside_text") or "", start=len(main), max_words=max_words,
                                        overlap=overlap)
                todo.append((site, canon, url, page, page_hash, main + around))
            held = self._held_elsewhere(conn, todo)
            inserts: list[dict] = []
            updates: list[dict] = []
            deletes: list[int] = []
            for site, canon, url, page, page_hash, new in todo:
                old = existing.get((site, canon), [])
                out.pages += 1
                # A footer's chunk is kept by the first page that has it.
                new = [c for c in new if c.heading_path != [OUTSIDE]
                       or held.setdefault((site, c.content_hash), canon) == canon]
                spare: dict[str, list[dict]] = defaultdict(list)
                for row in old:
                    spare[row["content_hash"]].append(row)
                for chunk in new:
                    h = chunk.content_hash
                    if spare.get(h):
                        row = spare[h].pop()
                        updates.append({"b_id": row["id"], "position": chunk.position, "url": url,
                                        "page_hash": page_hash})
                        if row["embedded_at"] is None or row["model"] != model:
                            out.todo.append((row["id"], site, chunk.embed_text))
                        else:
                            out.reused += 1
                    else:
                        inserts.append({
                            # an outside chunk is embedded untitled (one footer, one
                            # vector) but shown with the title of the page holding it
                            "site": site, "canonical_url": canon, "url": url,
                            "title": chunk.title or page.get("title"),
                            "heading_path": chunk.heading_path, "position": chunk.position, "text": chunk.text,
                            "content_hash": h, "page_hash": page_hash, "created_at": now,
                            "_embed": chunk.embed_text,
                        })
                gone = [row["id"] for rows in spare.values() for row in rows]
                deletes.extend(gone)
                if gone or new:
                    out.sites.add(site)
            if deletes:
                conn.execute(chunks.delete().where(chunks.c.id.in_(deletes)))
            if updates:
                conn.execute(
                    chunks.update().where(chunks.c.id == bindparam("b_id"))
                    .values(position=bindparam("position"), url=bindparam("url"), page_hash=bindparam("page_hash")),
                    updates,
                )
            if inserts:
                embed = [row.pop("_embed") for row in inserts]
                ids = conn.execute(
                    chunks.insert().returning(chunks.c.id, sort_by_parameter_order=True), inserts
                ).scalars().all()
                out.todo.extend((i, row["site"], e) for i, row, e in zip(ids, inserts, embed))
        return out

    @staticmethod
    def _held_elsewhere(conn, todo: list[tuple]) -> dict[tuple[str, str], str]:
        """(site, content hash) -> canonical URL of the page that keeps the
        chunk, for outside chunks (footers) already stored for a page that
        is not being chunked again in this batch."""
        wanted: dict[str, set[str]] = defaultdict(set)
        redone: dict[str, set[str]] = defaultdict(set)
        for site, canon, _, _, _, new in todo:
            redone[site].add(canon)
            wanted[site].update(c.content_hash for c in new if c.heading_path == [OUTSIDE])
        held: dict[tuple[str, str], str] = {}
        for site, hashes in wanted.items():
            hashes_list = sorted(hashes)
            for begin in range(0, len(hashes_list), 500):
                rows = conn.execute(
                    select(chunks.c.content_hash, chunks.c.canonical_url)
                    .where(chunks.c.site == site, chunks.c.content_hash.in_(hashes_list[begin:begin + 500]))
                )
                for h, canon in rows:
                    if canon not in redone[site]:
                        held.setdefault((site, h), canon)
        return held

    def write_vectors(self, rows: list[tuple[int, bytes]], model: str) -> None:
        """Store embedded vectors (chunk id, float32 bytes) in one transaction."""
        if not rows:
            return
        now = time.time()
        stmt = chunks.update().where(chunks.c.id == bindparam("b_id")).values(
            vector=bindparam("b_vector"), model=model, embedded_at=now
        )
        with self.engine.begin() as conn:
            conn.execute(stmt, [{"b_id": i, "b_vector": v} for i, v in rows])

    def delete_site(self, site: str) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(chunks.delete().where(chunks.c.site == site)).rowcount or 0)

    # -- reads ----------------------------------------------------------------
    def pending(self, *, model: str, site: str | None = None, older_than: float | None = None,
                after_id: int = 0, limit: int = 256) -> list[tuple[int, str, str]]:
        """Chunks without a vector of ``model``: (id, site, text to embed), by id."""
        query = (
            select(chunks.c.id, chunks.c.site, chunks.c.title, chunks.c.heading_path, chunks.c.text)
            .where((chunks.c.embedded_at.is_(None)) | (chunks.c.model != model), chunks.c.id > after_id)
            .order_by(chunks.c.id).limit(limit)
        )
        if site is not None:
            query = query.where(chunks.c.site == site)
        if older_than is not None:
            query = query.where(chunks.c.created_at < older_than)
        with self.engine.connect() as conn:
            return [
                (r.id, r.site, Chunk(r.text, list(r.heading_path or []), 0, r.title).embed_text)
                for r in conn.execute(query)
            ]

    def pending_of(self, pages: list[tuple[str, str]], *, model: str) -> list[tuple[int, str, str]]:
        """Chunks of these (site, canonical URL) pages without a vector of
        ``model``: (id, site, text to embed). A page an indexer chunked but
        died before embedding is chunked already when it is indexed again."""
        found: list[tuple[int, str, str]] = []
        by_site: dict[str, list[str]] = defaultdict(list)
        for site, canon in pages:
            by_site[site].append(canon)
        with self.engine.connect() as conn:
            for site, canons in by_site.items():
                query = (select(chunks.c.id, chunks.c.site, chunks.c.title, chunks.c.heading_path, chunks.c.text)
                         .where(chunks.c.site == site, chunks.c.canonical_url.in_(canons),
                                (chunks.c.embedded_at.is_(None)) | (chunks.c.model != model))
                         .order_by(chunks.c.id))
                found.extend((r.id, r.site, Chunk(r.text, list(r.heading_path or []), 0, r.title).embed_text)
                             for r in conn.execute(query))
        return found

    def has_stale_pending(self, older_than: float) -> bool:
        """Whether any chunk waits for a vector since before ``older_than``
        (left by a process that died, or crowded out of its queue)."""
        query = select(chunks.c.id).where(chunks.c.embedded_at.is_(None), chunks.c.created_at < older_than).limit(1)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def vector_ids(self, site: str, model: str) -> list[int]:
        query = select(chunks.c.id).where(
            chunks.c.site == site, chunks.c.model == model, chunks.c.embedded_at.is_not(None)
        ).order_by(chunks.c.id)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def vectors(self, ids: list[int]) -> list[tuple[int, bytes]]:
        out: list[tuple[int, bytes]] = []
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                out.extend(
                    (r.id, bytes(r.vector))
                    for r in conn.execute(select(chunks.c.id, chunks.c.vector).where(chunks.c.id.in_(part)))
                    if r.vector is not None
                )
        return out

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """Chunks by id (ids no longer stored are absent)."""
        if not ids:
            return {}
        cols = (chunks.c.id, chunks.c.site, chunks.c.url, chunks.c.title, chunks.c.heading_path,
                chunks.c.position, chunks.c.text)
        with self.engine.connect() as conn:
            return {r["id"]: dict(r) for r in conn.execute(select(*cols).where(chunks.c.id.in_(ids))).mappings()}

    def keyword(self, question: str, *, site: str | None = None, limit: int = 50,
                max_terms: int = 32) -> list[tuple[int, float]]:
        """Chunks matching any term of the question (its first ``max_terms``),
        best first: (id, score), higher is better (BM25 on SQLite, ts_rank_cd
        on PostgreSQL)."""
        terms = query_terms(question, max_terms)
        if not terms:
            return []
        # a long word's stem as a prefix too: its other forms ("lamps" finds
        # "lamp", "ostronen" "Östron") and the same word in a neighbouring
        # language ("infrared" finds "infrarroja", "garantie" "garanti")
        prefixes = list(dict.fromkeys(t[:max(PREFIX_MIN, len(t) - PREFIX_CUT)] for t in terms
                                      if len(t) >= PREFIX_WORD and t.isalpha()))
        params: dict[str, Any] = {"limit": limit}
        where_site = ""
        if site is not None:
            params["site"] = site
            where_site = "AND c.site = :site"
        if self.dialect == "sqlite":
            # Each term as an FTS5 string: the tokenizer makes "info@shop.test" the phrase info shop test.
            params["q"] = " OR ".join(['"' + t.replace('"', '""') + '"' for t in terms] + [f'"{p}"*' for p in prefixes])
            sql = (
                "SELECT c.id, bm25(chunks_fts, 0.5, 1.0) AS rank FROM chunks_fts "
                "JOIN chunks c ON c.id = chunks_fts.rowid "
                f"WHERE chunks_fts MATCH :q {where_site} ORDER BY rank LIMIT :limit"
            )
            with self.engine.connect() as conn:
                return [(r[0], -float(r[1])) for r in conn.execute(text(sql), params)]
        parts = []
        for i, term in enumerate(terms):
            params[f"t{i}"] = term
            parts.append(f"plainto_tsquery('simple', :t{i})")
        for i, prefix in enumerate(prefixes):
            params[f"p{i}"] = f"{prefix}:*"  # (letters only: nothing of to_tsquery's syntax)
            parts.append(f"to_tsquery('simple', :p{i})")
        sql = (
            f"SELECT c.id, ts_rank_cd(c.tsv, q.query) AS score FROM chunks c, (SELECT {' || '.join(parts)} AS query) q "
            f"WHERE c.tsv @@ q.query {where_site} ORDER BY score DESC, c.id LIMIT :limit"
        )
        with self.engine.connect() as conn:
            return [(r[0], float(r[1])) for r in conn.execute(text(sql), params)]

    def counts(self, site: str | None = None) -> dict[str, dict[str, int]]:
        """Per site: chunks, embedded (have a vector) and pending."""
        query = select(chunks.c.site, func.count().label("n"), func.count(chunks.c.embedded_at).label("e")).group_by(
            chunks.c.site
        )
        if site is not None:
            query = query.where(chunks.c.site == site)
        with self.engine.connect() as conn:
            return {
                r.site: {"chunks": int(r.n), "embedded": int(r.e), "pending": int(r.n) - int(r.e)}
                for r in conn.execute(query)
            }

    def sites(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(chunks.c.site).distinct().order_by(chunks.c.site)).scalars())

    def site_pages(self, site: str) -> list[dict[str, Any]]:
        """The latest stored version of each page of a site (for re-chunking)."""
        latest: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            query = select(*CHUNKED_COLUMNS).where(pages.c.site == site).order_by(pages.c.fetched_at, pages.c.id)
            for row in conn.execute(query).mappings():
                latest[chunk_key(dict(row))[1]] = dict(row)
        return list(latest.values())
