"""Download handler: plain HTTP by default, headless Chromium per request.

Requests of jobs with ``render_js`` carry ``meta["playwright"] = True`` and are
rendered by scrapy-playwright in Debian's chromium; every other request goes
through Scrapy's own HTTP/1.1 handler untouched. scrapy-playwright (and its
Playwright driver and browser) is imported and started on the first rendered
request, so workers that never render pay neither its memory (about 10 MB of
modules) nor its start-up.

Chromium connects only through the worker's egress proxy (``proxy``), which
resolves names as plain downloads do (``SCRAPEJET_RESOLVE`` included) and
applies the egress policy to every connection a page makes."""

from __future__ import annotations

import asyncio

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

from .egress import EgressPolicy
from .proxy import EgressProxy


class RenderingDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._crawler = crawler
        self._renderer = None
        self._proxy: EgressProxy | None = None
        self._renderer_lock = asyncio.Lock()
        self._settle_ms = crawler.settings.getint("SCRAPEJET_RENDER_SETTLE_MS")

    async def download_request(self, request):
        if request.meta.get("playwright"):
            renderer = await self._get_renderer()
            if self._settle_ms > 0 and "playwright_page_methods" not in request.meta:
                from scrapy_playwright.page import PageMethod

                request.meta["playwright_page_methods"] = [PageMethod(_settle, self._settle_ms)]
            return await renderer.download_request(request)
        return await super().download_request(request)

    async def _get_renderer(self):
        async with self._renderer_lock:
            if self._renderer is None:
                from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

                renderer = ScrapyPlaywrightDownloadHandler(self._crawler)
                # Chromium does its own DNS and connects wherever a page
                # points; through the proxy it reaches what plain downloads
                # reach, and nothing the egress policy refuses.
                self._proxy = await EgressProxy(EgressPolicy.from_crawler(self._crawler)).start()
                options = dict(renderer.config.launch_options)
                options["args"] = [*options.get("args", []), f"--proxy-server={self._proxy.url}",
                                   "--proxy-bypass-list=<-loopback>"]
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
        if self._proxy is not None:
            await self._proxy.close()
            self._proxy = None


async def _settle(page, timeout_ms: int) -> None:
    """Wait, at most ``timeout_ms``, for the page's network to go quiet.
    The load event comes before what a page's scripts fetch after it (a
    header and footer from partial files, a menu): those are the links and
    contact data rendering is for. A page that never goes quiet (polling,
    a live chat) is read as it stands when the time is up."""
    from playwright.async_api import TimeoutError as PlaywrightTimeoutError

    try:
        await page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        pass
