"""The town a site names when it gives no postal address: read from each
page by the real extractor, kept by the profile when the gazetteer (GeoNames'
places, built once into the cache directory) knows it in the site's country."""

from __future__ import annotations

from scrapejet.extract.contacts import extract_contacts
from scrapejet.extract.profile import merge_profile


def _site(host: str, pages: dict[str, tuple[str, str]], lang: str = "en") -> dict:
    """merge_profile over ``{path: (title, body)}`` read as the business spider reads them."""
    read = []
    for path, (title, body) in pages.items():
        html = f'<html lang="{lang}"><head><title>{title}</title></head><body>{body}</body></html>'.encode()
        url = f"https://{host}{path}"
        role = "contact" if "contact" in path else "home" if path == "/" else None
        read.append({"url": url, "page_type": role, "contacts": extract_contacts(html, url, role=role)})
    return merge_profile(read, job_id="j", site=host)


def test_a_town_every_title_names_is_the_address_of_a_site_that_gives_none():
    profile = _site("harasdazur.fr", {
        "/": ("HARAS D'AZUR à Tarascon", "<main><h1>Bienvenue</h1><p>Pension, enseignement, élevage.</p></main>"),
        "/contact.html": ("Nous contacter | HARAS D'AZUR à Tarascon",
                          '<main><a href="mailto:contact@harasdazur.com">contact@harasdazur.com</a></main>'),
    }, lang="fr")
    assert [(a["locality"], a["country"], a["source"]) for a in profile["addresses"]] == [("Tarascon", "FR", "named")]
    assert [f["url"] for f in profile["addresses"][0]["found_on"]] == [
        "https://harasdazur.fr/", "https://harasdazur.fr/contact.html"]


def test_a_town_named_in_running_text_on_two_pages_with_an_american_number():
    # no ccTLD, no tel: link: the country is the one the numbers were read in
    profile = _site("thepoolboy.com", {
        "/": ("Blue Water Pool Service", "<main><p>Helping homeowners in Port Huron keep their pools clean.</p>"
                                         "<p>Call 810-982-7830</p></main>"),
        "/about.html": ("About Us", "<main><p>Serving families in and around Port Huron since 1990.</p></main>"),
    })
    assert [(a["locality"], a["country"]) for a in profile["addresses"]] == [("Port Huron", "US")]


def test_no_town_from_words_a_brand_a_state_or_an_areas_page():
    profile = _site("hugopereira.pt", {
        # the title's last words are the owner's name (Pereira is also a village)
        "/": ("Hugo Pereira", "<main><p>Treino personalizado.</p><p>Tel. +351 912 345 678</p></main>"),
        "/sobre.html": ("Hugo Pereira", "<main><p>Sobre mim.</p></main>"),
    }, lang="pt")
    assert profile["addresses"] == []
    profile = _site("milehighlocating.com", {
        "/": ("Mile High Locating", "<main><p>Private utility locating in Colorado.</p><p>(720) 514-2876</p></main>"),
        "/areas.html": ("Service Areas", "<main><p>We work in Denver and all around it.</p></main>"),
    })
    assert profile["addresses"] == []


def test_a_street_address_wins_over_a_town_named():
    profile = _site("ferienwohnung.de", {
        "/": ("Ferienwohnung in Fürth", "<main><p>Holzstraße 12<br>90762 Fürth</p></main>"),
    }, lang="de")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in profile["addresses"]] == [
        ("Holzstraße 12", "90762", "Fürth")]


def test_a_french_page_with_north_american_numbers_is_read_as_canadian():
    # "(514) 305-1010" is valid in Luxembourg's plan too; its shape is North
    # American, and the page's address is then read as Quebec writes it
    html = """<html lang="fr"><head><title>GJE Lavoie | Contact</title></head><body><main>
        <p>Siège social<br>14500 #110, boul. Pierrefonds<br>Pierrefonds (Québec)<br>H9H 5L2<br>
        Tél : (514) 305-1010<br>Fax: (514) 305-0710</p></main></body></html>""".encode()
    contacts = extract_contacts(html, "https://gjelavoie.com/contact.htm", role="contact")
    assert [(p["e164"], p["type"]) for p in contacts["phones"]] == [("+15143051010", "phone"), ("+15143050710", "fax")]
    assert contacts["region"] == "CA"
    assert [(a["street"], a["postal_code"], a["locality"]) for a in contacts["addresses"]] == [
        ("14500 #110, boul. Pierrefonds", "H9H 5L2", "Pierrefonds")]


def test_the_towns_an_english_page_names_tell_the_country_of_its_national_numbers():
    # a .com in English with no country code anywhere: "Sydney" is a city of
    # Australia (and a town in Nova Scotia a fiftieth its size)
    profile = _site("ausbestpainting.com", {
        "/": ("Australia's Best Painting | Painting Services Sydney",
              '<main><p>Quality painting across Greater Sydney.</p><a href="tel:0421900066">0421 900 066</a></main>'),
        "/contact.html": ("Contact | Best Painting Sydney", "<main><p>Call us at 0421 900 066.</p></main>"),
    })
    assert [(p["e164"], p["type"]) for p in profile["phones"]] == [("+61421900066", "mobile")]
    assert [(a["locality"], a["country"]) for a in profile["addresses"]] == [("Sydney", "AU")]
    # a name of two countries' cities tells neither ("Richmond"), and the number stays unread
    profile = _site("paintpros.com", {
        "/": ("Paint Pros | Richmond", '<main><p>Painting in Richmond.</p><p>Call 0421 900 066.</p></main>'),
    })
    assert profile["phones"] == [] and profile["addresses"] == []


def test_a_town_in_a_footer_line_with_its_country_or_its_surroundings():
    profile = _site("researchpathway.co.nz", {
        "/": ("Research Pathway", "<main><p>PhD coaching.</p></main>"
                                  "<footer><p>Research Skills &amp; Academic Software. Christchurch, New Zealand.</p></footer>"),
    })
    assert [(a["locality"], a["country"]) for a in profile["addresses"]] == [("Christchurch", "NZ")]
    profile = _site("angelsen-bygg.no", {
        "/": ("Angelsen Byggservice", "<main><p>Tømrer og vedlikehold.</p><p>Tlf 950 12 345</p></main>"
                                      "<footer><p>Bergen og omegn.</p></footer>"),
    }, lang="no")
    assert [(a["locality"], a["country"]) for a in profile["addresses"]] == [("Bergen", "NO")]
    # the last two parts of an address line where no postcode is written, a country any CLDR names
    profile = _site("ipdm.com.pk", {
        "/": ("IPDM", "<main><p>Skills courses, in person and online.</p></main><footer><h4>Contact</h4>"
                      "<p>Kalro Colony Allah Sha Chowk, MDA Road, Multan, Pakistan</p><p>061-4585013</p></footer>"),
    })
    assert [(a["locality"], a["country"]) for a in profile["addresses"]] == [("Multan", "PK")]


def test_a_small_town_that_is_a_title_segment_of_its_own_on_every_page():
    pages = {path: ("Cabañas con Tinaja - Conguillío - Melipeuco - Entreavellanos",
                    f"<main><p>{text}</p><p>+56 9 9254 7884</p></main>")
             for path, text in (("/", "Bienvenidos"), ("/cabanas.html", "Nuestras cabañas"))}
    profile = _site("entreavellanos.cl", pages, lang="es")
    assert [(a["locality"], a["country"]) for a in profile["addresses"]] == [("Melipeuco", "CL")]
    # ...a dash with a space after it only is a separator too
    profile = _site("entreavellanos.cl", {
        "/": ("Cabañas con Tinaja - Conguillío - Melipeuco - Entreavellanos", "<main><p>+56 9 9254 7884</p></main>"),
        "/contacto.html": ("Cabañas con Tinaja - Conguillío- Melipeuco - Entreavellanos", "<main><p>Reservas</p></main>"),
    }, lang="es")
    assert [(a["locality"], a["country"]) for a in profile["addresses"]] == [("Melipeuco", "CL")]
    # on one page only, a village of 2,700 people is not trusted by itself
    profile = _site("entreavellanos.cl", dict(list(pages.items())[:1]), lang="es")
    assert profile["addresses"] == []
