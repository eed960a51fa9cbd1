"""The business spider as users run it: `scrapy crawl business`, `scrapejet
business`, a queue-serving worker for jobs submitted elsewhere, and the HTTP
API, on sites served on loopback (discovery fixtures written here and the
real small-business sites of tests/realsites)."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlsplit

import pytest

from scrapejet.api import create_app
from tests.conftest import wait_for


def path_of(url: str) -> str:
    return urlsplit(url).path


def crawl_business(env, tmp_path, url: str, *args: str, name: str = "profile.jsonl"):
    out = tmp_path / name
    proc = env.scrapy("crawl", "business", "-a", f"url={url}", *args, "-O", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [json.loads(line) for line in out.read_text().splitlines()], proc


def test_discovery_by_links_sitemap_and_guessed_paths(env, web, tmp_path):
    (profile,), _ = crawl_business(env, tmp_path, web.url("hidden-legal.test"))
    job_id = profile["job_id"]
    pages = {path_of(p["url"]): p["page_type"] for p in env.storage().iter_pages(job_id)}
    assert pages == {
        "/": "home",
        "/ueber-uns": "about",      # link text "Über uns"
        "/kontakt/": "contact",     # trailing slash, no .html
        "/datenschutz": "privacy",  # only in the sitemap named by robots.txt
        "/impressum": "legal",      # linked nowhere: the German guess for a legal notice
    }
    # a long link text is a blog post, not a nav label; a sitemap entry
    # without a role is not fetched
    assert web.hits("hidden-legal.test", "/blog/warum-sauerteig") == 0
    assert web.hits("hidden-legal.test", "/rezepte/roggenbrot") == 0
    # guesses that 404 are not pages and not failures
    assert env.storage().list_failures(job_id) == []
    job = env.jobs().get(job_id)
    assert job.status == "completed" and job.counters["crawled"] == 5 and job.counters["failed"] == 0
    # the profile: from the pages, with where each value was found
    assert profile["site"] == "hidden-legal.test"
    assert profile["pages"]["legal"].endswith("/impressum") and profile["pages"]["contact"].endswith("/kontakt/")
    assert [e["email"] for e in profile["emails"]] == ["hallo@sonnenkorn-baeckerei.de"]
    (phone,) = profile["phones"]
    assert phone["e164"] == "+497614839217"
    assert {path_of(f["url"]) for f in phone["found_on"]} == {"/kontakt/", "/impressum"}
    assert {a["postal_code"] for a in profile["addresses"]} == {"79098"}
    assert "Sonnenkorn" in profile["company_name"]
    # the register and VAT numbers of the legal notice, with the page they were read on
    assert (profile["registration"], profile["vat_id"]) == ("HRB 701234", "DE123456789")
    assert path_of(profile["provenance"]["registration"]["url"]) == "/impressum"
    # the feed held the profile only; the stored one is the same
    assert env.storage().get_profile(job_id)["emails"] == profile["emails"]


def test_pages_to_scrape_replaces_discovery(env, web, tmp_path):
    (profile,), _ = crawl_business(env, tmp_path, web.url("hidden-legal.test"),
                                   "-a", "pages_to_scrape=/,/impressum")
    pages = {path_of(p["url"]): p["page_type"] for p in env.storage().iter_pages(profile["job_id"])}
    assert pages == {"/": "home", "/impressum": "legal"}
    assert profile["pages"] == {"home": web.url("hidden-legal.test"), "legal": web.url("hidden-legal.test", "/impressum")}


def test_pages_feed_on_request(env, web, tmp_path):
    items, _ = crawl_business(env, tmp_path, web.url("hidden-legal.test"), "-a", "pages_to_scrape=/kontakt/",
                              "-s", "SCRAPEJET_BUSINESS_FEED=pages", name="pages.jsonl")
    (page,) = items
    assert page["page_type"] == "contact" and page["contacts"]["emails"][0]["email"] == "hallo@sonnenkorn-baeckerei.de"


@pytest.mark.parametrize("target, reason", [
    (("traps.test", "/error"), "HTTP 500"),
    (("traps.test", "/doc.pdf"), "not an HTML page (application/pdf)"),
    (("nowhere.invalid", "/"), "DNS lookup failed"),
])
def test_a_home_page_that_fails_ends_the_job_with_its_reason(env, web, tmp_path, target, reason):
    host, path = target
    url = web.url(host, path) if host != "nowhere.invalid" else "http://nowhere.invalid/"
    items, _ = crawl_business(env, tmp_path, url)
    assert items == []  # no profile of a company we could not read
    (job,) = env.jobs().list(kind="business")
    assert job.status == "failed" and reason in job.error
    failures = env.storage().list_failures(job.job_id)
    assert any(f["reason"] == reason and path_of(f["url"]) == path for f in failures), failures


def test_bad_arguments_are_refused_before_anything_starts(env):
    proc = env.scrapy("crawl", "business", "-a", "url=ftp://company.test/")
    assert proc.returncode != 0 and "http:// or https://" in proc.stderr
    proc = env.scrapy("crawl", "business", "-a", "url=http://company.test/", "-a", "pages_to_scrape=/,https://other.test/x")
    assert proc.returncode != 0 and "is not on company.test" in proc.stderr
    proc = env.scrapejet("business", "http://company.test/", "--max-pages", "0")
    assert proc.returncode == 2 and "max_pages" in proc.stdout


def test_scrapejet_business_cli_and_export(env, web, tmp_path):
    out = tmp_path / "p.csv"
    proc = env.scrapejet("business", web.url("hidden-legal.test"), "--format", "csv", "-o", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "hallo@sonnenkorn-baeckerei.de" in proc.stdout and "+497614839217" in proc.stdout
    assert "registration : HRB 701234" in proc.stdout and "VAT ID       : DE123456789" in proc.stdout
    assert "hint" not in proc.stdout
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert {"field": "email", "value": "hallo@sonnenkorn-baeckerei.de"}.items() <= rows[
        [r["field"] for r in rows].index("email")].items()
    assert {r["detail"] for r in rows if r["field"] == "page"} == {"home", "about", "contact", "privacy", "legal"}
    assert {(r["field"], r["value"]) for r in rows} >= {("registration", "HRB 701234"), ("vat_id", "DE123456789")}
    (job,) = env.jobs().list(kind="business")
    # export: the profile by default (markdown here), the pages with --pages
    proc = env.scrapejet("export", job.job_id, "--format", "markdown", "-o", "-")
    assert proc.returncode == 0 and proc.stdout.startswith("# ") and "## Emails" in proc.stdout
    assert "Registration: HRB 701234" in proc.stdout and "VAT ID: DE123456789" in proc.stdout
    proc = env.scrapejet("export", job.job_id, "--pages", "-o", "-")
    assert len(proc.stdout.splitlines()) == 5


def test_an_app_shell_is_rendered_without_asking_and_says_so(env, web):
    """A home page whose links are drawn by a script: by default
    (render_js=auto) it is seen to be an app shell, fetched again in Chromium,
    and its contact page found; the profile says which page was rendered and
    why. With rendering off it is a page alone, and the summary says why that
    may be."""
    auto = env.scrapejet("business", web.url("app-shell.test"), timeout=180)
    assert auto.returncode == 0, auto.stdout + auto.stderr
    assert "studio@pixel-forge.test" in auto.stdout and "+441614960777" in auto.stdout
    assert f"rendered     : {web.url('app-shell.test')} (an empty app root (#app))" in auto.stdout
    assert "hint" not in auto.stdout
    job = env.jobs().list()[0]
    profile = env.storage().get_profile(job.job_id)
    assert list(profile["provenance"]["rendered"]) == [web.url("app-shell.test")]
    plain = env.scrapejet("business", web.url("app-shell.test"), "--no-render-js", timeout=180)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "pages stored : 1" in plain.stdout and "email" not in plain.stdout and "rendered     :" not in plain.stdout
    assert "run again with --render-js" in plain.stdout
    assert "WARNING" not in plain.stderr  # nothing is wrong: embeddings are off on purpose here


def test_a_header_and_footer_mounted_after_load_are_waited_for(env, web):
    """A page whose header and footer a script mounts from partial files
    after the load event (empty ``#siteHeaderMount``, ``#siteFooterMount``):
    it is rendered, and read once its network has gone quiet, so the
    footer's e-mail and phone and the header's contact page are found. Read
    at its load event (SCRAPEJET_RENDER_SETTLE_MS=0) they are not there yet."""
    url = web.url("mounted-partials.test")
    settled = env.scrapejet("business", url, timeout=180)
    assert settled.returncode == 0, settled.stdout + settled.stderr
    assert f"rendered     : {url} (an empty header a script fills)" in settled.stdout
    assert "welkom@stillenacht-bnb.test" in settled.stdout and "+31648217395" in settled.stdout
    job = env.jobs().list()[0]
    profile = env.storage().get_profile(job.job_id)
    assert profile["pages"]["contact"] == web.url("mounted-partials.test", "/kontakt/")
    at_load = env.scrapejet("business", url, timeout=180, env={"SCRAPEJET_RENDER_SETTLE_MS": "0"})
    assert at_load.returncode == 0, at_load.stdout + at_load.stderr
    assert "welkom@stillenacht-bnb.test" not in at_load.stdout


def test_render_js_auto_leaves_plain_pages_plain(env, web):
    """A site whose pages carry their links and text is never rendered."""
    result = env.scrapejet("business", web.url("hidden-legal.test"), timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rendered     :" not in result.stdout and "pages stored : 5" in result.stdout


def test_shared_jobs_served_by_a_worker_and_read_over_http(env, web, workers):
    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(SCRAPEJET_ALLOW_PRIVATE="1")})
    client = app.test_client()
    bad = client.post("/scrape/business", json={"url": web.url("hidden-legal.test"), "pages_to_scrape": ["https://x.test/"]})
    assert bad.status_code == 422 and "pages_to_scrape" in bad.get_json()["detail"]
    response = client.post("/scrape/business", json={"url": web.url("hidden-legal.test"), "priority": 8})
    assert response.status_code == 202, response.get_json()
    job_id = response.get_json()["job_id"]
    assert response.get_json()["kind"] == "business"
    assert client.get(f"/scrape/{job_id}/result").status_code == 409
    workers.append(env.worker(spider="business"))
    wait_for(lambda: client.get(f"/scrape/{job_id}/progress").get_json()["status"] == "completed", 60, 0.2,
             what="the business job")
    result = client.get(f"/scrape/{job_id}/result").get_json()
    assert result["total"] == 5 and {i["page_type"] for i in result["items"]} >= {"home", "legal", "contact"}
    assert result["profile"]["emails"][0]["email"] == "hallo@sonnenkorn-baeckerei.de"
    download = client.get(f"/scrape/{job_id}/result?format=json")
    assert download.status_code == 200 and json.loads(download.data)["job_id"] == job_id
    app.extensions["scrapejet"].close()


def test_a_language_chooser_at_the_root_leads_to_the_pages_of_each_language(env, web, tmp_path):
    # the root only asks "Português / English": the contact and about pages
    # are linked from the home page of each language
    (profile,), _ = crawl_business(env, tmp_path, web.url("language-chooser.test"))
    pages = {path_of(p["url"]): p["page_type"] for p in env.storage().iter_pages(profile["job_id"])}
    assert pages["/pt/contactos.html"] == "contact" and pages["/pt/sobre-nos.html"] == "about", pages
    assert pages["/en/contact.html"] == "contact", pages
    assert path_of(profile["pages"]["about"]) == "/pt/sobre-nos.html"
    assert [e["email"] for e in profile["emails"]] == ["geral@algarveformacao.pt"]
    assert {p["e164"] for p in profile["phones"]} == {"+351289822096", "+351917824683"}
    assert {(a["street"], a["postal_code"]) for a in profile["addresses"]} >= {("Rua do Bocage, n.º 124", "8000-233")}


def test_a_business_that_moved_is_read_on_its_new_site(env, web, tmp_path):
    # every path of moved-away.test is a 301 to www.moved-here.test
    (profile,), _ = crawl_business(env, tmp_path, web.url("moved-away.test"))
    job_id = profile["job_id"]
    pages = {p["final_url"]: p["page_type"] for p in env.storage().iter_pages(job_id)}
    new = web.url("www.moved-here.test")
    assert pages == {
        new: "home",
        new + "about.html": "about",
        new + "contact.html": "contact",
        new + "privacy.html": "privacy",  # linked from the about page
        new + "framing.html": "other",  # the menu's other page, read for contact data too
    }
    assert profile["site"] == "moved-away.test"
    assert [e["email"] for e in profile["emails"]] == ["hello@harbourframes.co.uk"]
    assert [p["e164"] for p in profile["phones"]] == ["+441947602318"]
    assert {a["postal_code"] for a in profile["addresses"]} == {"YO22 4DE"}
    # the menu's "Shop" answers 301 to another business's site: not followed, and said why
    (skipped,) = env.storage().list_failures(job_id)
    assert path_of(skipped["url"]) == "/shop" and skipped["outcome"] == "skipped"
    assert skipped["reason"] == "redirects off the site (to elsewhere.test)"


def test_the_menu_s_other_pages_are_read_and_their_lists_of_others_left_out(env, web, tmp_path):
    (profile,), _ = crawl_business(env, tmp_path, web.url("menu-pages.test"))
    pages = {path_of(p["url"]): p["page_type"] for p in env.storage().iter_pages(profile["job_id"])}
    assert pages == {"/": "home", "/kontakt.html": "contact", "/impressum.html": "legal",
                     "/zimmer.html": "other", "/partner.html": "other"}
    # not a file, not a post whose title is a sentence
    assert web.hits("menu-pages.test", "/speisekarte.pdf") == 0
    assert web.hits("menu-pages.test", "/blog/knoedel.html") == 0
    # the rooms page's group bookings line is the business's too
    emails = {e["email"]: e for e in profile["emails"]}
    assert list(emails) == ["info@lindenwirt-salzburg.at", "gruppen@lindenwirt-salzburg.at"]
    assert emails["gruppen@lindenwirt-salzburg.at"]["found_on"] == [
        {"url": web.url("menu-pages.test", "/zimmer.html"), "role": "other"}]
    assert [p["e164"] for p in profile["phones"]] == ["+43662874219", "+43662874220"]
    # the partners page lists three other firms: their numbers and addresses are not the Gasthof's
    assert [a["street"] for a in profile["addresses"]] == ["Linzer Bundesstraße 12"]

    # role pages only, as before, when the setting says so
    (profile,), _ = crawl_business(env, tmp_path, web.url("menu-pages.test"), "-s", "SCRAPEJET_BUSINESS_MENU_PAGES=0",
                                   name="roles-only.jsonl")
    pages = {path_of(p["url"]) for p in env.storage().iter_pages(profile["job_id"])}
    assert pages == {"/", "/kontakt.html", "/impressum.html"}
    assert [e["email"] for e in profile["emails"]] == ["info@lindenwirt-salzburg.at"]


def test_a_contact_page_linked_only_deeper_wins_over_the_directions_page(env, web, tmp_path):
    # the home page links "Anfahrt" (directions) but no "Kontakt": the
    # guessed /kontakt.html is fetched too, and is the contact page
    (profile,), _ = crawl_business(env, tmp_path, web.url("directions-only.test"))
    assert path_of(profile["pages"]["contact"]) == "/kontakt.html"
    assert [e["email"] for e in profile["emails"]] == ["info@eichenhof-uffenheim.de"]
    assert [p["e164"] for p in profile["phones"]] == ["+49984295120"]


def test_the_home_page_links_name_a_page_even_when_the_sitemap_is_read_first(env, web, tmp_path):
    # The home page answers 2 s late, so /sitemap.xml is read first; its
    # entry /service.html says "services" by its slug, the home page's link
    # to it says "Kontakt". The page is the contact page, as when the home
    # page comes first: a role must not depend on which answer came first.
    (profile,), _ = crawl_business(env, tmp_path, web.url("sitemap-first.test"))
    pages = {path_of(p["url"]): p["page_type"] for p in env.storage().iter_pages(profile["job_id"])}
    assert pages["/service.html"] == "contact" and pages["/anfahrt.html"] == "contact"
    assert path_of(profile["pages"]["contact"]) == "/service.html"
    assert path_of(profile["pages"]["legal"]) == "/impressum.html"
    assert [e["email"] for e in profile["emails"]] == ["miete@rentakran.at"]
    assert [p["e164"] for p in profile["phones"]] == ["+436644812593"]
    # the sitemap was read before the home page's links were known
    assert web.hits("sitemap-first.test", "/sitemap.xml") == 1


def test_a_contact_page_the_home_page_does_not_link_wins_over_the_booking_page(env, web, tmp_path):
    # the menu's only way to reach the B&B is "Prenota ora" (info-e-prezzi.html):
    # the guessed /contatti.html exists and is the contact page
    (profile,), _ = crawl_business(env, tmp_path, web.url("booking-only.test"))
    assert path_of(profile["pages"]["contact"]) == "/contatti.html"
    assert [e["email"] for e in profile["emails"]] == ["info@casagabbiano.it"]
    assert [s["url"] for s in profile["socials"]] == ["https://www.facebook.com/casagabbianoponza"]
    assert [(a["postal_code"], a["locality"], a["country"]) for a in profile["addresses"]] == [("04027", "Ponza", "IT")]


def test_a_start_that_sends_on_to_a_section_still_reads_the_home_page(env, web, tmp_path):
    # "/" is a meta refresh to /reparaties.html; the menu's "Home" is /home.html
    (profile,), _ = crawl_business(env, tmp_path, web.url("section-start.test"))
    assert [s["url"] for s in profile["socials"]] == ["https://www.facebook.com/telefoonhuishoogeveen"]
    assert [p["e164"] for p in profile["phones"]] == ["+31528235734"]
