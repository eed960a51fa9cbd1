"""Host name overrides for the crawler, like ``curl --resolve``.

``SCRAPEJET_RESOLVE = {"shop.test": "127.0.0.1"}`` sends requests for those
hosts to the given address while keeping the URL (and so the Host header,
scoping and storage) intact. Tests use it to crawl fixture sites on loopback
under real-looking names; intranets use it for split-horizon DNS. A key
``"*.example"`` matches every host under ``example``; ``"*"`` every other
host, and an empty address resolves a name to none (``{"shop.test":
"127.0.0.1", "*": ""}``: nothing but the pinned names is looked up).

Every answer, pinned or from DNS, is checked against the egress policy
(``egress``) as it is handed to Twisted, which connects to exactly that
address: this is the check no redirect, link or DNS rebinding gets past."""

from __future__ import annotations

from collections.abc import Sequence

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer

from .egress import EgressPolicy, NotResolved, lookup


class StaticHostsResolver(CachingThreadedResolver):
    policy: EgressPolicy | None = None

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.policy = EgressPolicy.from_crawler(crawler)
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()):
        policy = self.policy
        address = lookup(policy.pins, name) if policy is not None else None
        if address == "":
            return defer.fail(NotResolved(f"{name} is not resolved: SCRAPEJET_RESOLVE pins it to no address"))
        d = defer.succeed(address) if address is not None else super().getHostByName(name, timeout)
        if policy is not None:
            d.addCallback(lambda answer: policy.check(name, answer))
        return d
