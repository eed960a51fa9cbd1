"""An OpenAI-compatible chat server on loopback, for the insights tests: it
implements ``POST /v1/chat/completions``, records every request, and answers
as scripted (a completion, an HTTP error, or nothing in time)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ChatServer:
    def __init__(self, reply: str = "", *, status: int = 200, delay_s: float = 0.0):
        self.reply = reply
        self.status = status
        self.delay_s = delay_s
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with server._lock:
                    server.requests.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                                            "json": json.loads(body or b"{}")})
                if self.path != "/v1/chat/completions":
                    return self._send(404, {"error": {"message": "no such route", "type": "not_found"}})
                if server.delay_s:
                    time.sleep(server.delay_s)
                if server.status != 200:
                    return self._send(server.status, {"error": {"message": "model crashed", "type": "server_error"}},
                                      {"retry-after-ms": "20"})
                request = json.loads(body)
                return self._send(200, {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                    "model": request.get("model"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": server.reply}}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
                })

            def _send(self, status, data, headers=None):
                raw = json.dumps(data).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(raw)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(raw)
                except OSError:  # the client gave up (a timeout test)
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def prompts(self) -> list[str]:
        """The user message of every request, in order."""
        return [next(m["content"] for m in r["json"]["messages"] if m["role"] == "user") for r in self.requests]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
