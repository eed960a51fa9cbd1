"""Questions over crawled sites, answered with numbered sources:
``POST /business/insights`` (a task, answered off the request thread, read
back with ``GET /business/insights/{task_id}``) and ``POST /query``
(synchronous). See ``scrapejet.insights``."""

from __future__ import annotations

from flask import Blueprint, url_for

from ..insights.answer import UnknownSite
from ..insights.tasks import TASK_ID_PATTERN, public_task
from .errors import ApiError, not_found
from .models.insights import (
    AnswerOut,
    InsightsAccepted,
    InsightsRequest,
    InsightsTask,
    QueryRequest,
)
from .openapi import endpoint
from .security import check_target
from .services import services

bp = Blueprint("insights", __name__)
MODES = ("Answers come from the configured OpenAI-compatible LLM (mode `llm`), told to use only the sources "
         "and cite them as [n]; without one, or when it fails (then `error` says why), from the sources' "
         "best-supported sentences (mode `extractive`). `[n]` in an answer is `sources[n-1]`.")


def unknown_site(site: str) -> ApiError:
    return not_found(f"no stored pages of site {site!r}: crawl it first (POST /scrape or POST /scrape/business); "
                     "GET /sites lists the sites stored")


@bp.post("/business/insights")
@endpoint(summary="Ask questions about a crawled site", tag="insights", body=InsightsRequest,
          responses={202: InsightsAccepted}, errors=(404,), submits=True,
          description="Accepts the questions as a task answered in the background; poll "
                      "GET /business/insights/{task_id}. Business questions (contact, email, phone, address, "
                      "opening hours...) also get the site's stored business profile as a source. " + MODES +
                      " A webhook gets insights.completed (or insights.failed) when the task ends.")
def ask(body: InsightsRequest):
    svc = services()
    if not svc.insights.known_site(body.site_name):
        raise unknown_site(body.site_name)
    if body.webhook is not None:
        check_target(body.webhook.url, "webhook.url")
    task = svc.insight_tasks.submit(body.site_name, body.questions, body.webhook)
    return InsightsAccepted(
        task_id=task["task_id"], status=task["status"], site_name=task["site_name"], questions=task["questions"],
        result_url=url_for("insights.answer", task_id=task["task_id"]),
    ), 202


@bp.get("/business/insights/<task_id>")
@endpoint(summary="Result of an insights task", tag="insights", responses={200: InsightsTask},
          path_params={"task_id": "the id returned by POST /business/insights"},
          description="status pending → running → completed (with one answer per question) or failed "
                      "(with error). Tasks are kept SCRAPEJET_INSIGHTS_TASK_TTL_S; a task whose API process "
                      "died is reported failed.")
def answer(task_id: str):
    import re

    task = services().insight_tasks.get(task_id) if re.match(TASK_ID_PATTERN, task_id) else None
    if task is None:
        raise not_found(f"no insights task {task_id!r} (unknown, or expired)")
    return InsightsTask.model_validate(public_task(task))


@bp.post("/query")
@endpoint(summary="Ask a question over stored pages", tag="insights", body=QueryRequest,
          responses={200: AnswerOut}, errors=(404,),
          description="Answers at once from the `n_results` passages closest to the question, of one site "
                      "(`site_name`) or of every stored site. " + MODES)
def query(body: QueryRequest):
    svc = services()
    if body.site_name is None and not svc.storage.has_pages():
        raise not_found("no pages are stored yet: crawl a site first (POST /scrape)")
    try:
        result = svc.insights.ask(body.question, site=body.site_name, k=body.n_results)
    except UnknownSite:
        raise unknown_site(body.site_name) from None
    return AnswerOut.model_validate(result.public())
