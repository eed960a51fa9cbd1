"""URL canonicalisation and site scoping, shared by the dupefilter, the spiders
and the extractors so that "the same page" and "the same site" mean one thing
everywhere."""

from __future__ import annotations

import functools
import ipaddress
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

DEFAULT_PORTS = {"http": 80, "https": 443}


@functools.lru_cache(maxsize=1)
def _suffixes():
    # publicsuffixlist reads the Public Suffix List snapshot bundled with the
    # package (never fetched: crawlers run offline) into sets: 1.5 MB and
    # ~4 µs a lookup where tldextract's trie took 9 MB of every worker.
    # Private suffixes count (github.io, blogspot.com, netlify.app...): two
    # users' sites under one of them are different sites, not subdomains of
    # one, for scope as for backlinks.
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(only_icann=False)


# Menus and footers link the same URLs from every page of a site, and each
# link is canonicalised when extracted and again for its fingerprint: a small
# cache answers most of those calls (w3lib's canonicalize_url is ~60 µs).
@functools.lru_cache(maxsize=1024)
def canonical_url(url: str) -> str:
    """Fragment dropped, query sorted, scheme/host lower-cased, default port dropped."""
    canon = canonicalize_url(url, keep_fragments=False)
    parts = urlsplit(canon)
    netloc = parts.hostname or ""
    if ":" in netloc:  # IPv6 literal
        netloc = f"[{netloc}]"
    if parts.port and parts.port != DEFAULT_PORTS.get(parts.scheme):
        netloc = f"{netloc}:{parts.port}"
    if parts.username:
        auth = parts.username + (f":{parts.password}" if parts.password else "")
        netloc = f"{auth}@{netloc}"
    path = parts.path or "/"
    return urlunsplit((parts.scheme, netloc, path, parts.query, ""))


def query_param_filter(params: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(names, prefixes) of a list of parameter names where a name ending in
    ``*`` is a prefix (``SCRAPEJET_TRACKING_PARAMS``), lower-cased."""
    params = [p.strip().lower() for p in params if p.strip()]
    return frozenset(p for p in params if not p.endswith("*")), tuple(p[:-1] for p in params if p.endswith("*"))


def drop_query_params(url: str, names: frozenset[str], prefixes: tuple[str, ...] = ()) -> str:
    """``url`` without the query parameters named in ``names`` or starting
    with one of ``prefixes`` (lower-case; tracking parameters such as
    ``utm_source`` or ``gclid``), everything else as it was."""
    query = urlsplit(url).query
    if not query:
        return url
    keys = {pair.split("=", 1)[0] for pair in query.split("&")}
    drop = [k for k in keys if k.lower() in names or k.lower().startswith(prefixes)]
    if not drop:
        return url
    return url_query_cleaner(url, drop, remove=True, unique=False, keep_fragments=True)


def dedupe_key(url: str) -> str:
    """The key under which a job sees a URL once: the canonical URL with
    `www.` folded into the apex, since sites serve the same page on both."""
    canon = canonical_url(url)
    parts = urlsplit(canon)
    netloc = parts.netloc
    if netloc.startswith("www."):
        netloc = netloc[4:]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def host_of(url: str) -> str:
    """The host of a URL, lower-cased, without a trailing dot or the port
    (one server, one politeness budget); "" for a URL that has none or
    cannot be parsed."""
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def has_known_suffix(host: str) -> bool:
    """Whether a host name ends in a suffix of the public list (``firma.de``
    yes, ``the.of`` no)."""
    return _suffixes().publicsuffix(host.lower().rstrip("."), accept_unknown=False) is not None


def registered_domain(url_or_host: str) -> str:
    """eTLD+1 of a URL or host name (``www.shop.co.uk`` -> ``shop.co.uk``).

    Hosts under a suffix the public list does not know (``site.test``,
    ``intranet.local``) fall back to their last two labels; IP addresses are
    their own site."""
    host = host_of(url_or_host) if "/" in url_or_host else url_or_host.lower().split(":")[0]
    host = host.strip("[]").rstrip(".")
    if not host or _is_ip(host):
        return host
    registered = _suffixes().privatesuffix(host)
    if registered:
        return registered
    # a public suffix itself (com, github.io) or a single label (localhost)
    return ".".join(host.split(".")[-2:])


def site_host(url_or_host: str) -> str:
    """Host with a leading ``www.`` dropped: the apex and www are one site."""
    host = host_of(url_or_host) if "/" in url_or_host else url_or_host.lower()
    return host[4:] if host.startswith("www.") else host


def in_scope(url: str, seed_url: str, *, subdomains: bool = False) -> bool:
    """Whether ``url`` belongs to the site crawled from ``seed_url``.

    Without ``subdomains`` the site is the seed's host (www and apex being one
    site); with it, every host under the seed's registered domain."""
    if urlsplit(url).scheme not in ("http", "https"):
        return False
    if subdomains:
        return registered_domain(url) == registered_domain(seed_url)
    return site_host(url) == site_host(seed_url)


@functools.lru_cache(maxsize=256)
def url_pattern(pattern: str):
    """A job's ``include`` / ``exclude`` pattern, compiled by RE2: matching
    takes time linear in the URL whatever the pattern, where Python's ``re``
    backtracks (``(a+)+$`` against 30 a's and a '!' takes a minute), so a
    pattern a user sends cannot freeze a worker's event loop. RE2 has no
    backreferences or lookaround: such a pattern raises ``re2.error``, and
    the job's spec refuses it when the job is submitted."""
    import re2  # only crawls with a pattern, and spec validation, need it

    options = re2.Options()
    options.log_errors = False  # a refused pattern is the user's error, answered with a 422
    return re2.compile(pattern, options)
