"""What a careful reader extracts from the six real small-business sites in
tests/realsites (see SOURCES.md there), written down page by page from
reading them, for the contact extractors and the business spider's
end-to-end tests.

Paths are relative to each site's root, as a server serving the folder on
loopback exposes them. Per site:

- ``roles``: the page a visitor finds for each role by following the home
  page's links (the first choice, as discover_role_pages should rank it;
  ``"/"`` for home). Roles the site has no linked page for are absent.
- ``file_roles``: the role of every file judged from its URL alone
  (page_role without link text), None where the URL names no role.
- ``crawled``: the home page plus the role pages: what a business job that
  follows links reaches, and what ``profile`` is merged from.
- ``profile``: what the merged profile must contain, as exact sets: emails,
  phones (E.164), postcodes, localities, social profile URLs (canonical),
  plus the company name (exact, and a substring that any sensible merge
  gives) and the logo path (None: the site has none as an image).
- ``pages``: per file, the exact sets one page gives (emails, phones,
  postcodes, socials); files not listed give ``page_default``.
- ``must_not``: decoys present on the pages that must never come out as the
  company's (web host, regulator, placeholders, numbers that only look like
  phones). ``digits`` are digit runs no extracted phone may contain.
- ``notes``: what a server or a reader should know about the site.

``FIXTURE_EXPECTED`` (the fixture sites under tests/business_fixtures, with
decoys on purpose) lives in tests/business_expected.py and is re-exported here.
"""

from __future__ import annotations

from pathlib import Path

from tests.business_expected import FIXTURE_EXPECTED

REALSITES = Path(__file__).resolve().parent / "realsites"

_KRISTALL_PAGE = {
    "emails": {"kristall.reinigung.de@gmail.com"},
    "phones": {"+4917647156017"},
    # The footer gives the town on every page; the street only the
    # legal notice and the privacy page.
    "postal_codes": {"46485"},
    "socials": set(),
}
_WESTMERE_NAV = {
    "emails": {"hello@westmere.co.uk"},
    "phones": {"+447930342593"},
    "postal_codes": set(),
    "socials": {"https://www.instagram.com/westmereprivatehire", "https://wa.me/447930342593"},
}
_MAHESH_PAGE = {
    "emails": {"camahesh.audit@gmail.com"},
    "phones": {"+919390994094", "+919705046480"},
    "postal_codes": {"500039"},
    "socials": set(),
}
_TENF_PAGE = {
    "emails": {"chris@10fdesign.io"},
    "phones": {"+18023806847"},
    # "186 Elliot Street / Brattleboro, VT": no ZIP code is published.
    "postal_codes": set(),
    "socials": set(),
}
_LTB_PAGE = {
    "emails": {"contact@ltb-avocat.fr"},
    "phones": {"+33637381555"},
    "postal_codes": {"92400"},
    "socials": set(),
}
_NOTHING = {"emails": set(), "phones": set(), "postal_codes": set(), "socials": set()}

EXPECTED: dict[str, dict] = {
    "kristall-reinigung": {
        "language": "de",
        "roles": {
            "home": "/",
            "about": "/about.html",
            "contact": "/contact.html",
            "services": "/services.html",
            "legal": "/impressum.html",
            "privacy": "/datenschutz.html",
        },
        "file_roles": {
            "index.html": "home",
            "about.html": "about",
            "contact.html": "contact",
            "services.html": "services",
            "impressum.html": "legal",
            "datenschutz.html": "privacy",
            "thanks.html": None,
        },
        "crawled": ["index.html", "about.html", "contact.html", "services.html", "impressum.html", "datenschutz.html"],
        "profile": {
            "company_name": "Kristall Reinigung",
            "company_name_contains": "Kristall Reinigung",
            "emails": {"kristall.reinigung.de@gmail.com"},
            "phones": {"+4917647156017"},
            "phone_types": {"+4917647156017": "mobile"},
            "postal_codes": {"46485"},
            "localities": {"Wesel"},
            "streets": {"Reicher-Leute-Stege 12"},
            "socials": set(),
            "logo": "/assets/images/logo.svg",
        },
        "page_default": _KRISTALL_PAGE,
        "pages": {},
        "streets": {"impressum.html": {"Reicher-Leute-Stege 12"}, "datenschutz.html": {"Reicher-Leute-Stege 12"}},
        "must_not": {
            "emails": set(),
            # "Gültig bis 31.08.2026", "Seit 2021", "bis zu 60 km", "20%"
            "digits": {"31082026", "2021"},
            "postal_codes": set(),
        },
        "notes": "Static site; all links relative with .html. The founder's surname differs between the legal "
        "notice and the about page (as published); the owner is not the company name.",
    },
    "westmere-private-hire": {
        "language": "en",
        "roles": {
            "home": "/",
            "about": "/westmere-about.html",
            "terms": "/westmere-terms.html",
            "privacy": "/westmere-privacy.html",
            "cookies": "/westmere-cookies.html",
        },
        "file_roles": {
            "index.html": "home",
            "westmere-about.html": "about",
            "westmere-terms.html": "terms",
            "westmere-privacy.html": "privacy",
            "westmere-cookies.html": "cookies",
            "westmere-fares.html": None,
        },
        "crawled": [
            "index.html", "westmere-about.html", "westmere-terms.html", "westmere-privacy.html", "westmere-cookies.html",
        ],
        "profile": {
            "company_name": "Westmere Private Hire",
            "company_name_contains": "Westmere",
            "emails": {"hello@westmere.co.uk"},
            "phones": {"+447930342593"},
            # one number: a mobile that is also the WhatsApp contact
            "phone_types": {"+447930342593": "mobile"},
            "phone_kinds": {"+447930342593": {"mobile", "whatsapp"}},
            "postal_codes": {"BN7 2DG"},
            "localities": {"Lewes"},
            "streets": {"4 Fisher Street"},
            "socials": {"https://www.instagram.com/westmereprivatehire", "https://wa.me/447930342593"},
            "logo": None,
        },
        "page_default": _WESTMERE_NAV,
        "pages": {
            # the legal pages have no icon bar, only the text of each policy
            "westmere-cookies.html": {**_WESTMERE_NAV, "socials": set()},
            "westmere-terms.html": {**_WESTMERE_NAV, "socials": set()},
            "westmere-privacy.html": {**_WESTMERE_NAV, "phones": set(), "postal_codes": {"BN7 2DG"}, "socials": set()},
        },
        "streets": {"westmere-privacy.html": {"4 Fisher Street"}},
        "must_not": {
            # the licensing authority's contact details in the terms
            "emails": {"licensing@lewes-eastbourne.gov.uk", "your@email.com"},
            "phones": {"+441273471600"},
            "postal_codes": {"BN7 1AB"},
            "socials": {"https://www.tripadvisor.co.uk"},
            "digits": {"1273471600"},
        },
        "notes": "index.html and westmere-about.html are ~0.5-0.8 MB (inline base64 images). The nav links "
        "westmere-coverage.html and westmere-fleet.html, which are not in the folder (404). The email domain "
        "(westmere.co.uk) differs from the site's. bookings@westmereprivatehire.co.uk appears only inside a "
        "script, never as page text, and is not expected.",
    },
    "mahesh-bandi-ca": {
        "language": "en",
        "roles": {
            "home": "/",
            "team": "/our-team.html",
            "contact": "/contact-us.html",
            "services": "/services/corporate-finance.html",
        },
        "file_roles": {
            "index.html": "home",
            "our-team.html": "team",
            "contact-us.html": "contact",
            **{
                f"services/{name}.html": "services"
                for name in (
                    "accounting-services", "audit", "benefits-of-outsourcing", "corporate-finance",
                    "corporate-governance", "corporate-services", "income-tax", "payroll", "service-tax",
                    "services-for-non-residents", "tds", "value-added-tax",
                )
            },
        },
        # no "about us" page: the team page introduces the firm (as the
        # corpus's labellers read every such site, docs/business.md)
        "covered_roles": {"about": "/our-team.html"},
        "crawled": [
            "index.html", "our-team.html", "contact-us.html", "services/corporate-finance.html",
            "services/services-for-non-residents.html",
        ],
        "profile": {
            "company_name": "Mahesh Bandi & Associates",
            "company_name_contains": "Mahesh Bandi",
            "emails": {"camahesh.audit@gmail.com"},
            "phones": {"+919390994094", "+919705046480"},
            "phone_types": {"+919390994094": "mobile", "+919705046480": "mobile"},
            "postal_codes": {"500039"},
            "localities": {"Hyderabad"},
            "streets": {"H. No. 2-7-77, 3rd Floor, Opp. Gandhi Statue, Bharat Nagar, Uppal"},
            "socials": set(),
            "logo": "/images/Company-logo.png",
        },
        "page_default": _MAHESH_PAGE,
        "pages": {},
        "streets": {},
        "must_not": {
            "emails": set(),
            # "Established 2021", the house number 2-7-77, "Income Tax Act, 1961"
            "digits": {"2021", "2777", "1961"},
            "postal_codes": set(),
        },
        "notes": "Indian address with a spaced PIN (500 039) and a state in brackets; phones written "
        "'(+91) 9390994094'. No services index page: the services are pages under /services/.",
    },
    "10f-design": {
        "language": "en",
        "roles": {"home": "/", "contact": "/contact-us"},
        "file_roles": {
            "index.html": "home",
            "contact-us.html": "contact",
            "managed-hosting.html": None,
            "portfolio.html": None,
            "404.html": None,
            "portfolio/tavernier-chocolates.html": None,
            "portfolio/the-grafton-inn.html": None,
            "portfolio/wolf-kahn-foundation.html": None,
        },
        "crawled": ["index.html", "contact-us.html"],
        "profile": {
            "company_name": "10F Design",
            "company_name_contains": "10F Design",
            "emails": {"chris@10fdesign.io"},
            "phones": {"+18023806847"},
            "phone_types": {"+18023806847": "phone"},
            "postal_codes": set(),
            "localities": {"Brattleboro"},
            "streets": {"186 Elliot Street"},
            "socials": set(),
            "logo": None,
        },
        "page_default": _TENF_PAGE,
        "pages": {},
        "streets": {},
        "must_not": {
            "emails": set(),
            # "$99/mo", "Wolf Kahn (1927-2020)", "Founded in 1801", "42 rooms"
            "digits": {"19272020", "1801"},
            "postal_codes": set(),
        },
        "notes": "Jekyll output: links are extensionless (/contact-us, /portfolio, /managed-hosting) while the "
        "files are contact-us.html etc., so a loopback server must serve /NAME as NAME.html. og:url points at "
        "localhost:4000. The logo is an inline SVG (no image URL).",
    },
    "ltb-avocat": {
        "language": "fr",
        "roles": {
            "home": "/",
            "about": "/apropos.html",
            "contact": "/contact.html",
            "services": "/expertises.html",
            "legal": "/mentions-legales.html",
        },
        "file_roles": {
            "index.html": "home",
            "apropos.html": "about",
            "contact.html": "contact",
            "expertises.html": "services",
            "mentions-legales.html": "legal",
        },
        # its legal notice has a "Données personnelles" section: the site's privacy statement
        "covered_roles": {"privacy": "/mentions-legales.html"},
        "crawled": ["index.html", "apropos.html", "contact.html", "expertises.html", "mentions-legales.html"],
        "profile": {
            # The legal notice names the lawyer (a person); the practice
            # calls itself LTB Avocat in its title and logo.
            "company_name": "LTB Avocat",
            "company_name_contains": "LTB Avocat",
            "emails": {"contact@ltb-avocat.fr"},
            "phones": {"+33637381555"},
            "phone_types": {"+33637381555": "mobile"},
            "postal_codes": {"92400"},
            "localities": {"Courbevoie"},
            "streets": {"6 avenue d’Alsace"},
            "socials": set(),
            "logo": None,
        },
        "page_default": _LTB_PAGE,
        "pages": {},
        "streets": {},
        "must_not": {
            # the host (Netlify) named in the legal notice
            "emails": set(),
            "postal_codes": {"94107"},
            "localities": {"San Francisco"},
            "digits": set(),
        },
        "notes": "Legal notice lists the host 'Netlify, Inc. (2325 3rd Street, Suite 296, San Francisco, CA 94107)' "
        "under 'Hébergeur'. SIREN and VAT are left as '<à compléter>'.",
    },
    "20squares": {
        "language": "en",
        "roles": {"home": "/", "legal": "/impressum.html"},
        "file_roles": {
            "index.html": "home",
            "impressum.html": "legal",
            "TermsAndConditions.html": "terms",
            "EthCC6.html": None,
            "EthCCQPLRoundtable.html": None,
            "404.html": None,
        },
        "crawled": ["index.html", "impressum.html"],
        "profile": {
            "company_name": "20squares UG (haftungsbeschraenkt)",
            "company_name_contains": "20squares",
            "emails": {"info@20squares.xyz"},
            "phones": set(),
            "phone_types": {},
            "postal_codes": {"68163"},
            "localities": {"Mannheim"},
            "streets": {"Julius-Hatry-Straße 1"},
            "socials": {"https://github.com/20squares"},
            "logo": "/img/logowhite.svg",
            "vat_id": "DE362667647",
        },
        "page_default": _NOTHING,
        "pages": {
            "index.html": {**_NOTHING, "socials": {"https://github.com/20squares"}},
            "impressum.html": {**_NOTHING, "emails": {"info@20squares.xyz"}, "postal_codes": {"68163"}},
            # "info[at]20squares[dot]xyz", "legal[at]20squares[dot]xyz" and the
            # registered office written "Julius-Hatry-Straße, 1 - 68163 Mannheim"
            "TermsAndConditions.html": {
                **_NOTHING, "emails": {"info@20squares.xyz", "legal@20squares.xyz"}, "postal_codes": {"68163"},
            },
        },
        "streets": {"impressum.html": {"Julius-Hatry-Straße 1"}, "TermsAndConditions.html": {"Julius-Hatry-Straße 1"}},
        "must_not": {
            # "Use name@... to directly contact someone", partial addresses
            "emails": {"name@20squares.xyz"},
            # HRB 746284, VAT DE362667647, talk times "Jul 17th 12:05 - 12:40"
            "digits": {"746284", "362667647"},
            "postal_codes": set(),
            # other people's GitHub organisations and repositories linked from the body
            "socials": {"https://github.com/the-qsig-commission", "https://github.com/mev-protocol", "https://github.com/flashbots"},
        },
        "notes": "TermsAndConditions.html is not linked from any page (a link-following crawl does not reach "
        "it). The home page gives no full email address ('...@20squares.xyz'). The title is the logotype '20[ ]'.",
    },
}


def site_files(site: str) -> list[str]:
    """Every HTML file of a real site, relative to its folder."""
    folder = REALSITES / site
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html"))


def page_expectation(site: str, file: str) -> dict:
    entry = EXPECTED[site]
    return entry["pages"].get(file, entry["page_default"])


__all__ = ["EXPECTED", "FIXTURE_EXPECTED", "REALSITES", "page_expectation", "site_files"]
