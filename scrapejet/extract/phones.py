"""Phone numbers a page gives for the company, in E.164 and as written.

Numbers come from ``tel:`` links, WhatsApp links and the text, the latter
found by libphonenumber's matcher at the VALID leniency for the region the
site is in. A page is full of digit runs that are valid phone numbers to a
parser and nothing of the kind to a reader (VAT ids, register numbers,
order numbers, prices, dates, IBANs), so every text match is also judged by
what stands around it.

``phonenumbers`` is imported inside the functions: its metadata costs a
worker several MB, and only pages that reach phone extraction pay for it."""

from __future__ import annotations

import functools
import re
from typing import Any, Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from scrapejet.extract.jsonld import text_values
from scrapejet.extract.textlines import WIDGET, Document, Line, fold
from scrapejet.urls import host_of

SOURCE_RANK = {"tel": 0, "json-ld": 1, "wa.me": 2, "text": 3}
# The types of a number one calls; fax and whatsapp are kinds of their own.
_VOICE = ("landline", "mobile", "phone")

# Country-code TLDs sites actually use for their country. Vanity ccTLDs
# (.io, .co, .me, .tv, .ai, .fm...) say nothing about where a business is.
_CCTLD = {
    tld: tld.upper()
    for tld in ("de at ch fr be lu nl ie es pt it in us ca au nz pl cz sk dk se no fi br mx ar za jp gr hu ro si hr bg ee "
                "lv lt sg hk my ph il ua tr rs kr cl pe uy ec is cy mt ba mk "
                "ma tn dz eg ke ng gh za pk bd lk np ru by kz vn th id tw cn ae sa qa jo lb").split()
}
# "dentininos.com.co", "firma.co.il": a vanity TLD under a second level a
# national registry keeps is that country's.
_NATIONAL_SECOND_LEVEL = re.compile(r"\.(?:com|co|org|net|edu|gob|gov|ac|or|ne)\.([a-z]{2})$")
_CCTLD["uk"] = "GB"
_LANGUAGE_COUNTRY = {
    "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "pt": "PT", "pl": "PL", "da": "DK",
    "sv": "SE", "fi": "FI", "nb": "NO", "nn": "NO", "no": "NO", "cs": "CZ", "sk": "SK", "el": "GR",
    "hu": "HU", "ro": "RO", "ja": "JP", "bg": "BG", "he": "IL", "iw": "IL", "lt": "LT", "lv": "LV", "et": "EE",
    "hr": "HR", "sl": "SI", "tr": "TR", "ko": "KR", "sr": "RS", "is": "IS",
    # languages of one country each ("031/445-560" on a Macedonian page);
    # not "uk", which British pages write for English as often as
    # Ukrainian pages write it for Ukrainian, nor "ru"
    "mk": "MK", "bs": "BA", "sq": "AL", "mt": "MT", "ka": "GE", "hy": "AM", "th": "TH", "vi": "VN",
    # Spain's other languages (Catalan also Andorra's)
    "ca": "ES", "gl": "ES", "eu": "ES",
    # and languages outside Europe that one country mostly writes (Malay is also Brunei's, Hindi is India's)
    "id": "ID", "ms": "MY", "fil": "PH", "tl": "PH", "hi": "IN",
}
# The other countries a language is mostly written in: a page whose only
# sign of its country is its language may be from one of them (Italian in
# Ticino, French in Wallonia, German in Austria).
_LANGUAGE_OTHER_COUNTRIES = {
    "de": ("AT", "CH", "LU", "LI"), "fr": ("BE", "CH", "LU", "MC", "CA"), "it": ("CH", "SM"), "nl": ("BE",),
    "sv": ("FI",), "pt": ("BR",), "el": ("CY",), "tr": ("CY",), "ca": ("AD",),
    "es": ("MX", "AR", "CO", "CL", "PE", "EC", "UY", "VE", "BO", "PY", "CR", "GT", "DO", "PA", "SV", "HN", "NI"),
    # a language of many countries and of none by default: a number valid in
    # one of them alone says which ("01555506205" is Egyptian)
    "ar": ("EG", "SA", "AE", "JO", "MA", "DZ", "TN", "IQ", "KW", "QA", "BH", "OM", "LB", "SY", "LY", "YE", "PS", "SD"),
    # (a North American number has its own shape, read in the US; of the
    # countries that dial a 0 first, "07722 646 581" is valid in Britain alone)
    "en": ("GB", "AU", "NZ", "IE", "ZA"),
}
# ...English's others write their national numbers with the trunk 0, always:
# a national number without it is none of theirs
_WRITTEN_WITH_TRUNK_ZERO = frozenset(_LANGUAGE_OTHER_COUNTRIES["en"])
_COUNTRY_NAMES = {
    "deutschland": "DE", "germany": "DE", "allemagne": "DE", "alemania": "DE", "germania": "DE", "duitsland": "DE",
    "osterreich": "AT", "austria": "AT", "autriche": "AT", "schweiz": "CH", "switzerland": "CH", "suisse": "CH",
    "svizzera": "CH", "france": "FR", "frankreich": "FR", "francia": "FR", "frankrijk": "FR", "franca": "FR",
    "united kingdom": "GB", "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "vereinigtes konigreich": "GB", "royaume-uni": "GB", "gb": "GB",
    "united states": "US", "united states of america": "US", "usa": "US", "u.s.a.": "US", "us": "US",
    "india": "IN", "spain": "ES", "espana": "ES", "spanien": "ES", "espagne": "ES", "italy": "IT",
    "italia": "IT", "italien": "IT", "italie": "IT", "netherlands": "NL", "nederland": "NL",
    "the netherlands": "NL", "niederlande": "NL", "pays-bas": "NL", "portugal": "PT", "belgium": "BE",
    "belgique": "BE", "belgie": "BE", "belgien": "BE", "ireland": "IE", "luxembourg": "LU", "luxemburg": "LU",
    "canada": "CA", "australia": "AU", "poland": "PL", "polska": "PL", "denmark": "DK", "danmark": "DK",
    "sweden": "SE", "sverige": "SE", "brasil": "BR", "brazil": "BR",
    # as the countries write their own names (folded), where addresses end with them
    "mexico": "MX", "colombia": "CO", "peru": "PE", "chile": "CL", "argentina": "AR", "ecuador": "EC",
    "venezuela": "VE", "uruguay": "UY", "paraguay": "PY", "bolivia": "BO", "costa rica": "CR", "guatemala": "GT",
    "romania": "RO", "bulgaria": "BG", "българия": "BG", "ukraine": "UA", "украина": "UA", "україна": "UA",
    "israel": "IL", "ישראל": "IL", "japan": "JP", "日本": "JP", "turkey": "TR", "turkiye": "TR", "slovensko": "SK",
    "slovakia": "SK", "cesko": "CZ", "ceska republika": "CZ", "czech republic": "CZ", "czechia": "CZ",
    "magyarorszag": "HU", "hungary": "HU", "hrvatska": "HR", "croatia": "HR", "slovenija": "SI", "slovenia": "SI",
    "lietuva": "LT", "lithuania": "LT", "latvija": "LV", "latvia": "LV", "eesti": "EE", "estonia": "EE",
    "ελλαδα": "GR", "greece": "GR", "hellas": "GR", "suomi": "FI", "finland": "FI", "norge": "NO", "norway": "NO",
    "south africa": "ZA", "new zealand": "NZ", "eire": "IE", "srbija": "RS", "serbia": "RS",
    "isle of man": "IM", "bailiwick of jersey": "JE", "guernsey": "GG", "malta": "MT", "cyprus": "CY", "κυπρος": "CY",
    "iceland": "IS", "monaco": "MC", "liechtenstein": "LI", "andorra": "AD", "san marino": "SM",
    "bosna i hercegovina": "BA", "bosnia and herzegovina": "BA", "crna gora": "ME", "montenegro": "ME",
    "north macedonia": "MK", "северна македонија": "MK", "македонија": "MK", "severna makedonija": "MK", "albania": "AL", "shqiperia": "AL", "moldova": "MD",
    # short and own-language names outside Europe ("Jumeirah 1, Dubai, UAE", "40000 Marrakech, Maroc")
    "uae": "AE", "u.a.e.": "AE", "u.a.e": "AE", "ksa": "SA", "maroc": "MA", "marruecos": "MA", "marokko": "MA",
    "viet nam": "VN", "việt nam": "VN", "مصر": "EG", "misr": "EG", "türkiye": "TR",
}
_COUNTRY_NAMES = {fold(name): code for name, code in _COUNTRY_NAMES.items()}  # as country_code() compares
# (an English country name that is also a US state's names the state: "Atlanta, Georgia")
_STATE_NAMES = frozenset({"georgia"})


@functools.lru_cache(maxsize=1)
def _english_country_names() -> dict[str, str]:
    """Every country's English name (CLDR's, through Babel), folded: the
    names above are the ones written in other languages too, this is the
    rest of the world ("Multan, Pakistan", "Nairobi, Kenya"). Loaded on
    first use (~50 ms)."""
    from babel import Locale

    names = {fold(name): code for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}
    return {name: code for name, code in names.items() if name not in _STATE_NAMES}

# (Cyrillic, Hebrew and CJK labels too: "Факс", "פקס", "ファックス"; full-width
# "ＦＡＸ" is folded to "fax")
# "614-442-3872 (fax)": the label in brackets after the number
_FAX_AFTER = re.compile(r"^\s*[(\[]\s*(?:tele)?fax\.?\s*[)\]]", re.I)
_FAX_LABEL = re.compile(r"\b(?:tele)?fax(?:nummer|nr|number|no|numero|nummeret|numer)?\b|\bφαξ\b|τηλεομοιοτυπια|\b(?:tele)?faks(?:as|s|u|a)?\b|telecopie|\btelec\b|facsimile|fa[ck]simil[ei]|\bfacs\b|\bфакс\b|פקס|ファックス|ファクス|传真|傳真|팩스")
_WHATSAPP_LABEL = re.compile(r"whats\s?app")
# Said only where the numbering plan cannot tell (the North American plan
# gives mobiles no prefix of their own): "Cell: (207) 555-0142".
_MOBILE_LABEL = re.compile(
    r"\b(?:mobil|mobile|mobiel|mobitel|mobiltelefon|matkapuhelin|komorka|tel\.? kom|celular|handy|cell|cellulare|"
    r"movil|telemovel|portable|port|gsm|natel|κιν|κινητο|моб|мобилен|мобільний|мобильный|"
    r"сотовый|נייד)\b|携帯|手机|휴대폰"
)
_PHONE_LABEL = re.compile(
    r"\b(?:tel|tele?fon|telephone|phone|ph|call|mobil|mobile|mobiel|mobitel|mobiltelefon|matkapuhelin|komorka|"
    r"celular|handy|cell|tel[eé]fono|telefoon|fone|"
    r"telemovel|telemovel|movil|cellulare|portable|hotline|fon|t|m|p|тел|телефон|телефони|телефоны|моб|мобилен|"
    r"мобільний|мобильный|טל|טלפון|נייד)\b\.?|電話|电话|전화"
)
# What a number after these words is: an identifier, not a phone.
_IDENTIFIER_LABEL = re.compile(
    r"\b(?:ust|ust-?id(?:nr)?|ust\.?-?idnr|vat|tva|iva|btw|mwst|uid|steuer\w*|st\.?-?nr|tax|hrb|hra|vr|"
    r"handelsregister|register\w*|reg|registration|company (?:no|number)|siret|siren|rcs|naf|ape|"
    r"order\w*|bestell\w*|auftrag\w*|rechnung\w*|invoice|iban|bic|swift|konto\w*|account|kunden\w*|"
    r"customer|kvk|kamer van koophandel|cif|nif|nie|nipc|p\.?\s?iva|p\.\s?i(?=\.)|partita|codice fiscale|c\.f|rea|abn|acn|"
    r"gst(?:in)?|cin|ref|reference|ticket|artikel\w*|art\.?-?nr|sku|isbn|ean|plz|postleitzahl|zip|"
    r"postcode|code postal|blz|capital|kapital|stammkapital|id|serial|licen[cs]e|"
    # company and tax ids of more countries: PL NIP/REGON/KRS, CZ/SK IČO/DIČ, HR OIB, RO CUI,
    # LT įmonės/PVM kodas, DK CVR, SE/NO org.nr, TR MERSIS/vergi, LatAm NIT/RFC/CUIT/RUT,
    # BR CNPJ/CPF, BG ЕИК/БУЛСТАТ, UA ЄДРПОУ/ІПН, RU ИНН/ОГРН/КПП, JP 法人番号
    r"nip|regon|krs|ico|dic|ic dph|oib|cui|onrc|j\d\d|kodas|pvm|cvr|org\.?\s?nr|organisasjonsnummer|"
    r"mersis|vergi\w*|nit|rfc|cuit|rut|cnpj|cpf|еик|булстат|єдрпоу|едрпоу|іпн|инн|огрн|кпп|法人番号|"
    # FI Y-tunnus/ALV, NO MVA, EE registrikood/KMKR, HU adószám/cégjegyzékszám, GR ΑΦΜ/ΓΕΜΗ,
    # SI matična/davčna številka, BE ondernemingsnummer/KBO/BCE, e-invoice addresses (FI
    # verkkolaskuosoite/OVT "003723390355", SE/NO e-faktura, Peppol)
    r"verkkolasku\w*|ovt|e-?invoic\w*|e-?faktura|peppol\w*|"
    r"y-?tunnus|alv|mva|registrikood|kmkr|adoszam|cegjegyzekszam|αφμ|afm|γεμη|gemi|maticna|davcna|ddv|"
    r"ondernemingsnummer|kbo|bce)\b"
)
_LABEL_WINDOW = 40
# What the matcher is shown: a run of digits with the separators numbers are
# written with, long enough to hold a national number.
# ("02774 · 921 028": a middle dot between the groups, shown to the matcher as a space)
_DIGIT_RUN = re.compile(r"[+(]{0,2}\d[\d\s().\-/–·]{4,}\d")
# A page giving more numbers than this is a directory or a price list, not a
# company's contact details; its first numbers are the ones that count.
MAX_PHONES = 50
MAX_CANDIDATES = 400
# "Tel.030 ...", "T:+49 ...": a phone label right before the number
_LABEL_AT_END = re.compile(
    r"(?:\b(?:tel|tele?fon|telephone|phone|fax|telefax|mobil|mobile|handy|t|f|m|p|тел|телефон|факс|моб|טל|פקס)\.?"
    r"|電話|ファックス)\s*:?\s*$"
)
_ONE_DATE = r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})"
# a date, or two as a span ("03.04.2026 – 06.04.2026": 16 digits a number could be)
_DATE = re.compile(rf"^[\s(]*{_ONE_DATE}(?:\s*[–—-]\s*{_ONE_DATE})?[\s)]*$")
# opening hours: "08.00 - 12.00", "9:00–13:00"
_TIME_SPAN = re.compile(r"^\s*\d{1,2}[.:]\d{2}\s*[-–—]\s*\d{1,2}[.:]\d{2}\s*$")
_TOWN_AFTER = re.compile(r"^\s+[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž]{2,}")
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d")
_MONEY = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+[.,]\d{2}$")
_CURRENCY_BEFORE = re.compile(r"(?:[€$£¥₹￥￡＄]|\b(?:eur|usd|gbp|chf|inr|rs|dm)\.?)\s*$", re.I)
_CURRENCY_AFTER = re.compile(r"^\s*(?:[€$£¥₹%]|,-|\b(?:eur|euro|usd|gbp|chf|km|kg|m²|qm|mm|cm)\b)", re.I)
# "(212) 736-5010", "212.736.5010", "1-800-743-2291": the 3-3-4 grouping of
# the North American plan, which no other country writes its numbers in. On
# a page whose country is unknown (a .com in English with no address on the
# page) such a number is read as NANP; any other national number still needs
# its country.
_NANP_SHAPE = re.compile(r"^[\s(]*(?:\+?1[\s.\-]?)?\(?[2-9]\d{2}\)?[\s.\-]?[2-9]\d{2}[\s.\-]\d{4}[\s)]*$")
_NANP_REGIONS = frozenset({"US", "CA"})
_ASCENDING = ("1234567", "2345678", "3456789", "9876543", "8765432", "7654321")


def country_code(value: str | None) -> str | None:
    """ISO code for a country as schema.org or a page writes it."""
    if not value:
        return None
    value = value.strip()
    if len(value) == 2 and value.isalpha():
        return "GB" if value.upper() == "UK" else value.upper()
    name = fold(value).strip(" .")
    return _COUNTRY_NAMES.get(name) or _english_country_names().get(name)


def infer_region(
    url: str,
    *,
    languages: Iterable[str | None] = (),
    address_countries: Iterable[str | None] = (),
    tel_hrefs: Iterable[str] = (),
    email_domains: Iterable[str] = (),
    by_language: bool = True,
) -> str | None:
    """The country whose national number format the page's text uses.

    Strongest first: a country in a published address, the site's ccTLD,
    the country codes of its own tel: links, the region of its language
    tag (en-GB), the ccTLD of its email addresses, and last the country a
    language mostly means (de -> DE; English means no single country),
    unless ``by_language`` is false."""
    for country in address_countries:
        if country:
            return country
    host = host_of(url) if url else ""
    tld = host.rsplit(".", 1)[-1]
    if tld in _CCTLD:
        return _CCTLD[tld]
    national = _NATIONAL_SECOND_LEVEL.search(host)
    if national:
        return "GB" if national.group(1) == "uk" else national.group(1).upper()
    from_tel = region_of_tel_links(tel_hrefs)
    if from_tel:
        return from_tel
    languages = [tag.replace("_", "-").lower() for tag in languages if tag]
    for tag in languages:
        parts = tag.split("-")
        if len(parts) > 1 and len(parts[1]) == 2 and parts[1].isalpha():
            return "GB" if parts[1] == "uk" else parts[1].upper()
    for domain in email_domains:
        tld = domain.rsplit(".", 1)[-1]
        if tld in _CCTLD and tld != "us":
            return _CCTLD[tld]
    for tag in languages if by_language else ():
        country = _LANGUAGE_COUNTRY.get(tag.split("-")[0])
        if country:
            return country
    return None


def other_language_regions(languages: Iterable[str | None]) -> tuple[str, ...]:
    """Where else the page's language is spoken, for numbers that are not
    valid in the country its language alone suggested."""
    for tag in languages:
        if tag:
            others = _LANGUAGE_OTHER_COUNTRIES.get(tag.replace("_", "-").lower().split("-")[0])
            if others:
                return others
    return ()


# A number written with its country code ("Tel: +39 02 48714236 - 0323 569627").
_WRITTEN_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.\-()]{0,2}\d){6,12}(?!\d)")
_NOT_DIAL = re.compile(r"[^\d+]")


def written_international(texts: Iterable[str]) -> list[str]:
    """The numbers the page writes with their country code, as tel: links:
    on a page with no other sign of its country, their country is that of
    the numbers beside them written nationally."""
    return ["tel:" + _NOT_DIAL.sub("", m.group(0)) for text in texts for m in _WRITTEN_INTERNATIONAL.finditer(text)]


def region_of_tel_links(hrefs: Iterable[str]) -> str | None:
    import phonenumbers

    for href in hrefs:
        number = _tel_number(href)
        if number and number.startswith("+"):
            try:
                parsed = phonenumbers.parse(number, None)
            except phonenumbers.NumberParseException:
                continue
            region = phonenumbers.region_code_for_number(parsed)
            if region and region != "ZZ":
                return region
    return None


def _tel_number(href: str) -> str | None:
    scheme, _, rest = href.partition(":")
    if scheme.lower() not in ("tel", "callto", "sms"):
        return None
    number = unquote(rest).split(";", 1)[0].split("?", 1)[0].strip().lstrip("/")
    return number or None


def whatsapp_number(href: str) -> str | None:
    """The number of a WhatsApp chat link (wa.me/49170..., api.whatsapp.com
    /send?phone=...), with its + (WhatsApp numbers are always international)."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    digits = None
    if host in ("wa.me", "www.wa.me", "wasap.my", "www.wasap.my"):
        # (wasap.my/60139214322: Malaysia's redirect to the same chat)
        digits = parts.path.strip("/").split("/", 1)[0]
    elif host.endswith("whatsapp.com") or parts.scheme == "whatsapp":
        digits = (parse_qs(parts.query).get("phone") or [""])[0]
    elif host in ("msng.link", "www.msng.link") and parts.path.rstrip("/") == "/o":
        # a messenger-link service's WhatsApp button: msng.link/o/?381629219069=wa
        digits = next((key for key, value in parse_qs(parts.query).items() if value == ["wa"]), None)
    if not digits:
        return None
    digits = re.sub(r"[^\d]", "", digits)
    return f"+{digits}" if 7 <= len(digits) <= 15 else None


_NON_DIGITS = re.compile(r"\D+")


def _argentine_mobile(phonenumbers: Any, number: Any) -> Any:
    """An Argentine mobile number as dialled from abroad: +54 9 351 …. WhatsApp
    links often leave the 9 out (wa.me/543512600009), which reads as the
    landline of the same digits; a WhatsApp number is a mobile's."""
    if number.country_code != 54 or str(number.national_number).startswith("9"):
        return number
    mobile = phonenumbers.parse(f"+549{number.national_number}")
    return mobile if phonenumbers.is_valid_number(mobile) else number


def _mexican_mobile(phonenumbers: Any, number: Any) -> Any:
    """A Mexican mobile written with the "1" Mexico dropped in 2019 (+52 1
    55 7934 0371, still in many WhatsApp links): the number without it."""
    national = str(number.national_number)
    if number.country_code != 52 or len(national) != 11 or not national.startswith("1"):
        return number
    current = phonenumbers.parse(f"+52{national[1:]}")
    return current if phonenumbers.is_valid_number(current) else number


def _as_argentine_mobiles(found: list[dict[str, str]]) -> list[dict[str, str]]:
    """The page's "+54 351 260 0009" is its WhatsApp's "+54 9 351 260 0009":
    one line, a mobile."""
    mobiles = {entry["e164"] for entry in found if entry["e164"].startswith("+549")}
    for entry in found:
        if entry["e164"].startswith("+54") and "+549" + entry["e164"][3:] in mobiles:
            entry["e164"], entry["type"] = "+549" + entry["e164"][3:], "mobile"
    return found


def _digit_count(text: str) -> int:
    return len(_NON_DIGITS.sub("", text))


def is_placeholder_number(national: str) -> bool:
    """Template numbers: one digit repeated, or a counting run."""
    if re.search(r"(\d)\1{6,}", national):  # 0169 88 88 88 is a real number; 030 0000000 is not
        return True
    return any(run in national for run in _ASCENDING)


def extract_phones(doc: Document, region: str | None, organisations: Iterable[dict[str, Any]],
                   alternatives: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The page's phone numbers, read nationally in ``region``; a national
    number not valid there is read in the one of ``alternatives`` (the other
    countries of a page's language, when its language was the only sign of
    its country) where it is valid, if there is exactly one."""
    import phonenumbers

    found: list[dict[str, str]] = []

    def add(raw: str, as_written: str, kind: str, source: str, parse_region: str | None) -> None:
        try:
            number = phonenumbers.parse(raw, parse_region)
        except phonenumbers.NumberParseException:
            number = None  # (a national number on a page of no known country: "tel:0421900066")
        if (number is None or not phonenumbers.is_valid_number(number)) and not raw.lstrip().startswith("+"):
            number = _valid_elsewhere(phonenumbers, raw, alternatives) or number
        if number is not None and not phonenumbers.is_valid_number(number):
            current = _mexican_mobile(phonenumbers, number)
            if current is not number and kind == "phone":
                kind = "mobile"  # (the "1" Mexico dialled before a mobile's number says it is one)
            number = current
        if number is None or not phonenumbers.is_valid_number(number):
            return
        if is_placeholder_number(str(number.national_number)):
            return
        if kind == "whatsapp":
            number = _argentine_mobile(phonenumbers, number)
        kind = voice_type(number, kind)
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        found.append({"e164": e164, "as_written": " ".join(as_written.split()), "type": kind, "source": source})

    for org in organisations:
        for key, kind in (("telephone", "phone"), ("faxNumber", "fax")):
            for value in text_values(org.get(key)):
                add(value, value, kind, "json-ld", region)
        points = org.get("contactPoint")
        for point in points if isinstance(points, list) else [points]:
            if isinstance(point, dict):
                for value in text_values(point.get("telephone")):
                    add(value, value, "phone", "json-ld", region)

    helplines = _helpline_list(phonenumbers, doc, region)
    for anchor in doc.anchors:
        if len(found) >= MAX_PHONES:
            break
        line = doc.line_of(anchor)
        if (line is not None and line.third_party) or anchor.flags & WIDGET or anchor.line in helplines:
            continue
        number = _tel_number(anchor.href)
        if number:
            number = _misplaced_plus(phonenumbers, number, region)
            if _shows_another_number(phonenumbers, anchor.text, number, region):
                # '<a href="tel:97962125">Tlf. 53 27 24 45</a>': a stale
                # target; the caller dials what is shown (the text pass reads it)
                continue
            written = anchor.text if _digit_count(anchor.text) >= 6 else number
            add(number, written, _label_kind(doc, anchor.line, anchor.text), "tel", region)
            continue
        number = whatsapp_number(anchor.href)
        if number:
            add(number, number, "whatsapp", "wa.me", None)

    budget = [MAX_CANDIDATES]
    identifiers = _identifier_digits(doc)
    for index, line in enumerate(doc.lines):
        if budget[0] <= 0 or len(found) >= MAX_PHONES:
            break
        if line.third_party or line.flags & WIDGET or _digit_count(line.text) < 6 or index in helplines:
            continue
        # "Kundennummer:<br>0221 4710 8820": a label may stand on the line above
        above = doc.lines[index - 1].text if index and len(doc.lines[index - 1].text) <= 80 else ""
        for match in _matches(phonenumbers, line.text, region, budget, alternatives):
            if _is_identifier(line.text, match.start, match.end, match.raw_string, above):
                continue
            if re.sub(r"\D", "", match.raw_string) in identifiers:
                continue  # "Paperilaskut: Alakuijala Oy, 06536922" repeats "VAT: FI06536922"
            before = fold(line.text[max(0, match.start - _LABEL_WINDOW) : match.start])
            labelled = bool(_PHONE_LABEL.search(before) or _FAX_LABEL.search(before))
            if not labelled and _digit_count(match.raw_string) < 8 and not match.raw_string.startswith("+"):
                continue
            number = match.number
            if not phonenumbers.is_valid_number(number) or is_placeholder_number(str(number.national_number)):
                continue
            after = line.text[match.end :]
            kind = "fax" if _FAX_AFTER.match(after) else _label_kind(doc, index, "", before)
            if kind == "phone" and _OLD_MX_MOBILE.match(match.raw_string):
                kind = "mobile"  # (the "1" Mexico dialled before a mobile's number says it is one)
            kind = voice_type(number, kind)
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found.append({"e164": e164, "as_written": match.raw_string, "type": kind, "source": "text"})
            sibling = _same_area(phonenumbers, number, after)
            shorthand = None if sibling else _shorthand(phonenumbers, number, match.raw_string, after)
            if sibling is not None or shorthand is not None:
                number, written = sibling or shorthand
                if shorthand is not None:
                    kind = _kind_of_label(fold(written)) or kind
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                found.append({"e164": e164, "as_written": written, "type": voice_type(number, kind), "source": "text"})

    # "Call / Text Us": a number that takes text messages (an sms: link) is a
    # mobile, where its plan cannot tell (North America shares one plan)
    texted = {_e164(phonenumbers, number, region) for a in doc.anchors
              if a.href[:4].lower() == "sms:" and (number := _tel_number(a.href))}
    for entry in found:
        if entry["type"] == "phone" and entry["e164"] in texted:
            entry["type"] = "mobile"
    return _dedupe(_as_argentine_mobiles(found))


# "Lastearst: 1599 / Mürgistusteabekeskuse telefon: 16662 / … / Noorte
# nõuandeliin - 6466666": a list of public helplines, told by the short
# numbers among them (which no business has); every number in it is theirs.
_LISTED_NUMBER = re.compile(r"^\W*[^\W\d_][^\d]{2,60}?[\s:–—-]+\+?(?P<number>\d[\d ]{1,14}\d)\W*$")
_HELPLINE_GAP = 1  # one item a line, one after the other (a heading between starts another list)
# a phone's label alone, or the site asking to be called, before the number
_OWN_NUMBER_LABEL = re.compile(
    r"^\W*(?:(?:call|phone|ring|text) us(?: on| at)?|(?:tel|tele?fon|telephone|phone|ph|t|puh|tlf|tfn|tél|tel[eé]fono)\.?"
    r"|(?:rufen sie uns an|appelez-nous|chiamaci|llamanos|bel ons)(?: unter| au| al)?)\s*[:.\-–]?\s*\+?\d")
_HELPLINES_MIN = 2  # short numbers that make a list of helplines


def _helpline_list(phonenumbers: Any, doc: Document, region: str | None) -> set[int]:
    if not region:
        return set()
    from phonenumbers import shortnumberinfo

    listed: list[tuple[int, bool]] = []  # (line, whether its number is a short one)
    for index, line in enumerate(doc.lines):
        match = _LISTED_NUMBER.match(line.text) if len(line.text) <= 80 else None
        if match is None:
            continue
        digits = match.group("number").replace(" ", "")
        short = False
        if len(digits) <= 6:
            try:
                number = phonenumbers.parse(digits, region)
            except phonenumbers.NumberParseException:
                continue
            short = shortnumberinfo.is_valid_short_number_for_region(number, region)
        listed.append((index, short))
    lines: set[int] = set()
    run: list[tuple[int, bool]] = []
    for item in [*listed, (len(doc.lines) + _HELPLINE_GAP + 1, False)]:
        if run and item[0] - run[-1][0] > _HELPLINE_GAP:
            if sum(short for _, short in run) >= _HELPLINES_MIN:
                # (but "Call us: 0113 245 8810" above "call NHS 111" / "dial
                # 999": a full number under a phone's own label is the site's)
                lines.update(index for index, short in run if short or not _OWN_NUMBER_LABEL.match(fold(doc.lines[index].text)))
            run = []
        run.append(item)
    return lines


def _valid_elsewhere(phonenumbers: Any, raw: str, regions: tuple[str, ...]) -> Any:
    """``raw`` read in the only one of ``regions`` where it is a valid number."""
    valid = []
    for region in regions:
        if region in _WRITTEN_WITH_TRUNK_ZERO and not _NOT_DIAL.sub("", raw.removeprefix("tel:")).startswith("0"):
            continue  # ("tel:7205142876" is Denver's (720) 514-2876, not a British mobile with its 0 left out)
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            valid.append(number)
    return valid[0] if len(valid) == 1 else None


def _e164(phonenumbers: Any, raw: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _misplaced_plus(phonenumbers: Any, number: str, region: str | None) -> str:
    """A national number written with a "+" it should not have
    ("tel:+5142770232" on a Montréal site is not a Peruvian number): read
    nationally when that reading is valid and the international one is of
    another country."""
    if not number.startswith("+") or not region:
        return number
    digits = re.sub(r"\D", "", number)
    try:
        international = phonenumbers.parse(number, None)
        national = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return number
    if (phonenumbers.region_code_for_number(international) != region and phonenumbers.is_valid_number(national)
            and phonenumbers.region_code_for_number(national) == region):
        return digits
    return number


def _shows_another_number(phonenumbers: Any, text: str, href_number: str, region: str | None) -> bool:
    """Whether a tel: link's own text is a valid number, and not the one it dials."""
    if _digit_count(text) < 6:
        return False
    try:
        target = phonenumbers.parse(href_number, region)
    except phonenumbers.NumberParseException:
        return False
    shown = [match.number for match in phonenumbers.PhoneNumberMatcher(text, region or "ZZ", leniency=phonenumbers.Leniency.VALID)]
    return bool(shown) and all(number.national_number != target.national_number for number in shown)


# Where phonenumbers says "fixed line or mobile" although the national plan
# allocates its series to one or the other: the series of mobile numbers.
# Denmark (Energistyrelsen's numbering plan): 2x, 30-31, 40-42, 50-53,
# 60-61, 71, 81, 91-93 are mobile; its other eight-digit series, landlines.
_MOBILE_SERIES = {
    "DK": ("2", "30", "31", "40", "41", "42", "50", "51", "52", "53", "60", "61", "71", "81", "91", "92", "93"),
    # Chile's mobiles: nine digits after 9 since 2016 (landlines start 2 or an area code)
    "CL": ("9",),
}


def voice_type(number: Any, labelled: str) -> str:
    """landline / mobile as the numbering plan has it for a number labelled
    as a phone (or a mobile); ``phone`` where the plan cannot tell (North
    American numbers, toll-free) and no label said mobile. A number on a
    fixed line over the internet (VoIP: the French 09, the Dutch 085) is a
    landline. A fax or a WhatsApp contact keeps its label."""
    if labelled not in ("phone", "mobile"):
        return labelled
    from phonenumbers import PhoneNumberType, number_type, region_code_for_number

    plan = number_type(number)
    if plan == PhoneNumberType.MOBILE:
        return "mobile"
    if plan in (PhoneNumberType.FIXED_LINE, PhoneNumberType.VOIP):
        return "landline"
    if plan == PhoneNumberType.UAN and number.country_code == 44 and str(number.national_number).startswith("3"):
        return "landline"  # a British 03 number: a business's line, charged as 01 and 02 numbers are
    series = _MOBILE_SERIES.get(region_code_for_number(number)) if plan == PhoneNumberType.FIXED_LINE_OR_MOBILE else None
    if series is not None:
        return "mobile" if str(number.national_number).startswith(series) else "landline"
    return labelled


# "0871 23001 oder 25311": a second line of the same exchange, written
# without its area code.
_SIBLING = re.compile(r"^\s*(?:oder|od\.|bzw\.?|or|ou|o|of|eller|tai|lub|nebo|/|,)\s*(\d[\d ]{2,8}\d)(?=\s*(?:$|[,;.)(]))")


def _same_area(phonenumbers: Any, number: Any, after: str) -> tuple[Any, str] | None:
    match = _SIBLING.match(after)
    if match is None:
        return None
    digits = match.group(1).replace(" ", "")
    national = str(number.national_number)
    area = phonenumbers.length_of_geographical_area_code(number)
    if not area or len(national) - area != len(digits):
        return None  # only a subscriber number as long as the first one's
    sibling = phonenumbers.PhoneNumber(country_code=number.country_code, national_number=int(national[:area] + digits))
    if not phonenumbers.is_valid_number(sibling) or is_placeholder_number(str(sibling.national_number)):
        return None
    return sibling, match.group(1)


# "Tel. 0851/75622-10, Fax -11": another extension of the same line, written
# as its last digits only after a label (the kind comes from that label)
_SHORTHAND = re.compile(r"^\s*[,;/|·]?\s*(?P<label>[^\W\d_][^\W\d_.]{0,12}\.?)\s*[:.]?\s*[-–](?P<digits>\d{1,4})(?![\d\-–/])")
_WRITTEN_EXTENSION = re.compile(r"[-–](\d{1,4})$")


def _shorthand(phonenumbers: Any, number: Any, raw: str, after: str) -> tuple[Any, str] | None:
    match = _SHORTHAND.match(after)
    written = _WRITTEN_EXTENSION.search(raw.rstrip())
    if match is None or written is None:
        return None
    digits = match.group("digits")
    if len(written.group(1)) != len(digits) and written.group(1) != "0":
        return None  # (the switchboard's "-0" gives way to an extension of any length: "089 54 32 18-0 · Fax -29")
    if _kind_of_label(fold(match.group("label"))) is None:
        return None  # only after a phone or fax label ("Fax -11", "Tel. -12"), not any word
    national = str(number.national_number)
    other = phonenumbers.PhoneNumber(country_code=number.country_code,
                                     national_number=int(national[: -len(written.group(1))] + digits))
    if not phonenumbers.is_valid_number(other) or other == number:
        return None
    return other, match.group(0).strip(" ,;/|·")


def line_type(e164: str) -> str:
    """landline / mobile / phone for a number in E.164, by its plan alone."""
    import phonenumbers

    return voice_type(phonenumbers.parse(e164, None), "phone")


class _Match:
    __slots__ = ("start", "end", "raw_string", "number")

    def __init__(self, start: int, end: int, raw_string: str, number: Any) -> None:
        self.start, self.end, self.raw_string, self.number = start, end, raw_string, number


_PLUS_ZERO = re.compile(r"\+\s?0(?!0)")
_OLD_MX_MOBILE = re.compile(r"(\+\s?52[\s.-]?)(1[\s.-]?)(?=\d{2,3}[\s.-]?\d)")


def _matches(phonenumbers: Any, text: str, region: str | None, budget: list[int],
             alternatives: tuple[str, ...] = ()) -> Iterable[_Match]:
    """libphonenumber's matches in a line, found run by run: the matcher is
    only handed the digit runs long enough to be a number (with a character
    of context either side), at most ``budget[0]`` of them a page, so a page
    of prose, dates or prices costs little. A run with no number valid in
    ``region`` is read in the one of ``alternatives`` where it has one."""
    for run in _DIGIT_RUN.finditer(text):
        if _DATE.match(run.group(0)) or _digit_count(run.group(0)) < 6:
            continue
        budget[0] -= 1
        if budget[0] < 0:
            return
        offset = max(0, run.start() - 1)
        segment = text[offset : run.end() + 1].replace("·", " ")  # same length: offsets hold
        if _PLUS_ZERO.match(run.group(0)):
            # "+021 0513712": no country code starts with 0, the number is national
            segment = segment.replace("+", " ", 1)
        run_region = region or ("US" if _NANP_SHAPE.match(run.group(0)) else "ZZ")
        matches = list(phonenumbers.PhoneNumberMatcher(segment, run_region, leniency=phonenumbers.Leniency.VALID))
        old_mobile = _OLD_MX_MOBILE.match(run.group(0)) if not matches else None
        if old_mobile is not None:
            # "+52 1 477 434 0513": the "1" Mexico dropped in 2019, blanked (same length: offsets hold)
            one = run.start() - offset + old_mobile.start(2)
            segment = segment[:one] + " " * len(old_mobile.group(2)) + segment[one + len(old_mobile.group(2)):]
            matches = list(phonenumbers.PhoneNumberMatcher(segment, "MX", leniency=phonenumbers.Leniency.VALID))
        if not matches and alternatives and not run.group(0).lstrip().startswith("+"):
            elsewhere = {other: found for other, found in ((other, list(phonenumbers.PhoneNumberMatcher(
                segment, other, leniency=phonenumbers.Leniency.VALID))) for other in alternatives) if found}
            if len(elsewhere) > 1 and _NANP_SHAPE.match(run.group(0)):
                # "(514) 305-1010" on a French page is Canadian, though
                # Luxembourg's plan has room for those ten digits too
                elsewhere = {other: found for other, found in elsewhere.items() if other in _NANP_REGIONS}
            if len(elsewhere) > 1:
                # "01555506205 / 0502749583": Egypt reads both, Saudi Arabia only the second
                most = max(map(len, elsewhere.values()))
                best = [other for other, found in elsewhere.items() if len(found) == most]
                elsewhere = {best[0]: elsewhere[best[0]]} if len(best) == 1 else elsewhere
            matches = next(iter(elsewhere.values())) if len(elsewhere) == 1 else []
        for match in matches:
            yield _Match(offset + match.start, offset + match.end, text[offset + match.start : offset + match.end],
                         match.number)


def _label_kind(doc: Document, line_index: int, own_text: str, before: str | None = None) -> str:
    """fax / whatsapp / mobile / phone, from the label nearest before the number:
    in its own line, else a short label line just above ("<h4>Fax</h4>")."""
    if before is None:
        line = doc.lines[line_index] if 0 <= line_index < len(doc.lines) else None
        text = line.text if line is not None else ""
        cut = text.find(own_text) if own_text else -1
        before = fold(text[: cut if cut >= 0 else len(text)][-_LABEL_WINDOW:])
    kind = _kind_of_label(before)
    if kind is None and 0 < line_index <= len(doc.lines):
        previous: Line = doc.lines[line_index - 1]
        if len(previous.text.split()) <= 4:
            kind = _kind_of_label(fold(previous.text))
    return kind or "phone"


# a number, then a word and its colon or stop: the label of the next number
_LABEL_PAST_NUMBER = re.compile(r"\d(?:[\s./()-]*\d){5,}\D*?[^\W\d_]{2,}\.?\s*[:.]\s*$")
# "T 020 638 2917 / F 020 638 2910", "t: … f: …": a fax by its initial, right before the number
_FAX_INITIAL = re.compile(r"(?:^|[\s|·,;/(])f\s?[:.]?\s*$")


def _kind_of_label(text: str) -> str | None:
    """The kind the last label in ``text`` names."""
    if _FAX_INITIAL.search(text):
        return "fax"
    best, best_start, best_end = None, -1, -1
    # at one place "mobile" is the more precise word of the two that match it
    for pattern, kind in ((_FAX_LABEL, "fax"), (_WHATSAPP_LABEL, "whatsapp"), (_MOBILE_LABEL, "mobile"),
                          (_PHONE_LABEL, "phone")):
        for match in pattern.finditer(text):
            if match.start() > best_start:
                best, best_start, best_end = kind, match.start(), match.end()
    if best == "fax" and _LABEL_PAST_NUMBER.search(text[best_end:]):
        # "Fax : 02 41 87 45 19 - Port. : 06 71 82 44 09": the fax's number,
        # then a label no list here holds; the fax label is not this number's
        return "phone"
    if best in ("whatsapp", "fax"):
        # "Telefon / WhatsApp", "WhatsApp & Tel.", "Tel./Fax", "電話 / FAX":
        # one label offering both, a phone first of all.
        for match in _PHONE_LABEL.finditer(text):
            if -1 <= best_start - match.end() <= 4 or -1 <= match.start() - best_end <= 4:
                return "phone"
    return best


# The value after an identifier's label: "VAT: FI06536922", "Y-tunnus: 0653692-2".
_IDENTIFIER_VALUE = re.compile(r"[\s:.#№-]*(?:[a-z]{1,3}[\s-]?)?(\d[\d .\-/]{4,}\d)")


def _identifier_digits(doc: Document) -> set[str]:
    """The digits of the page's register and tax numbers. The same digits
    elsewhere on the page, without a label ("Alakuijala Oy, 06536922" in an
    invoicing address), are that number again, not a phone."""
    digits = set()
    for line in doc.lines:
        folded = fold(line.text)
        for label in _IDENTIFIER_LABEL.finditer(folded):
            value = _IDENTIFIER_VALUE.match(folded, label.end())
            if value is not None:
                digits.add(re.sub(r"\D", "", value.group(1)))
    return digits


def _is_identifier(text: str, start: int, end: int, raw: str, above: str = "") -> bool:
    """A digit run that is a date, a price, a register or tax number, an
    order number or glued to letters, however valid it is as a number."""
    before = text[max(0, start - _LABEL_WINDOW) : start]
    from_above = not before.strip(" .:-–")
    if from_above:
        before = f"{above} {before}"
    folded = fold(before)
    labelled = bool(_LABEL_AT_END.search(folded))
    if start and not labelled and (text[start - 1].isalpha() or text[start - 1] in "-/.#"):
        return True  # "DE362667647", "B-84567213", "2-7-77"
    if end < len(text) and (text[end].isalpha() or text[end] in "-/"):
        return True
    if _DATE.match(raw) or _YEAR_SPAN.search(raw) or _MONEY.match(raw.strip()) or _TIME_SPAN.match(raw):
        return True
    if "·" in raw and not labelled and _TOWN_AFTER.match(text[end:end + 30]):
        return True  # "Carrer Major 74-76 · 25007 Lleida": a house number, then a postcode and its town
    if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(text[end : end + 6]):
        return True
    # The label nearest the number decides: "USt-IdNr. DE..., Tel. 030..."
    # is a phone; "Bestellnummer: 4711 0815" and "RCS Paris B 837..." are not.
    identifier = None
    for identifier in _IDENTIFIER_LABEL.finditer(folded):
        pass
    if identifier is None:
        return False
    phone_at = max((m.end() for p in (_PHONE_LABEL, _FAX_LABEL) for m in p.finditer(folded)), default=-1)
    if phone_at > identifier.end():
        return False
    gap = folded[identifier.end() :]
    if from_above and re.search(r"\d", gap):
        return False  # the line above labels its own digits ("Homedale, ID 83628": a state and ZIP)
    return len(gap) <= 30 and len(gap.split()) <= 3


def _dedupe(found: list[dict[str, str]]) -> list[dict[str, str]]:
    """One entry per number and kind; the best source's spelling wins."""
    best: dict[tuple[str, str], dict[str, str]] = {}
    for entry in found:
        kind = "voice" if entry["type"] in _VOICE else entry["type"]
        key = (entry["e164"], kind)
        current = best.get(key)
        if current is None:
            best[key] = entry
        elif SOURCE_RANK[entry["source"]] < SOURCE_RANK[current["source"]]:
            best[key] = {**entry, "type": current["type"] if current["type"] != "phone" else entry["type"]}
    return list(best.values())
