"""Unit tests of the contact extractors, one concern at a time, on small
multilingual pages: what a person reading the page would write down, and
the decoys (placeholders, identifiers, third parties) they would not."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from scrapejet.extract.contacts import extract_contacts
from scrapejet.extract.emails import decode_cfemail, deobfuscate, is_placeholder_email
from scrapejet.extract.jsonld import is_organisation, loads_lenient, organisations, read_json_ld
from scrapejet.extract.links import Link, parse_html
from scrapejet.extract.phones import infer_region, is_placeholder_number, whatsapp_number
from scrapejet.extract.profile import merge_profile
from scrapejet.extract.roles import (
    ROLES, discover_role_pages, fallback_paths, is_home_path, page_role, role_from_sitemap_url,
)
from scrapejet.extract.socials import profile
from scrapejet.items import BusinessProfileItem

REPO = Path(__file__).resolve().parents[1]
DE_SITE = "https://www.mueller-haustechnik.de/kontakt/"


def page(body: str, *, lang: str = "de", head: str = "") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def extract(body: str, url: str = DE_SITE, *, lang: str = "de", head: str = "", role: str | None = None) -> dict:
    return extract_contacts(page(body, lang=lang, head=head), url, role=role)


def emails(result: dict) -> set[str]:
    return {e["email"] for e in result["emails"]}


def phones(result: dict) -> set[str]:
    return {p["e164"] for p in result["phones"]}


def one_address(result: dict) -> dict:
    assert len(result["addresses"]) == 1, result["addresses"]
    return result["addresses"][0]


# --- emails ----------------------------------------------------------------------


def test_numbers_whose_groups_a_middle_dot_parts():
    result = extract("<p>Telefon: 02774 · 2666<br>Fax: 02774 · 921 028<br>E-Mail: praxis@x.de</p>")
    assert [(p["e164"], p["type"], p["as_written"]) for p in result["phones"]] == [
        ("+4927742666", "landline", "02774 · 2666"), ("+492774921028", "fax", "02774 · 921 028")]


def test_mailto_links_lowercased_with_all_recipients_and_no_query():
    result = extract('<a href="mailto:Info@Mueller-Haustechnik.DE,Buero@mueller-haustechnik.de?subject=Hallo">Schreiben</a>')
    assert result["emails"] == [
        {"email": "info@mueller-haustechnik.de", "source": "mailto"},
        {"email": "buero@mueller-haustechnik.de", "source": "mailto"},
    ]


@pytest.mark.parametrize(
    "written",
    [
        "info [at] mueller-haustechnik [dot] de",
        "info(at)mueller-haustechnik(dot)de",
        "info {at} mueller-haustechnik {dot} de",
        "info (ät) mueller-haustechnik.de",
        "info[at]mueller-haustechnik.de",
        "info at mueller-haustechnik dot de",
        "INFO AT MUELLER-HAUSTECHNIK DOT DE",
        "info [@] mueller-haustechnik [punkt] de",
        "info[afna]mueller-haustechnik.de",  # Slovenian
        "info (małpa) mueller-haustechnik.de",  # Polish
    ],
)
def test_obfuscated_emails(written):
    result = extract(f"<p>E-Mail: {written}</p>")
    assert result["emails"] == [{"email": "info@mueller-haustechnik.de", "source": "obfuscated"}]


@pytest.mark.parametrize(
    "prose",
    [
        "Besuchen Sie uns at the fair, Halle 3.",
        "Meet us at Booth 12 in hall 4.",
        "We are at example.com and at home.",
        "Preis (at cost) plus Versand.",
    ],
)
def test_prose_with_at_is_not_an_email(prose):
    assert extract(f"<p>{prose}</p>", lang="en")["emails"] == []


def test_email_from_html_entities_split_spans_and_glued_label():
    body = (
        "<p>&#105;&#110;&#102;&#111;&#64;mueller-haustechnik&#46;de</p>"
        "<p><span>service</span><span>@</span><span>mueller-haustechnik.de</span></p>"
        "<p><b>E-Mail</b>buero@mueller-haustechnik.de</p>"
        "<p><strong>Mail:</strong><a>karriere@mueller-haustechnik.de</a></p>"
        "<p><span>Ansprechpartner</span><span>t.mueller@mueller-haustechnik.de</span></p>"
        "<p><span>Sabine Krüger</span><span>s.krueger@mueller-haustechnik.de</span></p>"
    )
    assert emails(extract(body)) == {
        "info@mueller-haustechnik.de",
        "service@mueller-haustechnik.de",
        "buero@mueller-haustechnik.de",
        "karriere@mueller-haustechnik.de",
        "t.mueller@mueller-haustechnik.de",
        "s.krueger@mueller-haustechnik.de",
    }


@pytest.mark.parametrize(
    "address",
    [
        "your@email.com", "name@domain.com", "email@example.com", "info@example.org", "kontakt@example.net",
        "test@test.de", "user@domain.tld", "max.mustermann@beispiel.de", "vorname.nachname@firma.de",
        "prenom.nom@exemple.fr", "logo@2x.png", "icon-home@3x.webp", "john.doe@gmail.com", "ihre@email.de",
        "8f14e45fceea167a5a36dedd4bea2543@o4504.ingest.sentry.io", "abc@sentry.wixpress.com", "noreply@firma.de",
        "you@yourcompany.com", "xxx@xxx.de",
    ],
)
def test_placeholders_and_file_names_are_not_emails(address):
    assert is_placeholder_email(address) or address.endswith(("sentry.io", "wixpress.com"))
    assert extract(f"<p>Beispiel: {address}</p>")["emails"] == []


@pytest.mark.parametrize(
    "address", ["info@mueller-haustechnik.de", "kristall.reinigung.de@gmail.com", "hello@westmere.co.uk", "mail@baeckerei-sonne.de"]
)
def test_real_addresses_are_not_placeholders(address):
    assert not is_placeholder_email(address)


def test_cloudflare_protected_email():
    encoded = "422b2c242d02312d2c2c272f37302d6c2627"  # info@sonnemuro.de, key 0x42
    assert decode_cfemail(encoded) == "info@sonnemuro.de"
    assert decode_cfemail("zz") is None
    body = f'<a href="/cdn-cgi/l/email-protection#{encoded}"><span class="__cf_email__" data-cfemail="{encoded}">[email&#160;protected]</span></a>'
    assert extract(body)["emails"] == [{"email": "info@sonnemuro.de", "source": "obfuscated"}]


def test_widget_vendor_email_is_not_the_company_s():
    body = """
      <p>Kontakt: <a href="mailto:info@mueller-haustechnik.de">info@mueller-haustechnik.de</a></p>
      <div class="booking-widget"><p>Hilfe zur Buchung: support@termin-tool.com</p>
        <p>Rückfragen auch an termine@mueller-haustechnik.de</p></div>
      <div class="box"><h4>Online-Chat</h4><p>Fragen an hello@chatvendor.io</p><p>Powered by ChatVendor</p></div>
    """
    assert emails(extract(body)) == {"info@mueller-haustechnik.de", "termine@mueller-haustechnik.de"}


def test_host_and_designer_emails_in_a_legal_notice_are_not_the_company_s():
    body = """
      <h1>Impressum</h1>
      <p>Müller Haustechnik GmbH<br>Lindenstraße 42<br>10969 Berlin<br>E-Mail: info@mueller-haustechnik.de</p>
      <h2>Hosting</h2><p>Strato AG, Otto-Ostrowski-Straße 7, 10249 Berlin, kundenservice@strato.de</p>
      <p><b>Webdesign:</b> Pixelwerk, hallo@pixelwerk-studio.de</p>
    """
    result = extract(body, role="legal")
    assert emails(result) == {"info@mueller-haustechnik.de"}
    assert {a["postal_code"] for a in result["addresses"]} == {"10969"}


@pytest.mark.parametrize("credit", [
    "Sito web creato da ABeltramo - beltramo.ale@gmail.com - © 2014",
    "Diseño web: Estudio Pixel, hola.estudiopixel@gmail.com",
    "Site réalisé par Atelier Web - atelierweb@orange.fr",
    "Website erstellt von Pixelwerk, pixelwerk.studio@gmx.de",
    "Website gemaakt door Studio Blauw - studioblauw@hotmail.com",
])
def test_a_designer_credit_in_the_site_s_language_is_not_the_company_s(credit):
    body = f"""
      <p>Email: polgran@gmail.com</p>
      <footer><p>{credit}</p></footer>
    """
    assert emails(extract(body)) == {"polgran@gmail.com"}


def test_json_ld_email_and_source_priority():
    head = '<script type="application/ld+json">{"@type": "Plumber", "name": "Müller", "email": "mailto:Info@mueller-haustechnik.de"}</script>'
    body = '<p>info@mueller-haustechnik.de</p><a href="mailto:info@mueller-haustechnik.de">Mail</a>'
    assert extract(body, head=head)["emails"] == [{"email": "info@mueller-haustechnik.de", "source": "mailto"}]
    assert extract("<p>Hallo</p>", head=head)["emails"] == [{"email": "info@mueller-haustechnik.de", "source": "json-ld"}]


def test_deobfuscate_leaves_plain_text_alone():
    assert deobfuscate("Wir sind at home") == "Wir sind at home"
    assert deobfuscate("a [at] b [dot] c") == "a@b.c"


# --- phones ----------------------------------------------------------------------


def test_tel_link_in_e164_and_as_written():
    result = extract('<p>Telefon: <a href="tel:030-2576-8810">030 2576 88-10</a></p>')
    assert result["phones"] == [{"e164": "+493025768810", "as_written": "030 2576 88-10", "type": "landline", "source": "tel"}]


def test_whatsapp_links_are_phones_of_type_whatsapp():
    body = '<a href="https://wa.me/491724096338?text=Hallo">WhatsApp</a> <a href="https://api.whatsapp.com/send?phone=4917140963380">Chat</a>'
    result = extract(body)
    assert {(p["e164"], p["type"], p["source"]) for p in result["phones"]} == {
        ("+491724096338", "whatsapp", "wa.me"),
        ("+4917140963380", "whatsapp", "wa.me"),
    }
    assert whatsapp_number("https://wa.me/447930342593") == "+447930342593"
    assert whatsapp_number("https://example.com/wa.me/1") is None


def test_fax_labels():
    body = """
      <p>Tel.: 0221 4710 8820<br>Telefax: 0221 4710 8829</p>
      <p>Fax 0521 9631 740</p>
      <h4>Fax</h4><p>0521 9631 741</p>
      <p>Mobil: 0171 4096 338</p>
    """
    kinds = {p["e164"]: p["type"] for p in extract(body)["phones"]}
    assert kinds == {
        "+4922147108820": "landline",
        "+4922147108829": "fax",
        "+495219631740": "fax",
        "+495219631741": "fax",
        "+491714096338": "mobile",
    }


@pytest.mark.parametrize(
    "decoy",
    [
        "USt-IdNr.: DE 287 456 193",
        "Umsatzsteuer-ID: DE287456193",
        "Handelsregister: HRB 184523 B, Amtsgericht Köln",
        "IBAN: DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX",
        "Bestellnummer: 0221 4710 8820",
        "Kundennummer 0521 9631 740",
        "Preis: 1.299,00 € inkl. MwSt.",
        "Gültig bis 15.03.2024, Stand 2024-03-15",
        "Familienbetrieb 1987–2024",
        "Steuernummer 214/5678/9012",
        "Artikel-Nr. 30041187723",
        "Rechnung Nr. 2024 0815 4711",
    ],
)
def test_identifiers_dates_and_prices_are_not_phones(decoy):
    assert extract(f"<p>{decoy}</p>")["phones"] == []


def test_identifier_label_does_not_hide_a_labelled_phone_after_it():
    result = extract("<p>USt-IdNr. DE287456193 · Tel. 0221 4710 8820</p>")
    assert phones(result) == {"+4922147108820"}


def test_uk_page_decoys_and_placeholder():
    body = """
      <p>Afternoon tea £38.50; private hire from £1,250.00.</p>
      <p>Bookings for 12/05/2024 are full. Quote order no. 100234567.</p>
      <p>Your mobile, e.g. +44 7xxx xxxxxx</p>
      <p>Call us on 0131 496 0123.</p>
    """
    result = extract(body, url="http://tearoom.test/contact.html", lang="en-GB")
    assert result["region"] == "GB"
    assert result["phones"] == [{"e164": "+441314960123", "as_written": "0131 496 0123", "type": "landline", "source": "text"}]


@pytest.mark.parametrize("written", ["+49 30 0000000", "+49 30 123456789", "+33 1 23 45 67 89", "0221 1234567", "+1 (212) 987-6543"])
def test_placeholder_numbers_are_rejected(written):
    assert extract(f'<p>Tel.: {written}</p><a href="tel:{written}">x</a>', lang="de")["phones"] == []


def test_placeholder_number_rules():
    assert is_placeholder_number("300000000")
    assert is_placeholder_number("123456789")
    assert not is_placeholder_number("3025768810")
    assert not is_placeholder_number("169888888")  # 01 69 88 88 88, a restaurant near Paris


def test_us_numbers_and_an_invalid_fictional_area_code():
    body = "<p>Call (207) 555-0142. Format: (555) 555-0100.</p><address>120 Commercial Street<br>Portland, ME 04101</address>"
    result = extract(body, url="http://dental.test/", lang="en")
    assert result["region"] == "US"
    assert phones(result) == {"+12075550142"}


@pytest.mark.parametrize("url", ["http://plumbing.test/contact", "https://acmeplumbing.com/contact"])
def test_north_american_numbers_on_a_page_of_no_known_country(url):
    body = ("<p>Call toll free 1-800-743-2291 or (212) 736-5010, fax 212.736.5011.</p>"
            "<p>UK office 020 7946 0321. Order 415-555-01 shipped.</p>")
    result = extract(body, url=url, lang="en")
    assert result["region"] is None
    # the 3-3-4 grouping is North American; a national UK number needs its country
    assert {p["e164"]: p["type"] for p in result["phones"]} == {
        "+18007432291": "phone", "+12127365010": "phone", "+12127365011": "fax"}


def test_french_numbers_with_html_lang():
    result = extract("<p>Tél. : 01 42 68 53 00 – Portable : 06 71 84 29 53</p>", url="http://atelier.test/", lang="fr")
    assert {p["e164"]: p["type"] for p in result["phones"]} == {"+33142685300": "landline", "+33671842953": "mobile"}


def test_json_ld_telephone_and_fax():
    head = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Dentist", "name": "Harbor",
      "telephone": "+1 207 555 0142", "faxNumber": "(207) 555-0143", "address": {"@type": "PostalAddress", "addressCountry": "US"}}</script>"""
    result = extract("<p>Welcome</p>", url="http://dental.test/", lang="en", head=head)
    assert {(p["e164"], p["type"], p["source"]) for p in result["phones"]} == {
        ("+12075550142", "phone", "json-ld"),
        ("+12075550143", "fax", "json-ld"),
    }


def test_numbers_of_the_host_and_the_regulator_are_not_the_company_s():
    body = """
      <p>Tel. 0221 4710 8820</p>
      <h3>Zuständige Aufsichtsbehörde</h3><p>Handwerkskammer Köln<br>Heumarkt 12<br>50667 Köln<br>Tel. 0221 2022 0</p>
      <p>If unhappy, contact our licensing authority: Lewes District Council, Telephone: 01273 471600.</p>
    """
    assert phones(extract(body)) == {"+4922147108820"}


@pytest.mark.parametrize(
    ("kwargs", "region"),
    [
        ({"url": "https://www.firma.de/"}, "DE"),
        ({"url": "https://shop.co.uk/"}, "GB"),
        ({"url": "https://studio.io/", "languages": ["en-US"]}, "US"),
        ({"url": "http://127.0.0.1:8000/", "languages": ["en-GB"]}, "GB"),
        ({"url": "http://127.0.0.1:8000/", "languages": ["de"]}, "DE"),
        ({"url": "http://127.0.0.1:8000/", "languages": ["en"]}, None),
        ({"url": "http://127.0.0.1:8000/", "languages": ["en"], "tel_hrefs": ["tel:+33142685300"]}, "FR"),
        ({"url": "http://127.0.0.1:8000/", "languages": ["en"], "email_domains": ["westmere.co.uk"]}, "GB"),
        ({"url": "https://www.firma.de/", "address_countries": ["AT"]}, "AT"),
        ({"url": "https://studio.io/"}, None),
    ],
)
def test_region_inference(kwargs, region):
    assert infer_region(**kwargs) == region


def test_numbers_written_with_their_country_code_tell_the_country_of_the_others():
    """A page with no language tag, no ccTLD and no tel: links: its numbers
    written with +39 say that "0323 569627" beside them is Italian."""
    body = "<p>Tel: +39 02 48714236 - 0323 569627<br>Cell: +39 335 6554515</p>"
    result = extract_contacts(f"<!DOCTYPE html><html><body>{body}</body></html>", "http://lavanderia.test/contatti.html")
    assert result["region"] == "IT"
    assert phones(result) == {"+390248714236", "+390323569627", "+393356554515"}


# --- addresses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("<p>Müller GmbH<br>Lindenstraße 42<br>10969 Berlin</p>", "de",
         {"street": "Lindenstraße 42", "postal_code": "10969", "locality": "Berlin", "country": "DE"}),
        ("<p>Büro: Karl-Marx-Allee 3, 10178 Berlin, Deutschland</p>", "de",
         {"street": "Karl-Marx-Allee 3", "postal_code": "10178", "locality": "Berlin", "country": "DE"}),
        ("<p>Am Markt 5, 04109 Leipzig</p>", "de",
         {"street": "Am Markt 5", "postal_code": "04109", "locality": "Leipzig", "country": "DE"}),
        ("<p>Hauptstr. 7a · 60311 Frankfurt am Main</p>", "de",
         {"street": "Hauptstr. 7a", "postal_code": "60311", "locality": "Frankfurt am Main", "country": "DE"}),
        ("<p>Mariahilfer Straße 12, A-1070 Wien</p>", "de",
         {"street": "Mariahilfer Straße 12", "postal_code": "1070", "locality": "Wien", "country": "AT"}),
        ("<p>Bahnhofstrasse 10<br>CH-8001 Zürich</p>", "de",
         {"street": "Bahnhofstrasse 10", "postal_code": "8001", "locality": "Zürich", "country": "CH"}),
        ("<p>12 rue de la Paix, 75002 Paris</p>", "fr",
         {"street": "12 rue de la Paix", "postal_code": "75002", "locality": "Paris", "country": "FR"}),
        ("<p>10 Downing Street<br>London<br>SW1A 2AA</p>", "en-GB",
         {"street": "10 Downing Street", "postal_code": "SW1A 2AA", "locality": "London", "country": "GB"}),
        ("<p>Unit 4, 27 Victoria Street, Edinburgh EH1 2HE</p>", "en-GB",
         {"street": "27 Victoria Street", "postal_code": "EH1 2HE", "locality": "Edinburgh", "country": "GB"}),
        ("<p>1600 Amphitheatre Parkway, Mountain View, CA 94043</p>", "en",
         {"street": "1600 Amphitheatre Parkway", "postal_code": "94043", "locality": "Mountain View", "region": "CA", "country": "US"}),
        ("<p>Address: Plot 12, MG Road, Bengaluru - 560 001</p>", "en-IN",
         {"street": "Plot 12, MG Road", "postal_code": "560001", "locality": "Bengaluru", "country": "IN"}),
        ("<p>Haarlemmerstraat 88, 1013 EW Amsterdam</p>", "nl",
         {"street": "Haarlemmerstraat 88", "postal_code": "1013 EW", "locality": "Amsterdam", "country": "NL"}),
        ("<p>Calle Mayor 10, 28013 Madrid</p>", "es",
         {"street": "Calle Mayor 10", "postal_code": "28013", "locality": "Madrid", "country": "ES"}),
        ("<p>Via Roma 12, 50123 Firenze</p>", "it",
         {"street": "Via Roma 12", "postal_code": "50123", "locality": "Firenze", "country": "IT"}),
        ("<p>Rua Augusta 120, 1100-053 Lisboa</p>", "pt",
         {"street": "Rua Augusta 120", "postal_code": "1100-053", "locality": "Lisboa", "country": "PT"}),
        ("<p>Maple Dental<br>200 King St W, Suite 1200<br>Toronto, ON M5V 2T6</p>", "en-CA",
         {"street": "200 King St W, Suite 1200", "postal_code": "M5V 2T6", "locality": "Toronto", "region": "ON",
          "country": "CA"}),
        ("<p>88 Rue Sainte-Catherine Ouest, Montréal, QC H2X1Z6, Canada</p>", "en",
         {"postal_code": "H2X 1Z6", "locality": "Montréal", "region": "QC", "country": "CA"}),
        ("<p>Shop 4, 12 George Street, Sydney NSW 2000, Australia</p>", "en-AU",
         {"street": "12 George Street", "postal_code": "2000", "locality": "Sydney", "region": "NSW", "country": "AU"}),
        # the postcode and town first, then the street, on one line
        ("<p>GIP Service srl<br>20148  Milano Via Monreale 14<br>C.F.04128880962</p>", "it",
         {"street": "Via Monreale 14", "postal_code": "20148", "locality": "Milano", "country": "IT"}),
        ("<p>75011 Paris, 12 rue Oberkampf</p>", "fr",
         {"street": "12 rue Oberkampf", "postal_code": "75011", "locality": "Paris", "country": "FR"}),
    ],
)
def test_text_addresses_by_country(body, lang, expected):
    address = one_address(extract(body, url="http://firma.test/", lang=lang))
    for key, value in expected.items():
        assert address[key] == value, (key, address)
    assert address["source"] == "text"
    assert address["postal_code"].replace(" ", "") in address["as_written"].replace(" ", "")


@pytest.mark.parametrize(("body", "lang", "expected"), [
    ("<p>Raison sociale : UP TO MOVE<br>Adresse du siège social : 9 rue Léon Vaudoyer<br>Code postal : 75007<br>"
     "Ville : Paris<br>Forme juridique : SARL</p>", "fr", ("9 rue Léon Vaudoyer", "75007", "Paris", "FR")),
    ("<p>Straße: Hauptstraße 5<br>PLZ: 10115<br>Ort: Berlin</p>", "de", ("Hauptstraße 5", "10115", "Berlin", "DE")),
    ("<p>Dirección: Calle Mayor 10<br>C.P.: 28013<br>Localidad: Madrid</p>", "es", ("Calle Mayor 10", "28013", "Madrid", "ES")),
])
def test_an_address_given_as_a_form_s_fields_is_one_address(body, lang, expected):
    """A legal notice filled in from a form: street, postcode and town each
    on a labelled line of its own."""
    address = one_address(extract(body, url="http://firma.test/mentions-legales", lang=lang, role="legal"))
    assert (address["street"], address["postal_code"], address["locality"], address["country"]) == expected


def test_a_plus_code_and_its_town_is_an_address():
    """A guest house with no street address gives Google's Plus Code."""
    address = one_address(extract("<p>Cím: 8MRP+C4 Szekszárd</p><p>Foglalás: +36 70 123 4567</p>",
                                  url="http://vendeghaz.test/", lang="hu"))
    assert (address["street"], address["postal_code"], address["locality"]) == ("8MRP+C4", None, "Szekszárd")


def test_a_czech_village_its_house_number_and_postcode_is_an_address():
    """No street names in the village, and its name not repeated after the postcode."""
    address = one_address(extract("<p>Adresa: Útěchov 97, 571 01</p><p>Tel.: +420 723 555 280</p>",
                                  url="http://masaze.test/", lang="cs"))
    assert (address["street"], address["postal_code"], address["locality"]) == ("Útěchov 97", "571 01", "Útěchov")


def test_host_regulator_and_dispute_body_addresses_are_left_out():
    body = """
      <h1>Impressum</h1>
      <p>Müller Haustechnik GmbH<br>Lindenstraße 42<br>10969 Berlin</p>
      <p>Registergericht: Amtsgericht Berlin-Charlottenburg, HRB 184523 B</p>
      <p>Telefon: 030 2576 8810</p>
      <h2>Aufsichtsbehörde</h2><p>Handwerkskammer Berlin<br>Blücherstraße 68<br>10961 Berlin</p>
      <p><strong>Webhosting:</strong><br>Strato AG<br>Otto-Ostrowski-Straße 7<br>10249 Berlin</p>
      <p>Hosting: IONOS SE, Elgendorfer Str. 57, 56410 Montabaur</p>
      <h2>Hébergeur</h2><p>OVH SAS, 2 rue Kellermann, 59100 Roubaix</p>
      <h2>Supervisory authority</h2><p>ICO, Wycliffe House, Water Lane, Wilmslow, SK9 5AF</p>
    """
    result = extract(body, role="legal")
    assert {a["postal_code"] for a in result["addresses"]} == {"10969"}
    assert phones(result) == {"+493025768810"}


def test_the_contact_list_a_privacy_notice_gives_for_the_regulator_is_the_regulator_s():
    """ "… lodge a complaint with the ICO, the UK's supervisory authority:"
    then its website, phone and post, each a list item of its own."""
    body = """
      <h1>Privacy policy</h1><p>Home Physio Solihull, phone 07535 230606.</p>
      <p>You also have the right to lodge a complaint with the Information Commissioner's Office (ICO),
         the UK's supervisory authority for data protection:</p>
      <ul><li>Website: ico.org.uk</li><li>Phone: 0303 123 1113</li>
          <li>Post: Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF</li></ul>
    """
    result = extract(body, url="https://homephysio.co.uk/privacy", lang="en-GB", role="privacy")
    assert phones(result) == {"+447535230606"}
    assert result["addresses"] == []


def test_json_ld_postal_address():
    head = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
      {"@type": "LocalBusiness", "name": "Sonne", "address": {"@type": "PostalAddress", "streetAddress": "Bergstraße 3",
       "postalCode": "69120", "addressLocality": "Heidelberg", "addressCountry": {"@type": "Country", "name": "Germany"}}}]}</script>"""
    address = one_address(extract("<p>Willkommen</p>", head=head))
    assert address == {
        "street": "Bergstraße 3", "postal_code": "69120", "locality": "Heidelberg", "region": None, "country": "DE",
        "as_written": "Bergstraße 3, 69120 Heidelberg, Germany", "source": "json-ld",
    }


def test_microdata_and_rdfa_addresses():
    microdata = """<div itemscope itemtype="https://schema.org/LocalBusiness"><div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
      <span itemprop="streetAddress">Bergstraße 3</span>, <span itemprop="postalCode">69120</span> <span itemprop="addressLocality">Heidelberg</span></div></div>"""
    address = one_address(extract(microdata))
    assert (address["street"], address["postal_code"], address["locality"], address["source"]) == ("Bergstraße 3", "69120", "Heidelberg", "microdata")
    rdfa = """<div vocab="https://schema.org/" typeof="PostalAddress"><span property="streetAddress">5 Rue Royale</span>
      <span property="postalCode">75008</span> <span property="addressLocality">Paris</span></div>"""
    address = one_address(extract(rdfa, lang="fr"))
    assert (address["postal_code"], address["locality"], address["source"]) == ("75008", "Paris", "microdata")


def test_address_tag_and_standalone_postcode_only_where_a_site_puts_its_own_address():
    assert one_address(extract("<address>Sonne GmbH<br>Bergstraße 3<br>69120 Heidelberg</address>"))["source"] == "address-tag"
    footer = extract("<main><p>Willkommen</p></main><footer><p>46485 Wesel</p></footer>")
    assert one_address(footer)["street"] is None and one_address(footer)["postal_code"] == "46485"
    assert extract("<main><p>46485 Wesel</p><p>Seit 2021<br>10115 Berlin</p></main>")["addresses"] == []


def test_numbers_in_prose_are_not_addresses():
    body = "<p>Seit 2021 Erfahrung</p><p>Über 10000 Kunden in 2023 Projekten</p><p>Order 12345 Shipped</p>"
    assert extract(body)["addresses"] == []


# --- social profiles ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.facebook.com/muellerhaustechnik/?ref=footer", ("facebook", "https://www.facebook.com/muellerhaustechnik", "muellerhaustechnik")),
        ("http://m.facebook.com/MuellerHaustechnik", ("facebook", "https://www.facebook.com/muellerhaustechnik", "muellerhaustechnik")),
        ("https://facebook.com/profile.php?id=100064123456789", ("facebook", "https://www.facebook.com/profile.php?id=100064123456789", "100064123456789")),
        ("https://instagram.com/mueller.haustechnik/?hl=de", ("instagram", "https://www.instagram.com/mueller.haustechnik", "mueller.haustechnik")),
        ("https://de.linkedin.com/company/mueller-haustechnik/", ("linkedin", "https://www.linkedin.com/company/mueller-haustechnik", "mueller-haustechnik")),
        ("https://www.linkedin.com/in/thomas-mueller-123/", ("linkedin", "https://www.linkedin.com/in/thomas-mueller-123", "thomas-mueller-123")),
        ("https://www.linkedin.com/school/tu-berlin/", ("linkedin", "https://www.linkedin.com/school/tu-berlin", "tu-berlin")),
        ("https://twitter.com/HarborDental", ("x", "https://x.com/harbordental", "harbordental")),
        ("https://x.com/harbordental?s=20", ("x", "https://x.com/harbordental", "harbordental")),
        ("https://www.youtube.com/@HarborDentalStudio", ("youtube", "https://www.youtube.com/@HarborDentalStudio", "HarborDentalStudio")),
        ("https://youtube.com/channel/UCabcDEF123/videos", ("youtube", "https://www.youtube.com/channel/UCabcDEF123", "UCabcDEF123")),
        ("https://www.youtube.com/c/Harbor", ("youtube", "https://www.youtube.com/c/Harbor", "Harbor")),
        ("https://www.youtube.com/user/harbor", ("youtube", "https://www.youtube.com/user/harbor", "harbor")),
        ("https://www.tiktok.com/@baeckerei.sonne", ("tiktok", "https://www.tiktok.com/@baeckerei.sonne", "baeckerei.sonne")),
        ("https://github.com/20squares", ("github", "https://github.com/20squares", "20squares")),
        ("https://github.com/orgs/20squares", ("github", "https://github.com/20squares", "20squares")),
        ("https://www.pinterest.fr/atelierdupont/", ("pinterest", "https://www.pinterest.com/atelierdupont", "atelierdupont")),
        ("https://wa.me/491724096338", ("whatsapp", "https://wa.me/491724096338", "491724096338")),
        ("https://www.xing.com/companies/muellerhaustechnikgmbh", ("xing", "https://www.xing.com/companies/muellerhaustechnikgmbh", "muellerhaustechnikgmbh")),
        ("https://www.xing.com/profile/Thomas_Mueller42", ("xing", "https://www.xing.com/profile/thomas_mueller42", "thomas_mueller42")),
        ("https://www.facebook.com/people/Cseligevi-Vend%C3%A9gh%C3%A1z/61583771781727/",
         ("facebook", "https://www.facebook.com/people/cseligevi-vend%C3%A9gh%C3%A1z/61583771781727", "61583771781727")),
        ("https://linktr.ee/ShawarmaBoxAB?utm_source=ig", ("linktree", "https://linktr.ee/shawarmaboxab", "shawarmaboxab")),
        # Facebook's "share profile" link opens the page; its code keeps its case
        ("https://www.facebook.com/share/1Db59MYHj7/", ("facebook", "https://www.facebook.com/share/1Db59MYHj7", "1Db59MYHj7")),
    ],
)
def test_profile_urls_are_canonicalised(url, expected):
    found = profile(url)
    assert (found["network"], found["url"], found["handle"]) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fx.de",
        "https://www.facebook.com/sharer.php?u=x",
        "https://www.facebook.com/tr?id=123&ev=PageView",
        "https://www.facebook.com/",
        "https://www.facebook.com/muellerhaustechnik/posts/123456",
        "https://www.facebook.com/muellerhaustechnik/videos/987/",
        "https://www.facebook.com/share/p/1Db59MYHj7/",  # a shared post
        "https://www.facebook.com/share/r/1Db59MYHj7/",  # a shared reel
        "https://twitter.com/intent/tweet?url=x",
        "https://twitter.com/share?url=x",
        "https://twitter.com/harbordental/status/1234567890",
        "https://www.linkedin.com/shareArticle?mini=true&url=x",
        "https://www.linkedin.com/sharing/share-offsite/?url=x",
        "https://www.linkedin.com/feed/",
        "https://www.linkedin.com/posts/harbor_activity-123",
        "https://www.instagram.com/",
        "https://www.instagram.com/p/CxYz123/",
        "https://www.instagram.com/reel/CxYz123/",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.tiktok.com/@baeckerei.sonne/video/7234",
        "https://github.com/flashbots/mev-research/blob/main/README.md",
        "https://github.com/20squares/20squares.github.io",
        "https://github.com/features",
        "https://www.pinterest.com/pin/123456/",
        "https://www.xing.com/spi/shares/new?url=x",
        "https://linktr.ee/",
        "https://linktr.ee/s/about",
        "https://www.tripadvisor.co.uk/",
        "https://example.com/facebook.com/acme",
        "mailto:info@firma.de",
    ],
)
def test_share_intents_posts_pixels_and_home_pages_are_not_profiles(url):
    assert profile(url) is None


def test_company_profiles_versus_profiles_mentioned_in_the_text():
    body = """
      <header><nav><a href="/">Start</a><a href="https://www.instagram.com/baeckerei.sonne/"><img alt=""></a></nav></header>
      <main>
        <p>Unser Lieferant: <a href="https://www.facebook.com/muehle.schmidt">Mühle Schmidt</a></p>
        <p>Ein schöner Artikel von <a href="https://twitter.com/foodjournalist">Anna</a></p>
        <p><a href="https://www.tiktok.com/@baeckereisonne">Backstube live</a></p>
        <p><a href="https://www.youtube.com/@backkanal">Folgen Sie uns auf YouTube</a></p>
      </main>
      <footer><a href="https://www.facebook.com/baeckereisonne">Facebook</a></footer>
    """
    result = extract(body, url="https://www.baeckerei-sonne.de/")
    assert {s["url"] for s in result["socials"]} == {
        "https://www.instagram.com/baeckerei.sonne",
        "https://www.tiktok.com/@baeckereisonne",
        "https://www.youtube.com/@backkanal",
        "https://www.facebook.com/baeckereisonne",
    }


def test_json_ld_same_as_profiles():
    head = """<script type="application/ld+json">{"@type": "Bakery", "name": "Sonne",
      "sameAs": ["https://www.facebook.com/baeckereisonne", "https://de.wikipedia.org/wiki/Sonne", "https://www.instagram.com/p/xyz/"]}</script>"""
    assert [s["url"] for s in extract("<p>Hallo</p>", head=head)["socials"]] == ["https://www.facebook.com/baeckereisonne"]


# --- company facts -------------------------------------------------------------------


def test_company_from_json_ld_graph_with_any_business_subtype():
    head = """<title>Startseite – Sonne</title><script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Website der Bäckerei"},
        {"@type": ["Campground"], "@id": "#org", "name": "Campingplatz Sonnenhang", "legalName": "Sonnenhang GmbH",
         "description": "Zelten und Wohnmobilstellplätze direkt am Bodensee.", "telephone": "+49 7551 9630 740",
         "logo": {"@type": "ImageObject", "url": "/img/logo.png"},
         "openingHours": ["Mo-Fr 08:00-20:00", "Sa 09:00-12:00"],
         "geo": {"@type": "GeoCoordinates", "latitude": "47.76", "longitude": "9.17"}}
      ]}</script>"""
    company = extract("<p>Hallo</p>", url="https://www.sonnenhang.de/", head=head)["company"]
    assert company["name"] == "Campingplatz Sonnenhang"
    assert company["legal_name"] == "Sonnenhang GmbH"
    assert company["description"] == "Zelten und Wohnmobilstellplätze direkt am Bodensee."
    assert company["logo"] == "https://www.sonnenhang.de/img/logo.png"
    assert company["opening_hours"] == ["Mo-Fr 08:00-20:00", "Sa 09:00-12:00"]
    assert company["geo"] == {"lat": 47.76, "lon": 9.17}


def test_opening_hours_specification_and_microdata():
    head = """<script type="application/ld+json">{"@type": "Restaurant", "name": "Bianchi", "openingHoursSpecification": [
      {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Tuesday", "Wednesday"], "opens": "12:00", "closes": "15:00"}]}</script>"""
    assert extract("<p>Ciao</p>", head=head, lang="it")["company"]["opening_hours"] == [
        {"days": ["Tuesday", "Wednesday"], "opens": "12:00", "closes": "15:00"}
    ]
    body = '<div itemscope itemtype="https://schema.org/Bakery"><meta itemprop="openingHours" content="Mo-Sa 06:00-18:00"><span itemprop="latitude" content="52.52"></span><span itemprop="longitude" content="13.40"></span></div>'
    company = extract(body)["company"]
    assert company["opening_hours"] == ["Mo-Sa 06:00-18:00"]
    assert company["geo"] == {"lat": 52.52, "lon": 13.40}


def test_name_from_site_name_title_and_logo():
    head = '<title>Kontakt | Bäckerei Sonne</title><meta property="og:site_name" content="Bäckerei Sonne">'
    body = '<header><a href="/"><img class="logo" src="/logo.svg" alt="Bäckerei Sonne Logo"></a></header>'
    company = extract(body, url="https://www.baeckerei-sonne.de/kontakt", head=head)["company"]
    assert company["name"] == "Bäckerei Sonne"
    assert company["name_candidates"] == {"og:site_name": "Bäckerei Sonne", "logo": "Bäckerei Sonne", "title": "Bäckerei Sonne"}
    assert company["logo"] == "https://www.baeckerei-sonne.de/logo.svg"


def test_legal_notice_name_vat_and_registration():
    body = """<h1>Mentions légales</h1><p>Raison sociale : Atelier Dupont SARL<br>Siège social : 18 rue de la Roquette, 75011 Paris<br>
      SIRET : 837 492 615 00018<br>N° TVA intracommunautaire : FR47 837492615</p>"""
    company = extract(body, url="http://atelier.test/mentions-legales", lang="fr", role="legal")["company"]
    assert company["name"] == "Atelier Dupont SARL"
    assert company["vat_id"] == "FR47837492615"
    assert company["registration"] == "SIRET 837 492 615 00018"


def test_description_prefers_meta_then_a_paragraph_naming_the_company():
    head = '<title>Bäckerei Sonne</title>'
    body = "<p>Sommeraktion: Jetzt 20 % auf alle Torten sparen, nur bis Ende August und solange der Vorrat reicht!</p>" \
           "<p>Die Bäckerei Sonne backt seit 1952 in Heidelberg Brot und Brötchen nach alten Familienrezepten.</p>"
    company = extract(body, head=head, role="home")["company"]
    assert company["description"].startswith("Die Bäckerei Sonne backt")
    assert company["description_source"] == "paragraph"
    head += '<meta name="description" content="Handwerksbäckerei in Heidelberg seit 1952.">'
    assert extract(body, head=head)["company"]["description"] == "Handwerksbäckerei in Heidelberg seit 1952."


# --- JSON-LD reading -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"@type": "Organization", "name": "A"}',
        '<!-- {"@type": "Organization", "name": "A"} -->',
        '//<![CDATA[\n{"@type": "Organization", "name": "A"}\n//]]>',
        '{"@type": "Organization", "name": "A",}',
        '{"@type": "Organization", "name": "A"}\n{"@type": "WebSite"}',
        '{"@type": "Organization", // a comment\n "name": "A"}',
        '{"@type": "Organization", "name": "A\nB"}',
    ],
)
def test_lenient_json_ld(text):
    data = loads_lenient(text)
    assert data["@type"] == "Organization" and data["name"].startswith("A")


def test_broken_json_ld_is_skipped_and_nested_organisations_found():
    html = page("""<script type="application/ld+json">{broken</script>
      <script type="application/ld+json">{"@type": "WebPage", "publisher": {"@type": "Organization", "name": "Sonne"}}</script>""")
    tree = parse_html(html)
    nodes = read_json_ld(tree)
    assert [n["@type"] for n in nodes] == ["WebPage"]
    assert [o["name"] for o in organisations(nodes)] == ["Sonne"]
    assert not is_organisation({"@type": "Person", "address": "x"})
    assert is_organisation({"@type": "HVACBusiness"})


# --- page roles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Über uns", "about"), ("Mehr über uns", "about"), ("À propos", "about"), ("Qui sommes-nous ?", "about"),
        ("Quiénes somos", "about"), ("Chi siamo", "about"), ("Over ons", "about"), ("Sobre nós", "about"),
        ("Kontakt", "contact"), ("Contact us", "contact"), ("Contactez-nous", "contact"), ("Contacto", "contact"),
        ("Contatti", "contact"), ("Fale conosco", "contact"), ("Neem contact op", "contact"), ("Get in touch", "contact"),
        ("Enquiries", "contact"), ("Make an enquiry", "contact"),
        ("Our team", "team"), ("Unser Team", "team"), ("Notre équipe", "team"), ("Equipo", "team"),
        ("Leistungen", "services"), ("Nos prestations", "services"), ("Servicios", "services"), ("Servizi", "services"),
        ("Careers", "careers"), ("Jobs", "careers"), ("Karriere", "careers"), ("Lavora con noi", "careers"), ("Vacatures", "careers"),
        ("AGB", "terms"), ("CGV", "terms"), ("Terms & Conditions", "terms"), ("Términos y condiciones", "terms"),
        ("Algemene voorwaarden", "terms"), ("Termos e condições", "terms"), ("Términos de Servicio", "terms"),
        ("Términos", "terms"),
        ("Datenschutz", "privacy"), ("Datenschutzerklärung", "privacy"), ("Politique de confidentialité", "privacy"),
        ("Confidentialité", "privacy"), ("Privacy Policy", "privacy"), ("Política de privacidad", "privacy"), ("Privacybeleid", "privacy"),
        ("Impressum", "legal"), ("Mentions légales", "legal"), ("Aviso legal", "legal"), ("Note legali", "legal"),
        ("Colofon", "legal"), ("Legal notice", "legal"), ("Impressum (in German)", "legal"),
        ("Cookie policy", "cookies"), ("Cookie-Richtlinie", "cookies"), ("Cookiebeleid", "cookies"),
    ],
)
def test_role_from_link_text(text, role):
    assert page_role("https://www.firma.de/p?id=7", text) == role


@pytest.mark.parametrize(
    ("url", "role"),
    [
        ("https://firma.de/contact-us.html", "contact"), ("https://firma.de/ueber-uns/", "about"),
        ("https://firma.de/westmere-about.html", "about"), ("https://firma.de/TermsAndConditions.html", "terms"),
        ("https://firma.de/mentions-legales", "legal"), ("https://firma.de/apropos", "about"),
        ("https://firma.de/our-team.html", "team"), ("https://firma.de/impressum", "legal"),
        ("https://firma.de/Privacy_Policy.aspx", "privacy"), ("https://firma.de/en/contact/", "contact"),
        ("https://firma.de/services/audit.html", "services"), ("https://firma.de/careers/senior-baker", "careers"),
        ("https://firma.de/", "home"), ("https://firma.de/index.html", "home"), ("https://firma.de/en/", "home"),
        ("https://firma.de/index.php", "home"), ("https://firma.de/cookie-richtlinie-eu/", "cookies"),
        ("https://iatros.gr/viografiko.html", "about"), ("https://praxis.de/lebenslauf", "about"),  # a practitioner's CV
        ("https://studio.ie/enquire.html", "contact"), ("https://studio.ie/enquiries/", "contact"),  # British English
        ("https://inmobiliaria.es/quien-soy.html", "about"),  # a sole trader's "who I am"
    ],
)
def test_role_from_url_slug(url, role):
    assert page_role(url) == role


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("https://firma.de/contact-lenses-shop/product", ""),
        ("https://firma.de/contact-lenses-shop/", ""),
        ("https://firma.de/blog/why-privacy-matters", "Why our privacy matters"),
        ("https://firma.de/blog/2024/datenschutz-im-smart-home", ""),
        ("https://firma.de/p?id=9", "Lesen Sie hier, warum uns Ihr Datenschutz beim Smart Home so wichtig ist"),
        ("https://firma.de/produkte/kontaktgrill", "Kontaktgrill"),
        ("https://firma.de/news", "Read more"),
        ("https://firma.de/p?id=3", ""),
    ],
)
def test_roles_do_not_misfire(url, text):
    assert page_role(url, text) is None


def test_role_from_sitemap_url_uses_the_slug_only():
    assert role_from_sitemap_url("https://firma.de/impressum/") == "legal"
    assert role_from_sitemap_url("https://firma.de/") == "home"
    assert role_from_sitemap_url("https://firma.de/services/audit.html") is None
    assert role_from_sitemap_url("https://firma.de/blog/kontakt-aufnehmen-leicht-gemacht") is None


def test_a_page_named_by_its_role_alone_is_that_page_not_a_language_root():
    # the Nordic "/om" (about) is no Oromo home page; an image link to
    # "contactos.htm" or "/privatliv" says its role by the slug alone
    assert not is_home_path("https://hornslet-akupunktur.dk/om") and is_home_path("https://firma.de/en/")
    assert page_role("https://hornslet-akupunktur.dk/om", "Om mig") == "about"
    assert page_role("https://palhacoazul.com/contactos.htm", "") == "contact"
    assert page_role("https://hornslet-akupunktur.dk/privatliv", "Læs mere om cookies") == "privacy"


def test_fallback_paths_language_first_then_english():
    assert fallback_paths("legal", "de")[0] == "/impressum"
    assert fallback_paths("contact", "fr")[:2] == ["/contact", "/nous-contacter"]
    assert fallback_paths("about", "pt-BR")[0] == "/sobre-nos"
    assert fallback_paths("privacy", None) == ["/privacy", "/privacy-policy"]
    assert fallback_paths("home", "de") == ["/"]
    assert fallback_paths("nonsense", "de") == []
    for role in ROLES:
        for language in ("en", "de", "fr", "es", "it", "nl", "pt", None):
            paths = fallback_paths(role, language)
            assert paths and len(paths) <= 4 and len(set(paths)) == len(paths)
            assert all(p.startswith("/") for p in paths)


def test_discover_role_pages_same_site_best_first_deduplicated():
    links = [
        Link("https://www.firma.de/", "Start"),
        Link("https://firma.de/index.html", "Home"),
        Link("https://firma.de/kontakt/", "Kontakt"),
        Link("https://firma.de/p?id=12", "Kontakt aufnehmen"),
        Link("https://firma.de/kontakt-formular.html", "Kontakt"),
        Link("https://firma.de/kontakt", "Schreiben Sie uns"),
        Link("https://www.firma.de/impressum", "Impressum", rel=("nofollow",), nofollow=True),
        Link("https://other-site.de/impressum", "Impressum"),
        Link("https://blog.firma.de/ueber-uns/", "Über uns"),
        Link("https://firma.de/datenschutz/", "Datenschutz"),
        Link("https://firma.de/blog/datenschutz-tipps", "Warum uns Datenschutz wichtig ist"),
        Link("https://firma.de/?page_id=4", "Über uns"),
    ]
    found = discover_role_pages(links, "https://firma.de/", per_role=2)
    assert found == {
        "home": ["https://firma.de/"],
        "contact": ["https://firma.de/kontakt/", "https://firma.de/p?id=12"],
        "legal": ["https://www.firma.de/impressum"],
        "privacy": ["https://firma.de/datenschutz/"],
        "about": ["https://firma.de/?page_id=4"],
    }
    assert discover_role_pages(links, "https://firma.de/", per_role=1)["contact"] == ["https://firma.de/kontakt/"]
    assert discover_role_pages([], "https://firma.de/") == {"home": ["https://firma.de/"]}


def test_the_contact_page_before_the_directions_page():
    """ "Anfahrt" says how to get there: the contact page when there is
    no other, after "Kontakt" when there is."""
    links = [Link("https://praxis.de/anfahrt.html", "Anfahrt"), Link("https://praxis.de/kontakt.html", "Kontakt")]
    assert discover_role_pages(links, "https://praxis.de/")["contact"] == [
        "https://praxis.de/kontakt.html", "https://praxis.de/anfahrt.html"]
    assert discover_role_pages(links[:1], "https://praxis.de/")["contact"] == ["https://praxis.de/anfahrt.html"]


# --- the page contract, junk input -----------------------------------------------------------


CONTACT_KEYS = {"company", "emails", "phones", "addresses", "socials", "schema_org", "language", "region", "covers", "places"}
COMPANY_KEYS = {"name", "legal_name", "description", "logo", "opening_hours", "geo", "vat_id", "registration"}


@pytest.mark.parametrize(
    "junk",
    [
        "", b"", "   ", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "<<<>>>", "<!-- only a comment -->",
        "<html><body><p>unclosed <b>bold <a href='mailto:'>", b"\xff\xfe\x00<\x00h\x00t\x00m\x00l",
        "<div>" * 5000 + "info@firma.de" + "</div>" * 5000, "<p>" + "1234567890 " * 5000 + "</p>",
        "<script type='application/ld+json'>[[[[[[[[[[[[[[[[[[[[[[[[[{</script>",
        "<a href='tel:'>x</a><a href='https://wa.me/'>y</a><a href='http://[::1'>z</a>",
    ],
)
def test_junk_input_never_raises(junk):
    result = extract_contacts(junk, "https://www.firma.de/")
    assert set(result) == CONTACT_KEYS
    assert COMPANY_KEYS <= set(result["company"])
    json.dumps(result)


def test_encoding_of_bytes_is_honoured():
    html = page("<p>Büro: Lindenstraße 42, 10969 Berlin – kontakt@müller-bau.de</p>").encode("latin-1", "replace")
    result = extract_contacts(html, DE_SITE, encoding="latin-1")
    assert one_address(result)["street"] == "Lindenstraße 42"


def test_output_shape_on_a_full_page():
    result = extract(
        '<p>Tel. <a href="tel:+493025768810">030 2576 8810</a>, info@mueller-haustechnik.de</p>'
        "<footer>Lindenstraße 42, 10969 Berlin <a href='https://www.facebook.com/muellerhaustechnik'>fb</a></footer>"
    )
    assert set(result) == CONTACT_KEYS
    assert set(result["emails"][0]) == {"email", "source"}
    assert set(result["phones"][0]) == {"e164", "as_written", "type", "source"}
    assert set(result["addresses"][0]) == {"street", "postal_code", "locality", "region", "country", "as_written", "source"}
    assert set(result["socials"][0]) == {"network", "url", "handle", "source"}
    assert result["language"] == "de" and result["region"] == "DE"


def test_importing_the_extractors_does_not_load_phonenumbers():
    code = (
        "import sys\n"
        "import scrapejet.extract.contacts, scrapejet.extract.profile, scrapejet.extract.roles\n"
        "assert 'phonenumbers' not in sys.modules, 'phonenumbers imported at import time'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=60)


# --- merging pages into a profile ----------------------------------------------------------------


def _page(url: str, role: str | None, **contacts) -> dict:
    base = extract_contacts("", url)
    base.update(contacts)
    return {"url": url, "page_type": role, "contacts": base}


def test_merge_profile_deduplicates_and_keeps_provenance():
    home = _page(
        "https://firma.de/", "home",
        emails=[{"email": "info@firma.de", "source": "text"}],
        phones=[{"e164": "+493025768810", "as_written": "030 2576 88-10", "type": "landline", "source": "text"}],
        addresses=[{"street": None, "postal_code": "10969", "locality": "Berlin", "region": None, "country": "DE",
                    "as_written": "10969 Berlin", "source": "text"}],
        socials=[{"network": "facebook", "url": "https://www.facebook.com/firma", "handle": "firma"}],
    )
    contact = _page(
        "https://firma.de/kontakt/", "contact",
        emails=[{"email": "INFO@firma.de", "source": "mailto"}, {"email": "vertrieb@firma.de", "source": "text"}],
        phones=[
            {"e164": "+493025768810", "as_written": "+49 30 2576 8810", "type": "landline", "source": "tel"},
            {"e164": "+491724096338", "as_written": "+491724096338", "type": "whatsapp", "source": "wa.me"},
            {"e164": "+491724096338", "as_written": "0172 4096 338", "type": "mobile", "source": "text"},
        ],
        addresses=[{"street": "Lindenstraße 42", "postal_code": "10969", "locality": "Berlin", "region": None, "country": "DE",
                    "as_written": "Lindenstraße 42, 10969 Berlin", "source": "text"}],
    )
    legal = _page(
        "https://firma.de/impressum/", "legal",
        emails=[{"email": "vertrieb@firma.de", "source": "text"}],
        addresses=[{"street": "Lindenstrasse 42", "postal_code": "10969", "locality": "Berlin", "region": None, "country": "DE",
                    "as_written": "Lindenstrasse 42, 10969 Berlin", "source": "text"}],
    )
    profile_ = merge_profile([home, contact, legal], job_id="j1", site="firma.de")
    assert set(profile_) == {f.name for f in fields(BusinessProfileItem)}

    assert profile_["emails"] == [
        {"email": "info@firma.de", "source": "mailto", "found_on": [
            {"url": "https://firma.de/", "role": "home"}, {"url": "https://firma.de/kontakt/", "role": "contact"}]},
        {"email": "vertrieb@firma.de", "source": "text", "found_on": [
            {"url": "https://firma.de/kontakt/", "role": "contact"}, {"url": "https://firma.de/impressum/", "role": "legal"}]},
    ]
    by_number = {p["e164"]: p for p in profile_["phones"]}
    assert by_number["+493025768810"]["as_written"] == "+49 30 2576 8810"  # the tel: link's spelling
    assert len(by_number["+493025768810"]["found_on"]) == 2
    assert by_number["+491724096338"]["type"] == "mobile"
    assert by_number["+491724096338"]["types"] == ["mobile", "whatsapp"]
    assert [a["street"] for a in profile_["addresses"]] == ["Lindenstraße 42"]
    assert len(profile_["addresses"][0]["found_on"]) == 3
    assert profile_["socials"][0]["found_on"] == [{"url": "https://firma.de/", "role": "home"}]
    assert profile_["pages"] == {"home": "https://firma.de/", "contact": "https://firma.de/kontakt/", "legal": "https://firma.de/impressum/"}


def test_a_number_written_nationally_read_in_the_wrong_country_is_the_one_written_with_its_code():
    # the home page's "0650/4004663" was read as German (a live.de address);
    # the contact page writes it "+43 650 4004663": one Austrian number
    pages = [
        _page("https://gasthaus.at/", "home", phones=[
            {"e164": "+496504004663", "as_written": "0650/4004663", "type": "landline", "source": "text"}]),
        _page("https://gasthaus.at/kontakt.html", "contact", phones=[
            {"e164": "+436504004663", "as_written": "+43 650 4004663", "type": "mobile", "source": "text"}]),
    ]
    phones = merge_profile(pages, job_id="j", site="gasthaus.at")["phones"]
    assert [(p["e164"], p["type"]) for p in phones] == [("+436504004663", "mobile")]
    assert [f["url"] for f in phones[0]["found_on"]] == ["https://gasthaus.at/kontakt.html", "https://gasthaus.at/"]


def test_merge_profile_orders_by_pages_then_role():
    pages = [
        _page("https://firma.de/agb", "terms", emails=[{"email": "a@firma.de", "source": "text"}]),
        _page("https://firma.de/", "home", emails=[{"email": "b@firma.de", "source": "text"}]),
        _page("https://firma.de/kontakt", "contact", emails=[{"email": "c@firma.de", "source": "text"}]),
        _page("https://firma.de/team", "team", emails=[{"email": "d@firma.de", "source": "text"}, {"email": "a@firma.de", "source": "text"}]),
    ]
    assert [e["email"] for e in merge_profile(pages, job_id="j", site="firma.de")["emails"]] == [
        "a@firma.de", "c@firma.de", "b@firma.de", "d@firma.de",
    ]


def _named(url: str, role: str, **candidates) -> dict:
    page_ = _page(url, role)
    page_["contacts"]["company"]["name_candidates"] = candidates
    return page_


def test_merge_profile_company_name_priority():
    home = _named("https://firma.de/", "home", **{"og:site_name": "Sonne", "title": "Bäckerei Sonne"})
    about = _named("https://firma.de/ueber-uns", "about", title="Bäckerei Sonne")
    legal = _named("https://firma.de/impressum", "legal", **{"legal-notice": "Bäckerei Sonne GmbH", "title": "Impressum Sonne"})
    result = merge_profile([home, about, legal], job_id="j", site="firma.de")
    assert result["company_name"] == "Bäckerei Sonne GmbH"
    assert result["provenance"]["company_name"] == {"url": "https://firma.de/impressum", "role": "legal", "source": "legal-notice"}

    with_json_ld = _named("https://firma.de/kontakt", "contact", **{"json-ld": "Sonne Backwaren"})
    assert merge_profile([home, legal, with_json_ld], job_id="j", site="firma.de")["company_name"] == "Sonne Backwaren"
    assert merge_profile([home, about], job_id="j", site="firma.de")["company_name"] == "Sonne"
    no_site_name = _named("https://firma.de/", "home", title="Willkommen bei Sonne")
    assert merge_profile([no_site_name, about, _named("https://firma.de/x", "services", title="Bäckerei Sonne")],
                         job_id="j", site="firma.de")["company_name"] == "Bäckerei Sonne"
    # a person's name in the legal notice does not beat the business's own name
    person = _named("https://firma.de/impressum", "legal", **{"legal-notice": "Léo Martin"})
    assert merge_profile([home, person], job_id="j", site="firma.de")["company_name"] == "Sonne"


def test_merge_profile_of_nothing():
    result = merge_profile([], job_id="j", site="firma.de")
    assert result["company_name"] is None and result["emails"] == [] and result["pages"] == {}
    assert result["schema_org"] == {} and result["provenance"] == {} and result["created_at"] > 0
    assert merge_profile([{"url": "x"}, None, {"contacts": "junk"}], job_id="j", site="s")["emails"] == []
    odd = {"url": "https://firma.de/", "page_type": "home", "contacts": {"emails": [None, {"email": ""}, "x"], "phones": "junk"}}
    assert merge_profile([odd], job_id="j", site="s")["emails"] == []


def test_labels_decide_the_kind_of_each_number_on_a_line():
    result = extract("<p>Tel. 0221 4710 8820 · WhatsApp: 0171 4096 338 · Tel./WhatsApp 0171 4096 339</p><p>T.0221 4710 8829</p>")
    assert {p["e164"]: p["type"] for p in result["phones"]} == {
        "+4922147108820": "landline", "+491714096338": "whatsapp", "+491714096339": "mobile", "+4922147108829": "landline",
    }


def test_identifier_label_on_the_line_above():
    assert extract("<p>Kundennummer:<br>0221 4710 8820</p>")["phones"] == []
    assert phones(extract("<p>Telefon:<br>0221 4710 8820</p>")) == {"+4922147108820"}


def test_huge_pages_stay_cheap_and_directories_are_capped():
    import time

    legal_prose = page("<p>" + "Gemäß Art. 6 Abs. 1 lit. f DSGVO vom 27.04.2016, Rechnung 4711 0815 2024, 1.299,00 €. " * 12000 + "</p>")
    directory = page("".join(f"<p>Filiale {i}: Tel. 0221 4710 {i:04d}, filiale{i}@sonne-bau.de</p>" for i in range(3000)))
    start = time.perf_counter()
    assert extract_contacts(legal_prose, DE_SITE)["phones"] == []
    listed = extract_contacts(directory, DE_SITE)
    assert time.perf_counter() - start < 5
    assert 0 < len(listed["phones"]) <= 50 and 0 < len(listed["emails"]) <= 200


@pytest.mark.parametrize(("address", "line"), [
    ({"street": "Kornstraße 7", "postal_code": "79098", "locality": "Freiburg", "country": "DE"},
     "Kornstraße 7, 79098 Freiburg, DE"),
    ({"street": "5 Quay Street", "postal_code": "BS1 4DB", "locality": "Bristol", "country": "GB"},
     "5 Quay Street, Bristol BS1 4DB, GB"),
    ({"street": "1200 Market St", "postal_code": "94102", "locality": "San Francisco", "region": "CA", "country": "US"},
     "1200 Market St, San Francisco, CA 94102, US"),
    ({"street": "200 King St W", "postal_code": "M5V 2T6", "locality": "Toronto", "region": "ON", "country": "CA"},
     "200 King St W, Toronto, ON M5V 2T6, CA"),
    ({"postal_code": None, "locality": None, "as_written": "Harbour Road"}, "Harbour Road"),
])
def test_an_address_is_written_in_its_country_s_order(address, line):
    from scrapejet.export import address_line

    assert address_line(address) == line


@pytest.mark.parametrize(("value", "line"), [
    ("Tu-Sa 07:00-14:00", "Tu-Sa 07:00-14:00"),
    ({"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Monday", "Tuesday"],
      "opens": "09:00", "closes": "17:00"}, "Monday, Tuesday 09:00–17:00"),
    ({"dayOfWeek": "http://schema.org/Saturday", "opens": "10:00", "closes": "14:00"}, "Saturday 10:00–14:00"),
])
def test_opening_hours_are_written_as_people_read_them(value, line):
    from scrapejet.export import hours_line

    assert hours_line(value) == line


def test_menu_pages_fill_in_without_bringing_in_others_details():
    def social(url: str, network: str) -> dict:
        return {"url": url, "network": network, "handle": url.rsplit("/", 1)[-1]}

    pages = [
        _page("https://kitakyu.jp/", "home", socials=[social("https://www.facebook.com/kitakyubuppan", "facebook")]),
        _page("https://kitakyu.jp/contact.html", "contact", emails=[{"email": "info@kitakyu.jp", "source": "mailto"}]),
        # the staff page: a person's own Facebook beside the shop's, and a YouTube channel no other page links
        _page("https://kitakyu.jp/staff.html", "other", socials=[
            social("https://www.facebook.com/tosihiro.obo", "facebook"), social("https://www.youtube.com/@obo5290", "youtube")]),
        # an estate agent's listings: three flats, three agents' numbers, found nowhere else
        _page("https://kitakyu.jp/listings.html", "other", phones=[
            {"e164": f"+8192{n}", "as_written": f"092-{n}", "type": "landline", "source": "text"}
            for n in ("2221111", "2232222", "2243333")]),
        # a second address of the business's own on its events page
        _page("https://kitakyu.jp/events.html", "other", emails=[{"email": "events@kitakyu.jp", "source": "text"}]),
    ]
    profile_ = merge_profile(pages, job_id="j", site="kitakyu.jp")
    assert [s["url"] for s in profile_["socials"]] == ["https://www.facebook.com/kitakyubuppan", "https://www.youtube.com/@obo5290"]
    assert profile_["phones"] == []
    assert [e["email"] for e in profile_["emails"]] == ["info@kitakyu.jp", "events@kitakyu.jp"]
