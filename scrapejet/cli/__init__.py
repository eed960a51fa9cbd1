"""The ``scrapejet`` command.

    scrapejet crawl URL [--max-pages N] [--max-depth D] [--format F] [-o FILE] [--render-js]
    scrapejet business URL [--pages /,/about,/contact] [--format json|jsonl|csv|markdown] [-o FILE]
    scrapejet backlinks TARGET --seed URL [URL ...] [--format json|jsonl|csv] [-o FILE]
    scrapejet backlinks summary TARGET [--json]
    scrapejet export JOB_ID [--format F] [-o FILE] [--pages]
    scrapejet ask SITE "question" ["question" ...] [--json] [-k N] [--no-wait]
    scrapejet jobs [--status S] [--kind K]
    scrapejet cancel JOB_ID
    scrapejet api [--host H] [--port P] [--workers N] [--indexers M] [--no-webhooks]
    scrapejet webhooks
    scrapejet up [--port P] [--scrapyd-port Q]
    scrapejet node [--bind A] [--port P] | deploy [--node URL ...]
    scrapejet worker [--spider generic|business|backlink|all]
    scrapejet indexer [--site SITE] [--once]
    scrapejet status | workers [--json]
    scrapejet index status [SITE] [--json] | index rebuild SITE|--all [--rechunk] | index catch-up [SITE]
    scrapejet clear-jobs --yes
"""

from __future__ import annotations

import argparse

from rich.console import Console

from . import ask, backlinks, crawl, jobs, serve


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="scrapejet", description="ScrapeJET distributed crawler")
    sub = p.add_subparsers(dest="command", required=True)
    # one module per group of commands, each adding its own
    for group in (crawl, backlinks, ask, jobs, serve):
        group.add_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # soft_wrap: paths and URLs in the summary stay whole when piped
    console = Console(stderr=getattr(args, "output", None) == "-", soft_wrap=True)
    return args.func(args, console)
