"""Webhooks as a receiver sees them: a real HTTP server on loopback gets the
job events of real crawls (real Redis, real worker processes), signed,
retried and recorded; events wait in Redis for a dispatcher and survive
one that dies."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scrapejet.api import create_app
from scrapejet.webhooks import WebhookDispatcher
from tests.conftest import free_port, wait_for

FAST = {"SCRAPEJET_WEBHOOK_BACKOFF_S": "0.05", "SCRAPEJET_WEBHOOK_BACKOFF_MAX_S": "0.2",
        "SCRAPEJET_WEBHOOK_MAX_ATTEMPTS": "3", "SCRAPEJET_WEBHOOK_TIMEOUT_S": "5"}


class Receiver:
    """A webhook receiver: records every POST; answers from a script of
    statuses (then 200)."""

    def __init__(self):
        self.calls: list[dict] = []
        self.script: list[int] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.lock:
                    status = receiver.script.pop(0) if receiver.script else 200
                    receiver.calls.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "raw": body,
                                           "body": json.loads(body), "answered": status})
                self.send_response(status)
                if status in (301, 302):
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def events(self, job_id: str) -> list[str]:
        with self.lock:
            return [c["body"]["event"] for c in self.calls if c["body"]["job"]["job_id"] == job_id
                    and c["answered"] == 200]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def dispatchers(env):
    yield from running_dispatchers(env)


def running_dispatchers(env):
    """``start(**settings)``: a running dispatcher; all are stopped after the test."""
    made = []

    def start(jobs=None, **settings):
        jobs = jobs or env.jobs()
        d = WebhookDispatcher.from_settings(env.settings(**{**FAST, **settings}), jobs)
        d.start()
        made.append(d)
        return d

    yield start
    for d in made:
        d.stop(10)


def deliveries(env, job_id, **settings):
    """GET /jobs/{id}/webhooks, as a client reads it."""
    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(**{**FAST, **settings})})
    response = app.test_client().get(f"/jobs/{job_id}/webhooks")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_a_crawls_events_arrive_signed_in_order_with_every_page(env, web, workers, receiver, dispatchers):
    jobs = env.jobs()
    secret = "s3cret-for-hmac"
    job = jobs.submit("crawl", {"url": web.url("shop.test"), "max_pages": 50, "webhook": {
        "url": receiver.url(), "secret": secret,
        "events": ["job.started", "job.page", "job.completed", "job.failed", "job.cancelled"]}})
    dispatchers(jobs)
    workers.append(env.worker())
    wait_for(lambda: "job.completed" in receiver.events(job.job_id), 90, 0.1, what="job.completed delivered")

    events = receiver.events(job.job_id)
    assert events[0] == "job.started" and events[-1] == "job.completed"
    assert events.count("job.page") == 18 and len(events) == 20
    for call in receiver.calls:
        headers = call["headers"]
        expected = "sha256=" + hmac.new(secret.encode(), call["raw"], hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["x-scrapejet-signature"], expected)
        assert headers["x-scrapejet-event"] == call["body"]["event"]
        assert headers["x-scrapejet-delivery"] == call["body"]["delivery_id"]
        assert headers["content-type"] == "application/json"
    assert len({c["body"]["delivery_id"] for c in receiver.calls}) == 20
    # each page event names a stored page; together they are the crawl
    stored = {p["url"] for p in env.storage().iter_pages(job.job_id)}
    pages = [c["body"]["page"] for c in receiver.calls if c["body"]["event"] == "job.page"]
    assert {p["url"] for p in pages} == stored and len(stored) == 18
    assert all(p["status"] == 200 and p["title"] and p["fetched_at"].endswith("+00:00") for p in pages)
    done = receiver.calls[-1]["body"]
    assert done["job"]["status"] == "completed" and done["job"]["state"] == "SUCCESS"
    assert done["job"]["progress"] == 100 and done["job"]["counters"]["crawled"] == 18
    assert done["job"]["url"] == web.url("shop.test")

    record = deliveries(env, job.job_id)
    assert record["delivered"] == 20 and record["failed"] == 0 and record["pending"] == 0
    assert record["dispatchers"] == 1 and record["url"] == receiver.url()
    # delivered page events are counted, lifecycle ones listed
    assert [d["event"] for d in record["deliveries"]] == ["job.started", "job.completed"]


def test_default_events_and_a_failed_job(env, web, workers, receiver, dispatchers):
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": web.url("traps.test", "/missing"), "max_depth": 0,
                                "webhook": {"url": receiver.url()}})
    dispatchers(jobs)
    workers.append(env.worker())
    wait_for(lambda: "job.failed" in receiver.events(job.job_id), 60, 0.1, what="job.failed delivered")
    # job.page is opt-in; no secret, no signature
    assert receiver.events(job.job_id) == ["job.started", "job.failed"]
    assert "x-scrapejet-signature" not in receiver.calls[-1]["headers"]
    assert receiver.calls[-1]["body"]["job"]["state"] == "FAILURE"


def test_retried_with_backoff_under_one_delivery_id(env, receiver, dispatchers):
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": "http://nowhere.test/", "webhook": {
        "url": receiver.url(), "events": ["job.cancelled"], "secret": "k"}})
    receiver.script = [503, 500]
    jobs.cancel(job.job_id)
    dispatchers(jobs)
    wait_for(lambda: receiver.events(job.job_id) == ["job.cancelled"], 30, 0.05, what="the third attempt")

    calls = receiver.calls
    assert [c["answered"] for c in calls] == [503, 500, 200]
    assert [c["headers"]["x-scrapejet-attempt"] for c in calls] == ["1", "2", "3"]
    assert len({c["headers"]["x-scrapejet-delivery"] for c in calls}) == 1
    assert len({c["raw"] for c in calls}) == 1, "a retry must send the same body"
    record = deliveries(env, job.job_id)
    (delivery,) = record["deliveries"]
    assert delivery["status"] == "delivered" and delivery["attempts"] == 3
    assert delivery["response_status"] == 200 and delivery["delivered_at"]
    assert record["delivered"] == 1 and record["pending"] == 0
    assert calls[-1]["body"]["job"]["state"] == "REVOKED"


def test_failures_are_recorded_with_their_reason(env, receiver, dispatchers):
    jobs = env.jobs()
    closed = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens there
    refused = jobs.submit("crawl", {"url": "http://nowhere.test/", "webhook": {"url": closed, "events": ["job.cancelled"]}})
    rejected = jobs.submit("crawl", {"url": "http://nowhere.test/", "webhook": {"url": receiver.url("/a"), "events": ["job.cancelled"]}})
    moved = jobs.submit("crawl", {"url": "http://nowhere.test/", "webhook": {"url": receiver.url("/b"), "events": ["job.cancelled"]}})
    receiver.script = [400, 302]  # /a is answered first (dispatch is per job, in stream order)
    jobs.cancel(rejected.job_id)
    dispatchers(jobs)
    wait_for(lambda: len(receiver.calls) == 1, 10, 0.05)
    jobs.cancel(moved.job_id)
    jobs.cancel(refused.job_id)

    def final(job_id):
        record = deliveries(env, job_id)
        return record["failed"] == 1 and record["deliveries"][0]

    # a 4xx is not retried
    d = wait_for(lambda: final(rejected.job_id), 20, 0.1)
    assert d["attempts"] == 1 and d["response_status"] == 400 and d["error"] == "HTTP 400"
    # a redirect is not followed (it could point inside our network), nor retried
    d = wait_for(lambda: final(moved.job_id), 20, 0.1)
    assert d["attempts"] == 1 and d["response_status"] == 302 and "not followed" in d["error"]
    assert not any(c["path"] == "/elsewhere" for c in receiver.calls)
    # no answer: retried up to SCRAPEJET_WEBHOOK_MAX_ATTEMPTS, then given up
    d = wait_for(lambda: final(refused.job_id), 20, 0.1)
    assert d["attempts"] == 3 and d["response_status"] is None and d["error"] == "connection refused"
    assert d["status"] == "failed" and d["delivered_at"] is None


def test_events_wait_for_a_dispatcher_and_outlive_one_that_dies(env, receiver, dispatchers):
    jobs = env.jobs()
    job = jobs.submit("crawl", {"url": "http://nowhere.test/", "webhook": {"url": receiver.url(), "events": ["job.cancelled"]}})
    jobs.cancel(job.job_id)
    # nothing delivers yet: the event waits, and the API says why
    record = deliveries(env, job.job_id)
    assert record["dispatchers"] == 0 and record["events_waiting"] == 1 and record["deliveries"] == []

    # a dispatcher reads the event, then dies before delivering it
    doomed = WebhookDispatcher.from_settings(env.settings(**FAST), jobs)
    doomed._ensure_group()
    doomed._read()
    assert len(doomed._state.held) == 1 and receiver.calls == []
    del doomed

    # another one, once the first has been silent for CLAIM_S, takes it over
    dispatchers(jobs, SCRAPEJET_WEBHOOK_CLAIM_S="0.5")
    wait_for(lambda: receiver.events(job.job_id) == ["job.cancelled"], 20, 0.05, what="the event taken over")
    assert len(receiver.calls) == 1
    assert deliveries(env, job.job_id)["delivered"] == 1


def test_the_api_validates_webhooks(make_client):
    # example.com mapped to a public address, as SCRAPEJET_RESOLVE maps hosts
    client = make_client(SCRAPEJET_ALLOW_PRIVATE="0", SCRAPEJET_RESOLVE=json.dumps({"example.com": "93.184.215.14"}))
    for webhook, needle in [
        ({"url": "ftp://x.test/h"}, "webhook"),
        ({"url": "https://example.com/h", "events": ["job.exploded"]}, "events"),
        ({"url": "https://example.com/h", "events": []}, "events"),
        ({"url": "https://example.com/h", "colour": "red"}, "colour"),
        ({"url": "http://127.0.0.1:9/h"}, "webhook.url"),
    ]:
        response = client.post("/scrape", json={"url": "https://example.com/", "webhook": webhook})
        assert response.status_code == 422, (webhook, response.get_json())
        assert needle in response.get_json()["detail"], response.get_json()


@pytest.fixture
def make_client(env):
    def make(**settings):
        merged = {"SCRAPEJET_ALLOW_PRIVATE": "1", **settings}
        return create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(**merged)}).test_client()

    return make


def test_delivery_record_of_an_unknown_job_is_404(make_client):
    assert make_client().get("/jobs/nope/webhooks").status_code == 404


