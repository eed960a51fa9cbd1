"""A site's stored business profile as a source of answers.

Business questions (how to contact a company, its email, phone, address,
opening hours, social profiles, name) get the latest profile of the site as
an extra numbered source: its values were extracted and checked by the
business spider, so they are answered exactly, with a citation to the page
the value was found on."""

from __future__ import annotations

import re
from typing import Any

from ..extract.textlines import fold
from .qtype import ORIGIN_ASKED, POSTCODE_ASKED
from .sources import Source

TITLE = "Business profile"

# "When can I phone them?" asks for the hours, not the number.
_WHEN_TO_CALL = (r"\bwhen (?:can|could|may|should|do|to) (?:i|we|you|one)?\s*(?:call|phone|ring|reach|visit|come|contact|"
                 r"drop in|stop by|get hold)")
# What a question asks the profile for (English, German, French, Spanish, Dutch).
ASKS = {
    "email": re.compile(r"e-?mail|\bmail\b|courriel|correo", re.I),
    "phone": re.compile(r"phone|\bcall\b|\btel\b|telefon|t[ée]l[ée]phone|tel[ée]fono|whats\s?app|\bfax\b|telefax|"
                        r"t[ée]l[ée]copie|"
                        # ("mobile appointments" are no phone: only the mobile number is)
                        r"\bmobile\b(?=\s*(?:(?:phone|number|no\b|nr\b)|[?.!]|$))", re.I),
    "address": re.compile(r"(?<!mail )(?<!mail-)(?<!web )(?<!ip )(?:address|adress|adresse)|direcci[oó]n|\bwhere\b|located|location|(?<!-)\bbased\b|"
                          r"\bwo\b|\bo[uù]\b|d[oó]nde|headquarter|"
                          # "address" in the sites' other languages: "Na katerem naslovu…", "Jaki jest adres…"
                          r"\bnaslov\w*|\badres[ai]?\b|\badresas\b|\badrese\b|indirizzo|endere[cç]o|\bmorada\b|"
                          r"\banschrift\b|\bosoite\b|\baadress\b|\bc[ií]m[eé]?\b|\bsiedzib\w*|\bs[ií]dl[oa]\b|"
                          # the town asked for: "Dans quelle ville se trouve…", "In welchem Ort liegt…"
                          r"\b(?:which|what|quelle|quel|welche[rmn]?|welk[e]?|qu[eé]|quale|qual|cu[aá]l|w jakim|ve kter[eé]m)\s+"
                          r"(?:town|city|village|ville|commune|stadt|ort|gemeinde|plaats|stad|dorp|ciudad|localidad|pueblo|"
                          r"citt[aà]|comune|paese|cidade|localidade|mie[sś]cie|m[eě]st[eě])\b(?!\s+(?:hall|council|centre|center|tax|walk|tour))|"
                          r"\bse trouve|\bsitu[ée]e?\b|\bliegt\b|\bbefindet sich|se encuentra|si trova|\bligt\b|\bfica\b", re.I),
    "contact": re.compile(r"contact|reach|get in touch|kontakt|contacto|contatto|\bwrite to\b", re.I),
    # (not a job opening, nor an open position: "Which job opening does Eletubos advertise?")
    "hours": re.compile(r"(?<!job )(?<!jobs )opening(?!s? (?:for|as|in the team))|open\b(?! (?:positions?|roles?|vacanc))|hours|"
                        r"[öo]ffnungszeit|horaire|horario|" + _WHEN_TO_CALL, re.I),
    "socials": re.compile(r"social|facebook|instagram|linkedin|twitter|\bx\.com|youtube|tiktok|github|"
                          r"pinterest|xing", re.I),
    # "who are they?" asks for the company; "who is the founder?" for a person
    # ("which chamber is named as responsible": a verb, no name asked for)
    "company": re.compile(r"\bnames?\b|\bnamed\b(?! (?:as|in|on|by|after|for)\b)|\bcalled\b|who (?:are|is)\b(?! (?:the|a|an|your|their|its|his|her)\b)|"
                          r"who (?:runs|owns)|legal entity|\bhei(?:ß|ss)en\b|"
                          r"\bnom\b|nombre", re.I),
    # the numbers a legal notice states: the words of the registers and tax
    # numbers extract/company.py reads (narrower than qtype's identifier words,
    # which the passages answer: a Y-tunnus or a CVR number is no profile field)
    "vat": re.compile(r"\bvat\b|ust-?id|umsatzsteuer|\btva\b|partita iva|\bbtw\b|\bnip\b|\bcif\b|\bnif\b|\buid\b|"
                      r"\bmwst|\bmoms\b|\bmva\b|\balv\b|tax (?:id|number)", re.I),
    "registration": re.compile(r"registration|registry|\bregister(?:ed)? (?:number|no)|company (?:number|no\b|id)|"
                               r"\b(?:kvk|siret|siren|rcs|hrb|hra|krs|rea)\b|kamer van koophandel|handelsregister|"
                               r"registernummer|num[eé]ro d.immatriculation", re.I),
    # what the company does: its description (a partial answer, so passages still count)
    "description": re.compile(r"\bwhat (?:does|do)\b.*\bdo\b|\bwhat (?:kind|type|sort) of (?:business|company|firm|work|shop|"
                              r"store|restaurant|place|services?)\b|\babout (?:them|it|the|this|us)\b|\boffer|\bsell|"
                              r"\bprovide|speciali[sz]|\bservices?\b|\bproducts?\b|was macht|que fait", re.I),
}
# Questions about the company as a whole: the profile is worth giving as a
# source, though none of its values is the answer by itself.
ABOUT = re.compile(r"compan|business|\bfirm\b|\bthey\b|\bthem\b|\btheir\b|unternehmen|firma|entreprise|empresa|"
                   r"bedrijf|owner|founded", re.I)
CONTACT = ("email", "phone", "address")
# Where something was once, not where the business is: "In which town did
# Greenways have its humble origins?", "Where did the chef train?", "In
# which town did they start growing blueberries?"; and the area around it,
# not its address: "Between which two areas of Provence is it located?"
_ELSEWHERE_ONCE = re.compile(r"\b(?:origins?|originally|began|begun|begin|start|started|born|grew up|used to|train(?:ed)?|"
                             r"stud(?:y|ied)|moved from|previously|before (?:moving|coming)|between (?:which|what)|"
                             r"corner of (?:which|what)|which two streets)\b", re.I)


# The name of something the business has rather than its own ("the name of
# Izvor's croissant", "the name of the technology they use"): no company name.
_BUSINESS_NOUNS = (r"(?!(?:company|business|firm|shop|store|restaurant|practice|clinic|salon|studio|agency|hotel|"
                   r"guest ?house|bakery|enterprise|establishment|owner|operator|legal entity)\b)")
_NAME_OF_ANOTHER = re.compile(r"\bname of (?:(?:the|its|their|this|that|a|an) " + _BUSINESS_NOUNS + r"\w|"
                              r"[\w&.'’-]+(?: [\w&.'’-]+){0,3}['’]s? " + _BUSINESS_NOUNS + r"\w)", re.I)


_PRICE_OF = re.compile(r"\bhow much\b|\bcosts?\b|\bprices?\b|\bfees?\b", re.I)


def asked_fields(question: str) -> list[str]:
    """Profile fields a question asks for, in answer order; empty for a
    question the profile cannot answer."""
    found = [name for name, pattern in ASKS.items() if pattern.search(question)]
    if "address" not in found and POSTCODE_ASKED.search(fold(question)):
        found.append("address")  # the postcode asked for, in any language: the address's, which holds it
    if "company" in found and _NAME_OF_ANOTHER.search(question):
        found.remove("company")
    if re.search(_WHEN_TO_CALL, question, re.I) or _PRICE_OF.search(question):
        # (when the line is staffed; what a phone repair costs: no number to call)
        found = [f for f in found if f not in ("phone", "contact", "email")]
    if "address" in found and (_ELSEWHERE_ONCE.search(question) or ORIGIN_ASKED.search(fold(question))):
        found.remove("address")  # (nor where the beef comes from)
    if "contact" in found:
        found = [f for f in found if f != "contact"]
        found = [*CONTACT, *(f for f in found if f not in CONTACT)]
    if "vat" in found:
        found = [f for f in found if f != "registration"]  # "VAT registration number" asks for the VAT ID
    order = ["company", "description", *CONTACT, "hours", "socials", "registration", "vat"]
    return sorted(dict.fromkeys(found), key=order.index)


def is_business_question(question: str) -> bool:
    """Whether the site's business profile is a useful source for a question."""
    return bool(asked_fields(question) or ABOUT.search(question))


def _phone(value: dict[str, Any]) -> str:
    e164 = value.get("e164") or ""
    try:
        import phonenumbers

        pretty = phonenumbers.format_number(phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except Exception:  # an unparsable stored value: show it as it is
        pretty = e164
    written = value.get("as_written")
    kind = value.get("type") or "phone"
    extra = [kind] if kind != "phone" else []
    if written and re.sub(r"\D", "", written) != re.sub(r"\D", "", pretty):
        extra.insert(0, f"written {written}")
    return pretty + (f" ({', '.join(extra)})" if extra else "")


def _address(value: dict[str, Any]) -> str:
    """The address in its country's order, and as the page wrote it when
    that says more (the district: "Rua Tobias Barreto, 229 - Mooca, São
    Paulo - SP")."""
    from ..export import address_line

    line = address_line(value)
    written = " ".join((value.get("as_written") or "").split())
    said = set(re.findall(r"[^\W\d_]{3,}", fold(line)))
    if written and written != line and any(w not in said for w in re.findall(r"[^\W\d_]{3,}", fold(written))):
        return f"{line} (written {written})"
    return line


def _hours(value: Any) -> str:
    from ..export import hours_line

    return hours_line(value)


def _values(profile: dict[str, Any], field: str) -> list[tuple[str, str | None]]:
    """(text, URL it was found on) for each value of a field."""

    def where(value) -> str | None:
        found = value.get("found_on") if isinstance(value, dict) else None
        return found[0].get("url") if found and isinstance(found[0], dict) else None

    if field == "description":
        text = (profile.get("description") or "").strip()
        where_from = (profile.get("provenance") or {}).get("description") or {}
        return [(text, where_from.get("url") if isinstance(where_from, dict) else None)] if text else []
    if field == "company":
        name = profile.get("company_name")
        return [(name, (profile.get("pages") or {}).get("legal") or (profile.get("pages") or {}).get("home"))] \
            if name else []
    if field == "email":
        return [(v["email"], where(v)) for v in profile.get("emails") or [] if isinstance(v, dict) and v.get("email")]
    if field == "phone":
        return [(_phone(v), where(v)) for v in profile.get("phones") or [] if isinstance(v, dict) and v.get("e164")]
    if field == "address":
        return [(_address(v), where(v)) for v in profile.get("addresses") or [] if isinstance(v, dict) and _address(v)]
    if field == "hours":
        return [(_hours(v), None) for v in profile.get("opening_hours") or []]
    if field in ("registration", "vat"):
        key = "registration" if field == "registration" else "vat_id"
        where_from = (profile.get("provenance") or {}).get(key) or {}
        value = profile.get(key)
        return [(value, where_from.get("url") if isinstance(where_from, dict) else None)] if value else []
    if field == "socials":
        return [(f"{v.get('network')}: {v['url']}", where(v)) for v in profile.get("socials") or []
                if isinstance(v, dict) and v.get("url")]
    return []


LABELS = {"company": "Company", "description": "About", "email": "Email", "phone": "Phone", "address": "Address",
          "hours": "Opening hours", "socials": "Social profiles", "registration": "Registration", "vat": "VAT ID"}
ALL_FIELDS = ["company", "description", *CONTACT, "hours", "socials", "registration", "vat"]


def profile_lines(profile: dict[str, Any], fields: list[str]) -> list[tuple[str, str, str | None]]:
    """(field, "Label: value; value", URL the first was found on) for each
    of ``fields`` the profile has a value for."""
    out = []
    for f in fields:
        values = _values(profile, f)
        if values:
            text = "; ".join(dict.fromkeys(t for t, _ in values))
            out.append((f, f"{LABELS[f]}: {text}", next((u for _, u in values if u), None)))
    return out


def profile_text(profile: dict[str, Any]) -> str:
    """The whole profile as the source text given to a model: one value a
    line, each with the page it was found on."""
    lines = [f"Site: {profile.get('site')}"]
    for f in ALL_FIELDS:
        for text, url in _values(profile, f):
            lines.append(f"{LABELS[f]}: {text}" + (f" (found on {url})" if url else ""))
    return "\n".join(lines)


def profile_source(profile: dict[str, Any], n: int, fields: list[str]) -> Source:
    """The profile as source ``n``: its URL is the page where the first value
    asked for was found (else the contact, legal or home page)."""
    lines = profile_lines(profile, fields)
    pages = profile.get("pages") or {}
    url = next((u for _, _, u in lines if u), None) or pages.get("contact") or pages.get("legal") \
        or pages.get("home") or f"http://{profile.get('site')}/"
    snippet = "; ".join(line for _, line, _ in lines) or f"{profile.get('company_name') or profile.get('site')}"
    return Source(n=n, url=url, title=TITLE, snippet=snippet[:300], score=None, text=profile_text(profile),
                  kind="profile", profile=profile)
