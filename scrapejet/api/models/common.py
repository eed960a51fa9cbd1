"""Pieces the API's models share: the error body, job states, job ids,
site names. (``Strict``, which refuses unknown fields, is the specs'.)"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field

from ...jobs import JOB_ID_PATTERN, STATES
from ...kinds import KIND_SPIDER
from ...specs import UrlPattern

Status = Literal[tuple(STATES)]
State = Literal[tuple(STATES.values())]
Kind = Literal[tuple(KIND_SPIDER)]
JobId = Annotated[str, Field(pattern=JOB_ID_PATTERN)]
# What became of a webhook event (a job's or an insights task's).
DeliveryStatus = Literal["pending", "retrying", "delivered", "failed"]
# The URL filters of crawls and backlink jobs, as the API documents them.
Include = Annotated[UrlPattern, Field(description="regex a followed URL must match")]
Exclude = Annotated[UrlPattern, Field(description="regex a followed URL must not match")]
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")


def host(value: str) -> str:
    """A site name as the API takes one: a host name, lower-case, ``www.``
    folded (the apex and www are one site)."""
    value = value.strip().lower().rstrip(".")
    value = value.removeprefix("www.")
    if not HOSTNAME.match(value):
        raise ValueError("must be a host name such as example.com")
    return value


SiteName = Annotated[str, AfterValidator(host)]


class ErrorResponse(BaseModel):
    """Error"""

    error: str = Field(description="machine-readable code, e.g. validation_error, not_found, job_running")
    detail: str = Field(description="what went wrong, in words")
    errors: list[dict[str, Any]] | None = Field(default=None, description="per-field problems (422 only)")
