"""The ``scrapejet`` command.

    scrapejet crawl URL [--max-pages N] [--max-depth D] [--format F] [-o FILE] [--render-js]
    scrapejet business URL [--pages /,/about,/contact] [--format json|jsonl|csv|markdown] [-o FILE]
    scrapejet backlinks TARGET --seed URL [URL ...] [--format json|jsonl|csv] [-o FILE]
    scrapejet backlinks summary TARGET [--json]
    scrapejet export JOB_ID [--format F] [-o FILE] [--pages]
    scrapejet ask SITE "question" ["question" ...] [--json] [-k N]
    scrapejet jobs [--status S] [--kind K]
    scrapejet cancel JOB_ID
    scrapejet api [--host H] [--port P] [--workers N] [--no-webhooks]
    scrapejet webhooks
    scrapejet up [--port P] [--scrapyd-port Q]
    scrapejet node [--bind A] [--port P] | deploy [--node URL ...]
    scrapejet worker [--spider generic|business|backlink|all]
    scrapejet status | workers [--json]
    scrapejet index status [SITE] [--json] | index rebuild SITE|--all [--rechunk] | index catch-up [SITE]
    scrapejet clear-jobs --yes
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console


def _settings(overrides: dict | None = None):
    from .runtime import load_settings

    return load_settings(overrides)


def _state_settings():
    """The same settings, read without importing Scrapy: for commands that
    only read or change stored state, which a user expects to answer at once."""
    from .runtime import ProjectSettings

    return ProjectSettings.load()


def _storage_and_jobs(settings):
    from .runtime import storage_and_jobs

    return storage_and_jobs(settings)


def _default_output(settings, job, fmt: str) -> Path:
    from .export import EXTENSIONS
    from .urls import site_host

    site = site_host(job.spec.get("url", "")) or job.kind
    folder = Path(settings.get("SCRAPEJET_DATA_DIR")) / "exports"
    return folder / f"{site}-{job.job_id}.{EXTENSIONS[fmt]}"


def _export(storage, job, fmt: str, output: str | None, settings) -> tuple[Path | None, int]:
    from . import export

    if output == "-":
        return None, export.write(storage.iter_pages(job.job_id), fmt, sys.stdout)
    path = Path(output) if output else _default_output(settings, job, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as fh:
        n = export.write(storage.iter_pages(job.job_id), fmt, fh)
    return path, n


def _run_job(settings, spidercls, kwargs: dict, label: str, total: int, console: Console, force_progress: bool):
    """``_run_in_process``, then (storage, the job); None (said) when the
    crawl did not start."""
    job_id = _run_in_process(settings, spidercls, kwargs, label, total, console, force_progress)
    if not job_id:
        console.print("[red]error:[/red] the crawl did not start (see the log above)")
        return None
    storage, jobs = _storage_and_jobs(settings)
    return storage, jobs.get(job_id)


def _run_in_process(settings, spidercls, kwargs: dict, label: str, total: int, console: Console,
                    force_progress: bool) -> str | None:
    """Run one job in this process (`scrapy crawl NAME -a url=...` with a
    progress bar); its job id, or None if it did not start."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import task

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spidercls)
    progress = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=console,
        transient=False, disable=not console.is_terminal and not force_progress,
    )
    bar = progress.add_task(label, total=total, detail="")

    def update():
        spider = crawler.spider
        worker = getattr(spider, "worker", None) if spider else None
        if worker is None or not getattr(spider, "job_id", None):
            return
        job = worker.job(spider.job_id, max_age=0)
        if job is None:
            return
        c = job.counters
        done = c["crawled"] + c["failed"] + c["skipped"]
        seen = max(done + c["queued"] + c["in_flight"], 1)
        progress.update(
            bar, completed=c["crawled"], total=min(total, max(seen, c["crawled"])),
            detail=f"failed {c['failed']} · skipped {c['skipped']} · queued {c['queued']}",
        )

    loops = []

    def opened(spider):
        # Built here, not earlier: a LoopingCall imports the default reactor,
        # which must be the one Scrapy installs.
        loops.append(task.LoopingCall(update))
        loops[0].start(0.5)

    def closed(spider, reason):
        if loops and loops[0].running:
            loops[0].stop()

    crawler.signals.connect(opened, signal=signals.spider_opened, weak=False)
    crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)
    with progress:
        process.crawl(crawler, **{k: str(v) for k, v in kwargs.items()})
        process.start()
        update()
    return getattr(crawler.spider, "job_id", None)


def _validated(kind: str, spec: dict, settings, console: Console):
    """The validated spec, or None after saying why (before anything starts)."""
    from .jobs import JobError, validate_spec

    try:
        return validate_spec(
            kind, spec,
            max_pages_limit=settings.getint("SCRAPEJET_MAX_PAGES_LIMIT"),
            max_depth_limit=settings.getint("SCRAPEJET_MAX_DEPTH_LIMIT"),
        )
    except JobError as exc:
        console.print(f"[red]error:[/red] {exc}")
        return None


def cmd_crawl(args, console: Console) -> int:
    from .spiders.generic import GenericSpider

    spec = {
        "url": args.url, "max_pages": args.max_pages, "max_depth": args.max_depth,
        "include": args.include, "exclude": args.exclude, "render_js": args.render_js,
        "priority": args.priority, "subdomains": args.subdomains,
    }
    settings = _settings({"LOG_LEVEL": "INFO" if args.verbose else "WARNING", "LOG_INSTALL_ROOT_HANDLER": True})
    for field, name in (("max_pages", "MAX_PAGES"), ("max_depth", "MAX_DEPTH"), ("priority", "PRIORITY")):
        if spec[field] is None:
            spec[field] = settings.getint(f"SCRAPEJET_DEFAULT_{name}")
    if _validated("crawl", spec, settings, console) is None:
        return 2

    kwargs = {k: v for k, v in spec.items() if v not in (None, False)}
    kwargs["render_js"] = "true" if args.render_js else "false"
    kwargs["subdomains"] = "true" if args.subdomains else "false"
    ran = _run_job(settings, GenericSpider, kwargs, f"crawling {args.url}", spec["max_pages"], console, args.progress)
    if ran is None:
        return 1
    storage, job = ran
    path, n = _export(storage, job, args.format, args.output, settings)
    console.print()
    console.print(f"[bold]Job {job.job_id}[/bold]: {job.status}")
    console.print(f"  pages stored : {n}")
    _print_failures(console, storage, job)
    _print_render_hint(console, storage, job)
    if path:
        console.print(f"  output       : {path} ({args.format})")
    console.print(f"  storage      : {storage.url.split('@')[-1]}")
    return 0 if job.status == "completed" else 1


def _print_failures(console: Console, storage, job) -> None:
    failures = storage.list_failures(job.job_id)
    failed = [f for f in failures if f["outcome"] == "failed"]
    skipped = [f for f in failures if f["outcome"] == "skipped"]
    console.print(f"  failed       : {len(failed)}")
    console.print(f"  skipped      : {len(skipped)}")
    for f in (failed + skipped)[:10]:
        console.print(f"    {f['outcome']:7} {f['url']}  ({f['reason']})", highlight=False)
    if len(failures) > 10:
        console.print(f"    … {len(failures) - 10} more: scrapejet export {job.job_id} --failures")


def _print_render_hint(console: Console, storage, job) -> None:
    """A start page that links to no other page of its site, fetched without
    a browser, is most likely a JavaScript app shell (its links are drawn by
    scripts): say so, rather than leave a one-page result unexplained."""
    if job.spec.get("render_js") or job.spec.get("pages_to_scrape") or job.counters.get("crawled", 0) > 1:
        return
    start = next((p for p in storage.iter_pages(job.job_id) if p.get("depth") == 0), None)
    links = (start or {}).get("links") or {}
    if start is not None and not links.get("internal"):
        console.print("  [yellow]hint[/yellow]         : the start page links to no other page of the site; if its "
                      "links are drawn by JavaScript, run again with --render-js", highlight=False)


def _export_profile(storage, job, fmt: str, output: str | None, settings) -> tuple[Path | None, dict | None]:
    """Write a business job's profile (built now if no worker stored it)."""
    from . import export
    from .profiles import job_profile

    profile = job_profile(storage, job)
    if profile is None:
        return None, None
    if output == "-":
        export.write_profile(profile, fmt, sys.stdout)
        return None, profile
    path = Path(output) if output else _default_output(settings, job, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as fh:
        export.write_profile(profile, fmt, fh)
    return path, profile


def cmd_business(args, console: Console) -> int:
    from .export import address_line, hours_line
    from .spiders.business import BusinessSpider

    spec = {"url": args.url, "pages_to_scrape": args.pages, "max_pages": args.max_pages,
            "render_js": args.render_js, "priority": args.priority}
    settings = _settings({"LOG_LEVEL": "INFO" if args.verbose else "WARNING", "LOG_INSTALL_ROOT_HANDLER": True})
    model = _validated("business", {k: v for k, v in spec.items() if v is not None}, settings, console)
    if model is None:
        return 2
    kwargs = {k: v for k, v in spec.items() if v not in (None, False)}
    kwargs["render_js"] = "true" if args.render_js else "false"
    ran = _run_job(settings, BusinessSpider, kwargs, f"business pages of {args.url}", model.max_pages, console,
                   args.progress)
    if ran is None:
        return 1
    storage, job = ran
    path, profile = _export_profile(storage, job, args.format, args.output, settings)
    if args.output == "-":
        return 0 if job.status == "completed" else 1
    profile = profile or {}
    console.print()
    console.print(f"[bold]Job {job.job_id}[/bold]: {job.status}")
    console.print(f"  company      : {profile.get('company_name') or '(not found)'}", highlight=False)
    for role, url in (profile.get("pages") or {}).items():
        console.print(f"  {role:12} : {url}", highlight=False)
    for label, values, show in (
        ("email", profile.get("emails"), lambda v: v["email"]),
        ("phone", profile.get("phones"), lambda v: f"{v['e164']} ({v.get('type') or 'phone'})"),
        ("address", profile.get("addresses"), address_line),
        ("social", profile.get("socials"), lambda v: v["url"]),
        ("hours", profile.get("opening_hours"), hours_line),
    ):
        for value in values or []:
            console.print(f"  {label:12} : {show(value)}", highlight=False)
    console.print(f"  pages stored : {job.counters['crawled']}")
    _print_failures(console, storage, job)
    _print_render_hint(console, storage, job)
    if path:
        console.print(f"  profile      : {path} ({args.format})")
    return 0 if job.status == "completed" else 1


def cmd_export(args, console: Console) -> int:
    settings = _state_settings()
    storage, jobs = _storage_and_jobs(settings)
    job = jobs.get(args.job_id)
    if job is None:
        console.print(f"[red]error:[/red] no job {args.job_id!r}")
        return 2
    if args.failures:
        print(json.dumps(storage.list_failures(job.job_id), indent=2))
        return 0
    if job.kind == "backlinks":
        from .cli_backlinks import export_job

        return export_job(storage, job, args.format, args.output, settings, console)
    if job.kind == "business" and not args.pages:
        path, profile = _export_profile(storage, job, args.format, args.output, settings)
        if profile is None:
            console.print(f"[red]error:[/red] job {job.job_id} is {job.status}: its profile is built when it ends "
                          "(use --pages for the pages stored so far)")
            return 1
        if path:
            console.print(f"profile of job {job.job_id} written to {path}")
        return 0
    path, n = _export(storage, job, args.format, args.output, settings)
    if path:
        console.print(f"{n} pages of job {job.job_id} written to {path}")
    return 0


def cmd_ask(args, console: Console) -> int:
    import logging
    import os

    from rich.markup import escape

    from .insights import Insights
    from .insights.answer import UnknownSite
    from .storage import Storage
    from .urls import site_host

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # the embedding model loads quietly: answers are the output
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    site = site_host(args.site.strip().rstrip("/")).rstrip(".")
    settings = _settings()
    storage = Storage.from_settings(settings)
    insights = Insights.from_settings(settings, storage)
    err = Console(stderr=True, soft_wrap=True)
    if args.k is not None and not 1 <= args.k <= 50:
        err.print("[red]error:[/red] -k must be 1-50")
        return 2
    if not insights.known_site(site):
        err.print(f"[red]error:[/red] no stored pages of site {site!r}: crawl it first "
                  f"(scrapejet crawl URL, or scrapejet business URL)", highlight=False)
        return 2
    try:
        answers = insights.ask_all(site, args.questions, k=args.k)
    except UnknownSite:
        err.print(f"[red]error:[/red] no stored pages of site {site!r}", highlight=False)
        return 2
    for answer in answers:
        if args.json:
            # JSON Lines: one answer object per question, in order
            print(json.dumps(answer.public(), ensure_ascii=False))
            continue
        console.print(f"[bold]Q: {escape(answer.question)}[/bold]", highlight=False)
        console.print(answer.answer, highlight=False, markup=False)
        label = f"({answer.mode}" + (f", {answer.model})" if answer.model else ")")
        console.print(f"[dim]{label}[/dim]", highlight=False)
        if answer.error:
            console.print(f"[yellow]LLM failed:[/yellow] {escape(answer.error)}", highlight=False)
        for source in answer.sources:
            score = f"  score {source.score:.3f}" if source.score is not None else ""
            console.print(f"  [{source.n}] {source.title or '(untitled)'} — {source.url}{score}",
                          highlight=False, markup=False)
        console.print()
    return 0


def _table(console: Console, columns, rows, title: str | None = None) -> None:
    """A rich table on a terminal; tab-separated lines (whole values, no
    truncation) when piped, for scripts."""
    from rich.table import Table

    rows = [tuple(str(v) for v in row) for row in rows]
    if not console.is_terminal:
        for row in [tuple(columns), *rows]:
            print("\t".join(row))
        return
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def cmd_jobs(args, console: Console) -> int:
    _, jobs = _storage_and_jobs(_state_settings())
    columns = ("job_id", "kind", "status", "crawled", "failed", "skipped", "queued", "url")
    rows = [
        (job.job_id, job.kind, job.status, *(str(job.counters[n]) for n in columns[3:7]),
         job.spec.get("url") or job.spec.get("target", ""))
        for job in jobs.list(status=args.status, kind=args.kind)
    ]
    _table(console, columns, rows)
    return 0


def cmd_cancel(args, console: Console) -> int:
    _, jobs = _storage_and_jobs(_state_settings())
    try:
        job = jobs.cancel(args.job_id)
    except KeyError:
        console.print(f"[red]error:[/red] no job {args.job_id!r}")
        return 2
    console.print(f"job {job.job_id}: {job.status}")
    return 0


# Spiders of later issues, named when asked for before they exist.
SPIDER_ISSUES: dict[str, str] = {}


def cmd_worker(args, console: Console) -> int:
    from scrapy.crawler import CrawlerProcess

    settings = _settings({"LOG_LEVEL": args.log_level})
    process = CrawlerProcess(settings)
    available = process.spider_loader.list()
    if args.spider == "all":
        # every spider this version has: one process serves all their queues
        wanted = [name for name in ("generic", "business", "backlink") if name in available]
    else:
        wanted = [args.spider]
    missing = [name for name in wanted if name not in available]
    if missing:
        name = missing[0]
        console.print(f"[red]error:[/red] no {name!r} spider yet: it arrives with {SPIDER_ISSUES.get(name, 'a later issue')}")
        return 2
    if args.parent_pid:
        from .supervisor import exit_with_parent

        exit_with_parent(args.parent_pid)
    for name in wanted:
        process.crawl(name)
    process.start()
    return 0


def cmd_api(args, console: Console) -> int:
    from .redis_server import connect

    settings = _settings()
    # Reach Redis first: without REDIS_URL this process starts (and so owns)
    # the embedded server the workers then attach to.
    connect(settings).ping()
    return _serve_api(settings, args, console)


def cmd_up(args, console: Console) -> int:
    """The embedded single-machine stack, on the cluster's code path:
    Redis (embedded unless REDIS_URL), one local scrapyd node with the
    project deployed, and the API driving it through SCRAPYD_NODES."""
    import os

    from .cluster.up import LocalNode
    from .redis_server import connect, redis_url

    settings = _settings()
    connect(settings).ping()
    data_dir = Path(settings.get("SCRAPEJET_DATA_DIR")).resolve()
    # The node's crawl processes reach the same Redis and storage as we do.
    env = dict(os.environ, SCRAPEJET_DATA_DIR=str(data_dir), REDIS_URL=redis_url(settings),
               SCRAPY_SETTINGS_MODULE="scrapejet.settings")
    if settings.get("DATABASE_URL"):
        env["DATABASE_URL"] = settings.get("DATABASE_URL")
    console.print(f"Starting scrapyd on 127.0.0.1:{args.scrapyd_port} and deploying the project...", highlight=False)
    try:
        node = LocalNode(data_dir / "scrapyd", port=args.scrapyd_port, env=env,
                         project=settings.get("SCRAPEJET_SCRAPYD_PROJECT")).start()
    except RuntimeError as exc:  # scrapyd did not start (port taken?), with its log's tail
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        return 1
    try:
        deployed = node.deploy()
        console.print(f"scrapyd node {node.url}: project {deployed['project']} version {deployed['version']}, "
                      f"{deployed['spiders']} spiders", highlight=False)
        settings.set("SCRAPYD_NODES", node.url, priority="cmdline")
        args.workers = 0  # the node runs the workers
        return _serve_api(settings, args, console)
    finally:
        node.stop()


def cmd_node(args, console: Console) -> int:
    """One scrapyd node with this checkout's project deployed into it, in the
    foreground: what a Compose service or a Kubernetes pod of nodes runs."""
    import os
    import signal
    import threading

    from .cluster.up import LocalNode

    settings = _settings()
    folder = Path(args.dir or Path(settings.get("SCRAPEJET_DATA_DIR")) / "scrapyd").resolve()
    try:
        node = LocalNode(folder, port=args.port, bind=args.bind, env=dict(os.environ),
                         project=settings.get("SCRAPEJET_SCRAPYD_PROJECT")).start(timeout=60)
    except RuntimeError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        return 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        deployed = node.deploy()
        console.print(f"scrapyd node on {args.bind}:{args.port}: project {deployed['project']} version "
                      f"{deployed['version']} ({deployed['spiders']} spiders); Ctrl-C to stop", highlight=False)
        while not stop.wait(1.0):
            if node.proc.poll() is not None:
                console.print(f"[red]error:[/red] scrapyd exited ({node.proc.returncode}); see {folder}/scrapyd.out")
                return 1
    except KeyboardInterrupt:
        pass
    finally:
        node.stop()
    return 0


def cmd_deploy(args, console: Console) -> int:
    """Build the project's egg once and upload it to every node of
    SCRAPYD_NODES (or --node ...): scrapyd-deploy -a for the API's nodes."""
    import tempfile

    from .cluster.nodes import ScrapydNodes
    from .cluster.up import build_egg, project_dir, upload_egg

    settings = _settings({"SCRAPYD_NODES": ",".join(args.node)} if args.node else None)
    nodes = ScrapydNodes.from_settings(settings).nodes
    if not nodes:
        console.print("[red]error:[/red] no nodes: set SCRAPYD_NODES or give --node URL")
        return 2
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        try:
            egg = build_egg(project_dir(), Path(tmp) / "scrapejet.egg")
        except RuntimeError as exc:  # no checkout here, or the egg did not build
            console.print(f"[red]error:[/red] {exc}", highlight=False)
            return 1
        for node in nodes:
            try:
                answer = upload_egg(node.url, settings.get("SCRAPEJET_SCRAPYD_PROJECT"), egg, args.version,
                                    auth=node.auth)
                console.print(f"{node.url}: version {answer['version']}, {answer['spiders']} spiders", highlight=False)
            except Exception as exc:  # one node down must not stop the others
                failed += 1
                console.print(f"[red]{node.url}: {exc}[/red]", highlight=False)
    return 1 if failed else 0


def _serve_api(settings, args, console: Console) -> int:
    """The API with waitress (plus --workers local workers and the webhook
    dispatcher) until SIGTERM or Ctrl-C."""
    import signal

    from waitress import create_server

    from .api import create_app
    from .supervisor import WorkerSupervisor

    app = create_app({"SCRAPEJET_SETTINGS": settings})
    try:
        server = create_server(app, host=args.host, port=args.port, threads=args.threads)
    except OSError as exc:  # the port is taken (another API?) or the address is not ours
        console.print(f"[red]error:[/red] cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
                      highlight=False)
        return 1
    supervisor = WorkerSupervisor(args.workers, spider=args.spider, log_level=args.log_level)
    # waitress stops cleanly on SystemExit; SIGTERM would otherwise kill us
    # without stopping the workers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    supervisor.start()
    # Jobs submitted here get their webhooks delivered from here (events of
    # every API process's jobs are shared among all running dispatchers).
    dispatcher = None if args.no_webhooks else _webhook_dispatcher(settings, app.extensions["scrapejet"].jobs)
    host = args.host if ":" not in args.host else f"[{args.host}]"
    console.print(
        f"ScrapeJET API on http://{host}:{server.effective_port}/ (docs: /docs/), "
        f"{args.workers} local worker(s)", highlight=False,
    )
    try:
        server.run()
    finally:
        if dispatcher is not None:
            dispatcher.stop()
        supervisor.stop()
        app.extensions["scrapejet"].close()
    return 0


def _webhook_dispatcher(settings, jobs):
    """A started webhook dispatcher, its outcomes logged to stderr."""
    import logging

    from .webhooks import WebhookDispatcher

    log = logging.getLogger("scrapejet.webhooks")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    dispatcher = WebhookDispatcher.from_settings(settings, jobs)
    dispatcher.start()
    return dispatcher


def cmd_webhooks(args, console: Console) -> int:
    import signal
    import threading

    settings = _settings()
    storage, jobs = _storage_and_jobs(settings)
    jobs.server.ping()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    dispatcher = _webhook_dispatcher(settings, jobs)
    console.print(f"Delivering webhooks as {dispatcher.consumer}; Ctrl-C to stop", highlight=False)
    try:
        while not stop.wait(1.0):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        dispatcher.stop()
        storage.close()
    return 0


def _overview(settings) -> dict:
    """Queues, jobs and workers, as `status` and `workers` print them."""
    from .export import iso
    from .scheduler.monitor import QueueMonitor

    storage, jobs = _storage_and_jobs(settings)
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
    _table(console, ("worker", "spider", "alive", "last beat", "pages", "pages/min", "leases", "RSS MB"), [
        (w["id"], w["spider"] or "", "yes" if w["alive"] else "NO", f"{w['age_s']:.1f}s ago", w["pages"],
         f"{w['pages_per_min']:.0f}", w["leases"], f"{w['rss_mb']:.0f}")
        for w in workers
    ], title="Workers")


def cmd_status(args, console: Console) -> int:
    data = _overview(_state_settings())
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    _table(console, ("spider", "waiting", "by priority (9 = most urgent)"), [
        (spider, q["length"], "  ".join(f"p{p}: {n}" for p, n in q["by_priority"].items()) or "-")
        for spider, q in data["queues"].items()
    ], title="Queues")
    console.print(f"in flight (leased to workers): {data['in_flight']}")
    console.print("jobs: " + (", ".join(f"{n} {s}" for s, n in sorted(data["jobs"].items())) or "none"))
    if data["active_jobs"]:
        _table(console, ("job_id", "kind", "status", "prio", "progress", "crawled", "queued", "url"), [
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
    from .export import iso
    from .redis_server import connect
    from .scheduler.monitor import QueueMonitor

    settings = _state_settings()
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
    from .keys import Keys
    from .redis_server import connect
    from .scheduler.cleanup import QueueCleaner

    settings = _state_settings()
    cleaner = QueueCleaner(connect(settings), Keys(settings.get("SCRAPEJET_KEY_PREFIX")))
    result = cleaner.clear(dry_run=not args.yes)
    what = f"{result.queued} queued request(s) and {result.stored} stray stored request(s) of jobs that are over"
    if not args.yes:
        console.print(f"would drop {what}; run again with --yes to drop them (running jobs are never touched)")
        return 1
    console.print(f"dropped {what}")
    return 0


def cmd_index(args, console: Console) -> int:
    """`scrapejet index status|rebuild|catch-up`: the embedding index of sites."""
    from .index.state import site_state
    from .storage import Storage
    from .storage.chunks import ChunkStore
    from .urls import site_host

    settings = _state_settings()
    storage = Storage.from_settings(settings)
    store = ChunkStore(storage)
    site = site_host(args.site.strip().lower().rstrip(".")) if getattr(args, "site", None) else None
    if args.action == "status":
        counts = store.counts(site)
        if site and site not in counts:
            counts[site] = {"chunks": 0, "embedded": 0, "pending": 0}
        states = [site_state(settings, storage, name, c) for name, c in sorted(counts.items())]
        if args.json:
            print(json.dumps(states, indent=2))
            return 0
        _table(console, ("site", "chunks", "embedded", "pending", "index", "vectors", "model"), [
            (s["site"], s["chunks"], s["embedded"], s["pending"], s["kind"] or "-", s["vectors"] or 0,
             s["model"] or "-") for s in states
        ], title="Embedding index")
        return 0

    from .index.search import Retriever

    retriever = Retriever.from_settings(settings, storage)
    if args.action == "catch-up":
        n = retriever.catch_up(site)
        console.print(f"embedded {n} chunk(s) that had no vector" + (f" ({site})" if site else ""))
        return 0
    if not site and not args.all:
        console.print("[red]error:[/red] name a SITE or --all")
        return 2
    sites = [site] if site else sorted(set(store.sites()) | set(_page_sites(storage)) if args.rechunk
                                       else set(store.sites()))
    for name in sites:
        if args.rechunk:
            from .index.model import model_name

            stored = store.store_pages(store.site_pages(name), model=model_name(settings),
                                       max_words=settings.getint("SCRAPEJET_CHUNK_WORDS"),
                                       overlap=settings.getint("SCRAPEJET_CHUNK_OVERLAP"), force=True)
            console.print(f"{name}: {stored.pages} page(s) re-chunked, {stored.reused} vector(s) kept",
                          highlight=False)
        result = retriever.rebuild(name)
        console.print(f"{name}: {result['kind']} index of {result['count']} vector(s) "
                      f"({result['embedded']} chunk(s) embedded now)", highlight=False)
    if not sites:
        console.print("no chunks stored yet: crawl a site first")
    return 0


def _page_sites(storage) -> list[str]:
    from sqlalchemy import select

    from .storage import pages

    with storage.engine.connect() as conn:
        return [s for s in conn.execute(select(pages.c.site).distinct()).scalars() if s]


def parser() -> argparse.ArgumentParser:
    from .export import FORMATS

    p = argparse.ArgumentParser(prog="scrapejet", description="ScrapeJET distributed crawler")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("crawl", help="crawl a site in this process, with a progress bar")
    c.add_argument("url")
    c.add_argument("--max-pages", type=int, help="pages to store (default SCRAPEJET_DEFAULT_MAX_PAGES: 100)")
    c.add_argument("--max-depth", type=int, help="link depth (default SCRAPEJET_DEFAULT_MAX_DEPTH: 5)")
    c.add_argument("--format", choices=FORMATS, default="jsonl")
    c.add_argument("-o", "--output", help="output file ('-' for stdout); default data/exports/SITE-JOB.EXT")
    c.add_argument("--render-js", action="store_true", help="render pages in headless Chromium")
    c.add_argument("--include", help="only follow URLs matching this regex")
    c.add_argument("--exclude", help="never follow URLs matching this regex")
    c.add_argument("--priority", type=int, help="1-9, 9 most urgent (default SCRAPEJET_DEFAULT_PRIORITY: 5)")
    c.add_argument("--subdomains", action="store_true", help="include every subdomain of the site")
    c.add_argument("--progress", action="store_true", help="show the progress bar even without a terminal")
    c.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    c.set_defaults(func=cmd_crawl)

    b = sub.add_parser("business", help="find a company's business pages and its contact profile, in this process")
    b.add_argument("url")
    b.add_argument("--pages", help="comma-separated paths or URLs to fetch instead of discovering them "
                                   "(e.g. /,/about,/contact)")
    b.add_argument("--max-pages", type=int, help="pages to fetch at most (default 25)")
    b.add_argument("--format", choices=FORMATS, default="json", help="profile format (default json)")
    b.add_argument("-o", "--output", help="profile file ('-' for stdout); default data/exports/SITE-JOB.EXT")
    b.add_argument("--render-js", action="store_true", help="render pages in headless Chromium")
    b.add_argument("--priority", type=int, help="1-9, 9 most urgent (default 5)")
    b.add_argument("--progress", action="store_true", help="show the progress bar even without a terminal")
    b.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    b.set_defaults(func=cmd_business)

    from .cli_backlinks import add_parser as add_backlinks

    add_backlinks(sub)

    e = sub.add_parser("export", help="export a stored job (a business job: its profile)")
    e.add_argument("job_id")
    e.add_argument("--format", choices=FORMATS, default="jsonl")
    e.add_argument("-o", "--output")
    e.add_argument("--failures", action="store_true", help="print the job's failures and skips as JSON")
    e.add_argument("--pages", action="store_true", help="a business job's pages instead of its profile")
    e.set_defaults(func=cmd_export)

    q = sub.add_parser("ask", help="ask questions about a crawled site; answers cite their sources [n]")
    q.add_argument("site", help="a crawled site (host, e.g. example.com; GET /sites lists them)")
    q.add_argument("questions", nargs="+", metavar="question")
    q.add_argument("--json", action="store_true", help="print one JSON answer object per line (JSON Lines)")
    q.add_argument("-k", type=int, help="passages per question (default SCRAPEJET_INSIGHTS_K: 5)")
    q.set_defaults(func=cmd_ask)

    j = sub.add_parser("jobs", help="list jobs")
    j.add_argument("--status")
    j.add_argument("--kind")
    j.set_defaults(func=cmd_jobs)

    x = sub.add_parser("cancel", help="cancel a job on every worker")
    x.add_argument("job_id")
    x.set_defaults(func=cmd_cancel)

    levels = ("DEBUG", "INFO", "WARNING", "ERROR")
    a = sub.add_parser("api", help="serve the HTTP API (waitress), optionally with local workers")
    a.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    a.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    a.add_argument("--workers", type=int, default=0, help="local worker processes to start and keep running")
    a.add_argument("--spider", default="all", choices=("generic", "business", "backlink", "all"),
                   help="what the local workers serve (default all)")
    a.add_argument("--threads", type=int, default=8, help="request threads (default 8)")
    a.add_argument("--log-level", default="INFO", choices=levels, help="log level of the local workers")
    a.add_argument("--no-webhooks", action="store_true",
                   help="deliver no webhooks from this process (run `scrapejet webhooks` elsewhere)")
    a.set_defaults(func=cmd_api)

    u = sub.add_parser("up", help="the single-machine stack: Redis, a local scrapyd node with the project "
                                  "deployed, and the API driving it")
    u.add_argument("--host", default="127.0.0.1", help="API address (default 127.0.0.1)")
    u.add_argument("--port", type=int, default=8000, help="API port (default 8000)")
    u.add_argument("--scrapyd-port", type=int, default=6800, help="the local scrapyd node's port (default 6800)")
    u.add_argument("--threads", type=int, default=8, help="API request threads (default 8)")
    u.add_argument("--no-webhooks", action="store_true", help="deliver no webhooks from this process")
    u.set_defaults(func=cmd_up, workers=0, spider="all", log_level="INFO")

    nd = sub.add_parser("node", help="a scrapyd node with this project deployed (foreground)")
    nd.add_argument("--bind", default="127.0.0.1", help="address scrapyd listens on (0.0.0.0 in a container)")
    nd.add_argument("--port", type=int, default=6800, help="scrapyd port (default 6800)")
    nd.add_argument("--dir", help="scrapyd's eggs, logs and queue (default DATA_DIR/scrapyd)")
    nd.set_defaults(func=cmd_node)

    dp = sub.add_parser("deploy", help="build the egg and deploy it to every node of SCRAPYD_NODES")
    dp.add_argument("--node", action="append", default=[], help="a node URL instead of SCRAPYD_NODES (repeatable)")
    dp.add_argument("--version", help="version name (default: a timestamp)")
    dp.set_defaults(func=cmd_deploy)

    wh = sub.add_parser("webhooks", help="deliver webhooks (as `scrapejet api` does), without serving the API")
    wh.set_defaults(func=cmd_webhooks)

    w = sub.add_parser("worker", help="serve the shared queue (one worker process)")
    w.add_argument("--spider", default="all", choices=("generic", "business", "backlink", "all"),
                   help="which spider's queue (default all: every spider this version has)")
    w.add_argument("--log-level", default="INFO", choices=levels)
    w.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)
    w.set_defaults(func=cmd_worker)

    st = sub.add_parser("status", help="queues, jobs and workers")
    st.add_argument("--json", action="store_true", help="print JSON")
    st.set_defaults(func=cmd_status)

    wk = sub.add_parser("workers", help="workers and their heartbeats")
    wk.add_argument("--json", action="store_true", help="print JSON")
    wk.set_defaults(func=cmd_workers)

    ix = sub.add_parser("index", help="the embedding index: status, rebuild, catch-up")
    ixs = ix.add_subparsers(dest="action", required=True)
    ist = ixs.add_parser("status", help="chunks, vectors, pending and index of each site")
    ist.add_argument("site", nargs="?")
    ist.add_argument("--json", action="store_true", help="print JSON")
    irb = ixs.add_parser("rebuild", help="embed what is pending, then rebuild a site's index from stored vectors")
    irb.add_argument("site", nargs="?")
    irb.add_argument("--all", action="store_true", help="every site with chunks")
    irb.add_argument("--rechunk", action="store_true",
                     help="first chunk the stored pages again (after changing SCRAPEJET_CHUNK_*); "
                          "unchanged chunks keep their vectors")
    icu = ixs.add_parser("catch-up", help="embed chunks left without vectors and update the indexes")
    icu.add_argument("site", nargs="?")
    ix.set_defaults(func=cmd_index)

    cj = sub.add_parser("clear-jobs", help="drop queued requests of jobs that are over (never of running ones)")
    cj.add_argument("--yes", action="store_true", help="really drop them (without it: only count)")
    cj.set_defaults(func=cmd_clear_jobs)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # soft_wrap: paths and URLs in the summary stay whole when piped
    console = Console(stderr=getattr(args, "output", None) == "-", soft_wrap=True)
    return args.func(args, console)


if __name__ == "__main__":
    sys.exit(main())
