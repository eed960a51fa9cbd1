"""Answering a question about a crawled site: retrieve passages, add the
site's business profile for business questions, answer with the configured
LLM (or extractively), with numbered sources."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from .extractive import extractive_answer
from .llm import ChatModel, LLMError, build_messages, check_citations
from .profile import asked_fields, is_business_question, profile_source
from .sources import Answer, Source

logger = logging.getLogger(__name__)


class UnknownSite(LookupError):
    """No page of this site is stored."""


def answer_from(question: str, sources: list[Source], chat: ChatModel | None, *, site: str | None = None) -> Answer:
    """The answer to ``question`` from exactly ``sources``: the model's when
    one is configured and answers, else extractive (with the model's failure
    in ``error``)."""
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
    return Answer(question, extractive_answer(question, sources, site=site), sources, "extractive", None, error=error)


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

    def known_site(self, site: str) -> bool:
        return self.storage.has_pages(site)

    def prepare(self, site: str | None) -> int:
        """Make what is stored searchable before answering: a site crawled
        with SCRAPEJET_EMBEDDINGS off has pages but no chunks, so they are
        chunked now; chunks without vectors are embedded (``catch_up``)."""
        with self._prepare_lock:
            if site is not None and self.settings is not None:
                store = self.storage.chunks
                if not store.counts(site):
                    from ..index.model import model_name

                    stored = store.store_pages(
                        store.site_pages(site), model=model_name(self.settings),
                        max_words=self.settings.getint("SCRAPEJET_CHUNK_WORDS"),
                        overlap=self.settings.getint("SCRAPEJET_CHUNK_OVERLAP"))
                    logger.info("%s: %d page(s) chunked for insights (crawled with embeddings off)",
                                site, stored.pages)
            return self.retriever.catch_up(site)

    def sources(self, question: str, *, site: str | None, k: int, business: bool = False) -> list[Source]:
        """The passages retrieved for ``question``, numbered from 1, then the
        site's business profile for a business question."""
        hits = self.retriever.search(question, site=site, k=k)
        sources = [Source.of_hit(i, hit, question) for i, hit in enumerate(hits, 1)]
        profile_site = site or (hits[0].site if hits else None)
        if profile_site and (business or is_business_question(question)):
            profile = self.storage.latest_profile(profile_site)
            if profile:
                sources.append(profile_source(profile, len(sources) + 1, asked_fields(question)))
        return sources

    def ask(self, question: str, *, site: str | None = None, k: int | None = None, business: bool = False,
            catch_up: bool = True) -> Answer:
        """One answer. ``site`` None: over every stored site. Pages stored
        but not yet embedded (a worker with embeddings off) are embedded first."""
        if site is not None and not self.known_site(site):
            raise UnknownSite(site)
        if catch_up:
            self.prepare(site)
        sources = self.sources(question, site=site, k=k or self.k, business=business)
        return answer_from(question, sources, self.chat, site=site)

    def ask_all(self, site: str, questions: list[str], *, k: int | None = None, business: bool = False,
                on_answer: Callable[[Answer], None] | None = None) -> list[Answer]:
        if not self.known_site(site):
            raise UnknownSite(site)
        self.prepare(site)
        answers = []
        for question in questions:
            answers.append(self.ask(question, site=site, k=k, business=business, catch_up=False))
            if on_answer is not None:
                on_answer(answers[-1])
        return answers
