"""The shape docs/architecture.md draws, checked on the code: no import
cycles, and each folder imports only what its rules allow. Read from the
source (ast), so lazy imports inside functions count too: a cycle through a
function-level import is still two modules that cannot be understood apart."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scrapejet"

# area -> areas it must not import (an area is a folder or a top-level module)
FORBIDDEN = {
    # the queue knows requests, leases, hosts and priorities, not job kinds
    "scheduler": {"jobs", "specs", "spiders", "storage", "api", "cli", "insights", "index", "extract",
                  "pipelines", "webhooks", "profiles", "backlinks", "export", "cluster", "download"},
    # pure functions on pages
    "extract": {"scheduler", "jobs", "specs", "spiders", "storage", "api", "cli", "insights", "index",
                "pipelines", "webhooks", "runtime", "profiles", "download", "cluster"},
    "storage": {"scheduler", "jobs", "specs", "spiders", "api", "cli", "insights", "index", "pipelines",
                "webhooks", "runtime", "download", "cluster"},
    "index": {"scheduler", "jobs", "spiders", "api", "cli", "insights", "pipelines", "webhooks", "download"},
    "download": {"jobs", "specs", "spiders", "storage", "api", "cli", "insights", "index", "pipelines",
                 "webhooks"},
    "specs": {"jobs", "spiders", "storage", "api", "cli", "insights", "index", "pipelines", "webhooks",
              "runtime"},
}
# only the entry points build the HTTP API
API_USERS = {"api", "cli"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}

    def nearest(name: str) -> str | None:
        while name not in modules and "." in name:
            name = name.rsplit(".", 1)[0]
        return name if name in modules else None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        found: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(inner) for node in ast.walk(tree)
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue  # imported for annotations only, never at run time
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                names = [target] + [f"{target}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith("scrapejet"):
                    target = nearest(name)
                    if target and target != module:
                        found.add(target)
        graph[module] = found
    return graph


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "scrapejet"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read():
    graph = _imports()
    assert "scrapejet.scheduler.redisqueue" in graph["scrapejet.jobs"]
    assert "scrapejet.keys" in graph["scrapejet.scheduler.redisqueue"]
    # a lazy import (inside a function) is an edge too
    assert "scrapejet.scheduler.requests" in graph["scrapejet.jobs"]


def test_no_import_cycles():
    # no two modules import each other, directly or through others
    assert _cycles(_imports()) == []


def test_each_area_imports_only_what_its_rules_allow():
    wrong = []
    for module, targets in _imports().items():
        area = _area(module)
        for target in targets:
            if _area(target) in FORBIDDEN.get(area, ()):
                wrong.append(f"{module} imports {target}")
            if _area(target) == "api" and area not in API_USERS:
                wrong.append(f"{module} imports {target} (only the entry points build the API)")
    assert wrong == []


def test_every_kind_is_a_spec_and_a_spider():
    """What adding a kind takes (docs/architecture.md): a spec in SPECS, a
    spider whose ``kind`` is it, and the line of kinds.py joining them."""
    from scrapy.spiderloader import SpiderLoader

    from scrapejet.kinds import KIND_SPIDER
    from scrapejet.runtime import load_settings
    from scrapejet.specs import SPECS

    assert set(SPECS) == set(KIND_SPIDER)
    loader = SpiderLoader.from_settings(load_settings())
    for kind, spider in KIND_SPIDER.items():
        assert loader.load(spider).kind == kind
        assert hasattr(SPECS[kind], "first_requests") and isinstance(SPECS[kind].defaulted, tuple)
