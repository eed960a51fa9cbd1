"""Storage on SQLite and PostgreSQL, the `scrapejet` CLI, and the embedded Redis."""

from __future__ import annotations

import csv
import json
import time

import pytest
import redis

from scrapejet.storage import Storage


def page(job_id="j1", url="http://a.test/x", **kw):
    return {"job_id": job_id, "url": url, "final_url": url, "status": 200, "depth": 0,
            "fetched_at": time.time(), "title": "T", "text": "hello", "content_hash": "h" * 64, **kw}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upserts_are_idempotent(backend, tmp_path, request):
    url = f"sqlite:///{tmp_path / 's.db'}" if backend == "sqlite" else request.getfixturevalue("postgres_url").replace("postgresql://", "postgresql+psycopg://")
    storage = Storage(url)
    job = f"job-{backend}-{time.time_ns()}"
    storage.upsert_page(page(job, title="first"))
    storage.upsert_page(page(job, url="http://a.test/x#frag", title="second"))  # same canonical page
    storage.upsert_page(page(job, url="http://a.test/y"))
    storage.upsert_page(page("other-" + job))
    assert storage.count_pages(job) == 2
    assert [p["title"] for p in storage.iter_pages(job)] == ["second", "T"]
    storage.record_failure({"job_id": job, "url": "http://a.test/z", "reason": "HTTP 500"})
    storage.record_failure({"job_id": job, "url": "http://a.test/z", "reason": "HTTP 503"})
    assert [(f["reason"], f["outcome"]) for f in storage.list_failures(job)] == [("HTTP 503", "failed")]
    # a page that succeeds on a later delivery is no longer a failure
    storage.upsert_page(page(job, url="http://a.test/z"))
    assert storage.list_failures(job) == []


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_profile_names_the_best_ranked_page_of_a_role_whatever_the_arrival_order(backend, tmp_path, request):
    from scrapejet.profiles import build_profile

    url = f"sqlite:///{tmp_path / 's.db'}" if backend == "sqlite" else request.getfixturevalue("postgres_url").replace("postgresql://", "postgresql+psycopg://")
    storage = Storage(url)
    job = f"rank-{backend}-{time.time_ns()}"
    contacts = {"emails": [], "phones": [], "addresses": [], "socials": []}
    # the second services link of the home page answered first, the home page
    # last; two team pages of one rank (each the first link of a page above
    # them) in the order that is not the URLs'
    for path, role, rank in (("/services/b", "services", 101), ("/services/a", "services", 100),
                             ("/team/b", "team", 200), ("/team/a", "team", 200),
                             ("/contact", "contact", 180), ("/", "home", 0)):
        storage.upsert_page(page(job, url=f"http://a.test{path}", page_type=role, contacts=contacts,
                                 discovery_rank=rank))
    assert [p["url"] for p in storage.list_page_contacts(job)] == [
        "http://a.test/", "http://a.test/services/a", "http://a.test/services/b", "http://a.test/contact",
        "http://a.test/team/a", "http://a.test/team/b"]
    profile = build_profile(storage, job, "http://a.test/")
    assert profile["pages"] == {"home": "http://a.test/", "services": "http://a.test/services/a",
                                "contact": "http://a.test/contact", "team": "http://a.test/team/a",
                                "about": "http://a.test/team/a"}


def test_a_database_of_an_earlier_version_gains_the_new_columns(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:  # page_contacts as the first release made it
        db.execute("CREATE TABLE page_contacts (id INTEGER PRIMARY KEY, job_id VARCHAR(64) NOT NULL, "
                   "canonical_url TEXT NOT NULL, url TEXT NOT NULL, page_type VARCHAR(32), contacts JSON NOT NULL, "
                   "CONSTRAINT uq_page_contacts_job_url UNIQUE (job_id, canonical_url))")
        db.execute("INSERT INTO page_contacts (job_id, canonical_url, url, page_type, contacts) "
                   "VALUES ('old', 'http://a.test/', 'http://a.test/', 'home', '{}')")
    storage = Storage(f"sqlite:///{path}")
    storage.upsert_page(page("new", url="http://a.test/", page_type="home", contacts={}, discovery_rank=0))
    assert [p["url"] for p in storage.list_page_contacts("old")] == ["http://a.test/"]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rank FROM page_contacts WHERE job_id='new'").fetchone() == (0,)
    Storage(f"sqlite:///{path}")  # and again: nothing left to add


def test_crawl_into_postgresql(env, web, tmp_path, postgres_url):
    out = tmp_path / "pg.jsonl"
    result = env.scrapy("crawl", "generic", "-a", f"url={web.url('shop.test')}", "-O", str(out),
                        env={"DATABASE_URL": postgres_url})
    assert result.returncode == 0, result.stderr[-2000:]
    job_id = json.loads(out.read_text().splitlines()[0])["job_id"]
    storage = env.storage(DATABASE_URL=postgres_url)
    assert storage.dialect == "postgresql"
    assert storage.count_pages(job_id) == 18
    assert storage.get_job(job_id)["status"] == "completed"
    assert not (env.data_dir / "scrapejet.db").exists() or env.storage().count_pages(job_id) == 0


def test_cli_crawl_writes_output_and_summary(env, web, tmp_path):
    out = tmp_path / "shop.csv"
    result = env.scrapejet("crawl", web.url("traps.test"), "--max-depth", "1", "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pages stored : 4" in result.stdout  # /, /redirect-a (landing), /calendar, /slow
    assert "failed       : 4" in result.stdout and "skipped      : 1" in result.stdout
    assert "HTTP 404" in result.stdout and str(out) in result.stdout
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 4 and all(r["url"].startswith("http://traps.test") for r in rows)
    assert any(web.marker("traps.test", "/landing") in r["text"] for r in rows)

    job_id = result.stdout.split("Job ", 1)[1].split(":", 1)[0].strip()
    md = tmp_path / "shop.md"
    exported = env.scrapejet("export", job_id, "--format", "markdown", "-o", str(md))
    assert exported.returncode == 0, exported.stderr
    text = md.read_text()
    assert text.count("\n---\n") == 4 and text.startswith("# ")
    failures = json.loads(env.scrapejet("export", job_id, "--failures").stdout)
    assert {f["reason"] for f in failures} >= {"HTTP 404", "HTTP 500", "redirect loop"}

    listed = env.scrapejet("jobs")
    assert job_id in listed.stdout and "completed" in listed.stdout


def test_cli_refuses_bad_input(env):
    result = env.scrapejet("crawl", "not-a-url")
    assert result.returncode == 2 and "http:// or https://" in result.stdout
    result = env.scrapejet("export", "no-such-job")
    assert result.returncode == 2 and "no job" in result.stdout


def test_embedded_redis_started_and_stopped(env, web, tmp_path):
    """With no REDIS_URL, a private redis-server under the data dir does the work."""
    vars_ = env.environ()
    del vars_["REDIS_URL"]
    import subprocess

    from tests.conftest import BIN, ROOT

    result = subprocess.run([str(BIN / "scrapejet"), "crawl", web.url("shop.test"), "-o", str(tmp_path / "e.jsonl")],
                            cwd=ROOT, env=vars_, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pages stored : 18" in result.stdout
    sock = env.data_dir / "redis" / "redis.sock"
    assert (env.data_dir / "redis" / "appendonlydir").exists(), "persistence is off"
    with pytest.raises(redis.ConnectionError):
        redis.Redis(unix_socket_path=str(sock), socket_timeout=2).ping()


def _redis_servers_of(folder) -> list[int]:
    """pids of redis-server processes started for ``folder``."""
    import os

    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as fh:
                    cmdline = fh.read().decode(errors="replace")
            except OSError:
                continue
            if "redis-server" in cmdline and str(folder) in cmdline:
                pids.append(int(entry))
    return pids


def test_commands_on_the_embedded_redis_return_and_leave_no_server(env, web, tmp_path):
    """Each command that starts the private redis-server stops it on its way
    out, by SHUTDOWN SAVE (at once, no retries), and the next command finds
    what the previous one left."""
    import subprocess

    from tests.conftest import BIN, ROOT

    vars_ = env.environ()
    del vars_["REDIS_URL"]
    folder = env.data_dir / "redis"

    def run(*args):
        result = subprocess.run([str(BIN / "scrapejet"), *args], cwd=ROOT, env=vars_, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        assert _redis_servers_of(folder) == [], f"scrapejet {args[0]} left its redis-server running"
        assert not (folder / "redis.sock").exists()
        return result.stdout

    run("crawl", web.url("one.test"), "-o", str(tmp_path / "e.jsonl"))
    listed = run("jobs")
    job_id = listed.splitlines()[1].split("\t")[0]
    assert "\tcompleted\t1\t" in listed.splitlines()[1]
    run("status")
    run("export", job_id, "-o", str(tmp_path / "again.jsonl"))
    assert len((tmp_path / "again.jsonl").read_text().splitlines()) == 1
    run("workers")
    log = (folder / "redis.log").read_text()
    # five commands, five servers, each stopped on request and saved
    assert log.count("User requested shutdown") == 5 and log.count("ready to exit") == 5
    assert "SIGTERM" not in log and "SIGKILL" not in log


def test_jobs_lists_a_job_whose_redis_record_expired_from_storage(env, web, tmp_path):
    """`scrapejet jobs` reads Redis, and opens storage only for a job whose
    record there has expired: that job is still listed, with its counts."""
    result = env.scrapejet("crawl", web.url("one.test"), "-o", str(tmp_path / "one.jsonl"))
    assert result.returncode == 0, result.stdout + result.stderr
    jobs = env.jobs()
    job_id = jobs.list()[0].job_id
    jobs.server.delete(jobs.keys.job(job_id))  # what SCRAPEJET_JOB_TTL_S does in time
    listed = env.scrapejet("jobs")
    assert listed.returncode == 0, listed.stderr
    row = next(line.split("\t") for line in listed.stdout.splitlines() if line.startswith(job_id))
    assert row[1:5] == ["crawl", "completed", "1", "0"]
