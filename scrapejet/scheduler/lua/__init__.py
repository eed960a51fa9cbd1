"""The Lua scripts of the frontier, one file each (syntax-highlighted and
read as Lua, not as Python strings), loaded by the modules that run them:
``redisqueue`` (queue, leases, acks, cancel), ``backlinks`` (per-domain caps
and redirect probes) and ``cleanup`` (``clear-jobs``). Each script is one
atomic queue operation; its arguments are written above its loader."""

from __future__ import annotations

from importlib.resources import files


def lua_script(name: str) -> str:
    return (files(__package__) / name).read_text(encoding="utf-8")
