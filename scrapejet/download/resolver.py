"""Host name overrides for the crawler, like ``curl --resolve``.

``SCRAPEJET_RESOLVE = {"shop.test": "127.0.0.1"}`` sends requests for those
hosts to the given address while keeping the URL (and so the Host header,
scoping and storage) intact. Tests use it to crawl fixture sites on loopback
under real-looking names; intranets use it for split-horizon DNS. A key
``"*.example"`` matches every host under ``example``."""

from __future__ import annotations

from collections.abc import Sequence

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer


def lookup(mapping: dict[str, str], name: str) -> str | None:
    name = name.lower().rstrip(".")
    if name in mapping:
        return mapping[name]
    for pattern, address in mapping.items():
        if pattern.startswith("*.") and (name.endswith(pattern[1:]) or name == pattern[2:]):
            return address
    return None


class StaticHostsResolver(CachingThreadedResolver):
    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.static_hosts = {
            k.lower(): v for k, v in crawler.settings.getdict("SCRAPEJET_RESOLVE").items()
        }
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()):
        address = lookup(getattr(self, "static_hosts", {}), name)
        if address is not None:
            return defer.succeed(address)
        return super().getHostByName(name, timeout)


def chromium_host_rules(mapping: dict[str, str]) -> str | None:
    """The same overrides as a Chromium ``--host-resolver-rules`` value."""
    if not mapping:
        return None
    return ", ".join(f"MAP {host} {address}" for host, address in mapping.items())
