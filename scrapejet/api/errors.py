"""Every error the API answers is JSON ``{"error", "detail"}``, from one place.

Views raise ``ApiError``; Werkzeug's HTTP errors (404 for an unknown path,
405, 413 for a body over MAX_CONTENT_LENGTH) and a Redis or database that is
down are turned into the same shape here, so clients parse one format."""

from __future__ import annotations

import logging
import re
from typing import Any

import redis
from flask import Flask, jsonify
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

logger = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail: str, *, headers: dict[str, str] | None = None,
                 **extra: Any):
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra

    def response(self):
        response = jsonify({"error": self.error, "detail": self.detail, **self.extra})
        response.status_code = self.status
        response.headers.update(self.headers)
        return response


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", what)


def _snake(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(exc: ApiError):
        return exc.response()

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        response = exc.get_response()  # keeps headers such as Allow on 405
        response.data = jsonify({"error": _snake(exc.name), "detail": exc.description}).get_data()
        response.content_type = "application/json"
        return response

    @app.errorhandler(redis.ConnectionError)
    @app.errorhandler(redis.TimeoutError)
    def redis_down(exc):
        logger.warning("Redis unavailable: %s", exc)
        return ApiError(503, "unavailable", f"Redis is unavailable: {exc}").response()

    @app.errorhandler(OperationalError)
    def storage_down(exc):
        logger.warning("Storage unavailable: %s", exc)
        return ApiError(503, "unavailable", f"storage is unavailable: {exc.orig}").response()

    @app.errorhandler(Exception)
    def internal(exc):
        logger.exception("Unhandled error")
        # The message may name internals; the log has it, the client does not.
        return ApiError(500, "internal_error", "unexpected server error; see the server log").response()
