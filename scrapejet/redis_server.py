"""The Redis connection, and the private redis-server used when none is configured.

With ``REDIS_URL`` set, every process talks to that shared server. Without it,
the first process that needs Redis starts a private ``redis-server`` on a unix
socket under the data dir (append-only persistence on), later processes on the
same data dir attach to it, and the starter stops it at exit once no other
client is connected."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import subprocess
import time
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)


class EmbeddedRedis:
    """A redis-server owned by this data dir."""

    def __init__(self, data_dir: str | os.PathLike[str]):
        self.dir = Path(data_dir).resolve() / "redis"
        self.socket = self.dir / "redis.sock"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def _alive(self) -> bool:
        if not self.socket.exists():
            return False
        try:
            return bool(redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2).ping())
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return False

    def ensure(self) -> str:
        """Attach to the data dir's server, starting it if nobody runs it."""
        if self._alive():
            return self.url
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError(
                "redis-server is not installed and REDIS_URL is not set: "
                "install it (apt-get install redis-server, or `make crawl` does it) "
                "or point REDIS_URL at a Redis server"
            )
        self.dir.mkdir(parents=True, exist_ok=True)
        # Several processes may race to start it; the pid file lock of
        # redis-server is not enough, so serialise on a lock file.
        import fcntl

        with open(self.dir / "start.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self._alive():
                return self.url
            if self.socket.exists():
                self.socket.unlink()
            args = [
                binary,
                "--port", "0",
                "--unixsocket", str(self.socket),
                "--unixsocketperm", "700",
                "--dir", str(self.dir),
                "--appendonly", "yes",
                "--save", "60 1",
                "--maxmemory-policy", "noeviction",
                "--daemonize", "no",
                "--logfile", str(self.dir / "redis.log"),
            ]
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True)
            deadline = time.monotonic() + 15
            while not self._alive():
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"embedded redis-server failed to start; see {self.dir / 'redis.log'}"
                    )
                time.sleep(0.01)
        logger.info("Started embedded redis-server on %s", self.socket)
        atexit.register(self.stop)
        return self.url

    def stop(self, force: bool = False) -> None:
        """Stop the server we started, unless other processes still use it."""
        if self.proc is None or self.proc.poll() is not None:
            return
        if not force and self._other_clients() > 0:
            return
        # SHUTDOWN SAVE answers at once (a SIGTERM waits for the server's next
        # cron tick); sent without retries, since the dropped connection is
        # its success and redis-py's default retries would back off for
        # seconds after the server has gone.
        try:
            self._client().shutdown(save=True)
        except (redis.RedisError, OSError):
            self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            logger.warning("embedded redis-server did not exit in 30 s; killing it")
            self.proc.kill()
            self.proc.wait()

    def _client(self) -> redis.Redis:
        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=5, decode_responses=True,
                           retry=Retry(NoBackoff(), 0))

    def _other_clients(self) -> int:
        """Connections of other processes to the server (0 when it cannot
        be asked: nobody else can be using it then either)."""
        try:
            with self._client() as client:
                mine = _client_name()
                # less one: the connection asking
                others = sum(1 for c in client.client_list() if c.get("name") != mine) - 1
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return 0
        if others > 0:
            logger.info("Leaving embedded redis-server running for %d other client(s)", others)
        return others


def _client_name() -> str:
    # Names this process's connections, so the embedded server's owner can
    # tell its own connections from other processes' at exit.
    return f"scrapejet-{os.getpid()}"


def redis_url(settings) -> str:
    """REDIS_URL if configured, else the embedded server's (started on demand)."""
    url = settings.get("REDIS_URL")
    if url:
        return url
    return EmbeddedRedis(settings.get("SCRAPEJET_DATA_DIR")).ensure()


def connect(settings) -> redis.Redis:
    """A client for the configured (or embedded) Redis; supports redis://, rediss:// and unix://."""
    return redis.Redis.from_url(redis_url(settings), **_client_options(settings))


def connect_async(settings):
    """The same, for asyncio (a ``redis.asyncio.Redis``): a crawler's
    per-request calls awaited on the reactor's event loop rather than
    blocking it for a round trip. Imported here: redis.asyncio costs a
    tenth of a second that commands which never crawl should not pay."""
    import redis.asyncio

    return redis.asyncio.Redis.from_url(redis_url(settings), **_client_options(settings))


def _client_options(settings) -> dict:
    return {
        "decode_responses": True,
        "socket_timeout": settings.getfloat("SCRAPEJET_REDIS_TIMEOUT"),
        "health_check_interval": 30,
        "client_name": _client_name(),
    }
