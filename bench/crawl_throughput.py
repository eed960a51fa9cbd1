"""Crawl throughput: one ScrapeJET worker against plain Scrapy and stock scrapy-redis.

    .venv/bin/python bench/crawl_throughput.py [--pages 2000] [--rounds 3] [--variants abcd] [--profile]

A benchmark, not a test. It starts its own redis-server (loopback, temp dir,
no persistence) and serves the fixture web's ``bench.test`` site (``--pages``
pages plus ``/``) from a separate process, then crawls the whole site with
three variants, each in a fresh interpreter, alternating a, b, c every round:

  (a) plain Scrapy: a minimal ``scrapy.Spider``, default in-memory scheduler
      and dupefilter, no item pipelines, Scrapy's default settings;
  (b) stock scrapy-redis 0.9.1: ``RedisSpider`` with scrapy-redis' Scheduler,
      RFPDupeFilter and PriorityQueue (pickle), SCHEDULER_PERSIST=True, the
      start URL pushed into its ``redis_key`` list; it closes when idle with
      its start list and request queue empty (stock RedisSpider never does);
  (c) one ScrapeJET worker: ``scrapy crawl generic -a url=...`` through a
      small runner (project settings: leased Redis queue, job dupefilter,
      SQLite storage and the item pipelines all on), which submits a private
      job and closes when the job is over;
  (d) ScrapeJET as a user runs it: the ``scrapy crawl generic -a url=...``
      command itself, with nothing configured (its own embedded
      redis-server, SQLite under its data dir), timed from start to exit.

Every variant does the same per-page work: ``extract_page()`` on the body,
follow ``links["internal"]``, one item per page; all use CONCURRENT_REQUESTS=16,
ROBOTSTXT_OBEY=True, LOG_LEVEL=WARNING and the same static resolver. So the
differences are scheduling, queueing and storage overhead.

pages/s = expected pages / (spider_closed - first request reaching the
downloader), measured inside the crawler process ((a) to (c)). Wall pages/s =
expected pages / (process start to exit), what a user waits for: start-up
(imports, Redis, storage) and exit included; (d)/(a) of that is the figure a
user feels. Peak RSS is VmHWM of the crawler process at spider_closed ((d):
the process's maximum resident set from wait4). The fixed cost is the whole
process of (a) and (d) crawling ``one.test``, a site of one page, side by side. Each run is verified (every page crawled
exactly as expected; for (c) the pages are in SQLite and the job completed)
and a broken run aborts the benchmark instead of being reported as fast.
Figures are medians over the rounds, reported as ratios measured side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# rss_mb: 120 MB with a margin, so that noise does not flip it; fixed_s: a
# 1-page crawl costs at most a second more than plain Scrapy's.
TARGETS = {"c/a": 0.85, "c/b": 3.0, "d/a wall": 0.85, "rss_mb": 110.0, "fixed_s": 1.0}
VARIANTS = {
    "a": "plain Scrapy (in-memory scheduler)",
    "b": "stock scrapy-redis RedisSpider",
    "c": "ScrapeJET worker (scrapy crawl generic)",
    "d": "ScrapeJET, the scrapy crawl command as is",
}
RUN_TIMEOUT_S = 240
CONCURRENCY = 16


# =============================================================================
# Inside a variant's process
# =============================================================================

def _vmhwm_kb() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class BenchStats:
    """Extension: times the crawl and dumps the stats and peak RSS to a JSON file."""

    def __init__(self, crawler, out: str):
        self.crawler = crawler
        self.out = out
        self.t_first_request: float | None = None
        self.t_last_item: float | None = None
        self.items = 0

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        ext = cls(crawler, os.environ["BENCH_STATS_OUT"])
        crawler.signals.connect(ext.request_reached, signal=signals.request_reached_downloader)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def request_reached(self, request, spider):
        if self.t_first_request is None:
            self.t_first_request = time.perf_counter()
            # set-up (imports, connections) vs growth while crawling
            self.start_hwm_kb = _vmhwm_kb()

    def item_scraped(self, item, response, spider):
        self.items += 1
        self.t_last_item = time.perf_counter()

    def spider_closed(self, spider, reason):
        t_closed = time.perf_counter()
        data = {
            "reason": reason,
            "seconds": t_closed - (self.t_first_request or t_closed),
            "close_lag_s": t_closed - (self.t_last_item or t_closed),
            "items": self.items,
            "unique_pages": len(getattr(spider, "bench_urls", ())),
            "vmhwm_kb": _vmhwm_kb(),
            "start_vmhwm_kb": getattr(self, "start_hwm_kb", 0),
            "job_id": getattr(spider, "job_id", None),
            "stats": self.crawler.stats.get_stats(),
        }
        with open(self.out, "w") as fh:
            json.dump(data, fh, default=str, indent=1)


def _page_work(spider, response):
    """The per-page work of (a) and (b), as ScrapeJET's generic spider does it."""
    import scrapy

    from scrapejet.extract.page import extract_page

    data = extract_page(response.body, response.url, encoding=response.encoding)
    spider.bench_urls.add(response.url)
    yield {"url": response.url, "status": response.status, "depth": response.meta.get("depth", 0), **data}
    for link in data["links"]["internal"]:
        yield scrapy.Request(link, callback=spider.parse)


# With --phases, the log says when the spider opened and closed, to the
# millisecond, on the clock the orchestrator starts and stops processes by.
PHASE_LOG = {"LOG_LEVEL": "INFO", "LOG_FORMAT": "%(created).3f [%(name)s] %(levelname)s: %(message)s"}


def _phases(stderr: str, started: float, ended: float) -> dict[str, float] | None:
    """(start, crawl, exit) seconds of a run logged with PHASE_LOG."""
    stamps = {}
    for line in stderr.splitlines():
        for event in ("Spider opened", "Spider closed"):
            if event in line and event not in stamps:
                stamps[event] = float(line.split(" ", 1)[0])
    if len(stamps) < 2:
        return None
    return {"start": stamps["Spider opened"] - started, "crawl": stamps["Spider closed"] - stamps["Spider opened"],
            "exit": ended - stamps["Spider closed"]}


def _common_settings(cfg: dict) -> dict:
    return {
        "CONCURRENT_REQUESTS": CONCURRENCY,
        "LOG_LEVEL": "WARNING",
        **(PHASE_LOG if cfg.get("phases") else {}),
        "ROBOTSTXT_OBEY": True,
        "TWISTED_DNS_RESOLVER": "scrapejet.download.resolver.StaticHostsResolver",
        "SCRAPEJET_RESOLVE": cfg["resolve"],
        # the bench sites are on loopback
        "SCRAPEJET_ALLOW_PRIVATE": True,
        "EXTENSIONS": {BenchStats: 0},
    }


def plain_spider(name: str):
    """A minimal Scrapy spider doing the per-page work of ScrapeJET's generic
    spider (``_page_work``): the plain Scrapy baseline of every benchmark.
    Built on call, so Scrapy is imported in the crawler process only."""
    import scrapy

    class PlainSpider(scrapy.Spider):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.bench_urls: set[str] = set()

        def parse(self, response):
            yield from _page_work(self, response)

    PlainSpider.name = name
    return PlainSpider


def _run_plain(cfg: dict) -> None:
    from scrapy.crawler import CrawlerProcess

    process = CrawlerProcess(_common_settings(cfg))
    process.crawl(plain_spider("bench_plain"), start_urls=[cfg["url"]])
    process.start()


def _run_scrapy_redis(cfg: dict) -> None:
    from scrapy.crawler import CrawlerProcess
    from scrapy.exceptions import DontCloseSpider
    from scrapy_redis.spiders import RedisSpider

    class StockRedisSpider(RedisSpider):
        name = "bench_redis"  # redis_key: bench_redis:start_urls

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.bench_urls: set[str] = set()

        def parse(self, response):
            yield from _page_work(self, response)

        def spider_idle(self):
            # Stock RedisSpider never closes (DontCloseSpider forever). The
            # engine only signals idle once the scheduler (the request zset)
            # is empty and nothing is downloading or being parsed, so with the
            # start list also empty the crawl is over. No added delay.
            if self.count_size(self.redis_key) > 0 or not self.crawler.stats.get_value("response_received_count"):
                self.schedule_next_requests()
                raise DontCloseSpider
            return

    settings = _common_settings(cfg)
    settings.update({
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "REDIS_URL": cfg["redis_url"],
    })
    process = CrawlerProcess(settings)
    process.crawl(StockRedisSpider)
    process.start()


def _run_scrapejet(cfg: dict) -> None:
    # env (set by the orchestrator): SCRAPY_SETTINGS_MODULE, REDIS_URL,
    # SCRAPEJET_DATA_DIR, SCRAPEJET_KEY_PREFIX, SCRAPEJET_RESOLVE
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    overrides = {
        "CONCURRENT_REQUESTS": CONCURRENCY,
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": True,
        # keep the project's extensions (the Worker), add the stats dump
        "EXTENSIONS": {**settings.getdict("EXTENSIONS"), BenchStats: 0},
    }
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings)
    process.crawl("generic", url=cfg["url"], max_pages=str(cfg["max_pages"]), max_depth="10")
    process.start()


RUNNERS = {"a": _run_plain, "b": _run_scrapy_redis, "c": _run_scrapejet}


def run_variant(cfg: dict) -> None:
    runner = RUNNERS[cfg["variant"]]
    if cfg.get("profile"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        try:
            runner(cfg)
        finally:
            profiler.disable()
            profiler.dump_stats(cfg["profile"])
            with open(cfg["profile"] + ".txt", "w") as fh:
                st = pstats.Stats(profiler, stream=fh)
                st.sort_stats("tottime").print_stats(35)
                st.sort_stats("cumulative").print_stats(60)
    else:
        runner(cfg)


# =============================================================================
# The orchestrator
# =============================================================================

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction",
             "--daemonize", "no", "--logfile", str(self.folder / "redis.log")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        import redis

        self.client = redis.Redis.from_url(self.url, decode_responses=True)
        deadline = time.monotonic() + 15
        while True:
            try:
                if self.client.ping():
                    return self
            except redis.ConnectionError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start (see {self.folder / 'redis.log'})")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class WebServer:
    """tests.fixtureweb in its own process, so it does not share the crawler's GIL."""

    def __init__(self, pages: int, log: Path):
        self.pages = pages
        self.log = log
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> WebServer:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.fixtureweb", "--port", "0", "--bench-pages", str(self.pages)],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=open(self.log, "w"), text=True,
        )
        line = self.proc.stdout.readline()  # "fixture web listening on 127.0.0.1:PORT"
        if "listening on" not in line:
            self.stop()
            raise RuntimeError(f"fixture web did not start: {line!r}; see {self.log}")
        self.port = int(line.strip().rsplit(":", 1)[1])
        # the rest of the banner (a few lines) stays in the pipe; nothing else is printed
        return self

    def url(self, path: str = "/", host: str = "bench.test") -> str:
        return f"http://{host}:{self.port}{path}"

    def check(self) -> None:
        import urllib.request

        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/p/{self.pages - 1}", headers={"Host": f"bench.test:{self.port}"})
        with opener.open(req, timeout=10) as resp:
            if resp.status != 200 or f"Marker bench page {self.pages - 1}.".encode() not in resp.read():
                raise RuntimeError("fixture web does not serve bench.test as expected")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class BenchError(RuntimeError):
    pass


def _wait(proc: subprocess.Popen, timeout: float) -> tuple[int, float]:
    """Wait for ``proc`` like Popen.wait, but with its own peak RSS (KB) from
    wait4, which counts this child alone."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss
        if time.monotonic() > deadline:
            raise subprocess.TimeoutExpired(proc.args, timeout)
        time.sleep(0.005)


def run_one(variant: str, *, web: WebServer, redis_srv: RedisServer, workdir: Path, pages: int,
            tag: str, profile: str | None = None, extra_env: dict | None = None, host: str = "bench.test",
            phases: bool = False) -> dict:
    expected = pages + 1 if host == "bench.test" else 1
    rundir = workdir / tag
    rundir.mkdir(parents=True)
    out = rundir / "stats.json"
    resolve = {host: "127.0.0.1"}
    cfg = {
        "variant": variant, "url": web.url("/", host), "resolve": resolve, "redis_url": redis_srv.url,
        "max_pages": max(5000, 2 * expected), "profile": profile, "phases": phases,
    }
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith("SCRAPEJET_") or k.startswith("SCRAPY_") or k in ("REDIS_URL", "DATABASE_URL"))}
    env["BENCH_STATS_OUT"] = str(out)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    prefix = f"bench{uuid.uuid4().hex[:8]}:"
    if variant in ("c", "d"):
        env.update({
            "SCRAPEJET_DATA_DIR": str(rundir / "data"),
            "SCRAPEJET_RESOLVE": json.dumps(resolve),
            "SCRAPEJET_ALLOW_PRIVATE": "1",  # the bench sites are on loopback
            # This bench measures the queue/storage crawl path; embeddings
            # have their own (bench/embeddings.py, which sets extra_env).
            "SCRAPEJET_EMBEDDINGS": "off",
            **(extra_env or {}),
        })
    if variant == "c":
        env.update({
            "SCRAPY_SETTINGS_MODULE": "scrapejet.settings",
            "REDIS_URL": redis_srv.url,
            "SCRAPEJET_KEY_PREFIX": prefix,
        })
    # every run starts from an empty Redis (stock scrapy-redis' keys are per
    # spider name and persisted), with fresh command counters
    redis_srv.client.flushall()
    if variant == "b":
        # what a scrapy-redis user does to start a crawl: push the start URL
        # (JSON, the non-deprecated format) into the spider's redis_key list
        redis_srv.client.lpush("bench_redis:start_urls", json.dumps({"url": cfg["url"]}))
    redis_srv.client.config_resetstat()

    if variant == "d":
        # the command a user types, from the checkout, nothing configured
        command = [str(Path(sys.executable).parent / "scrapy"), "crawl", "generic", "-a", f"url={cfg['url']}",
                   "-a", f"max_pages={cfg['max_pages']}", "-a", "max_depth=10",
                   "-s", "LOG_LEVEL=WARNING", "-s", f"CONCURRENT_REQUESTS={CONCURRENCY}"]
        if phases:
            command += [arg for name, value in PHASE_LOG.items() for arg in ("-s", f"{name}={value}")]
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "--run-variant", json.dumps(cfg)]
    stderr_path = rundir / "stderr.log"
    with open(stderr_path, "w") as err:
        started, started_epoch = time.perf_counter(), time.time()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=err, stderr=err)
        try:
            rc, maxrss_kb = _wait(proc, RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise BenchError(f"{tag}: no result after {RUN_TIMEOUT_S}s (killed); see {stderr_path}")
        wall = time.perf_counter() - started
    log = stderr_path.read_text(errors="replace")
    tail = log[-3000:]
    if variant == "d":
        if rc != 0:
            raise BenchError(f"{tag}: exit code {rc}\n{tail}")
        data = {"reason": "completed", "seconds": wall, "close_lag_s": 0.0, "items": expected,
                "vmhwm_kb": maxrss_kb, "stats": {}}
    else:
        if rc != 0 or not out.exists():
            raise BenchError(f"{tag}: exit code {rc}, no stats\n{tail}")
        data = json.loads(out.read_text())
    redis_cmds = int(redis_srv.client.info("stats").get("total_commands_processed", 0))
    commandstats = {
        name.removeprefix("cmdstat_"): int(v["calls"])
        for name, v in redis_srv.client.info("commandstats").items()
    }
    stats = data["stats"]

    problems = []
    # ScrapeJET closes a finished job's spider with the job status as reason
    if data["reason"] != ("completed" if variant in ("c", "d") else "finished"):
        problems.append(f"closed with reason {data['reason']!r}")
    if stats.get("log_count/ERROR"):
        problems.append(f"{stats['log_count/ERROR']} errors logged")
    if variant in ("a", "b"):
        if data["unique_pages"] != expected:
            problems.append(f"{data['unique_pages']} distinct pages crawled, expected {expected}")
        if data["items"] < expected:
            problems.append(f"{data['items']} items, expected {expected}")
    else:
        db = rundir / "data" / "scrapejet.db"
        if not db.exists():
            problems.append(f"no SQLite database at {db}")
        else:
            con = sqlite3.connect(db)
            try:
                stored, distinct = con.execute("SELECT count(*), count(DISTINCT canonical_url) FROM pages").fetchone()
                jobs = con.execute("SELECT job_id, status, crawled FROM jobs").fetchall()
            finally:
                con.close()
            if stored != expected or distinct != expected:
                problems.append(f"{stored} pages stored ({distinct} distinct), expected {expected}")
            if len(jobs) != 1 or jobs[0][1] != "completed" or jobs[0][2] != expected:
                problems.append(f"job record not completed with {expected} pages: {jobs}")
            data["stored"] = stored
        if data["items"] != expected:
            problems.append(f"{data['items']} items scraped, expected {expected}")
        if variant == "d" and (rundir / "data" / "redis" / "redis.sock").exists():
            problems.append("the embedded redis-server outlived the command")
    if problems:
        raise BenchError(f"{tag}: broken crawl: " + "; ".join(problems) + f"\n{tail}")

    return {
        "variant": variant,
        "pages": expected,
        "seconds": data["seconds"],
        "pps": expected / data["seconds"],
        "wall_s": wall,
        "wall_pps": expected / wall,
        "rss_mb": data["vmhwm_kb"] / 1024,
        "close_lag_s": data["close_lag_s"],
        "responses": stats.get("response_received_count", 0),
        "items": data["items"],
        "redis_cmds": redis_cmds if variant != "d" else 0,
        "commandstats": commandstats if variant != "d" else {},
        "phases": _phases(log, started_epoch, started_epoch + wall) if phases else None,
    }


def _fmt_ratio(value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "PASS" if ok else "MISS"


def _median_ratio(results: list[dict], rounds: int, num: str, den: str, key: str) -> tuple[float, list[float]]:
    per_round = []
    for rnd in range(1, rounds + 1):
        rn = next(r for r in results if r["round"] == rnd and r["variant"] == num)
        rd = next(r for r in results if r["round"] == rnd and r["variant"] == den)
        per_round.append(rn[key] / rd[key])
    return statistics.median(per_round), per_round


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run-variant"]:
        run_variant(json.loads(argv[1]))
        return 0

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of bench.test besides / (default 2000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the variants (default 3)")
    parser.add_argument("--variants", default="abcd", help="variants to run, in order (default abcd)")
    parser.add_argument("--fixed-rounds", type=int, default=5,
                        help="rounds of the 1-page crawl of (a) and (d) for the fixed cost (default 5; 0: none)")
    parser.add_argument("--profile", action="store_true",
                        help="after the rounds, run (c) once more under cProfile and print its top costs")
    parser.add_argument("--commandstats", action="store_true",
                        help="print each run's Redis commands per page (by command)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, stats, SQLite files)")
    args = parser.parse_args(argv)
    if args.pages < 11 or args.rounds < 1 or not set(args.variants) <= set("abcd") or args.fixed_rounds < 0:
        parser.error("need --pages >= 11, --rounds >= 1, --variants from a, b, c, d, --fixed-rounds >= 0")

    workdir = Path(tempfile.mkdtemp(prefix="scrapejet-bench-"))
    redis_srv = RedisServer(workdir / "redis")
    web = WebServer(args.pages, workdir / "fixtureweb.log")
    results: list[dict] = []
    t0 = time.monotonic()
    try:
        redis_srv.start()
        web.start()
        web.check()
        print("ScrapeJET crawl throughput")
        print(f"  site: bench.test, {args.pages + 1} pages (fixture web in its own process, port {web.port})")
        print(f"  redis: private redis-server on 127.0.0.1:{redis_srv.port}, no persistence (b, c); "
              "(d) starts its own")
        print(f"  CPUs: {os.cpu_count()}; python {sys.version.split()[0]}; workdir {workdir}")
        print("  Same per-page work in every variant: extract_page() on the body, follow")
        print("  links['internal'], one item per page; CONCURRENT_REQUESTS=16, ROBOTSTXT_OBEY=True,")
        print("  LOG_LEVEL=WARNING, same static resolver. Differences = scheduling/queueing/storage.")
        for v in args.variants:
            print(f"  ({v}) {VARIANTS[v]}")
        print(f"  pages/s = {args.pages + 1} / (spider_closed - first request at the downloader); "
              f"wall = process start to exit; RSS = peak of the crawler process")
        print()
        print(f"{'round':>5} {'variant':<8} {'seconds':>8} {'pages/s':>8} {'wall s':>7} {'wall p/s':>8} "
              f"{'RSS MB':>7} {'close lag':>9} {'redis cmds/page':>15}")
        for rnd in range(1, args.rounds + 1):
            for v in args.variants:
                r = run_one(v, web=web, redis_srv=redis_srv, workdir=workdir, pages=args.pages, tag=f"r{rnd}{v}")
                r["round"] = rnd
                results.append(r)
                inside = f"{r['seconds']:>8.2f} {r['pps']:>8.1f}" if v != "d" else f"{'-':>8} {'-':>8}"
                print(f"{rnd:>5} {'(' + v + ')':<8} {inside} {r['wall_s']:>7.2f} {r['wall_pps']:>8.1f} "
                      f"{r['rss_mb']:>7.1f} {r['close_lag_s']:>8.2f}s {r['redis_cmds'] / r['pages']:>15.1f}",
                      flush=True)
                if args.commandstats and r["commandstats"]:
                    top = sorted(r["commandstats"].items(), key=lambda kv: -kv[1])
                    print("        redis/page: " + ", ".join(f"{k} {n / r['pages']:.2f}" for k, n in top[:10]))

        fixed: dict[str, list[float]] = {}
        if args.fixed_rounds and {"a", "d"} <= set(args.variants):
            print()
            print("Fixed cost: the whole process crawling one.test (1 page); start = to spider opened,")
            print("crawl = spider opened to closed (robots.txt, the page, its sitemap), exit = closed to exit")
            phases: dict[str, list[dict]] = {}
            for rnd in range(1, args.fixed_rounds + 1):
                for v in "ad":
                    r = run_one(v, web=web, redis_srv=redis_srv, workdir=workdir, pages=args.pages,
                                tag=f"one{rnd}{v}", host="one.test", phases=True)
                    fixed.setdefault(v, []).append(r["wall_s"])
                    phases.setdefault(v, []).append(r["phases"])
                print(f"  round {rnd}: " + "   ".join(
                    f"({v}) {fixed[v][-1]:.2f} s = start {phases[v][-1]['start']:.2f} + crawl "
                    f"{phases[v][-1]['crawl']:.2f} + exit {phases[v][-1]['exit']:.2f}" for v in "ad"), flush=True)

        med = {}
        print()
        print("Medians")
        for v in args.variants:
            runs = [r for r in results if r["variant"] == v]
            med[v] = {
                "pps": statistics.median(r["pps"] for r in runs),
                "wall_pps": statistics.median(r["wall_pps"] for r in runs),
                "rss_mb": statistics.median(r["rss_mb"] for r in runs),
                "peak_rss_mb": max(r["rss_mb"] for r in runs),
            }
            inside = f"{med[v]['pps']:>7.1f} pages/s inside" if v != "d" else f"{'':>21}"
            print(f"  ({v}) {VARIANTS[v]:<42} {inside}   {med[v]['wall_pps']:>6.1f} pages/s wall   "
                  f"RSS median {med[v]['rss_mb']:.1f} MB (max {med[v]['peak_rss_mb']:.1f})")
        print()
        print("Ratios (per round, then median of the per-round ratios; target)")
        for num, den, key, label in (("c", "a", "pps", "c/a"), ("c", "b", "pps", "c/b"),
                                     ("d", "a", "wall_pps", "d/a wall")):
            if num not in med or den not in med:
                continue
            ratio, per_round = _median_ratio(results, args.rounds, num, den, key)
            what = "whole process, start to exit" if key == "wall_pps" else "inside the process"
            print(f"  ({num})/({den}) = {ratio:.2f}  [{what}; rounds: {', '.join(f'{x:.2f}' for x in per_round)}]  "
                  f"target >= {TARGETS[label]:.2f}  {_fmt_ratio(ratio, TARGETS[label])}")
        if "c" in med:
            ratio, _ = _median_ratio(results, args.rounds, "c", "a", "wall_pps") if "a" in med else (None, [])
            if ratio is not None:
                print(f"  (c)/(a) whole process = {ratio:.2f}  (the worker runner, against the bench's Redis)")
        for v in ("c", "d"):
            if v in med:
                rss = med[v]["peak_rss_mb"]
                print(f"  ({v}) peak RSS = {rss:.1f} MB (max over rounds; median {med[v]['rss_mb']:.1f}; "
                      f"(a) {med['a']['rss_mb']:.1f} MB)" if "a" in med else f"  ({v}) peak RSS = {rss:.1f} MB",
                      f" target <= {TARGETS['rss_mb']:.0f} MB  {_fmt_ratio(rss, TARGETS['rss_mb'], False)}")
        if fixed:
            fa, fd = statistics.median(fixed["a"]), statistics.median(fixed["d"])
            print(f"  fixed cost of a 1-page crawl: (a) {fa:.2f} s, (d) {fd:.2f} s: (d) - (a) = {fd - fa:+.2f} s  "
                  f"target <= +{TARGETS['fixed_s']:.1f} s  {_fmt_ratio(fd - fa, TARGETS['fixed_s'], False)}")
            for v in "ad":
                print(f"    ({v}) medians: " + ", ".join(
                    f"{name} {statistics.median(p[name] for p in phases[v] if p):.2f} s"
                    for name in ("start", "crawl", "exit")))
        print(f"\nTotal wall time {time.monotonic() - t0:.0f}s")

        if args.profile:
            prof = workdir / "c.prof"
            r = run_one("c", web=web, redis_srv=redis_srv, workdir=workdir, pages=args.pages,
                        tag="profile-c", profile=str(prof))
            print(f"\ncProfile of one (c) run ({r['pps']:.1f} pages/s under the profiler): {prof}")
            print(Path(str(prof) + ".txt").read_text())
        return 0
    except BenchError as exc:
        print(f"\nBENCHMARK ABORTED: {exc}", file=sys.stderr)
        args.keep = True
        return 1
    finally:
        end_run(workdir, args.keep, web, redis_srv)


def end_run(workdir: Path, keep: bool, *started) -> None:
    """Stop what a benchmark started (None: never started) and remove its
    working folder, unless asked to keep it (its logs and stats)."""
    for part in started:
        if part is not None:
            part.stop()
    if keep:
        print(f"(kept {workdir})", file=sys.stderr)
    else:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
