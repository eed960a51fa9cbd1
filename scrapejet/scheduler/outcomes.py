"""What a leased request came to: the outcome its lease is acknowledged
with, each a counter of its job (``aux`` counts nothing: a robots.txt, a
sitemap or a probe fetched to find pages).

A spider says it by what it yields (``scheduler.leases``): a page item
means ``crawled``, a ``FailureItem`` its own outcome, and an ``Outcome``
yielded on its own says what other output cannot (a guessed path that was
no page, a backlink source read). A module without imports, so the items,
the spiders and the queue name the same values."""

from enum import StrEnum


class Outcome(StrEnum):
    CRAWLED = "crawled"
    FAILED = "failed"
    SKIPPED = "skipped"
    AUX = "aux"


CRAWLED, FAILED, SKIPPED, AUX = Outcome.CRAWLED, Outcome.FAILED, Outcome.SKIPPED, Outcome.AUX
