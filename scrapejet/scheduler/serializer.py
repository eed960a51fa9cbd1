"""JSON serializer for requests in Redis (scrapy-redis' SCHEDULER_SERIALIZER).

scrapy-redis pickles by default: unreadable from other languages and tools,
and unpickling data from a shared server runs arbitrary code. Requests are
dicts from ``Request.to_dict()``; their only non-JSON values are bytes
(headers, body), kept as ``{"$b64": ...}``."""

from __future__ import annotations

import base64
import json
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"request field of type {type(value).__name__} cannot be queued as JSON")


def _hook(obj: dict) -> Any:
    if len(obj) == 1 and "$b64" in obj:
        return base64.b64decode(obj["$b64"])
    return obj


def _compact_headers(data: Any) -> Any:
    # Header names and values are bytes in to_dict(); decode the common
    # ASCII case to plain strings so queued requests stay small and readable.
    if isinstance(data, dict) and isinstance(data.get("headers"), dict):
        headers = {}
        for name, values in data["headers"].items():
            key = name.decode("latin-1") if isinstance(name, bytes) else name
            headers[key] = [v.decode("latin-1") if isinstance(v, bytes) else v for v in values]
        data = {**data, "headers": headers}
        if data.get("body") == b"":
            data["body"] = ""
    return data


def dumps(obj: Any) -> str:
    return json.dumps(_compact_headers(obj), default=_default, separators=(",", ":"))


def loads(data: str | bytes) -> Any:
    return json.loads(data, object_hook=_hook)
