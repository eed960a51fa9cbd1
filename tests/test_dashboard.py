"""The dashboard (GET /) in real headless Chromium, against a live
`scrapejet api --workers 1` with API keys on, crawling the fixture web:
what a user opening the page sees and can do."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
import requests
from playwright.sync_api import expect, sync_playwright

from scrapejet.api import create_app
from tests.conftest import SPIDERS, stop
from tests.fixtureweb import FixtureWeb

KEY = "dash-key-1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture
def server(env):
    base, proc, _log = env.api(SCRAPEJET_API_KEYS=f"other-key,{KEY}")
    yield base
    stop(proc)


@pytest.fixture
def browser():
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_dashboard_in_chromium(server, browser, web):
    def api(method, path, **kw):
        return requests.request(method, server + path, headers={"Authorization": f"Bearer {KEY}"}, timeout=10, **kw)

    page = browser.new_page()
    page.set_default_timeout(15_000)
    console: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and console.append(msg.text))
    page.on("pageerror", lambda exc: console.append(f"uncaught: {exc}"))
    page.on("dialog", lambda dialog: dialog.accept())  # the Cancel button asks first
    banner = page.locator("#banner")

    # No key: the page loads, /health (open) shows, everything else says 401.
    page.goto(server + "/")
    expect(banner).to_contain_text("needs an API key (401)")
    expect(page.locator("#health-status")).to_have_text(re.compile("ok|degraded"))
    expect(page.locator("#workers tbody tr")).to_have_count(0)
    assert all("401" in text for text in console), console

    # A wrong key is refused, the right one shows the data.
    page.get_by_label("API key").fill("not-a-key")
    page.get_by_role("button", name="Save key").click()
    expect(banner).to_contain_text("refused the saved key (401)")
    page.get_by_label("API key").fill(KEY)
    page.get_by_role("button", name="Save key").click()
    expect(banner).to_be_hidden()
    # one worker process, a worker per spider it serves
    expect(page.locator("#workers tbody tr")).to_have_count(SPIDERS)
    worker = page.locator("#workers tbody tr", has_text="generic")
    expect(worker).to_contain_text("alive")
    expect(page.locator("#queues tbody tr")).to_have_count(3)  # generic, business, backlink
    expect(page.locator("#nodes")).to_contain_text("no scrapyd nodes configured")

    # The key stays in the browser: a reload shows data at once, with no
    # error in the console at all.
    console.clear()
    page.reload()
    expect(page.locator("#workers tbody tr")).to_have_count(SPIDERS)
    page.wait_for_timeout(2500)  # a poll or two more
    assert console == [] and banner.is_hidden()

    # A URL the API refuses: its message shows next to the field.
    url = page.get_by_label("Start URL")
    url.fill(f"ftp://shop.test:{web.port}/")
    page.get_by_role("button", name="Start crawl").click()
    expect(page.locator("#e-url")).to_contain_text("http:// or https://")
    expect(url).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#form-message")).to_contain_text("422")

    # A crawl submitted with the form appears and its bar reaches 100%.
    url.fill(web.url("shop.test"))
    page.get_by_label("Max pages").fill("50")
    page.get_by_label("Priority").select_option("7")
    page.get_by_role("button", name="Start crawl").click()
    expect(page.locator("#form-message")).to_contain_text("Queued job")
    expect(url).not_to_have_attribute("aria-invalid", "true")
    job_id = re.search(r"Queued job (\S+)\.", page.locator("#form-message").inner_text()).group(1)
    row = page.locator(f'#jobs tr[data-job-id="{job_id}"]')
    expect(row).to_contain_text(web.url("shop.test"))
    expect(row.locator(".status")).to_have_text("completed", timeout=30_000)
    expect(row.get_by_role("progressbar")).to_have_attribute("value", "100")
    expect(row).to_contain_text("100%")
    expect(row).to_contain_text("18 / 50")
    expect(row.get_by_role("button", name=f"Cancel job {job_id}")).to_be_hidden()
    # the worker's counter grew by the crawl's pages while the page watched
    expect(page.locator("#rate-now")).to_have_text(re.compile(r"^[1-9]\d* pages/min"))
    assert page.locator("#rate-chart polyline").count() == 1
    expect(worker.locator("td").nth(4)).to_have_text(re.compile(r"^(1[89]|[2-9]\d|\d{3,})$"))

    # Cancel a running job: a site of its own whose first page takes 20 s.
    with FixtureWeb(bench_pages=1, slow_seconds=20) as slow_web:
        url.fill(slow_web.url("traps.test", "/slow"))
        page.get_by_role("button", name="Start crawl").click()
        expect(page.locator("#form-message")).to_contain_text("Queued job")
        slow_id = re.search(r"Queued job (\S+)\.", page.locator("#form-message").inner_text()).group(1)
        row = page.locator(f'#jobs tr[data-job-id="{slow_id}"]')
        expect(row.locator(".status")).to_have_text("running")
        row.get_by_role("button", name=f"Cancel job {slow_id}").click()
        expect(page.locator("#jobs-message")).to_contain_text(f"Cancelled job {slow_id}")
        expect(row.locator(".status")).to_have_text("cancelled")
        expect(row.get_by_role("button", name=f"Cancel job {slow_id}")).to_be_hidden()
        progress = api("GET", f"/scrape/{quote(slow_id)}/progress").json()
        assert progress["status"] == "cancelled" and progress["pages_crawled"] == 0

    # Text from users shows as characters: markup in a URL's host (which the
    # API keeps as given) never becomes an element.
    evil = api("POST", "/scrape", json={"url": "http://<b>x</b>.test/"}).json()
    cell = page.locator(f'#jobs tr[data-job-id="{evil["job_id"]}"] td').nth(1)
    expect(cell).to_contain_text("http://<b>x</b")
    assert cell.locator("b").count() == 0

    # The only console errors since the reload: the 422 the form was shown.
    assert all("422" in text for text in console), console


def test_page_and_its_files_need_no_key_and_the_api_map_moved(env):
    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(SCRAPEJET_API_KEYS="k")})
    try:
        client = app.test_client()
        page = client.get("/")
        assert page.status_code == 200 and page.mimetype == "text/html"
        html = page.get_data(as_text=True)
        assert "This server needs one of its API keys" in html
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        # every file the page loads is on this server, and served without a key
        assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
        assert {a.rsplit("/", 1)[1] for a in assets} == {"dashboard.js", "dashboard.css", "favicon.svg"}
        assert all(client.get(a).status_code == 200 for a in assets)
        # the JSON map of the API moved to /api, which needs the key like the rest
        assert client.get("/api").status_code == 401
        endpoints = client.get("/api", headers={"X-API-Key": "k"}).get_json()["endpoints"]
        assert {"method": "GET", "path": "/jobs", "summary": "List jobs"} in endpoints
        assert "/" not in client.get("/openapi.json").get_json()["paths"]
    finally:
        app.extensions["scrapejet"].close()
