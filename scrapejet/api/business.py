"""Business page crawls (``/scrape/business``). The business spider arrives
with issue 4; until then the endpoint validates its request fully and says
so with 501, queuing nothing."""

from __future__ import annotations

from flask import Blueprint

from .errors import not_implemented
from .models import BusinessScrapeRequest, ScrapeAccepted
from .openapi import endpoint
from .security import check_target

bp = Blueprint("business", __name__)


@bp.post("/scrape/business")
@endpoint(summary="Crawl a company's business pages", tag="business", body=BusinessScrapeRequest,
          responses={202: ScrapeAccepted}, errors=(409, 501),
          description="Not implemented yet: answers 501 after validating the request (issue 4).")
def start(body: BusinessScrapeRequest):
    check_target(body.url)
    if body.webhook is not None:
        check_target(body.webhook.url, "webhook.url")
    raise not_implemented("business page crawling", "the business spider (issue 4)")
