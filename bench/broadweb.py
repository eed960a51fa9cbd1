"""A simulated web of many small sites, for bench/broad.py (issue 13).

    .venv/bin/python bench/broadweb.py [--port 0] [--sites 100] [--pages 20] [--latency 0.1] [--close 0.45]

One asyncio HTTP/1.1 server (keep-alive) answers for every host
``siteNNN.broad.test`` (NNN from 001 to --sites): ``/`` and ``/p/0`` ..
``/p/<pages-1>``, ``/robots.txt`` allowing everything, 404 for anything
else. The home page links to three pages and each page to a few others of
the same site, so a crawler has to discover the site by its links (every
page is reachable; the deepest is a few links down). Every answer, 404s and
robots.txt included, waits --latency seconds first, as an internet round
trip would; the wait is an ``asyncio.sleep``, so any number of requests wait
at once and the server itself never queues them.

Politeness is counted here, where it matters: per host, a request that
arrives less than --close seconds after the previous request to that host
arrived is *too close*, and a request that arrives while another to that
host is still being answered is *over concurrency*. Requests to
``admin.broad.test`` are not counted: ``/_stats`` answers the counts (JSON,
with the arrival and completion time of every request), ``/_reset`` forgets
them, between two crawls.

It prints ``broad web listening on 127.0.0.1:PORT`` once it accepts
connections, and stops on SIGTERM. It runs in its own process so that its
timing is not held up by a crawler's interpreter.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import sys
import time
from collections import Counter

DOMAIN = "broad.test"
ADMIN = f"admin.{DOMAIN}"

# Words the page texts are made of: enough variety that the extractor does
# real work (trafilatura scores paragraphs, not repeats of one sentence).
WORDS = [
    "crawler", "frontier", "request", "host", "delay", "politeness", "queue", "worker", "lease", "page",
    "site", "link", "index", "archive", "market", "garden", "river", "station", "library", "museum",
    "harbour", "bakery", "orchard", "meadow", "valley", "bridge", "tower", "morning", "evening", "winter",
    "summer", "autumn", "spring", "weather", "journey", "village", "city", "county", "region", "coast",
    "engine", "signal", "network", "router", "packet", "server", "client", "cache", "table", "column",
    "record", "ledger", "invoice", "customer", "supplier", "order", "shipment", "warehouse", "inventory",
    "product", "catalogue", "price", "discount", "review", "history", "science", "music", "theatre",
    "cinema", "painting", "sculpture", "novel", "poem", "letter", "diary", "chapter", "the", "a", "of",
    "and", "to", "in", "for", "on", "with", "by", "from", "at", "as", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "will", "would",
]


def host_name(number: int) -> str:
    return f"site{number:03d}.{DOMAIN}"


def page_links(n: int, pages: int) -> list[int]:
    """The pages page ``n`` links to: the next one (so every page is
    reachable), two further down (so most are only a few links deep) and the
    previous one (links back, which a crawler must deduplicate)."""
    out = [(n + 1) % pages, 2 * n + 3, 2 * n + 4, n - 1]
    return [p for p in dict.fromkeys(out) if 0 <= p < pages and p != n]


def _text(rng: random.Random, paragraphs: int) -> str:
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(f"<p>{' '.join(sentences)}</p>")
    return "\n".join(out)


def build_site(number: int, pages: int) -> dict[str, bytes]:
    """Every path of one site and its HTML (built once, at start)."""
    host = host_name(number)
    site: dict[str, bytes] = {
        "/robots.txt": b"User-agent: *\nAllow: /\n",
    }

    def html(title: str, body: str, links: list[tuple[str, str]]) -> bytes:
        nav = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in links)
        return (
            f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta name=\"description\" content=\"{title} on {host}\"></head><body>"
            f"<header><a href=\"/\">{host}</a></header><nav><ul>{nav}</ul></nav>"
            f"<main><article><h1>{title}</h1>\n{body}\n</article></main>"
            f"<footer>Site {number:03d} of the broad crawl benchmark.</footer></body></html>"
        ).encode()

    rng = random.Random(f"{number}-home")
    home_links = [(f"/p/{p}", f"Page {p}") for p in range(min(3, pages))]
    site["/"] = html(f"Site {number:03d} home", _text(rng, 4), home_links)
    for n in range(pages):
        rng = random.Random(f"{number}-{n}")
        links = [("/", "Home")] + [(f"/p/{p}", f"Page {p}") for p in page_links(n, pages)]
        site[f"/p/{n}"] = html(f"Site {number:03d} page {n}", _text(rng, 5), links)
    return site


NOT_FOUND = b"<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>"


class HostLog:
    """What one host has seen: every request, and the politeness counts."""

    __slots__ = ("gaps", "in_flight", "last_arrival", "last_path", "over_concurrency", "pairs", "requests",
                 "too_close")

    def __init__(self):
        self.requests: list[list] = []  # [arrival, completion, path, status]
        self.in_flight = 0
        self.last_arrival: float | None = None
        self.last_path = ""
        self.too_close = 0
        self.over_concurrency = 0
        self.pairs: Counter = Counter()  # "previous kind -> kind" of too-close requests
        self.gaps: list[float] = []


def kind(path: str) -> str:
    if path == "/":
        return "home"
    if path.startswith("/p/"):
        return "page"
    return path.lstrip("/") or path


class BroadWeb:
    def __init__(self, sites: int, pages: int, latency: float, close: float):
        self.sites_n = sites
        self.pages = pages
        self.latency = latency
        self.close = close
        self.sites = {host_name(i): build_site(i, pages) for i in range(1, sites + 1)}
        self.reset()

    def reset(self) -> None:
        self.hosts: dict[str, HostLog] = {}
        self.started = time.time()
        self.unknown = 0

    def stats(self) -> dict:
        hosts = {}
        pairs: Counter = Counter()
        for name, log in sorted(self.hosts.items()):
            pairs.update(log.pairs)
            hosts[name] = {
                "requests": [[round(a, 4), round(c, 4) if c else None, p, s] for a, c, p, s in log.requests],
                "too_close": log.too_close,
                "over_concurrency": log.over_concurrency,
                "gaps": [round(g, 4) for g in log.gaps],
            }
        return {
            "sites": self.sites_n, "pages": self.pages, "latency": self.latency, "close": self.close,
            "since": self.started, "now": time.time(), "unknown_hosts": self.unknown,
            "too_close": sum(h["too_close"] for h in hosts.values()),
            "over_concurrency": sum(h["over_concurrency"] for h in hosts.values()),
            "too_close_pairs": dict(pairs.most_common()),
            "hosts": hosts,
        }

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                arrival = time.time()
                lines = head.decode("latin-1").split("\r\n")
                try:
                    method, target, version = lines[0].split(" ", 2)
                except ValueError:
                    return
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, value = line.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                if headers.get("content-length"):
                    await reader.readexactly(int(headers["content-length"]))
                host = headers.get("host", "").rsplit(":", 1)[0].lower().rstrip(".")
                path = target.split("?", 1)[0]
                keep = headers.get("connection", "").lower() != "close" and version == "HTTP/1.1"
                if host == ADMIN:
                    if path == "/_reset":
                        self.reset()
                        body, ctype, status = b'{"reset": true}', "application/json", 200
                    elif path == "/_stats":
                        body, ctype, status = json.dumps(self.stats()).encode(), "application/json", 200
                    else:
                        body, ctype, status = NOT_FOUND, "text/html", 404
                    await self._answer(writer, status, ctype, body, method, keep)
                else:
                    await self._serve(writer, host, path, method, arrival, keep)
                if not keep:
                    return
        finally:
            writer.close()

    async def _serve(self, writer, host: str, path: str, method: str, arrival: float, keep: bool) -> None:
        site = self.sites.get(host)
        if site is None:
            self.unknown += 1
            await asyncio.sleep(self.latency)
            await self._answer(writer, 404, "text/html", NOT_FOUND, method, keep)
            return
        log = self.hosts.get(host)
        if log is None:
            log = self.hosts[host] = HostLog()
        if log.in_flight > 0:
            log.over_concurrency += 1
        if log.last_arrival is not None:
            gap = arrival - log.last_arrival
            log.gaps.append(gap)
            if gap < self.close:
                log.too_close += 1
                log.pairs[f"{kind(log.last_path)} -> {kind(path)}"] += 1
        log.last_arrival, log.last_path = arrival, path
        record = [arrival, None, path, 0]
        log.requests.append(record)
        log.in_flight += 1
        try:
            await asyncio.sleep(self.latency)
            body = site.get(path)
            if body is None:
                status, ctype, body = 404, "text/html", NOT_FOUND
            else:
                status, ctype = 200, "text/plain" if path == "/robots.txt" else "text/html; charset=utf-8"
            record[3] = status
            await self._answer(writer, status, ctype, body, method, keep)
        finally:
            log.in_flight -= 1
            record[1] = time.time()

    @staticmethod
    async def _answer(writer, status: int, ctype: str, body: bytes, method: str, keep: bool) -> None:
        reason = {200: "OK", 404: "Not Found"}[status]
        head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                f"Connection: {'keep-alive' if keep else 'close'}\r\n\r\n").encode()
        writer.write(head if method == "HEAD" else head + body)
        await writer.drain()


async def serve(args) -> None:
    web = BroadWeb(args.sites, args.pages, args.latency, args.close)
    server = await asyncio.start_server(web.handle, "127.0.0.1", args.port, limit=1 << 16, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f"broad web listening on 127.0.0.1:{port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default 0: a free one)")
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--pages", type=int, default=20, help="pages per site besides the home page")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds every answer waits")
    parser.add_argument("--close", type=float, default=0.45,
                        help="a request to a host less than this after the previous one is too close")
    args = parser.parse_args(argv)
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
