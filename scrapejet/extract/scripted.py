"""Whether a fetched page is drawn by its scripts, so that rendering it in a
browser would show what the plain HTML does not (``render_js=auto``).

Signs, each cheap to read in the HTML as fetched:

* placeholders that a script fills from partial files (``<div
  data-partial="header">``, ``w3-include-html``, ``data-include``,
  htmx's ``hx-get``): the header and footer, and so the links to the legal
  pages and the contact data, come later;
* an app root with nothing in it (``<div id="root"></div>``, ``#app``,
  ``#__next``... holding at most a "Loading" word);
* an empty header, footer or menu, or an empty element whose id names one
  (``<div id="siteHeaderMount"></div>``), on a page with scripts: they
  mount the site's navigation and contact block;
* a contact link left empty or "Loading..." for a script to fill
  (``<a id="emailLink">Loading...</a>``), or written in by an inline
  script (``document.write('<a href="mailto:' + user + …``): an address
  hidden from harvesters;
* no footer, and a script of the site's own named for the page's frame
  (``components.js``, ``js/layout.js``, ``header.js``);
* scripts and no link to any other page of the site; or, on the home page,
  scripts and a single link to another page that is not a policy (its legal
  notice, privacy or cookie page, accessibility statement): a menu a script
  writes in (``<div id="g_description"></div>`` filled by
  ``assignDivElements()``), the one plain link being the footer's.

A page with its own links and text and none of the placeholders is left as
it is: rendering costs a browser, seconds per page."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(
    rb"<[a-z][a-z0-9]*\b[^>]*\s(data-partial|data-include(?:-html)?|(?:w3-)?include-html|data-import|hx-get|"
    rb"data-load)\s*=\s*[\"'][^\"']*[\"'][^>]*>\s*</",
    re.I,
)
_APP_ROOT = re.compile(
    rb"<(?:div|main|section)\b[^>]*\bid\s*=\s*[\"'](root|app|__next|__nuxt|___gatsby|svelte|q-app|main-app)[\"']"
    rb"[^>]*>\s*(?:(?:loading|laden|chargement|cargando|caricamento)[.\xe2\x80\xa6 ]*)?\s*</",
    re.I,
)
# an empty header, footer or menu, or an empty element named for one (``<div
# id="siteHeaderMount"></div>``): a script mounts it, with the site's links
_EMPTY_FRAME = re.compile(
    rb"<(header|footer|nav)\b[^>]*>\s*</\1>|"
    rb"<(?:div|section|span)\b[^>]*\bid\s*=\s*[\"'][\w-]*?(header|footer|navbar|navigation|nav|menu)[\w-]*[\"'][^>]*>\s*"
    rb"</(?:div|section|span)>",
    re.I,
)
_SCRIPT = re.compile(rb"<script\b", re.I)
# an inline script that writes a mailto: or tel: link into the page (an
# address put together from pieces, so that harvesters cannot read it)
_WRITTEN_CONTACT = re.compile(
    rb"<script\b[^>]*>(?:(?!</script)[^\x00]){0,3000}?document\.write(?:(?!</script)[^\x00]){0,3000}?(?:mailto:|tel:)",
    re.I,
)
# a contact link a script fills in, to hide the address from harvesters
# (``<a id="emailLink">Loading...</a>``, ``<a id="phone-link"></a>``)
_FILLED_CONTACT = re.compile(
    rb"<a\b[^>]*\bid\s*=\s*[\"'](?![^\"']*(?:error|err\b|invalid))[\w-]*(?:e-?mail|mailto|phone|tel)[\w-]*[\"'][^>]*>\s*"
    rb"(?:(?:loading|laden|chargement|cargando|caricamento)[.\xe2\x80\xa6 ]*|\.\.\.|\xe2\x80\xa6)?\s*</a>",
    re.I,
)
# a page with no footer that loads a script of its own named for the page's
# frame ("components.js", "js/layout.js", "header.js"): the script writes
# the header and footer, with the links to the legal pages and the contact data
_LAYOUT_SCRIPT = re.compile(
    rb"<script\b[^>]*\bsrc\s*=\s*[\"'](?![a-z]+:)(?!//)(?:[^\"'/]*/)*"
    rb"((?:[\w-]*[-_.])?(?:components?|layout|header|footer|includes?|partials?)[\w.-]*\.js)",
    re.I,
)
_FOOTER = re.compile(rb"<footer\b|\b(?:id|class)\s*=\s*[\"'][^\"']*footer", re.I)
# pages a one-page site links to besides itself: its policies
_POLICY = re.compile(r"accessib|cookie|barrierefrei|toegankelijk|accesibilidad|accessibilit", re.I)


def drawn_by_script(html: bytes, internal_links: list[str], home: bool = False) -> str | None:
    """Why the page looks drawn by script, in words (None: it does not).
    ``internal_links``: the other pages of the site it links to; ``home``:
    it is the site's home page."""
    from .roles import page_role

    match = _PLACEHOLDER.search(html)
    if match:
        return f"parts of it are loaded by script ({match.group(1).decode().lower()})"
    match = _APP_ROOT.search(html)
    if match:
        return f"an empty app root (#{match.group(1).decode()})"
    match = _EMPTY_FRAME.search(html)
    if match and _SCRIPT.search(html):
        return f"an empty {(match.group(1) or match.group(2)).decode().lower()} a script fills"
    match = _FILLED_CONTACT.search(html)
    if match and _SCRIPT.search(html):
        return "a contact link a script fills in"
    if _WRITTEN_CONTACT.search(html):
        return "a contact link a script writes in"
    match = _LAYOUT_SCRIPT.search(html)
    if match and not _FOOTER.search(html):
        return f"no footer, and a script that draws the page's frame ({match.group(1).decode()})"
    if not internal_links and _SCRIPT.search(html):
        return "no link to another page of the site, and scripts"
    if (home and len(internal_links) == 1 and _SCRIPT.search(html)
            and page_role(internal_links[0]) not in ("legal", "privacy", "terms", "cookies") and not _POLICY.search(internal_links[0])):
        return "a home page with scripts that links to one other page only"
    return None
