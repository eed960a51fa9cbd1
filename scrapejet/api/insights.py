"""Insights and questions over crawled sites (``/business/insights``,
``/query``). Retrieval and answering arrive with issue 5; until then these
endpoints validate their requests fully and say so with 501."""

from __future__ import annotations

from flask import Blueprint
from .errors import not_implemented
from .models import InsightsAccepted, InsightsRequest, QueryRequest
from .openapi import endpoint

bp = Blueprint("insights", __name__)
ISSUE = "the embedding index and insights (issue 5)"


@bp.post("/business/insights")
@endpoint(summary="Ask questions about a crawled site", tag="insights", body=InsightsRequest,
          responses={202: InsightsAccepted}, errors=(404, 501),
          description="Not implemented yet: answers 501 after validating the request (issue 5).")
def ask(body: InsightsRequest):
    raise not_implemented("business insights", ISSUE)


@bp.get("/business/insights/<task_id>")
@endpoint(summary="Result of an insights task", tag="insights", responses={}, errors=(501,),
          path_params={"task_id": "the id returned by POST /business/insights"})
def answer(task_id: str):
    raise not_implemented("business insights", ISSUE)


@bp.post("/query")
@endpoint(summary="Ask a question over stored pages", tag="insights", body=QueryRequest,
          responses={}, errors=(501,),
          description="Not implemented yet: answers 501 after validating the request (issue 5).")
def query(body: QueryRequest):
    raise not_implemented("questions over stored pages", ISSUE)
