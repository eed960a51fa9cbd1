"""Long-running commands: ``worker``, ``indexer``, ``api``, ``webhooks``, and the scrapyd
side, ``up``, ``node`` and ``deploy``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from .common import crawl_settings, storage_and_jobs


def add_parsers(sub) -> None:
    levels = ("DEBUG", "INFO", "WARNING", "ERROR")
    a = sub.add_parser("api", help="serve the HTTP API (waitress), optionally with local workers")
    a.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    a.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    a.add_argument("--workers", type=int, default=0, help="local worker processes to start and keep running")
    a.add_argument("--indexers", type=int, default=None,
                   help="local indexer processes (chunk and embed stored pages); default 1 with --workers, else 0")
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
    u.add_argument("--indexers", type=int, default=1, help="local indexer processes (default 1)")
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

    ix = sub.add_parser("indexer", help="chunk and embed stored pages, off the crawl's path (one process; "
                                        "run as many as wanted, on any machine sharing the database)")
    ix.add_argument("--site", help="only this site's pages")
    ix.add_argument("--once", action="store_true", help="stop when nothing is queued (default: keep serving)")
    ix.add_argument("--log-level", default="INFO", choices=levels)
    ix.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)
    ix.set_defaults(func=cmd_indexer)

    w = sub.add_parser("worker", help="serve the shared queue (one worker process)")
    w.add_argument("--spider", default="all", choices=("generic", "business", "backlink", "all"),
                   help="which spider's queue (default all: every spider this version has)")
    w.add_argument("--log-level", default="INFO", choices=levels)
    w.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)
    w.set_defaults(func=cmd_worker)


def cmd_worker(args, console: Console) -> int:
    from scrapy.crawler import CrawlerProcess

    settings = crawl_settings({"LOG_LEVEL": args.log_level})
    process = CrawlerProcess(settings)
    available = process.spider_loader.list()
    if args.spider == "all":
        # every spider this version has: one process serves all their queues
        wanted = [name for name in ("generic", "business", "backlink") if name in available]
    else:
        wanted = [args.spider]
    missing = [name for name in wanted if name not in available]
    if missing:
        console.print(f"[red]error:[/red] no {missing[0]!r} spider (this version has {', '.join(available)})")
        return 2
    if args.parent_pid:
        from ..supervisor import exit_with_parent

        exit_with_parent(args.parent_pid)
    for name in wanted:
        process.crawl(name)
    process.start()
    return 0


def cmd_indexer(args, console: Console) -> int:
    """Serve the index queue until SIGTERM / Ctrl-C (or, --once, until it is empty)."""
    import logging
    import os
    import signal
    import threading

    from ..index.indexer import Indexer
    from ..storage import Storage
    from ..urls import site_host

    logging.basicConfig(level=args.log_level, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    settings = crawl_settings()
    indexer = Indexer.from_settings(settings, Storage.from_settings(settings))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if args.parent_pid:
        from ..supervisor import exit_with_parent

        exit_with_parent(args.parent_pid)
    site = site_host(args.site.strip().lower().rstrip("/.")) if args.site else None
    logging.getLogger("scrapejet.indexer").info("indexer %s serving the index queue%s", indexer.name,
                                                f" of {site}" if site else "")
    # A batch in progress finishes before the process ends (its rows would
    # otherwise wait out their lease); a kill -9 leaves them to the lease.
    indexer.run(stop, site=site, once=args.once)
    stats = dict(indexer.stats)
    console.print(f"indexed {stats.get('pages', 0)} page(s), embedded {stats.get('chunks_embedded', 0)} chunk(s)"
                  + (f", {stats['errors']} failed batch(es)" if stats.get("errors") else ""), highlight=False)
    return 0


def cmd_api(args, console: Console) -> int:
    from ..redis_server import connect

    settings = crawl_settings()
    # Reach Redis first: without REDIS_URL this process starts (and so owns)
    # the embedded server the workers then attach to.
    connect(settings).ping()
    return _serve_api(settings, args, console)


def cmd_up(args, console: Console) -> int:
    """The embedded single-machine stack, on the cluster's code path:
    Redis (embedded unless REDIS_URL), one local scrapyd node with the
    project deployed, and the API driving it through SCRAPYD_NODES."""
    import os

    from ..cluster.up import LocalNode
    from ..redis_server import connect, redis_url

    settings = crawl_settings()
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
        args.workers = 0  # the node runs the workers; the indexers run here
        return _serve_api(settings, args, console)
    finally:
        node.stop()


def cmd_node(args, console: Console) -> int:
    """One scrapyd node with this checkout's project deployed into it, in the
    foreground: what a Compose service or a Kubernetes pod of nodes runs."""
    import os
    import signal
    import threading

    from ..cluster.up import LocalNode

    settings = crawl_settings()
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

    from ..cluster.nodes import ScrapydNodes
    from ..cluster.up import build_egg, project_dir, upload_egg

    settings = crawl_settings({"SCRAPYD_NODES": ",".join(args.node)} if args.node else None)
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

    from ..api import create_app
    from ..supervisor import IndexerSupervisor, WorkerSupervisor

    app = create_app({"SCRAPEJET_SETTINGS": settings})
    try:
        server = create_server(app, host=args.host, port=args.port, threads=args.threads)
    except OSError as exc:  # the port is taken (another API?) or the address is not ours
        console.print(f"[red]error:[/red] cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
                      highlight=False)
        return 1
    supervisor = WorkerSupervisor(args.workers, spider=getattr(args, "spider", "all"),
                                  log_level=getattr(args, "log_level", "INFO"))
    # what the workers store is chunked and embedded by indexers, off their path
    indexers = args.indexers if args.indexers is not None else (1 if args.workers else 0)
    indexer_supervisor = IndexerSupervisor(indexers, log_level=getattr(args, "log_level", "INFO"))
    # waitress stops cleanly on SystemExit; SIGTERM would otherwise kill us
    # without stopping the workers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    supervisor.start()
    indexer_supervisor.start()
    # Jobs submitted here get their webhooks delivered from here (events of
    # every API process's jobs are shared among all running dispatchers).
    dispatcher = None if args.no_webhooks else _webhook_dispatcher(settings, app.extensions["scrapejet"].jobs)
    host = args.host if ":" not in args.host else f"[{args.host}]"
    console.print(
        f"ScrapeJET API on http://{host}:{server.effective_port}/ (docs: /docs/), "
        f"{args.workers} local worker(s), {indexers} indexer(s)", highlight=False,
    )
    try:
        server.run()
    finally:
        if dispatcher is not None:
            dispatcher.stop()
        supervisor.stop()
        indexer_supervisor.stop()
        app.extensions["scrapejet"].close()
    return 0


def _webhook_dispatcher(settings, jobs):
    """A started webhook dispatcher, its outcomes logged to stderr."""
    import logging

    from ..webhooks import WebhookDispatcher

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

    settings = crawl_settings()
    storage, jobs = storage_and_jobs(settings)
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
