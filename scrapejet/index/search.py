"""Hybrid retrieval over a site's chunks: the insights' one way in.

A question is embedded with the model the chunks were embedded with; the
site's FAISS index gives the nearest chunks (cosine), keyword search (SQLite
FTS5 BM25 / PostgreSQL ``ts_rank_cd``) gives the chunks sharing its words,
e-mail addresses and numbers. The two lists (``SCRAPEJET_RETRIEVAL_CANDIDATES``
each) are fused by reciprocal rank fusion, ``score = sum 1 / (60 + rank)``
over the lists a chunk is in: ranks, not raw scores, so cosine and BM25
need no common scale, and a chunk found by both ranks above one found by
either alone. ``vector_score`` and ``keyword_score`` keep the raw scores.

In the API process: ``services().retriever`` (one per process; the model
is loaded on its first search). In the CLI or a script::

    settings = scrapejet.runtime.load_settings()
    retriever = Retriever.from_settings(settings, Storage.from_settings(settings))
    retriever.catch_up("shop.example.com")   # embeds what is still pending (0 when nothing is)
    hits = retriever.search("Do you ship to France?", site="shop.example.com", k=5)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..extract.chunking import OUTSIDE
from .state import index_root, site_dir

# Texts (pages queued, chunks pending) the light model embeds when a GPU may be
# there: about two minutes' work on two cores, past which loading torch costs
# little beside the work and a GPU would do it many times faster
_LIGHT_AT_MOST = 250

RRF_K = 60


@dataclass
class Hit:
    chunk_id: int
    site: str
    url: str
    title: str | None
    heading_path: list[str]
    position: int  # the chunk's position within its page
    text: str
    score: float  # fused score, higher is better
    vector_score: float | None
    keyword_score: float | None


class Retriever:
    def __init__(self, settings, storage, model=None):
        from .model import model_name

        self.settings = settings
        self.storage = storage
        self.store = storage.chunks
        self.model_name = model.name if model is not None else model_name(settings)
        self.candidates = int(settings.get("SCRAPEJET_RETRIEVAL_CANDIDATES") or 50)
        self.batch = int(settings.get("SCRAPEJET_EMBED_BATCH") or 16)
        self._model = model
        self._query_model: Any = None  # (False: the light model cannot read this one)
        self._indexes: dict[str, Any] = {}
        self._executor = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings, storage, model=None) -> Retriever:
        """``model``: an ``EmbeddingModel`` already loaded in this process;
        else the model is loaded on first use (a few seconds)."""
        return cls(settings, storage, model)

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                from .model import EmbeddingModel

                self._model = EmbeddingModel.from_settings(self.settings)
            return self._model

    @property
    def query_model(self):
        """What a question and an answer's sentences are embedded with: the
        model already loaded in this process, else ``light.LightModel`` (the
        same weights in NumPy: no torch to import, under a second where
        loading torch's takes several), else the model itself."""
        with self._lock:
            if self._query_model is None:
                if self._model is not None:
                    self._query_model = self._model
                else:
                    from .light import LightModel
                    from .model import model_path

                    self._query_model = LightModel.load(model_path(self.settings), self.model_name) or False
            light = self._query_model
        return light if light is not False else self.model

    def embedder(self, texts: int):
        """The model to embed ``texts`` pages or chunks with here and now: the
        query model (light) on the CPU, where it embeds a 200-word chunk at
        torch's rate (0.13 s a core) without torch's seven seconds of loading;
        torch's when the settings name a GPU, or may find one ("auto") and
        there is enough to embed to be worth loading it."""
        device = str(self.settings.get("SCRAPEJET_EMBEDDING_DEVICE") or "auto")
        if self._model is None and (device == "cpu" or (device == "auto" and texts <= _LIGHT_AT_MOST)):
            return self.query_model
        return self.model

    def _pool(self):
        with self._lock:
            if self._executor is None:
                from concurrent.futures import ThreadPoolExecutor

                self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="scrapejet-keyword")
            return self._executor

    def index(self, site: str):
        """The site's ``SiteIndex`` (reloaded when its file changes)."""
        from .store import SiteIndex

        model = self.query_model  # (its name and size: no vectors are made here)
        with self._lock:
            if site not in self._indexes:
                self._indexes[site] = SiteIndex.for_settings(self.settings, site, model=model.name, dim=model.dim)
            return self._indexes[site]

    def _sites(self, site: str | None) -> list[str]:
        if site is not None:
            return [site]
        root = index_root(self.settings)
        return [s for s in self.store.sites() if (site_dir(root, s) / "index.faiss").exists()]

    def search(self, question: str, *, site: str | None = None, k: int = 5, also: str | None = None,
               translated: str | None = None, prefer: Callable[[str, str], bool] | None = None,
               holds: Callable[[str], bool] | None = None,
               cards: Callable[[str], bool] | None = None, named: str | None = None) -> list[Hit]:
        """The ``k`` best chunks for a question, of one site (None: every site).
        ``also``: words a passage answering it would use (the words for the
        kind of value asked for, in many languages), matched as a third
        ranking fused with the other two. ``translated``: the question's
        own terms in the words of other languages (a page in Dutch says
        "kamers" where the question says "rooms"), matched as one more
        ranking: the embedding model reads English only. ``prefer``: whether a page (by its
        URL and title) is where such a value is stated (a person on the about page, an
        address on the contact page); the vector candidates of those pages,
        in the same order, are a fourth ranking. ``holds``: whether a
        passage's text holds the kind of value asked for (an address, a
        price, a name); the candidates that do, in the order of the other
        rankings, are a fifth: a footer that states the address without the
        word "address" is found for "where are they?". ``cards``: whether a
        passage around a page's main content holds the value asked for
        surely enough to be a source beside the best such passage. ``named``:
        the names the question gives ("the Parque Polvoranca station"),
        matched as one more ranking: a rare name is the surest sign of the
        passage, and the English-only model reads names in any language as noise."""
        if not question.strip() or k <= 0:
            return []
        n = max(self.candidates, k)
        # The keyword query runs while the question is embedded: both leave
        # the GIL (SQLite, torch), so the slower of the two sets the pace.
        keyword = self._pool().submit(self.store.keyword, question, site=site, limit=n)
        extra = self._pool().submit(self.store.keyword, also, site=site, limit=n) if also else None
        # a term's words in two dozen languages: every one of them is a term
        glossed = (self._pool().submit(self.store.keyword, translated, site=site, limit=n, max_terms=400)
                   if translated else None)
        names = self._pool().submit(self.store.keyword, named, site=site, limit=n) if named else None
        vector_hits: list[tuple[int, float]] = []
        sites = self._sites(site)
        if sites:
            query = self.query_model.encode([question])[0]
            for name in sites:
                vector_hits.extend(self.index(name).search(query, n))
            vector_hits.sort(key=lambda h: -h[1])
            vector_hits = vector_hits[:n]
        keyword_hits = keyword.result()
        extra_hits = extra.result() if extra is not None else []
        glossed_hits = glossed.result() if glossed is not None else []
        named_hits = names.result() if names is not None else []
        role_hits = self._on_pages(vector_hits, prefer) if prefer is not None else []
        fused: dict[int, list[float | None]] = {}
        for ranked, slot in ((vector_hits, 0), (keyword_hits, 1), (extra_hits, None), (glossed_hits, None),
                             (role_hits, None), (named_hits, None)):
            for rank, (cid, raw) in enumerate(ranked):
                entry = fused.setdefault(cid, [0.0, None, None])
                entry[0] += 1.0 / (RRF_K + rank + 1)
                if slot is not None:
                    entry[slot + 1] = raw
        order = sorted(fused, key=lambda cid: (-fused[cid][0], -(fused[cid][1] or -1.0), cid))
        # HNSW keeps deleted chunks until its next rebuild: skip ids no longer stored.
        if holds is not None:
            # every candidate's text is read for the fifth ranking, and kept
            rows = self.store.rows(order)
            holding = [cid for cid in order if cid in rows and holds(rows[cid]["text"])]
            for rank, cid in enumerate(holding):
                fused[cid][0] += 1.0 / (RRF_K + rank + 1)
            order = sorted(fused, key=lambda cid: (-fused[cid][0], -(fused[cid][1] or -1.0), cid))
        else:
            rows = self.store.rows(order[: k * 3 + 10])
        hits = []
        # One text served at several URLs (/ and /index.html, a print
        # version, a tracking query) is one source, not k copies of it.
        seen: set[str] = set()
        around = False
        for cid in order:
            row = rows.get(cid)
            if row is None or (site is not None and row["site"] != site):
                continue
            # A footer or sidebar names the company, so it resembles every
            # question about it: one such source, the best, and beside it
            # only the cards a question's value is surely on (``cards``: a
            # price list set as boxes, "Doprava" / "7 Kč/km").
            if row["heading_path"] == [OUTSIDE]:
                if around and not (cards is not None and cards(row["text"])):
                    continue
                around = True
            same_text = " ".join(row["text"].split()).casefold()
            if same_text in seen:
                continue
            seen.add(same_text)
            score, vscore, kscore = fused[cid]
            hits.append(Hit(
                chunk_id=cid, site=row["site"], url=row["url"], title=row["title"],
                heading_path=list(row["heading_path"] or []), position=row["position"], text=row["text"],
                score=score, vector_score=vscore, keyword_score=kscore,
            ))
            if len(hits) == k:
                break
        return hits

    def _on_pages(self, hits: list[tuple[int, float]], prefer: Callable[[str, str], bool]) -> list[tuple[int, float]]:
        """The hits whose page ``prefer`` picks."""
        rows = self.store.rows([cid for cid, _ in hits])
        return [(cid, raw) for cid, raw in hits if cid in rows and prefer(rows[cid]["url"], rows[cid]["title"] or "")]

    def catch_up(self, site: str | None = None) -> int:
        """Embed the chunks (of ``site``, or all) still without vectors, then
        bring the index of every site concerned up to date; how many were
        embedded. With nothing pending it costs two small queries and a
        check of the index file (the model is not even loaded)."""
        from .indexer import embed_pending

        pending = self.store.counts(site)
        if not any(c["pending"] for c in pending.values()):
            stale = [s for s in pending if self._stale(s)]
            if not stale:
                return 0
            for name in stale:
                self.index(name).sync(self.store)
            return 0
        model = self.embedder(sum(c["pending"] for c in pending.values()))
        done, sites = embed_pending(self.store, model, site=site, batch=self.batch * 4)
        for name in sorted(sites | ({site} if site else set())):
            self.index(name).sync(self.store)
        return done

    def _stale(self, site: str) -> bool:
        """Whether a site's index file holds fewer vectors than storage."""
        from .state import read_meta

        meta = read_meta(site_dir(index_root(self.settings), site)) or {}
        embedded = self.store.counts(site).get(site, {}).get("embedded", 0)
        return meta.get("model") != self.model_name or meta.get("count", 0) - meta.get("stale", 0) != embedded

    def rebuild(self, site: str) -> dict[str, Any]:
        """Embed what is pending, then rebuild the site's index from the stored vectors."""
        from .indexer import embed_pending

        embedded, _ = embed_pending(self.store, self.model, site=site, batch=self.batch * 4)
        result = self.index(site).sync(self.store, rebuild=True)
        return {**result, "embedded": embedded}
