"""Download handler: plain HTTP by default, headless Chromium per request.

Requests of jobs with ``render_js`` carry ``meta["playwright"] = True`` and are
rendered by scrapy-playwright in Debian's chromium; every other request goes
through Scrapy's own HTTP/1.1 handler untouched. scrapy-playwright (and its
Playwright driver and browser) is imported and started on the first rendered
request, so workers that never render pay neither its memory (about 10 MB of
modules) nor its start-up."""

from __future__ import annotations

import asyncio

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

from .resolver import chromium_host_rules


class RenderingDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._crawler = crawler
        self._renderer = None
        self._renderer_lock = asyncio.Lock()

    async def download_request(self, request):
        if request.meta.get("playwright"):
            renderer = await self._get_renderer()
            return await renderer.download_request(request)
        return await super().download_request(request)

    async def _get_renderer(self):
        async with self._renderer_lock:
            if self._renderer is None:
                from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

                renderer = ScrapyPlaywrightDownloadHandler(self._crawler)
                # Chromium does its own DNS, so SCRAPEJET_RESOLVE must be passed
                # to it for rendered pages to reach the same hosts as plain ones.
                rules = chromium_host_rules(self._crawler.settings.getdict("SCRAPEJET_RESOLVE"))
                if rules:
                    options = dict(renderer.config.launch_options)
                    options["args"] = [*options.get("args", []), f"--host-resolver-rules={rules}"]
                    renderer.config.launch_options = options
                # it normally starts on engine_started, long past by now
                await renderer._maybe_launch_in_thread()
                self._renderer = renderer
            return self._renderer

    async def close(self) -> None:
        await super().close()
        if self._renderer is not None:
            await self._renderer.close()
            self._renderer = None
