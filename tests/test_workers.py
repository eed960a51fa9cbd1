"""Several real worker processes sharing one queue: crashes, cancel, priority,
graceful shutdown, per-job dedup."""

from __future__ import annotations

import os
import signal
import time

from tests.conftest import wait_for

SLOW = {"SCRAPEJET_HEARTBEAT_S": "0.5", "CONCURRENT_REQUESTS": "4"}


def scrapy_settings(**kw) -> list[str]:
    args: list[str] = []
    for key, value in kw.items():
        args += ["-s", f"{key}={value}"]
    return args


def leases_of(jobs, pid: int) -> int:
    """Requests currently leased to the worker process ``pid``."""
    for worker_id in jobs.server.zrange(jobs.keys.workers, 0, -1):
        if worker_id.split(":")[1] == str(pid):
            return jobs.server.scard(jobs.keys.worker_leases(worker_id))
    return 0


def progress(jobs, job_id):
    return jobs.get(job_id)


def test_kill_9_worker_mid_crawl_loses_nothing(env, web, workers):
    jobs = env.jobs()
    bench = web.url("bench.test")
    job = jobs.submit("crawl", {"url": bench, "max_pages": 1000, "max_depth": 10})
    settings = scrapy_settings(CONCURRENT_REQUESTS=4, DOWNLOAD_DELAY=0.02)
    victim = env.worker(*settings)
    survivor = env.worker(*settings)
    workers += [victim, survivor]
    # kill it while it is mid-crawl: pages done and requests leased to it
    wait_for(lambda: progress(jobs, job.job_id).counters["crawled"] >= 40 and leases_of(jobs, victim.pid) > 0,
             90, 0.02, what="the victim crawling")
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait(10)
    done = wait_for(lambda: (j := progress(jobs, job.job_id)).done and j, 180, 0.5, what="job completion")
    assert done.status == "completed"
    expected = web.bench_pages + 1  # every /p/i and the home page
    storage = env.storage()
    assert storage.count_pages(job.job_id) == expected
    pages = list(storage.iter_pages(job.job_id))
    assert len({p["url"] for p in pages}) == expected
    assert done.counters["crawled"] == expected
    assert done.counters["requeued"] > 0, "the killed worker held no lease: the test proved nothing"
    assert storage.list_failures(job.job_id) == []


def test_cancel_stops_every_worker(env, web, workers):
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": web.url("bench.test"), "max_pages": 1000, "max_depth": 10})
    settings = scrapy_settings(CONCURRENT_REQUESTS=2, DOWNLOAD_DELAY=0.1)
    workers += [env.worker(*settings), env.worker(*settings)]
    wait_for(lambda: progress(jobs, job.job_id).counters["crawled"] >= 10, 90, what="10 pages")
    cancelled = jobs.cancel(job.job_id)
    assert cancelled.status == "cancelled" and cancelled.state == "REVOKED"
    time.sleep(2)  # in-flight requests finish, nothing new starts
    fetched = web.hits("bench.test")
    time.sleep(2)
    assert web.hits("bench.test") == fetched, "workers went on crawling a cancelled job"
    job = jobs.get(job.job_id)
    assert job.status == "cancelled" and job.counters["queued"] == 0
    assert env.storage().count_pages(job.job_id) < web.bench_pages


def test_urgent_job_overtakes_running_job(env, web, workers):
    jobs = env.jobs()
    slow = jobs.submit("crawl", {"url": web.url("bench.test"), "max_pages": 80, "max_depth": 10, "priority": 2})
    workers.append(env.worker(*scrapy_settings(CONCURRENT_REQUESTS=1, DOWNLOAD_DELAY=0.05)))
    wait_for(lambda: progress(jobs, slow.job_id).counters["crawled"] >= 5, 60, what="slow job running")
    urgent = jobs.submit("crawl", {"url": web.url("shop.test"), "priority": 9})
    done = wait_for(lambda: (j := progress(jobs, urgent.job_id)).done and j, 90, 0.2, what="urgent job")
    assert done.status == "completed" and done.counters["crawled"] == 18
    running = progress(jobs, slow.job_id)
    assert running.status == "running" and running.counters["crawled"] < 80
    finished = wait_for(lambda: (j := progress(jobs, slow.job_id)).done and j, 120, 0.5, what="slow job")
    assert finished.counters["crawled"] == 80 and finished.finished_at > done.finished_at


def test_same_url_in_two_jobs_is_crawled_by_each(env, web, workers):
    jobs = env.jobs()
    first = jobs.submit("crawl", {"url": web.url("shop.test")})
    second = jobs.submit("crawl", {"url": web.url("shop.test")})
    workers.append(env.worker())
    for job in (first, second):
        done = wait_for(lambda: (j := progress(jobs, job.job_id)).done and j, 60, 0.2, what="job")
        assert done.counters["crawled"] == 18
        assert env.storage().count_pages(job.job_id) == 18


def test_graceful_shutdown_returns_leases_and_another_worker_finishes(env, web, workers):
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": web.url("bench.test"), "max_pages": 120, "max_depth": 10})
    first = env.worker(*scrapy_settings(CONCURRENT_REQUESTS=4, DOWNLOAD_DELAY=0.05))
    workers.append(first)
    wait_for(lambda: progress(jobs, job.job_id).counters["crawled"] >= 10, 60, what="10 pages")
    first.send_signal(signal.SIGTERM)
    assert first.wait(30) == 0
    stopped = progress(jobs, job.job_id)
    assert stopped.counters["in_flight"] == 0, "a stopped worker kept leases"
    assert not stopped.done
    assert env.jobs().server.zcard(env.jobs().keys.workers) == 0
    workers.append(env.worker())
    done = wait_for(lambda: (j := progress(jobs, job.job_id)).done and j, 120, 0.5, what="job completion")
    assert done.status == "completed" and done.counters["crawled"] == 120
    assert env.storage().count_pages(job.job_id) == 120


def test_idle_worker_closes_after_worker_idle_s(env, workers):
    worker = env.worker(env={"SCRAPEJET_WORKER_IDLE_S": "1"})
    workers.append(worker)
    assert worker.wait(30) == 0
    jobs = env.jobs()
    assert jobs.server.zcard(jobs.keys.workers) == 0, "a closed worker is still listed as alive"
