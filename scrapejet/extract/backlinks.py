"""Links of a page, as a backlink index records them: every element that
points somewhere (``<a>``, ``<area>``, ``<link rel=canonical>``, ``<meta
http-equiv=refresh>``, ``<iframe>``, ``<form>``), resolved against ``<base
href>``, with its anchor, rel tokens, place on the page and the text around it.

Pure functions: HTML and its final URL in, plain data out. Which of the links
point at the target, and what to follow, the spider decides."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import lxml.etree
from lxml.html import HtmlElement

from .links import document_base_url, normalize_space, parse_html, resolve_href
from .page import _meta_by_name, _page_language

# Every element that carries a link, in one XPath: lxml returns a union in
# document order, which is what `position` counts.
_ELEMENTS = lxml.etree.XPath(
    "//a[@href] | //area[@href] | //link[@href] | //meta[@http-equiv][@content]"
    " | //iframe[@src] | //form[@action]"
)
# Outside the main content: site chrome, by tag or ARIA landmark role.
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar"})
_BLOCK_TAGS = frozenset({
    "p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "figure", "caption", "h1", "h2", "h3", "h4",
    "h5", "h6", "div", "section", "article", "header", "footer", "nav", "aside", "main", "body", "address",
    "form", "label", "pre",
})
REL_FLAGS = ("nofollow", "ugc", "sponsored", "noopener")
_REFRESH = re.compile(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(['\"]?)(?P<url>[^'\"]+)\1", re.I)
CONTEXT_CHARS = 120  # text kept on each side of the anchor
MAX_ANCHOR = 500


@dataclass(frozen=True, slots=True)
class PageLink:
    """One link of a page. ``url`` is canonical and absolute (http/https)."""

    url: str
    link_type: str  # href | image | canonical | meta-refresh | iframe | form
    anchor_text: str = ""
    alt: str | None = None
    title: str | None = None
    rel: tuple[str, ...] = ()
    is_content: bool = False
    context: str = ""
    position: int = 0

    def flag(self, name: str) -> bool:
        return name in self.rel


@dataclass
class PageLinks:
    links: list[PageLink]
    language: str | None
    # <meta name=robots content=nofollow>: no link of the page passes value
    # and none should be followed
    nofollow: bool = False


def page_links(html: str | bytes, url: str, *, encoding: str | None = None,
               detail: Callable[[str], bool] | None = None) -> PageLinks:
    """Every link of a page whose final (post-redirect) URL is ``url``.

    With ``detail``, only links whose URL it accepts get their anchor,
    content flag and context (the costly part on a page of many links);
    the others have their URL, type, rel and position."""
    tree = parse_html(html, encoding)
    if tree is None:
        return PageLinks([], None)
    metas = _meta_by_name(tree)
    robots = metas.get("robots", "").lower()
    base = document_base_url(tree, url)
    links: list[PageLink] = []
    position = 0
    for element in _ELEMENTS(tree):
        found = _link(element, base)
        if found is None:
            continue
        position += 1
        link_type, target, rel = found
        if detail is not None and not detail(target):
            links.append(PageLink(url=target, link_type=link_type, rel=rel, position=position))
            continue
        anchor, alt = _anchor(element, link_type)
        if link_type == "href" and not anchor and alt is not None:
            link_type = "image"
            anchor = alt
        links.append(PageLink(
            url=target, link_type=link_type, anchor_text=anchor[:MAX_ANCHOR], alt=alt,
            title=normalize_space(element.get("title")) or None, rel=rel,
            is_content=_in_content(element), context=_context(element, anchor), position=position,
        ))
    directives = set(re.split(r"[,\s]+", robots))
    return PageLinks(links, _page_language(tree, metas), bool(directives & {"nofollow", "none"}))


def _rel(element: HtmlElement) -> tuple[str, ...]:
    # A token list, case-insensitive (rel="NoFollow  Sponsored").
    return tuple(dict.fromkeys(token.lower() for token in (element.get("rel") or "").split()))


def _link(element: HtmlElement, base: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(link type, canonical URL, rel tokens) of a link element, or None."""
    tag = element.tag
    if tag in ("a", "area"):
        return _typed("href", resolve_href(element.get("href"), base), _rel(element))
    if tag == "link":
        rel = _rel(element)
        return _typed("canonical", resolve_href(element.get("href"), base), rel) if "canonical" in rel else None
    if tag == "meta":
        if (element.get("http-equiv") or "").strip().lower() != "refresh":
            return None
        match = _REFRESH.match(element.get("content") or "")
        return _typed("meta-refresh", resolve_href(match.group("url").strip(), base) if match else None, ())
    if tag == "iframe":
        return _typed("iframe", resolve_href(element.get("src"), base), ())
    if tag == "form":
        return _typed("form", resolve_href(element.get("action"), base), ())
    return None


def _typed(kind: str, url: str | None, rel: tuple[str, ...]):
    return (kind, url, rel) if url else None


def _anchor(element: HtmlElement, link_type: str) -> tuple[str, str | None]:
    """(anchor text, alt of the link's image if it has one)."""
    if element.tag == "area":
        return normalize_space(element.get("alt")), None
    if element.tag != "a":
        return "", None
    alt = None
    for img in element.iter("img"):
        alt = normalize_space(img.get("alt"))
        break
    return normalize_space(element.text_content()), alt


def _in_content(element: HtmlElement) -> bool:
    """Inside the page's body and not in its nav, header, footer or aside."""
    node = element
    in_body = False
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _CHROME_TAGS or (node.get("role") or "").strip().lower() in _CHROME_ROLES:
            return False
        if tag == "body":
            in_body = True
        node = node.getparent()
    return in_body


def _context(element: HtmlElement, anchor: str) -> str:
    """The text around the link: its block (paragraph, list item, cell),
    cut to CONTEXT_CHARS either side of the anchor."""
    if element.tag not in ("a", "area"):
        return ""
    block = element.getparent()
    while block is not None and block.tag not in _BLOCK_TAGS:
        block = block.getparent()
    if block is None:
        return anchor
    text = normalize_space(block.text_content())
    at = text.find(anchor) if anchor else -1
    if at < 0:
        return _cut(text, 0, 2 * CONTEXT_CHARS, "", "…" if len(text) > 2 * CONTEXT_CHARS else "")
    start, end = max(0, at - CONTEXT_CHARS), min(len(text), at + len(anchor) + CONTEXT_CHARS)
    return _cut(text, start, end, "…" if start > 0 else "", "…" if end < len(text) else "")


def _cut(text: str, start: int, end: int, before: str, after: str) -> str:
    piece = text[start:end]
    # whole words only at a cut edge
    if before and " " in piece:
        piece = piece.split(" ", 1)[1]
    if after and " " in piece:
        piece = piece.rsplit(" ", 1)[0]
    return f"{before}{piece.strip()}{after}"
