"""One FAISS index per site, a cache of the vectors stored with its chunks.

Exact inner product (``IndexFlatIP``) while a site is small; past
``SCRAPEJET_INDEX_HNSW_THRESHOLD`` vectors, HNSW (``IndexHNSWFlat``, inner
product), both under ``IndexIDMap2`` so FAISS ids are chunk ids. The kind is
recorded in ``meta.json``.

``sync`` is the one way an index changes: under the site's exclusive lock it
loads the file as it is now (another process may have written it), compares
its ids with the ids of the site's stored vectors of this model, adds what
is missing, removes what is gone, and writes the result atomically (temp
file, fsync, rename). So any process can sync at any time, several can sync
one site concurrently, and a reader (shared lock) never loads half a file.
An HNSW graph cannot remove vectors: removed chunks stay in it until they
are 20% of it, then it is rebuilt (searches drop ids no longer stored).
A different model or dimension in ``meta.json`` means a rebuild."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from ..storage.chunks import ChunkStore
from .state import index_root, locked, read_meta, site_dir, write_atomic

STALE_REBUILD = 0.2


class IndexConfig:
    def __init__(self, *, hnsw_threshold: int = 20000, hnsw_m: int = 32, ef_construction: int = 80,
                 ef_search: int = 128):
        self.hnsw_threshold = hnsw_threshold
        self.hnsw_m = hnsw_m
        self.ef_construction = ef_construction
        self.ef_search = ef_search

    @classmethod
    def from_settings(cls, settings) -> IndexConfig:
        return cls(
            hnsw_threshold=int(settings.get("SCRAPEJET_INDEX_HNSW_THRESHOLD") or 20000),
            hnsw_m=int(settings.get("SCRAPEJET_INDEX_HNSW_M") or 32),
            ef_construction=int(settings.get("SCRAPEJET_INDEX_HNSW_EF_CONSTRUCTION") or 80),
            ef_search=int(settings.get("SCRAPEJET_INDEX_HNSW_EF_SEARCH") or 128),
        )


class SiteIndex:
    def __init__(self, root: Path, site: str, *, model: str, dim: int, config: IndexConfig | None = None):
        self.site = site
        self.folder = site_dir(root, site)
        self.path = self.folder / "index.faiss"
        self.model = model
        self.dim = dim
        self.config = config or IndexConfig()
        self.index = None
        self.meta: dict[str, Any] | None = None
        self._stamp: tuple | None = None
        self._lock = threading.Lock()

    @classmethod
    def for_settings(cls, settings, site: str, *, model: str, dim: int) -> SiteIndex:
        return cls(index_root(settings), site, model=model, dim=dim, config=IndexConfig.from_settings(settings))

    # -- reading ----------------------------------------------------------------
    def _file_stamp(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _read(self) -> None:
        """Load the file as it is (caller holds the site lock)."""
        self._stamp = self._file_stamp()
        meta = read_meta(self.folder)
        if self._stamp is None or not meta or meta.get("model") != self.model or meta.get("dim") != self.dim:
            self.index, self.meta = None, meta
            return
        self.index = faiss.read_index(str(self.path))
        self.meta = meta
        self._tune()

    def _tune(self) -> None:
        inner = faiss.downcast_index(self.index.index) if self.index is not None else None
        if isinstance(inner, faiss.IndexHNSW):
            inner.hnsw.efSearch = self.config.ef_search

    def refresh(self) -> bool:
        """Reload if another process (or thread) replaced the file; whether
        the index is usable (exists, same model)."""
        with self._lock:
            stamp = self._file_stamp()
            if stamp is None:  # no index (yet, or deleted): nothing to lock or read
                self.index, self._stamp = None, None
            elif stamp != self._stamp:
                with locked(self.folder, exclusive=False):
                    self._read()
            return self.index is not None

    def search(self, query, n: int) -> list[tuple[int, float]]:
        """(chunk id, cosine) of the ``n`` nearest vectors."""
        if not self.refresh() or self.index.ntotal == 0:
            return []
        index = self.index  # a concurrent refresh swaps it; this search keeps its own
        scores, ids = index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), min(n, index.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def ids(self):
        if self.index is None:
            return np.zeros(0, dtype=np.int64)
        return faiss.vector_to_array(self.index.id_map).astype(np.int64)

    # -- writing ----------------------------------------------------------------
    def _empty(self, kind: str):
        if kind == "hnsw":
            inner = faiss.IndexHNSWFlat(self.dim, self.config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = self.config.ef_construction
        else:
            inner = faiss.IndexFlatIP(self.dim)
        return faiss.IndexIDMap2(inner)

    @staticmethod
    def _kind(index) -> str:
        return "hnsw" if isinstance(faiss.downcast_index(index.index), faiss.IndexHNSW) else "flat"

    def _add(self, index, store: ChunkStore, ids) -> int:
        added = 0
        for start in range(0, len(ids), 5000):
            rows = store.vectors([int(i) for i in ids[start:start + 5000]])
            if not rows:
                continue
            matrix = np.frombuffer(b"".join(v for _, v in rows), dtype=np.float32).reshape(len(rows), -1)
            if matrix.shape[1] != self.dim:
                raise ValueError(f"stored vectors of {self.site} have dimension {matrix.shape[1]}, not {self.dim}")
            index.add_with_ids(matrix, np.array([i for i, _ in rows], dtype=np.int64))
            added += len(rows)
        return added

    def sync(self, store: ChunkStore, *, rebuild: bool = False) -> dict[str, Any]:
        """Bring the index file up to date with the site's stored vectors."""
        with self._lock, locked(self.folder, exclusive=True):
            self._read()
            wanted = np.array(store.vector_ids(self.site, self.model), dtype=np.int64)
            have = self.ids()
            to_add = np.setdiff1d(wanted, have, assume_unique=True)
            to_remove = np.setdiff1d(have, wanted, assume_unique=True)
            kind = "hnsw" if len(wanted) > self.config.hnsw_threshold else "flat"
            index = self.index
            if index is not None and not rebuild and not len(to_add) and not len(to_remove):
                return {"site": self.site, "kind": self._kind(index), "count": int(index.ntotal), "added": 0,
                        "removed": 0, "rebuilt": False}
            rebuilt = (
                rebuild or index is None or self._kind(index) != kind
                or (kind == "hnsw" and len(to_remove) > STALE_REBUILD * max(len(wanted), 1))
            )
            if rebuilt:
                index = self._empty(kind)
                added = self._add(index, store, wanted)
                removed = len(have)
            else:
                removed = 0
                if len(to_remove) and kind == "flat":
                    removed = int(index.remove_ids(faiss.IDSelectorBatch(to_remove)))
                added = self._add(index, store, to_add)
            self._write(index, kind, stale=max(int(index.ntotal) - len(wanted), 0))
            return {"site": self.site, "kind": kind, "count": int(index.ntotal), "added": added,
                    "removed": removed, "rebuilt": rebuilt}

    def _write(self, index, kind: str, *, stale: int) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = faiss.serialize_index(index)
        write_atomic(self.path, data.tobytes())
        meta = {
            "site": self.site, "kind": kind, "count": int(index.ntotal), "stale": stale, "model": self.model,
            "dim": self.dim, "built_at": time.time(),
            "generation": int((self.meta or {}).get("generation", 0)) + 1,
            "hnsw_threshold": self.config.hnsw_threshold,
        }
        write_atomic(self.folder / "meta.json", json.dumps(meta, indent=1).encode())
        self.index, self.meta, self._stamp = index, meta, self._file_stamp()
        self._tune()
