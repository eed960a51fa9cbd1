"""The dashboard: ``GET /``, one page that watches and drives the API.

Plain HTML, CSS and JavaScript shipped in the package
(``templates/dashboard.html``, ``static/dashboard.css``, ``static/dashboard.js``):
no build step, nothing loaded from another host. The page carries no data;
its script polls the JSON endpoints with the API key the user typed, so the
page and its files are served without a key (``security.OPEN_BLUEPRINTS``)
while every figure it shows still needs one."""

from __future__ import annotations

from flask import Blueprint, render_template

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


@bp.get("/")
def index():
    settings = services().settings
    response = render_template(
        "dashboard.html",
        keys_required=bool(services().api_keys),
        # the server's own defaults and bounds, so the form says what an
        # empty field means and refuses what the API would refuse
        defaults={
            "max_pages": settings.getint("SCRAPEJET_DEFAULT_MAX_PAGES"),
            "max_depth": settings.getint("SCRAPEJET_DEFAULT_MAX_DEPTH"),
            "priority": settings.getint("SCRAPEJET_DEFAULT_PRIORITY"),
        },
        limits={
            "max_pages": settings.getint("SCRAPEJET_MAX_PAGES_LIMIT"),
            "max_depth": settings.getint("SCRAPEJET_MAX_DEPTH_LIMIT"),
        },
    )
    return response, 200, {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
    }
