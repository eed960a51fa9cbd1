"""``scrapejet ask`` (questions answered with citations) and ``scrapejet
index`` (the embedding index: status, rebuild, catch-up)."""

from __future__ import annotations

import json

from rich.console import Console

from .common import crawl_settings, print_table, state_settings


def add_parsers(sub) -> None:
    q = sub.add_parser("ask", help="ask questions about a crawled site; answers cite their sources [n]")
    q.add_argument("site", help="a crawled site (host, e.g. example.com; GET /sites lists them)")
    q.add_argument("questions", nargs="+", metavar="question")
    q.add_argument("--json", action="store_true", help="print one JSON answer object per line (JSON Lines)")
    q.add_argument("-k", type=int, help="passages per question (default SCRAPEJET_INSIGHTS_K: 5)")
    q.add_argument("--no-wait", action="store_true",
                   help="answer at once from what is indexed, saying how many stored pages are not yet "
                        "(default: index the site's queued pages first, with a progress bar)")
    q.set_defaults(func=cmd_ask)

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
    icu = ixs.add_parser("catch-up", help="index the queued pages here and now (as `scrapejet indexer --once`), "
                                          "embed chunks left without vectors, update the indexes")
    icu.add_argument("site", nargs="?")
    ix.set_defaults(func=cmd_index)


def cmd_ask(args, console: Console) -> int:
    import logging
    import os

    from rich.markup import escape

    from ..insights import Insights
    from ..insights.answer import UnknownSite
    from ..storage import Storage
    from ..urls import site_host

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # the embedding model loads quietly: answers are the output
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    site = site_host(args.site.strip().rstrip("/")).rstrip(".")
    settings = crawl_settings()
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
        with _IndexProgress(err, site) as progress:
            answers = insights.ask_all(site, args.questions, k=args.k, wait=not args.no_wait, progress=progress)
    except UnknownSite:
        err.print(f"[red]error:[/red] no stored pages of site {site!r}", highlight=False)
        return 2
    if answers and answers[0].unindexed_pages:
        n = answers[0].unindexed_pages
        err.print(f"[yellow]note:[/yellow] {n} stored page(s) of {site} are not indexed yet: these answers did not "
                  f"see them ({'scrapejet ask without --no-wait' if args.no_wait else 'see scrapejet index status'})",
                  highlight=False)
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


class _IndexProgress:
    """A progress bar on stderr while a site's queued pages are indexed
    before its questions are answered; nothing when none are queued."""

    def __init__(self, console: Console, site: str):
        self.console = console
        self.site = site
        self.bar = None
        self.task = None

    def __enter__(self):
        return self

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn(f"indexing {self.site}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("pages"), TimeElapsedColumn(), console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("index", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def cmd_index(args, console: Console) -> int:
    """`scrapejet index status|rebuild|catch-up`: the embedding index of sites."""
    from ..index.state import site_state
    from ..storage import Storage
    from ..urls import site_host

    settings = state_settings()
    storage = Storage.from_settings(settings)
    store = storage.chunks
    site = site_host(args.site.strip().lower().rstrip(".")) if getattr(args, "site", None) else None
    if args.action == "status":
        counts = store.counts(site)
        for name in storage.index_queue.counts(site):
            counts.setdefault(name, {"chunks": 0, "embedded": 0, "pending": 0})
        if site and site not in counts:
            counts[site] = {"chunks": 0, "embedded": 0, "pending": 0}
        states = [site_state(settings, storage, name, c) for name, c in sorted(counts.items())]
        errors = storage.index_queue.errors(site)
        if args.json:
            print(json.dumps(states, indent=2))
            return 0
        print_table(console, ("site", "queued pages", "chunks", "embedded", "pending", "index", "vectors", "model"), [
            (s["site"], s["queued_pages"] + s["failed_pages"], s["chunks"], s["embedded"], s["pending"],
             s["kind"] or "-", s["vectors"] or 0, s["model"] or "-") for s in states
        ], title="Embedding index")
        for error in errors:
            console.print(f"[red]failed[/red] {error['canonical_url']} ({error['attempts']} attempts): "
                          f"{error['error']}", highlight=False, markup=False)
        return 0

    from ..index.search import Retriever

    retriever = Retriever.from_settings(settings, storage)
    if args.action == "catch-up":
        import threading

        from ..index.indexer import Indexer

        indexer = Indexer.from_settings(settings, storage, model=retriever.model)
        indexer.run(threading.Event(), site=site, once=True)
        n = retriever.catch_up(site)
        console.print(f"indexed {indexer.stats['pages']} queued page(s), embedded "
                      f"{indexer.stats['chunks_embedded'] + n} chunk(s)" + (f" ({site})" if site else ""),
                      highlight=False)
        return 0
    if not site and not args.all:
        console.print("[red]error:[/red] name a SITE or --all")
        return 2
    sites = [site] if site else sorted(set(store.sites()) | set(storage.sites.names()) if args.rechunk
                                       else set(store.sites()))
    for name in sites:
        if args.rechunk:
            from ..index.model import model_name

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
