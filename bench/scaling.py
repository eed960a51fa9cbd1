"""Scaling: pages/s of one job served by 1, 2 and 3 workers.

    .venv/bin/python bench/scaling.py [--pages 1500] [--rounds 2] [--workers 1,2,3]

A benchmark, not a test. It starts its own redis-server and the fixture web
(bench.test, ``--pages`` pages) in their own processes, like
bench/crawl_throughput.py, then for each worker count (alternating, every
round) submits one shared crawl job of the whole site and starts that many
queue-serving ``scrapy crawl generic`` workers (real processes, SQLite
storage, embeddings off: this measures the queue). pages/s = pages /
(job finished_at - job started_at), from the job record. It also reports
Redis commands per crawled page (INFO commandstats, reset before each run).

The target (2-worker / 1-worker >= 1.7) assumes the server and Redis are
not the bottleneck: on a 2-core machine the fixture server, Redis and two
workers share two cores, so the ratio measured here is a floor; the script
prints the machine's core count next to it.
"""

from __future__ import annotations

import argparse
import json
import os
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

from bench.crawl_throughput import RedisServer, WebServer  # noqa: E402

TARGET = 1.7


def run(workers: int, *, web: WebServer, redis_srv: RedisServer, workdir: Path, pages: int) -> dict:
    from scrapy.settings import Settings

    import scrapejet.settings as project_settings
    from scrapejet.jobs import Jobs

    prefix = f"scale{uuid.uuid4().hex[:8]}:"
    data = workdir / f"w{workers}-{prefix[:-1]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPEJET_", "SCRAPY_", "REDIS_URL", "DATABASE_URL"))}
    env.update({
        "SCRAPY_SETTINGS_MODULE": "scrapejet.settings", "REDIS_URL": redis_srv.url, "SCRAPEJET_DATA_DIR": str(data),
        "SCRAPEJET_KEY_PREFIX": prefix, "SCRAPEJET_RESOLVE": json.dumps({"bench.test": "127.0.0.1"}),
        "SCRAPEJET_ALLOW_PRIVATE": "1",  # the bench site is on loopback
        "SCRAPEJET_EMBEDDINGS": "off", "SCRAPEJET_IDLE_POLL_S": "0.1", "PYTHONPATH": str(ROOT),
        # the fixture site is ours: no global per-host bound, so workers can add up
        "SCRAPEJET_DOMAIN_CONCURRENCY": "0",
    })
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.set("REDIS_URL", redis_srv.url)
    settings.set("SCRAPEJET_KEY_PREFIX", prefix)
    settings.set("SCRAPEJET_DATA_DIR", str(data))
    jobs = Jobs.from_settings(settings)
    procs = [
        subprocess.Popen([str(Path(sys.executable).with_name("scrapy")), "crawl", "generic", "-s", "LOG_LEVEL=WARNING"],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(workdir / f"{prefix[:-1]}-{i}.log", "w"))
        for i in range(workers)
    ]
    try:
        # every worker up (heart-beating) before the job exists, so all start together
        deadline = time.monotonic() + 60
        while redis_srv.client.zcard(f"{prefix}workers") < workers:
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                tail = "\n".join((workdir / f"{prefix[:-1]}-{i}.log").read_text(errors="replace")[-1500:]
                                 for i, p in enumerate(procs) if p.poll() is not None) or "(all running; no heartbeat)"
                raise RuntimeError(f"workers did not start:\n{tail}")
            time.sleep(0.1)
        redis_srv.client.config_resetstat()
        job = jobs.submit("crawl", {"url": web.url("/"), "max_pages": pages + 1, "max_depth": 50})
        deadline = time.monotonic() + 600
        while not (done := jobs.get(job.job_id)).done:
            if time.monotonic() > deadline:
                raise RuntimeError("the job did not finish")
            time.sleep(0.2)
        stats = redis_srv.client.info("stats")
        crawled = done.counters["crawled"]
        if done.status != "completed" or crawled != pages + 1:
            raise RuntimeError(f"{workers} worker(s): job {done.status} with {crawled} pages")
        seconds = done.finished_at - done.started_at
        return {"workers": workers, "pages": crawled, "seconds": seconds, "pages_s": crawled / seconds,
                "redis_per_page": int(stats["total_commands_processed"]) / crawled}
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", default="1,2,3")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="scrapejet-scaling-") as tmp:
        workdir = Path(tmp)
        redis_srv = RedisServer(workdir / "redis").start()
        web = WebServer(args.pages, workdir / "web.log").start()
        try:
            web.check()
            results: dict[int, list[dict]] = {n: [] for n in counts}
            for round_no in range(1, args.rounds + 1):
                for n in counts:
                    r = run(n, web=web, redis_srv=redis_srv, workdir=workdir, pages=args.pages)
                    results[n].append(r)
                    print(f"round {round_no}  {n} worker(s)  {r['pages']} pages  {r['seconds']:.1f} s  "
                          f"{r['pages_s']:.1f} pages/s  {r['redis_per_page']:.1f} Redis cmds/page", flush=True)
        finally:
            web.stop()
            redis_srv.stop()
    print(f"\nMedians over {args.rounds} round(s), one job of {args.pages + 1} pages, {os.cpu_count()} CPU core(s):")
    med = {n: statistics.median(r["pages_s"] for r in results[n]) for n in counts}
    for n in counts:
        cmds = statistics.median(r["redis_per_page"] for r in results[n])
        print(f"  {n} worker(s): {med[n]:.1f} pages/s, {cmds:.1f} Redis commands per page")
    if 1 in med and 2 in med:
        per_round = [b["pages_s"] / a["pages_s"] for a, b in zip(results[1], results[2])]
        ratio = statistics.median(per_round)
        verdict = "PASS" if ratio >= TARGET else "MISS"
        print(f"  2 workers / 1 worker = {ratio:.2f} [rounds: {', '.join(f'{x:.2f}' for x in per_round)}]  "
              f"target >= {TARGET} where the server is not the bottleneck  {verdict}")
    if 1 in med and 3 in med:
        print(f"  3 workers / 1 worker = {med[3] / med[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
