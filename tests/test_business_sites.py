"""The business spider end to end on every site of tests/realsites_expected.py
(the six real small-business sites of tests/realsites and the
multilingual fixtures with decoys), each served on loopback as the root of
its own host: one queue-serving worker crawls all of them as shared jobs,
and each job's stored pages and profile are checked against what a careful
reader wrote down from the pages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.business_expected import url_path
from tests.conftest import Env, stop, wait_for
from tests.realsites_expected import EXPECTED, FIXTURE_EXPECTED

SITES = {**EXPECTED, **FIXTURE_EXPECTED}


def path_of(url: str) -> str:
    return urlsplit(url).path


@pytest.fixture(scope="module")
def crawled(redis_url, web, tmp_path_factory):
    """Every site crawled by one `scrapy crawl business` worker: site ->
    (job, stored pages, profile)."""
    env = Env(redis_url, tmp_path_factory.mktemp("business-sites") / "data", web)
    jobs = env.jobs()
    submitted = {site: jobs.submit("business", {"url": web.url(f"{site}.test")}) for site in SITES}
    worker = env.worker(spider="business")
    try:
        wait_for(lambda: all(jobs.get(job.job_id).done for job in submitted.values()), 120, 0.2,
                 what="every business job")
        storage = env.storage()
        # the profile is emitted right after the last ack; readers build it otherwise
        wait_for(lambda: all(storage.get_profile(job.job_id) for job in submitted.values()), 15, 0.2,
                 what="every profile")
        yield {
            site: (jobs.get(job.job_id), list(storage.iter_pages(job.job_id)), storage.get_profile(job.job_id),
                   storage.list_failures(job.job_id),
                   {path_of(p["url"]): p["rank"] for p in storage.list_page_contacts(job.job_id)})
            for site, job in submitted.items()
        }
    finally:
        stop(worker, 30)


@pytest.mark.parametrize("site", sorted(SITES))
def test_role_pages_are_found_and_typed(crawled, site):
    expected = SITES[site]
    job, pages, profile, failures, ranks = crawled[site]
    assert job.status == "completed", (job.status, job.error)
    by_path = {path_of(p["url"]): p["page_type"] for p in pages}
    for role, path in expected["roles"].items():
        assert by_path.get(path) == role, (role, path, by_path)
        assert path_of(profile["pages"][role]) == path
        # ranked by discovery (the home page 0, its links 100 + their rank in
        # the role...; 99, 199... would be the rank of a request that lost its
        # meta on the way through the queue), not by arrival: the profile
        # names the same page every time
        assert ranks[path] == 0 if role == "home" else ranks[path] % 100 < 99, (role, path, ranks)
    # every page a reader reaches from the home page's links was fetched
    # (at the URL the site links it by: /contact-us serves contact-us.html)
    fetched = {path.removesuffix(".html") for path in by_path}
    assert {url_path(f).removesuffix(".html") for f in expected["crawled"]} <= fetched, by_path
    # nothing real failed: a guessed path that 404s is not a failure
    assert [f for f in failures if f["outcome"] == "failed" and not f["reason"].startswith("HTTP 404")] == []
    assert len(pages) <= 25


@pytest.mark.parametrize("site", sorted(SITES))
def test_profile_is_what_a_reader_finds(crawled, site):
    want = SITES[site]["profile"]
    _, _, profile, _, _ = crawled[site]
    assert {e["email"] for e in profile["emails"]} == want["emails"]
    assert {p["e164"] for p in profile["phones"]} == want["phones"]
    assert {a["postal_code"] for a in profile["addresses"] if a.get("postal_code")} == want["postal_codes"]
    assert {s["url"] for s in profile["socials"]} == want["socials"]
    assert want["company_name_contains"].lower() in (profile["company_name"] or "").lower()
    # every value says where it was found
    for value in profile["emails"] + profile["phones"] + profile["addresses"] + profile["socials"]:
        assert value["found_on"] and all(f["url"].startswith("http://") and f["role"] for f in value["found_on"])


@pytest.mark.parametrize("site", sorted(SITES))
def test_decoys_stay_out(crawled, site):
    must_not = SITES[site].get("must_not") or {}
    _, _, profile, _, _ = crawled[site]
    assert not ({e["email"] for e in profile["emails"]} & set(must_not.get("emails") or ()))
    assert not ({p["e164"] for p in profile["phones"]} & set(must_not.get("phones") or ()))
    assert not ({s["url"] for s in profile["socials"]} & set(must_not.get("socials") or ()))
    for digits in must_not.get("digits") or ():
        assert not any(digits in p["e164"] for p in profile["phones"]), digits
