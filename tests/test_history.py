"""The cluster's last hour (``scheduler.history``) on real Redis: what
``GET /queue/history`` and the dashboard's chart read."""

from __future__ import annotations

import redis

from scrapejet.keys import Keys
from scrapejet.scheduler.history import History

T0 = 1_800_000_000.0  # a minute boundary: 30,000,000 minutes


def make(env, minutes=60, decode=True) -> History:
    server = redis.Redis.from_url(env.vars["REDIS_URL"], decode_responses=decode)
    return History(server, Keys(env.vars["SCRAPEJET_KEY_PREFIX"]), minutes)


def test_many_writers_sum_and_unmeasured_minutes_are_null(env):
    a, b = make(env), make(env, decode=False)  # workers' connections may answer bytes
    a.record(5, 40, 2, now=T0 + 1)
    b.record(7, 38, 3, now=T0 + 30)  # another worker, same minute: pages add, the last depth wins
    a.record(0, 10, 1, now=T0 + 125)  # two minutes later, nothing stored
    points = make(env).read(4, now=T0 + 130)
    assert [(p["minute"], p["pages"], p["waiting"], p["in_flight"], p["complete"]) for p in points] == [
        (T0 - 60, None, None, None, True),  # no worker beat then: not measured, not zero
        (T0, 12, 38, 3, True),
        (T0 + 60, None, None, None, True),
        (T0 + 120, 0, 10, 1, False),  # the current minute, still counting
    ]


def test_the_window_is_kept_and_older_minutes_go(env):
    history = make(env, minutes=3)
    for n in range(6):
        history.record(n + 1, n, 0, now=T0 + 60 * n)
    server = history.server
    assert sorted(int(m) for m in server.hkeys(history.keys.history_pages)) == [30_000_003, 30_000_004, 30_000_005]
    assert server.hlen(history.keys.history_queue) == 3
    assert 0 < server.ttl(history.keys.history_pages) <= 8 * 60  # gone when the cluster stops
    # asked for more than is kept: what is kept
    assert [p["pages"] for p in history.read(10, now=T0 + 300)] == [4, 5, 6]
