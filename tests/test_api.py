"""The HTTP API through Flask's test client, on real Redis, real storage and
real worker processes crawling the loopback fixture web."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from scrapejet.api import create_app
from tests.conftest import free_port, wait_for


@pytest.fixture
def make_client(env):
    """``make_client(**settings)``: a test client of an app built from the
    test's settings (private targets allowed unless overridden)."""
    apps = []

    def make(**settings):
        merged = {"SCRAPEJET_ALLOW_PRIVATE": "1", **{k: str(v) for k, v in settings.items()}}
        app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(**merged)})
        apps.append(app)
        return app.test_client()

    yield make
    for app in apps:
        app.extensions["scrapejet"].close()


@pytest.fixture
def client(make_client):
    return make_client()


def error_of(response) -> tuple[int, str, str]:
    body = response.get_json()
    assert set(body) >= {"error", "detail"}, body
    return response.status_code, body["error"], body["detail"]


# -- submission -------------------------------------------------------------------
def test_scrape_accepts_seed_fields_and_queues_the_job(client, env, web):
    r = client.post("/scrape", json={
        "url": web.url("shop.test"), "expected_pages": 12, "output_format": "csv", "priority": 7,
        "max_depth": 2, "include": "/products/", "render_js": False,
        "webhook": {"url": "http://hooks.test/in", "secret": "s3cret", "events": ["job.completed"]},
    })
    assert r.status_code == 202, r.get_json()
    body = r.get_json()
    assert body["status"] == "pending" and body["state"] == "PENDING" and body["priority"] == 7
    assert body["progress_url"] == f"/scrape/{body['job_id']}/progress"
    assert body["spec"]["webhook"]["secret"] == "********", "a webhook secret must never be echoed"
    job = env.jobs().get(body["job_id"])
    assert job.spec["max_pages"] == 12 and job.spec["output_format"] == "csv" and job.spec["max_depth"] == 2
    assert job.spec["webhook"] == {"url": "http://hooks.test/in", "events": ["job.completed"], "secret": "s3cret"}
    status = client.get("/queue/status").get_json()
    assert status["queues"]["generic"]["by_priority"] == {"7": 3}  # robots.txt, the page, sitemap.xml
    assert [j["job_id"] for j in status["active_jobs"]] == [body["job_id"]]
    listed = client.get("/jobs?status=pending&kind=crawl").get_json()
    assert listed["count"] == 1 and listed["jobs"][0]["job_id"] == body["job_id"]
    assert client.get("/jobs?status=completed").get_json()["count"] == 0


@pytest.mark.parametrize("payload, field", [
    ({"url": "ftp://shop.test/"}, "url"),
    ({"url": "not a url"}, "url"),
    ({}, "url"),
    ({"url": "http://shop.test/", "priority": 10}, "priority"),
    ({"url": "http://shop.test/", "priority": 0}, "priority"),
    ({"url": "http://shop.test/", "expected_pages": 0}, "expected_pages"),
    ({"url": "http://shop.test/", "max_pages": 100001}, "max_pages"),
    ({"url": "http://shop.test/", "expected_pages": 100001}, "expected_pages"),
    ({"url": "http://shop.test/", "expected_pages": 5, "max_pages": 6}, "expected_pages or max_pages"),
    ({"url": "http://shop.test/", "max_depth": 51}, "max_depth"),
    ({"url": "http://shop.test/", "output_format": "xml"}, "output_format"),
    ({"url": "http://shop.test/", "include": "(unclosed"}, "include"),
    ({"url": "http://shop.test/", "exclude": r"(a)\1"}, "no backreferences or lookaround"),
    ({"url": "http://shop.test/", "include": "/(?!private)"}, "include"),
    ({"url": "http://shop.test/", "surprise": 1}, "surprise"),
    ({"url": "http://shop.test/", "webhook": {"url": "ftp://h/"}}, "webhook.url"),
    ({"url": "http://shop.test/", "webhook": {"url": "http://h.test/", "events": ["job.exploded"]}}, "webhook.events"),
    ({"url": "http://shop.test/", "webhook": {"url": "http://h.test/", "extra": 1}}, "webhook.extra"),
    ({"url": "http://shop.test/", "job_id": "no spaces"}, "job_id"),
])
def test_scrape_rejects_bad_fields_with_422_naming_them(client, env, payload, field):
    status, error, detail = error_of(client.post("/scrape", json=payload))
    assert status == 422 and error == "validation_error"
    assert field in detail, detail
    assert env.jobs().list() == [], "a refused request must queue nothing"


def test_bad_bodies_get_400_and_413(make_client):
    client = make_client(SCRAPEJET_API_MAX_BODY=2000)
    assert error_of(client.post("/scrape", data="{nope", content_type="application/json"))[:2] == (400, "invalid_json")
    assert error_of(client.post("/scrape", json=["http://shop.test/"]))[:2] == (400, "invalid_json")
    big = {"url": "http://shop.test/", "include": "x" * 5000}
    assert error_of(client.post("/scrape", json=big))[:2] == (413, "request_entity_too_large")
    assert error_of(client.get("/no/such/path"))[:2] == (404, "not_found")
    r = client.put("/scrape")
    assert error_of(r)[:2] == (405, "method_not_allowed") and "POST" in r.headers["Allow"]


def test_job_id_in_use_is_a_conflict(client, web):
    assert client.post("/scrape", json={"url": web.url("shop.test"), "job_id": "mine"}).status_code == 202
    assert error_of(client.post("/scrape", json={"url": web.url("shop.test"), "job_id": "mine"}))[:2] == (409, "job_exists")


# -- a job that waits (no worker) ------------------------------------------------
def test_progress_result_and_cancel_of_a_waiting_job(client, web):
    job_id = client.post("/scrape", json={"url": web.url("shop.test"), "max_pages": 5}).get_json()["job_id"]
    p = client.get(f"/scrape/{job_id}/progress").get_json()
    assert p["status"] == "pending" and p["progress"] == 0 and p["expected_pages"] == 5
    assert p["pages_queued"] == 3 and p["eta_s"] is None and p["started_at"] is None

    status, error, detail = error_of(client.get(f"/scrape/{job_id}/result"))
    assert (status, error) == (409, "job_running") and "partial=true" in detail
    partial = client.get(f"/scrape/{job_id}/result?partial=true").get_json()
    assert partial["complete"] is False and partial["total"] == 0 and partial["items"] == []

    r = client.delete(f"/scrape/{job_id}")
    assert r.status_code == 200 and r.get_json()["status"] == "cancelled" and r.get_json()["state"] == "REVOKED"
    assert client.delete(f"/scrape/{job_id}").status_code == 200  # cancelling twice is harmless
    p = client.get(f"/scrape/{job_id}/progress").get_json()
    assert p["status"] == "cancelled" and p["pages_queued"] == 0
    assert client.get("/queue/stats").get_json()["queues"]["generic"]["length"] == 0
    assert client.get(f"/scrape/{job_id}/result").get_json()["complete"] is True
    assert client.get(f"/queue/job_status/{job_id}").get_json()["state"] == "REVOKED"


@pytest.mark.parametrize("method, path", [
    ("get", "/scrape/nope/progress"), ("get", "/scrape/nope/result"), ("delete", "/scrape/nope"),
    ("get", "/queue/job_status/nope"), ("get", "/jobs/nope"), ("get", "/sites/nothing.test"),
    ("delete", "/sites/nothing.test"),
])
def test_unknown_things_are_404(client, method, path):
    assert error_of(getattr(client, method)(path))[:2] == (404, "not_found")


@pytest.mark.parametrize("query", ["status=done", "kind=spaceship", "limit=0", "color=red"])
def test_jobs_filters_are_validated(client, query):
    assert error_of(client.get(f"/jobs?{query}"))[0] == 422


# -- a real crawl ------------------------------------------------------------------
def test_crawl_through_the_api_then_results_sites_and_queue(client, env, web, workers):
    r = client.post("/scrape", json={"url": web.url("shop.test"), "expected_pages": 50, "output_format": "csv"})
    job_id = r.get_json()["job_id"]
    workers.append(env.worker())
    progress = wait_for(
        lambda: (p := client.get(f"/scrape/{job_id}/progress").get_json())["status"] == "completed" and p,
        90, 0.2, what="the crawl to complete",
    )
    assert progress["progress"] == 100 and progress["state"] == "SUCCESS"
    assert progress["pages_crawled"] == 18 and progress["pages_queued"] == 0 and progress["elapsed_s"] > 0

    # paginated JSON
    first = client.get(f"/scrape/{job_id}/result?per_page=5").get_json()
    assert (first["total"], first["total_pages"], len(first["items"])) == (18, 4, 5)
    last = client.get(f"/scrape/{job_id}/result?per_page=5&page=4").get_json()
    assert len(last["items"]) == 3
    items = [i for p in range(1, 5)
             for i in client.get(f"/scrape/{job_id}/result?per_page=5&page={p}").get_json()["items"]]
    assert len({i["url"] for i in items}) == 18
    about = next(i for i in items if i["url"].endswith("/about"))
    assert web.marker("shop.test", "/about") in about["text"] and about["title"]

    # downloads in every format
    r = client.get(f"/scrape/{job_id}/result?format=json")
    assert r.mimetype == "application/json" and "attachment" in r.headers["Content-Disposition"]
    assert len(json.loads(r.data)) == 18
    r = client.get(f"/scrape/{job_id}/result?format=jsonl")
    assert len(r.data.decode().splitlines()) == 18
    r = client.get(f"/scrape/{job_id}/result?download=true")  # the job's output_format: csv
    assert r.mimetype == "text/csv" and r.headers["Content-Disposition"].endswith(".csv")
    assert len(list(csv.DictReader(io.StringIO(r.data.decode())))) == 18
    r = client.get(f"/scrape/{job_id}/result?format=markdown")
    assert r.data.decode().count("\n---\n") == 18  # one document per page
    assert web.marker("shop.test", "/about") in r.data.decode()

    # filters: text in the URL or the title (any case, taken literally), the HTTP status; downloads follow them
    abouts = client.get(f"/scrape/{job_id}/result?q=ABOUT").get_json()
    assert abouts["total"] >= 1 and abouts["total"] < 18
    assert all("about" in (i["url"] + (i["title"] or "")).lower() for i in abouts["items"])
    assert client.get(f"/scrape/{job_id}/result?status=200").get_json()["total"] == 18
    assert client.get(f"/scrape/{job_id}/result?status=404").get_json()["total"] == 0
    assert client.get(f"/scrape/{job_id}/result?q=%25").get_json()["total"] == 0
    r = client.get(f"/scrape/{job_id}/result?format=jsonl&q=about")
    assert len(r.data.decode().splitlines()) == abouts["total"]
    assert client.get(f"/scrape/{job_id}/result?status=42").status_code == 422

    # the last hour, as the workers' heartbeats sampled it: every page counted once
    history = wait_for(lambda: (h := client.get("/queue/history?minutes=5").get_json())["pages"] == 18 and h,
                       10, 0.2, what="the heartbeats to count the pages")
    assert history["minutes"] == 5 and len(history["points"]) == 5 and history["kept_minutes"] == 60
    now = history["points"][-1]
    assert now["complete"] is False and now["waiting"] == 0 and now["in_flight"] == 0
    assert sum(p["pages"] or 0 for p in history["points"]) == 18
    assert client.get("/queue/history?minutes=0").status_code == 422

    # a finished job cannot be cancelled
    assert error_of(client.delete(f"/scrape/{job_id}"))[:2] == (409, "job_finished")

    # queue, workers, jobs
    stats = client.get("/queue/stats").get_json()
    assert stats["jobs"]["completed"] == 1 and stats["queued"] == 0 and stats["workers_alive"] == 1
    health = client.get("/queue/manage/crawler_health").get_json()
    assert health["alive"] == 1 and health["workers"][0]["spider"] == "generic"
    assert health["scrapyd"]["configured"] is False
    assert client.get("/jobs?status=completed").get_json()["jobs"][0]["counters"]["crawled"] == 18

    # sites
    sites = client.get("/sites").get_json()
    assert [(s["site"], s["pages"], s["urls"]) for s in sites["sites"]] == [("shop.test", 18, 18)]
    assert sites["sites"][0]["last_crawl"]["job_id"] == job_id
    assert sites["sites"][0]["index"]["available"] is False
    site = client.get("/sites/shop.test").get_json()
    assert [c["job_id"] for c in site["crawls"]] == [job_id] and site["crawls"][0]["status"] == "completed"
    assert client.get("/sites/www.shop.test").get_json()["site"] == "shop.test"
    deleted = client.delete("/sites/shop.test").get_json()
    assert deleted["pages_deleted"] == 18 and deleted["index_deleted"] is False
    assert client.get("/sites").get_json()["count"] == 0
    assert client.get(f"/scrape/{job_id}/result").get_json()["total"] == 0


def test_failures_of_a_job_with_their_reasons(client, env, web):
    job_id = client.post("/scrape", json={"url": web.url("traps.test")}).get_json()["job_id"]
    storage = env.storage()
    for n, (path, status, reason, outcome) in enumerate([
        ("/missing", 404, "HTTP 404", "failed"), ("/doc.pdf", 200, "not a web page: application/pdf", "skipped"),
        ("/error", 500, "HTTP 500", "failed"), ("/private", None, "disallowed by robots.txt", "skipped"),
    ]):
        storage.record_failure({"job_id": job_id, "url": web.url("traps.test", path), "status": status,
                                "reason": reason, "outcome": outcome, "depth": 1, "fetched_at": 1_700_000_000 + n})
    every = client.get(f"/jobs/{job_id}/failures").get_json()
    assert (every["failed"], every["skipped"], every["total"], every["total_pages"]) == (2, 2, 4, 1)
    assert [(i["url"].rsplit("/", 1)[1], i["status"], i["reason"]) for i in every["items"]] == [
        ("missing", 404, "HTTP 404"), ("doc.pdf", 200, "not a web page: application/pdf"),
        ("error", 500, "HTTP 500"), ("private", None, "disallowed by robots.txt")]
    assert every["items"][0]["fetched_at"] == "2023-11-14T22:13:20+00:00"
    failed = client.get(f"/jobs/{job_id}/failures?outcome=failed&per_page=1&page=2").get_json()
    assert (failed["total"], failed["total_pages"], [i["reason"] for i in failed["items"]]) == (2, 2, ["HTTP 500"])
    assert client.get(f"/jobs/{job_id}/failures?outcome=broken").status_code == 422
    assert client.get("/jobs/nope/failures").status_code == 404
    storage.close()


def test_a_site_being_crawled_cannot_be_deleted(client, env, web):
    env.storage().upsert_page({"job_id": "old", "url": web.url("shop.test"), "final_url": web.url("shop.test"),
                               "status": 200, "site": "shop.test", "fetched_at": 1.0})
    job_id = client.post("/scrape", json={"url": web.url("shop.test")}).get_json()["job_id"]
    status, error, detail = error_of(client.delete("/sites/shop.test"))
    assert (status, error) == (409, "site_busy") and job_id in detail
    client.delete(f"/scrape/{job_id}")
    assert client.delete("/sites/shop.test").get_json()["pages_deleted"] == 1


# -- insights (answers: tests/test_insights_sites.py) -----------------------------------
@pytest.mark.parametrize("method, path, payload, what", [
    ("post", "/business/insights", {"site_name": "company.test", "questions": ["What does this company do?"]},
     "no stored pages of site 'company.test'"),
    ("get", "/business/insights/abc", None, "no insights task 'abc'"),
    ("post", "/query", {"question": "Who are they?", "site_name": "company.test", "n_results": 3},
     "no stored pages of site 'company.test'"),
    ("post", "/query", {"question": "Who are they?"}, "no pages are stored yet"),
])
def test_insights_need_a_stored_site(client, env, method, path, payload, what):
    kwargs = {"json": payload} if payload is not None else {}
    status, error, detail = error_of(getattr(client, method)(path, **kwargs))
    assert (status, error) == (404, "not_found") and what in detail
    assert env.jobs().list() == [], "asking questions queues no crawl"


@pytest.mark.parametrize("path, payload, field", [
    ("/scrape/business", {"url": "http://company.test/", "pages_to_scrape": ["http://other.test/x"]}, "pages_to_scrape"),
    ("/scrape/business", {"url": "http://company.test/", "priority": 12}, "priority"),
    ("/scrape/business", {"url": "mailto:x@y"}, "url"),
    ("/business/insights", {"site_name": "company.test", "questions": []}, "questions"),
    ("/business/insights", {"site_name": "not a host", "questions": ["q"]}, "site_name"),
    ("/business/insights", {"site_name": "company.test", "questions": ["q"], "answer_fast": True}, "answer_fast"),
    ("/query", {"question": "", "n_results": 3}, "question"),
    ("/query", {"question": "q", "n_results": 500}, "n_results"),
    ("/queue/submit_crawl", {"target_url": "http://example.test", "config": {"max_pagez": 1}}, "config.max_pagez"),
    ("/queue/submit_crawl", {"target_url": "http://example.test", "initial_seed_urls": ["gopher://x"]}, "initial_seed_urls"),
])
def test_later_endpoints_reject_bad_input_first(client, path, payload, field):
    status, error, detail = error_of(client.post(path, json=payload))
    assert status == 422 and field in detail, detail


def test_backlinks_domain_is_validated(client):
    assert error_of(client.get("/backlinks/not_a_domain!"))[0] == 422


# -- health ------------------------------------------------------------------------
def test_health_reports_each_part(client, make_client, env, workers):
    r = client.get("/health")
    body = r.get_json()
    assert r.status_code == 200 and body["status"] == "degraded"  # no worker yet
    assert body["components"]["redis"]["status"] == "ok" and body["components"]["storage"]["status"] == "ok"
    assert body["components"]["workers"]["status"] == "none"
    assert body["components"]["scrapyd"]["status"] == "not_configured"
    workers.append(env.worker())
    body = wait_for(lambda: (b := client.get("/health").get_json())["workers"] == 1 and b, 60, what="a worker")
    assert body["status"] == "ok" or body["components"]["index"]["status"] == "not_configured"

    down = make_client(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    r = down.get("/health")
    assert r.status_code == 503 and r.get_json()["components"]["redis"]["status"] == "down"
    assert error_of(down.get("/queue/stats"))[:2] == (503, "unavailable")


# -- security ----------------------------------------------------------------------
def test_api_keys(make_client, web):
    client = make_client(SCRAPEJET_API_KEYS="k-one, k-two")
    r = client.get("/jobs")
    assert error_of(r)[:2] == (401, "unauthorized") and r.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/jobs", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/jobs", headers={"Authorization": "Bearer k-one"}).status_code == 200
    assert client.get("/jobs", headers={"X-API-Key": "k-two"}).status_code == 200
    assert client.post("/scrape", json={"url": web.url("shop.test")}).status_code == 401
    assert client.get("/health").status_code == 200
    spec = client.get("/openapi.json").get_json()
    assert set(spec["components"]["securitySchemes"]) == {"bearerAuth", "apiKey"}
    assert "401" in spec["paths"]["/scrape"]["post"]["responses"]
    assert "security" not in spec["paths"]["/health"]["get"]
    assert client.get("/docs/").status_code == 200
    # without keys configured, nothing asks for one
    open_client = make_client()
    assert open_client.get("/jobs").status_code == 200
    assert "securitySchemes" not in open_client.get("/openapi.json").get_json()["components"]


def test_health_shows_no_paths_to_a_caller_without_a_key(make_client, env):
    """/health is open when keys are set: it says whether the index works,
    not where the data folder is, unless the caller presents a key."""
    client = make_client(SCRAPEJET_API_KEYS="k-one", SCRAPEJET_EMBEDDINGS="1")
    data_dir = str(env.data_dir)
    anonymous = client.get("/health")
    assert anonymous.status_code in (200, 503) and data_dir not in anonymous.get_data(as_text=True)
    assert anonymous.get_json()["components"]["index"]["status"] in ("ok", "degraded")
    keyed = client.get("/health", headers={"X-API-Key": "k-one"})
    assert data_dir in keyed.get_json()["components"]["index"]["detail"]


def test_bodies_must_be_json_and_no_cors_is_offered(client, web):
    """A page on another site can POST text/plain or a form without a CORS
    preflight: such bodies are refused (415), whatever they contain, and
    nothing invites a browser to let other origins read or send JSON."""
    body = json.dumps({"url": web.url("shop.test")})
    for kind in ("text/plain", "application/x-www-form-urlencoded", None):
        r = client.post("/scrape", data=body, content_type=kind) if kind else client.post("/scrape", data=body)
        assert error_of(r)[:2] == (415, "unsupported_media_type"), kind
    assert client.get("/jobs").get_json()["jobs"] == []
    assert client.post("/scrape", data=body, content_type="application/json; charset=utf-8").status_code == 202
    preflight = client.options("/scrape", headers={"Origin": "https://evil.example",
                                                  "Access-Control-Request-Method": "POST"})
    answered = client.post("/scrape", json={"url": web.url("shop.test")}, headers={"Origin": "https://evil.example"})
    for r in (preflight, answered):
        assert not [h for h in r.headers.keys() if h.lower().startswith("access-control-")], dict(r.headers)
    assert "415" in client.get("/openapi.json").get_json()["paths"]["/scrape"]["post"]["responses"]


@pytest.mark.parametrize("raw", [
    "[" * 200_000,
    '{"url": ' + '{"a": ' * 5_000 + "1" + "}" * 5_000 + "}",
    '{"url": "http://shop.test/", "webhook": ' + '{"url": ' * 40 + '"x"' + "}" * 40 + "}",
])
def test_deeply_nested_json_is_a_clear_400(client, raw):
    status, error, detail = error_of(client.post("/scrape", data=raw, content_type="application/json"))
    assert (status, error) == (400, "invalid_json") and "nests deeper" in detail


def test_lone_surrogates_are_refused_at_the_door(client):
    """'\\ud800' is valid JSON but no text: refused with 422 everywhere, not
    accepted then failed inside a task."""
    raw = '{"site_name": "company.test", "questions": ["\\ud800"]}'
    status, error, detail = error_of(client.post("/business/insights", data=raw, content_type="application/json"))
    assert (status, error) == (422, "validation_error") and "questions.0" in detail and "surrogate" in detail
    raw = '{"question": "who\\udfff?", "site_name": "company.test"}'
    assert error_of(client.post("/query", data=raw, content_type="application/json"))[:2] == (422, "validation_error")


def test_a_422_stays_small_however_many_fields_are_wrong(client):
    query = "&".join(f"p{i}=1" for i in range(20_000))
    r = client.get(f"/jobs?{query}")
    status, error, detail = error_of(r)
    assert (status, error) == (422, "validation_error")
    assert len(r.get_data()) < 10_000 and len(r.get_json()["errors"]) == 20 and "19980 more" in detail


def test_a_client_gets_429_past_its_submissions_per_minute(make_client, web):
    client = make_client(SCRAPEJET_API_KEYS="k-one, k-two", SCRAPEJET_API_SUBMISSIONS_PER_MIN="3")
    one, two = {"X-API-Key": "k-one"}, {"X-API-Key": "k-two"}
    for _ in range(3):
        assert client.post("/scrape", json={"url": web.url("shop.test")}, headers=one).status_code == 202
    refused = client.post("/scrape", json={"url": web.url("shop.test")}, headers=one)
    assert error_of(refused)[:2] == (429, "too_many_requests")
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    # another key has its own budget; reading is not limited
    assert client.post("/scrape", json={"url": web.url("shop.test")}, headers=two).status_code == 202
    assert client.get("/jobs", headers=one).status_code == 200
    assert "429" in client.get("/openapi.json").get_json()["paths"]["/scrape"]["post"]["responses"]


def test_a_client_gets_429_past_its_live_jobs(make_client, web):
    client = make_client(SCRAPEJET_API_MAX_LIVE_JOBS="2")
    ids = [client.post("/scrape", json={"url": web.url("shop.test")}).get_json()["job_id"] for _ in range(2)]
    refused = client.post("/scrape/business", json={"url": web.url("shop.test")})
    assert error_of(refused)[:2] == (429, "too_many_requests") and refused.headers["Retry-After"]
    assert error_of(client.post("/queue/submit_crawl", json={
        "target_url": "http://target.test", "initial_seed_urls": [web.url("news-a.test")]}))[0] == 429
    # a job that is over leaves the count
    assert client.delete(f"/scrape/{ids[0]}").status_code == 200
    assert client.post("/scrape", json={"url": web.url("shop.test")}).status_code == 202


@pytest.mark.parametrize("url, why", [
    ("SHOP", "loopback"),  # a fixture host: resolved through SCRAPEJET_RESOLVE like the crawler does
    ("http://127.0.0.1:8080/", "loopback"),
    ("http://localhost/", "loopback"),
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.10/admin", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[::1]/", "loopback"),
    ("http://[::ffff:10.0.0.1]/", "private"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://100.100.100.200/", "not globally routable"),
    ("http://does-not-exist.invalid/", "does not resolve"),
])
def test_private_targets_are_refused_by_default(make_client, env, web, url, why):
    client = make_client(SCRAPEJET_ALLOW_PRIVATE="0")
    url = web.url("shop.test") if url == "SHOP" else url
    status, error, detail = error_of(client.post("/scrape", json={"url": url}))
    assert (status, error) == (422, "target_not_allowed") and why in detail, detail
    assert env.jobs().list() == []


def test_ssrf_checks_webhooks_and_lets_public_hosts_through(make_client, env):
    # public.test is mapped to a public address the way SCRAPEJET_RESOLVE maps
    # fixture hosts; no worker runs, so nothing is ever sent there.
    client = make_client(SCRAPEJET_ALLOW_PRIVATE="0", SCRAPEJET_RESOLVE=json.dumps(
        {"public.test": "93.184.215.14", "*.intranet.test": "10.0.0.7"}))
    status, _, detail = error_of(client.post("/scrape", json={
        "url": "http://public.test/", "webhook": {"url": "http://hooks.intranet.test/x"}}))
    assert status == 422 and detail.startswith("webhook.url:") and "private" in detail
    # a site name is looked up in storage, never resolved or fetched
    status, _, detail = error_of(client.post("/business/insights", json={"site_name": "x.test", "questions": ["q"]}))
    assert status == 404
    r = client.post("/scrape", json={"url": "http://public.test/"})
    assert r.status_code == 202
    client.delete(f"/scrape/{r.get_json()['job_id']}")
    status, _, detail = error_of(client.post("/queue/submit_crawl", json={
        "target_url": "http://public.test/", "initial_seed_urls": ["http://a.intranet.test/"]}))
    assert status == 422 and "initial_seed_urls.0" in detail


# -- the document ------------------------------------------------------------------
def test_openapi_document_matches_the_server(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    expected = {
        ("post", "/scrape"), ("get", "/scrape/{job_id}/progress"), ("get", "/scrape/{job_id}/result"),
        ("delete", "/scrape/{job_id}"), ("post", "/scrape/business"), ("post", "/business/insights"),
        ("get", "/business/insights/{task_id}"), ("post", "/query"), ("get", "/sites"), ("get", "/sites/{site}"),
        ("delete", "/sites/{site}"), ("post", "/queue/submit_crawl"), ("get", "/queue/job_status/{job_id}"),
        ("get", "/queue/stats"), ("get", "/queue/manage/crawler_health"), ("get", "/queue/status"),
        ("get", "/backlinks/{domain}"), ("get", "/backlinks/{domain}/summary"), ("get", "/jobs"), ("get", "/health"),
    }
    assert expected <= {(m, p) for p, ops in spec["paths"].items() for m in ops}
    scrape = spec["components"]["schemas"]["ScrapeRequest"]
    assert scrape["additionalProperties"] is False and scrape["required"] == ["url"]
    assert {"expected_pages", "output_format", "webhook", "priority"} <= set(scrape["properties"])
    limits = [o for o in scrape["properties"]["max_pages"]["anyOf"] if o.get("type") == "integer"]
    assert limits[0]["maximum"] == 100000
    result = spec["paths"]["/scrape/{job_id}/result"]["get"]
    assert {p["name"] for p in result["parameters"]} == {"job_id", "format", "download", "page", "per_page", "partial", "q", "status"}
    assert {"200", "404", "409", "422"} <= set(result["responses"])
    index = client.get("/api").get_json()
    assert {"method": "POST", "path": "/scrape", "summary": "Start a site crawl"} in index["endpoints"]


def test_docs_page_is_served_without_a_cdn(client):
    page = client.get("/docs/").data.decode()
    assert "/openapi.json" in page and "swagger-ui-bundle.js" in page
    # every URL the page loads is on this server
    assert not re.findall(r"""(?:src|href)=["']https?://""", page)
    bundle = client.get("/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.data) > 100_000
