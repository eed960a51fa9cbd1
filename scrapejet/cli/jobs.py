"""Commands on stored state: ``export``, ``jobs``, ``cancel``, ``status``,
``workers`` and ``clear-jobs``. None of them imports Scrapy: they read the
settings with ``state_settings`` and answer at once."""

from __future__ import annotations

import json

from rich.console import Console

from .common import (
    export_pages,
    export_profile,
    lazy_jobs,
    print_table,
    state_settings,
    storage_and_jobs,
)


def add_parsers(sub) -> None:
    from ..export import FORMATS

    e = sub.add_parser("export", help="export a stored job (a business job: its profile)")
    e.add_argument("job_id")
    e.add_argument("--format", choices=FORMATS, default="jsonl")
    e.add_argument("-o", "--output")
    e.add_argument("--failures", action="store_true", help="print the job's failures and skips as JSON")
    e.add_argument("--pages", action="store_true", help="a business job's pages instead of its profile")
    e.set_defaults(func=cmd_export)

    j = sub.add_parser("jobs", help="list jobs")
    j.add_argument("--status")
    j.add_argument("--kind")
    j.set_defaults(func=cmd_jobs)

    x = sub.add_parser("cancel", help="cancel a job on every worker")
    x.add_argument("job_id")
    x.set_defaults(func=cmd_cancel)

    st = sub.add_parser("status", help="queues, jobs and workers")
    st.add_argument("--json", action="store_true", help="print JSON")
    st.set_defaults(func=cmd_status)

    wk = sub.add_parser("workers", help="workers and their heartbeats")
    wk.add_argument("--json", action="store_true", help="print JSON")
    wk.set_defaults(func=cmd_workers)

    cj = sub.add_parser("clear-jobs", help="drop queued requests of jobs that are over (never of running ones)")
    cj.add_argument("--yes", action="store_true", help="really drop them (without it: only count)")
    cj.set_defaults(func=cmd_clear_jobs)


def cmd_export(args, console: Console) -> int:
    settings = state_settings()
    storage, jobs = storage_and_jobs(settings)
    job = jobs.get(args.job_id)
    if job is None:
        console.print(f"[red]error:[/red] no job {args.job_id!r}")
        return 2
    if args.failures:
        print(json.dumps(storage.list_failures(job.job_id), indent=2))
        return 0
    if job.kind == "backlinks":
        from .backlinks import export_job

        return export_job(storage, job, args.format, args.output, settings, console)
    if job.kind == "business" and not args.pages:
        path, profile = export_profile(storage, job, args.format, args.output, settings)
        if profile is None:
            console.print(f"[red]error:[/red] job {job.job_id} is {job.status}: its profile is built when it ends "
                          "(use --pages for the pages stored so far)")
            return 1
        if path:
            console.print(f"profile of job {job.job_id} written to {path}")
        return 0
    path, n = export_pages(storage, job, args.format, args.output, settings)
    if path:
        console.print(f"{n} pages of job {job.job_id} written to {path}")
    return 0


def cmd_jobs(args, console: Console) -> int:
    jobs = lazy_jobs(state_settings())
    columns = ("job_id", "kind", "status", "crawled", "failed", "skipped", "queued", "url")
    rows = [
        (job.job_id, job.kind, job.status, *(str(job.counters[n]) for n in columns[3:7]),
         job.spec.get("url") or job.spec.get("target", ""))
        for job in jobs.list(status=args.status, kind=args.kind)
    ]
    print_table(console, columns, rows)
    return 0


def cmd_cancel(args, console: Console) -> int:
    jobs = lazy_jobs(state_settings())
    try:
        job = jobs.cancel(args.job_id)
    except KeyError:
        console.print(f"[red]error:[/red] no job {args.job_id!r}")
        return 2
    console.print(f"job {job.job_id}: {job.status}")
    return 0


def _overview(settings) -> dict:
    """Queues, jobs and workers, as `status` and `workers` print them."""
    from ..export import iso
    from ..scheduler.monitor import QueueMonitor

    storage, jobs = storage_and_jobs(settings)
    monitor = QueueMonitor.from_settings(settings, jobs.server)
    listed = jobs.list(limit=100_000)
    counts: dict[str, int] = {}
    for job in listed:
        counts[job.status] = counts.get(job.status, 0) + 1
    live = [
        {"job_id": j.job_id, "kind": j.kind, "status": j.status, "priority": j.priority,
         "progress": j.progress(), "crawled": j.counters["crawled"], "queued": j.counters["queued"],
         "in_flight": j.counters["in_flight"], "url": j.spec.get("url", "")}
        for j in listed if not j.done
    ]
    workers = [{**w, "started_at": iso(w["started_at"]), "last_seen": iso(w["last_seen"])} for w in monitor.workers()]
    storage.close()
    return {"queues": monitor.queues(), "in_flight": monitor.leased(), "jobs": counts,
            "active_jobs": live, "workers": workers}


def _print_workers(console: Console, workers) -> None:
    print_table(console, ("worker", "spider", "alive", "last beat", "pages", "pages/min", "leases", "RSS MB"), [
        (w["id"], w["spider"] or "", "yes" if w["alive"] else "NO", f"{w['age_s']:.1f}s ago", w["pages"],
         f"{w['pages_per_min']:.0f}", w["leases"], f"{w['rss_mb']:.0f}")
        for w in workers
    ], title="Workers")


def cmd_status(args, console: Console) -> int:
    data = _overview(state_settings())
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print_table(console, ("spider", "waiting", "by priority (9 = most urgent)"), [
        (spider, q["length"], "  ".join(f"p{p}: {n}" for p, n in q["by_priority"].items()) or "-")
        for spider, q in data["queues"].items()
    ], title="Queues")
    console.print(f"in flight (leased to workers): {data['in_flight']}")
    console.print("jobs: " + (", ".join(f"{n} {s}" for s, n in sorted(data["jobs"].items())) or "none"))
    if data["active_jobs"]:
        print_table(console, ("job_id", "kind", "status", "prio", "progress", "crawled", "queued", "url"), [
            (j["job_id"], j["kind"], j["status"], j["priority"], f"{j['progress']:.0f}%", j["crawled"],
             j["queued"], j["url"])
            for j in data["active_jobs"]
        ], title="Active jobs")
    if data["workers"]:
        _print_workers(console, data["workers"])
    else:
        console.print("workers: none (start one: scrapejet worker)")
    return 0


def cmd_workers(args, console: Console) -> int:
    from ..export import iso
    from ..redis_server import connect
    from ..scheduler.monitor import QueueMonitor

    settings = state_settings()
    workers = QueueMonitor.from_settings(settings, connect(settings)).workers()
    if args.json:
        print(json.dumps([{**w, "started_at": iso(w["started_at"]), "last_seen": iso(w["last_seen"])}
                          for w in workers], indent=2))
        return 0
    if not workers:
        console.print("no workers (start one: scrapejet worker)")
        return 0
    _print_workers(console, workers)
    return 0


def cmd_clear_jobs(args, console: Console) -> int:
    from ..keys import Keys
    from ..redis_server import connect
    from ..scheduler.cleanup import QueueCleaner

    settings = state_settings()
    cleaner = QueueCleaner(connect(settings), Keys(settings.get("SCRAPEJET_KEY_PREFIX")))
    result = cleaner.clear(dry_run=not args.yes)
    what = f"{result.queued} queued request(s) and {result.stored} stray stored request(s) of jobs that are over"
    if not args.yes:
        console.print(f"would drop {what}; run again with --yes to drop them (running jobs are never touched)")
        return 1
    console.print(f"dropped {what}")
    return 0
