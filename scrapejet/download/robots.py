"""robots.txt fetched once per host for every worker, not once per process.

Scrapy's RobotsTxtMiddleware fetches a host's robots.txt in each process
before its first request there, and a crawl job also queues the file itself
(to find the sitemaps it names). With many workers a host was asked for it
once per worker, plus once per job: requests the host counts like any other,
each taking a turn of its politeness delay. This subclass shares the file
through Redis (``Keys.robots``, for ``SCRAPEJET_ROBOTS_TTL_S``; RFC 9309 asks
crawlers not to use a copy older than a day):

- before fetching, a process looks for a copy another one stored; if a
  process is fetching it right now (``Keys.robots_fetching``, a short
  claim), it waits for that copy rather than fetching it again;
- what it fetched is stored for the others (not a 5xx, which says nothing
  about what the site allows, nor a failed download);
- the job's own robots.txt request (role ``robots``) is the fetch when this
  process is the one to fetch the file: it goes to the host, and its answer
  is parsed and stored for every request waiting on it. Otherwise it is
  answered from the copy just read. Either way the host is asked once, and
  no download slot waits on another's fetch of the same file.
"""

from __future__ import annotations

import logging
import time

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import TextResponse
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

from ..scheduler.roles import ROBOTS
from ..scheduler.worker import Worker
from .politeness import NOT_SENT, _sleep

logger = logging.getLogger(__name__)

# How often a process waiting for another's fetch looks for its copy.
_POLL_S = 0.1
# Meta key of a job's robots.txt request that is this process's fetch of
# the file (its value: the netloc whose parser waits for it). Redirects and
# retries of it carry it too.
_OWN_FETCH = "scrapejet_robots_fetch"


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.worker: Worker = crawler.get_extension(Worker)
        self.ttl_s = settings.getint("SCRAPEJET_ROBOTS_TTL_S")
        # as long as one fetch may take (a download, its retries, its turns)
        self.claim_s = max(1, int(settings.getfloat("DOWNLOAD_TIMEOUT")) * (1 + settings.getint("RETRY_TIMES")))
        self._origins: dict[str, str] = {}  # netloc -> the origin whose file this process reads

    async def process_request(self, request, spider=None):
        if request.meta.get(_OWN_FETCH):
            return None  # a redirect or retry of this process's fetch of the file
        own = request.meta.get("role") == ROBOTS and not request.meta.get("dont_obey_robotstxt")
        if own and await self._fetch_with(request):
            return None
        await super().process_request(request)
        if own:
            # the job's own robots.txt request: the file was read for it just now
            return self._stored_response(request)
        return None

    async def process_response(self, request, response, spider=None):
        netloc = request.meta.get(_OWN_FETCH)
        if netloc and isinstance(self._parsers.get(netloc), Deferred):
            self._stats.inc_value("robotstxt/request_count")
            await self._parse_robots(response, netloc, request)
        return response

    def process_exception(self, request, exception, spider=None):
        # past its retries (RetryMiddleware answers before this one)
        netloc = request.meta.get(_OWN_FETCH)
        if netloc and isinstance(self._parsers.get(netloc), Deferred):
            self._robots_error(exception, netloc)
        return None

    async def _fetch_with(self, request) -> bool:
        """Whether the job's robots.txt ``request`` is to be this process's
        fetch of the file: nobody stored it, and no other process or request
        of this one is fetching it. Then the requests of this process for
        the host wait for it (Scrapy's Deferred in ``_parsers``)."""
        url = urlparse_cached(request)
        if url.netloc in self._parsers or url.scheme not in ("http", "https"):
            return False
        origin = f"{url.scheme}://{url.netloc}"
        self._origins[url.netloc] = origin
        stored = await self._shared_copy(origin, url.netloc)
        if url.netloc in self._parsers:
            return False
        if stored is not None:
            self._parsers[url.netloc] = build_from_crawler(self._parserimpl, self.crawler, stored[1])
            self._stats.inc_value("robotstxt/shared")
            return False
        self._parsers[url.netloc] = Deferred()
        request.meta[_OWN_FETCH] = url.netloc
        return True

    async def robot_parser(self, request):
        url = urlparse_cached(request)
        if url.netloc not in self._parsers and url.scheme in ("http", "https"):
            origin = f"{url.scheme}://{url.netloc}"
            self._origins[url.netloc] = origin
            stored = await self._shared_copy(origin, url.netloc)
            # another request of this process may have settled it meanwhile
            # (Scrapy's own fetch keeps a Deferred there until it is parsed)
            if stored is not None and url.netloc not in self._parsers:
                self._parsers[url.netloc] = build_from_crawler(self._parserimpl, self.crawler, stored[1])
                self._stats.inc_value("robotstxt/shared")
        return await super().robot_parser(request)

    async def _parse_robots(self, response, netloc, request):
        origin = self._origins.get(netloc)
        if origin:
            if response.status < 500:
                self._store(origin, response.status, response.body)
            self._release(origin)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        if netloc in self._origins:
            self._release(self._origins[netloc])
        super()._robots_error(exc, netloc)

    # -- the copy in Redis -------------------------------------------------------
    async def _shared_copy(self, origin: str, netloc: str) -> tuple[int, bytes] | None:
        """The stored copy of ``origin``'s robots.txt, waiting for it while
        another process fetches it; None when this process is to fetch it,
        or another request of this process already is (Scrapy's in-process
        wait then takes over)."""
        deadline = time.monotonic() + self.claim_s
        while True:
            if netloc in self._parsers:
                return None
            try:
                stored = self._read(origin)
                if stored is not None or self._claim(origin):
                    return stored
            except Exception:  # Redis down: fetch it here, as Scrapy would
                logger.exception("Could not read the shared robots.txt of %s", origin)
                return None
            if time.monotonic() > deadline:
                return None
            await _sleep(_POLL_S)

    def _read(self, origin: str) -> tuple[int, bytes] | None:
        status, body = self._redis.hmget(self._keys.robots(origin), "status", "body")
        return (int(status), body.encode("latin-1")) if status is not None else None

    def _claim(self, origin: str) -> bool:
        return bool(self._redis.set(self._keys.robots_fetching(origin), self.worker.id, nx=True, ex=self.claim_s))

    def _store(self, origin: str, status: int, body: bytes) -> None:
        key = self._keys.robots(origin)
        try:
            pipe = self._redis.pipeline()
            # latin-1 maps every byte to one character and back: the file's
            # bytes survive the connection's text decoding, whatever its charset
            pipe.hset(key, mapping={"status": status, "body": body.decode("latin-1")})
            pipe.expire(key, self.ttl_s)
            pipe.execute()
        except Exception:
            logger.exception("Could not share the robots.txt of %s", origin)

    def _release(self, origin: str) -> None:
        try:
            self._redis.delete(self._keys.robots_fetching(origin))
        except Exception:
            logger.exception("Could not release the robots.txt claim of %s", origin)

    def _stored_response(self, request) -> TextResponse | None:
        url = urlparse_cached(request)
        try:
            stored = self._read(f"{url.scheme}://{url.netloc}")
        except Exception:
            return None
        if stored is None:
            return None  # not stored (a 5xx, a failed fetch): download it
        self._stats.inc_value("robotstxt/shared_response")
        return TextResponse(request.url, status=stored[0], body=stored[1], request=request,
                            headers={"Content-Type": "text/plain"}, flags=[NOT_SENT])

    @property
    def _redis(self):
        return self.worker.queue.server

    @property
    def _keys(self):
        return self.worker.queue.keys
