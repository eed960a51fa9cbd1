"""How ScrapeJET requests are identified and written to the queue.

Shared by the scheduler (requests a spider yields) and the job model (seed
requests written without a running spider), so both produce the same JSON."""

from __future__ import annotations

import hashlib
import secrets

from scrapy import Request

from ..urls import dedupe_key, host_of
from . import serializer
from .redisqueue import Admission
from .roles import PAGE

# Request roles: pages count against a job's page budget, the others are
# auxiliary fetches for discovery (robots.txt sitemaps, sitemap files).
# page_type: the business role a page was fetched for (about, contact...);
# fallback: fetched at a guessed path, so a 404 there is not a failure.
# scope: the site the job's start moved to (spiders.base.moved_to).
META_KEYS = ("job_id", "depth", "role", "playwright", "seed", "page_type", "fallback", "discovery_rank",
             "render_reason", "scope")


def fingerprint(url: str, method: str = "GET") -> str:
    """A job sees each (method, canonical URL) once; www and apex are one."""
    digest = hashlib.sha1(f"{method.upper()} {dedupe_key(url)}".encode()).hexdigest()
    return digest[:20]


def request_fingerprint(request: Request) -> str:
    if request.dont_filter:
        # Deliberately repeated requests still need an id of their own.
        return f"{fingerprint(request.url, request.method)}.{secrets.token_hex(4)}"
    return fingerprint(request.url, request.method)


def _method_name(spider, func):
    """Name of the spider method ``func`` is bound to, as ``to_dict`` finds
    it but without its ``inspect.getmembers`` scan of the whole spider (the
    most expensive step of queueing a request)."""
    if func is None or isinstance(func, str):
        return func
    name = getattr(func, "__name__", None)
    if spider is not None and name and getattr(func, "__self__", None) is spider \
            and getattr(type(spider), name, None) is getattr(func, "__func__", None):
        return name
    return Request(url="data:,", callback=func).to_dict(spider=spider)["callback"]


# What most queued requests are, left out of them (``decode`` restores it):
# a queued request is then little more than its URL and depth, which is
# what lets a frontier of a million requests fit in a few hundred MB.
_DEFAULTS = {"callback": "parse", "errback": "on_error", "method": "GET", "priority": 0, "dont_filter": False}
_META_DEFAULTS = {"role": PAGE}


def encode(request: Request, spider=None) -> str:
    return serializer.dumps(_pack(request_dict(request, spider)))


def _pack(data: dict) -> dict:
    """The request dict without its defaults, nor its job id (its host queue
    belongs to the job; ``decode`` puts it back)."""
    packed = {k: v for k, v in data.items() if k == "meta" or k not in _DEFAULTS or v != _DEFAULTS[k]}
    meta = {k: v for k, v in data.get("meta", {}).items()
            if k != "job_id" and not (k in _META_DEFAULTS and v == _META_DEFAULTS[k])}
    if meta:
        packed["meta"] = meta
    else:
        packed.pop("meta", None)
    return packed


def decode(payload: str | bytes, job_id: str) -> dict:
    """The request dict of a leased request of job ``job_id``, for
    ``request_from_dict``."""
    data = serializer.loads(payload)
    for key, value in _DEFAULTS.items():
        data.setdefault(key, value)
    meta = data.setdefault("meta", {})
    meta["job_id"] = job_id
    for key, value in _META_DEFAULTS.items():
        meta.setdefault(key, value)
    return data


def request_dict(request: Request, spider=None) -> dict:
    """``request.to_dict(spider=spider)``, fast for plain Requests."""
    # Only ScrapeJET's own meta travels between workers: the rest (download
    # slots, latencies, proxies of this process) is local state.
    meta = {k: v for k, v in request.meta.items() if k in META_KEYS}
    if type(request) is not Request:  # subclasses may carry more attributes
        data = request.to_dict(spider=spider)
        data["meta"] = meta
        return data
    data = {
        "url": request.url,
        "callback": _method_name(spider, request.callback),
        "errback": _method_name(spider, request.errback),
        "method": request.method,
        "meta": meta,
        "priority": request.priority,
        "dont_filter": request.dont_filter,
    }
    # Defaults are left out: request_from_dict restores them.
    if request.headers:
        data["headers"] = dict(request.headers)
    if request.body:
        data["body"] = request.body
    if request.cookies:
        data["cookies"] = request.cookies
    if request.encoding != "utf-8":
        data["encoding"] = request.encoding
    if request.flags:
        data["flags"] = request.flags
    if request.cb_kwargs:
        data["cb_kwargs"] = request.cb_kwargs
    return data


def make(job_id: str, url: str, *, role: str, depth: int, render_js: bool, seed: bool = False,
         page_type: str | None = None, rank: int | None = None) -> Admission:
    meta: dict = {"job_id": job_id, "depth": depth, "role": role}
    if page_type:
        meta["page_type"] = page_type
    if rank is not None:
        meta["discovery_rank"] = rank
    if render_js and role == PAGE:
        meta["playwright"] = True
    if seed:
        meta["seed"] = True
    data = request_dict(Request(url, meta=meta))
    # no spider here: the methods every ScrapeJET spider has, by name
    data["callback"], data["errback"] = "parse", "on_error"
    return Admission(job_id, host_of(url), serializer.dumps(_pack(data)), role == PAGE, True, fingerprint(url))


def seed_requests(job_id: str, seeds) -> list[Admission]:
    """A job's first requests, from where its spec says it starts
    (``first_requests`` of the spec models in ``scrapejet.specs``): the
    frontier queues them like any other and knows nothing of job kinds."""
    return [
        make(job_id, s.url, role=s.role, depth=s.depth, render_js=s.render_js, seed=s.seed,
             page_type=s.page_type, rank=s.rank)
        for s in seeds
    ]
