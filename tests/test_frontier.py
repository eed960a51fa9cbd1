"""The per-host frontier with many hosts at once: first on the queue itself
(real Redis), then with real worker processes and the loopback fixture web,
where what the hosts saw is counted from the server's own request log."""

from __future__ import annotations

import json
import os
import signal
import time
from urllib.parse import urlsplit

import pytest

from scrapejet.scheduler.outcomes import CRAWLED
from scrapejet.scheduler.requests import make
from tests.conftest import wait_for
from tests.fixtureweb import POLITE_HOSTS


@pytest.fixture
def jobs(env):
    return env.jobs()


def _host(lease) -> str:
    return urlsplit(json.loads(lease.payload)["url"]).hostname


def _pages(jobs, job, n):
    for i in range(n):
        assert jobs.queue.push(make(job.job_id, f"{job.spec['url']}p{i}", role="page", depth=1,
                                    render_js=False)) == 1


# -- the queue ---------------------------------------------------------------

def test_hosts_waiting_out_their_delay_never_hold_up_a_ready_one(jobs):
    """200 hosts whose turn is taken sit at the head of the queue (their
    next requests are the oldest); a site submitted after them is served at
    the next lease. A lease that walked the queue from its head looked at
    `SCRAPEJET_LEASE_SCAN` (64) requests and came back empty."""
    q = jobs.queue
    q.host_delay, q.host_concurrency = 30.0, 1
    crowd = [jobs.submit("crawl", {"url": f"http://crowd{i:03d}.test/", "priority": 5}) for i in range(200)]
    taken = []
    while len(taken) < len(crowd):
        leased = q.lease(crowd[0].queue, "w1", 50)
        assert leased, "a host whose turn it is was not leased"
        taken += leased
    assert len({_host(lease) for lease in taken}) == 200  # one per host: the delay holds
    assert q.lease(crowd[0].queue, "w1", 4) == []
    late = jobs.submit("crawl", {"url": "http://late.test/", "priority": 5})
    (first,) = q.lease(late.queue, "w2", 4)
    assert _host(first) == "late.test"
    # 600 requests queued, 399 still waiting: counted without walking them
    assert q.size(late.queue) == 2 * 200 + 2


def test_sites_of_one_priority_take_turns(jobs):
    """Round robin between the host queues of a priority, not one site
    drained after the other; a higher priority goes first all the same."""
    q = jobs.queue
    sites = [jobs.submit("crawl", {"url": f"http://turn{c}.test/", "priority": 4}) for c in "abc"]
    for site in sites:
        _pages(jobs, site, 3)
    urgent = jobs.submit("crawl", {"url": "http://urgent.test/", "priority": 8})
    order = [_host(q.lease(urgent.queue, "w", 1)[0]) for _ in range(21)]
    assert order[:3] == ["urgent.test"] * 3  # its robots.txt, page, sitemap.xml
    rounds = [order[i:i + 3] for i in range(3, 21, 3)]
    assert all(sorted(r) == ["turna.test", "turnb.test", "turnc.test"] for r in rounds), order


def test_a_full_host_is_woken_by_an_answer(jobs):
    """A host with all its concurrency in flight leaves the ready set; the
    acknowledgement of one of its requests brings it back at once, not at
    its next re-check."""
    q = jobs.queue
    q.host_delay, q.host_concurrency = 0.0, 2
    job = jobs.submit("crawl", {"url": "http://full.test/"})
    _pages(jobs, job, 4)
    first = q.lease(job.queue, "w", 10)
    assert [_host(lease) for lease in first] == ["full.test"] * 2
    assert q.lease(job.queue, "w", 10) == [] and q.retry_in is not None
    q.ack(first[0].rid, "w", CRAWLED)
    assert [_host(lease) for lease in q.lease(job.queue, "w", 10)] == ["full.test"]


def test_memory_per_queued_request(jobs):
    """What a queued request costs Redis: the frontier holds its compact
    JSON once (no id stored three times, no payload hash); the dupefilter
    keeps its fingerprint. Measured with MEMORY USAGE on 2,000 requests."""
    job = jobs.submit("crawl", {"url": "http://memory.test/", "max_pages": 5000})
    for start in range(0, 2000, 500):
        assert set(jobs.queue.push_many([
            make(job.job_id, f"http://memory.test/catalogue/item-{i}.html", role="page", depth=2, render_js=False)
            for i in range(start, start + 500)
        ])) == {1}
    keys = jobs.keys
    used = sum(jobs.server.memory_usage(k, samples=0) or 0 for k in (
        keys.host_queue(job.job_id, "memory.test"), keys.job_seen(job.job_id), keys.job_hosts(job.job_id),
        job.queue, keys.queue_counts(job.queue)))
    assert used / 2000 < 200, used / 2000


# -- worker processes and the fixture web --------------------------------------

def _first_hit(web, host: str, since: float) -> float:
    return min(r.timestamp for r in web.requests if r.host == host and r.timestamp >= since
               and urlsplit(r.path).path != "/robots.txt")


def test_a_host_in_back_off_does_not_hold_up_the_others(env, web, workers):
    """One host answers 429 with Retry-After: 20; eight other sites are
    crawled to the end meanwhile, and the paused host is sent nothing before
    its pause is over."""
    jobs = env.jobs()
    start = time.time()
    paused = jobs.submit("crawl", {"url": web.url("status.test", "/flaky/pause?fail=1&code=429&retry_after=20"),
                                   "max_pages": 1, "max_depth": 0})
    settings = {"SCRAPEJET_DOMAIN_DELAY_S": "0.05", "SCRAPEJET_DOMAIN_CONCURRENCY": "1"}
    workers.append(env.worker(env=settings))
    wait_for(lambda: web.flaky_count("pause") >= 1, 60, 0.05, what="the 429")
    answered_429 = time.time()
    others = [jobs.submit("crawl", {"url": web.url(host), "max_pages": 10, "max_depth": 3}) for host in POLITE_HOSTS]
    for job in others:
        done = wait_for(lambda job=job: (j := jobs.get(job.job_id)).done and j, 60, 0.1, what="the other sites")
        assert done.status == "completed" and done.counters["crawled"] == 6, done.counters
    finished = max(jobs.get(job.job_id).finished_at for job in others)
    assert finished - answered_429 < 15, "the other sites waited for the paused host"
    hits = sorted(r.timestamp for r in web.requests if r.host == "status.test" and r.timestamp > answered_429)
    assert hits == [] or hits[0] >= answered_429 + 19, hits
    assert jobs.get(paused.job_id).status == "running"
    jobs.cancel(paused.job_id)
    assert time.time() - start < 60


def test_urgent_site_overtakes_many_running_sites(env, web, workers):
    """Seven priority-2 sites and a big one crawling on a worker with few
    download slots; a priority-9 site submitted then is fetched within a
    second and finished before every one of them."""
    jobs = env.jobs()
    low = [jobs.submit("crawl", {"url": web.url(host), "max_pages": 10, "max_depth": 3, "priority": 2})
           for host in POLITE_HOSTS[:7]]
    low.append(jobs.submit("crawl", {"url": web.url("bench.test"), "max_pages": 60, "max_depth": 10,
                                     "priority": 2}))
    workers.append(env.worker("-s", "CONCURRENT_REQUESTS=2"))
    wait_for(lambda: sum(jobs.get(j.job_id).counters["crawled"] for j in low) >= 6, 60, 0.05,
             what="the sites running")
    submitted = time.time()
    urgent = jobs.submit("crawl", {"url": web.url(POLITE_HOSTS[7]), "max_pages": 10, "max_depth": 3,
                                   "priority": 9})
    done = wait_for(lambda: (j := jobs.get(urgent.job_id)).done and j, 60, 0.1, what="the urgent site")
    assert done.status == "completed" and done.counters["crawled"] == 6
    assert _first_hit(web, POLITE_HOSTS[7], submitted) - submitted < 1.0
    for job in low:
        assert not jobs.get(job.job_id).done or jobs.get(job.job_id).finished_at > done.finished_at, job.spec["url"]
    for job in low:
        assert wait_for(lambda job=job: jobs.get(job.job_id).done, 120, 0.2, what="the other sites")


def test_kill_9_mid_crawl_of_many_sites_loses_nothing(env, web, workers):
    """Eight polite sites and two workers; one is killed with SIGKILL while
    it holds leases on several hosts. Every site is still crawled whole,
    each page stored once, no failure recorded, politeness kept."""
    jobs = env.jobs()
    submitted = [jobs.submit("crawl", {"url": web.url(host), "max_pages": 10, "max_depth": 3})
                 for host in POLITE_HOSTS]
    settings = {"SCRAPEJET_DOMAIN_DELAY_S": "0.25", "SCRAPEJET_DOMAIN_CONCURRENCY": "1",
                "SCRAPEJET_HEARTBEAT_S": "0.5"}
    victim, survivor = env.worker(env=settings), env.worker(env=settings)
    workers += [victim, survivor]

    def victim_leases() -> set[str]:
        for worker_id in jobs.server.zrange(jobs.keys.workers, 0, -1):
            if worker_id.split(":")[1] == str(victim.pid):
                return {rid.rsplit("|", 1)[-1] for rid in jobs.server.smembers(jobs.keys.worker_leases(worker_id))}
        return set()

    wait_for(lambda: sum(jobs.get(j.job_id).counters["crawled"] for j in submitted) >= 8
             and len(victim_leases()) >= 2, 60, 0.02, what="the victim holding leases on several hosts")
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait(10)
    storage = env.storage()
    requeued = 0
    for job in submitted:
        done = wait_for(lambda job=job: (j := jobs.get(job.job_id)).done and j, 120, 0.2, what="every site")
        assert done.status == "completed" and done.counters["crawled"] == 6, done.counters
        urls = [p["url"] for p in storage.iter_pages(job.job_id)]
        assert len(urls) == len(set(urls)) == 6
        assert storage.list_failures(job.job_id) == []
        requeued += done.counters["requeued"]
    assert requeued > 0, "the killed worker held no lease: the test proved nothing"
