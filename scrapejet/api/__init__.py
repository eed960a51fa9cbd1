"""The ScrapeJET HTTP API: a Flask app factory.

    flask --app scrapejet.api run              # development
    scrapejet api --workers 2                  # waitress, plus supervised workers

``create_app(config)`` builds the app from the project's Scrapy settings
(``scrapejet.settings`` with environment overrides), or from
``config["SCRAPEJET_SETTINGS"]`` (a Scrapy ``Settings`` or a dict of
overrides). Shared handles live in ``app.extensions["scrapejet"]``."""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    from scrapy.settings import BaseSettings

    from ..runtime import load_settings
    from . import (
        backlinks, business, dashboard, errors, health, insights, jobs, limits, openapi, queue, scrape, security,
        sites,
    )
    from .services import Services

    config = dict(config or {})
    settings = config.pop("SCRAPEJET_SETTINGS", None)
    if not isinstance(settings, BaseSettings):
        settings = load_settings(settings)

    # No app-wide /static: the dashboard blueprint serves its own files, at
    # the same path, without an API key (they hold no data).
    app = Flask(__name__, static_folder=None)
    app.config.update(
        MAX_CONTENT_LENGTH=settings.getint("SCRAPEJET_API_MAX_BODY"),
        JSON_SORT_KEYS=False,
    )
    app.config.update(config)
    app.json.sort_keys = False
    app.extensions["scrapejet"] = Services(settings)

    errors.register(app)
    security.install(app)
    limits.install(app)  # after the key check: a client is known by its key
    for module in (scrape, business, insights, sites, queue, backlinks, jobs, health):
        app.register_blueprint(module.bp)
    app.register_blueprint(dashboard.bp)  # GET /: the page; the JSON map of the API is GET /api
    app.register_blueprint(openapi.meta)
    app.register_blueprint(openapi.docs_blueprint())
    return app


__all__ = ["create_app"]
