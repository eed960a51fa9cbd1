"""Serve the fixture web in the foreground.

    python -m tests.fixtureweb --port 8089 [--bench-pages 2000] [--slow-seconds 3]

Then e.g. ``curl --resolve shop.test:8089:127.0.0.1 http://shop.test:8089/``.
"""

from __future__ import annotations

import argparse
import signal
import sys

from tests.fixtureweb.server import FixtureWeb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fixtureweb", description=__doc__.splitlines()[1])
    parser.add_argument("--port", type=int, default=8089, help="port to listen on (0 = any free port)")
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--bench-pages", type=int, default=2000, help="pages of bench.test (default 2000)")
    parser.add_argument("--slow-seconds", type=float, default=3.0, help="delay of traps.test/slow (default 3)")
    args = parser.parse_args(argv)

    web = FixtureWeb(args.port, bench_pages=args.bench_pages, slow_seconds=args.slow_seconds, bind=args.bind)
    web.start()
    print(f"fixture web listening on {web.bind}:{web.port}", flush=True)
    for host in web.hosts:
        print(f"  {web.url(host)}", flush=True)
    resolve = " ".join(f"--resolve {host}:{web.port}:{web.bind}" for host in web.hosts)
    print(f"curl {resolve} {web.url('shop.test')}", flush=True)
    print("Ctrl-C to stop.", flush=True)
    # SIGTERM stops cleanly too (sys.exit unwinds through serve_forever's finally)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    web.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
