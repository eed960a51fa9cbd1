"""Fixture web: real HTTP fixture sites on loopback for crawler tests.

See README.md in this folder for the hosts, paths and expected crawl counts.
"""

from tests.fixtureweb.server import (
    EXPECTED_PAGES,
    HOSTS,
    POLITE_HOSTS,
    SHOP_DEPTHS,
    TRACKED_PAGES,
    TRACKED_VARIANTS,
    FetchResult,
    FixtureWeb,
    RequestRecord,
    bench_links,
    calendar_pages_for_depth,
)

__all__ = [
    "EXPECTED_PAGES",
    "HOSTS",
    "POLITE_HOSTS",
    "SHOP_DEPTHS",
    "TRACKED_PAGES",
    "TRACKED_VARIANTS",
    "FetchResult",
    "FixtureWeb",
    "RequestRecord",
    "bench_links",
    "calendar_pages_for_depth",
]
