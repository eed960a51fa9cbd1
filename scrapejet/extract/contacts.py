"""What one page says about the company behind a site: name and facts,
emails, phones, postal addresses, social profiles and its schema.org
organisation, as plain JSON-serialisable data.

One lxml parse per page; each kind of value has its own module, all reading
the same list of visible lines (``textlines``) so that "this block belongs
to the web host" is decided once."""

from __future__ import annotations

import logging
from typing import Any

import lxml.etree
from lxml.html import HtmlElement

from scrapejet.extract.addresses import extract_addresses
from scrapejet.extract.company import brand_words, extract_company
from scrapejet.extract.emails import extract_emails
from scrapejet.extract.jsonld import organisations, read_json_ld, text_value
from scrapejet.extract.links import document_base_url, parse_html
from scrapejet.extract.phones import (
    country_code, extract_phones, infer_region, other_language_regions, region_of_tel_links, whatsapp_number,
    written_international,
)
from scrapejet.extract.places import COUNTRY_MARGIN, country_named, place_mentions
from scrapejet.extract.roles import OTHER_PAGE, covered_roles
from scrapejet.extract.socials import extract_socials
from scrapejet.extract.textlines import read_document
from scrapejet.urls import registered_domain

logger = logging.getLogger(__name__)

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANGUAGE_METAS = lxml.etree.XPath(
    "//meta[translate(@http-equiv, 'CONTELANGU', 'contelangu')='content-language' or @property='og:locale']/@content"
)
# "Powered by <vendor>" text marks the embedded block it sits in as the vendor's.
_POWERED_BY = lxml.etree.XPath(
    "//body//text()[contains(., 'owered by') or contains(., 'OWERED BY') or contains(., 'ereitgestellt von')]"
)
_WIDGET_CONTAINERS = frozenset({"div", "section", "aside", "form", "article"})
_WIDGET_MAX_CHARS = 800


def empty_contacts() -> dict[str, Any]:
    return {
        "company": {
            "name": None, "legal_name": None, "description": None, "logo": None, "opening_hours": [],
            "geo": None, "vat_id": None, "registration": None,
        },
        "emails": [],
        "phones": [],
        "addresses": [],
        "socials": [],
        "schema_org": {},
        "language": None,
        "region": None,
        "covers": [],
        "places": [],
    }


def read_business_page(
    html: bytes, url: str, *, role: str, encoding: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the business spider reads of one page: ``extract_page`` and
    ``extract_contacts``, in one call (one trip to the extraction pool)."""
    from scrapejet.extract.page import extract_page

    page = extract_page(html, url, encoding=encoding)
    # a page that declares no language (or a template's "en") is read in the one its text is in
    return page, extract_contacts(html, url, role=role, encoding=encoding, language=page.get("language"))


def extract_contacts(
    html: str | bytes, url: str, *, role: str | None = None, encoding: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """Contact profile of one page whose final URL is ``url``; ``role`` is
    the page's role when known (legal notices and contact pages are read a
    little more trustingly); ``language`` the page's language as
    ``extract_page`` tells it from the text, when the page declares none or
    a template's "en" over another language. Never raises:
    junk input gives an empty result."""
    try:
        tree = parse_html(html, encoding)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return empty_contacts()
    if tree is None:
        return empty_contacts()
    try:
        return _extract(tree, url, role, language)
    except RecursionError:
        return empty_contacts()
    except Exception:  # noqa: BLE001 - one odd page must not end a crawl callback
        logger.warning("contact extraction failed on %s", url, exc_info=True)
        return empty_contacts()


def _town_elsewhere(address: dict[str, Any], country: str | None, others: tuple[str, ...]) -> bool:
    """Whether the address's town is, by the gazetteer, a bigger place in
    another country of the page's language than in the one the language
    alone suggested ("Ciudad de México", "Medellín" on a Spanish .com page;
    not "Madrid", nor a town the gazetteer does not know)."""
    from scrapejet.extract.gazetteer import gazetteer

    places = gazetteer() if others and address.get("locality") else None
    if places is None:
        return False
    found = [(where, people) for where, people in places.countries(address["locality"]) if where in (country, *others)]
    here = next((people for where, people in found if where == country), 0)
    # (by as wide a margin as places.country_named asks: Valencia, Córdoba and
    # León are Spain's as much as Venezuela's, Argentina's and Mexico's)
    return bool(found) and found[0][0] != country and here * COUNTRY_MARGIN <= found[0][1]


def _extract(tree: HtmlElement, url: str, role: str | None, language: str | None = None) -> dict[str, Any]:
    base_url = document_base_url(tree, url)
    orgs = organisations(read_json_ld(tree))
    doc = read_document(tree, widget_roots=_powered_by_blocks(tree))
    # (the text's language after the declared ones: a template's lang="en" on a Romanian page)
    languages = page_languages(tree) + ([language] if language and language not in page_languages(tree) else [])

    emails = extract_emails(doc, tree, orgs, url)
    email_domains = [e["email"].rpartition("@")[2] for e in emails]
    tel_hrefs = [a.href for a in doc.anchors if a.href[:4].lower() == "tel:"]
    # a WhatsApp link's number is always international: its country code
    # tells the country of numbers written nationally ("(602)5240303")
    tel_hrefs += [f"tel:{n}" for n in filter(None, (whatsapp_number(a.href) for a in doc.anchors))]
    # and so does a number written with its country code ("+39 02 48714236 - 0323 569627")
    tel_hrefs += written_international(line.text for line in doc.lines)
    org_countries = [
        country_code(text_value(address.get("addressCountry")))
        for org in orgs
        for address in (org.get("address") if isinstance(org.get("address"), list) else [org.get("address")])
        if isinstance(address, dict)
    ]
    hint = infer_region(url, languages=languages, address_countries=org_countries, tel_hrefs=tel_hrefs, email_domains=email_domains)
    addresses = extract_addresses(doc, tree, orgs, country_hint=hint, role=role)
    # (an address whose country is the one the language alone suggested
    # says no more than the language: "Av. Insurgentes Sur 1602, 03940
    # Ciudad de México" on a Spanish .com page is read as Spain's first)
    by_language_only = infer_region(url, languages=languages, address_countries=org_countries, tel_hrefs=tel_hrefs,
                                    email_domains=email_domains, by_language=False) is None
    others = other_language_regions(languages) if by_language_only else ()
    signs = {"address_countries": org_countries + [a["country"] for a in addresses if len(a.get("country") or "") == 2
                                                   and not (a["country"] == hint and _town_elsewhere(a, hint, others))],
             "tel_hrefs": tel_hrefs, "email_domains": email_domains}
    region = infer_region(url, languages=languages, **signs)
    # a language the only sign of the country: a number may be of its other countries
    alternatives = () if infer_region(url, languages=languages, by_language=False, **signs) else other_language_regions(languages)
    places = place_mentions(doc, tree)
    named = country_named(places) if region is None else None
    if named and (not alternatives or named in alternatives):
        # no sign of the country but the towns the page names ("Painting
        # Services Sydney"): its national numbers are read there, of the
        # countries its language is written in too ("0421 900 066" is valid
        # in Australia, Ireland and South Africa alike)
        alternatives = (named,)
    phones = extract_phones(doc, region, orgs, alternatives)
    # every number valid only in another country of the page's language
    # ("(514) 305-1010" on a French page): the page is of that country, and
    # so is its address ("Pierrefonds (Québec) H9H 5L2")
    countries = {region_of_tel_links([f"tel:{phone['e164']}"]) for phone in phones}
    if not countries and alternatives and region not in alternatives:
        # no number read in the language's country, none in one other: the
        # town of the address says which ("Cra. 43A #1 Sur-100, Medellín"
        # beside "(604) 448 7190", valid in Colombia and Argentina alike)
        countries = {country_named([{"name": a["locality"], "cue": "address"} for a in addresses if a.get("locality")])}
    if len(countries) == 1 and (country := countries.pop()) in alternatives and country != region:
        region = country
        # (and its numbers that other countries' plans admit too: "0502749583"
        # beside an Egyptian mobile is Egyptian, though a Saudi mobile's shape)
        phones = extract_phones(doc, region, orgs, alternatives)
        addresses = extract_addresses(doc, tree, orgs, country_hint=region, role=role)
    company = extract_company(tree, doc, orgs, base_url, role=role)
    socials = extract_socials(doc, orgs, brand_words(company, url, [registered_domain(d) for d in email_domains]),
                              about_others=role == OTHER_PAGE)
    return {
        "company": company,
        "emails": emails,
        "phones": phones,
        "addresses": addresses,
        "socials": socials,
        "schema_org": orgs[0] if len(orgs) == 1 else {"@graph": orgs} if orgs else {},
        "language": languages[0] if languages else None,
        "region": region,
        "covers": covered_roles(doc, role),
        # (read against a gazetteer only by the profile, for a site that gives no address)
        "places": places,
    }


def page_languages(tree: HtmlElement) -> list[str]:
    """Language tags the page declares, most authoritative first."""
    tags = [tree.get("lang"), tree.get(_XML_LANG)]
    body = tree.find("body")
    if body is not None:
        tags.append(body.get("lang"))
    tags.extend(_LANGUAGE_METAS(tree))
    found: list[str] = []
    for tag in tags:
        tag = (tag or "").strip().split(",")[0].strip().replace("_", "-")
        if tag and len(tag) <= 35 and tag.lower() not in found:
            found.append(tag.lower())
    return found


def _powered_by_blocks(tree: HtmlElement) -> set[HtmlElement]:
    """The smallest container around each "powered by" line: an embedded
    widget whose contact details are its vendor's. A site footer saying
    "Powered by WordPress" is left alone: it also holds the company's own."""
    roots: set[HtmlElement] = set()
    for text in _POWERED_BY(tree):
        element = text.getparent()
        while element is not None and element.tag not in ("body", "html"):
            if element.tag in ("footer", "header"):
                break
            if element.tag in _WIDGET_CONTAINERS:
                if len(element.text_content()) <= _WIDGET_MAX_CHARS and not any(
                    a.tag in ("footer", "header") for a in element.iterancestors()
                ):
                    roots.add(element)
                break
            element = element.getparent()
    return roots
