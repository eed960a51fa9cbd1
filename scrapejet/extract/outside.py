"""The text of a page that its main content leaves out.

trafilatura keeps a page's article and drops what it judges boilerplate:
the header, the footer, sidebars, and often the cards, tables and widgets
of a small business's one-page site. That is where such a site states its
address, opening hours, owner and registration number, so questions about
the business need it. ``outside_text`` is that text, as a reader sees it,
minus menus and third parties' widgets; the indexer chunks it apart from
the main content (``storage.chunks``), once per site where pages repeat it.

Pure function over a parsed page; no network, no model."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from .textlines import LINK, NAV, WIDGET, fold, read_document

# A page's outside text is cut here: a sidebar of a thousand links or a
# product grid is not what a question about the business needs.
MAX_WORDS = 1500
_WORDS = re.compile(r"\w+")
# A price as a menu of dishes or services writes it ("$3.75", "12,50 €", "600 Kč").
_PRICE = re.compile(r"[$€£¥₺₴₽₹￥￡＄]\s?\d|\d(?:[.,]\d{1,2})?\s?(?:€|£|\$|kr\b|zł|kč|chf\b|eur\b|lei\b|ft\b)", re.I)
# The copyright line: on every page, and its words (the company's name, a
# year) match every question about the company while answering none.
_COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)|copyright\b)|all rights reserved|alle rechte vorbehalten|"
                        r"tous droits r[ée]serv[ée]s|todos los derechos reservados", re.I)
# ...unless it states more than its years: "© 2026 Firma. ABN 63 578 045 899."
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_STATES_A_FIGURE = re.compile(r"\d[\d .\-/]{3,}\d|@")
_NOT_PAGES = ("mailto:", "tel:", "sms:", "javascript:", "#", "whatsapp:", "callto:")


def outside_text(tree: HtmlElement, main_text: str, url: str) -> str:
    """Visible lines of ``tree`` that are not in ``main_text``, in reading
    order; lines that sit together on the page (between two stretches of
    main content) form one paragraph, paragraphs separated by a blank line.

    Left out: menus (a ``<nav>`` or a block named as one, and any line that
    is just a link to another page of the site), third parties' widgets,
    copyright lines, and lines already said once."""
    doc = read_document(tree)
    host = urlsplit(url).hostname
    # a line that is nothing but links to pages of the site ("Home", or
    # "Home About Services Contact" in a row) is a menu
    link_words: dict[int, list[str]] = {}
    for anchor in doc.anchors:
        if _page_link(anchor.href, url, host) and anchor.text:
            link_words.setdefault(anchor.line, []).extend(_words(anchor.text).split())
    menu_lines = {i for i, words in link_words.items()
                  if i < len(doc.lines) and sorted(words) == sorted(_words(doc.lines[i].text).split())}
    # A block named "menu" is a restaurant's menu, not the site's, when it
    # prices what it lists ("Asada Taco $3.75"): its lines are kept, each
    # run of its lines that are no links and hold a price, the dish's name
    # and description in their own blocks above it ("Östron" / "Citron,
    # mignonette…" / "245 kr") as much as the price's.
    dishes: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*doc.lines, None]):
        # (a line holding a link to a page of the site is the site's menu: "Menu Catering")
        if line is not None and line.flags & NAV and not line.flags & LINK and index not in link_words:
            run.append(index)
            continue
        if any(_PRICE.search(doc.lines[i].text) for i in run):
            dishes.update(run)
        run = []
    # compared word by word: "CEO" is not in "proceed"
    main = f" {_words(main_text)} "
    runs: list[list[str]] = [[]]
    seen: set[str] = set()
    words = 0
    for index, line in enumerate(doc.lines):
        text = line.text
        folded = _words(text)
        if len(folded) < 2:  # nothing, or an icon link's letter
            continue
        if f" {folded} " in main:
            if runs[-1]:
                runs.append([])
            continue
        navigation = line.flags & NAV and index not in dishes
        # (a dish's price may be another's: "245 kr" twice on one menu)
        if (navigation or line.flags & WIDGET or line.third_party or index in menu_lines
                or (folded in seen and index not in dishes)
                or (_COPYRIGHT.search(text) and not _STATES_A_FIGURE.search(_YEARS.sub(" ", text)))):
            continue
        seen.add(folded)
        runs[-1].append(text)
        words += len(text.split())
        if words >= MAX_WORDS:
            break
    return "\n\n".join("\n".join(run) for run in runs if run)


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(fold(text)))


def _page_link(href: str, url: str, host: str | None) -> bool:
    """Whether ``href`` opens another page of the same site or a section of
    this one (a menu entry, a "skip to content" link), rather than a mail, a
    call, a placeholder "#" (team cards link their names there) or another
    site."""
    if len(href) > 1 and href.startswith("#"):
        return True
    if not href or href.lower().startswith(_NOT_PAGES):
        return False
    try:
        target = urlsplit(urljoin(url, href))
    except ValueError:
        return False
    return target.scheme in ("http", "https") and target.hostname == host
