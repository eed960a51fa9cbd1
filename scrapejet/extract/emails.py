"""Email addresses a page gives for the company: mailto links, plain text,
the usual spam-proofing (``info [at] firma [dot] de``, Cloudflare's
``data-cfemail``, an address split over several ``<span>``s), JSON-LD.

Placeholders from form hints and templates are not addresses, and neither
is a vendor's address inside its own embedded widget."""

from __future__ import annotations

import re
from typing import Any, Iterable
from urllib.parse import unquote

from lxml.html import HtmlElement

from scrapejet.extract.jsonld import text_values
from scrapejet.extract.textlines import INLINE_MARK, WIDGET, Document
from scrapejet.urls import has_known_suffix, registered_domain

SOURCE_RANK = {"mailto": 0, "json-ld": 1, "meta": 1, "text": 2, "form": 2, "obfuscated": 3}
_FREE_MAIL = frozenset({"gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com", "gmx.de",
                        "gmx.net", "web.de", "icloud.com", "aol.com", "proton.me", "protonmail.com", "libero.it",
                        "orange.fr", "free.fr", "wp.pl", "seznam.cz", "abv.bg", "t-online.de"})
# Services that mail a static site's form to the address in its action URL.
_FORM_TO_MAIL = re.compile(r"https?://(?:www\.)?(?:formsubmit\.co|formsubmit\.io)/(?:ajax/)?([^/?#\s]+)", re.I)
# A page with more addresses than this is a member directory, not one
# company's contact page; the first ones are read, the rest left.
MAX_CANDIDATES = 200

_M = INLINE_MARK
EMAIL_RE = re.compile(
    rf"(?<![\w.%+\-])[A-Za-z0-9._%+\-{_M}]*[A-Za-z0-9_%+\-]{_M}?@{_M}?"
    rf"(?:[^\W_](?:[\w\-{_M}]{{0,61}}[^\W_])?{_M}?\.{_M}?)+[^\W\d_]{{2,24}}(?![\w\-])"
)
_EMAIL_FULL = re.compile(r"[A-Za-z0-9._%+\-]+@(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}")

# "@" spelled in the sites' languages: Slovenian afna, Polish małpa, Czech
# and Slovak zavináč, Hungarian kukac, Swedish and Danish snabel-a
_AT_WORDS = r"arobase|arroba|chiocciola|apenstaartje|afna|malpa|małpa|zavinac|zavináč|kukac|snabel-a|klammeraffe|krøllalfa"
_AT = rf"(?:at|ät|@|chez|{_AT_WORDS}|kroellalfa)"
_DOT = r"(?:dot|punkt|point|punto|punt|ponto)"
_BRACKETED_AT = re.compile(rf"\s*[\[\(\{{<]\s*{_AT}\s*[\]\)\}}>]\s*", re.I)
_BRACKETED_DOT = re.compile(rf"\s*[\[\(\{{<]\s*{_DOT}\s*[\]\)\}}>]\s*", re.I)
# "info at firma dot de": only with at least one spelled dot, so "meet us
# at Booth 12" or "we are at example.com" stay prose.
_SPELLED = re.compile(
    r"\b([A-Za-z0-9._%+\-]+)\s+(?:at|AT)\s+([A-Za-z0-9\-]+(?:\s+(?:dot|DOT|punkt|point)\s+[A-Za-z0-9\-]+)+)\b"
)
_SPELLED_DOT = re.compile(r"\s+(?:dot|DOT|punkt|point)\s+")
# Lines worth de-obfuscating: a bracketed "at", or a spelled "at ... dot".
# "info @ firma.de" (the @ set apart), "info(a)firma.de" (its letter in brackets, touching both halves)
_SPACED_AT = re.compile(r"\b([A-Za-z0-9._%+\-]+)\s+@\s+((?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,24})\b")
# "info arroba firma.es": the @ spelled as a word of its own language, unbracketed,
# a real domain after it (not "at" or "chez", which prose uses: "hébergé chez ovh.com")
_WORD_AT = re.compile(rf"\b([A-Za-z0-9._%+\-]+)\s+(?:{_AT_WORDS})\s+((?:[A-Za-z0-9\-]+\.)+[A-Za-z]{{2,24}})\b", re.I)
_LETTER_AT = re.compile(r"(?<=[A-Za-z0-9])\((?:a|A)\)(?=[A-Za-z0-9\-]+\.[A-Za-z])")
_HINT = re.compile(rf"[\[\(\{{<]\s*{_AT}\s*[\]\)\}}>]|\b(?:at|AT)\b.*\b(?:dot|DOT|punkt|point)\b|\s@\s|\w\([aA]\)\w|"
                   rf"\s(?:{_AT_WORDS})\s", re.I)

_FILE_TLDS = frozenset(
    "png jpg jpeg gif svg webp bmp ico tif tiff avif heic css js mjs json xml pdf mp4 mp3 webm mov zip gz woff woff2 ttf".split()
)
_RESERVED_TLDS = ("invalid", "example", "localhost")
_PLACEHOLDER_DOMAIN_LABELS = frozenset(
    """example examples beispiel exemple ejemplo esempio voorbeeld exemplo domain yourdomain your-domain
    yoursite mysite ihredomain ihre-domain deinedomain votredomaine votre-domaine tudominio tu-dominio
    tuodominio mijndomein seudominio test sample placeholder email website yourcompany yourwebsite
    musterfirma mustermann""".split()
)
# "Example" in the languages of a template's translators: a domain label of its
# own, or first in a domain of more words: "info@pelda-fogaszat.hu" (Hungarian:
# example-dentistry)
_EXAMPLE_WORDS = frozenset(
    "example beispiel exemple ejemplo esempio voorbeeld exemplo pelda przyklad priklad exempel eksempel esimerkki "
    "exemplu ornek".split()
)
_PLACEHOLDER_DOMAIN_LABELS |= _EXAMPLE_WORDS
_PLACEHOLDER_LOCALS = frozenset(
    """your yourname your.name youremail your.email you firstname.lastname first.last firstname lastname
    vorname.nachname vorname nachname prenom.nom prenom nombre.apellido nome.cognome voornaam.achternaam
    nome.sobrenome john.doe jane.doe johndoe janedoe john.smith max.mustermann maxmustermann
    erika.mustermann someone somebody ihre ihre.email deine.email votre votre.email tu tucorreo tu.correo
    tuo jouw seu xxx xxxx""".split()
)
# Generic mailbox names that are placeholders only on a placeholder-ish domain.
# Free mail services whose own name is a placeholder's word: Seznam's
# email.cz, Italy's email.it ("anicka.seilerova@email.cz" is a salon's)
_MAIL_PROVIDERS_NAMED_EMAIL = frozenset({"email.cz", "email.it"})
_WEAK_LOCALS = frozenset("name email e-mail user username test info mail contact hello".split())
_WEAK_DOMAIN_LABELS = frozenset("domain email mail company firma website site test".split())
_NO_REPLY = re.compile(r"^(?:no-?reply|do-?not-?reply|mailer-daemon|bounce)", re.I)
_HEX_LOCAL = re.compile(r"^[0-9a-f]{16,}$")
# Addresses of services whose scripts and widgets sit on other people's
# pages (error trackers, site builders): never the site owner's.
_PLATFORM_DOMAINS = frozenset(
    "sentry.io wixpress.com sentry-next.wixpress.com squarespace.com mailchimp.com list-manage.com "
    "hubspot.com sendinblue.com brevo.com calendly.com typeform.com jotform.com".split()
)


def is_placeholder_email(email: str) -> bool:
    """Whether an address is a template or form placeholder, a file name
    (``logo@2x.png``) or a tracking id rather than a mailbox someone reads."""
    email = email.lower()
    local, _, domain = email.rpartition("@")
    if not local or "." not in domain:
        return True
    labels = domain.split(".")
    tld = labels[-1]
    if tld in _FILE_TLDS or tld in _RESERVED_TLDS:
        return True
    if any(label in _PLACEHOLDER_DOMAIN_LABELS for label in labels[:-1]) and domain not in _MAIL_PROVIDERS_NAMED_EMAIL:
        return True
    if len(labels) >= 2 and labels[-2].split("-")[0] in _EXAMPLE_WORDS:
        return True
    if local in _PLACEHOLDER_LOCALS:
        return True
    if local in _WEAK_LOCALS and any(label in _WEAK_DOMAIN_LABELS for label in labels[:-1]):
        return True
    if _NO_REPLY.match(local) or _HEX_LOCAL.match(local):
        return True
    return bool(re.fullmatch(r"x+", local)) or labels[0] in ("xxx", "xxxx")


def deobfuscate(text: str) -> str:
    """``info [at] firma [dot] de`` and its many cousins as ``info@firma.de``."""
    text = _BRACKETED_AT.sub("@", text)
    text = _BRACKETED_DOT.sub(".", text)
    text = _LETTER_AT.sub("@", text)
    text = _SPACED_AT.sub(_spaced_address, text)
    text = _WORD_AT.sub(_spaced_address, text)
    return _SPELLED.sub(_spelled_address, text)


def _spaced_address(match: re.Match[str]) -> str:
    # "info @ firma.de", not "Follow us @ instagram.com"
    return _address_or_prose(match, match.group(2))


def _spelled_address(match: re.Match[str]) -> str:
    # "info at firma dot de", but not "issued at the point of acceptance"
    # (French "point" is a dot), nor "if at any point you want" (.you is one)
    return _address_or_prose(match, _SPELLED_DOT.sub(".", match.group(2)))


def _address_or_prose(match: re.Match[str], domain: str) -> str:
    """The mailbox (group 1) at ``domain``, when the domain ends in a real
    suffix and the mailbox is no stop word ("if", "us"); else the text as written."""
    from scrapejet.extract.stopwords import ENGLISH_STOP_WORDS

    if not has_known_suffix(domain) or match.group(1).lower() in ENGLISH_STOP_WORDS:
        return match.group(0)
    return f"{match.group(1)}@{domain}"


# A form's hint gives an address as an example ("For e.g abc@xyz.com",
# "z. B. max@firma.de"): nobody's mailbox.
_EXAMPLE_BEFORE = re.compile(
    r"(?:\be\.?\s?g\.?|\bi\.?\s?e\.|\bfor (?:example|instance)|\bz\.\s?B\.|\bzum Beispiel|\bbspw\.|\bp\.\s?ex\.|"
    r"\bpar exemple|\bp\.\s?ej\.|\bpor ejemplo|\bad es\.|\bper esempio|\bbijv\.|\bbijvoorbeeld|\bnp\.|"
    r"\bna przykład|\bt\.\s?ex\.|\bf\.\s?eks\.|\besim\.|\bnapř\.|\bπ\.\s?χ\.)[\s:,(\"'“«]*$", re.I)


def emails_in_text(raw: str) -> list[str]:
    """Addresses in one line of text (INLINE_MARK allowed at element
    boundaries), lower-cased, placeholders kept (the caller decides);
    not one given as an example."""
    found = []
    for match in EMAIL_RE.finditer(raw):
        candidate = match.group(0)
        if _EXAMPLE_BEFORE.search(raw[max(0, match.start() - 30):match.start()].replace(_M, "")):
            continue
        if _M in candidate:
            # "<span>info</span>@<span>x.de</span>" is one address; in
            # "<b>Kontakt</b><span>max@x.de</span>" the label only touches it.
            local, _, domain = candidate.partition("@")
            local = local.rstrip(_M).rpartition(_M)[2]
            domain = domain.replace(_M, "")
            if not has_known_suffix(domain.strip(".-_%+")):
                # "<b>Instagram</b><small>@thor.trafikk</small>": a label and a handle
                continue
            candidate = f"{local}@{domain}"
        candidate = candidate.strip(".-_%+").lower()
        if _EMAIL_FULL.fullmatch(candidate):
            found.append(candidate)
    return found


def emails_from_mailto(href: str) -> list[str]:
    if not href[:7].lower() == "mailto:":
        return []
    target = unquote(href[7:]).split("?", 1)[0]
    found = []
    for part in re.split(r"[,;]", target):
        part = part.strip().strip("<>").lower()
        if _EMAIL_FULL.fullmatch(part):
            found.append(part)
    return found


def decode_cfemail(encoded: str) -> str | None:
    """Cloudflare's email protection: hex bytes XOR-ed with the first byte."""
    try:
        data = bytes.fromhex(encoded)
    except ValueError:
        return None
    if len(data) < 2:
        return None
    key = data[0]
    try:
        email = bytes(b ^ key for b in data[1:]).decode("utf-8").lower()
    except UnicodeDecodeError:
        return None
    return email if _EMAIL_FULL.fullmatch(email) else None


def extract_emails(
    doc: Document, tree: HtmlElement, organisations: Iterable[dict[str, Any]], site_url: str
) -> list[dict[str, str]]:
    # (email, source, in_widget) in reading order; filtered at the end, when
    # all the page's own addresses are known.
    seen: list[tuple[str, str, bool]] = []

    for org in organisations:
        for value in text_values(org.get("email")) + [
            v for point in _as_list(org.get("contactPoint")) if isinstance(point, dict) for v in text_values(point.get("email"))
        ]:
            value = value.lower().removeprefix("mailto:").strip()
            if _EMAIL_FULL.fullmatch(value):
                seen.append((value, "json-ld", False))

    # A line about another party (a designer's credit, a chamber's block)
    # gives their addresses, except one on the company's own domain: "e-mail
    # the webmaster@firma.de" is the company's. Its domain is the site's,
    # or that of an address the page gives as the company's (a site served
    # from elsewhere, "info@" and "webmaster@" of one domain); decided at
    # the end, when the page's own addresses are known.
    third: list[tuple[str, str]] = []
    site_domain = registered_domain(site_url) if site_url else ""

    for anchor in doc.anchors:
        if len(seen) >= MAX_CANDIDATES:
            break
        line = doc.line_of(anchor)
        if line is not None and line.third_party:
            third.extend((email, "mailto") for email in emails_from_mailto(anchor.href))
            continue
        widget = bool(anchor.flags & WIDGET)
        # '<a href="mailto:old@firma.lt">info@firma.lt</a>': a link whose
        # text is another address is a stale target; the reader writes to
        # the address shown (which the text itself gives below). A target on
        # the site's own domain is no stale one: the site sends its mail
        # there ('<a href="mailto:zuiderheide@fysiodouma.nl">info@fysiodouma.nl</a>').
        shown = anchor.text.lower() if "@" in anchor.text else ""
        for email in emails_from_mailto(anchor.href):
            if shown and email not in shown and emails_in_text(shown) and _domain(email) != site_domain:
                continue
            seen.append((email, "mailto", widget))
        if "email-protection#" in anchor.href:
            email = decode_cfemail(anchor.href.rsplit("#", 1)[-1])
            if email:
                seen.append((email, "obfuscated", widget))

    # A form a form-to-mail service posts ("https://formsubmit.co/orders@firma.co.uk"):
    # the address is where the business reads its enquiries.
    # So is a form posted by the visitor's own mail program (action="mailto:contact@firma.fr").
    for action in tree.xpath("//form/@action"):
        found = _FORM_TO_MAIL.match(action.strip())
        if found and _EMAIL_FULL.fullmatch(unquote(found.group(1))):
            seen.append((unquote(found.group(1)).lower(), "form", False))
        seen.extend((email, "form", False) for email in emails_from_mailto(action.strip()))

    # The site's address in its own head ('<meta name="contact" content="info@firma.jp">',
    # "reply-to"): the only place some themes put it. Not "author": as often the designer's.
    for content in tree.xpath("//head/meta[@content]"):
        if (content.get("name") or "").strip().lower() in _META_EMAIL_NAMES:
            value = content.get("content", "").strip().lower().removeprefix("mailto:")
            if _EMAIL_FULL.fullmatch(value):
                seen.append((value, "meta", False))

    for element in tree.xpath("//*[@data-cfemail]"):
        email = decode_cfemail(element.get("data-cfemail", ""))
        if email:
            seen.append((email, "obfuscated", False))

    for line in doc.lines:
        if len(seen) >= MAX_CANDIDATES:
            break
        # "[EMAIL LEGAL - TODO: legal@salon.es]": a template's note to fill in, not an address
        raw = _TODO_NOTE.sub(" ", line.raw) if "[" in line.raw else line.raw
        raw = raw.replace("＠", "@")  # (the full-width at sign of Japanese and Chinese pages)
        if line.third_party:
            if "@" in raw:
                third.extend((email, "text") for email in emails_in_text(raw))
            continue
        hint = _HINT.search(raw)
        if "@" not in raw and not hint:
            continue
        widget = bool(line.flags & WIDGET)
        plain = emails_in_text(raw) if "@" in raw else []
        for email in plain:
            seen.append((email, "text", widget))
        if hint:
            for email in emails_in_text(deobfuscate(raw)):
                if email not in plain:
                    seen.append((email, "obfuscated", widget))

    own = {site_domain} | ({_domain(email) for email, _, widget in seen if not widget} - _FREE_MAIL) - {""}
    seen.extend((email, source, False) for email, source in third if _domain(email) in own)
    return _keep_company_emails(seen, site_url)


_META_EMAIL_NAMES = frozenset({"contact", "reply-to", "email", "e-mail", "contact_addr"})
_TODO_NOTE = re.compile(r"\[[^\]]{0,120}\b(?:TODO|TBD|FIXME|PLACEHOLDER|BITTE ERG[ÄA]NZEN|A COMPL[ÉE]TER|"
                        r"COMPLETAR|DA COMPLETARE|INVULLEN)\b[^\]]{0,120}\]", re.I)


def _keep_company_emails(seen: list[tuple[str, str, bool]], site_url: str) -> list[dict[str, str]]:
    site_domain = registered_domain(site_url) if site_url else ""
    own = {site_domain} | {_domain(email) for email, _, widget in seen if not widget}
    best: dict[str, str] = {}
    for email, source, widget in seen:
        if is_placeholder_email(email):
            continue
        domain = _domain(email)
        local = email.partition("@")[0]
        if local.isdigit() and len(local) >= 6 and domain != site_domain:
            continue  # "06536922@scan.netvisor.fi": a company number's mailbox at an invoicing service
        if domain in _PLATFORM_DOMAINS and domain != site_domain:
            continue
        # Inside a vendor's widget only an address of the site's own domain
        # (or one the page also gives outside the widget) is the company's.
        if widget and domain not in own:
            continue
        # a form's mail address is the business's only on its own domain: a
        # developer often points the form at his own Gmail while testing
        if source == "form" and domain not in (own - _FREE_MAIL):
            continue
        if email not in best or SOURCE_RANK[source] < SOURCE_RANK[best[email]]:
            best[email] = source
    return [{"email": email, "source": source} for email, source in best.items()]


def _domain(email: str) -> str:
    return registered_domain(email.rpartition("@")[2])


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []
