"""Answering a question about a crawled site: retrieve passages, add the
site's business profile for business questions, answer with the configured
LLM (or extractively), with numbered sources."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from ..profiles import site_profile
from .extractive import Similarity, extractive_answer
from .glossary import page_words
from .llm import ChatModel, LLMError, build_messages, check_citations
from .profile import asked_fields, is_business_question, profile_source
from .qtype import asked_kind, holding, names_asked, search_words, stating_pages
from .sources import Answer, Source

# Values small sites set in boxes of their own (a price under its service, a
# day's hours), which trafilatura leaves around the main content: a box that
# holds the value asked for is a source beside the page's footer.
CARD_KINDS = ("price", "hours")

logger = logging.getLogger(__name__)


class UnknownSite(LookupError):
    """No page of this site is stored."""


def answer_from(question: str, sources: list[Source], chat: ChatModel | None, *, site: str | None = None,
                similarity: Similarity | None = None) -> Answer:
    """The answer to ``question`` from exactly ``sources``: the model's when
    one is configured and answers, else extractive (with the model's failure
    in ``error``; ``similarity`` scores its sentences by meaning)."""
    if not sources:
        where = f"of {site} " if site else ""
        return Answer(question, f"No stored page {where}matches this question.", [], "extractive", None)
    error = None
    if chat is not None:
        try:
            text = chat.complete(build_messages(question, sources))
        except LLMError as exc:
            logger.warning("LLM %s failed, answering extractively: %s", chat.model, exc)
            error = f"the model {chat.model!r} failed, so this answer is extractive: {exc}"
        else:
            cleaned, _, dropped = check_citations(text, len(sources))
            return Answer(question, cleaned, sources, "llm", chat.model, dropped_citations=dropped)
    return Answer(question, extractive_answer(question, sources, site=site, similarity=similarity), sources,
                  "extractive", None, error=error)


class Insights:
    """Questions about stored sites. ``retriever`` is built on first use by
    ``retriever_factory`` (it loads the embedding model), once per process."""

    def __init__(self, storage, retriever_factory: Callable[[], object], chat: ChatModel | None = None, *,
                 k: int = 5, settings=None):
        self.storage = storage
        self.chat = chat
        self.k = k
        self.settings = settings
        self._retriever_factory = retriever_factory
        self._retriever = None
        self._lock = threading.Lock()
        self._prepare_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings, storage, retriever_factory: Callable[[], object] | None = None) -> Insights:
        if retriever_factory is None:
            def retriever_factory():
                from ..index.search import Retriever

                return Retriever.from_settings(settings, storage)
        return cls(storage, retriever_factory, ChatModel.from_settings(settings),
                   k=settings.getint("SCRAPEJET_INSIGHTS_K"), settings=settings)

    @property
    def retriever(self):
        with self._lock:
            if self._retriever is None:
                self._retriever = self._retriever_factory()
            return self._retriever

    @property
    def mode(self) -> str:
        return "llm" if self.chat is not None else "extractive"

    def similarity(self, question: str, texts: list[str]) -> list[float]:
        """Cosine similarity of each text to the question, under the model
        retrieval already loaded (sentences of an extractive answer)."""
        if not texts:
            return []
        vectors = self.retriever.query_model.encode([question, *texts])
        return [float(v) for v in vectors[1:] @ vectors[0]]

    def known_site(self, site: str) -> bool:
        return self.storage.has_pages(site)

    def prepare(self, site: str | None, *, wait: bool = True,
                progress: Callable[[int, int], None] | None = None) -> int:
        """Make what is stored searchable before answering; how many stored
        pages of ``site`` are still not indexed after it (0 when all are).

        ``wait``: index the site's queued pages now, here, or wait while another indexer has
        them, for at most SCRAPEJET_INDEX_WAIT_S. A site crawled with
        embeddings off has pages but no chunks: its pages are queued first."""
        with self._prepare_lock:
            if site is None or self.settings is None:
                self.retriever.catch_up(site)
                return 0
            queue = self.storage.index_queue
            if not self.storage.chunks.counts(site) and not queue.counts(site):
                queued = queue.add_site(site)
                logger.info("%s: %d page(s) queued for indexing (crawled with embeddings off)", site, queued)
            waiting = queue.waiting(site) if wait else 0
            if waiting:
                # (a model that embeds pages is loaded only when there are pages to embed)
                from ..index.indexer import Indexer

                model = self.retriever.embedder(waiting)
                indexer = Indexer.from_settings(self.settings, self.storage, model=model)
                indexer.drain(site, progress=progress, timeout=self.settings.getfloat("SCRAPEJET_INDEX_WAIT_S"))
            self.retriever.catch_up(site)
            return queue.waiting(site)

    def sources(self, question: str, *, site: str | None, k: int, business: bool = False) -> list[Source]:
        """The passages retrieved for ``question``, numbered from 1, then the
        site's business profile for a business question."""
        kind = asked_kind(question)
        # a page in another language answers with its own words for the value asked for
        hits = self.retriever.search(question, site=site, k=k, also=search_words(question, kind),
                                     translated=page_words(question),
                                     prefer=stating_pages(question, kind), holds=holding(question, kind),
                                     cards=holding(question, kind) if kind in CARD_KINDS else None,
                                     named=names_asked(question, site))
        sources = [Source.of_hit(i, hit, question) for i, hit in enumerate(hits, 1)]
        profile_site = site or (hits[0].site if hits else None)
        if profile_site and (business or is_business_question(question)):
            profile = site_profile(self.storage, profile_site)
            if profile:
                sources.append(profile_source(profile, len(sources) + 1, asked_fields(question)))
        return sources

    def ask(self, question: str, *, site: str | None = None, k: int | None = None, business: bool = False,
            wait: bool = True, unindexed: int | None = None) -> Answer:
        """One answer. ``site`` None: over every stored site. The site's
        queued pages are indexed first (``wait``, see ``prepare``); the
        answer says how many were still not (``unindexed_pages``).
        ``unindexed``: ``prepare`` was already called and left this many."""
        if site is not None and not self.known_site(site):
            raise UnknownSite(site)
        if unindexed is None:
            unindexed = self.prepare(site, wait=wait)
        sources = self.sources(question, site=site, k=k or self.k, business=business)
        answer = answer_from(question, sources, self.chat, site=site, similarity=self.similarity)
        answer.unindexed_pages = unindexed
        return answer

    def ask_all(self, site: str, questions: list[str], *, k: int | None = None, business: bool = False,
                on_answer: Callable[[Answer], None] | None = None, wait: bool = True,
                progress: Callable[[int, int], None] | None = None) -> list[Answer]:
        if not self.known_site(site):
            raise UnknownSite(site)
        unindexed = self.prepare(site, wait=wait, progress=progress)
        answers = []
        for question in questions:
            answers.append(self.ask(question, site=site, k=k, business=business, unindexed=unindexed))
            if on_answer is not None:
                on_answer(answers[-1])
        return answers
