"""A Redis outage mid-crawl: a real redis-server (AOF on) stopped and
started again under a running worker. The job waits out the outage and
completes soon after, every page stored once, nothing counted skipped."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time

import pytest
import redis

from tests.conftest import free_port, wait_for

OUTAGE_S = 5


class AofRedis:
    """One redis-server of this test's own, its data in an append-only file
    written at every change (what survives a kill -9)."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> AofRedis:
        self.proc = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--maxmemory-policy", "noeviction"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)

        def up():
            try:
                return client.ping()
            except redis.RedisError:  # refused, or still loading the AOF
                return False

        wait_for(up, 30, 0.05, what="redis-server")
        return self

    def stop(self, sig: int) -> None:
        self.proc.send_signal(sig)
        self.proc.wait(15)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_a_redis_outage_delays_the_job_by_about_its_length(env, web, workers, tmp_path, sig):
    server = AofRedis(tmp_path).start()
    try:
        env.vars["REDIS_URL"] = server.url
        jobs = env.jobs()
        job = jobs.submit("crawl", {"url": web.url("bench.test"), "max_pages": 1000, "max_depth": 10})
        workers.append(env.worker("-s", "CONCURRENT_REQUESTS=2", "-s", "DOWNLOAD_DELAY=0.02"))
        wait_for(lambda: jobs.get(job.job_id).counters["crawled"] >= 30, 90, 0.05, what="the crawl under way")
        server.stop(sig)
        stopped = time.time()
        time.sleep(OUTAGE_S)
        server.start()
        back = time.time()
        jobs = env.jobs()  # a fresh connection pool: the old one saw the server go
        done = wait_for(lambda: (j := jobs.get(job.job_id)).done and j, 120, 0.2, what="the job after the outage")
        expected = web.bench_pages + 1
        assert done.status == "completed", done.counters
        assert done.counters["crawled"] == expected and done.counters["skipped"] == 0, done.counters
        assert done.finished_at - back < 30, f"completed {done.finished_at - back:.0f} s after Redis came back"
        storage = env.storage()
        urls = [p["url"] for p in storage.iter_pages(job.job_id)]
        assert len(urls) == len(set(urls)) == expected
        assert storage.list_failures(job.job_id) == []
        assert back - stopped >= OUTAGE_S
    finally:
        if server.proc and server.proc.poll() is None:
            server.stop(signal.SIGTERM)


def test_a_lease_whose_reply_was_lost_is_returned_by_its_worker(env, web, workers):
    """Redis carried out a lease for a worker but the reply never reached it
    (a connection dropped at the wrong moment): the worker finds the lease it
    does not know of and returns it, rather than the job waiting for the
    lease's deadline (15 min)."""
    jobs = env.jobs()
    worker = env.worker(env={"SCRAPEJET_ORPHAN_CHECK_S": "0.5"})
    workers.append(worker)
    worker_id = wait_for(lambda: next(iter(jobs.server.zrange(jobs.keys.workers, 0, 0)), None), 60,
                         what="the worker's heartbeat")
    # Before the worker sees the job: its seeds leased in its name, as if
    # the lease reply had been lost on the way back. (The worker is stopped
    # meanwhile: on a busy machine it could lease them first.)
    worker.send_signal(signal.SIGSTOP)
    try:
        job = jobs.submit("crawl", {"url": web.url("shop.test"), "max_pages": 5, "max_depth": 1})
        lost = jobs.queue.lease(job.queue, worker_id, 10)
    finally:
        worker.send_signal(signal.SIGCONT)
    assert len(lost) == 3
    done = wait_for(lambda: (j := jobs.get(job.job_id)).done and j, 30, 0.2, what="the job")
    assert done.status == "completed" and done.counters["crawled"] == 5 and done.counters["requeued"] >= 3
