"""Download handler: plain HTTP by default, headless Chromium per request.

Requests of jobs with ``render_js`` carry ``meta["playwright"] = True`` and are
rendered by scrapy-playwright in Debian's chromium; every other request goes
through Scrapy's own HTTP/1.1 handler untouched. The browser is launched on
the first rendered request, so workers that never render never start it."""

from __future__ import annotations

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from .resolver import chromium_host_rules


class RenderingDownloadHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        # Chromium does its own DNS, so SCRAPEJET_RESOLVE must be passed to it
        # for rendered pages to reach the same hosts as plain requests.
        rules = chromium_host_rules(crawler.settings.getdict("SCRAPEJET_RESOLVE"))
        if rules:
            options = dict(self.config.launch_options)
            options["args"] = [*options.get("args", []), f"--host-resolver-rules={rules}"]
            self.config.launch_options = options
