"""A scrapyd node on this machine, as ``scrapejet up`` runs it.

The embedded single-machine stack takes the same path as a cluster: a
real ``scrapyd`` process (configured from deploy/scrapyd.conf, listening on
loopback, its eggs, logs and queue under the data dir), the project's egg
built by ``scrapyd-deploy`` and uploaded with ``addversion.json``, and the
API told about the node through ``SCRAPYD_NODES``, so it schedules the
node's workers exactly as it would on N machines."""

from __future__ import annotations

import base64
import configparser
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

logger = logging.getLogger(__name__)


def project_dir() -> Path:
    """The project checkout (where scrapy.cfg is): what the egg is built from.
    The one above the current directory, as scrapyd-deploy finds it; else the
    checkout this package runs from (``make install`` installs it editable),
    so ``scrapejet up`` works from any directory."""
    from scrapy.utils.conf import closest_scrapy_cfg

    cfg = closest_scrapy_cfg()
    if cfg and (Path(cfg).parent / "scrapejet" / "settings.py").exists():
        return Path(cfg).parent
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "scrapy.cfg").exists() and (checkout / "setup.py").exists():
        return checkout
    raise RuntimeError(
        "no ScrapeJET checkout found (scrapy.cfg next to scrapejet/): run this command from the checkout")


def build_egg(project: Path, out: Path) -> Path:
    """The project's egg, as `scrapyd-deploy --build-egg` builds it."""
    deploy = Path(sys.executable).with_name("scrapyd-deploy")
    command = [str(deploy)] if deploy.exists() else [sys.executable, "-m", "scrapyd_client.deploy"]
    result = subprocess.run([*command, "--build-egg", str(out)], cwd=project, capture_output=True, text=True)
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"building the egg failed:\n{result.stderr[-2000:]}")
    return out


def upload_egg(url: str, project: str, egg: Path, version: str | None = None, auth: str | None = None) -> dict:
    """POST an egg to a node's addversion.json (what scrapyd-deploy does)."""
    version = version or str(int(time.time()))
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (("project", project), ("version", version)):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="{egg.name}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode() + egg.read_bytes() + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    request = urllib.request.Request(f"{url}/addversion.json", data=b"".join(parts), method="POST")
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    if auth:
        request.add_header("Authorization", auth)
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    if answer.get("status") != "ok":
        raise RuntimeError(f"{url} refused the egg: {answer.get('message')}")
    return answer


class LocalNode:
    """A scrapyd process on loopback, its files under ``folder``."""

    def __init__(self, folder: str | os.PathLike[str], *, port: int = 6800, bind: str = "127.0.0.1",
                 env: dict[str, str] | None = None, project: str = "scrapejet"):
        self.folder = Path(folder).resolve()
        self.port = port
        self.bind = bind
        self.env = dict(env if env is not None else os.environ)
        self.project = project
        self.proc: subprocess.Popen | None = None
        # scrapyd takes basic auth from SCRAPYD_USERNAME/PASSWORD; so do we
        user, password = self.env.get("SCRAPYD_USERNAME"), self.env.get("SCRAPYD_PASSWORD", "")
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode() if user else None

    @property
    def url(self) -> str:
        # a node listening on every interface is reached on loopback from here
        host = "127.0.0.1" if self.bind in ("0.0.0.0", "::", "") else self.bind
        return f"http://{host}:{self.port}"

    def write_config(self) -> Path:
        """deploy/scrapyd.conf, bound to loopback on our port, files in our folder."""
        config = configparser.ConfigParser(interpolation=None)
        template = project_dir() / "deploy" / "scrapyd.conf"
        config.read(template)
        if not config.has_section("scrapyd"):
            config.add_section("scrapyd")
        if not config.has_section("services"):
            config.add_section("services")
            config.set("services", "schedule.json", "scrapejet.cluster.scrapyd.Schedule")
        for key, value in {
            "bind_address": self.bind, "http_port": str(self.port),
            "eggs_dir": str(self.folder / "eggs"), "logs_dir": str(self.folder / "logs"),
            "dbs_dir": str(self.folder / "dbs"), "items_dir": "",
        }.items():
            config.set("scrapyd", key, value)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / "scrapyd.conf"
        with open(path, "w") as fh:
            config.write(fh)
        return path

    def start(self, timeout: float = 30) -> LocalNode:
        self.write_config()
        binary = Path(sys.executable).with_name("scrapyd")
        command = [str(binary)] if binary.exists() else [sys.executable, "-m", "scrapyd"]
        log = open(self.folder / "scrapyd.out", "ab")
        # scrapyd reads ./scrapyd.conf; its crawl processes inherit env.
        self.proc = subprocess.Popen(command, cwd=self.folder, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + timeout
        status = urllib.request.Request(f"{self.url}/daemonstatus.json")
        if self.auth:
            status.add_header("Authorization", self.auth)
        while True:
            try:
                with urllib.request.urlopen(status, timeout=2) as response:
                    if json.load(response).get("status") == "ok":
                        return self
            except (OSError, ValueError):
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                tail = (self.folder / "scrapyd.out").read_text(errors="replace")[-2000:]
                self.stop()
                raise RuntimeError(f"scrapyd did not start on {self.url}:\n{tail}")
            time.sleep(0.2)

    def deploy(self) -> dict:
        """Build the project's egg and deploy it to this node."""
        with tempfile.TemporaryDirectory() as tmp:
            egg = build_egg(project_dir(), Path(tmp) / f"{self.project}.egg")
            return upload_egg(self.url, self.project, egg, auth=self.auth)

    def stop(self, timeout: float = 30) -> None:
        """Stop scrapyd; it stops its crawl processes (SIGTERM: they return
        their leases)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)  # scrapyd and its crawl processes
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


def scrapyd_available() -> bool:
    return bool(shutil.which("scrapyd") or Path(sys.executable).with_name("scrapyd").exists())


__all__ = ["LocalNode", "build_egg", "upload_egg", "project_dir", "scrapyd_available"]
