"""Business page crawls (``/scrape/business``): a company's business pages
and its contact profile, read back through ``/scrape/{job_id}/result``."""

from __future__ import annotations

from flask import Blueprint

from .common import accepted, submit
from .models.business import BusinessScrapeRequest
from .models.jobs import ScrapeAccepted
from .openapi import endpoint
from .security import check_target

bp = Blueprint("business", __name__)


@bp.post("/scrape/business")
@endpoint(summary="Crawl a company's business pages", tag="business", body=BusinessScrapeRequest,
          responses={202: ScrapeAccepted}, errors=(409,), submits=True,
          description="Finds the site's business pages (about, contact, legal notice, privacy, terms...) "
                      "or fetches exactly `pages_to_scrape`, and builds the company's contact profile. "
                      "Poll /scrape/{job_id}/progress; the result holds the profile and the pages.")
def start(body: BusinessScrapeRequest):
    check_target(body.url)
    if body.webhook is not None:
        check_target(body.webhook.url, "webhook.url")
    return accepted(submit("business", body.spec(), body.job_id))
