"""The web app: the dashboard (``GET /``: submit jobs, watch the cluster), a
page per job (``GET /job/<id>``: state, failures, results, downloads,
questions) and per stored site (``GET /site/<site>``: questions, crawls).

Plain HTML, CSS and JavaScript modules shipped in the package (``templates/``,
``static/``, and Chart.js vendored in ``static/vendor/``): no build step,
nothing loaded from another host. The pages carry no data; their scripts
call the JSON endpoints with the API key the user typed, so the pages and
their files are served without a key (``security.OPEN_BLUEPRINTS``) while
every figure they show still needs one."""

from __future__ import annotations

import re

from flask import Blueprint, abort, render_template

from ..jobs import JOB_ID_PATTERN, STATES
from ..kinds import KIND_SPIDER
from ..urls import site_host
from .services import services

bp = Blueprint(
    "dashboard", __name__, static_folder="static", static_url_path="/static", template_folder="templates",
)

# The script only talks to this server, and renders text through the DOM,
# never as markup: the policy makes that a rule the browser enforces, so a
# URL a user submitted can never run as script even if a future edit slips.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}
# What a job id or a site name in a page's path may be: anything else is not
# one, and the page is a 404 rather than a page about nothing.
ID = re.compile(JOB_ID_PATTERN)
SITE = re.compile(r"^[a-z0-9.-]{1,253}$")


def _page(template: str, script: str, *, charts: bool = False, **context):
    return render_template(
        template, script=script, charts=charts, keys_required=bool(services().api_keys), **context,
    ), 200, HEADERS


@bp.get("/")
def index():
    settings = services().settings
    return _page(
        "dashboard.html", "dashboard.js", charts=True,
        # the server's own defaults and bounds, so the forms say what an
        # empty field means and refuse what the API would refuse
        defaults={
            "max_pages": settings.getint("SCRAPEJET_DEFAULT_MAX_PAGES"),
            "max_depth": settings.getint("SCRAPEJET_DEFAULT_MAX_DEPTH"),
            "priority": settings.getint("SCRAPEJET_DEFAULT_PRIORITY"),
        },
        limits={
            "max_pages": settings.getint("SCRAPEJET_MAX_PAGES_LIMIT"),
            "max_depth": settings.getint("SCRAPEJET_MAX_DEPTH_LIMIT"),
        },
        # what the job table can be narrowed to: the values GET /jobs takes
        statuses=list(STATES), kinds=list(KIND_SPIDER),
    )


@bp.get("/job/<job_id>")
def job(job_id: str):
    if not ID.match(job_id):
        abort(404)
    return _page("job.html", "job.js", charts=True, job_id=job_id)


@bp.get("/site/<site>")
def site(site: str):
    site = site_host(site.strip().lower().rstrip("."))
    if not SITE.match(site):
        abort(404)
    return _page("site.html", "site.js", site=site)
