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
    icu = ixs.add_parser("catch-up", help="embed chunks left without vectors and update the indexes")
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
        if site and site not in counts:
            counts[site] = {"chunks": 0, "embedded": 0, "pending": 0}
        states = [site_state(settings, storage, name, c) for name, c in sorted(counts.items())]
        if args.json:
            print(json.dumps(states, indent=2))
            return 0
        print_table(console, ("site", "chunks", "embedded", "pending", "index", "vectors", "model"), [
            (s["site"], s["chunks"], s["embedded"], s["pending"], s["kind"] or "-", s["vectors"] or 0,
             s["model"] or "-") for s in states
        ], title="Embedding index")
        return 0

    from ..index.search import Retriever

    retriever = Retriever.from_settings(settings, storage)
    if args.action == "catch-up":
        n = retriever.catch_up(site)
        console.print(f"embedded {n} chunk(s) that had no vector" + (f" ({site})" if site else ""))
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
