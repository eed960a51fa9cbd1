"""``scrapejet backlinks``: find the pages of other sites that link to a
target, in this process with a progress bar, and read a target's link
profile.

    scrapejet backlinks TARGET --seed URL [URL ...] [--format json|jsonl|csv] [-o FILE]
    scrapejet backlinks summary TARGET [--json] [--top N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console

from .common import (
    crawl_settings,
    print_failures,
    print_table,
    run_job,
    state_settings,
    storage_and_jobs,
    validated,
    write_output,
)


def add_parsers(sub) -> None:
    from ..export import BACKLINK_FORMATS

    p = sub.add_parser(
        "backlinks", help="find pages of other sites that link to TARGET, crawling from --seed pages; "
                          "`backlinks summary TARGET` prints its link profile",
        description="scrapejet backlinks TARGET --seed URL [URL ...]   |   scrapejet backlinks summary TARGET",
    )
    p.add_argument("target", metavar="TARGET", help="a domain (example.com) or URL; or the word `summary`")
    p.add_argument("summary_of", nargs="?", metavar="SUMMARY_TARGET", help=argparse.SUPPRESS)
    p.add_argument("--seed", action="extend", nargs="+", default=[], metavar="URL",
                   help="pages of other sites to start from (repeat the option or list several)")
    p.add_argument("--match", choices=("domain", "host", "prefix"),
                   help="links to any host of the target's domain (default), its host only, or URLs under it")
    p.add_argument("--max-pages", type=int, help="pages to crawl (default SCRAPEJET_DEFAULT_MAX_PAGES: 100)")
    p.add_argument("--max-depth", type=int, help="link hops from the seeds, across sites (default 2)")
    p.add_argument("--per-domain-max-pages", type=int, help="pages of one domain followed to (default 50)")
    p.add_argument("--allowed-domain", action="append", help="follow links only to this domain (repeatable)")
    p.add_argument("--include", help="only follow URLs matching this regex")
    p.add_argument("--exclude", help="never follow URLs matching this regex")
    p.add_argument("--priority", type=int, help="1-9, 9 most urgent (default 5)")
    p.add_argument("--format", choices=BACKLINK_FORMATS, default="json", help="output format (default json)")
    p.add_argument("-o", "--output", help="output file ('-' for stdout); default data/exports/backlinks-TARGET-JOB.EXT")
    p.add_argument("--json", action="store_true", help="summary: print JSON")
    p.add_argument("--top", type=int, default=10, help="summary: top anchors and referring domains (default 10)")
    p.add_argument("--progress", action="store_true", help="show the progress bar even without a terminal")
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    p.set_defaults(func=cmd_backlinks)


def _error(console: Console, message: str) -> int:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    return 2


def cmd_backlinks(args, console: Console) -> int:
    if args.target == "summary" and args.summary_of:
        return cmd_summary(args, console)
    if args.summary_of:
        return _error(console, f"unexpected argument {args.summary_of!r} (one TARGET; seeds go after --seed)")
    return cmd_crawl(args, console)


def cmd_crawl(args, console: Console) -> int:
    from ..backlinks import job_target
    from ..spiders.backlink import BacklinkSpider

    seeds = [s for seed in args.seed for s in seed.split(",") if s.strip()]
    spec = {
        "target": args.target, "seeds": seeds, "match": args.match, "max_pages": args.max_pages,
        "max_depth": args.max_depth, "per_domain_max_pages": args.per_domain_max_pages,
        "allowed_domains": args.allowed_domain, "include": args.include, "exclude": args.exclude,
        "priority": args.priority,
    }
    settings = crawl_settings({"LOG_LEVEL": "INFO" if args.verbose else "WARNING", "LOG_INSTALL_ROOT_HANDLER": True})
    if spec["max_pages"] is None:
        spec["max_pages"] = settings.getint("SCRAPEJET_DEFAULT_MAX_PAGES")
    model = validated("backlinks", {k: v for k, v in spec.items() if v is not None}, settings, console)
    if model is None:
        return 2
    # The spider gets the validated values (`-a` strings): canonical seeds
    # carry no bare comma, so a comma-separated list is safe.
    kwargs = {k: v for k, v in model.model_dump(exclude={"shared", "webhook"}).items() if v not in (None, False)}
    kwargs["seeds"] = ",".join(model.seeds)
    if model.allowed_domains:
        kwargs["allowed_domains"] = ",".join(model.allowed_domains)
    ran = run_job(settings, BacklinkSpider, kwargs, f"backlinks of {model.target}", model.max_pages, console,
                   args.progress)
    if ran is None:
        return 1
    storage, job = ran
    target = job_target(job.spec)
    path, n = _write(storage, target.domain, job.job_id, args.format, args.output, settings)
    if args.output == "-":
        return 0 if job.status == "completed" else 1

    profile = storage.backlinks.summary(target.host)
    console.print()
    console.print(f"[bold]Job {job.job_id}[/bold]: {job.status}")
    console.print(f"  target       : {target.host} ({target.match})", highlight=False)
    console.print(f"  pages crawled: {job.counters['crawled']}")
    console.print(f"  backlinks    : {n} seen by this job, from "
                  f"{storage.backlinks.referring_domains(target.domain, job.job_id)} referring domain(s)")
    console.print(f"  new / lost   : {profile['new_since_previous_job']} new, "
                  f"{profile['lost_since_previous_job']} lost since the previous job")
    print_failures(console, storage, job)
    if path:
        console.print(f"  output       : {path} ({args.format})")
    console.print(f"  profile      : scrapejet backlinks summary {target.host}", highlight=False)
    return 0 if job.status == "completed" else 1


def _write(storage, domain: str, job_id: str, fmt: str, output: str | None, settings) -> tuple[Path | None, int]:
    """The backlinks a job saw (the records it last saw), to a file or stdout."""
    from ..export import write_backlinks

    records = storage.backlinks.records(domain, job_id=job_id, status="all")
    default = Path(settings.get("SCRAPEJET_DATA_DIR")) / "exports" / f"backlinks-{domain}-{job_id}.{fmt}"
    return write_output(output, default, fmt, lambda fh: write_backlinks(records, fmt, fh))


def export_job(storage, job, fmt: str, output: str | None, settings, console: Console) -> int:
    """`scrapejet export JOB_ID` of a backlinks job: its backlinks."""
    from ..backlinks import job_target
    from ..export import BACKLINK_FORMATS

    if fmt not in BACKLINK_FORMATS:
        return _error(console, f"a backlinks job exports as {', '.join(BACKLINK_FORMATS)}, not {fmt}")
    path, n = _write(storage, job_target(job.spec).domain, job.job_id, fmt, output, settings)
    if path:
        console.print(f"{n} backlinks of job {job.job_id} written to {path}")
    return 0


def cmd_summary(args, console: Console) -> int:
    from ..backlinks import parse_target
    from ..urls import host_of, site_host

    try:
        target = parse_target(args.summary_of)
    except ValueError as exc:
        return _error(console, f"TARGET {exc}")
    domain = site_host(host_of(target) if "://" in target else target)
    if not 1 <= args.top <= 100:
        return _error(console, "--top must be 1-100")
    storage, _ = storage_and_jobs(state_settings())
    if not storage.backlinks.crawls(domain, limit=1):
        console.print(f"no backlinks of {domain} recorded yet: scrapejet backlinks {domain} --seed URL ...",
                      highlight=False)
        return 1
    profile = storage.backlinks.summary(domain, top=args.top)
    if args.json:
        print(json.dumps(profile, indent=2))
        return 0
    latest = profile["latest_job"]
    console.print(f"[bold]Link profile of {domain}[/bold] (latest job {latest['job_id']}, "
                  f"{latest['pages_crawled']} pages crawled)", highlight=False)
    rows = [(name, profile[key]) for name, key in (
        ("backlinks", "backlinks"), ("referring pages", "referring_pages"),
        ("referring domains", "referring_domains"), ("dofollow", "dofollow"), ("nofollow", "nofollow"),
        ("ugc", "ugc"), ("sponsored", "sponsored"), ("in content", "in_content"),
        ("new since previous job", "new_since_previous_job"),
        ("lost since previous job", "lost_since_previous_job"), ("lost (all time)", "lost_total"),
    )]
    rows += [(f"type {name}", n) for name, n in profile["link_types"].items()]
    print_table(console, ("figure", "count"), rows)
    print_table(console, ("top anchor", "backlinks"), [(a["anchor"], a["backlinks"]) for a in profile["top_anchors"]])
    print_table(console, ("referring domain", "backlinks", "pages", "dofollow"), [
        (d["domain"], d["backlinks"], d["referring_pages"], d["dofollow"]) for d in profile["top_referring_domains"]
    ])
    return 0
