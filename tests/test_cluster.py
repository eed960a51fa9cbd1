"""The cluster topology with real processes on loopback: three scrapyd
nodes (own dirs and ports) with the project deployed by `scrapyd-deploy`,
PostgreSQL as the shared store, one Redis, and the API driving the nodes
through SCRAPYD_NODES."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.parse
import urllib.request

import pytest
import requests

from scrapejet.api import create_app
from scrapejet.cluster.nodes import ScrapydNodes
from scrapejet.cluster.up import LocalNode
from tests.conftest import BIN, ROOT, Env, free_port, stop, wait_for

NODES = 3


def node_call(node: str, endpoint: str, **data) -> dict:
    body = urllib.parse.urlencode(data).encode() if data else None
    with urllib.request.urlopen(f"{node}/{endpoint}", data=body, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def cluster(redis_url, postgres_url, web, tmp_path_factory):
    """Three deployed scrapyd nodes sharing Redis and PostgreSQL: (env, node URLs)."""
    folder = tmp_path_factory.mktemp("cluster")
    env = Env(redis_url, folder / "data", web)
    env.vars.update({
        "DATABASE_URL": postgres_url,
        "SCRAPEJET_HEARTBEAT_S": "0.5",
        # each node's workers crawl at a measured pace, so every node gets a share
        "SCRAPEJET_DOMAIN_DELAY_S": "0.02",
    })
    nodes = [LocalNode(folder / f"node{i}", port=free_port(), env=env.environ()).start() for i in range(NODES)]
    try:
        # deployed the way users deploy: scrapyd-deploy with a target per node
        home = folder / "home"
        home.mkdir()
        (home / ".scrapy.cfg").write_text("".join(
            f"[deploy:node{i}]\nurl = {node.url}/\nproject = scrapejet\n\n" for i, node in enumerate(nodes)
        ))
        for i in range(NODES):
            result = subprocess.run([str(BIN / "scrapyd-deploy"), f"node{i}", "-p", "scrapejet"], cwd=ROOT,
                                    env={**env.environ(), "HOME": str(home)}, capture_output=True, text=True,
                                    timeout=120)
            assert result.returncode == 0 and '"status": "ok"' in result.stdout, result.stdout + result.stderr
        yield env, [node.url for node in nodes]
    finally:
        for node in nodes:
            node.stop()


def api_client(env, urls):
    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(
        SCRAPEJET_ALLOW_PRIVATE="1", SCRAPYD_NODES=",".join(urls), SCRAPEJET_WORKERS_PER_NODE="1",
    )})
    return app, app.test_client()


def running_workers(url: str, spider: str = "generic") -> list[dict]:
    jobs = node_call(url, "listjobs.json?project=scrapejet")
    return [j for j in jobs["running"] if j["id"].startswith("worker-") and j["spider"] == spider]


def holding(jobs, urls):
    """(node URL, scrapyd job, worker id) of a node's worker holding leases
    right now (which node's does not matter: they share one queue)."""
    for url in urls:
        for job in running_workers(url):
            for worker_id in jobs.server.zrange(f"{jobs.keys.prefix}workers", 0, -1):
                if f":{job['pid']}:" in worker_id and jobs.server.scard(f"{jobs.keys.prefix}worker:{worker_id}:leases"):
                    return url, job, worker_id
    return None


def test_a_job_submitted_over_http_is_shared_by_every_node(cluster, web):
    env, urls = cluster
    app, client = api_client(env, urls)
    try:
        # a first submission makes the API start a worker of the spider on each
        # node; once all three heart-beat, the job they share is submitted
        # (a worker still starting would only join at the end)
        client.post("/scrape", json={"url": web.url("shop.test", "/about"), "max_pages": 1})
        wait_for(lambda: all(running_workers(url) for url in urls), 60, 0.2, what="a worker on every node")
        wait_for(lambda: sum(1 for w in client.get("/queue/manage/crawler_health").get_json()["workers"]
                             if w["alive"] and w["spider"] == "generic") >= NODES, 60, 0.2,
                 what="every node's worker heart-beating")
        job_id = client.post("/scrape", json={"url": web.url("bench.test"), "max_pages": 300, "max_depth": 10}
                             ).get_json()["job_id"]
        # while it runs, the workers' heartbeats name it among their current jobs
        wait_for(lambda: any(job_id in w["jobs"] for w in client.get("/queue/manage/crawler_health").get_json()
                             ["workers"]), 60, 0.1, what="a heartbeat naming the job")
        done = wait_for(lambda: (p := client.get(f"/scrape/{job_id}/progress").get_json())["status"] == "completed"
                        and p, 120, 0.3, what="the job")
        assert done["pages_crawled"] == 300
        # every page stored once, in the shared PostgreSQL
        storage = env.storage()
        assert storage.count_pages(job_id) == 300
        urls_stored = [p["url"] for p in storage.iter_pages(job_id)]
        assert len(set(urls_stored)) == 300
        # every node's worker crawled a part of it
        pids = {url: running_workers(url)[0]["pid"] for url in urls}
        pages = {w["pid"]: w["pages"] for w in client.get("/queue/manage/crawler_health").get_json()["workers"]}
        assert all(pages.get(pid, 0) > 0 for pid in pids.values()), (pids, pages)
        # the nodes as the API reports them
        health = client.get("/queue/manage/crawler_health").get_json()["scrapyd"]
        assert health["configured"] and len(health["nodes"]) == NODES
        assert all(n["reachable"] and n["workers"].get("generic") == 1 for n in health["nodes"])
        assert client.get("/health").get_json()["components"]["scrapyd"]["status"] == "ok"
    finally:
        app.extensions["scrapejet"].close()


def test_a_killed_worker_loses_nothing_and_cancel_reaches_every_node(cluster, web):
    env, urls = cluster
    app, client = api_client(env, urls)
    try:
        job_id = client.post("/scrape", json={"url": web.url("bench.test", "/p/0"), "max_pages": 200, "max_depth": 10,
                                              "job_id": f"kill-{int(time.time())}"}).get_json()["job_id"]
        wait_for(lambda: client.get(f"/scrape/{job_id}/progress").get_json()["pages_crawled"] >= 20, 60, 0.1,
                 what="the job under way")
        jobs = env.jobs()

        def stopped_holding():
            # stopped first, so it cannot acknowledge its leases between the
            # look and the kill; let go again if it had none left by then
            found = holding(jobs, urls)
            if found is None:
                return None
            _, job, worker_id = found
            os.kill(job["pid"], signal.SIGSTOP)
            if jobs.server.scard(f"{jobs.keys.prefix}worker:{worker_id}:leases"):
                return job
            os.kill(job["pid"], signal.SIGCONT)
            return None

        victim = wait_for(stopped_holding, 30, 0.01, what="a worker holding leases")
        os.kill(victim["pid"], signal.SIGKILL)
        done = wait_for(lambda: (p := client.get(f"/scrape/{job_id}/progress").get_json())["status"] == "completed"
                        and p, 120, 0.3, what="the job despite the kill")
        assert done["pages_crawled"] == 200
        storage = env.storage()
        assert storage.count_pages(job_id) == 200
        job = env.jobs().get(job_id)
        assert job.counters["requeued"] >= 1, "the killed worker's leases went back to the queue"

        # a new submission brings the killed node's worker back
        slow = client.post("/scrape", json={"url": web.url("bench.test", "/p/1"), "max_pages": 400, "max_depth": 10}
                           ).get_json()["job_id"]
        wait_for(lambda: all(running_workers(url) for url in urls), 60, 0.2, what="a worker on every node again")
        wait_for(lambda: client.get(f"/scrape/{slow}/progress").get_json()["pages_crawled"] >= 10, 60, 0.1)
        cancelled = client.delete(f"/scrape/{slow}").get_json()
        assert cancelled["status"] == "cancelled"
        time.sleep(2)
        before = web.hits("bench.test")
        time.sleep(1.5)
        assert web.hits("bench.test") == before, "a node went on crawling a cancelled job"
    finally:
        app.extensions["scrapejet"].close()


def test_schedule_json_creates_a_job_and_cancel_json_returns_leases(cluster, web):
    env, urls = cluster
    jobs = env.jobs()
    # the README's curl, as a user runs it against one node
    answer = node_call(urls[1], "schedule.json", project="scrapejet", spider="generic", url=web.url("shop.test"),
                       max_pages="10", priority="7")
    job_id = answer["jobid"]
    done = wait_for(lambda: (j := jobs.get(job_id)) is not None and j.done and j, 60, 0.2,
                    what="the job scheduled on scrapyd")
    assert done.status == "completed" and done.priority == 7 and done.counters["crawled"] == 10
    # the same job id in the API
    app, client = api_client(env, urls)
    try:
        assert client.get(f"/scrape/{job_id}/progress").get_json()["pages_crawled"] == 10
    finally:
        app.extensions["scrapejet"].close()

    # cancel.json on a worker: it returns its leases at once
    ScrapydNodes.from_settings(env.settings(SCRAPYD_NODES=urls[2])).ensure_workers("generic")
    big = jobs.submit("crawl", {"url": web.url("bench.test", "/p/2"), "max_pages": 400, "max_depth": 10})
    wait_for(lambda: running_workers(urls[2]), 60, 0.2, what="a worker on the node")
    url, worker, worker_id = wait_for(lambda: holding(jobs, urls), 30, 0.01, what="a worker holding leases")
    leases = f"{jobs.keys.prefix}worker:{worker_id}:leases"
    node_call(url, "cancel.json", project="scrapejet", job=worker["id"])
    wait_for(lambda: not any(j["id"] == worker["id"] for j in node_call(url, "listjobs.json?project=scrapejet")
                             ["running"]), 30, 0.2, what="the worker to stop")
    # in-flight requests finished and acknowledged, the rest returned at once
    # on its way out (not after a lease timeout or missed heartbeats)
    assert jobs.server.scard(leases) == 0
    owners = [v.split("\t", 1)[0] for v in jobs.server.hvals(f"{jobs.keys.prefix}leases")]
    assert worker_id not in owners
    jobs.cancel(big.job_id)


def test_a_job_scheduled_on_one_node_is_shared_with_workers_on_others(cluster, web):
    """schedule.json with a url on node A, a worker on node B: B helps by
    default (shared=false keeps the job to A's process)."""
    from scrapejet.scheduler.monitor import QueueMonitor

    env, urls = cluster
    jobs = env.jobs()
    monitor = QueueMonitor.from_settings(env.settings(), jobs.server)
    worker = node_call(urls[1], "schedule.json", project="scrapejet", spider="generic")["jobid"]
    pid = wait_for(lambda: next((j["pid"] for j in node_call(urls[1], "listjobs.json?project=scrapejet")["running"]
                                 if j["id"] == worker), None), 60, 0.2, what="the worker on node B")
    wait_for(lambda: any(w["alive"] and w["pid"] == pid for w in monitor.workers()), 60, 0.2,
             what="node B's worker heart-beating")
    before = {w["id"]: w["pages"] for w in monitor.workers()}
    job_id = node_call(urls[0], "schedule.json", project="scrapejet", spider="generic",
                       url=web.url("bench.test", "/p/3"), max_pages="200", max_depth="10")["jobid"]
    # the process that scheduled it (scrapyd names the pid of running jobs only)
    submitter = wait_for(lambda: next((j["pid"] for j in node_call(urls[0], "listjobs.json?project=scrapejet")
                                       ["running"] if j["id"] == job_id), None), 60, 0.05, what="the job's process")
    done = wait_for(lambda: (j := jobs.get(job_id)) is not None and j.done and j, 120, 0.2, what="the job")
    assert done.status == "completed" and done.counters["crawled"] == 200
    assert done.queue == jobs.keys.spider_queue("generic"), "the job was not put in the shared queue"
    assert env.storage().count_pages(job_id) == 200
    crawled = {w["id"]: w["pages"] - before.get(w["id"], 0) for w in monitor.workers()}
    pids = {w["id"]: w["pid"] for w in monitor.workers()}
    others = sum(n for wid, n in crawled.items() if pids[wid] != submitter)
    assert others > 0, f"no other worker crawled a page of the job: {crawled}"
    node_call(urls[1], "cancel.json", project="scrapejet", job=worker)

    # asked for, the job stays with the process that scheduled it
    private = node_call(urls[0], "schedule.json", project="scrapejet", spider="generic",
                        url=web.url("bench.test", "/p/4"), max_pages="5", shared="false")["jobid"]
    done = wait_for(lambda: (j := jobs.get(private)) is not None and j.done and j, 120, 0.2, what="the private job")
    assert done.status == "completed" and done.queue == jobs.keys.job_queue(private)


def test_scrapejet_up_runs_the_single_machine_stack(env, web, tmp_path):
    """From any directory (here: not the checkout), as a user would."""
    port, scrapyd_port = free_port(), free_port()
    env.data_dir.mkdir(parents=True, exist_ok=True)
    log = open(tmp_path / "up.log", "w")
    proc = subprocess.Popen([str(BIN / "scrapejet"), "up", "--port", str(port), "--scrapyd-port", str(scrapyd_port)],
                            cwd=tmp_path, env=env.environ(SCRAPEJET_ALLOW_PRIVATE="1"), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _up(base, proc, tmp_path), 120, 0.5, what="scrapejet up")
        # no worker before the first job, and nothing wrong with that: the node starts them
        health = requests.get(f"{base}/health").json()
        assert health["components"]["workers"]["status"] == "idle" and health["status"] == "ok", health
        job_id = requests.post(f"{base}/scrape", json={"url": web.url("shop.test"), "max_pages": 18}).json()["job_id"]
        done = wait_for(lambda: (p := requests.get(f"{base}/scrape/{job_id}/progress").json())["status"] == "completed"
                        and p, 90, 0.3, what="the job on the local node")
        assert done["pages_crawled"] == 18
        nodes = requests.get(f"{base}/queue/manage/crawler_health").json()["scrapyd"]["nodes"]
        assert [n["url"] for n in nodes] == [f"http://127.0.0.1:{scrapyd_port}"] and nodes[0]["workers"]["generic"] == 1
    finally:
        stop(proc, 60)
    # the node (and its workers) went with it
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{scrapyd_port}/daemonstatus.json", timeout=2)


def test_scrapejet_up_on_a_taken_scrapyd_port_says_why(env, tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([str(BIN / "scrapejet"), "up", "--port", str(free_port()), "--scrapyd-port", str(port)],
                                cwd=tmp_path, env=env.environ(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"error: scrapyd did not start on http://127.0.0.1:{port}" in result.stdout
    assert "Address already in use" in result.stdout and "Traceback (most recent call last)" not in result.stderr


def _up(base, proc, tmp_path) -> bool:
    assert proc.poll() is None, (tmp_path / "up.log").read_text()[-3000:]
    try:
        return requests.get(f"{base}/health", timeout=2).status_code in (200, 503)
    except requests.ConnectionError:
        return False


def test_scrapejet_node_and_deploy_as_a_container_runs_them(env, tmp_path):
    """`scrapejet node` (the command of the Compose/Kubernetes node services)
    deploys the project into its own scrapyd; `scrapejet deploy` re-deploys
    to every node of SCRAPYD_NODES, `dns:` entries resolved to each address."""
    port = free_port()
    proc = subprocess.Popen([str(BIN / "scrapejet"), "node", "--bind", "0.0.0.0", "--port", str(port),
                             "--dir", str(tmp_path / "scrapyd")], cwd=ROOT, env=env.environ(),
                            stdout=open(tmp_path / "node.log", "w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        versions = wait_for(lambda: _versions(url), 90, 0.5, what="the node with the project deployed")
        assert len(versions) == 1
        nodes = ScrapydNodes.from_settings(env.settings(SCRAPYD_NODES=f"dns:http://localhost:{port}"))
        assert [n.url for n in nodes.nodes] == [url]
        result = env.scrapejet("deploy", env={"SCRAPYD_NODES": f"dns:http://localhost:{port}"}, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        assert len(_versions(url)) == 2
        assert sorted(node_call(url, "listspiders.json?project=scrapejet")["spiders"]) == [
            "backlink", "business", "generic"]
    finally:
        stop(proc, 60)
    assert "scrapyd node on 0.0.0.0" in (tmp_path / "node.log").read_text()


def _versions(url: str) -> list[str] | None:
    try:
        return node_call(url, "listversions.json?project=scrapejet").get("versions") or None
    except OSError:
        return None


def test_deployment_files_name_real_commands_and_settings():
    import yaml

    from scrapejet.cli import parser

    commands = set(parser()._subparsers._group_actions[0].choices)
    compose = yaml.safe_load((ROOT / "deploy" / "docker-compose.yml").read_text())
    k8s = [doc for f in sorted((ROOT / "deploy" / "k8s").glob("*.yaml"))
           for doc in yaml.safe_load_all(f.read_text()) if doc]
    run = [s["command"] for s in compose["services"].values() if s.get("command") and s["command"][0] == "scrapejet"]
    for doc in k8s:
        spec = doc.get("spec", {})
        pod = spec.get("template", {}).get("spec", {})
        run += [c["command"] for c in pod.get("containers", []) if c.get("command")]
    assert {c[1] for c in run} == {"api", "node", "deploy", "indexer"} and {c[1] for c in run} <= commands
    # the queue's Redis persists every write and never evicts
    assert {"--appendonly", "yes", "--maxmemory-policy", "noeviction"} <= set(compose["services"]["redis"]["command"])
    redis_k8s = next(d for d in k8s if d["metadata"]["name"] == "scrapejet-redis" and d["kind"] == "StatefulSet")
    assert "noeviction" in redis_k8s["spec"]["template"]["spec"]["containers"][0]["args"]
    # the API finds the scaled nodes through DNS
    assert compose["x-scrapejet-env"]["SCRAPYD_NODES"].startswith("dns:http://node:")
    headless = next(d for d in k8s if d["kind"] == "Service" and d["metadata"]["name"] == "scrapejet-node")
    assert headless["spec"]["clusterIP"] == "None"
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "requirements.txt" in dockerfile and "download.pytorch.org/whl/cpu" in dockerfile
