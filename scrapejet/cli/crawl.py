"""``scrapejet crawl`` and ``scrapejet business``: one job run in this
process with a progress bar, then its output and a summary."""

from __future__ import annotations

from rich.console import Console

from .common import (
    crawl_settings,
    export_pages,
    export_profile,
    print_failures,
    print_render_hint,
    run_job,
    validated,
)


def add_parsers(sub) -> None:
    from ..export import FORMATS

    c = sub.add_parser("crawl", help="crawl a site in this process, with a progress bar")
    c.add_argument("url")
    c.add_argument("--max-pages", type=int, help="pages to store (default SCRAPEJET_DEFAULT_MAX_PAGES: 100)")
    c.add_argument("--max-depth", type=int, help="link depth (default SCRAPEJET_DEFAULT_MAX_DEPTH: 5)")
    c.add_argument("--format", choices=FORMATS, default="jsonl")
    c.add_argument("-o", "--output", help="output file ('-' for stdout); default data/exports/SITE-JOB.EXT")
    c.add_argument("--render-js", action="store_true",
                   help="render every page in headless Chromium (default: only pages that look drawn by script)")
    c.add_argument("--no-render-js", action="store_true", help="render no page, even one drawn by script")
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
    b.add_argument("--render-js", action="store_true",
                   help="render every page in headless Chromium (default: only pages that look drawn by script)")
    b.add_argument("--no-render-js", action="store_true", help="render no page, even one drawn by script")
    b.add_argument("--priority", type=int, help="1-9, 9 most urgent (default 5)")
    b.add_argument("--progress", action="store_true", help="show the progress bar even without a terminal")
    b.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    b.set_defaults(func=cmd_business)


def cmd_crawl(args, console: Console) -> int:
    from ..spiders.generic import GenericSpider

    render_js = True if args.render_js else False if args.no_render_js else "auto"
    spec = {
        "url": args.url, "max_pages": args.max_pages, "max_depth": args.max_depth,
        "include": args.include, "exclude": args.exclude, "render_js": render_js,
        "priority": args.priority, "subdomains": args.subdomains,
    }
    settings = crawl_settings({"LOG_LEVEL": "INFO" if args.verbose else "WARNING", "LOG_INSTALL_ROOT_HANDLER": True})
    for field, name in (("max_pages", "MAX_PAGES"), ("max_depth", "MAX_DEPTH"), ("priority", "PRIORITY")):
        if spec[field] is None:
            spec[field] = settings.getint(f"SCRAPEJET_DEFAULT_{name}")
    if validated("crawl", spec, settings, console) is None:
        return 2

    kwargs = {k: v for k, v in spec.items() if v not in (None, False)}
    kwargs["render_js"] = str(render_js).lower()
    kwargs["subdomains"] = "true" if args.subdomains else "false"
    ran = run_job(settings, GenericSpider, kwargs, f"crawling {args.url}", spec["max_pages"], console, args.progress)
    if ran is None:
        return 1
    storage, job = ran
    path, n = export_pages(storage, job, args.format, args.output, settings)
    console.print()
    console.print(f"[bold]Job {job.job_id}[/bold]: {job.status}")
    console.print(f"  pages stored : {n}")
    print_failures(console, storage, job)
    print_render_hint(console, storage, job)
    if path:
        console.print(f"  output       : {path} ({args.format})")
    console.print(f"  storage      : {storage.url.split('@')[-1]}")
    return 0 if job.status == "completed" else 1


def cmd_business(args, console: Console) -> int:
    from ..export import address_line, hours_line
    from ..spiders.business import BusinessSpider

    render_js = True if args.render_js else False if args.no_render_js else "auto"
    spec = {"url": args.url, "pages_to_scrape": args.pages, "max_pages": args.max_pages,
            "render_js": render_js, "priority": args.priority}
    settings = crawl_settings({"LOG_LEVEL": "INFO" if args.verbose else "WARNING", "LOG_INSTALL_ROOT_HANDLER": True})
    model = validated("business", {k: v for k, v in spec.items() if v is not None}, settings, console)
    if model is None:
        return 2
    kwargs = {k: v for k, v in spec.items() if v not in (None, False)}
    kwargs["render_js"] = str(render_js).lower()
    ran = run_job(settings, BusinessSpider, kwargs, f"business pages of {args.url}", model.max_pages, console,
                   args.progress)
    if ran is None:
        return 1
    storage, job = ran
    path, profile = export_profile(storage, job, args.format, args.output, settings)
    if args.output == "-":
        return 0 if job.status == "completed" else 1
    profile = profile or {}
    console.print()
    console.print(f"[bold]Job {job.job_id}[/bold]: {job.status}")
    console.print(f"  company      : {profile.get('company_name') or '(not found)'}", highlight=False)
    for key, label in (("vat_id", "VAT ID"), ("registration", "registration")):
        if profile.get(key):
            console.print(f"  {label:12} : {profile[key]}", highlight=False)
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
    for url, why in ((profile.get("provenance") or {}).get("rendered") or {}).items():
        console.print(f"  rendered     : {url} ({why})", highlight=False)
    print_failures(console, storage, job)
    print_render_hint(console, storage, job)
    if path:
        console.print(f"  profile      : {path} ({args.format})")
    return 0 if job.status == "completed" else 1
