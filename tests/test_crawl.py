"""`scrapy crawl generic` on the fixture web, as a user runs it."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

SHOP_PAGES = {
    "/", "/about", "/contact", "/products/", "/products/1", "/products/2", "/products/3",
    "/products/4", "/products/5", "/products/6", "/products/?a=1&b=2", "/blog/",
    "/deep/1", "/deep/2", "/deep/3", "/deep/4",
}


def paths(urls) -> set[str]:
    out = set()
    for url in urls:
        parts = urlsplit(url)
        out.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def crawl(env, tmp_path, url, *args, name="out.jsonl", **kw):
    out = tmp_path / name
    result = env.scrapy("crawl", "generic", "-a", f"url={url}", *args, "-O", str(out), **kw)
    assert result.returncode == 0, result.stderr[-3000:]
    return read_jsonl(out), result


def test_crawl_site_stores_every_page_once(env, web, tmp_path):
    items, result = crawl(env, tmp_path, web.url("shop.test"))
    urls = [i["url"] for i in items]
    # www.shop.test/about, fragments and the reordered query are the same pages
    assert len(urls) == len(set(urls)) == 18
    got = paths(urls)
    assert SHOP_PAGES <= got
    assert all(urlsplit(u).hostname == "shop.test" for u in urls)
    assert web.hits("elsewhere.test") == 0, "an external site was crawled"

    about = next(i for i in items if i["url"].endswith("/about"))
    assert web.marker("shop.test", "/about") in about["text"]
    assert about["title"] and about["word_count"] > 10 and len(about["content_hash"]) == 64
    assert about["markdown"].strip()
    assert any(h["text"] for h in about["headings"])
    assert about["status"] == 200 and about["depth"] == 1
    home = next(i for i in items if urlsplit(i["url"]).path == "/")
    assert home["meta"]["json_ld"], "JSON-LD of the home page was not extracted"
    assert home["meta"]["opengraph"]
    assert any("elsewhere.test" in link for link in home["links"]["external"] + about["links"]["external"])

    # the same pages are in storage, and the job is recorded as completed
    job_id = items[0]["job_id"]
    storage = env.storage()
    assert storage.count_pages(job_id) == 18
    job = env.jobs().get(job_id)
    assert job.status == "completed" and job.state == "SUCCESS"
    assert job.counters["crawled"] == 18 and job.counters["queued"] == 0 and job.counters["in_flight"] == 0
    assert storage.get_job(job_id)["status"] == "completed"


@pytest.mark.parametrize("depth,expected", [(0, 1), (1, 7), (2, 16)])
def test_max_depth(env, web, tmp_path, depth, expected):
    items, _ = crawl(env, tmp_path, web.url("shop.test"), "-a", f"max_depth={depth}")
    assert len(items) == expected
    assert max(i["depth"] for i in items) <= depth


def test_max_pages_is_exact(env, web, tmp_path):
    # traps.test has an infinite calendar: without the limit the crawl never ends
    items, _ = crawl(env, tmp_path, web.url("traps.test"), "-a", "max_pages=9", "-a", "max_depth=50")
    assert len(items) == 9
    job = env.jobs().get(items[0]["job_id"])
    assert job.counters["crawled"] == 9 and job.status == "completed"


def test_tracking_parameters_are_not_new_pages(env, web, tmp_path):
    from tests.fixtureweb import TRACKED_PAGES, TRACKED_VARIANTS

    items, _ = crawl(env, tmp_path, web.url("tracked.test"))
    assert sorted(paths(i["url"] for i in items)) == sorted(TRACKED_PAGES)
    assert env.storage().count_pages(items[0]["job_id"]) == len(TRACKED_PAGES)
    # the site saw each page asked for once, never with a tracking parameter
    asked = [r.path for r in web.requests if r.host == "tracked.test" and r.path != "/robots.txt"]
    assert not [p for p in asked if "utm_" in p or "clid=" in p], asked
    assert sorted(set(asked)) == sorted(asked)

    # a start URL with tracking parameters is the page without them
    items, _ = crawl(env, tmp_path, web.url("tracked.test", "/?utm_source=newsletter&utm_medium=email"),
                     name="start.jsonl")
    assert sorted(paths(i["url"] for i in items)) == sorted(TRACKED_PAGES)

    # max_pages counts pages, not spellings of them
    web.reset_log()
    items, _ = crawl(env, tmp_path, web.url("tracked.test"), "-a", "max_pages=4", name="four.jsonl")
    assert len(paths(i["url"] for i in items)) == 4 and paths(i["url"] for i in items) <= TRACKED_PAGES

    # an empty list keeps every parameter: each spelling is a page again
    out = tmp_path / "all.jsonl"
    result = env.scrapy("crawl", "generic", "-a", f"url={web.url('tracked.test')}", "-O", str(out),
                        env={"SCRAPEJET_TRACKING_PARAMS": "[]"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(paths(i["url"] for i in read_jsonl(out))) == sorted(TRACKED_PAGES | TRACKED_VARIANTS)


def test_robots_txt_and_sitemaps(env, web, tmp_path):
    items, result = crawl(env, tmp_path, web.url("robots.test"))
    assert paths(i["url"] for i in items) == {"/", "/public/a", "/sitemap-only"}
    assert web.hits("robots.test", "/private/secret") == 0
    # the job's own robots.txt request was the fetch of the file: the host was
    # asked once, and no download slot waited on a second download of it
    assert web.hits("robots.test", "/robots.txt") == 1
    assert "'robotstxt/request_count': 1" in result.stderr and "robotstxt/shared_response" not in result.stderr
    failures = env.storage().list_failures(items[0]["job_id"])
    assert [(paths([f["url"]]).pop(), f["outcome"], f["reason"]) for f in failures] == [
        ("/private/secret", "skipped", "disallowed by robots.txt")
    ]

    items, _ = crawl(env, tmp_path, web.url("sitemaps.test"), name="sitemaps.jsonl")
    assert paths(i["url"] for i in items) == {"/", "/info", "/orphan-1", "/orphan-2"}


MOVED_PAGES = {"/", "/about.html", "/contact.html", "/framing.html", "/privacy.html"}


@pytest.mark.parametrize("start", ["moved-away.test", "refresh-away.test"])
def test_a_site_that_moved_is_crawled_where_it_moved(env, web, tmp_path, start):
    # moved-away.test answers every path with a 301 to www.moved-here.test;
    # refresh-away.test's home page is a meta refresh to it
    items, _ = crawl(env, tmp_path, web.url(start))
    finals = {i["final_url"] for i in items}
    assert {urlsplit(u).hostname for u in finals} == {"www.moved-here.test"}
    assert paths(finals) == MOVED_PAGES
    # stored under the site the user asked for
    assert {i["site"] for i in items} == {start}
    # only the start moves a crawl: the other site /framing.html links to
    # stays out (no page of it above), and a page of the new site that
    # redirects to another site is not followed there
    failures = env.storage().list_failures(items[0]["job_id"])
    assert [(f["url"], f["final_url"], f["outcome"], f["reason"]) for f in failures] == [
        (web.url("www.moved-here.test", "/shop"), web.url("elsewhere.test", "/partners"), "skipped",
         "redirects off the site (to elsewhere.test)")
    ]


def test_a_page_refreshing_to_itself_is_kept(env, web, tmp_path):
    # refresh-self.test's home is a meta refresh to its own address (a
    # GitHub Pages "redirect" copy served under the name it names): a
    # browser shows the page, so the crawl keeps it and goes on from it,
    # not a redirect loop that fails the whole crawl
    items, _ = crawl(env, tmp_path, web.url("refresh-self.test"))
    assert paths(i["final_url"] for i in items) == {"/", "/contact.html"}
    assert "Glaziers in Burnaby since 1979." in next(i for i in items if paths([i["url"]]) == {"/"})["text"]
    assert env.storage().list_failures(items[0]["job_id"]) == []
    assert env.jobs().get(items[0]["job_id"]).status == "completed"


def test_a_page_in_latin_1_served_as_utf_8_is_read_in_its_own_charset(env, web, tmp_path):
    # latin-page.test's pages are ISO-8859-15 and say so in <meta>; the host
    # sends "charset=utf-8" for every .html file, as static hosts do. The
    # bytes are no UTF-8, so the page's own word is taken: its text, the
    # name and the address are read with their umlauts, not as "\ufffd"
    from scrapejet.profiles import site_profile

    items, _ = crawl(env, tmp_path, web.url("latin-page.test"))
    home = next(i for i in items if paths([i["url"]]) == {"/"})
    assert home["title"] == "Praxis Dr. Jördis Mähler - Ärztin für Gynäkologie"
    assert "Ärztin für Gynäkologie & Psychotherapie in Münster-Handorf" in home["text"]
    assert "ab 40 €" in home["text"] and "\ufffd" not in home["text"]
    profile = site_profile(env.storage(), items[0]["site"])
    assert [(a["street"], a["postal_code"], a["locality"]) for a in profile["addresses"]] == [
        ("Dorfstraße 12", "48157", "Münster")]


def test_a_directions_page_is_read_for_the_sites_contact_data(env, web, tmp_path):
    # directions-only.test gives its address only on "Anfahrt": a generic crawl
    # reads that page as a contact page, so the profile insights answer from has it
    from scrapejet.profiles import site_profile

    items, _ = crawl(env, tmp_path, web.url("directions-only.test"))
    storage = env.storage()
    pages = {paths([p["url"]]).pop(): p["page_type"] for p in storage.list_page_contacts(items[0]["job_id"])}
    assert pages.get("/anfahrt.html") == "contact"
    profile = site_profile(storage, items[0]["site"])
    assert [(a["street"], a["postal_code"]) for a in profile["addresses"]] == [("Eichenweg 4", "97215")]


def test_traps_are_recorded_with_reasons(env, web, tmp_path):
    items, _ = crawl(env, tmp_path, web.url("traps.test"), "-a", "max_depth=1")
    by_path = {urlsplit(i["url"]).path: i for i in items}
    # a redirect chain is one page: requested URL and where it landed
    assert urlsplit(by_path["/redirect-a"]["final_url"]).path == "/landing"
    assert "/doc.pdf" not in by_path and "/missing" not in by_path
    failures = {urlsplit(f["url"]).path: f for f in env.storage().list_failures(items[0]["job_id"])}
    assert failures["/missing"]["reason"] == "HTTP 404" and failures["/missing"]["outcome"] == "failed"
    assert failures["/error"]["reason"] == "HTTP 500"
    assert failures["/doc.pdf"]["outcome"] == "skipped"
    assert "application/pdf" in failures["/doc.pdf"]["reason"]
    assert failures["/loop-1"]["reason"] == "redirect loop"
    assert "DOWNLOAD_MAXSIZE" in failures["/huge"]["reason"] or "max size" in failures["/huge"]["reason"]
    # the PDF was not downloaded as a page, and the job still completed
    job = env.jobs().get(items[0]["job_id"])
    assert job.status == "completed"
    assert job.counters["crawled"] == len(items)
    assert job.counters["failed"] + job.counters["skipped"] == len(failures)


def test_include_exclude(env, web, tmp_path):
    items, _ = crawl(env, tmp_path, web.url("shop.test"), "-a", "exclude=/products/\\d", "-a", "include=shop")
    got = paths(i["url"] for i in items)
    assert "/products/" in got and not any(p.startswith("/products/") and p[10:].isdigit() for p in got)
    assert "/about" in got


def test_bad_arguments_are_refused_clearly(env, tmp_path):
    result = env.scrapy("crawl", "generic", "-a", "url=ftp://example.com/", "-O", str(tmp_path / "x.jsonl"))
    assert result.returncode != 0
    assert "http:// or https://" in result.stderr
    result = env.scrapy("crawl", "generic", "-a", "url=http://shop.test/", "-a", "max_pages=zero")
    assert result.returncode != 0 and "max_pages" in result.stderr


def test_render_js(env, web, tmp_path):
    items, _ = crawl(env, tmp_path, web.url("js.test"), "-a", "render_js=false")
    assert paths(i["url"] for i in items) == {"/", "/static"}
    # by default (auto) the home page, with scripts and one link, is fetched
    # again in Chromium: the link its script writes is followed
    items, result = crawl(env, tmp_path, web.url("js.test"), name="auto.jsonl")
    assert paths(i["url"] for i in items) == {"/", "/static", "/rendered"}, result.stderr[-2000:]
    assert "Rendering" in result.stderr and "a home page with scripts that links to one other page only" in \
        result.stderr
    home = next(i for i in items if paths([i["url"]]) == {"/"})
    assert web.marker("js.test", "/") in home["text"] and "/rendered" in " ".join(home["links"]["internal"])
    # ...unless there is no Chromium: then the pages are stored as fetched, and it is said
    items, result = crawl(env, tmp_path, web.url("js.test"), "-s",
                          'PLAYWRIGHT_LAUNCH_OPTIONS={"executable_path": "/nonexistent/chromium"}', name="none.jsonl")
    assert paths(i["url"] for i in items) == {"/", "/static"}
    assert "there is no Chromium at /nonexistent/chromium" in result.stderr
    items, result = crawl(env, tmp_path, web.url("js.test"), "-a", "render_js=true", name="js.jsonl")
    assert paths(i["url"] for i in items) == {"/", "/static", "/rendered"}, result.stderr[-2000:]
    rendered = next(i for i in items if i["url"].endswith("/rendered"))
    assert web.marker("js.test", "/rendered") in rendered["text"]


def test_pages_are_read_in_extraction_processes_during_a_long_crawl(env, web, tmp_path):
    """A crawl long enough for the extraction pool to start (one page read
    in-process, then about a second to start its process) reads its later
    pages there, and stores them exactly as read in-process."""
    pool = ("-s", "SCRAPEJET_EXTRACT_PROCESSES=1", "-s", "SCRAPEJET_EXTRACT_POOL_AFTER=1")
    # (1.5 s a page: on a busy machine the process takes seconds to start)
    polite = ("-s", "SCRAPEJET_DOMAIN_DELAY_S=1.5", "-s", "SCRAPEJET_DOMAIN_CONCURRENCY=1")
    items, result = crawl(env, tmp_path, web.url("p01.polite.test"), *pool, *polite, name="pool.jsonl")
    stats = result.stderr
    here = int(stats.split("'extract/pages_read_here': ")[1].split(",")[0])
    in_pool = int(stats.split("'extract/pages_read_in_pool': ")[1].split(",")[0])
    assert here + in_pool == len(items) == 6
    assert in_pool >= 1, "no page was read in the extraction process"
    items_here, _ = crawl(env, tmp_path, web.url("p01.polite.test"), "-s", "SCRAPEJET_EXTRACT_PROCESSES=0",
                          name="here.jsonl")
    volatile = ("job_id", "fetched_at")
    assert sorted(({k: v for k, v in i.items() if k not in volatile} for i in items), key=lambda i: i["url"]) == \
        sorted(({k: v for k, v in i.items() if k not in volatile} for i in items_here), key=lambda i: i["url"])
