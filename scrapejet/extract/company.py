"""What a page says about the company itself: its name (from every place
a site states it, each kept with its source so a profile can weigh them
across pages), description, logo, opening hours, location, VAT and
register numbers."""

from __future__ import annotations

import re
from typing import Any, Iterable
from urllib.parse import urljoin

import lxml.etree
from lxml.html import HtmlElement

from scrapejet.extract.jsonld import item_properties, text_value, text_values
from scrapejet.extract.textlines import LINK, NAV, Document, Line, fold

_TITLE = lxml.etree.XPath("//title[not(ancestor::svg)]")
_META = lxml.etree.XPath("//meta[@content and (@name or @property)]")
_IMAGES = lxml.etree.XPath("//img[@src or @data-src]")
_HOME_LINK_TEXT = lxml.etree.XPath("//a[contains(concat(' ', normalize-space(@class), ' '), ' logo ') or contains(@class, 'brand')]")
_PARAGRAPHS = lxml.etree.XPath("//p")

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:»/\\-]\s+|\s*[|·•»]\s*|\s+-{2,}\s+")
# Title parts that name a page, not the company.
_GENERIC_TITLE = re.compile(
    r"^(?:home(?:page)?|start(?:seite)?|accueil|inicio|pagina iniziale|home ?page|welcome|willkommen|bienvenue|"
    r"bienvenido|benvenuti|welkom|bem-vindo|index|official (?:site|website)|offizielle website|site officiel|"
    r"contact(?: us)?|kontakt|impressum|imprint|legal notice|mentions legales|about(?: us)?|uber uns|a propos|"
    r"datenschutz(?:erklarung)?|privacy(?: policy| notice)?|cookies?(?: policy| notice)?|terms(?: .*)?|agb|"
    r"our team|team|services|leistungen|our portfolio|portfolio|legal|imprint|careers|jobs|karriere|"
    r"page not found|404|not found|blog|news|aktuelles)$"
)
_LEGAL_FORMS = re.compile(
    r"\b(?:GmbH(?: & Co\.? KG)?|gGmbH|UG(?: \(haftungsbeschr(?:ä|ae)nkt\))?|AG|KG|OHG|GbR|PartG(?:mbB)?|e\.K\.|e\.V\.|"
    r"SARL|S\.A\.R\.L\.|SAS|SASU|EURL|SA|SNC|SCI|SCP|SELARL|"
    r"Ltd\.?|Limited|LLP|PLC|plc|LLC|L\.L\.C\.|Inc\.?|Corp\.?|Co\.|"
    r"S\.L\.U?\.?|S\.A\.U?\.?|S\.r\.l\.s?|Srl|S\.p\.A\.|SpA|S\.n\.c\.|S\.a\.s\.|"
    r"B\.V\.|BV|N\.V\.|NV|V\.O\.F\.|Lda\.?|Unipessoal|"
    r"Pvt\.? Ltd\.?|Private Limited|LLP)(?=$|[\s,.)])"
)
# Labels in a legal notice whose value is the company's name.
_NAME_LABEL = re.compile(
    r"^(?:name|firma|firmenname|unternehmen|company(?: name)?|business name|trading name|nom|raison sociale|"
    r"denomination(?: sociale)?|societe|razon social|denominacion(?: social)?|empresa|ragione sociale|"
    r"denominazione(?: sociale)?|bedrijfsnaam|handelsnaam|denominacao(?: social)?|nome)\s*:\s*(.+)$"
)
# Lines that open a legal notice; the name comes after them, never before.
_LEGAL_HEADING = re.compile(
    r"impressum|angaben gemass|legal notice|imprint|mentions legales|editeur|aviso legal|note legali|"
    r"colofon|informacion legal|site notice|§"
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright|&copy;)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*", re.I)
_RIGHTS = re.compile(r"[.,|·]?\s*(?:all rights reserved|alle rechte vorbehalten|tous droits reserves|todos los derechos reservados|tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados).*$", re.I)
_VAT = re.compile(
    r"\b(DE ?\d{3} ?\d{3} ?\d{3}|ATU ?\d{8}|CHE[- ]?\d{3}\.\d{3}\.\d{3}(?: ?(?:MWST|TVA|IVA))?|FR ?[0-9A-Z]{2} ?\d{3} ?\d{3} ?\d{3}|"
    r"GB ?\d{3} ?\d{4} ?\d{2}(?:\d{3})?|NL ?\d{9}B\d{2}|BE ?0?\d{3}\.?\d{3}\.?\d{3}|ES ?[A-Z0-9]\d{7}[A-Z0-9]|"
    r"IT ?\d{11}|PT ?\d{9}|LU ?\d{8})\b"
)
_VAT_LABEL = re.compile(r"ust|vat|tva|iva|btw|mwst|uid|steuer|partita|nif|cif|gst|tax", re.I)
_REGISTRATION = re.compile(
    r"\b(?:(HR[AB]|GnR|PR|VR)\s?(\d{2,7}(?:\s?[A-Z]{1,2}\b)?)|"
    r"(SIRE[NT])\s*(?:n°|no|:)?\s*:?\s*(\d{3}\s?\d{3}\s?\d{3}(?:\s?\d{5})?)|"
    r"(RCS)\s+([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?\s(?:[AB]\s)?\d{3}\s?\d{3}\s?\d{3})|"
    r"(KvK|Kamer van Koophandel)(?:[- ]?(?:nummer|nr\.?))?\s*:?\s*(\d{8})|"
    r"(Company (?:number|No\.?|registration (?:number|No\.?)))\s*:?\s*([A-Z]{0,2}\d{6,8})|"
    r"(CIN)\s*:?\s*([LU]\d{5}[A-Z]{2}\d{4}[A-Z]{3}\d{6})|"
    r"(REA)\s*:?\s*([A-Z]{2}[- ]?\d{4,7}))",
    re.I,
)
_DAYS = {
    "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
    "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday", "publicholidays": "PublicHolidays",
}
_MIN_PARAGRAPH = 80


def extract_company(
    tree: HtmlElement,
    doc: Document,
    organisations: list[dict[str, Any]],
    base_url: str,
    *,
    role: str | None = None,
) -> dict[str, Any]:
    metas = _metas(tree)
    org = organisations[0] if organisations else {}
    candidates: dict[str, str] = {}

    def offer(source: str, value: str | None) -> None:
        value = " ".join((value or "").split()).strip(" -–|,")
        # "20[ ]" is a logotype, not a name a person could search for
        if value and len(value) <= 120 and source not in candidates and re.search(r"[^\W\d_]{2}", value):
            candidates[source] = value

    for node in organisations:
        offer("json-ld", text_value(node.get("name")))
        offer("json-ld-legal", text_value(node.get("legalName")))
    offer("legal-notice", legal_notice_name(doc, role))
    offer("legal-form", legal_form_name(doc))
    offer("og:site_name", metas.get("og:site_name"))
    offer("logo", _logo_text(tree))
    segments = title_segments(tree)
    if segments:
        offer("title", _brand_segment(segments, [candidates.get("og:site_name"), candidates.get("logo"), _site_label(base_url)]))

    description, description_source = None, None
    for source, value in (
        ("meta", metas.get("description")),
        ("og:description", metas.get("og:description")),
        ("json-ld", text_value(org.get("description"))),
        ("paragraph", _first_paragraph(tree, list(candidates.values())) if role in (None, "home", "about") else None),
    ):
        if value and len(value.strip()) >= 20:
            description, description_source = " ".join(value.split()), source
            break

    logo, logo_source = _logo(tree, organisations, base_url)
    company: dict[str, Any] = {
        "name": pick_name(candidates),
        "legal_name": candidates.get("json-ld-legal") or _legal_form_name(candidates),
        "description": description,
        "logo": logo,
        "opening_hours": opening_hours(organisations, tree),
        "geo": geo(organisations, tree, metas),
        "vat_id": vat_id(doc),
        "registration": registration(doc),
        "name_candidates": candidates,
        "title_segments": segments,
        "description_source": description_source,
        "logo_source": logo_source,
    }
    return company


# --- name --------------------------------------------------------------------

# Strongest first. A legal-notice name that is a person ("Nom : Léo Martin")
# rather than a firm counts only when nothing better names the business.
NAME_SOURCES = ("json-ld", "json-ld-legal", "legal-notice", "og:site_name", "title", "legal-form", "logo")


def pick_name(candidates: dict[str, str]) -> str | None:
    brand = [candidates[s] for s in ("og:site_name", "title", "logo") if s in candidates]
    for source in NAME_SOURCES:
        value = candidates.get(source)
        if not value:
            continue
        if source == "legal-notice" and not looks_like_brand(value, brand):
            continue
        return value
    return candidates.get("legal-notice")


def looks_like_brand(name: str, brand_names: Iterable[str]) -> bool:
    """A legal-notice name is the business's when it carries a legal form
    (GmbH, SARL, Ltd...) or shares a word with how the site names itself."""
    if _LEGAL_FORMS.search(name):
        return True
    words = {w for w in re.findall(r"\w+", fold(name)) if len(w) >= 3}
    return any(words & {w for w in re.findall(r"\w+", fold(other)) if len(w) >= 3} for other in brand_names)


def _legal_form_name(candidates: dict[str, str]) -> str | None:
    value = candidates.get("legal-notice")
    return value if value and _LEGAL_FORMS.search(value) else candidates.get("legal-form")


def title_segments(tree: HtmlElement) -> list[str]:
    """The parts of the <title> that may name the company ("Kontakt |
    Müller GmbH" -> ["Müller GmbH"])."""
    titles = _TITLE(tree)
    if not titles:
        return []
    text = " ".join((titles[0].text_content() or "").split())
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(text) if p and p.strip()]
    return [p for p in parts if not _GENERIC_TITLE.match(fold(p).strip(" .!")) and re.search(r"\w", p)]


def _brand_segment(segments: list[str], brand_names: list[str | None]) -> str | None:
    """The title part naming the company: the one that matches how the site
    otherwise names itself (og:site_name, logo, domain), else the first."""
    for name in brand_names:
        key = _squash(name or "")
        if len(key) < 3:
            continue
        for segment in segments:
            other = _squash(segment)
            if other and (key in other or other in key):
                return segment
    return segments[0] if segments else None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _site_label(url: str) -> str | None:
    from scrapejet.urls import registered_domain

    label = registered_domain(url).split(".")[0] if url else ""
    return label if label and not label.isdigit() else None


def _logo_text(tree: HtmlElement) -> str | None:
    """The name a header logo stands for: its alt text, or the text of a
    text-only logo link ("<a class=logo>LTB Avocat</a>")."""
    for image in _logo_images(tree)[:1]:
        alt = " ".join((image.get("alt") or "").split())
        alt = re.sub(r"(?i)\b(?:company |firmen)?(?:logo|logotipo|logotype)\b", "", alt).strip(" -–|:")
        if len(alt) >= 3 and not _GENERIC_TITLE.match(fold(alt)):
            return alt
        # "<a href=/><img alt='CA Logo'><h2>Mahesh Bandi & Associates</h2></a>"
        link = next((a for a in image.iterancestors() if a.tag == "a"), None)
        if link is not None:
            for heading in link.iter("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b"):
                text = " ".join(heading.text_content().split())
                if 3 <= len(text) <= 60:
                    return text
    for link in _HOME_LINK_TEXT(tree):
        text = " ".join(link.text_content().split())
        if 3 <= len(text) <= 60:
            return text
    return None


def legal_notice_name(doc: Document, role: str | None) -> str | None:
    """The name a legal notice gives the company: a labelled name ("Firma:",
    "Raison sociale :"), or else the line above its postal address."""
    lines = doc.lines
    is_notice = role == "legal" or any(
        line.heading and _LEGAL_HEADING.search(fold(line.text)) for line in lines[:80]
    )
    if is_notice:
        for line in lines:
            if line.third_party or line.flags & (NAV | LINK):
                continue
            if _NAME_LABEL.match(fold(line.text)):
                return line.text.split(":", 1)[1].strip()
        name = _name_above_address(lines)
        if name:
            return name
    return None


_NAME_DELIMITERS = re.compile(r"[:|·•–—;©(\[]|\s-\s|,(?!\s*$)|^.*\b(?:19|20)\d\d\b")


def legal_form_name(doc: Document) -> str | None:
    """The first firm name with a legal form on the page ("Müller
    Haustechnik GmbH", "© 2024 Harbor Dental Studio, LLC", "Responsável:
    Padaria Lisboa, Lda., geral@..."): the words before the legal form, back
    to the nearest label, separator or year."""
    for line in doc.lines:
        if line.third_party or line.flags & (NAV | LINK) or len(line.text.split()) > 14:
            continue
        text = _RIGHTS.sub("", line.text)
        for match in _LEGAL_FORMS.finditer(text):
            before = text[: match.start()]
            core = before.rstrip(" ,")
            cuts = [m.end() for m in _NAME_DELIMITERS.finditer(core)]
            start = cuts[-1] if cuts else 0
            name = (core[start:] + before[len(core) :] + match.group(0)).strip(" ,")
            words = name.split()
            if 2 <= len(words) <= 7 and any(c.isalpha() for c in words[0]) and not re.search(r"\d{4,}", name):
                return name
    return None


_POSTCODE_LINE = re.compile(r"(?<!\d)(?:[A-Z]{1,2}[-‑ ])?\d{4,5}\s+[A-ZÀ-Þ]|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")


def _name_above_address(lines: list[Line]) -> str | None:
    for index, line in enumerate(lines):
        postcode = _POSTCODE_LINE.search(line.text) if not line.third_party else None
        if postcode is None:
            continue
        # the street is this line's start ("Julius-Hatry-Straße 1 68163
        # Mannheim") or the line above
        j = index if re.search(r"\d", line.text[: postcode.start()]) else index - 1
        if j < index and (j < 0 or not re.search(r"\d", lines[j].text)):
            continue
        for k in range(j - 1, max(j - 4, -1), -1):
            above = lines[k]
            folded = fold(above.text)
            if above.third_party or _LEGAL_HEADING.search(folded) or re.search(r"\d{3,}", above.text):
                break
            if ":" in above.text or (above.heading and len(above.text.split()) <= 2):
                continue  # "Inhaberin: Regina B.", "Postanschrift"
            if 1 <= len(above.text.split()) <= 8 and not above.flags & (LINK | NAV):
                return above.text
            break
        return None
    return None


# --- description, logo ---------------------------------------------------------


def _metas(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in _META(tree):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = " ".join((meta.get("content") or "").split())
        if key and value and key not in found:
            found[key] = value
    return found


def _first_paragraph(tree: HtmlElement, names: list[str]) -> str | None:
    """The first substantial paragraph, preferring one that names the
    company ("Kristall Reinigung ist ein Familienunternehmen...") over a
    promotion that happens to come first."""
    words = {w for name in names for w in re.findall(r"\w{4,}", fold(name))}
    first = None
    for paragraph in _PARAGRAPHS(tree):
        if any(a.tag in ("footer", "header", "nav", "form", "aside") for a in paragraph.iterancestors()):
            continue
        text = " ".join(paragraph.text_content().split())
        if len(text) < _MIN_PARAGRAPH or "@" in text or "©" in text:
            continue
        if words & set(re.findall(r"\w{4,}", fold(text))):
            return text
        first = first or text
    return first


def _logo_images(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for image in _IMAGES(tree):
        marker = " ".join(image.get(a) or "" for a in ("class", "id", "alt", "src")).lower()
        parent = image.getparent()
        if parent is not None:
            marker += " " + " ".join(parent.get(a) or "" for a in ("class", "id")).lower()
        if "logo" in marker:
            found.append(image)
    # A header logo is the site's; a footer one usually the same; a logo in
    # the body is as likely a client's or a partner's, unless the alt says
    # whose it is.
    ranked = []
    for image in found:
        if _in_region(image, ("header", "nav")) or _links_home(image):
            ranked.append((0, image))
        elif _in_region(image, ("footer",)):
            ranked.append((1, image))
        elif re.search(r"(?i)\b(?:company|site|our|firmen)[ -]?logo\b", image.get("alt") or ""):
            ranked.append((2, image))
    return [image for _, image in sorted(ranked, key=lambda pair: pair[0])]


def _links_home(image: HtmlElement) -> bool:
    from scrapejet.extract.roles import is_home_path

    link = next((a for a in image.iterancestors() if a.tag == "a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    return bool(href) and not href.startswith(("#", "mailto:", "tel:")) and is_home_path(href)


def _in_region(element: HtmlElement, tags: tuple[str, ...]) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in tags or any(t in (ancestor.get("class") or "").lower() for t in tags):
            return True
    return False


def _logo(tree: HtmlElement, organisations: list[dict[str, Any]], base_url: str) -> tuple[str | None, str | None]:
    for org in organisations:
        value = text_value(org.get("logo"))
        if value:
            return urljoin(base_url, value), "json-ld"
    for image in _logo_images(tree):
        src = (image.get("src") or image.get("data-src") or "").strip()
        if src and not src.startswith("data:"):
            return urljoin(base_url, src), "img"
    return None, None


# --- hours, geo, numbers --------------------------------------------------------


def opening_hours(organisations: list[dict[str, Any]], tree: HtmlElement) -> list[Any]:
    hours: list[Any] = []
    for org in organisations:
        specs = org.get("openingHoursSpecification")
        for spec in specs if isinstance(specs, list) else [specs] if specs else []:
            if not isinstance(spec, dict):
                continue
            days = [_day(d) for d in text_values(spec.get("dayOfWeek"))]
            entry = {"days": [d for d in days if d], "opens": text_value(spec.get("opens")), "closes": text_value(spec.get("closes"))}
            for extra in ("validFrom", "validThrough"):
                if spec.get(extra):
                    entry[extra] = text_value(spec.get(extra))
            hours.append(entry)
        hours.extend(text_values(org.get("openingHours")))
        if hours:
            return hours
    for name, value, _ in item_properties(tree):
        if name == "openingHours":
            hours.append(value)
    return hours


def _day(value: str) -> str | None:
    return _DAYS.get(value.rsplit("/", 1)[-1].lower().replace(" ", ""))


def geo(organisations: list[dict[str, Any]], tree: HtmlElement, metas: dict[str, str]) -> dict[str, float] | None:
    for org in organisations:
        places = [org] + [p for p in (org.get("location") if isinstance(org.get("location"), list) else [org.get("location")]) if isinstance(p, dict)]
        for place in places:
            point = place.get("geo")
            if isinstance(point, list):
                point = point[0] if point else None
            if isinstance(point, dict):
                found = _coordinates(point.get("latitude"), point.get("longitude"))
                if found:
                    return found
    props = {name: value for name, value, _ in item_properties(tree) if name in ("latitude", "longitude")}
    found = _coordinates(props.get("latitude"), props.get("longitude"))
    if found:
        return found
    position = metas.get("geo.position") or metas.get("icbm")
    if position:
        parts = re.split(r"[;,]\s*", position)
        if len(parts) == 2:
            return _coordinates(parts[0], parts[1])
    return None


def _coordinates(lat: Any, lon: Any) -> dict[str, float] | None:
    try:
        lat_f, lon_f = float(str(lat).strip()), float(str(lon).strip())
    except (TypeError, ValueError):
        return None
    if -90 <= lat_f <= 90 and -180 <= lon_f <= 180 and (lat_f, lon_f) != (0.0, 0.0):
        return {"lat": lat_f, "lon": lon_f}
    return None


def vat_id(doc: Document) -> str | None:
    previous = ""
    for line in doc.lines:
        if line.third_party:
            previous = ""
            continue
        match = _VAT.search(line.text)
        # the label may stand on the line above: "USt-IdNr.:<br>DE 287 456 193"
        if match and (_VAT_LABEL.search(line.text) or _VAT_LABEL.search(previous) or len(line.text.split()) <= 2):
            return match.group(1).replace(" ", "")
        previous = line.text
    return None


# A line that gives the company's own entry in a register, though it names
# the court that keeps it ("Registergericht: Amtsgericht Freiburg, HRB 701234"),
# which marks the line as a third party's for phones and addresses.
_OWN_REGISTER_LINE = re.compile(r"^(?:registergericht|handelsregister|registernummer|registereintrag|eintragung im)", re.I)


def registration(doc: Document) -> str | None:
    previous = ""
    for line in doc.lines:
        if line.third_party and not _OWN_REGISTER_LINE.match(line.text.strip()):
            previous = ""
            continue
        # the label may stand on the line above: "Company Number:<br>14599592"
        match = _REGISTRATION.search(line.text) or (
            _REGISTRATION.fullmatch(f"{previous} {line.text.strip()}") if previous.endswith(":") else None)
        if match:
            groups = [g for g in match.groups() if g]
            return " ".join(" ".join(g.split()) for g in groups[:2])
        previous = line.text.strip()
    return None


def brand_words(company: dict[str, Any], site_url: str, email_domains: Iterable[str]) -> list[str]:
    """Names a social handle of the company would resemble."""
    from scrapejet.urls import registered_domain

    words = [value for value in company.get("name_candidates", {}).values()]
    words.extend(company.get("title_segments") or [])
    for domain in [registered_domain(site_url) if site_url else ""] + list(email_domains):
        label = domain.split(".")[0] if domain else ""
        if label and not label.isdigit() and label not in ("gmail", "googlemail", "yahoo", "outlook", "hotmail", "gmx", "web", "icloud", "localhost"):
            words.append(label)
    return words


