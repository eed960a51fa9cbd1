"""Page extraction on real small-business sites (tests/realsites) plus
the edge cases a crawler meets: <base href>, rel=nofollow, broken JSON-LD,
empty and binary bodies."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from scrapejet.extract.links import Link, extract_links
from scrapejet.extract.page import extract_page
from scrapejet.extract.page import LANGID_FLAG
from tests.realsites_expected import REALSITES

REPO = Path(__file__).resolve().parents[1]

PAGE_KEYS = {
    "title",
    "description",
    "language",
    "text",
    "markdown",
    "outside_text",
    "headings",
    "meta",
    "links",
    "word_count",
    "content_hash",
}
EMPTY_HASH = hashlib.sha256(b"").hexdigest()


def html_of(relative_path: str) -> bytes:
    return (REALSITES / relative_path).read_bytes()


@lru_cache(maxsize=None)
def page(relative_path: str, url: str) -> dict[str, Any]:
    # Cached: several tests read the same page; none of them mutates it.
    return extract_page(html_of(relative_path), url)


def ltb_index() -> dict[str, Any]:
    return page("ltb-avocat/index.html", "https://www.ltb-avocat.fr/")


def kristall_index() -> dict[str, Any]:
    return page("kristall-reinigung/index.html", "https://www.kristall-reinigung.de/")


def mahesh_audit() -> dict[str, Any]:
    return page("mahesh-bandi-ca/services/audit.html", "https://www.maheshbandi.com/services/audit.html")


def tenf_index() -> dict[str, Any]:
    return page("10f-design/index.html", "https://10fdesign.io/")


def twenty_squares_index() -> dict[str, Any]:
    return page("20squares/index.html", "https://20squares.xyz/")


def test_corpus_is_present() -> None:
    assert len(list(REALSITES.rglob("*.html"))) == 47


@pytest.mark.parametrize("path", sorted(p.relative_to(REALSITES).as_posix() for p in REALSITES.rglob("*.html")))
def test_every_real_page_extracts_with_the_documented_shape(path: str) -> None:
    result = extract_page(html_of(path), f"https://example.com/{path}")
    assert set(result) == PAGE_KEYS
    assert set(result["meta"]) == {"opengraph", "twitter", "json_ld", "canonical", "robots"}
    assert set(result["links"]) == {"internal", "external"}
    assert result["title"]
    assert result["language"] in {"en", "de", "fr"}
    assert result["text"] and result["markdown"]
    assert result["word_count"] == len(result["text"].split())
    assert len(result["content_hash"]) == 64


# --- title, description, language ------------------------------------------


def test_title_description_and_language_of_a_french_page() -> None:
    result = ltb_index()
    assert result["title"] == "LTB Avocat – TVA & Fiscalité internationale"
    assert result["description"] == (
        "Avocat fiscaliste – TVA & fiscalité internationale. Immatriculations, conformité, "
        "remboursements 8e/13e directives et assistance contrôle."
    )
    assert result["language"] == "fr"


def test_german_page_language_and_title() -> None:
    result = page("kristall-reinigung/about.html", "https://www.kristall-reinigung.de/about.html")
    assert result["title"] == "Über uns | Kristall Reinigung Wesel"
    assert result["language"] == "de"


def test_empty_first_title_tag_is_skipped_for_the_next_one() -> None:
    # This Jekyll page has an empty <title></title> from the theme, then the
    # SEO plugin's real one.
    result = page("10f-design/404.html", "https://10fdesign.io/404.html")
    assert result["title"].startswith("10F Design | Here at 10F Design, whether you’re looking to expand")


def test_title_entities_and_nbsp_are_whitespace_normalised() -> None:
    assert twenty_squares_index()["title"] == "20[ ]"


def test_description_falls_back_to_og_description() -> None:
    html = """<html><head><title>T</title>
    <meta property="og:description" content="  Fixed fares to   Gatwick. "></head><body><p>x</p></body></html>"""
    assert extract_page(html, "https://a.example/")["description"] == "Fixed fares to Gatwick."


def test_title_falls_back_to_og_title_then_first_h1() -> None:
    with_og = '<html><head><meta property="og:title" content="OG Title"></head><body><h1>Heading</h1></body></html>'
    assert extract_page(with_og, "https://a.example/")["title"] == "OG Title"
    only_h1 = "<html><body><h2>Sub</h2><h1>  Main\n heading </h1></body></html>"
    assert extract_page(only_h1, "https://a.example/")["title"] == "Main heading"


def test_title_inside_svg_is_not_the_page_title() -> None:
    html = "<html><body><svg><title>Phone icon</title></svg><h1>Real</h1></body></html>"
    assert extract_page(html, "https://a.example/")["title"] == "Real"


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<html lang="en-GB"><body><p>x</p></body></html>', "en-gb"),
        ('<html lang=" en_US "><body><p>x</p></body></html>', "en-us"),
        ('<html><head><meta http-equiv="Content-Language" content="de-AT, en"></head><body><p>x</p></body></html>', "de-at"),
        ('<html lang="en"><head><meta http-equiv="content-language" content="fr"></head><body></body></html>', "en"),
    ],
)
def test_language_is_normalised(html: str, expected: str) -> None:
    assert extract_page(html, "https://a.example/")["language"] == expected


def test_language_without_any_hint() -> None:
    result = extract_page("<html><body><p>Hello there, how are you today?</p></body></html>", "https://a.example/")
    # Only a language detector (py3langid, optional for trafilatura) could say.
    if LANGID_FLAG:
        assert isinstance(result["language"], str)
    else:
        assert result["language"] is None


# --- headings -----------------------------------------------------------------


def test_headings_in_document_order() -> None:
    assert ltb_index()["headings"] == [
        {"level": 1, "text": "Rendez la TVA simple, sécurisée et créatrice de valeur."},
        {"level": 2, "text": "Expertises"},
        {"level": 3, "text": "TVA internationale & fiscalité indirecte"},
        {"level": 3, "text": "Fiscalité d’entreprise"},
        {"level": 3, "text": "Audit & conseil fiscal"},
        {"level": 2, "text": "À propos"},
    ]


def test_known_heading_of_a_service_page() -> None:
    headings = mahesh_audit()["headings"]
    assert {"level": 1, "text": "AUDIT SERVICES"} in headings
    assert {"level": 4, "text": "TYPES OF AUDITS CONDUCTED:"} in headings


def test_headings_are_whitespace_normalised_and_empty_ones_dropped() -> None:
    html = "<html><body><h2>  Our\n   <em>services</em> </h2><h3> </h3><h4><img alt=''></h4><h6>Last</h6></body></html>"
    assert extract_page(html, "https://a.example/")["headings"] == [
        {"level": 2, "text": "Our services"},
        {"level": 6, "text": "Last"},
    ]


# --- main text and markdown ------------------------------------------------------


def test_main_text_has_body_copy_but_no_navigation_footer_or_popup() -> None:
    text = kristall_index()["text"]
    assert "Kristall Reinigung ist ein Familienunternehmen aus Wesel." in text
    assert "Unsere Fensterreinigung bringt Licht und Klarheit in jedes Zuhause." in text
    for boilerplate in (
        "Startseite",  # header navigation
        "Datenschutz",  # footer navigation
        "kristall.reinigung.de@gmail.com",  # footer contact block
        "46485 Wesel",  # footer address
        "Glückwunsch!",  # hidden discount-game popup
    ):
        assert boilerplate not in text


def test_outside_text_keeps_the_footers_contact_block_without_menus_or_main_text() -> None:
    page = kristall_index()
    outside = page["outside_text"]
    for fact in ("46485 Wesel", "+49 176 471 560 17", "kristall.reinigung.de@gmail.com", "Seit 2021 Erfahrung"):
        assert fact in outside
    assert "Startseite" not in outside and "Datenschutz" not in outside  # menus
    assert "Kristall Reinigung ist ein Familienunternehmen aus Wesel." not in outside  # said in the main text
    assert "Glückwunsch!" not in outside  # hidden


def test_outside_text_keeps_a_team_card_trafilatura_drops() -> None:
    # a team section as a one-page site's template writes it: trafilatura keeps the text around it
    cards = "".join(
        f'<li><div class="doctor-card"><h3><a href="#" class="card-title">{name}</a></h3><p>{role}</p>'
        f'<ul><li><a href="https://www.facebook.com/t{i}">f</a></li><li><a href="https://instagram.com/t{i}">i</a>'
        "</li></ul></div></li>"
        for i, (name, role) in enumerate([("Milton S. Uehara", "CEO"), ("Aline Scherer", "Technical Manager")]))
    team = f"""<html><body><nav><a href="/">Início</a> <a href="/sobre">Sobre</a></nav><main>
<section><h2>Laboratório</h2><p>Somos um laboratório de próteses dentárias com vinte anos de experiência
em coroas, pontes e próteses totais para clínicas de toda a região.</p><p>Trabalhamos com materiais
certificados e prazos curtos, e cada peça passa por controle de qualidade antes da entrega.</p></section>
<section><h2>Nossa Equipe</h2><ul class="has-scrollbar">{cards}</ul></section></main>
<footer><ul><li><a href="/sobre">Sobre</a></li></ul><p><a href="/">Início</a> · <a href="/sobre">Sobre nós</a></p>
<address>Rua Sete de Agosto 51A, Passo Fundo</address></footer>
</body></html>"""
    page = extract_page(team, "https://lab.test/")
    assert "Milton S. Uehara" not in page["text"]
    assert page["outside_text"] == ("Nossa Equipe\nMilton S. Uehara\nCEO\nAline Scherer\nTechnical Manager\n"
                                    "Rua Sete de Agosto 51A, Passo Fundo")


def test_outside_text_keeps_a_restaurant_s_menu_but_not_the_site_s() -> None:
    """A block named "menu" that prices what it lists is the restaurant's
    menu (its dishes are what customers ask about), not the site's."""
    import lxml.html

    from scrapejet.extract.outside import outside_text

    html = """<html><body><nav class="menu"><a href="/">Home</a> <a href="/menu.html">Menu</a></nav>
<div class="mobile-menu"><span>Menu</span><a href="/catering.html">Catering</a></div>
<section><div class="menu-cat"><div class="ct"><span>Tacos</span></div>
<div class="mi"><span class="nm">Asada Taco</span> <span class="pr">$3.75</span>
<span class="ds">Mesquite skirt steak, onion, cilantro, salsa roja, lime.</span></div>
<div class="mi"><span class="nm">Quesotaco</span> <span class="pr">$4.50</span></div></div></section>
</body></html>"""
    text = outside_text(lxml.html.fromstring(html), "", "https://tacos.test/menu.html")
    assert "Asada Taco $3.75 Mesquite skirt steak, onion, cilantro, salsa roja, lime." in text
    assert "Quesotaco $4.50" in text
    assert "Home" not in text and "Catering" not in text
    # each dish's name and description in blocks of their own above its price; two dishes of one price
    html = """<html><body><section class="menu-section"><div class="cat-label">Från havet</div>
<div class="menu-item"><div><div class="mi-name">Östron</div><div class="mi-desc">Citron och mignonette</div></div>
<div class="mi-price">245 kr</div></div>
<div class="menu-item"><div><div class="mi-name">Kammussla</div><div class="mi-desc">Jalapeño och örtolja</div></div>
<div class="mi-price">245 kr</div></div></section></body></html>"""
    text = outside_text(lxml.html.fromstring(html), "", "https://krog.test/meny.html")
    assert text == "Från havet\nÖstron\nCitron och mignonette\n245 kr\nKammussla\nJalapeño och örtolja\n245 kr", text


def test_outside_text_keeps_a_copyright_line_that_states_a_register_number() -> None:
    import lxml.html

    from scrapejet.extract.outside import outside_text

    html = """<html><body><main><p>Blocked drains cleared the same day.</p></main><footer>
<p>© 2026 Deep Creek Plumbing. ABN 63 578 045 899. All rights reserved.</p>
<p>© 2019–2026 Deep Creek Plumbing Pty Ltd</p></footer></body></html>"""
    text = outside_text(lxml.html.fromstring(html), "Blocked drains cleared the same day.", "https://dcp.test/")
    # the register's number is what a question asks; a bare copyright matches every question
    assert text == "© 2026 Deep Creek Plumbing. ABN 63 578 045 899. All rights reserved."


def test_cookie_banner_is_not_main_text() -> None:
    banner = (
        '<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. '
        "By continuing to browse you accept our use of cookies.</p><button>Accept all cookies</button></div>"
    )
    html = html_of("ltb-avocat/index.html").decode("utf-8").replace("<body>", "<body>" + banner)
    page = extract_page(html, "https://www.ltb-avocat.fr/")
    text = page["text"]
    assert "Je suis Léo Turpin Bonnet, avocat fiscaliste" in text
    # nor is it text around the main content, where the footer's address is
    assert "6 avenue d’Alsace, 92400 Courbevoie" in page["outside_text"]
    assert "cookies" not in page["outside_text"].lower()
    assert "cookies" not in text.lower()


def test_text_is_plain_and_markdown_is_structured() -> None:
    result = mahesh_audit()
    assert "Ensuring compliance with policies, procedures and statutes." in result["text"]
    assert "#" not in result["text"]
    markdown_lines = result["markdown"].splitlines()
    assert "# AUDIT SERVICES" in markdown_lines
    assert "#### TYPES OF AUDITS CONDUCTED:" in markdown_lines
    assert "- Ensuring compliance with policies, procedures and statutes." in markdown_lines


def test_headings_survive_on_a_page_without_main_or_article() -> None:
    # trafilatura alone drops every heading of this layout (loose <section>s).
    markdown_lines = ltb_index()["markdown"].splitlines()
    assert markdown_lines[0] == "# Rendez la TVA simple, sécurisée et créatrice de valeur."
    assert "## Expertises" in markdown_lines
    assert "### Audit & conseil fiscal" in markdown_lines
    assert "Analyse des flux transfrontaliers" in ltb_index()["text"]


def test_every_service_card_is_extracted_not_just_the_first_article() -> None:
    # The services page renders each service as its own <article>.
    result = page("kristall-reinigung/services.html", "https://www.kristall-reinigung.de/services.html")
    assert "Für klare Sicht, saubere Rahmen und einen gepflegten Eindruck." in result["text"]
    assert "Saubere und ordentlich gebügelte Wäsche spart Zeit" in result["text"]
    assert "## Hausflurreinigung" in result["markdown"].splitlines()


def test_markdown_keeps_links_as_absolute_urls() -> None:
    markdown = twenty_squares_index()["markdown"]
    assert "For our institutional consulting services, [see here](https://20squares.org)." in markdown
    assert "[Impressum (in German)](https://20squares.xyz/impressum.html)" in markdown


def test_markdown_links_resolve_against_the_page_and_base_href() -> None:
    body = (
        "<main><h1>Fees</h1><p>Read our <a href='./audit.html'>audit page</a> or "
        "<a href='../contact-us.html'>contact us</a> before booking an appointment with the firm.</p></main>"
    )
    plain = extract_page(f"<html><body>{body}</body></html>", "https://ca.example/services/tds.html")
    assert "[audit page](https://ca.example/services/audit.html)" in plain["markdown"]
    assert "[contact us](https://ca.example/contact-us.html)" in plain["markdown"]
    based = extract_page(
        f"<html><head><base href='https://cdn.example/v2/'></head><body>{body}</body></html>",
        "https://ca.example/services/tds.html",
    )
    assert "[audit page](https://cdn.example/v2/audit.html)" in based["markdown"]


def test_indented_heading_does_not_become_a_code_block() -> None:
    result = page("westmere-private-hire/westmere-about.html", "https://westmereprivatehire.co.uk/westmere-about.html")
    assert "## Private hire, *the way it should be.*" in result["markdown"].splitlines()
    assert not any(line.startswith("    #") for line in result["markdown"].splitlines())


def test_small_page_falls_back_to_visible_text() -> None:
    # trafilatura discards forms entirely and returns nothing for this page.
    html = "<html><body><form><label>Your name</label><button>Send enquiry</button></form><script>track()</script></body></html>"
    result = extract_page(html, "https://a.example/")
    assert result["text"] == "Your name\nSend enquiry"
    assert result["markdown"] == result["text"]
    assert result["word_count"] == 4


def test_word_count_and_content_hash() -> None:
    result = ltb_index()
    assert result["word_count"] == len(result["text"].split()) > 80
    normalised = " ".join(result["text"].split())
    assert result["content_hash"] == hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def test_content_hash_ignores_cosmetic_whitespace_but_not_words() -> None:
    original = html_of("ltb-avocat/index.html").decode("utf-8")
    reindented = original.replace("\n", "\n\t\t  \n").replace("  ", "    ")
    changed = original.replace("Audits de conformité", "Audits annuels de conformité")
    url = "https://www.ltb-avocat.fr/"
    baseline = extract_page(original, url)["content_hash"]
    assert extract_page(reindented, url)["content_hash"] == baseline
    assert extract_page(changed, url)["content_hash"] != baseline


# --- meta ---------------------------------------------------------------------


def test_json_ld_opengraph_twitter_and_canonical() -> None:
    meta = tenf_index()["meta"]
    assert meta["json_ld"] == [
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "description": (
                "Whether you’re looking to expand your ecommerce, streamline your website content, "
                "or update your image, our developers and designers will make your vision real."
            ),
            "headline": "10F Design — Vermont Web Design Agency",
            "name": "10F Design",
            "url": "http://localhost:4000/",
        }
    ]
    assert meta["opengraph"]["og:site_name"] == "10F Design"
    assert meta["opengraph"]["og:title"] == "10F Design — Vermont Web Design Agency"
    # name="twitter:card" per spec, property="twitter:title" as Jekyll SEO writes it.
    assert meta["twitter"] == {"twitter:card": "summary", "twitter:title": "10F Design — Vermont Web Design Agency"}
    assert meta["canonical"] == "http://localhost:4000/"
    assert meta["robots"] is None


def test_twitter_card_and_robots_of_a_uk_site() -> None:
    meta = page("westmere-private-hire/westmere-privacy.html", "https://westmereprivatehire.co.uk/westmere-privacy.html")[
        "meta"
    ]
    assert meta["robots"] == "index,follow"
    assert meta["twitter"]["twitter:card"] == "summary"
    assert meta["opengraph"]["og:url"] == "https://westmereprivatehire.co.uk/westmere-privacy.html"
    assert meta["json_ld"] == []


def test_page_without_structured_data_has_empty_meta() -> None:
    assert ltb_index()["meta"] == {"opengraph": {}, "twitter": {}, "json_ld": [], "canonical": None, "robots": None}


def test_broken_json_ld_is_skipped_and_the_valid_block_still_found() -> None:
    broken = (
        '<script type="application/ld+json">{"@type": "Organization", "name": "10F</script>'
        '<script type="application/ld+json">not json at all {{{</script>'
        '<script type="application/ld+json"></script>'
    )
    html = html_of("10f-design/index.html").decode("utf-8").replace("<head>", "<head>" + broken, 1)
    json_ld = extract_page(html, "https://10fdesign.io/")["meta"]["json_ld"]
    assert [item["@type"] for item in json_ld] == ["WebSite"]


def test_json_ld_with_comments_and_arrays_is_read() -> None:
    html = """<html><head>
    <script type="application/ld+json">
    // generated by a CMS plugin
    {"@context": "https://schema.org", "@type": "LocalBusiness", "name": "Kristall Reinigung"}
    </script>
    <script type="application/ld+json">[{"@type": "Person", "name": "A"}, {"@type": "Person", "name": "B"}]</script>
    </head><body><p>x</p></body></html>"""
    json_ld = extract_page(html, "https://a.example/")["meta"]["json_ld"]
    assert [item["name"] for item in json_ld] == ["Kristall Reinigung", "A", "B"]


def test_canonical_is_made_absolute_against_base_and_robots_lower_cased() -> None:
    html = """<html><head><base href="https://shop.example/en/">
    <link rel="Canonical" href=" product?id=7 "><meta name="ROBOTS" content="NoIndex, Follow">
    <meta name="robots" content="NoArchive"></head><body><p>x</p></body></html>"""
    meta = extract_page(html, "https://shop.example/en/product?id=7&utm_source=x")["meta"]
    assert meta["canonical"] == "https://shop.example/en/product?id=7"
    assert meta["robots"] == "noindex, follow, noarchive"


# --- links ---------------------------------------------------------------------


def test_internal_and_external_links_of_a_service_page() -> None:
    links = mahesh_audit()["links"]
    assert "https://www.maheshbandi.com/our-team.html" in links["internal"]  # ../our-team.html
    assert "https://www.maheshbandi.com/services/payroll.html" in links["internal"]  # ./payroll.html
    assert "https://www.maheshbandi.com/contact-us.html" in links["internal"]
    assert links["external"] == [
        "http://www.incometaxindia.gov.in/Pages/default.aspx",
        "http://cbec.gov.in/",
        "https://www.tin-nsdl.com/",
        "http://mca.gov.in/",
        "http://epfindia.com/site_en/",
    ]
    # The sidebar repeats the services menu: each URL once, first position kept.
    assert len(links["internal"]) == len(set(links["internal"])) == 15
    assert not any(url.startswith("mailto:") for url in links["internal"] + links["external"])


def test_subdomain_is_internal_other_domain_external_and_target_only_base_ignored() -> None:
    # <base target="_blank"> has no href: relative links resolve against the page.
    links = twenty_squares_index()["links"]
    assert links["internal"] == [
        "https://blog.20squares.xyz/",
        "https://20squares.xyz/EthCC6.html",
        "https://20squares.xyz/EthCCQPLRoundtable.html",
        "https://blog.20squares.xyz/issuance-dynamics/",
        "https://20squares.xyz/impressum.html",
    ]
    assert "https://20squares.org/" in links["external"]
    assert "https://github.com/20squares" in links["external"]


def test_base_href_changes_where_relative_links_point() -> None:
    html = (
        html_of("ltb-avocat/index.html")
        .decode("utf-8")
        .replace("<head>", '<head>\n  <base href="https://mirror.example.org/ltb/">', 1)
    )
    links = extract_page(html, "https://www.ltb-avocat.fr/")["links"]
    assert links["internal"] == []
    assert links["external"][:2] == [
        "https://mirror.example.org/ltb/index.html",
        "https://mirror.example.org/ltb/expertises.html",
    ]


def test_extract_links_on_a_real_page() -> None:
    links = extract_links(html_of("westmere-private-hire/index.html"), "https://westmereprivatehire.co.uk/")
    by_url = {link.url: link for link in links}
    assert by_url["https://www.tripadvisor.co.uk/"] == Link(
        url="https://www.tripadvisor.co.uk/", text="TripAdvisor", rel=("noopener",), nofollow=False
    )
    # Icon-only link: its text comes from the title attribute.
    assert by_url["https://wa.me/447930342593"].text == "WhatsApp"
    assert "https://westmereprivatehire.co.uk/index.html?skip=1" in by_url
    assert not any(link.url.startswith(("tel:", "mailto:")) for link in links)
    assert len(by_url) == len(links)


def test_extract_links_resolution_filtering_and_dedupe() -> None:
    html = """<html><head><base href="/docs/v2/"></head><body>
    <a href="  intro.html&#10;">Intro</a>
    <a href="intro.html#top">Intro again</a>
    <a href="#section">fragment only</a><a href="">empty</a><a>no href</a>
    <a href="javascript:void(0)">js</a><a href="mailto:a@b.example">mail</a><a href="tel:+441234">tel</a>
    <a href="data:text/html,hi">data</a><a href="ftp://files.example/x">ftp</a>
    <a href="HTTPS://Other.Example:443/a?b=2&amp;a=1#frag" rel="NoFollow Sponsored">Partner</a>
    <a href="http://broken.example:99999/">bad port</a>
    <a href="//cdn.example.net/x">protocol relative</a>
    <map><area href="/map/north" alt="North office"></map>
    <a href="/logo"><img src="l.png" alt="Logo"></a>
    </body></html>"""
    links = extract_links(html, "https://www.example.com/page/x.html")
    assert links == [
        Link("https://www.example.com/docs/v2/intro.html", "Intro", (), False, ("Intro again",)),
        Link("https://other.example/a?a=1&b=2", "Partner", ("nofollow", "sponsored"), True),
        Link("https://cdn.example.net/x", "protocol relative", (), False),
        Link("https://www.example.com/map/north", "North office", (), False),
        Link("https://www.example.com/logo", "Logo", (), False),
    ]


def test_nofollow_is_per_link_and_first_occurrence_wins() -> None:
    html = """<body><a href="/a" rel="ugc nofollow">A first</a><a href="/b">B</a>
    <a href="/a">A again, followed</a><a href="/c" rel="noopener">C</a></body>"""
    links = extract_links(html.encode("utf-8"), "https://site.example/")
    assert [(link.url, link.nofollow) for link in links] == [
        ("https://site.example/a", True),
        ("https://site.example/b", False),
        ("https://site.example/c", False),
    ]
    assert links[0].rel == ("ugc", "nofollow")
    assert links[0].text == "A first"


def test_link_is_frozen() -> None:
    link = Link("https://a.example/", "A")
    with pytest.raises(AttributeError):
        link.url = "https://b.example/"  # type: ignore[misc]


# --- robustness ----------------------------------------------------------------


EMPTY_PAGE = {
    "title": None,
    "description": None,
    "language": None,
    "text": "",
    "markdown": "",
    "outside_text": "",
    "headings": [],
    "meta": {"opengraph": {}, "twitter": {}, "json_ld": [], "canonical": None, "robots": None},
    "links": {"internal": [], "external": []},
    "word_count": 0,
    "content_hash": EMPTY_HASH,
}


@pytest.mark.parametrize(
    "body",
    [
        "",
        b"",
        "   \n\t ",
        "<html></html>",
        "<html><head></head><body>   </body></html>",
        "<!-- nothing here -->",
        "<!doctype html>",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01",
        b"\x00\x01\x02\xff\xfe binary",
        "<html><body><script>var a = '<p>not text</p>';</script><style>p{}</style></body></html>",
    ],
)
def test_empty_or_garbage_input_gives_empty_values(body: str | bytes) -> None:
    assert extract_page(body, "https://a.example/") == EMPTY_PAGE
    assert extract_links(body, "https://a.example/") == []


def test_tag_soup_does_not_raise() -> None:
    soup = '<<<p>>unclosed <a href="/x">link<div></p></table><h2>Title<h2>Next</b></i>&bogus; &#xZZ;'
    result = extract_page(soup, "https://a.example/")
    assert result["links"]["internal"] == ["https://a.example/x"]
    # libxml2 repairs differently from an HTML5 browser; only ask for sanity.
    assert result["headings"][0]["text"].startswith("Title")
    assert "link" in result["text"]


def test_non_http_page_url_does_not_raise() -> None:
    result = extract_page('<body><a href="/x">x</a><a href="https://a.example/">a</a></body>', "file:///tmp/page.html")
    assert result["links"] == {"internal": [], "external": ["https://a.example/"]}


def test_xhtml_with_xml_declaration_in_a_str() -> None:
    html = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">'
        "<head><title>XHTML page</title></head><body><p>Valid XHTML body text.</p></body></html>"
    )
    result = extract_page(html, "https://a.example/")
    assert result["title"] == "XHTML page"
    assert result["language"] == "en-gb"
    assert result["text"] == "Valid XHTML body text."


def test_bytes_are_decoded_by_meta_charset_explicit_encoding_or_cp1252_guess() -> None:
    latin = '<html><head><meta charset="iso-8859-1"><title>Grüße</title></head><body></body></html>'
    assert extract_page(latin.encode("latin-1"), "https://a.example/")["title"] == "Grüße"
    undeclared = "<html><head><title>Café Müller</title></head></html>".encode("cp1252")
    assert extract_page(undeclared, "https://a.example/")["title"] == "Café Müller"
    utf8 = "<html><head><title>Ελληνικά</title></head></html>".encode("utf-8")
    assert extract_page(utf8, "https://a.example/")["title"] == "Ελληνικά"
    # The HTTP header's charset (passed by the caller) beats a wrong <meta>.
    mislabelled = '<html><head><meta charset="utf-8"><title>Straße</title></head></html>'.encode("cp1252")
    assert extract_page(mislabelled, "https://a.example/", encoding="cp1252")["title"] == "Straße"
    assert extract_page(mislabelled, "https://a.example/", encoding="no-such-codec")["title"]
    # ...but a header's UTF-8 the bytes are not (a static host's default for
    # every .html file) gives way to the page's own <meta>, or the guess.
    assert extract_page(latin.encode("latin-1"), "https://a.example/", encoding="utf-8")["title"] == "Grüße"
    assert extract_page(undeclared, "https://a.example/", encoding="utf-8")["title"] == "Café Müller"
    assert extract_page(utf8, "https://a.example/", encoding="utf-8")["title"] == "Ελληνικά"


def test_import_does_not_load_rdflib_and_extruct_stays_importable() -> None:
    # extruct/__init__ pulls in rdflib & co. (~8 MB per worker); page.py
    # loads only the two extractor modules it needs.
    code = (
        "import sys, scrapejet.extract; "
        "assert 'rdflib' not in sys.modules and 'extruct' not in sys.modules, sorted(sys.modules); "
        "import extruct; assert callable(extruct.extract); "
        "from extruct.jsonld import JsonLdExtractor; print('ok')"
    )
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "ok"


def test_a_price_written_beside_an_inline_element_stays_in_the_main_content():
    # a price card: the figure is a <div>'s own text (the period in a <span>),
    # among sections of paragraphs, indented as authors write HTML. Whether
    # trafilatura keeps such a <div> depends on the text around it (on a real
    # gym's page it dropped every price: bench-insights' crossbox-zuera); read
    # as a paragraph it is kept, and the figure stays with its period
    html = """<html lang="es">
<body>
  <main>
    <section>
      <div>
        <div>
          <div>
            <h3>Abono ilimitado</h3>
            <div>75€<span>/mes</span></div>
          </div>
        </div>
      </div>
    </section>
    <section>
      <div>
        <div>
          <div>
            <div>
              <p>
                Escríbenos por el formulario o por correo. Solo necesitamos tu nombre y las ganas de empezar. Te
                contestamos en un día para fijar tu clase de prueba gratuita.
              </p>
            </div>
          </div>
          <div>
            <div>
              <p>
                Recibirás un correo con tus datos de acceso. Sigue el enlace para activar tu cuenta en el sistema de
                reservas. Es cuestión de medio minuto.
              </p>
            </div>
          </div>
        </div>
      </div>
    </section>
    <section>
      <div>
        <div>
          <p>Este es el primer paso para unirte al box o para resolver cualquier duda que tengas. Déjanos tu
            mensaje y te responderemos enseguida.</p>
        </div>
      </div>
    </section>
  </main>
</body>
</html>"""
    page = extract_page(html, "http://crossbox.test/")
    assert "Escríbenos" in page["markdown"] and "Abono ilimitado" in page["markdown"]
    assert "75€/mes" in page["markdown"]
    assert "75€/mes" in page["text"]


def test_a_figure_set_over_its_label_and_hidden_from_screen_readers_stays_in_the_text():
    # "12,000+" over "Shipments handled": a <span> beside its label's <p>,
    # aria-hidden because the label says it again for screen readers; both
    # drop it from trafilatura's main content, and the visitor sees it
    cards = "".join(f'<div class="trust-item"><span class="trust-number" aria-hidden="true">{figure}</span><p>{label}</p></div>'
                    for figure, label in (("27+", "Years of practical trade support"), ("12,000+", "Shipments handled")))
    html = f"""<html lang="en"><body><main><h1>Customs clearance across Egypt's ports</h1>
        <p>We combine document control, operational follow-up and inland handover planning so cargo can move
        with fewer surprises, for importers, exporters and manufacturers alike.</p>
        <section class="trust"><div class="trust-grid">{cards}</div></section>
        <p>Our brokers prepare every file before the ship docks and follow it until the cargo is released.</p>
        <p><i class="fa fa-phone" aria-hidden="true"></i> Call us</p></main></body></html>"""
    page = extract_page(html, "http://al-rouby.test/")
    assert "12,000+\nShipments handled" in page["text"], page["text"]
    assert "27+" in page["text"]


def test_a_counter_a_script_runs_up_reads_its_figure_not_its_zero():
    # counter-up plugins write 0 and count up to data-target as the page scrolls
    html = """<html lang="en"><body><main><h1>About Brisbane North Bond &amp; Carpet Cleaners</h1>
        <p>We are a local cleaning company serving the north side of Brisbane with bond and carpet cleaning.</p>
        <div class="stat"><h3 class="stat-number animated-counter" data-target="10">0</h3><h3>+</h3>
        <p class="stat-label">Years of Experience</p></div>
        <div class="stat"><span class="purecounter" data-purecounter-end="1000">0</span><p>Bonds Returned</p></div>
        <div class="stat"><h3 data-target="x">7</h3><p>Suburbs</p></div></main></body></html>"""
    text = extract_page(html, "http://bnbcc.test/about.html")["text"]
    assert "10" in text.split("Years of Experience")[0] and "1000" in text, text
    assert "\n0\n" not in f"\n{text}\n" and "7" in text  # (a figure written out stays as written)


def test_a_team_page_keeps_each_name_above_its_role():
    # many photo links make trafilatura give up on <main> and harvest its
    # loose paragraphs: the roles without the names
    people = [("Martin Hine", "Director"), ("Penni Eagle", "Director"), ("Rakaia Rose", "Director"),
              ("Kathleen Roberts", "Associate"), ("Cornelia Lawrie", "Associate"), ("Campbell Hine", "Senior Solicitor"),
              ("France Howley", "Solicitor"), ("Grace Choi", "Solicitor"), ("Shannon Eagle", "Practise Manager"),
              ("Ella Pottage", "Legal Assistant"), ("Hayley Eagle", "Reception")]
    cards = "".join(
        f'<article class="person"><a aria-label="View profile of {n}" href="profiles/{n.split()[0].lower()}.html">'
        f'<img alt="{n}" class="portrait normal" src="{n.split()[0].lower()}.webp"/><img alt="" aria-hidden="true" '
        f'class="portrait fun" src="{n.split()[0].lower()}-fun.webp"/></a><div class="person-meta">'
        f'<h3 class="name">{n}</h3><p class="role">{r}</p></div></article>' for n, r in people)
    page = ('<html><body><header><nav><a href="/">Home</a><a href="/team.html">Team</a></nav></header>'
            '<main class="content"><div class="lead"><h1>Our Team</h1><p class="people-intro">Our team ensures quality. '
            'That is why Hine Eagle is the first choice when it comes to legal representation.</p><div><input '
            'aria-label="Search team by name" placeholder="Find a Team Member" type="search"/></div></div>'
            f'<section class="people-grid">{cards}</section></main><footer><p>30 Cameron Road, Tauranga</p></footer>'
            '</body></html>')
    data = extract_page(page, "http://hineeagle.test/team.html")
    assert "### Shannon Eagle\nPractise Manager" in data["markdown"]
    assert "Shannon Eagle\nPractise Manager" in data["text"]
    assert "Home" not in data["markdown"] and "Cameron Road" not in data["text"]


def test_a_name_trafilatura_drops_from_a_card_goes_back_above_its_text():
    # no <main>: trafilatura keeps each card's role and text, not its <h3> name
    cards = "".join(
        f'<div class="tm"><div class="ph"></div><div class="bd"><div class="role">{role}</div><h3>{name}</h3>'
        f'<!-- card --><p>{text}</p></div></div>'
        for role, name, text in [
            ("Director", "Simon Liu", "A qualified carpenter with over a decade on the tools, Simon leads every project."),
            ("Master Painter", "Wayne An", "Twenty-plus years and a genuine love of a flawless finish on every wall."),
            ("Designer", "Joanna Jeong", "The creative eye behind our interiors, choosing palettes and finishes."),
        ])
    page = ('<html><body><header><a href="/">Home</a></header><section><div class="wrap"><p>Our Team</p>'
            '<h1>One crew. One standard.</h1><p>The same in-house team behind 500 renovations runs your refresh, '
            f'all under one roof.</p></div></section><section class="team">{cards}</section></body></html>')
    data = extract_page(page, "http://addvalue.test/team.html")
    assert "### Simon Liu\n\nA qualified carpenter" in data["markdown"]
    assert "Simon Liu\nA qualified carpenter" in data["text"]


def test_inline_elements_that_touch_are_read_as_separate_words():
    from scrapejet.extract.page import extract_page

    html = ("<html><body><main><h1>Επικοινωνία</h1><p>Το ιατρείο δέχεται μόνο κατόπιν ραντεβού, Δευτέρα έως Παρασκευή."
            "</p><ul><li><a href='tel:+302310445330'><div><b>2310 445330</b><span>Τηλέφωνο ιατρείου</span></div></a></li>"
            "<li><p><span>Κωνσταντίνου Καραμανλή 67, Θεσσαλονίκη</span><span>Άνοιγμα στο Google Maps</span></p></li></ul>"
            "<p>Η σημερινή ημέρα επισημαίνεται αυτόματα στον πίνακα του ωραρίου.</p></main></body></html>")
    text = extract_page(html, "http://iatreio.test/")["text"]
    assert "2310 445330 Τηλέφωνο" in text and "Θεσσαλονίκη Άνοιγμα" in text
    assert "445330Τηλέφωνο" not in text


def test_a_dialog_the_page_opens_on_a_click_is_part_of_its_text() -> None:
    # a Bootstrap modal holding the fees: trafilatura drops it as boilerplate
    body = (
        "<main><h1>Ontspanningstherapie</h1><p>Adem- en ontspanningstherapie volgens de methode van Dixhoorn helpt "
        "bij spanningsklachten, hoofdpijn en slecht slapen.</p><a data-toggle='modal' data-target='#tarieven'>"
        "Tarieven</a></main>"
        "<div class='modal fade' id='tarieven' role='dialog'><div class='modal-dialog'><div class='modal-content'>"
        "<h4>Tarieven en vergoedingen</h4><div class='modal-body'><p>Een behandeling van 50 minuten kost €70,-. "
        "In overleg kunt u een kortere behandeling afspreken.</p></div></div></div></div>"
        "<div class='modal fade' id='form' role='dialog'><form><label>Naam</label><input name='n'>"
        "<p>Vul uw naam, uw e-mailadres en uw vraag in, dan neem ik zo snel mogelijk contact met u op.</p></form></div>"
    )
    result = extract_page(f"<html><body>{body}</body></html>", "https://velthuis.test/")
    assert "Een behandeling van 50 minuten kost €70,-." in result["text"]
    assert "#### Tarieven en vergoedingen" in result["markdown"].splitlines()
    assert result["text"].count("kost €70,-") == 1


def test_a_price_table_left_out_with_its_section_is_read_row_by_row() -> None:
    # trafilatura keeps the longer text after the table and drops the price list
    rows = "".join(f"<tr><td><div class='item-left'>{name}</div></td><td>{size}</td><td>{price}</td></tr>"
                   for name, size, price in (("Schoko-Buch groß", "29,0 x 18,5", "32,00 €"),
                                             ("Foto-Torte", "20,0 x 30,0", "54,90 €"),
                                             ("Schoko-Pokal", "ca. 5,0 Ø", "18,00 €")))
    text = " ".join(["Bringen Sie uns ein Foto, Negativ oder Dia, wir machen es essbar und liefern es aus."] * 6)
    body = (f"<div id='prices'><div class='section-title'><h2>Sortiment und Preise</h2></div><div class='table'><table>"
            f"<tr><th></th><th>Größe in cm</th><th>Preis</th></tr>{rows}</table></div></div>"
            f"<div class='text'><h2>Hinweise</h2><p>{text}</p><p>{text}</p><p>Die Lieferzeit beträgt ca. 1 Woche.</p></div>")
    result = extract_page(f"<html><body>{body}</body></html>", "https://kleimann.test/special.html")
    assert "Foto-Torte · 20,0 x 30,0 · 54,90 €" in result["text"], result["text"]
    assert result["text"].count("54,90 €") == 1
    # under the heading it stands under on the page, not under the last one of the main text
    assert "## Sortiment und Preise\n\nGröße in cm · Preis\n" in result["markdown"], result["markdown"]
    from scrapejet.extract.chunking import chunk_page

    priced = [c for c in chunk_page(result["markdown"], title="Kleimann") if "54,90 €" in c.text]
    assert [c.heading_path for c in priced] == [["Sortiment und Preise"]]
    # a table trafilatura keeps is not read twice
    kept = extract_page("<html><body><main><h1>Preise</h1><p>Unsere Preise im Überblick, gültig ab Januar.</p><table>"
                        "<tr><th>Leistung</th><th>Preis</th></tr><tr><td>Haarschnitt</td><td>25 EUR</td></tr>"
                        "<tr><td>Farbe</td><td>45 EUR</td></tr></table></main></body></html>", "https://salon.test/")
    assert kept["text"].count("25 EUR") == 1


def test_a_templates_lang_en_over_a_page_in_another_language() -> None:
    from scrapejet.extract.contacts import read_business_page

    body = ("<main><h1>La Tei</h1><p>Pizza, shaorma și paste proaspete, gătite pe loc din ingrediente alese. Comandă "
            "telefonic și ridici comanda în cincisprezece minute, sau te servim la masă în curtea noastră.</p>"
            "<p>Suntem o afacere de familie din Tânganu. Aluatul îl facem în fiecare dimineață, iar sosurile sunt "
            "pregătite după rețetele bunicii. Livrăm în satele din jur în cel mult o oră de la comandă.</p>"
            "<p>Program: Marti-Duminica 11-21, Luni închis. Sună-ne la <a href='tel:0765600512'>0765 600 512</a>.</p></main>")
    page, contacts = read_business_page(f"<html lang='en'><body>{body}</body></html>".encode(), "http://latei.test/", role="home")
    assert page["language"] == "ro"
    assert [p["e164"] for p in contacts["phones"]] == ["+40765600512"]
    english = extract_page("<html lang='en'><body><main><p>" + "We repair bikes in Leeds. " * 12 + "</p></main></body></html>",
                           "http://bikes.test/")
    assert english["language"] == "en"


def test_a_short_page_in_another_language_under_a_templates_lang_en() -> None:
    # a contact page of a few lines: too short for the classifier's word alone,
    # long enough for it to be sure (an English address block never is)
    from scrapejet.extract.contacts import read_business_page

    body = ("<main><h2>Hör gärna av dig till oss</h2><ul><li>tel/sms: <a href='skype:+0762979204?call'>076-297 92 04</a>"
            "</li><li>e-mail: <a href='mailto:stora-bjarges@gmail.com'>stora-bjarges@gmail.com</a></li>"
            "<li>postaddress: Eksta Bjärges 610, 623 54 Klintehamn</li></ul></main>")
    page, contacts = read_business_page(f"<html lang='en'><body>{body}</body></html>".encode(),
                                        "http://stora-bjarges.test/kontakt.html", role="contact")
    assert page["language"] == "sv"
    assert [p["e164"] for p in contacts["phones"]] == ["+46762979204"]
    english = extract_page("<html lang='en'><body><main><p>Contact</p><p>Phone: 0400 255 338</p>"
                           "<p>Email: admin@bluegum.example</p><p>12 Main Street, Palmerston NT 0830</p></main></body></html>",
                           "http://bluegum.test/contact.html")
    assert english["language"] == "en"


def test_a_page_declared_english_that_reads_english_is_not_classified() -> None:
    # the classifier's model takes 0.4 s to load: a crawl of English pages must not pay it
    from scrapejet.extract.page import _reads_english

    assert _reads_english("We repair bikes in Leeds and we are open on Saturdays for all of our customers.")
    assert not _reads_english("Pizza, shaorma și paste proaspete, gătite pe loc din ingrediente alese.")


def test_a_line_break_inside_a_run_of_text_reads_as_a_space_as_on_screen() -> None:
    html = ("<html><body><main><h1>Horari</h1><p>De Dilluns a Divendres <br />8:00h\n          a 13:00h i de 15:00h "
            "a 20:00h</p><p>Passeig de Palacaguïna,\n   4<br>17401 Arbúcies</p></main></body></html>")
    lines = extract_page(html, "https://trimamotor.example/")["text"].splitlines()
    assert "8:00h a 13:00h i de 15:00h a 20:00h" in lines
    assert "Passeig de Palacaguïna, 4" in lines and "17401 Arbúcies" in lines
