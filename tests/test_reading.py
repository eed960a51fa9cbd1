"""Pages read off the reactor (scrapejet/spiders/reading.py): real processes."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrapejet.extract.page import extract_page
from scrapejet.spiders.reading import ExtractionCrashed, ExtractionPool

ROOT = Path(__file__).resolve().parent.parent
PAGE = (b"<html><head><title>Opening hours</title></head><body><main><h1>Opening hours</h1>"
        b"<p>The bakery opens at seven every morning except Sunday, when it rests.</p></main></body></html>")


def reader_pid() -> int:
    return os.getpid()


def reader_dies() -> None:
    os._exit(3)  # as a C parser's crash or the OOM killer would end it


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a child of ours that exited but is not reaped yet is gone too
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def wait_ready(pool: ExtractionPool, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not pool.ready:
        assert time.monotonic() < deadline, "the extraction processes never became ready"
        time.sleep(0.05)


def test_pages_are_read_here_until_the_pool_is_warm_then_in_its_process():
    async def scenario():
        pool = ExtractionPool(processes=1, after=2)
        # the first pages of a crawl: read in this process, no pool yet
        assert await pool.run(reader_pid) == os.getpid()
        assert pool._pool is None
        assert await pool.run(reader_pid) == os.getpid()  # the second starts it
        await asyncio.to_thread(wait_ready, pool)
        child = await pool.run(reader_pid)
        assert child != os.getpid()
        page = await pool.run(extract_page, PAGE, "https://bakery.test/hours")
        assert page == extract_page(PAGE, "https://bakery.test/hours")
        assert "opens at seven" in page["text"] and page["title"] == "Opening hours"
        pool.spider_closed()
        for _ in range(100):
            if not alive(child):
                break
            await asyncio.sleep(0.05)
        assert not alive(child), "the extraction process outlived the spider"
        # closed: pages are read here again and no pool is started
        for _ in range(3):
            assert await pool.run(reader_pid) == os.getpid()
        assert pool._pool is None

    asyncio.run(scenario())


def test_a_reader_that_kills_its_process_is_a_failure_and_the_pool_starts_again():
    async def scenario():
        pool = ExtractionPool(processes=1, after=1)
        await pool.run(reader_pid)
        await asyncio.to_thread(wait_ready, pool)
        with pytest.raises(ExtractionCrashed, match="died"):
            await pool.run(reader_dies)
        assert not pool.ready
        # the next pages are read here, and the pool is started anew
        assert await pool.run(reader_pid) == os.getpid()
        await asyncio.to_thread(wait_ready, pool)
        assert await pool.run(reader_pid) != os.getpid()
        pool.spider_closed()

    asyncio.run(scenario())


def test_no_pool_when_processes_is_zero():
    async def scenario():
        pool = ExtractionPool(processes=0, after=1)
        for _ in range(5):
            assert await pool.run(reader_pid) == os.getpid()
        assert pool._pool is None

    asyncio.run(scenario())


def test_extraction_processes_exit_when_their_crawler_is_killed():
    """kill -9 of a worker leaves no extraction process behind."""
    script = (
        "import asyncio, os, sys, time\n"
        "from scrapejet.spiders.reading import ExtractionPool\n"
        "from tests.test_reading import reader_pid, wait_ready\n"
        "async def main():\n"
        "    pool = ExtractionPool(processes=2, after=1)\n"
        "    await pool.run(reader_pid)\n"
        "    await asyncio.to_thread(wait_ready, pool)\n"
        "    pids = {await pool.run(reader_pid) for _ in range(20)}\n"
        "    print(' '.join(map(str, sorted(p for p in pids if p != os.getpid()))), flush=True)\n"
        "    time.sleep(600)\n"
        "asyncio.run(main())\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        children = [int(p) for p in proc.stdout.readline().split()]
        assert children, "no page was read in an extraction process"
        assert all(alive(pid) for pid in children)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in children), "an extraction process outlived its killed crawler"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
