"""Insights tasks (``POST /business/insights``): answered off the request
thread, readable from any API process.

A task is a Redis hash that expires after ``SCRAPEJET_INSIGHTS_TASK_TTL_S``,
so whichever API process behind a load balancer gets ``GET
/business/insights/{id}`` can answer it. The process that accepted the task
answers it on a small thread pool and keeps a runner key alive with
heartbeats (``SCRAPEJET_HEARTBEAT_S``); if that process dies, its key expires
after ``SCRAPEJET_HEARTBEAT_MISSES`` beats and readers report its unfinished
tasks as failed instead of pending forever.

A task with a webhook gets ``insights.completed`` (or ``insights.failed``)
when it ends, if the webhook's events include ``job.completed``
(``job.failed``), as the default set does. The write that ends the task
appends the event to the webhook stream in the same transaction (as the
queue's scripts do for a job's events), whoever ends it: the runner, or the
reader failing the task of a dead runner. The webhook dispatchers
(``scrapejet.webhooks``) deliver it like a job's events, and record the
delivery in the task's ``webhook_delivery`` field."""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from ..keys import Keys
from ..scheduler.redisqueue import WEBHOOK_STREAM_MAXLEN
from .answer import UnknownSite

if TYPE_CHECKING:
    from ..specs import WebhookSpec

logger = logging.getLogger(__name__)

UNFINISHED = ("pending", "running")
JSON_FIELDS = ("questions", "answers", "webhook", "webhook_delivery")


# What the API looks a task up by (ids are made here, 24 hex digits): a
# path that cannot be one gets a 404 without a Redis call.
TASK_ID_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"

class InsightTasks:
    def __init__(self, server, keys: Keys, insights: Callable[[], Any], *, threads: int, ttl_s: int,
                 heartbeat_s: float, misses: int):
        self.server = server
        self.keys = keys
        self._insights = insights
        self.threads = max(1, threads)
        self.ttl_s = int(ttl_s)
        self.heartbeat_s = heartbeat_s
        self.runner_ttl_ms = max(1000, int(heartbeat_s * misses * 1000))
        self.runner_id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._pool: ThreadPoolExecutor | None = None
        self._beat: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings, server, insights: Callable[[], Any]) -> InsightTasks:
        return cls(
            server, Keys(settings.get("SCRAPEJET_KEY_PREFIX")), insights,
            threads=settings.getint("SCRAPEJET_INSIGHTS_THREADS"),
            ttl_s=settings.getint("SCRAPEJET_INSIGHTS_TASK_TTL_S"),
            heartbeat_s=settings.getfloat("SCRAPEJET_HEARTBEAT_S"),
            misses=settings.getint("SCRAPEJET_HEARTBEAT_MISSES"),
        )

    # -- records --------------------------------------------------------------
    def _queue_write(self, pipe, task_id: str, /, **fields: Any) -> None:
        data = {k: json.dumps(v) if k in JSON_FIELDS else ("" if v is None else v) for k, v in fields.items()}
        key = self.keys.insights_task(task_id)
        pipe.hset(key, mapping=data)
        pipe.expire(key, self.ttl_s)

    def _write(self, task_id: str, /, **fields: Any) -> None:
        with self.server.pipeline() as pipe:
            self._queue_write(pipe, task_id, **fields)
            pipe.execute()

    def _queue_end(self, pipe, task_id: str, webhook: dict[str, Any] | None, status: str, **fields: Any) -> None:
        """Queue, in a transaction, the writes that end a task: its last
        fields and, when its webhook asks for it, its event on the webhook
        stream, so the event is there if and only if the task ended."""
        now = time.time()
        self._queue_write(pipe, task_id, status=status, finished_at=now, **fields)
        if webhook and f"job.{status}" in webhook["events"]:
            # a job's entry as webhooks.Event reads it, with task_id where a job's has job_id
            entry = {"task_id": task_id, "event": f"insights.{status}", "at": now, "status": status}
            pipe.xadd(self.keys.webhook_events, entry, maxlen=WEBHOOK_STREAM_MAXLEN, approximate=True)

    def get(self, task_id: str) -> dict[str, Any] | None:
        """The task as stored; an unfinished task whose runner stopped
        heart-beating is failed first."""
        key = self.keys.insights_task(task_id)
        data = self.server.hgetall(key)
        if not data:
            return None
        runner = self.keys.insights_runner(data.get("runner", ""))
        if data.get("status") in UNFINISHED and not self.server.exists(runner) and self._fail_orphan(task_id, data):
            data = self.server.hgetall(key)
        return decode_task(data)

    def _fail_orphan(self, task_id: str, data: dict[str, str]) -> bool:
        """Fail a task whose runner is gone, unless it finished (or the
        runner beat again) meanwhile: checked and written in one transaction."""
        key, runner = self.keys.insights_task(task_id), self.keys.insights_runner(data.get("runner", ""))
        why = ("the API process answering this task stopped before it finished "
               f"(no heartbeat for {self.runner_ttl_ms / 1000:g}s); submit the questions again")
        webhook = decode_task(data).get("webhook")

        def fail(pipe) -> bool:
            if pipe.hget(key, "status") not in UNFINISHED or pipe.exists(runner):
                return False
            pipe.multi()
            self._queue_end(pipe, task_id, webhook, "failed", error=why)
            return True

        return self.server.transaction(fail, key, runner, value_from_callable=True)

    # -- running ----------------------------------------------------------------
    def submit(self, site: str, questions: list[str], webhook: WebhookSpec | None = None) -> dict[str, Any]:
        task_id = secrets.token_hex(12)
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="insights")
            self._start_heartbeat()
        spec = webhook.model_dump(exclude_none=True) if webhook is not None else None
        self._write(task_id, task_id=task_id, status="pending", site_name=site, questions=questions,
                    answered=0, created_at=time.time(), runner=self.runner_id, webhook=spec)
        self._pool.submit(self._run, task_id, site, questions, spec)
        return self.get(task_id)

    def _run(self, task_id: str, site: str, questions: list[str], webhook: dict[str, Any] | None) -> None:
        self._write(task_id, status="running", started_at=time.time())
        answers: list[dict[str, Any]] = []

        def answered(answer) -> None:
            answers.append(answer.public())
            self._write(task_id, answered=len(answers))

        try:
            self._insights().ask_all(site, questions, business=True, on_answer=answered)
        except UnknownSite:
            end = {"status": "failed", "error": f"no stored pages of {site} (deleted since the task was accepted?)"}
        except Exception as exc:  # noqa: BLE001 - the task records why, the log has the trace
            logger.exception("insights task %s failed", task_id)
            end = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"}
        else:
            end = {"status": "completed", "answers": answers}
        with self.server.pipeline() as pipe:
            self._queue_end(pipe, task_id, webhook, **end)
            pipe.execute()

    def _start_heartbeat(self) -> None:
        if self._beat is not None:
            return
        self._beat_once()  # before any task names this runner
        self._beat = threading.Thread(target=self._heartbeat, name="insights-heartbeat", daemon=True)
        self._beat.start()

    def _beat_once(self) -> None:
        self.server.set(self.keys.insights_runner(self.runner_id), time.time(), px=self.runner_ttl_ms)

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.heartbeat_s):
            try:
                self._beat_once()
            except Exception as exc:  # noqa: BLE001 - Redis away for a moment: beat again next time
                logger.warning("insights heartbeat failed: %s", exc)

    def close(self) -> None:
        """Stop taking tasks and heart-beating: tasks not started yet are
        reported failed once the runner key expires; running ones finish if
        the process lives on."""
        self._stop.set()
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def decode_task(data: dict[str, str]) -> dict[str, Any]:
    """A task's Redis hash as Python values (empty for a task gone)."""
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k in JSON_FIELDS:
            out[k] = json.loads(v) if v else None
        elif k in ("created_at", "started_at", "finished_at"):
            out[k] = float(v) if v else None
        elif k == "answered":
            out[k] = int(v or 0)
        else:
            out[k] = v or None
    return out


def public_task(task: dict[str, Any]) -> dict[str, Any]:
    """A task as clients see it (the webhook's secret is never shown)."""
    from ..export import iso

    done = task.get("status") == "completed"
    webhook = task.get("webhook")
    delivery = task.get("webhook_delivery")
    return {
        "task_id": task.get("task_id"),
        "status": task.get("status"),
        "site_name": task.get("site_name"),
        "questions": task.get("questions") or [],
        "answered": task.get("answered") or 0,
        "answers": (task.get("answers") or []) if done else None,
        "error": task.get("error"),
        "created_at": iso(task.get("created_at")),
        "started_at": iso(task.get("started_at")),
        "finished_at": iso(task.get("finished_at")),
        "webhook": None if not webhook else {
            "url": webhook.get("url"),
            "status": (delivery or {}).get("status", "pending"),
            "attempts": (delivery or {}).get("attempts", 0),
            "error": (delivery or {}).get("error"),
        },
    }
