"""The Lua scripts of the frontier, one file each (syntax-highlighted and
read as Lua, not as Python strings), loaded by the modules that run them:
``redisqueue`` (queue, leases, acks, cancel), ``backlinks`` (per-domain
caps), ``waits`` (what a page holds back until another is read) and
``cleanup`` (``clear-jobs``). Each script is one atomic queue operation; its
arguments are written above its loader.

A script either gets every key it touches as an argument, or (the queue's,
which find a request's job and host in its rid) the key prefix as ARGV[1]
and the key names of ``keys.py`` as Lua functions (``keyed_script``)."""

from __future__ import annotations

from importlib.resources import files

from ...keys import lua_key_functions


def lua_script(name: str) -> str:
    return (files(__package__) / name).read_text(encoding="utf-8")


def keyed_script(name: str) -> str:
    """The script ``name`` after the key names of ``keys.py`` (``K_*``),
    built on the prefix it takes as ARGV[1]."""
    return "local P = ARGV[1]\n" + lua_key_functions() + lua_script(name)
