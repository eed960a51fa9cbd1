"""Whether a fetched page is drawn by its scripts, so that rendering it in a
browser would show what the plain HTML does not (``render_js=auto``).

Signs, each cheap to read in the HTML as fetched:

* placeholders that a script fills from partial files (``<div
  data-partial="header">``, ``w3-include-html``, ``data-include``,
  htmx's ``hx-get``): the header and footer, and so the links to the legal
  pages and the contact data, come later;
* an app root with nothing in it (``<div id="root"></div>``, ``#app``,
  ``#__next``... holding at most a "Loading" word);
* scripts and no link to any other page of the site.

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
_SCRIPT = re.compile(rb"<script\b", re.I)


def drawn_by_script(html: bytes, internal_links: int) -> str | None:
    """Why the page looks drawn by script, in words (None: it does not)."""
    match = _PLACEHOLDER.search(html)
    if match:
        return f"parts of it are loaded by script ({match.group(1).decode().lower()})"
    match = _APP_ROOT.search(html)
    if match:
        return f"an empty app root (#{match.group(1).decode()})"
    if internal_links == 0 and _SCRIPT.search(html):
        return "no link to another page of the site, and scripts"
    return None
