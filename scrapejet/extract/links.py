"""Outgoing links of a page, resolved and canonicalised the way the
dupefilter will see them, so the frontier never queues two spellings of one
URL."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.etree
import lxml.html
from lxml.html import HtmlElement
from w3lib.encoding import html_to_unicode
from w3lib.html import strip_html5_whitespace

from scrapejet.urls import canonical_url

_FOLLOWABLE_SCHEMES = frozenset({"http", "https"})
# One XPath over both tags keeps links in document order in a single pass.
# (any element a script click sends on: a button, or an icon or a box,
# <i class="icon-facebook" onclick="window.open('https://www.facebook.com/…')">)
_LINK_XPATH = lxml.etree.XPath("//a[@href or @onclick] | //area[@href] | //*[@onclick][not(self::a)]")
_BASE_XPATH = lxml.etree.XPath("//base[@href]/@href")
# Where a script click goes: "location.href='kontakt.html'", "window.open('…')";
# else the first absolute URL quoted in the handler, as in Google Ads'
# conversion snippet "return gtag_report_conversion('https://wa.me/…')".
# (a URL written with its spaces unencoded is still the one the browser goes
# to: "…send?phone=62821…&text=Halo PT. Sinar Kasyaf")
_ONCLICK_GOTO = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\(|window\.open\()\s*(['"])(\S[^'"\n]*)\1""")
_ONCLICK_URL = re.compile(r"""(['"])(https?://[^'"\s]+)\1""")
# Inline scripts of a site whose menu navigates by script ("menuLinkAboutme ...
# window.location.href='/aboutme.html'"): the pages they go to, at most this many.
_SCRIPT_XPATH = lxml.etree.XPath("//script[not(@src)]/text()")
_MAX_SCRIPT_LINKS = 30
# The pages a frameset (or an inline frame) draws inside this one: an old
# FrontPage site's home is only its frames (banner, menu, main, footer),
# which a browser loads as it shows the page. (A frame of another site, a
# map or a video, falls out of the job's scope as any link there does.)
_FRAME_XPATH = lxml.etree.XPath("//frame/@src | //iframe/@src")


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    rel: tuple[str, ...] = ()
    nofollow: bool = False
    # the texts of the page's other links to the same URL ("Notre Mission",
    # then a button "About Us"): what the page calls it, all told
    other_texts: tuple[str, ...] = ()


def decode_html(html: str | bytes, encoding: str | None = None) -> str:
    """Text of a response body. An explicit encoding (from the HTTP header, as
    Scrapy resolves it) wins; otherwise BOM, then <meta charset>, then UTF-8
    if the bytes are valid UTF-8, else windows-1252, as browsers guess.

    Except a UTF-8 the bytes are not: a host's default header over a page
    written in ISO-8859-15 that says so in its <meta> (static hosts send
    "charset=utf-8" for every .html file) would turn each "Ä" into "\ufffd",
    and the words, names and answers with it; the page's own word is taken."""
    if isinstance(html, str):
        return html
    if encoding:
        try:
            if _is_utf8(encoding):
                return html.decode(encoding)
            return html.decode(encoding, errors="replace")
        except (UnicodeDecodeError, LookupError):  # (nor must an unknown charset name lose the page)
            pass
    return html_to_unicode(None, html, auto_detect_fun=_utf8_or_cp1252)[1]


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8")


def _utf8_or_cp1252(body: bytes) -> str:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


_END_BR = re.compile(r"</br\s*>", re.I)


def parse_html(html: str | bytes, encoding: str | None = None) -> HtmlElement | None:
    """The document's root element, or None when there is nothing to parse.

    Parsing happens once per page and every extractor works on this tree."""
    text = decode_html(html, encoding)
    # NUL never occurs in real HTML text: this is a binary body (image, PDF,
    # archive) served as text/html, whose "text" would only be mojibake.
    if not text.strip() or "\x00" in text[:4096]:
        return None
    # "</br>", a line break browsers draw (the HTML standard reads it as
    # "<br>"), which libxml2 drops: a footer's lines would run together
    text = _END_BR.sub("<br>", text)
    try:
        root = lxml.html.document_fromstring(text)
    except ValueError:
        # lxml refuses str input that carries an XML encoding declaration
        # (XHTML served with <?xml ... encoding=...?>); the text is already
        # decoded, so hand it over as UTF-8 bytes instead.
        try:
            parser = lxml.html.HTMLParser(encoding="utf-8")
            root = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
        except (ValueError, lxml.etree.ParserError):
            return None
    except lxml.etree.ParserError:  # e.g. only a comment or a doctype
        return None
    return root if isinstance(root, HtmlElement) else None


def normalize_space(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def document_base_url(tree: HtmlElement, url: str) -> str:
    """URL that relative references resolve against: the first <base href>,
    itself relative to the response URL, else the response URL."""
    for href in _BASE_XPATH(tree):
        href = strip_html5_whitespace(href)
        if href:
            base = urljoin(url, href)
            # A <base> pointing at a non-web scheme would turn every relative
            # link into garbage; browsers only honour it for fetchable URLs.
            if urlsplit(base).scheme in _FOLLOWABLE_SCHEMES:
                return base
        break  # only the first <base href> counts, per the HTML spec
    return url


def resolve_href(href: str | None, base_url: str) -> str | None:
    """Canonical absolute http(s) URL of an href, or None if it is not a
    crawlable link (fragment-only, javascript:, mailto:, tel:, data:, ...)."""
    if not href:
        return None
    href = strip_html5_whitespace(href)
    if not href or href.startswith("#"):
        return None
    try:
        absolute = urljoin(base_url, href)
        parts = urlsplit(absolute)
        if parts.scheme not in _FOLLOWABLE_SCHEMES or not parts.hostname:
            return None
        return canonical_url(absolute)
    except ValueError:  # invalid port, broken IPv6 literal and the like
        return None


def link_target(element: HtmlElement) -> str | None:
    """The href a click on a link or button follows: its ``href``, or for a
    dead one ("#", "javascript:…", none) the URL its ``onclick`` opens."""
    href = (element.get("href") or "").strip()
    if href and href != "#" and not href.lower().startswith("javascript:"):
        return href
    onclick = element.get("onclick")
    if onclick:
        # (an element that is no link nor button sends on only by going to
        # a page: a URL it merely quotes may be anything a script does)
        clickable = element.tag in ("a", "area", "button")
        match = _ONCLICK_GOTO.search(onclick) or (_ONCLICK_URL.search(onclick) if clickable else None)
        if match:
            return match.group(2)
    return href or None


# Facebook's page and like plugins name the page they show: a Like button
# <div class="fb-like" data-href="https://www.facebook.com/acme">, or the
# iframe the SDK draws (facebook.com/plugins/page.php?href=…).
_FB_PLUGIN_CLASSES = frozenset({"fb-page", "fb-like", "fb-follow", "fb-like-box"})
_FB_PLUGIN_FRAME = re.compile(r"^(?:https?:)?//(?:www\.|web\.)?facebook\.com/(?:v[\d.]+/)?plugins/(?:page|like|follow|likebox)\.php\?",
                              re.I)


def social_plugin_target(element: HtmlElement) -> str | None:
    """The page a social network's embedded plugin shows, as a link to it."""
    if _FB_PLUGIN_CLASSES.intersection((element.get("class") or "").split()):
        return (element.get("data-href") or "").strip() or None
    if element.tag == "iframe":
        src = (element.get("src") or element.get("data-src") or "").strip()
        if _FB_PLUGIN_FRAME.match(src):
            target = parse_qs(urlsplit(src).query).get("href")
            return target[0].strip() if target else None
    return None


def _link_text(element: HtmlElement) -> str:
    if element.tag == "area":
        return normalize_space(element.get("alt"))
    text = normalize_space(element.text_content())
    if text:
        return text
    # Icon and logo links carry their meaning in the image's alt or a title.
    for img in element.iter("img"):
        alt = normalize_space(img.get("alt"))
        if alt:
            return alt
    return normalize_space(element.get("title") or element.get("aria-label"))


def links_from_tree(tree: HtmlElement, url: str) -> list[Link]:
    """Links of an already-parsed page, first occurrence of each URL wins."""
    base_url = document_base_url(tree, url)
    # Menus repeat the same hrefs in header, mobile menu and footer; resolving
    # each spelling once skips most of the canonicalisation work.
    resolved: dict[str | None, str | None] = {}
    seen: dict[str, int] = {}
    links: list[Link] = []
    for element in _LINK_XPATH(tree):
        href = link_target(element)
        if href not in resolved:
            resolved[href] = resolve_href(href, base_url)
        target = resolved[href]
        if target is None:
            continue
        if target in seen:
            first = links[seen[target]]
            text = _link_text(element)
            if text and text != first.text and text not in first.other_texts:
                links[seen[target]] = replace(first, other_texts=first.other_texts + (text,))
            continue
        seen[target] = len(links)
        rel = tuple(token.lower() for token in (element.get("rel") or "").split())
        links.append(Link(url=target, text=_link_text(element), rel=rel, nofollow="nofollow" in rel))
    for target in _script_targets(tree, base_url) + [resolve_href(src, base_url) for src in _FRAME_XPATH(tree)]:
        if target and target not in seen:
            seen[target] = len(links)
            links.append(Link(url=target, text=""))
    return links


def _script_targets(tree: HtmlElement, base_url: str) -> list[str]:
    """Pages an inline script sends the browser to (``location.href = '…'``)."""
    found: list[str] = []
    for script in _SCRIPT_XPATH(tree):
        if "location" not in script and "window.open" not in script:
            continue
        for match in _ONCLICK_GOTO.finditer(script):
            target = resolve_href(match.group(2), base_url)
            if target and target not in found:
                found.append(target)
                if len(found) >= _MAX_SCRIPT_LINKS:
                    return found
    return found


def extract_links(html: str | bytes, url: str) -> list[Link]:
    """Crawlable links of a page whose final (post-redirect) URL is ``url``."""
    tree = parse_html(html)
    return links_from_tree(tree, url) if tree is not None else []
