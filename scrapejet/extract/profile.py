"""One company profile from the contact extracts of a site's business pages.

Every email, phone, address and social profile keeps the pages it was found
on (``found_on``: url and role); the same value written differently on
several pages is merged. What most pages agree on comes first, and among
equals what the contact page and the legal notice say before the rest."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

from scrapejet.extract.addresses import is_placeholder_street, is_po_box, is_template_street, merge_two, same_address
from scrapejet.extract.company import looks_like_brand
from scrapejet.extract.emails import SOURCE_RANK as EMAIL_SOURCE_RANK
from scrapejet.extract.phones import SOURCE_RANK as PHONE_SOURCE_RANK
from scrapejet.extract.phones import line_type, region_of_tel_links
from scrapejet.extract.places import country_named, town_named
from scrapejet.extract.roles import OTHER_PAGE, is_location_page
from scrapejet.extract.socials import SOURCE_RANK as SOCIAL_SOURCE_RANK
from scrapejet.extract.textlines import fold
from scrapejet.urls import registered_domain

# Where a business states its own details most carefully, first.
ROLE_PRIORITY = ("contact", "legal", "home", "about", "team", "services", "privacy", "terms", "cookies", "careers")
_RANK = {role: index for index, role in enumerate(ROLE_PRIORITY)}
_NO_ROLE = len(ROLE_PRIORITY)
_POLICY_ROLES = frozenset({"privacy", "cookies", "terms"})
# Kinds of phone in the order one of them names a number found as several.
_PHONE_KINDS = ("landline", "mobile", "phone", "fax", "whatsapp")
_TRANSPORT_LIST = 3
# The page that plays a role on a site with no page of its own for it: a
# small business with no "about us" introduces itself on its team page
# ("Unser Team", "L'équipe"), and its cookie policy is then the only
# statement it makes about personal data.
_STAND_INS = (("about", "team"), ("privacy", "cookies"))
# A page no role claimed (OTHER_PAGE, the spider's menu pages: "Rooms", "Our
# agents", "Partners") that alone gives this many values of a kind lists
# others': the estate agent's listings, the village's restaurants, the partners.
_LISTED = 3


def merge_profile(pages: list[dict[str, Any]], *, job_id: str, site: str) -> dict[str, Any]:
    """A BusinessProfileItem's fields from pages of
    ``{"url", "page_type", "contacts": extract_contacts(...)}``."""
    pages = [p for p in pages if isinstance(p, dict) and isinstance(p.get("contacts"), dict)]
    emails = _Collector()
    phones = _Collector()
    socials = _Collector()
    addresses: list[dict[str, Any]] = []
    role_pages: dict[str, str] = {}

    for order, page in enumerate(pages):
        url, role, contacts = page.get("url"), page.get("page_type"), page["contacts"]
        where = {"url": url, "role": role}
        if role and role != OTHER_PAGE and role not in role_pages and url:
            role_pages[role] = url
        for entry in _entries(contacts, "emails", "email"):
            email = entry["email"].lower()
            emails.add(email, {**entry, "email": email}, where, order, EMAIL_SOURCE_RANK.get(entry.get("source"), 9))
        for entry in _entries(contacts, "phones", "e164"):
            phones.add(entry["e164"], entry, where, order, PHONE_SOURCE_RANK.get(entry.get("source"), 9))
        for entry in _entries(contacts, "socials", "url"):
            socials.add(entry["url"], entry, where, order, SOCIAL_SOURCE_RANK.get(entry.get("source"), 0))
        for entry in _entries(contacts, "addresses", None):
            _add_address(addresses, entry, where, order)

    # a privacy statement inside the legal notice, on a site with none apart
    for page in pages:
        for role in page["contacts"].get("covers") or ():
            if page.get("url"):
                role_pages.setdefault(role, page["url"])
    for role, stand_in in _STAND_INS:
        if stand_in in role_pages:
            role_pages.setdefault(role, role_pages[stand_in])
    # "Anfahrt" is the contact page only when there is no "Kontakt": the
    # one found deeper (a guessed path, a link on another page) wins
    if is_location_page(role_pages.get("contact") or ""):
        real = [p["url"] for p in pages if p.get("page_type") == "contact" and p.get("url")
                and not is_location_page(p["url"])]
        if real:
            role_pages["contact"] = real[0]

    # A "how to get here" page may list the ferry, taxi and bus companies'
    # numbers: several numbers found only there are theirs when the site
    # gives its own elsewhere. One or two are the business's own line (a
    # "Location & hours" or "Standort" page is often its contact page).
    # E-mail addresses there are nearly always its own.
    phones.drop_lists_on(is_location_page, at_least=_TRANSPORT_LIST)
    others = {p["url"] for p in pages if p.get("page_type") == OTHER_PAGE and p.get("url")}
    for collector in (emails, phones):
        collector.drop_page_lists(others, at_least=_LISTED)
    addresses = _without_page_lists(addresses, others)
    socials.drop_second_accounts(others)
    socials.drop_declared_twins()
    _drop_accented_twins(emails)
    _drop_misplaced_plus(phones)
    _join_national_readings(phones)

    company_name, name_from = _company_name(pages)
    description, description_from = _description(pages)
    logo, logo_from = _first_company_value(pages, "logo", "logo_source", ("home",))
    # the legal notice states them for the law's sake; a footer repeats them
    vat, vat_from = _first_company_value(pages, "vat_id", None, _IDENTIFIER_PAGES)
    register, register_from = _first_company_value(pages, "registration", None, _IDENTIFIER_PAGES)
    provenance = {
        key: value
        for key, value in (("company_name", name_from), ("description", description_from), ("logo", logo_from),
                           ("vat_id", vat_from), ("registration", register_from))
        if value
    }
    # pages fetched again in Chromium (render_js=auto), and why
    rendered = {p["url"]: p["contacts"]["rendered"] for p in pages
                if p.get("url") and isinstance(p["contacts"].get("rendered"), str)}
    if rendered:
        provenance["rendered"] = rendered
    return {
        "job_id": job_id,
        "site": site,
        "company_name": company_name,
        "description": description,
        "logo": logo,
        "emails": emails.result(),
        "phones": phones.result(_phone_kinds),
        # (a PO box after the premises: where the post goes, not where the business is)
        "addresses": _addresses(addresses, pages, site, phones.result(_phone_kinds)),
        "socials": socials.result(),
        "opening_hours": _first_list(pages, "opening_hours"),
        "geo": _first_company_value(pages, "geo", None, ("home", "contact"))[0],
        "vat_id": vat,
        "registration": register,
        "pages": role_pages,
        "schema_org": _schema_org(pages),
        "provenance": provenance,
        "created_at": time.time(),
    }


def _entries(contacts: dict[str, Any], kind: str, key: str | None) -> list[dict[str, Any]]:
    # contacts may come back from storage as JSON: keep only well-formed values
    values = contacts.get(kind)
    return [v for v in values if isinstance(v, dict) and (key is None or v.get(key))] if isinstance(values, list) else []


def _drop_accented_twins(emails: "_Collector") -> None:
    """An address whose domain differs from another one's only by accents
    ("sonia@osteopatíacarcereny.com" in a translated privacy notice beside
    "sonia@osteopatiacarcereny.com"): a translator's spelling of the same
    address, the plain one being the domain the site is on."""
    plain = {fold(key): key for key in emails.entries if key.isascii()}
    for key in [k for k in emails.entries if not k.isascii()]:
        if plain.get(fold(key), key) != key:
            del emails.entries[key]


def _drop_misplaced_plus(phones: "_Collector") -> None:
    """A number that is another one's national digits behind a "+" ("tel:
    +5142770232" in every footer, "(514) 277-0232" on the contact page): a
    link written without its country code, not a number of another country."""
    import phonenumbers

    national = set()
    for key in phones.entries:
        try:
            national.add(str(phonenumbers.parse(key, None).national_number))
        except phonenumbers.NumberParseException:
            continue
    for key in [k for k in phones.entries if k[1:] in national]:
        del phones.entries[key]


def _join_national_readings(phones: "_Collector") -> None:
    """A number written nationally on one page ("0650/4004663", read as
    German beside a live.de address) that another page writes with its
    country code ("+43 650 4004663"): one number, the written country code's."""
    import phonenumbers

    international: dict[str, str] = {}
    for key, entry in phones.entries.items():
        written = (entry.get("as_written") or "").lstrip()
        if written.startswith(("+", "00")):
            try:
                international.setdefault(str(phonenumbers.parse(key, None).national_number), key)
            except phonenumbers.NumberParseException:
                continue
    for key in list(phones.entries):
        entry = phones.entries[key]
        if (entry.get("as_written") or "").lstrip().startswith(("+", "00")):
            continue
        try:
            same = international.get(str(phonenumbers.parse(key, None).national_number))
        except phonenumbers.NumberParseException:
            continue
        if same is None or same == key:
            continue
        kept = phones.entries[same]
        for where in entry["found_on"]:
            if where not in kept["found_on"]:
                kept["found_on"].append(where)
        kept["_first"] = min(kept["_first"], entry["_first"])
        del phones.entries[key]


class _Collector:
    """Values keyed by identity, each with the pages that gave it."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}

    def add(self, key: str, entry: dict[str, Any], where: dict[str, Any], order: int, source_rank: int) -> None:
        current = self.entries.get(key)
        if current is None:
            current = self.entries[key] = {**entry, "found_on": [], "_first": order, "_source": source_rank, "_kinds": []}
        elif source_rank < current["_source"]:
            # the best source's spelling and source win; what was found stays
            kept = {k: current[k] for k in ("found_on", "_first", "_kinds", "_kind_rank") if k in current}
            current.clear()
            current.update(entry, **kept, _source=source_rank)
        if "type" in entry:
            if entry["type"] not in current["_kinds"]:
                current["_kinds"].append(entry["type"])
            rank = _RANK.get(where.get("role"), _NO_ROLE)
            ranks = current.setdefault("_kind_rank", {})
            ranks[entry["type"]] = min(rank, ranks.get(entry["type"], rank))
        if where not in current["found_on"]:
            current["found_on"].append(dict(where))

    def drop_declared_twins(self) -> None:
        """A profile only the structured data names (a ``sameAs``) on a network where
        the pages link to another account of the business: out of date (an
        earlier account, another branch's), the links are what visitors follow."""
        linked = {entry.get("network") for entry in self.entries.values()
                  if entry["_source"] == SOCIAL_SOURCE_RANK["link"]}
        for key in [key for key, entry in self.entries.items()
                    if entry["_source"] == SOCIAL_SOURCE_RANK["json-ld"] and entry.get("network") in linked]:
            del self.entries[key]

    def drop_lists_on(self, only_there: Callable[[str], bool], at_least: int) -> None:
        """Drop the values found only on pages ``only_there`` picks when they
        are a list (``at_least`` of them) and some value was found elsewhere."""
        def there(entry: dict[str, Any]) -> bool:
            return all(f.get("url") and only_there(f["url"]) for f in entry["found_on"])

        listed = [key for key, entry in self.entries.items() if there(entry)]
        if len(listed) >= at_least and len(listed) < len(self.entries):
            for key in listed:
                del self.entries[key]

    def drop_page_lists(self, urls: set[str], at_least: int) -> None:
        """Drop the values that one of the pages ``urls`` alone gives when it
        gives ``at_least`` of them: a list of others' (see ``_LISTED``)."""
        for url, keys in _found_only_on(self.entries.items(), urls).items():
            if len(keys) >= at_least:
                for key in keys:
                    del self.entries[key]

    def drop_second_accounts(self, urls: set[str]) -> None:
        """A profile found only on pages ``urls`` on a network where another
        page gave the business's own: a person's or a partner's account."""
        elsewhere = {entry.get("network") for entry in self.entries.values()
                     if any(f.get("url") not in urls for f in entry["found_on"])}
        for keys in _found_only_on(self.entries.items(), urls).values():
            for key in keys:
                if self.entries[key].get("network") in elsewhere:
                    del self.entries[key]

    def result(self, finish: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        ranked = sorted(self.entries.values(), key=_ranking)
        return [_without_order(finish(entry) if finish else entry) for entry in ranked]


def _found_only_on(entries: Iterable[tuple[Any, dict[str, Any]]], urls: set[str]) -> dict[str, list[Any]]:
    """Per page of ``urls``, the keys of the entries found on it alone."""
    only: dict[str, list[Any]] = {}
    for key, entry in entries:
        found = {f.get("url") for f in entry["found_on"]}
        if len(found) == 1 and (url := next(iter(found))) in urls:
            only.setdefault(url, []).append(key)
    return only


def _without_page_lists(addresses: list[dict[str, Any]], urls: set[str]) -> list[dict[str, Any]]:
    listed = _found_only_on(enumerate(addresses), urls)
    dropped = {index for indexes in listed.values() if len(indexes) >= _LISTED for index in indexes}
    return [address for index, address in enumerate(addresses) if index not in dropped]


def _ranking(entry: dict[str, Any]) -> tuple[int, int, int]:
    pages = {f["url"] for f in entry["found_on"]}
    best_role = min((_RANK.get(f["role"], _NO_ROLE) for f in entry["found_on"]), default=_NO_ROLE)
    return (-len(pages), best_role, entry["_first"])


def _without_order(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if not k.startswith("_")}


def _phone_kinds(entry: dict[str, Any]) -> dict[str, Any]:
    # One number may be the office line and the WhatsApp contact: it is
    # listed once, named by what it is first, with every kind it serves.
    # A number seen only as a wa.me link is still a line of some type (a
    # mobile, nearly always): ``type`` says which, ``types`` adds WhatsApp.
    seen = entry.get("_kinds") or []
    kinds = [kind for kind in _PHONE_KINDS if kind in seen or kind == entry.get("type")]
    ranks = entry.get("_kind_rank") or {}
    voice = [kind for kind in kinds if kind in ("landline", "mobile", "phone")]
    if "fax" in kinds and voice and ranks.get("fax", _NO_ROLE) < min(ranks.get(k, _NO_ROLE) for k in voice):
        # a fax on the contact page, "fon" beside a staff name on the team
        # page: the page where the business states its numbers decides
        kinds.remove("fax")
        kinds.insert(0, "fax")
    if kinds == ["whatsapp"]:
        kinds.insert(0, line_type(entry["e164"]))
    if "whatsapp" in kinds and kinds[0] == "phone" and "mobile" not in kinds and "landline" not in kinds:
        # a number whose plan cannot tell (Mexico, the US) that is the
        # WhatsApp line: a mobile, as WhatsApp lines nearly always are
        kinds[0] = "mobile"
    entry = dict(entry)
    if kinds:
        entry["type"] = kinds[0]
        entry["types"] = kinds
    return entry


def _own_addresses(addresses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # A policy names the processors it uses (the web host, an analytics
    # vendor abroad) with their postal addresses: an address that only
    # policy pages give, in another country than the company's other pages
    # give, is not the company's. (One in the same country may be its
    # registered office: kept.)
    elsewhere = [a for a in addresses if any(f["role"] not in _POLICY_ROLES for f in a["found_on"])]
    if not elsewhere:
        return addresses
    countries = {a.get("country") for a in elsewhere} - {None}
    return [a for a in addresses if a in elsewhere or (a.get("country") in countries)]


def _addresses(
    addresses: list[dict[str, Any]], pages: list[dict[str, Any]], site: str, phones: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    own = _seat_alone(_without_template_streets(_own_addresses(addresses)))
    if not own:
        # no address at all: the town the pages name where a place stands
        # ("a Torino e provincia", "Haras d'Azur à Tarascon" in every title)
        brand = fold((registered_domain(urlsplit(site).hostname or site) or "").split(".")[0]).replace("-", "")
        # (the towns a menu page names are its subject's: a region's sights)
        named = town_named([p for p in pages if p.get("page_type") != OTHER_PAGE], _site_country(pages, phones), brand)
        return [named] if named else []
    # (a PO box after the premises: where the post goes, not where the business is)
    return [_without_order(a) for a in sorted(own, key=lambda a: (is_po_box(a.get("street")), _ranking(a)))]


def _without_template_streets(addresses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # "123 Dental Street, Nairobi" on the service pages a template left
    # unfinished, beside the address the home and contact pages give: a
    # counting run for a house number is only a sample when the site gives
    # another street. (Alone, it may be real: 123 High Street exists.)
    # A street named as a sample ("123 Example Street" in a template's JSON-LD)
    # is no street anywhere: its town may be real, its street and postcode not.
    addresses = [a if not is_placeholder_street(a.get("street")) else _town_only(a)
                 for a in addresses if a.get("locality") or not is_placeholder_street(a.get("street"))]
    real = [a for a in addresses if not is_template_street(a.get("street"))]
    return real if any(a.get("street") for a in real) else addresses


def _town_only(address: dict[str, Any]) -> dict[str, Any]:
    return {**address, "street": None, "postal_code": None,
            "as_written": ", ".join(filter(None, (address.get("locality"), address.get("region"))))}


def _site_country(pages: list[dict[str, Any]], phones: list[dict[str, Any]]) -> str | None:
    """The country most of the site's pages are of (their numbers' country
    codes, domain, language: ``contacts.infer_region``), else its first
    number's (a .com in English whose numbers were read as American)."""
    regions = Counter(p["contacts"].get("region") for p in pages if p["contacts"].get("region"))
    if regions:
        return regions.most_common(1)[0][0]
    # ...else the country the towns its pages name point to
    return region_of_tel_links(f"tel:{p['e164']}" for p in phones) or country_named(
        mention for p in pages for mention in p["contacts"].get("places") or ())


def _seat_alone(addresses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A town alone (a registered seat, "gevestigd in Helmond"; "Dundalk,
    Co. Louth" in a footer) is the address of a site that publishes no
    other; beside an address with a street or a postcode it adds nothing.
    Of towns alone, the seat a legal text names comes after the others."""
    placed = [a for a in addresses if a.get("postal_code") or (a.get("street") and a.get("source") != "prose")]
    if placed:
        return placed  # (a sentence's "at 4801 Burnet Road in Austin" too adds nothing to them)
    return ([a for a in addresses if a.get("source") != "seat"] or addresses)[:1]


def _add_address(addresses: list[dict[str, Any]], entry: dict[str, Any], where: dict[str, Any], order: int) -> None:
    for index, known in enumerate(addresses):
        if same_address(known, entry):
            merged = merge_two(known, entry)
            merged["found_on"] = known["found_on"] + ([dict(where)] if where not in known["found_on"] else [])
            merged["_first"] = known["_first"]
            addresses[index] = merged
            return
    addresses.append({**entry, "found_on": [dict(where)], "_first": order})


# --- company facts ------------------------------------------------------------


def _by_role(pages: list[dict[str, Any]], first: tuple[str, ...]) -> list[dict[str, Any]]:
    def key(item: tuple[int, dict[str, Any]]) -> tuple[int, int]:
        order, page = item
        role = page.get("page_type")
        return (0 if role in first else 1, order)

    return [page for _, page in sorted(enumerate(pages), key=key)]


_IDENTIFIER_PAGES = ("legal", "terms", "privacy", "contact", "home", "about")


def _company(page: dict[str, Any]) -> dict[str, Any]:
    company = page["contacts"].get("company")
    return company if isinstance(company, dict) else {}


def _where(page: dict[str, Any], source: str | None) -> dict[str, Any]:
    return {"url": page.get("url"), "role": page.get("page_type"), "source": source}


def _company_name(pages: list[dict[str, Any]]) -> tuple[str | None, dict[str, Any] | None]:
    """JSON-LD, then the legal notice (when it names the business rather
    than its owner), then og:site_name, then what most titles say."""
    ordered = _by_role(pages, ("home", "legal", "contact", "about"))
    candidates = [(page, _company(page).get("name_candidates") or {}) for page in ordered]
    brand_names = [c[s] for _, c in candidates for s in ("og:site_name", "logo") if c.get(s)]
    title_name, title_page = _majority(candidates, "title")
    if title_name:
        brand_names.append(title_name)

    for source in ("json-ld", "json-ld-legal"):
        for page, names in candidates:
            if names.get(source):
                return names[source], _where(page, source)
    for page, names in candidates:
        if names.get("legal-notice") and looks_like_brand(names["legal-notice"], brand_names):
            return names["legal-notice"], _where(page, "legal-notice")
    for page, names in candidates:
        if names.get("og:site_name"):
            return names["og:site_name"], _where(page, "og:site_name")
    if title_name and title_page is not None:
        return title_name, _where(title_page, "title")
    for source in ("logo", "legal-form"):
        name, page = _majority(candidates, source)
        if name and page is not None:
            return name, _where(page, source)
    home_title = next(((page, names["title"]) for page, names in candidates if names.get("title")), None)
    if home_title:
        return home_title[1], _where(home_title[0], "title")
    for source in ("legal-form", "logo", "legal-notice"):
        for page, names in candidates:
            if names.get(source):
                return names[source], _where(page, source)
    return None, None


def _majority(
    candidates: list[tuple[dict[str, Any], dict[str, str]]], source: str
) -> tuple[str | None, dict[str, Any] | None]:
    """The value of a name source that at least two pages agree on."""
    counts = Counter(names[source] for _, names in candidates if names.get(source))
    if not counts:
        return None, None
    value, count = counts.most_common(1)[0]
    if count < 2:
        return None, None
    return value, next(page for page, names in candidates if names.get(source) == value)


def _description(pages: list[dict[str, Any]]) -> tuple[str | None, dict[str, Any] | None]:
    ranking = (
        ("json-ld", ("home", "about")),
        ("meta", ("home",)), ("og:description", ("home",)),
        ("meta", ("about",)), ("og:description", ("about",)),
        ("paragraph", ("about",)), ("paragraph", ("home",)),
        ("meta", ()), ("og:description", ()),
    )
    for source, roles in ranking:
        for page in _by_role(pages, roles):
            company = _company(page)
            if company.get("description") and company.get("description_source") == source:
                if roles and page.get("page_type") not in roles:
                    continue
                return company["description"], _where(page, source)
    return None, None


def _first_company_value(
    pages: list[dict[str, Any]], field: str, source_field: str | None, first: tuple[str, ...]
) -> tuple[Any, dict[str, Any] | None]:
    ordered = _by_role(pages, first)
    if source_field:
        # a logo named by JSON-LD anywhere beats a header image
        for page in ordered:
            company = _company(page)
            if company.get(field) and company.get(source_field) == "json-ld":
                return company[field], _where(page, "json-ld")
    for page in ordered:
        company = _company(page)
        if company.get(field):
            return company[field], _where(page, company.get(source_field) if source_field else None)
    return None, None


def _first_list(pages: list[dict[str, Any]], field: str) -> list[Any]:
    for page in _by_role(pages, ("home", "contact", "about")):
        value = _company(page).get(field)
        if value:
            return list(value)
    return []


def _schema_org(pages: list[dict[str, Any]]) -> dict[str, Any]:
    for page in _by_role(pages, ("home", "contact", "about", "legal")):
        value = page["contacts"].get("schema_org")
        if value:
            return value
    return {}

