"""The one embedding thread of a process.

The crawler's pipeline stores chunks on the reactor thread and hands their
texts here through a bounded queue; it never waits for an encode. This
thread loads the model on first use (so a process that never stores a page
never imports torch), encodes what is queued in batches, writes the vectors
to storage and brings the touched sites' FAISS indexes up to date (at most
every ``SCRAPEJET_INDEX_FLUSH_S`` while busy, and whenever the queue runs
dry).

Texts that do not fit in the queue are not lost: their chunks are stored
without vectors, and this thread embeds the chunks of those sites once the
queue is empty. Chunks left without vectors by a process that died are
picked up by any embedding thread that is idle (chunks older than
``SCRAPEJET_EMBED_CATCHUP_AGE_S``, so live processes' own queues are left
to them), by ``scrapejet index catch-up|rebuild``, or by
``Retriever.catch_up``."""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from ..storage.chunks import ChunkStore
from .state import index_root

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


class Embedder:
    _instances: dict[tuple, Embedder] = {}
    _guard = threading.Lock()

    def __init__(self, settings, storage, model=None):
        self.settings = settings
        self.store = storage.chunks
        self.root = index_root(settings)
        self.batch = max(1, int(settings.get("SCRAPEJET_EMBED_BATCH") or 16))
        self.flush_s = float(settings.get("SCRAPEJET_INDEX_FLUSH_S") or 2.0)
        self.catchup_age = float(settings.get("SCRAPEJET_EMBED_CATCHUP_AGE_S") or 60)
        self.queue: queue.Queue = queue.Queue(maxsize=max(1, int(settings.get("SCRAPEJET_EMBED_QUEUE") or 1000)))
        self.model = model
        self.stats = {"encoded": 0, "batches": 0, "overflow": 0, "caught_up": 0, "errors": 0, "syncs": 0}
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._outstanding = 0  # queued work not yet written and synced
        self._dirty: set[str] = set()
        self._syncing = 0  # sites taken from _dirty whose index is being written
        self._overflow: set[str] = set()
        self._indexes: dict[str, Any] = {}
        self._thread: threading.Thread | None = None
        self._model_error: str | None = None
        self._look_for_stale = False

    @classmethod
    def shared(cls, settings, storage) -> Embedder:
        """The process's embedder for this storage and data dir."""
        from .model import model_path

        key = (storage.url, str(index_root(settings)), model_path(settings))
        with cls._guard:
            if key not in cls._instances:
                cls._instances[key] = cls(settings, storage)
            return cls._instances[key]

    # -- the reactor side ---------------------------------------------------
    def submit(self, todo: list[tuple[int, str, str]], sites: set[str]) -> None:
        """Queue texts to embed ((chunk id, site, text)) and sites whose
        index changed; never blocks."""
        if not todo and not sites:
            return
        with self._lock:
            self._outstanding += 1
        try:
            self.queue.put_nowait((todo, sites))
        except queue.Full:
            with self._lock:
                self._outstanding -= 1
                self._overflow.update(sites | {s for _, s, _ in todo})
                self.stats["overflow"] += len(todo)
        self.start()

    def look_for_stale(self) -> None:
        """Start the thread if chunks wait for vectors since long ago (a
        process died): it embeds them while it has nothing else to do."""
        try:
            stale = self.store.has_stale_pending(time.time() - self.catchup_age)
        except Exception:
            logger.exception("could not look for chunks without vectors")
            return
        if stale:
            self._look_for_stale = True
            self.start()

    def start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="scrapejet-embedder", daemon=True)
                self._thread.start()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until everything queued so far is embedded and indexed;
        False if ``timeout`` passed first (the rest is left to catch-up)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._outstanding or self._dirty or self._overflow or self._syncing:
                left = deadline - time.monotonic()
                if left <= 0 or self._thread is None or not self._thread.is_alive():
                    return False
                self._changed.wait(min(left, 1.0))
        return True

    # -- the thread -----------------------------------------------------------
    def _model(self):
        if self.model is None:
            from .model import EmbeddingModel

            started = time.monotonic()
            self.model = EmbeddingModel.from_settings(self.settings)
            logger.info("embedding model %s loaded in %.1fs", self.model.name, time.monotonic() - started)
        return self.model

    def _run(self) -> None:
        nice = int(self.settings.get("SCRAPEJET_EMBED_NICE") or 0)
        if nice > 0 and hasattr(os, "setpriority"):
            # Linux schedules threads: a lower priority for this one alone
            # lets the reactor have the CPU it wants, the rest goes to encoding.
            try:
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
            except OSError:
                pass
        last_sync = time.monotonic()
        last_stale_check = 0.0
        while True:
            try:
                first = self.queue.get(timeout=0.5)
            except queue.Empty:
                self._sync_dirty()
                self._drain_overflow()
                if self._look_for_stale and time.monotonic() - last_stale_check > self.catchup_age / 4:
                    last_stale_check = time.monotonic()
                    self._catch_up_stale()
                continue
            work = [first]
            texts = len(first[0])
            while texts < self.batch * 4:
                try:
                    item = self.queue.get_nowait()
                except queue.Empty:
                    break
                work.append(item)
                texts += len(item[0])
            self._embed(work)
            if self.queue.empty() or time.monotonic() - last_sync > self.flush_s:
                self._sync_dirty()
                last_sync = time.monotonic()

    def _embed(self, work) -> None:
        todo = [t for items, _ in work for t in items]
        sites = set().union(*(s for _, s in work)) | {s for _, s, _ in todo}
        try:
            if todo:
                model = self._model()
                vectors = model.encode([text for _, _, text in todo])
                self.store.write_vectors([(cid, vec.tobytes()) for (cid, _, _), vec in zip(todo, vectors)],
                                         model.name)
                self.stats["encoded"] += len(todo)
                self.stats["batches"] += 1
        except Exception as exc:
            # The chunks stay stored without vectors: catch-up embeds them later.
            self.stats["errors"] += 1
            if self._model_error != repr(exc):
                self._model_error = repr(exc)
                logger.exception("embedding %d chunks failed; they stay pending", len(todo))
        with self._changed:
            self._outstanding -= len(work)
            self._dirty |= sites
            self._changed.notify_all()

    def _index(self, site: str):
        from .store import SiteIndex

        model = self._model()
        if site not in self._indexes:
            self._indexes[site] = SiteIndex.for_settings(self.settings, site, model=model.name, dim=model.dim)
        return self._indexes[site]

    def _sync_dirty(self) -> None:
        with self._lock:
            sites, self._dirty = self._dirty, set()
            self._syncing += len(sites)
        try:
            for site in sorted(sites):
                try:
                    self._index(site).sync(self.store)
                    self.stats["syncs"] += 1
                except Exception:
                    logger.exception("updating the index of %s failed; `scrapejet index rebuild %s` rebuilds it",
                                     site, site)
        finally:
            with self._changed:
                self._syncing -= len(sites)
                self._changed.notify_all()

    def _drain_overflow(self) -> None:
        with self._lock:
            sites, self._overflow = self._overflow, set()
            self._syncing += 1
        try:
            if sites:
                self._catch_up_sites(sites)
        finally:
            with self._changed:
                self._syncing -= 1
                self._changed.notify_all()

    def _catch_up_sites(self, sites: set[str]) -> None:
        for site in sorted(sites):
            try:
                n, _ = embed_pending(self.store, self._model(), site=site, batch=self.batch * 4)
                self.stats["caught_up"] += n
                self.stats["encoded"] += n
            except Exception:
                logger.exception("embedding the pending chunks of %s failed", site)
        with self._changed:
            self._dirty |= sites
        self._sync_dirty()

    def _catch_up_stale(self) -> None:
        try:
            if not self.store.has_stale_pending(time.time() - self.catchup_age):
                return
            n, sites = embed_pending(self.store, self._model(), older_than=time.time() - self.catchup_age,
                                     batch=self.batch * 4, should_stop=lambda: not self.queue.empty())
        except Exception:
            logger.exception("embedding chunks left without vectors failed")
            return
        if n:
            logger.info("embedded %d chunks left without vectors (%s)", n, ", ".join(sorted(sites)))
            self.stats["caught_up"] += n
            self.stats["encoded"] += n
            with self._changed:
                self._dirty |= sites
            self._sync_dirty()
