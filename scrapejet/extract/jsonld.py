"""JSON-LD and microdata the way business sites actually publish them.

A small reader rather than extruct: it needs nothing beyond lxml and json,
so a worker does not pay extruct's rdflib/html5lib imports, and it tolerates
what site builders emit (HTML comments and CDATA around the JSON, trailing
commas, a second object glued after the first, raw newlines in strings)."""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

import lxml.etree
from lxml.html import HtmlElement

_SCRIPTS = lxml.etree.XPath("//script[@type]")
_COMMENT_WRAP = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
# a // comment on a line of its own or after a value, not the // of a URL
_LINE_COMMENT = re.compile(r"(?m)(?:^|(?<=[,{\[\s]))//[^\n]*$")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)

# schema.org types that are an organisation. LocalBusiness alone has
# hundreds of subtypes (Plumber, Dentist, HairSalon...); those not listed
# here are still recognised by their suffix or their business properties.
_ORG_TYPES = frozenset(
    """Organization Corporation LocalBusiness NGO OnlineBusiness OnlineStore EducationalOrganization
    GovernmentOrganization MedicalOrganization SportsOrganization PerformingGroup NewsMediaOrganization
    ProfessionalService LegalService Attorney Notary AccountingService FinancialService Dentist Physician
    Restaurant FoodEstablishment CafeOrCoffeeShop Bakery BarOrPub Store AutoRepair AutomotiveBusiness
    HomeAndConstructionBusiness Plumber Electrician HVACBusiness RoofingContractor GeneralContractor
    Locksmith HousePainter MovingCompany CleaningService DryCleaningOrLaundry HealthAndBeautyBusiness
    HairSalon BeautySalon DaySpa NailSalon LodgingBusiness Hotel Motel BedAndBreakfast Hostel
    TravelAgency RealEstateAgent InsuranceAgency EmploymentAgency Library ChildCare Optician Pharmacy
    MedicalClinic MedicalBusiness Veterinary VeterinaryCare TaxiService EntertainmentBusiness
    SportsActivityLocation ExerciseGym Winery Brewery Distillery Florist ShoppingCenter Airline
    Consortium FundingScheme Project ResearchOrganization WorkersUnion Cooperative""".split()
)
_ORG_SUFFIXES = ("Business", "Organization", "Store", "Shop", "Restaurant", "Agency", "Clinic", "Contractor", "Service")
_NOT_ORG_TYPES = frozenset(
    """WebSite WebPage AboutPage ContactPage CollectionPage ItemPage FAQPage SearchResultsPage Person
    Product ProductGroup Offer AggregateOffer Event Article BlogPosting NewsArticle TechArticle Blog
    CreativeWork BreadcrumbList ListItem ItemList ImageObject VideoObject MediaObject Question Answer
    Review AggregateRating Rating SearchAction ReadAction Action PostalAddress GeoCoordinates ContactPoint
    OpeningHoursSpecification Place City Country State Brand Service Thing HowTo Recipe Course JobPosting
    SiteNavigationElement WPHeader WPFooter PropertyValue MonetaryAmount""".split()
)
_BUSINESS_KEYS = ("address", "telephone", "openingHours", "openingHoursSpecification", "geo", "priceRange", "email", "logo")


def read_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD node of the page, @graph members flattened out."""
    nodes: list[dict[str, Any]] = []
    for script in _SCRIPTS(tree):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        data = loads_lenient(script.text or "")
        if data is not None:
            nodes.extend(_flatten(data))
    return nodes


def loads_lenient(text: str) -> Any:
    text = _COMMENT_WRAP.sub("", text.strip()).strip()
    if not text:
        return None
    decoder = json.JSONDecoder(strict=False)
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", _BLOCK_COMMENT.sub("", _LINE_COMMENT.sub("", text)))):
        start = min((i for i in (candidate.find("{"), candidate.find("[")) if i >= 0), default=-1)
        if start < 0:
            return None
        try:
            # raw_decode stops after the first complete value, so text glued
            # after it (a second object, a stray "</script>") does no harm.
            return decoder.raw_decode(candidate, start)[0]
        except ValueError:
            continue
    return None


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten(graph, depth + 1)
            if "@type" in data:
                yield data
        else:
            yield data


def types_of(node: dict[str, Any]) -> list[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    # "schema:Dentist" and "http://schema.org/Dentist" are Dentist too.
    return [v.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if isinstance(v, str)]


def is_organisation(node: dict[str, Any]) -> bool:
    types = types_of(node)
    if any(t in _ORG_TYPES or t.endswith(_ORG_SUFFIXES) for t in types):
        return True
    if not types or any(t in _NOT_ORG_TYPES for t in types):
        return False
    return any(key in node for key in _BUSINESS_KEYS)


def organisations(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Organisation nodes: top-level ones first, then those nested in other
    nodes (a WebPage's publisher, a WebSite's creator), each once."""
    found: list[dict[str, Any]] = [node for node in nodes if is_organisation(node)]
    seen = {id(node) for node in found}
    for node in nodes:
        for nested in _nested_dicts(node, 0):
            if id(nested) not in seen and is_organisation(nested):
                seen.add(id(nested))
                found.append(nested)
    # A page often repeats its organisation by reference ({"@id": ...}) only;
    # a node with nothing but an @id and a type says nothing new.
    return [node for node in found if len(set(node) - {"@id", "@type", "@context"}) > 0]


def _nested_dicts(node: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for value in values:
        if isinstance(value, dict):
            yield value
            yield from _nested_dicts(value, depth + 1)
        elif isinstance(value, list):
            yield from _nested_dicts(value, depth + 1)


def text_value(value: Any) -> str | None:
    """A schema.org text property, which may be a string, a list, a number or
    a {"@value": ...} / {"name": ...} object."""
    if isinstance(value, list):
        for item in value:
            text = text_value(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return text_value(value.get("@value") or value.get("name") or value.get("url") or value.get("@id"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    return None


def text_values(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [text for text in (text_value(item) for item in items) if text]


# --- microdata / RDFa -------------------------------------------------------

_ITEMPROPS = lxml.etree.XPath("//*[@itemprop or @property]")


def item_properties(tree: HtmlElement) -> list[tuple[str, str, HtmlElement]]:
    """(property name, value, element) for microdata itemprop and RDFa
    property attributes, with schema.org prefixes dropped."""
    found: list[tuple[str, str, HtmlElement]] = []
    for element in _ITEMPROPS(tree):
        names = element.get("itemprop") or element.get("property") or ""
        value = _property_value(element)
        if value is None:
            continue
        for name in names.split():
            # og:/twitter: meta properties are RDFa too, but not schema.org.
            if ":" in name and not name.startswith(("schema:", "http://schema.org/", "https://schema.org/")):
                continue
            name = name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            if name:
                found.append((name, value, element))
    return found


def _property_value(element: HtmlElement) -> str | None:
    tag = element.tag
    for attribute in ("content", "datetime") if tag not in ("a", "link", "img") else ():
        value = element.get(attribute)
        if value is not None:
            return " ".join(value.split()) or None
    if tag in ("a", "link"):
        return element.get("href")
    if tag in ("img", "source"):
        return element.get("src")
    if tag == "meta":
        return element.get("content")
    text = " ".join(element.text_content().split())
    return text or None
