"""``/health`` (``api/health.py``): each part of the system with its status."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Component(BaseModel):
    # idle: no live worker, but reachable scrapyd nodes start them on submission
    status: Literal["ok", "degraded", "down", "none", "idle", "not_configured"]
    required: bool
    detail: str | None = None


class Health(BaseModel):
    """System health"""

    status: Literal["ok", "degraded", "down"]
    components: dict[str, Component]
    workers: int = Field(description="live workers")
