"""The repository stands alone: its tests and benchmarks read nothing beside
it (a fresh clone has no ../shared), and the guard that enforces it works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.repo_guard import OutsideRepository

ROOT = Path(__file__).resolve().parents[1]


def test_reading_beside_the_repository_fails_the_run(pytestconfig):
    if not pytestconfig.repo_guarded:
        pytest.skip("the checkout sits directly under / or the temp dir: its neighbours are not its own")
    beside = ROOT.parent / "shared" / "realsites" / "SOURCES.md"
    reads = pytestconfig.outside_reads
    before = len(reads)
    with pytest.raises(OutsideRepository):
        beside.read_bytes()
    with pytest.raises(OutsideRepository):
        list(ROOT.parent.iterdir())
    assert reads[before:] == [str(beside), str(ROOT.parent)]
    del reads[before:]  # provoked here on purpose: not a failure of the run
    # the repository itself, the system and temp files are fine
    assert (ROOT / "tests" / "realsites" / "SOURCES.md").read_bytes()
    assert Path(sys.executable).resolve().read_bytes()[:4] == b"\x7fELF"


def test_the_guard_in_a_fresh_layout(tmp_path):
    """A clone with a neighbour, as CI has one: reading the neighbour fails,
    reading the clone does not."""
    clone = tmp_path / "box" / "repo"
    (clone / "tests").mkdir(parents=True)
    (clone / "tests" / "data.txt").write_text("mine")
    (tmp_path / "box" / "shared").mkdir()
    (tmp_path / "box" / "shared" / "data.txt").write_text("not mine")
    script = (
        "import sys; from pathlib import Path; from tests.repo_guard import install, OutsideRepository\n"
        f"clone = Path({str(clone)!r}); seen = []\n"
        "assert install(clone, seen)\n"
        "assert (clone / 'tests' / 'data.txt').read_text() == 'mine'\n"
        "try:\n"
        "    (clone.parent / 'shared' / 'data.txt').read_text()\n"
        "except OutsideRepository as exc:\n"
        "    print('refused:', exc)\n"
        "print(seen)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "refused: a test read" in result.stdout
    assert str(tmp_path / "box" / "shared" / "data.txt") in result.stdout


def test_no_file_names_a_path_beside_the_repository():
    """What the guard cannot see (benchmarks, scripts, processes the tests
    start) is checked by reading it: nothing names ../shared or climbs out."""
    pattern = re.compile(r"\.\./shared|[\"']shared[\"']\s*/|/\s*[\"']shared[\"']|ROOT\.parent\b")
    checked = []
    for folder, suffixes in (("tests", {".py"}), ("bench", {".py"}), ("scripts", {".sh"}), (".ci", {""})):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in suffixes and path.name != "test_repository.py":
                checked.append(path)
                text = path.read_text(errors="replace")
                assert not pattern.search(text), f"{path.relative_to(ROOT)} names a path outside the repository"
                # parents[N] of a file N folders deep in the repository is outside it
                depth = len(path.relative_to(ROOT).parts)
                for match in re.finditer(r"parents\[(\d+)\]", text):
                    assert int(match.group(1)) < depth, f"{path.relative_to(ROOT)}: {match.group(0)} leaves the repository"
    for name in ("Makefile",):
        assert "../" not in (ROOT / name).read_text(), f"{name} names a path outside the repository"
    assert len(checked) > 20


def test_real_sites_are_in_the_repository_with_their_sources():
    realsites = ROOT / "tests" / "realsites"
    sources = (realsites / "SOURCES.md").read_text()
    sites = sorted(p.name for p in realsites.iterdir() if p.is_dir())
    assert len(sites) == 6
    for site in sites:
        row = next((line for line in sources.splitlines() if line.startswith(f"| `{site}/`")), None)
        assert row, f"{site} has no row in SOURCES.md"
        assert re.search(r"github\.com/[\w.-]+/[\w.-]+", row) and re.search(r"`[0-9a-f]{40}`", row)
        assert list((realsites / site).rglob("*.html"))
