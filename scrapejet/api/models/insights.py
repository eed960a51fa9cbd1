"""Questions over crawled sites (``api/insights.py``): insights tasks and
synchronous queries, and their answers with numbered sources."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator

from ...specs import Strict, WebhookSpec
from .common import DeliveryStatus, SiteName


class InsightsRequest(Strict):
    """Questions about a crawled site."""

    site_name: SiteName = Field(description="a crawled site, e.g. company.com")
    questions: list[str] = Field(min_length=1, max_length=20)
    webhook: WebhookSpec | None = None

    @field_validator("questions")
    @classmethod
    def _questions(cls, value: list[str]) -> list[str]:
        value = [q.strip() for q in value]
        if any(not q or len(q) > 2000 for q in value):
            raise ValueError("each question must be 1-2000 characters")
        return value


class InsightsTaskRef(BaseModel):
    task_id: str
    status: Literal["pending", "running", "completed", "failed"]
    site_name: str = Field(description="the site asked about (host, www. folded)")
    questions: list[str]


class InsightsAccepted(InsightsTaskRef):
    """Insights task accepted"""

    result_url: str = Field(description="GET it until status is completed or failed")


class SourceOut(BaseModel):
    n: int = Field(ge=1, description="the number the answer cites it by: [n] is sources[n-1]")
    url: str = Field(description="the page the passage (or the profile's value) comes from")
    title: str | None = Field(description="the page's title; \"Business profile\" for the site's stored profile")
    snippet: str = Field(description="the passage's sentence closest to the question")
    score: float | None = Field(description="retrieval score (higher is closer); null for the business profile")


class AnswerOut(BaseModel):
    """An answer with its numbered sources"""

    question: str
    answer: str = Field(description="cites its sources as [n]")
    sources: list[SourceOut] = Field(description="exactly the passages the answer was made from, in order")
    mode: Literal["llm", "extractive"] = Field(
        description="llm: written by the configured model; extractive: sentences of the sources "
                    "(no model configured, or it failed: see error)")
    model: str | None = Field(description="the LLM that wrote the answer (null when extractive)")
    error: str | None = Field(default=None, description="why the configured LLM was not used, when it failed")
    dropped_citations: list[int] = Field(
        default_factory=list, description="[n] markers of the model's answer that named no source (removed)")
    unindexed_pages: int = Field(
        default=0, description="stored pages of the site the indexer had not indexed yet when the answer was made "
                               "(the API waits up to SCRAPEJET_INDEX_WAIT_S for them; 0: the answer saw every page)")


class WebhookState(BaseModel):
    url: str
    status: DeliveryStatus
    attempts: int
    error: str | None


class InsightsTask(InsightsTaskRef):
    """An insights task: its answers once completed"""

    answered: int = Field(description="questions answered so far")
    answers: list[AnswerOut] | None = Field(description="one per question, in order (null until completed)")
    error: str | None
    created_at: str | None
    started_at: str | None
    finished_at: str | None
    webhook: WebhookState | None = Field(description="delivery of insights.completed/insights.failed, if asked")


class QueryRequest(Strict):
    """A question over the stored pages."""

    question: str = Field(min_length=1, max_length=2000)
    site_name: SiteName | None = None
    n_results: int = Field(default=5, ge=1, le=50)
