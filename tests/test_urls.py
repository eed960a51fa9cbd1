"""What "the same page" and "the same site" mean (scrapejet.urls)."""

from __future__ import annotations

import time

import pytest

from scrapejet.urls import canonical_url, dedupe_key, in_scope, registered_domain, site_host, url_pattern


@pytest.mark.parametrize("url, canon", [
    ("HTTP://Shop.Test:80/a?b=2&a=1#frag", "http://shop.test/a?a=1&b=2"),
    ("https://shop.test:443", "https://shop.test/"),
    ("https://shop.test:8443/x", "https://shop.test:8443/x"),
])
def test_canonical_url(url, canon):
    assert canonical_url(url) == canon


def test_www_and_apex_are_one_page_for_the_dupefilter():
    assert dedupe_key("https://www.shop.test/a") == dedupe_key("https://shop.test/a")
    assert site_host("https://WWW.shop.test/") == "shop.test"


@pytest.mark.parametrize("host, domain", [
    ("www.shop.co.uk", "shop.co.uk"),
    ("https://blog.example.com/post", "example.com"),
    # private suffixes: two users' sites are two sites
    ("alice.github.io", "alice.github.io"),
    ("https://www.bob.blogspot.com/", "bob.blogspot.com"),
    # unknown suffixes (fixture hosts, intranets): the last two labels
    ("a.b.site.test", "site.test"),
    ("127.0.0.1", "127.0.0.1"),
])
def test_registered_domain_uses_the_bundled_suffix_list(host, domain):
    assert registered_domain(host) == domain


def test_scope_with_and_without_subdomains():
    seed = "https://www.shop.test/"
    assert in_scope("https://shop.test/a", seed)
    assert not in_scope("https://blog.shop.test/a", seed)
    assert in_scope("https://blog.shop.test/a", seed, subdomains=True)
    assert not in_scope("https://bob.github.io/", "https://alice.github.io/", subdomains=True)
    assert not in_scope("mailto:x@shop.test", seed)


def test_a_job_pattern_matches_in_linear_time():
    """"(a+)+$" against three links of 29 a's froze a worker for 47 s under
    Python's backtracking re; RE2 answers at once, the same answers."""
    evil = url_pattern("(a+)+$")
    started = time.perf_counter()
    for _ in range(3):
        assert evil.search("http://shop.test/" + "a" * 29 + "!") is None
    assert evil.search("http://shop.test/" + "a" * 10_000) is not None
    assert time.perf_counter() - started < 0.5
    assert url_pattern(r"/products/\d+").search("http://shop.test/products/12") is not None
    assert url_pattern("(?i)/BLOG/").search("http://shop.test/blog/x") is not None
