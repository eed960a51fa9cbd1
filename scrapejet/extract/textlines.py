"""A page as a reader sees it: visible text broken into lines, each line
knowing where it sits (header, footer, nav, <address>, a heading, a widget)
and whether the page says it belongs to someone else (the web host, a
regulator, the web designer).

The contact extractors work on these lines rather than on the raw tree:
an address spans a ``<br>``, an obfuscated email spans three ``<span>``s,
and "the block after the heading *Hosting*" is a statement about lines."""

from __future__ import annotations

import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass, field

import lxml.etree
from lxml.html import HtmlElement

from scrapejet.extract.links import link_target, social_plugin_target

# Where text cannot be seen, or is form furniture rather than content
# (a <select> lists options, not facts about the company).
_SKIP = frozenset(
    "script style noscript template head svg math iframe object embed select textarea "
    "input canvas video audio picture".split()
)
_BLOCK = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot "
    "th thead tr ul caption legend center html".split()
)
# A word-break opportunity inside a word ("odvjetnik-<wbr>susilovic@hi.t-<wbr>com.hr",
# "01/6187-<wbr>196"): no boundary between the two halves.
_WORD_BREAKS = frozenset({"wbr"})
# Characters page builders put inside words so they may break there: a soft
# hyphen, zero-width spaces and joiners. A reader sees none of them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "dt": 7, "th": 7, "legend": 7, "caption": 7}
_BOLD = frozenset({"strong", "b"})

# Marks a boundary between two inline elements with no white space between
# them: "<b>E-Mail</b>info@x.de" must not read as the address
# "e-mailinfo@x.de", yet "<span>info</span>@<span>x.de</span>" is one address.
INLINE_MARK = "\u2063"

HEADER = 1
FOOTER = 2
NAV = 4
ADDRESS = 8
WIDGET = 16
BOLD = 32
LINK = 64
# A block the page names its contact details ("<section id=\"contact\">",
# "contact-details-row"): where a site puts its own address, as a footer is
CONTACT = 128

_CONTEXT_TAGS = {"header": HEADER, "footer": FOOTER, "nav": NAV, "address": ADDRESS, "aside": 0}
# Class/id words page builders use for the same regions. Checked on words
# (split at - and _) so "subheader-text" is not a header but "site-header" is.
_CONTEXT_WORDS = {
    "header": HEADER, "masthead": HEADER, "topbar": HEADER, "navbar": NAV, "nav": NAV, "menu": NAV,
    "navigation": NAV, "footer": FOOTER, "colophon": FOOTER, "bottom": FOOTER,
    "contact": CONTACT, "contacts": CONTACT, "kontakt": CONTACT, "contacto": CONTACT, "contatti": CONTACT,
    "contato": CONTACT,
}
# CSS utility classes that name a side, not a region of the page.
_SPACING_CLASS = re.compile(r"\b(?:padding|margin|border|rounded|radius|align|valign|"
                            r"vertical-align|text|float|shadow|p[btxy]?|m[btxy]?|pull|push|offset|space|gap)[-_]bottom\b")
# Blocks a third party puts on the page: booking and chat widgets, consent
# banners, "powered by" boxes. Their contact details are the vendor's.
# "widget" alone is not one: CMSs and page builders call every block of the
# site's own content a widget ("widget_text", "footer-widget",
# "elementor-widget", "echelon-html-widget"); a vendor's widget says what
# service it is ("booking-widget", "calendly-inline-widget", "chat-widget").
_WIDGET_RE = re.compile(
    r"(?:booking|reserv|calend|appointment|termin|schedul|chat|messenger|review|rating|trustpilot|"
    r"weather|ticket|payment|donat)\w*[\w-]*widget|widget[\w-]*(?:booking|reserv|calend|chat|review)|"
    r"embed|powered|third-?party|booking-?engine|chatbot|livechat|intercom|zendesk|tawk|"
    r"cookie-?(?:banner|consent|notice|bar)|consent|cookiebot|onetrust|usercentrics|iubenda|cmplz",
    re.I,
)
_WORD_SPLIT = re.compile(r"[\s_\-]+")


@dataclass(slots=True)
class Line:
    """One visual line of text. ``raw`` keeps INLINE_MARK at element
    boundaries; ``text`` is what a reader sees."""

    raw: str
    flags: int = 0
    heading: int = 0  # 1-6 for h1-h6, 7 for dt/th/legend, 0 for body text
    block: int = 0  # lines of one block element (split only by <br>) share it
    third_party: bool = False
    text: str = field(default="", init=False)

    def __post_init__(self) -> None:
        self.text = _collapse(self.raw.replace(INLINE_MARK, " "))


@dataclass(slots=True)
class Anchor:
    href: str
    text: str
    line: int  # index of the line the link text starts in
    flags: int
    element: HtmlElement


@dataclass(slots=True)
class Document:
    lines: list[Line]
    anchors: list[Anchor]

    def line_of(self, anchor: Anchor) -> Line | None:
        if 0 <= anchor.line < len(self.lines):
            return self.lines[anchor.line]
        return None


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ħ": "h"})


def fold(text: str) -> str:
    """Lower-case, accents dropped, ß as ss: the form words are compared in,
    so "Über uns", "ueber uns" and "uber uns" meet."""
    text = text.lower()
    if text.isascii():
        return text
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_LETTERS)))
    # (the marks left are those of other scripts: a kana's voicing mark, a Hangul
    # syllable's letters join their base again, or "ゴ" would be two words)
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _element_flags(element: HtmlElement) -> int:
    tag = element.tag
    flags = _CONTEXT_TAGS.get(tag, 0)
    if tag in _BOLD:
        flags |= BOLD
    elif tag == "a":
        flags |= LINK
    if element.get("role") == "navigation":
        flags |= NAV
    names = element.get("class")
    ident = element.get("id")
    if names or ident:
        joined = f"{names or ''} {ident or ''}"
        if _WIDGET_RE.search(joined):
            flags |= WIDGET
        # (a spacing utility is no region: "padding-bottom" on <body>, "mb-bottom")
        for word in _WORD_SPLIT.split(_SPACING_CLASS.sub(" ", joined.lower())):
            flags |= _CONTEXT_WORDS.get(word, 0)
    return flags


def read_document(tree: HtmlElement, widget_roots: set[HtmlElement] | frozenset[HtmlElement] = frozenset()) -> Document:
    """Lines and links of a parsed page, in reading order, in one pass.
    ``widget_roots`` are elements known to be a third party's widget."""
    lines: list[Line] = []
    anchors: list[Anchor] = []
    parts: list[str] = []
    line_flags = -1  # flags of the element the current line's first text came from
    line_heading = 0
    block = 0
    stack: list[tuple[int, int]] = [(0, 0)]  # (flags, heading level) per open element

    def add(text: str | None, flags: int, heading: int) -> None:
        nonlocal line_flags, line_heading
        if not text:
            return
        text = text.translate(_INVISIBLE)
        if text.strip():
            if line_flags < 0:
                line_flags, line_heading = flags, heading
            elif not flags & BOLD:
                # Bold only when all of it is: "<b>Nom :</b> Léo" is a value.
                line_flags &= ~BOLD
        parts.append(text)

    def flush(new_block: bool = True) -> None:
        nonlocal line_flags, line_heading, block
        if parts:
            raw = _clean_marks("".join(parts))
            if raw:
                lines.append(Line(raw, max(line_flags, 0), line_heading, block))
            parts.clear()
        line_flags, line_heading = -1, 0
        if new_block:
            block += 1

    body = tree.find("body")
    root = body if body is not None else tree
    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):
            flags, heading = stack[-1]
            add(element.tail, flags, heading)
            continue
        tag = element.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if event == "start":
            icon = _icon_label(element, tag)
            if icon:
                add(f" {icon} ", *stack[-1])
            if tag in _ICON_TAGS and _is_ligature_icon(element):
                # <span class="material-icons">place</span>: a glyph, its word no text
                # (but a phone's or a fax's glyph labels the number after it)
                label = _LIGATURE_WORDS.get((element.text or "").strip().lower())
                if label:
                    add(f" {label} ", *stack[-1])
                walker.skip_subtree()
                stack.append(stack[-1])
                continue
            plugin = social_plugin_target(element)
            if plugin:
                # a Like button or page plugin: a link to the page it shows
                anchors.append(Anchor(plugin, "", len(lines), (stack[-1][0] | _element_flags(element)) & ~WIDGET, element))
            if tag in _SKIP or element.get("hidden") is not None:
                walker.skip_subtree()
                stack.append(stack[-1])
                continue
            parent_flags, parent_heading = stack[-1]
            flags = parent_flags | _element_flags(element)
            if widget_roots and element in widget_roots:
                flags |= WIDGET
            heading = _HEADINGS.get(tag, parent_heading)
            stack.append((flags, heading))
            if tag in _BLOCK:
                flush(tag != "br")
            elif tag not in _WORD_BREAKS:
                parts.append(INLINE_MARK)
            if tag in ("a", "area") or element.get("onclick"):
                # (an image map's <area> is a link too: "Facebook" and "E-Mail" drawn on one picture;
                # so is a button or an icon a script sends on: onclick="window.open('https://facebook.com/…')")
                href = link_target(element)
                if href:
                    text = _link_text(element) if tag != "area" else element.get("alt") or ""
                    anchors.append(Anchor(href.strip(), _collapse(text), len(lines), flags, element))
            add(element.text, flags, heading)
        else:
            stack.pop()
            if tag in _BLOCK and tag != "br":
                flush()
            elif tag not in _WORD_BREAKS:
                parts.append(INLINE_MARK)
            flags, heading = stack[-1]
            add(element.tail, flags, heading)
    flush()
    lines, anchors, values = _joined_columns(lines, anchors)
    mark_third_party(lines)
    for group in values:
        if lines[group[0]].third_party:
            for index in group[1:]:
                lines[index].third_party = True
    return Document(lines, anchors)


# A table drawn as two columns side by side (site builders' exports): the
# labels one under the other ("Alamat" / "No. Telefon" / "No. Faksimili"),
# then the values, each after a colon (": 118, Jalan Abdul Hamid…" / ": 05 -
# 312 1625" / ": 05 - 312 6694"); the lines that follow a value without a
# colon go on with it ("CHARTERED ACCOUNTANTS" under the auditor's name).
_COLUMN_LABELS_MIN = 3
_COLUMN_LABEL_WORDS = 4
_COLUMN_VALUE_LINES = 2  # lines a value goes on for after its colon's
_LABEL_COLON = re.compile(r"[^\W\d]\s*:(?:\s|$)")  # "Paparan : Laman…", not "8:30 pagi"


def _column_label(text: str) -> bool:
    return (0 < len(text.split()) <= _COLUMN_LABEL_WORDS and len(text) <= 40 and ":" not in text
            and not _DIGIT.search(text) and "@" not in text)


def label_columns(texts: list[str]) -> list[tuple[int, list[int]]]:
    """The two-column tables among lines of text: for each value, its
    label's line and its own lines (the colon's first). Fewer values than
    labels: the first labels were a heading ("Profil Syarikat")."""
    pairs: list[tuple[int, list[int]]] = []
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and _column_label(texts[j]):
            j += 1
        values: list[list[int]] = []
        k = j
        while j - i >= _COLUMN_LABELS_MIN and k < len(texts) and len(values) <= j - i:
            text = texts[k]
            if text.startswith(":") and len(text) > 1:
                if len(values) == j - i:
                    break
                values.append([k])
            elif values and len(values[-1]) <= _COLUMN_VALUE_LINES and not _LABEL_COLON.search(text):
                values[-1].append(k)  # the value goes on
            else:
                break
            k += 1
        if len(values) >= _COLUMN_LABELS_MIN:
            pairs += [(j - len(values) + offset, value) for offset, value in enumerate(values)]
            i = k
        else:
            i = max(j, i + 1)
    return pairs


def joined_label_columns(text: str) -> str:
    """Plain text (or Markdown) with each two-column table's values after
    their labels: "No. Pendaftaran : 920189-P" where the page showed the
    labels one under the other, then the values."""
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]  # (Markdown's blank lines apart)
    pairs = label_columns([lines[index].strip() for index in filled])
    if not pairs:
        return text
    labels = set()
    for label, value in pairs:
        label, first = filled[label], filled[value[0]]
        lines[first] = f"{lines[label].strip()} {lines[first].strip()}"
        labels.add(label)
    joined = "\n".join(line for index, line in enumerate(lines) if index not in labels)
    return re.sub(r"\n{3,}", "\n\n", joined)  # (the blank lines the labels stood between)


def _joined_columns(lines: list[Line], anchors: list[Anchor]) -> tuple[list[Line], list[Anchor], list[list[int]]]:
    """The lines with each two-column table's labels moved onto their values
    (a label left alone above would head what follows it), the anchors'
    line numbers kept in step; and each value's lines."""
    pairs = label_columns([line.text for line in lines])
    if not pairs:
        return lines, anchors, []
    moved: dict[int, int] = {}
    for label, value in pairs:
        line = lines[value[0]]
        line.raw = f"{lines[label].raw.strip()} {line.raw}"
        line.text = _collapse(line.raw.replace(INLINE_MARK, " "))
        moved[label] = value[0]
    index: dict[int, int] = {}
    kept: list[Line] = []
    for old, line in enumerate(lines):
        if old not in moved:
            index[old] = len(kept)
            kept.append(line)
    for old, value in moved.items():
        index[old] = index[value]
    for anchor in anchors:
        anchor.line = index.get(anchor.line, anchor.line - len(moved))
    return kept, anchors, [[index[i] for i in value] for _, value in pairs]


# An icon font's glyph (<i class="fa fa-fax">) or an inline SVG icon that
# stands where a label would: the word a reader sees in it, so the number
# after a fax icon is read as a fax. Only the kinds a number can be.
# (a printer's glyph stands for the fax: "icon-print", "glyphicon-print", "bi-printer")
_ICON_KIND = re.compile(r"(?:^|[-_])(fax|print|printer|whatsapp|phone|telephone|mobile|smartphone)(?:$|[-_])")
_ICON_WORDS = {"fax": "Fax", "print": "Fax", "printer": "Fax", "whatsapp": "WhatsApp"}
# A small picture standing for the label: <img src="fax.png" alt="Fax"> 0821 45 67 90
_IMAGE_LABEL = re.compile(r"^(?:tel|tel\.|telefon|telephone|phone|fon|fax|telefax|mobil|mobile|handy|whatsapp)$", re.I)
_ICON_TAGS = frozenset({"i", "span", "em", "svg"})


# An icon font drawing its glyph from a word (Google's Material Icons and
# Symbols): "<span class="material-icons">photo_camera</span>Instagram".
_LIGATURE_ICON = re.compile(r"^material-(?:icons|symbols)")
_LIGATURE_WORDS = {"phone": "Tel", "call": "Tel", "local_phone": "Tel", "phone_in_talk": "Tel", "smartphone": "Tel",
                   "phone_iphone": "Tel", "phone_android": "Tel", "fax": "Fax"}


def _is_ligature_icon(element: HtmlElement) -> bool:
    classes = element.get("class")
    return bool(classes) and any(_LIGATURE_ICON.match(token) for token in classes.lower().split())


def _link_text(element: HtmlElement) -> str:
    """A link's text as a reader sees it: without the words of ligature icons."""
    icons = [e for e in element.iter(*_ICON_TAGS) if _is_ligature_icon(e)]
    if not icons:
        return element.text_content()
    copy = deepcopy(element)
    for icon in [e for e in copy.iter(*_ICON_TAGS) if _is_ligature_icon(e)]:
        icon.drop_tree()
    return copy.text_content()


def _icon_label(element: HtmlElement, tag: str) -> str | None:
    if tag == "img":
        alt = (element.get("alt") or "").strip()
        return alt if _IMAGE_LABEL.match(alt) else None
    if tag not in _ICON_TAGS:
        return None
    classes = element.get("class")
    if not classes or (tag != "svg" and ((element.text or "").strip() or len(element))):
        return None
    for token in classes.lower().split():
        match = _ICON_KIND.search(token)
        if match:
            return _ICON_WORDS.get(match.group(1), "Tel")
    return None


_MARK_RUN = re.compile(f"{INLINE_MARK}+")
_MARK_NEAR_SPACE = re.compile(rf"\s*{INLINE_MARK}\s+|\s+{INLINE_MARK}\s*")


def _clean_marks(raw: str) -> str:
    """Collapse white space; keep a mark only where two inline elements touch."""
    if INLINE_MARK not in raw:
        return " ".join(raw.split())
    raw = _MARK_RUN.sub(INLINE_MARK, raw)
    raw = _MARK_NEAR_SPACE.sub(" ", raw)
    raw = " ".join(raw.split())
    return raw.strip(INLINE_MARK + " ")


# --- whose block is it -------------------------------------------------------
# A legal notice names other parties with their full postal address (the web
# host, the supervisory authority, the dispute-resolution body, the designer).
# A label with one of these words hands the block it introduces to them; a
# line that merely mentions one of them is theirs alone.
_THIRD_PARTY_LABEL = re.compile(
    r"^(?:(?:web)?\s?hosting(?:[\s-]?(?:provider|anbieter|partner|dienstleister|del sito|du site))?|hoster|"
    r"(?:technischer\s)?provider|hosted by|gehostet (?:bei|von|durch)|"
    r"hebergeur(?: du site)?|hebergement(?: du site)?|heberge par|hospedaje|alojamiento(?: web)?|"
    r"proveedor de (?:hosting|alojamiento)|fornitore (?:di )?hosting|hostingprovider|hosting partij|"
    r"alojamento|hospedagem|tarhely(?:szolgaltato)?(?: es it)?|gazduire(?: web)?|webbhotell|webhotel|"
    r"(?:zust(?:a|ae)ndige )?aufsichtsbeh(?:o|oe)rden?|felugyeleti hatosag|(?:zustandige )?(?:berufs|landesnotar|notar|handwerks|arzte|zahnarzte|"
    r"rechtsanwalts|steuerberater|architekten|ingenieur)?kammer|berufsrechtliche regelungen|"
    r"professional body|bar association|ordre des (?:avocats|medecins|architectes)|colegio (?:oficial )?de [a-z]+|"
    r"ordine (?:degli|dei) [a-z]+|supervisory authority|regulatory authority|regulator|"
    r"licensing authority|autorite de controle|autoridad de control|autorita di (?:controllo|vigilanza)|"
    r"toezichthouder|autoridade de controlo|"
    r"(?:eu[\s-])?streitschlichtung|(?:online[\s-])?streitbeilegung|verbraucherstreitbeilegung|"
    r"schlichtungsstelle|(?:online |alternative )?dispute resolution|mediat(?:eur|ion)(?: de la consommation)?|"
    r"ombudsman|resolu[cç][aã]o alternativa de litigios|resolucion alternativa de litigios|"
    r"risoluzione alternativa delle controversie|reglement (?:extrajudiciaire|amiable) des litiges|"
    r"geschillencommissie|entidades? de resolu\w+ alternativa|(?:[\w-]+ )*bekelteto testulet|"
    r"web\s?design(?:er)?(?: (?:by|und|&|and) .*)?|(?:site )?realis(?:ation|e par)(?: du site)?|"
    r"conception(?: du site)?|createur du site|creation du site|umsetzung|gestaltung|konzeption(?: (?:und|&) (?:gestaltung|design))?|"
    r"credits(?: photos?)?|photo credits?|bildnachweis|bildquellen|image credits|"
    # a company profile's auditor and company secretary, each with their own address
    r"(?:statutory )?auditors?|company secretar(?:y|ies)|juruaudit|setiausaha syarikat|wirtschaftsprufer|"
    r"commissaire aux comptes|revisionsstelle)\b",
)
# A legal notice's credits under headings of one word ("Design",
# "Fotografie", "Technik & Administration"): only as a heading, a line that
# opens with the word ("Design und Bau von Küchen") being the business's own.
_CREDIT_HEADING = re.compile(r"(?:design|grafik(?:design)?|fotografie|fotos|fotografia|photography|photos|"
                             r"technik(?: (?:und |& )?administration)?|technische (?:umsetzung|betreuung)|"
                             r"administration|programmierung)\s*:?")
# Where directions start from: the address and phone under "Anreise von der
# Luftseilbahn Talstation" (a link to the cable car's site, often) are the
# valley station's, not the restaurant's up the hill.
_DIRECTIONS_FROM = re.compile(
    r"^(?:(?:anreise|anfahrt|zufahrt|fussweg|wanderweg) (?:von|ab|vom) |directions from |(?:walking |driving )?from the "
    r"(?:station|airport|car park|parking)\b|acces (?:depuis|a partir) |(?:como llegar |llegada |llegar )desde |"
    r"(?:come arrivare |arrivo )?dalla? (?:stazione|aeroporto)\b|route vanaf |vanaf (?:het station|de luchthaven)\b)"
)
# A line longer than this is a page of prose run together, no credit or
# authority's line: a mention somewhere in it does not make all of it a third
# party's (and searching a megabyte-long line for them costs seconds)
_MENTION_MAX_LINE = 5000
_THIRD_PARTY_MENTION = re.compile(
    r"hosted by|hosting provider|webhosting|gehostet (?:bei|von)|hebergeur|heberge (?:par|chez)|"
    r"hebergement|alojado (?:por|en)|ospitato (?:da|presso)|gehost (?:door|bij)|hospedado (?:por|em)|"
    r"aufsichtsbeh(?:o|oe)rde|supervisory authority|regulatory authority|licensing authority|"
    # the shared on-call and poison services a practice sends patients to out of hours
    # (by their institutions' names: a plumber's own "Notdienst" is its own line)
    r"bereitschaftsdienst|vertretungsdienst|kassen(?:zahn)?arztlich\w*|"
    r"(?<!unser )(?<!unsere )(?<!unseren )(?<!unserem )\b(?:zahn|tier)?arztlich\w* notdienst\w*|"
    r"notdienstpraxis|giftnotruf|giftinformation\w*|huisartsenpost|spoedpost|dokterswacht|guardia medica|"
    r"centre antipoison|poison (?:control|information)|out[- ]of[- ]hours (?:service|gp|doctor)|\bnhs 111\b|"
    # (the Nordic ones: a region's or a municipality's on-call vet or doctor, "alueen päivystysnumero")
    r"alueen (?:elainlaakari)?paivystys\w*|paivystysalue\w*|yhteispaivystys\w*|kunnallinen (?:elainlaakari)?paivystys\w*|"
    r"virka-?ajan ulkopuolella\W+(?:soita|ota yhteytta) (?!meille\b|meihin\b)|"
    r"jourhavande (?:veterinar|lakare)\w*|veterinarjouren|legevakt\w*|laegevagt\w*|dyrlaegevagt\w*|dyrlegevakt\w*|"
    # the pharmacy on duty, and the tourist office a holiday let points its guests to
    r"apotheken-?notdienst|notdienst-?apotheke|pharmacie de garde|farmacia de (?:guardia|turno)|farmacia di turno|"
    r"tourist[- ]?information|touristeninformation|tourist info\b|tourist office|visitor (?:centre|center|information)|"
    r"fremdenverkehrsamt|verkehrsverein|kurverwaltung|office de tourisme|syndicat d.initiative|ufficio turistico|"
    r"ufficio informazioni turistiche|oficina de turismo|oficina municipal de turismo|toeristische informatie|"
    r"turistinformation|turistkontor|matkailuneuvonta|informacja turystyczna|turisticke informacni centrum|"
    # the taxis and buses a guest house points to, the utility to call about a gas
    # leak (not "call us"), the sister business next door: their numbers, not ours
    r"local taxis?\b|taxi (?:rank|firms|companies)\b|bus (?:timetables?|times|information)\b|"
    # (how to come by taxi, and whom to call for one: "podés llegar en remis (Remis "La 79", Tel. …)")
    r"\b(?:llegar|ir|venir|viajar) en (?:remis|taxi)\b|\b(?:get|come|travel) (?:here )?by (?:taxi|cab)\b|"
    r"\bmit dem taxi\b|\b(?:venir|arriver) en taxi\b|\b(?:arrivare|venire) in taxi\b|"
    r"gas (?:leaks?|emergenc(?:y|ies))\W+(?:please )?(?:call|contact|ring) (?!us\b|our\b)|"
    r"\bsister (?:restaurant|hotel|property|cafe|bar|shop|store|company|business)\b|"
    # the breakdown clubs, the police and the mountain rescue a garage's or a guest
    # house's page lists, each named as a label ("Pannenhilfe ADAC:", "Politie (geen spoed):"),
    # and whoever a practice sends patients to out of hours (not "call us")
    r"\bpannenhilfe\b|\bpechhulp\b|\b(?:adac|anwb|oamtc|the aa|rac)\s*:|"
    r"\b(?:polizei|politie|police|polizia|policia|gendarmerie|bergwacht|bergrettung|mountain rescue|coastguard|"
    r"feuerwehr|fire brigade)(?:\s*\([^()]{1,30}\))?\s*:|"
    r"out[- ]of[- ]hours\W+(?:please )?(?:call|contact|ring) (?!us\b|our\b)|"
    # the specialists a business sends work it does not do to: "we recommend calling the chip-repair specialists on …"
    r"\brecommend (?:calling|contacting|you (?:call|contact))\b(?! us\b)|\b(?:refer|point) you to\b(?! us\b)|"
    # the consumer ombudsman a Greek shop's terms send disputes to
    r"συνηγορος του (?:καταναλωτη|πολιτη)|"
    # the data protection authority a privacy notice tells where to complain to
    # (by its name: the company's own data protection officer is the company's)
    r"data protection (?:authority|commission)|information commissioner|information regulator|privacy commissioner|datenschutzbeh(?:o|oe)rde|"
    r"(?:landes|bundes)beauftragte[rn]? fur (?:den )?datenschutz|commission nationale de l.informatique|\bcnil\b|"
    r"autorite de protection des donnees|garante per la protezione|agencia espanola de proteccion de datos|"
    r"\baepd\b|autoriteit persoonsgegevens|gegevensbeschermingsautoriteit|comissao nacional de protecao de dados|"
    r"autoridade nacional de protecao de dados|\bcnpd\b|urzedu? ochrony danych|\bp?uodo\b|"
    r"urad pro ochranu osobnich udaju|urad na ochranu osobnych udajov|datatilsynet|integritetsskyddsmyndigheten|"
    r"tietosuojavaltuutetu|adatvedelmi es informacioszabadsag|autoritatea nationala de supraveghere|"
    r"autoritat\w* de supraveghere|\banspdcp\b|αρχη προστασιας δεδομενων|\bαπδπχ\b|"
    # Slovenia's, Croatia's, Lithuania's, Latvia's, Estonia's, Bulgaria's
    r"informacijsk\w* pooblascen\w*|agencij\w* za zastitu osobnih podataka|\bazop\b|"
    r"valstybin\w* duomenu apsaugos inspekcij\w*|datu valsts inspekcij\w*|andmekaitse inspektsioon\w*|"
    r"комисия за защита на личните данни|"
    # the consumer authorities and dispute bodies a Central European shop's
    # terms name with their address ("Hajdú-Bihar Vármegyei Békéltető
    # Testület, 4025 Debrecen, Petőfi tér 10."), and its web host
    r"bekelteto testulet|fogyasztovedelmi hatosag|ceska obchodni inspekce|slovenska obchodna inspekcia|"
    r"autoritatea nationala pentru protectia consumatorilor|\banpc\b|urzad ochrony konkurencji|\buokik\b|"
    r"tarhelyszolgaltato|tarhely-szolgaltato|"
    # the registrar a French legal notice names: "Domaine enregistré chez : Gandi SAS, 63-65 boulevard Massena"
    r"enregistre chez|bureau d.enregistrement|domain registrar|registered with the registrar|"
    # where an Estonian practice's patients may turn "for the protection of
    # their rights" (the health insurance fund, the health board)
    r"oiguste kaitseks|tervisekassa|terviseamet|"
    # a parcel carrier's customer service a shop's terms send buyers to ("Au près du
    # service client Mondial Relay au 09 69 32 23 32")
    r"(?:service client(?:s|ele)?|customer (?:service|support)|kundenservice|kundendienst|servizio clienti|"
    r"atencion al cliente|klantenservice|asiakaspalvelu|kundtjanst|kundeservice)\W+(?:(?:de|du|of|von|van|di|la)\W+)*"
    r"(?:mondial relay|colissimo|la poste|chronopost|dhl|ups|fedex|gls|dpd|correos|seur|mrw|poste italiane|brt|"
    r"postnl|bpost|inpost|packeta|zasilkovna|posti|postnord|royal mail|evri|hermes|ctt)\b|"
    # a partner the site sends some customers to ("Palume võtta ühendust meie
    # koostööpartneriga: KIVIPROJEKT / Kaido Kivi - 5092563")
    r"koostoopartneri(?:ga|le|lt)|kooperationspartner|(?:contact|call|reach) our partner|"
    r"autorite de controle|streitschlichtung|streitbeilegung|schlichtungsstelle|dispute resolution|"
    r"arbitragem|arbitraje|arbitrato|arbitration|resolucao alternativa de litigios|livro de reclamacoes|"
    r"registergericht|(?:handwerks|industrie- und handels|rechtsanwalts|steuerberater|architekten|notar|"
    r"landesnotar|bundesnotar|arzte|zahnarzte|psychotherapeuten|ingenieur)kammer|landgericht|amtsgericht|"
    r"webmaster|powered by|designed by|design by|site by|website by|made by|web design by|webdesign:|realise par|"
    r"developpe par|developed by|"
    # "Créateur et responsable de publication du site internet": the site's maker, introduced by his role
    r"(?:createur|creatrice)(?: et [a-z ]{3,40})? du site|"
    # "Sito web creato da ABeltramo - beltramo.ale@gmail.com": the designer's
    # credit in the site's own language
    r"sito (?:web |internet )?(?:creato|realizzato|sviluppato|progettato) da|realizzazione (?:sito|siti) web|"
    r"(?:sitio |pagina )?web (?:creada|disenada|desarrollada|realizada) por|diseno web(?: por)?:|disenado por|"
    r"desarrollado por|site (?:web |internet )?(?:cree|concu|realise|developpe) par|conception (?:du site|web)|"
    r"webdesign (?:von|door|af|av)|website (?:erstellt |gestaltet )?(?:von|durch)|erstellt (?:von|durch)|"
    r"gestaltung und umsetzung|umsetzung:|website (?:gemaakt |ontwikkeld )?door|ontwerp en realisatie|"
    r"(?:site|website) (?:criado|desenvolvido|feito) por|desenvolvido por|projekt i wykonanie|wykonanie strony|"
    r"strona wykonana przez|hemsida (?:gjord )?av|hjemmeside (?:lavet )?af|nettside (?:laget )?av|"
    # ... in the languages of Central and Eastern Europe, Finland, Greece and Turkey
    r"tvorba (?:webu|webovych stranek|webovych stranok|stranok|www)|web vytvoril|stranky vytvoril|"
    r"weboldalt? keszitette|honlapot keszitette|kotisivut:|verkkosivut:|sivuston toteutus|webbdesign:|"
    r"κατασκευη ιστοσελιδας|σχεδιασμος ιστοσελιδας|site realizat de|website realizat de|"
    r"izrada (?:web )?stranic[ea]|izrada weba|izdelava spletne strani|web tasarim|site tasarimi|"
    # the processors privacy statements quote with their address and numbers
    r"google ireland|google llc|meta platforms|facebook ireland|microsoft ireland|amazon web services emea|"
    r"linkedin ireland|twitter international|pinterest europe|the rocket science group|facebook inc|"
    r"twitter inc|x corp|linkedin corporation|pinterest inc|google inc|microsoft corporation|youtube llc|"
    r"tiktok technology|bytedance|meta platforms ireland|apple inc|amazon\.com inc|openstreetmap foundation|"
    r"cloudflare,? inc|automattic|netlify,? inc|vercel inc|wix\.com|squarespace|hetzner online|"
    r"ionos se|strato ag|ovh sas|jimdo gmbh|one\.com group|hostinger|paypal \(europe\)|stripe payments europe|"
    r"calendly llc|doctolib gmbh|mailchimp|"
    # ... or by their short name, their street address next ("Facebook, 1601 South California Avenue")
    r"\b(?:facebook|meta|google|twitter|microsoft|linkedin|instagram|youtube|pinterest|tiktok|apple|amazon)"
    r"(?: inc\.?| llc| ltd\.?| ireland(?: limited| ltd\.?)?)?,\s*\d{1,5} [a-z]"
)
# The words a site maker's credit is written in, wherever it stands in a line
# (addresses reads the rest of such a paragraph as the business's own).
SITE_MAKER = re.compile(r"(?:developpe|cree|realise|concu) par|(?:designed|developed|built|created|made) by|"
                        r"website by|site by|(?:realizzat|sviluppat|creat)[oa] da|(?:erstellt|gestaltet) von|"
                        r"(?:desarrollad|disenad|cread)[oa] por|(?:gemaakt|ontwikkeld) door")
# A designer's credit in words that open other sentences too ("Built by
# local craftsmen since 1985"): only in the footer.
_FOOTER_CREDIT = re.compile(r"(?:site |website |web )?(?:built|crafted|hosted) by\b")
# An authority a legal notice names, whose address and numbers follow in
# the same block ("Der Präsident des Landgerichts Landshut<br>Seligenthaler
# Str. 10<br>Tel. ..."): a block that opens with one is all theirs.
_AUTHORITY_OPENING = re.compile(
    r"^(?:der |die |the |le |la |il |el )?(?:prasident(?:in)? des |president of the )?(?:land|amts|ober|verwaltungs)"
    r"?gericht|^(?:landes|bundes)?(?:notar|rechtsanwalts|steuerberater|architekten|handwerks|arzte|zahnarzte|"
    r"psychotherapeuten|ingenieur)kammer|^(?:industrie- und )?handelskammer|^bar association|^law society|"
    r"^ordre des |^colegio (?:oficial )?de |^ordine (?:degli|dei) |^chambre (?:des|de) |"
    # the office that licensed the trade (a taxi's, a pharmacy's): "Landratsamt Rosenheim / Verkehrszentrum / …"
    r"^(?:das )?(?:landratsamt|bezirkshauptmannschaft|regierungsprasidium|ordnungsamt|gewerbeamt|"
    r"stadtverwaltung|kreisverwaltung|bezirksamt)\b"
)
# A privacy statement introducing the processor of a plugin, whose name,
# address and numbers follow: "... „Google Fonts“. Der Dienstanbieter dieser
# Funktion ist:". Only with "of this service": a German Impressum's own
# "Diensteanbieter:" is the site's operator.
_PROCESSOR_INTRO = re.compile(
    r"(?:dienste?anbieter|anbieter|service provider|provider|fournisseur|proveedor|fornitore) (?:dieser funktion|"
    r"dieses dienstes|dieses plugins|dieses tools|of this (?:service|function|tool|plugin)|de ce service|"
    r"du service|de este servicio|del servicio|di questo servizio|del servizio)(?: (?:ist|is|est|es|e))?\s*:\s*$"
)
_PROCESSOR_LINES = 3
_LEADING_SYMBOLS = re.compile(r"^[^\w#*•\-]+")
_LABELISH_MAX_WORDS = 6
_NUMBERING = re.compile(r"^[\s#*•\-]*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s*)*")
_REGION_MAX_LINES = 8
# The lines that close a third party's postal block: its phone, fax, e-mail
# and website ("Österreichische Datenschutzbehörde / Barichgasse 40–42 /
# 1030 Wien / Telefon: +43 1 52 152-0 / E-Mail: dsb@dsb.gv.at").
# (after an icon or emoji: "📞 +34 901 100 099", a number alone on its line)
_CONTACT_LINE = re.compile(r"^\W*(?:(?:tel|telefon|telephone|phone|fon|fax|telefax|e-?mail|mail|web|website|internet|"
                           r"homepage|url|www)\b|(?:www\.|https?://)|[\w.+-]+@[\w-]+\.[\w.]+$|\+?\d[\d \t()./-]{6,}\d$)")
_CONTACT_LINE_MAX_WORDS = 6
# The name of one field of a party's card, alone on its line: what follows is the
# same party's ("1&1 IONOS SARL / Siège social : / 7 Pl de la gare")
_CARD_FIELD = re.compile(r"(?:siege(?: social)?|adresse(?: postale)?|address|anschrift|sitz|sede(?: legale| sociale)?|"
                         r"domicilio(?: social)?|adres|endereco|morada|tel(?:ephone|efon|efono)?\.?|phone|e-?mail|"
                         r"courriel|fax)\s*:?")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?]\s+")
# a sentence sending the reader to another party ("you can contact …", "complain to …")
_SENDS_TO = re.compile(r"\b(?:contact|complain|complaint|lodge|refer|write to|kontaktier|wenden|beschwer|contacter|"
                       r"plainte|reclama|contactar|contattare|reclamo|klacht|klage)")
_FIELD_NAME = 7  # the heading level of a dt, th or legend


def _is_label(line: Line) -> bool:
    """A heading, or a short bold / colon-ended line: it names what follows."""
    if line.heading:
        return True
    if len(line.text.split()) > _LABELISH_MAX_WORDS:
        return False
    return bool(line.flags & BOLD) or line.text.endswith(":")


def mark_third_party(lines: list[Line]) -> None:
    region_left = 0  # lines still owned by the last third-party label
    region_block = -1  # or, for an inline label, the block it owns
    region_context = 0
    region_tail = False  # the last line was a third party's: its contact lines may follow
    previous_block = None
    previous_text = current_text = ""  # the line before this one (every `continue` below skips the loop's end)
    headed = False  # the line before this one was a third party's heading
    for line in lines:
        folded = fold(line.text)
        previous_text, current_text = current_text, line.text
        after_heading, headed = headed, False
        opens_block, previous_block = line.block != previous_block, line.block
        context = line.flags & (HEADER | FOOTER | NAV)
        tail, region_tail = region_tail, False
        if (tail and context == region_context and len(line.text.split()) <= _CONTACT_LINE_MAX_WORDS
                and _CONTACT_LINE.match(folded)):
            line.third_party = region_tail = True
            continue
        if region_block == line.block:
            line.third_party = True
            continue
        region_block = -1
        if opens_block and not line.flags & (HEADER | FOOTER | NAV) and _AUTHORITY_OPENING.match(folded):
            line.third_party = True
            region_block = line.block
            continue
        # ("💻 Hébergeur": an emoji before the label)
        bare = _NUMBERING.sub("", _LEADING_SYMBOLS.sub("", folded))
        directions = _DIRECTIONS_FROM.match(bare)
        label = (directions or _THIRD_PARTY_LABEL.match(bare) or (line.flags & FOOTER and _FOOTER_CREDIT.match(folded))
                 or (_is_label(line) and _CREDIT_HEADING.fullmatch(bare.strip())))
        if not label and line.flags & FOOTER and len(line.text.split()) <= 12 and SITE_MAKER.search(folded):
            # a maker's credit after the copyright ("Всички права запазени Created by
            # Mitashki ©"): the line is theirs (its link, their profile), not what follows
            line.third_party = True
            continue
        if (directions or not line.flags & LINK) and len(line.text.split()) <= 12 and label:
            line.third_party = True
            if _is_label(line) or len(line.text.split()) <= 3:
                # "Hosting" as a heading owns the blocks below it.
                region_left, region_context = _REGION_MAX_LINES, context
                headed = True
            else:
                # "Hosting: Strato AG<br>Pascalstr. 10<br>10587 Berlin" owns
                # the rest of its own block.
                region_block, region_left = line.block, 0
                if not context and not _DIGIT.search(line.text):
                    # "Felügyeleti hatóság: <b>NAIH</b>", a name alone: its
                    # address and numbers follow in the blocks below
                    region_left, region_context = _REGION_MAX_LINES, context
            continue
        if _PROCESSOR_INTRO.search(folded):
            region_left, region_context = _PROCESSOR_LINES, context
            continue
        if region_left:
            # "Diese Website wird gehostet bei:" still speaks of the host, and
            # what that line introduces is the host's, its name in bold too
            # ("Le site est hébergé par :<li><strong>OVH SAS</strong>")
            # (as is the name in bold right under the heading: "Hébergement du site / <b>1&1 IONOS SARL</b>")
            introduced = previous_text.rstrip().endswith(":") or after_heading
            # (a field's name in a definition list, "<dt>Cím</dt>", is not a new subject)
            # (nor is a field of the party's card, "Siège social :" under the host's name)
            field_name = ((line.heading == _FIELD_NAME and len(line.text.split()) <= 2)
                          or bool(_CARD_FIELD.fullmatch(folded.strip())))
            if ((_is_label(line) and not field_name and not introduced and not _THIRD_PARTY_MENTION.search(folded))
                    or context != region_context):
                region_left = 0
            else:
                line.third_party = True
                # (a field's name takes the value under it along: a regulator's
                # card of "Website / Phone / Address" rows is theirs to its end)
                region_left = max(region_left, 2) if field_name else region_left - 1
                if line.text.rstrip().endswith(":") and _THIRD_PARTY_MENTION.search(folded):
                    region_left = max(region_left, _PROCESSOR_LINES)  # "…bei der Datenschutzbehörde einreichen:"
                region_tail = not region_left
                continue
        # ("e-mail the Webmaster": short, and still the designer's)
        if ((len(line.text) > 20 or "webmaster" in folded) and len(line.text) <= _MENTION_MAX_LINE
                and _THIRD_PARTY_MENTION.search(folded)):
            line.third_party = True
            short_label = (_is_label(line) or line.flags & BOLD) and len(line.text.split()) <= 10
            if line.text.rstrip().endswith(":") or short_label:
                # "… the Information Commissioner's Office, the UK's supervisory
                # authority:" introduces its website, phone and post, below,
                # as does its name alone in bold ("<p><strong>Agencia
                # Española de Protección de Datos (AEPD)</strong></p>") or a
                # heading naming it ("<h3>Créateur … du site internet</h3>")
                region_left, region_context = _PROCESSOR_LINES, context
            elif folded.rstrip().endswith(".") and _SENDS_TO.search(last := _SENTENCE_END.split(folded.rstrip(" .!"))[-1]) \
                    and _THIRD_PARTY_MENTION.search(last):
                # "… you can contact the Office of the Australian Information
                # Commissioner (OAIC)." ends the paragraph sending the reader to
                # them: the "Phone: …" and "Website: …" lines right under it are
                # theirs (not under "Registergericht: Amtsgericht Berlin", a fact)
                region_tail, region_context = True, context
