"""Local worker (and indexer) processes for ``scrapejet api --workers N``.

N ``scrapejet worker`` processes serve the shared queue next to the API, so
one command gives a working single-machine service. A worker that dies is
started again (with a growing pause if it keeps dying at once); on exit each
is stopped with SIGTERM, which lets it return its leases, and killed only if
it does not stop in time. Each worker also stops by itself if this process
disappears (``--parent-pid``), so a killed API leaves no orphans."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time

logger = logging.getLogger(__name__)


class WorkerSupervisor:
    def __init__(self, count: int, *, spider: str = "all", log_level: str = "INFO",
                 check_s: float = 1.0, stop_timeout: float = 40.0):
        self.count = count
        self.spider = spider
        self.log_level = log_level
        self.check_s = check_s
        self.stop_timeout = stop_timeout
        self.procs: list[subprocess.Popen | None] = [None] * count
        self.started_at = [0.0] * count
        self.pause = [0.0] * count
        self.restarts = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    what = "worker"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "scrapejet.cli", "worker", "--spider", self.spider,
            "--log-level", self.log_level, "--parent-pid", str(os.getpid()),
        ]

    def _spawn(self, slot: int) -> None:
        self.procs[slot] = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL)
        self.started_at[slot] = time.monotonic()
        logger.info("Started %s %d (pid %d)", self.what, slot + 1, self.procs[slot].pid)

    def start(self) -> None:
        if self.count <= 0:
            return
        with self._lock:
            for slot in range(self.count):
                self._spawn(slot)
        self._thread = threading.Thread(target=self._watch, name="scrapejet-supervisor", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(self.check_s):
            with self._lock:
                if self._stop.is_set():
                    return
                now = time.monotonic()
                for slot, proc in enumerate(self.procs):
                    if proc is None or proc.poll() is None:
                        continue
                    # A worker that died within seconds of starting will likely
                    # die again (bad settings, Redis down): back off.
                    if now - self.started_at[slot] < 10:
                        self.pause[slot] = min(max(self.pause[slot] * 2, 1.0), 30.0)
                    else:
                        self.pause[slot] = 0.0
                    if now - self.started_at[slot] < self.pause[slot]:
                        continue
                    logger.warning("%s %d (pid %d) exited with %s; restarting", self.what.capitalize(), slot + 1,
                                   proc.pid, proc.returncode)
                    self.restarts += 1
                    self._spawn(slot)

    def pids(self) -> list[int]:
        with self._lock:
            return [p.pid for p in self.procs if p is not None and p.poll() is None]

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            running = [p for p in self.procs if p is not None and p.poll() is None]
            for proc in running:
                proc.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + self.stop_timeout
            for proc in running:
                try:
                    proc.wait(max(deadline - time.monotonic(), 0.1))
                except subprocess.TimeoutExpired:
                    logger.warning("%s pid %d did not stop in time; killing it", self.what.capitalize(), proc.pid)
                    proc.kill()
                    proc.wait(5)
        if self._thread is not None:
            self._thread.join(5)


class IndexerSupervisor(WorkerSupervisor):
    """``scrapejet indexer`` processes kept running the same way: they chunk
    and embed what the workers store (see scrapejet/index/indexer.py)."""

    what = "indexer"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "scrapejet.cli", "indexer", "--log-level", self.log_level,
                "--parent-pid", str(os.getpid())]


def exit_with_parent(parent_pid: int, check_s: float = 1.0) -> None:
    """In a worker: stop gracefully (SIGTERM to ourselves) once the process
    that started us is gone."""

    def watch():
        while os.getppid() == parent_pid:
            time.sleep(check_s)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="scrapejet-parent-watch", daemon=True).start()
