"""Shared test parts, all real: one redis-server and one PostgreSQL server per
session, the loopback fixture web, and helpers that run `scrapy crawl` and
`scrapejet` as the user would, in their own processes.

Tests share the Redis server; each gets its own key prefix and data dir, so
they never see each other's queues, jobs or storage."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import redis

from tests import repo_guard
from tests.fixtureweb import FixtureWeb

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    # paths beside the repository that a test tried to read (see repo_guard)
    config.outside_reads = []
    config.repo_guarded = repo_guard.install(ROOT, config.outside_reads)


def pytest_sessionfinish(session, exitstatus):
    reads = session.config.outside_reads
    if reads:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\nthe tests read {len(set(reads))} path(s) outside the repository, e.g. {reads[0]}",
              file=sys.stderr)
BIN = Path(sys.executable).parent
# Spiders a `scrapejet worker` process serves, each with its own heartbeat.
SPIDERS = 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float = 30, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed: run `make test`, which installs it"
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", "",
         "--appendonly", "no", "--maxmemory-policy", "noeviction"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)

    def up():
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    wait_for(up, 15, what="redis-server")
    yield url
    proc.terminate()
    proc.wait(10)


def _pg_bin(name: str) -> str:
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    assert found, f"PostgreSQL's {name} is not installed: run `make test`, which installs postgresql"
    return found


@pytest.fixture(scope="session")
def postgres_url():
    """A private PostgreSQL server (initdb + pg_ctl) on a free loopback port."""
    # Its own folder outside pytest's (0700, root-owned) temp tree: the
    # server runs as the postgres user, which must be able to reach it.
    folder = Path(tempfile.mkdtemp(prefix="scrapejet-pg-"))
    data, sock = folder / "data", folder / "sock"
    sock.mkdir()
    port = free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        shutil.chown(folder, "postgres")
        shutil.chown(sock, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, _pg_bin("initdb"), "-D", str(data), "-U", "scrapejet", "--auth=trust", "-E", "UTF8"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*as_user, _pg_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                    f"-p {port} -k {sock} -h 127.0.0.1 -c fsync=off", "start"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([_pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "scrapejet", "scrapejet"],
                   check=True)
    yield f"postgresql://scrapejet@127.0.0.1:{port}/scrapejet"
    subprocess.run([*as_user, _pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"], stdout=subprocess.DEVNULL)
    shutil.rmtree(folder, ignore_errors=True)


REALSITES = ROOT / "tests" / "realsites"
BUSINESS_FIXTURES = ROOT / "tests" / "business_fixtures"
DISCOVERY_SITES = ROOT / "tests" / "discovery_sites"


def site_folders() -> dict[str, Path]:
    """Static sites served by the fixture web: each real business site in
    tests/realsites, each business fixture and discovery site, as
    http://NAME.test/."""
    folders = {}
    for parent in (REALSITES, BUSINESS_FIXTURES, DISCOVERY_SITES):
        folders.update({f"{d.name}.test": d for d in sorted(parent.iterdir()) if d.is_dir()})
    return folders


BACKLINK_WEB = ROOT / "tests" / "backlink_web"
# The link shortener of the backlink web.
SHORTENER = "lnk.test"


def edition_folders() -> dict[str, dict[str, Path]]:
    """The backlink web (tests/backlink_web/EDITION/HOST): each host's
    folder per edition it changes in (v1 is the whole web)."""
    hosts: dict[str, dict[str, Path]] = {}
    for edition in sorted(p for p in BACKLINK_WEB.iterdir() if p.is_dir()):
        for folder in sorted(p for p in edition.iterdir() if p.is_dir()):
            hosts.setdefault(folder.name, {})[edition.name] = folder
    return hosts


@pytest.fixture(scope="session")
def web():
    with FixtureWeb(bench_pages=400, slow_seconds=3.0, folders=site_folders(), editions=edition_folders()) as server:
        yield server


class Env:
    """One test's ScrapeJET environment: settings given to every process."""

    def __init__(self, redis_url: str, data_dir: Path, web: FixtureWeb):
        self.web = web
        self.data_dir = data_dir
        self.vars = {
            "REDIS_URL": redis_url,
            "SCRAPEJET_DATA_DIR": str(data_dir),
            "SCRAPEJET_KEY_PREFIX": f"t{uuid.uuid4().hex[:8]}:",
            # every other name resolved to none (localhost as the system names
            # it): no test asks the network's DNS
            "SCRAPEJET_RESOLVE": json.dumps({**web.resolve, "localhost": "127.0.0.1", "*": ""}),
            # the fixture web is on loopback; tests of the egress policy
            # (test_egress.py) turn this off
            "SCRAPEJET_ALLOW_PRIVATE": "1",
            "SCRAPEJET_HEARTBEAT_S": "0.5",
            "SCRAPEJET_IDLE_POLL_S": "0.1",
            "SCRAPEJET_BACKLINK_SHORTENERS": json.dumps([SHORTENER, "bit.ly", "t.co"]),
            # Loading the embedding model (~500 MB, seconds) in every worker
            # a test starts would make the suite crawl; the embedding tests
            # turn it on.
            "SCRAPEJET_EMBEDDINGS": "off",
            "SCRAPY_SETTINGS_MODULE": "scrapejet.settings",
        }

    def environ(self, **extra) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPEJET_", "REDIS_URL", "DATABASE_URL", "SCRAPYD_NODES"))}
        env.update(self.vars)
        env.update({k: str(v) for k, v in extra.items()})
        return env

    def settings(self, **extra):
        """Scrapy settings as a process with this environment would see them."""
        from scrapy.settings import Settings

        import scrapejet.settings as module

        settings = Settings()
        settings.setmodule(module, priority="project")
        for key, value in {**self.vars, **extra}.items():
            if key.startswith("SCRAPEJET_") or key in ("REDIS_URL", "DATABASE_URL", "SCRAPYD_NODES"):
                default = settings.get(key)
                if isinstance(default, (dict, list)):
                    value = json.loads(value)
                settings.set(key, value)
        return settings

    def jobs(self, **extra):
        from scrapejet.jobs import Jobs
        from scrapejet.storage import Storage

        settings = self.settings(**extra)
        return Jobs.from_settings(settings, storage=Storage.from_settings(settings))

    def storage(self, **extra):
        from scrapejet.storage import Storage

        return Storage.from_settings(self.settings(**extra))

    def scrapy(self, *args: str, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BIN / "scrapy"), *args], cwd=ROOT, env=self.environ(**(env or {})),
            capture_output=True, text=True, timeout=timeout,
        )

    def scrapejet(self, *args: str, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BIN / "scrapejet"), *args], cwd=ROOT, env=self.environ(**(env or {})),
            capture_output=True, text=True, timeout=timeout,
        )

    def api(self, *args: str, **environ) -> tuple[str, subprocess.Popen, Path]:
        """`scrapejet api --workers 1` on a free port, once it answers with
        its worker process alive (one worker per spider it serves: generic,
        business and backlink): (base URL, process, log file). The caller
        stops it."""
        import urllib.error
        import urllib.request

        self.data_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        log = self.data_dir / f"api-{port}.log"
        proc = subprocess.Popen(
            [str(BIN / "scrapejet"), "api", "--port", str(port), "--workers", "1", "--log-level", "WARNING", *args],
            cwd=ROOT, env=self.environ(**{"SCRAPEJET_ALLOW_PRIVATE": "1", **environ}), stdout=log.open("w"),
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"

        def ready():
            try:
                with urllib.request.urlopen(base + "/health", timeout=5) as response:
                    return json.load(response)["workers"] == SPIDERS
            except urllib.error.HTTPError as exc:  # 503 while a part is not up yet
                return json.load(exc)["workers"] == SPIDERS
            except OSError:
                assert proc.poll() is None, log.read_text()[-3000:]
                return False

        wait_for(ready, 60, 0.2, what="the API and its worker")
        return base, proc, log

    def worker(self, *args: str, env: dict | None = None, log: Path | None = None,
               spider: str = "generic") -> subprocess.Popen:
        """A queue-serving `scrapy crawl SPIDER` worker in the background."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        out = open(log or (self.data_dir / f"worker-{uuid.uuid4().hex[:6]}.log"), "w")
        return subprocess.Popen(
            [str(BIN / "scrapy"), "crawl", spider, *args], cwd=ROOT,
            env=self.environ(**(env or {})), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(proc: subprocess.Popen, timeout: float = 60) -> None:
    """SIGTERM a process started in its own session; SIGKILL its group if it
    has not exited within ``timeout``."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


@pytest.fixture
def env(redis_url, web, tmp_path):
    return Env(redis_url, tmp_path / "data", web)


@pytest.fixture
def workers():
    """Background worker processes, stopped (and reaped) after the test."""
    procs: list[subprocess.Popen] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
