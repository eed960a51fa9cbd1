"""API keys, and the refusal of private targets (SSRF).

Keys: with ``SCRAPEJET_API_KEYS`` set, a request needs ``Authorization:
Bearer KEY`` or ``X-API-Key: KEY``, except ``/health`` (load balancers probe
it), ``/openapi.json`` and ``/docs`` (the API's description is not a secret),
and the dashboard page and its files (they hold no data: the page's own
requests send the key the user enters).

Targets: a crawl started through the API runs on our workers, inside our
network, so by default the API refuses URLs whose host resolves to a
private, loopback, link-local (cloud metadata) or otherwise non-global
address; ``SCRAPEJET_ALLOW_PRIVATE`` lifts that for tests and intranets,
``SCRAPEJET_ALLOWED_NETWORKS`` for some ranges. Hosts resolve as the crawler
resolves them: ``SCRAPEJET_RESOLVE`` first. This is the first check, for a
clear 422; the one that holds is made again at every connection
(``download.egress``)."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from flask import Flask, request

from .errors import ApiError
from .services import services

OPEN_ENDPOINTS = {"health.health", "meta.openapi_json"}
OPEN_BLUEPRINTS = {"docs", "dashboard"}


def presented_key() -> str | None:
    auth = request.headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return request.headers.get("X-API-Key")


def authorized() -> bool:
    """Whether this request may see everything: no keys are configured, or
    it presents one of them (open endpoints use this to leave out details)."""
    keys = services().api_keys
    if not keys:
        return True
    presented = presented_key()
    # compare_digest against every key: no timing hint of which one was close
    return bool(presented) and any(hmac.compare_digest(presented.encode(), k.encode()) for k in keys)


def require_key():
    if request.endpoint in OPEN_ENDPOINTS or request.blueprint in OPEN_BLUEPRINTS or authorized():
        return
    error = ApiError(401, "unauthorized", "send an API key: Authorization: Bearer KEY, or X-API-Key: KEY")
    response = error.response()
    response.headers["WWW-Authenticate"] = 'Bearer realm="scrapejet"'
    return response  # a before_request response ends the request here


def install(app: Flask) -> None:
    app.before_request(require_key)


def check_target(url: str, field: str = "url") -> None:
    """Refuse a URL whose host is not a public address (unless allowed):
    the egress policy the workers and the webhook sender apply again where
    they connect (``download.egress``)."""
    policy = services().egress
    if policy.allow_private:
        return
    host = (urlsplit(url).hostname or "").rstrip(".")
    try:
        addresses = policy.addresses(host)
    except (OSError, UnicodeError, ValueError):
        raise ApiError(422, "target_not_allowed", f"{field}: host {host!r} does not resolve") from None
    for address in addresses:
        why = policy.refusal(address)
        if why:
            raise ApiError(
                422, "target_not_allowed",
                f"{field}: {host} resolves to {address}: {why}; this server refuses such targets "
                f"(SCRAPEJET_ALLOW_PRIVATE=1 or SCRAPEJET_ALLOWED_NETWORKS allow them)",
            )
