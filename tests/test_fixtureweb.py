"""Tests of the fixture web itself (tests/fixtureweb): the servers the
crawler's tests crawl. Standard library clients only (urllib, http.client).

The mini crawler below re-derives, over real HTTP, the page sets and counts
that tests/fixtureweb/README.md promises, so the README cannot drift from the
sites."""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

import pytest

from tests.fixtureweb import (
    EXPECTED_PAGES,
    HOSTS,
    SHOP_DEPTHS,
    FixtureWeb,
    bench_links,
    calendar_pages_for_depth,
)

ROOT = Path(__file__).resolve().parent.parent
SLOW = 0.3


@pytest.fixture(scope="module")
def web():
    with FixtureWeb(slow_seconds=SLOW) as w:
        yield w


# --------------------------------------------------------------------------
# a tiny crawler, enough to check the README's numbers
# --------------------------------------------------------------------------


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_of(html_text: str, base_url: str) -> list[str]:
    parser = _LinkParser()
    parser.feed(html_text)
    out = []
    for href in parser.hrefs:
        absolute = urljoin(base_url, href.strip())
        if urlsplit(absolute).scheme in ("http", "https"):
            out.append(canonical(absolute))
    return out


def canonical(url: str) -> str:
    url, _ = urldefrag(url)
    parts = urlsplit(url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", query, ""))


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def site_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def sitemap_locs(web, url: str, depth: int = 0) -> list[str]:
    res = web.fetch(url)
    if res.status != 200 or depth > 3:
        return []
    root = ET.fromstring(res.body)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [el.text.strip() for el in root.iter(f"{ns}loc")]
    if root.tag == f"{ns}sitemapindex":
        return [u for child in locs for u in sitemap_locs(web, child, depth + 1)]
    return locs


def mini_crawl(web, host, *, max_depth=None, max_bytes=None, obey_robots=True, use_sitemaps=True, timeout=10):
    """BFS from http://host:port/. Returns {canonical path: depth} of stored
    pages (final status 200, text/html), following redirects, scope = host
    with www folded."""
    site = host[4:] if host.startswith("www.") else host
    robots = urllib.robotparser.RobotFileParser()
    res = web.fetch(host, "/robots.txt")
    if res.status == 200:
        robots.parse(res.text.splitlines())
    else:
        robots.allow_all = True
    start = canonical(web.url(host, "/"))
    queue = deque([(start, 0)])
    if use_sitemaps:
        maps = (robots.site_maps() if res.status == 200 else None) or [web.url(host, "/sitemap.xml")]
        for sm in maps:
            queue.extend((canonical(u), 1) for u in sitemap_locs(web, sm))
    seen = {u for u, _ in queue}
    stored: dict[str, int] = {}
    opener = web.opener()
    while queue:
        url, depth = queue.popleft()
        if obey_robots and not robots.can_fetch("*", url):
            continue
        try:
            with opener.open(url, timeout=timeout) as resp:
                length = int(resp.headers.get("Content-Length") or 0)
                if max_bytes is not None and length > max_bytes:
                    continue
                if not resp.headers.get("Content-Type", "").startswith("text/html"):
                    continue
                body = resp.read().decode("utf-8")
                final = canonical(resp.url)
        except (urllib.error.URLError, TimeoutError, OSError):
            continue  # 4xx/5xx, redirect loops, timeouts
        if site_of(final) != site:
            continue
        key = path_of(final)
        if key in stored:
            continue
        stored[key] = depth
        seen.add(final)
        if max_depth is not None and depth >= max_depth:
            continue
        for link in links_of(body, resp.url):
            if site_of(link) == site and link not in seen:
                # www and apex are one page: fold before deduplicating
                folded = link.replace("://www.", "://", 1)
                if folded in seen:
                    continue
                seen.add(link)
                seen.add(folded)
                queue.append((link, depth + 1))
    return stored


# --------------------------------------------------------------------------
# lifecycle and addressing
# --------------------------------------------------------------------------


def test_start_stop_and_addressing():
    web = FixtureWeb(bench_pages=20)
    assert not web.running
    web.start()
    try:
        assert isinstance(web.port, int) and web.port > 0
        assert web.url("shop.test") == f"http://shop.test:{web.port}/"
        assert web.url("shop.test", "about") == f"http://shop.test:{web.port}/about"
        assert set(web.hosts) == set(HOSTS)
        assert web.resolve == {h: "127.0.0.1" for h in HOSTS}
        assert web.fetch("shop.test").status == 200
    finally:
        web.stop()
    web.stop()  # idempotent
    assert not web.running
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", web.port, timeout=2).request("GET", "/")


def test_stop_drops_keep_alive_connections():
    web = FixtureWeb(bench_pages=5).start()
    conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=5)
    conn.request("GET", "/", headers={"Host": "shop.test"})
    assert conn.getresponse().read()
    web.stop()
    with pytest.raises((OSError, http.client.HTTPException)):
        conn.request("GET", "/about", headers={"Host": "shop.test"})
        conn.getresponse().read()
    conn.close()


def test_context_manager_and_fixed_port():
    with FixtureWeb(bench_pages=5) as first:
        port = first.port
    with FixtureWeb(port, bench_pages=5) as second:  # the port is reusable at once
        assert second.port == port
        assert second.fetch("bench.test", "/p/4").status == 200
    assert FixtureWeb().slow_seconds == 3.0
    assert FixtureWeb().bench_pages == 2000


def test_unknown_host_and_path(web):
    res = web.fetch("nowhere.test", "/")
    assert res.status == 404
    assert res.text == "Unknown host: nowhere.test\n"
    conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=5)
    conn.request("GET", "/", headers={"Host": "SHOP.TEST.:1234"})  # case, trailing dot, port
    assert conn.getresponse().status == 200
    res = web.fetch("shop.test", "/no-such-page")
    assert res.status == 404 and "Marker shop not found page." in res.text


def test_keep_alive_and_content_length(web):
    conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=5)
    for path, status in [("/", 200), ("/missing", 404), ("/error", 500), ("/doc.pdf", 200), ("/redirect-a", 301)]:
        conn.request("GET", path, headers={"Host": f"traps.test:{web.port}"})
        resp = conn.getresponse()
        body = resp.read()
        assert resp.status == status
        assert resp.version == 11
        assert int(resp.headers["Content-Length"]) == len(body)
    conn.request("HEAD", "/", headers={"Host": "shop.test"})
    resp = conn.getresponse()
    assert resp.status == 200 and resp.read() == b""
    assert int(resp.headers["Content-Length"]) == len(web.fetch("shop.test").body)
    conn.close()


# --------------------------------------------------------------------------
# shop.test
# --------------------------------------------------------------------------


def test_shop_pages(web):
    markers = set()
    for path in SHOP_DEPTHS:
        res = web.fetch("shop.test", path)
        assert res.status == 200, path
        assert res.headers["Content-Type"] == "text/html; charset=utf-8"
        marker = web.marker("shop.test", path)
        assert marker and marker.startswith("Marker shop ") and marker in res.text, path
        assert res.text.count(marker) == 1
        markers.add(marker)
        for tag in ("<title>", '<meta name="description"', "<nav>", "<main>", "<footer>"):
            assert tag in res.text, (path, tag)
        # www serves the same bytes
        assert web.fetch("www.shop.test", path).body == res.body
    assert len(markers) == len(SHOP_DEPTHS)
    assert web.marker("shop.test", "/about") == "Marker shop about page."


def test_shop_links_and_metadata(web):
    home = web.fetch("shop.test", "/").text
    assert '<script type="application/ld+json">' in home and '"@type": "Organization"' in home
    assert '<meta property="og:title"' in home and '<meta property="og:url"' in home
    assert 'href="/products/?a=1&amp;b=2"' in home
    assert 'href="/about#team"' in home
    assert f'href="http://shop.test:{web.port}/contact"' in home
    products = web.fetch("shop.test", "/products/").text
    assert 'href="/products/?b=2&amp;a=1"' in products
    assert 'href="/products/4#reviews"' in products
    contact = web.fetch("shop.test", "/contact").text
    assert f'href="http://www.shop.test:{web.port}/about"' in contact
    assert 'href="mailto:hello@shop.test"' in contact
    about = web.fetch("shop.test", "/about").text
    assert f'href="http://elsewhere.test:{web.port}/partners"' in about
    # both orders of the query are the same page; other queries are ignored
    a = web.fetch("shop.test", "/products/?a=1&b=2").body
    assert a == web.fetch("shop.test", "/products/?b=2&a=1").body
    assert b"Marker shop products filtered page." in a
    assert web.fetch("shop.test", "/products/?utm_source=x").body == web.fetch("shop.test", "/products/").body
    assert web.marker("shop.test", "/products/?b=2&a=1") == "Marker shop products filtered page."
    assert web.fetch("shop.test", "/robots.txt").text == "User-agent: *\nAllow: /\n"


def test_shop_crawl_counts_and_depths(web):
    assert mini_crawl(web, "shop.test") == SHOP_DEPTHS
    assert mini_crawl(web, "www.shop.test") == SHOP_DEPTHS
    assert len(SHOP_DEPTHS) == 18
    for limit, count in [(0, 1), (1, 7), (2, 16), (3, 17), (4, 18)]:
        assert len(mini_crawl(web, "shop.test", max_depth=limit)) == count
        assert sum(1 for d in SHOP_DEPTHS.values() if d <= limit) == count


def test_expected_pages_by_crawl(web):
    for host, expected in EXPECTED_PAGES.items():
        assert set(mini_crawl(web, host)) == expected, host


def test_crawl_scope_never_leaves_site(web):
    web.reset_log()
    mini_crawl(web, "shop.test")
    assert web.hits("elsewhere.test") == 0
    assert web.hits("www.shop.test") == 0  # www.shop.test/about folds into /about


# --------------------------------------------------------------------------
# robots.test and sitemaps.test
# --------------------------------------------------------------------------


def test_robots_site(web):
    robots = web.fetch("robots.test", "/robots.txt")
    assert robots.status == 200 and robots.headers["Content-Type"].startswith("text/plain")
    assert robots.text == (
        f"User-agent: *\nDisallow: /private/\n\nSitemap: http://robots.test:{web.port}/sitemap.xml\n"
    )
    home = web.fetch("robots.test", "/").text
    assert 'href="/public/a"' in home and 'href="/private/secret"' in home
    assert "sitemap-only" not in home
    assert sitemap_locs(web, web.url("robots.test", "/sitemap.xml")) == [
        web.url("robots.test", "/sitemap-only"),
        web.url("robots.test", "/public/a"),
    ]
    assert web.fetch("robots.test", "/private/secret").status == 200  # robots.txt is advice
    web.reset_log()
    assert set(mini_crawl(web, "robots.test")) == {"/", "/public/a", "/sitemap-only"}
    assert web.hits("robots.test", "/private/secret") == 0
    assert set(mini_crawl(web, "robots.test", use_sitemaps=False)) == {"/", "/public/a"}
    assert set(mini_crawl(web, "robots.test", obey_robots=False)) == {
        "/", "/public/a", "/private/secret", "/sitemap-only"
    }


def test_sitemaps_site(web):
    assert web.fetch("sitemaps.test", "/robots.txt").status == 404
    index = web.fetch("sitemaps.test", "/sitemap.xml")
    assert index.status == 200 and "<sitemapindex" in index.text
    assert index.headers["Content-Type"].startswith("application/xml")
    assert sitemap_locs(web, web.url("sitemaps.test", "/sitemap.xml")) == [
        web.url("sitemaps.test", "/orphan-1"),
        web.url("sitemaps.test", "/orphan-2"),
    ]
    assert "orphan" not in web.fetch("sitemaps.test", "/").text.split("<main>")[1]
    assert set(mini_crawl(web, "sitemaps.test", use_sitemaps=False)) == {"/", "/info"}


# --------------------------------------------------------------------------
# traps.test
# --------------------------------------------------------------------------


def test_traps_home_links_everything(web):
    home = web.fetch("traps.test", "/").text
    for path in ["/redirect-a", "/loop-1", "/missing", "/error", "/doc.pdf", "/calendar?month=2024-01", "/slow", "/huge"]:
        assert f'href="{path}"' in home, path


def test_redirect_chain(web):
    a = web.fetch("traps.test", "/redirect-a", follow_redirects=False)
    assert a.status == 301 and a.headers["Location"] == web.url("traps.test", "/redirect-b")
    b = web.fetch("traps.test", "/redirect-b", follow_redirects=False)
    assert b.status == 302 and b.headers["Location"] == "/landing"
    final = web.fetch("traps.test", "/redirect-a")
    assert final.status == 200 and final.url == web.url("traps.test", "/landing")
    assert "Marker traps landing page." in final.text


def test_redirect_loop(web):
    one = web.fetch("traps.test", "/loop-1", follow_redirects=False)
    two = web.fetch("traps.test", "/loop-2", follow_redirects=False)
    assert (one.status, one.headers["Location"]) == (302, "/loop-2")
    assert (two.status, two.headers["Location"]) == (302, web.url("traps.test", "/loop-1"))
    assert web.fetch("traps.test", "/loop-1").status == 302  # urllib gives up on the loop


def test_missing_error_and_pdf(web):
    assert web.fetch("traps.test", "/missing").status == 404
    for _ in range(3):
        res = web.fetch("traps.test", "/error")
        assert res.status == 500 and "Marker traps error page." in res.text
    pdf = web.fetch("traps.test", "/doc.pdf")
    assert pdf.status == 200 and pdf.headers["Content-Type"] == "application/pdf"
    body = pdf.body
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    assert b"Marker traps pdf document." in body
    # every xref entry points at its object
    xref_at = int(body.rsplit(b"startxref", 1)[1].split()[0])
    assert body[xref_at:].startswith(b"xref")
    entries = body[xref_at:].split(b"\n")[3:8]
    for number, entry in enumerate(entries, 1):
        offset = int(entry.split()[0])
        assert body[offset:].startswith(b"%d 0 obj" % number)


def test_calendar_is_infinite(web):
    res = web.fetch("traps.test", "/calendar?month=2024-01")
    assert res.status == 200 and "Marker traps calendar 2024-01 page." in res.text
    assert 'href="/calendar?month=2023-12"' in res.text and 'href="/calendar?month=2024-02"' in res.text
    far = web.fetch("traps.test", "/calendar?month=3999-12")
    assert 'href="/calendar?month=4000-01"' in far.text
    assert web.marker("traps.test", "/calendar?month=3999-12") == "Marker traps calendar 3999-12 page."
    for bad in ["/calendar", "/calendar?month=2024-13", "/calendar?month=soon"]:
        assert web.fetch("traps.test", bad).status == 400
    # walk forward 30 months by following "Next month" links
    path = "/calendar?month=2024-01"
    for _ in range(30):
        text = web.fetch("traps.test", path).text
        path = re.search(r'href="(/calendar\?month=[0-9-]+)">Next month', text).group(1)
    assert path == "/calendar?month=2026-07"


def test_slow_page(web):
    started = time.monotonic()
    res = web.fetch("traps.test", "/slow")
    assert time.monotonic() - started >= SLOW
    assert res.status == 200 and "Marker traps slow page." in res.text
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        web.opener().open(web.url("traps.test", "/slow"), timeout=SLOW / 3).read()


def test_huge_page(web):
    head = web.fetch("traps.test", "/huge", method="HEAD")
    assert int(head.headers["Content-Length"]) == 5 * 1024 * 1024 and head.body == b""
    res = web.fetch("traps.test", "/huge")
    assert len(res.body) == 5 * 1024 * 1024
    assert res.text.rstrip().endswith("</html>") and "Marker traps huge page." in res.text


def test_traps_crawl_counts(web):
    for depth in (1, 2, 3):
        pages = mini_crawl(web, "traps.test", max_depth=depth)
        calendar = {p for p in pages if p.startswith("/calendar")}
        assert len(calendar) == calendar_pages_for_depth(depth) == 2 * depth - 1
        assert set(pages) - calendar == {"/", "/landing", "/slow", "/huge"}
        assert len(pages) == 2 * depth + 3
    # ScrapeJET's DOWNLOAD_MAXSIZE (4 MiB) drops /huge
    assert len(mini_crawl(web, "traps.test", max_depth=5, max_bytes=4 * 1024 * 1024)) == 2 * 5 + 2
    assert set(mini_crawl(web, "traps.test", max_depth=0)) == {"/"}


# --------------------------------------------------------------------------
# js.test, status.test, bench.test
# --------------------------------------------------------------------------


def test_js_site(web):
    raw = web.fetch("js.test", "/").body
    assert b"/rendered" not in raw and b"Marker js injected content." not in raw
    assert b"insertAdjacentHTML" in raw and b"DOMContentLoaded" in raw
    assert b'href="/static"' in raw
    assert "Marker js rendered page." in web.fetch("js.test", "/rendered").text
    assert "Marker js static page." in web.fetch("js.test", "/static").text


def test_status_codes(web):
    for code in (200, 400, 403, 404, 410, 418, 500, 502, 504):
        res = web.fetch("status.test", f"/code/{code}")
        assert res.status == code
    res = web.fetch("status.test", "/code/429")
    assert res.status == 429 and res.headers["Retry-After"] == "1"
    res = web.fetch("status.test", "/code/503?retry_after=7")
    assert res.status == 503 and res.headers["Retry-After"] == "7"
    res = web.fetch("status.test", "/code/301", follow_redirects=False)
    assert res.status == 301 and res.headers["Location"] == "/code/200"
    res = web.fetch("status.test", "/code/204")
    assert res.status == 204 and res.body == b""
    assert web.fetch("status.test", "/code/99").status == 400


def test_flaky(web):
    web.reset_log()
    statuses = [web.fetch("status.test", "/flaky/job1?fail=2&code=429").status for _ in range(4)]
    assert statuses == [429, 429, 200, 200]
    assert web.flaky_count("job1") == 4
    web.reset_log()
    assert web.flaky_count("job1") == 0
    assert web.fetch("status.test", "/flaky/job1?fail=1").status == 503


def test_bench_pages(web):
    assert web.bench_pages == 2000
    res = web.fetch("bench.test", "/p/1999")
    assert res.status == 200 and "Marker bench page 1999." in res.text
    assert 2500 <= len(res.body) <= 6000
    assert web.fetch("bench.test", "/p/2000").status == 404
    assert web.fetch("bench.test", "/p/17").body == web.fetch("bench.test", "/p/17").body


def test_bench_bfs_reaches_all_pages(web):
    n = web.bench_pages
    opener = web.opener()

    def get(path):
        with opener.open(web.url("bench.test", path), timeout=10) as resp:
            return path, resp.read().decode()

    depth = {"/": 0}
    frontier = ["/"]
    with ThreadPoolExecutor(32) as pool:
        while frontier:
            nxt = []
            for path, text in pool.map(get, frontier):
                for link in links_of(text, web.url("bench.test", path)):
                    p = urlsplit(link).path
                    if p not in depth:
                        depth[p] = depth[path] + 1
                        nxt.append(p)
            frontier = nxt
    assert len(depth) == n + 1
    assert set(depth) == {"/"} | {f"/p/{i}" for i in range(n)}
    assert max(depth.values()) == 4


def test_bench_small_sites_are_connected():
    for n in (1, 2, 7, 10, 11, 101):
        reached, todo = {0}, [0]
        while todo:
            for j in bench_links(todo.pop(), n):
                if j not in reached:
                    reached.add(j)
                    todo.append(j)
        assert reached == set(range(n)), n
    with FixtureWeb(bench_pages=3) as small:
        pages = mini_crawl(small, "bench.test")
        assert set(pages) == {"/", "/p/0", "/p/1", "/p/2"}


# --------------------------------------------------------------------------
# request log and concurrency
# --------------------------------------------------------------------------


def test_request_log(web):
    web.reset_log()
    assert web.requests == [] and web.hits("shop.test") == 0
    before = time.time()
    web.fetch("shop.test", "/about", headers={"User-Agent": "LogBot/1.0"})
    web.fetch("shop.test", "/products/?b=2&a=1")
    web.fetch("www.shop.test", "/about", method="HEAD")
    web.fetch("nowhere.test", "/x")
    log = web.requests
    assert [(r.host, r.path, r.method) for r in log] == [
        ("shop.test", "/about", "GET"),
        ("shop.test", "/products/?b=2&a=1", "GET"),
        ("www.shop.test", "/about", "HEAD"),
        ("nowhere.test", "/x", "GET"),
    ]
    host, path, method, user_agent, timestamp = log[0]
    assert user_agent == "LogBot/1.0" and before <= timestamp <= time.time()
    assert web.hits("shop.test") == 2
    assert web.hits("shop.test", "/about") == 1
    assert web.hits("shop.test", "/products/") == 1  # any query
    assert web.hits("shop.test", "/products/?b=2&a=1") == 1  # exact
    assert web.hits("shop.test", "/products/?a=1&b=2") == 0
    assert web.hits("SHOP.TEST:80") == 2
    log.clear()  # a snapshot: the log itself is untouched
    assert len(web.requests) == 4
    web.reset_log()
    assert web.requests == []


def test_two_hundred_concurrent_requests(web):
    web.reset_log()
    count = 200
    barrier = threading.Barrier(count)
    results: list[int] = [0] * count

    def worker(i):
        barrier.wait()
        path = "/slow" if i % 50 == 0 else f"/p/{i}"
        host = "traps.test" if i % 50 == 0 else "bench.test"
        results[i] = web.fetch(host, path, timeout=30).status

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * count
    assert time.monotonic() - started < 10
    assert web.hits("bench.test") == count - 4 and web.hits("traps.test", "/slow") == 4
    assert len(web.requests) == count


# --------------------------------------------------------------------------
# python -m tests.fixtureweb
# --------------------------------------------------------------------------


def test_main_serves_in_foreground():
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fixtureweb", "--port", "0", "--bench-pages", "10"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        match = re.match(r"fixture web listening on 127\.0\.0\.1:(\d+)", line)
        assert match, line + proc.stderr.read() if proc.poll() is not None else line
        port = int(match.group(1))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/p/9", headers={"Host": f"bench.test:{port}"})
        resp = conn.getresponse()
        assert resp.status == 200 and b"Marker bench page 9." in resp.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_folder_site_serves_its_files_and_redirects(tmp_path):
    """A site snapshot's .php page is the HTML its server sent; a _redirects
    file answers a moved path."""
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    (tmp_path / "contato.php").write_text("<h1>Contato</h1>")
    (tmp_path / "_redirects").write_text("/old 301 http://elsewhere.test:__PORT__/\n")
    with FixtureWeb(folders={"folder.test": tmp_path}) as web:
        page = web.fetch("folder.test", "/contato.php")
        assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
        moved = web.fetch("folder.test", "/old", follow_redirects=False)
        assert moved.status == 301 and moved.headers["Location"] == f"http://elsewhere.test:{web.port}/"
        assert web.fetch("folder.test", "/_redirects").status == 404
