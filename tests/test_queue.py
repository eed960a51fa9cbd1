"""The leased Redis queue and the job model, on a real Redis server."""

from __future__ import annotations

import json
import time
from email.utils import formatdate
from urllib.parse import urlsplit

import pytest

from scrapejet.jobs import JobError
from scrapejet.scheduler.outcomes import AUX, CRAWLED, FAILED
from scrapejet.scheduler.requests import fingerprint, make


@pytest.fixture
def jobs(env):
    return env.jobs()


def push_pages(jobs, job, paths):
    for path in paths:
        req = make(job.job_id, job.spec["url"].rstrip("/") + path, role="page", depth=1, render_js=False)
        assert jobs.queue.push(req) in (1, 2)


def drain(jobs, queue, worker="w1", n=1000):
    return jobs.queue.lease(queue, worker, n)


def test_submit_validates_every_field(jobs):
    for spec, field in [
        ({"url": "ftp://x.test/"}, "url"),
        ({"url": "http://x.test/", "priority": 10}, "priority"),
        ({"url": "http://x.test/", "priority": 0}, "priority"),
        ({"url": "http://x.test/", "max_pages": 0}, "max_pages"),
        ({"url": "http://x.test/", "include": "("}, "include"),
        ({"url": "http://x.test/", "colour": "blue"}, "colour"),
        ({"url": "http://x.test/", "max_pages": 10**9}, "max_pages"),
    ]:
        with pytest.raises(JobError, match=field):
            jobs.submit("crawl", spec)
    with pytest.raises(JobError, match="kind"):
        jobs.submit("mine-bitcoin", {"url": "http://x.test/"})


def test_job_record_and_states(jobs):
    job = jobs.submit("crawl", {"url": "http://Shop.test/#top", "priority": 7})
    assert job.status == "pending" and job.state == "PENDING" and job.priority == 7
    assert job.spec["url"] == "http://shop.test/"
    assert job.counters["queued"] == 3  # robots.txt, the page, sitemap.xml
    # also in storage: history survives a Redis flush
    assert jobs.storage.get_job(job.job_id)["status"] == "pending"
    jobs.server.delete(jobs.keys.job(job.job_id))
    assert jobs.get(job.job_id).kind == "crawl"


def test_priority_then_fifo(jobs):
    low = jobs.submit("crawl", {"url": "http://low.test/", "priority": 2})
    high = jobs.submit("crawl", {"url": "http://high.test/", "priority": 9})
    push_pages(jobs, low, ["/a", "/b"])
    push_pages(jobs, high, ["/c"])
    order = [lease.payload for lease in drain(jobs, jobs.keys.spider_queue("generic"))]
    urls = [p.split('"url":"', 1)[1].split('"', 1)[0] for p in order]
    # the later, more urgent job goes first; within a priority, oldest first
    assert urls == [
        "http://high.test/robots.txt", "http://high.test/", "http://high.test/sitemap.xml", "http://high.test/c",
        "http://low.test/robots.txt", "http://low.test/", "http://low.test/sitemap.xml",
        "http://low.test/a", "http://low.test/b",
    ]


def test_dedupe_is_per_job(jobs):
    a = jobs.submit("crawl", {"url": "http://same.test/"})
    b = jobs.submit("crawl", {"url": "http://same.test/"})
    req = make(a.job_id, "http://www.same.test/x?b=1&a=2#f", role="page", depth=1, render_js=False)
    assert jobs.queue.push(req) == 1
    again = make(a.job_id, "http://same.test/x?a=2&b=1", role="page", depth=1, render_js=False)
    assert again.fingerprint == req.fingerprint
    assert jobs.queue.push(again) == 0
    other = make(b.job_id, "http://same.test/x?a=2&b=1", role="page", depth=1, render_js=False)
    assert jobs.queue.push(other) == 1


def test_dead_worker_leases_return_and_late_ack_is_refused(jobs):
    job = jobs.submit("crawl", {"url": "http://lease.test/"})
    queue = job.queue
    leased = jobs.queue.lease(queue, "dead-worker", 2)
    assert len(leased) == 2
    assert jobs.get(job.job_id).counters["in_flight"] == 2
    jobs.server.zadd(jobs.keys.workers, {"dead-worker": time.time() - 60, "live-worker": time.time()})
    workers, requests = jobs.queue.reclaim(dead_before=time.time() - 10)
    assert (workers, requests) == (1, 2)
    job = jobs.get(job.job_id)
    assert job.counters["in_flight"] == 0 and job.counters["queued"] == 3 and job.counters["requeued"] == 2
    # the dead worker wakes up and acknowledges: refused, the request is someone else's now
    assert jobs.queue.ack(leased[0].rid, "dead-worker", CRAWLED) == (False, "")
    again = jobs.queue.lease(queue, "live-worker", 10)
    # the same requests, first again (a lease given back goes to the front), under new lease ids
    assert sorted(lease.payload for lease in again[:2]) == sorted(lease.payload for lease in leased)
    assert not {lease.rid for lease in leased} & {lease.rid for lease in again}


def test_release_returns_leases_at_once(jobs):
    job = jobs.submit("crawl", {"url": "http://release.test/"})
    assert len(jobs.queue.lease(job.queue, "w-stop", 3)) == 3
    assert jobs.queue.release("w-stop") == 3
    assert jobs.get(job.job_id).counters["queued"] == 3
    assert jobs.server.scard(jobs.keys.worker_leases("w-stop")) == 0


def test_completion_is_atomic_and_cleans_up(jobs):
    job = jobs.submit("crawl", {"url": "http://done.test/"})
    leases = jobs.queue.lease(job.queue, "w", 10)
    results = [jobs.queue.ack(lease.rid, "w", CRAWLED if "robots" not in lease.payload else AUX,
                              is_page="sitemap" not in lease.payload and "robots" not in lease.payload)
               for lease in leases]
    assert [final for _, final in results].count("completed") == 1
    assert results[-1] == (True, "completed")
    job = jobs.get(job.job_id)
    assert job.status == "completed" and job.state == "SUCCESS" and job.finished_at
    assert not jobs.server.exists(jobs.keys.job_seen(job.job_id), jobs.keys.job_hosts(job.job_id),
                                  jobs.keys.host_queue(job.job_id, "done.test"))
    assert jobs.server.zscore(job.queue, f"{job.job_id}|done.test") is None
    assert jobs.server.ttl(jobs.keys.job(job.job_id)) > 0


def test_job_with_only_failures_fails(jobs):
    job = jobs.submit("crawl", {"url": "http://down.test/"})
    for lease in jobs.queue.lease(job.queue, "w", 10):
        page = "robots" not in lease.payload and "sitemap" not in lease.payload
        jobs.queue.ack(lease.rid, "w", FAILED if page else AUX, is_page=page)
    job = jobs.get(job.job_id)
    assert job.status == "failed" and job.state == "FAILURE"


def test_page_budget_is_exact_and_refilled_from_overflow(jobs):
    job = jobs.submit("crawl", {"url": "http://budget.test/", "max_pages": 3})
    push_pages(jobs, job, ["/1", "/2", "/3", "/4"])
    pages = [lease for lease in jobs.queue.lease(job.queue, "w", 10)
             if "robots" not in lease.payload and "sitemap" not in lease.payload]
    assert len(pages) == 3  # the seed and /1, /2; /3 and /4 wait over budget
    # one admitted page fails: its slot goes to the oldest waiting request
    jobs.queue.ack(pages[0].rid, "w", FAILED)
    refill = jobs.queue.lease(job.queue, "w", 10)
    assert len(refill) == 1 and json.loads(refill[0].payload)["url"] == "http://budget.test/3"


def test_cancel_drops_queued_requests(jobs):
    job = jobs.submit("crawl", {"url": "http://cancel.test/"})
    push_pages(jobs, job, ["/1", "/2"])
    cancelled = jobs.cancel(job.job_id)
    assert cancelled.status == "cancelled" and cancelled.state == "REVOKED"
    assert jobs.queue.lease(job.queue, "w", 10) == []
    assert jobs.storage.get_job(job.job_id)["status"] == "cancelled"
    with pytest.raises(KeyError):
        jobs.cancel("no-such-job")


def test_server_defaults_fill_missing_fields(env):
    jobs = env.jobs(SCRAPEJET_DEFAULT_MAX_PAGES="7", SCRAPEJET_DEFAULT_PRIORITY="3")
    job = jobs.submit("crawl", {"url": "http://defaults.test/"})
    assert job.spec["max_pages"] == 7 and job.priority == 3
    assert jobs.submit("crawl", {"url": "http://defaults.test/", "max_pages": 9}).spec["max_pages"] == 9


def test_batched_admission_and_acks_keep_exact_accounting(jobs):
    """One push_many call admits a response's links with one result each
    (duplicates inside the batch included); one ack_many call acknowledges
    several leases and adds their item counts to the job."""

    job = jobs.submit("crawl", {"url": "http://batch.test/", "max_pages": 4})
    base = "http://batch.test"
    reqs = [make(job.job_id, base + p, role="page", depth=1, render_js=False) for p in ("/a", "/b", "/a", "/c", "/d")]
    results = jobs.queue.push_many(reqs)
    # budget 4: the seed page took one slot, /a /b /c the rest; /a again is
    # a duplicate; /d waits in reserve for a slot that yields no page
    assert results == [1, 1, 0, 1, 2]
    leased = drain(jobs, job.queue)
    assert len(leased) == 6  # seed, robots, sitemap, /a, /b, /c
    acks = [(lease.rid, AUX if "robots" in lease.payload or "sitemap" in lease.payload else CRAWLED,
             not ("robots" in lease.payload or "sitemap" in lease.payload), 1) for lease in leased]
    acks[-1] = (acks[-1][0], FAILED, True, 0)  # /c failed: its slot goes to /d
    outcome = jobs.queue.ack_many("w1", acks)
    assert [ok for ok, _ in outcome] == [True] * 6
    job = jobs.get(job.job_id)
    assert job.counters["crawled"] == 3 and job.counters["failed"] == 1
    assert job.counters["items"] == 5 and job.counters["queued"] == 1 and job.status == "running"
    (last,) = drain(jobs, job.queue)
    assert last.payload.count("/d") == 1
    assert jobs.queue.ack_many("w1", [(last.rid, CRAWLED, True, 1)]) == [(True, "completed")]
    assert jobs.get(job.job_id).counters["crawled"] == 4


def _hosts(leases):
    return [urlsplit(json.loads(lease.payload)["url"]).hostname for lease in leases]


def test_per_host_delay_and_concurrency_hold_across_workers(jobs):
    """Two workers leasing from one queue: a host gets one new lease per
    delay and at most `concurrency` at once, for both together; a host that
    is not ready never holds up another host's requests."""
    q = jobs.queue
    q.host_delay, q.host_concurrency = 0.6, 2
    slow = jobs.submit("crawl", {"url": "http://slow.test/"})
    other = jobs.submit("crawl", {"url": "http://other.test/"})
    push_pages(jobs, slow, ["/1", "/2", "/3", "/4"])
    push_pages(jobs, other, ["/1", "/2"])
    first = q.lease(slow.queue, "w1", 10)
    # one lease per host per delay: slow.test and other.test once each
    assert sorted(_hosts(first)) == ["other.test", "slow.test"]
    # the second worker, at once: nothing for either host yet
    assert q.lease(slow.queue, "w2", 10) == []
    time.sleep(0.65)
    second = q.lease(slow.queue, "w2", 10)
    assert sorted(_hosts(second)) == ["other.test", "slow.test"]
    # other.test's are done; slow.test still has 2 leases out: its
    # concurrency bound holds it back even after the delay
    for lease in first + second:
        if "other.test" in lease.payload:
            q.ack(lease.rid, "w1" if lease in first else "w2", CRAWLED)
    time.sleep(0.65)
    third = q.lease(slow.queue, "w1", 10)
    assert _hosts(third) == ["other.test"]
    # an acknowledgement frees a slot; w1 has been waiting for slow.test and
    # w2 had the last turn, so the slot is w1's (a worker that asks after
    # every response cannot starve one that asks less often)
    slow_lease = next(lease for lease in first if "slow.test" in lease.payload)
    q.ack(slow_lease.rid, "w1", CRAWLED)
    assert q.lease(slow.queue, "w2", 10) == []
    assert _hosts(q.lease(slow.queue, "w1", 10)) == ["slow.test"]


def test_a_back_off_pauses_a_host_for_every_worker(jobs):
    q = jobs.queue
    job = jobs.submit("crawl", {"url": "http://busy.test/"})
    other = jobs.submit("crawl", {"url": "http://calm.test/"})
    q.back_off("busy.test", time.time() + 0.5)
    assert _hosts(q.lease(job.queue, "w1", 10)) == ["calm.test"] * 3  # its robots.txt, page, sitemap
    assert q.back_off("busy.test", time.time() + 0.1) is False  # the later pause stands
    time.sleep(0.55)
    assert _hosts(q.lease(job.queue, "w2", 10)) == ["busy.test"] * 3
    assert other.job_id != job.job_id


def test_retry_after_header_values():
    from scrapejet.download.politeness import retry_after

    now = time.time()
    assert retry_after(b"120", now) == 120
    assert abs(retry_after(formatdate(now + 30, usegmt=True), now) - 30) < 1.5
    assert retry_after(b"soon", now) is None and retry_after(None, now) is None


def test_a_redirect_target_claimed_by_a_lease_is_released_with_it(jobs):
    """A worker follows a redirect and marks the target seen, then dies: the
    mark goes back with the lease, so the worker that takes the request over
    follows the redirect again instead of finding the target 'already
    crawled' and losing the page. Once a lease is acknowledged its marks stay."""
    job = jobs.submit("crawl", {"url": "http://moved.test/"})
    target = fingerprint("http://moved.test/new-home")
    (first, *_) = jobs.queue.lease(job.queue, "w-dies", 3)
    assert jobs.queue.claim(first.rid, target) is True
    assert jobs.queue.claim(first.rid, target) is False  # seen now, for every worker
    assert jobs.queue.release("w-dies") == 3
    assert not jobs.server.sismember(jobs.keys.job_seen(job.job_id), target)
    again = next(lease for lease in jobs.queue.lease(job.queue, "w-lives", 3) if lease.payload == first.payload)
    assert jobs.queue.claim(again.rid, target) is True
    jobs.queue.ack(again.rid, "w-lives", CRAWLED)
    assert jobs.server.sismember(jobs.keys.job_seen(job.job_id), target)
    assert not jobs.server.exists(jobs.keys.lease_claims(again.rid))


def test_a_worker_refreshes_the_job_records_it_reads_together(env):
    """A worker crawling many sites reads many job records, each about once a
    second: one stale record is fetched with the others in one round trip,
    and a cancellation is still seen within the record's age."""
    from scrapejet.runtime import CrawlerRuntime

    runtime = CrawlerRuntime(env.settings())
    jobs = runtime.jobs
    ids = [jobs.submit("crawl", {"url": f"https://site{n}.test/"}).job_id for n in range(8)]

    def hgetalls() -> int:
        return int(runtime.server.info("commandstats").get("cmdstat_hgetall", {}).get("calls", 0))

    for job_id in ids:
        assert runtime.job(job_id, max_age=0.3).job_id == job_id
    jobs.cancel(ids[3])
    time.sleep(0.35)
    before = hgetalls()
    assert runtime.job(ids[0], max_age=0.3).job_id == ids[0]  # stale: fetched, with the seven others
    assert hgetalls() - before == 8
    before = hgetalls()
    records = [runtime.job(job_id, max_age=0.3) for job_id in ids]
    assert hgetalls() == before, "records refreshed a moment ago were fetched again"
    assert records[3].status == "cancelled" and records[3].done
    assert all(not r.done for n, r in enumerate(records) if n != 3)
