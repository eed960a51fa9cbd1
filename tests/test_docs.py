"""The README and docs/ say what users type: every command in their code
blocks is checked against what it names, so a renamed option, argument,
setting, endpoint or make target fails here instead of in a user's
terminal. Commands that need a network or a running server are not run;
what they ask of ScrapeJET is checked:

* ``scrapejet ...``: parsed by the real argument parser;
* ``scrapy crawl SPIDER -a k=v -s NAME=v``: the spider exists and takes
  each argument, each setting is one;
* ``curl`` to the API (port 8000): the method and path match a route of the
  Flask app; to a scrapyd node (port 6800): an endpoint scrapyd has;
* ``make TARGET``: the Makefile has the target;
* ``VAR=value`` and ``export VAR=value``: a setting the environment sets;
* Python blocks compile, and name only modules that import.
"""

from __future__ import annotations

import importlib
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SCRAPYD_ENDPOINTS = {"schedule.json", "cancel.json", "listjobs.json", "listprojects.json", "listspiders.json",
                     "listversions.json", "daemonstatus.json", "addversion.json", "delproject.json",
                     "delversion.json", "status.json"}
# Set from the environment, read by other programs (the OpenAI client, Hugging Face).
FOREIGN_ENV = {"HF_HUB_OFFLINE"}


def blocks(lang: str) -> list[tuple[str, str]]:
    """(page, text) of every fenced block in ``lang``."""
    found = []
    for page in PAGES:
        for match in re.finditer(r"```(\w*)\n(.*?)```", page.read_text(), re.S):
            if match.group(1) == lang:
                found.append((page.relative_to(ROOT).as_posix(), match.group(2)))
    return found


def commands() -> list[tuple[str, str]]:
    """(page, command line) of every bash block, continuation lines joined."""
    out = []
    for page, text in blocks("bash"):
        pending = ""
        for line in text.splitlines():
            line = line.strip()
            if pending:
                line = pending + " " + line
                pending = ""
            if line.endswith("\\"):
                pending = line[:-1]
                continue
            if line and not line.startswith("#"):
                out.append((page, line))
    return out


@pytest.fixture(scope="module")
def app():
    from scrapejet.api import create_app

    return create_app({"TESTING": True})


def check_scrapejet(argv: list[str]) -> None:
    from scrapejet.cli import parser

    try:
        parser().parse_args(argv)
    except SystemExit as exc:
        pytest.fail(f"scrapejet {' '.join(argv)}: the parser refuses it (exit {exc.code})")


def check_scrapy(argv: list[str]) -> None:
    from scrapy.spiderloader import SpiderLoader

    from scrapejet.runtime import load_settings

    settings = load_settings()
    assert argv[0] == "crawl", argv
    loader = SpiderLoader.from_settings(settings)
    spider = loader.load(argv[1])
    accepted = {"url", "job_id", "shared", *spider.spec_args}
    args = iter(argv[2:])
    for arg in args:
        if arg == "-a":
            name = next(args).split("=", 1)[0]
            assert name in accepted, f"scrapy crawl {argv[1]}: no argument {name!r} (takes {sorted(accepted)})"
        elif arg == "-s":
            name = next(args).split("=", 1)[0]
            assert settings.get(name) is not None or name in settings.attributes, f"no setting {name!r}"
        elif arg in ("-O", "-o"):
            next(args)
        else:
            pytest.fail(f"scrapy crawl {argv[1]}: unexpected {arg!r}")


def check_curl(argv: list[str], app) -> None:
    url = next(a for a in argv[1:] if "://" in a or re.match(r"^[\w.-]+:\d+/", a))
    parts = urlsplit(url if "://" in url else f"http://{url}")
    data = any(a in ("-d", "--data", "-F") for a in argv)
    method = argv[argv.index("-X") + 1] if "-X" in argv else ("POST" if data else "GET")
    if parts.port == 6800:
        assert parts.path.lstrip("/") in SCRAPYD_ENDPOINTS, f"scrapyd has no {parts.path}"
        return
    adapter = app.url_map.bind("localhost")
    try:
        adapter.match(parts.path, method=method)
    except Exception as exc:  # NotFound, MethodNotAllowed
        pytest.fail(f"{method} {parts.path}: no such route of the API ({type(exc).__name__})")


def check_environment(name: str) -> None:
    import scrapejet.settings as project

    assert hasattr(project, name) or name in FOREIGN_ENV, f"{name} is no setting"


@pytest.mark.parametrize("page,line", commands())
def test_every_command_in_the_docs_is_one_scrapejet_takes(page, line, app):
    argv = shlex.split(line, comments=True)
    if not argv:
        return
    if argv[0] == "export":
        check_environment(argv[1].split("=", 1)[0])
        return
    while argv and re.match(r"^[A-Z_]+=", argv[0]):
        check_environment(argv.pop(0).split("=", 1)[0])
    program, args = Path(argv[0]).name, argv[1:]
    if program == "scrapejet":
        check_scrapejet(args)
    elif program == "scrapy":
        check_scrapy(args)
    elif program == "curl":
        check_curl(argv, app)
    elif program == "make":
        targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
        assert args[0] in targets, f"the Makefile has no target {args[0]!r}"
    elif program == "flask":
        assert args[:2] == ["--app", "scrapejet.api"] and hasattr(importlib.import_module("scrapejet.api"),
                                                                  "create_app")
    else:
        pytest.fail(f"{page}: a command the docs test does not know: {line!r}")


@pytest.mark.parametrize("page,code", blocks("python"))
def test_python_in_the_docs_compiles_and_imports(page, code):
    compile(code, page, "exec")
    for module in re.findall(r"^\s*from (scrapejet[\w.]*) import", code, re.M):
        importlib.import_module(module)


def test_the_docs_hold_commands():
    assert len(commands()) > 60
    assert {page for page, _ in commands()} >= {"README.md", "docs/cli.md", "docs/api.md"}


# Commands that need neither the network nor a site crawled first: run as
# written, against the test session's Redis and a fresh data dir.
RUNNABLE = {"jobs", "status", "workers", "clear-jobs", "index"}


def test_state_commands_in_the_docs_run_as_written(env):
    ran = []
    for page, line in commands():
        argv = shlex.split(line, comments=True)
        if len(argv) < 2 or Path(argv[0]).name != "scrapejet" or argv[1] not in RUNNABLE:
            continue
        if argv[1] == "index" and argv[2] != "status":
            continue  # rebuild and catch-up load the embedding model
        result = env.scrapejet(*argv[1:])
        assert result.returncode == 0, f"{page}: {line}\n{result.stdout}{result.stderr}"
        assert "Traceback" not in result.stderr, f"{page}: {line}\n{result.stderr}"
        ran.append(argv[1])
    assert {"jobs", "status", "workers", "clear-jobs", "index"} <= set(ran)
