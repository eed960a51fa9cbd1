"""The test suite reads nothing outside the repository.

A fresh clone has no neighbours (no shared folder beside it), so a test that reads
one passes here and fails for everyone else. ``install`` adds an audit hook
(PEP 578) to the pytest process: opening or listing a path that lies beside
the repository (under its parent folder, outside the repository) raises
``OutsideRepository`` and is recorded, so the run fails even where a test
swallows the error. System folders, the virtualenv and temp folders are not
beside the repository and stay readable."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

EVENTS = frozenset({"open", "os.listdir", "os.scandir", "glob.glob", "os.chdir"})


class OutsideRepository(RuntimeError):
    pass


def neighbourhood(root: Path) -> tuple[str, tuple[str, ...]] | None:
    """(the folder beside which nothing may be read, the folders under it
    that may), or None when that folder cannot be told apart from the
    machine's own folders: a checkout directly under / or the temp dir,
    whose neighbours are everybody's files."""
    root = root.resolve()
    parent = root.parent
    temp = Path(tempfile.gettempdir()).resolve()
    if parent == Path(parent.anchor) or parent == temp:
        return None
    allowed = [root]
    for folder in (temp, Path(os.environ.get("VIRTUAL_ENV") or root / ".venv").resolve()):
        if folder.is_relative_to(parent) and not folder.is_relative_to(root):
            allowed.append(folder)
    return str(parent) + os.sep, tuple(str(a) for a in allowed)


def install(root: Path, seen: list[str]) -> bool:
    """Guard this process; False when the checkout's place allows no guard."""
    hood = neighbourhood(root)
    if hood is None:
        return False
    beside, allowed = hood

    def outside(path: str) -> bool:
        # the parent itself too: listing it is looking at the neighbours
        return (path.startswith(beside) or path == beside[:-1]) and not any(path == a or path.startswith(a + os.sep) for a in allowed)

    def hook(event: str, args: tuple) -> None:
        if event not in EVENTS or not args:
            return
        raw = args[0]
        if not isinstance(raw, (str, bytes, os.PathLike)):
            return  # a file descriptor
        path = os.path.abspath(os.fsdecode(raw))
        if outside(path):
            seen.append(path)
            raise OutsideRepository(f"a test read {path}, outside the repository: keep what tests need under tests/")

    import sys

    sys.addaudithook(hook)
    return True
