"""What the commands share: settings (with or without Scrapy), storage and
jobs, running a job in this process with a progress bar, writing output
files, and printing summaries and tables."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from rich.console import Console

from ..runtime import storage_and_jobs  # noqa: F401  (the commands' storage and jobs)

T = TypeVar("T")


def lazy_jobs(settings):
    """The job model, opening storage only if a job asked for is not in
    Redis any more (``scrapejet jobs`` and ``cancel`` then answer without
    importing SQLAlchemy)."""
    from ..jobs import Jobs

    def open_storage():
        from ..storage import Storage

        return Storage.from_settings(settings)

    return Jobs.from_settings(settings, storage=open_storage)


def crawl_settings(overrides: dict | None = None):
    from ..runtime import load_settings

    return load_settings(overrides)


def state_settings():
    """The same settings, read without importing Scrapy: for commands that
    only read or change stored state, which a user expects to answer at once."""
    from ..runtime import ProjectSettings

    return ProjectSettings.load()


def default_output(settings, job, fmt: str) -> Path:
    from ..export import EXTENSIONS
    from ..urls import site_host

    site = site_host(job.spec.get("url", "")) or job.kind
    folder = Path(settings.get("SCRAPEJET_DATA_DIR")) / "exports"
    return folder / f"{site}-{job.job_id}.{EXTENSIONS[fmt]}"


def write_output(output: str | None, default: Path, fmt: str, write: Callable[[TextIO], T]) -> tuple[Path | None, T]:
    """``write`` into standard output (``output`` is "-") or into the file
    ``output`` names, else ``default``, its folder made: (the file or None,
    what ``write`` returned)."""
    if output == "-":
        return None, write(sys.stdout)
    path = Path(output) if output else default
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as fh:
        return path, write(fh)


def export_pages(storage, job, fmt: str, output: str | None, settings) -> tuple[Path | None, int]:
    from .. import export

    return write_output(output, default_output(settings, job, fmt), fmt,
                        lambda fh: export.write(storage.iter_pages(job.job_id), fmt, fh))


def export_profile(storage, job, fmt: str, output: str | None, settings) -> tuple[Path | None, dict | None]:
    """Write a business job's profile (built now if no worker stored it)."""
    from .. import export
    from ..profiles import job_profile

    profile = job_profile(storage, job)
    if profile is None:
        return None, None
    path, _ = write_output(output, default_output(settings, job, fmt), fmt,
                           lambda fh: export.write_profile(profile, fmt, fh))
    return path, profile


def run_job(settings, spidercls, kwargs: dict, label: str, total: int, console: Console, force_progress: bool):
    """``run_in_process``, then (storage, the job); None (said) when the
    crawl did not start."""
    job_id = run_in_process(settings, spidercls, kwargs, label, total, console, force_progress)
    if not job_id:
        console.print("[red]error:[/red] the crawl did not start (see the log above)")
        return None
    storage, jobs = storage_and_jobs(settings)
    return storage, jobs.get(job_id)


def run_in_process(settings, spidercls, kwargs: dict, label: str, total: int, console: Console,
                    force_progress: bool) -> str | None:
    """Run one job in this process (`scrapy crawl NAME -a url=...` with a
    progress bar); its job id, or None if it did not start."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )
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
        if spider is None or not getattr(spider, "job_id", None):
            return
        job = spider.runtime.job(spider.job_id, max_age=0)
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


def validated(kind: str, spec: dict, settings, console: Console):
    """The validated spec, or None after saying why (before anything starts)."""
    from ..jobs import JobError, validate_spec

    try:
        return validate_spec(
            kind, spec,
            max_pages_limit=settings.getint("SCRAPEJET_MAX_PAGES_LIMIT"),
            max_depth_limit=settings.getint("SCRAPEJET_MAX_DEPTH_LIMIT"),
        )
    except JobError as exc:
        console.print(f"[red]error:[/red] {exc}")
        return None


def print_failures(console: Console, storage, job) -> None:
    failures = storage.list_failures(job.job_id)
    failed = [f for f in failures if f["outcome"] == "failed"]
    skipped = [f for f in failures if f["outcome"] == "skipped"]
    console.print(f"  failed       : {len(failed)}")
    console.print(f"  skipped      : {len(skipped)}")
    for f in (failed + skipped)[:10]:
        console.print(f"    {f['outcome']:7} {f['url']}  ({f['reason']})", highlight=False)
    if len(failures) > 10:
        console.print(f"    … {len(failures) - 10} more: scrapejet export {job.job_id} --failures")


def print_render_hint(console: Console, storage, job) -> None:
    """A start page that links to no other page of its site, fetched without
    a browser, is most likely a JavaScript app shell (its links are drawn by
    scripts): say so, rather than leave a one-page result unexplained."""
    # with render_js=auto such a page was rendered, unless it shows none of the signs
    if job.spec.get("render_js") is True or job.spec.get("pages_to_scrape") or job.counters.get("crawled", 0) > 1:
        return
    start = next((p for p in storage.iter_pages(job.job_id) if p.get("depth") == 0), None)
    links = (start or {}).get("links") or {}
    if start is not None and not links.get("internal"):
        console.print("  [yellow]hint[/yellow]         : the start page links to no other page of the site; if its "
                      "links are drawn by JavaScript, run again with --render-js", highlight=False)


def print_table(console: Console, columns, rows, title: str | None = None) -> None:
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
