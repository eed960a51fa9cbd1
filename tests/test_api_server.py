"""The API as users run it: `scrapejet api --workers 1` (waitress plus a
supervised worker process), driven over HTTP with `requests` exactly like the
seed documents' usage examples, crawling the loopback fixture web."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass

import pytest
import requests

from tests.conftest import SPIDERS, stop, wait_for
from tests.test_webhooks import Receiver


@dataclass
class Server:
    base: str
    proc: subprocess.Popen
    log: str

    def get(self, path: str, **kw):
        return requests.get(self.base + path, timeout=10, **kw)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped) is not alive
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split(") ", 1)[1][0] != "Z"


@pytest.fixture
def server(env):
    base, proc, log = env.api()
    srv = Server(base, proc, str(log))
    yield srv
    stop(proc)


def wait_completed(BASE: str, job_id: str):
    """The seed examples' polling loop (`while True: ... if status ==
    "completed": break`), bounded, with shorter sleeps."""
    deadline = time.monotonic() + 90
    while True:
        progress = requests.get(f"{BASE}/scrape/{job_id}/progress")
        status = progress.json()["status"]
        if status == "completed":
            return progress
        assert time.monotonic() < deadline and status in ("pending", "running"), progress.json()
        time.sleep(0.2)


def test_seed_usage_examples_against_a_live_server(server, web):
    BASE = server.base

    # "1. Basic Website Scraping", with a fixture site for example.com
    response = requests.post(f"{BASE}/scrape", json={
        "url": web.url("shop.test"),
        "expected_pages": 50,
        "priority": 5,
    })
    job_id = response.json()["job_id"]
    progress = requests.get(f"{BASE}/scrape/{job_id}/progress")
    print(progress.json())
    # "Wait for completion", as example 2 polls
    progress = wait_completed(BASE, job_id)
    result = requests.get(f"{BASE}/scrape/{job_id}/result")
    print(result.json())
    assert result.status_code == 200 and result.json()["total"] == 18
    assert progress.json()["progress"] == 100 and progress.json()["pages_crawled"] == 18
    assert any(web.marker("shop.test", "/about") in item["text"] for item in result.json()["items"])

    # "3. Queue Monitoring"
    health = requests.get(f"{BASE}/health")
    print("System Status:", health.json())
    queue_status = requests.get(f"{BASE}/queue/status")
    print("Queue Status:", queue_status.json())
    assert health.status_code == 200 and health.json()["status"] == "ok"
    # one worker process: a worker per spider it serves (generic, business)
    assert queue_status.json()["workers_alive"] == SPIDERS and queue_status.json()["active_jobs"] == []

    # "2. Business Intelligence Scraping", with a fixture company for company.com
    response = requests.post(f"{BASE}/scrape/business", json={
        "url": web.url("hidden-legal.test"),
        "priority": 8
    })
    job_id = response.json()["job_id"]
    wait_completed(BASE, job_id)
    profile = requests.get(f"{BASE}/scrape/{job_id}/result").json()["profile"]
    assert profile["emails"][0]["email"] == "hallo@sonnenkorn-baeckerei.de"
    # Get business insights
    insights_response = requests.post(f"{BASE}/business/insights", json={
        "site_name": "hidden-legal.test",
        "questions": [
            "What does this company do?",
            "What are their main services?",
            "How can I contact them?"
        ]
    })
    insights_task_id = insights_response.json()["task_id"]

    # Get insights result: answered off the request thread, so poll until done
    # (the first task of the process loads the embedding model, and the pages,
    # crawled with embeddings off, are chunked and embedded then)
    deadline = time.monotonic() + 90
    while True:
        insights_result = requests.get(f"{BASE}/business/insights/{insights_task_id}")
        if insights_result.json()["status"] in ("completed", "failed"):
            break
        assert time.monotonic() < deadline, insights_result.json()
        time.sleep(0.2)
    print(insights_result.json())
    assert insights_response.status_code == 202 and insights_result.json()["status"] == "completed"
    answers = insights_result.json()["answers"]
    assert [a["question"] for a in answers] == insights_response.json()["questions"]
    assert all(a["mode"] == "extractive" and a["sources"] for a in answers)
    assert "hallo@sonnenkorn-baeckerei.de" in answers[2]["answer"]

    # the 003 document's monitoring calls
    stats = server.get("/queue/stats").json()
    assert stats["jobs"]["completed"] == 2 and stats["queued"] == 0
    # worker figures arrive with its next heartbeat
    def generic():
        return next(w for w in server.get("/queue/manage/crawler_health").json()["workers"] if w["spider"] == "generic")

    worker = wait_for(lambda: (w := generic())["pages"] >= 18 and w, 10, 0.2, what="the worker's heartbeat")
    assert worker["alive"] and worker["pages_per_min"] > 0
    assert server.get("/queue/manage/crawler_health").json()["alive"] == SPIDERS
    assert server.get(f"/queue/job_status/{job_id}").json()["state"] == "SUCCESS"
    assert server.get("/docs/").status_code == 200 and server.get("/openapi.json").json()["paths"]["/scrape"]

    # webhooks are delivered by `scrapejet api` itself
    receiver = Receiver()
    try:
        job_id = requests.post(f"{BASE}/scrape", json={
            "url": web.url("shop.test", "/about"), "max_pages": 1, "webhook": {"url": receiver.url(), "secret": "k"},
        }).json()["job_id"]
        wait_for(lambda: receiver.events(job_id) == ["job.started", "job.completed"], 60, 0.1,
                 what="the webhooks of a job submitted over HTTP")
        record = server.get(f"/jobs/{job_id}/webhooks").json()
        assert record["delivered"] == 2 and record["dispatchers"] == 1
    finally:
        receiver.close()


def test_workers_are_supervised_cancel_reaches_them_and_shutdown_stops_them(server, web):
    # a worker that dies is started again
    first = server.get("/queue/manage/crawler_health").json()["workers"][0]["pid"]
    os.kill(first, signal.SIGKILL)
    second = wait_for(
        lambda: next((w["pid"] for w in server.get("/queue/manage/crawler_health").json()["workers"]
                      if w["alive"] and w["pid"] != first), None),
        60, 0.2, what="a restarted worker",
    )
    assert not _alive(first) and _alive(second)

    # DELETE /scrape/{id} stops the job on the worker
    job_id = requests.post(f"{server.base}/scrape", json={"url": web.url("bench.test"), "max_pages": 400,
                                                           "max_depth": 10}).json()["job_id"]
    wait_for(lambda: server.get(f"/scrape/{job_id}/progress").json()["pages_crawled"] >= 5, 60, 0.05,
             what="the job crawling")
    cancelled = requests.delete(f"{server.base}/scrape/{job_id}").json()
    assert cancelled["status"] == "cancelled" and cancelled["state"] == "REVOKED"
    time.sleep(2)  # in-flight requests end, nothing new starts
    fetched = web.hits("bench.test")
    time.sleep(1.5)
    assert web.hits("bench.test") == fetched, "the worker went on crawling a cancelled job"
    progress = server.get(f"/scrape/{job_id}/progress").json()
    assert progress["status"] == "cancelled" and progress["pages_crawled"] < 400

    # SIGTERM: the API stops its worker (which returns its leases) and exits
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(60) == 0, open(server.log).read()[-3000:]
    wait_for(lambda: not _alive(second), 10, what="the worker to stop")


def test_link_profiler_queue_examples_against_a_live_server(server, web):
    """The 003 document's queue examples as written, with the backlink web
    for example.com and competitor.com."""
    BASE = server.base

    def wait_success(job_id):
        deadline = time.monotonic() + 60
        while (state := requests.get(f"{BASE}/queue/job_status/{job_id}").json()["state"]) != "SUCCESS":
            assert time.monotonic() < deadline and state in ("PENDING", "PROGRESS"), state
            time.sleep(0.2)

    # "Submit a test job via API" (the curl example)
    response = requests.post(f"{BASE}/queue/submit_crawl", headers={"Content-Type": "application/json"},
                             data='{"target_url": "http://target.test", "initial_seed_urls": ["%s"], "priority": 5}'
                                  % web.url("news-a.test"))
    assert response.status_code == 202, response.text
    first = response.json()["job_id"]
    wait_success(first)

    # "1. Large-Scale Backlink Discovery"
    target_urls = ["http://target.test"]
    competitor_urls = [web.url("news-a.test"), web.url("forum-c.test")]
    jobs = []
    for target_url in target_urls:
        jobs.append(requests.post(f"{BASE}/queue/submit_crawl", json={
            "target_url": target_url,
            "initial_seed_urls": competitor_urls,
            "priority": 8,
            "config": {"max_pages": 5000}
        }).json()["job_id"])
    wait_success(jobs[0])

    # "All existing domain and backlink endpoints"
    summary = server.get("/backlinks/target.test/summary").json()
    # big-f.test's 13 pages all count under the default per-domain cap (50)
    assert (summary["backlinks"], summary["referring_domains"], summary["referring_pages"]) == (38, 5, 22)
    assert summary["latest_job"]["job_id"] == jobs[0] and summary["previous_job"]["job_id"] == first
    assert (summary["new_since_previous_job"], summary["lost_since_previous_job"]) == (7, 0)  # forum-c's links
    listed = server.get("/backlinks/target.test", params={"referring_domain": "forum-c.test"}).json()
    assert listed["total"] == 7 and {i["source_domain"] for i in listed["items"]} == {"forum-c.test"}
    assert "source_url,source_domain,target_url" in server.get("/backlinks/target.test?format=csv").text
    # the backlink spider's worker is one of the three the worker process serves
    spiders = {w["spider"] for w in server.get("/queue/manage/crawler_health").json()["workers"]}
    assert spiders == {"generic", "business", "backlink"}


def test_a_taken_port_is_a_clear_error(server, env):
    """A second API on the first one's port says so, in one line."""
    port = server.base.rsplit(":", 1)[1]
    result = env.scrapejet("api", "--port", port, "--no-webhooks", timeout=120)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
