"""Rural addresses of the Baltic states, named for a farm or homestead and
its village or parish instead of a street: "Kivi talu, Saia küla, 93725
Saaremaa" (Estonia), "Kļavkalni, Allažu pag., LV-2154" (Latvia), "Ąžuolų
sodyba, Kadikų k., LT-29108 Anykščių r." (Lithuania).

The street-anchored patterns of addresses.py want a house number, which
such an address has none of; what anchors it instead is a word that names
a farm, a village or a parish ("talu", "küla", "pag.", "k.") among its
comma-separated parts and the country's postcode after them. The farm (or
the part before the village or parish) is the street; the parish, or the
town after the postcode, the locality, as the country's post writes it."""

from __future__ import annotations

import re

from scrapejet.extract.textlines import Line, fold

_MAX_LINE = 160
_PARTS = re.compile(r"\s*[,;|·]\s*")
# (folded words: lower case, no accents; matched against a part's last word or two)
_FARM = re.compile(r"(?:^|\s)(?:talu|majas|sodyba|ukis)$")
_VILLAGE = re.compile(r"(?:^|\s)(?:kula|alevik|alevikk|k\.|kaimas|ciems|ciemats|vs\.|mstl\.)$")
_PARISH = re.compile(r"(?:^|\s)(?:vald|pag\.|pagasts|pagasta|nov\.|novads|sen\.|seniunija|r\. sav\.|r\.)$")
_POSTCODES = (
    ("LV", re.compile(r"^LV[-‑ ]?\s?(?P<pc>\d{4})(?:\s+(?P<town>[^\W\d_][^\d]{1,40}))?$")),
    ("LT", re.compile(r"^LT[-‑ ]?\s?(?P<pc>\d{5})(?:\s+(?P<town>[^\W\d_][^\d]{1,40}))?$")),
    ("EE", re.compile(r"^(?P<pc>\d{5})(?:\s+(?P<town>[^\W\d_][^\d]{1,40}))?$")),
)
_COUNTRY_NAMES = frozenset("eesti estonia latvija latvia lietuva lithuania".split())


def rural_addresses(lines: list[Line]) -> list[dict[str, str | None]]:
    found = []
    for line in lines:
        if line.third_party or len(line.text) > _MAX_LINE:
            continue
        text = line.text.split(":", 1)[-1] if ":" in line.text[:24] else line.text  # "Aadress: Kivi talu, …"
        parts = [p for p in _PARTS.split(text.strip(" .")) if p]
        if parts and fold(parts[-1]) in _COUNTRY_NAMES:
            parts.pop()
        address = _read(parts)
        if address:
            found.append({**address, "region": None, "as_written": line.text.strip()})
    return found


def _read(parts: list[str]) -> dict[str, str | None] | None:
    for at, part in enumerate(parts):
        for country, pattern in _POSTCODES:
            code = pattern.match(part)
            if code and at >= 1:
                return _before_postcode(parts[:at], country, code)
    return None


def _before_postcode(parts: list[str], country: str, code: re.Match[str]) -> dict[str, str | None] | None:
    kinds = ["farm" if _FARM.search(f) else "village" if _VILLAGE.search(f) else "parish" if _PARISH.search(f) else ""
             for f in map(fold, parts)]
    if not any(kinds) or (country == "EE" and not {"farm", "village"} & set(kinds)):
        return None  # (five digits alone: an Estonian postcode only beside its farm or village)
    first = next(i for i, kind in enumerate(kinds) if kind)
    # the farm is the first part of the street; with none, the name before the village or parish
    start = first if kinds[first] == "farm" else first - 1
    if start < 0:
        return None
    ends = [i for i, kind in enumerate(kinds) if kind in ("farm", "village")]
    end = ends[-1] if ends and ends[-1] >= start else start
    parishes = [parts[i] for i, kind in enumerate(kinds) if kind == "parish" and i > end]
    locality = parishes[0] if parishes else code.group("town")
    postcode = code.group("pc") if country == "EE" else f"{country}-{code.group('pc')}"
    return {"street": ", ".join(parts[start:end + 1]), "postal_code": postcode,
            "locality": locality.strip() if locality else None, "country": country}
