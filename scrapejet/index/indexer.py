"""The indexer: chunks and embeds stored pages, off the crawl's path.

A crawl stores its pages and ends; with embeddings on, each stored page is
also queued (``storage.index_queue``, written in the page's own
transaction). Indexers serve that queue: ``scrapejet indexer`` (as many
processes, on as many machines sharing the database, as wanted; ``scrapejet
api --workers N`` and ``scrapejet up`` start one), or a question that wants
its site indexed first (``scrapejet ask``, the API's insights).

One step of an indexer: claim a batch of queued pages (for
``SCRAPEJET_INDEX_LEASE_S``), read the stored version each names, chunk it
(a page whose chunks were made from the same content is left alone; a
changed page keeps the vectors of its unchanged chunks), embed the new
chunks, write the vectors, bring the touched sites' FAISS files up to date,
and only then delete the rows. An indexer killed at any point leaves rows
that are claimed again once their lease runs out: indexing resumes where it
stopped, and re-doing a page costs its new chunks only.

Chunks left without vectors (stored by an earlier version, or embedded by
another model) are embedded by an indexer with nothing queued.

Where the model runs: ``SCRAPEJET_EMBEDDING_DEVICE`` (``auto``: CUDA when
torch sees a GPU, else the CPU), in batches of ``SCRAPEJET_EMBED_BATCH`` on
the CPU and ``SCRAPEJET_EMBED_BATCH_GPU`` on a GPU."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..storage.chunks import ChunkStore

logger = logging.getLogger(__name__)


def embed_pending(store: ChunkStore, model, *, site: str | None = None, older_than: float | None = None,
                  batch: int = 256, should_stop: Callable[[], bool] = lambda: False) -> tuple[int, set[str]]:
    """Embed stored chunks that have no vector of ``model``: (how many, their sites)."""
    done, sites, after = 0, set(), 0
    while not should_stop():
        rows = store.pending(model=model.name, site=site, older_than=older_than, after_id=after, limit=batch)
        if not rows:
            break
        vectors = model.encode([text for _, _, text in rows])
        store.write_vectors([(cid, vec.tobytes()) for (cid, _, _), vec in zip(rows, vectors)], model.name)
        done += len(rows)
        sites.update(s for _, s, _ in rows)
        after = rows[-1][0]
    return done, sites


class Indexer:
    def __init__(self, settings, storage, model=None, *, name: str | None = None):
        self.settings = settings
        self.storage = storage
        self.queue = storage.index_queue
        self.store = storage.chunks
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.batch_pages = max(1, settings.getint("SCRAPEJET_INDEX_BATCH_PAGES"))
        self.lease_s = settings.getfloat("SCRAPEJET_INDEX_LEASE_S")
        self.poll_s = settings.getfloat("SCRAPEJET_INDEX_POLL_S")
        self.max_words = settings.getint("SCRAPEJET_CHUNK_WORDS")
        self.overlap = settings.getint("SCRAPEJET_CHUNK_OVERLAP")
        self.stats: Counter[str] = Counter()
        self._model = model
        self._indexes: dict[str, Any] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings, storage, model=None) -> Indexer:
        return cls(settings, storage, model)

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                from .model import EmbeddingModel

                started = time.monotonic()
                self._model = EmbeddingModel.from_settings(
                    self.settings, threads=self.settings.getint("SCRAPEJET_INDEX_THREADS"))
                logger.info("embedding model %s loaded on %s in %.1fs", self._model.name, self._model.device,
                            time.monotonic() - started)
            return self._model

    # -- one batch -------------------------------------------------------------
    def step(self, site: str | None = None) -> int:
        """Index one batch of queued pages (of ``site``, or any); how many
        pages were claimed (0: none could be)."""
        rows = self.queue.claim(self.name, limit=self.batch_pages, lease_s=self.lease_s, site=site)
        if not rows:
            return 0
        try:
            model = self.model
            pages = self.queue.latest_pages(rows)
            stored = self.store.store_pages(pages, model=model.name, max_words=self.max_words, overlap=self.overlap)
            # and chunks of these pages left without vectors (their last indexer died mid-batch)
            queued = {cid for cid, _, _ in stored.todo}
            left = [t for t in self.store.pending_of([(r["site"], r["canonical_url"]) for r in rows], model=model.name)
                    if t[0] not in queued]
            self._embed(stored.todo + left, rows)
            self._sync(stored.sites | {r["site"] for r in rows})
        except Exception as exc:  # the pages stay queued: another attempt later
            logger.exception("indexing %d page(s) failed; they stay queued", len(rows))
            self.queue.release(self.name, rows, f"{type(exc).__name__}: {exc}")
            self.stats["errors"] += 1
            return len(rows)
        self.queue.done(self.name, rows)
        self.stats["pages"] += len(rows)
        self.stats["pages_chunked"] += stored.pages
        self.stats["chunks_reused"] += stored.reused
        return len(rows)

    def _embed(self, todo: list[tuple[int, str, str]], rows: list[dict[str, Any]]) -> None:
        model = self.model
        # vectors are written as they come, so a kill mid-batch loses little;
        # the claim is renewed on the way (a slow CPU, a big batch)
        renewed = time.monotonic()
        step = max(model.batch_size * 4, 64)
        for start in range(0, len(todo), step):
            part = todo[start:start + step]
            vectors = model.encode([text for _, _, text in part])
            self.store.write_vectors([(cid, vec.tobytes()) for (cid, _, _), vec in zip(part, vectors)], model.name)
            self.stats["chunks_embedded"] += len(part)
            if time.monotonic() - renewed > self.lease_s / 3:
                self.queue.extend(self.name, rows, self.lease_s)
                renewed = time.monotonic()

    def _sync(self, sites: set[str]) -> None:
        from .store import SiteIndex

        model = self.model
        for site in sorted(sites):
            if site not in self._indexes:
                self._indexes[site] = SiteIndex.for_settings(self.settings, site, model=model.name, dim=model.dim)
            self._indexes[site].sync(self.store)

    # -- loops -------------------------------------------------------------------
    def catch_up(self, site: str | None = None) -> int:
        """Embed the chunks still without a vector of this model (an earlier
        version's, another model's); how many."""
        if not any(c["pending"] for c in self.store.counts(site).values()):
            return 0
        done, sites = embed_pending(self.store, self.model, site=site, batch=self.model.batch_size * 8)
        self._sync(sites)
        self.stats["chunks_embedded"] += done
        return done

    def run(self, stop: threading.Event, *, site: str | None = None, once: bool = False) -> None:
        """Serve the queue until ``stop`` is set (``once``: until it is empty)."""
        idle_since = None
        while not stop.is_set():
            if self.step(site):
                idle_since = None
                continue
            if idle_since is None:
                idle_since = time.monotonic()
                try:
                    self.catch_up(site)
                except Exception:
                    logger.exception("embedding chunks left without vectors failed")
            if once and not self.queue.waiting(site):
                return
            stop.wait(self.poll_s)

    def drain(self, site: str, *, progress: Callable[[int, int], None] | None = None,
              timeout: float | None = None) -> int:
        """Index every queued page of ``site`` before returning: claimed and
        indexed here, or waited for while another indexer holds them; how
        many were indexed here. ``progress(done, total)`` after each batch."""
        deadline = None if timeout is None else time.monotonic() + timeout
        done = 0
        waiting = self.queue.waiting(site)
        if progress is not None:
            progress(0, waiting)
        while waiting:
            claimed = self.step(site)
            done += claimed
            waiting = self.queue.waiting(site)
            if progress is not None:
                progress(done, done + waiting)
            if waiting and not claimed:
                # the rest is being indexed elsewhere (or waits to be tried
                # again after an error): wait for it
                if deadline is not None and time.monotonic() > deadline:
                    break
                time.sleep(min(self.poll_s, 0.5))
        self.catch_up(site)
        return done
