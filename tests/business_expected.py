"""The fixture business sites under tests/business_fixtures/: what each one
publishes about its company, and the decoys planted on its pages.

Each folder is a small coherent site with navigation between its pages, to be
served as the root of a virtual host (``mueller-haustechnik`` uses directory
URLs such as ``/kontakt/``; the others use ``.html`` files). The layout of an
entry is the one of ``tests.realsites_expected.EXPECTED``: ``roles`` as found
from the home page's links, ``file_roles`` from the URL alone, ``crawled`` the
home and role pages, ``profile`` the merged profile, ``pages`` per file with
``page_default`` for the rest, ``must_not`` the decoys.
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "business_fixtures"

_MUELLER_FOOTER = {"emails": set(), "phones": set(), "postal_codes": {"10969"}, "socials": set()}
_DUPONT_FOOTER = {
    "emails": set(),
    "phones": {"+33142685300"},
    "postal_codes": {"75011"},
    "socials": {"https://www.instagram.com/atelierdupont.paris", "https://www.pinterest.com/atelierdupont"},
}
_THISTLE_FOOTER = {
    "emails": set(),
    "phones": {"+441314960123"},
    "postal_codes": {"EH1 2HE"},
    "socials": {"https://www.facebook.com/thistletearoom", "https://www.instagram.com/thistletearoom"},
}
_HARBOR_FOOTER = {
    "emails": set(),
    "phones": {"+12075550142", "+12075550143"},
    "postal_codes": {"04101"},
    "socials": {
        "https://www.facebook.com/harbordentalstudio",
        "https://www.youtube.com/@HarborDentalStudio",
        "https://www.linkedin.com/company/harbor-dental-studio",
        "https://x.com/harbordental",
    },
}
_GARCIA_FOOTER = {"emails": set(), "phones": {"+34915238741"}, "postal_codes": {"28014"}, "socials": set()}
_BIANCHI_FOOTER = {
    "emails": set(), "phones": set(), "postal_codes": {"50123"},
    "socials": {"https://www.instagram.com/trattoriabianchi.firenze"},
}
_DE_VRIES_FOOTER = {"emails": set(), "phones": set(), "postal_codes": {"1013 EW"}, "socials": set()}
_LISBOA_FOOTER = {
    "emails": set(), "phones": set(), "postal_codes": {"1100-053"}, "socials": {"https://www.facebook.com/padarialisboa"},
}

FIXTURE_EXPECTED: dict[str, dict] = {
    # A German GmbH without structured data: Impressum with register, VAT,
    # supervisory authority, host and web designer; obfuscated and split
    # emails; a WhatsApp link; directory URLs.
    "mueller-haustechnik": {
        "language": "de",
        "roles": {
            "home": "/",
            "services": "/leistungen/",
            "about": "/ueber-uns/",
            "team": "/team/",
            "contact": "/kontakt/",
            "legal": "/impressum/",
            "privacy": "/datenschutz/",
            "terms": "/agb/",
            "careers": "/karriere/",
        },
        "file_roles": {
            "index.html": "home",
            "leistungen/index.html": "services",
            "ueber-uns/index.html": "about",
            "team/index.html": "team",
            "kontakt/index.html": "contact",
            "impressum/index.html": "legal",
            "datenschutz/index.html": "privacy",
            "agb/index.html": "terms",
            "karriere/index.html": "careers",
        },
        "crawled": [
            "index.html", "leistungen/index.html", "ueber-uns/index.html", "team/index.html", "kontakt/index.html",
            "impressum/index.html", "datenschutz/index.html", "agb/index.html", "karriere/index.html",
        ],
        "profile": {
            "company_name": "Müller Haustechnik GmbH",
            "company_name_contains": "Müller Haustechnik",
            "emails": {
                "info@mueller-haustechnik.de", "service@mueller-haustechnik.de", "datenschutz@mueller-haustechnik.de",
                "t.mueller@mueller-haustechnik.de", "bewerbung@mueller-haustechnik.de",
            },
            "phones": {"+493025768810", "+493025768819", "+491724096338"},
            "phone_types": {"+493025768810": "landline", "+493025768819": "fax", "+491724096338": "mobile"},
            "postal_codes": {"10969"},
            "localities": {"Berlin"},
            "streets": {"Lindenstraße 42"},
            "socials": {
                "https://www.facebook.com/muellerhaustechnik",
                "https://www.instagram.com/mueller.haustechnik",
                "https://www.xing.com/pages/mueller-haustechnik-gmbh",
                "https://wa.me/491724096338",
            },
            "logo": "/img/mueller-logo.svg",
            "vat_id": "DE287456193",
            "registration": "HRB 184523 B",
        },
        "page_default": _MUELLER_FOOTER,
        "pages": {
            "index.html": {
                **_MUELLER_FOOTER,
                "emails": {"info@mueller-haustechnik.de"},
                "phones": {"+493025768810"},
                "socials": {
                    "https://www.facebook.com/muellerhaustechnik",
                    "https://www.instagram.com/mueller.haustechnik",
                    "https://www.xing.com/pages/mueller-haustechnik-gmbh",
                },
            },
            "kontakt/index.html": {
                **_MUELLER_FOOTER,
                # "info [at] mueller-haustechnik [dot] de" and an address in three <span>s
                "emails": {"info@mueller-haustechnik.de", "service@mueller-haustechnik.de"},
                "phones": {"+493025768810", "+493025768819", "+491724096338"},
                "socials": {"https://wa.me/491724096338"},
            },
            "impressum/index.html": {
                **_MUELLER_FOOTER,
                "emails": {"info@mueller-haustechnik.de"},
                "phones": {"+493025768810", "+493025768819"},
            },
            "datenschutz/index.html": {**_MUELLER_FOOTER, "emails": {"datenschutz@mueller-haustechnik.de"}},
            "team/index.html": {**_MUELLER_FOOTER, "emails": {"t.mueller@mueller-haustechnik.de"}},
            "karriere/index.html": {**_MUELLER_FOOTER, "emails": {"bewerbung@mueller-haustechnik.de"}},
        },
        "must_not": {
            # the host, the web designer, the data-protection authority, form hints
            "emails": {
                "kundenservice@strato.de", "hallo@pixelwerk-studio.de", "mailbox@datenschutz-berlin.de",
                "ihre@email.de", "max.mustermann@beispiel.de",
            },
            # the Handwerkskammer, the designer's phone, a toll-free placeholder
            "phones": {"+49302590301", "+493061204471", "+498000000000"},
            # Strato (10249), Handwerkskammer (10961), data-protection authority (10555)
            "postal_codes": {"10249", "10961", "10555"},
            # HRB, VAT, IBAN, order/article/invoice numbers, dates, prices
            "digits": {"184523", "287456193", "370400440532013000", "47112024", "30041187723", "20240815", "31122024", "12490"},
            "socials": {
                "https://www.facebook.com/sharer", "https://www.facebook.com/tr", "https://x.com/intent",
                "https://www.youtube.com/watch",
            },
        },
        "notes": "Directory URLs: /kontakt/ is kontakt/index.html. A blog link 'Warum uns Ihr Datenschutz beim "
        "Smart Home wichtig ist' (/blog/warum-datenschutz-uns-wichtig-ist/, not in the folder) must not be "
        "taken for the privacy page.",
    },
    # A French SARL: mentions légales with SIRET/RCS/VAT, OVH as host, a
    # consumer mediator; emails as "contact [at] x [dot] fr" and "(at)/(dot)".
    "atelier-dupont": {
        "language": "fr",
        "roles": {
            "home": "/",
            "services": "/prestations.html",
            "about": "/qui-sommes-nous.html",
            "contact": "/nous-contacter.html",
            "legal": "/mentions-legales.html",
            "terms": "/cgv.html",
            "privacy": "/confidentialite.html",
            "cookies": "/politique-de-cookies.html",
        },
        "file_roles": {
            "index.html": "home",
            "prestations.html": "services",
            "qui-sommes-nous.html": "about",
            "nous-contacter.html": "contact",
            "mentions-legales.html": "legal",
            "cgv.html": "terms",
            "confidentialite.html": "privacy",
            "politique-de-cookies.html": "cookies",
        },
        "crawled": [
            "index.html", "prestations.html", "qui-sommes-nous.html", "nous-contacter.html", "mentions-legales.html",
            "cgv.html", "confidentialite.html", "politique-de-cookies.html",
        ],
        "profile": {
            "company_name": "Atelier Dupont SARL",
            "company_name_contains": "Atelier Dupont",
            "emails": {"contact@atelier-dupont.fr", "commandes@atelier-dupont.fr", "dpo@atelier-dupont.fr"},
            "phones": {"+33142685300", "+33671842953"},
            "phone_types": {"+33142685300": "landline", "+33671842953": "mobile"},
            "postal_codes": {"75011"},
            "localities": {"Paris"},
            "streets": {"18 rue de la Roquette"},
            "socials": {"https://www.instagram.com/atelierdupont.paris", "https://www.pinterest.com/atelierdupont"},
            "logo": "/img/atelier-dupont.png",
            "vat_id": "FR47837492615",
            "registration": "SIRET 837 492 615 00018",
        },
        "page_default": _DUPONT_FOOTER,
        "pages": {
            "nous-contacter.html": {
                **_DUPONT_FOOTER,
                "emails": {"contact@atelier-dupont.fr", "commandes@atelier-dupont.fr"},
                "phones": {"+33142685300", "+33671842953"},
            },
            "mentions-legales.html": {**_DUPONT_FOOTER, "emails": {"contact@atelier-dupont.fr"}},
            "confidentialite.html": {**_DUPONT_FOOTER, "emails": {"dpo@atelier-dupont.fr"}},
        },
        "must_not": {
            # the mediator, form hints
            "emails": {"cm2c@cm2c.net", "votre.email@exemple.fr"},
            # OVH's phone; "Format attendu : 01 23 45 67 89" is a placeholder
            "phones": {"+33972101007", "+33123456789"},
            # OVH in Roubaix, the mediator, the CNIL
            "postal_codes": {"59100", "75008", "75334"},
            # SIRET, SIREN, order number, prices, dates
            "digits": {"83749261500018", "837492615", "20240511", "125000", "12052024"},
            "socials": {"https://www.facebook.com/sharer", "https://x.com/intent"},
        },
        "notes": "The placeholder '01 23 45 67 89' is shown as a form hint; the company's own number is "
        "01 42 68 53 00 (a counting run such as 123456789 is treated as a placeholder).",
    },
    # A UK tearoom with JSON-LD LocalBusiness (@graph, opening hours, geo,
    # sameAs), prices, dates, an order number, a "+44 7xxx xxxxxx" hint and
    # the ICO's address under "Supervisory authority".
    "thistle-tearoom": {
        "language": "en-gb",
        "roles": {
            "home": "/",
            "about": "/about.html",
            "contact": "/contact.html",
            "privacy": "/privacy-policy.html",
            "terms": "/terms-and-conditions.html",
            "cookies": "/cookie-policy.html",
        },
        "file_roles": {
            "index.html": "home",
            "about.html": "about",
            "contact.html": "contact",
            "menu.html": None,
            "privacy-policy.html": "privacy",
            "terms-and-conditions.html": "terms",
            "cookie-policy.html": "cookies",
        },
        "crawled": [
            "index.html", "about.html", "contact.html", "privacy-policy.html", "terms-and-conditions.html",
            "cookie-policy.html",
        ],
        "profile": {
            "company_name": "The Thistle Tearoom",
            "company_name_contains": "Thistle Tearoom",
            "emails": {"hello@thistletearoom.co.uk", "events@thistletearoom.co.uk", "privacy@thistletearoom.co.uk"},
            "phones": {"+441314960123"},
            "phone_types": {"+441314960123": "landline"},
            "postal_codes": {"EH1 2HE"},
            "localities": {"Edinburgh"},
            "streets": {"27 Victoria Street"},
            "socials": {"https://www.facebook.com/thistletearoom", "https://www.instagram.com/thistletearoom"},
            "logo": "https://thistletearoom.co.uk/img/thistle-logo.png",
            "opening_hours": [
                {"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "opens": "09:00", "closes": "17:30"},
                {"days": ["Saturday"], "opens": "10:00", "closes": "18:00"},
            ],
            "geo": {"lat": 55.9483, "lon": -3.1935},
        },
        "page_default": _THISTLE_FOOTER,
        "pages": {
            "index.html": {**_THISTLE_FOOTER, "emails": {"hello@thistletearoom.co.uk"}},
            "contact.html": {**_THISTLE_FOOTER, "emails": {"hello@thistletearoom.co.uk", "events@thistletearoom.co.uk"}},
            "privacy-policy.html": {**_THISTLE_FOOTER, "emails": {"privacy@thistletearoom.co.uk"}},
        },
        "must_not": {
            "emails": {"name@domain.com"},
            # the ICO's helpline
            "phones": {"+443031231113"},
            # the ICO (Wilmslow)
            "postal_codes": {"SK9 5AF"},
            # order numbers, prices, dates, company number
            "digits": {"100234567", "542388123345", "125000", "12052024", "412345"},
            "socials": set(),
        },
        "notes": "JSON-LD @graph with a WebSite node and a [CafeOrCoffeeShop, LocalBusiness] node.",
    },
    # A US dental practice with a third-party booking widget that lists the
    # vendor's own support email and phone, fictional 555-01xx numbers.
    "harbor-dental": {
        "language": "en-us",
        "roles": {
            "home": "/",
            "about": "/about-us.html",
            "team": "/our-team.html",
            "services": "/services.html",
            "contact": "/contact-us.html",
            "careers": "/careers.html",
            "privacy": "/privacy-policy.html",
            "terms": "/terms-of-use.html",
        },
        "file_roles": {
            "index.html": "home",
            "about-us.html": "about",
            "our-team.html": "team",
            "services.html": "services",
            "contact-us.html": "contact",
            "careers.html": "careers",
            "privacy-policy.html": "privacy",
            "terms-of-use.html": "terms",
        },
        "crawled": [
            "index.html", "about-us.html", "our-team.html", "services.html", "contact-us.html", "careers.html",
            "privacy-policy.html", "terms-of-use.html",
        ],
        "profile": {
            "company_name": "Harbor Dental Studio",
            "company_name_contains": "Harbor Dental Studio",
            "emails": {"frontdesk@harbordentalstudio.com", "eruiz@harbordentalstudio.com", "jobs@harbordentalstudio.com"},
            "phones": {"+12075550142", "+12075550143"},
            "phone_types": {"+12075550142": "phone", "+12075550143": "fax"},
            "postal_codes": {"04101"},
            "localities": {"Portland"},
            "streets": {"120 Commercial Street, Suite 200"},
            "socials": _HARBOR_FOOTER["socials"],
            "logo": "/assets/harbor-logo.svg",
        },
        "page_default": _HARBOR_FOOTER,
        "pages": {
            "contact-us.html": {**_HARBOR_FOOTER, "emails": {"frontdesk@harbordentalstudio.com"}},
            "our-team.html": {**_HARBOR_FOOTER, "emails": {"eruiz@harbordentalstudio.com"}},
            "careers.html": {**_HARBOR_FOOTER, "emails": {"jobs@harbordentalstudio.com"}},
        },
        "must_not": {
            # the booking widget's vendor, a form hint
            "emails": {"support@zenbookapp.com", "you@example.com"},
            "phones": {"+18885550199", "+15555550100"},
            "postal_codes": set(),
            "digits": {"125000", "05312024", "100234"},
            # a person's own page and a video linked from the body
            "socials": {"https://www.facebook.com/elena.ruiz.dds.personal", "https://www.youtube.com/watch"},
        },
        "notes": "The widget is a div with class 'zb-booking-widget' ending 'Powered by ZenBook'.",
    },
    "taller-garcia": {
        "language": "es",
        "roles": {
            "home": "/",
            "services": "/servicios.html",
            "about": "/quienes-somos.html",
            "contact": "/contacto.html",
            "legal": "/aviso-legal.html",
            "privacy": "/politica-de-privacidad.html",
        },
        "file_roles": {
            "index.html": "home",
            "servicios.html": "services",
            "quienes-somos.html": "about",
            "contacto.html": "contact",
            "aviso-legal.html": "legal",
            "politica-de-privacidad.html": "privacy",
        },
        "crawled": [
            "index.html", "servicios.html", "quienes-somos.html", "contacto.html", "aviso-legal.html",
            "politica-de-privacidad.html",
        ],
        "profile": {
            "company_name": "Taller García S.L.",
            "company_name_contains": "Taller García",
            "emails": {"info@tallergarcia.es"},
            "phones": {"+34915238741", "+34612489307"},
            "phone_types": {"+34915238741": "landline", "+34612489307": "mobile"},
            "phone_kinds": {"+34612489307": {"mobile", "whatsapp"}},
            "postal_codes": {"28014"},
            "localities": {"Madrid"},
            "streets": {"Calle de Alcalá 45"},
            # the WhatsApp chat button (api.whatsapp.com/send) is the shop's WhatsApp
            "socials": {"https://wa.me/34612489307"},
            "logo": None,
        },
        "page_default": _GARCIA_FOOTER,
        "pages": {
            "contacto.html": {**_GARCIA_FOOTER, "emails": {"info@tallergarcia.es"}, "phones": {"+34915238741", "+34612489307"},
                              "socials": {"https://wa.me/34612489307"}},
            "politica-de-privacidad.html": {**_GARCIA_FOOTER, "emails": {"info@tallergarcia.es"}},
        },
        "must_not": {"emails": set(), "phones": set(), "postal_codes": set(), "digits": {"84567213", "20241187", "30062024"}, "socials": set()},
        "notes": "The WhatsApp link is api.whatsapp.com/send?phone=...: the shop's WhatsApp, listed as wa.me/NUMBER among the socials as a wa.me link would be.",
    },
    "trattoria-bianchi": {
        "language": "it",
        "roles": {
            "home": "/",
            "about": "/chi-siamo.html",
            "contact": "/contatti.html",
            "legal": "/note-legali.html",
            "privacy": "/privacy.html",
        },
        "file_roles": {
            "index.html": "home",
            "chi-siamo.html": "about",
            "menu.html": None,
            "contatti.html": "contact",
            "note-legali.html": "legal",
            "privacy.html": "privacy",
        },
        "crawled": ["index.html", "chi-siamo.html", "contatti.html", "note-legali.html", "privacy.html"],
        "profile": {
            "company_name": "Trattoria Bianchi di Marco Bianchi & C. S.n.c.",
            "company_name_contains": "Trattoria Bianchi",
            "emails": {"prenotazioni@trattoriabianchi.it", "info@trattoriabianchi.it"},
            "phones": {"+390552347781"},
            "phone_types": {"+390552347781": "landline"},
            "postal_codes": {"50123"},
            "localities": {"Firenze"},
            "streets": {"Via Roma 12"},
            "socials": {"https://www.instagram.com/trattoriabianchi.firenze"},
            "logo": "/img/logo-bianchi.png",
        },
        "page_default": _BIANCHI_FOOTER,
        "pages": {
            "contatti.html": {**_BIANCHI_FOOTER, "emails": {"prenotazioni@trattoriabianchi.it"}, "phones": {"+390552347781"}},
            "privacy.html": {**_BIANCHI_FOOTER, "emails": {"info@trattoriabianchi.it"}},
        },
        "must_not": {"emails": set(), "phones": set(), "postal_codes": set(), "digits": {"05123480487", "612345", "15082024"}, "socials": set()},
        "notes": "",
    },
    "bakkerij-de-vries": {
        "language": "nl",
        "roles": {
            "home": "/",
            "about": "/over-ons.html",
            "contact": "/contact.html",
            "terms": "/algemene-voorwaarden.html",
            "privacy": "/privacybeleid.html",
        },
        "file_roles": {
            "index.html": "home",
            "over-ons.html": "about",
            "contact.html": "contact",
            "algemene-voorwaarden.html": "terms",
            "privacybeleid.html": "privacy",
        },
        "crawled": ["index.html", "over-ons.html", "contact.html", "algemene-voorwaarden.html", "privacybeleid.html"],
        "profile": {
            "company_name": "Bakkerij de Vries",
            "company_name_contains": "Bakkerij de Vries",
            "emails": {"info@bakkerijdevries.nl"},
            "phones": {"+31206241187"},
            "phone_types": {"+31206241187": "landline"},
            "postal_codes": {"1013 EW"},
            "localities": {"Amsterdam"},
            "streets": {"Haarlemmerstraat 88"},
            "socials": set(),
            "logo": None,
            "vat_id": "NL859217463B01",
            "registration": "KvK 71234596",
        },
        "page_default": _DE_VRIES_FOOTER,
        "pages": {
            "contact.html": {**_DE_VRIES_FOOTER, "emails": {"info@bakkerijdevries.nl"}, "phones": {"+31206241187"}},
        },
        "must_not": {"emails": set(), "phones": set(), "postal_codes": set(), "digits": {"71234596", "859217463", "20240415", "27042024"}, "socials": set()},
        "notes": "",
    },
    "padaria-lisboa": {
        "language": "pt",
        "roles": {
            "home": "/",
            "about": "/sobre-nos.html",
            "contact": "/contacto.html",
            "terms": "/termos-e-condicoes.html",
            "privacy": "/politica-de-privacidade.html",
        },
        "file_roles": {
            "index.html": "home",
            "sobre-nos.html": "about",
            "contacto.html": "contact",
            "termos-e-condicoes.html": "terms",
            "politica-de-privacidade.html": "privacy",
        },
        "crawled": ["index.html", "sobre-nos.html", "contacto.html", "termos-e-condicoes.html", "politica-de-privacidade.html"],
        "profile": {
            "company_name": "Padaria Lisboa",
            "company_name_contains": "Padaria Lisboa",
            "emails": {"geral@padarialisboa.pt"},
            "phones": {"+351213421875"},
            "phone_types": {"+351213421875": "landline"},
            "postal_codes": {"1100-053"},
            "localities": {"Lisboa"},
            "streets": {"Rua Augusta 120"},
            "socials": {"https://www.facebook.com/padarialisboa"},
            "logo": None,
        },
        "page_default": _LISBOA_FOOTER,
        "pages": {
            "contacto.html": {**_LISBOA_FOOTER, "emails": {"geral@padarialisboa.pt"}, "phones": {"+351213421875"}},
            "politica-de-privacidade.html": {**_LISBOA_FOOTER, "emails": {"geral@padarialisboa.pt"}},
        },
        "must_not": {"emails": set(), "phones": set(), "postal_codes": set(), "digits": {"509876432", "20240871", "25042024"}, "socials": set()},
        "notes": "The contact link reads 'Fale conosco' (Brazilian) on a European Portuguese site.",
    },
}


def fixture_files(site: str) -> list[str]:
    folder = FIXTURES / site
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html"))


def url_path(file: str) -> str:
    """The URL path a static server gives a file ("kontakt/index.html" is "/kontakt/")."""
    if file == "index.html":
        return "/"
    if file.endswith("/index.html"):
        return "/" + file[: -len("index.html")]
    return "/" + file
