"""The scrapyd nodes of a cluster, as the API sees them (``SCRAPYD_NODES``).

The API keeps no state about nodes: each question is asked of the nodes
themselves (``daemonstatus.json``, ``listjobs.json``), with a short timeout,
so a node that is down shows as unreachable instead of slowing a request.

Workers on a node are scrapyd jobs of a spider scheduled without ``url``
(they serve the spider's shared queue). The API names them
``worker-<spider>-<random>`` when it schedules them, which is how it counts
them again: a node runs at least one, and at most
``SCRAPEJET_WORKERS_PER_NODE``, worker per spider that has work."""

from __future__ import annotations

import base64
import json
import logging
import secrets
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

WORKER_PREFIX = "worker-"


def expand(spec: str) -> list[str]:
    """``dns:http://node:6800`` → one URL per address the name resolves to
    (a Docker Compose service scaled with --scale, a Kubernetes headless
    Service); any other entry as it is."""
    spec = spec.strip()
    if not spec.startswith("dns:"):
        return [spec]
    url = spec[len("dns:"):]
    parts = urllib.parse.urlsplit(url if "://" in url else f"http://{url}")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 6800, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return []
    addresses = sorted({info[4][0] for info in infos})
    userinfo = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
    out = []
    for address in addresses:
        host = f"[{address}]" if ":" in address else address
        out.append(urllib.parse.urlunsplit((parts.scheme, f"{userinfo}{host}:{parts.port or 6800}", parts.path, "", "")))
    return out


@dataclass(frozen=True)
class Node:
    """One scrapyd node: its URL (credentials removed) and basic auth."""

    url: str
    auth: str | None = None  # "Basic ..." header value

    @classmethod
    def parse(cls, spec: str) -> Node:
        """``http://user:pass@host:6800`` → Node (credentials moved to a header)."""
        spec = spec.strip()
        parts = urllib.parse.urlsplit(spec if "://" in spec else f"http://{spec}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"SCRAPYD_NODES: {spec!r} is not an http(s) URL of a scrapyd node")
        auth = None
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            password = urllib.parse.unquote(parts.password or "")
            auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
        if parts.port:
            netloc += f":{parts.port}"
        path = parts.path.rstrip("/")
        return cls(f"{parts.scheme}://{netloc}{path}", auth)


class NodeError(Exception):
    """A node did not answer, or answered with an error."""


class ScrapydNodes:
    """Ask scrapyd nodes about themselves and have them run workers."""

    def __init__(self, nodes: list[Node] | None = None, *, specs: list[str] | None = None,
                 project: str = "scrapejet", workers_per_node: int = 1, timeout: float = 3.0):
        # specs: SCRAPYD_NODES entries, resolved again at each use when one is
        # a dns: entry (nodes come and go as a service scales)
        self._nodes = list(nodes or [])
        self.specs = [s for s in (specs or []) if s.strip()]
        self.project = project
        self.workers_per_node = max(1, workers_per_node)
        self.timeout = timeout
        # One ensure per spider at a time: submissions in a burst must not
        # each schedule a worker before the others' show in listjobs.
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    @classmethod
    def from_settings(cls, settings) -> ScrapydNodes:
        raw = settings.get("SCRAPYD_NODES") or ""
        specs = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
        for spec in specs:  # refuse a malformed entry at start, not at first use
            if spec.strip() and not spec.strip().startswith("dns:"):
                Node.parse(spec)
        return cls(
            specs=list(specs),
            project=settings.get("SCRAPEJET_SCRAPYD_PROJECT"),
            workers_per_node=settings.getint("SCRAPEJET_WORKERS_PER_NODE"),
            timeout=settings.getfloat("SCRAPEJET_SCRAPYD_TIMEOUT_S"),
        )

    @property
    def nodes(self) -> list[Node]:
        if not self.specs:
            return self._nodes
        return [Node.parse(url) for spec in self.specs for url in expand(spec)]

    @property
    def configured(self) -> bool:
        return bool(self._nodes or self.specs)

    # -- one node ------------------------------------------------------------------
    def call(self, node: Node, endpoint: str, data: dict[str, Any] | None = None,
             params: dict[str, Any] | None = None) -> dict[str, Any]:
        """GET (or POST ``data``) one scrapyd endpoint; its JSON, or NodeError."""
        url = f"{node.url}/{endpoint}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET")
        if node.auth:
            request.add_header("Authorization", node.auth)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.load(response)
        except urllib.error.HTTPError as exc:
            raise NodeError(f"{node.url}: HTTP {exc.code}" + (" (check SCRAPYD_NODES credentials)"
                                                               if exc.code == 401 else "")) from None
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise NodeError(f"{node.url}: {reason}") from None
        if answer.get("status") == "error":
            raise NodeError(f"{node.url}: {answer.get('message')}")
        return answer

    def status(self) -> list[dict[str, Any]]:
        """Every node: reachable or not, and its pending/running/finished jobs."""
        def one(node: Node) -> dict[str, Any]:
            entry: dict[str, Any] = {"url": node.url, "reachable": False, "node_name": None, "pending": None,
                                     "running": None, "finished": None, "workers": None, "error": None}
            try:
                daemon = self.call(node, "daemonstatus.json")
                entry.update(reachable=True, node_name=daemon.get("node_name"), pending=daemon.get("pending"),
                             running=daemon.get("running"), finished=daemon.get("finished"))
                jobs = self.call(node, "listjobs.json", params={"project": self.project})
                entry["workers"] = {
                    spider: n for spider, n in self._workers(jobs).items() if n
                }
            except NodeError as exc:
                entry["error"] = str(exc)
            return entry

        return self._each(one)

    @staticmethod
    def _workers(jobs: dict[str, Any]) -> dict[str, int]:
        """Worker jobs per spider among a node's pending and running jobs."""
        counts: dict[str, int] = {}
        for state in ("pending", "running"):
            for job in jobs.get(state) or []:
                if str(job.get("id", "")).startswith(WORKER_PREFIX):
                    counts[job.get("spider")] = counts.get(job.get("spider"), 0) + 1
        return counts

    def ensure_workers(self, spider: str) -> list[dict[str, Any]]:
        """Make each node run at least one worker of ``spider`` (at most
        ``workers_per_node``: one is scheduled per call when below it). One
        entry per node: what it ran before, what was scheduled, or the error."""
        with self._lock(spider):
            def one(node: Node) -> dict[str, Any]:
                try:
                    running = self._workers(self.call(node, "listjobs.json", params={"project": self.project}))
                    have = running.get(spider, 0)
                    if have >= self.workers_per_node:
                        return {"url": node.url, "workers": have, "scheduled": None}
                    jobid = f"{WORKER_PREFIX}{spider}-{secrets.token_hex(6)}"
                    self.call(node, "schedule.json", data={"project": self.project, "spider": spider, "jobid": jobid})
                    logger.info("Scheduled worker %s on %s", jobid, node.url)
                    return {"url": node.url, "workers": have + 1, "scheduled": jobid}
                except NodeError as exc:
                    logger.warning("Could not ensure a %s worker: %s", spider, exc)
                    return {"url": node.url, "workers": None, "scheduled": None, "error": str(exc)}

            return self._each(one)

    def ensure_workers_soon(self, spider: str) -> None:
        """``ensure_workers`` off the caller's thread: an HTTP submission
        answers at once even when a node is slow or down."""
        if not self.configured:
            return
        if self._pool is None:
            with self._locks_guard:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(2, thread_name_prefix="scrapejet-nodes")
        self._pool.submit(self.ensure_workers, spider)

    def cancel_workers(self, spider: str | None = None) -> int:
        """Cancel the worker jobs (of ``spider``, or all) on every node: each
        returns its leases at once. Returns how many were cancelled."""
        def one(node: Node) -> int:
            try:
                jobs = self.call(node, "listjobs.json", params={"project": self.project})
            except NodeError:
                return 0
            n = 0
            for state in ("pending", "running"):
                for job in jobs.get(state) or []:
                    if str(job.get("id", "")).startswith(WORKER_PREFIX) and spider in (None, job.get("spider")):
                        try:
                            self.call(node, "cancel.json", data={"project": self.project, "job": job["id"]})
                            n += 1
                        except NodeError:
                            pass
            return n

        return sum(self._each(one))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    # -- helpers ------------------------------------------------------------------------
    def _lock(self, spider: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(spider, threading.Lock())

    def _each(self, fn) -> list:
        nodes = self.nodes
        if len(nodes) <= 1:
            return [fn(node) for node in nodes]
        with ThreadPoolExecutor(min(8, len(nodes))) as pool:
            return list(pool.map(fn, nodes))
