"""Where a site's index lives and what it holds, read without faiss or
numpy (for ``/sites``, ``/health`` and ``scrapejet index status``).

    <SCRAPEJET_DATA_DIR>/index/<site>/index.faiss   the FAISS index (ids = chunk ids)
    <SCRAPEJET_DATA_DIR>/index/<site>/meta.json     kind, count, model, dim, built_at, generation
    <SCRAPEJET_DATA_DIR>/index/<site>/.lock         fcntl lock: writers exclusive, readers shared
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def enabled(settings) -> bool:
    """SCRAPEJET_EMBEDDINGS: on unless off/false/0/no."""
    value = settings.get("SCRAPEJET_EMBEDDINGS")
    if isinstance(value, str):
        return value.strip().lower() not in ("0", "off", "false", "no", "")
    return bool(value)


def index_root(settings) -> Path:
    return Path(settings.get("SCRAPEJET_DATA_DIR") or "data").resolve() / "index"


def site_dir(root: Path, site: str) -> Path:
    # a site is a host name (maybe with a port): keep it readable, never a path
    name = _UNSAFE.sub("_", site).strip(".") or "_"
    return root / name


def read_meta(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / "meta.json").read_text())
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def locked(folder: Path, exclusive: bool):
    """The site's lock: one writer at a time, readers never mid-write."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: written beside it, synced, renamed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def site_state(settings, storage, site: str, counts: dict[str, int] | None = None) -> dict[str, Any]:
    """Chunks, vectors and index of a site, and its pages still queued for
    the indexer, as the API and CLI report them."""
    if counts is None:
        counts = storage.chunks.counts(site).get(site, {"chunks": 0, "embedded": 0, "pending": 0})
    meta = read_meta(site_dir(index_root(settings), site)) or {}
    queued = storage.index_queue.counts(site).get(site, {"queued": 0, "failed": 0})
    return {
        "site": site, **counts, "queued_pages": queued["queued"] - queued["failed"], "failed_pages": queued["failed"],
        "kind": meta.get("kind"), "vectors": meta.get("count"), "model": meta.get("model"),
        "dim": meta.get("dim"), "built_at": meta.get("built_at"),
    }


def delete_site_index(settings, site: str) -> bool:
    """Remove a site's index files; whether there were any."""
    folder = site_dir(index_root(settings), site)
    if not folder.exists():
        return False
    with locked(folder, exclusive=True):
        shutil.rmtree(folder, ignore_errors=True)
    return True
