"""Postal addresses not anchored by a postcode, as much of the world writes
them: "гр. Пловдив, ул. „Лайпциг“ 19" (Bulgaria), "вул. Верстова, 33, Дніпро"
(Ukraine), "București, sector 4, str. Odei" (Romania), "Cl. 3d #66-15, Cali,
Valle del Cauca" (Colombia).

With no postcode to anchor them, such an address is a short line of comma-
separated parts, one of them opening with a street-type word (ул., str.,
Calle, Cra....), another a town. To keep prose out, the line must stand
where a site puts its own address (footer, ``<address>``, a contact or
legal page) or after an "Address:" label, and the street must carry a
house number unless a label or a town marker ("гр.", "м.") says what the
line is."""

from __future__ import annotations

import re

from scrapejet.extract.phones import country_code
from scrapejet.extract.textlines import ADDRESS, FOOTER, HEADER, INLINE_MARK, Line, fold

_MAX_LINE = 140
_MAX_PARTS = 5
# Street-type words a street part opens with (folded: lower case, no accents).
_STREET_TYPE = re.compile(
    r"^(?:ул|улица|бул|булевард|бульв|бульвар|вул|вулиця|пр-т|пр|просп|проспект|пл|площа|площад|площадь|пер|"
    r"переулок|провулок|шосе|шоссе|наб|набережна|набережная|"  # Cyrillic
    r"str|strada|bd|bdul|blvd|bulevardul|calea|sos|soseaua|aleea|piata|splaiul|intrarea|"  # Romanian
    r"c/|psg|pg|ctra|"  # Spanish and Catalan abbreviations: "C/ Sant Vicenç", "Psg. Verdaguer"
    r"cl|cll|calle|cra|kr|kra|carrera|av|avda|avenida|diagonal|dg|transversal|tv|autopista|carretera|calzada|"
    r"boulevard|paseo|circunvalar|jiron|jr|"  # Spanish of the Americas
    r"cad|caddesi|cd|sk|sok|sokak|sokagi|bulvari|"  # Turkish
    r"ul|rehov|רחוב|רח|שדרות|שד|"  # Polish, Hebrew (with its geresh)
    # Italian, Portuguese, Catalan: "Via Vittorio Emanuele II, 2 - Firenze (FI)"
    r"via|viale|v\.le|piazza|p\.zza|piazzale|corso|c\.so|largo|vicolo|contrada|borgo|lungomare|localita|loc|"
    r"frazione|fraz|rua|travessa|praca|estrada|alameda|carrer|passeig|placa|plaza|camino|ronda|"
    r"os|osiedle)(?:\.|\s|'|׳)"  # a Polish housing estate: "os. Pod Lipami 13/82"
)
# The words English street names end in ("1 Molyneaux Road"), shared with
# the postcode-anchored patterns of addresses.py.
EN_STREET_WORDS = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Place|Pl|Court|Ct|Square|Sq|Terrace|"
    r"Crescent|Close|Row|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Hill|Gardens|Mews|Walk|Green|Park|Grove|Parade|"
    r"Broadway|Plaza|Trail|Pike|Wynd|Gate|Yard|Quay|Wharf|Embankment|"
    # a British or Irish industrial or trading estate (a real-estate agent's name is none)
    r"(?<!Real )Estate"
)
# (a unit before the house number, "4/44 Bureta Road", or a range, "12-14 High Street")
_EN_STREET = re.compile(rf"^\d{{1,5}}[A-Za-z]?(?:[/-]\d{{1,5}}[A-Za-z]?)?\s+(?:[A-Z][\w'.\-]*\s+){{0,4}}(?:{EN_STREET_WORDS})\.?$")
# What separates the parts of an address on one line: commas, and the
# spaced dashes of "Via Roma 1 - Firenze" / "Sede: Via Lussana, 16 — Trescore"
_SEPARATOR = re.compile(r",|\s[-–—]\s")
_NEXT_ITEM = re.compile(r"\s+(?=\S+@\S|\+?\(?\d[\d ()./-]{5,})")
# An Italian province after its town: "Firenze (FI)"
# A province or state after its town: Italian "Firenze (FI)", Brazilian "Ubatuba / SP"
_PROVINCE = re.compile(r"^(?P<town>[^/()]+?)\s*(?:\((?=[A-Z]{2}\)$)|/\s?(?=[A-Z]{2}$))(?P<pr>[A-Z]{2})\)?$")
_HOUSE_NUMBER = re.compile(r"(?:^|[\s#№])(?:n[ro]?\.?\s*|no[:.]?\s*)?\d{1,5}(?:\s?[a-zа-я])?(?:\s?[-/]\s?\d{1,5})?\b")
# A town marker before the town's name: Bulgarian/Russian гр. г., Ukrainian
# м., village с., Romanian mun./oraș/comuna.
_TOWN_MARKER = re.compile(r"^(?:гр|град|г|м|місто|с|село|смт|пгт|mun|municipiul|oras|orasul|ors|oraș|orașul|orș|comuna|com)\.?\s+", re.I)
# Vietnam's administrative units before their names ("Phường Đồng Hới", "Q. 1",
# "TP. Hồ Chí Minh", "Tỉnh Quảng Trị"), by which of them is the town asked for
_VN_UNIT = re.compile(r"^(?P<unit>(?i:thành phố|thanh pho|tp\.?|thị xã|thi xa|thị trấn|thi tran|phường|phuong|p\.|xã|"
                      r"quận|quan|q\.|huyện|huyen|tỉnh|tinh))\s*(?P<name>[^\W\d_][^,]*|\d{1,2})$")
_VN_RANK = {fold(unit): rank for rank, units in enumerate((
    ("thành phố", "thanh pho", "tp"), ("thị xã", "thi xa", "thị trấn", "thi tran", "phường", "phuong", "p", "xã"),
    ("quận", "quan", "q", "huyện", "huyen"), ("tỉnh", "tinh"))) for unit in units}
# A district, a neighbourhood, a building: neither street nor town.
_DISTRICT = re.compile(
    r"^(?:sector|sect|jud|judetul|col|colonia|barrio|b|urb|urbanizacion|mah|mahallesi|жк|ж\.к|кв|квартал|район|р-н|мкр|"
    r"мікрорайон|микрорайон|бл|блок|вх|ет|ап|офис|офіс|oficina|of|local|piso|apto|apt|et|ap|bl|sc)\b\.?"
)
_LABEL = re.compile(
    r"^(?:address|our address|adres[aeă]?|adresse|adresas|adrese|anschrift|direcci[oó]n|domicilio|indirizzo|endere[cç]o|"
    r"morada|ubicaci[oó]n|location|sediu|sediul(?: social)?|punct(?:ul)? de lucru|s[ií]dlo|siedziba|sede|c[ií]m|naslov|osoite|aadress|адрес|адреса|"
    r"כתובת|住所|所在地|地址|주소|địa chỉ|dia chi|trụ sở(?: chính)?|tru so(?: chinh)?|alamat|ที่อยู่|पता)\s*[:\-–]\s*",
    re.I,
)
# The region an English address may end in after its town ("30 Cameron Road,
# Tauranga, Bay of Plenty", "Main Street, Dundalk, Co. Louth"): an Irish
# county, the states, provinces and regions of Australia, New Zealand, South
# Africa and Canada, and England's counties, folded.
_EN_REGION = re.compile(
    r"^(?:co\.?|county)\s+\w+$|^(?:new south wales|nsw|victoria|vic|queensland|qld|south australia|"
    r"western australia|tasmania|tas|northern territory|act|northland|waikato|bay of plenty|hawke['’]?s bay|"
    r"taranaki|manawatu-whanganui|manawatu|tasman|marlborough|west coast|canterbury|otago|southland|gauteng|"
    r"western cape|eastern cape|northern cape|kwazulu-natal|kzn|free state|limpopo|mpumalanga|north west|"
    r"ontario|quebec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|"
    r"newfoundland and labrador|prince edward island|bedfordshire|berkshire|buckinghamshire|cambridgeshire|"
    r"cheshire|cornwall|cumbria|derbyshire|devon|dorset|durham|east sussex|west sussex|essex|gloucestershire|"
    r"greater london|greater manchester|hampshire|herefordshire|hertfordshire|kent|lancashire|leicestershire|"
    r"lincolnshire|merseyside|norfolk|northamptonshire|northumberland|nottinghamshire|oxfordshire|rutland|"
    r"shropshire|somerset|staffordshire|suffolk|surrey|tyne and wear|warwickshire|west midlands|wiltshire|"
    r"worcestershire|(?:north|south|east|west) yorkshire|east riding of yorkshire)$"
)
_POSTCODE_PART = re.compile(r"(?:C\.\s?P\.?|CP|CEP|C[oó]digo [Pp]ostal|(?i:cod po[sș]tal)|ZIP|[Пп]\.\s?[Кк]\.|[Ии]ндекс|מיקוד)\s*:?\s*(\d{4,7})")
_LETTERS = re.compile(r"[^\W\d_]")
# Dublin with its postal district is the town: "67F Heather Road, Sandyford, Dublin 18"
_DUBLIN_DISTRICT = re.compile(r"Dublin \d{1,2}W?")
_UNIT = re.compile(r"^(?:Unit|Suite|Shop|Flat|Apt\.?|Apartment|Level|Floor)\s*[\w-]{1,6}$", re.I)
_NUMBER_PART = re.compile(r"(?:№\s*|(?i:n[ro]?)\.?\s*)?\d{1,5}(?:\s?[a-zA-Zа-яА-Я])?")


def addresses_without_postcode(lines: list[Line], country: str | None, own_page: bool) -> list[dict[str, str | None]]:
    """``{"street", "postal_code", "locality", "region", "country",
    "as_written"}`` for each line that is such an address (its postcode
    only where a part labels one: "C.P. 62748")."""
    found = []
    for index, line in enumerate(lines):
        if line.third_party or len(line.text) > _MAX_LINE:
            continue
        japanese = _JP_ADDRESS.match(line.text.strip())
        if japanese:
            found.append({"street": japanese.group("hst"), "postal_code": None, "locality": japanese.group("loc"),
                          "region": japanese.group("reg"), "country": "JP", "as_written": line.text.strip()})
            continue
        glued = _street_number_town(line.text, country) if own_page or line.flags & (FOOTER | ADDRESS | HEADER) else None
        if glued is not None:
            street, town = glued
            found.append({"street": street, "postal_code": None, "locality": town, "region": None,
                          "country": country, "as_written": f"{street} {town}"})
            continue
        if not _SEPARATOR.search(line.text):
            # (a street line under an "Adres" heading, its town on the line below:
            # "Adres" / "os. Pod Lipami 13/82" / "Poznań")
            street = line.text.strip(" .,")
            under_label = index > 0 and _label_alone(lines[index - 1].text)
            if _EN_STREET.match(street) or (under_label and _is_street(street, labelled=True)
                                            and _HOUSE_NUMBER.search(street)):
                town = _town_below(lines, index, country, labelled=under_label)
            else:
                town = None
            if town is not None:
                found.append({"street": line.text.strip(" .,"), "postal_code": None, "locality": town, "region": None,
                              "country": country, "as_written": f"{line.text.strip(' .,')}, {town}"})
            continue
        label, text = _address_text(line.raw, country)
        # (the label alone on the line above: "Địa chỉ" / "9NO2 Nguyễn Cảnh Dị, …, Hà Nội")
        if not label and index > 0 and _label_alone(lines[index - 1].text) and line.text.count(",") >= 2:
            # (three parts at least: "Unit 58, Rowfant Business Centre" is the first line of a longer one)
            label, text = True, text or " ".join(line.text.split())
        place = _town_then_postcode(line.raw) if label and text is None else None
        if place is not None:
            found.append({"street": None, "postal_code": place[1], "locality": place[0], "region": None,
                          "country": country, "as_written": f"{place[0]}, {place[1]}"})
            continue
        if text is None or not (label or own_page or line.flags & (FOOTER | ADDRESS | HEADER)
                                or (_street_then_town(text, country) and text.strip(" .") == line.text.strip(" ."))):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (following is not None and following.block == line.block and not following.third_party
                and _DANGLING.search(text) and len(text) + len(following.text) < _MAX_LINE):
            # a line broken after its separator: "Av. Guarani, 240, Itaguá -<br>Ubatuba - SP" is one
            # address, its town on the second line
            text = f"{text.rstrip()} {' '.join(following.text.split())}"
        elif following is not None and following.block == line.block and _continues(following.text):
            continue  # "Av Insurgentes #1098, Miguel Hidalgo<br>Cuautla, Morelos, CP 62748": a street and district line
        hit = _read(text, labelled=label, country=country)
        above = lines[index - 1] if index else None
        if hit is None and above is not None and not above.third_party and _marked_town(above.text):
            # a branch's town above its street: "м. Харків" / "пр-т Героїв Харкова, 199 «Д-5»"
            hit = _read(f"{text}, {above.text.strip()}", labelled=label, country=country)
        if hit is not None:
            # (the country the line ends with before the page's: "…, Куманово, Северна Македонија")
            named = text.strip(" ,.").rsplit(",", 1)[-1].strip()
            found.append({**hit, "country": (_is_country(named) and country_code(named)) or country,
                          "as_written": text.strip(" ,.")})
    return found


# A Japanese address with no postcode before it: the prefecture, the city
# (or ward, town, village), then the district and its block numbers, with no
# spaces between ("大阪府東大阪市長堂1丁目2-9"); the whole line, so no prose.
_JP_ADDRESS = re.compile(r"^(?:(?:住所|所在地)\s*[:：]?\s*)?(?P<reg>[^\s\d]{2,3}?[都道府県])(?P<loc>[^\s\d]{1,8}?市[^\s\d]{1,4}?区|[^\s\d]{1,8}?[市区町村])"
                         r"(?P<hst>[^\s、,，\d]{0,12}[0-9０-９][^\s、,，]{0,30})$")
_ITEM_BAR = re.compile(r"\s[|·•]\s")
_DANGLING = re.compile(r"(?:,|\s[-–—])\s*$")
_LEADING_SIGNS = re.compile(r"^[^\w\s\d(\[\"'„«#№/]+\s*")


def _label_alone(text: str) -> bool:
    text = text.strip()
    label = _LABEL.match(text if text[-1:] in (":", "-", "–") else f"{text}:") if text else None
    return label is not None and label.end() >= len(text)


def _marked_town(text: str) -> bool:
    """A town and its marker alone on a line: "м. Харків", "гр. Пловдив"."""
    text = text.strip(" .:")
    return bool(_TOWN_MARKER.match(text)) and _is_town(_TOWN_MARKER.sub("", text))


def _address_text(raw: str, country: str | None = None) -> tuple[bool, str | None]:
    """Whether a label names the line an address, and the address's text:
    the run of the line between element boundaries that holds a street
    ("<span>Адреса</span><strong>вул. Верстова, 33, Дніпро</strong><a>Прокласти
    маршрут</a>" is a label, the address and a link)."""
    # ("Bedrijf: Acme | KVK: 92755089 | Adres: Tsjibbe Geertswei 16, Leeuwarden":
    # a spaced bar or bullet parts items as an element boundary does)
    segments = [" ".join(s.split()) for part in raw.split(INLINE_MARK) for s in _ITEM_BAR.split(part)]
    labelled = False
    for index, segment in enumerate(segments):
        segment = _LEADING_SIGNS.sub("", segment)  # "📍 Endereço:": a pin, then the label
        label = _LABEL.match(segment + ":" if segment and segment[-1] not in ":-–" else segment)
        rest = segment[label.end():] if label else segment
        labelled = labelled or bool(label)
        if _SEPARATOR.search(rest) and (any(_is_street(p.strip(), labelled=bool(label) and i == 0)
                                            for i, p in enumerate(_SEPARATOR.split(rest)))
                                        or _town_dash_street(rest, country) or _street_then_town(rest, country)
                                        or _in_a_building(rest)
                                        # (a house number, then its street, after the label: "Trụ sở
                                        # chính: 42 Thành Công - Phường Đồng Hới - Tỉnh Quảng Trị")
                                        or (label and _NUMBER_FIRST.match(rest))):
            # "C/ Sant Vicenç, 31 · Igualada": the town as the next item
            after = segments[index + 1] if index + 1 < len(segments) else ""
            if after and _is_town(after) and not _SEPARATOR.search(after):
                rest = f"{rest}, {after}"
            return labelled, rest
    return labelled, None


# "Osoite: Koski TL, 31500": after an address label, a town and then its
# postcode (a rural business gives no street); postcode first is read by
# addresses.py
_TOWN_THEN_CODE = re.compile(r"^(?P<town>[^\W\d_][^\d,;:|]{1,40}?),\s*(?P<code>\d{4,5})$")


def _town_then_postcode(raw: str) -> tuple[str, str] | None:
    for part in raw.split(INLINE_MARK):
        for segment in _ITEM_BAR.split(" ".join(part.split())):
            label = _LABEL.match(segment)
            hit = _TOWN_THEN_CODE.match(segment[label.end():].strip(" .")) if label else None
            if hit and _is_town(hit.group("town")):
                return hit.group("town"), hit.group("code")
    return None


# A street's name and its house number with no street word, as Croatian,
# Czech or Greek streets are written ("Folnegovićeva 1b"): a street only
# first after an address label ("Adresa: Folnegovićeva 1b, Zagreb").
_NAME_AND_NUMBER = re.compile(r"^[^\W\d_][\w.'’ -]{2,40}\s\d{1,4}\s?[a-zA-Z]?$")


# Street-type words written after the name, with the house number after
# them: Latvian "Flotes iela 16", Lithuanian "Vilniaus g. 10", Estonian
# "Pärnu mnt 5", Slovenian "Celovška cesta 5" (Hungarian ones are addresses.py's).
_STREET_TYPE_AFTER = re.compile(
    r"^[^\W\d_][\w.'’-]*(?:\s[\w.'’-]+){0,2}\s(?:iela|gatve|g\.|pr\.|prospektas|al\.|aleja|tn|tanav|mnt|maantee|"
    r"pst|puiestee|bulvaris|laukums|ulica|cesta)\s*\d{1,4}(?:\s?[a-z]\b)?",
)


# A branch given as its town, a spaced dash, then its street's name and
# number, as Czech and Slovak sites list them: "Slavkov u Brna – Lidická
# 1452", "Vyškov – Na Hraničkách 15". (Not a year: "Sezóna – Léto 2024".)
_TOWN_DASH_STREET = re.compile(r"^(?P<town>[^\W\d_][^\d,:–—-]{1,40}?)\s[–—-]\s(?P<street>[^\W\d_][\w.'’ -]{2,40}\s"
                               r"(?!(?:19|20)\d\d\b)\d{1,4}\s?[a-zA-Z]?)$")


# Countries whose street names end in their type ("Alaniementie", "Storgatan",
# "Hauptstraße"): a name and a number without one is no street there
# ("Kalajärvi — Trackman 4" is a golf simulator in a district of Espoo).
_SUFFIXED_STREETS = frozenset("FI SE NO DK IS DE AT CH NL".split())
_STREET_SUFFIX = re.compile(r"(?i)(?:katu|tie|kuja|polku|raitti|väylä|kaari|rinne|gata|gatan|vägen|väg|vej|vegen|veien|veg|gade|"
                            r"straße|strasse|str\.|weg|laan|straat|gasse|plein|platz|torg|torget|allé|alle|plass|plassen|"
                            r"stien|brink|markt|ring|damm|ufer|gracht|kade|dijk|singel|hof)$")


def _town_dash_street(text: str, country: str | None = None) -> re.Match | None:
    match = _TOWN_DASH_STREET.match(text.strip(" ."))
    if not match or not _is_town(match.group("town").strip()):
        return None
    name = match.group("street").rsplit(None, 1)[0].split()[-1]
    if country in _SUFFIXED_STREETS and not _STREET_SUFFIX.search(name):
        return None
    # every word a name's but a short particle ("Slavkov u Brna", "Moravany
    # nad Váhom"): "Otevírací doba – Pondělí 9" is no town and street
    words = match.group("town").split() + match.group("street").split()[:-1]
    return match if all(w[0].isupper() or len(w) <= 3 for w in words) and words[-1][0].isupper() else None


def _town_below(lines: list[Line], index: int, country: str | None, labelled: bool = False) -> str | None:
    """The town on the line under an English street line of its block, as
    New Zealand and Irish sites set an address with no postcode ("4 Domain
    Road" / "PANMURE" / "AUCKLAND"): a town the gazetteer knows in the
    page's country."""
    below = lines[index + 1] if index + 1 < len(lines) else None
    # (under an address's label, each line may be a paragraph of its own)
    if not country or below is None or (below.block != lines[index].block and not labelled) or below.third_party:
        return None
    town = below.text.strip(" .,")
    if not _is_town(town.title()) or _SEPARATOR.search(town):
        return None
    from scrapejet.extract.gazetteer import gazetteer

    places = gazetteer()
    if places is None or places.population(town, country) is None:
        return None
    return town.title() if town.isupper() else town


# A street named by its type's suffix, its number, then the town with no
# comma between, as Nordic and Germanic footers run them: "Valtakatu 11
# Ylivieska, Kauneushoitola NorPink", "Storgatan 5 Umeå"
_STREET_NUMBER_TOWN = re.compile(
    r"(?i)^(?P<street>[^\W\d_][\w.'’-]{1,40}(?:katu|tie|kuja|polku|raitti|väylä|gata|gatan|vägen|väg|vej|vegen|veien|veg|"
    r"gade|straße|strasse|weg|laan|straat|gasse|plein|torg|torget|allé|alle|plass|plassen|stien|brink|rinne) "
    r"\d{1,4}(?: ?[a-zA-Z]\b)?(?: ?[-/] ?\d{1,4})?) (?P<town>[^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+)?)\s*(?:$|[,;(]|\s[-–—|·]\s)"
)


def _street_number_town(text: str, country: str | None) -> tuple[str, str] | None:
    """The street and town of a line opening with "Valtakatu 11 Ylivieska"
    whose town the gazetteer knows in the page's country."""
    found = _STREET_NUMBER_TOWN.match(text.strip())
    if not country or found is None:
        return None
    street, town = found.group("street"), found.group("town")
    if not _is_town(town):
        return None
    from scrapejet.extract.gazetteer import gazetteer

    places = gazetteer()
    return (street, town) if places is not None and places.population(town, country) is not None else None


def _street_then_town(text: str, country: str | None) -> bool:
    """A street's name and number, then a town the gazetteer knows in the
    page's country, and nothing else: "Písečná 1032, Vracov", "Otokara
    Keršovanija 15, Osijek" (no street word, no label, no postcode: the
    known town is what says it is an address)."""
    parts = [p.strip() for p in text.strip(" .").split(",")]
    if not country or len(parts) != 2 or not _NAME_AND_NUMBER.match(parts[0]) or not parts[0][0].isupper():
        return False
    if not _is_town(parts[1]):
        return False
    from scrapejet.extract.gazetteer import gazetteer

    places = gazetteer()
    return places is not None and places.population(parts[1], country) is not None


# Where streets go unnamed, the building the business is in stands for the
# street: "Wilkem Edge Business Center, 1st Floor, Matasia, Ngong" (Kenya)
_EN_PREMISES = re.compile(r"^(?:[A-Z][\w'’.&-]*\s+){1,5}(?:Business (?:Centre|Center|Park)|Shopping (?:Centre|Center|Mall)|"
                          r"Trade (?:Centre|Center)|Plaza|Towers?|Building|Mall|Complex|Arcade|Chambers)$")
_EN_STREET_NAME = re.compile(rf"\b(?:{EN_STREET_WORDS})\.?$")
# the floor or suite after the building, part of the street's line
_STOREY = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th) Floor|(?:Floor|Suite|Office|Unit|Shop) [\w-]{1,6}|Ground Floor)$", re.I)


def _in_a_building(text: str) -> bool:
    """A line naming the building the business is in, and no street."""
    parts = [p.strip() for p in _SEPARATOR.split(text.strip(" .")) if p.strip()]
    return any(_EN_PREMISES.match(p) for p in parts) and not any(_EN_STREET_NAME.search(p) for p in parts)


def _is_street(part: str, labelled: bool = False) -> bool:
    folded = fold(part)
    return bool(_STREET_TYPE.match(folded) or _STREET_TYPE_AFTER.match(folded) or _EN_STREET.match(part)
                or (labelled and _NAME_AND_NUMBER.match(part)))


def _continues(text: str) -> bool:
    """A line that carries on an address: a town first, then more parts."""
    parts = [p.strip() for p in text.split(",")]
    return len(parts) >= 2 and _is_town(parts[0]) and bool(re.search(r"\d{4,6}", text) or _is_town(parts[1]))


# a postcode's label inside the last part ("NR.5 Cod poștal: 106400") opens a part of its own
_POSTCODE_LABEL_INSIDE = re.compile(r"\s+(?=(?:Cod po[sș]tal|COD PO[SȘ]TAL|C[oó]digo [Pp]ostal|C\.\s?P\.|CP)\s*:?\s*\d)")


_POSTCODE_AND_TOWN = re.compile(r"^(?:[A-Z]{1,2}-)?\d{2,3}[ -]?\d{2,3}\s+[^\W\d_]")


_BARE_POSTCODE = re.compile(r"\d{5}")
_NUMBER_FIRST = re.compile(r"^(?:(?i:số)\s*)?\d[\w/-]{0,6}\s+[^\W\d_]{2,}")
_NUMBER_THEN_TOWN = re.compile(r"^(?P<number>\d{1,4}[a-zA-Z]?)\s+(?P<town>[^\W\d_][^\d]{1,40})$")
# A marked town and its postcode after it: "гр. Пловдив 4003, ул. Васил Левски №170"
_MARKED_TOWN_AND_CODE = re.compile(r"^(?P<town>\D+?)\s+(?P<code>\d{4})$")


def _read(text: str, labelled: bool, country: str | None = None) -> dict[str, str | None] | None:
    text = _POSTCODE_LABEL_INSIDE.sub(", ", text)
    parts = [p.strip() for p in _SEPARATOR.split(text.strip(" .")) if p.strip()]
    marked_codes = []
    for i, part in enumerate(parts):
        found = _MARKED_TOWN_AND_CODE.match(part) if _TOWN_MARKER.match(part) else None
        if found and _is_town(_TOWN_MARKER.sub("", found.group("town"))):
            parts[i] = found.group("town")
            marked_codes.append(found.group("code"))
    if parts and _is_country(parts[-1]):
        parts = parts[:-1]  # ("…, Napier, Hawke's Bay, New Zealand": the country is no part to count)
    if not 2 <= len(parts) <= _MAX_PARTS or any(_POSTCODE_AND_TOWN.match(part) for part in parts):
        return None  # (a postcode and its town: addresses.py reads the line)
    streets = [i for i, part in enumerate(parts) if _is_street(part)]
    if not streets and (labelled or _street_then_town(text, country)) and _NAME_AND_NUMBER.match(parts[0]) and not any(
            re.search(r"\d", part) for part in parts[1:]):
        streets = [0]  # "Adresa: Folnegovićeva 1b, Zagreb": the rest only names places
    if not streets and len(parts) == 2 and _town_dash_street(text, country):
        streets = [1]
    if not streets and _in_a_building(text):
        streets = [i for i, part in enumerate(parts) if _EN_PREMISES.match(part)]
    if not streets and labelled and _NUMBER_FIRST.match(parts[0]) and not any(
            re.search(r"\d", p) for p in parts[1:] if not _VN_UNIT.match(p)):  # ("Quận 1": a district by its number)
        streets = [0]  # "Địa chỉ: 9NO2 Nguyễn Cảnh Dị, …, phường Định Công, Hà Nội": a house number, then its street
    if len(streets) != 1:
        return None
    at = streets[0]
    # "Kimberley reception1@kimohc.co.za 083 342 0344": the next contact item on the line ends the address
    for i in range(at + 1, len(parts)):
        parts[i] = parts[i] if _POSTCODE_PART.search(parts[i]) else _NEXT_ITEM.split(parts[i])[0]
    # (a building for a street: its floor or suite goes with it, and the
    # English order follows, suburb then town; no house number to ask for)
    premises = bool(_EN_PREMISES.match(parts[at]))
    english = bool(_EN_STREET.match(parts[at])) or premises
    while premises and at + 1 < len(parts) and _STOREY.match(parts[at + 1]):
        parts[at:at + 2] = [f"{parts[at]}, {parts[at + 1]}"]
    province = None
    for i, part in enumerate(parts):
        found = _PROVINCE.match(part)
        if found and i != at:
            parts[i], province = found.group("town"), found.group("pr")
    if at > 0 and _UNIT.match(parts[at - 1]):
        # "Unit 4, 10 Thorn Place": the unit is part of the street's line
        parts[at - 1:at + 1] = [f"{parts[at - 1]}, {parts[at]}"]
        at -= 1
    street, rest = parts[at], parts[:at] + parts[at + 1:]
    # "вул. Верстова, 33": the house number as a part of its own
    # (five digits are a postcode: "VIA VARIANTE 7/BIS 103 - 80035 - NOLA (NA)")
    if at < len(rest) and _NUMBER_PART.fullmatch(rest[at]) and not _BARE_POSTCODE.fullmatch(rest[at]):
        street = f"{street} {rest.pop(at)}"
    # "Carrer del Forn, 2 L'Olleria": the house number, then the town, in one part
    number_town = _NUMBER_THEN_TOWN.match(rest[at]) if at < len(rest) else None
    if number_town and _is_town(number_town.group("town")):
        street, rest[at] = f"{street}, {number_town.group('number')}", number_town.group("town")
    bare_codes = [part for part in rest if _BARE_POSTCODE.fullmatch(part)]
    rest = [part for part in rest if not _BARE_POSTCODE.fullmatch(part)]
    rest = [part for part in rest if not _is_country(part)]
    # "C.P. 62748": a postcode that says it is one, in a part of its own
    codes = marked_codes + bare_codes + [m.group(1) for m in map(_POSTCODE_PART.fullmatch, rest) if m]
    rest = [part for part in rest if not _POSTCODE_PART.fullmatch(part)]
    marked = [part for part in rest if _TOWN_MARKER.match(part) and _is_town(_TOWN_MARKER.sub("", part))]
    units = [_VN_UNIT.match(part) for part in rest]
    if rest and all(units):
        # every part after the street a Vietnamese unit: the city, else the ward or
        # commune (since 2025 directly under the province), else the district; the province
        by_rank = sorted((_VN_RANK[fold(u.group("unit")).rstrip(".")], u.group("name")) for u in units if u)
        places = [name for rank, name in by_rank if rank < _VN_RANK["tinh"]]
        provinces = [name for rank, name in by_rank if rank == _VN_RANK["tinh"]]
        if places:
            return {"street": street, "postal_code": codes[0] if codes else None, "locality": places[0].strip(),
                    "region": provinces[0].strip() if provinces else None}
    towns = [i for i, part in enumerate(rest) if _is_town(part) or _DUBLIN_DISTRICT.fullmatch(part)]
    if marked:
        locality, region = _TOWN_MARKER.sub("", marked[0]), None
    elif towns and english:
        # "1 Molyneaux Road, Greenside, Kimberley": the suburb, then the town;
        # "30 Cameron Road, Tauranga, Bay of Plenty": the town, then its region
        region = rest[towns[-1]] if len(towns) >= 2 and _EN_REGION.match(fold(rest[towns[-1]])) else None
        locality = rest[towns[-2]] if region else rest[towns[-1]]
    elif towns and at == 0 and len(towns) >= 2 and province:
        # the district, then the town its province follows: "Av. Guarani, 240, Itaguá - Ubatuba / SP"
        locality, region = rest[towns[-1]], None
    elif towns and at == 0 and len(towns) >= 2:
        # street first, then [district,] town, region: "Cl. 3d #66-15, Cali,
        # Valle del Cauca", "Av Insurgentes #1098, Miguel Hidalgo, Cuautla, Morelos"
        locality, region = rest[towns[-2]], rest[towns[-1]]
    elif towns:
        # "вул. Верстова, 33, Дніпро"; town first: "București, sector 4, str. Odei"
        locality, region = rest[towns[0]], None
    else:
        return None
    if not (_HOUSE_NUMBER.search(fold(street)) or labelled or marked or premises):
        return None
    return {"street": street, "postal_code": codes[0] if codes else None, "locality": locality.strip(),
            "region": region or province}


def _is_country(part: str) -> bool:
    return len(part) > 2 and country_code(part) is not None


def _is_town(part: str) -> bool:
    """A place name: one to four words of letters, capitalised where the
    script has capitals, no digits, no district or street word."""
    words = part.split()
    if not 1 <= len(words) <= 4 or re.search(r"\d", part) or not _LETTERS.match(part):
        return False
    folded = fold(part)
    if _DISTRICT.match(folded) or _STREET_TYPE.match(folded):
        return False
    first = part[0]
    return not first.islower()
