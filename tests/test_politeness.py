"""Politeness across workers, measured where it matters: at the server.
Real worker processes, real Redis, the loopback fixture web's request log."""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

from tests.conftest import wait_for
from tests.fixtureweb import POLITE_HOSTS


def gaps(web, host: str, since: float, skip=("/robots.txt",)) -> list[float]:
    """Seconds between consecutive requests to ``host`` since ``since``
    (robots.txt aside unless asked: the robots middleware fetches it outside
    the queue)."""
    times = sorted(r.timestamp for r in web.requests
                   if r.host == host and r.timestamp >= since and urlsplit(r.path).path not in skip)
    return [b - a for a, b in zip(times, times[1:])]


def test_two_workers_share_one_per_host_delay(env, web, workers):
    delay = 0.3
    start = time.time()
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": web.url("shop.test"), "max_pages": 12, "max_depth": 5})
    settings = {"SCRAPEJET_DOMAIN_DELAY_S": str(delay)}
    workers.append(env.worker(env=settings))
    workers.append(env.worker(env=settings))
    done = wait_for(lambda: (j := jobs.get(job.job_id)).done and j, 90, 0.2, what="the job")
    assert done.status == "completed" and done.counters["crawled"] == 12
    measured = gaps(web, "shop.test", start)
    assert len(measured) >= 11
    # both workers served it (each heart-beat pages), yet never two requests within the delay
    served = [w for w in json.loads(env.scrapejet("workers", "--json").stdout) if w["pages"]]
    assert len(served) == 2, served
    assert min(measured) >= delay * 0.9, sorted(measured)[:5]


def test_429_pauses_the_host_for_its_retry_after(env, web, workers):
    jobs = env.jobs()
    url = web.url("status.test", "/flaky/backoff-test?fail=1&code=429&retry_after=2")
    job = jobs.submit("crawl", {"url": url, "max_pages": 1, "max_depth": 0})
    workers.append(env.worker())
    # the pause is shared: in Redis for every worker, while it holds (the key
    # lapses a second after it ends, so it is read then, not after the job)
    key = f"{jobs.keys.prefix}host:status.test:next"
    wait_for(lambda: float(jobs.server.get(key) or 0) - time.time() > 1.0, 60, 0.05, what="the shared pause")
    done = wait_for(lambda: (j := jobs.get(job.job_id)).done and j, 60, 0.2, what="the job")
    assert done.status == "completed" and done.counters["crawled"] == 1
    hits = sorted(r.timestamp for r in web.requests
                  if r.host == "status.test" and r.path.startswith("/flaky/backoff-test"))
    # the 429, then the retry: not before Retry-After said
    assert len(hits) == 2 and hits[1] - hits[0] >= 1.9, hits


def test_many_hosts_two_workers_no_request_closer_than_the_delay_at_the_server(env, web, workers):
    """Eight sites crawled at once by two worker processes: at each host,
    every request (robots.txt that Scrapy fetches outside the queue, pages,
    a redirect followed under its lease) arrives at least the delay after
    the one before, whichever worker sent it."""
    delay = 0.3
    start = time.time()
    jobs = env.jobs()
    submitted = [jobs.submit("crawl", {"url": web.url(host), "max_pages": 10, "max_depth": 3})
                 for host in POLITE_HOSTS]
    settings = {"SCRAPEJET_DOMAIN_DELAY_S": str(delay), "SCRAPEJET_DOMAIN_CONCURRENCY": "1"}
    workers.append(env.worker(env=settings))
    workers.append(env.worker(env=settings))
    for job in submitted:
        done = wait_for(lambda job=job: (j := jobs.get(job.job_id)).done and j, 120, 0.2, what="the jobs")
        # home and five pages; the old address of page 1 is the same page
        assert done.status == "completed" and done.counters["crawled"] == 6, done.counters
    too_close = {}
    for host in POLITE_HOSTS:
        measured = gaps(web, host, start, skip=())
        assert len(measured) >= 7, (host, measured)  # robots.txt, 6 pages, the redirect (and sitemap.xml)
        close = [round(g, 3) for g in measured if g < delay * 0.9]
        if close:
            too_close[host] = close
    assert too_close == {}
    served = [w for w in json.loads(env.scrapejet("workers", "--json").stdout) if w["pages"]]
    assert len(served) == 2, served
    # robots.txt once per host, for both workers and the job's own robots.txt request
    robots = {host: sum(1 for r in web.requests if r.host == host and r.timestamp >= start
                        and urlsplit(r.path).path == "/robots.txt") for host in POLITE_HOSTS}
    assert robots == {host: 1 for host in POLITE_HOSTS}


def test_the_delay_runs_from_when_a_request_reached_the_host(env, web, workers):
    """A host that takes 0.05 s to answer, a 0.3 s delay: once the worker
    has seen the host answer over an open connection, requests arrive the
    delay apart, not the delay plus the answer time (the delay counted from
    the answer), and never closer."""
    delay, latency = 0.3, 0.05
    host = POLITE_HOSTS[0]
    start = time.time()
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": web.url(host), "max_pages": 10, "max_depth": 3})
    workers.append(env.worker(env={"SCRAPEJET_DOMAIN_DELAY_S": str(delay), "SCRAPEJET_DOMAIN_CONCURRENCY": "1"}))
    done = wait_for(lambda: (j := jobs.get(job.job_id)).done and j, 60, 0.2, what="the job")
    assert done.status == "completed" and done.counters["crawled"] == 6, done.counters
    measured = gaps(web, host, start, skip=())
    assert len(measured) >= 7, measured
    assert min(measured) >= delay * 0.9, measured
    # the first two answers earn no credit (the first may include connecting)
    later = sorted(measured[2:])
    assert later[len(later) // 2] < delay + latency * 0.7, measured


def test_the_credit_takes_two_answers_the_fastest_and_at_most_half_the_delay():
    from scrapejet.download.politeness import AnswerTimes

    times = AnswerTimes(delay_s=0.5, kept=2)
    assert times.credit("a.test", 0.2) == 0.0  # one answer: it may include connecting
    assert times.credit("a.test", 0.1) == 0.1
    assert times.credit("a.test", 0.3) == 0.1  # the fastest, not the last
    assert times.credit("b.test", 2.0) == 0.0
    assert times.credit("b.test", 1.5) == 0.25  # at most half the delay
    assert times.credit("c.test", None) == 0.0  # not measured (rendered): no credit
    assert "a.test" not in times.fastest  # the least recently answered host is forgotten first
