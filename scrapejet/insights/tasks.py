"""Insights tasks (``POST /business/insights``): answered off the request
thread, readable from any API process.

A task is a Redis hash that expires after ``SCRAPEJET_INSIGHTS_TASK_TTL_S``,
so whichever API process behind a load balancer gets ``GET
/business/insights/{id}`` can answer it. The process that accepted the task
answers it on a small thread pool and keeps a runner key alive with
heartbeats (``SCRAPEJET_HEARTBEAT_S``); if that process dies, its key expires
after ``SCRAPEJET_HEARTBEAT_MISSES`` beats and readers report its unfinished
tasks as failed instead of pending forever.

A task with a webhook POSTs ``insights.completed`` (or ``insights.failed``)
once it ends, signed like job events, when the webhook's events include
``job.completed`` (``job.failed``), as the default set does."""

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
from typing import Any

from ..keys import Keys
from .answer import UnknownSite

logger = logging.getLogger(__name__)

UNFINISHED = ("pending", "running")
# Fail a task whose runner is gone, unless it finished meanwhile (one step).
FAIL_ORPHAN = """
local status = redis.call('HGET', KEYS[1], 'status')
if (status == 'pending' or status == 'running') and redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('HSET', KEYS[1], 'status', 'failed', 'error', ARGV[1], 'finished_at', ARGV[2])
  return 1
end
return 0
"""
JSON_FIELDS = ("questions", "answers", "webhook", "webhook_delivery")


class InsightTasks:
    def __init__(self, server, keys: Keys, insights: Callable[[], Any], *, threads: int = 2,
                 ttl_s: int = 86400, heartbeat_s: float = 2.0, misses: int = 3,
                 webhook_timeout_s: float = 10.0, webhook_attempts: int = 6, webhook_backoff_s: float = 2.0,
                 webhook_backoff_max_s: float = 300.0):
        self.server = server
        self.keys = keys
        self._insights = insights
        self.threads = max(1, threads)
        self.ttl_s = int(ttl_s)
        self.heartbeat_s = heartbeat_s
        self.runner_ttl_ms = max(1000, int(heartbeat_s * misses * 1000))
        self.webhook = {"timeout": webhook_timeout_s, "attempts": webhook_attempts,
                        "backoff": webhook_backoff_s, "backoff_max": webhook_backoff_max_s}
        self.runner_id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._pool: ThreadPoolExecutor | None = None
        self._beat: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._fail_orphan = server.register_script(FAIL_ORPHAN)

    @classmethod
    def from_settings(cls, settings, server, insights: Callable[[], Any]) -> InsightTasks:
        return cls(
            server, Keys(settings.get("SCRAPEJET_KEY_PREFIX")), insights,
            threads=settings.getint("SCRAPEJET_INSIGHTS_THREADS"),
            ttl_s=settings.getint("SCRAPEJET_INSIGHTS_TASK_TTL_S"),
            heartbeat_s=settings.getfloat("SCRAPEJET_HEARTBEAT_S"),
            misses=settings.getint("SCRAPEJET_HEARTBEAT_MISSES"),
            webhook_timeout_s=settings.getfloat("SCRAPEJET_WEBHOOK_TIMEOUT_S"),
            webhook_attempts=settings.getint("SCRAPEJET_WEBHOOK_MAX_ATTEMPTS"),
            webhook_backoff_s=settings.getfloat("SCRAPEJET_WEBHOOK_BACKOFF_S"),
            webhook_backoff_max_s=settings.getfloat("SCRAPEJET_WEBHOOK_BACKOFF_MAX_S"),
        )

    # -- records --------------------------------------------------------------
    def _write(self, key_id: str, /, **fields: Any) -> None:
        data = {k: json.dumps(v) if k in JSON_FIELDS else ("" if v is None else v) for k, v in fields.items()}
        key = self.keys.insights_task(key_id)
        with self.server.pipeline() as pipe:
            pipe.hset(key, mapping=data)
            pipe.expire(key, self.ttl_s)
            pipe.execute()

    def get(self, task_id: str) -> dict[str, Any] | None:
        """The task as stored; an unfinished task whose runner stopped
        heart-beating is failed first."""
        key = self.keys.insights_task(task_id)
        data = self.server.hgetall(key)
        if not data:
            return None
        if data.get("status") in UNFINISHED:
            runner = self.keys.insights_runner(data.get("runner", ""))
            why = ("the API process answering this task stopped before it finished "
                   f"(no heartbeat for {self.runner_ttl_ms / 1000:g}s); submit the questions again")
            if self._fail_orphan(keys=[key, runner], args=[why, time.time()]):
                data = self.server.hgetall(key)
        return self._decode(data)

    @staticmethod
    def _decode(data: dict[str, str]) -> dict[str, Any]:
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

    # -- running ----------------------------------------------------------------
    def submit(self, site: str, questions: list[str], webhook: dict[str, Any] | None = None) -> dict[str, Any]:
        task_id = secrets.token_hex(12)
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="insights")
            self._start_heartbeat()
        self._write(task_id, task_id=task_id, status="pending", site_name=site, questions=questions,
                    answered=0, created_at=time.time(), runner=self.runner_id, webhook=webhook)
        self._pool.submit(self._run, task_id, site, questions, webhook)
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
            self._write(task_id, status="failed", finished_at=time.time(),
                        error=f"no stored pages of {site} (deleted since the task was accepted?)")
        except Exception as exc:  # noqa: BLE001 - the task records why, the log has the trace
            logger.exception("insights task %s failed", task_id)
            self._write(task_id, status="failed", finished_at=time.time(), error=f"{type(exc).__name__}: {exc}")
        else:
            self._write(task_id, status="completed", finished_at=time.time(), answers=answers)
        if webhook:
            self._notify(task_id, webhook)

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

    # -- webhook ---------------------------------------------------------------
    def _notify(self, task_id: str, webhook: dict[str, Any]) -> None:
        task = self.get(task_id) or {}
        status = task.get("status")
        wanted = {"completed": "job.completed", "failed": "job.failed"}.get(status or "")
        if wanted not in (webhook.get("events") or ["job.completed", "job.failed"]):
            return
        threading.Thread(target=self._deliver, args=(task_id, webhook, f"insights.{status}", task),
                         name="insights-webhook", daemon=True).start()

    def _deliver(self, task_id: str, webhook: dict[str, Any], event: str, task: dict[str, Any]) -> None:
        from ..export import iso
        from ..webhooks import post, sign

        body = json.dumps({
            "event": event, "delivery_id": f"insights.{task_id}", "timestamp": iso(time.time()),
            "task": public_task(task),
        }, separators=(",", ":")).encode()
        record: dict[str, Any] = {"event": event, "url": webhook["url"], "status": "pending", "attempts": 0}
        pause = self.webhook["backoff"]
        for attempt in range(1, max(1, self.webhook["attempts"]) + 1):
            headers = {"Content-Type": "application/json", "User-Agent": "ScrapeJET-Webhooks",
                       "X-ScrapeJET-Event": event, "X-ScrapeJET-Delivery": f"insights.{task_id}",
                       "X-ScrapeJET-Attempt": str(attempt)}
            if webhook.get("secret"):
                headers["X-ScrapeJET-Signature"] = sign(webhook["secret"], body)
            result = post(webhook["url"], body, headers, self.webhook["timeout"])
            record.update(attempts=attempt, response_status=result.status, error=result.error)
            if result.ok or not result.retry or attempt == self.webhook["attempts"]:
                record["status"] = "delivered" if result.ok else "failed"
                break
            record["status"] = "retrying"
            self._write(task_id, webhook_delivery=record)
            time.sleep(pause)
            pause = min(pause * 2, self.webhook["backoff_max"])
        self._write(task_id, webhook_delivery=record)


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
