"""The egress policy where connections are made (issue 14, part 1): no crawl,
rendered page or webhook reaches a private address, whatever redirects,
links, subdomains or DNS answers say after the API accepted the job.

The set-up is an attacker's view from outside: ``site.example`` is a
"public" site, served on 127.0.0.2 (allowed through
``SCRAPEJET_ALLOWED_NETWORKS``, as an operator allows an intranet range),
and a "secret" server listens on 127.0.0.1 at the same port, counting every
request it gets. ``SCRAPEJET_ALLOW_PRIVATE`` is off. Names resolve through
``SCRAPEJET_RESOLVE`` pins (checked like DNS answers) and, for DNS
rebinding, through the test DNS of ``tests/dnsjail`` (public first, loopback
after). Every test asserts the secret server saw nothing of its job, and
that the public part of the job was crawled (the check does not just refuse
everything)."""

from __future__ import annotations

import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from tests.conftest import Env, free_port, stop, wait_for

HERE = Path(__file__).resolve().parent
PUBLIC = "127.0.0.2"


class Recorder(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, pages):
        self.pages = pages  # path -> (status, headers, body)
        self.requests: list[tuple[str, str, str]] = []  # (method, host, path)
        self.lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self):
        socketserver_bind(self)

    def hits(self, prefix: str = "") -> list[str]:
        with self.lock:
            return [path for _, _, path in self.requests if path.startswith(prefix)]


def socketserver_bind(server):
    # skip HTTPServer.server_bind's reverse lookup of the address
    import socketserver

    socketserver.TCPServer.server_bind(server)
    server.server_name, server.server_port = server.server_address[:2]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _serve(self):
        server: Recorder = self.server
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with server.lock:
            server.requests.append((self.command, self.headers.get("Host", ""), self.path))
        status, headers, body = server.pages.get(self.path.split("?")[0], (404, {}, "not here"))
        data = body.encode()
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_HEAD = _serve

    def log_message(self, *args):
        pass


def html(title: str, body: str) -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


def public_pages(port: int) -> dict:
    secret = f"http://127.0.0.1:{port}"

    def moved(to):
        return 302, {"Location": to}, ""

    return {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, f"User-agent: *\nAllow: /\nSitemap: http://site.example:{port}/sitemap.xml\n"),
        "/sitemap.xml": (200, {"Content-Type": "application/xml"},
                         '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                         f"<url><loc>{secret}/secret/sitemap</loc></url>"
                         f"<url><loc>http://site.example:{port}/about</loc></url></urlset>"),
        "/": (200, {}, html("Home of a public site", " ".join([
            "<h1>Public home</h1><p>We sell public things.</p>",
            '<a href="/about">About</a> <a href="/contact">Contact us</a>',
            '<a href="/r/ip">a</a> <a href="/r/localhost">b</a> <a href="/r/decimal">c</a>',
            '<a href="/r/name">d</a> <a href="/meta">e</a> <a href="/r/subdomain">f</a>',
            f'<a href="http://internal.site.example:{port}/secret/subdomain">intranet</a>',
        ]))),
        "/about": (200, {}, html("About the public site", "<p>About us: a public page, fine to crawl.</p>")),
        "/contact": (200, {}, html("Contact", "<p>Write to hello@site.example or call +1 415 555 0100.</p>"
                                   '<a href="/r/ip">our office</a>')),
        "/r/ip": moved(f"{secret}/secret/ip"),
        "/r/localhost": moved(f"http://localhost:{port}/secret/localhost"),
        "/r/decimal": moved(f"http://2130706433:{port}/secret/decimal"),
        "/r/name": moved(f"http://intranet.example:{port}/secret/name"),
        "/r/subdomain": moved(f"http://internal.site.example:{port}/secret/subdomain-hop"),
        "/meta": (200, {}, f'<html><head><meta http-equiv="refresh" content="0; url={secret}/secret/meta">'
                           "</head><body>moving</body></html>"),
        # a referring page for the backlink spider: a link to the target, and one into our network
        "/links": (200, {}, html("Links", f'<a href="http://target.example/">Target site</a> '
                                          f'<a href="{secret}/secret/backlink">internal dashboard</a>')),
        # a page Chromium renders: its script and frames reach for loopback
        "/js": (200, {}, html("Rendered", " ".join([
            "<div id=out></div>",
            "<script>",
            f'fetch("{secret}/secret/js-fetch", {{mode: "no-cors"}}).catch(() => null);',
            f'new Image().src = "http://localhost:{port}/secret/js-img";',
            'document.getElementById("out").textContent = "Rendered by the script of a public page.";',
            "</script>",
            f'<iframe src="http://intranet.example:{port}/secret/js-frame"></iframe>',
            f'<img src="http://internal.site.example:{port}/secret/js-sub">',
        ]))),
    }


def secret_pages() -> dict:
    page = (200, {}, html("Secret", "<p>SECRET internal page: credentials here.</p>"))
    return {path: page for path in (
        "/", "/secret/sitemap", "/secret/subdomain", "/secret/subdomain-hop", "/secret/ip", "/secret/localhost", "/secret/decimal",
        "/secret/name", "/secret/meta", "/secret/backlink", "/secret/js-fetch", "/secret/js-img",
        "/secret/js-frame", "/secret/js-sub", "/secret/rebind", "/hook",
    )} | {"/robots.txt": (200, {"Content-Type": "text/plain"}, "User-agent: *\nAllow: /\n")}


def servers():
    """(public, secret) on 127.0.0.2:P and 127.0.0.1:P, P the same port."""
    for _ in range(20):
        port = free_port()
        try:
            secret = Recorder(("127.0.0.1", port), secret_pages())
        except OSError:
            continue
        try:
            public = Recorder((PUBLIC, port), public_pages(port))
        except OSError:
            secret.server_close()
            continue
        for server in (public, secret):
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return public, secret
    raise RuntimeError("no port free on both 127.0.0.1 and 127.0.0.2")


@pytest.fixture(scope="module")
def jail(redis_url, web, tmp_path_factory):
    """A live `scrapejet api --workers 1` held to the policy, the two servers,
    and the test DNS; yields a namespace the tests share."""
    public, secret = servers()
    port = public.server_port
    folder = tmp_path_factory.mktemp("egress")
    dns_state = folder / "dns"
    dns_state.mkdir()
    env = Env(redis_url, folder / "data", web)
    env.vars.update({
        "SCRAPEJET_ALLOW_PRIVATE": "0",
        "SCRAPEJET_ALLOWED_NETWORKS": json.dumps([f"{PUBLIC}/32"]),
        "SCRAPEJET_RESOLVE": json.dumps({
            "site.example": PUBLIC, "intranet.example": "127.0.0.1", "internal.site.example": "127.0.0.1",
        }),
        "SCRAPEJET_DOMAIN_DELAY_S": "0",
    })
    pythonpath = os.pathsep.join(p for p in (str(HERE / "dnsjail"), os.environ.get("PYTHONPATH")) if p)
    base, proc, log = env.api(**{
        "SCRAPEJET_ALLOW_PRIVATE": "0", "PYTHONPATH": pythonpath, "TEST_DNS_STATE": str(dns_state),
        "TEST_DNS_ANSWERS": json.dumps({"rebind.example": [PUBLIC, "127.0.0.1"],
                                        "hooks.example": [PUBLIC, "127.0.0.1"]}),
    })

    class Jail:
        pass

    jail = Jail()
    jail.env, jail.base, jail.port, jail.public, jail.secret, jail.log = env, base, port, public, secret, log
    jail.dns_state = dns_state
    yield jail
    stop(proc)
    for server in (public, secret):
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def fresh_logs(request):
    """Each test counts what the servers saw during it only."""
    if "jail" in request.fixturenames:
        jail = request.getfixturevalue("jail")
        for server in (jail.public, jail.secret):
            with server.lock:
                server.requests.clear()


def submit(jail, path: str, body: dict) -> str:
    r = requests.post(jail.base + path, json=body, timeout=30)
    assert r.status_code == 202, r.text
    return r.json()["job_id"]


def finished(jail, job_id: str, timeout: float = 120) -> dict:
    def done():
        progress = requests.get(f"{jail.base}/scrape/{job_id}/progress", timeout=10).json()
        return progress if progress["status"] in ("completed", "failed", "cancelled") else None

    return wait_for(done, timeout, 0.3, what=f"job {job_id} to finish")


def stored(jail, job_id: str) -> dict[str, str]:
    return {p["url"].split(str(jail.port), 1)[1]: p["text"] for p in jail.env.storage().iter_pages(job_id)}


def refusals(jail, job_id: str) -> dict[str, str]:
    return {f["final_url"]: f["reason"] for f in jail.env.storage().list_failures(job_id)}


def test_redirects_meta_refresh_sitemaps_and_subdomains_never_reach_loopback(jail):
    job_id = submit(jail, "/scrape", {"url": f"http://site.example:{jail.port}/", "subdomains": True,
                                      "max_pages": 50})
    progress = finished(jail, job_id)
    assert progress["status"] == "completed", progress
    pages = stored(jail, job_id)
    assert {"/", "/about", "/contact"} <= set(pages), pages.keys()
    assert not any("SECRET" in text for text in pages.values())
    assert jail.secret.hits() == [], jail.secret.hits()
    reasons = refusals(jail, job_id)
    # a redirect off the job's site is not followed (download.scope): never
    # connected to, whatever it points at
    for path in ("/secret/ip", "/secret/localhost", "/secret/decimal", "/secret/name", "/secret/meta"):
        skipped = [reason for url, reason in reasons.items() if url.endswith(path)]
        assert skipped and skipped[0].startswith("redirects off the site"), (path, reasons)
    # a link or a redirect hop to the job's own site (a subdomain) that
    # resolves into our network failed with its reason, where it was to connect
    for path in ("/secret/subdomain", "/secret/subdomain-hop"):
        refused = [reason for url, reason in reasons.items() if url.endswith(path)]
        assert refused and "refused to connect" in refused[0] and "loopback" in refused[0], (path, reasons)
    # (the sitemap's loopback URL is off the job's site: never queued at all)


def test_a_start_page_that_moves_into_our_network_is_refused_where_it_connects(jail):
    # a start that redirects to another site is a site that moved, followed
    # (spiders.base.moved_to): the egress policy still refuses the hop
    job_id = submit(jail, "/scrape", {"url": f"http://site.example:{jail.port}/r/localhost", "max_pages": 5})
    finished(jail, job_id)
    # the start page refused with its reason (the site's sitemap still gave /about)
    assert refusals(jail, job_id) == {
        f"http://localhost:{jail.port}/secret/localhost":
            "refused to connect to localhost: 127.0.0.1 is a loopback address "
            "(SCRAPEJET_ALLOW_PRIVATE=1 or SCRAPEJET_ALLOWED_NETWORKS allow it)"}
    assert set(stored(jail, job_id)) == {"/about"}
    assert jail.secret.hits() == [], jail.secret.hits()


def test_a_business_crawl_follows_no_redirect_inside(jail):
    job_id = submit(jail, "/scrape/business", {"url": f"http://site.example:{jail.port}/"})
    assert finished(jail, job_id)["status"] == "completed"
    result = requests.get(f"{jail.base}/scrape/{job_id}/result", timeout=10).json()
    # its contact page (whose link goes through a redirect inside) was crawled
    assert {"/", "/about", "/contact"} <= set(stored(jail, job_id)) and result["profile"]["site"] == "site.example"
    assert not any("SECRET" in (item.get("text") or "") for item in result["items"])
    assert jail.secret.hits() == []


def test_the_backlink_spider_does_not_follow_a_link_into_our_network(jail):
    r = requests.post(f"{jail.base}/queue/submit_crawl", json={
        "target_url": "http://target.example", "initial_seed_urls": [f"http://site.example:{jail.port}/links"]},
        timeout=30)
    assert r.status_code == 202, r.text
    job_id = r.json()["job_id"]

    def success():
        state = requests.get(f"{jail.base}/queue/job_status/{job_id}", timeout=10).json()["state"]
        return state if state in ("SUCCESS", "FAILURE") else None

    assert wait_for(success, 120, 0.3, what="the backlink job") == "SUCCESS"
    backlinks = requests.get(f"{jail.base}/backlinks/target.example", timeout=10).json()
    assert [b["anchor_text"] for b in backlinks["items"]] == ["Target site"]
    assert jail.secret.hits() == []


def test_a_rendered_page_reaches_nothing_inside_through_chromium(jail):
    job_id = submit(jail, "/scrape", {"url": f"http://site.example:{jail.port}/js", "render_js": True,
                                      "max_pages": 1})
    progress = finished(jail, job_id, timeout=180)
    assert progress["status"] == "completed", progress
    pages = stored(jail, job_id)
    # Chromium reached the public page through the worker's proxy and ran its script
    assert "Rendered by the script of a public page." in pages["/js"], pages
    time.sleep(1)  # what the page's script and frames asked for has been asked
    assert jail.secret.hits() == [], jail.secret.hits()


def _lookups(jail, name: str) -> int:
    path = jail.dns_state / name
    return len(path.read_text()) if path.exists() else 0


def test_dns_rebinding_of_the_crawl_host_and_of_a_webhook_host_is_refused(jail):
    # the API's check sees the public answer; every later lookup answers loopback
    # (the worker may already have looked the host up again by the time the API answers)
    job_id = submit(jail, "/scrape", {"url": f"http://rebind.example:{jail.port}/secret/rebind",
                                      "webhook": {"url": f"http://hooks.example:{jail.port}/hook"}})
    assert _lookups(jail, "rebind.example") >= 1 and _lookups(jail, "hooks.example") >= 1
    progress = finished(jail, job_id)
    # its only page refused: a job that stored nothing ends failed, saying why
    assert progress["status"] == "failed" and progress["pages_crawled"] == 0, progress
    reasons = refusals(jail, job_id)
    assert any("refused to connect to rebind.example: 127.0.0.1 is a loopback" in r for r in reasons.values()), reasons

    def delivered():
        deliveries = requests.get(f"{jail.base}/jobs/{job_id}/webhooks", timeout=10).json()["deliveries"]
        return deliveries if {d["event"] for d in deliveries if d["status"] == "failed"} >= {
            "job.started", "job.failed"} else None

    try:
        deliveries = wait_for(delivered, 60, 0.3, what="the webhook deliveries to fail")
    except AssertionError:
        print(requests.get(f"{jail.base}/jobs/{job_id}/webhooks", timeout=10).json(), jail.log.read_text()[-3000:])
        raise
    assert all("refused to connect to hooks.example" in (d["error"] or "") for d in deliveries), deliveries
    assert all(d["attempts"] == 1 for d in deliveries), deliveries  # refused, not retried
    assert _lookups(jail, "rebind.example") > 1 and _lookups(jail, "hooks.example") > 1
    assert jail.secret.hits() == [], jail.secret.hits()


def test_the_operator_s_own_command_line_crawl_reaches_their_own_machine(jail, tmp_path):
    """`scrapy crawl generic -a url=...` serves a job its operator started,
    in a process of its own: it crawls localhost like curl would, with the
    policy off; a worker of the shared queue would refuse it."""
    out = tmp_path / "pages.jsonl"
    result = jail.env.scrapy("crawl", "generic", "-a", f"url=http://127.0.0.1:{jail.port}/secret/ip",
                             "-a", "max_pages=1", "-O", str(out), env={"SCRAPEJET_ALLOW_PRIVATE": "0"})
    assert result.returncode == 0, result.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert any("SECRET internal page" in item.get("text", "") for item in items), result.stderr[-4000:]
    assert "/secret/ip" in jail.secret.hits()


# -- the pieces, without processes ------------------------------------------------------
def test_the_policy_names_what_it_refuses():
    from scrapejet.download.egress import AddressRefused, EgressPolicy

    strict = EgressPolicy(allowed_networks=["10.20.0.0/16"], pins={"pinned.test": "127.0.0.1"})
    for address, why in [("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("169.254.169.254", "link-local"),
                         ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"), ("fe80::1", "link-local"),
                         ("100.100.100.200", "not globally routable"), ("224.0.0.1", "multicast")]:
        assert why in strict.refusal(address), address
    assert strict.refusal("93.184.215.14") is None and strict.refusal("10.20.3.4") is None
    with pytest.raises(AddressRefused, match="refused to connect to pinned.test: 127.0.0.1 is a loopback"):
        strict.resolve("pinned.test")
    with pytest.raises(AddressRefused):
        strict.resolve("2130706433")  # a decimal spelling of 127.0.0.1, as the C library reads it
    assert EgressPolicy(allow_private=True).refusal("127.0.0.1") is None


def test_the_webhook_sender_connects_to_the_checked_address_only():
    from scrapejet.download.egress import EgressPolicy
    from scrapejet.webhooks import _NoRedirects, post

    public, secret = servers()
    try:
        port = public.server_port
        policy = EgressPolicy(allowed_networks=[f"{PUBLIC}/32"], pins={"hooks.test": PUBLIC, "inside.test": "127.0.0.1"})
        from scrapejet.download.egress import checked_opener

        opener = checked_opener(policy, _NoRedirects)
        body, headers = b"{}", {"Content-Type": "application/json"}
        # the name goes to its checked address, with the name kept in Host
        public.pages["/hook"] = (200, {}, "")
        assert post(f"http://hooks.test:{port}/hook", body, headers, 5, opener).ok
        assert public.requests[-1] == ("POST", f"hooks.test:{port}", "/hook")
        for url in (f"http://inside.test:{port}/hook", f"http://127.0.0.1:{port}/hook",
                    f"http://localhost:{port}/hook"):
            attempt = post(url, body, headers, 5, opener)
            assert not attempt.ok and not attempt.retry and "refused to connect" in attempt.error, (url, attempt)
        assert secret.hits() == []
    finally:
        for server in (public, secret):
            server.shutdown()
            server.server_close()


def test_the_chromium_proxy_refuses_inside_addresses_and_tunnels_public_ones():
    """The proxy as Chromium uses it, driven by hand: CONNECT and absolute-form."""
    import asyncio

    from scrapejet.download.egress import EgressPolicy
    from scrapejet.download.proxy import EgressProxy

    public, secret = servers()
    port = public.server_port
    # the proxy resolves through Twisted's reactor (the worker's resolver);
    # outside a crawl, IP literals are what it can check without one
    policy = EgressPolicy(allowed_networks=[f"{PUBLIC}/32"])

    async def exchange(proxy, data: bytes) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(data)
        await writer.drain()
        answer = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        if answer.startswith(b"HTTP/1.1 200 Connection Established"):
            writer.write(f"GET /about HTTP/1.1\r\nHost: site.example:{port}\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
        answer += await asyncio.wait_for(reader.read(), 10)  # to the end: the proxy closes
        writer.close()
        return answer

    async def main():
        proxy = await EgressProxy(policy).start()
        try:
            refused = await exchange(proxy, f"GET http://127.0.0.1:{port}/secret/ip HTTP/1.1\r\n"
                                            f"Host: 127.0.0.1:{port}\r\n\r\n".encode())
            tunnel_refused = await exchange(proxy, f"CONNECT [::ffff:127.0.0.1]:{port} HTTP/1.1\r\n\r\n".encode())
            plain = await exchange(proxy, f"GET http://{PUBLIC}:{port}/about HTTP/1.1\r\n"
                                          f"Host: site.example:{port}\r\nProxy-Connection: keep-alive\r\n\r\n".encode())
            tunnel = await exchange(proxy, f"CONNECT {PUBLIC}:{port} HTTP/1.1\r\n\r\n".encode())
            return refused, tunnel_refused, plain, tunnel, proxy.refused
        finally:
            await proxy.close()

    try:
        refused, tunnel_refused, plain, tunnel, count = asyncio.run(main())
    finally:
        for server in (public, secret):
            server.shutdown()
            server.server_close()
    assert refused.startswith(b"HTTP/1.1 403") and b"loopback" in refused, refused
    assert tunnel_refused.startswith(b"HTTP/1.1 403"), tunnel_refused
    assert count == 2 and secret.hits() == []
    assert plain.startswith(b"HTTP/1.1 200") and b"About us: a public page" in plain, plain
    assert b"About us: a public page" in tunnel, tunnel
    assert [r[2] for r in public.requests] == ["/about", "/about"]
    # sent on in origin form, without the proxy's own headers
    assert public.requests[0][1] == f"site.example:{port}"





def test_a_name_pinned_to_no_address_is_never_looked_up():
    """``{"shop.test": "127.0.0.1", "*": ""}``, as the benchmarks crawl: a page
    sending the browser to its real domain fails at once, no DNS asked."""
    from twisted.internet import reactor

    from scrapejet.download.egress import EgressPolicy, NotResolved, lookup
    from scrapejet.download.resolver import StaticHostsResolver

    pins = {"shop.test": "127.0.0.1", "*.cdn.test": "127.0.0.2", "*": ""}
    assert [lookup(pins, n) for n in ("shop.test", "img.cdn.test", "canadianrefrigeration.net")] == [
        "127.0.0.1", "127.0.0.2", ""]
    assert lookup({"shop.test": "127.0.0.1"}, "other.test") is None  # no catch-all: DNS as usual
    policy = EgressPolicy(allow_private=True, pins=pins)
    with pytest.raises(NotResolved, match="canadianrefrigeration.net is not resolved"):
        policy.addresses("canadianrefrigeration.net")
    resolver = StaticHostsResolver(reactor, 100, 5)
    resolver.policy = policy
    failures = []
    resolver.getHostByName("canadianrefrigeration.net").addErrback(failures.append)
    assert failures and failures[0].check(NotResolved)
    answers = []
    resolver.getHostByName("shop.test").addCallback(answers.append)
    assert answers == ["127.0.0.1"]
