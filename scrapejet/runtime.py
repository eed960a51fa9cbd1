"""Building the objects every entry point needs from the project's Scrapy
settings: the CLI and the HTTP API both start here, so they see the same
settings (``scrapejet.settings`` plus environment overrides) and storage;
inside a crawler, ``CrawlerRuntime`` holds them for every component."""

from __future__ import annotations

import importlib
import json
import logging
import os
import time
from collections.abc import Iterator, Mapping
from typing import Any

import redis

logger = logging.getLogger(__name__)

# A cached job record not read for this long is not refreshed with the others
# and is forgotten: its job is over, or crawled by other workers.
JOB_IN_USE_S = 10.0


def load_settings(overrides: dict | None = None):
    """The project's Scrapy settings, with ``overrides`` on top: what a
    crawl (``CrawlerProcess``) needs."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scrapejet.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


class ProjectSettings(Mapping):
    """The project's settings module (environment overrides applied, as the
    module does itself) read with Scrapy's ``get*`` rules, without Scrapy's
    defaults.

    Commands that only read or change state (``scrapejet jobs``, ``export``,
    ``cancel``, ``status``…) use this: importing Scrapy costs half a second,
    which a user waits for on every such command, and nothing they build
    (storage, jobs, Redis) reads a Scrapy default."""

    def __init__(self, values: Mapping[str, Any]):
        self._values = dict(values)

    @classmethod
    def load(cls, overrides: dict | None = None) -> ProjectSettings:
        module = importlib.import_module(os.environ.get("SCRAPY_SETTINGS_MODULE") or "scrapejet.settings")
        values = {name: getattr(module, name) for name in dir(module) if name.isupper()}
        return cls({**values, **(overrides or {})})

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def get(self, name: str, default: Any = None) -> Any:
        value = self._values.get(name)
        return default if value is None else value

    def getbool(self, name: str, default: bool = False) -> bool:
        value = self.get(name, default)
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        return bool(int(value))

    def getint(self, name: str, default: int = 0) -> int:
        return int(self.get(name, default))

    def getfloat(self, name: str, default: float = 0.0) -> float:
        return float(self.get(name, default))

    def getlist(self, name: str, default: list | None = None) -> list:
        value = self.get(name, default or [])
        if not value:
            return []
        return value.split(",") if isinstance(value, str) else list(value)

    def getdict(self, name: str, default: dict | None = None) -> dict:
        value = self.get(name, default or {})
        return dict(json.loads(value) if isinstance(value, str) else value)


def storage_and_jobs(settings):
    from .jobs import Jobs
    from .storage import Storage

    storage = Storage.from_settings(settings)
    return storage, Jobs.from_settings(settings, storage=storage)


class CrawlerRuntime:
    """What the components of one crawler share: the Redis connection and
    key names, storage and the job model. An extension (listed first in
    EXTENSIONS), so it is built once per crawler ``from_crawler`` and the
    scheduler, the Worker, the spiders and the pipelines fetch it with
    ``crawler.get_extension(CrawlerRuntime)`` rather than each building its
    own.

    It also keeps job records for a moment (``job``): every response asks
    whether its job is still live, and cancellation may take a second to be
    seen rather than cost a Redis call per request. And it records a job's
    history when this worker's acknowledgement ended it (``job_ended``)."""

    def __init__(self, settings):
        self.settings = settings
        self.storage, self.jobs = storage_and_jobs(settings)
        self.server = self.jobs.server
        self.keys = self.jobs.keys
        # job id -> [fetched at, record, last read] (monotonic seconds)
        self._jobs_cache: dict[str, list] = {}
        self._aserver = None

    @classmethod
    def from_crawler(cls, crawler) -> CrawlerRuntime:
        from scrapy import signals

        from .signals import job_ended

        runtime = cls(crawler.settings)
        crawler.signals.connect(runtime.job_ended, signal=job_ended)
        crawler.signals.connect(runtime.engine_stopped, signal=signals.engine_stopped)
        return runtime

    @property
    def aserver(self):
        """An asyncio Redis client on the reactor's loop (the asyncio reactor
        only), made on first use, for calls made per request."""
        if self._aserver is None:
            from .redis_server import connect_async

            self._aserver = connect_async(self.settings)
        return self._aserver

    async def engine_stopped(self) -> None:
        # closed on the loop it was used on, not left to the garbage collector
        if self._aserver is not None:
            await self._aserver.aclose()
            self._aserver = None

    def job(self, job_id: str | None, max_age: float = 1.0):
        """The record of job ``job_id`` (None if there is none), at most
        ``max_age`` seconds old.

        A worker crawling many sites at once reads many jobs, each of them
        every second or so: fetched one by one that is a Redis round trip,
        which blocks the reactor, for nearly every response. So a stale or
        unknown record is fetched together with every other cached one in
        use that is past half its age, in one round trip; the next second of
        responses finds them cached."""
        if not job_id:
            return None
        now = time.monotonic()
        cached = self._jobs_cache.get(job_id)
        if cached and now - cached[0] < max_age:
            cached[2] = now
            return cached[1]
        stale = [other for other, (at, _, used) in self._jobs_cache.items()
                 if other != job_id and now - at >= max_age / 2 and now - used < JOB_IN_USE_S]
        try:
            records = self.jobs.get_many([job_id, *stale])
        except redis.RedisError:
            if cached:  # Redis down: what was known a moment ago will do
                return cached[1]
            raise
        for other in [other for other, (_, _, used) in self._jobs_cache.items() if now - used >= JOB_IN_USE_S]:
            del self._jobs_cache[other]  # not read lately: forgotten, so the cache stays small
        for other, record in zip([job_id, *stale], records):
            self._jobs_cache[other] = [now, record, now if other == job_id else self._jobs_cache[other][2]]
        return records[0]

    def job_ended(self, job_id: str, status: str) -> None:
        job = self.jobs.ended(job_id, status)
        if job is not None:
            now = time.monotonic()
            self._jobs_cache[job_id] = [now, job, now]
            logger.info("Job %s %s: %s", job_id, status, job.counters)
