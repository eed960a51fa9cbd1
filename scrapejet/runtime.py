"""Building the objects every entry point needs from the project's Scrapy
settings: the CLI and the HTTP API both start here, so they see the same
settings (``scrapejet.settings`` plus environment overrides) and storage."""

from __future__ import annotations

import os


def load_settings(overrides: dict | None = None):
    """The project's Scrapy settings, with ``overrides`` on top."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scrapejet.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def storage_and_jobs(settings):
    from .jobs import Jobs
    from .storage import Storage

    storage = Storage.from_settings(settings)
    return storage, Jobs.from_settings(settings, storage=storage)
