"""Operator commands: `scrapejet status`, `workers`, `clear-jobs`, `worker`,
run as processes against real Redis."""

from __future__ import annotations

import json

from tests.conftest import wait_for


def test_clear_jobs_drops_only_requests_of_jobs_that_are_over(env, web):
    jobs = env.jobs()
    live = jobs.submit("crawl", {"url": web.url("shop.test"), "priority": 3})
    gone = jobs.submit("crawl", {"url": web.url("robots.test"), "priority": 8})
    # its record expired (or Redis lost it) while its requests still wait
    jobs.server.delete(jobs.keys.job(gone.job_id))
    queue = jobs.keys.spider_queue("generic")
    assert jobs.queue.size(queue) == 6 and jobs.server.zcard(queue) == 2  # two host queues of 3

    dry = env.scrapejet("clear-jobs")
    assert dry.returncode == 1 and "would drop 3 queued" in dry.stdout and "--yes" in dry.stdout
    assert jobs.queue.size(queue) == 6, "without --yes nothing is dropped"

    done = env.scrapejet("clear-jobs", "--yes")
    assert done.returncode == 0 and "dropped 3 queued" in done.stdout, done.stdout + done.stderr
    assert jobs.server.zrange(queue, 0, -1) == [f"{live.job_id}|shop.test"]
    assert not jobs.server.exists(jobs.keys.host_queue(gone.job_id, "robots.test"))
    assert jobs.server.llen(jobs.keys.host_queue(live.job_id, "shop.test")) == 3
    assert jobs.get(live.job_id).counters["queued"] == 3 and jobs.queue.size(queue) == 3
    assert json.loads(env.scrapejet("status", "--json").stdout)["queues"]["generic"] == {
        "length": 3, "by_priority": {"3": 3}}


def test_status_and_workers(env, web, workers):
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": web.url("shop.test"), "priority": 9})
    status = json.loads(env.scrapejet("status", "--json").stdout)
    assert status["queues"]["generic"] == {"length": 3, "by_priority": {"9": 3}}
    assert [j["job_id"] for j in status["active_jobs"]] == [job.job_id] and status["jobs"] == {"pending": 1}
    assert status["workers"] == []
    table = env.scrapejet("status")
    assert table.returncode == 0 and job.job_id in table.stdout and "p9: 3" in table.stdout

    workers.append(env.worker())
    wait_for(lambda: jobs.get(job.job_id).done, 60, 0.2, what="the job")
    listed = wait_for(lambda: json.loads(env.scrapejet("workers", "--json").stdout), 30, what="a worker")
    assert len(listed) == 1 and listed[0]["alive"] and listed[0]["spider"] == "generic"
    assert listed[0]["pid"] == workers[0].pid
    table = env.scrapejet("workers").stdout  # piped: one tab-separated line per worker
    assert listed[0]["id"] in table and "generic" in table


def test_worker_command_serves_one_spider(env, web, workers):
    import subprocess

    from tests.conftest import BIN, ROOT

    jobs = env.jobs()
    job = jobs.submit("backlinks", {"target": "target.test", "seeds": [web.url("blog-b.test", "/review.html")],
                                    "max_depth": 0})
    proc = subprocess.Popen([str(BIN / "scrapejet"), "worker", "--spider", "backlink", "--log-level", "WARNING"],
                            cwd=ROOT, env=env.environ(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers.append(proc)
    done = wait_for(lambda: (j := jobs.get(job.job_id)).done and j, 60, 0.2, what="the backlinks job")
    assert done.status == "completed" and (done.counters["crawled"], done.counters["items"]) == (1, 1)
    listed = json.loads(env.scrapejet("workers", "--json").stdout)
    assert [w["spider"] for w in listed] == ["backlink"]


def test_worker_command_serves_the_shared_queue(env, web, workers):
    import subprocess

    from tests.conftest import BIN, ROOT

    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": web.url("sitemaps.test")})
    proc = subprocess.Popen([str(BIN / "scrapejet"), "worker", "--log-level", "WARNING"], cwd=ROOT,
                            env=env.environ(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers.append(proc)
    business = jobs.submit("business", {"url": web.url("hidden-legal.test")})
    done = wait_for(lambda: (j := jobs.get(job.job_id)).done and j, 60, 0.2, what="the job")
    assert done.status == "completed" and done.counters["crawled"] == 4
    # the same process serves the business spider's queue too, and stores the profile
    done = wait_for(lambda: (j := jobs.get(business.job_id)).done and j, 60, 0.2, what="the business job")
    assert done.status == "completed" and done.counters["crawled"] == 5
    profile = wait_for(lambda: env.storage().get_profile(business.job_id), 10, 0.2, what="the profile")
    assert profile["site"] == "hidden-legal.test" and profile["pages"]["legal"].endswith("/impressum")
