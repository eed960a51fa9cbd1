"""Backlink discovery as users run it: `scrapy crawl backlink`, `scrapejet
backlinks`, and the HTTP API with a queue-serving worker, on the backlink web
of the fixture web (tests/backlink_web: news-a, forum-c, blog-b, shop-d,
big-f and a shortener, lnk.test, linking to target.test in every way a page
can, and to unrelated hosts).

The backlink web, edition v1, crawled from news-a.test/ and forum-c.test/
with max_depth 2 and 4 pages per domain, holds exactly the links of V1."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from scrapejet.api import create_app
from tests.conftest import wait_for

TARGET = "target.test"
SEEDS = ("news-a.test", "forum-c.test")
ALL = frozenset({"nofollow", "ugc", "sponsored", "noopener"})


def bare(url: str | None) -> str | None:
    """A fixture URL without scheme and port: news-a.test/docs.html."""
    return re.sub(r"^https?://([^/:]+)(:\d+)?", r"\1", url) if url else url


def link(source, target, anchor, link_type="href", flags=(), content=True, via=None):
    return (source, target, anchor, link_type, frozenset(flags), content, via)


def key(record: dict) -> tuple:
    """A feed item, stored record, API item or CSV row as a `link(...)`."""
    def true(name):
        return record[name] in (True, "True", "true", 1)

    return (bare(record["source_url"]), bare(record["target_url"]), record["anchor_text"], record["link_type"],
            frozenset(f for f in ALL if true(f)), true("is_content"), bare(record.get("redirect_url")) or None)


V1 = {
    # news-a.test/: nav and footer links are not content; www and other
    # subdomains count; the fragment goes; the second "Target Analytics" link
    # to the same URL is the same record; uppercase REL; a partner link of
    # the site (/go/target) that redirects to the target
    link("news-a.test/", "target.test/", "Target", content=False),
    link("news-a.test/", "target.test/", "Target Analytics"),
    link("news-a.test/", "www.target.test/pricing", "pricing of Target Analytics"),
    link("news-a.test/", "target.test/", "the Target homepage"),
    link("news-a.test/", "target.test/deal", "Target deal", flags=("nofollow", "sponsored")),
    link("news-a.test/", "blog.target.test/post", "the Target blog", flags=("nofollow",)),
    link("news-a.test/", "target.test/signup", "our partner link", "redirect", via="news-a.test/go/target"),
    link("news-a.test/", "target.test/terms", "Target terms", content=False),
    # <base href> on the target: relative links lead there
    link("news-a.test/docs.html", "target.test/docs/getting-started", "Getting started"),
    link("news-a.test/docs.html", "target.test/docs/api/reference", "API reference"),
    link("news-a.test/docs.html", "target.test/signup", "partner link again", "redirect", via="news-a.test/go/target"),
    # a page of news-a that answers with a redirect to the target
    link("news-a.test/old-target", "target.test/", "", "redirect", content=False, via="news-a.test/old-target"),
    link("forum-c.test/", "target.test/features", "Target features", flags=("ugc", "nofollow")),
    link("forum-c.test/", "target.test/widget", "", "iframe"),
    link("forum-c.test/", "target.test/subscribe", "", "form"),
    link("forum-c.test/", "target.test/", "Target (neuer Tab)", flags=("noopener",)),
    link("forum-c.test/", "target.test/ads", "Target ad", content=False),
    # the shortener: two pages link to lnk.test/abc (one twice), one probe answers all
    link("forum-c.test/thread.html", "target.test/pricing", "short link", "redirect", via="lnk.test/abc"),
    link("forum-c.test/thread.html", "target.test/pricing", "Target pricing", "redirect", via="lnk.test/abc"),
    link("blog-b.test/", "target.test/pricing", "short link", "redirect", via="lnk.test/abc"),
    link("blog-b.test/", "target.test/", "Target logo", "image"),
    link("blog-b.test/review.html", "target.test/reviews", "Target Analytics"),
    link("blog-b.test/moved.html", "target.test/new-home", "", "meta-refresh", content=False),
    link("shop-d.test/", "target.test/store", "", "canonical", content=False),
    link("shop-d.test/", "target.test/", "Buy Target", flags=("sponsored",)),
    # big-f.test has 13 pages; 4 per domain are crawled: / and the first 3
    link("big-f.test/", "target.test/", "Target Analytics"),
    link("big-f.test/p/1.html", "target.test/p1", "Target listing 1"),
    link("big-f.test/p/2.html", "target.test/p2", "Target listing 2"),
    link("big-f.test/p/3.html", "target.test/p3", "Target listing 3"),
}
# Edition v2: news-a dropped the deal and made the pricing link nofollow,
# added a changelog link; forum-c added a docs link; blog-b's review is gone (410).
PRICING = link("news-a.test/", "www.target.test/pricing", "pricing of Target Analytics")
DEAL = link("news-a.test/", "target.test/deal", "Target deal", flags=("nofollow", "sponsored"))
REVIEW = link("blog-b.test/review.html", "target.test/reviews", "Target Analytics")
NEW = {link("news-a.test/", "target.test/changelog", "Target changelog"),
       link("forum-c.test/", "target.test/docs", "Target docs")}
V2 = (V1 - {PRICING, DEAL, REVIEW}) | NEW | {PRICING[:4] + (frozenset({"nofollow"}),) + PRICING[5:]}

V1_SUMMARY = {
    "backlinks": 29, "referring_pages": 13, "referring_domains": 5, "dofollow": 25, "nofollow": 3, "ugc": 1,
    "sponsored": 2, "noopener": 1, "in_content": 23,
    "link_types": {"href": 18, "redirect": 6, "canonical": 1, "form": 1, "iframe": 1, "image": 1, "meta-refresh": 1},
    "lost_total": 0, "new_since_previous_job": 29, "lost_since_previous_job": 0,
}
TOP_ANCHORS_V1 = [("Target Analytics", 3), ("short link", 2), ("API reference", 1)]
TOP_DOMAINS_V1 = [
    # (domain, backlinks, referring pages, dofollow)
    ("news-a.test", 12, 3, 10), ("forum-c.test", 7, 2, 6), ("big-f.test", 4, 4, 4), ("blog-b.test", 4, 3, 4),
    ("shop-d.test", 2, 1, 1),
]


def stored(env, domain: str = TARGET, **filters) -> list[dict]:

    return list(env.storage().backlinks.records(domain, **filters))


def seeds(web, *hosts):
    return [web.url(h) for h in hosts or SEEDS]


@pytest.fixture
def edition(web):
    """Flip the backlink web to another edition for a test."""
    yield lambda name: setattr(web, "edition", name)
    web.edition = None


def test_scrapy_crawl_records_every_backlink_and_nothing_else(env, web, tmp_path):
    web.reset_log()
    out = tmp_path / "backlinks.jsonl"
    proc = env.scrapy("crawl", "backlink", "-a", f"target={TARGET}", "-a", f"seeds={','.join(seeds(web))}",
                      "-a", "max_pages=500", "-a", "max_depth=2", "-a", "per_domain_max_pages=4", "-O", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text().splitlines()]
    # the feed holds backlinks only (no crawled pages), each once
    assert len(items) == len({key(i) for i in items}) == 29
    assert {key(i) for i in items} == V1
    job_id = items[0]["job_id"]
    records = stored(env, status="all")
    assert {key(r) for r in records} == V1 and all(r["live"] and r["lost_at"] is None for r in records)

    # what one record says
    docs = next(i for i in items if i["anchor_text"] == "Getting started")
    assert docs["source_domain"] == "news-a.test" and docs["target_domain"] == TARGET
    assert docs["source_status"] == 200 and docs["source_language"] == "en"
    assert docs["context"] == "Start with Getting started and keep the API reference open." and docs["position"] == 1
    assert docs["first_seen"] == docs["last_seen"] > 0 and docs["alt"] is None
    nav = next(i for i in items if i["anchor_text"] == "Target")
    assert nav["position"] == 2  # after the brand link "/"
    assert next(i for i in items if i["link_type"] == "image")["alt"] == "Target logo"
    assert next(i for i in items if "deal" in i["target_url"])["rel"] == ["nofollow", "sponsored"]
    assert {i["source_language"] for i in items if i["source_url"].startswith(web.url("forum-c.test"))} == {"de"}

    # what was fetched: never the target, nothing past depth 2 or robots.txt,
    # 4 pages of big-f, each probe once (HEAD)
    assert web.hits(TARGET) == web.hits("www.target.test") == web.hits("blog.target.test") == 0
    assert web.hits("deep-e.test") == 0 and web.hits("forum-c.test", "/private/notes.html") == 0
    assert {r.path for r in web.requests if r.host == "big-f.test"} == {"/robots.txt", "/", "/p/1.html", "/p/2.html",
                                                                       "/p/3.html"}
    probes = sorted((r.host, r.path) for r in web.requests if r.method == "HEAD")
    assert probes == [("lnk.test", "/abc"), ("lnk.test", "/xyz"), ("news-a.test", "/go/target")]

    # the job counts crawled pages (progress), items are the backlinks;
    # source pages are not stored as pages (not in GET /sites)
    job = env.jobs().get(job_id)
    assert job.status == "completed"
    assert (job.counters["crawled"], job.counters["skipped"], job.counters["failed"], job.counters["items"]) == (
        14, 1, 0, 29)
    assert env.storage().count_pages(job_id) == 0
    assert [f["reason"] for f in env.storage().list_failures(job_id)] == ["disallowed by robots.txt"]

    profile = env.storage().backlinks.summary(TARGET)
    assert {k: profile[k] for k in V1_SUMMARY} == V1_SUMMARY
    assert [(a["anchor"], a["backlinks"]) for a in profile["top_anchors"][:3]] == TOP_ANCHORS_V1
    assert [tuple(d.values()) for d in profile["top_referring_domains"]] == TOP_DOMAINS_V1
    assert profile["latest_job"]["job_id"] == job_id and profile["latest_job"]["pages_crawled"] == 14
    assert profile["previous_job"] is None
    # one host of the target: its links only
    assert env.storage().backlinks.summary("blog.target.test")["backlinks"] == 1
    assert env.storage().backlinks.summary("www.target.test")["backlinks"] == 29  # www is the apex


def test_recrawl_marks_lost_links_and_finds_new_ones(env, web, tmp_path, edition):
    args = ["backlinks", TARGET, "--seed", *seeds(web), "--per-domain-max-pages", "4"]
    first = env.scrapejet(*args, "--format", "csv", "-o", str(tmp_path / "v1.csv"))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "29 seen by this job, from 5 referring domain(s)" in first.stdout, first.stdout
    rows = list(csv.DictReader(io.StringIO((tmp_path / "v1.csv").read_text())))
    assert {key(r) for r in rows} == V1

    edition("v2")
    second = env.scrapejet(*args, "-o", str(tmp_path / "v2.json"))
    assert second.returncode == 0, second.stdout + second.stderr
    assert "2 new, 3 lost since the previous job" in second.stdout, second.stdout
    assert "HTTP 410" in second.stdout  # the review page, recorded as a failure of the job
    seen = json.loads((tmp_path / "v2.json").read_text())
    assert {key(r) for r in seen} == V2  # what the second job saw

    records = {key(r): r for r in stored(env, status="all")}
    assert set(records) == V2 | {DEAL, REVIEW}
    lost = {k: r["lost_reason"] for k, r in records.items() if r["lost_at"]}
    became = PRICING[:4] + (frozenset({"nofollow"}),) + PRICING[5:]
    assert lost == {DEAL: "link removed", REVIEW: "page gone", became: "became nofollow"}
    assert records[became]["live"] and not records[DEAL]["live"] and not records[REVIEW]["live"]
    jobs = sorted(env.jobs().list(kind="backlinks"), key=lambda j: j.created_at)
    assert {records[k]["first_job_id"] for k in NEW} == {jobs[1].job_id}
    assert records[DEAL]["last_job_id"] == jobs[0].job_id and records[DEAL]["lost_job_id"] == jobs[1].job_id

    summary = env.scrapejet("backlinks", "summary", TARGET, "--json")
    assert summary.returncode == 0, summary.stderr
    profile = json.loads(summary.stdout)
    assert {k: profile[k] for k in ("backlinks", "referring_pages", "referring_domains", "dofollow", "nofollow",
                                    "sponsored", "lost_total", "new_since_previous_job",
                                    "lost_since_previous_job")} == {
        "backlinks": 29, "referring_pages": 12, "referring_domains": 5, "dofollow": 25, "nofollow": 3,
        "sponsored": 1, "lost_total": 2, "new_since_previous_job": 2, "lost_since_previous_job": 3,
    }
    assert (profile["latest_job"]["job_id"], profile["previous_job"]["job_id"]) == (jobs[1].job_id, jobs[0].job_id)
    table = env.scrapejet("backlinks", "summary", f"https://www.{TARGET}/")  # piped: tab-separated
    assert table.returncode == 0 and "referring domains\t5" in table.stdout and "news-a.test\t12\t3\t10" in table.stdout
    # `scrapejet export` of a backlinks job: the links it saw
    export = env.scrapejet("export", jobs[1].job_id, "--format", "jsonl", "-o", "-")
    assert len(export.stdout.splitlines()) == 29


@pytest.mark.parametrize("args, message", [
    (("not a domain", "--seed", "http://news-a.test/"), "target: must be a domain"),
    (("ftp://target.test/", "--seed", "http://news-a.test/"), "target: must be a domain"),
    ((TARGET,), "seeds: give at least one seed URL"),
    ((TARGET, "--seed", "ftp://news-a.test/"), "seeds: 'ftp://news-a.test/' is not an absolute http"),
    ((TARGET, "--seed", "news-a.test"), "is not an absolute http"),
    ((TARGET, "--seed", "http://www.target.test/x"), "is on the target's own site"),
    ((TARGET, "--seed", "http://news-a.test/", "--max-depth", "-1"), "max_depth"),
    (("summary", "not a domain"), "TARGET must be a domain"),
])
def test_bad_input_is_refused_before_anything_starts(env, args, message):
    proc = env.scrapejet("backlinks", *args)
    assert proc.returncode == 2 and message in proc.stdout, proc.stdout + proc.stderr
    assert env.jobs().list() == []


def test_scrapy_crawl_refuses_bad_arguments(env):
    for args, message in (
        (("-a", f"target={TARGET}"), "seeds: give at least one seed URL"),
        (("-a", "target=nope", "-a", "seeds=http://news-a.test/"), "target: must be a domain"),
        (("-a", "url=http://news-a.test/"), "takes target= and seeds=, not url="),
    ):
        proc = env.scrapy("crawl", "backlink", *args)
        assert proc.returncode != 0 and message in proc.stderr, proc.stderr[-2000:]


def test_a_seed_that_is_down_is_a_failure_and_the_job_completes(env, web, tmp_path):
    out = tmp_path / "b.json"
    proc = env.scrapejet("backlinks", TARGET, "--seed", "http://nowhere.invalid/",
                         f"http://news-a.test:{free_port_of(web)}/", web.url("blog-b.test", "/review.html"),
                         "--max-depth", "0", "-o", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert [key(r) for r in json.loads(out.read_text())] == [REVIEW]
    (job,) = env.jobs().list(kind="backlinks")
    assert job.status == "completed" and (job.counters["crawled"], job.counters["failed"]) == (1, 2)
    reasons = {bare(f["url"]).split(":")[0].rstrip("/"): f["reason"] for f in env.storage().list_failures(job.job_id)}
    assert reasons == {"nowhere.invalid": "DNS lookup failed", "news-a.test": "connection refused"}


def free_port_of(web) -> int:
    """A loopback port nothing listens on (news-a.test resolves to loopback)."""
    from tests.conftest import free_port

    port = free_port()
    assert port != web.port
    return port


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_records_upsert_lose_and_sum_up_on_both_databases(backend, tmp_path, request):
    """Storage on its own: a link seen again, removed, turned nofollow, or
    on a page that is gone, on SQLite and PostgreSQL (same SQL)."""
    import time

    from scrapejet.storage import Storage

    url = (f"sqlite:///{tmp_path / 's.db'}" if backend == "sqlite" else
           request.getfixturevalue("postgres_url").replace("postgresql://", "postgresql+psycopg://"))
    storage = Storage(url)
    domain = f"t{time.time_ns()}.test"  # the PostgreSQL database is shared by the session

    def crawl(job, page, *links, status=200, at=1.0):
        items = [{"job_id": job, "source_url": f"http://{page}", "source_domain": page.split("/")[0],
                  "target_url": f"http://{domain}/{path}", "target_domain": domain, "anchor_text": anchor,
                  "rel": ["nofollow"] if nofollow else [], "nofollow": nofollow, "ugc": False, "sponsored": False,
                  "noopener": False, "link_type": "href", "is_content": True, "position": n,
                  "source_status": status, "first_seen": at, "last_seen": at}
                 for n, (path, anchor, nofollow) in enumerate(links, 1)]
        storage.backlinks.store(items, [{"job_id": job, "target_domain": domain, "source_url": f"http://{page}",
                                         "status": status, "fetched_at": at, "backlinks": len(items)}])

    crawl("j1", "a.test/", ("", "A", False), ("x", "X", False), ("y", "Y", False), at=1)
    crawl("j1", "b.test/p", ("", "B", False), at=1)
    crawl("j1", "a.test/", ("", "A", False), ("x", "X", False), ("y", "Y", False), at=1)  # delivered twice
    crawl("j2", "www.a.test/", ("", "A", False), ("x", "X", True), ("z", "Z", False), at=2)  # www: same page
    crawl("j2", "b.test/p", status=404, at=2)
    crawl("j2", "www.a.test/", ("", "A", False), ("x", "X", True), ("z", "Z", False), at=2)  # again
    records = {r["anchor_text"]: r for r in storage.backlinks.records(domain, status="all")}
    state = {a: (r["live"], r["lost_reason"], r["first_job_id"], r["last_job_id"], r["first_seen"], r["last_seen"])
             for a, r in records.items()}
    assert state == {
        "A": (True, None, "j1", "j2", 1.0, 2.0),
        "X": (True, "became nofollow", "j1", "j2", 1.0, 2.0),
        "Y": (False, "link removed", "j1", "j1", 1.0, 1.0),
        "Z": (True, None, "j2", "j2", 2.0, 2.0),
        "B": (False, "page gone", "j1", "j1", 1.0, 1.0),
    }
    assert records["X"]["lost_at"] == 2.0 and records["X"]["nofollow"] is True
    profile = storage.backlinks.summary(domain)
    assert {k: profile[k] for k in ("backlinks", "referring_pages", "referring_domains", "dofollow", "nofollow",
                                    "lost_total", "new_since_previous_job", "lost_since_previous_job")} == {
        "backlinks": 3, "referring_pages": 1, "referring_domains": 1, "dofollow": 2, "nofollow": 1,
        "lost_total": 2, "new_since_previous_job": 1, "lost_since_previous_job": 3,
    }
    assert (profile["latest_job"]["job_id"], profile["previous_job"]["job_id"]) == ("j2", "j1")
    assert profile["link_types"] == {"href": 3} and profile["top_anchors"][0] == {"anchor": "A", "backlinks": 1}
    # new and lost over time: per crawl, oldest first (j1 saw A X Y B; j2 saw Z, lost Y B and X's follow)
    history = storage.backlinks.history(domain)
    assert [(c["job_id"], c["new"], c["lost"], c["crawled_at"]) for c in history] == [
        ("j1", 4, 0, 1.0), ("j2", 1, 3, 2.0)]
    assert [c["job_id"] for c in storage.backlinks.history(domain, crawls=1)] == ["j2"]
    storage.close()


# -- the HTTP API ------------------------------------------------------------------
@pytest.fixture
def client(env):
    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(SCRAPEJET_ALLOW_PRIVATE="1")})
    yield app.test_client()
    app.extensions["scrapejet"].close()


@pytest.mark.parametrize("payload, field", [
    ({"target_url": "not a domain", "initial_seed_urls": ["http://news-a.test/"]}, "target_url"),
    ({"target_url": "http://target.test"}, "initial_seed_urls"),
    ({"target_url": "http://target.test", "initial_seed_urls": []}, "initial_seed_urls"),
    ({"target_url": "http://target.test", "initial_seed_urls": ["ftp://news-a.test/"]}, "initial_seed_urls.0"),
    ({"target_url": "http://target.test", "initial_seed_urls": ["http://www.target.test/"]}, "initial_seed_urls"),
    ({"target_url": "http://target.test", "initial_seed_urls": ["http://news-a.test/"], "priority": 10}, "priority"),
    ({"target_url": "http://target.test", "initial_seed_urls": ["http://news-a.test/"],
      "config": {"max_pages": 100001}}, "config.max_pages"),
    ({"target_url": "target.test", "initial_seed_urls": ["http://news-a.test/"],
      "config": {"match": "prefix"}}, "config.match"),
    ({"target_url": "http://target.test", "initial_seed_urls": ["http://news-a.test/"],
      "config": {"allowed_domains": ["not a domain"]}}, "config.allowed_domains"),
])
def test_submit_crawl_refuses_bad_fields_with_422(client, env, payload, field):
    r = client.post("/queue/submit_crawl", json=payload)
    body = r.get_json()
    assert r.status_code == 422 and field in body["detail"], body
    assert env.jobs().list() == []


def test_private_seeds_are_refused_by_default(env):
    # the test environment allows loopback (its fixture web); the default does not
    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(SCRAPEJET_ALLOW_PRIVATE="0")})
    try:
        r = app.test_client().post("/queue/submit_crawl", json={
            "target_url": "https://example.com", "initial_seed_urls": ["http://127.0.0.1/"]})
        assert r.status_code == 422 and r.get_json()["error"] == "target_not_allowed"
        assert "initial_seed_urls.0" in r.get_json()["detail"]
    finally:
        app.extensions["scrapejet"].close()


def test_submit_crawl_served_by_a_worker_then_backlinks_over_http(client, env, web, workers):
    assert client.get(f"/backlinks/{TARGET}").status_code == 404  # nothing recorded yet
    assert client.get("/backlinks/not_a_domain!/summary").status_code == 422
    r = client.post("/queue/submit_crawl", json={
        "target_url": f"http://{TARGET}", "initial_seed_urls": seeds(web), "priority": 8,
        "config": {"max_pages": 500, "max_depth": 2, "per_domain_max_pages": 4},
    })
    assert r.status_code == 202, r.get_json()
    accepted = r.get_json()
    job_id = accepted["job_id"]
    assert accepted["kind"] == "backlinks" and accepted["priority"] == 8
    assert accepted["progress_url"] == f"/queue/job_status/{job_id}"
    assert accepted["result_url"] == f"/backlinks/{TARGET}?job_id={job_id}"
    assert client.get("/queue/status").get_json()["queues"]["backlink"]["by_priority"] == {"8": 2}

    workers.append(env.worker(spider="backlink"))
    status = wait_for(lambda: (s := client.get(accepted["progress_url"]).get_json())["status"] == "completed" and s,
                      60, 0.2, what="the backlinks job")
    assert status["state"] == "SUCCESS" and status["counters"]["crawled"] == 14 and status["progress"] == 100

    page = client.get(accepted["result_url"] + "&per_page=10").get_json()
    assert (page["total"], page["total_pages"], len(page["items"])) == (29, 3, 10)
    items = [i for n in (1, 2, 3)
             for i in client.get(f"{accepted['result_url']}&per_page=10&page={n}").get_json()["items"]]
    assert {key(i) for i in items} == V1
    assert all(i["live"] and i["first_job_id"] == job_id and i["last_seen"].endswith("+00:00") for i in items)

    def keys(query):
        data = client.get(f"/backlinks/{TARGET}?per_page=1000&{query}").get_json()
        assert data["total"] == len(data["items"])
        return {key(i) for i in data["items"]}

    assert keys("rel=nofollow") == {k for k in V1 if "nofollow" in k[4]}
    assert keys("rel=dofollow") == {k for k in V1 if not k[4] & {"nofollow", "ugc", "sponsored"}}
    assert keys("rel=sponsored") == {k for k in V1 if "sponsored" in k[4]}
    assert keys("link_type=redirect") == {k for k in V1 if k[3] == "redirect"}
    assert keys("referring_domain=forum-c.test") == {k for k in V1 if k[0].startswith("forum-c.test")}
    assert keys("referring_domain=blog-b.test&link_type=image") == {link("blog-b.test/", "target.test/",
                                                                         "Target logo", "image")}
    assert keys("status=lost") == set()
    assert {key(i) for i in client.get("/backlinks/blog.target.test").get_json()["items"]} == {
        link("news-a.test/", "blog.target.test/post", "the Target blog", flags=("nofollow",))}
    for query in ("rel=follow", "link_type=anchor", "status=gone", "per_page=0", "referring_domain=no%20way"):
        assert client.get(f"/backlinks/{TARGET}?{query}").status_code == 422, query

    # every link as CSV (filters apply), JSONL
    r = client.get(f"/backlinks/{TARGET}?format=csv")
    assert r.mimetype == "text/csv" and r.headers["Content-Disposition"].endswith(f"backlinks-{TARGET}.csv")
    rows = list(csv.DictReader(io.StringIO(r.data.decode())))
    assert {key(row) for row in rows} == V1 and rows[0]["first_seen"].endswith("+00:00")
    assert "nofollow sponsored" in {row["rel"] for row in rows}
    r = client.get(f"/backlinks/{TARGET}?format=jsonl&rel=ugc")
    assert [key(json.loads(line)) for line in r.data.decode().splitlines()] == [
        link("forum-c.test/", "target.test/features", "Target features", flags=("ugc", "nofollow"))]

    summary = client.get(f"/backlinks/{TARGET}/summary?top=2").get_json()
    assert {k: summary[k] for k in V1_SUMMARY} == V1_SUMMARY
    assert [(a["anchor"], a["backlinks"]) for a in summary["top_anchors"]] == TOP_ANCHORS_V1[:2]
    assert [tuple(d.values()) for d in summary["top_referring_domains"]] == TOP_DOMAINS_V1[:2]
    assert summary["latest_job"]["job_id"] == job_id and summary["latest_job"]["crawled_at"].endswith("+00:00")
    assert client.get(f"/backlinks/{TARGET}/summary?top=0").status_code == 422
    assert client.get("/backlinks/nothing.test/summary").status_code == 404
    history = client.get(f"/backlinks/{TARGET}/history").get_json()
    assert [(c["job_id"], c["new"], c["lost"]) for c in history["crawls"]] == [(job_id, V1_SUMMARY["backlinks"], 0)]
    assert history["crawls"][0]["crawled_at"].endswith("+00:00")
    assert client.get(f"/backlinks/{TARGET}/history?crawls=0").status_code == 422
    assert client.get("/backlinks/nothing.test/history").status_code == 404
