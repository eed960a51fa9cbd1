"""Broad crawl: many polite sites at once, ScrapeJET against plain Scrapy (issue 13).

    .venv/bin/python bench/broad.py [--sites 100] [--pages 20] [--latency 0.1] [--delay 0.5]
                                    [--rounds 2] [--variants a,af,s1,s2] [--frontier-size 1000000] [--quick]

A benchmark, not a test. Everything is real and on loopback: the simulated
web (bench/broadweb.py, its own process), a private redis-server, the
crawlers as separate processes. Host names are never looked up: every
crawler resolves ``*.broad.test`` to 127.0.0.1 through the project's
``SCRAPEJET_RESOLVE`` (the API's target check reads the same mapping).

**The crawl.** --sites sites of --pages pages plus a home page each; every
answer takes --latency seconds; politeness is one request at a time per host
and --delay seconds between two requests to a host. Variants, alternating
in every round:

  (a)  plain Scrapy, one process crawling every home page as a start URL:
       DOWNLOAD_DELAY=delay, CONCURRENT_REQUESTS_PER_DOMAIN=1,
       CONCURRENT_REQUESTS=16, ROBOTSTXT_OBEY=True, everything else Scrapy's
       defaults (so RANDOMIZE_DOWNLOAD_DELAY=True: each wait is 0.5x to 1.5x
       the delay, and DownloaderAwarePriorityQueue); ``extract_page`` on each
       page, following its internal links;
  (af) the same with RANDOMIZE_DOWNLOAD_DELAY=False: plain Scrapy waiting
       exactly the delay, the politeness reference;
  (s1) ScrapeJET as a user runs it: ``scrapejet api --workers 1`` (its own
       data dir, the bench's Redis), SCRAPEJET_DOMAIN_DELAY_S=delay,
       SCRAPEJET_DOMAIN_CONCURRENCY=1, embeddings off, then one
       ``POST /scrape`` per site;
  (s2) the same with ``--workers 2``.
       The (s) sites are submitted at priority 2; --urgent-after seconds in,
       one more site (the web serves --sites + 1) is submitted at priority 9:
       when its first page reached the server, and how many of the others
       finished after it, are reported (the issue: within a second, first).
       A site cannot finish sooner than its own politeness allows (its
       requests one after the other, --latency + --delay apart): submitted
       late in the crawl, it finishes after sites that are nearly done
       however it is served, so that least time is printed beside it.

pages/s: (a) pages / (first request at the downloader to spider_closed),
measured in the crawler; (s) pages / (first POST to the last job's
finished_at). The limit is min(sites / delay, 16 / latency) requests/s:
politeness allows no more, and neither do 16 concurrent requests of
--latency each (two workers: 32); share = pages/s / that variant's limit. The web server counts politeness
as a site would see it: a request arriving less than --close-factor x delay
after the previous one to the same host arrived (too close), or while
another to that host is still being answered (over concurrency), across
every process. Per-site finish: when the site's last request was answered,
from the start of the run.

**Where the network is the bound.** With (s1) and (s2) among the variants
(and not --quick), one more crawl of each, once, on a web given by
--network-bound (default 200 sites answering in 0.3 s, 1 s between
requests to a host): there one worker's 16 download slots, not the hosts'
politeness, are the limit (min(200, 53) = 53/s; two workers' 107/s), so
two workers / one says how the frontier scales (the issue: >= 1.8). In the
main scenario the hosts cap two workers at 200/s, at most 1.56x one worker
at the share goal.

**The frontier.** In a fresh redis-server, --frontier-size requests over
--frontier-hosts hosts (100 per host by default), queued the way the
project queues them: one crawl job per host submitted with
``Jobs.submit`` (its home, robots.txt and sitemap seeds), then the rest of
each site's links encoded by ``scheduler.requests.make`` and admitted with
``RequestQueue.push_many``, a page's worth (20) of a site's links at a time,
the sites taking turns, as a crawl of many sites yields them.
Then leases of 4 (``RequestQueue.lease``, a fake worker id, each lease
returned with ``release``), with the crawl's politeness (delay,
concurrency 1) and without, p50/p95 over --leases calls paced like a busy
worker, against the same on a queue of 1,000 requests laid out alike.
Bytes per queued request: INFO memory ``used_memory`` grown by building the
queue / requests queued, with ``MEMORY USAGE`` of the keys that hold them.

Targets (issue 13): one worker >= 1.0x plain Scrapy and >= 0.8 of the
limit; two workers >= 1.8x one; no request too close or over concurrency;
lease p95 <= 5 ms at 1M as at 1,000; <= 300 bytes per queued request.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.crawl_throughput import (
    BenchError,
    BenchStats,
    RedisServer,
    _common_settings,
    end_run,
    free_port,
    plain_spider,
)

DOMAIN = "broad.test"
ADMIN = f"admin.{DOMAIN}"
# Every crawler here resolves these names itself: no packet leaves loopback.
RESOLVE = {f"*.{DOMAIN}": "127.0.0.1"}
CONCURRENCY = 16
TARGETS = {"s1/a": 1.0, "share": 0.8, "s2/s1": 1.8, "lease_p95_ms": 5.0, "bytes": 300.0, "urgent_first_s": 1.0}
VARIANTS = {
    "a": "plain Scrapy (Scrapy's defaults: randomized delay)",
    "af": "plain Scrapy, RANDOMIZE_DOWNLOAD_DELAY=False",
    "s1": "ScrapeJET, scrapejet api --workers 1",
    "s2": "ScrapeJET, scrapejet api --workers 2",
}
# A child must never reach a proxy (or anything) beyond loopback.
DROP_ENV = ("SCRAPEJET_", "SCRAPY_", "REDIS_URL", "DATABASE_URL", "SCRAPYD_NODES", "OPENAI_")
PROXY_ENV = {"http_proxy", "https_proxy", "all_proxy", "no_proxy", "ftp_proxy"}


def _opener():
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


# =============================================================================
# Inside the plain Scrapy process
# =============================================================================

def _cpu_self() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_of(pid: int, children: bool = False) -> float:
    """CPU seconds a process (and, with ``children``, its live children) used so far."""
    import psutil

    try:
        procs = [psutil.Process(pid)]
        if children:
            procs += procs[0].children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


class PlainStats(BenchStats):
    """crawl_throughput's extension, plus what a broad crawl needs: the
    clock time of the first request (the server's records are on that
    clock), the CPU the crawl took, and the settings in effect."""

    def request_reached(self, request, spider):
        if self.t_first_request is None:
            self.first_epoch, self.first_cpu = time.time(), _cpu_self()
        super().request_reached(request, spider)

    def spider_closed(self, spider, reason):
        super().spider_closed(spider, reason)
        data = json.loads(Path(self.out).read_text())
        settings = self.crawler.settings
        data.update({
            "first_request": getattr(self, "first_epoch", None),
            "cpu_s": _cpu_self() - getattr(self, "first_cpu", 0.0),
            "settings": {name: settings.get(name) for name in (
                "DOWNLOAD_DELAY", "RANDOMIZE_DOWNLOAD_DELAY", "DOWNLOAD_DELAY_JITTER", "CONCURRENT_REQUESTS",
                "CONCURRENT_REQUESTS_PER_DOMAIN", "SCHEDULER_PRIORITY_QUEUE", "ROBOTSTXT_OBEY")},
        })
        Path(self.out).write_text(json.dumps(data, default=str))


def run_plain(cfg: dict) -> None:
    from scrapy.crawler import CrawlerProcess

    BroadSpider = plain_spider("broad_plain")

    # crawl_throughput's plain Scrapy (CONCURRENT_REQUESTS=16, ROBOTSTXT_OBEY
    # like ScrapeJET, where Scrapy's own default is off, the static
    # resolver), made polite as the issue asks
    settings = _common_settings({"resolve": RESOLVE})
    settings.update({
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": cfg["delay"],
        "EXTENSIONS": {PlainStats: 0},
    })
    if not cfg["randomize"]:
        settings["RANDOMIZE_DOWNLOAD_DELAY"] = False
    process = CrawlerProcess(settings)
    process.crawl(BroadSpider, start_urls=cfg["start_urls"])
    process.start()


# =============================================================================
# The orchestrator: the web, the crawls
# =============================================================================

def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(DROP_ENV) and k.lower() not in PROXY_ENV}
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def stop_process(proc: subprocess.Popen | None, timeout: float = 60) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class BroadWebProcess:
    """bench/broadweb.py in its own process."""

    def __init__(self, args, log: Path):
        self.args = args
        self.log = log
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> BroadWebProcess:
        a = self.args
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(
                # one site more than the crawl: the urgent one (s variants)
                [sys.executable, str(ROOT / "bench" / "broadweb.py"), "--port", "0", "--sites", str(a.sites + 1),
                 "--pages", str(a.pages), "--latency", str(a.latency), "--close", str(a.close)],
                cwd=ROOT, env=child_env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log, text=True,
            )
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            stop_process(self.proc)
            raise BenchError(f"the broad web did not start: {line!r}; see {self.log}")
        self.port = int(line.strip().rsplit(":", 1)[1])
        return self

    def home(self, site: int) -> str:
        return f"http://site{site:03d}.{DOMAIN}:{self.port}/"

    def admin(self, path: str) -> dict:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers={"Host": ADMIN})
        with _opener().open(req, timeout=60) as resp:
            return json.loads(resp.read())

    def stats(self, rundir: Path) -> dict:
        """What the server saw since the last reset (kept in the run's folder)."""
        stats = self.admin("/_stats")
        (rundir / "server.json").write_text(json.dumps(stats))
        return stats

    def check(self) -> None:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/p/{self.args.pages - 1}",
                                     headers={"Host": f"site001.{DOMAIN}:{self.port}"})
        started = time.perf_counter()
        with _opener().open(req, timeout=10) as resp:
            if resp.status != 200 or b"Site 001 page" not in resp.read():
                raise BenchError("the broad web does not serve its sites as expected")
        if time.perf_counter() - started < self.args.latency * 0.9:
            raise BenchError("the broad web answered faster than its latency")

    def stop(self) -> None:
        stop_process(self.proc, 10)


def analyse(stats: dict, t0: float, pages: int, urgent_host: str = "") -> dict:
    """What the server saw of one crawl: requests by kind, the pages every
    site served, politeness counts, when each site was done; the urgent
    site (s variants) apart: when its first page arrived, its last answer."""
    hosts = dict(stats["hosts"])
    urgent = hosts.pop(urgent_host, None)
    per_kind = {"page": 0, "robots.txt": 0, "sitemap.xml": 0, "other": 0, "repeat": 0}
    finish, complete, gaps = [], 0, []
    first = min((r[0] for h in hosts.values() for r in h["requests"]), default=t0)
    last = max((r[1] or r[0] for h in hosts.values() for r in h["requests"]), default=t0)
    for h in hosts.values():
        seen = set()
        for arrival, done, path, status in h["requests"]:
            if path == "/" or path.startswith("/p/"):
                if path in seen:
                    per_kind["repeat"] += 1
                else:
                    per_kind["page"] += 1
                    if status == 200:
                        seen.add(path)
            elif path in ("/robots.txt", "/sitemap.xml"):
                per_kind[path.lstrip("/")] += 1
            else:
                per_kind["other"] += 1
        complete += len(seen) == pages + 1
        finish.append(max(r[1] or r[0] for r in h["requests"]) - t0)
        gaps.extend(h["gaps"])
    gaps.sort()
    return {
        "requests": sum(len(h["requests"]) for h in hosts.values()),
        "kinds": per_kind,
        "sites_seen": len(hosts),
        "sites_complete": complete,
        "too_close": stats["too_close"],
        "over_concurrency": stats["over_concurrency"],
        "too_close_pairs": stats["too_close_pairs"],
        "unknown_hosts": stats["unknown_hosts"],
        "gap_p5": gaps[len(gaps) // 20] if gaps else None,
        "gap_p50": gaps[len(gaps) // 2] if gaps else None,
        "finish": sorted(finish),
        "urgent": {"first_page": min(r[0] for r in urgent["requests"] if r[2] == "/"),
                   "last": max(r[1] or r[0] for r in urgent["requests"]),
                   "requests": len(urgent["requests"])} if urgent else None,
        "server_span": last - first,
        # how many of its concurrent requests a crawler kept at the server
        "in_flight": sum((r[1] or r[0]) - r[0] for h in hosts.values() for r in h["requests"]) / max(last - first, 1e-9),
    }


def _spread(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{min(values):.0f}/{statistics.median(values):.0f}/{max(values):.0f}"


def crawl_plain(variant: str, *, args, web: BroadWebProcess, workdir: Path, tag: str) -> dict:
    rundir = workdir / tag
    rundir.mkdir(parents=True)
    out = rundir / "stats.json"
    cfg = {"start_urls": [web.home(i) for i in range(1, args.sites + 1)], "delay": args.delay,
           "randomize": variant == "a"}
    web.admin("/_reset")
    web_cpu = cpu_of(web.proc.pid)
    with open(rundir / "stderr.log", "w") as err:
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--run-plain", json.dumps(cfg)],
                                cwd=ROOT, env=child_env(BENCH_STATS_OUT=str(out)), stdin=subprocess.DEVNULL,
                                stdout=err, stderr=err)
        try:
            rc = proc.wait(args.timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise BenchError(f"{tag}: no result after {args.timeout}s (killed); see {rundir / 'stderr.log'}")
    if rc != 0 or not out.exists():
        raise BenchError(f"{tag}: exit code {rc}\n{(rundir / 'stderr.log').read_text(errors='replace')[-3000:]}")
    web_cpu = cpu_of(web.proc.pid) - web_cpu
    data = json.loads(out.read_text())
    seen = analyse(web.stats(rundir), data["first_request"], args.pages)
    seconds = data["seconds"]
    # distinct pages: Scrapy fetches each home page twice (a start URL is
    # dont_filter, so the links back to "/" are not recognised as seen); the
    # repeats are counted at the server
    pages = data["unique_pages"]
    problems = []
    errors = data["stats"].get("log_count/ERROR", 0)
    if data["reason"] != "finished" or errors:
        problems.append(f"closed with {data['reason']!r}, {errors} errors logged")
    if pages != args.sites * (args.pages + 1) or seen["sites_complete"] != args.sites:
        problems.append(f"{pages} distinct pages, {seen['sites_complete']} sites complete")
    return {"variant": variant, "pages": pages, "seconds": seconds, "pps": pages / seconds,
            "settings": data["settings"], "server": seen, "problems": problems, "finish_jobs": None,
            "cpu": {"crawler": data["cpu_s"], "web": web_cpu}}


def _post(url: str, body: dict) -> dict:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with _opener().open(req, timeout=60) as resp:
            return json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        raise BenchError(f"POST {url}: {exc.code} {exc.read()[:500]!r}") from None


def crawl_scrapejet(variant: str, *, args, web: BroadWebProcess, redis_srv: RedisServer, workdir: Path,
                    tag: str) -> dict:
    workers = int(variant[1:])
    rundir = workdir / tag
    rundir.mkdir(parents=True)
    prefix = f"broad{uuid.uuid4().hex[:8]}:"
    port = free_port()
    env = child_env(
        REDIS_URL=redis_srv.url, SCRAPEJET_DATA_DIR=str(rundir / "data"), SCRAPEJET_KEY_PREFIX=prefix,
        SCRAPEJET_RESOLVE=json.dumps(RESOLVE),
        # the sites resolve to loopback, which the API refuses as a target otherwise
        SCRAPEJET_ALLOW_PRIVATE="1",
        SCRAPEJET_DOMAIN_DELAY_S=str(args.delay), SCRAPEJET_DOMAIN_CONCURRENCY="1",
        SCRAPEJET_EMBEDDINGS="0",
    )
    redis_srv.client.flushall()
    command = [str(Path(sys.executable).with_name("scrapejet")), "api", "--workers", str(workers),
               "--port", str(port), "--log-level", "WARNING"]
    log = rundir / "api.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}"
    try:
        # every worker heart-beating (a process serves three spiders, each
        # with its own heartbeat) and the API answering, before the clock starts
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise BenchError(f"{tag}: scrapejet api exited ({proc.returncode})\n"
                                 f"{log.read_text(errors='replace')[-3000:]}")
            if time.monotonic() > deadline:
                raise BenchError(f"{tag}: the API and its workers did not come up; see {log}")
            if redis_srv.client.zcard(f"{prefix}workers") >= 3 * workers:
                try:
                    with _opener().open(f"{api}/health", timeout=5):
                        break
                except (urllib.error.URLError, OSError):
                    pass
            time.sleep(0.2)
        web.admin("/_reset")
        redis_srv.client.config_resetstat()
        cpu0 = {"crawler": cpu_of(proc.pid, children=True), "web": cpu_of(web.proc.pid),
                "redis": cpu_of(redis_srv.proc.pid)}
        t0 = time.time()
        job_ids = []
        spec = {"max_pages": max(50, 2 * (args.pages + 1)), "max_depth": 20}
        # the sites at priority 2, so that an urgent one (priority 9) can overtake them
        for site in range(1, args.sites + 1):
            job_ids.append(_post(f"{api}/scrape", {"url": web.home(site), "priority": 2, **spec})["job_id"])
        submitted = time.time() - t0
        urgent_id, urgent_at = None, None
        deadline = time.monotonic() + args.timeout
        timed_out = False
        window: list[int] = []
        while True:
            if urgent_id is None and args.urgent_after > 0 and time.time() - t0 >= args.urgent_after:
                urgent_at = time.time()
                urgent_id = _post(f"{api}/scrape", {"url": web.home(args.sites + 1), "priority": 9, **spec})["job_id"]
            pipe = redis_srv.client.pipeline(transaction=False)
            for job_id in job_ids + ([urgent_id] if urgent_id else []):
                pipe.hmget(f"{prefix}job:{job_id}", "status", "finished_at", "crawled")
            # the hosts a lease can choose from: every host queue in the ready set
            pipe.zcard(f"{prefix}generic:queue")
            *states, ready = pipe.execute()
            if ready:
                window.append(int(ready))
            if all(s[0] in ("completed", "failed", "cancelled") for s in states) \
                    and (urgent_id or args.urgent_after <= 0):
                break
            if proc.poll() is not None:
                raise BenchError(f"{tag}: scrapejet api exited ({proc.returncode}) mid-crawl; see {log}")
            if time.monotonic() > deadline:
                timed_out = True
                break
            time.sleep(0.25)
        now = time.time()
        urgent_state = states.pop() if urgent_id else None
        finished = [float(s[1]) - t0 if s[1] else now - t0 for s in states]
        end = max(float(s[1]) if s[1] else now for s in states)
        pages = sum(int(s[2] or 0) for s in states)
        commands = int(redis_srv.client.info("stats")["total_commands_processed"])
        evalsha = redis_srv.client.info("commandstats").get("cmdstat_evalsha", {}).get("calls", 0)
        cpu = {"crawler": cpu_of(proc.pid, children=True), "web": cpu_of(web.proc.pid),
               "redis": cpu_of(redis_srv.proc.pid)}
        cpu = {name: cpu[name] - cpu0[name] for name in cpu}
    finally:
        stop_process(proc)
    seen = analyse(web.stats(rundir), t0, args.pages, urgent_host=f"site{args.sites + 1:03d}.{DOMAIN}")
    problems = []
    urgent = None
    if urgent_state and urgent_state[1] and seen["urgent"]:
        done_at = float(urgent_state[1])
        urgent = {"after_s": urgent_at - t0, "first_page_s": seen["urgent"]["first_page"] - urgent_at,
                  "finished_s": done_at - urgent_at, "of": len(states),
                  "finished_before": sum(1 for s in states if not s[1] or float(s[1]) > done_at),
                  "least_s": least_time(seen["urgent"]["requests"], args.latency, args.delay)}
        # the first of the others to finish: if that is sooner than the
        # urgent site could possibly finish, finishing first was not possible
        urgent["first_other_s"] = min((float(s[1]) for s in states if s[1]), default=done_at) - urgent_at
    elif urgent_id:
        problems.append(f"the urgent job did not finish: {urgent_state}")
    if timed_out:
        done = sum(s[0] in ("completed", "failed", "cancelled") for s in states)
        problems.append(f"timed out after {args.timeout}s: {done}/{len(states)} jobs over, figures are partial")
    bad = [s for s in states if s[0] in ("failed", "cancelled") or (s[0] == "completed" and int(s[2]) != args.pages + 1)]
    if bad:
        problems.append(f"{len(bad)} job(s) not completed with {args.pages + 1} pages: {bad[:3]}")
    if "Traceback" in log.read_text(errors="replace"):
        problems.append(f"a traceback in {log}")
    return {"variant": variant, "pages": pages, "seconds": end - t0, "pps": pages / (end - t0), "server": seen,
            "problems": problems, "finish_jobs": finished, "submit_s": submitted,
            "redis_per_page": commands / max(pages, 1), "scripts_per_page": evalsha / max(pages, 1), "cpu": cpu,
            "window_hosts": statistics.mean(window) if window else 0.0, "lease_scan": args.lease_scan,
            "urgent": urgent}


# =============================================================================
# The frontier
# =============================================================================

SLUG_WORDS = ("news", "blog", "products", "category", "about", "team", "support", "docs", "guide", "article",
              "summer", "sale", "review", "how", "to", "choose", "the", "best", "garden", "tools", "city",
              "events", "2024", "report", "annual", "press", "release", "careers", "contact", "shop")


def site_paths(rng: random.Random, count: int) -> list[str]:
    """Paths as sites have them (a section, a slug, an id): ~40 characters,
    so a URL with its host is ~70, about the web's median."""
    out = []
    for n in range(count):
        section = rng.choice(SLUG_WORDS)
        slug = "-".join(rng.choice(SLUG_WORDS) for _ in range(rng.randint(2, 5)))
        out.append(f"/{section}/{slug}-{rng.randint(100, 99999)}" + ("/" if n % 3 == 0 else ""))
    return out


LINKS_PER_PAGE = 20
# a site's page budget in the frontier: room for every request queued for it
PER_SITE_BUDGET = 100_000


def _project_jobs(client, prefix: str):
    """The project's job model on ``client``, with the project's settings."""
    from scrapy.settings import Settings

    import scrapejet.settings as project_settings
    from scrapejet.jobs import Jobs

    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.set("SCRAPEJET_KEY_PREFIX", prefix)
    return Jobs.from_settings(settings, server=client, storage=None), settings


def _submit_sites(task: tuple) -> list[tuple[str, str]]:
    """Submit a crawl job for each of sites ``first`` .. ``first + count -
    1``, as a user submits a list of sites: each queues its home, robots.txt
    and sitemap. Returns (job id, host) of each."""
    import redis

    redis_url, prefix, first, count = task
    jobs, _ = _project_jobs(redis.Redis.from_url(redis_url, decode_responses=True), prefix)
    out = []
    for i in range(first, first + count):
        host = f"www.site{i:05d}.{DOMAIN}"
        job = jobs.submit("crawl", {"url": f"https://{host}/", "max_pages": PER_SITE_BUDGET, "max_depth": 20})
        out.append((job.job_id, host))
    return out


def _queue_links(task: tuple) -> dict:
    """Queue the links the pages of some sites yield (run in a pool: encoding
    a request is ~0.1 ms of Python, so two processes build a million in half
    the time). A page's worth (20) of a site's links go in together, the
    sites taking turns, as their pages are crawled side by side."""
    import redis

    from scrapejet.scheduler.requests import make
    from scrapejet.scheduler.roles import PAGE

    redis_url, prefix, sites, links_per_site = task
    jobs, _ = _project_jobs(redis.Redis.from_url(redis_url, decode_responses=True), prefix)
    rng = random.Random(sites[0][0])
    links = [(job_id, [f"https://{host}{path}" for path in site_paths(rng, links_per_site)]) for job_id, host in sites]
    out = {"url_chars": 0, "payload_chars": 0, "requests": 0}
    batch = []

    def flush():
        results = jobs.queue.push_many(batch)
        if any(r != 1 for r in results):
            raise BenchError(f"frontier: push results {sorted(set(results))}, expected every request queued")
        batch.clear()

    for start in range(0, links_per_site, LINKS_PER_PAGE):
        for job_id, urls in links:
            for url in urls[start:start + LINKS_PER_PAGE]:
                # a followed link, encoded as the queue stores it
                q = make(job_id, url, role=PAGE, depth=1 + start // LINKS_PER_PAGE, render_js=False)
                batch.append(q)
                out["url_chars"] += len(url)
                out["payload_chars"] += len(q.payload)
                out["requests"] += 1
            if len(batch) >= 2000:
                flush()
    if batch:
        flush()
    return out


class Frontier:
    """One queue built through the project's own job and queue API."""

    def __init__(self, redis_srv: RedisServer, size: int, hosts: int):
        self.size, self.hosts_n = size, hosts
        self.redis_srv = redis_srv
        self.prefix = f"frontier{uuid.uuid4().hex[:6]}:"
        self.client = redis_srv.client
        self.jobs, settings = _project_jobs(self.client, self.prefix)
        self.lease_scan = settings.getint("SCRAPEJET_LEASE_SCAN")
        self.rq = self.jobs.queue
        self.job_ids: list[str] = []
        self.queue_key = self.jobs.keys.spider_queue("generic")

    def build(self, processes: int) -> dict:
        per_host = self.size // self.hosts_n
        url = self.redis_srv.url
        used_before = int(self.client.info("memory")["used_memory"])
        started = time.perf_counter()
        chunks = [(first, min(100, self.hosts_n - first)) for first in range(0, self.hosts_n, 100)]
        pool = None
        if processes > 1 and len(chunks) > 1:
            import multiprocessing

            pool = multiprocessing.get_context("fork").Pool(processes)
        run = pool.map if pool else lambda f, tasks: [f(t) for t in tasks]
        try:
            # every site first (the seeds head the queue), then their links
            sites = [site for part in run(_submit_sites, [(url, self.prefix, f, n) for f, n in chunks])
                     for site in part]
            self.job_ids = [job_id for job_id, _ in sites]
            job = self.jobs.get(self.job_ids[0])
            parts = run(_queue_links, [(url, self.prefix, sites[i:i + 100], per_host - 3)
                                       for i in range(0, len(sites), 100)])
        finally:
            if pool:
                pool.close()
                pool.join()
        build_s = time.perf_counter() - started
        self.queue_key = job.queue
        requests = sum(p["requests"] for p in parts)
        queued = self.rq.size(self.queue_key)
        used_after = int(self.client.info("memory")["used_memory"])
        return {
            "queued": queued, "build_s": build_s, "bytes_per_request": (used_after - used_before) / queued,
            "mean_url": sum(p["url_chars"] for p in parts) / requests,
            "mean_payload": sum(p["payload_chars"] for p in parts) / requests, "keys": self.key_usage(queued),
        }

    def window_hosts(self) -> int:
        """The hosts a lease can choose from: the host queues in the ready set."""
        return int(self.client.zcard(self.queue_key))

    def crawl_seeds(self) -> None:
        """Lease and acknowledge every site's seeds, as workers do once they
        have fetched them: the queue's head is then the links pages yield."""
        rq = self.rq
        rq.host_delay, rq.host_concurrency, rq.lease_scan = 0.0, 0, 500
        worker = f"bench:{os.getpid()}:seeds"
        left = 3 * self.hosts_n
        while left > 0:
            leased = rq.lease(self.queue_key, worker, min(500, left))
            if not leased:
                raise BenchError("frontier: the seeds could not be leased")
            acks = []
            for lease in leased:
                meta = json.loads(lease.payload)["meta"]
                if meta.get("role") == "page" and not meta.get("seed"):
                    raise BenchError("frontier: a link was leased before every seed")
                page = meta.get("role") == "page"
                acks.append((lease.rid, "crawled" if page else "aux", page, 1 if page else 0))
            rq.ack_many(worker, acks)
            left -= len(leased)
    def key_usage(self, queued: int) -> dict[str, float]:
        """Bytes per queued request held by each kind of key (MEMORY USAGE;
        SAMPLES 0 counts every element of the big shared keys; per-job keys
        are alike, so a sample of jobs is scaled up to all of them)."""
        from scrapejet.keys import Keys

        keys = Keys(self.prefix)
        out = {
            label: self.client.memory_usage(key, samples=0) or 0
            for label, key in (("frontier: ready set", self.queue_key),
                               ("frontier: delayed set", keys.queue_delayed(self.queue_key)),
                               ("frontier: counts", keys.queue_counts(self.queue_key)))
        }
        sample = self.job_ids[:: max(1, len(self.job_ids) // 200)]
        scale = len(self.job_ids) / len(sample)
        hosts = {job_id: self.client.smembers(keys.job_hosts(job_id)) for job_id in sample}
        for label, name in (("host queues (lists of requests)",
                             lambda j: [keys.host_queue(j, h) for h in hosts.get(j, ())]),
                            ("per-job hosts sets", lambda j: [keys.job_hosts(j)]),
                            ("per-job dupefilter sets", lambda j: [keys.job_seen(j)]),
                            ("job records", lambda j: [keys.job(j)])):
            pipe = self.client.pipeline(transaction=False)
            for job_id in sample:
                for key in name(job_id):
                    pipe.memory_usage(key, samples=0)
            out[label] = sum(v or 0 for v in pipe.execute()) * scale
        return {label: value / queued for label, value in out.items()}

    def leases(self, count: int, *, delay: float, concurrency: int, pace_s: float) -> dict:
        """``count`` leases of 4, each returned at once (so the queue keeps
        its size), one every ``pace_s`` as a worker with free slots asks."""
        rq = self.rq
        rq.host_delay, rq.host_concurrency, rq.lease_scan = delay, concurrency, self.lease_scan
        worker = f"bench:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        times, got = [], []
        for _ in range(count):
            started = time.perf_counter()
            leased = rq.lease(self.queue_key, worker, 4)
            times.append((time.perf_counter() - started) * 1000)
            got.append(len(leased))
            if leased:
                rq.release(worker)
            rest = pace_s - (time.perf_counter() - started)
            if rest > 0:
                time.sleep(rest)
        times.sort()
        return {"p50": times[len(times) // 2], "p95": times[int(len(times) * 0.95) - 1], "max": times[-1],
                "mean_leased": statistics.mean(got), "empty": sum(1 for g in got if g == 0) / len(got)}


def run_frontier(args, workdir: Path) -> dict:
    """The reference queue of 1,000 and the big one, in one fresh redis-server."""
    redis_srv = RedisServer(workdir / "frontier-redis").start()
    try:
        per_host = args.frontier_size // args.frontier_hosts
        results = {}
        for label, size in (("1k", 1000), ("big", args.frontier_size)):
            hosts = max(1, size // per_host)
            frontier = Frontier(redis_srv, hosts * per_host, hosts)
            print(f"  building {hosts * per_host:,} queued requests over {hosts:,} hosts ...", flush=True)
            built = frontier.build(args.build_processes)
            modes, window = {}, {"submitted": frontier.window_hosts()}
            # unbounded first: a polite lease leaves its hosts waiting out their delay
            for mode, delay, conc in (("unbounded", 0.0, 0), ("polite", args.delay, 1)):
                modes[mode] = frontier.leases(args.leases, delay=delay, concurrency=conc, pace_s=args.lease_pace)
            # every host's delay over, so that the seeds are leased, none stepped over
            time.sleep(args.delay + 0.1)
            frontier.crawl_seeds()
            window["crawling"] = frontier.window_hosts()
            modes["polite_crawling"] = frontier.leases(args.leases, delay=args.delay, concurrency=1,
                                                       pace_s=args.lease_pace)
            results[label] = {"size": hosts * per_host, "hosts": hosts, **built, "leases": modes, "window": window}
            b = results[label]
            print(f"  {b['queued']:,} queued in {b['build_s']:.1f} s; {b['bytes_per_request']:.0f} bytes/request; "
                  f"lease p95 {modes['polite']['p95']:.2f} ms polite, {modes['unbounded']['p95']:.2f} ms unbounded",
                  flush=True)
        return results
    finally:
        redis_srv.stop()


# =============================================================================
# Report
# =============================================================================

def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def limit_of(variant: str, sites: int, latency: float, delay: float) -> float:
    """Requests/s that politeness and the variant's download slots allow."""
    slots = CONCURRENCY * (2 if variant == "s2" else 1)
    return min(sites / delay, slots / latency)


def print_crawl_row(rnd: int, r: dict, limit: float) -> None:
    s = r["server"]
    jobs = f"  jobs {_spread(r['finish_jobs'])}" if r["finish_jobs"] else ""
    print(f"{rnd:>5} {'(' + r['variant'] + ')':<6} {r['pages']:>6} {r['seconds']:>8.1f} {r['pps']:>8.1f} "
          f"{r['pps'] / limit:>6.2f} {s['too_close']:>9} {s['over_concurrency']:>9} {s['requests']:>8} "
          f"{s['server_span']:>7.1f}  {_spread(s['finish'])}{jobs}", flush=True)
    k = s["kinds"]
    extra = (f"; the POSTs took {r['submit_s']:.1f} s; {r['redis_per_page']:.0f} Redis commands, "
             f"{r['scripts_per_page']:.1f} scripts per page; "
             f"{r['window_hosts']:.1f} hosts ready to lease (mean while queued)") \
        if "redis_per_page" in r else ""
    pairs = ", ".join(f"{p} {n}" for p, n in list(s["too_close_pairs"].items())[:4])
    print(f"{'':>12} requests: pages {k['page']}, robots.txt {k['robots.txt']}, sitemap.xml {k['sitemap.xml']}, "
          f"repeats {k['repeat']}, other {k['other']}; gap p5 {s['gap_p5'] or 0:.3f} s, "
          f"p50 {s['gap_p50'] or 0:.3f} s; {s['in_flight']:.1f} in flight on average{extra}", flush=True)
    cpu = r["cpu"]
    print(f"{'':>12} CPU: " + ", ".join(f"{name} {value:.1f} s" for name, value in cpu.items())
          + f" (all of it: {sum(cpu.values()) / r['seconds'] / (os.cpu_count() or 1) * 100:.0f}% of "
          f"{os.cpu_count()} cores)", flush=True)
    if pairs:
        print(f"{'':>12} too close: {pairs}", flush=True)
    if r.get("urgent"):
        print(f"{'':>12} {_urgent(r['urgent'])}", flush=True)
    for problem in r["problems"]:
        print(f"{'':>12} PROBLEM: {problem}", flush=True)


def least_time(requests: int, latency: float, delay: float) -> float:
    """The soonest a site of ``requests`` requests can be done, one after the
    other as its politeness allows: the second request leaves the delay
    after the first is answered (one answer earns no credit, see
    ``download/politeness.AnswerTimes``), each later one the delay after the
    one before reached the host; then the last answer."""
    step = latency + delay - min(latency, delay / 2)
    return (latency + delay) + max(requests - 2, 0) * step + latency


def _could_finish_first(u: dict) -> bool:
    return u["least_s"] <= u["first_other_s"]


def _urgent(u: dict) -> str:
    least = f" (its politeness allows no less than {u['least_s']:.1f} s)" if u.get("least_s") else ""
    text = (f"a priority-9 site submitted {u['after_s']:.1f} s in: first page after {u['first_page_s']:.2f} s, "
            f"finished after {u['finished_s']:.1f} s{least}, before {u['finished_before']} of the {u['of']} "
            f"priority-2 sites")
    if not _could_finish_first(u):
        text += (f"; finishing first was not possible: the first of them finished {u['first_other_s']:.1f} s "
                 f"after it was submitted")
    return text


def _urgent_ok(u: dict) -> bool:
    """First page within the target; finished first, or, where its own
    politeness made that impossible, within 10% of its least time."""
    if u["first_page_s"] > TARGETS["urgent_first_s"]:
        return False
    if _could_finish_first(u):
        return u["finished_before"] == u["of"]
    return u["finished_s"] <= 1.1 * u["least_s"]


def report(args, results: list[dict], frontier: dict | None, limit: float) -> None:
    print()
    variants = [v for v in args.variants if any(r["variant"] == v for r in results)]
    if variants:
        med = {v: statistics.median(r["pps"] for r in results if r["variant"] == v) for v in variants}

        def ratio(num: str, den: str) -> tuple[float, list[float]] | None:
            if num not in med or den not in med:
                return None
            per_round = []
            for rnd in range(1, args.rounds + 1):
                a = [r for r in results if r["round"] == rnd and r["variant"] == num]
                b = [r for r in results if r["round"] == rnd and r["variant"] == den]
                if a and b:
                    per_round.append(a[0]["pps"] / b[0]["pps"])
            return statistics.median(per_round), per_round

        print(f"Crawl, medians over {args.rounds} round(s): {args.sites} sites x {args.pages + 1} pages, "
              f"latency {args.latency} s, delay {args.delay} s, limit {limit:.0f} requests/s")
        limits = {v: limit_of(v, args.sites, args.latency, args.delay) for v in variants}
        print(f"| variant | pages/s | x plain Scrapy (a) | share of its limit ({limit:.0f}/s; two workers "
              f"{limit_of('s2', args.sites, args.latency, args.delay):.0f}/s) | "
              f"too close (< {args.close:.2f} s) | over concurrency | site finish min/median/max (s) |")
        print("|---|---|---|---|---|---|---|")
        for v in variants:
            runs = [r for r in results if r["variant"] == v]
            x = ratio(v, "a")
            tc = statistics.median(r["server"]["too_close"] for r in runs)
            oc = statistics.median(r["server"]["over_concurrency"] for r in runs)
            finish = runs[len(runs) // 2]["server"]["finish"]
            print(f"| ({v}) {VARIANTS[v]} | {med[v]:.1f} | {f'{x[0]:.2f}' if x else '-'} | {med[v] / limits[v]:.2f} | "
                  f"{tc:.0f} | {oc:.0f} | {_spread(finish)} |")
        print()
        print("Goals")
        for num, den, target, label in (("s1", "a", TARGETS["s1/a"], "one worker / plain Scrapy"),
                                        ("s2", "s1", TARGETS["s2/s1"], "two workers / one")):
            x = ratio(num, den)
            if x:
                print(f"  {label}: {x[0]:.2f} (rounds {', '.join(f'{y:.2f}' for y in x[1])}); target >= {target}  "
                      f"{verdict(x[0] >= target)}")
        for v in ("s1", "s2"):
            if v in med:
                print(f"  ({v}) share of its limit ({limits[v]:.0f}/s): {med[v] / limits[v]:.2f}; target >= "
                      f"{TARGETS['share']}  {verdict(med[v] / limits[v] >= TARGETS['share'])}")
        for v in ("s1", "s2"):
            for r in (r for r in results if r["variant"] == v and r.get("urgent")):
                print(f"  ({v}) round {r['round']}: {_urgent(r['urgent'])}; target first page <= "
                      f"{TARGETS['urgent_first_s']:.0f} s and finished first (where possible, else within 10% of "
                      f"its least time)  {verdict(_urgent_ok(r['urgent']))}")
        for v in variants:
            runs = [r for r in results if r["variant"] == v]
            worst_tc = max(r["server"]["too_close"] for r in runs)
            worst_oc = max(r["server"]["over_concurrency"] for r in runs)
            goal = f"target 0  {verdict(worst_tc == 0 and worst_oc == 0)}" if v.startswith("s") else "(reference)"
            print(f"  ({v}) politeness at the server: {worst_tc} too close, {worst_oc} over concurrency "
                  f"(worst round; of {runs[0]['server']['requests']} requests); {goal}")
        if "s2" in med:
            limit2 = min(args.sites / args.delay, 2 * CONCURRENCY / args.latency)
            print(f"  note: two workers have {2 * CONCURRENCY} download slots, so their own limit is "
                  f"min({args.sites} / {args.delay}, {2 * CONCURRENCY} / {args.latency}) = {limit2:.0f}/s: with one "
                  f"worker at the share goal ({TARGETS['share'] * limit:.0f}/s), two can be at most "
                  f"{limit2 / (TARGETS['share'] * limit):.2f}x one here")
    if frontier:
        big, small = frontier["big"], frontier["1k"]
        print()
        print(f"Frontier: {big['queued']:,} queued requests over {big['hosts']:,} hosts "
              f"(mean URL {big['mean_url']:.0f} chars, payload {big['mean_payload']:.0f}); "
              f"leases of 4 (lease scan {args.lease_scan}), {args.leases} per figure, "
              f"one every {args.lease_pace * 1000:.0f} ms")
        print("| queue | build | bytes per queued request | lease p50 / p95 unbounded | lease p50 / p95 polite | "
              "polite, sites just submitted: requests per lease (empty), hosts ready to lease | "
              "polite, their first pages crawled: lease p50 / p95, requests per lease (empty), hosts ready to "
              "lease |")
        print("|---|---|---|---|---|---|---|")
        for b in (small, big):
            p, u, c = b["leases"]["polite"], b["leases"]["unbounded"], b["leases"]["polite_crawling"]
            print(f"| {b['queued']:,} over {b['hosts']:,} hosts | {b['build_s']:.1f} s | {b['bytes_per_request']:.0f} | "
                  f"{u['p50']:.2f} / {u['p95']:.2f} ms | {p['p50']:.2f} / {p['p95']:.2f} ms | "
                  f"{p['mean_leased']:.2f} ({p['empty'] * 100:.0f}%), {b['window']['submitted']} | "
                  f"{c['p50']:.2f} / {c['p95']:.2f} ms, {c['mean_leased']:.2f} ({c['empty'] * 100:.0f}%; "
                  f"{c['mean_leased'] / args.lease_pace:.0f} requests/s), "
                  f"{b['window']['crawling']} |")
        print(f"  unbounded: no politeness (every lease gets 4). polite: delay {args.delay} s, one request at a "
              f"time per host; one lease every {args.lease_pace * 1000:.0f} ms can get at most (hosts it sees / "
              f"{args.delay} s) x {args.lease_pace} s requests a lease, however many hosts are queued")
        print(f"  where the bytes are ({big['queued']:,} queue, MEMORY USAGE per queued request):")
        for label, value in big["keys"].items():
            print(f"    {label}: {value:.0f}")
        worst = max(m["p95"] for m in big["leases"].values())
        print(f"  lease p95 at {big['queued']:,}: {worst:.2f} ms (1,000: "
              f"{max(m['p95'] for m in small['leases'].values()):.2f} ms); "
              f"target <= {TARGETS['lease_p95_ms']} ms  {verdict(worst <= TARGETS['lease_p95_ms'])}")
        print(f"  bytes per queued request: {big['bytes_per_request']:.0f}; target <= {TARGETS['bytes']:.0f}  "
              f"{verdict(big['bytes_per_request'] <= TARGETS['bytes'])}")


def run_network_bound(args, redis_srv: RedisServer, workdir: Path) -> dict:
    """(s1) then (s2) on a web where the network is the bound: more hosts
    than one worker's download slots can keep busy (sites / delay above
    16 / latency), so a second worker has hosts to serve and the ratio says
    how the frontier scales, not how many hosts there are."""
    sites, latency, delay = (float(x) for x in args.network_bound.split(","))
    nb = argparse.Namespace(**{**vars(args), "sites": int(sites), "latency": latency, "delay": delay,
                               "close": args.close_factor * delay, "urgent_after": 0.0})
    limit = min(nb.sites / delay, CONCURRENCY / latency)
    print(f"\nWhere the network is the bound: {nb.sites} sites, every answer {latency} s late, {delay} s between "
          f"requests to a host; one worker's limit min({nb.sites} / {delay}, {CONCURRENCY} / {latency}) = "
          f"{limit:.0f}/s, two workers' {min(nb.sites / delay, 2 * CONCURRENCY / latency):.0f}/s")
    web = BroadWebProcess(nb, workdir / "broadweb-network.log").start()
    try:
        web.check()
        runs = {}
        for v in ("s1", "s2"):
            runs[v] = crawl_scrapejet(v, args=nb, web=web, redis_srv=redis_srv, workdir=workdir, tag=f"net-{v}")
            runs[v]["round"] = 1
            print_crawl_row(1, runs[v], limit_of(v, nb.sites, latency, delay))
    finally:
        web.stop()
    return {"runs": runs, "limit": limit, "sites": nb.sites, "latency": latency, "delay": delay}


def report_network_bound(scaling: dict) -> None:
    one, two = (scaling["runs"][v] for v in ("s1", "s2"))
    ratio = two["pps"] / one["pps"]
    worst = max(r["server"]["too_close"] + r["server"]["over_concurrency"] for r in (one, two))
    print(f"\nWhere the network is the bound ({scaling['sites']} sites, {scaling['latency']} s answers, "
          f"{scaling['delay']} s delay)")
    print(f"  one worker {one['pps']:.1f} pages/s ({one['pps'] / scaling['limit']:.2f} of its limit), "
          f"two workers {two['pps']:.1f}")
    print(f"  two workers / one: {ratio:.2f}; target >= {TARGETS['s2/s1']}  "
          f"{verdict(ratio >= TARGETS['s2/s1'])}")
    print(f"  politeness at the server: {worst} too close or over concurrency; target 0  {verdict(worst == 0)}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run-plain"]:
        run_plain(json.loads(argv[1]))
        return 0

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # None: the default, or --quick's smaller size
    parser.add_argument("--sites", type=int, help="sites (default 100; --quick 20)")
    parser.add_argument("--pages", type=int, help="pages per site besides its home (default 20; --quick 10)")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds every answer takes (default 0.1)")
    parser.add_argument("--delay", type=float, default=0.5, help="politeness delay per host, s (default 0.5)")
    parser.add_argument("--close-factor", type=float, default=0.9,
                        help="too close: a request sooner than this x delay after the last (default 0.9)")
    parser.add_argument("--rounds", type=int, help="rounds of the crawl variants (default 2; --quick 1)")
    parser.add_argument("--variants", default="a,af,s1,s2", help="crawl variants, in order (default a,af,s1,s2; "
                                                                 "'' for none)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a crawl may take (default 600)")
    parser.add_argument("--urgent-after", type=float, default=1.0,
                        help="(s variants) seconds into the crawl a priority-9 site is submitted, the others "
                             "being priority 2 (default 1: once they are all submitted and crawling; 0: none)")
    parser.add_argument("--frontier-size", type=int,
                        help="queued requests of the frontier figures (default 1,000,000; --quick 20,000; 0: skip)")
    parser.add_argument("--frontier-hosts", type=int, default=0, help="hosts they go to (default size / 100)")
    parser.add_argument("--leases", type=int, help="leases timed per figure (default 300; --quick 100)")
    parser.add_argument("--lease-pace", type=float, default=0.02,
                        help="seconds between two leases, as a busy worker asks (default 0.02)")
    parser.add_argument("--build-processes", type=int, default=2,
                        help="processes encoding and queueing the frontier's requests (default 2)")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes (20 sites x 10 pages, one round, a 20,000-request frontier): checks it all works")
    parser.add_argument("--network-bound", default="200,0.3,1.0",
                        help="sites,latency,delay of a second crawl where the network, not the hosts' politeness, "
                             "is the bound: (s1) and (s2) once each, for the two-workers ratio (default "
                             "200,0.3,1.0; '' to skip; --quick skips it)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, stats)")
    args = parser.parse_args(argv)
    sizes = {"sites": (100, 20), "pages": (20, 10), "rounds": (2, 1), "frontier_size": (1_000_000, 20_000),
             "leases": (300, 100)}
    for name, (full, quick) in sizes.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    args.variants = [v for v in args.variants.split(",") if v]
    if not set(args.variants) <= set(VARIANTS) or args.sites < 1 or args.pages < 5 or args.rounds < 1:
        parser.error(f"need --variants from {', '.join(VARIANTS)}, --sites >= 1, --pages >= 5, --rounds >= 1")
    if args.frontier_size and not args.frontier_hosts:
        args.frontier_hosts = max(1, args.frontier_size // 100)
    if args.frontier_size and args.frontier_size // args.frontier_hosts < 10:
        parser.error("the frontier needs at least 10 requests per host")
    args.close = args.close_factor * args.delay
    limit = min(args.sites / args.delay, CONCURRENCY / args.latency)

    from scrapejet.settings import SCRAPEJET_LEASE_SCAN

    args.lease_scan = SCRAPEJET_LEASE_SCAN
    workdir = Path(tempfile.mkdtemp(prefix="scrapejet-broad-"))
    t_start = time.monotonic()
    results: list[dict] = []
    frontier = None
    web = redis_srv = None
    try:
        print("ScrapeJET broad crawl (issue 13)")
        print(f"  web: {args.sites} sites x ({args.pages} pages + home), every answer {args.latency} s late "
              f"(bench/broadweb.py, its own process); *.{DOMAIN} resolved to 127.0.0.1 by every crawler")
        print(f"  politeness: 1 request at a time per host, {args.delay} s between requests to a host; "
              f"counted at the server (too close: < {args.close:.2f} s after the previous arrival)")
        print(f"  limit: min({args.sites} hosts / {args.delay} s, {CONCURRENCY} / {args.latency} s) = {limit:.0f} "
              f"requests/s; CPUs {os.cpu_count()}; python {sys.version.split()[0]}; workdir {workdir}")
        for v in args.variants:
            print(f"  ({v}) {VARIANTS[v]}")
        if args.variants:
            web = BroadWebProcess(args, workdir / "broadweb.log").start()
            web.check()
            redis_srv = RedisServer(workdir / "redis").start()
            print()
            print(f"{'round':>5} {'var':<6} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'share':>6} "
                  f"{'too close':>9} {'over conc':>9} {'requests':>8} {'span s':>7}  site finish min/p50/max s")
            for rnd in range(1, args.rounds + 1):
                for v in args.variants:
                    tag = f"r{rnd}-{v}"
                    if v.startswith("s"):
                        r = crawl_scrapejet(v, args=args, web=web, redis_srv=redis_srv, workdir=workdir, tag=tag)
                    else:
                        r = crawl_plain(v, args=args, web=web, workdir=workdir, tag=tag)
                    r["round"] = rnd
                    results.append(r)
                    print_crawl_row(rnd, r, limit_of(v, args.sites, args.latency, args.delay))
        scaling = None
        if args.network_bound and not args.quick and {"s1", "s2"} <= set(args.variants):
            web.stop()
            web = None
            scaling = run_network_bound(args, redis_srv, workdir)
        if args.frontier_size:
            print()
            print("Frontier")
            frontier = run_frontier(args, workdir)
        report(args, results, frontier, limit)
        if scaling:
            report_network_bound(scaling)
        print(f"\nTotal wall time {time.monotonic() - t_start:.0f} s")
        return 1 if any(r["problems"] for r in results) else 0
    except BenchError as exc:
        print(f"\nBENCHMARK ABORTED: {exc}", file=sys.stderr)
        args.keep = True
        return 1
    finally:
        end_run(workdir, args.keep, web, redis_srv)


if __name__ == "__main__":
    sys.exit(main())
