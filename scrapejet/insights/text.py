"""Words and sentences of retrieved passages, for extractive answers and
snippets. Pure functions, deterministic, no model: an answer without an LLM
must still be reproducible."""

from __future__ import annotations

import math
import difflib
import functools
import re

from ..extract.stopwords import STOP_WORDS
from ..extract.textlines import fold

WORD = re.compile(r"\w+", re.UNICODE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ()./-]{5,}\d(?!\w)")
# A price: a currency sign or code before or after the amount, in the currencies of the
# languages the question words cover ("20.000 Ft", "4 990 kr", "55 eura", "CHF 250", "R$ 90",
# Uruguay's "$U 420" and the dollars "U$S 30" / "US$ 30" of the River Plate).
_CURRENCY = (r"€|\$|£|¥|￥|₺|₴|₽|₹|zł|kč|ft\b|kr\b|kn\b|lei\b|lv\b|tl\b|din\b|chf\b|fr\.|sfr\.?|eur\b|eura\b|"
             r"evra\b|euros?\b|usd\b|gbp\b|huf\b|pln\b|czk\b|sek\b|nok\b|dkk\b|ron\b|bgn\b|try\b|uah\b|"
             r"dollars?\b|pounds?\b|forint\b|zlotych\b|złotych\b|korun\b|грн|руб|лв\.?|kuna\b|円|"
             # the currencies of Africa and Asia ("GH₵ 50", "KES 1,000", "Rs. 5000", "RM 50", "Rp 50.000")
             r"[₵₦₱฿₫₪]|ghs\b|kes\b|ksh\b|pkr\b|inr\b|ngn\b|aed\b|sar\b|egp\b|rupees?\b|cedis?\b|naira\b|shillings?\b|"
             # Peru's sol ("S/ 25.00", "25 soles")
             r"soles\b|pen\b|"
             # Vietnam's dong ("400.000 đ", "700.000 VNĐ")
             r"đ(?!\w)|vnd\b|vnđ\b")
# A price: a currency before or after the amount ("Mo.-Fr. 8-18 Uhr" is
# Friday, not francs), or whole units written without one ("103,-", "45.–").
# (the full-width yen, pound and dollar of Japanese and Chinese text: "大人 · ￥2800")
PRICE = re.compile(rf"(?:\$u|u\$s|us\$|[$€£¥₺₴₽₹₵₦₱฿₫₪₡￥￡＄]|\b(?:chf|eur|usd|gbp|r\$|sfr\.?|kr\.?|ghs|kes|ksh|pkr|inr|ngn|aed|sar|egp|"
                   rf"rs\.?|rm|rp|php)|(?<![-–])\bfr\.|\bs/\.?)\s?\d|"
                   rf"\d(?:[.,]\d{{1,2}})?\s?(?:{_CURRENCY})|"
                   r"\b\d+(?:,-|,–|\.–|\.-)(?![\w-])", re.I)  # "50,-", "2800.-": a whole sum
# Free of charge, said as a price ("la consulenza è gratuita").
FREE = re.compile(r"\b(?:free of charge|for free|gratis|gratuit[aoe]?s?|kostenlos|kostenfrei|unentgeltlich|gratuitement|"
                  r"gratuito|gratuita|ingyenes|zdarma|bezplatn|besplatn|brezplacn|darmow|ucretsiz|nemokam|ilmai|"
                  r"kostnadsfri|gratuiti|bezmaksas|tasuta|δωρεαν|безкоштовн|бесплатн|безплатн)", re.I)
ASKS_PRICE = re.compile(r"how much|\bprices?\b|\bpricing\b|\bcosts?\b|\bexpensive\b|\bcheap|\bpreis|\bkoste|"
                        r"\bprix\b|\bco[uû]te|\bprecio|\bcuesta|\bprezz|\bcosta\b|\bkost\b", re.I)
# Abbreviations a sentence does not end after.
ABBREVIATIONS = frozenset(
    "e.g i.e mr mrs ms dr st no nr vs etc inc ltd co jr sr prof str tel fax approx ca z.b u.a bzw ggf d.h "
    "ul av avda pl bd mag ing dipl est estd gegr tlf tlm tfno mob inh kl "
    # Central European academic titles before a name ("Mgr. Anna Meredová", "MUDr. Jan Novák")
    "mgr bc mudr judr phdr rndr mvdr paeddr doc dott dott.ssa avv arch geom rag "
    # German degrees after "Dr." ("Dr. med. Tilman Markert", "Dr. rer. nat."), forms of address
    "med dent vet rer nat phil jur habil dhr mevr mme mlle sra srta sig "
    # Indonesian address parts: "Jl. Maulana Hasanudin No.15, Poris Jaya, Kec. Batuceper"
    "jl jln kec kel kab".split()
)
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_MARKS = re.compile(r"(\*\*|__|`|~~)")
LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
HEADING = re.compile(r"^\s*#{1,6}\s+")


# The stopwords as terms() compares them: folded like the text ("für" -> "fur").
FOLDED_STOPWORDS = frozenset(fold(word) for word in STOP_WORDS)


def stem(word: str) -> str:
    """A light English suffix strip: enough to match "visitors" to
    "visitor" and "opening" to "open", never so much that words collide."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The content words of a text, stemmed, in order (repeats kept)."""
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    out = []
    for word in WORD.findall(fold(text)):
        out += _bigrams(word) if _UNSPACED.search(word) else [stem(word)] if _content(word) else []
    return out


def _content(word: str) -> bool:
    return word not in FOLDED_STOPWORDS and (len(word) > 1 or word.isdigit())


# Chinese and Japanese write no spaces: a "word" of \w+ is a whole clause
# ("アポロ整骨院の定休日はいつですか"). Its terms are the pairs of characters in
# each run of kanji or katakana (the nouns: 定休 休日); the hiragana between
# them are mostly particles and endings (の, は, ですか), so they only divide.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CONTENT_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")


def _bigrams(word: str) -> list[str]:
    out = []
    for run in _CONTENT_RUN.findall(word):
        if run.isascii():
            out += [stem(run)] if _content(run) else []
        else:
            out += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
    return out


# An abbreviation of single letters with dots is one word: a legal form
# ("s.p.", "d.o.o.", "S.A.", "e.U.") asked for by name, not two letters dropped.
_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.)+[^\W\d_](?!\w)\.?")


def same_term(a: str, b: str) -> bool:
    """Equal stems, or one a prefix of the other with at most three letters
    more ("visit"/"visitor", "price"/"pricing")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


# A question's word and a page's word in another European language spelled
# nearly alike ("guarantee" / "garanti", "minimum" / "minimo"): the same
# thing, when the page does not use the question's own word. Long words only:
# short ones collide.
COGNATE_LENGTH = 6
COGNATE_RATIO = 0.75


@functools.lru_cache(maxsize=1 << 16)
def cognates(a: str, b: str) -> bool:
    """Whether two terms (``terms``) look like one word in two languages."""
    if a == b:
        return False
    # (a hard c is a k in the Germanic and Slavic languages: "coffee" / "koffie", "clinic" / "klinik")
    a, b = (f"k{w[1:]}" if w[:1] == "c" else w for w in (a, b))
    if len(a) < COGNATE_LENGTH or len(b) < COGNATE_LENGTH or a[0] != b[0]:
        return False
    if not (a.isalpha() and b.isalpha()) or abs(len(a) - len(b)) > 3:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= COGNATE_RATIO


def clean_line(line: str) -> str:
    line = MD_LINK.sub(r"\1", line)
    line = LIST_MARK.sub("", line)
    line = MD_MARKS.sub("", line)
    line = _INLINE_TAG.sub("", line)  # trafilatura writes underlining as <u>…</u>
    line = _MD_ESCAPE.sub(r"\1", line)  # ...and "@fraschina\_giardini" for "@fraschina_giardini"
    return re.sub(r"\s+", " ", line).strip()


_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_INLINE_TAG = re.compile(r"</?(?:u|ins|del|s|sub|sup|mark|small)>", re.I)


def _splits(paragraph: str) -> list[str]:
    """Sentences of one paragraph: a split after . ! ? … followed by space and
    an upper-case letter, digit or quote, unless the word before is a known
    abbreviation, a single letter (an initial) or a number of one or two
    digits before a word (an ordinal)."""
    out, start = [], 0
    for match in re.finditer(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-ZÀ-ÖØ-Þ0-9])|[。！？]+[」』）]*\s*(?=\S)", paragraph):
        before = paragraph[start:match.start()].rsplit(None, 1)
        last = fold(before[-1]).rstrip(".") if before else ""
        if paragraph[match.start()] == "." and (last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        if re.match(r"(?:\.{3,}|…)\s+\d", paragraph[match.start():match.end() + 1]):
            continue  # dot leaders to a price: "Terapevtska masaža 55 minut .... 45 EUR"
        if match.group(0).startswith(". ") and last.isdigit() and len(last) <= 2 \
                and paragraph[match.end():match.end() + 1].isalpha():
            continue  # an ordinal: "in der 7. Generation", "ab dem 20. Mai"
        out.append(paragraph[start:match.end()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def sentences(text: str) -> list[str]:
    """The sentences of a passage (Markdown or plain text): headings are not
    sentences, list items and lines of their own are, long paragraphs are
    split on sentence ends."""
    out: list[str] = []
    paragraph: list[str] = []

    def flush():
        if paragraph:
            out.extend(_splits(" ".join(paragraph)))
            paragraph.clear()

    lines = (text or "").splitlines()
    for index, raw in enumerate(lines):
        if not raw.strip() or HEADING.match(raw):
            flush()
            continue
        line = clean_line(raw)
        if not line:
            flush()
            continue
        following = clean_line(lines[index + 1]) if index + 1 < len(lines) else ""
        if (LIST_MARK.match(raw) or len(line) < 60 or re.search(r"[.!?:;…]$", line)
                or following[:1].isupper()):
            # a list item, a short line (an address line, a label), a line
            # that ends its sentence, or one the next line does not carry on
            # (it starts anew with a capital: "… Elina Paakkola. Jyrki Heilimö
            # ja Teemu Wallius" / "Jyrki Heilimö"): a unit of its own
            paragraph.append(line)
            flush()
        else:
            paragraph.append(line)
    flush()
    return [s for s in out if WORD.search(s)]


def trim(text: str, limit: int, around: str | None = None) -> str:
    """At most ``limit`` characters, cut at a word boundary, keeping the part
    around ``around`` when given."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    start = 0
    if around:
        at = fold(text).find(fold(around))
        if at > limit // 2:
            start = max(0, at - limit // 3)
    piece = text[start:start + limit]
    if start + limit < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    if start:
        piece = "… " + piece.split(" ", 1)[-1]
    return piece


def idf(term_sets: list[set[str]], term: str) -> float:
    """How much a term distinguishes passages: terms in few sentences weigh more."""
    df = sum(1 for s in term_sets if any(same_term(term, t) for t in s))
    return 1.0 + math.log((len(term_sets) + 1) / (df + 1))
