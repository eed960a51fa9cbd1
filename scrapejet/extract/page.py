"""Everything the crawler keeps from one HTML page, from a single lxml parse.

The functions here are pure (HTML and URL in, plain data out) so they can run
in any worker, be unit-tested on saved pages, and be benchmarked in isolation.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
import types
from copy import deepcopy
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
from lxml.html import Element, HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import LANGID_FLAG, language_classifier, normalize_unicode
from trafilatura.xml import xmltotxt
from w3lib.html import strip_html5_whitespace

from scrapejet.extract.links import document_base_url, links_from_tree, normalize_space, parse_html
from scrapejet.extract.outside import outside_text
from scrapejet.extract.textlines import joined_label_columns
from scrapejet.urls import host_of, registered_domain


def _load_extruct_extractors() -> tuple[type, type]:
    """JsonLdExtractor and OpenGraphExtractor without running extruct/__init__.

    Importing any ``extruct.*`` submodule executes the package __init__, which
    imports rdflib, pyRdfa, mf2py and html5lib for the RDFa/microformat
    extractors we never call: ~8 MB RSS in a worker that already has Scrapy and
    trafilatura loaded (~33 MB in a bare interpreter). The two modules we need
    only depend on lxml, jstyleson and extruct.utils, so they are loaded under a
    stand-in package that exists only for the duration of the import; the
    ``extruct*`` entries are then removed again, leaving ``sys.modules`` as it
    was, so a later ``import extruct`` elsewhere still gets the real package.
    """
    if "extruct" in sys.modules:  # someone already paid for the full package
        from extruct.jsonld import JsonLdExtractor
        from extruct.opengraph import OpenGraphExtractor

        return JsonLdExtractor, OpenGraphExtractor

    spec = importlib.util.find_spec("extruct")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("extruct is not installed")
    before = set(sys.modules)
    stand_in = types.ModuleType("extruct")
    stand_in.__path__ = list(spec.submodule_search_locations)
    sys.modules["extruct"] = stand_in
    try:
        from extruct.jsonld import JsonLdExtractor
        from extruct.opengraph import OpenGraphExtractor
    finally:
        for name in [n for n in sys.modules if n not in before and (n == "extruct" or n.startswith("extruct."))]:
            del sys.modules[name]
    return JsonLdExtractor, OpenGraphExtractor


_JsonLdExtractor, _OpenGraphExtractor = _load_extruct_extractors()
_JSONLD = _JsonLdExtractor()
_OPENGRAPH = _OpenGraphExtractor()

_JSONLD_SCRIPTS = lxml.etree.XPath("//script[@type='application/ld+json']")
# An <svg> may carry its own <title> (a tooltip), which is not the page title.
_TITLES = lxml.etree.XPath("//title[not(ancestor::svg)]")
_HEADINGS = lxml.etree.XPath("//h1|//h2|//h3|//h4|//h5|//h6")
_CANONICAL_LINKS = lxml.etree.XPath("//link[@rel and @href]")
_HAS_MAIN = lxml.etree.XPath("boolean(//main|//*[@role='main'])")
_HAS_MAIN_CONTAINER = lxml.etree.XPath("boolean(//main|//article|//*[@role='main'])")
_TOP_LEVEL_ARTICLES = lxml.etree.XPath("//article[not(ancestor::article)]")
_HAS_HEADING_IN_BODY = lxml.etree.XPath("boolean(//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6])")
_LANGUAGE_TAG = re.compile(r"^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Subtrees a browser does not render as text.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "select"})
_BLOCKS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SEPARATED_INLINE = frozenset({"a", "button", "label"})
# A <div> whose own text sits beside inline elements ('<div>55€<span>/mes</span></div>',
# a price card's figure): trafilatura drops its text; as a <p> it keeps it.
_ARIA_HIDDEN_TEXT = lxml.etree.XPath("//body//*[@aria-hidden='true'][translate(normalize-space(.), '0123456789', '')"
                                     " != normalize-space(.)]")
# A card's figure in a <span> beside its label's <p> ("<div><span>12,000+</span>
# <p>Shipments handled</p></div>"): trafilatura keeps the label, drops the figure.
_CARD_FIGURES = lxml.etree.XPath("//body//*[self::div or self::section or self::article]/span[normalize-space(text())]"
                                 "[not(*)][../p or ../h2 or ../h3 or ../h4 or ../h5 or ../h6]")
# A counter a script runs up from 0 to its figure ("<h3 data-target=\"10\">0</h3>",
# counter-up and PureCounter plugins): the figure is what the visitor sees
_COUNTER_ATTRIBUTES = ("data-target", "data-count", "data-to", "data-purecounter-end", "data-countup", "data-number",
                       "data-counter", "data-value")
_COUNTERS = lxml.etree.XPath("//body//*[" + " or ".join(f"@{a}" for a in _COUNTER_ATTRIBUTES) + "][not(*)]")
_COUNTER_START = re.compile(r"0*(?:[.,]0+)?")
_COUNTER_FIGURE = re.compile(r"\d[\d.,]{0,12}")
_TEXT_DIVS = lxml.etree.XPath("//body//div[normalize-space(text())][not(*[not(self::span or self::a or self::b "
                              "or self::strong or self::em or self::i or self::small or self::sup or self::sub "
                              "or self::br or self::abbr or self::mark or self::u or self::s or self::time)])]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INDENTED_HEADING = re.compile(r"^[ \t]+(#{1,6} )")


def extract_page(html: str | bytes, url: str, *, encoding: str | None = None) -> dict[str, Any]:
    """Title, metadata, main content, outline and links of one page.

    ``url`` is the final (post-redirect) URL of the response; relative links,
    the canonical link and the internal/external split are judged against it.
    ``encoding`` is the response encoding when known (bytes input only)."""
    tree = parse_html(html, encoding)
    if tree is None:
        return _empty_page()

    metas = _meta_by_name(tree)
    opengraph = _opengraph(tree)
    headings = _headings(tree)
    base_url = document_base_url(tree, url)
    text, markdown = _main_content(tree, base_url)
    language = _page_language(tree, metas)
    if LANGID_FLAG and text and (language is None or (language.split("-")[0] == "en" and not _reads_english(text))):
        # none declared, or a template's lang="en" left on a page written in
        # another language (a Romanian menu under <html lang="en">): the text's
        detected = _normalize_language(language_classifier(text, ""))
        if language is None or (detected in _OVERRULING_LANGUAGES and (
                len(text) >= _LANGID_MIN_CHARS or _surely_in(text, detected))):
            language = detected
    return {
        "title": _title(tree, opengraph, headings),
        "description": _first_nonempty(metas.get("description"), opengraph.get("og:description")),
        "language": language,
        "text": text,
        "markdown": markdown,
        "outside_text": outside_text(tree, text, base_url),
        "headings": headings,
        "meta": {
            "opengraph": opengraph,
            "twitter": _twitter_card(tree),
            "json_ld": _json_ld(tree),
            "canonical": _canonical(tree, base_url),
            "robots": metas.get("robots", "").lower() or None,
        },
        "links": _split_links(tree, url),
        "word_count": len(text.split()),
        "content_hash": content_hash(text),
    }


# Enough text, in a language the classifier tells apart reliably, to
# overrule a declared "en" (an address block in English is no Shona).
_LANGID_MIN_CHARS = 400
# The words that make up much of any English text: a page declared English
# that has them is not handed to the classifier (whose model takes 0.4 s to
# load, a cost every command would pay).
_ENGLISH_WORDS = frozenset("the and of to in is for with our we you your on at are a an by from this that it be "
                           "or as us can will have all more".split())
_ENGLISH_SHARE = 0.08


# A shorter text overrules it when the classifier is that sure of its
# language ("Hör gärna av dig till oss / tel/sms: 076-297 92 04 / …" under
# a template's lang="en": Swedish at 0.94; an English address block scores
# under 0.3 for any language).
_SHORT_TEXT_MIN_CHARS = 80
_SURE = 0.8


def _surely_in(text: str, language: str) -> bool:
    """Whether the classifier gives ``language`` a calibrated probability of
    at least ``_SURE`` (py3langid's softmax over its raw scores, tempered
    by the square root of the text's length in bytes, as its norm_probs
    mode computes it, from the model trafilatura has loaded already)."""
    import math

    import py3langid

    if len(text) < _SHORT_TEXT_MIN_CHARS:
        return False
    ranked = py3langid.rank(text)
    if not ranked or _normalize_language(ranked[0][0]) != language:
        return False
    temper = math.sqrt(len(text.encode("utf-8")))
    best = ranked[0][1]
    return 1.0 / sum(math.exp((score - best) / temper) for _, score in ranked) >= _SURE


def _reads_english(text: str) -> bool:
    words = re.findall(r"[a-z']+", text[:4000].lower())
    return bool(words) and sum(word in _ENGLISH_WORDS for word in words) >= _ENGLISH_SHARE * len(words)


# (and the languages of other scripts, which no English text is taken for: a
# Japanese clinic's pages under a site generator's lang="en")
_OVERRULING_LANGUAGES = frozenset("de fr it es ca nl pt pl da sv fi nb no cs sk el hu ro bg lt lv et hr sl tr "
                                  "ja zh ko ar he fa ru uk sr mk be th hi ka hy".split())


def content_hash(text: str) -> str:
    """Fingerprint of the words only, so re-indentation or a template's
    changed line breaks do not count as a content change."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _empty_page() -> dict[str, Any]:
    return {
        "title": None,
        "description": None,
        "language": None,
        "text": "",
        "markdown": "",
        "outside_text": "",
        "headings": [],
        "meta": {"opengraph": {}, "twitter": {}, "json_ld": [], "canonical": None, "robots": None},
        "links": {"internal": [], "external": []},
        "word_count": 0,
        "content_hash": content_hash(""),
    }


def _first_nonempty(*values: str | None) -> str | None:
    for value in values:
        value = normalize_space(value)
        if value:
            return value
    return None


def _meta_by_name(tree: HtmlElement) -> dict[str, str]:
    """``<meta name|http-equiv>`` contents keyed by lower-cased name.

    Repeated robots directives are all binding, so they are joined; for any
    other name the first occurrence wins, as it does for search engines."""
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("name") or meta.get("http-equiv") or "").strip().lower()
        content = normalize_space(meta.get("content"))
        if not name or not content:
            continue
        if name == "robots" and name in metas:
            metas[name] = f"{metas[name]}, {content}"
        else:
            metas.setdefault(name, content)
    return metas


def _opengraph(tree: HtmlElement) -> dict[str, str]:
    """OpenGraph properties, first value per property: repeated ones
    (og:image, og:locale:alternate) list the preferred value first."""
    properties: dict[str, str] = {}
    for item in _OPENGRAPH.extract_items(tree):
        for prop, value in item["properties"]:
            value = normalize_space(value)
            if value:
                properties.setdefault(prop, value)
    return properties


def _twitter_card(tree: HtmlElement) -> dict[str, str]:
    # The spec says name=, but many generators (Jekyll SEO, Yoast) emit
    # property=, so both are read; name= wins when both are present.
    card: dict[str, str] = {}
    for attribute in ("name", "property"):
        for meta in tree.iter("meta"):
            key = (meta.get(attribute) or "").strip().lower()
            value = normalize_space(meta.get("content"))
            if key.startswith("twitter:") and value:
                card.setdefault(key, value)
    return card


def _json_ld(tree: HtmlElement) -> list[Any]:
    """JSON-LD items of every ld+json script that parses; one broken block
    (a CMS template error, a truncated response) must not hide the others."""
    items: list[Any] = []
    for script in _JSONLD_SCRIPTS(tree):
        try:
            items.extend(_JSONLD.extract_items(script))
        except (ValueError, RecursionError):
            continue
    return items


def _canonical(tree: HtmlElement, base_url: str) -> str | None:
    for link in _CANONICAL_LINKS(tree):
        if "canonical" not in link.get("rel", "").lower().split():
            continue
        href = strip_html5_whitespace(link.get("href", ""))
        if not href:
            continue
        try:
            absolute = urljoin(base_url, href)
        except ValueError:
            return None
        return absolute if urlsplit(absolute).scheme in ("http", "https") else None
    return None


def _title(tree: HtmlElement, opengraph: dict[str, str], headings: list[dict[str, Any]]) -> str | None:
    # Not simply the first <title>: generated pages sometimes carry an empty
    # one from the theme followed by the real one from an SEO plugin.
    title = _first_nonempty(*(element.text_content() for element in _TITLES(tree)))
    if title:
        return title
    first_h1 = next((h["text"] for h in headings if h["level"] == 1), None)
    return _first_nonempty(opengraph.get("og:title"), first_h1)


def _headings(tree: HtmlElement) -> list[dict[str, Any]]:
    headings = []
    for element in _HEADINGS(tree):
        text = normalize_space(element.text_content())
        if text:
            headings.append({"level": int(element.tag[1]), "text": text})
    return headings


def _normalize_language(value: str | None) -> str | None:
    """BCP 47-ish tag in lower case ("en_GB" -> "en-gb"); first of a list."""
    if not value:
        return None
    tag = value.split(",")[0].strip().replace("_", "-").lower()
    return tag if _LANGUAGE_TAG.match(tag) else None


def _page_language(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    return (
        _normalize_language(tree.get("lang"))
        or _normalize_language(tree.get(_XML_LANG) or tree.get("xml:lang"))
        or _normalize_language(metas.get("content-language"))
    )


@lru_cache(maxsize=8192)
def _site_of_host(host: str) -> str:
    # a suffix lookup costs ~4 µs a call and a page repeats the same few hosts
    # dozens of times; hosts are few, so caching them is nearly free.
    return registered_domain(host)


def _split_links(tree: HtmlElement, url: str) -> dict[str, list[str]]:
    site = _site_of_host(host_of(url))
    internal: list[str] = []
    external: list[str] = []
    for link in links_from_tree(tree, url):
        same_site = bool(site) and _site_of_host(host_of(link.url)) == site
        (internal if same_site else external).append(link.url)
    return {"internal": internal, "external": external}


# --- main content -----------------------------------------------------------


def _main_content(tree: HtmlElement, base_url: str) -> tuple[str, str]:
    """(plain text, Markdown) of the main content.

    trafilatura runs once, keeping formatting and links; both outputs are
    rendered from that one result tree, which halves the cost of calling
    ``trafilatura.extract`` once per format and keeps text and Markdown in
    agreement about what the main content is."""
    for div in _TEXT_DIVS(tree):
        div.tag = "p"
    # trafilatura drops what screen readers are told to skip; a figure set
    # in big type ("12,000+" over "Shipments handled") is hidden from them
    # only because its label says it again, and the page shows it
    for element in _ARIA_HIDDEN_TEXT(tree):
        del element.attrib["aria-hidden"]
    for span in _CARD_FIGURES(tree):
        span.tag = "p"
    for counter in _COUNTERS(tree):
        figure = next((counter.get(a).strip() for a in _COUNTER_ATTRIBUTES if counter.get(a)), "")
        if _COUNTER_START.fullmatch((counter.text or "").strip()) and _COUNTER_FIGURE.fullmatch(figure):
            counter.text = figure
    _collapse_source_whitespace(tree)
    _space_adjacent_inlines(tree)
    body = _trafilatura_body(tree)
    if body is None:
        fallback = _visible_text(tree)
        return fallback, fallback
    main = _main_with_lost_headings(tree, body)
    if main is not None:
        text, markdown = _visible_text(main), _visible_text(main, markdown=True)
    else:
        _restore_lost_headings(tree, body)
        _resolve_link_targets(body, base_url)
        markdown = _tidy_markdown(normalize_unicode(xmltotxt(body, True)).strip())
        # Rendered as plain text, <ref> would still become "[text](target)".
        lxml.etree.strip_tags(body, "ref")
        text = _tidy_text(normalize_unicode(xmltotxt(body, False)))
        if not text:
            fallback = _visible_text(tree)
            return fallback, fallback
    for dialog in _dialogs_left_out(tree, text):
        text += "\n\n" + _visible_text(dialog)
        markdown += "\n\n" + _visible_text(dialog, markdown=True)
    for heading, rows in _tables_left_out(tree, text):
        # (under the heading it stands under on the page: appended after the
        # main text, "大人 · ￥2800" would lose "カットメニュー")
        text += "\n\n" + (f"{heading}\n" if heading else "") + rows
        markdown += "\n\n" + (f"## {heading}\n\n" if heading else "") + rows
    # (a table drawn as a column of labels beside a column of values reads
    # "No. Pendaftaran : 920189-P", as its reader sees it)
    return joined_label_columns(text), joined_label_columns(markdown)


# A dialog the page opens on a click ("Tarieven", "Over mij" in a Bootstrap
# modal): content the visitor reads, which trafilatura drops as boilerplate.
_DIALOGS = lxml.etree.XPath(
    "//*[@role='dialog' or contains(concat(' ', normalize-space(@class), ' '), ' modal ')]"
    "[not(ancestor::*[@role='dialog' or contains(concat(' ', normalize-space(@class), ' '), ' modal ')])]"
)
_DIALOG_MIN_CHARS = 80  # a text, not an image's caption or a form's labels


def _dialogs_left_out(tree: HtmlElement, text: str) -> list[HtmlElement]:
    kept = _squeezed(text)
    left_out = []
    for dialog in _DIALOGS(tree):
        body = _squeezed(_visible_text(dialog))
        if len(body) >= _DIALOG_MIN_CHARS and body[:_MATCH_CHARS] not in kept and dialog.find(".//form") is None:
            left_out.append(dialog)
    return left_out


# A table trafilatura left out with the rest of its section (a price list
# beside the page's longer text): each row on a line of its own, its cells
# in order ("Foto-Torte · 20,0 x 30,0 · 17,5 x 27,5 · 54,90 €"), as a reader
# reads a row across.
_TABLES = lxml.etree.XPath("//body//table[not(ancestor::table) and not(ancestor::form)]")
_TABLE_MIN_ROWS = 2
_NON_WORD = re.compile(r"[\W_]+")


# the heading a table stands under: its caption, or the last heading before it
_CAPTION = lxml.etree.XPath("normalize-space(caption)")
_HEADING_BEFORE = lxml.etree.XPath("(preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6])[last()]")
_HEADING_MAX_CHARS = 120


def _tables_left_out(tree: HtmlElement, text: str) -> list[tuple[str, str]]:
    """Each table trafilatura left out, as its heading and its rows."""
    # (compared on letters and digits: trafilatura writes a table's cells between bars)
    kept = _NON_WORD.sub("", text)
    left_out = []
    for table in _TABLES(tree):
        rows = []
        for row in table.iter("tr"):
            cells = [" ".join(_visible_text(cell).split()) for cell in row if cell.tag in ("td", "th")]
            cells = [cell for cell in cells if cell]
            if cells:
                rows.append(" · ".join(cells))
        if len(rows) < _TABLE_MIN_ROWS or not any(" · " in row for row in rows):
            continue
        if _NON_WORD.sub("", "".join(rows))[:_MATCH_CHARS] in kept:
            continue  # trafilatura kept it
        before = _HEADING_BEFORE(table)
        heading = _CAPTION(table) or (" ".join(_visible_text(before[0]).split()) if before else "")
        left_out.append((heading if len(heading) <= _HEADING_MAX_CHARS else "", "\n".join(rows)))
    return left_out


def _run_trafilatura(tree: HtmlElement) -> lxml.etree._Element | None:
    # No url=: trafilatura would resolve relative links against the site root
    # (not the page, and ignoring <base href>); _resolve_link_targets does it.
    document = bare_extraction(
        tree,
        fast=True,  # skip the readability/justext fallbacks: ~2x slower, rarely better here
        favor_recall=True,
        include_comments=False,
        include_formatting=True,
        include_links=True,
        include_tables=True,
        output_format="markdown",
    )
    return None if document is None else document.body


# A line break inside a run of text is a space on the screen ("<br>8:00h⏎
#     a 13:00h" reads "8:00h a 13:00h"); trafilatura keeps it, and would cut
# the sentence a reader shows. Breaks between a text and a tag stay: where
# trafilatura sees no block, they are all that keeps "Who We Are" (a label
# in a span) off the heading after it. (Not NBSP, which browsers keep; not
# inside <pre> or <textarea>, nor in scripts: JSON-LD may carry // comments.)
_INNER_WHITESPACE = re.compile(r"(?<=\S)[ \t\n\r\f]*[\n\r][ \t\n\r\f]*(?=\S)")
_PREFORMATTED = ("pre", "textarea", "listing", "plaintext", "xmp", "script", "style")


def _collapse_source_whitespace(tree: HtmlElement) -> None:
    kept = {element for block in tree.iter(*_PREFORMATTED) for element in block.iter()}
    for element in tree.iter():
        if element.text and isinstance(element.tag, str) and element not in kept:
            element.text = _INNER_WHITESPACE.sub(" ", element.text)
        if element.tail and element.getparent() not in kept:
            element.tail = _INNER_WHITESPACE.sub(" ", element.tail)


# Inline elements a stylesheet sets on lines of their own, written with no
# space between them: "<b>2310 445330</b><span>Τηλέφωνο ιατρείου</span>".
_GLUED_INLINE = frozenset({"a", "b", "strong", "span", "em", "i", "small", "label", "mark", "time"})


def _space_adjacent_inlines(tree: HtmlElement) -> None:
    """A space between two sibling inline elements that touch, when each
    holds a word: trafilatura would glue "2310 445330Τηλέφωνο" and
    "ΘεσσαλονίκηΆνοιγμα". Single characters are left alone (a word spelt
    out letter by letter in spans for an animation)."""
    for element in tree.iter(*_GLUED_INLINE):
        following = element.getnext()
        if following is None or following.tag not in _GLUED_INLINE or (element.tail or ""):
            continue
        left, right = element.text_content().strip(), following.text_content().strip()
        if len(left) > 1 and len(right) > 1 and left[-1].isalnum() and right[0].isalnum():
            element.tail = " "


def _trafilatura_body(tree: HtmlElement) -> lxml.etree._Element | None:
    """trafilatura's result tree, retried on a restructured copy of the page
    when its container heuristics are known to under-extract (see
    _should_retry); the retry is kept only when it loses no text."""
    body = _run_trafilatura(tree)
    if not _should_retry(tree, body):
        return body
    retry = _run_trafilatura(_as_single_main(tree))
    if retry is None:
        return body
    if body is None or _text_length(retry) >= _text_length(body):
        return retry
    return body


def _should_retry(tree: HtmlElement, body: lxml.etree._Element | None) -> bool:
    # Several <article> cards (service lists, team pages, teasers): trafilatura
    # takes "the first <article>" as the whole content and drops the others.
    if len(_TOP_LEVEL_ARTICLES(tree)) > 1:
        return True
    # No <main>/<article> and no "content" class: trafilatura falls back to
    # harvesting loose paragraphs and drops every heading. That is the usual
    # shape of a small-business site.
    lost_headings = body is None or body.find(".//head") is None
    return lost_headings and not _HAS_MAIN_CONTAINER(tree) and _HAS_HEADING_IN_BODY(tree)


def _as_single_main(tree: HtmlElement) -> HtmlElement:
    """Copy of the page whose only content container is one <main>."""
    page = deepcopy(tree)
    articles = _TOP_LEVEL_ARTICLES(page)
    if len(articles) > 1:
        for article in articles:
            article.tag = "div"
    body = page.find("body")
    if body is not None and not _HAS_MAIN(page):
        main = Element("main")
        main.text, body.text = body.text, None
        main.extend(list(body))
        body.append(main)
    return page


def _resolve_link_targets(body: lxml.etree._Element, base_url: str) -> None:
    for ref in body.iter("ref"):
        target = ref.get("target")
        if target:
            try:
                ref.set("target", urljoin(base_url, strip_html5_whitespace(target)))
            except ValueError:  # keep a malformed href as the author wrote it
                pass


def _text_length(body: lxml.etree._Element) -> int:
    return len("".join("".join(body.itertext()).split()))


def _tidy_text(text: str) -> str:
    # Plain text has no indentation semantics: source-HTML indentation that
    # leaks through trafilatura is noise, and so are runs of blank lines.
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _tidy_markdown(markdown: str) -> str:
    """Undo indentation leaked from the HTML source in front of headings,
    which would otherwise render as an indented code block."""
    lines = markdown.splitlines()
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            lines[index] = _INDENTED_HEADING.sub(r"\1", line.rstrip())
    return "\n".join(lines)


def _visible_text(tree: HtmlElement, *, markdown: bool = False) -> str:
    """Rendered text of <body> (or of the element given), one line per block,
    for pages too small or too unusual for trafilatura to find a main
    content; ``markdown``: headings marked as Markdown headings."""
    root = tree.find("body") if tree.tag == "html" else tree
    if root is None:
        root = tree
    if markdown:
        root = deepcopy(root)
        for heading in root.iter(*_HEADING_LEVELS):
            heading.text = f"{'#' * _HEADING_LEVELS[heading.tag]} {heading.text or ''}"
    chunks = [root.text or ""]
    _append_visible_text(root, chunks)
    return _tidy_text("".join(chunks))


_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
_MAIN = lxml.etree.XPath("//main|//*[@role='main']")
# headings of a team or services page: at least this many, all lost
_LOST_HEADINGS = 3


def _restore_lost_headings(tree: HtmlElement, body: lxml.etree._Element) -> None:
    """Put back the headings trafilatura dropped from cards whose text it
    kept: a team card's "<div>Director</div><h3>Simon Liu</h3><p>A qualified
    carpenter…</p>" comes out as "Director / A qualified carpenter…", the
    name gone. Each heading of the page missing from the result goes back
    before the paragraph that follows it on the page, when that paragraph
    is in the result."""
    kept = _squeezed("".join(body.itertext()))
    lost = [h for h in tree.iter("h2", "h3", "h4", "h5", "h6")
            if (text := _squeezed(h.text_content())) and len(text) <= _HEADING_CHARS and text not in kept]
    if not lost:
        return
    starts: dict[str, lxml.etree._Element] = {}
    for element in body.iter("p", "item", "quote", "cell"):
        starts.setdefault(_squeezed("".join(element.itertext()))[:_MATCH_CHARS], element)
    starts.pop("", None)
    for heading in lost:
        after = next((e for e in heading.itersiblings() if isinstance(e.tag, str) and _squeezed(e.text_content())), None)
        target = starts.get(_squeezed(after.text_content())[:_MATCH_CHARS]) if after is not None else None
        if target is None or target.getparent() is None:
            continue
        restored = lxml.etree.Element("head", rend=heading.tag)
        restored.text = " ".join(heading.text_content().split())
        target.addprevious(restored)


def _squeezed(text: str) -> str:
    return "".join(text.split())


_HEADING_CHARS = 80  # a heading, not a paragraph set in a heading's tag
_MATCH_CHARS = 40


def _main_with_lost_headings(tree: HtmlElement, body: lxml.etree._Element) -> HtmlElement | None:
    """The page's one <main>, when trafilatura found no content in it and
    harvested its loose paragraphs instead: every heading lost, so a team
    page's names are cut from their roles ("Shannon Eagle" / "Practise
    Manager"). Its own rendering keeps them, and loses no text."""
    if body.find(".//head") is not None:
        return None
    mains = _MAIN(tree)
    if len(mains) != 1:
        return None
    main = mains[0]
    if sum(1 for _ in main.iter(*_HEADING_LEVELS)) < _LOST_HEADINGS:
        return None
    rendered = _visible_text(main)
    return main if len(rendered) >= _text_length(body) else None


def _append_visible_text(element: HtmlElement, chunks: list[str]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else None  # None: comment or PI
        if tag is not None and tag not in _INVISIBLE and child.get("hidden") is None:
            block = tag in _BLOCKS
            # Menus styled as rows of links often have no whitespace between
            # them; gluing "Home" to "Contact" would invent a word.
            separated = tag in _SEPARATED_INLINE
            if block:
                chunks.append("\n")
            elif separated and _ends_in_word(chunks):
                chunks.append(" ")
            chunks.append(child.text or "")
            _append_visible_text(child, chunks)
            if block:
                chunks.append("\n")
            elif separated and child.tail and child.tail[0].isalnum():
                chunks.append(" ")
        # A hidden element's tail is still visible text of its parent.
        chunks.append(child.tail or "")


def _ends_in_word(chunks: list[str]) -> bool:
    last = next((chunk for chunk in reversed(chunks) if chunk), "")
    return bool(last) and last[-1].isalnum()
