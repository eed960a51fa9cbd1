"""Extractive answers: the best-supported sentences of the retrieved passages,
each followed by the number of its source. Used when no LLM is configured,
and when the configured one fails.

A sentence is scored on four things:

* the question's terms it contains, each weighted by how rare it is among
  the candidate sentences (so the key term of "when is the workshop open to
  visitors" counts more than "workshop", which many sentences share);
* what it means: its cosine similarity to the question under the embedding
  model already loaded for retrieval (``similarity``), which finds "Founded
  1994 by Ada Marsh." for "Who started the company?" with no word in
  common, and across languages;
* whether it holds the kind of value the question asks for (``qtype``: a
  person, a year, a place, a price, opening hours, a number, an e-mail, a
  phone): a sentence without one is not the answer, however many of the
  question's words it repeats;
* its passage's retrieval score, and how much of the question the passage
  as a whole covers.

Ties break on source order and position: the same passages give the same
answer (the model is deterministic on a CPU)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit
from dataclasses import dataclass

from ..extract.stopwords import reads_english
from .glossary import english_terms
from .profile import asked_fields, profile_lines
from .qtype import (CLOSED_WORD, KIND_WORDS, LEGAL_FORM, SEARCH_WORDS, asked_kind, asks_company, first_name_cards, holds_kind, holds_postcode,
                    is_name_line, named_page)
from .sources import Source
from .weekdays import DAY_NAMES, alternation
from .text import (EMAIL, HEADING, LIST_MARK, PHONE, PRICE, clean_line, cognates, fold, idf, same_term, sentences, stem,
                   terms, trim)

# A row of an opening-hours table that names a day and no time ("Sunday: closed").
_WEEKDAY_ONLY = re.compile(rf"^(?:\w+day|{alternation(DAY_NAMES)})\b")
# ...or the days the times under it are for ("Du Mardi au Samedi" / "09h-12h30 - 14h30-18h")
_DAYS_LINE = re.compile(rf"\b(?:{alternation(DAY_NAMES)})\b")
DAYS_LINE_WORDS = 5
# (question, sentences) -> cosine similarity of each sentence to the question
Similarity = Callable[[str, list[str]], list[float]]

MAX_SENTENCES = 3
CARD_WORDS = 40  # a team card read whole: a name and a line or two under it
# A sentence a person says of themselves.
_FIRST_PERSON = re.compile(r"^(?:I am|I['’]m|My name is|Ich bin|Mein Name ist|Je suis|Je m['’]appelle|Soy|Me llamo|Sono|"
                           r"Mi chiamo|Ik ben|Mijn naam is|Jag är|Jeg er|Jestem|Jsem|Sou|Eu sou|Jmenuji se|Volám sa|"
                           r"Nazywam się|Zovem se|Ime mi je|Mitt namn är|Mit navn er|Nimeni on|A nevem|Mă numesc)\b")
DESCRIPTION_WORDS = 16  # a dish's description under its name, above its price
CARD_LINES = 3  # "Dr. Joan Carrera Guiu" / "President del Col·legi…" / "Fundador" / "Fundador de la clínica…"
HEADING_KINDS = ("price", "hours", "phone", "email")  # values a heading may state by itself
BLOCK_LINE_WORDS = 8  # a line of an address block: "Calle Fray Bartolomé — frente al Juzgado"
MAX_SENTENCE_CHARS = 400
RETRIEVAL_WEIGHT = 0.25
CONTEXT_WEIGHT = 0.25  # the share of the question's terms in the sentence's whole passage
MEANING_WEIGHT = 1.0  # the sentence's cosine similarity to the question
KIND_WEIGHT = 0.5  # the sentence holds the kind of value asked for
KIND_PENALTY = 0.5  # ...and the factor of one that does not
# a "when" sentence saying the event the question names (opened, founded)
EVENT_WEIGHT = 0.25
NAMED_PAGE_WEIGHT = 0.25  # the sentence is on the page the question names ("in the Impressum")
TIME_ASKED_WEIGHT = 0.25  # an hours line for the day, and for the part of the day, a question names
# a "when" question's words for the kind alone, no event: "in which year", "since when"
_KIND_ONLY_WORDS = ("when", "year", "since")
KEEP_RATIO = 0.6  # sentences scoring under this share of the best one are left out
CARD_RATIO = 0.95  # a card scoring this share of a line it holds takes the line's place
PRODUCT_CARD_LINES = 5  # the lines from a product's name down to its price, at most
CARD_VALUE_WORDS = 6  # ...when the line is a value alone ("75€", "09h-12h30 - 14h30-18h")
LABELLED_KINDS = ("hours", "price")  # values a label above says what for (days, a product)
# Below this coverage the best sentences are offered as the closest, not as the answer.
ANSWER_COVERAGE = 0.5
# A sentence this close in meaning and holding the value asked for answers, whatever its words.
ANSWER_MEANING = 0.4
EMAIL_TERMS = {"email", "mail", "e"}
# How surely a sentence must hold the kind of value asked for to hold the question's term for it.
VALUE_LEVEL = {"place": 0.75, "name": 0.5}
# kinds whose page-side words (qtype.SEARCH_WORDS) only name the value
NAMED_BY_SEARCH_WORDS = ("place", "hours")
NAME_WEIGHT = 0.3  # the share of its weight a question's word keeps when it is part of the site's name
# What a business offers: answered by the list of its services or products, whole.
OFFER = re.compile(r"\bwhat (?:services|products|kinds?|types?|sorts?)\b|\bwhich (?:services|products)\b|"
                   r"\bwhat (?:do|does)\b.*\b(?:offer|sell|make|manufacture|provide)", re.I)
# ...and the questions a list of what it offers answers ("what services", "which
# repairs", "what do they sell"), unlike "what kind of business is it?"
LISTED = re.compile(r"\b(?:services|products|treatments|repairs|dishes|courses|classes|packages|offers)\b|"
                    r"\b(?:kinds?|types?|sorts?) of (?!business)\w+s\b|\b(?:offer|sell|provide|carry out)\b", re.I)
PHONE_TERMS = {"phone", "telephone", "call", "tel", "number", "telefon"}


@dataclass
class Candidate:
    n: int
    position: int
    text: str
    terms: set[str]
    retrieval: float
    score: float = 0.0
    matched: int = 0
    coverage: float = 0.0  # weighted share of the question's terms in the sentence
    topic: float = 0.0  # the same, without the kind of value asked for (price, email, phone)
    meaning: float = 0.0  # cosine similarity to the question (0 without a model)
    title: str = ""  # its page's title
    kind: float = 0.0  # holds the kind of value asked for: 1, 0.5 (its shape only), 0
    listing: bool = False  # a list of items read whole (what a business offers)

    @property
    def answers(self) -> bool:
        """Whether this sentence is offered as the answer, not as the closest:
        it covers the question's words, or holds the value asked for and is
        near the question in words or meaning."""
        if self.coverage >= ANSWER_COVERAGE:
            return True
        return self.kind >= 1.0 and (self.coverage >= ANSWER_COVERAGE / 2 or self.meaning >= ANSWER_MEANING)


# A figure alone on its line: "500+", "100%", "24/7", "15 +", "2.500" (not
# a phone number's digits)
_BARE_FIGURE = re.compile(r"(?:[<>~]\s?)?\d{1,3}(?:[.,]\d{3})?\s?[+%]?|24/7")


def _units(text: str, kind: str | None, offer: bool = False, lists: set[str] | None = None,
           question: str = "") -> list[str]:
    """The passage's sentences, and what small sites set as lines of a card:
    a short line holding a value together with the label above it ("Abono
    ilimitado" / "75€" -> "Abono ilimitado · 75€"); for a place question, the
    postal addresses written over several lines, whole."""
    # headings read as lines here (a card's label), but are no answer alone
    headings = {clean_line(HEADING.sub("", line)) for line in text.splitlines() if HEADING.match(line)}
    units = sentences("\n".join(HEADING.sub("", line) for line in text.splitlines()) if headings else text)
    # ...unless they state the value asked for themselves ("Prenota la tua Consulenza GRATUITA")
    out = [u for u in units if u not in headings or (kind in HEADING_KINDS and holds_kind(u, kind) >= 1.0)]
    # figures set as cards, each above its label ("500+" / "Jobs Completed" /
    # "100%" / "Satisfaction Rate"): the first after a sentence or a
    # heading, the next after the card before
    # (or any, when the next card is set the same way: "10+" / "let izkušenj" / "500+" / "montaž")
    value_first: set[int] = set()

    def figure_card(i: int) -> bool:
        return (i + 1 < len(units) and bool(_BARE_FIGURE.fullmatch(units[i])) and len(units[i + 1].split()) <= 5
                and not re.search(r"\d", units[i + 1]))

    for i in range(len(units) - 1):
        if figure_card(i) and (i == 0 or units[i - 1] in headings or len(units[i - 1].split()) > 6
                               or i - 2 in value_first or figure_card(i + 2)):
            value_first.add(i)
            out.append(f"{units[i]} {units[i + 1]}")
    if kind in ("price", "number", "hours", "when", "phone", "email", "person"):
        for i in range(1, len(units)):
            if i in value_first:
                continue  # (its label is the line under it, not the one above)
            label = units[i - 1]
            # (a label that ends in a colon heads a longer value: "Séances individuelles "Adulte" (+ de 18
            # ans):" / "La séance (45 – 50 minutes) : 40 €")
            colon = label.endswith(":")
            # (the question says whether a share off is a price: "the discount for students?")
            if (len(units[i].split()) <= (10 if colon else 6) and holds_kind(units[i], kind, question if kind in ("price", "when") else "")
                    and len(label.split()) <= (8 if colon else 6) and not label.endswith((".", "!", "?"))):
                out.append(f"{units[i - 1]} · {units[i]}")
                # a card names the thing above its figures or its description: a plan
                # ("Emmlink Lite" / "10Mbps" / "GH₵ 50"), a dish ("Östron" / "Citron,
                # mignonette och hackad schalottenlök" / "245 kr")
                above = units[i - 2] if i >= 2 else ""
                figures = bool(re.search(r"\d", label)) and len(label.split()) <= 3
                described = not re.search(r"\d", label) and len(label.split()) <= DESCRIPTION_WORDS
                # (the name may hold a figure of its own: "【初めての方へ】全身もみほぐし 60分" / its
                # description / "¥3,600"; not a price, which is the card above's)
                if (kind == "price" and (figures or described) and above and len(above.split()) <= 4
                        and not holds_kind(above, kind, question) and not above.endswith((".", "!", "?", ":"))
                        and not holds_kind(label, kind)):
                    out.append(f"{above} · {label} · {units[i]}")
            # a product's card, its name a few lines over its price, a description
            # between ("Tuna Fish" / "Jodari · Shimoni" / "Deep red, firm." / "Steaks,
            # grilling." / "KES 1,000 / kg"): each short line up to the card before is its name
            if kind == "price" and holds_kind(units[i], kind, question) and len(units[i].split()) <= 6:
                for j in range(i - 3, max(-1, i - 1 - PRODUCT_CARD_LINES), -1):
                    if holds_kind(units[j], kind, question):
                        break  # (the card before ends there)
                    if len(units[j].split()) <= 4 and not units[j].endswith((".", "!", "?", ":")):
                        out.append(f"{units[j]} · {units[i]}")
            # a price card that gives its value first ("10% off" / "Senior Citizen"): a
            # short value that no short label stands above
            value, before = units[i - 1], units[i - 2] if i >= 2 else ""
            if (kind == "price" and len(value.split()) <= 3 and holds_kind(value, kind, question) and len(units[i].split()) <= 6
                    and not holds_kind(units[i], kind, question)
                    and (not before or before in headings or len(before.split()) > 6
                         or holds_kind(before, kind, question))):
                out.append(f"{value} · {units[i]}")
    if kind is None:
        # a field of a legal notice's card, its label ending in a colon, the
        # value on the line under it ("Zuständige Ärztekammer:" /
        # "Landesärztekammer Baden-Württemberg"): what the label names is the value
        for i in range(1, len(units)):
            label = units[i - 1]
            if (label.endswith(":") and len(label.split()) <= 6 and len(units[i].split()) <= 10
                    and not units[i].endswith(":")):
                out.append(f"{label} · {units[i]}")
    if kind == "person":
        # a team card: a name on its own line, then the person's role and a
        # line or so about them ("Mila Zanforlin" / "Amministratrice" /
        # "Responsabile della gestione condominiale"), read together
        for i, unit in enumerate(units):
            if not is_name_line(unit):
                continue
            card = [unit]
            for following in units[i + 1:i + 1 + CARD_LINES]:
                # the line under a name is its role, even in title case
                # ("Consulente Amministrativa Contabile"); a name after that
                # is the next card's (a word alone, "Fundador", is a role's)
                if ((len(card) > 1 and is_name_line(following) and len(following.split()) > 1)
                        or len(" ".join(card + [following]).split()) > CARD_WORDS):
                    break
                card.append(following)
            if len(card) > 1:
                out.append(" · ".join(card))
            # an "About me" page: the name as its heading, then "I am the founder of …"
            # in the first person a line or two under it
            for following in units[i + 1:i + 1 + CARD_LINES]:
                if _FIRST_PERSON.match(following):
                    if following not in card:
                        out.append(f"{unit} · {following}")
                    break
        out.extend(first_name_cards(units))
    if kind == "hours":
        # "Orari di Apertura" / "Lunedì 16:00 - 20:00" / "Martedì ...": the table under its label
        for i, label in enumerate(units):
            # (a table with no label starts at its first day alone in its cell:
            # "Lundi" / "Fermé" / "Mardi" / "08h30 - 13h30")
            first_day = (bool(_WEEKDAY_ONLY.search(fold(label))) and len(label.split()) <= 2
                         and (i == 0 or not holds_kind(units[i - 1], "hours")))
            rows = [label] if first_day else []
            for row in units[i + 1:i + 15]:  # (a week of days and hours in cells of their own)
                # (a day's hours in a cell of their own, "Fredag" / "15 – 00": a span of whole hours)
                # (or its word for closed in the cell under it: "Lundi" / "Fermé")
                after_day = bool(rows) and bool(_WEEKDAY_ONLY.search(fold(rows[-1]))) and bool(
                    _BARE_HOURS.match(row) or (len(row.split()) <= 3 and CLOSED_WORD.search(fold(row))))
                days = len(row.split()) <= DAYS_LINE_WORDS and not re.search(r"\d", row) and bool(_DAYS_LINE.search(fold(row)))
                if not holds_kind(row, "hours") and not _WEEKDAY_ONLY.search(fold(row)) and not after_day and not days:
                    break
                rows.append(row)
            if first_day and len(rows) > 2:
                out.append(_TIME_PAIR.sub(r"\1 - \2", " · ".join(rows)))
            elif rows and not first_day and len(label.split()) <= 6 and not holds_kind(label, "hours"):
                out.append(_TIME_PAIR.sub(r"\1 - \2", " · ".join([label, *rows])))

    if offer:
        # "What services do they offer?": a list of them, whole, under its label
        lines = [ln for ln in text.splitlines() if ln.strip()]
        i = 0
        while i < len(lines):
            j = i
            while j < len(lines) and LIST_MARK.match(lines[j]):
                j += 1
            if j - i >= 2:
                label = clean_line(HEADING.sub("", lines[i - 1])) if i and len(lines[i - 1].split()) <= 6 else ""
                items = [clean_line(ln) for ln in lines[i:j]][:12]
                out.append(" · ".join([label, *items] if label else items))
                if lists is not None:
                    lists.add(out[-1])
            i = max(j, i + 1)
    if kind == "place":
        from ..extract.addresses import addresses_in_lines

        for address in addresses_in_lines(units):
            if address.get("street") and address.get("as_written") not in units:
                out.append(address["as_written"])
        # an address set over short lines that the reader above does not know
        # ("Ελευθερίας 54" / "Αμπελόκηποι Θεσσαλονίκης, Τ.Κ." / "561 23"): the
        # lines up to its postcode, read together
        for i, unit in enumerate(units):
            if (not holds_postcode(unit) or len(unit.split()) > BLOCK_LINE_WORDS
                    or holds_kind(unit, "place") >= 1.0):
                continue  # no postcode, or a whole address already
            block = [unit]
            for above in reversed(units[max(0, i - 2):i]):
                # a sentence ends the block ("Vi betjener … på Sjælland."), an abbreviation does not ("Τ.Κ.")
                if (len(above.split()) > BLOCK_LINE_WORDS or _SENTENCE_END.search(above) or above.endswith(":")
                        or holds_postcode(above)):
                    break
                block.insert(0, above)
                if re.search(r"\d", above):
                    break  # the street line, with its house number
            if len(block) > 1:
                out.append(" · ".join(block))
    return out


_SENTENCE_END = re.compile(r"(?:\w{4,}[.]|[!?])$")
_BARE_HOURS = re.compile(r"^\s*(?:[01]?\d|2[0-4])(?:[:.]\d{2})?\s?[-–—]\s?(?:[01]?\d|2[0-4])(?:[:.]\d{2})?\s*$")
# Two times of day in cells side by side ("Tuesday · 8:00am · 1:00pm"): one span, from and to
_CLOCK_CELL = r"\d{1,2}(?:[:.]\d{2})\s?(?:[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?"
_TIME_PAIR = re.compile(rf"(?<![\d:.])({_CLOCK_CELL}) · ({_CLOCK_CELL})(?![\d:.])", re.I)


# An e-mail or web address inside a sentence (not an "@handle").
_MAILBOXES = re.compile(rf"{EMAIL.pattern}|[\w.+-]+(?:\(at\)|\[at\])[\w-]+(?:\.[\w-]+)+|\b\w+://\S+|\bwww\.\S+")
# Sentences after a question ("Wie lang ist die Lieferzeit?") read as its answer.
FAQ_SPAN = 3


def _candidates(sources: list[Source], kind: str | None = None, offer: bool = False,
                question: str = "") -> list[Candidate]:
    chunks = [s for s in sources if s.kind == "chunk"]
    scores = [s.score or 0.0 for s in chunks]
    top = max(scores, default=0.0)
    out = []
    for rank, source in enumerate(chunks):
        # Normalised to the best passage; by rank when scores are not comparable.
        retrieval = (source.score or 0.0) / top if top > 0 else 1.0 / (1 + rank)
        # the page title and headings repeated at the top of a passage are not answers
        labels = {fold(x).strip() for x in [source.title or "", *source.heading_path] if x}
        lists: set[str] = set()
        # the question of a FAQ entry, and how many sentences ago it was
        asked: set[str] = set()
        since = FAQ_SPAN
        for position, sentence in enumerate(_units(source.text, kind, offer, lists, question)):
            since += 1
            if sentence.rstrip().endswith("?"):
                asked, since = set(terms(sentence)), 0
            if fold(sentence).strip() in labels and not (kind in HEADING_KINDS and holds_kind(sentence, kind) >= 1.0):
                continue
            # the words of an e-mail or web address name a mailbox, not what the sentence says
            found = set(terms(_MAILBOXES.sub(" ", sentence)))
            if len(found) < 2 and not (EMAIL.search(sentence) or PHONE.search(sentence) or PRICE.search(sentence)
                                       or (kind == "person" and LEGAL_FORM.search(sentence))
                                       or (kind in ("when", "hours") and holds_kind(sentence, kind, question) >= 1.0)):
                # "Unsere Leistungen", "Contact": a label, not a statement ("AIMURAI S.A." is a
                # company's name; "Από το 2025", since 2025, the year asked for)
                continue
            if 0 < since <= FAQ_SPAN:
                # "Kan de afspraak niet doorgaan? Gelieve dit 3 dagen op voorhand te laten
                # weten": an answer under its question means what the question asks
                found |= asked
            found |= english_terms(found)  # "Betaling" holds "payment" for an English question
            if EMAIL.search(sentence):
                found |= EMAIL_TERMS
            if PHONE.search(sentence) and sum(c.isdigit() for c in sentence) >= 7:
                found |= PHONE_TERMS
            if PRICE.search(sentence):
                found.add("price")
            out.append(Candidate(source.n, position, sentence, found, retrieval, title=source.title or "",
                                 listing=sentence in lists))
    return out


def _lower_case_words(sources: list[Source]) -> frozenset[str]:
    """The words the sources write in lower case (folded): such a word
    capitalised elsewhere is a heading's or a label's, not a name."""
    # (not in an e-mail address or a web address: "kontakt@varle.dk" writes
    # the name Varle, "colin @ ashlandscaping.co.uk" the name Colin)
    # (the pages' words: the profile's text names its site and its handles in lower case)
    return frozenset(fold(w) for s in sources if s.kind == "chunk"
                     for w in re.findall(r"\b[a-zà-ÿ][a-zà-ÿ'’]+\b", _ADDRESSES.sub(" ", s.text or "")))


_ADDRESSES = re.compile(r"\S+\s?(?:@|\(at\)|\[at\])\s?\S+|\b\w+://\S+|\bwww\.\S+|\S+\.(?:com|net|org|de|fr|it|es|nl|dk|se|no|fi|pl|cz|uk|eu|"
                        r"at|ch|be|pt|gr|ro|hu|ie|us|ca|au|info|biz)\b")


# A run of capitalised words in a question: a name ("Tømrermester Daniel Varle ApS").
_CAPITALISED_RUN = re.compile(r"(?<!\w)[A-ZÀ-ÞĀ-ſΑ-ΩА-Я][\w'’.&-]*(?:\s+(?:&\s+)?[A-ZÀ-ÞĀ-ſΑ-ΩА-Я][\w'’.&-]*)+")


def _site_name_terms(question: str, hosts: set[str]) -> set[str]:
    """The terms of the question that name the site's business: every word
    of a capitalised run that holds a word of the site's host name or ends
    in a legal form ("Tømrermester Daniel Varle ApS" on varle.dk), all of
    which every page repeats."""
    named: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(question):
        words = terms(run.group(0))
        if LEGAL_FORM.search(run.group(0).rstrip("?.!")) or any(len(w) >= 3 and any(w in h for h in hosts) for w in words):
            named.update(words)
    return named


def best_sentences(question: str, sources: list[Source], limit: int = MAX_SENTENCES,
                   similarity: Similarity | None = None) -> list[Candidate]:
    """The sentences that best answer ``question``, best first; empty when no
    sentence shares a content word or (with ``similarity``) a meaning with it."""
    kind = asked_kind(question)
    # the kind of value asked for is one term of the question, held by a sentence
    # holding such a value, and it stands for the question's words that only name
    # that kind ("street address", "opening hours"), which a page in another
    # language never repeats
    # (in any language: "adressen", "orario di apertura" name an address and
    # opening hours as much as the English words do; a founding or an owner's
    # words, "opgericht", "Inhaber", are said next to the value and kept)
    naming = {stem(w) for w in f"{KIND_WORDS.get(kind or '', '')} {SEARCH_WORDS.get(kind, '') if kind in NAMED_BY_SEARCH_WORDS else ''}".split()}
    offer = bool(OFFER.search(question))
    listed = offer and bool(LISTED.search(question))
    asked = terms(question)
    value_term = f"<{kind}>" if kind else None
    # "how much is the mug", "the street address of": the value is half the question
    value_named = kind in ("price", "email", "phone") or bool(naming & set(asked))
    wanted = list(dict.fromkeys([t for t in asked if t not in naming] + ([value_term] if value_term else [])))
    # ...though the event the question names ("open her own clinic", "founded") picks,
    # of two sentences holding a year, the one saying it ("I opened my own private
    # clinic in 2006", not "graduated in 1989 … worked in a private clinic")
    events = {t for t in asked if t in naming} - {stem(w) for w in _KIND_ONLY_WORDS} if kind == "when" else set()
    candidates = _candidates(sources, kind, offer, question)
    # "Who is named in the Impressum?": a sentence of that page over a like one elsewhere
    naming_page = named_page(question)
    on_named = {s.n for s in sources if s.kind == "chunk" and naming_page and naming_page(s.url, s.title or "")}
    if not candidates or not (wanted or similarity):
        return []
    if value_term:
        common = _lower_case_words(sources) if kind == "person" else frozenset()
        for c in candidates:
            c.kind = holds_kind(c.text, kind, question, common)
            if c.kind >= VALUE_LEVEL.get(kind, 1.0):
                c.terms.add(value_term)
        if not value_named and not any(value_term in c.terms for c in candidates):
            # no sentence holds such a value: the term would only dilute the question's own words
            wanted.remove(value_term)
            value_term = None
    sets = [c.terms for c in candidates]
    weights = {t: idf(sets, t) for t in wanted}
    topic = [t for t in wanted if t != value_term]
    if value_named:
        # the kind of value asked for is half the question: "how much" + "the mug"
        weights[value_term] = max(weights[value_term], sum(weights[t] for t in topic))
    # the site's own name ("What services does Northwind Tools offer?") is on
    # every page: it says which site, not which sentence
    hosts = {re.sub(r"[^a-z]", "", fold(urlsplit(s.url).hostname or "")) for s in sources if s.kind == "chunk" and s.url}
    named = _site_name_terms(question, hosts)
    # who founded it, and when: said next to its name; not the company behind it
    for t in topic if kind not in ("person", "when") or asks_company(question) else []:
        if t != value_term and (t in named or (len(t) >= 3 and any(t in h for h in hosts))):
            weights[t] *= NAME_WEIGHT
    # "At which university…", "What brand of boiler…": with no kind of value
    # known, the noun asked for names the answer; the sentence holding it
    # (in the page's language alike: "Universität") holds half the question
    # (as does the thing counted or measured: "how much caffeine is in one stick?")
    asked_noun = (_ASKED_NOUN.search(question) if kind is None
                  else _COUNTED_NOUN.search(question) if kind == "number" else None)
    noun = next(iter(terms(_head_noun(question, asked_noun) if kind is None else asked_noun.group(1))),
                None) if asked_noun else None
    if noun and kind == "number" and not any(noun in c.terms for c in candidates):
        noun = None  # (the page may name the thing measured in its own words: "litres", "liter")
    if noun in weights and len(topic) > 1:
        weights[noun] = max(weights[noun], sum(weights[t] for t in topic if t != noun))
    total = sum(weights.values()) or 1.0
    topic_total = sum(weights[t] for t in topic) or 1.0

    # a question in the page's language holds one of its words for a thing the
    # glossary knows, and the page may use another ("fondé" / "fondateurs"):
    # both stand for the English term, which every sentence holding one has
    alternatives = {t: {t} | english_terms({t}) for t in wanted}
    # a word no sentence uses may be written in the page's language alike
    # ("guarantee": "2 års garanti"), the English-only model none the wiser
    said = set().union(*(c.terms for c in candidates)) if reads_english(question) else set()
    for t in wanted:
        if t != value_term and not any(same_term(a, s) for a in alternatives[t] for s in said):
            alternatives[t] |= {s for s in said if cognates(t, s)}

    def holds(t: str, found: set[str]) -> bool:
        return any(same_term(a, s) for a in alternatives[t] for s in found)

    def share(found: set[str], among: list[str], of: float) -> float:
        return sum(weights[t] for t in among if holds(t, found)) / of

    passages: dict[int, set[str]] = {}
    for c in candidates:
        passages.setdefault(c.n, set()).update(c.terms)
    context = {n: share(found, wanted, total) for n, found in passages.items()}
    # a sentence is read with its page's title: "Founded 1994 by Ada Marsh." says
    # little alone, and "About Northwind Tools: Founded 1994 by Ada Marsh." much more
    meanings = (similarity(question, [f"{c.title}: {c.text}" if c.title else c.text for c in candidates])
                if similarity else [0.0] * len(candidates))
    for c, meaning in zip(candidates, meanings):
        hits = [t for t in wanted if holds(t, c.terms)]
        c.matched = len(hits)
        c.coverage = share(c.terms, wanted, total) if wanted else 0.0
        c.topic = share(c.terms, topic, topic_total) if topic else 0.0
        c.meaning = max(0.0, float(meaning))
        if listed and c.listing:
            # "What services do they offer?" is answered by the list of them,
            # in whatever language it is written
            c.kind = 1.0
        elif not hits and c.meaning < ANSWER_MEANING / 2 and not (similarity is None and c.kind >= 1):
            continue  # shares neither a word nor much meaning with the question (nor, with no model, its kind)
        c.score = (c.coverage + MEANING_WEIGHT * c.meaning + KIND_WEIGHT * c.kind
                   + RETRIEVAL_WEIGHT * c.retrieval + CONTEXT_WEIGHT * context[c.n])
        if events and c.kind >= 1.0 and any(same_term(e, t) for e in events for t in c.terms):
            c.score += EVENT_WEIGHT
        if c.n in on_named:
            c.score += NAMED_PAGE_WEIGHT
        if kind == "hours" and c.kind >= 1.0:
            # "montags nachmittags": of a week's lines, Monday's afternoon hours
            c.score += TIME_ASKED_WEIGHT * _fits_time_asked(question, c.text)
        if kind and c.kind == 0:
            # "how much is the mug?" is answered by a price, not by the mug's description
            c.score *= KIND_PENALTY
    ranked = sorted((c for c in candidates if c.score > 0), key=lambda c: (-c.score, c.n, c.position))
    if not ranked:
        return []
    chosen: list[Candidate] = []
    seen: list[str] = []  # the chosen sentences' words, in order
    for c in ranked:
        key = _plain(c.text)
        if c.score < KEEP_RATIO * ranked[0].score:
            continue
        # a card holding a chosen line with its label ("Du Mardi au Samedi ·
        # 09h-12h30 - 14h30-18h") says what the line alone leaves out: the
        # card takes its place when it scores about as well (a line that says
        # more, "Martedì - Sabato 9:30 - 13:00", answers by itself)
        # (the whole hours table under its label, "Openingstijden · Maandag Gesloten · … ·
        # Zondag Gesloten", takes the place of its first rows: the days it is open are further down)
        held = next((i for i, k in enumerate(seen) if k != key and (
            key.endswith(k) or (kind == "hours" and key.startswith(k)))), None) if kind in LABELLED_KINDS else None
        if kind == "person":
            # (and a role alone, "Vertretungsberechtigte Geschäftsführung", gives
            # its place to the card naming the person under it)
            parts = c.text.split(" · ")
            held = next((i for i, k in enumerate(seen) if k != key and key.startswith(k) and len(parts) > 1
                         and _plain(parts[0]) == k and len(k.split()) <= CARD_VALUE_WORDS and is_name_line(parts[1])), None)
        # a label alone ("Zuständige Ärztekammer:") answers nothing: the card
        # of it and the value under it does, whatever it scores
        label_held = next((i for i, k in enumerate(seen) if k != key and key.startswith(k) and c.n == chosen[i].n
                           and chosen[i].text.rstrip().endswith(":")), None) if kind is None and " · " in c.text else None
        if label_held is not None and not any(key in k for k in seen):
            chosen[label_held], seen[label_held] = c, key
            continue
        if (held is not None and " · " in c.text and c.n == chosen[held].n and len(seen[held].split()) <= CARD_VALUE_WORDS
                and c.score >= CARD_RATIO * chosen[held].score and not any(key in k for k in seen)):
            chosen[held], seen[held] = c, key
            continue
        if any(key in k or k in key for k in seen):
            continue  # said already, alone or inside a card's label and value
        if chosen and c.n != chosen[0].n and c.topic < ANSWER_COVERAGE and c.meaning < ANSWER_MEANING:
            continue  # another passage's sentence must be on the topic by itself ("Price: $48" of another product is not)
        seen.append(key)
        chosen.append(c)
        if len(chosen) == limit:
            break
    return chosen


# the noun a "which"/"what" question asks for ("which university", "what brand
# of"), not its verb ("what is", "what does") nor a word for any kind ("what kind of")
_COUNTED_NOUN = re.compile(r"\bhow much\s+([a-z]{3,})\b", re.I)
_ASKED_NOUN = re.compile(r"\b(?:which|what)\s+(?!(?:is|are|was|were|does|do|did|can|could|should|would|will|has|have|"
                         r"kind|kinds|type|types|sort|sorts|one|ones|else|about)\b)([a-z]{3,})\b", re.I)


# what ends the noun phrase a which-question asks for: its verb, or a
# preposition ("which brand of boiler": the brand)
_PHRASE_END = frozenset("is are was were does do did can could should would will has have had of for in on at to from "
                        "with by that who whose".split())
_OBJECT_OPENERS = frozenset("the a an its their his her our your this that these those it them us".split())


def _head_noun(question: str, asked: re.Match[str]) -> str:
    """The noun a which/what question asks for: the last word of the phrase
    after "which" ("which medical chamber is …": chamber; "which gold
    purities does …": purities), or its first word before "of"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", question[asked.start(1):])[:5]
    phrase = []
    for i, word in enumerate(words[:4]):
        following = words[i + 1] if i + 1 < len(words) else ""
        # (a verb with its object: "which train line serves the station")
        if word.lower() in _PHRASE_END or (phrase and word.endswith("s") and (
                following.lower() in _OBJECT_OPENERS or following[:1].isupper())):
            break
        phrase.append(word)
    head = phrase[-1] if phrase else asked.group(1)
    return head if len(head) >= 3 else asked.group(1)


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _cited(text: str, n: int) -> str:
    return f"{trim(text, MAX_SENTENCE_CHARS)} [{n}]"


def _lead(text: str) -> list[str]:
    """The opening sentences of a passage, past navigation labels and
    headings set as lines of their own (fewer than four words)."""
    all_ = sentences(text)
    return ([s for s in all_ if len(s.split()) >= 4] or all_ or [text])[:2]


_ASKS_STREET = re.compile(r"\bstreet\b|stra(?:ss|ß)e|\bcalle\b|\brue\b|\bvia\b", re.I)
_ASKS_MOBILE = re.compile(r"\bmobile\b|\bcell\b|handy|\bportable\b|\bm[oó]vil\b|cellulare|telem[oó]vel", re.I)


# The days of the week a question names (0 = Monday), in the languages of
# the questions: "on Sundays", "am Samstag", "le dimanche", "at the weekend".
_DAY_WORDS = [
    r"monday|montag|lundi|lunes|luned[iì]|maandag|segunda|poniedzia|pondel|pazartesi|mandag|måndag",
    r"tuesday|dienstag|mardi|martes|marted[iì]|dinsdag|ter[cç]a|wtorek|úter|uter|sal[ıi]\b|tirsdag|tisdag",
    r"wednesday|mittwoch|mercredi|mi[ée]rcoles|mercoled[iì]|woensdag|quarta|środa|sroda|středa|streda|çarşamba|carsamba|onsdag",
    r"thursday|donnerstag|jeudi|jueves|gioved[iì]|donderdag|quinta|czwartek|čtvrtek|ctvrtek|perşembe|persembe|torsdag",
    r"friday|freitag|vendredi|viernes|venerd[iì]|vrijdag|sexta|piątek|piatek|pátek|patek|cuma\b|fredag",
    r"saturday|samstag|sonnabend|samedi|s[áa]bado|sabato|zaterdag|sobota|cumartesi|l[øö]rdag",
    r"sunday|sonntag|dimanche|domingo|domenica|zondag|niedziela|neděl|nedel|pazar\b|s[øö]ndag",
]
_DAY_NAMED = [re.compile(rf"\b(?:{words})", re.I) for words in _DAY_WORDS]
_WEEKEND = re.compile(r"weekend|wochenende|week-end|fin de semana|fine settimana|víkend|vikend|hafta sonu|helg", re.I)
_DAY_ABBREVIATIONS = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}
_DAY_RANGE = re.compile(r"\b(mo|tu|we|th|fr|sa|su)[a-z]*\s*[-–]\s*(mo|tu|we|th|fr|sa|su)[a-z]*\b", re.I)


def _days_named(text: str) -> set[int]:
    days = {day for day, pattern in enumerate(_DAY_NAMED) if pattern.search(text)}
    return days | ({5, 6} if _WEEKEND.search(text) else set())


def _days_listed(hours: str) -> set[int]:
    """The days a profile's hours entry covers: "Monday, Tuesday 09:00–17:00", "Mo-Fr 09:00-17:00"."""
    days = _days_named(hours) - ({5, 6} if not _DAY_NAMED[5].search(hours) and not _DAY_NAMED[6].search(hours) else set())
    for start, end in _DAY_RANGE.findall(hours):
        first, last = _DAY_ABBREVIATIONS[start.lower()], _DAY_ABBREVIATIONS[end.lower()]
        days |= set(range(first, last + 1)) if first <= last else set(range(first, 7)) | set(range(0, last + 1))
    for word in re.findall(r"\b(mo|tu|we|th|fr|sa|su)\b", hours, re.I):
        days.add(_DAY_ABBREVIATIONS[word.lower()])
    return days


# What joins the first and last day of a range written out ("Montag bis
# Freitag", "du lundi au vendredi", "Monday to Friday", "lunes a viernes").
_DAY_RANGE_JOIN = re.compile(r"^\W*(?:-|–|—|bis|to|till|until|thru|through|au|à|a|al|t/m|tot|do|až|till)\W*$", re.I)


def _days_covered(text: str) -> set[int]:
    """The days an hours line covers, ranges of names written out included
    ("Montag bis Freitag": Monday to Friday, not only the two named)."""
    named = sorted((m.start(), m.end(), day) for day, pattern in enumerate(_DAY_NAMED) for m in pattern.finditer(text))
    days = {day for *_span, day in named} | _days_listed(text)
    for (_s, end, first), (start, _e, last) in zip(named, named[1:]):
        if _DAY_RANGE_JOIN.match(re.sub(r"^\w*", "", text[end:start])):  # (past the name's ending: "Montags bis")
            days |= set(range(first, last + 1)) if first <= last else set(range(first, 7)) | set(range(0, last + 1))
    return days


# The part of the day a question asks the hours of ("montags nachmittags",
# "on Saturday mornings", "le soir"), as the hours of day a line's times must
# touch: morning before noon, afternoon from 1 pm to 6 pm, evening from 6 pm.
_PARTS_OF_DAY = (
    (re.compile(r"\bmornings?\b|vormittag|\bmorgens\b|\bmatin|\bmañana|\bmattin|\bochtend|\bmanhã|"
                r"\bförmiddag|\bformiddag|\brano\b|\baamu", re.I), (0, 12)),
    (re.compile(r"afternoons?\b|nachmittag|après-midi|apres-midi|\btarde\b|\btardes\b|pomeriggio|\bmiddag|namiddag|"
                r"eftermiddag|popołudni|po południu|iltapäiv", re.I), (13, 18)),
    (re.compile(r"\bevenings?\b|\babends?\b|\bsoir|\bnoche|\bsera\b|\bavond|\bnoite|\bkväll|\baften|wieczor|\billa", re.I),
     (18, 24)),
)
_CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])(?:[:.h]([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.|uhr|h\b)?", re.I)


def _hours_of_day(text: str) -> set[int]:
    """The hours of the day a line's times name: "16:00 - 19:00 Uhr" 16 and 19, "2pm" 14."""
    hours = set()
    for hour, minute, mark in _CLOCK.findall(text):
        if not minute and not mark:
            continue  # a bare number is no time
        h = int(hour) % 12 + 12 if (mark or "").lower().startswith("p") else int(hour)
        hours.add(h)
    return hours


def _fits_time_asked(question: str, text: str) -> int:
    """How many of the day and the part of the day a question asks the hours
    of (0 to 2) a line names: "montags nachmittags" of "Montag … 16:00 - 19:00
    Uhr" both, of "Montag bis Freitag 8:30 - 12:00 Uhr" the day alone."""
    fits = 0
    asked_days = _days_named(question)
    if asked_days and asked_days & _days_covered(text):
        fits += 1
    parts = [span for pattern, span in _PARTS_OF_DAY if pattern.search(question)]
    if parts and any(lo <= h < hi for lo, hi in parts for h in _hours_of_day(text)):
        fits += 1
    return fits


def _more_specific(question: str, profile: dict) -> set[str]:
    """Fields whose profile values do not hold what the question asks of
    them ("the street address" of a profile that has only a postcode and
    town, "the mobile number" of one with only a landline): the passages
    are read for it too."""
    short: set[str] = set()
    addresses = profile.get("addresses") or []
    if _ASKS_STREET.search(question) and not any(a.get("street") for a in addresses):
        short.add("address")
    if addresses and not any(a.get("street") or a.get("postal_code") for a in addresses):
        short.add("address")  # a town alone ("Pasvalys, LT") is short of any address asked for
    asked = set(fold(question).split())
    if addresses and all(a.get("locality") and fold(a["locality"]) in asked and not a.get("street") for a in addresses):
        short.add("address")  # "in which Brisbane suburb?" of "Brisbane, QLD 4032": the question knows the town
    asked_days = _days_named(question)
    if asked_days and profile.get("opening_hours"):
        from ..export import hours_line

        covered = set().union(*(_days_listed(hours_line(v)) for v in profile["opening_hours"]))
        if covered and not asked_days <= covered:
            short.add("hours")  # "on Sundays?" of hours for Monday to Saturday: the pages may say
    if _ASKS_MOBILE.search(question) and not any(
            p.get("type") == "mobile" or "mobile" in (p.get("types") or []) for p in profile.get("phones") or []):
        short.add("phone")
    return short


def _lists_no(fields: list[str]) -> str:
    names = {"hours": "opening hours", "socials": "social profiles", "phone": "phone number", "email": "email address"}
    return f"The business profile lists no {' or '.join(names.get(f, f) for f in fields)}."


# The profile fields that hold the kind of value a question asks for.
PROFILE_KINDS = {"email": ("email",), "phone": ("phone",), "place": ("address",), "hours": ("hours",),
                 "number": ("registration", "vat")}


def extractive_answer(question: str, sources: list[Source], *, site: str | None = None,
                      similarity: Similarity | None = None) -> str:
    """The answer text: profile values when the question asks for them, then
    the best sentences, each with its ``[n]``."""
    parts: list[str] = []
    where = f"of {site} " if site else ""
    profile = next((s for s in sources if s.kind == "profile"), None)
    missing: list[str] = []
    found: set[str] = set()
    short: set[str] = set()
    if profile is not None and profile.profile is not None:
        fields = asked_fields(question)
        kind = asked_kind(question)
        if kind is not None:
            # "who runs it?" asks for a person, "when can I phone?" for hours, "how long
            # are contact-form data kept?" for a duration: the profile's values for
            # the other fields the question names are not the answer
            fields = [f for f in fields if f in PROFILE_KINDS.get(kind, ())]
        lines = profile_lines(profile.profile, fields)
        parts += [f"{line} [{profile.n}]" for _, line, _ in lines]
        found = {f for f, _, _ in lines}
        # (the profile reads a few registers' numbers: the passages may give another's)
        missing = [f for f in fields if f not in found and f not in ("company", "description", "registration", "vat")]
        short = _more_specific(question, profile.profile)
        # (hours read from a page's markup are said as the page says them too, if a sentence does)
        if lines and not missing and not short and "description" not in fields and "hours" not in found:
            return "\n".join(parts)  # every value asked for, exactly
    chosen = best_sentences(question, sources, similarity=similarity)
    if parts:
        # a sentence the profile already gave (its description) is not said twice
        given = _plain(" ".join(parts))
        chosen = [c for c in chosen if _plain(c.text) not in given]
    if parts and chosen and not chosen[0].answers and found - {"description"} - short:
        chosen = []  # the profile answered; loosely matching sentences would only add noise
    if missing and (parts or chosen):
        parts.append(_lists_no(missing))
    if chosen:
        text = " ".join(_cited(c.text, c.n) for c in chosen)
        if not chosen[0].answers:
            text = f"The retrieved pages {where}do not clearly answer this; the closest sentences are: {text}"
        parts.append(text)
    if parts:
        return "\n".join(parts)
    chunks = [s for s in sources if s.kind == "chunk"]
    if not chunks:
        return f"No stored page {where}matches this question."
    lead = " ".join(_cited(s, chunks[0].n) for s in _lead(chunks[0].text))
    if not terms(question):
        # Nothing specific asked ("what do they do?"): the most relevant passage's opening.
        return lead
    note = _lists_no(missing) + " " if missing else ""
    return f"{note}The retrieved pages {where}do not say this in words of the question; the most relevant passage reads: {lead}"
