"""Where ScrapeJET may connect: the egress policy, checked where each
connection is made.

A job submitted through the API names URLs an outsider chose, and redirects,
links, subdomains and DNS answers can all point elsewhere later. So the API's
check at submission (``api.security``) is only the first one: every
connection our processes make is checked against the same rules as it is
made, on the address it is made to.

The rules (``EgressPolicy``): an address must be global, not private,
loopback, link-local (cloud metadata), multicast, reserved or unspecified;
``SCRAPEJET_ALLOWED_NETWORKS`` lists ranges that are allowed anyway (an
intranet the operator wants crawled), ``SCRAPEJET_ALLOW_PRIVATE`` allows every
address (tests, intranets). Names resolve as the crawler resolves them,
``SCRAPEJET_RESOLVE`` first: a pinned name is checked like any other.

Where they are checked, one address per connection, the one connected to
(resolve once, check the answer, connect to that answer: no second lookup
for DNS rebinding to change):

* downloads (pages, robots.txt, sitemaps, every redirect hop and retry):
  Twisted resolves each host, IP literals included, through
  ``resolver.StaticHostsResolver``, which checks its answer; and
  ``EgressMiddleware`` resolves a request's host before it is sent, so a
  refused request fails with its reason (not as a DNS error) and takes no
  turn of the host;
* pages rendered by Chromium: it connects through ``proxy.EgressProxy``;
* webhooks: ``checked_opener`` connects to the checked address and keeps the
  name for the Host header and TLS.

A process that serves only a job its operator started from the command line
(``scrapy crawl generic -a url=...``, ``scrapejet crawl``) may connect
anywhere, as curl on that machine could: no one else's request runs there.
Through an HTTP proxy (``meta["proxy"]``, ``http_proxy``) the proxy connects,
so it decides (an egress proxy such as Smokescreen applies these rules)."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError


def lookup(mapping: dict[str, str], name: str) -> str | None:
    """The pinned address of ``name``: its own entry, a ``*.domain`` one, or
    the catch-all ``*``; "" for a name pinned to none (not to be resolved:
    ``{"*": ""}`` keeps a benchmark's crawl off DNS for every name it does
    not serve); None when nothing pins it."""
    name = name.lower().rstrip(".")
    if name in mapping:
        return mapping[name]
    for pattern, address in mapping.items():
        if pattern.startswith("*.") and (name.endswith(pattern[1:]) or name == pattern[2:]):
            return address
    return mapping.get("*")


class NotResolved(DNSLookupError):
    """A name ``SCRAPEJET_RESOLVE`` pins to no address: no lookup is made."""

    def __str__(self) -> str:
        return " ".join(map(str, self.args))


class AddressRefused(DNSLookupError):
    """A host resolved to an address the policy refuses. A DNSLookupError
    (an OSError) so Twisted's and urllib's connection code treat it as a
    failed lookup: nothing is connected to."""

    def __str__(self) -> str:
        return " ".join(map(str, self.args))  # the reason, without "DNS lookup failed"


class EgressRefused(IgnoreRequest):
    """A request the policy refused: recorded as skipped, with this reason."""


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def why_not_public(address: str) -> str | None:
    """Why an address is not a public one, in words (None: it is)."""
    ip = ip_literal(address)
    if ip is None:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for label, test in (
        ("loopback", ip.is_loopback), ("unspecified", ip.is_unspecified),
        ("link-local (cloud metadata)", ip.is_link_local), ("multicast", ip.is_multicast),
        ("private", ip.is_private), ("reserved", ip.is_reserved), ("not globally routable", not ip.is_global),
    ):
        if test:
            return label
    return None


class EgressPolicy:
    def __init__(self, *, allow_private: bool = False, allowed_networks=(), pins: dict[str, str] | None = None,
                 crawler=None):
        self._allow_private = allow_private
        self.allowed_networks = tuple(ipaddress.ip_network(n, strict=False) for n in allowed_networks)
        self.pins = {k.lower(): v for k, v in (pins or {}).items()}
        # Proxies the operator configured (http_proxy, ...) are theirs to reach.
        self.proxy_hosts = frozenset(
            (urlsplit(url if "://" in url else f"http://{url}").hostname or "").lower()
            for url in urllib.request.getproxies().values() if isinstance(url, str)
        ) - {""}
        # The Crawler (or CrawlerProcess) whose spiders may serve their
        # operator's own job (see ``allow_private``); None outside a crawl.
        self._crawler = crawler

    @classmethod
    def from_settings(cls, settings, crawler=None) -> EgressPolicy:
        return cls(allow_private=settings.getbool("SCRAPEJET_ALLOW_PRIVATE"),
                   allowed_networks=settings.getlist("SCRAPEJET_ALLOWED_NETWORKS"),
                   pins=settings.getdict("SCRAPEJET_RESOLVE"), crawler=crawler)

    @classmethod
    def from_crawler(cls, crawler) -> EgressPolicy:
        return cls.from_settings(crawler.settings, crawler)

    @property
    def allow_private(self) -> bool:
        # Read at each check, not at start: the spider knows whose job it
        # serves only once it has opened.
        if self._allow_private:
            return True
        # the resolver is built from the CrawlerProcess (all its crawlers),
        # every other component from its Crawler
        owner = self._crawler
        crawlers = [owner] if hasattr(owner, "spider") else list(getattr(owner, "crawlers", ()))
        spiders = [getattr(c, "spider", None) for c in crawlers]
        return bool(spiders) and all(getattr(s, "serves_operator_job", False) for s in spiders)

    def refusal(self, address: str) -> str | None:
        """Why a connection to ``address`` is refused (None: allowed)."""
        if self.allow_private:
            return None
        why = why_not_public(address)
        if why is None:
            return None
        ip = ip_literal(address)
        if ip is not None and any(ip in network for network in self.allowed_networks):
            return None
        return f"{address} is a {why} address"

    def check(self, host: str, address: str) -> str:
        """``address`` if ``host`` may be connected to there; else AddressRefused."""
        if host.lower().rstrip(".") in self.proxy_hosts:
            return address
        why = self.refusal(address)
        if why:
            raise AddressRefused(f"refused to connect to {host}: {why} (SCRAPEJET_ALLOW_PRIVATE=1 or "
                                 f"SCRAPEJET_ALLOWED_NETWORKS allow it)")
        return address

    def addresses(self, host: str) -> list[str]:
        """Every address ``host`` resolves to (pins first), unchecked."""
        host = host.rstrip(".")
        if ip_literal(host) is not None:
            return [str(ip_literal(host))]
        pinned = lookup(self.pins, host)
        if pinned == "":
            raise NotResolved(f"{host} is not resolved: SCRAPEJET_RESOLVE pins it to no address")
        if pinned is not None:
            return [pinned]
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        return list(dict.fromkeys(info[4][0] for info in infos))

    def resolve(self, host: str) -> str:
        """The checked address to connect to for ``host`` (blocking): every
        answer must pass, and the first is used."""
        answers = self.addresses(host)
        for address in answers:
            self.check(host, address)
        return answers[0]


async def checked_address(policy: EgressPolicy, host: str) -> str:
    """Resolve ``host`` the way Twisted connects to it (our resolver, which
    checks its answer and caches it) and return the address; IP literals,
    which ``reactor.resolve`` hands back without asking the resolver, are
    checked here."""
    from twisted.internet import reactor

    literal = ip_literal(host)
    if literal is not None:
        return policy.check(host, str(literal))
    return await maybe_deferred_to_future(reactor.resolve(host))


class EgressMiddleware:
    """Refuses a request whose host resolves to a refused address before it
    is sent, with the reason. Placed after the redirect and retry middlewares
    (every hop passes here) and before politeness (a refused request takes
    no turn of its host)."""

    def __init__(self, policy: EgressPolicy):
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler):
        return cls(EgressPolicy.from_crawler(crawler))

    async def process_request(self, request, spider=None):
        if self.policy.allow_private or request.meta.get("proxy"):
            return None
        host = urlparse_cached(request).hostname or ""
        try:
            await checked_address(self.policy, host)
        except AddressRefused as exc:
            raise EgressRefused(str(exc)) from None
        return None


# -- blocking connections (the webhook sender) -----------------------------------
class _CheckedHTTPConnection(http.client.HTTPConnection):
    policy: EgressPolicy

    def connect(self):
        address = self.policy.resolve(self.host)
        self.sock = socket.create_connection((address, self.port), self.timeout, self.source_address)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self._tunnel_host:
            self._tunnel()


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    policy: EgressPolicy

    def connect(self):
        _CheckedHTTPConnection.connect(self)
        # TLS to the name (SNI, certificate), over the connection to the address
        server_hostname = self._tunnel_host or self.host
        self.sock = self._context.wrap_socket(self.sock, server_hostname=server_hostname)


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, policy: EgressPolicy):
        super().__init__()
        self.connection = type("CheckedHTTPConnection", (_CheckedHTTPConnection,), {"policy": policy})

    def http_open(self, req):
        return self.do_open(self.connection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, policy: EgressPolicy):
        super().__init__()
        self.connection = type("CheckedHTTPSConnection", (_CheckedHTTPSConnection,), {"policy": policy})

    def https_open(self, req):
        return self.do_open(self.connection, req, context=self._context)


def checked_opener(policy: EgressPolicy, *handlers) -> urllib.request.OpenerDirector:
    """A urllib opener whose connections go to checked addresses only."""
    return urllib.request.build_opener(_CheckedHTTPHandler(policy), _CheckedHTTPSHandler(policy), *handlers)
