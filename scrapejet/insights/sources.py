"""What an answer is made of: numbered sources and the answer object.

The sources of an answer are exactly the passages given to the model (or to
the extractive answerer), in that order, so a ``[n]`` marker in the answer
always means ``sources[n - 1]``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import sentences, terms, trim

SNIPPET_CHARS = 300


@dataclass
class Source:
    n: int
    url: str
    title: str | None
    snippet: str
    score: float | None  # retrieval score; None for the business profile (not retrieved)
    text: str  # what the model is given (not part of the answer object)
    kind: str = "chunk"  # chunk | profile
    heading_path: list[str] = field(default_factory=list)
    profile: dict[str, Any] | None = None  # the business profile itself, for a profile source

    @classmethod
    def of_hit(cls, n: int, hit, question: str = "") -> Source:
        return cls(n=n, url=hit.url, title=hit.title, snippet=snippet(hit.text, question),
                   score=round(float(hit.score), 6), text=hit.text, heading_path=list(hit.heading_path or []))

    def public(self) -> dict[str, Any]:
        return {"n": self.n, "url": self.url, "title": self.title, "snippet": self.snippet, "score": self.score}


@dataclass
class Answer:
    question: str
    answer: str
    sources: list[Source]
    mode: str  # llm | extractive
    model: str | None
    # Why the configured LLM was not used (its failure), when mode fell back to extractive.
    error: str | None = None
    # [n] markers of the model's answer that named no source; removed from the text.
    dropped_citations: list[int] = field(default_factory=list)
    # Stored pages of the site not indexed yet when the answer was made (0:
    # the answer saw every stored page).
    unindexed_pages: int = 0

    def public(self) -> dict[str, Any]:
        return {
            "question": self.question, "answer": self.answer, "sources": [s.public() for s in self.sources],
            "mode": self.mode, "model": self.model, "error": self.error,
            "dropped_citations": self.dropped_citations, "unindexed_pages": self.unindexed_pages,
        }


def snippet(text: str, question: str = "", limit: int = SNIPPET_CHARS) -> str:
    """A passage's sentence that best matches the question (its start when
    none does), cut to ``limit`` characters."""
    wanted = set(terms(question))
    best, best_score = None, 0
    for sentence in sentences(text):
        score = len(wanted & set(terms(sentence)))
        if score > best_score:
            best, best_score = sentence, score
    if best is None:
        return trim(" ".join(sentences(text)) or text, limit)
    return trim(best, limit)
