"""What a backlink job looks for, shared by its spec (validation), its spider
and the readers: the target (a registered domain, one host, or a URL
prefix), which URLs point at it, which pages are the target's own (never
crawled), and which links may be redirects worth one request to find out."""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .urls import canonical_url, dedupe_key, host_of, registered_domain, site_host

MATCHES = ("domain", "host", "prefix")
# RFC 1123 host names; a target has at least one dot (example.com), or is an IP.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOSTNAME = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})+$")
NOT_A_TARGET = "must be a domain (example.com) or an http(s) URL (https://example.com/blog)"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def valid_host(host: str) -> bool:
    return bool(_HOSTNAME.match(host)) or _is_ip(host)


def parse_target(value: str) -> str:
    """A target as given, normalised: a lower-case host name, or the
    canonical form of an http(s) URL. ValueError for anything else."""
    value = (value or "").strip()
    if not value:
        raise ValueError(NOT_A_TARGET)
    if "://" not in value and "/" in value:
        value = "http://" + value  # example.com/blog
    if "://" in value:
        if not re.match(r"^https?://", value, re.I):
            raise ValueError(NOT_A_TARGET)
        try:
            url = canonical_url(value)
        except ValueError:
            raise ValueError(NOT_A_TARGET) from None
        if not valid_host(host_of(url)):
            raise ValueError(NOT_A_TARGET)
        return url
    host = value.lower().rstrip(".")
    if ":" in host and not _is_ip(host):
        host = host.split(":", 1)[0]  # example.com:8080: ports do not make sites
    if not valid_host(host):
        raise ValueError(NOT_A_TARGET)
    return host


def _schemeless(url: str) -> str:
    return dedupe_key(url).split("://", 1)[-1]


@dataclass(frozen=True)
class Target:
    """A backlink job's target. ``domain`` (eTLD+1) keys the stored records."""

    domain: str
    host: str
    prefix: str
    match: str = "domain"

    @classmethod
    def of(cls, target: str, match: str = "domain") -> Target:
        return _target(target, match)

    def owns(self, url: str) -> bool:
        """A page of the target's registered domain: its links are internal
        links, so it is never crawled for backlinks."""
        return registered_domain(url) == self.domain

    def matches(self, url: str) -> bool:
        """Whether a link to ``url`` is a backlink of this target."""
        if self.match == "host":
            return site_host(url) == self.host
        if self.match == "prefix":
            return _schemeless(url).startswith(self.prefix)
        return self.owns(url)


@functools.lru_cache(maxsize=256)
def _target(target: str, match: str) -> Target:
    value = parse_target(target)
    host = site_host(host_of(value) if "://" in value else value)
    prefix = _schemeless(value if "://" in value else f"http://{value}/")
    return Target(registered_domain(host), host, prefix, match)


def job_target(spec: dict) -> Target:
    return Target.of(spec["target"], spec.get("match") or "domain")


def redirect_candidate(url: str, page_url: str, shorteners: frozenset[str], paths: re.Pattern | None) -> bool:
    """A link worth one request to see where it redirects: it is on a
    shortener host, or it is on the linking site and looks like an outbound
    redirect (``/go/x``, ``/out?url=...``)."""
    host = site_host(url)
    if host in shorteners:
        return True
    if paths is None or host != site_host(page_url):
        return False
    parts = urlsplit(url)
    return bool(paths.search(parts.path + (f"?{parts.query}" if parts.query else "")))


def in_allowed(url: str, allowed: list[str] | None) -> bool:
    """A URL on one of ``allowed`` domains (or their subdomains); all when None."""
    if not allowed:
        return True
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in allowed)
