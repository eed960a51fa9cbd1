"""Contact extraction, page roles and profile merging on the six real
small-business sites (tests/realsites) and on the fixture business sites
(tests/business_fixtures), against what a careful reader wrote down for
every page (tests/realsites_expected.py, tests/business_expected.py).

Pages are extracted under a made-up ``http://<site>.test/`` origin (no
country-code TLD helps), and merged profiles also under a loopback origin,
as the business spider sees them in its own tests."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

import pytest

from scrapejet.extract.contacts import extract_contacts
from scrapejet.extract.links import extract_links
from scrapejet.extract.profile import merge_profile
from scrapejet.extract.roles import discover_role_pages, page_role
from scrapejet.items import BusinessProfileItem
from tests.business_expected import FIXTURE_EXPECTED, FIXTURES, fixture_files, url_path
from tests.realsites_expected import EXPECTED, REALSITES, site_files

SITES = {**{site: (REALSITES, entry) for site, entry in EXPECTED.items()},
         **{site: (FIXTURES, entry) for site, entry in FIXTURE_EXPECTED.items()}}
PAGES = [(site, file) for site, (folder, _) in SITES.items()
         for file in (site_files(site) if folder == REALSITES else fixture_files(site))]


LOOPBACK = "http://127.0.0.1:8123"


def origin(site: str, loopback: bool = False) -> str:
    return LOOPBACK if loopback else f"http://{site}.test"


def file_url(site: str, file: str, loopback: bool = False) -> str:
    # real sites are folders of files; fixture sites are served with
    # directory URLs (/kontakt/ for kontakt/index.html)
    folder, _ = SITES[site]
    return origin(site, loopback) + (url_path(file) if folder == FIXTURES else "/" + file)


@lru_cache(maxsize=None)
def html_of(site: str, file: str) -> bytes:
    folder, _ = SITES[site]
    return (folder / site / file).read_bytes()


@lru_cache(maxsize=None)
def contacts_of(site: str, file: str, loopback: bool = False) -> dict:
    url = file_url(site, file, loopback)
    return extract_contacts(html_of(site, file), url, role=page_role(url))


def relative(url: str) -> str:
    return url.split(".test", 1)[1] if ".test" in url else url[len(LOOPBACK) :]


def phones(contacts: dict) -> set[str]:
    return {p["e164"] for p in contacts["phones"]}


def postcodes(contacts: dict) -> set[str]:
    return {a["postal_code"] for a in contacts["addresses"] if a["postal_code"]}


def test_every_site_folder_is_covered():
    assert sorted(EXPECTED) == sorted(p.name for p in REALSITES.iterdir() if p.is_dir())
    assert sorted(FIXTURE_EXPECTED) == sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    for site, (_, entry) in SITES.items():
        files = set(site_files(site) if SITES[site][0] == REALSITES else fixture_files(site))
        assert set(entry["crawled"]) <= files, site
        assert set(entry["file_roles"]) <= files, site


@pytest.mark.parametrize("site", sorted(SITES))
def test_roles_of_files_from_their_url(site):
    _, entry = SITES[site]
    found = {file: page_role(file_url(site, file)) for file in entry["file_roles"]}
    assert found == entry["file_roles"]


@pytest.mark.parametrize("loopback", [False, True], ids=["named-host", "loopback"])
@pytest.mark.parametrize("site", sorted(SITES))
def test_role_pages_found_from_home_page_links(site, loopback):
    _, entry = SITES[site]
    home = origin(site, loopback) + "/"
    links = extract_links(html_of(site, "index.html"), home)
    found = discover_role_pages(links, home)
    assert {role: relative(urls[0]) for role, urls in found.items()} == entry["roles"]
    for role, urls in found.items():
        assert len(urls) <= 2 and len(set(urls)) == len(urls)
        if role != "home":
            assert home not in urls


@pytest.mark.parametrize(("site", "file"), PAGES, ids=[f"{s}/{f}" for s, f in PAGES])
def test_page_contacts(site, file):
    _, entry = SITES[site]
    expected = entry["pages"].get(file, entry["page_default"])
    contacts = contacts_of(site, file)
    assert {e["email"] for e in contacts["emails"]} == expected["emails"]
    assert phones(contacts) == expected["phones"]
    assert postcodes(contacts) == expected["postal_codes"]
    assert {s["url"] for s in contacts["socials"]} == expected["socials"]
    streets = entry.get("streets", {}).get(file)
    if streets is not None:
        assert {a["street"] for a in contacts["addresses"]} == streets
    json.dumps(contacts)  # the spider stores it as is


@pytest.mark.parametrize("site", sorted(SITES))
def test_decoys_are_never_extracted(site):
    folder, entry = SITES[site]
    bad = entry["must_not"]
    files = site_files(site) if folder == REALSITES else fixture_files(site)
    for file in files:
        contacts = contacts_of(site, file)
        emails = {e["email"] for e in contacts["emails"]}
        assert not emails & bad.get("emails", set()), file
        assert not phones(contacts) & bad.get("phones", set()), file
        assert not postcodes(contacts) & bad.get("postal_codes", set()), file
        localities = {a["locality"] for a in contacts["addresses"]}
        assert not localities & bad.get("localities", set()), file
        for digits in bad.get("digits", set()):
            assert not any(digits in p for p in phones(contacts)), (file, digits)
        for prefix in bad.get("socials", set()):
            assert not any(s["url"].lower().startswith(prefix.lower()) for s in contacts["socials"]), (file, prefix)


def _crawl(site: str, loopback: bool) -> list[dict]:
    """The pages a business job reaches, as the spider hands them over."""
    _, entry = SITES[site]
    pages = []
    for file in entry["crawled"]:
        url = file_url(site, file, loopback)
        role = entry["file_roles"].get(file) or page_role(url)
        pages.append({"url": url, "page_type": role, "contacts": contacts_of(site, file, loopback)})
    return pages


@pytest.mark.parametrize("loopback", [False, True], ids=["named-host", "loopback"])
@pytest.mark.parametrize("site", sorted(SITES))
def test_merged_profile(site, loopback):
    _, entry = SITES[site]
    expected = entry["profile"]
    profile = merge_profile(_crawl(site, loopback), job_id="job-1", site=f"{site}.test")

    assert set(profile) == {f.name for f in fields(BusinessProfileItem)}
    BusinessProfileItem(**profile)
    json.dumps(profile)
    assert profile["job_id"] == "job-1" and profile["site"] == f"{site}.test"
    assert profile["created_at"] > 0

    assert profile["company_name"] == expected["company_name"]
    assert expected["company_name_contains"] in profile["company_name"]
    assert {e["email"] for e in profile["emails"]} == expected["emails"]
    assert {p["e164"] for p in profile["phones"]} == expected["phones"]
    assert {p["e164"]: p["type"] for p in profile["phones"]} == expected["phone_types"]
    for e164, kinds in expected.get("phone_kinds", {}).items():
        assert set(next(p for p in profile["phones"] if p["e164"] == e164)["types"]) == kinds
    assert {a["postal_code"] for a in profile["addresses"] if a["postal_code"]} == expected["postal_codes"]
    assert {a["locality"] for a in profile["addresses"]} == expected["localities"]
    assert {a["street"] for a in profile["addresses"]} == expected["streets"]
    assert {s["url"] for s in profile["socials"]} == expected["socials"]

    logo = expected["logo"]
    if logo is None:
        assert profile["logo"] is None
    else:
        assert profile["logo"] in (logo, origin(site, loopback) + logo)
    assert profile["opening_hours"] == expected.get("opening_hours", [])
    assert profile["geo"] == expected.get("geo")
    assert profile["provenance"]["company_name"]["url"].startswith(origin(site, loopback))

    roles_crawled = {entry["file_roles"].get(f) or page_role(file_url(site, f)) for f in entry["crawled"]}
    covered = entry.get("covered_roles", {})
    assert set(profile["pages"]) == roles_crawled - {None} | set(covered)
    for role, path in covered.items():
        assert profile["pages"][role] == origin(site, loopback) + path
    for kind in ("emails", "phones", "addresses", "socials"):
        for value in profile[kind]:
            assert value["found_on"], value
            for where in value["found_on"]:
                assert where["url"].startswith(origin(site, loopback)) and "role" in where


@pytest.mark.parametrize("site", sorted(s for s in SITES if "vat_id" in SITES[s][1]["profile"]))
def test_vat_and_register_numbers(site):
    _, entry = SITES[site]
    found = [contacts_of(site, f)["company"] for f in entry["crawled"]]
    assert entry["profile"]["vat_id"] in {c["vat_id"] for c in found}
    if "registration" in entry["profile"]:
        assert entry["profile"]["registration"] in {c["registration"] for c in found}


def test_extraction_is_fast():
    """The budget is ~15 ms a page beyond parsing; measured with parsing
    included, on every page once phonenumbers is loaded."""
    extract_contacts(html_of("kristall-reinigung", "impressum.html"), "http://warm.test/")
    timings = []
    for site, file in PAGES:
        url = file_url(site, file)
        start = time.perf_counter()
        extract_contacts(html_of(site, file), url)
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.015
    assert max(timings) < 0.25


def test_expected_data_names_real_files():
    for site, entry in EXPECTED.items():
        for file in entry["crawled"]:
            assert (REALSITES / site / file).is_file()
    assert all(isinstance(p, Path) for p in (REALSITES, FIXTURES))
