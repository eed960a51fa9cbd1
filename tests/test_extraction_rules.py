"""Rules the extraction corpus (bench/extraction.py) taught, each on a page of
our own written the way the real sites write it: page roles in more
languages, the booking page and the "where we are" page as contact pages,
social profiles (Facebook's /p/ addresses, template placeholders, a team's
own accounts, WhatsApp), and the data of authorities and webmasters that a
page shows but that is not the company's."""

from __future__ import annotations

import pytest

from scrapejet.extract.contacts import extract_contacts, read_business_page
from scrapejet.extract.links import Link
from scrapejet.extract.roles import discover_role_pages, page_role

HOME = "http://firma.test/"


@pytest.mark.parametrize("url, text, role", [
    ("http://firma.test/kontakty.html", "Kontakty", "contact"),
    ("http://firma.test/wie.htm", "Wie Sie uns erreichen", "contact"),
    ("http://firma.test/yhteystiedot", "Ota yhteyttä", "contact"),
    ("http://firma.test/om-oss", "Om oss", "about"),
    ("http://firma.test/nl/over.html", "Over", "about"),  # Dutch "about", alone
    ("http://firma.test/a.html", "O nás", "about"),
    ("http://firma.test/polityka-prywatnosci", "Polityka prywatności", "privacy"),
    ("http://firma.test/tietosuoja", "Tietosuojaseloste", "privacy"),
    ("http://firma.test/villkor", "Köpvillkor", "terms"),
    ("http://firma.test/obchodni-podminky", "Obchodní podmínky", "terms"),
    ("http://firma.test/a.html", "Hakkımızda", "about"),  # Turkish: a dotless i
    ("http://firma.test/kvkk.html", "KVKK Aydınlatma Metni", "privacy"),
    ("http://firma.test/b.html", "Elérhetőség", "contact"),
    ("http://firma.test/impresszum.html", "Impresszum", "legal"),
    ("http://firma.test/despre-noi", "Despre noi", "about"),
    ("http://firma.test/c", "Termeni și condiții", "terms"),
    ("http://firma.test/kontaktai", "Kontaktai", "contact"),
    ("http://firma.test/privaatsus", "Privaatsuspoliitika", "privacy"),
    ("http://firma.test/o-meni", "O meni", "about"),
    ("http://firma.test/d", "Politika zasebnosti", "privacy"),
    ("http://firma.test/e", "Επικοινωνία", "contact"),
    ("http://firma.test/etaireia.html", "Εταιρεία", "about"),  # "the company", without its article
    ("http://firma.test/contactinfo.html", "Contactinfo", "contact"),  # Dutch, one word
    ("http://firma.test/personalas.html", "Personalas", "team"),  # Lithuanian staff: the about page of a site without one
    ("http://firma.test/professeurs.html", "Professeurs", "team"),  # a yoga school's teachers
    ("http://firma.test/f", "Όροι χρήσης", "terms"),
    # Slovak, Bulgarian, Ukrainian, Russian, Hebrew, Japanese: Cyrillic,
    # Hebrew and kana/kanji link texts are words too
    ("http://firma.test/profil-spolocnosti.html", "Profil spoločnosti", "about"),
    ("http://firma.test/zamestnanie.html", "Zamestnanie", "careers"),
    ("http://firma.test/za-men.html", "За мен", "about"),
    ("http://firma.test/g", "Про нас", "about"),
    ("http://firma.test/h", "Контакты", "contact"),
    ("http://firma.test/i", "Політика конфіденційності", "privacy"),
    ("http://firma.test/j", "צור קשר", "contact"),
    ("http://firma.test/k", "מדיניות פרטיות", "privacy"),
    ("http://firma.test/gaiyou", "組合概要", "about"),
    ("http://firma.test/l", "お問い合わせ", "contact"),
    ("http://firma.test/m", "プライバシーポリシー", "privacy"),
    ("http://firma.test/tokushoho", "特定商取引法に基づく表記", "legal"),
    # Catalan
    ("http://firma.test/qui-som.html", "QUI SOM", "about"),
    ("http://firma.test/n.html", "Política de privacitat", "privacy"),
    ("http://firma.test/avis-legal.html", "Avís legal", "legal"),
    ("http://firma.test/o.html", "Contacte", "contact"),
    ("http://firma.test/aboutme.html", "Dr. Gary", "about"),
    # Indonesian, Vietnamese, Thai
    ("http://firma.test/tentang-kami.html", "Tentang Kami", "about"),
    ("http://firma.test/hubungi-kami.html", "Hubungi Kami", "contact"),
    ("http://firma.test/p", "Kebijakan Privasi", "privacy"),
    ("http://firma.test/gioi-thieu.html", "Giới thiệu", "about"),
    ("http://firma.test/lien-he.html", "Liên hệ", "contact"),
    ("http://firma.test/q", "Chính sách bảo mật", "privacy"),
    ("http://firma.test/r", "ติดต่อเรา", "contact"),
    ("http://firma.test/doctors.html", "医師紹介", "about"),  # a clinic's doctors, as "meet the doctors"
    ("http://firma.test/s", "Όροι & Προϋποθέσεις", "terms"),
    ("http://firma.test/om.html", "Om Anna", "about"),  # Swedish "about Anna"
])
def test_role_words_of_more_languages(url, text, role):
    assert page_role(url, text) == role


def test_a_data_protection_law_notice_or_a_why_us_page_only_when_nothing_better():
    links = [Link(HOME + "kvkk.html", "KVKK Aydınlatma Metni"), Link(HOME + "gizlilik.html", "Gizlilik")]
    assert discover_role_pages(links, HOME)["privacy"][0] == HOME + "gizlilik.html"
    assert discover_role_pages(links[:1], HOME)["privacy"] == [HOME + "kvkk.html"]
    links = [Link(HOME + "varfor-oss.html", "Varför oss"), Link(HOME + "om-oss.html", "Om oss")]
    assert discover_role_pages(links, HOME)["about"][0] == HOME + "om-oss.html"
    assert discover_role_pages(links[:1], HOME)["about"] == [HOME + "varfor-oss.html"]
    # a refund policy is read after the terms (it names where to write to), never before
    links = [Link(HOME + "refund-policy.html", "Refunds"), Link(HOME + "terms-of-service.html", "Terms of Service")]
    assert discover_role_pages(links, HOME)["terms"] == [HOME + "terms-of-service.html", HOME + "refund-policy.html"]


def test_a_booking_page_is_the_contact_page_only_of_a_site_without_one():
    links = [Link(HOME + "camere.html", "Camere"), Link(HOME + "prenota-stanze.html", "Prenotazioni")]
    assert discover_role_pages(links, HOME)["contact"] == [HOME + "prenota-stanze.html"]
    links.append(Link(HOME + "contatti.html", "Contatti"))
    assert discover_role_pages(links, HOME)["contact"] == [HOME + "contatti.html"]


def test_a_where_we_are_page_comes_after_the_contact_page():
    links = [Link(HOME + "dove-siamo.html", "Dove siamo"), Link(HOME + "contatti.html", "Contatti")]
    assert discover_role_pages(links, HOME)["contact"] == [HOME + "contatti.html", HOME + "dove-siamo.html"]
    # without a contact page: the booking page first, then where it is
    links = [Link(HOME + "dove-siamo.html", "Dove siamo"), Link(HOME + "prenota.html", "Prenota")]
    assert discover_role_pages(links, HOME)["contact"] == [HOME + "prenota.html", HOME + "dove-siamo.html"]
    # a "How to Find Us" page is a contact page only by its words: the booking page stands in too
    links = [Link(HOME + "booking.htm", "Bookings"), Link(HOME + "location.htm", "How to Find Us")]
    found = discover_role_pages(links, HOME)
    assert found["contact"] == [HOME + "location.htm", HOME + "booking.htm"] and found["booking"] == [HOME + "booking.htm"]


def socials(body: str) -> set[str]:
    html = f"<html><head><title>Forn Nou</title></head><body>{body}</body></html>".encode()
    return {s["url"] for s in extract_contacts(html, HOME, role="home")["socials"]}


def test_social_profiles_as_small_sites_link_them():
    # Facebook's page address with an id, and a tracking query
    assert socials('<footer><a href="https://www.facebook.com/p/Forn-nou-la-vileta-100054573754039/?locale=es_LA">'
                   '<i class="fb"></i></a></footer>') == {"https://www.facebook.com/p/forn-nou-la-vileta-100054573754039"}
    # a template's placeholder left in the footer
    assert socials('<footer><a href="https://www.instagram.com/IL_TUO_PROFILO"><i></i></a>'
                   '<a href="https://www.facebook.com/tu_cuenta"><i></i></a></footer>') == set()
    # a wa.me address in the body is the site's WhatsApp
    assert socials('<main><p><a href="https://wa.me/34672504141">Escribir por WhatsApp</a></p></main>') == {
        "https://wa.me/34672504141"}
    # Vietnam's messenger, a business's number on it
    assert socials('<footer><a href="https://zalo.me/0936365576">Zalo</a></footer>') == {"https://zalo.me/0936365576"}
    # ...wherever it stands, as a wa.me address: a floating chat button
    assert socials('<main><p>Khám mắt</p></main><div class="float-actions"><a class="float-btn zalo" '
                   'href="https://zalo.me/0936365576" title="Chat Zalo">Z</a></div>') == {"https://zalo.me/0936365576"}


def test_the_team_s_own_accounts_are_not_the_company_s():
    team = "".join(f'<div class="member"><h3>{name}</h3><a href="https://www.instagram.com/{handle}"><i></i></a></div>'
                   for name, handle in [("Marta", "martasantos"), ("Milton", "miltonu"), ("Aline", "alinesch")])
    found = socials(f'<main>{team}</main><footer><a href="https://www.instagram.com/fornnou"><i></i></a></footer>')
    assert found == {"https://www.instagram.com/fornnou"}


def contacts(body: str, url: str = "http://notar-krebs.test/impressum.html", role: str = "legal") -> tuple[set[str], set[str]]:
    html = f"<html><head><title>Notar Krebs</title></head><body>{body}</body></html>".encode()
    found = extract_contacts(html, url, role=role)
    return {e["email"] for e in found["emails"]}, {p["e164"] for p in found["phones"]}


def test_the_supervising_authorities_of_a_legal_notice_are_not_the_company():
    emails, phones = contacts("""
        <h1>Impressum</h1>
        <p>Notar Dr. Krebs<br>Altstadt 1<br>84028 Landshut<br>Telefon: 0871 23001<br>
        E-Mail: <a href="mailto:info@notar-krebs.de">info@notar-krebs.de</a></p>
        <h2>Aufsichtsbehörden:</h2>
        <p>Landesnotarkammer Bayern<br>Ottostraße 10<br>80333 München<br>Telefon: 089 551660<br>
        Fax: 089 55166234<br>E-Mail: <a href="mailto:kammer@notare.example.de">kammer@notare.example.de</a><br>
        Internet: www.notare.bayern.de</p>
        <p>Der Präsident des Landgerichts Landshut<br>Maximilianstraße 22<br>84028 Landshut<br>
        Telefon: 0871 840<br>Fax: 0871 841440<br>E-Mail: <a href="mailto:poststelle@lg-la.bayern.de">poststelle@lg-la.bayern.de</a></p>
    """)
    assert emails == {"info@notar-krebs.de"}
    assert phones == {"+4987123001"}


def test_the_webmaster_s_address_in_a_footer_credit_is_not_the_company_s():
    emails, _ = contacts("""
        <main><p>Call Colin on 07970 807386 or e-mail <a href="mailto:colin@ashlandscaping.co.uk">colin@ashlandscaping.co.uk</a></p></main>
        <footer><span>Copyright 2016 by Whatcroft Services</span>
        <span>e-mail the</span> <span><a href="mailto:mick@whatcroftservices.co.uk?Subject=From%20Ash">Webmaster</a></span></footer>
    """)
    assert emails == {"colin@ashlandscaping.co.uk"}
    # the webmaster's address on the site's own domain is the company's
    html = b"""<html><body><main><p>Call 515-669-9136</p></main><footer>
        <p>Questions about this site? E-mail the <a href="mailto:webmaster@choservices.com">Webmaster</a></p>
        </footer></body></html>"""
    found = extract_contacts(html, "https://choservices.com/", role="home")["emails"]
    assert [e["email"] for e in found] == ["webmaster@choservices.com"]


@pytest.mark.parametrize("url, lines, expected", [
    ("http://bcb-technik.test/kontakty", ["BCB technik s.r.o.", "Moravská Huzová 119", "783 13 Štěpánov"],
     ("Moravská Huzová 119", "783 13", "Štěpánov")),
    ("http://agronaprawa.test/kontakt", ["Agronaprawa", "ul. Kaliska 12", "98-235 Błaszki"],
     ("ul. Kaliska 12", "98-235", "Błaszki")),
    ("http://tradgard.se/kontakt", ["Trädgårdsfix", "Storgatan 12", "211 34 Malmö"],
     ("Storgatan 12", "211 34", "Malmö")),
])
def test_czech_polish_and_swedish_postcodes(url, lines, expected):
    html = f"<html><body><footer><p>{'<br>'.join(lines)}</p></footer></body></html>".encode()
    found = extract_contacts(html, url, role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found] == [expected]


def test_a_postcode_shape_in_prose_is_no_address():
    html = "<html><body><main><p>Call us today, we open at 123 45 Malmö prices.</p></main></body></html>".encode()
    assert extract_contacts(html, "http://firma.test/", role="home")["addresses"] == []


@pytest.mark.parametrize("line, expected", [
    # as map services write them: house letter, district between street and postcode
    ("Carrer de Sant Joaquim, 8, Nord, 07003 Palma", ("Carrer de Sant Joaquim 8", "07003", "Palma")),
    ("Camí de la Vileta, 152, C, Ponent, 07011 Sa Vileta", ("Camí de la Vileta 152", "07011", "Sa Vileta")),
    ("Hauptstraße 5, Hinterhaus, 10115 Berlin", ("Hauptstraße 5", "10115", "Berlin")),
])
def test_a_district_between_street_and_postcode(line, expected):
    html = f"<html><body><footer><p>{line}</p></footer></body></html>".encode()
    found = extract_contacts(html, "http://forn.test/", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found] == [expected]


@pytest.mark.parametrize("url, html, expected", [
    # the numbering plan decides where it can: a Berlin number is a landline, a 0172 a mobile
    ("http://firma.de/kontakt", "<p>Telefon: 030 2576 8810<br>Mobil: 0172 4096338<br>Fax: 030 2576 8819</p>",
     {"+493025768810": "landline", "+491724096338": "mobile", "+493025768819": "fax"}),
    # "Handy" in front of a landline: the plan wins over the label
    ("http://firma.de/kontakt", "<p>Handy: 030 2576 8810</p>", {"+493025768810": "landline"}),
    # the North American plan gives mobiles no prefix: the label says it, else "phone"
    ("http://shop.test/contact", "<p>Office: (212) 736-5010<br>Cell: (917) 555-0199</p>",
     {"+12127365010": "phone", "+19175550199": "mobile"}),
    ("http://studio.fr/contact", '<p>Tél. <a href="tel:+33142685300">01 42 68 53 00</a> · Portable 06 71 84 29 53</p>',
     {"+33142685300": "landline", "+33671842953": "mobile"}),
    # a French 09 is a fixed line over the internet: a landline
    ("http://atelier.fr/contact", "<p>Tél. 09 56 21 72 99</p>", {"+33956217299": "landline"}),
    # Danish numbers by the plan's series: 98 a landline, 20 and 53 mobiles
    ("http://bageri.dk/kontakt", "<p>Telefon: 98 24 85 20</p><p>Mobil: 20 81 59 88</p><p>Tlf. 53 27 24 45</p>",
     {"+4598248520": "landline", "+4520815988": "mobile", "+4553272445": "mobile"}),
    # Chilean: nine digits after 9 a mobile, Santiago's 2 a landline
    ("http://cabanas.cl/contacto", "<p>Reservas: +56 9 9254 7884</p><p>Oficina: +56 2 2714 3050</p>",
     {"+56992547884": "mobile", "+56227143050": "landline"}),
])
def test_landline_mobile_and_fax_are_kept_apart(url, html, expected):
    found = extract_contacts(f"<html><body><main>{html}</main></body></html>".encode(), url, role="contact")["phones"]
    assert {p["e164"]: p["type"] for p in found} == expected


def test_the_accounts_in_a_credits_section_are_not_the_company_s():
    html = b"""<html><body><main><h2>Impressum</h2><p>Kanzlei Winter<br>Steinenring 20<br>CH-4051 Basel</p>
        <p><a href="https://www.linkedin.com/company/kanzlei-winter">LinkedIn</a></p>
        <h2>Credits</h2><p>Hugo Theme "CoHub" &copy; <a href="https://github.com/StaticMania">StaticMania</a> (MIT License)<br>
        Bild &copy; <a href="https://www.instagram.com/sebastianpandelache">Sebastian Pandelache</a></p></main></body></html>"""
    found = extract_contacts(html, "http://winter.test/impressum", role="legal")["socials"]
    assert [s["url"] for s in found] == ["https://www.linkedin.com/company/kanzlei-winter"]


def _page(url, role, body):
    html = f"<html><body><nav><a href='/'>Accueil</a></nav><main>{body}</main></body></html>".encode()
    return {"url": url, "page_type": role, "contacts": extract_contacts(html, url, role=role)}


def test_a_privacy_statement_inside_the_legal_notice_is_the_privacy_page_of_a_site_without_one():
    from scrapejet.extract.profile import merge_profile

    home = _page("http://jardin.test/", "home", "<h1>Le Jardin</h1><p>Restaurant</p>")
    legal = _page("http://jardin.test/mentions-legales.html", "legal", """
        <h2>Mentions légales</h2><h3>1. Utilisation des informations</h3>
        <p>Nous ne vendons ni ne louons vos informations personnelles à des tiers.</p>
        <h3>2. Contenu embarqué</h3><p>Ces sites pourraient utiliser des cookies.</p>""")
    assert merge_profile([home, legal], job_id="j", site="jardin.test")["pages"]["privacy"] == legal["url"]
    impressum = _page("http://firma.test/impressum", "legal", """
        <h1>Impressum</h1><p>Firma GmbH, Hauptstraße 1, 10115 Berlin</p>
        <h2>Datenschutzerklärung</h2><p>Wir verarbeiten Ihre Daten nur im Rahmen der Gesetze.</p>""")
    assert merge_profile([impressum], job_id="j", site="firma.test")["pages"]["privacy"] == impressum["url"]
    # a site with a privacy page of its own keeps it; a plain legal notice covers nothing
    privacy = _page("http://firma.test/datenschutz", "privacy", "<h1>Datenschutz</h1>")
    assert merge_profile([impressum, privacy], job_id="j", site="firma.test")["pages"]["privacy"] == privacy["url"]
    plain = _page("http://firma.test/impressum", "legal", "<h1>Impressum</h1><p>Firma GmbH, Hauptstraße 1</p>"
                  "<h2>Haftung für Links</h2><p>Für Inhalte externer Links haften wir nicht.</p>")
    assert "privacy" not in merge_profile([plain], job_id="j", site="firma.test")["pages"]



@pytest.mark.parametrize("heading", ["Aviso Legal y Términos de Uso", "Impressum & AGB",
                                     "Legal notice and terms of use"])
def test_a_legal_notice_headed_as_the_terms_too_is_the_terms_page_of_a_site_without_one(heading):
    from scrapejet.extract.profile import merge_profile

    legal = _page("http://estudio.test/aviso-legal.html", "legal",
                  f"<h1>{heading}</h1><p>Titular del sitio: Dr. Lionel Zurita.</p>")
    assert merge_profile([legal], job_id="j", site="estudio.test")["pages"]["terms"] == legal["url"]
    # the title in the page's header
    url = "http://estudio.test/aviso.html"
    html = f"<html><body><header><h1>{heading}</h1></header><main><p>Titular: Dr. Zurita.</p></main></body></html>"
    headed = {"url": url, "page_type": "legal", "contacts": extract_contacts(html.encode(), url, role="legal")}
    assert merge_profile([headed], job_id="j", site="estudio.test")["pages"]["terms"] == url
    # a terms page of its own is the terms page; a plain legal notice covers no terms
    terms = _page("http://estudio.test/terminos.html", "terms", "<h1>Términos</h1>")
    assert merge_profile([legal, terms], job_id="j", site="estudio.test")["pages"]["terms"] == terms["url"]
    plain = _page("http://estudio.test/aviso-legal.html", "legal", "<h1>Aviso legal</h1><p>Titular: Dr. Zurita.</p>"
                  "<h2>Condiciones de uso</h2><p>El uso del sitio implica la aceptación de este aviso.</p>")
    assert "terms" not in merge_profile([plain], job_id="j", site="estudio.test")["pages"]


def test_icon_links_next_to_a_designer_credit_are_the_company_s():
    html = b"""<html><body><footer><div><h4>Connect With Us</h4>
        <a href="https://www.linkedin.com/company/robotics-control/" aria-label="Follow us on LinkedIn"><svg></svg></a></div>
        <p>&copy; 2025 Robotics &amp; Control Ltd. | Designed by BizzyOps</p></footer></body></html>"""
    found = extract_contacts(html, "http://rcltd.test/", role="home")["socials"]
    assert [s["url"] for s in found] == ["https://www.linkedin.com/company/robotics-control"]


def test_a_link_saying_only_its_networks_name_is_the_company_s_own():
    # (optik-center-davoli of the corpus: a Facebook page with no username, "<i class=bxl-facebook></i> - Facebook")
    html = b"""<html><body><main><h1>Contatti</h1><p>Seguici sui social.</p><div class="cta">
        <a href="https://www.facebook.com/people/OPTIK-Center-Davoli/100085843205643/"><i class='bx bxl-facebook'></i> - Facebook</a><br>
        <a href="https://www.instagram.com/optik_center_davoli/"><i class='bx bxl-instagram'></i> - Instagram</a></div>
        <p>Leggi la recensione di <a href="https://www.facebook.com/ottica.rossi.milano">Ottica Rossi</a>.</p></main></body></html>"""
    found = extract_contacts(html, "http://optikcenterdavoli.it/contatti/", role="contact")["socials"]
    assert [s["url"] for s in found] == ["https://www.facebook.com/people/optik-center-davoli/100085843205643",
                                         "https://www.instagram.com/optik_center_davoli"]


def test_the_dispute_resolution_body_of_the_terms_is_not_the_company():
    emails, phones = contacts("""
        <h1>Termos e Condições</h1><p>Yes Wedo, Lda. — <a href="mailto:geral@yeswedo.pt">geral@yeswedo.pt</a>, Tel. 912 320 366</p>
        <h2>8. Resolução alternativa de litígios</h2>
        <p>Em caso de litígio de consumo, o consumidor pode recorrer à seguinte entidade de resolução alternativa de litígios:</p>
        <div><p><strong>CICAP — Centro de Informação de Consumo e Arbitragem do Porto</strong></p>
        <p>Rua Damião de Góis, 31 — 4050-225 Porto</p><p>Tel: <a href="tel:+351225508349">22 550 83 49</a></p>
        <p>Email: <a href="mailto:cicap@cicap.pt">cicap@cicap.pt</a></p></div>
        <h2>9. Lei aplicável</h2><p>Os presentes Termos são regidos pela legislação portuguesa.</p>
    """, url="http://yeswedo.pt/termos", role="terms")
    assert emails == {"geral@yeswedo.pt"}
    assert phones == {"+351912320366"}


def test_an_address_only_the_privacy_policy_gives_is_a_processor_s():
    from scrapejet.extract.profile import merge_profile

    legal = _page("http://notar-krebs.de/impressum.htm", "legal", "<p>Notar Krebs<br>Altstadt 1<br>84028 Landshut</p>")
    privacy = _page("http://notar-krebs.de/datenschutz.htm", "privacy", """<h1>Datenschutz</h1>
        <p>Die Webseiten sind bei einem Dienstleister, der <a href="https://github.com">Github Inc.</a>,
        88 Colin P Kelly Jr St, San Francisco, CA 94107, USA, abgelegt.</p>""")
    assert [a["postal_code"] for a in merge_profile([legal, privacy], job_id="j", site="notar-krebs.de")["addresses"]] == ["84028"]
    # a site whose only address is in its privacy policy keeps it; so does
    # a registered office in the company's own country
    assert merge_profile([privacy], job_id="j", site="notar-krebs.de")["addresses"]
    office = _page("http://notar-krebs.de/datenschutz.htm", "privacy", "<p>Sitz: Notar Krebs GbR, Bahnhofstraße 3, 84034 Landshut</p>")
    assert [a["postal_code"] for a in merge_profile([legal, office], job_id="j", site="notar-krebs.de")["addresses"]] == ["84028", "84034"]


@pytest.mark.parametrize("url, line, expected", [
    ("http://asztalos.hu/impresszum", "Székhely: 2092 Budakeszi Vadrózsa utca 27", ("Vadrózsa utca 27", "2092", "Budakeszi", "HU")),
    ("http://firma.hu/kapcsolat", "1011 Budapest, Fő u. 1.", ("Fő u. 1.", "1011", "Budapest", "HU")),
    # a flat between the house number and the postcode
    ("http://yeswedo.pt/termos", "Sede: Rua dos Azevinhos, 123 Hab. 4.1, 4510-501 Fânzeres, Portugal",
     ("Rua dos Azevinhos 123", "4510-501", "Fânzeres", "PT")),
])
def test_hungarian_addresses_and_a_flat_before_the_postcode(url, line, expected):
    html = f"<html><body><main><p>{line}</p></main></body></html>".encode()
    found = extract_contacts(html, url, role="legal")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [expected]


@pytest.mark.parametrize("html, expected", [
    # the CEP on a line of its own below the town and state
    ("<address>Rua Sete de Agosto 51A, Centro<br>Passo Fundo, RS, Brazil<br> CEP: 99025-030<br>CNPJ: 20.098.767/0001-02</address>",
     ("Rua Sete de Agosto 51A", "99025-030", "Passo Fundo", "RS")),
    ("<p>Av. Paulista, 1000 - Bela Vista, São Paulo - SP, 01310-100</p>", ("Av. Paulista 1000", "01310-100", "São Paulo", "SP")),
    ("<p>Rua das Flores, 25, Curitiba/PR CEP 80010-000</p>", ("Rua das Flores 25", "80010-000", "Curitiba", "PR")),
])
def test_brazilian_addresses(html, expected):
    found = extract_contacts(f"<html><body><footer>{html}</footer></body></html>".encode(), "http://lab.com.br/", role="contact")
    assert [(a["street"], a["postal_code"], a["locality"], a["region"]) for a in found["addresses"]] == [expected]
    assert found["addresses"][0]["country"] == "BR"


def test_a_second_number_written_without_its_area_code():
    _, phones = contacts("<p>Notar Krebs<br>Bahnhofstraße 1<br>84028 Landshut<br>Telefon:&nbsp;0871&nbsp;23001 oder 25311<br>"
                         "Fax: 0871 21186</p>")
    assert phones == {"+4987123001", "+4987125311", "+4987121186"}
    # a postcode, an opening hour or a shorter run after "oder" is no second number
    _, phones = contacts("<p>Bahnhofstraße 1<br>84028 Landshut</p><p>Telefon: 0871 23001 oder 84028 Landshut</p>"
                         "<p>Tel. 089 551660 oder 253</p>")
    assert phones == {"+4987123001", "+4989551660"}


def test_a_cms_s_own_content_widgets_are_the_company_s():
    # page builders call every block a widget; only a service's widget is a vendor's
    html = b"""<html><body><footer><div class=" echelon-html-widget "><h2>Kontakty</h2>
        <p><a href="mailto:info@artech.sk">E-mail: <strong>info@artech.sk</strong></a>
        <a href="tel:031 782 6129">Telef\xc3\xb3n: <strong>031 782 6129</strong></a></p></div>
        <section class="widget widget_text"><p>Mobil: 0911 116 129</p></section>
        <div class="calendly-inline-widget"><p>Help: support@calendly.example</p></div></footer></body></html>"""
    found = extract_contacts(html, "http://artech.sk/", role="home")
    assert [e["email"] for e in found["emails"]] == ["info@artech.sk"]
    assert {p["e164"] for p in found["phones"]} == {"+421317826129", "+421911116129"}


def test_a_whatsapp_link_tells_the_country_of_numbers_written_nationally():
    html = """<html lang="es"><body><footer><p>(602)5240303 | 3012841962</p>
        <a href="https://api.whatsapp.com/send?phone=573012841962&text=Hola"><img alt="WhatsApp"></a></footer></body></html>"""
    found = extract_contacts(html.encode(), "http://dentininos.test/", role="home")
    assert {p["e164"] for p in found["phones"]} == {"+576025240303", "+573012841962"}


def test_a_whatsapp_line_the_numbering_plan_cannot_type_is_a_mobile():
    from scrapejet.extract.profile import merge_profile

    page = _page("http://zpcuautla.com.mx/", "home", '<p>Llámanos: <a href="tel:+527353384250">735 338 4250</a></p>'
                 '<p><a href="https://wa.me/527353384250?text=Hola">WhatsApp</a></p>')
    phones = merge_profile([page], job_id="j", site="zpcuautla.com.mx")["phones"]
    assert [(p["e164"], p["type"]) for p in phones] == [("+527353384250", "mobile")]
    # a number the plan types keeps its type
    page = _page("http://firma.de/", "home", '<p>Tel. <a href="tel:+493025768810">030 2576 8810</a></p>'
                 '<p><a href="https://wa.me/493025768810">WhatsApp</a></p>')
    assert merge_profile([page], job_id="j", site="firma.de")["phones"][0]["type"] == "landline"


def test_facebook_pages_named_in_any_script_and_more_networks():
    found = socials('<footer><a href="https://www.facebook.com/p/%D0%A0%D0%BE%D1%81%D0%B8-%D0%B7%D0%B0-100091517231711/">'
                    'Роси за психолог</a>'
                    '<a href="https://t.me/fornnou"><i></i></a><a href="https://vk.com/fornnou"><i></i></a>'
                    '<a href="https://line.me/R/ti/p/@fornnou"><i></i></a><a href="https://t.me/share/url?url=x"><i></i></a>'
                    '</footer>')
    assert found == {"https://www.facebook.com/p/%D0%A0%D0%BE%D1%81%D0%B8-%D0%B7%D0%B0-100091517231711",
                     "https://t.me/fornnou", "https://vk.com/fornnou", "https://line.me/R/ti/p/@fornnou"}


@pytest.mark.parametrize("url, html, expected", [
    ("http://rosi.bg/", "<footer><ul><li>гр. Пловдив, ул. „Лайпциг“ 19</li><li>+359 87 627 7006</li></ul></footer>",
     ("ул. „Лайпциг“ 19", None, "Пловдив")),
    ("http://sto.com.ua/", "<header><span>вул. Верстова, 33, Дніпро</span><a href='#'>Прокласти маршрут</a></header>",
     ("вул. Верстова 33", None, "Дніпро")),
    ("http://evcont.ro/", "<main><ul><li>Telefon: 0769 632 677</li><li>Adresă: București, sector 4, str. Odei</li></ul></main>",
     ("str. Odei", None, "București")),
    ("http://dentininos.com.co/", "<footer><a href='#'><span>Cl. 3d #66-15, Cali, Valle del Cauca</span></a></footer>",
     ("Cl. 3d #66-15", None, "Cali")),
    ("http://zp.com.mx/", "<footer><p>Av. Insurgentes #1098, Col. Miguel Hidalgo, Cuautla, Morelos, C.P. 62748</p></footer>",
     ("Av. Insurgentes #1098", "62748", "Cuautla")),
])
def test_addresses_written_without_a_postcode(url, html, expected):
    found = extract_contacts(f"<html><body>{html}</body></html>".encode(), url, role="home")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found] == [expected]


@pytest.mark.parametrize("html", [
    "<main><p>Cl. 3d #66-15, Cali, Valle del Cauca</p></main>",  # not where a site puts its own address
    "<footer><p>Av Insurgentes #1098, Miguel Hidalgo<br>Cuautla, Morelos, México CP 62748</p></footer>",  # a street and district line
    "<footer><p>Bratislava, Košice, Žilina</p></footer>",  # no street
])
def test_no_address_without_a_postcode_from_lines_that_are_not_one(html):
    found = extract_contacts(f"<html><body>{html}</body></html>".encode(), "http://firma.test/", role="home")["addresses"]
    assert [a for a in found if not a["postal_code"]] == []


@pytest.mark.parametrize("url, text", [
    ("http://stolbasz.pl/o-firmie", "NIP 7761282429<br>REGON 610030300"),
    ("http://firma.sk/kontakt", "IČO: 34 150 609<br>DIČ: 2020386785"),
    ("http://firma.lt/kontaktai", "Įmonės kodas 305715513"),
    ("http://firma.bg/kontakti", "ЕИК: 204567891"),
])
def test_company_and_tax_ids_of_more_countries_are_not_phones(url, text):
    html = f"<html><body><footer><p>{text}</p></footer></body></html>".encode()
    assert extract_contacts(html, url, role="contact")["phones"] == []


@pytest.mark.parametrize("url, html, expected", [
    ("http://firma.bg/kontakti", "<p>Тел.: 032 621 345<br>Факс: 032 621 346<br>Моб.: 0876 277 006</p>",
     {"+35932621345": "landline", "+35932621346": "fax", "+359876277006": "mobile"}),
    ("http://firma.co.il/contact", "<p>טלפון: 03-5123456<br>פקס: 03-5123457</p>", {"+97235123456": "landline", "+97235123457": "fax"}),
    # one label for both: a phone first of all
    ("http://kumiai.jp/", "<p>電話 / FAX 0948-24-6315</p><p>ファックス 0948-24-6316</p>",
     {"+81948246315": "landline", "+81948246316": "fax"}),
])
def test_phone_and_fax_labels_of_more_languages(url, html, expected):
    found = extract_contacts(f"<html><body><main>{html}</main></body></html>".encode(), url, role="contact")["phones"]
    assert {p["e164"]: p["type"] for p in found} == expected


@pytest.mark.parametrize("url, lang, expected", [
    ("http://dentininos.com.co/", "es", "CO"),  # a national second level under a vanity TLD
    ("http://firma.co.il/", "en", "IL"),
    ("http://firma.com/", "he", "IL"),  # Hebrew is written in one country
    ("http://firma.com/", "bg", "BG"),
])
def test_the_country_of_more_sites(url, lang, expected):
    from scrapejet.extract.phones import infer_region

    assert infer_region(url, languages=[lang]) == expected


def test_a_mailto_link_showing_another_address_is_a_stale_target():
    html = b"""<html><body><aside><a href="mailto:info@hidraulinegerve.lt">info@aukstaitijosvilktis.lt</a>
        <a href="tel:+37060000000">+370 625 14383</a></aside>
        <footer><a href="mailto:pardavimai@gerves.lt"><b>E-Mail</b>pardavimai@gerves.lt</a></footer></body></html>"""
    found = extract_contacts(html, "http://hidraulinesgerves.lt/apie", role="about")
    assert {e["email"] for e in found["emails"]} == {"info@aukstaitijosvilktis.lt", "pardavimai@gerves.lt"}


def test_the_contact_page_decides_whether_a_number_is_a_fax():
    from scrapejet.extract.profile import merge_profile

    contact = _page("http://geofurrer.de/kontakt.html", "contact",
                    "<p>76437 Rastatt<br>fon (0 72 22) 9 14 99 - 00<br>fax (0 72 22) 9 14 99 - 01</p>")
    team = _page("http://geofurrer.de/ueber-uns.html", "about", "<p>Vera Bohe<br>fon (0 72 22) 9 14 99 - 01</p>")
    phones = merge_profile([team, contact], job_id="j", site="geofurrer.de")["phones"]
    assert {p["e164"]: p["type"] for p in phones} == {"+4972229149900": "landline", "+4972229149901": "fax"}


@pytest.mark.parametrize("url, line, expected", [
    ("http://firma.co.za/contact", "12 Long Street, Gardens, Cape Town, 8001", ("12 Long Street", "8001", "Cape Town", "ZA")),
    ("http://firma.com/contact", "Unit 2, 5 Bree Street, Cape Town, 8001, South Africa", ("5 Bree Street", "8001", "Cape Town", "ZA")),
    ("http://firma.co.nz/contact", "1 Queen Street, Auckland 1010", ("1 Queen Street", "1010", "Auckland", "NZ")),
    # states and provinces written out
    ("http://firma.com/contact", "1 Main St, Austin, Texas 78701", ("1 Main St", "78701", "Austin", "US")),
    ("http://firma.ca/contact", "100 King Street West, Toronto, Ontario M5V 2T6", ("100 King Street West", "M5V 2T6", "Toronto", "CA")),
    # Japan: postcode, prefecture, city, then the lot; Israel: a street word with its geresh, a labelled postcode
    ("http://kumiai.jp/", "〒820-0066 福岡県飯塚市幸袋781-258<br>電話 0948-24-6315", ("幸袋781-258", "820-0066", "飯塚市", "JP")),
    ("http://firma.jp/", "住所：〒150-0001 東京都渋谷区神宮前1-2-3 ビル5F", ("神宮前1-2-3", "150-0001", "渋谷区", "JP")),
    ("http://firma.co.il/", "כתובת: רח׳ הרצל 5, תל אביב, מיקוד 6473925", ("רח׳ הרצל 5", "6473925", "תל אביב", "IL")),
])
def test_postcodes_of_more_countries(url, line, expected):
    html = f"<html><body><footer><p>{line}</p></footer></body></html>".encode()
    found = extract_contacts(html, url, role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [expected]


def test_four_digits_after_a_word_are_no_address_elsewhere():
    for url, line in [("http://firma.co.za/", "Established 2015"), ("http://firma.de/", "12 Long Street, Gardens, Cape Town, 8001")]:
        html = f"<html><body><footer><p>{line}</p></footer></body></html>".encode()
        assert [a for a in extract_contacts(html, url, role="home")["addresses"] if a["postal_code"] in ("2015", "8001")] == []



@pytest.mark.parametrize("url, html, expected", [
    # contact items in inline spans run together on one line; labels mark where each address starts
    ("http://enbema.se/contact.html",
     "<div><span>019-21 90 60</span> <span>info@enbema.se</span> <span>Besöksadress: Fabriksgatan 8 702 10 Örebro</span>"
     " <span>Postaddress: Box 279 SE-701 45 Örebro</span> <a href='mailto:info@enbema.se'><button>SKICKA E-POST</button></a></div>",
     [("Fabriksgatan 8", "702 10", "Örebro"), ("Box 279", "701 45", "Örebro")]),
    # an icon before the street
    ("http://autot.fi/yhteystiedot.html", "<p>📍Hietalanniementie 5, 35820 Mänttä-Vilppula</p>",
     [("Hietalanniementie 5", "35820", "Mänttä-Vilppula")]),
    # CEDEX stays part of a French town in capitals
    ("http://firma.fr/contact", "<p>12 Rue de la Paix 69002 Lyon CEDEX 02</p>", [("12 Rue de la Paix", "69002", "Lyon CEDEX")]),
])
def test_addresses_behind_labels_icons_and_other_items(url, html, expected):
    found = extract_contacts(f"<html><body>{html}</body></html>".encode(), url, role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found] == expected


def test_a_tel_link_whose_text_is_another_number_dials_what_it_shows():
    html = ('<html><body><p><a href="Tel:97962125">Tlf. 53 27 24 45</a></p>'
            '<p><a href="tel:+4533123456">+45 33 12 34 56</a> <a href="tel:004533123457">Ring til os</a></p></body></html>')
    phones = extract_contacts(html.encode(), "http://varle.dk/", role="home")["phones"]
    assert sorted(p["e164"] for p in phones) == ["+4533123456", "+4533123457", "+4553272445"]


def test_a_plugin_s_processor_quoted_in_the_privacy_statement_is_not_the_company():
    html = """<html><body><main><h2>Impressum</h2><p>Natural Beauty, Hauptstraße 5, 2500 Baden. Tel: +43 2252 12345</p>
    <h5>Google Fonts</h5><p>Unsere Website verwendet Schriftarten von „Google Fonts“. Der Dienstanbieter dieser Funktion ist:</p>
    <ul><li>Google Ireland Limited Gordon House, Barrow Street Dublin 4. Ireland</li></ul><p>Tel: +353 1 543 1000</p>
    <h5>Google Maps</h5><ul><li>Google Ireland Limited Gordon House, Barrow Street Dublin 4. Ireland. Tel: +353 1 543 1001</li></ul>
    </main></body></html>"""
    phones = extract_contacts(html.encode(), "http://natural-beauty.at/impressum", role="legal")["phones"]
    assert [p["e164"] for p in phones] == ["+43225212345"]
    # a German Impressum's own "Diensteanbieter:" is the operator
    own = "<html><body><main><p>Diensteanbieter:</p><p>Muster GmbH, Tel. 030 2576 8810</p></main></body></html>"
    assert [p["e164"] for p in extract_contacts(own.encode(), "http://muster.de/impressum", role="legal")["phones"]] == ["+493025768810"]


@pytest.mark.parametrize("complaint, address", [
    ("do Prezesa Urzędu Ochrony Danych Osobowych (PUODO), ul. Stawki 2, 00-193 Warszawa", "ul. Stawki 2"),
    ("à la Commission Nationale de l'Informatique et des Libertés (CNIL), 3 Place de Fontenoy, 75007 Paris",
     "3 Place de Fontenoy"),
    ("bei der Österreichischen Datenschutzbehörde, Barichgasse 40-42, 1030 Wien", "Barichgasse 40-42"),
])
def test_the_data_protection_authority_a_privacy_notice_names_is_not_the_company(complaint, address):
    html = f"""<html><body><main><h1>Polityka prywatności</h1><p>Administratorem danych jest STYL-BUD,
    Bachórzec 206, 37-750 Bachórzec.</p><p>Délégué à la protection des données : dpo@styl-bud.pl</p>
    <ul><li><strong>Prawo do wniesienia skargi</strong> {complaint}</li></ul></main></body></html>"""
    found = extract_contacts(html.encode(), "http://styl-bud.test/polityka-prywatnosci.html", role="privacy")
    streets = [a["street"] for a in found["addresses"]]
    assert "Bachórzec 206" in streets and address not in streets
    # the company's own data protection officer is the company's
    assert [e["email"] for e in found["emails"]] == ["dpo@styl-bud.pl"]


@pytest.mark.parametrize("url, text", [
    ("http://varle.dk/om-virksomheden", "Om virksomheden"),
    ("http://firma.no/om-selskapet", "Om selskapet"),
])
def test_nordic_about_pages(url, text):
    assert page_role(url, text) == "about"


def test_the_transport_numbers_of_a_how_to_get_here_page_are_not_the_business_s():
    from scrapejet.extract.profile import merge_profile

    contact = _page("http://bb-oasi.it/contatti.html", "contact", "<p>Tel. +39 0771 80787 · info@bb-oasi.it</p>")
    directions = _page("http://bb-oasi.it/come-raggiungerci.html", "contact",
                       "<h2>Traghetti</h2><p>Laziomar: +39 0771 700710</p><p>Vetor aliscafi: +39 0771 80549</p>"
                       "<p>Taxi: +39 348 370 6673</p><p>PEC: bb-oasi@pec.it</p>")
    profile = merge_profile([contact, directions], job_id="j", site="bb-oasi.it")
    assert [p["e164"] for p in profile["phones"]] == ["+39077180787"]
    assert [e["email"] for e in profile["emails"]] == ["info@bb-oasi.it", "bb-oasi@pec.it"]
    # a site whose numbers are only on its directions page keeps them
    alone = merge_profile([directions], job_id="j", site="bb-oasi.it")
    assert len(alone["phones"]) == 3


def test_a_country_prefix_is_no_part_of_a_structured_postcode():
    html = """<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "MedicalClinic",
    "name": "Hippocrate", "address": {"@type": "PostalAddress", "streetAddress": "11 rue des Aubépines",
    "postalCode": "L-8052", "addressLocality": "Bertrange", "addressCountry": "LU"}}</script></head>
    <body><footer><p>11 rue des Aubépines<br>L-8052 Bertrange, LUXEMBOURG</p></footer></body></html>""".encode()
    found = extract_contacts(html, "http://hippocrate.lu/", role="legal")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [
        ("11 rue des Aubépines", "8052", "Bertrange", "LU")]


def test_a_policy_relative_to_personal_data_is_the_privacy_page():
    assert page_role("http://hippocrate.lu/politique.html", "Politique relative aux données personnelles") == "privacy"
    assert page_role("http://hippocrate.lu/cookies.html", "Politique relative aux cookies") == "cookies"


@pytest.mark.parametrize("html", [
    b'<body><div include-html="./assets/html/header.html"></div><main><a href="/a">A</a></main></body>',
    b'<body><div w3-include-html="footer.html"></div><a href="/a">A</a></body>',
    b'<body><footer data-include="partials/footer.html"></footer><a href="/a">A</a></body>',
])
def test_partials_filled_by_a_script_ask_for_rendering(html):
    from scrapejet.extract.scripted import drawn_by_script

    assert drawn_by_script(html, internal_links=["https://x.test/a"]).startswith("parts of it are loaded by script")
    assert drawn_by_script(b'<body><div class="include-html">x</div><a href="/a">A</a></body>',
                           ["https://x.test/a"]) is None


@pytest.mark.parametrize("html", [
    b'<body><div id="siteHeaderMount"></div><main><a href="/a">A</a></main><div id="siteFooterMount"></div>'
    b'<script src="script.js" defer></script></body>',
    b'<body><header></header><p>Welkom</p><a href="/a">A</a><footer>\n</footer><script src="x.js"></script></body>',
])
def test_an_empty_header_or_footer_a_script_mounts_asks_for_rendering(html):
    from scrapejet.extract.scripted import drawn_by_script

    assert drawn_by_script(html, internal_links=["https://x.test/a"]).startswith("an empty ")
    # not an empty element that only toggles a menu, nor a page with no script to fill it
    assert drawn_by_script(b'<body><div id="menu-toggle"><span></span></div><a href="/a">A</a><script></script></body>',
                           ["https://x.test/a"]) is None
    assert drawn_by_script(html.replace(b"<script", b"<noscript"), ["https://x.test/a"]) is None


def test_a_home_page_whose_menu_a_script_writes_asks_for_rendering():
    from scrapejet.extract.scripted import drawn_by_script

    page = (b'<html><head><script src="site.js"></script></head><body><div id="g_description"></div>'
            b'<p>Verksgata 5, <a href="kart.html">1353 B\xc3\xa6rums Verk</a></p>'
            b'<script>assignDivElements();</script></body></html>')
    assert drawn_by_script(page, ["https://x.test/kart.html"], home=True) == \
        "a home page with scripts that links to one other page only"
    # not a page further in, nor a one-page site linking only to its policies
    assert drawn_by_script(page, ["https://x.test/kart.html"], home=False) is None
    for policy in ("impressum.html", "politica-de-privacidade.html", "accessibility-statement.html"):
        assert drawn_by_script(page, [f"https://x.test/{policy}"], home=True) is None


def test_the_business_s_own_line_on_its_location_page_is_kept():
    from scrapejet.extract.profile import merge_profile

    home = _page("http://baeckerei.de/", "home", "<p>Mobil: 0172 4096338</p>")
    standort = _page("http://baeckerei.de/standort", "contact", "<p>Hauptstraße 5, 10115 Berlin. Telefon 030 2576 8810</p>")
    phones = merge_profile([home, standort], job_id="j", site="baeckerei.de")["phones"]
    assert sorted(p["e164"] for p in phones) == ["+491724096338", "+493025768810"]


def test_the_address_a_map_was_made_for():
    # The contact page draws its address in an image; its embedded map and
    # its "route" link were made for the address, typed by the owner.
    page = """<html><body><h1>Kontakt</h1><img src="adresse.png" alt="">
    <iframe src="https://www.google.com/maps?q=Kaapelikatu+3,+50130+Mikkeli&hl=fi&z=16&output=embed"></iframe>
    <a href="https://www.google.it/maps/place/Via+Giorgio+Vasari,+8,+40128+Bologna/@44.51,11.35,17z">Mappa</a>
    <a href="https://maps.google.com/maps?q=52.857169,19.6605271&z=16">coordinates only</a>
    <a href="https://www.google.com/maps/place/Dentini%C3%B1os+Odontolog%C3%ADa/@3.39,-76.54,19z">a name only</a>
    <a href="https://example.com/maps?q=Fake+Street+1,+12345+Nowhere">not a map service</a>
    </body></html>"""
    found = extract_contacts(page, "https://auto.test/yhteystiedot", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["source"]) for a in found] == [
        ("Kaapelikatu 3", "50130", "Mikkeli", "map-link"),
        ("Via Giorgio Vasari 8", "40128", "Bologna", "map-link"),
    ]
    # the page's own spelling of the same address wins over the map's
    both = page.replace("<img", "<p>Kaapelikatu 3<br>50130 MIKKELI</p><img")
    first = extract_contacts(both, "https://auto.test/yhteystiedot", role="contact")["addresses"][0]
    assert first["source"] == "text" and first["postal_code"] == "50130"


# --- tenth round: the held-out sites' mistakes, read at the end of the ninth ---

def _contacts(body: str, url: str = HOME, role: str | None = None) -> dict:
    return extract_contacts(f"<html><body>{body}</body></html>", url, role=role)


def test_a_register_number_repeated_without_its_label_is_not_a_phone():
    found = _contacts(
        "<div>Y-tunnus: 0653692-2<br>VAT: FI06536922<br>Raumontie 430, 95460 Tornio</div>"
        "<p>Puh: <a href='tel:+358405200726'>+358 40 5200 726</a></p>"
        "<p>Paperilaskut: Alakuijala Oy, 06536922 PL 100, 80020 Kollektor Scan</p>",
        "http://firma.fi/", role="contact")
    assert [p["e164"] for p in found["phones"]] == ["+358405200726"]


def test_fields_run_together_before_a_street_are_no_part_of_it():
    found = _contacts("<footer><div>Y-tunnus: 0653692-2 VAT: FI06536922 Raumontie 430, 95460 Tornio</div></footer>",
                      "http://firma.fi/")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("Raumontie 430", "95460", "Tornio")]


def test_a_spelled_address_needs_a_real_domain_suffix():
    prose = "<p>Permits are issued at the point of acceptance and cannot be back-dated.</p>"
    assert _contacts(prose, "http://firma.co.uk/")["emails"] == []
    spelled = _contacts("<p>E-Mail: info at mueller-bau dot de</p>", "http://mueller-bau.de/")
    assert [e["email"] for e in spelled["emails"]] == ["info@mueller-bau.de"]


def test_threads_profiles_are_given_on_threads_com():
    found = _contacts("<footer><a href='https://www.threads.net/@acmeroofing'>Threads</a></footer>")
    assert [s["url"] for s in found["socials"]] == ["https://www.threads.com/@acmeroofing"]


def test_a_number_that_takes_text_messages_is_a_mobile():
    found = _contacts("<header><a href='tel:+16159004501'>(615) 900-4501</a> "
                      "<a href='sms://+16159004501?body=Hi'>Text us</a></header>", "http://firma.com/")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == [("+16159004501", "mobile")]
    plain = _contacts("<header><a href='tel:+16159004501'>(615) 900-4501</a></header>", "http://firma.com/")
    assert [p["type"] for p in plain["phones"]] == ["phone"]


def test_a_town_alone_in_json_ld_is_the_town_of_a_site_that_gives_no_street():
    from scrapejet.extract.profile import merge_profile

    ld = ('<script type="application/ld+json">{"@type": "LocalBusiness", "name": "EB Joinery", "address": '
          '{"@type": "PostalAddress", "addressLocality": "Widnes", "addressRegion": "Cheshire", "addressCountry": "UK"}}'
          '</script>')
    town = _contacts(ld, "http://firma.co.uk/")
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in town["addresses"]] == [
        (None, None, "Widnes", "GB")]
    home = {"url": "http://firma.co.uk/", "page_type": "home", "contacts": town}
    profile = merge_profile([home], job_id="j", site="firma.co.uk")
    assert [a["locality"] for a in profile["addresses"]] == ["Widnes"]
    # beside a street address (of any town) the town alone adds nothing
    contact = {"url": "http://firma.co.uk/contact", "page_type": "contact",
               "contacts": _contacts("<address>12 Mill Lane, Runcorn WA7 1AB</address>", "http://firma.co.uk/contact",
                                     role="contact")}
    profile = merge_profile([home, contact], job_id="j", site="firma.co.uk")
    assert [(a["street"], a["postal_code"]) for a in profile["addresses"]] == [("12 Mill Lane", "WA7 1AB")]


def test_one_street_written_with_the_area_and_with_the_town_is_one_address():
    from scrapejet.extract.addresses import merge_two, same_address

    area = {"street": "3500 W Pine Ave", "postal_code": None, "locality": "Treasure Valley", "region": "ID",
            "country": "US", "source": "text"}
    town = {"street": "3500 W Pine Ave", "postal_code": "83651", "locality": "Nampa", "region": "ID",
            "country": "US", "source": "map-link"}
    assert same_address(area, town)
    merged = merge_two(area, town)
    assert (merged["postal_code"], merged["locality"]) == ("83651", "Nampa")
    other = {**area, "street": "12 Main St"}
    assert not same_address(other, town)


def test_a_postcode_and_town_with_a_dash_between():
    found = _contacts("<p>Gasthaus zum Soller</p><p>Mainburger Straße 1</p><p>85413 - Hörgertshausen</p>",
                      "http://firma.de/impressum", role="legal")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("Mainburger Straße 1", "85413", "Hörgertshausen")]


def test_the_company_name_before_a_street_is_no_part_of_it():
    found = _contacts("<p>Verantwortlicher ist:</p><p>Gasthaus zum Soller Mainburger Straße 1</p>"
                      "<p>85413 Hörgertshausen</p>", "http://firma.de/datenschutz", role="privacy")
    assert [a["street"] for a in found["addresses"]] == ["Mainburger Straße 1"]


def test_a_social_network_s_address_in_a_privacy_notice_is_not_the_company_s():
    found = _contacts("<h3>twitter</h3><p>Twitter Inc., 795 Folsom St., Suite 600, San Francisco, CA 94107, USA</p>"
                      "<p>Datenschutzerklärung: https://twitter.com/privacy</p>", "http://firma.de/datenschutz",
                      role="privacy")
    assert found["addresses"] == []


@pytest.mark.parametrize("line, expected", [
    ("Via Vittorio Emanuele II, 2 - Firenze (FI)", ("Via Vittorio Emanuele II 2", "Firenze", "FI")),
    ("Sede: Via Fratelli Lussana, 16 — Trescore Balneario (BG)", ("Via Fratelli Lussana 16", "Trescore Balneario", "BG")),
    ("1 Molyneaux Road, Greenside, Kimberley", ("1 Molyneaux Road", "Kimberley", None)),
])
def test_addresses_without_a_postcode_in_the_footer(line, expected):
    found = _contacts(f"<main><p>Welcome.</p></main><footer><p>{line}</p></footer>", "http://firma.it/")
    assert [(a["street"], a["locality"], a["region"]) for a in found["addresses"]] == [expected]


def test_prose_with_a_dash_is_no_address_without_a_postcode():
    found = _contacts("<footer><p>We moved - to 12 High Street, London</p></footer>", "http://firma.co.uk/")
    assert found["addresses"] == []


def test_british_streets_without_a_number():
    block = _contacts("<p>My address is:<br><br>Linear House<br>Peyton Place<br>Greenwich<br>London<br>SE10 8RS</p>",
                      "http://firma.co.uk/contact", role="contact")
    assert [(a["street"], a["postal_code"]) for a in block["addresses"]] == [("Peyton Place", "SE10 8RS")]
    line = _contacts("<footer><p>© THE ANGEL, High Street, Purton, Swindon, Wiltshire SN5 4AB</p></footer>",
                     "http://firma.co.uk/")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in line["addresses"]] == [
        ("High Street", "SN5 4AB", "Purton")]


def test_a_suite_line_between_the_street_and_the_town():
    found = _contacts("<p>Richard B. Shapiro, D.D.S.<br>427 Moreland Avenue<br>Suite 200<br>Atlanta, GA 30307</p>",
                      "http://firma.com/contact_us.htm", role="contact")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("427 Moreland Avenue, Suite 200", "30307", "Atlanta")]


def test_a_data_protection_act_s_page_is_the_privacy_page():
    assert page_role("http://firma.test/popia.html", "POPIA Privacy Policy") == "privacy"


def test_guessed_pages_are_named_as_the_site_names_its_own():
    from scrapejet.extract.roles import fallback_paths, link_suffix

    static = [Link(f"http://firma.si/{name}", name) for name in ("storitve.html", "cenik.html", "ekipa.html", "index.html")]
    assert link_suffix(static, "http://firma.si/") == ".html"
    assert fallback_paths("contact", "sl", link_suffix(static, "http://firma.si/"))[:1] == ["/kontakt.html"]
    assert fallback_paths("about", "sl", ".html")[:1] == ["/o-nas.html"]
    clean = [Link(f"http://firma.de/{name}", name) for name in ("leistungen", "team", "preise.html")]
    assert link_suffix(clean, "http://firma.de/") == ""
    assert fallback_paths("contact", "de", "")[:1] == ["/kontakt"]


# --- the 24 sites of the tenth batch: rules from its tune sites ---

def test_an_address_in_a_legal_notice_written_as_one_paragraph():
    notice = ("MENTIONS LÉGALES Conformément aux dispositions de la loi n° 2004-575 du 21 juin 2004 pour la confiance "
              "en l'économie numérique, il est précisé aux utilisateurs du site l'identité des différents intervenants. "
              "Hébergeur : OVH SAS, 2 rue Kellermann, 59100 Roubaix. Toute demande doit être faite par écrit, par "
              "courrier électronique ou postal en indiquant vos coordonnées. Par courrier : 765 avenue ventadouiro "
              "13300 Salon de Provence. Les données ne sont jamais cédées à des tiers.")
    found = _contacts(f"<main><p>{notice}</p></main>", "http://nettoyange.fr/mentions.html", role="legal")
    assert [(a["street"], a["postal_code"]) for a in found["addresses"]] == [("765 avenue ventadouiro", "13300")]


def test_a_spanish_address_with_its_number_first():
    found = _contacts("<p>Dirección: N° 2, C/ Las Flores, 29601 Marbella, Málaga</p>", "http://lorga.es/aviso-legal",
                      role="legal")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("N° 2, C/ Las Flores", "29601", "Marbella")]


def test_a_five_digit_house_number_is_no_postcode():
    found = _contacts("<footer><p>10086 San Pablo Ave</p><p>El Cerrito</p></footer>", "http://nongthon.com/")
    assert found["addresses"] == []


@pytest.mark.parametrize("line, expected", [
    ("Unit 4, Navan Shopping Centre, Kennedy Road, Navan, Co. Meath C15 F658", ("Kennedy Road", "C15 F658", "Navan")),
    ("12 Main Street, Dublin 2, D02X285", ("12 Main Street", "D02 X285", "Dublin 2")),
])
def test_irish_eircodes(line, expected):
    found = _contacts(f"<footer><p>{line}</p></footer>", "http://techcross.ie/")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [expected]
    assert found["addresses"][0]["country"] == "IE"


def test_a_greek_address_after_its_label():
    found = _contacts("<ul><li>Διεύθυνση: Χατζάρα 21, Τ.Κ. 18539 Πειραιάς</li></ul>", "http://michalainas.gr/",
                      role="contact")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("Χατζάρα 21", "18539", "Πειραιάς")]


def test_a_national_number_linked_with_a_plus_it_should_not_have():
    page = ("<html lang='en-CA'><body><p>4420 Rue Saint-Denis, Montréal, QC H2T 2K4</p>"
            "<a href='tel:+5142770232'>Call</a></body></html>")
    found = extract_contacts(page, "http://capucine.ca/contact", role="contact")
    assert [p["e164"] for p in found["phones"]] == ["+15142770232"]


def test_a_profile_drops_a_number_that_is_another_one_s_digits_behind_a_plus():
    from scrapejet.extract.profile import merge_profile

    def page(url, e164, source):
        contacts = {"phones": [{"e164": e164, "as_written": e164, "type": "phone", "source": source}]}
        return {"url": url, "page_type": "home", "contacts": contacts}

    profile = merge_profile([page("http://c.test/", "+5142770232", "tel"),
                             page("http://c.test/contact", "+15142770232", "text")], job_id="j", site="c.test")
    assert [p["e164"] for p in profile["phones"]] == ["+15142770232"]


def test_every_text_a_page_gives_a_link_names_its_role():
    links = [Link("http://firma.test/mission", "Depuis 30 ans", other_texts=("About us",))]
    assert discover_role_pages(links, HOME).get("about") == ["http://firma.test/mission"]


@pytest.mark.parametrize("url, text", [
    ("http://firma.test/story.html", "Geschichte"),
    ("http://firma.test/notre-mission", "Notre Mission"),
])
def test_a_story_or_mission_page_is_the_about_page(url, text):
    assert page_role(url, text) == "about"


def test_a_word_break_inside_an_address_or_a_number_is_no_boundary():
    # a site builder lets long words break at <wbr>, and at soft hyphens
    found = _contacts("<p>Telefon: 01/6187-<wbr>196<br>e-<wbr>mail: <a href='javascript:emailTo()'>"
                      "odvjetnik-<wbr>susilovic@hi.t-<wbr>com.hr</a><br>info\u00ad@kanc\u00adelarija.hr</p>",
                      "http://susilovic.hr/", role="contact")
    assert sorted(e["email"] for e in found["emails"]) == ["info@kancelarija.hr", "odvjetnik-susilovic@hi.t-com.hr"]
    assert [p["e164"] for p in found["phones"]] == ["+38516187196"]


@pytest.mark.parametrize("label", ["Mobitel", "Mobiel", "Tel. kom.", "Komórka", "Matkapuhelin", "Celular"])
def test_a_mobile_under_a_fax_line_is_a_mobile_by_its_own_label(label):
    found = _contacts(f"<p>Fax: 01/ 6187-624<br>{label}: 091/2009-260</p>", "http://susilovic.hr/", role="contact")
    assert {p["e164"]: p["type"] for p in found["phones"]} == {"+38516187624": "fax", "+385912009260": "mobile"}


def test_the_supervisory_authority_s_phone_and_e_mail_below_its_address_are_its_own():
    page = ("<h2>Beschwerderecht bei der Datenschutzbehörde</h2><p>Sie haben das Recht, eine Beschwerde bei der "
            "zuständigen Datenschutzaufsichtsbehörde einzureichen:</p><p>Österreichische Datenschutzbehörde<br>"
            "Barichgasse 40–42<br>1030 Wien<br>Telefon: +43 1 52 152-0<br>E-Mail: <a href='mailto:dsb@dsb.gv.at'>"
            "dsb@dsb.gv.at</a><br>Website: www.dsb.gv.at</p><h2>Kontakt</h2><p>Telefon: +43 664 2166180<br>"
            "E-Mail: info@kruckenhaus.at</p>")
    found = _contacts(page, "http://kruckenhaus.at/datenschutz.html", role="privacy")
    assert [e["email"] for e in found["emails"]] == ["info@kruckenhaus.at"]
    assert [p["e164"] for p in found["phones"]] == ["+436642166180"]


def test_the_authority_written_without_umlauts_and_a_platform_named_by_its_head_office_are_not_the_business():
    # (a site set in ASCII: "Datenschutzbehoerde"; Facebook by its street alone)
    # (each block a paragraph set with white-space: pre-line, as the site's CMS writes it)
    page = ("<p style='white-space:pre-line'>10) Beschwerderecht\nSie haben das Recht auf Beschwerde bei der "
            "zustaendigen Aufsichtsbehoerde.</p>"
            "<p style='white-space:pre-line'>In Oesterreich:\nOesterreichische Datenschutzbehoerde\n"
            "Barichgasse 40-42, 1030 Wien\nTelefon: +43 1 52 152-0\nE-Mail: dsb@dsb.gv.at\nWeb: https://www.dsb.gv.at</p>"
            "<p>Auf unseren Seiten sind Plugins des sozialen Netzwerks Facebook, 1601 South California Avenue, "
            "Palo Alto, CA 94304, USA integriert.</p>"
            "<p>Fotobox Tirol<br>Clemens-Holzmeister-Str. 2<br>6020 Innsbruck<br>Tel.: +43 664 3918228<br>"
            "E-Mail: info@fotobox.tirol</p>")
    found = _contacts(page, "http://fotobox.tirol/datenschutzerklaerung", role="privacy")
    assert [e["email"] for e in found["emails"]] == ["info@fotobox.tirol"]
    assert [p["e164"] for p in found["phones"]] == ["+436643918228"]
    assert [a["postal_code"] for a in found["addresses"]] == ["6020"]


def test_each_branch_page_of_a_business_with_several_premises_is_visited():
    links = [Link("http://douma.test/contact/", "Contact"), Link("http://douma.test/over-ons/", "Over ons"),
             Link("http://douma.test/locatie/nieuw-zuid/", "Nieuw Zuid"),
             Link("http://douma.test/locatie/de-boomberg/", "De Boomberg"),
             Link("http://douma.test/locatie/hilvertshoek/", "Hilvertshoek"),
             Link("http://douma.test/blog/rugpijn/", "Rugpijn")]
    found = discover_role_pages(links, "http://douma.test/")
    assert found["contact"] == ["http://douma.test/contact/", "http://douma.test/locatie/nieuw-zuid/",
                                "http://douma.test/locatie/de-boomberg/", "http://douma.test/locatie/hilvertshoek/"]
    assert found["about"] == ["http://douma.test/over-ons/"]


def test_links_drawn_on_an_image_map_are_links():
    page = ("<img src='icons.png' usemap='#Map'><map name='Map'><area shape='circle' coords='67,65,18' "
            "href='https://www.facebook.com/pages/Keszi-Panzió/136287709752983' alt='Facebook'>"
            "<area shape='circle' coords='19,64,17' href='mailto:keszipanzio@yahoo.com'></map>")
    found = _contacts(page, "http://keszipanzio.hu/")
    assert [s["network"] for s in found["socials"]] == ["facebook"]
    assert [e["email"] for e in found["emails"]] == ["keszipanzio@yahoo.com"]


@pytest.mark.parametrize("line, locality, region", [
    ("30 Cameron Road, Tauranga, Bay of Plenty", "Tauranga", "Bay of Plenty"),
    ("12 Park Street, Dundalk, Co. Louth", "Dundalk", "Co. Louth"),
    ("4 Mill Lane, Knutsford, Cheshire", "Knutsford", "Cheshire"),
    ("1 Molyneaux Road, Greenside, Kimberley", "Kimberley", None),  # the suburb, then the town
])
def test_an_english_address_without_a_postcode_may_end_in_its_region(line, locality, region):
    found = _contacts(f"<footer><p class='address'>{line}</p></footer>", "http://hineeagle.co.nz/")
    assert [(a["locality"], a["region"]) for a in found["addresses"]] == [(locality, region)]


@pytest.mark.parametrize("a, b", [
    ("Strada Clujului 8", "Str. Clujului nr. 8"),
    ("Rua do Bocage, n.º 124", "R. do Bocage 124"),
    ("Calle Mayor 5", "C/ Mayor, 5"),
    ("12 Main Street", "12 Main St."),
])
def test_one_street_with_its_words_abbreviated_is_one_street(a, b):
    from scrapejet.extract.addresses import same_address

    assert same_address({"street": a, "postal_code": "505300", "locality": "Predeal"},
                        {"street": b, "postal_code": None, "locality": "Predeal"})


def test_an_italian_vat_number_abbreviated_p_i_is_no_phone():
    found = _contacts("<footer><p>Tel. 0444 874412<br>P.I. 01574680243 - Cap. Soc. € 115.000 i.v.</p></footer>",
                      "http://susimoda.it/")
    assert [p["e164"] for p in found["phones"]] == ["+390444874412"]


@pytest.mark.parametrize("html, expected", [
    ("<p><b>Telefon: 01/6187-196<br>Adresa: <a href='gdje-smo.html'>Folnegovićeva 1b,Zagreb</a></b></p>",
     [("Folnegovićeva 1b", "Zagreb")]),
    ("<p>Adresa: Kovačića 5, Zagreb</p>", [("Kovačića 5", "Zagreb")]),
    ("<p>Otvoreno 8 - 16, Zagreb</p>", []),  # a name and a number unlabelled: no street
])
def test_a_street_without_a_street_word_after_an_address_label(html, expected):
    found = _contacts(html, "http://susilovic.hr/", role="home")
    assert [(a["street"], a["locality"]) for a in found["addresses"]] == expected


def test_a_mailto_target_on_the_site_s_own_domain_is_kept_beside_the_address_shown():
    found = _contacts("<p>E-Mail: <a href='mailto:info@gutwein-marmor.de'>gutwein-gmbh@netcologne.de</a></p>",
                      "http://gutwein-marmor.de/impressum", role="legal")
    assert {e["email"] for e in found["emails"]} == {"info@gutwein-marmor.de", "gutwein-gmbh@netcologne.de"}


def test_a_map_link_s_other_postcode_for_the_street_the_page_writes_is_one_address():
    from scrapejet.extract.addresses import same_address

    text = {"street": "Rua do Bocage n.º 124", "postal_code": "8000-233", "locality": "Faro", "source": "text"}
    link = {"street": "R. do Bocage 124", "postal_code": "8000-151", "locality": "Faro", "source": "map-link"}
    assert same_address(text, link)
    assert not same_address(text, {**link, "source": "text"})  # two postcodes written out: two places
    assert not same_address(text, {**link, "street": "R. do Bocage 12"})


@pytest.mark.parametrize("role, stand_in, own", [
    ("about", _page("http://garage.test/team.html", "team", "<h1>Unser Team</h1><p>Hans Kohler, Inhaber</p>"),
     _page("http://garage.test/ueber-uns.html", "about", "<h1>Über uns</h1>")),
    ("privacy", _page("http://garage.test/cookie-policy.html", "cookies", "<h1>Cookie Policy</h1>"),
     _page("http://garage.test/privacy.html", "privacy", "<h1>Privacy Policy</h1>")),
])
def test_a_team_page_or_a_cookie_policy_stands_in_for_a_site_s_missing_about_or_privacy_page(role, stand_in, own):
    from scrapejet.extract.profile import merge_profile

    home = _page("http://garage.test/", "home", "<h1>Garage Kohler</h1>")
    assert merge_profile([home, stand_in], job_id="j", site="garage.test")["pages"][role] == stand_in["url"]
    assert merge_profile([home, stand_in, own], job_id="j", site="garage.test")["pages"][role] == own["url"]


def test_a_privacy_section_of_a_contact_page_is_the_privacy_page_of_a_site_without_one():
    from scrapejet.extract.profile import merge_profile

    info = _page("http://salon.test/info.html", "contact", """<h1>Kontakt &amp; Info</h1>
        <p>Adresse: Kongensgade 11, 6700 Esbjerg</p><h2>Privatlivspolitik</h2>
        <p>Vi behandler dine oplysninger fortroligt.</p>""")
    assert merge_profile([info], job_id="j", site="salon.test")["pages"]["privacy"] == info["url"]
    # a contact page that only mentions personal data serves no privacy role
    form = _page("http://salon.test/kontakt.html", "contact", """<h1>Kontakt</h1>
        <p>Vi bruger dine personoplysninger og cookies kun til at svare dig (GDPR).</p>""")
    assert "privacy" not in merge_profile([form], job_id="j", site="salon.test")["pages"]


@pytest.mark.parametrize("text, expected", [
    ("Instagram: @fraschina_giardini", ["https://www.instagram.com/fraschina_giardini"]),
    ("Seguici su IG @bar.roma. Telefono 0461 123456", ["https://www.instagram.com/bar.roma"]),
    ("Tik Tok @shop_x | Twitter: @acme_co", ["https://www.tiktok.com/@shop_x", "https://x.com/acme_co"]),
    ("E-mail: info@instagram-shop.it", []),  # an address, no handle
])
def test_a_handle_written_after_its_network_s_name_is_a_profile(text, expected):
    found = _contacts(f"<footer><p>{text}</p></footer>", "http://fraschina.test/", role="home")
    assert [s["url"] for s in found["socials"]] == expected


def test_a_facebook_page_under_its_category_is_that_page():
    from scrapejet.extract.socials import profile

    url = "https://m.facebook.com/pages/category/Pub/Couleur-Caf%C3%A9-921468631332458/?locale2=fr_FR"
    assert profile(url)["url"] == "https://www.facebook.com/pages/category/pub/couleur-caf%C3%A9-921468631332458"
    assert profile("https://www.facebook.com/pages/Acme/123456")["url"] == "https://www.facebook.com/pages/acme/123456"


def test_a_national_number_of_another_country_of_the_page_s_language():
    # Italian, and nothing else says where: "076 816 38 38" is no Italian
    # number but a Swiss mobile (Ticino)
    found = extract_contacts("<html lang='it'><body><footer><p>Telefono: 076 816 38 38</p></footer></body></html>",
                             "http://fraschina.test/", role="home")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == [("+41768163838", "mobile")]
    # an Italian number on the same page is still read as Italian
    found = extract_contacts("<html lang='it'><body><footer><p>Tel. 0461 123456</p></footer></body></html>",
                             "http://fraschina.test/", role="home")
    assert [p["e164"] for p in found["phones"]] == ["+390461123456"]
    # a country the page states (its domain) is not second-guessed
    found = extract_contacts("<html lang='it'><body><footer><p>Telefono: 076 816 38 38</p></footer></body></html>",
                             "http://fraschina.it/", role="home")
    assert found["phones"] == []


@pytest.mark.parametrize("html, expected", [
    ("<p>Bedrijf: Klusjoop | KVK: 92755089 | Adres: Tsjibbe Geertswei 16, Leeuwarden</p>",
     [("Tsjibbe Geertswei 16", None, "Leeuwarden")]),
    ("<p>Osoite: Koski TL, 31500</p>", [(None, "31500", "Koski TL")]),
    ("<p>Yritys: Ajoissa, 31500</p>", []),  # no address label
])
def test_a_labelled_address_between_bars_or_as_town_and_postcode(html, expected):
    found = _contacts(html, "http://firma.test/", role="contact")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == expected


def test_a_quote_request_page_is_the_contact_page_of_a_site_without_one():
    home = "http://drclean.test/"
    links = [Link(url=home + "services.html", text="Services"), Link(url=home + "free-estimate.html", text="Free Estimate")]
    assert discover_role_pages(links, home)["contact"] == [home + "free-estimate.html"]
    links.append(Link(url=home + "contact.html", text="Contact"))
    assert discover_role_pages(links, home)["contact"] == [home + "contact.html"]


@pytest.mark.parametrize("credit", [
    "Tvorba webových stránek: Studio Web, info@studioweb.cz", "Weboldalt készítette: Webstudio, info@webstudio.hu",
    "Κατασκευή ιστοσελίδας: WebX, info@webx.gr", "Izrada web stranice: Webcentar, info@webcentar.hr",
    "Site realizat de Webstudio, info@webstudio.ro", "Sivuston toteutus: Webstudio, info@webstudio.fi",
])
def test_a_designer_credit_in_more_languages_is_not_the_company_s(credit):
    found = _contacts(f"<footer><p>Firma, <a href='mailto:office@firma.test'>office@firma.test</a></p><p>{credit}</p></footer>",
                      "http://firma.test/", role="home")
    assert [e["email"] for e in found["emails"]] == ["office@firma.test"]


def test_a_finnish_flat_number_and_a_labelled_field_after_the_town():
    found = _contacts("<footer><div><a href='tel:+358407509832'>040 750 9832</a> "
                      "<a href='#'>Bostoninkaari 3 C 16,<br>04320 Tuusula</a> <a href='#'>Y-tunnus: 3355482-7</a></div></footer>",
                      "http://vesito.fi/", role="home")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("Bostoninkaari 3 C 16", "04320", "Tuusula")]


def test_a_us_state_and_zip_on_the_line_above_do_not_label_the_number_below():
    found = _contacts("<p><b>111 S. Main St.<br>Homedale, ID  83628<br>(208)337-4900</b></p>",
                      "http://homedalechiro.test/contact/", role="contact")
    assert [p["e164"] for p in found["phones"]] == ["+12083374900"]
    # a register number's label on the line above still marks the digits below it
    found = _contacts("<p>Kundennummer:<br>0221 4710 8820</p>", "http://firma.de/", role="contact")
    assert found["phones"] == []


@pytest.mark.parametrize("url, text, role", [
    ("http://firma.test/legale.html", "AVVISO LEGALE", "legal"),
    ("http://firma.test/legal/cookie-terms.html", "Όροι Cookies", "cookies"),
    ("http://firma.test/to-iatros.html", "Ο Ιατρός", "about"),
    ("http://firma.test/meet-the-doctor", "Meet the Doctor", "about"),
    ("http://firma.test/me.html", "Me", "about"),  # Finnish "we"; in English, the person
])
def test_more_role_words(url, text, role):
    assert page_role(url, text) == role


@pytest.mark.parametrize("html, expected", [
    # an icon font's glyph is the label: the number after a fax icon is a fax
    ('<i class="fa fa-phone" aria-hidden=true></i> <a href="tel:+496093996960">+49 6093 996960</a><br>'
     '<i class="fa fa-fax" aria-hidden=true></i><span>+49 6093 9969630</span>',
     {"+496093996960": "landline", "+4960939969630": "fax"}),
    ('<p><span class="icon-fax"></span> 030 2576 8819</p><p><i class="bi bi-phone"></i> 030 2576 8810</p>',
     {"+493025768819": "fax", "+493025768810": "landline"}),
    ('<p><svg class="icon icon--whatsapp" viewBox="0 0 1 1"><path d="M0"/></svg> 0172 4096338</p>',
     {"+491724096338": "whatsapp"}),
])
def test_an_icon_labels_the_number_after_it(html, expected):
    found = extract_contacts(f"<html><body><footer>{html}</footer></body></html>".encode(),
                             "http://gasthof.de/", role="contact")["phones"]
    assert {p["e164"]: p["type"] for p in found} == expected


def test_a_span_of_two_dates_is_no_phone():
    html = "<p><small>03.04.2026 – 06.04.2026<br><b>An Ostern durchgehend warme Küche</b></small></p>"
    found = extract_contacts(f"<html><body><footer>{html}</footer></body></html>".encode(),
                             "http://gasthof.de/", role="home")["phones"]
    assert found == []


def test_a_footer_s_built_by_credit_is_the_designer_s():
    html = b"""<html><body><main><p>Built by hand in our Taree workshop: call 02 6552 1234.</p></main>
        <footer><p>(c) 2026 Deep Creek Plumbing.</p><span>Built by Building Brain Digital</span>
        <span><a href="mailto:hello@buildingbrain.test">hello@buildingbrain.test</a></span></footer></body></html>"""
    found = extract_contacts(html, "http://deepcreek.com.au/", role="home")
    # the main text's "Built by" sentence is the business's own
    assert [p["e164"] for p in found["phones"]] == ["+61265521234"]
    assert found["emails"] == []


@pytest.mark.parametrize("text", ["Bekijk onze Instagram pagina", "Visit our Instagram page",
                                  "Besuchen Sie unsere Instagram-Seite", "Découvrez notre page Instagram"])
def test_a_link_calling_the_profile_ours_is_the_company_s(text):
    html = (f'<html><body><main><p>Bezoek ons: Zeeweg 31, Castricum</p><div class="list-group">'
            f'<a href="https://www.instagram.com/opdehoek_cb/"><i class="fa fa-instagram"></i> {text}</a>'
            f'</div></main></body></html>').encode()
    found = extract_contacts(html, "http://coffeeopdehoek.nl/contact.html", role="contact")["socials"]
    assert [s["url"] for s in found] == ["https://www.instagram.com/opdehoek_cb"]


def test_a_link_to_someone_elses_profile_in_the_text_is_not_the_company_s():
    html = (b'<html><body><main><p>Photos by <a href="https://www.instagram.com/jan_fotograaf/">Jan op Instagram</a>'
            b'</p></main></body></html>')
    assert extract_contacts(html, "http://coffeeopdehoek.nl/", role="home")["socials"] == []


def test_a_paragraph_the_designers_credit_opens_still_gives_the_business_address():
    html = """<html lang="fr"><body><main><h1>Mentions légales</h1><p>Le site gitedesechudes.fr a été développé
        par l’entreprise Prochainweb, 12 rue Victor Hugo 01000 Bourg-en-Bresse, et il appartient à Marie Pierre
        NAUCHE et Frédéric COTTANCIN. Le gite des Echudes se situe au 8 rue de la Dombes 01140 Saint Etienne sur
        Chalaronne.</p></main></body></html>""".encode()
    found = extract_contacts(html, "http://gitedesechudes.fr/mentions-legales.html", role="legal")["addresses"]
    assert [(a["street"], a["postal_code"]) for a in found] == [("8 rue de la Dombes", "01140")]


def test_an_authority_named_in_bold_owns_the_contact_lines_below_it():
    html = """<html lang="es"><body><main><h2>10. Derecho a recurrir ante la Autoridad de Control</h2>
        <p>Si consideras que hemos violado tus derechos, puedes presentar una reclamación ante:</p>
        <p><strong>Agencia Española de Protección de Datos (AEPD)</strong></p>
        <p>📍 C/ Jorge Juan, 6, 28001 Madrid</p><p>🌐 www.aepd.es</p><p>📧 contacto@aepd.es</p>
        <p>📞 +34 901 100 099</p><h2>11. Contacto</h2><p>Salón Begoña, Pompeu Fabra 8, 08860 Castelldefels</p>
        <p>Tel. +34 602 44 99 95</p></main></body></html>""".encode()
    found = extract_contacts(html, "http://salon.es/politica-privacidad.html", role="privacy")
    assert [a["postal_code"] for a in found["addresses"]] == ["08860"]
    assert [p["e164"] for p in found["phones"]] == ["+34602449995"]
    assert found["emails"] == []


def test_an_address_in_a_templates_note_to_fill_in_is_no_e_mail():
    html = """<html lang="es"><body><main><p>Email de contacto: [EMAIL LEGAL - TODO: legal@salonbegona.es]</p>
        <p>Escríbenos a infoh2oestilistas@gmail.com</p></main></body></html>""".encode()
    found = extract_contacts(html, "http://salonbegona.es/aviso-legal.html", role="legal")["emails"]
    assert [e["email"] for e in found] == ["infoh2oestilistas@gmail.com"]


def test_the_sites_maker_under_a_heading_naming_his_role_is_not_the_company():
    html = """<html lang="fr"><body><main><h2>Bénédicte Jacquemard</h2><h3>Gérante</h3>
        <p>email : benedicte.jacmar42@gmail.com</p><p>tel : 06 70 49 19 52</p>
        <h2>Fauvette Killian</h2><h3>Créateur et responsable de publication du site internet</h3>
        <p>email : killian.fauvette@gmail.com</p></main></body></html>""".encode()
    found = extract_contacts(html, "http://lapattedevelours.fr/contact.html", role="contact")["emails"]
    assert [e["email"] for e in found] == ["benedicte.jacmar42@gmail.com"]


def test_the_address_a_form_to_mail_service_posts_to_is_the_company_s():
    html = b"""<html><body><main><h1>Contact us</h1>
        <form action="https://formsubmit.co/orders@northyorkshirebottledgas.co.uk" method="post">
        <input name="name"><textarea name="message"></textarea><button>Send</button></form></main></body></html>"""
    found = extract_contacts(html, "http://northyorkshirebottledgas.co.uk/contact.html", role="contact")["emails"]
    assert found == [{"email": "orders@northyorkshirebottledgas.co.uk", "source": "form"}]


def test_an_invoicing_services_mailbox_named_by_a_company_number_is_not_the_company_s():
    html = """<html lang="fi"><body><main><p>Sähköposti: <a href="mailto:info@alakuijala.fi">info@alakuijala.fi</a></p>
        <p>PDF-laskut:<br><a href="mailto:06536922@scan.netvisor.fi">06536922@scan.netvisor.fi</a></p></main></body></html>""".encode()
    found = extract_contacts(html, "http://alakuijala.fi/yhteystiedot.html", role="contact")["emails"]
    assert [e["email"] for e in found] == ["info@alakuijala.fi"]


def test_the_host_a_colon_line_introduces_is_the_host_s_name_in_bold_and_its_address():
    html = """<html lang="fr"><body><main><h2>1. Éditeur</h2><p>DiPeppo, 12 rue de Pornichet, 44600 Saint-Nazaire</p>
        <h2>2. Hébergeur</h2><p>Le site dipeppo.fr est hébergé par :</p><ul><li><strong>OVH SAS</strong></li>
        <li>2 rue Kellermann, 59100 Roubaix, France</li><li>Téléphone : 1007</li></ul>
        <h2>3. Propriété intellectuelle</h2><p>Tout le contenu est la propriété de DiPeppo.</p></main></body></html>""".encode()
    found = extract_contacts(html, "http://dipeppo.fr/mentions-legales.html", role="legal")["addresses"]
    assert [a["postal_code"] for a in found] == ["44600"]


def test_a_form_posting_to_a_free_mailbox_the_page_does_not_give_is_the_developer_s():
    html = b"""<html><body><main><p>Email: <a href="mailto:rosi@psiholog-plovdiv.bg">rosi@psiholog-plovdiv.bg</a></p>
        <form action="https://formsubmit.co/andon.go6ev@gmail.com" method="POST"><button>Send</button></form>
        </main></body></html>"""
    found = extract_contacts(html, "http://psiholog-plovdiv.bg/kontakti.html", role="contact")["emails"]
    assert [e["email"] for e in found] == ["rosi@psiholog-plovdiv.bg"]


def test_a_link_drawn_by_a_click_handler_is_a_link():
    # Google Ads' conversion snippet: href="#", the WhatsApp chat in onclick;
    # a menu button that sets location.href
    html = """<html lang="pt"><body><header><button onclick="location.href='contato.html'">Contato</button></header>
        <main><h4>WhatsApp</h4><a href="#" onclick="return gtag_report_conversion('https://wa.me/5519998291133?text=Ol%C3%A1')">
        (19) 99829-1133</a></main></body></html>""".encode()
    url = "http://draamandaferreira.com.br/"
    socials = extract_contacts(html, url, role="home")["socials"]
    assert [s["url"] for s in socials] == ["https://wa.me/5519998291133"]
    from scrapejet.extract.links import extract_links
    assert [link.url for link in extract_links(html, url)][:1] == ["http://draamandaferreira.com.br/contato.html"]


def test_a_registered_seat_named_by_its_town_alone_is_the_address_of_a_site_with_no_other():
    # "gevestigd in Helmond" in the privacy statement; no street anywhere
    from scrapejet.extract.profile import merge_profile

    privacy = """<html lang="nl"><body><main><p>Brabantschoon (KvK 99274175), gevestigd in Helmond, is
        verantwoordelijk voor de verwerking van persoonsgegevens.</p></main></body></html>""".encode()
    url = "http://brabantschoon.nl/privacy.html"
    page = {"url": url, "page_type": "privacy", "contacts": extract_contacts(privacy, url, role="privacy")}
    profile = merge_profile([page], job_id="j", site="brabantschoon.nl")
    assert [(a["street"], a["locality"], a["country"]) for a in profile["addresses"]] == [(None, "Helmond", "NL")]
    # beside a street address the seat adds nothing
    contact = """<html lang="nl"><body><main><p>Kerkstraat 12</p><p>5701 AB Helmond</p></main></body></html>""".encode()
    curl = "http://brabantschoon.nl/contact.html"
    both = merge_profile([page, {"url": curl, "page_type": "contact",
                                 "contacts": extract_contacts(contact, curl, role="contact")}], job_id="j", site="x")
    assert [(a["street"], a["postal_code"]) for a in both["addresses"]] == [("Kerkstraat 12", "5701 AB")]
    # a country, an inflected town (the Polish locative), a state and its country: no seat
    # (an English tradesman's "based in Gainesville" is his town: test_based_in_a_town_is_where_a_site_with_no_street_is)
    for text in ("mit Sitz in der Schweiz", "Spółka z siedzibą w Warszawie.", "Based in Australia",
                 "North Carolina, USA", "Boerne, TX"):
        html = f"<html><body><main><p>{text}</p></main></body></html>".encode()
        assert extract_contacts(html, "http://firma.test/impressum.html", role="legal")["addresses"] == []


@pytest.mark.parametrize("text, town, country", [
    ("Wij zijn gevestigd in Helmond en werken in heel Brabant.", "Helmond", None),
    ("Vi är verksamma i Västervik och har öppet vardagar 07–18.", "Västervik", None),
    ("ROV-inspeksjon og undervannsfoto. Basert på Bømlo, Vestlandet.", "Bømlo", None),
    ("L’Agriturismo Cisogna si trova ad Anagni, nel cuore della Ciociaria.", "Anagni", None),
    ("Suceava, Romania", "Suceava", "RO"),
    ("Pasvalys. Lietuva", "Pasvalys", "LT"),
    ("Madona, Latvia (Delivery across Europe)", "Madona", "LV"),
    ("Ik ben Anthony Tas, 26 jaar oud en woonachtig in Willebroek.", "Willebroek", None),
])
def test_where_a_business_says_it_is_is_its_town(text, town, country):
    # a town alone, kept by the profile only for a site that gives no street
    html = f"<html><body><main><p>{text}</p></main></body></html>".encode()
    addresses = extract_contacts(html, "http://firma.test/about.html", role="about")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in addresses] == [(None, None, town)]
    assert country is None or addresses[0]["country"] == country


@pytest.mark.parametrize("text, found", [
    ("Our address is A91 NN24, Co. Louth, Ireland.", [(None, "A91 NN24", None)]),
    ("📍 Navan Shopping Centre (C15 F658)", [("Navan Shopping Centre", "C15 F658", None)]),
    ("Tech Cross is located at Unit 4, Navan Shopping Centre, Navan, Co. Meath, C15 F658, Ireland.",
     [("Unit 4, Navan Shopping Centre", "C15 F658", "Navan")]),
])
def test_an_eircode_in_a_sentence_is_the_address(text, found):
    html = f"<html lang=en><body><main><p>{text}</p><p>Call +353 42 932 3396</p></main></body></html>".encode()
    addresses = extract_contacts(html, "http://techcross.ie/contact.html", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in addresses] == found
    assert {a["country"] for a in addresses} == {"IE"}


def test_a_page_that_declares_no_language_is_read_in_the_one_its_text_is_in():
    # a German painter's site on .com without lang="de": its national number
    # is German (py3langid tells the language, trafilatura calls it)
    from scrapejet.extract.contacts import read_business_page

    html = """<html><head><title>Malerbetrieb Schmidt</title></head><body><main>
        <h1>Willkommen beim Malerbetrieb Schmidt</h1><p>Wir sind Ihr Meisterbetrieb für Malerarbeiten, Fassaden
        und Bodenbeläge in Berlin und Umgebung. Seit über zwanzig Jahren arbeiten wir sauber, pünktlich und
        zuverlässig für private und gewerbliche Kunden.</p><p>Rufen Sie uns an: 030 25768810</p></main></body></html>""".encode()
    page, contacts = read_business_page(html, "http://malerschmidt.com/", role="home")
    assert page["language"] == "de"
    assert [p["e164"] for p in contacts["phones"]] == ["+493025768810"]
    # read alone, without the language its text tells, the town it names tells the number's country...
    assert [p["e164"] for p in extract_contacts(html, "http://malerschmidt.com/", role="home")["phones"]] == [
        "+493025768810"]
    # ...and with no town either, the number has no country
    html = html.replace(b" in Berlin und Umgebung", b"")
    assert extract_contacts(html, "http://malerschmidt.com/", role="home")["phones"] == []


@pytest.mark.parametrize("text, found", [
    ("11 Burrow Down Eastbourne East Sussex BN20 8ST", ("11 Burrow Down", "BN20 8ST", "Eastbourne")),
    ("12 High Street Milton Keynes MK9 2AB", ("12 High Street", "MK9 2AB", "Milton Keynes")),
])
def test_a_british_address_written_in_one_run_without_commas(text, found):
    html = f"<html lang=en><body><footer><h4>Contact Us</h4><p>{text}</p></footer></body></html>".encode()
    addresses = extract_contacts(html, "http://dysonsheating.co.uk/", role="home")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in addresses] == [found]


@pytest.mark.parametrize("street", ["Adama Mickiewicza 4/lok 5", "Adama Mickiewicza 4 lok. 5"])
def test_a_flat_after_the_house_number_is_part_of_the_street(street):
    # a Polish office in a flat ("lokal"), the address a list in the home page's contact section
    html = f"""<html lang="pl"><body><main><h1>Biuro</h1><div id="kontakt"><h3>Biuro Rachunkowe Sylwia Baryś</h3>
        <ul><li>{street}</li><li>42-217 Częstochowa</li><li>Pon - Pt (9:00 - 15:00)</li></ul></div></main></body></html>""".encode()
    found = extract_contacts(html, "http://biuro-barys.pl/", role="home")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found] == [(street, "42-217", "Częstochowa")]


def test_a_tab_of_an_accounts_page_is_the_account():
    # Pinterest's "/name/_created/", Instagram's "/name/reels/", a Marketplace seller's page; a post stays no account
    html = b"""<html><body><footer><a href="https://www.pinterest.com/pergulabakfar/_created/">Pinterest</a>
        <a href="https://www.instagram.com/pergulabakfar/reels/">Instagram</a>
        <a href="https://www.facebook.com/marketplace/profile/100080081574667/">Facebook</a>
        <a href="https://www.instagram.com/p/Cxyz123/">a post</a></footer></body></html>"""
    socials = extract_contacts(html, "http://pergulabakfar.co.il/", role="home")["socials"]
    assert [s["url"] for s in socials] == [
        "https://www.pinterest.com/pergulabakfar", "https://www.instagram.com/pergulabakfar",
        "https://www.facebook.com/marketplace/profile/100080081574667"]


def test_the_pages_an_inline_script_navigates_to_are_links():
    # a menu of <div>s whose clicks set window.location.href in the page's script
    from scrapejet.extract.links import extract_links

    html = b"""<html lang="de"><body><div id="menuLinkAboutme">\xc3\x9cber mich</div><div id="menuLinkOrdination">Ordination</div>
        <a href="/contact.html">Kontakt</a><script>var Q=function(){return window.location.href="/aboutme.html"},
        J=function(){return window.location.href="/ordination.html"};menuLinkAboutme.addEventListener("click",Q);
        if(x){location.href="https://www.google.com/maps"}</script></body></html>"""
    urls = [link.url for link in extract_links(html, "http://drgary.at/")]
    assert urls == ["http://drgary.at/contact.html", "http://drgary.at/aboutme.html", "http://drgary.at/ordination.html",
                    "https://www.google.com/maps"]
    assert page_role("http://drgary.at/aboutme.html") == "about"


def test_a_hungarian_shops_authorities_and_host_are_not_the_company():
    # the data-protection authority a privacy statement names, its address in
    # a definition list below; the conciliation board in the terms' sentence;
    # the web host under "Tárhelyszolgáltató"
    html = """<html lang="hu"><body><main><h2>Szolgáltató adatai</h2>
        <dl><dt>Székhely</dt><dd>4028 Debrecen, Tölgyfa utca 26.</dd><dt>Telefon</dt><dd>+36 20 436 0307</dd>
        <dt>Tárhelyszolgáltató</dt><dd>Vercel Inc. (340 S Lemon Ave #4133, Walnut, CA 91789, USA; e-mail: privacy@vercel.com)</dd></dl>
        <p>A székhely szerint illetékes: Hajdú-Bihar Vármegyei Békéltető Testület, 4025 Debrecen, Petőfi tér 10.;
        telefon: +36 52 500 710</p>
        <p>Felügyeleti hatóság: <b>Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)</b></p>
        <dl><dt>Cím</dt><dd>1055 Budapest, Falk Miksa utca 9-11.</dd><dt>Telefon</dt><dd>+36 (1) 391-1400</dd>
        <dt>E-mail</dt><dd><a href="mailto:ugyfelszolgalat@naih.hu">ugyfelszolgalat@naih.hu</a></dd></dl>
        </main></body></html>""".encode()
    found = extract_contacts(html, "http://bringa.hu/adatkezeles.html", role="privacy")
    assert [a["postal_code"] for a in found["addresses"]] == ["4028"]
    assert [p["e164"] for p in found["phones"]] == ["+36204360307"]
    assert found["emails"] == []


def test_a_licensing_office_and_a_map_services_operator_are_not_the_company():
    html = """<html lang="de"><body><main><p>Taxi Muster, Brunellenweg 1, 83064 Raubling</p>
        <p>Genehmigung erteilt durch das Landratsamt Rosenheim.</p>
        <div><p><strong>Landratsamt Rosenheim</strong><br>Verkehrszentrum<br>Äußere Oberaustraße 4<br>83026 Rosenheim</p></div>
        <p>Diese Website nutzt Karten von OpenStreetMap (Betreiber: OpenStreetMap Foundation, St John's Innovation
        Centre, Cowley Road, Cambridge, CB4 0WS, United Kingdom).</p></main></body></html>""".encode()
    found = extract_contacts(html, "http://taxi.test/impressum.html", role="legal")
    assert [a["postal_code"] for a in found["addresses"]] == ["83064"]


def test_a_button_to_write_on_messenger_is_the_company_s_page():
    html = ("<html lang='hu'><body><main><p>Hívj vagy írj!</p><a href='https://www.facebook.com/profile.php?id=61573847112561'>"
            "<svg></svg>Írj üzenetet Messengeren</a></main></body></html>").encode()
    socials = extract_contacts(html, "http://bringa.hu/kapcsolat.html", role="contact")["socials"]
    assert [s["url"] for s in socials] == ["https://www.facebook.com/profile.php?id=61573847112561"]


def test_structured_data_naming_other_accounts_than_the_icons_is_out_of_date():
    jsonld = ('{"@context": "https://schema.org", "@type": "LocalBusiness", "name": "MOTO crew", "sameAs": '
              '["https://www.facebook.com/motocrewcz", "https://www.linkedin.com/company/motocrewcz"]}')
    html = (f"<html><head><script type='application/ld+json'>{jsonld}</script></head><body><footer>"
            "<a href='https://www.facebook.com/motocrews.r.o/'><i class='fa-facebook'></i></a>"
            "<a href='https://www.instagram.com/motocrews.r.o/'><i class='fa-instagram'></i></a></footer></body></html>").encode()
    socials = extract_contacts(html, "http://mt-crew.test/", role="home")["socials"]
    assert sorted(s["url"] for s in socials) == ["https://www.facebook.com/motocrews.r.o", "https://www.instagram.com/motocrews.r.o"]
    # agreeing with them (or with no icon of the network), its profiles stand
    html = html.replace(b"motocrews.r.o/'><i class='fa-facebook'", b"motocrewcz/'><i class='fa-facebook'")
    socials = extract_contacts(html, "http://mt-crew.test/", role="home")["socials"]
    assert "https://www.linkedin.com/company/motocrewcz" in [s["url"] for s in socials]


@pytest.mark.parametrize("url, expected", [
    ("https://nextdoor.com/page/faith-works-outdoor-services-llc-auburndale-fl/", "https://nextdoor.com/page/faith-works-outdoor-services-llc-auburndale-fl"),
    ("https://www.gumtree.com/profile/account/621010e54c249814e0b84f3513176f56", "https://www.gumtree.com/profile/account/621010e54c249814e0b84f3513176f56"),
    ("https://www.instagram.com/wedo_yes/profilecard/?igsh=MWZsMXVr", "https://www.instagram.com/wedo_yes"),
    ("https://www.facebook.com/EducChien Essonne", "https://www.facebook.com/educchien%20essonne"),
    ("https://facebook.com/tvojaStranka", None),  # a Czech template's "your page"
    ("https://nextdoor.com/news_feed/", None),
])
def test_more_profile_shapes(url, expected):
    from scrapejet.extract.socials import profile

    assert (profile(url) or {}).get("url") == expected


def test_a_role_word_before_me_is_no_brand():
    assert page_role("http://drive4life.test/contact-me.html", "Contact Me") == "contact"
    assert page_role("http://drive4life.test/about-me.html", "About Me") == "about"
    assert page_role("http://acme.test/acme-privacy-policy", "") == "privacy"


def test_the_terms_ending_in_the_legal_notice_are_the_legal_page_and_a_privacy_clause_no_privacy_page():
    cgv = """<html lang="fr"><body><main><h1>Conditions générales de vente</h1><h1>1. Achat</h1><p>…</p>
        <h1>6. Mentions légales :</h1><p>Franck Guéville<br>101 rue d’Angerville 91410 les Granges Le Roi</p>
        </main></body></html>""".encode()
    found = extract_contacts(cgv, "http://educ.test/cgv", role="terms")
    assert found["covers"] == ["legal"]
    assert [(a["postal_code"], a["locality"]) for a in found["addresses"]] == [("91410", "les Granges Le Roi")]
    terms = """<html lang="en"><body><main><h1>Terms &amp; Conditions</h1><h2>18. Privacy &amp; Data Respect</h2>
        <p>We respect your personal data.</p></main></body></html>""".encode()
    assert extract_contacts(terms, "http://techcross.test/terms", role="terms")["covers"] == []


def test_a_menu_item_naming_the_home_page_itself_gives_it_the_role_and_a_section_does_not():
    from scrapejet.extract.profile import merge_profile

    named = "<a href='index.html'>O nama</a><a href='kontakt.html'>Kontakt</a>"
    section = "<a href='#about'>About us</a><a href='#contact'>Contact</a>"
    for links, roles in ((named, {"about"}), (section, set())):
        html = f"<html><body><nav>{links}</nav><main><p>Odvjetnik</p></main></body></html>".encode()
        page = {"url": "http://law.test/", "page_type": "home", "contacts": extract_contacts(html, "http://law.test/", role="home")}
        pages = merge_profile([page], job_id="j", site="law.test")["pages"]
        assert {r for r, url in pages.items() if url == "http://law.test/" and r != "home"} == roles


@pytest.mark.parametrize("text", ["26ης Οκτωβρίου 8Α, 54627, Θεσσαλονίκη.", "Διεύθυνση: 26ης Οκτωβρίου 8Α, Θεσσαλονίκη, 54627",
                                  "26ης Οκτωβρίου 8Α,<br>Θεσσαλονίκη, 54627", "26ης Οκτωβρίου 8Α, 54627 Θεσσαλονίκη"])
def test_greek_addresses_with_the_postcode_either_side_of_the_town(text):
    html = f"<html><body><footer><p>{text}</p></footer></body></html>".encode()
    addresses = extract_contacts(html, "http://law.gr/epikoinonia.html", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in addresses] == [
        ("26ης Οκτωβρίου 8Α", "54627", "Θεσσαλονίκη", "GR")]


def test_a_figure_over_a_us_town_is_no_street():
    html = """<html lang="en"><body><main><div><strong>25</strong><span>Total services</span></div>
        <div><strong>Local</strong><span>Auburndale, FL</span></div></main></body></html>""".encode()
    assert extract_contacts(html, "http://faith.test/", role="home")["addresses"] == []


def test_one_street_and_number_under_two_postcodes_of_structured_data_is_one_address():
    from scrapejet.extract.addresses import same_address

    home = {"street": "Reşitpaşa caddesi. No:88/A", "postal_code": "34768", "locality": "Ümraniye", "source": "json-ld"}
    contact = {"street": "İstiklal, Reşit Paşa Cd. NO:88/A", "postal_code": "34773", "locality": "Ümraniye", "source": "json-ld"}
    assert same_address(home, contact)
    assert not same_address({**home, "street": "Reşitpaşa caddesi 8"}, contact)
    # the structured data's short spelling of the street the text gives with its postcode
    assert same_address({"street": "Safak, 5040.Sokak Sanayi 28/A Blok No 16", "locality": "Kepez", "source": "json-ld"},
                        {"street": "Şafak Mahallesi, 5040. Sokak Sanayi 28/A Blok No 16", "postal_code": "07220",
                         "locality": "Kepez/Antalya", "source": "text"})


def test_one_postcode_and_the_same_street_numbers_written_two_ways_is_one_address():
    # (a comparison that once raised when both sides had the same postcode:
    # a site whose pages wrote its street two ways got no profile at all)
    from scrapejet.extract.addresses import same_address

    text = {"street": "5 bis rue du 14 Juillet", "postal_code": "30220", "locality": "Aigues-Mortes", "source": "text"}
    other = {"street": "5bis, Rue 14-Juillet", "postal_code": "30220", "locality": "Aigues-Mortes", "source": "json-ld"}
    assert same_address(text, other)
    assert not same_address(text, {**other, "street": "7 rue du 14 Juillet"})


def test_a_page_without_footer_loading_its_frame_by_script_is_rendered():
    from scrapejet.extract.scripted import drawn_by_script

    page = b'<html><body><main><h1>Oto boya</h1><a href="iletisim.html">x</a></main><script src="components.js" defer></script></body></html>'
    assert drawn_by_script(page, internal_links=["https://x.test/iletisim.html"]).startswith("no footer")
    # with its own footer, or a script named for something else, it is read as fetched
    assert drawn_by_script(page.replace(b"</main>", b"</main><footer>Kontakt</footer>"), internal_links=["https://x.test/a"]) is None
    assert drawn_by_script(page.replace(b"components.js", b"js/menu.js"), internal_links=["https://x.test/a"]) is None


def test_a_german_street_named_for_a_person_keeps_the_first_name():
    html = """<html lang="de"><body><main><p>Andreas Herzog<br>Fritz Müller Str. 15<br>82467 Garmisch-Partenkirchen</p>
        <p>Telefon Hauptmann Str. 3, 10115 Berlin</p></main></body></html>""".encode()
    addresses = extract_contacts(html, "http://maler.test/impressum.html", role="legal")["addresses"]
    assert [a["street"] for a in addresses] == ["Fritz Müller Str. 15", "Hauptmann Str. 3"]


@pytest.mark.parametrize("html, url, found", [
    # a Spanish registered office written "Cl." for Calle
    ("<p><strong>Domicilio social:</strong> Cl. Maresme, 3, 08223 Terrassa (Barcelona)</p>", "http://obra.es/avis-legal.html",
     [("Cl. Maresme 3", "08223", "Terrassa", "ES")]),
    # a Hungarian postcode and town alone under the owner's name, on the contact page
    ("<h2>Varga Márk</h2><p>2310 Szigetszentmiklós</p><p><a href='tel:+36309388400'>+36 30 938 8400</a></p>",
     "http://kerites.hu/kapcsolat.html", [(None, "2310", "Szigetszentmiklós", "HU")]),
    # an Icelandic address: three digits
    ("<ul><li>Austurstræti 12a</li><li>101 Reykjavík, Ísland</li></ul>", "http://isdal.is/hafa-samband.html",
     [("Austurstræti 12a", "101", "Reykjavík", "IS")]),
    # a Turkish address without postcode: district/city last
    ("<p>Adres\t: Feyzullah Mah. Tarla Sk. 29/12 Maltepe/İstanbul</p>", "http://acuhukuk.av.tr/iletisim/",
     [("Feyzullah Mah. Tarla Sk. 29/12", None, "Maltepe/İstanbul", "TR")]),
])
def test_more_address_shapes(html, url, found):
    page = f"<html><body><main>{html}</main></body></html>".encode()
    addresses = extract_contacts(page, url, role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in addresses] == found


def test_a_year_and_a_town_or_three_digits_on_a_foreign_page_are_no_address():
    for html, url in (("<p>2019 Berlin</p>", "http://firma.de/kontakt.html"), ("<p>Since 2019</p><p>2019 Wien</p>", "http://x.at/kontakt"),
                      ("<p>101 Dalmatians</p>", "http://fire.co.uk/contact.html")):
        page = f"<html><body><main>{html}</main></body></html>".encode()
        assert extract_contacts(page, url, role="contact")["addresses"] == []


@pytest.mark.parametrize("url, text, role", [
    ("http://isdal.is/um-okkur.html", "Um okkur", "about"), ("http://isdal.is/hafa-samband.html", "Hafðu samband", "contact"),
    ("http://isdal.is/personuvernd.html", "Persónuvernd", "privacy"), ("http://isdal.is/skilmalar.html", "Skilmálar", "terms"),
])
def test_icelandic_role_words(url, text, role):
    assert page_role(url, text) == role


@pytest.mark.parametrize("html, url, found", [
    # a Romanian seat: county, town marker, street, number, then the labelled postcode
    ("<p>Adresa: JUD. PRAHOVA, ORȘ. VĂLENII DE MUNTE, STR. DRAJNEI, NR.5 Cod poștal: 106400</p>", "http://avantmob.ro/termeni",
     [("STR. DRAJNEI NR.5", "106400", "VĂLENII DE MUNTE", "RO")]),
    # the postcode alone on its line, the town on the next
    ("<h1>ADRES:</h1><p>ul. Leszczyńskiego 4</p><p>50-078</p><p>Wrocław</p>", "http://signalen.pl/kontakt.html",
     [("ul. Leszczyńskiego 4", "50-078", "Wrocław", "PL")]),
    # a map pin before a town and its region
    ("<p>📍 Christchurch, Canterbury NZ</p>", "http://chillair.co.nz/", [(None, None, "Christchurch", "NZ")]),
    ("<p>Nationwide, United Kingdom</p>", "http://ado.co.uk/contact.html", []),
])
def test_still_more_address_shapes(html, url, found):
    page = f"<html><body><main>{html}</main></body></html>".encode()
    addresses = extract_contacts(page, url, role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in addresses] == found


@pytest.mark.parametrize("text", ["Lun - Ven 08.00 - 12.00", "Carrer Major 74-76 · 25007 Lleida"])
def test_opening_hours_and_a_house_number_before_a_postcode_are_no_phone(text):
    page = f"<html lang='it'><body><main><p>{text}</p></main></body></html>".encode()
    assert extract_contacts(page, "http://santarita.it/contatti/", role="contact")["phones"] == []


def test_a_contact_page_with_an_impressum_section_is_the_legal_notice():
    page = """<html lang="de"><body><main><h1>Kontakt</h1><h2>Kontaktdaten</h2><p>Tel. 0221 123456</p>
        <h2>Impressum</h2><p>Worringer BARF Shop, Alte Neusser Landstr. 203a, 50769 Köln</p></main></body></html>""".encode()
    assert extract_contacts(page, "http://barf.de/kontakt.html", role="contact")["covers"] == ["legal"]


@pytest.mark.parametrize("html, url, found", [
    ("<p>Mátyás tér 8. Kiskunhalas</p>", "http://megujulas.hu/kapcsolat.html", [("Mátyás tér 8.", None, "Kiskunhalas", "HU")]),
    ("<p>Kiskunhalas, Mátyás tér 8.</p>", "http://megujulas.hu/kapcsolat.html", [("Mátyás tér 8.", None, "Kiskunhalas", "HU")]),
    ("<p><strong>ZLÍN</strong><br>Malenovice č.ev.52, 763 02 Zlín-Malenovice</p>", "http://bryum.cz/kontakt",
     [("Malenovice č.ev.52", "763 02", "Zlín-Malenovice", "CZ")]),
    ("<p>Καραισκάκη 2 Αγία Βαρβάρα ΤΚ:12351 <br>Σταθερό: 2105697379</p>", "http://antoniadis.gr/epikoinwnia.html",
     [("Καραισκάκη 2", "12351", "Αγία Βαρβάρα", "GR")]),
])
def test_addresses_of_this_rounds_unseen_shapes(html, url, found):
    page = f"<html><body><main>{html}</main></body></html>".encode()
    addresses = extract_contacts(page, url, role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in addresses] == found


@pytest.mark.parametrize("url, expected", [
    ("https://www.linkedin.com/company/92494980/admin/", "https://www.linkedin.com/company/92494980"),
    ("https://youtube.com/@bryumcisteni/shorts", "https://www.youtube.com/@bryumcisteni"),
])
def test_a_company_page_or_channel_tab_is_the_account(url, expected):
    from scrapejet.extract.socials import profile

    assert profile(url)["url"] == expected


# --- session 24: rules from the twenty-third and twenty-fourth batches' tune sites ---------------

def _addresses(body: str, url: str = HOME, role: str | None = None) -> list[tuple]:
    return [(a["street"], a["postal_code"], a["locality"]) for a in _contacts(body, url, role)["addresses"]]


def test_an_address_among_items_set_side_by_side_on_one_line():
    # each item its own element: phone, e-mail, address, business ID
    footer = ("<footer><div><a href='tel:+358504682944'>+358 50 4682944</a><a href='mailto:toimisto@laki-vsc.fi'>"
              "toimisto@laki-vsc.fi</a><div>Vesijärvenkatu 11, 15140 Lahti</div><div>Y-tunnus: 3350995-4</div>"
              "</div></footer>")
    assert _addresses(footer, "http://laki-vsc.fi/") == [("Vesijärvenkatu 11", "15140", "Lahti")]


def test_a_postcode_written_with_its_thousands_apart_and_the_street_below():
    footer = "<footer><p>Ribarnica Kormoran</p><p>35 400 Nova Gradiška</p><p>Gundulićeva 15 D</p><p>Vlasnica</p></footer>"
    assert _addresses(footer, "http://ribarnica.hr/") == [("Gundulićeva 15 D", "35400", "Nova Gradiška")]
    # a phone number's last groups after a street-like word are no postcode
    button = "<p><a href='tel:+4798019154'>Ring 980 19 154</a> <a href='/kontakt'>Kontakt</a></p>"
    assert _addresses(button, "http://elkontrollen.no/") == []


def test_a_latvian_postcode_keeps_its_country_letters():
    from scrapejet.extract.addresses import postcode_key

    ld = ('<script type="application/ld+json">{"@type": "LocalBusiness", "address": {"@type": "PostalAddress", '
          '"streetAddress": "Pliederu iela 22", "postalCode": "LV-2123", "addressLocality": "Ķekava"}}</script>')
    assert _addresses(ld, "http://cnc.lv/") == [("Pliederu iela 22", "LV-2123", "Ķekava")]
    assert postcode_key("LV-2123") == postcode_key("2123") and postcode_key("N1 9GU") != postcode_key("E1 9GU")


def test_a_flat_after_the_house_number_stays_with_the_street():
    footer = ("<footer><address><p>Carrer Unió 7, Bx</p><p>43739 - Porrera (Tarragona)</p></address>"
              "<address><p>Carrer Sant Francesc 15, Local</p><p>08350 - Arenys de Mar (Barcelona)</p></address></footer>")
    assert _addresses(footer, "http://osteo.es/") == [("Carrer Unió 7, Bx", "43739", "Porrera"),
                                                       ("Carrer Sant Francesc 15, Local", "08350", "Arenys de Mar")]


def test_years_in_a_cv_are_no_address_where_postcodes_have_five_digits():
    cv = "<main><p>2007 Medical Board of California</p><p>2011 Diploma in Fetal Medicine</p><p>July 1, 2006 June</p></main>"
    assert _addresses(cv, "http://rotas.gr/iatros", role="about") == []
    # a Danish four-digit postcode that looks like a year is still one
    assert _addresses("<footer><p>Vestergade 3</p><p>2000 Frederiksberg</p></footer>", "http://firma.dk/") == [
        ("Vestergade 3", "2000", "Frederiksberg")]


def test_a_staircase_and_flat_written_together_after_the_number():
    assert _addresses("<p>📍 Tillinmäentie 3 B117, 02330 Espoo</p>", "http://korikunto.fi/yhteystiedot",
                      role="contact") == [("Tillinmäentie 3 B117", "02330", "Espoo")]


def test_an_isle_of_man_address_with_its_island_above_the_postcode():
    page = "<main><p>The Outback</p><p>Barrack Street</p><p>Douglas</p><p>Isle of Man</p><p>IM1 2AF</p></main>"
    found = _contacts(page, "http://theoutback.im/contact", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [
        ("Barrack Street", "IM1 2AF", "Douglas", "IM")]


def test_an_address_spelt_with_accents_in_a_translation_gives_way_to_the_sites_own():
    from scrapejet.extract.profile import merge_profile

    pages = [{"url": "http://osteo.es/", "page_type": "home",
              "contacts": _contacts("<footer>sonia@osteopatiacarcereny.com</footer>", "http://osteo.es/")},
             {"url": "http://osteo.es/es/privacidad", "page_type": "privacy",
              "contacts": _contacts("<p>Correo: sonia@Osteopatíacarcereny.com</p>", "http://osteo.es/es/privacidad")}]
    assert [e["email"] for e in merge_profile(pages, job_id="j", site="osteo.es")["emails"]] == [
        "sonia@osteopatiacarcereny.com"]


def test_a_form_sent_by_the_visitors_mail_program_gives_the_address():
    form = "<form action='mailto:contact@elemabeaute.fr' method='post'><input name='nom'></form>"
    assert [e["email"] for e in _contacts(form, "http://elemabeaute.fr/contact", role="contact")["emails"]] == [
        "contact@elemabeaute.fr"]


def test_the_address_in_the_pages_head_is_the_companys_and_the_authors_is_not():
    # (hair-salon-minami-osaka of the corpus gives its address only as <meta name="contact">)
    html = ('<html><head><meta name="contact" content="minami.hairsalon@gmail.com">'
            '<meta name="reply-to" content="mailto:Yoyaku@minami-hair.com">'
            '<meta name="author" content="studio@webdesign.example"><meta name="contact" content="Tel. 06-1234"></head>'
            '<body><p>ヘアーサロンみなみ</p></body></html>')
    found = extract_contacts(html, "https://minami-hair.com/", role="home")["emails"]
    assert found == [{"email": "minami.hairsalon@gmail.com", "source": "meta"},
                     {"email": "yoyaku@minami-hair.com", "source": "meta"}]


@pytest.mark.parametrize("href, text", [("offerte.html", "Offerte aanvragen"), ("termine.html", "Termine"),
                                         ("rantevou.html", "Διεύθυνση & Ραντεβού")])
def test_a_quote_or_appointment_page_stands_in_for_a_missing_contact_page(href, text):
    links = [Link(HOME + "diensten.html", "Diensten"), Link(HOME + href, text)]
    assert discover_role_pages(links, HOME)["contact"] == [HOME + href]


@pytest.mark.parametrize("slug", ["institut", "praxis", "clinica", "lo-studio", "notre-boutique"])
def test_the_page_named_for_the_premises_is_the_about_page(slug):
    assert page_role(f"{HOME}{slug}.html") == "about"


def test_find_us_gives_way_to_the_contact_page():
    from scrapejet.extract.profile import merge_profile

    pages = [{"url": HOME, "page_type": "home", "contacts": _contacts("<p>x</p>")},
             {"url": HOME + "find-us", "page_type": "contact", "contacts": _contacts("<p>Barrack Street</p>")},
             {"url": HOME + "contact", "page_type": "contact", "contacts": _contacts("<p>Call us</p>")}]
    assert merge_profile(pages, job_id="j", site="firma.test")["pages"]["contact"] == HOME + "contact"


def test_a_contact_link_a_script_fills_in_is_a_sign_to_render():
    from scrapejet.extract.scripted import drawn_by_script

    html = (b"<html><body><footer>f</footer><a class='v' id='emailLink'>Loading...</a>"
            b"<script src='contact.js'></script></body></html>")
    assert drawn_by_script(html, internal_links=["http://x.test/a"]) == "a contact link a script fills in"
    # a form's empty error message is no such link
    assert drawn_by_script(b"<footer>f</footer><a id='email-error'></a><script></script>", ["http://x.test/a"]) is None
    # an address put together by an inline script
    written = (b"<footer>f</footer><script>emailE = 'outlook.it'; emailE = ('otticadavoli' + '@' + emailE);"
               b"document.write('<a href=\"mailto:' + emailE + '\">' + emailE + '</a>')</script>")
    assert drawn_by_script(written, ["http://x.test/a"]) == "a contact link a script writes in"
    year = b"<footer><script>document.write(new Date().getFullYear())</script> <a href='tel:+4930123'>call</a></footer>"
    assert drawn_by_script(year, ["http://x.test/a"]) is None


@pytest.mark.parametrize("url, lines, expected", [
    ("http://mobila.ro/contact", ["Str. Drajnei 12", "106400 Vălenii de Munte"], ("Str. Drajnei 12", "106400", "Vălenii de Munte")),
    ("http://firma.com.mt/contact", ["12, Triq il-Kbira", "Valletta VLT 1117"], ("12, Triq il-Kbira", "VLT 1117", "Valletta")),
    ("http://firma.lv/kontakti", ["Brīvības iela 10, Rīga, LV-1010"], ("Brīvības iela 10", "LV-1010", "Rīga")),
    ("http://estudio.com.ar/contacto", ["Av. Corrientes 1234", "C1425 Buenos Aires"], ("Av. Corrientes 1234", "C1425", "Buenos Aires")),
])
def test_a_postcode_and_town_as_the_countrys_postal_format_writes_them(url, lines, expected):
    body = "<footer>" + "".join(f"<p>{line}</p>" for line in lines) + "</footer>"
    assert _addresses(body, url, role="contact") == [expected]
    # (a year and a word are no Romanian postcode and town)
    assert _addresses("<footer><p>Fondat 2015 Bucuresti</p></footer>", "http://mobila.ro/contact", role="contact") == []


@pytest.mark.parametrize("body, url, role, expected", [
    # a US town and state before the ZIP without a comma, and a numbered street
    ("<main><p>Arizona Insurance Clinic</p><p>4925 5th St</p><p>Suite 101</p><p>Tucson AZ, 85711</p></main>",
     "http://azinsurance.com/contact-us.html", "contact", ("4925 5th St, Suite 101", "85711", "Tucson")),
    # a Spanish town with its postcode in brackets, the label before it
    ("<footer><p>Ubicación Cartagena (30300) España</p></footer>", "http://kong3d.es/", None, (None, "30300", "Cartagena")),
    # a Hungarian settlement after the town
    ("<p>Cím: 9151 Abda, Rákóczi telep 15.</p>", "http://franciafurjeszet.hu/contact/", "contact",
     ("Rákóczi telep 15.", "9151", "Abda")),
    # a French street named for a date
    ("<p>Adresse : 5 Rue du 19 Mars, 22140 Prat</p>", "http://coiffure.fr/", "contact", ("5 Rue du 19 Mars", "22140", "Prat")),
    # an address set in one heading
    ("<main><h4>St Andrews Medical Practice<br>St Andrews Lane<br>Spennymoor<br>DL16 6QA</h4></main>",
     "http://purebalance.co.uk/contact", "contact", ("St Andrews Lane", "DL16 6QA", "Spennymoor")),
    # a Baltic street with its type after the name, and no postcode
    ("<footer><p>Flotes iela 16, Liepāja</p></footer>", "http://mgmetals.lv/", None, ("Flotes iela 16", None, "Liepāja")),
])
def test_address_shapes_of_the_twenty_fifth_and_sixth_batches(body, url, role, expected):
    assert _addresses(body, url, role=role) == [expected]


def test_a_hosts_block_keeps_an_address_of_the_companys_own_mail_domain():
    # the site served from elsewhere: its domain is the one its own address uses
    page = ("<main><p>E-mail: info@franciafurjeszet.hu</p><h2>Tárhelyszolgáltató</h2><p>Név: Francia Eszter</p>"
            "<p>Kapcsolat: webmaster@franciafurjeszet.hu</p><h2>Webdesign</h2><p>Készítette: studio@webmuhely.hu</p></main>")
    found = {e["email"] for e in _contacts(page, "http://francia.test/impresszum/", role="legal")["emails"]}
    assert found == {"info@franciafurjeszet.hu", "webmaster@franciafurjeszet.hu"}


def test_towns_alone_a_us_town_and_state_and_a_labelled_polish_town():
    from scrapejet.extract.profile import merge_profile

    def town(body: str, url: str) -> list:
        page = {"url": url, "page_type": "home", "contacts": _contacts(body, url)}
        return [(a["locality"], a["country"]) for a in merge_profile([page], job_id="j", site="x")["addresses"]]

    assert town("<footer><p>Hillstead Farms</p><p>Cottontown, TN</p></footer>", "http://hillstead.com/") == [
        ("Cottontown", "US")]
    assert town("<main><p>Lokalizacja Bydgoszcz, Polska</p></main>", "http://witkraft.pl/") == [("Bydgoszcz", "PL")]
    # in a sentence, or outside the footer, a town and state is no address
    assert town("<main><p>Cottontown, TN</p></main>", "http://hillstead.com/") == []


def test_a_dutch_postcode_with_a_comma_before_the_town_and_a_street_without_a_number():
    footer = "<footer><p>Willem 3 Straat 4</p><p>4711 BW, St. Willebrord</p></footer>"
    assert _addresses(footer, "http://kimsgym.nl/contact.html", role="contact") == [
        ("Willem 3 Straat 4", "4711 BW", "St. Willebrord")]
    shop = ("<p>Notre boutique se situe dans le Centre Commercial Nantes La Beaujoire : Boulevard de la Beaujoire, "
            "44329 Nantes, France</p>")
    assert _addresses(shop, "http://latitude.fr/notre-boutique", role="about") == [
        ("Boulevard de la Beaujoire", "44329", "Nantes")]


@pytest.mark.parametrize("body, url, expected", [
    ("<dl><dt>Address</dt><dd>Via Roma 5, Bologna, 40100 Italia</dd></dl>", "http://osteria.it/contatti",
     ("Via Roma 5", "40100", "Bologna", "IT")),
    # a plot for a street, the municipality and region between the village and the postcode
    ("<dl><dt>Address</dt><dd>Αγροτεμάχιο 913 0, Πετράλωνα, Νέας Προποντίδας / Χαλκιδικής, 63080 Ελλάδα</dd></dl>",
     "http://agrivolt.gr/", ("Αγροτεμάχιο 913 0", "63080", "Πετράλωνα", "GR")),
    # the street and town on the lines above
    ("<p>Λ.Ολυμπιονικών 49<br>Γλυκά Νερά (Κοντά στο Σταυρό Αγ.Παρασκευής)<br>15354<br>Ελλάδα</p>", "http://pelma.gr/",
     ("Λ.Ολυμπιονικών 49", "15354", "Γλυκά Νερά", "GR")),
])
def test_a_postcode_before_the_countrys_name_has_its_town_after_the_street(body, url, expected):
    found = _contacts(f"<main>{body}</main>", url, role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [expected]


def test_a_list_of_public_helplines_is_not_the_practices_numbers():
    page = ("<main><h2>Registreerimine vastuvõtule:</h2><p>Tel: <a href='tel:7668616'>766 8616</a></p>"
            "<h2>Vastuvõtuvälisel ajal saate pöörduda:</h2><ul><li>Kiirabi: <a href='tel:112'>112</a></li>"
            "<li>Lastearst: <a href='tel:1599'>1599</a></li><li>Vähiliidu nõuandeliin - <a href='tel:8002233'>8002233</a></li>"
            "<li>Ämmaemanda nõuandeliin - <a href='tel:12252'>12252</a></li>"
            "<li>Noorte nõuandeliin - <a href='tel:6466666'>6466666</a></li></ul>"
            "<ul><li>Kindlustatud isikud võivad pöörduda oma õiguste kaitseks:</li>"
            "<li>Eesti Tervisekassa Tartu osakond - Riia 142, Tartu</li>"
            "<li>Tel: <a href='tel:6696630'>6696630</a>, email: <a href='mailto:info@tervisekassa.ee'>info@tervisekassa.ee</a></li>"
            "</ul></main>")
    found = _contacts(page, "http://puusepa.ee/")
    assert [p["e164"] for p in found["phones"]] == ["+3727668616"]
    assert found["emails"] == []
    # one short number alone (an emergency line beside the practice's) leaves the others be
    one = _contacts("<ul><li>Kiirabi: 112</li><li>Registratuur: <a href='tel:7668616'>766 8616</a></li>"
                    "<li>Kabinet: <a href='tel:7330300'>733 0300</a></li></ul>", "http://puusepa.ee/")
    assert [p["e164"] for p in one["phones"]] == ["+3727668616", "+3727330300"]


@pytest.mark.parametrize("url, expected", [
    ("https://plus.google.com/114105500734451830582", "https://plus.google.com/114105500734451830582"),
    ("https://plus.google.com/+AcmeBakery/posts", "https://plus.google.com/+AcmeBakery"),
    ("https://plus.google.com/u/0/112284510401602783718/posts", "https://plus.google.com/112284510401602783718"),
    ("https://plus.google.com/u/0/b/109784968540981748703/109784968540981748703",
     "https://plus.google.com/109784968540981748703"),
    ("https://plus.google.com/share?url=https://acme.test/", None),
])
def test_a_google_plus_profile_is_a_profile(url, expected):
    from scrapejet.extract.socials import profile

    assert (profile(url) or {}).get("url") == expected


def test_times_and_places_doctors_and_company_details():
    # "Tider og steder" (times and places) stands in for the contact page, "Our Doctors" is the about page
    links = [Link(HOME + "priser.html", "Priser"), Link(HOME + "tidogsted.html", "Tider og steder")]
    assert discover_role_pages(links, HOME)["contact"] == [HOME + "tidogsted.html"]
    assert page_role(HOME + "doctors.html", "Our Doctors") == "about"
    # a menu naming the home page "Impressum": the home page is the legal notice
    home = _contacts("<nav><a href='index.html'>Impressum</a><a href='kontakt.html'>Kontakt</a></nav>",
                     "http://firma.de/", role="home")
    assert home["covers"] == ["legal"]
    # a contact page's section "Στοιχεία" (details) makes it no legal notice
    contact = _contacts("<main><h2>Στοιχεία</h2><p>Διεύθυνση</p><h2>Ωράριο</h2></main>", "http://iatreio.gr/", role="contact")
    assert contact["covers"] == []


def test_a_town_before_its_postcode_at_the_end_of_a_contact_line():
    page = "<div><h3>Salon Andula</h3><p>Jiráskova 656 Humpolec 39601</p><p>anicka.seilerova@email.cz</p></div>"
    found = _contacts(page, "http://salonandula.cz/kontakt.html", role="contact")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("Jiráskova 656", "396 01", "Humpolec")]
    # Seznam's email.cz is a mail service, not a placeholder's "email" domain
    assert [e["email"] for e in found["emails"]] == ["anicka.seilerova@email.cz"]
    # in the body of any page, a line of that shape is left alone
    assert _addresses("<p>Öffnungszeiten Montag 8 Uhr 12345</p>", "http://firma.de/") == []


def test_a_seat_labelled_sede_operativa_and_a_finnish_booking_page():
    from scrapejet.extract.profile import merge_profile

    page = {"url": "http://cosmo35.it/", "page_type": "home",
            "contacts": _contacts("<footer><p>Sede operativa: Roma – Appalti anche su Firenze</p></footer>", "http://cosmo35.it/")}
    assert [(a["locality"], a["country"]) for a in merge_profile([page], job_id="j", site="x")["addresses"]] == [("Roma", "IT")]
    links = [Link(HOME + "palvelut.html", "Palvelut"), Link(HOME + "ajanvaraus.html", "Ajanvaraus")]
    assert discover_role_pages(links, HOME)["contact"] == [HOME + "ajanvaraus.html"]


def test_a_data_protection_authoritys_block_in_romanian_and_greek_is_theirs():
    ro = ("<main><p>Email: <a href='mailto:atelierul.muresan@gmail.com'>atelierul.muresan@gmail.com</a></p><p>Aveți dreptul să depuneți o plângere la autoritatea de supraveghere. În România, datele de contact "
          "ale autorității de supraveghere pentru protecția datelor sunt următoarele:</p>"
          "<p>Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal</p>"
          "<p>B-dul G-ral. Gheorghe Magheru nr. 28-30, Sector 1, cod poștal 010336, București, Romania</p>"
          "<p>Telefon: +40.318.059.211 sau +40.318.059.212;</p><p>E-mail:anspdcp@dataprotection.ro</p></main>")
    found = _contacts(ro, "http://atelierul.ro/politica.html", role="privacy")
    assert [e["email"] for e in found["emails"]] == ["atelierul.muresan@gmail.com"] and found["phones"] == []
    gr = ("<main><p>Αν θεωρείς ότι η επεξεργασία παραβιάζει τη νομοθεσία, έχεις το δικαίωμα να υποβάλεις καταγγελία "
          "στην Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα (ΑΠΔΠΧ) :</p><p>Διεύθυνση: Κηφισίας 1-3, 115 23 Αθήνα</p>"
          "<p>Τηλέφωνο: +30 210 6475600</p><p>Email: contact@dpa.gr</p></main>")
    found = _contacts(gr, "http://skinya.gr/aporrito", role="privacy")
    assert found["emails"] == [] and found["phones"] == [] and found["addresses"] == []


def test_lines_broken_by_end_tags_of_br_and_a_romanian_work_point():
    page = ("<p><b>Date Fiscale:</b></br> Firma: FABRICAT IN NOIEMBRIE S.R.L.</br>Servicii de Design</br>"
            "Punct de lucru: Aleea Băița nr.4 ,ap.3 ,Cluj-Napoca</br>CUI: 40163031</br></p>")
    assert _addresses(page, "http://atelierul.ro/contact.html", role="contact") == [
        ("Aleea Băița nr.4", None, "Cluj-Napoca")]


@pytest.mark.parametrize("body, url, expected", [
    ("<p>Adress: Capellavägen 4, 175 60 Järfälla</p>", "http://dosti.se/kontakt.html", ("Capellavägen 4", "175 60", "Järfälla")),
    ("<p>P.O. Box 62675, North Charleston, SC 29419</p>", "http://mbservices.com/contact.html",
     ("P.O. Box 62675", "29419", "North Charleston")),
    # a map link whose query names no number, its route's destination the postcode
    ("<p><a href='https://maps.google.fr/maps?f=d&q=Praza+do+Tapal,+Noia,+Espa%C3%B1a&daddr=Praza+do+Tapal,+15200+Noia,"
     "+A+Coru%C3%B1a,+Espa%C3%B1a'>Mapa</a></p>", "http://castroavogadas.es/", ("Praza do Tapal", "15200", "Noia")),
])
def test_address_shapes_of_the_thirtieth_batch(body, url, expected):
    assert _addresses(body, url, role="contact") == [expected]


def test_roles_of_the_thirtieth_batch():
    links = [Link(HOME + "vie-privee.html", "Vie privée & RGPD"), Link(HOME + "nakladanisos.html", "Nakládání s osobními údaji"),
             Link(HOME + "quenes%20somos.html", "Quenes somos"), Link(HOME + "consulta.html", "Consultas online")]
    found = discover_role_pages(links, HOME)
    assert found["privacy"][:2] == [HOME + "vie-privee.html", HOME + "nakladanisos.html"]
    assert found["about"] == [HOME + "quenes%20somos.html"] and found["contact"] == [HOME + "consulta.html"]
    # the names of two different roles joined are neither
    assert page_role(HOME + "x.html", "Impressum & Datenschutz") is None


def test_a_greek_seat_alone_is_the_town():
    from scrapejet.extract.profile import merge_profile

    page = {"url": "http://skinya.gr/", "page_type": "contact",
            "contacts": _contacts("<main><p>Έδρα Καβάλα · Ελλάδα</p></main>", "http://skinya.gr/", role="contact")}
    assert [(a["locality"], a["country"]) for a in merge_profile([page], job_id="j", site="x")["addresses"]] == [("Καβάλα", "GR")]


def test_a_po_box_beside_premises_comes_after_them():
    from scrapejet.extract.profile import merge_profile

    def streets(*bodies: str) -> list:
        pages = [{"url": f"http://wilsons.com.au/{n}", "page_type": "contact",
                  "contacts": _contacts(body, f"http://wilsons.com.au/{n}", role="contact")} for n, body in enumerate(bodies)]
        return [a["street"] for a in merge_profile(pages, job_id="j", site="x")["addresses"]]

    assert streets("<p>PO Box 291, Penrith NSW 2751</p>", "<p>51 Lemongrove Road, Penrith NSW 2750</p>") == [
        "51 Lemongrove Road", "PO Box 291"]
    assert streets("<p>P.O. Box 62675, North Charleston, SC 29419</p>") == ["P.O. Box 62675"]


@pytest.mark.parametrize("url, expected", [
    ("https://www.facebook.com/people/Atv-DE-Inchiriat/pfbid02hTfa4GbfztEyVj2X4aE6qrc8XUMz5CJ8QyQxw5FTQ7PrWoSjRur744vvub97XQoel/",
     "https://www.facebook.com/people/Atv-DE-Inchiriat/pfbid02hTfa4GbfztEyVj2X4aE6qrc8XUMz5CJ8QyQxw5FTQ7PrWoSjRur744vvub97XQoel"),
    ("https://www.instagram.com/stories/atvde_inchiriat/3840600568029429691?utm_source=ig", "https://www.instagram.com/atvde_inchiriat"),
    ("https://www.twitch.tv/pfpeinturefigurine", "https://www.twitch.tv/pfpeinturefigurine"),
    ("https://www.patreon.com/c/peinturefigurine/posts", "https://www.patreon.com/peinturefigurine"),
    ("https://peinturefigurine.etsy.com", "https://www.etsy.com/shop/peinturefigurine"),
    ("https://www.etsy.com/fr/shop/Witkraft?ref=shop", "https://www.etsy.com/shop/witkraft"),
    ("https://discord.gg/Jpa4yvfQVN", "https://discord.gg/Jpa4yvfQVN"),
    ("https://www.etsy.com/listing/123/a-mug", None), ("https://www.twitch.tv/videos/123", None),
])
def test_profiles_of_a_makers_channels_and_newer_facebook_and_instagram_links(url, expected):
    from scrapejet.extract.socials import profile

    assert (profile(url) or {}).get("url") == expected


def test_a_ligature_icons_word_is_no_text():
    # <span class="material-icons">music_note</span>TikTok: the link names its network
    page = ("<main><div class='social'><a href='https://www.tiktok.com/@atv.inchiriere.borsa?_r=1'>"
            "<span class='material-icons'>music_note</span><span class='label'>TikTok</span></a></div>"
            "<p><span class='material-icons'>phone</span> 0743 252 179</p></main>")
    found = _contacts(page, "http://atv.ro/")
    assert [s["url"] for s in found["socials"]] == ["https://www.tiktok.com/@atv.inchiriere.borsa"]
    assert [p["e164"] for p in found["phones"]] == ["+40743252179"]


def test_catalan_shops_a_registrar_and_a_host_under_an_emoji():
    footer = ("<footer><p>C/ Sant Vicenç, 31 · Igualada<br>Psg. Verdaguer, 178 · Igualada</p>"
              "<p><a href='tel:938017151'>93 801 71 51</a></p></footer>")
    found = extract_contacts(f"<html lang='ca'><body>{footer}</body></html>", "http://supermas.test/")
    assert [(a["street"], a["locality"]) for a in found["addresses"]] == [
        ("C/ Sant Vicenç 31", "Igualada"), ("Psg. Verdaguer 178", "Igualada")]
    assert [p["e164"] for p in found["phones"]] == ["+34938017151"]  # Catalan: a Spanish number
    legal = ("<main><p>Adresse : 17 route de lare, 42510 Saint Georges de Baroille, France</p><p>💻 Hébergeur</p>"
             "<p>GitHub Inc. 88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, USA</p>"
             "<p>Domaine enregistré chez : Gandi SAS 63-65 boulevard Massena, 75013 Paris, France</p></main>")
    assert _addresses(legal, "http://studiopf.fr/mentionslegales.html", role="legal") == [
        ("17 route de lare", "42510", "Saint Georges de Baroille")]
    assert _addresses("<footer><p>Ruukuntekijäntie 8 B9 Vantaa 01600</p></footer>", "http://yas.fi/") == [
        ("Ruukuntekijäntie 8 B9", "01600", "Vantaa")]


@pytest.mark.parametrize("line, found", [
    ("Kivi talu, Saia küla, 93725 Saaremaa", ("Kivi talu, Saia küla", "93725", "Saaremaa")),
    ("Aadress: Laiasöödi talu, Igavere küla, Raasiku vald, 75208 Harju maakond",
     ("Laiasöödi talu, Igavere küla", "75208", "Raasiku vald")),
    ("SIA Oilbergs, Kļavkalni, Allažu pag., Siguldas nov., LV- 2154, Latvija", ("Kļavkalni", "LV-2154", "Allažu pag.")),
    ("„Lielvaicēni”, Vītiņu pagasts, Dobeles novads, LV-3708", ("„Lielvaicēni”", "LV-3708", "Vītiņu pagasts")),
    ("Ąžuolų sodyba, Kadikų k., LT-29108 Anykščių r.", ("Ąžuolų sodyba, Kadikų k.", "LT-29108", "Anykščių r")),
])
def test_a_baltic_farm_and_its_village_or_parish_before_the_postcode_is_an_address(line, found):
    # no street and no house number: the farm's name stands for them
    assert _addresses(f"<footer><p>{line}</p><p>Tel 5092885</p></footer>") == [found]


def test_five_digits_after_a_place_are_an_estonian_postcode_only_beside_a_farm_or_village():
    assert _addresses("<main><p>Tallinn, 10617</p><p>Tellimusi 12345, 93725 Saaremaa</p></main>") == []


def test_a_partner_the_site_sends_customers_to_is_a_third_party():
    page = ("<main><p>Rao Kivi - <a href='tel:5092885'>5092885</a></p><p>Tellimine Mandri-Eestis ja Hiiumaal</p>"
            "<p>Palume võtta ühendust meie koostööpartneriga:</p><p>KIVIPROJEKT</p><p>Kaido Kivi - 5092563</p></main>")
    found = _contacts(page, "http://kivicb.ee/kontakt.html", role="contact")
    assert [p["e164"] for p in found["phones"]] == ["+3725092885"]


def test_an_estonian_page_named_company_is_the_about_page():
    links = [Link(HOME + "ettevõte.html", "Ettevõte"), Link(HOME + "teenused.html", "Teenused")]
    assert discover_role_pages(links, HOME)["about"] == [HOME + "ettevõte.html"]


def test_a_postcode_under_its_english_label_and_a_latin_town_on_a_greek_page():
    page = "<footer><p>SILVER PaLM</p><p>Pentelis 120</p><p>POSTAL CODE 15126, Marousi</p><p>Athens Greece</p></footer>"
    assert _addresses(page, "http://silverpalm.gr/") == [("Pentelis 120", "15126", "Marousi")]
    # five digits, a comma and a town are read so only on a Greek page
    assert _addresses(page, "http://silverpalm.de/") == []


def test_a_town_and_its_state_as_one_item_of_a_footer_line():
    footer = "<footer><p>NV #0094214 · © 2025 EGO HVAC Services LLC · Las Vegas, NV</p></footer>"
    assert _addresses(footer, "http://egohvac.com/") == [(None, None, "Las Vegas")]


def test_a_parcel_carriers_customer_service_in_a_shops_terms_is_theirs():
    page = ("<main><p>Contact : <a href='tel:+33671829340'>06 71 82 93 40</a></p>"
            "<p>En cas de perte du colis, une réclamation est possible</p>"
            "<p>Au près du service client Mondial Relay au 09 69 32 23 32</p></main>")
    found = _contacts(page, "http://figurine.fr/conditions.html", role="terms")
    assert [p["e164"] for p in found["phones"]] == ["+33671829340"]


def test_a_quebec_fax_abbreviated_telec():
    found = _contacts("<main><p>450 589-3268 · téléc. 450 589-9860</p></main>", "http://cmlabbe.ca/nous-joindre.html",
                      role="contact")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == [("+14505893268", "phone"), ("+14505899860", "fax")]


def test_a_postcode_alone_between_its_suburb_and_town_is_read_as_the_country_writes_it():
    # South Africa writes "Johannesburg 2094"; a site stacking its address
    # puts the code on a line of its own first; a PO box is the post's address
    page = ("<main><p>Physical: 11 Janie Street<br>Jeppestown<br>2094<br>Johannesburg<br>South Africa</p>"
            "<p>Postal: PO.Box 2976<br>Houghton<br>2041<br>Johannesburg<br>South Africa</p></main>")
    assert _addresses(page, "http://themetalbin.co.za/contact-us.htm", role="contact") == [
        ("11 Janie Street", "2094", "Johannesburg"), ("PO.Box 2976", "2041", "Johannesburg")]
    # Brazil: the CEP between the neighbourhood and "Passo Fundo, RS"
    page = "<footer><p>Endereço:</p><p>Avenida Rio Grande, 101</p><p>Valinhos</p><p>99042-000</p><p>Passo Fundo, RS</p><p>Brasil</p></footer>"
    assert _addresses(page, "http://funilariaribeiro.com.br/") == [("Avenida Rio Grande 101", "99042-000", "Passo Fundo")]
    # Poland writes the code first, as before
    page = "<footer><p>ul. Leszczyńskiego 4</p><p>50-078</p><p>Wrocław</p></footer>"
    assert _addresses(page, "http://cukiernia.pl/") == [("ul. Leszczyńskiego 4", "50-078", "Wrocław")]


def test_a_label_spelled_as_the_site_spells_it_before_the_street():
    footer = "<footer><p>Telefon: +45 98 24 85 20</p><p>Addresse: Aalborgvej 2, 9492 Blokhus</p></footer>"
    assert _addresses(footer, "http://blokhusbageri.dk/") == [("Aalborgvej 2", "9492", "Blokhus")]


def test_a_house_number_after_a_number_sign_on_a_mexican_page():
    page = "<main><p>av. General Joaquin Amaro #1395, 60630 Apatzingán de la Constitución, Mich.</p></main>"
    found = _contacts(page, "http://santident.com.mx/", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [
        ("av. General Joaquin Amaro #1395", "60630", "Apatzingán de la Constitución", "MX")]


def test_a_russian_prospekt_abbreviated_pr():
    page = "<main><p>Адрес: г. Харьков, пр. Московский 199</p><p>Тел.: +38 (057) 766-78-21</p></main>"
    assert _addresses(page, "http://vik.tmm.ua/contacts.php", role="contact") == [("пр. Московский 199", None, "Харьков")]


def test_an_older_linkedin_public_profile_address():
    from scrapejet.extract.socials import profile

    assert profile("http://fr.linkedin.com/pub/diana-martin/69/905/167") == {
        "network": "linkedin", "url": "https://www.linkedin.com/pub/diana-martin/69/905/167", "handle": "diana-martin"}


def test_a_facebook_like_button_or_page_plugin_names_the_page():
    like = "<nav><a href='/'>Home</a><div class='fb-like' data-href='https://www.facebook.com/kdvhetvlindertje'></div></nav>"
    assert [s["url"] for s in _contacts(like, "http://kdvhetvlindertje.nl/")["socials"]] == [
        "https://www.facebook.com/kdvhetvlindertje"]
    frame = ("<main><iframe class='facebook-embed' src='https://www.facebook.com/plugins/page.php?"
             "href=https%3A%2F%2Fwww.facebook.com%2Facmebakery&amp;tabs=timeline'></iframe></main>")
    assert [s["url"] for s in _contacts(frame, "http://acmebakery.nl/")["socials"]] == ["https://www.facebook.com/acmebakery"]
    # a Like button for the site's own page is no profile
    assert _contacts("<div class='fb-like' data-href='http://acmebakery.nl/'></div>", "http://acmebakery.nl/")["socials"] == []


def test_danish_conditions_are_the_terms_and_a_farms_own_page_the_about_page():
    links = [Link(HOME + "DK-betingelser.html", "Betingelser"), Link(HOME + "unser-hof.html", "Unser Hof"),
             Link(HOME + "hofladen.html", "Hofladen")]
    found = discover_role_pages(links, HOME)
    assert found["terms"] == [HOME + "DK-betingelser.html"] and found["about"] == [HOME + "unser-hof.html"]


def test_an_english_address_without_postcode_its_unit_suburb_region_and_country():
    page = "<main><p>Workshop address:</p><p>Unit 4, 10 Thorn Place, Onekawa, Napier, Hawke’s Bay, New Zealand</p></main>"
    assert _addresses(page, "http://jrautomotive.co.nz/contact.html", "contact") == [("Unit 4, 10 Thorn Place", None, "Napier")]
    # Dublin with its postal district is the town, the suburb before it is not
    footer = "<footer><p>W39 Services, 67F Heather Road, Sandyford, Dublin 18</p></footer>"
    assert _addresses(footer, "http://w39.ie/contact.html", "contact") == [("67F Heather Road", None, "Dublin 18")]


def test_a_regulators_card_of_fields_is_theirs_to_its_end():
    page = ("<main><p>Contact us: <a href='mailto:lourens@knoesenacc.co.za'>lourens@knoesenacc.co.za</a></p>"
            "<h2>11. Complaints to the Information Regulator</h2>"
            "<p>If you're not satisfied, you can lodge a complaint with South Africa's Information Regulator.</p>"
            "<dl><div><dt>Website</dt><dd><a href='https://inforegulator.org.za/'>inforegulator.org.za</a></dd></div>"
            "<div><dt>General enquiries</dt><dd><a href='mailto:enquiries@inforegulator.org.za'>enquiries@inforegulator.org.za</a></dd></div>"
            "<div><dt>Phone</dt><dd>010 023 5200 (toll-free: 0800 017 160)</dd></div>"
            "<div><dt>Address</dt><dd>Woodmead North Office Park, 54 Maxwell Drive, Woodmead, Johannesburg, 2191</dd></div></dl>"
            "</main>")
    found = _contacts(page, "http://knoesenacc.co.za/privacy-policy.html", role="privacy")
    assert [e["email"] for e in found["emails"]] == ["lourens@knoesenacc.co.za"]
    assert found["phones"] == [] and found["addresses"] == []


def test_a_menu_item_with_a_year_is_no_south_african_address():
    page = ("<nav><a href='/resources/sars-filing-season-2026'>Filing Season 2026</a></nav>"
            "<footer><a href='/a'>Tax Deadline Calendar</a><a href='/b'>Filing Season 2026</a>"
            "<p>Walmer Heights, Gqeberha</p><p>Cape Town 8001</p></footer>")
    assert _addresses(page, "http://knoesenacc.co.za/") == [(None, "8001", "Cape Town")]


def test_a_lawyers_personal_page_is_the_about_page():
    found = discover_role_pages([Link(HOME + "persoenliches.html", "Persönliches")], HOME)
    assert found["about"] == [HOME + "persoenliches.html"]


def test_where_directions_start_from_is_not_the_business():
    # a restaurant up a hill: the cable car's valley station, linked by name,
    # with its address and phone, is where the walk starts
    page = ("<main><h2>Kontakt</h2><p>Restaurant Felsenegg<br>Felsenegg 1<br>8143 Stallikon<br>+41 44 710 77 55</p>"
            "<p>Die Anreise mit dem öffentlichen Verkehr ist komfortabel.</p>"
            "<p><a href='http://www.laf.ch'>Anreise von der Luftseilbahn Talstation</a><br>Zelgstrasse 80<br>"
            "8134 Adliswil<br>+41 (0)44 710 73 30</p></main>")
    found = _contacts(page, "http://felsenegg.com/de/contact/", role="contact")
    assert [p["e164"] for p in found["phones"]] == ["+41447107755"]
    assert [(a["postal_code"], a["locality"]) for a in found["addresses"]] == [("8143", "Stallikon")]


def test_a_village_address_given_as_fields():
    # a Czech village has no streets: its house numbers follow its name,
    # and the village is the town ("Sídlo firmy" is the register's seat)
    page = "<div><h3>ADRESA</h3><p><b>Sídlo firmy:</b> Pňovice - 18<br><br><b>PSČ:</b> 784 01<br></p></div>"
    assert _addresses(page, "http://tegl.cz/") == [("Pňovice 18", "784 01", "Pňovice")]


@pytest.mark.parametrize("fields, expected", [
    ("<b>Straße:</b> Hauptstraße 5<br><b>PLZ / Ort:</b> 80331 München", ("Hauptstraße 5", "80331", "München")),
    ("<b>Adresa:</b> Hlavní 12<br><b>PSČ:</b> 784 01<br><b>Město:</b> Litovel", ("Hlavní 12", "784 01", "Litovel")),
    # read in the order the country writes them: "Leeds LS1 4AB"
    ("Address: 5 High Street<br>Town: Leeds<br>Postcode: LS1 4AB", ("5 High Street", "LS1 4AB", "Leeds")),
])
def test_an_address_given_as_a_forms_fields(fields, expected):
    url = "http://example.co.uk/" if "Postcode" in fields else "http://example.cz/"
    assert _addresses(f"<p>{fields}</p>", url) == [expected]


def test_branches_given_as_town_dash_street():
    page = ("<main><h2>Pobočky</h2><p>Slavkov u Brna – Lidická 1452</p><p>Bučovice – Komenského 211</p>"
            "<p>Vyškov – Na Hraničkách 15</p><p>Otevírací doba – Pondělí 9</p></main>")
    assert _addresses(page, "http://autoskola-brtnik.cz/kontakty.html", role="contact") == [
        ("Lidická 1452", None, "Slavkov u Brna"), ("Komenského 211", None, "Bučovice"),
        ("Na Hraničkách 15", None, "Vyškov")]


def test_the_profile_carries_the_register_and_vat_numbers_with_where_they_were_found():
    from scrapejet.extract.profile import merge_profile

    home = _page("http://wasteone.test/", "home", "<p>Skip hire in London.</p>"
                 "<footer><nav><ul><li><a href='/contact'>Contact Us</a></li></ul>"
                 "<p><strong>Company Number: <br> 14599592</strong></p></nav></footer>")
    legal = _page("http://wasteone.test/legal", "legal", "<p>Waste One Ltd</p><p>VAT No.:<br>GB 123 4567 89</p>")
    profile = merge_profile([home, legal], job_id="j", site="wasteone.test")
    assert profile["registration"] == "Company Number 14599592"
    assert profile["vat_id"] == "GB123456789"
    assert profile["provenance"]["registration"]["url"] == "http://wasteone.test/"
    assert profile["provenance"]["vat_id"]["url"] == "http://wasteone.test/legal"


def test_a_marked_town_with_its_postcode_before_the_street():
    page = "<main><p>гр. Пловдив 4003,  ул. Васил Левски №170</p></main>"
    assert _addresses(page, "http://eni92.bg/contacts.php", role="contact") == [("ул. Васил Левски №170", "4003", "Пловдив")]


def test_branches_given_as_a_marked_town_above_the_street():
    page = ("<main><ul><li><p><b>м. Київ</b></p><p>вул. Рогнідинська, 4а</p><p>тел. +38 (096) 499 82 10</p></li>"
            "<li><p><b>м. Полтава</b></p><p>вул. Н. Левицького, 5</p></li></ul></main>")
    assert _addresses(page, "http://karpat-t.com.ua/contacts.html", role="contact") == [
        ("вул. Рогнідинська 4а", None, "Київ"), ("вул. Н. Левицького 5", None, "Полтава")]


def test_an_italian_postcode_between_dashes_is_no_house_number():
    page = "<footer><p>VIA VARIANTE 7/BIS 103 - 80035 - NOLA (NA) | Partita IVA: 10090291211</p></footer>"
    assert _addresses(page, "http://rgpetroleum.it/") == [("VIA VARIANTE 7/BIS 103", "80035", "NOLA")]


def test_a_makers_credit_after_the_copyright_links_the_makers_profile():
    page = ("<header><a href='https://www.facebook.com/eni92.eood/?fref=ts'>Facebook</a></header><main><p>Централен офис</p></main>"
            "<footer><span>Всички права запазени Created by "
            "<a href='https://www.facebook.com/profile.php?id=100000686533887'>Mitashki</a> &copy;</span></footer>")
    assert [s["url"] for s in _contacts(page, "http://eni92.bg/contacts.php", role="contact")["socials"]] == [
        "https://www.facebook.com/eni92.eood"]


def test_faks_is_a_fax_label():
    # Serbian, Croatian, Polish, Czech, Danish, Norwegian, Turkish, Estonian spell it "faks"
    page = ("<main><p>Telefon: +381 (35) 563 926</p><p>Pošaljite nam faks: +381 (35) 562 115</p>"
            "<p>Faks: +381 (11) 324 5678</p></main>")
    kinds = {p["e164"]: p["type"] for p in _contacts(page, "http://izvor.rs/")["phones"]}
    assert kinds == {"+38135563926": "landline", "+38135562115": "fax", "+381113245678": "fax"}


def test_a_unit_and_house_number_in_an_english_address_without_postcode():
    page = "<footer><p>Great Spice Tauranga</p><p>4/44 Bureta Road, Otumoetai, Tauranga</p></footer>"
    assert _addresses(page, "http://greatspice.co.nz/") == [("4/44 Bureta Road", None, "Tauranga")]


def test_a_us_street_and_town_without_a_comma_between():
    # "Metro-West (Sherborn) Office / 20 North Main St. Sherborn, MA 01770"
    for line, street, town in (("20 North Main St. Sherborn, MA 01770", "20 North Main St.", "Sherborn"),
                               ("123 Main St Park City, UT 84060", "123 Main St", "Park City")):
        html = f'<html lang="en"><body><main><p>Metro-West Office</p><p>{line}</p></main></body></html>'.encode()
        found = extract_contacts(html, "https://swwalaw.com/directions.htm", role="contact")["addresses"]
        assert [(a["street"], a["locality"], a["postal_code"], a["country"]) for a in found] == [
            (street, town, line[-5:], "US")]


def test_a_macedonian_page_reads_its_numbers_and_the_country_its_address_names():
    # declared Macedonian: its national numbers are Macedonian
    html = '<html lang="mk"><body><main><p>Телефон: 031/445-560</p></main></body></html>'.encode()
    assert [p["e164"] for p in extract_contacts(html, "http://bda.test/")["phones"]] == ["+38931445560"]
    # under a template's lang="en", the address naming its country tells it
    html = """<html lang="en"><body><main><p>Лабораторија за микробиолошки анализи</p></main><footer>
        <p>ул. Ѓорче Петров 6, Куманово, Северна Македонија</p><p>031/445-560</p></footer></body></html>""".encode()
    contacts = extract_contacts(html, "http://bda.test/", role="home")
    assert [(a["locality"], a["country"]) for a in contacts["addresses"]] == [("Куманово", "MK")]
    assert [p["e164"] for p in contacts["phones"]] == ["+38931445560"]


def test_the_site_maker_under_createur_du_site_is_a_third_party():
    html = """<html lang="fr"><body><main><h2>Éditeur</h2><p>Multiservices des remparts</p>
        <p>32 rue du Faubourg du 12 Avril</p><p>30220 AIGUES-MORTES</p><p>Téléphone: 04.66.53.80.86</p>
        <h2>Créateur du site</h2><p>Aurore Création Web</p><p>198 rue des coquilles</p><p>30220 AIGUES-MORTES</p>
        <p>Tel: 0677809869</p></main></body></html>""".encode()
    contacts = extract_contacts(html, "https://cordonneriedesremparts.fr/law.html", role="legal")
    assert [p["e164"] for p in contacts["phones"]] == ["+33466538086"]
    assert [a["street"] for a in contacts["addresses"]] == ["32 rue du Faubourg du 12 Avril"]


def test_a_cypriot_address_with_its_building_floor_and_office_and_a_comma_after_the_postcode():
    html = """<html lang="en"><body><main><h2>Contact</h2>
        <p>12 Griva Digeni Avenue, Alexandros Court, 4th Floor, Office 41, 6010, Larnaca, Cyprus</p>
        </main></body></html>""".encode()
    found = extract_contacts(html, "https://zambaslaw.com.cy/", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [
        ("12 Griva Digeni Avenue", "6010", "Larnaca", "CY")]
    # a year and a comma before a capitalised word is still no postcode
    html = '<html lang="de"><body><main><p>Seit 2019, Berlin und Umgebung</p></main></body></html>'.encode()
    assert extract_contacts(html, "https://maler.de/", role="contact")["addresses"] == []


def test_a_british_address_with_no_street_a_house_hamlet_town_and_county():
    html = """<html lang="en"><body><main><h2>How to find us</h2>
        <p>Our full postal address is: <b>‘Scales’, Berrier, Penrith, Cumbria. CA110XE.</b></p></main></body></html>""".encode()
    found = extract_contacts(html, "https://scalescamping.co.uk/location.htm", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["region"]) for a in found] == [
        ("Scales, Berrier", "CA11 0XE", "Penrith", "Cumbria")]
    # in running text of another page, names before a postcode are not read so
    html = html.replace(b"<h2>How to find us</h2>", b"").replace(b"<main>", b"<main><p>Our visitors come from far.</p>")
    assert extract_contacts(html, "https://scalescamping.co.uk/news.htm", role="services")["addresses"] == []


def test_an_address_in_a_postal_format_with_postcode_and_town_on_lines_of_their_own():
    # Ecuador's format puts the postcode, then the town, each on a line;
    # written on one line they keep that order, after a street no shape here knows
    html = """<html lang="es"><body><main><ul>
        <li>Conjunto Gross, Av. Neptaly Godoy N9-80 y Río Chanchan, Casa 3, Carapungo 170204, Quito, Ecuador</li>
        <li><a href="tel:+59323477021">+593 2-347-7021</a></li></ul></main></body></html>""".encode()
    found = extract_contacts(html, "https://notaria54quito.com/", role="contact")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [
        ("Conjunto Gross, Av. Neptaly Godoy N9-80 y Río Chanchan, Casa 3, Carapungo", "170204", "Quito", "EC")]
    # six digits and a word in a sentence are still no address
    html = html.replace("Conjunto Gross, Av. Neptaly Godoy N9-80 y Río Chanchan, Casa 3, Carapungo 170204, Quito, Ecuador".encode(),
                        "Atendimos 170204, Trámites en 2023 con gran éxito".encode())
    assert extract_contacts(html, "https://notaria54quito.com/", role="contact")["addresses"] == []
    # Indonesia's: the town on its line, then the province and the postcode ("Tangerang - Banten, 15810")
    html = """<html lang="id"><body><main><ul><li><strong>Lokasi</strong> Scientia Business Park, Tower II 2nd Floor,
        Jl. Boulevard Gading Serpong Blok 0/2, Tangerang - Banten, 15810</li>
        <li><a href="https://wa.me/6281387910251">WhatsApp</a></li></ul></main></body></html>""".encode()
    found = extract_contacts(html, "https://alwilawyers.com/hubungi-kami.html", role="contact")["addresses"]
    assert [(a["postal_code"], a["locality"], a["region"], a["country"]) for a in found] == [
        ("15810", "Tangerang", "Banten", "ID")]


@pytest.mark.parametrize("html, url, role, expected", [
    # Turkish: the street's district, avenue, lane and number, then the town, its province and the country
    ('<footer><div><i class="fa fa-map-marker"></i><p><span>Tepecik Mah. İstiklal Cad. Yavuz Sok. No:24</span>'
     ' İzmit - Kocaeli / Türkiye</p></div></footer>', "https://antikbarisotel.com/", "home",
     ("Tepecik Mah. İstiklal Cad. Yavuz Sok. No:24", "İzmit", "Kocaeli", "TR")),
    # Catalan: the house number and the town in one part, the next item after a bar
    ("<footer><div>ECOLLERIA S.L. | Poligono Industrial El Carrascot<br>Carrer del Forn, 2 L'Olleria | "
     "Tel: +34 960 470 502 |</div></footer>", "https://ecoglass.com/", "home",
     ("Carrer del Forn, 2", "L'Olleria", None, "ES")),
    # Vietnamese: the label alone above, a house number before its street, wards, then the city
    ("<main><ul><li><div><strong>Địa chỉ</strong><p>9NO2 Nguyễn Cảnh Dị, khu đô thị mới Đại Kim mở rộng, "
     "phường Định Công, Hà Nội</p></div></li></ul></main>", "https://drnhatchau.vn/lien-he.html", "contact",
     ("9NO2 Nguyễn Cảnh Dị", "Hà Nội", None, "VN")),
])
def test_addresses_without_postcode_as_turkish_catalan_and_vietnamese_sites_write_them(html, url, role, expected):
    lang = {"antikbarisotel.com": "tr", "drnhatchau.vn": "vi", "ecoglass.com": "es"}[url.split("/")[2]]
    found = extract_contacts(f'<html lang="{lang}"><body>{html}</body></html>'.encode(), url, role=role)["addresses"]
    assert [(a["street"], a["locality"], a["region"], a["country"]) for a in found] == [expected]


def test_the_slovenian_data_protection_authority_a_privacy_notice_names_is_not_the_company():
    html = """<html lang="sl"><body><main><p>Zahtevo za uveljavljanje pravic lahko pošljete na e-naslov:
        tea@teaknez.com.</p><p>Če menite, da so bile vaše pravice kršene, se lahko pritožite pri Informacijskem
        pooblaščencu RS: Informacijski pooblaščenec, Zaloška cesta 59, 1000 Ljubljana, e-pošta: gp.ip@ip-rs.si.</p>
        </main></body></html>""".encode()
    found = extract_contacts(html, "https://teaknez.com/politika-zasebnosti.html", role="privacy")
    assert [e["email"] for e in found["emails"]] == ["tea@teaknez.com"]
    assert found["addresses"] == []


def test_a_label_alone_above_makes_no_address_of_a_short_line():
    # "Endereço" over a clinic's room, the address on the lines after
    html = """<html lang="pt"><body><main><p>📍</p><p>Endereço</p><p>Clinica Unity - Consultório 2</p>
        <p>R. Mogi Guaçu, 403 Chácara da Barra, Campinas - SP, 13090-605</p></main></body></html>""".encode()
    found = extract_contacts(html, "https://draamandaferreira.com/", role="home")["addresses"]
    assert [a["postal_code"] for a in found] == ["13090-605"]
    # "Address" over the first line of a British address set over five
    html = """<html lang="en"><body><main><h3>Address</h3><p>Unit 58, Rowfant Business Centre<br>Wallage Lane<br>
        Rowfant<br>West Sussex<br>RH10 4NQ</p></main></body></html>""".encode()
    found = extract_contacts(html, "https://egs.co.uk/contact-us.html", role="contact")["addresses"]
    assert [(a["postal_code"], a["locality"]) for a in found] == [("RH10 4NQ", "Rowfant")]


def test_the_home_page_s_other_pages_are_its_menu_items():
    from scrapejet.extract.roles import menu_pages

    links = [Link("http://firma.test/", "Start"), Link("http://firma.test/zimmer.html", "Zimmer"),
             Link("http://firma.test/kontakt.html", "Kontakt"), Link("http://firma.test/preise.pdf", "Preise"),
             Link("http://firma.test/?lang=en", "English"), Link("http://andere.test/", "Partner"),
             Link("http://firma.test/blog/a.html", "Wie wir seit Jahren unser Brot backen und warum"),
             Link("http://firma.test/zimmer.html#doppel", "Doppelzimmer"), Link("http://firma.test/seminar", "Seminare")]
    taken = ["http://firma.test/kontakt.html"]
    assert menu_pages(links, "http://firma.test/", taken, limit=5) == [
        "http://firma.test/zimmer.html", "http://firma.test/seminar"]
    assert menu_pages(links, "http://firma.test/", taken, limit=1) == ["http://firma.test/zimmer.html"]


@pytest.mark.parametrize("html, url, expected", [
    # a spelled address needs a mailbox: "if at any point you want" is prose (.you is a real suffix)
    ("<p>Consent isn't a one-time event — if at any point you want to pause, say so.</p>", "https://mtc.com.au/c.html", []),
    ("<p>Schreiben Sie an anna at studio-lotte punkt de</p>", "https://studio-lotte.de/", ["anna@studio-lotte.de"]),
    # a label and a handle in elements side by side are no address: ".trafikk" is no domain
    ('<a href="https://instagram.com/thor.trafikk"><b>Instagram</b><small>@thor.trafikk</small></a>',
     "https://thortrafikk.no/", []),
    ("<p><span>info</span>@<span>thortrafikk.no</span></p>", "https://thortrafikk.no/", ["info@thortrafikk.no"]),
])
def test_what_only_looks_like_an_email_address(html, url, expected):
    found = extract_contacts(f"<html><body><main>{html}</main></body></html>".encode(), url, role="contact")
    assert [e["email"] for e in found["emails"]] == expected


@pytest.mark.parametrize("url, lang, html, expected", [
    # an e-invoice address (Finnish OVT) is no phone
    ("https://khs.fi/laskutus.html", "fi", "<p>Verkkolaskuosoite 003723390355</p><p>Puh. 040 5812345</p>",
     [("+358405812345", "mobile")]),
    # "+0…": no country code starts with 0, the number is national
    ("https://www.greenways.co.nz/contact/", "en", "<p>MOBILE. +021 0513712</p><p>PHONE. +64 9 9085998</p>",
     [("+64210513712", "mobile"), ("+6499085998", "landline")]),
    # Arabic is many countries' language: a number Egypt alone reads says Egypt, and then the one
    # beside it that a Saudi or Emirati mobile could be is Egyptian too
    ("https://elashryclinic.github.io/", "ar", "<p>للحجز والاستفسارات ت 01555506205 / 0502749583</p>",
     [("+201555506205", "mobile"), ("+20502749583", "landline")]),
    # a Peruvian number on a Spanish page with no other sign of its country (one Mexico and
    # Colombia both admit, "(33) 3615 2277", stays unread)
    ("https://consultorio-ruiz.com/", "es", "<p>Teléfono: (01) 421 5566</p>", [("+5114215566", "landline")]),
    ("https://consultorio-ruiz.com/", "es", "<p>Teléfono: (33) 3615 2277</p>", []),
])
def test_numbers_read_in_the_country_they_are_written_for(url, lang, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><footer>{html}</footer></body></html>'.encode(), url,
                             role="contact")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == expected


@pytest.mark.parametrize("url, lang, html, expected", [
    ("https://masazevracov.cz/", "cs", "<main><h3>Kontakt</h3><p>Jana Rajsiglová</p><p>Písečná 1032, Vracov</p></main>",
     [("Písečná 1032", "Vracov", "CZ")]),
    ("https://lpb-axmannpub.hr/", "hr", "<footer><p>Axmann pub</p><p>Otokara Keršovanija 15, Osijek</p></footer>",
     [("Otokara Keršovanija 15", "Osijek", "HR")]),
    # an English street line with the town on the line under it, no postcode (New Zealand)
    ("https://www.greenways.co.nz/contact/", "en",
     "<div>ADDRESS</div><div>Greenways Pure Fruit Juices<br>4 Domain Road<br>PANMURE<br>AUCKLAND</div>",
     [("4 Domain Road", "Panmure", "NZ")]),
    ("https://www.greenways.co.nz/about/", "en", "<p>We met at 4 Domain Road<br>every Sunday for years.</p>", []),
    # the town must be one: "Kapitel 5, Seite" names none
    ("https://buch.cz/", "cs", "<main><p>Kapitola 5, Epilog</p></main>", []),
])
def test_a_street_and_number_then_a_known_town_is_an_address(url, lang, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body>{html}</body></html>'.encode(), url, role="home")
    assert [(a["street"], a["locality"], a["country"]) for a in found["addresses"]] == expected


def test_a_button_a_script_sends_to_a_profile_is_a_link_to_it():
    html = """<html lang="cs"><body><main>Objednejte se: <button class="cardButton"
        onclick="location.href='https://www.facebook.com/MasazeVracov/?fb_dtsg_ag=Adz3ASmdSHl'">facebook</button>
        <button type="submit">Odeslat</button></main></body></html>""".encode()
    found = extract_contacts(html, "https://masazevracov.cz/", role="home")
    assert [s["url"] for s in found["socials"]] == ["https://www.facebook.com/masazevracov"]


def test_an_icon_a_script_opens_a_profile_from_is_a_link_to_it():
    # an older site's social icons: <i> elements with window.open, no <a> around them
    html = """<html lang="nl"><body><main><p>Koffijberg Hairdressers, Amsterdam.</p>
        <div class="social"><i class="fa icon-facebook-squared" onclick="window.open('https://www.facebook.com/Koffijberg-Hairdressers-143537182417933/');"></i>
        <i class="fa icon-instagram" onclick="window.open('https://instagram.com/koffijberghairdressers/');"></i></div>
        <div onclick="track('https://www.facebook.com/sharer.php'); toggle()">Deel</div></main></body></html>""".encode()
    found = extract_contacts(html, "https://koffijberg.nl/", role="home")
    assert sorted(s["url"] for s in found["socials"]) == [
        "https://www.facebook.com/koffijberg-hairdressers-143537182417933", "https://www.instagram.com/koffijberghairdressers"]


def test_an_address_inside_a_sentence_and_the_same_street_written_shorter():
    from scrapejet.extract.addresses import same_address

    html = """<html lang="fi"><body><main><p>Myymälämme sijaitsee osoitteessa Haanpäänkatu 7, 38700 Kankaanpää.
        Palvelemme sovitusti.</p></main></body></html>""".encode()
    found = extract_contacts(html, "https://khs.fi/palvelut.html", role="other")["addresses"]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found] == [("Haanpäänkatu 7", "38700", "Kankaanpää")]
    html = """<html lang="de"><body><main><p>Unser Laden befindet sich in der Hauptstraße 5, 79098 Freiburg.</p>
        </main></body></html>""".encode()
    found = extract_contacts(html, "https://laden.de/", role="home")["addresses"]
    assert [(a["street"], a["locality"]) for a in found] == [("Hauptstraße 5", "Freiburg")]
    # one street and number in one town: its type word and flat written out on one page only
    full = {"street": "Salvador Echeandia Kalea, 12, BJ 1", "postal_code": "20304", "locality": "Irún", "country": "ES"}
    short = {"street": "Salvador Echeandia 12", "postal_code": None, "locality": "Irún", "country": "ES"}
    assert same_address(full, short) and same_address(short, full)
    assert not same_address(full, {**short, "street": "Salvador Echeandia 14"})


def test_a_table_drawn_as_a_column_of_labels_beside_a_column_of_values():
    """Site builders' exports set a company profile's labels one under the
    other, then its values each after a colon: each value is read with its
    label (the fax as a fax, the auditor's address as the auditor's), in the
    contact data and in the page's text alike."""
    from scrapejet.extract.page import extract_page

    labels = ["Nama Syarikat", "No. Pendaftaran", "Alamat", "No. Telefon", "No. Faksimili", "E-mel", "Juruaudit"]
    values = [": RINATECH SDN. BHD.", ": 920189-P", ": 118, Jalan Abdul Hamid, Kampung Sungai Rapat, 31350 Ipoh, Perak",
              ": 05 - 312 1625", "(Waktu pejabat 8:30 pagi - 5:30 petang)", ": 05 - 312 6694", ": rinatech@gmail.com",
              ": MNZ WAJASSOCIATES (AF001959)", "CHARTERED ACCOUNTANTS (MALAYSIA)",
              "43A, Medan Soon Choon 1, Jalan Sultan Nazrin Shah, 31350 Ipoh, Perak"]
    html = ("<html lang='ms'><body><main><h4>Profil Syarikat</h4><div class='col'>"
            + "".join(f"<p>{label}</p>" for label in labels) + "</div><div class='col'>"
            + "".join(f"<p>{value}</p>" for value in values) + "</div><p>Hubungi kami hari ini.</p></main></body></html>")
    found = extract_contacts(html.encode(), "http://rinatech.com.my/pengenalan.html", role="about")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == [("+6053121625", "landline"), ("+6053126694", "fax")]
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("118, Jalan Abdul Hamid, Kampung Sungai Rapat", "31350", "Ipoh")]
    text = extract_page(html.encode(), "http://rinatech.com.my/pengenalan.html")["text"]
    assert "No. Pendaftaran : 920189-P" in text and "No. Faksimili : 05 - 312 6694" in text, text


@pytest.mark.parametrize(("url", "lang", "html", "expected"), [
    # a Brazilian street, number, district, town and state, after a pin and a label
    ("https://amac.com.br/contato.html", "pt-BR",
     "<p><strong>📍 Endereço:</strong> Rua Tobias Barreto, 229 - Mooca, São Paulo - SP</p>",
     [("Rua Tobias Barreto 229", "São Paulo", "BR")]),
    # a Malaysian house number first, then the street and the area
    ("https://rinatech.com.my/", "ms", "<footer><p>118, Jalan Abdul Hamid, Kampung Sungai Rapat, 31350 Ipoh, Perak</p></footer>",
     [("118, Jalan Abdul Hamid, Kampung Sungai Rapat", "Ipoh", "MY")]),
    # a year glued to a name after a copyright glyph, on a Macedonian page: no Dutch postcode
    ("https://apartmani.mk/", "mk", "<footer><p><i class='far fa-copyright'></i>2020KS Apartmani Sv Dimitrij.</p></footer>", []),
    # the district, then the town and its state after a slash
    ("https://cannelle.com.br/", "pt-BR", "<footer><p>Av. Guarani, 240, Itaguá - Ubatuba / SP</p></footer>",
     [("Av. Guarani 240", "Ubatuba", "BR")]),
    # the same, the line broken after its dash: the town is on the second line
    ("https://cannelle.com.br/", "pt-BR", "<footer><p>Av. Guarani, 240, Itaguá - <br>Ubatuba - SP<br>(12) 3833-8921</p></footer>",
     [("Av. Guarani 240", "Ubatuba", "BR")]),
    # Oslo's postcodes start with 0, on a Norwegian page only
    ("https://butikk.no/kontakt", "no", "<footer><p>Karl Johans gate 5, 0154 Oslo</p></footer>",
     [("Karl Johans gate 5", "Oslo", "NO")]),
    ("https://laden.de/kontakt", "de", "<footer><p>Hauptstraße 1, 0123 Berlin</p></footer>", []),
    # a unit on a British industrial estate
    ("https://works.co.uk/contact", "en", "<footer><p>Unit 5, Riverside Industrial Estate, Leeds LS9 0RN</p></footer>",
     [("5, Riverside Industrial Estate", "Leeds", "GB")]),
    # an Indian town, then its state before the PIN
    ("https://clinic.in/contact", "en", "<footer><p>12 MG Road, Bengaluru, Karnataka 560001</p></footer>",
     [("12 MG Road", "Bengaluru", "IN")]),
    # an Italian town's province in brackets, a hamlet before it
    ("https://studio.it/", "it", "<footer><p>Via Roma 12, Figline, Firenze (FI)</p></footer>", [("Via Roma 12", "Firenze", "IT")]),
    # a Japanese prefecture, city and block numbers with no postcode, under a site generator's lang="en"
    ("https://seikotsuin.test/", "en", "<main><h1>ふせ ゑびす整骨院</h1><p>当院は東大阪市の整骨院です。お気軽にご相談ください。"
     "交通事故の治療、肩こり、腰痛、スポーツ障害など、さまざまな症状に対応しています。</p></main>"
     "<footer><address><p>大阪府東大阪市長堂1丁目2-9</p><p>Tel： <a href='tel:06-6618-6770'>06-6618-6770</a></p></address></footer>",
     [("長堂1丁目2-9", "東大阪市", "JP")]),
])
def test_addresses_written_the_way_their_countries_write_them(url, lang, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body>{html}</body></html>'.encode(), url, role="contact")
    assert [(a["street"], a["locality"], a["country"]) for a in found["addresses"]] == expected


def test_an_example_address_a_hashbang_profile_and_an_argentine_whatsapp():
    html = """<html lang="en"><body><main><p>Provide your email address to subscribe. For e.g abc@xyz.com</p>
        <p>Write to <a href="mailto:info@greengoddess.cy">info@greengoddess.cy</a></p></main>
        <footer><a href="https://twitter.com/#!/Eventprouk"><i class="fa fa-twitter"></i></a></footer></body></html>"""
    found = extract_contacts(html.encode(), "https://greengoddess.cy/", role="home")
    assert [e["email"] for e in found["emails"]] == ["info@greengoddess.cy"]
    assert [s["url"] for s in found["socials"]] == ["https://x.com/eventprouk"]
    # WhatsApp links leave out an Argentine mobile's 9; the page's own writing of the number is the same line
    html = """<html lang="es"><body><main><p>Consultas por Whatsapp al (+54) 351-260-00-09.</p>
        <a href="https://wa.me/543512600009?text=Hola">Whatsapp</a></main></body></html>"""
    found = extract_contacts(html.encode(), "https://rlopezsrl.com.ar/", role="contact")
    assert {p["e164"] for p in found["phones"]} == {"+5493512600009"}
    assert {p["type"] for p in found["phones"]} <= {"mobile", "whatsapp"}


def test_a_menu_page_s_links_to_others_accounts_are_not_the_business_s():
    html = """<html lang="de"><head><title>Tagesausflug | Schloßkulm Ferienwohnungen</title></head><body>
        <main><h1>Tagesausflüge</h1><ul><li><a href="https://www.saalfeld-kultur.de/">Meininger Hof Saalfeld</a></li>
        <li>Haus Döschnitz <a href="https://www.instagram.com/haus.doeschnitz/"><i class="fa fa-instagram"></i></a></li>
        </ul></main>
        <footer><a href="https://www.instagram.com/schlosskulm/"><i class="fa fa-instagram"></i></a></footer></body></html>"""
    for role, expected in (("other", ["https://www.instagram.com/schlosskulm"]),
                           ("about", ["https://www.instagram.com/haus.doeschnitz", "https://www.instagram.com/schlosskulm"])):
        found = extract_contacts(html.encode(), "https://schlosskulm.de/tagesausflug.html", role=role)
        assert sorted(s["url"] for s in found["socials"]) == expected, role


def test_a_menu_naming_a_page_our_story_outranks_its_file_named_services():
    links = [Link(url="http://firma.test/services.html", text="Notre Histoire", rel="", nofollow=False, other_texts=()),
             Link(url="http://firma.test/services.html", text="", rel="", nofollow=False, other_texts=()),  # an icon
             Link(url="http://firma.test/pieces.html", text="Nos Services", rel="", nofollow=False, other_texts=()),
             Link(url="http://firma.test/contact.html", text="Contact", rel="", nofollow=False, other_texts=())]
    found = discover_role_pages(links, HOME)
    assert found["about"] == ["http://firma.test/services.html"]
    assert found["services"] == ["http://firma.test/pieces.html"]
    assert found["contact"] == ["http://firma.test/contact.html"]


def test_a_spacing_class_on_the_body_does_not_make_the_whole_page_a_footer():
    html = """<html lang="de"><body class="padding-bottom"><main><h1>Ausflüge</h1><ul>
        <li><a href="https://www.instagram.com/haus.doeschnitz/">Haus Döschnitz</a></li></ul></main>
        <div class="fixed-bottom"><a href="https://www.instagram.com/schlosskulm/">Instagram</a></div></body></html>"""
    found = extract_contacts(html.encode(), "https://schlosskulm.de/", role="home")
    assert [s["url"] for s in found["socials"]] == ["https://www.instagram.com/schlosskulm"]


def test_the_building_an_office_is_in_stands_for_its_street_where_none_is_named():
    # Kenya writes no postcodes and often no street: the building, its floor, the suburb, the town
    html = """<html lang="en"><body><main><p>Commercial and family law for SMEs.</p></main><footer><h4>NKM Advocates</h4>
        <p>Wilkem Edge Business Center, 1st Floor, Matasia, Ngong.</p><p>0707 329 013</p></footer></body></html>""".encode()
    found = extract_contacts(html, "https://nkm-advocates.co.ke/", role="home")["addresses"]
    assert [(a["street"], a["locality"], a["country"]) for a in found] == [
        ("Wilkem Edge Business Center, 1st Floor", "Ngong", "KE")]
    # a named street beside a shopping centre is the street (the postcode reader's line)
    html = """<html lang="en"><body><footer><p>Unit 4, Navan Shopping Centre, Kennedy Road, Navan</p></footer></body></html>"""
    assert all(a["street"] != "Unit 4, Navan Shopping Centre"
               for a in extract_contacts(html.encode(), "https://shop.ie/", role="home")["addresses"])


def test_a_japanese_page_under_lang_en_is_read_as_japanese_and_its_line_account_is_found():
    html = """<html lang="en"><body><main><h1>ふせ ゑびす整骨院</h1><p>当院は東大阪市の整骨院です。お気軽にご相談ください。
        交通事故の治療、肩こり、腰痛、スポーツ障害など、さまざまな症状に対応しています。</p>
        <p>当院では、患者様一人ひとりのお体の状態を丁寧に確認し、最適な施術をご提案いたします。初めての方も安心してご来院いただけるよう、
        スタッフ一同心よりお待ちしております。平日は夜七時半まで受付しておりますので、お仕事帰りにもお立ち寄りいただけます。</p>
        </main><footer><p>Tel： <a href="tel:06-6618-6770">06-6618-6770</a></p>
        <a href="https://line.me/R/ti/p/%40zgb4818u">友だち追加</a></footer></body></html>"""
    page, found = read_business_page(html.encode(), "https://fuse-ebisu.test/", role="home")
    assert page["language"] == "ja"
    assert [(p["e164"], p["type"]) for p in found["phones"]] == [("+81666186770", "landline")]
    assert [s["url"] for s in found["socials"]] == ["https://line.me/R/ti/p/@zgb4818u"]


def test_a_privacy_commissioner_s_number_is_not_the_business_s():
    html = """<html lang="en"><body><main><h1>Privacy policy</h1>
        <p>To exercise any of these rights, please contact us at <a href="mailto:info@fiordland.test">info@fiordland.test</a>
        or call 03 249 9005.</p>
        <p>If you are not satisfied with our response, you may contact the Office of the Privacy Commissioner (New Zealand)
        at <a href="https://www.privacy.org.nz">privacy.org.nz</a> or 0800 803 909.</p></main></body></html>"""
    found = extract_contacts(html.encode(), "https://fiordland.co.nz/privacy.html", role="privacy")
    assert [p["e164"] for p in found["phones"]] == ["+6432499005"]


@pytest.mark.parametrize(("url", "text", "role"), [
    ("https://kardiopraxis.test/pflichtangaben.htm", "Pflichtangaben", "legal"),
    ("https://praxis.test/angaben.html", "Gesetzliche Angaben", "legal"),
    ("https://amantusi.co.za/company-profile.html", "Company Profile", "about"),
    ("https://amantusi.co.za/p.html", "Our Profile", "about"),
])
def test_pages_named_by_what_german_law_and_trade_call_them(url, text, role):
    assert page_role(url, text) == role


@pytest.mark.parametrize(("url", "lang", "html", "expected"), [
    # a contact block's initials: T for the phone, F for the fax
    ("https://atelier.nl/contact", "nl", "<p>T 020 638 2917<br>F 020 638 2910</p>",
     [("+31206382917", "landline"), ("+31206382910", "fax")]),
    ("https://kanzlei.de/kontakt", "de", "<p>T: 030 8817254 · F: 030 8817259 · E: info@kanzlei.de</p>",
     [("+49308817254", "landline"), ("+49308817259", "fax")]),
    # Greek "Φαξ"
    ("https://grafeio.gr/epikoinonia", "el", "<p>Τηλ.: 210 8817254 Φαξ: 210 8817259</p>",
     [("+302108817254", "landline"), ("+302108817259", "fax")]),
    # a word ending in f before the number is no initial ("Bureau Graaf 020 …")
    ("https://atelier.nl/contact", "nl", "<p>Bureau Graaf 020 638 2917</p>", [("+31206382917", "landline")]),
])
def test_a_fax_by_its_initial_and_its_greek_name(url, lang, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == expected


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    # the shared on-call and poison services a practice sends patients to are not its lines
    ("de", "https://praxis.de/kontakt", "<p>Praxis Dr. Weber · Tel. 030 8817254</p><p>Ärztlicher Bereitschaftsdienst: 116 117</p>"
     "<p>Außerhalb der Sprechzeiten wenden Sie sich bitte an den zahnärztlichen Notdienst unter 01805 986700.</p>"
     "<p>Giftnotruf Berlin: 030 19240</p>", ["+49308817254"]),
    ("de", "https://kardiopraxis.de/sprechstunden", "<p>Telefon: 07225 3213</p><p>Kassenärztlicher Vertretungsdienst in "
     "Gaggenau über 01805 – 19292 – 108, in dringenden Fällen Notruf über 19222</p>", ["+4972253213"]),
    ("nl", "https://praktijk.nl/contact", "<p>Tel. 020 638 2917</p><p>Bij spoed buiten kantoortijd: huisartsenpost 0900 1515</p>",
     ["+31206382917"]),
    # the Nordic ones: a region's on-call vet, a municipality's on-call doctor
    ("fi", "https://elainklinikka.fi/yhteystiedot", "<p>Ajanvaraus puh. 06 321 7300</p><p>Yöt ja viikonloput: alueen "
     "päivystysnumero 0600 399 299.</p><p>Virka-ajan ulkopuolella soita 0600 41 8823.</p>"
     "<p>Pohjoisen päivystysalueen numero: 0600 39 9298</p>", ["+35863217300"]),
    ("no", "https://legekontor.no/kontakt", "<p>Telefon 22 41 83 19</p><p>Utenom åpningstid: Legevakt 116 117</p>",
     ["+4722418319"]),
    # ...but a practice's own emergency line is its own, as a plumber's "Notdienst" is
    ("fi", "https://putkiliike.fi/yhteystiedot", "<p>Puh. 06 321 7300</p><p>Päivystys 24h: 040 518 2293</p>",
     ["+35863217300", "+358405182293"]),
    ("de", "https://tierarzt.de/kontakt", "<p>Tel. 030 8817254</p><p>Unser tierärztlicher Notdienst am Wochenende: "
     "0171 4528831</p>", ["+49308817254", "+491714528831"]),
    ("de", "https://sanitaer.de/kontakt", "<p>Tel. 030 8817254</p><p>24h Notdienst rund um die Uhr: 0171 4528831</p>",
     ["+49308817254", "+491714528831"]),
])
def test_the_on_call_services_a_practice_names_are_not_its_numbers(lang, url, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [p["e164"] for p in found["phones"]] == expected


@pytest.mark.parametrize("written", [
    "info @ mueller-bau.de", "info＠mueller-bau.de", "info(a)mueller-bau.de", "info(Klammeraffe)mueller-bau.de",
    "info Klammeraffe mueller-bau.de",  # the @ as a word of its own, unbracketed (arroba, chiocciola, małpa)
])
def test_an_address_written_with_a_spaced_a_full_width_or_a_bracketed_letter_at(written):
    html = f'<html lang="de"><body><footer><p>E-Mail: {written}</p></footer></body></html>'
    found = extract_contacts(html.encode(), "https://mueller-bau.de/kontakt", role="contact")
    assert [e["email"] for e in found["emails"]] == ["info@mueller-bau.de"]


@pytest.mark.parametrize("text", ["Follow us @ instagram.com", "Find us @ Market Street", "Art. 6 Abs. 1 lit.(a) DSGVO.",
                                  "Hébergé chez ovh.com"])
def test_an_at_sign_or_a_bracketed_a_in_prose_makes_no_address(text):
    html = f'<html lang="en"><body><footer><p>{text}</p></footer></body></html>'
    assert extract_contacts(html.encode(), "https://shop.test/", role="contact")["emails"] == []


@pytest.mark.parametrize(("url", "text"), [
    ("https://yritys.fi/yleiset-ehdot", "Yleiset ehdot"),
    ("https://firma.rs/uslovi-koriscenja", "Uslovi korišćenja"),
    ("https://firma.rs/opsti-uslovi", "Opšti uslovi poslovanja"),
])
def test_finnish_and_serbian_general_terms_are_the_terms_page(url, text):
    assert page_role(url, text) == "terms"


# Layouts found by probing (session 36): each country's usual way of writing
# its address on a contact page, read as street, postcode, town and country.
@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    # Turkish: the postcode before district/city, the neighbourhood left out,
    # a dash for the slash, the city in capitals on the line below
    ("tr", "https://kebapci.com.tr/iletisim", "<p>Adres: Kemalpaşa Mah. Ordu Cad. No: 27/3, 34134 Fatih/İstanbul</p>",
     ("Kemalpaşa Mah. Ordu Cad. No: 27/3", "34134", "Fatih/İstanbul", "TR")),
    ("tr", "https://kebapci.com.tr/iletisim", "<p>Atatürk Bulvarı No:112 Çankaya/Ankara</p>",
     ("Atatürk Bulvarı No:112", None, "Çankaya/Ankara", "TR")),
    ("tr", "https://kebapci.com.tr/iletisim", "<p>Kemalpaşa Mahallesi, Ordu Caddesi No:27 Fatih - İstanbul</p>",
     ("Kemalpaşa Mahallesi, Ordu Caddesi No:27", None, "Fatih", "TR")),
    ("tr", "https://kebapci.com.tr/iletisim", "<p>Kemalpaşa Mah. Ordu Cad. No:27<br>34134 Fatih / İSTANBUL</p>",
     ("Kemalpaşa Mah. Ordu Cad. No:27", "34134", "Fatih/İSTANBUL", "TR")),
    # Mexico: a numbered street and its cross streets; a town named after its country
    ("es", "https://hotel-merida.mx/contacto", "<p>Calle 60 No. 491-A x 57 y 59, Centro, 97000 Mérida, Yuc.</p>",
     ("Calle 60 No. 491-A x 57 y 59", "97000", "Mérida", "MX")),
    ("es", "https://taqueria.mx/contacto", "<p>Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México, CDMX</p>",
     ("Av. Insurgentes Sur 1602", "03940", "Ciudad de México", "MX")),
    # India: a town, its state and PIN alone
    ("en", "https://spice-kochi.in/contact", "<p>Kochi, Kerala 682001</p>", (None, "682001", "Kochi", "IN")),
    # France: the dash before the postcode is no part of the street
    ("fr", "https://boulangerie.fr/contact", "<p>12, avenue Jean Jaurès - 69007 LYON</p>",
     ("12, avenue Jean Jaurès", "69007", "LYON", "FR")),
    # Argentina: a letter before the postcode, a street number before it
    ("es", "https://libreria.com.ar/contacto", "<p>Av. Corrientes 1555, C1042AAA CABA</p>",
     ("Av. Corrientes 1555", "C1042AAA", "CABA", "AR")),
    # Singapore: the city-state before its postcode, a unit between
    ("en", "https://anson-clinic.com.sg/contact", "<p>10 Anson Road, #12-08 International Plaza, Singapore 079903</p>",
     ("10 Anson Road", "079903", "Singapore", "SG")),
    # Morocco, Romania: the town before a postcode the format puts first; a district between
    ("fr", "https://riad-casa.ma/contact", "<p>45 Boulevard Mohammed V, Casablanca 20000</p>",
     ("45 Boulevard Mohammed V", "20000", "Casablanca", "MA")),
    ("ro", "https://cafenea.ro/contact", "<p>Str. Mihai Eminescu nr. 21, sector 2, București 020071</p>",
     ("Str. Mihai Eminescu nr. 21", "020071", "București", "RO")),
    ("ro", "https://atelier.ro/contact", "<p>Str. Republicii 12, Brașov 500030</p>",
     ("Str. Republicii 12", "500030", "Brașov", "RO")),
    ("fr", "https://riad.ma/contact", "<p>Derb Sidi Bouloukat 12, Médina, 40000 Marrakech, Maroc</p>",
     ("Derb Sidi Bouloukat 12", "40000", "Marrakech", "MA")),
    # Kenya: a box and the post office's code
    ("en", "https://nairobi-tours.co.ke/contact", "<p>Kimathi Street, P.O. Box 40522-00100, Nairobi</p>",
     ("P.O. Box 40522", "00100", "Nairobi", "KE")),
    # Malaysia: the country after the state
    ("en", "https://kl-florist.com/contact", "<p>Jalan SS 2/24, 47300 Petaling Jaya, Selangor, Malaysia</p>",
     ("Jalan SS 2/24", "47300", "Petaling Jaya", "MY")),
    # Italy: a locality (Loc., Fraz.) for a street
    ("it", "https://agriturismo.it/contatti", "<p>Loc. Poggio alle Mura, 53024 Montalcino SI</p>",
     ("Loc. Poggio alle Mura", "53024", "Montalcino", "IT")),
    # Greece: the town, then its postcode after a space
    ("el", "https://fournos.gr/epikoinonia", "<p>Λεωφ. Κηφισίας 102, Μαρούσι 151 24</p>",
     ("Λεωφ. Κηφισίας 102", "151 24", "Μαρούσι", "GR")),
    # Serbia, North Macedonia: Cyrillic streets and towns
    ("sr", "https://pekara.rs/kontakt", "<p>Кнеза Михаила 22, 11000 Београд</p>", ("Кнеза Михаила 22", "11000", "Београд", "RS")),
    ("mk", "https://pekara.mk/kontakt", "<p>ул. Македонија 12, 1000 Скопје</p>", ("ул. Македонија 12", "1000", "Скопје", "MK")),
    # Indonesian on a .com: the language says the country
    ("id", "https://warung-bali.com/kontak", "<p>Jl. Raya Ubud No. 35, Ubud, Gianyar, Bali 80571</p>",
     ("Jl. Raya Ubud No. 35, Ubud", "80571", "Gianyar", "ID")),
])
def test_an_address_as_its_country_writes_it(lang, url, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found["addresses"]] == [expected]


def test_a_town_before_a_postcode_written_first_must_be_a_town():
    # Argentina writes "C1425 Buenos Aires": "Av. Corrientes 1234" is a street and its number
    html = '<html lang="es"><body><main><p>Av. Corrientes 1234</p><p>Horario 9 a 18</p></main></body></html>'
    assert extract_contacts(html.encode(), "https://estudio.com.ar/contacto", role="contact")["addresses"] == []


@pytest.mark.parametrize(("url", "html", "phones", "country"), [
    # a Spanish page on a .com: the Mexican number says Mexico, and so the address's country
    ("https://restaurante.com/contacto",
     "<p>Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México, CDMX</p><p>Tel. 55 5661 8093</p>",
     ["+525556618093"], "MX"),
    # numbers valid in Colombia and Argentina alike: the town of the address says which
    ("https://taller-medellin.co/contacto",
     "<p>Cra. 43A #1 Sur-100, Medellín, Antioquia</p><p>Tel: (604) 448 7190</p><p>Celular: 315 782 0941</p>",
     ["+576044487190", "+573157820941"], "CO"),
])
def test_a_latin_american_page_on_a_generic_domain(url, html, phones, country):
    found = extract_contacts(f'<html lang="es"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [p["e164"] for p in found["phones"]] == phones
    assert [a["country"] for a in found["addresses"]] == [country]


def test_an_indian_address_on_a_generic_domain_by_its_city():
    html = ('<html lang="en"><body><main><p>14, 2nd Cross, Indiranagar, Bengaluru 560038</p>'
            '<p>Mobile: 98450 71836</p></main></body></html>')
    found = extract_contacts(html.encode(), "https://ayur-clinic.com/contact", role="contact")
    assert [(a["postal_code"], a["locality"], a["country"]) for a in found["addresses"]] == [("560038", "Bengaluru", "IN")]
    assert [p["e164"] for p in found["phones"]] == ["+919845071836"]


@pytest.mark.parametrize(("href", "expected"), [
    ("https://www.flickr.com/photos/elcocal/", "https://www.flickr.com/photos/elcocal"),
    ("https://flickr.com/photos/elcocal/albums", "https://www.flickr.com/photos/elcocal"),
    ("https://vimeo.com/AcmeFilms", "https://vimeo.com/acmefilms"),
    ("https://bsky.app/profile/acme-bakery.bsky.social", "https://bsky.app/profile/acme-bakery.bsky.social"),
    ("https://www.snapchat.com/add/acmecafe", "https://www.snapchat.com/add/acmecafe"),
    ("https://acmebakery.tumblr.com/", "https://www.tumblr.com/acmebakery"),
    ("https://soundcloud.com/acme-band", "https://soundcloud.com/acme-band"),
    ("https://www.behance.net/acmestudio", "https://www.behance.net/acmestudio"),
    # a film, an embed, a photo, a channel: no account
    ("https://vimeo.com/371524487", None),
    ("https://player.vimeo.com/video/371524487", None),
    ("https://www.flickr.com/photos/elcocal/52341234567", None),
    ("https://vimeo.com/channels/staffpicks", None),
])
def test_the_profiles_of_photo_video_music_and_newer_networks(href, expected):
    html = f'<html><body><footer><a href="{href}">Follow us</a></footer></body></html>'
    found = extract_contacts(html.encode(), "https://acme.test/", role="home")["socials"]
    assert [s["url"] for s in found] == ([expected] if expected else [])


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    # the number after a fax's, under a label of its own, is no fax
    ("fr", "https://menuiserie.fr/contact", "<p>Tél : 02 41 87 45 10 - Fax : 02 41 87 45 19 - Port. : 06 71 82 44 09</p>",
     [("+33241874510", "landline"), ("+33241874519", "fax"), ("+33671824409", "mobile")]),
    ("el", "https://xylourgeio.gr/epikoinonia", "<p>Τηλ.: 2310 824 410, Fax: 2310 824 411, Κιν.: 697 418 3390</p>",
     [("+302310824410", "landline"), ("+302310824411", "fax"), ("+306974183390", "mobile")]),
    ("de", "https://tischlerei.de/kontakt", "<p>Fax: 0851 756 2211 · Werkstatt: 0851 756 2210</p>",
     [("+498517562211", "fax"), ("+498517562210", "landline")]),
    # Portuguese "Fone/Fax": one line for both, a phone first of all
    ("pt", "https://marcenaria.com.br/contato", "<p>Fone/Fax: (41) 3824-4410</p>", [("+554138244410", "landline")]),
])
def test_a_fax_label_is_the_next_numbers_only(lang, url, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == expected


@pytest.mark.parametrize(("url", "html", "expected"), [
    # a numbered road, a grid address
    ("https://plumbing-nj.com/contact", "<p>85 Route 46 East, Totowa, NJ 07512</p>", ("85 Route 46 East", "07512", "Totowa", "US")),
    ("https://cafe-utah.com/contact", "<p>1850 S 300 W, Salt Lake City, UT 84115</p>", ("1850 S 300 W", "84115", "Salt Lake City", "US")),
    # a unit and its number, the state and postcode set apart by a comma
    ("https://cafe.com.au/contact", "<p>12/45 Victoria Rd, Bellevue Hill, NSW, 2023</p>",
     ("12/45 Victoria Rd", "2023", "Bellevue Hill", "AU")),
])
def test_an_english_speaking_countrys_address_as_written(url, html, expected):
    found = extract_contacts(f'<html lang="en"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found["addresses"]] == [expected]


def test_an_address_in_the_languages_own_country_keeps_its_numbers_there():
    # a German .com page with a Berlin address: an Austrian mobile's digits
    # in a sentence are no number of this business (the town is Germany's)
    html = ('<html lang="de"><body><main><p>Friedrichstraße 12, 10117 Berlin</p><p>Tel. 030 2084 1190</p>'
            '<p>Bestellnummer 0664 812 4490</p></main></body></html>')
    found = extract_contacts(html.encode(), "https://moebel-berlin.com/kontakt", role="contact")
    assert [p["e164"] for p in found["phones"]] == ["+493020841190"]
    assert [a["country"] for a in found["addresses"]] == ["DE"]


# From the forty-seventh batch's tune sites (session 36)
def test_a_short_link_under_a_heading_naming_its_network_is_the_sites_profile():
    html = ('<html lang="hu"><body><main><h1>Megtalálsz facebookon is!</h1>'
            '<h2>Kattints <a href="https://www.fb.com/burkoloerd">ide</a> a továbblépéshez.</h2>'
            '<p>Egy blogbejegyzés: <a href="https://www.facebook.com/valaki.mas">Kovács Péter oldala</a></p></main></body></html>')
    found = extract_contacts(html.encode(), "https://www.burkolasok.hu/", role="home")["socials"]
    assert [s["url"] for s in found] == ["https://www.facebook.com/burkoloerd"]


def test_the_icon_on_a_designers_credit_line_is_the_designers():
    html = ('<html lang="es"><body><footer><p>Síguenos <a href="https://www.instagram.com/hostalsanjorge"><i></i></a></p>'
            '<p>©Todos los derechos reservados.</p><p>Diseñado por <span>Bruno Madozzo</span>. '
            '<a href="https://www.linkedin.com/in/bruno-madozzo"><i class="fa-linkedin"></i></a></p></footer></body></html>')
    found = extract_contacts(html.encode(), "https://hostalsanjorge.com.ar/", role="home")["socials"]
    assert [s["url"] for s in found] == ["https://www.instagram.com/hostalsanjorge"]


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    # a Hungarian house number with its letter, the town first
    ("hu", "https://www.burkolasok.hu/", "<footer><ul><li>Érd, Emma utca 3a<br> Pest</li></ul></footer>",
     ("Emma utca 3a", None, "Érd", "HU")),
    # a Brazilian town, state and CEP set apart by an em dash
    ("pt", "https://eletubos.com.br/contato", "<p>Alameda Júpiter — Distrito Industrial Nova Era,<br/>Indaiatuba/SP — 13347-397</p>",
     (None, "13347-397", "Indaiatuba", "BR")),
])
def test_an_address_of_the_forty_seventh_batch(lang, url, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body>{html}</body></html>'.encode(), url, role="contact")
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found["addresses"]] == [expected]


@pytest.mark.parametrize(("url", "text", "role"), [
    ("http://firma.test/wasiliana", "Wasiliana Nasi", "contact"),  # Swahili
    ("http://firma.test/kuhusu", "Kuhusu Sisi", "about"),
    ("http://firma.test/makipag", "Makipag-ugnayan", "contact"),  # Filipino
    ("http://firma.test/tungkol", "Tungkol sa Amin", "about"),
])
def test_swahili_and_filipino_role_pages(url, text, role):
    assert page_role(url, text) == role


@pytest.mark.parametrize("text", ["Il locale", "El local", "Unser Lokal"])
def test_the_venue_is_the_about_page_of_a_cafe(text):
    assert page_role("http://bar.test/locale.html", text) == "about"


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    ("es", "https://bar.es/contacto", "<p>Avda. de la Constitución, s/n, 41004 Sevilla</p>",
     ("Avda. de la Constitución, s/n", "41004", "Sevilla", "ES")),
    ("pt", "https://loja.pt/contactos", "<p>Rua Augusta, nº 12, 2º Esq., 1100-053 Lisboa</p>",
     ("Rua Augusta, nº 12, 2º Esq.", "1100-053", "Lisboa", "PT")),
    ("nl", "https://winkel.nl/contact", "<p>Kerkstraat 12-A<br>3511 LX Utrecht</p>", ("Kerkstraat 12-A", "3511 LX", "Utrecht", "NL")),
    ("fr", "https://boutique.be/contact", "<p>Rue de la Loi 16 bte 3, 1000 Bruxelles</p>",
     ("Rue de la Loi 16 bte 3", "1000", "Bruxelles", "BE")),
    ("de", "https://firma.at/kontakt", "<p>Hauptstraße 5/2/7, 1040 Wien</p>", ("Hauptstraße 5/2/7", "1040", "Wien", "AT")),
    ("fr", "https://gite.fr/contact", "<p>Lieu-dit La Croix Blanche, 24200 Sarlat-la-Canéda</p>",
     ("Lieu-dit La Croix Blanche", "24200", "Sarlat-la-Canéda", "FR")),
    ("nb", "https://firma.no/kontakt", "<p>Storgata 12, 3. etasje, 0155 Oslo</p>", ("Storgata 12", "0155", "Oslo", "NO")),
])
def test_a_flat_floor_box_or_no_number_in_a_european_address(lang, url, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found["addresses"]] == [expected]


def test_the_sites_number_above_the_emergency_numbers_it_names_is_its_own():
    html = ('<html lang="en"><body><main><h1>Contact</h1><p>Call us: 0113 245 8810</p>'
            '<p>Out of hours emergencies: please call NHS 111.</p><p>In an emergency dial 999.</p></main></body></html>')
    found = extract_contacts(html.encode(), "https://dental-leeds.co.uk/contact", role="contact")
    assert [p["e164"] for p in found["phones"]] == ["+441132458810"]


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    ("en", "https://bnb-cornwall.co.uk/contact", "<p>Tel: 01208 812 440</p><p>Tourist information: 01841 533 449</p>", ["+441208812440"]),
    ("de", "https://ferienwohnung.de/kontakt", "<p>Tel. 08821 943 210</p><p>Tourist-Information Garmisch: 08821 180 700</p>", ["+498821943210"]),
    ("fr", "https://gite.fr/contact", "<p>Tél. 05 53 29 44 10</p><p>Office de tourisme de Sarlat : 05 53 31 45 45</p>", ["+33553294410"]),
    ("it", "https://agriturismo.it/contatti", "<p>Tel. 0577 847 210</p><p>Ufficio turistico di Montalcino: 0577 849 331</p>", ["+390577847210"]),
    ("de", "https://praxis.de/kontakt", "<p>Tel. 089 2180 4410</p><p>Apotheken-Notdienst: 0800 00 22 833</p>", ["+498921804410"]),
])
def test_the_tourist_office_and_the_pharmacy_on_duty_are_not_the_sites(lang, url, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [p["e164"] for p in found["phones"]] == expected


def test_a_spanish_town_a_latin_american_city_shares_stays_spains():
    # Valencia is Venezuela's third city and Spain's third: no margin to read the page elsewhere
    html = ('<html lang="es"><body><main><p>Calle Colón 12, 46004 Valencia</p><p>Tel. 963 52 41 80</p></main></body></html>')
    found = extract_contacts(html.encode(), "https://restaurante-valencia.com/contacto", role="contact")
    assert [(a["country"], a["locality"]) for a in found["addresses"]] == [("ES", "Valencia")]
    assert [p["e164"] for p in found["phones"]] == ["+34963524180"]
    assert found["region"] == "ES"


def _phones(lang, url, html):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    return [(p["e164"], p["type"]) for p in found["phones"]]


@pytest.mark.parametrize(("html", "expected"), [
    # another extension of the same line written as its last digits after a label
    ("<p>Tel. 0851/75622-10, Fax -11</p>", [("+498517562210", "landline"), ("+498517562211", "fax")]),
    # the switchboard's "-0" gives way to an extension of any length
    ("<p>Telefon: 089 / 54 32 18-0 · Telefax: -29</p>", [("+49895432180", "landline"), ("+498954321829", "fax")]),
    # a word that is no label is not a shorthand
    ("<p>Tel. 0851/75622-10, Zimmer -11</p>", [("+498517562210", "landline")]),
])
def test_a_german_fax_written_as_its_extension_only(html, expected):
    assert _phones("de", "https://schreinerei-huber.de/kontakt", html) == expected


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    ("it", "https://ferramenta.it/contatti",
     '<ul><li><span class="icon-phone"></span>0532 761234</li><li><span class="icon-print"></span>0532 761295</li></ul>',
     [("+390532761234", "landline"), ("+390532761295", "fax")]),
    ("de", "https://firma.de/kontakt", '<p><span class="glyphicon glyphicon-print"></span> 0821 45 67 91</p>',
     [("+49821456791", "fax")]),
    ("de", "https://firma.de/kontakt",
     '<p><img src="img/fax.png" alt="Fax"> 0821 45 67 90</p><p><img src="img/tel.png" alt="Telefon"> 0821 45 67 89</p>',
     [("+49821456790", "fax"), ("+49821456789", "landline")]),
    ("en", "https://hvac-columbus.com/contact",
     '<p><a href="tel:6144423871">614-442-3871</a> (phone)<br>614-442-3872 (fax)</p>',
     [("+16144423871", "phone"), ("+16144423872", "fax")]),
])
def test_a_fax_told_by_a_printer_glyph_a_pictures_label_or_a_bracket_after_it(lang, url, html, expected):
    assert _phones(lang, url, html) == expected


@pytest.mark.parametrize(("url", "html", "expected"), [
    ("https://bnb-lakeview.co.uk/getting-here",
     "<p>We're at 14 Lake Road, Keswick CA12 5DQ. Phone 017687 72293.</p>"
     "<p>Local taxi: Keswick Taxis 017687 75007. Bus timetables from Stagecoach 0345 605 0605.</p>", ["+441768772293"]),
    ("https://plumbing-melbourne.com.au/contact",
     "<p>Call our office on (03) 9428 3157.</p><p>Gas leaks: call Jemena on 132 909 (24 hours).</p>", ["+61394283157"]),
    ("https://cafe-luna.com/contact",
     "<p>Reservations: (617) 492-3310</p><p>Also visit our sister restaurant Luna Bistro, (617) 492-8870.</p>",
     ["+16174923310"]),
    # a plumber's own emergency line stays its own
    ("https://plumbing-melbourne.com.au/contact",
     "<p>Gas leak? Call us now on 0412 775 301.</p>", ["+61412775301"]),
])
def test_the_taxi_the_gas_utility_and_the_sister_business_are_not_the_sites(url, html, expected):
    assert [e164 for e164, _ in _phones("en", url, html)] == expected


def test_an_english_sentence_saying_where_the_premises_are_is_the_address_of_a_site_without_one():
    from scrapejet.extract.profile import merge_profile

    about = _page("https://austin-bikes.com/about", "about",
                  "<p>Located at 4801 Burnet Road in Austin, TX, we have served cyclists since 1998.</p>")
    profile = merge_profile([about], job_id="j", site="austin-bikes.com")
    assert [(a["street"], a["locality"], a["region"], a["country"]) for a in profile["addresses"]] == [
        ("4801 Burnet Road", "Austin", "TX", "US")]
    # a town the gazetteer knows stands for the state on a British page
    found = extract_contacts(b"<html lang='en'><body><p>Find us at 22 High Street in Totnes, Devon.</p></body></html>",
                             "https://totnes-books.co.uk/contact", role="contact")
    assert [(a["street"], a["locality"], a["country"]) for a in found["addresses"]] == [("22 High Street", "Totnes", "GB")]
    # beside an address with its postcode, the sentence adds nothing
    contact = _page("https://austin-bikes.com/contact", "contact", "<p>4801 Burnet Rd., Austin, TX 78757</p>")
    profile = merge_profile([about, contact], job_id="j", site="austin-bikes.com")
    assert [a.get("postal_code") for a in profile["addresses"]] == ["78757"]
    # no town the gazetteer knows, no state: a sentence, not an address
    found = extract_contacts(b"<html lang='en'><body><p>We are at 5 Mill Lane in Fooberry.</p></body></html>",
                             "https://mill.co.uk/contact", role="contact")
    assert found["addresses"] == []


@pytest.mark.parametrize("email", ["info@pelda-fogaszat.hu", "biuro@przyklad-firma.pl", "info@beispiel-firma.de"])
def test_an_address_at_an_example_domain_in_the_sites_language_is_a_placeholder(email):
    html = f"<html lang='hu'><body><main><p>E-mail: {email}</p><p>E-mail: rendelo@varjudental.hu</p></main></body></html>"
    found = extract_contacts(html.encode(), "https://varjudental.hu/gyik.html", role="contact")
    assert [e["email"] for e in found["emails"]] == ["rendelo@varjudental.hu"]


def test_a_street_named_as_a_sample_leaves_only_its_town():
    from scrapejet.extract.profile import merge_profile

    html = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Electrician",
      "name": "Siren Electric", "address": {"@type": "PostalAddress", "streetAddress": "123 Example Street",
      "addressLocality": "Bremerton", "addressRegion": "WA", "postalCode": "98312", "addressCountry": "US"}}</script>
      <p>An electrical contractor based in Bremerton, WA.</p>"""
    about = _page("https://sirenelectric.com/about.html", "about", html)
    addresses = merge_profile([about], job_id="j", site="sirenelectric.com")["addresses"]
    assert [(a.get("street"), a.get("postal_code"), a["locality"]) for a in addresses] == [(None, None, "Bremerton")]


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    ("pl", "https://expert-moto.pl/kontakt",
     '<div><h4>Adres</h4><p class="mb-0">os. Pod Lipami 13/82</p><p class="mb-0">Poznań</p></div>',
     ("os. Pod Lipami 13/82", "Poznań", "PL")),
    ("de", "https://firma.de/kontakt", "<div><h4>Adresse</h4><p>Hauptstraße 13</p><p>München</p></div>",
     ("Hauptstraße 13", "München", "DE")),
])
def test_a_street_and_its_town_in_paragraphs_under_an_address_heading(lang, url, html, expected):
    found = extract_contacts(f'<html lang="{lang}"><body><main>{html}</main></body></html>'.encode(), url, role="contact")
    assert [(a["street"], a["locality"], a["country"]) for a in found["addresses"]] == [expected]


def test_a_line_official_accounts_short_link_is_the_sites_profile():
    from scrapejet.extract.socials import profile

    assert profile("https://lin.ee/6cYRjnW") == {"network": "line", "url": "https://lin.ee/6cYRjnW", "handle": "6cYRjnW"}
    assert profile("https://lin.ee/") is None


def test_our_story_in_finnish_is_the_about_page():
    assert page_role("https://lamponix.fi/tarina.html", "Tarina") == "about"


def test_the_specialists_a_business_refers_work_to_are_not_the_sites():
    html = ("<html lang='en'><body><main><p>Call us on 021 245 7781.</p><p>We only do full glass replacements. If you "
            "have a small chip, we recommend calling the chip-repair specialists on 0800 202 888.</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://aucklandwindscreens.co.nz/faq.html", role="other")
    assert [p["e164"] for p in found["phones"]] == ["+64212457781"]


@pytest.mark.parametrize(("lang", "url", "html", "expected"), [
    ("de", "https://autohaus-beck.de/kontakt", "<p>Tel. 0991 371 550</p><p>Pannenhilfe: ADAC 089 20 20 40 00</p>",
     ["+49991371550"]),
    ("en", "https://garage-leeds.co.uk/contact", "<p>Call 0113 496 3521</p><p>Breakdown? The AA: 0800 88 77 66. RAC: 0333 2000 999.</p>",
     ["+441134963521"]),
    ("nl", "https://garage-devries.nl/contact", "<p>Tel. 020 638 4412</p><p>Pechhulp ANWB: 088 269 2888</p>"
     "<p>Politie (geen spoed): 0900 8844</p>", ["+31206384412"]),
    ("de", "https://pension-alpenblick.de/anreise", "<p>Tel. 08821 943 211</p><p>Bergwacht: 08821 1 22 33</p>",
     ["+498821943211"]),
    ("en", "https://dental-dublin.ie/contact", "<p>Call 01 676 3321</p>"
     "<p>In an emergency out of hours, call Caredoc on 1850 334 999.</p>", ["+35316763321"]),
    # a garage's own breakdown line stays its own
    ("en", "https://garage-leeds.co.uk/contact", "<p>24-hour breakdown recovery: 07812 554 320</p>", ["+447812554320"]),
])
def test_the_breakdown_club_the_police_and_the_out_of_hours_service_are_not_the_sites(lang, url, html, expected):
    assert [e164 for e164, _ in _phones(lang, url, html)] == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("350 5th Ave, New York, NY 10118", ("350 5th Ave", "10118", "New York", "NY")),
    ("1200 G Street NW, Washington, DC 20005", ("1200 G Street NW", "20005", "Washington", "DC")),
    ("120 Main St, Virginia Beach, VA 23451", ("120 Main St", "23451", "Virginia Beach", "VA")),
    ("20 Main St, Iowa City, IA 52240", ("20 Main St", "52240", "Iowa City", "IA")),
    # a state's name is still a state after its town
    ("12 Elm St, Seattle, Washington 98101", ("12 Elm St", "98101", "Seattle", "Washington")),
])
def test_an_american_town_named_as_a_state_is_the_town(line, expected):
    from scrapejet.extract.addresses import addresses_in_lines

    found = addresses_in_lines([line], "US")
    assert [(a["street"], a["postal_code"], a["locality"], a["region"]) for a in found] == [expected]


def test_a_british_03_number_is_a_landline():
    assert _phones("en", "https://derbyshire-removals.co.uk/contact", "<p>Call 0333 567 7001</p>") == [
        ("+443335677001", "landline")]


@pytest.mark.parametrize(("lang", "url", "html"), [
    ("nl", "https://bakkerij.nl/contact", "<p>Telefoon: 020 638 2917<br>Faxnummer: 020 638 2910</p>"),
    ("de", "https://firma.de/kontakt", "<p>Telefon: 020 638 2917<br>Faxnr. 020 638 2910</p>"),
])
def test_a_fax_labelled_by_its_number_word(lang, url, html):
    assert [kind for _, kind in _phones(lang, url, html)] == ["landline", "fax"]


def test_a_mention_in_a_page_long_paragraph_does_not_make_all_of_it_a_third_partys():
    prose = "Wir beraten Sie gern zu allen Fragen rund um Ihr Bauvorhaben und Ihre Finanzierung. " * 70
    html = (f"<html lang='de'><body><main><p>{prose} Diese Website wird gehostet bei Strato. "
            f"Rufen Sie uns an: 0821 45 67 89. {prose}</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://sonne-bau.de/ueber-uns", role="about")
    assert [p["e164"] for p in found["phones"]] == ["+49821456789"]


def test_a_hosts_name_in_bold_under_its_heading_and_its_seat_below_are_the_hosts():
    html = ("<html lang='fr'><body><main><h2>Mentions légales</h2><p>SARL STARK MOTORS<br>Siège social : ZAC DES ILES "
            "69380 MARCILLY D'AZERGUES<br>Téléphone : 04 72 57 78 22</p>"
            "<h3>Hébergement du site</h3><p><strong>1&amp;1 IONOS SARL</strong></p>"
            "<p>Siège social :<br>7 Pl de la gare 57200 SARREGUEMINES</p>"
            "<h3>Traitement des données personnelles</h3><p>Vous disposez d'un droit d'accès.</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://starkmotors.fr/mentions-legales", role="legal")
    assert [a["postal_code"] for a in found["addresses"]] == ["69380"]


@pytest.mark.parametrize(("href", "expected"), [
    # Malaysia's WhatsApp redirect, a messenger-link service's WhatsApp and Viber buttons, an old network
    ("https://wasap.my/60139214322", {"network": "whatsapp", "url": "https://wa.me/60139214322", "handle": "60139214322"}),
    ("https://msng.link/o/?381693353453=wa", {"network": "whatsapp", "url": "https://wa.me/381693353453",
                                              "handle": "381693353453"}),
    ("https://msng.link/vi/381629219069", {"network": "viber", "url": "https://msng.link/vi/381629219069",
                                           "handle": "381629219069"}),
    ("http://www.myspace.com/powerhungryfoods", {"network": "myspace", "url": "https://myspace.com/powerhungryfoods",
                                                 "handle": "powerhungryfoods"}),
    ("https://msng.link/o/?acme=tg", None),
])
def test_messenger_redirects_and_myspace_are_profiles(href, expected):
    from scrapejet.extract.socials import profile

    assert profile(href) == expected


def test_a_whatsapp_number_behind_a_messenger_link_is_the_sites_mobile():
    html = ("<html lang='sr'><body><footer><p>KONTAKT</p><p>Avalska 7, 11306 GROCKA</p><a href='tel:+381629219069'>"
            "062 921 90 69</a><a href='https://msng.link/o/?381693353453=wa'><i class='fa fa-whatsapp'></i></a>"
            "</footer></body></html>")
    found = extract_contacts(html.encode(), "https://totalenergy.rs/", role="home")
    assert {p["e164"] for p in found["phones"]} == {"+381629219069", "+381693353453"}
    assert [s["url"] for s in found["socials"]] == ["https://wa.me/381693353453"]


def test_a_profile_only_the_structured_data_names_gives_way_to_the_account_the_pages_link_to():
    from scrapejet.extract.profile import merge_profile

    def page(url, role, html):
        return {"url": url, "page_type": role, "contacts": extract_contacts(html.encode(), url, role=role)}

    same_as = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "AutoRepair", '
               '"name": "Ecophant Auto", "sameAs": ["https://www.instagram.com/ecophantautobogota/"]}</script>')
    home = page("https://ecophantauto.com.co/", "home",
                "<html lang='es'><body><footer><a href='https://www.instagram.com/ecophant_bogota_ceramicpro/'>"
                "Instagram</a></footer></body></html>")
    inner = page("https://ecophantauto.com.co/servicios/ppf", "services",
                 f"<html lang='es'><head>{same_as}</head><body><main><p>PPF</p></main></body></html>")
    socials = merge_profile([home, inner], job_id="j", site="ecophantauto.com.co")["socials"]
    assert [(s["url"], s["source"]) for s in socials] == [
        ("https://www.instagram.com/ecophant_bogota_ceramicpro", "link")]
    # ...and alone, it is the business's all the same
    socials = merge_profile([inner], job_id="j", site="ecophantauto.com.co")["socials"]
    assert [(s["url"], s["source"]) for s in socials] == [("https://www.instagram.com/ecophantautobogota", "json-ld")]


@pytest.mark.parametrize(("line", "expected"), [
    # the head office's label, a house number and its street, the ward (a town since 2025), the province
    ("Trụ sở chính: 42 Thành Công - Phường Đồng Hới - Tỉnh Quảng Trị", ("42 Thành Công", "Đồng Hới", "Quảng Trị")),
    # the city before the ward and the district numbered
    ("Địa chỉ: 123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh", ("123 Lê Lợi", "Hồ Chí Minh", None)),
])
def test_a_vietnamese_address_by_its_administrative_units(line, expected):
    html = f"<html lang='vi'><body><footer><p>{line}</p><p>0822 515 558</p></footer></body></html>"
    found = extract_contacts(html.encode(), "https://thanhdanh.vn/", role="home")
    assert [(a["street"], a["locality"], a["region"]) for a in found["addresses"]] == [expected]


def test_a_title_segment_the_menu_links_by_is_the_pages_name_not_a_town():
    from scrapejet.extract.places import place_mentions
    from scrapejet.extract.textlines import read_document
    from lxml import html as lxml_html

    tree = lxml_html.fromstring("<html><head><title>Trang Chủ | Thành Danh Hotel</title></head><body><nav>"
                                "<a href='/'>TRANG CHỦ</a><a href='/lien-he.html'>LIÊN HỆ</a></nav></body></html>")
    names = [m["name"] for m in place_mentions(read_document(tree), tree)]
    assert "Chủ" not in names and "Trang Chủ" not in names


def test_whatsapp_chats_opened_by_a_scripts_click_are_the_sites_phones_and_whatsapp():
    # (the chat's address written with its spaces unencoded, on a box no link or button)
    html = ("<html lang='id'><body><main><h3>Via WhatsApp</h3>"
            "<div class='kontak-wa1' onclick=\"window.location='https://api.whatsapp.com/send?phone=6282113693686"
            "&text=Halo%20PT. Sinar Kasyaf Solution%0ASaya';\"><h5>0821 1369 3686</h5><h6>Eko</h6></div>"
            "<p>Telepon: 021-89498319</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://sinarkasyaf.test/kontak.html", role="contact")
    assert {p["e164"] for p in found["phones"]} == {"+6282113693686", "+622189498319"}
    # and the site's WhatsApp, as a wa.me link is in tests/realsites
    assert [s["url"] for s in found["socials"]] == ["https://wa.me/6282113693686"]


@pytest.mark.parametrize(("lines", "expected"), [
    # the town and its postcode alone ending the line; a city's part by its compass word
    (["Infiniti Office, MTH Square Ground Floor A4/A Jl. Letjen M.T. Haryono Kav. 10 Jakarta Timur 13330"],
     ("Infiniti Office, MTH Square Ground Floor A4/A Jl. Letjen M.T. Haryono Kav. 10", "13330", "Jakarta Timur")),
    # the street above, its number run into "NO."
    (["GREEN LAKE CITY RUKAN CBD BLOK J NO.11", "TANGERANG 15147"],
     ("GREEN LAKE CITY RUKAN CBD BLOK J NO.11", "15147", "TANGERANG")),
])
def test_an_indonesian_address_by_its_town_and_postcode(lines, expected):
    from scrapejet.extract.addresses import addresses_in_lines

    assert [(a["street"], a["postal_code"], a["locality"]) for a in addresses_in_lines(lines, "ID")] == [expected]
    # a compass word after a name no gazetteer knows is no town
    assert addresses_in_lines(["Jl. Merdeka No. 5", "Blok Timur 13330"], "ID") == []


def test_where_an_english_speaking_business_says_it_is_located_is_its_town():
    from scrapejet.extract.addresses import seat_town

    assert seat_town("Located in the heart of Waipapa, NorthWire Electrical stands as a reliable choice") == "Waipapa"
    assert seat_town("Our workshop is situated in Totnes.") == "Totnes"
    assert seat_town("We are located in the UK and ship worldwide.") is None


def test_an_indonesian_legality_page_is_the_legal_notice():
    assert page_role("https://sinarkasyaf.test/legalitas", "Legalitas") == "legal"
    assert page_role("https://sinarkasyaf.test/perusahaan.html", "Legalitas Perusahaan") == "legal"


def test_a_brazilian_address_with_its_number_sign_capitalised_is_read_once():
    html = ("<html lang='pt-BR'><body><footer><h3>Onde estamos</h3><p>Endereço: Rua Campos Novos, Nº 400 - Alto do "
            "Ipiranga, Ribeirão Preto - SP CEP: 14055-440</p></footer></body></html>")
    found = extract_contacts(html.encode(), "https://vidracariakibox.github.io/", role="home")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("Rua Campos Novos, Nº 400", "14055-440", "Ribeirão Preto")]


def test_a_town_in_a_cvs_dated_line_is_not_where_the_business_is():
    from lxml import html as lxml_html

    from scrapejet.extract.places import place_mentions
    from scrapejet.extract.textlines import read_document

    tree = lxml_html.fromstring("<html><body><main><p>1985-1987 - Manager of City Citizens Advice Bureau in London</p>"
                                "<p>2019: opened our workshop in Leeds</p><p>We work in Bristol</p></main></body></html>")
    names = [m["name"] for m in place_mentions(read_document(tree), tree)]
    assert "London" not in names and "Leeds" not in names and "Bristol" in names


@pytest.mark.parametrize(("url", "text", "role"), [
    ("https://argjendari.al/rreth-nesh.html", "Rreth Nesh", "about"),
    ("https://argjendari.al/privatesia.html", "Politika e Privatësisë", "privacy"),
    ("https://argjendari.al/kushtet.html", "Kushtet e Përdorimit", "terms"),
])
def test_albanian_role_words(url, text, role):
    assert page_role(url, text) == role


def test_a_legal_notice_on_personal_data_in_two_french_terms_is_the_privacy_statement():
    from lxml import html as lxml_html

    from scrapejet.extract.roles import covered_roles
    from scrapejet.extract.textlines import read_document

    tree = lxml_html.fromstring(
        "<html><body><main><h2>Mentions légales</h2><p><strong>Respect de la vie privée et des données personnelles :"
        "</strong> Les données à caractère personnel sont conservées par la librairie pendant une période "
        "raisonnable.</p></main></body></html>")
    assert covered_roles(read_document(tree), "legal") == ["privacy"]


@pytest.mark.parametrize(("href", "url"), [
    ("https://line.me/ti/p/pXU2XP9jjv", "https://line.me/ti/p/pXU2XP9jjv"),  # a personal account's add-friend code
    ("https://wa.me/qr/NLU5G67IOU6EJ1", "https://wa.me/qr/NLU5G67IOU6EJ1"),  # a chat's QR link, the number hidden
    ("https://line.me/en/", None), ("https://wa.me/", None),
])
def test_line_friend_codes_and_whatsapp_qr_links_are_profiles(href, url):
    from scrapejet.extract.socials import profile

    assert (profile(href) or {}).get("url") == url


def test_a_chat_button_in_the_body_is_the_sites_own():
    html = ("<html lang='en'><body><main><p>Call or message us:</p><a href='https://line.me/ti/p/pXU2XP9jjv'>Chat on "
            "LINE</a></main></body></html>")
    found = extract_contacts(html.encode(), "https://homies.test/contact.html", role="contact")
    assert [s["url"] for s in found["socials"]] == ["https://line.me/ti/p/pXU2XP9jjv"]


def test_the_regulators_phone_under_the_sentence_naming_it_is_theirs():
    # (a privacy policy sending complaints to the regulator, its card in a list below)
    html = ("<html lang='en'><body><main><h2>7. Making a Complaint</h2><p>If you are not satisfied with our response, "
            "you can contact the Office of the Australian Information Commissioner (OAIC).</p><ul><li><strong>Phone:"
            "</strong> 1300 363 992</li><li><strong>Website:</strong> www.oaic.gov.au</li></ul><h2>9. Contact Us</h2>"
            "<p>Phone: 07 2143 6064</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://bnbcc.com.au/privacy.html", role="privacy")
    assert {p["e164"] for p in found["phones"]} == {"+61721436064"}


def test_a_town_and_zip_in_a_block_named_contact_is_the_address():
    # (on the home page: the block's name says whose it is, as a footer does)
    html = ("<html lang='en'><body><main><p>We pour driveways and patios.</p><section id='contact'><h2>Call for a Free "
            "Quote</h2><div class='contact-details-row'><div class='contact-detail'><div>📍</div><span>Riverton, WY "
            "82501</span></div></div></section><p>Lander 2019 Best Contractor</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://www.rivertonwyconcrete.com/", role="home")
    assert [(a["postal_code"], a["locality"]) for a in found["addresses"]] == [("82501", "Riverton")]
    # (outside such a block, a town and ZIP in running text stay no address)
    plain = html.replace("id='contact'", "").replace("contact-details-row", "row").replace("contact-detail", "item")
    assert extract_contacts(plain.encode(), "https://www.rivertonwyconcrete.com/", role="home")["addresses"] == []


def test_a_line_booking_button_in_japanese_is_the_sites_account():
    html = ("<html lang='ja'><body><main><p>完全予約制</p></main><div class='fixed-reserve'>"
            "<a href='https://lin.ee/IRVLOEX'>LINE予約</a><a href='https://www.instagram.com/eye.nail.beauty.elu'>"
            "Instagramを見る</a></div></body></html>")
    found = extract_contacts(html.encode(), "https://eru.test/", role="home")
    assert {s["url"] for s in found["socials"]} == {"https://lin.ee/IRVLOEX", "https://www.instagram.com/eye.nail.beauty.elu"}


def test_a_spanish_shops_unit_number_after_the_house_number():
    html = ("<html lang='es'><body><main><h3>Localización</h3><p>C/ Valdemoro 11 Local 2,<br> 28914 Leganés (Arroyo "
            "Culebro), Madrid</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://fraguafisioterapia.es/", role="home")
    assert [(a["street"], a["postal_code"], a["locality"]) for a in found["addresses"]] == [
        ("C/ Valdemoro 11, Local 2", "28914", "Leganés")]


@pytest.mark.parametrize(("lang", "url", "line", "street", "town"), [
    ("fi", "https://hieronta.fi/", "Valtakatu 11 Ylivieska, Kauneushoitola NorPink", "Valtakatu 11", "Ylivieska"),
    ("sv", "https://frisor.se/", "Storgatan 5 Umeå", "Storgatan 5", "Umeå"),
    ("de", "https://maler.de/", "Hauptstraße 5 Berlin", "Hauptstraße 5", "Berlin"),
])
def test_a_street_its_number_and_a_known_town_run_together_in_a_footer(lang, url, line, street, town):
    html = f"<html lang='{lang}'><body><main><p>Hieronta</p></main><footer><p>{line}</p></footer></body></html>"
    found = extract_contacts(html.encode(), url, role="home")
    assert [(a["street"], a["locality"]) for a in found["addresses"]] == [(street, town)]


def test_no_street_and_town_from_a_year_and_a_town():
    html = "<html lang='de'><body><main><p>Hallo</p></main><footer><p>Seit 2021 Berlin</p></footer></body></html>"
    assert extract_contacts(html.encode(), "https://maler.de/", role="home")["addresses"] == []


def test_based_in_a_town_is_where_a_site_with_no_street_is():
    html = ("<html lang='en'><body><main><p>Based in Cwmbran, South Wales, <strong>Gareth Prosser</strong> is an "
            "experienced construction specialist.</p></main></body></html>")
    found = extract_contacts(html.encode(), "https://glprosser.com/", role="home")
    assert [a["locality"] for a in found["addresses"]] == ["Cwmbran"]


@pytest.mark.parametrize(("href", "url"), [
    ("https://youtube.com/mombasafish", "https://www.youtube.com/mombasafish"),  # a channel's older custom address
    ("https://www.youtube.com/watch", None), ("https://www.youtube.com/results", None),
])
def test_a_youtube_channels_custom_address(href, url):
    from scrapejet.extract.socials import profile

    assert (profile(href) or {}).get("url") == url


@pytest.mark.parametrize(("url", "text", "role"), [
    ("https://stenlillefysioterapi.dk/om_klinikken.html", "OM KLINIKKEN", "about"),
    ("https://hieronta.fi/tietoa.html", "Tietoa minusta", "about"),
    ("https://mothercounselling.com.au/legals.html", "Legal & Policies", None),  # a list of the policies
    ("https://acme.de/seite3.html", "Kontakt & Impressum", None),  # two roles: no one of them by its text
])
def test_role_words_of_batch_52(url, text, role):
    assert page_role(url, text) == role


# --- the fifty-third batch's tune sites (session 41) --------------------------------


def test_a_framesets_frames_are_pages_of_the_site():
    # an old FrontPage site: the home page is only its frames (banner, menu, main, footer)
    from scrapejet.extract.links import extract_links

    html = ('<html><frameset rows="158,*,49"><frame name="Header" src="heading.htm"><frameset cols="150,*">'
            '<frame name="Options" src="options.htm"><frame name="main" src="contents.htm"></frameset>'
            '<noframes><body><p>This page uses frames.</p></body></noframes></frameset></html>')
    urls = [link.url for link in extract_links(html, "http://fluteblanks.test/index.htm")]
    assert urls == ["http://fluteblanks.test/heading.htm", "http://fluteblanks.test/options.htm",
                    "http://fluteblanks.test/contents.htm"]


@pytest.mark.parametrize(("lines", "expected"), [
    # the town with its postcode in brackets, the cross streets after the number ("e/ 6 y 7": between 6 and 7)
    (["Av. Interbalnearia 557 e/ 6 y 7", "Costa del Este (7108)", "Partido de La Costa", "Buenos Aires, Argentina"],
     ("Av. Interbalnearia 557 e/ 6 y 7", "7108", "Costa del Este")),
    (["Av. Interbalnearia 557", "(7108) Costa del Este"], ("Av. Interbalnearia 557", "7108", "Costa del Este")),
])
def test_an_argentine_town_with_its_postcode_in_brackets(lines, expected):
    from scrapejet.extract.addresses import addresses_in_lines

    assert [(a["street"], a["postal_code"], a["locality"]) for a in addresses_in_lines(lines, "AR")] == [expected]


@pytest.mark.parametrize(("line", "expected"), [
    ("Carril 3, Colonia San Juan Xalpa, Iztapalapa, CDMX, CP 09850", ("Carril 3", "09850", "Iztapalapa")),
    ("Calle Hidalgo 45, Centro, Guadalajara, Jalisco, C.P. 44100", ("Calle Hidalgo 45", "44100", "Guadalajara")),
])
def test_a_mexican_address_with_its_postcode_last(line, expected):
    from scrapejet.extract.addresses import addresses_in_lines

    assert [(a["street"], a["postal_code"], a["locality"]) for a in addresses_in_lines([line], "MX")] == [expected]


def test_a_mexican_whatsapp_with_the_old_mobile_one_is_the_current_number_and_a_mobile():
    from scrapejet.extract.profile import merge_profile

    html = ('<html lang="es"><body><main><p>Teléfono: 55 8999 0156</p></main>'
            '<a class="float" href="https://api.whatsapp.com/send?phone=+5215579340371"><i class="fa fa-whatsapp"></i></a>'
            '</body></html>')
    page = {"url": "https://tecnoh2o.com.mx/", "page_type": "home",
            "contacts": extract_contacts(html.encode(), "https://tecnoh2o.com.mx/", role="home")}
    profile = merge_profile([page], job_id="j", site="tecnoh2o.com.mx")
    types = {p["e164"]: p["type"] for p in profile["phones"]}
    # (Mexico dropped the "1" in 2019; a number seen only as a WhatsApp chat is a mobile's)
    assert types == {"+525589990156": "phone", "+525579340371": "mobile"}


def test_the_taxi_a_directions_page_says_to_call_is_not_the_business():
    html = ('<html lang="es"><body><main><h2>Cómo llegar</h2><p>Desde Mar del Tuyú podés llegar en remis '
            '(Remis "La 79", Tel. 02246 43-4363 - en calle 79 y 2) o en el Colectivo 500.</p>'
            '<p>WhatsApp: <a href="https://wa.me/5491167899975">+54 9 11 6789-9975</a></p></main></body></html>')
    found = extract_contacts(html.encode(), "https://postadeleste.com.ar/como-llegar.html", role="contact")
    assert {p["e164"] for p in found["phones"]} == {"+5491167899975"}


@pytest.mark.parametrize("text", ["Sledujte nás na Facebooku", "Følg os på Facebook", "Kövess minket a Facebookon"])
def test_follow_us_in_more_languages_presents_the_sites_own_profile(text):
    html = (f'<html><body><main><section id="kontakt"><h2>Kontakt</h2><p>Telefon: +420 724 546 998</p>'
            f'<a href="https://www.facebook.com/profile.php?id=61575276961420">{text}</a></section></main></body></html>')
    found = extract_contacts(html.encode(), "https://jpbeton.test/", role="home")
    assert [s["url"] for s in found["socials"]] == ["https://www.facebook.com/profile.php?id=61575276961420"]


@pytest.mark.parametrize("line, country, expected", [
    # the capital named as its country, with the country's postcode
    ("12, rue du Fossé, L-1536 Luxembourg", None, ("12, rue du Fossé", "1536", "Luxembourg", "LU")),
    ("2 rue Beaumont, 1219 Luxembourg", "LU", ("2 rue Beaumont", "1219", "Luxembourg", "LU")),
    # a Danish floor and door between the street and the postcode
    ("Strøget 18, 2. tv., 1160 København K", "DK", ("Strøget 18", "1160", "København K", "DK")),
    ("Algade 21, st. th., 4000 Roskilde", "DK", ("Algade 21", "4000", "Roskilde", "DK")),
    # four digits before a town in Cyrillic or Greek letters (Bulgaria, Cyprus)
    ("ул. Витоша 15, 1000 София", "BG", ("ул. Витоша 15", "1000", "София", "BG")),
    ("Οδός Λήδρας 20, 1011 Λευκωσία", "CY", ("Οδός Λήδρας 20", "1011", "Λευκωσία", "CY")),
    # a Greek town in Latin letters before its postcode, on a Greek page
    ("Ermou 25, Athens 105 63", "GR", ("Ermou 25", "105 63", "Athens", "GR")),
])
def test_address_layouts_of_more_countries(line, country, expected):
    from scrapejet.extract.addresses import addresses_in_lines

    found = addresses_in_lines([line], country)
    assert [(a["street"], a["postal_code"], a["locality"], a["country"]) for a in found] == [expected]


def test_a_country_named_after_a_street_is_still_no_town():
    from scrapejet.extract.addresses import addresses_in_lines

    # ("Italia" is Italy, not a town: no capital bears its name)
    assert addresses_in_lines(["Via Roma 5, 40100 Italia"], "IT") == []
    assert addresses_in_lines(["Ermou 25, Athens 105 63"], "US") == []


def test_a_japanese_address_in_a_large_citys_ward_keeps_the_ward_with_the_city():
    # (hair-salon-minami-osaka of the corpus: no postcode, Osaka's Tsurumi ward)
    html = ('<html lang="ja"><body><main><table><tr><th>住所</th><td>大阪府大阪市鶴見区諸口１丁目１０－４５</td></tr>'
            '<tr><th>電話番号</th><td>06-6911-0635</td></tr></table></main></body></html>')
    found = extract_contacts(html.encode(), "https://minami-hair.com/")
    assert [(a["street"], a["locality"]) for a in found["addresses"]] == [("諸口１丁目１０－４５", "大阪市鶴見区")]


def test_a_saints_street_abbreviated_is_the_same_street():
    from scrapejet.extract.addresses import same_address

    assert same_address({"street": "Calle Sant Pere nº37", "postal_code": None, "locality": "Gavà", "country": "ES"},
                        {"street": "Calle St. Pere nº37", "postal_code": "08850", "locality": "Gavà", "country": "ES"})


def test_a_british_mobile_on_an_english_page_with_no_other_sign_of_its_country():
    # (val-winchester-welshpool of the corpus: a .com, no address but "now based near Welshpool")
    html = ('<html lang="en"><body><main><p>Please note that Val is now based near Welshpool on the Shropshire/Mid '
            'Wales border.</p></main><footer><ul><li>07722 646 581</li></ul></footer></body></html>')
    found = extract_contacts(html.encode(), "https://valwinchester.com/")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == [("+447722646581", "mobile")]
    assert [(a["locality"], a["country"]) for a in found["addresses"]] == [("Welshpool", "GB")]
    # (a North American number keeps its own shape)
    html = '<html lang="en"><body><footer><p>Call (512) 474-1234</p></footer></body></html>'
    assert [p["e164"] for p in extract_contacts(html.encode(), "https://firm.com/")["phones"]] == ["+15124741234"]
    # ...its tel: link too: with no 0 first it is no British number whose 0 was left out
    # (mile-high-locating-colorado of the corpus)
    html = '<html lang="en"><body><p>Call us: <a href="tel:7205142876">(720) 514-2876</a></p></body></html>'
    assert [p["e164"] for p in extract_contacts(html.encode(), "https://milehighlocating.com/")["phones"]] == [
        "+17205142876"]


def test_the_designer_and_the_administrator_under_headings_of_a_legal_notice_are_not_the_practice():
    # (dr-monika-burger-muenster of the corpus)
    html = ('<html lang="de"><body><main><h1>Impressum</h1><p>Dr. med. Monika Burger<br>Vennemannstraße 5<br>'
            '48157 Münster<br>Telefon: 0251-326266<br>E-Mail: <a href="mailto:praxis@dr-monika-burger.de">'
            'praxis@dr-monika-burger.de</a></p><h2>Design</h2><p><strong>frischwind</strong><br>Katja Tränkner<br>'
            'Lazarettstraße 13 · 48149 Münster<br>Telefon: 0251 21013-66<br>oder Mobil: 0175 5433051<br>'
            '<a href="mailto:info@frischwind.de">info@frischwind.de</a></p><h2>Technik &amp; Administration</h2>'
            '<p><strong>jk.webservices</strong><br>Jakob Hilden<br><a href="mailto:info@jkwebs.de">info@jkwebs.de</a>'
            '</p></main></body></html>')
    found = extract_contacts(html.encode(), "https://dr-monika-burger.de/impressum.html", role="legal")
    assert [e["email"] for e in found["emails"]] == ["praxis@dr-monika-burger.de"]
    assert [p["e164"] for p in found["phones"]] == ["+49251326266"]
    assert [a["street"] for a in found["addresses"]] == ["Vennemannstraße 5"]


def test_a_japanese_site_policy_is_its_terms():
    from scrapejet.extract.roles import page_role

    assert page_role("https://minami-hair.com/policy/", "サイトポリシー") == "terms"


def test_a_mexican_number_with_the_old_mobile_one_is_a_mobile_and_a_town_with_its_state_and_country():
    # (fg-artromedica-leon of the corpus)
    html = ('<html lang="es"><body><main><h1>Contacto</h1><p>Líderes en México en servicios de instrumentación.</p>'
            '<ul><li>Teléfono: +52 1 477 434 0513</li></ul></main><footer><ul><li>León, Guanajuato · México</li>'
            '</ul></footer></body></html>')
    found = extract_contacts(html.encode(), "https://fg-artromedica.com/contacto.html", role="contact")
    assert [(p["e164"], p["type"]) for p in found["phones"]] == [("+524774340513", "mobile")]
    assert [(a["locality"], a["country"]) for a in found["addresses"]] == [("León", "MX")]


def test_a_country_is_not_the_town_a_site_names():
    from scrapejet.extract.places import town_named

    pages = [{"url": "https://fg-artromedica.com/nosotros.html", "page_type": "about",
              "contacts": {"places": [{"name": "México en servicios de instrumentación", "cue": "text"}]}}]
    assert town_named(pages, "MX") is None
