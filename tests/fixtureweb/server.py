"""A small web of fixture sites served by real HTTP servers on loopback.

One ``ThreadingHTTPServer`` listens on 127.0.0.1 on one free port and picks
the site from the request's ``Host`` header, so the crawler (given
``SCRAPEJET_RESOLVE = web.resolve``) fetches ``http://shop.test:PORT/`` as it
would fetch any real site. See README.md in this folder for every host, path
and the page counts a crawl of each site must produce.

Standard library only; no test ever touches the internet.
"""

from __future__ import annotations

import calendar as _calendar
import html
import http.client
import json
import socket
import socketserver
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import namedtuple
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "EXPECTED_PAGES",
    "FetchResult",
    "FixtureWeb",
    "HOSTS",
    "POLITE_HOSTS",
    "RequestRecord",
    "SHOP_DEPTHS",
    "TRACKED_PAGES",
    "TRACKED_VARIANTS",
    "bench_links",
    "calendar_pages_for_depth",
]

# --------------------------------------------------------------------------
# Public constants: what a crawl of each site should store.
# --------------------------------------------------------------------------

# Many small sites for politeness counted at the server (PoliteSite).
POLITE_HOSTS = [f"p{n:02d}.polite.test" for n in range(1, 9)]
HOSTS = [
    "shop.test",
    "www.shop.test",
    "elsewhere.test",
    "robots.test",
    "sitemaps.test",
    "traps.test",
    "js.test",
    "bench.test",
    "status.test",
    "tracked.test",
    "one.test",
    *POLITE_HOSTS,
]

# Depth of every HTML page of shop.test from "/" (depth 0), by the shortest
# chain of links. Paths are canonical: fragment dropped, query sorted.
SHOP_DEPTHS = {
    "/": 0,
    "/about": 1,
    "/contact": 1,
    "/products/": 1,
    "/products/?a=1&b=2": 1,
    "/blog/": 1,
    "/deep/1": 1,
    "/products/1": 2,
    "/products/2": 2,
    "/products/3": 2,
    "/products/4": 2,
    "/products/5": 2,
    "/products/6": 2,
    "/blog/first-post": 2,
    "/blog/second-post": 2,
    "/deep/2": 2,
    "/deep/3": 3,
    "/deep/4": 4,
}

# tracked.test links its pages with and without tracking parameters
# (utm_*, gclid, fbclid): these are its pages once those are dropped. The
# query of /c/drills/?page=2 is no tracking parameter: another page.
TRACKED_PAGES = frozenset({"/", "/c/drills/", "/c/saws/", "/about", "/c/drills/?page=2"})
# The links of tracked.test that differ from a page above only by tracking parameters.
TRACKED_VARIANTS = frozenset({
    "/c/drills/?utm_medium=banner&utm_source=home", "/c/saws/?gclid=EAIaIQobChMI", "/about?fbclid=IwAR0x",
})

# Pages (canonical paths, status 200, text/html) a complete crawl of each
# site stores, starting at "/", robots.txt obeyed, sitemaps discovered
# (robots.txt "Sitemap:" lines, else /sitemap.xml), scope = the start host
# (www folded into the apex), no JavaScript, no depth/page limit.
# traps.test is infinite (see calendar_pages_for_depth) and bench.test has
# bench_pages + 1 pages, so neither is listed here.
EXPECTED_PAGES = {
    "shop.test": frozenset(SHOP_DEPTHS),
    "elsewhere.test": frozenset({"/", "/partners"}),
    "robots.test": frozenset({"/", "/public/a", "/sitemap-only"}),
    "sitemaps.test": frozenset({"/", "/info", "/orphan-1", "/orphan-2"}),
    "js.test": frozenset({"/", "/static"}),
    "status.test": frozenset({"/", "/code/200"}),
    "one.test": frozenset({"/"}),
}


def calendar_pages_for_depth(max_depth: int) -> int:
    """Calendar pages of traps.test a crawl with this max_depth stores.

    "/" is depth 0 and links to /calendar?month=2024-01 (depth 1); each month
    links to the previous and the next one, so months k steps away sit at
    depth 1 + k: 2 * max_depth - 1 pages for max_depth >= 1."""
    return 0 if max_depth < 1 else 2 * max_depth - 1


RequestRecord = namedtuple("RequestRecord", "host path method user_agent timestamp")
RequestRecord.__doc__ = "One request seen by the fixture web (path includes the query string)."


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FetchResult:
    status: int
    headers: dict[str, str]
    body: bytes
    url: str

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------
# HTML helpers
# --------------------------------------------------------------------------

_e = html.escape


def render_page(
    *,
    site_name: str,
    title: str,
    description: str,
    marker: str,
    paragraphs: list[str],
    nav: list[tuple[str, str]] = (),
    extra_html: str = "",
    head_extra: str = "",
    footer_links: list[tuple[str, str]] = (),
    body_end: str = "",
) -> bytes:
    """A complete HTML document. ``paragraphs`` and ``extra_html`` are HTML;
    the marker sentence ends the first paragraph."""
    paras = list(paragraphs) or [""]
    paras[0] = f"{paras[0]} {marker}".strip()
    nav_html = "\n      ".join(f'<li><a href="{_e(href)}">{_e(text)}</a></li>' for href, text in nav)
    footer_html = " | ".join(f'<a href="{_e(href)}">{_e(text)}</a>' for href, text in footer_links)
    body = "\n    ".join(f"<p>{p}</p>" for p in paras)
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{_e(title)}</title>
  <meta name="description" content="{_e(description)}">
  {head_extra}
</head>
<body>
  <header>
    <a class="brand" href="/">{_e(site_name)}</a>
    <nav>
      <ul>
      {nav_html}
      </ul>
    </nav>
  </header>
  <main>
    <article>
    <h1>{_e(title)}</h1>
    {body}
    {extra_html}
    </article>
  </main>
  <footer>
    <p>&copy; 2024 {_e(site_name)}. All rights reserved. {footer_html}</p>
  </footer>
  {body_end}
</body>
</html>
"""
    return doc.encode("utf-8")


def _links_list(links: list[tuple[str, str]]) -> str:
    items = "\n".join(f'      <li><a href="{_e(href)}">{_e(text)}</a></li>' for href, text in links)
    return f"<ul>\n{items}\n    </ul>"


def make_pdf(text: str) -> bytes:
    """A tiny but valid one-page PDF (correct xref offsets) showing ``text``."""
    content = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def _xml(body: str) -> Response:
    return Response(200, body.encode("utf-8"), "application/xml; charset=utf-8")


def _text(status: int, body: str) -> Response:
    return Response(status, body.encode("utf-8"), "text/plain; charset=utf-8")


# --------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------


class _Site:
    """Static pages (pre-rendered bytes) plus optional dynamic routes."""

    name = "site"
    site_name = "Site"

    def __init__(self, web: "FixtureWeb"):
        self.web = web
        self.pages: dict[str, Response] = {}
        self.markers: dict[str, str] = {}

    @property
    def port(self) -> int:
        return self.web.port

    def build(self) -> None:  # fill self.pages
        raise NotImplementedError

    def add(self, path: str, marker: str, response_or_body) -> None:
        resp = response_or_body if isinstance(response_or_body, Response) else Response(200, response_or_body)
        self.pages[path] = resp
        if marker:
            self.markers[path] = marker

    def dynamic(self, path: str, query: list[tuple[str, str]], raw_query: str) -> Response | None:
        return None

    def handle(self, path: str, query: list[tuple[str, str]], raw_query: str) -> Response:
        resp = self.dynamic(path, query, raw_query)
        if resp is not None:
            return resp
        resp = self.pages.get(path)
        if resp is not None:
            return resp
        return self.not_found(path)

    def not_found(self, path: str) -> Response:
        body = render_page(
            site_name=self.site_name,
            title="Page not found",
            description="The requested page does not exist.",
            marker=f"Marker {self.name} not found page.",
            paragraphs=[f"Nothing lives at {_e(path)} on this site. Try the home page instead."],
            nav=[("/", "Home")],
        )
        return Response(404, body)

    def marker(self, path: str) -> str | None:
        return self.markers.get(path)


# ---- shop.test -----------------------------------------------------------

_PRODUCTS = {
    1: (
        "Trail Lantern",
        "39.00",
        [
            "The Trail Lantern throws a warm, even light across a whole campsite and folds flat "
            "enough to slide into the lid pocket of a daypack.",
            "Its battery lasts three long autumn evenings on the low setting, and it charges from "
            "any USB port while you drive to the trailhead.",
            "A braided loop on top lets it hang from a tent ceiling or a low branch.",
        ],
    ),
    2: (
        "Canvas Rucksack",
        "124.00",
        [
            "Cut from twelve-ounce waxed cotton canvas, the Canvas Rucksack sheds drizzle and "
            "ages into a soft, creased patina after a season of use.",
            "Leather straps are riveted rather than stitched, and the roll-top closure swallows "
            "a spare layer when the weather turns.",
            "Every rucksack is sewn in a small workshop on the edge of the pine forest.",
        ],
    ),
    3: (
        "Enamel Camp Mug",
        "14.50",
        [
            "The Enamel Camp Mug holds a generous twelve ounces of coffee and sits happily on a "
            "camp stove when your tea has gone cold.",
            "Each mug is dipped twice in speckled blue enamel over a steel core, so a chip here "
            "and there only adds character.",
            "Customers tell us it is the first thing they pack and the last thing they wash.",
        ],
    ),
    4: (
        "Wool Hiking Socks",
        "22.00",
        [
            "Our Wool Hiking Socks blend merino with a little nylon at the heel and toe, where "
            "boots wear through ordinary socks within a month.",
            "They stay warm when damp, dry overnight on a tent line and rarely need washing "
            "on a short trip.",
            "Three heights are available: ankle, crew and the knee-high mountaineer.",
        ],
    ),
    5: (
        "Folding Camp Stool",
        "48.00",
        [
            "The Folding Camp Stool packs down to the length of a baguette and carries a grown "
            "adult on uneven ground without wobbling.",
            "Its ash legs are oiled by hand and the seat is replaceable, so the stool can outlive "
            "several generations of fishing trips.",
            "A shoulder strap doubles as a carrying handle on the walk down to the lake.",
        ],
    ),
    6: (
        "Cedar Fire Starter Kit",
        "18.00",
        [
            "The Cedar Fire Starter Kit bundles fatwood sticks, a ferro rod and a tin of "
            "char cloth into a pocket-sized pouch.",
            "Cedar shavings catch a spark even after a night of heavy dew, which is exactly when "
            "you most want a fire.",
            "Refill packs of fatwood are sold separately in the spring catalogue.",
        ],
    ),
}


class ShopSite(_Site):
    name = "shop"
    site_name = "Juniper & Pine Outfitters"

    def _nav(self) -> list[tuple[str, str]]:
        return [
            ("/", "Home"),
            ("/products/", "Products"),
            ("/blog/", "Journal"),
            ("/about", "About us"),
            ("/contact", "Contact"),
        ]

    def _page(self, path, title, description, marker, paragraphs, **kw) -> None:
        body = render_page(
            site_name=self.site_name,
            title=title,
            description=description,
            marker=marker,
            paragraphs=paragraphs,
            nav=self._nav(),
            footer_links=[("/about", "About"), ("/contact", "Contact")],
            **kw,
        )
        self.add(path, marker, body)

    def build(self) -> None:
        base = f"http://shop.test:{self.port}"
        www = f"http://www.shop.test:{self.port}"
        elsewhere = f"http://elsewhere.test:{self.port}"

        org = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.site_name,
            "url": f"{base}/",
            "logo": f"{base}/static/logo.png",
            "email": "hello@shop.test",
            "telephone": "+1-555-0100",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "12 Timber Lane",
                "addressLocality": "Cedar Falls",
                "postalCode": "50613",
                "addressCountry": "US",
            },
            "sameAs": [f"{elsewhere}/partners"],
        }
        head_home = "\n  ".join(
            [
                '<meta property="og:type" content="website">',
                f'<meta property="og:title" content="{_e(self.site_name)}">',
                '<meta property="og:description" content="Hand-made outdoor gear for slow weekends in the woods.">',
                f'<meta property="og:url" content="{base}/">',
                f'<meta property="og:image" content="{base}/static/og-cover.jpg">',
                '<meta property="og:site_name" content="Juniper &amp; Pine">',
                f'<script type="application/ld+json">{json.dumps(org)}</script>',
            ]
        )
        self._page(
            "/",
            "Juniper & Pine Outfitters - outdoor gear for slow weekends",
            "Hand-made outdoor gear for slow weekends in the woods: lanterns, rucksacks, mugs and more.",
            "Marker shop home page.",
            [
                "Juniper &amp; Pine makes a short list of sturdy things for people who would rather "
                "sit by a lake than race up a mountain.",
                "Everything we sell is tested on our own weekend trips before it reaches the shelf, "
                "and most of it is repaired rather than replaced when it finally wears out.",
                "This spring we are celebrating ten years in the old sawmill on Timber Lane.",
            ],
            head_extra=head_home,
            extra_html="\n    ".join(
                [
                    "<h2>Start here</h2>",
                    _links_list(
                        [
                            ("/products/?a=1&b=2", "Spring picks"),
                            ("/about#team", "Meet the team"),
                            (f"{base}/contact", "Visit the workshop"),
                            ("/deep/1", "Workshop archive"),
                        ]
                    ),
                ]
            ),
        )
        self._page(
            "/about",
            "About Juniper & Pine",
            "The story of a small outdoor workshop in an old sawmill.",
            "Marker shop about page.",
            [
                "Juniper &amp; Pine began as two friends repairing their own worn-out camping kit at a "
                "kitchen table, long before it became a shop.",
                "Today a team of seven cuts canvas, turns ash legs and packs orders in a converted "
                "sawmill, and the workshop dog supervises all of it.",
                '<span id="team">Our team</span> still answers every letter by hand.',
            ],
            extra_html=_links_list(
                [
                    ("/contact#directions", "Directions to the sawmill"),
                    (f"{elsewhere}/partners", "Our partners at Elsewhere Co-op"),
                ]
            ),
        )
        self._page(
            "/contact",
            "Contact Juniper & Pine",
            "How to reach the workshop: email, telephone and opening hours.",
            "Marker shop contact page.",
            [
                "Write to us any time and we will reply within two working days, usually sooner "
                "when the weather keeps us indoors.",
                '<span id="directions">The workshop</span> is open to visitors on Saturdays from ten '
                "until four; park by the old log pond.",
                '<span id="form">Wholesale enquiries</span> are welcome from independent shops.',
            ],
            extra_html=_links_list(
                [
                    ("mailto:hello@shop.test", "hello@shop.test"),
                    ("tel:+15550100", "+1 555 0100"),
                    ("#form", "Wholesale enquiries"),
                    (f"{www}/about", "About us (www)"),
                ]
            ),
        )
        product_links = [
            ("1", _PRODUCTS[1][0]),
            ("./2", _PRODUCTS[2][0]),
            (f"{base}/products/3", _PRODUCTS[3][0]),
            ("/products/4#reviews", _PRODUCTS[4][0]),
            ("5", _PRODUCTS[5][0]),
            ("/products/6", _PRODUCTS[6][0]),
        ]
        self._page(
            "/products/",
            "All products - Juniper & Pine",
            "Every product we make, from lanterns to fire starters.",
            "Marker shop products page.",
            [
                "Six things, made well. Each product page lists its materials, its price and how "
                "to care for it so it lasts.",
                "Prices include shipping within the country; international orders ship twice a month.",
            ],
            extra_html="\n    ".join(
                [
                    _links_list(product_links),
                    '<p><a href="/products/?b=2&amp;a=1">Spring picks</a></p>',
                ]
            ),
        )
        self._page(
            "/products/?a=1&b=2",
            "Spring picks - Juniper & Pine",
            "Our favourite products for the first trips of the season.",
            "Marker shop products filtered page.",
            [
                "Spring picks: a filtered view of the catalogue with the things we pack first when "
                "the snow melts off the lower trails.",
                "Filters are applied from the query string, whatever the order of its parameters.",
            ],
            extra_html=_links_list([(f"/products/{n}", _PRODUCTS[n][0]) for n in (1, 3, 4)]),
        )
        for n, (name, price, paras) in _PRODUCTS.items():
            nxt = n % 6 + 1
            self._page(
                f"/products/{n}",
                f"{name} - Juniper & Pine",
                f"{name}: {paras[0][:90]}",
                f"Marker shop product {n} page.",
                [*paras, f"Price: ${price}."],
                extra_html=_links_list(
                    [
                        ("/products/", "Back to all products"),
                        (f"/products/{nxt}", f"Next: {_PRODUCTS[nxt][0]}"),
                        ("../blog/first-post", "Read: packing for a spring overnight"),
                    ]
                )
                + f'\n    <section id="reviews"><h2>Reviews</h2><p>Customers rate the {_e(name)} '
                f"{3 + n % 3} out of 5.</p></section>",
            )
        self._page(
            "/blog/",
            "Journal - Juniper & Pine",
            "Notes from the workshop and from the trail.",
            "Marker shop blog page.",
            [
                "The journal is where we write down what we learn on our trips and at the "
                "workbench, two or three times a season.",
            ],
            extra_html=_links_list(
                [
                    ("first-post", "Packing for a spring overnight"),
                    (f"{base}/blog/second-post", "Caring for waxed canvas"),
                ]
            ),
        )
        self._page(
            "/blog/first-post",
            "Packing for a spring overnight - Juniper & Pine",
            "A short packing list for the first overnight trip of the year.",
            "Marker shop blog first-post page.",
            [
                "Spring nights are colder than the afternoons suggest, so the first thing in our "
                "pack is always an extra wool layer and a pair of dry socks.",
                "We leave the stove at home on short trips and bring a thermos instead; the weight "
                "saved goes to a better sleeping mat.",
                "A lantern on a low setting keeps the tent cheerful without attracting every moth "
                "in the valley.",
            ],
            extra_html=_links_list([("/blog/", "All journal posts"), ("/products/1", "The Trail Lantern")]),
        )
        self._page(
            "/blog/second-post",
            "Caring for waxed canvas - Juniper & Pine",
            "How to clean and re-wax a canvas bag so it lasts for decades.",
            "Marker shop blog second-post page.",
            [
                "Never put waxed canvas in a washing machine: brush off dried mud with a stiff "
                "brush and rinse stains with cold water only.",
                "Once a year, warm a bar of fabric wax with a hair dryer and work it into the seams, "
                "then let the bag rest somewhere warm overnight.",
            ],
            extra_html=_links_list([("/blog/", "All journal posts"), ("/products/2", "The Canvas Rucksack")]),
        )
        deep_text = {
            1: "The archive starts with our first catalogue, a single photocopied sheet handed out at "
            "a farmers' market in the autumn of our first year.",
            2: "The second shelf of the archive holds the pattern drafts for the original rucksack, "
            "pencilled on brown paper and patched with tape.",
            3: "Deeper still are the order books from the sawmill move, with every customer's name "
            "written in a careful, slanting hand.",
            4: "At the very bottom of the archive lies the lease for the old sawmill, signed on a rainy "
            "Tuesday and celebrated with burnt toast.",
        }
        for n in range(1, 5):
            links = [(str(n + 1), f"Archive level {n + 1}")] if n < 4 else []
            links.append(("/", "Back to the shop"))
            self._page(
                f"/deep/{n}",
                f"Workshop archive, level {n} - Juniper & Pine",
                f"Level {n} of the workshop archive.",
                f"Marker shop deep {n} page.",
                [deep_text[n], "Archive pages are kept for the curious; nothing here is for sale."],
                extra_html=_links_list(links),
            )
        self.add("/robots.txt", "", Response(200, b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8"))

    def dynamic(self, path, query, raw_query):
        if not raw_query:
            return None
        if path == "/products/":
            if sorted(query) == [("a", "1"), ("b", "2")]:
                return self.pages["/products/?a=1&b=2"]
            return self.pages["/products/"]  # unknown filters are ignored
        return None

    def marker(self, path):
        if path.startswith("/products/?"):
            query = sorted(parse_qsl(path.split("?", 1)[1], keep_blank_values=True))
            path = "/products/?a=1&b=2" if query == [("a", "1"), ("b", "2")] else "/products/"
        return self.markers.get(path)


# ---- elsewhere.test ------------------------------------------------------


class ElsewhereSite(_Site):
    name = "elsewhere"
    site_name = "Elsewhere Co-op"

    def build(self):
        nav = [("/", "Home"), ("/partners", "Partners")]
        for path, title, marker, text in [
            (
                "/",
                "Elsewhere Co-op",
                "Marker elsewhere home page.",
                "Elsewhere Co-op is a cooperative of small makers who share a warehouse and a van.",
            ),
            (
                "/partners",
                "Partners of Elsewhere Co-op",
                "Marker elsewhere partners page.",
                "Our partners include a sawmill workshop, a weaver and two beekeepers up the valley.",
            ),
        ]:
            self.add(
                path,
                marker,
                render_page(
                    site_name=self.site_name,
                    title=title,
                    description=text[:80],
                    marker=marker,
                    paragraphs=[text, "This host is external to every other fixture site."],
                    nav=nav,
                ),
            )


class TrackedSite(_Site):
    """A shop whose banners and footer link its pages with campaign and
    ad-click parameters, as real sites do; the server ignores the query."""

    name = "tracked"
    site_name = "Tracked Tools"

    def build(self):
        nav = [("/", "Home"), ("/c/drills/", "Drills"), ("/c/saws/", "Saws"), ("/about", "About us")]
        promos = [
            ("/c/drills/?utm_source=home&utm_medium=banner", "Spring sale on drills"),
            ("/c/saws/?gclid=EAIaIQobChMI", "Saws from our ad"),
            ("/about?fbclid=IwAR0x", "About us (shared on social)"),
            ("/c/drills/?page=2", "More drills"),
        ]
        for path, title, text in [
            ("/", "Tracked Tools", "Tracked Tools sells drills and saws to workshops in the valley."),
            ("/c/drills/", "Drills", "Cordless and corded drills, from compact drivers to hammer drills."),
            ("/c/saws/", "Saws", "Circular, jig and mitre saws with blades for wood and metal."),
            ("/about", "About Tracked Tools", "A family shop since 1987, repairing what it sells."),
        ]:
            marker = f"Marker tracked {title.lower()} page."
            self.add(path, marker, render_page(
                site_name=self.site_name, title=title, description=text, marker=marker,
                paragraphs=[text], nav=nav, extra_html=_links_list(promos),
            ))

    def dynamic(self, path, query, raw_query):
        if path == "/c/drills/" and dict(query).get("page") == "2":
            marker = "Marker tracked drills page two."
            return Response(200, render_page(
                site_name=self.site_name, title="Drills, page 2", description="More drills.", marker=marker,
                paragraphs=["Hammer drills and core drills for masonry."], nav=[("/", "Home")],
            ))
        return None  # any other query: the page itself


class OneSite(_Site):
    """A site of one page that links nowhere: what a crawl costs beyond its
    pages (start-up, exit) is all a crawl of it measures."""

    name = "one"
    site_name = "One Page"

    def build(self):
        marker = "Marker one home page."
        self.add("/", marker, render_page(
            site_name=self.site_name, title="One Page", description="A site of a single page.", marker=marker,
            paragraphs=["Everything this small studio does fits on this page: we bind books by hand."],
        ))


class PoliteSite(_Site):
    """One of many small sites (``p01.polite.test``...), each answering after
    a short wait like a real host: a home page, five pages, one of which is
    linked by an old address that redirects to it (a redirect is a second
    request to the host under the same lease). What politeness is measured
    on: the request log's arrival times per host."""

    name = "polite"
    site_name = "Polite"
    latency_s = 0.05
    pages_n = 5

    def build(self):
        links = [(f"/p{i}", f"Page {i}") for i in range(1, self.pages_n + 1)]
        links[0] = ("/old-p1", "Page 1")  # reached through a redirect
        self.add("/", "", render_page(site_name=self.site_name, title="Home", description="A small site.",
                                      marker="", paragraphs=["A small site among many."], nav=links))
        for i in range(1, self.pages_n + 1):
            self.add(f"/p{i}", "", render_page(
                site_name=self.site_name, title=f"Page {i}", description=f"Page {i}.", marker="",
                paragraphs=[f"Page {i} of a small site."], nav=[("/", "Home")] + links[i:i + 2]))
        self.add("/old-p1", "", Response(301, b"", "text/html", [("Location", "/p1")]))

    def handle(self, path, query, raw_query):
        time.sleep(self.latency_s)  # a round trip (the server is threaded)
        return super().handle(path, query, raw_query)


# ---- robots.test ---------------------------------------------------------


class RobotsSite(_Site):
    name = "robots"
    site_name = "Robots Test Site"

    def build(self):
        base = f"http://robots.test:{self.port}"
        nav = [("/", "Home")]
        pages = {
            "/": (
                "Robots test home",
                "Marker robots home page.",
                "This site keeps its private area out of crawlers' reach with robots.txt.",
                [("/public/a", "Public page A"), ("/private/secret", "Private secret page")],
            ),
            "/public/a": (
                "Public page A",
                "Marker robots public a page.",
                "Public page A may be crawled by anyone; it is also listed in the sitemap.",
                [("/", "Home")],
            ),
            "/private/secret": (
                "Private secret page",
                "Marker robots private secret page.",
                "If you can read this sentence in a crawler's store, robots.txt was ignored.",
                [("/", "Home")],
            ),
            "/sitemap-only": (
                "Sitemap-only page",
                "Marker robots sitemap-only page.",
                "No page links here: only the sitemap named in robots.txt lists this URL.",
                [("/", "Home")],
            ),
        }
        for path, (title, marker, text, links) in pages.items():
            self.add(
                path,
                marker,
                render_page(
                    site_name=self.site_name,
                    title=title,
                    description=text,
                    marker=marker,
                    paragraphs=[text],
                    nav=nav,
                    extra_html=_links_list(links),
                ),
            )
        robots = f"User-agent: *\nDisallow: /private/\n\nSitemap: {base}/sitemap.xml\n"
        self.add("/robots.txt", "", Response(200, robots.encode(), "text/plain; charset=utf-8"))
        self.add(
            "/sitemap.xml",
            "",
            _xml(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"  <url><loc>{base}/sitemap-only</loc><lastmod>2024-03-01</lastmod></url>\n"
                f"  <url><loc>{base}/public/a</loc><lastmod>2024-02-15</lastmod></url>\n"
                "</urlset>\n"
            ),
        )


# ---- sitemaps.test -------------------------------------------------------


class SitemapsSite(_Site):
    name = "sitemaps"
    site_name = "Sitemaps Test Site"

    def build(self):
        base = f"http://sitemaps.test:{self.port}"
        nav = [("/", "Home"), ("/info", "Info")]
        pages = {
            "/": ("Sitemaps test home", "Marker sitemaps home page.", "This site has no robots.txt; its sitemap lives at the conventional /sitemap.xml."),
            "/info": ("About this site", "Marker sitemaps info page.", "The orphan pages of this site are linked from nowhere but the sitemap index."),
            "/orphan-1": ("Orphan one", "Marker sitemaps orphan-1 page.", "The first orphan is found only through the sitemap index and its child sitemap."),
            "/orphan-2": ("Orphan two", "Marker sitemaps orphan-2 page.", "The second orphan proves the child sitemap was read completely."),
        }
        for path, (title, marker, text) in pages.items():
            self.add(
                path,
                marker,
                render_page(site_name=self.site_name, title=title, description=text, marker=marker, paragraphs=[text], nav=nav),
            )
        self.add(
            "/sitemap.xml",
            "",
            _xml(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"  <sitemap><loc>{base}/sitemap-pages.xml</loc><lastmod>2024-03-01</lastmod></sitemap>\n"
                "</sitemapindex>\n"
            ),
        )
        self.add(
            "/sitemap-pages.xml",
            "",
            _xml(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"  <url><loc>{base}/orphan-1</loc><lastmod>2024-03-01</lastmod><priority>0.5</priority></url>\n"
                f"  <url><loc>{base}/orphan-2</loc><lastmod>2024-03-02</lastmod><priority>0.5</priority></url>\n"
                "</urlset>\n"
            ),
        )


# ---- traps.test ----------------------------------------------------------

HUGE_SIZE = 5 * 1024 * 1024
_huge_lock = threading.Lock()
_huge_body: bytes | None = None


def _huge_page() -> bytes:
    """Exactly 5 MiB of valid HTML (built once per process)."""
    global _huge_body
    with _huge_lock:
        if _huge_body is None:
            head = render_page(
                site_name="Traps Test Site",
                title="A huge page",
                description="Five mebibytes of text.",
                marker="Marker traps huge page.",
                paragraphs=["This page is five mebibytes of repetitive text, far past any sane page size."],
                nav=[("/", "Home")],
            )
            cut = head.rindex(b"</article>")
            filler_p = (
                b"<p>Row upon row of identical sentences fills this page to exactly five mebibytes "
                b"so that crawlers can test their maximum response size.</p>\n"
            )
            start, end = head[:cut], head[cut:]
            pad_open, pad_close = b"<!-- ", b" -->\n"
            room = HUGE_SIZE - len(start) - len(end) - len(pad_open) - len(pad_close)
            count = room // len(filler_p)
            padding = room - count * len(filler_p)
            _huge_body = start + filler_p * count + pad_open + b"x" * padding + pad_close + end
            assert len(_huge_body) == HUGE_SIZE
        return _huge_body


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


_EVENTS = [
    "Lantern-making workshop",
    "Full-moon walk",
    "Community bread bake",
    "Trail clean-up morning",
    "Beekeeping talk",
    "Canoe repair clinic",
    "Seed swap",
]


class TrapsSite(_Site):
    name = "traps"
    site_name = "Traps Test Site"

    def __init__(self, web):
        super().__init__(web)
        self.pdf = make_pdf("Marker traps pdf document.")

    def _page(self, path, title, marker, paragraphs, links=(), status=200) -> Response:
        body = render_page(
            site_name=self.site_name,
            title=title,
            description=paragraphs[0][:120],
            marker=marker,
            paragraphs=paragraphs,
            nav=[("/", "Home")],
            extra_html=_links_list(list(links)) if links else "",
        )
        return Response(status, body)

    def build(self):
        links = [
            ("/redirect-a", "A chain of redirects (301 then 302)"),
            ("/loop-1", "A redirect loop"),
            ("/missing", "A missing page (404)"),
            ("/error", "A broken page (500)"),
            ("/doc.pdf", "A PDF document"),
            ("/calendar?month=2024-01", "The never-ending events calendar"),
            ("/slow", "A slow page"),
            ("/huge", "A huge page"),
        ]
        self.add(
            "/",
            "Marker traps home page.",
            self._page(
                "/",
                "Crawler traps",
                "Marker traps home page.",
                ["Every link on this page leads into a trap that a careful crawler must survive."],
                links,
            ),
        )
        self.add(
            "/landing",
            "Marker traps landing page.",
            self._page("/landing", "Landing page", "Marker traps landing page.", ["You reached the end of a two-hop redirect chain."]),
        )
        self.markers["/slow"] = "Marker traps slow page."
        self.markers["/huge"] = "Marker traps huge page."
        self.markers["/missing"] = "Marker traps missing page."
        self.markers["/error"] = "Marker traps error page."

    def dynamic(self, path, query, raw_query):
        port = self.port
        if path == "/redirect-a":
            # absolute Location on the first hop, relative on the second
            return Response(301, b"", None, [("Location", f"http://traps.test:{port}/redirect-b")])
        if path == "/redirect-b":
            return Response(302, b"", None, [("Location", "/landing")])
        if path == "/loop-1":
            return Response(302, b"", None, [("Location", "/loop-2")])
        if path == "/loop-2":
            return Response(302, b"", None, [("Location", f"http://traps.test:{port}/loop-1")])
        if path == "/missing":
            return self._page(path, "Not found", "Marker traps missing page.", ["This page is missing on purpose."], status=404)
        if path == "/error":
            return self._page(path, "Server error", "Marker traps error page.", ["This page always fails with a server error."], status=500)
        if path == "/doc.pdf":
            return Response(200, self.pdf, "application/pdf")
        if path == "/slow":
            time.sleep(self.web.slow_seconds)
            return self._page(path, "A slow page", "Marker traps slow page.", [f"This page took {self.web.slow_seconds:g} seconds to answer."])
        if path == "/huge":
            return Response(200, _huge_page())
        if path == "/calendar":
            return self._calendar(dict(query).get("month", ""))
        return None

    def _calendar(self, month: str) -> Response:
        year_s, _, month_s = month.partition("-")
        if not (year_s.isdigit() and len(year_s) >= 4 and month_s.isdigit() and len(month_s) == 2):
            return _text(400, "Bad month: expected ?month=YYYY-MM\n")
        year, mon = int(year_s), int(month_s)
        if year < 1 or not 1 <= mon <= 12:
            return _text(400, "Bad month: expected ?month=YYYY-MM\n")
        key = f"{year:04d}-{mon:02d}"
        prev_y, prev_m = (year, mon - 1) if mon > 1 else (year - 1, 12)
        next_y, next_m = (year, mon + 1) if mon < 12 else (year + 1, 1)
        links = []
        if prev_y >= 1:
            links.append((f"/calendar?month={prev_y:04d}-{prev_m:02d}", "Previous month"))
        links.append((f"/calendar?month={next_y:04d}-{next_m:02d}", "Next month"))
        month_name = _calendar.month_name[mon]
        events = []
        for day in range(1, _days_in_month(year, mon) + 1):
            if (day * 7 + mon + year) % 5 == 0:
                events.append(f"<li>{month_name} {day}: {_EVENTS[(day + mon + year) % len(_EVENTS)]}</li>")
        return Response(
            200,
            render_page(
                site_name=self.site_name,
                title=f"Events calendar - {month_name} {year}",
                description=f"Community events in {month_name} {year}.",
                marker=f"Marker traps calendar {key} page.",
                paragraphs=[f"Events planned for {month_name} {year}. The calendar goes on forever in both directions."],
                nav=[("/", "Home")],
                extra_html="<ul>\n" + "\n".join(events) + "\n</ul>\n    " + _links_list(links),
            ),
        )

    def marker(self, path):
        if path.startswith("/calendar?month="):
            return f"Marker traps calendar {path.split('=', 1)[1]} page."
        return self.markers.get(path)


# ---- js.test -------------------------------------------------------------

_JS_INJECT = """<script>
  document.addEventListener('DOMContentLoaded', function () {
    var path = '/' + ['ren', 'dered'].join('');
    var text = 'Marker js ' + 'injected content.';
    document.body.insertAdjacentHTML('beforeend',
      '<p id="js-link"><a href="' + path + '">Rendered page</a> ' + text + '</p>');
  });
  </script>"""


class JsSite(_Site):
    name = "js"
    site_name = "JavaScript Test Site"

    def build(self):
        nav = [("/", "Home"), ("/static", "Static page")]
        self.add(
            "/",
            "Marker js home page.",
            render_page(
                site_name=self.site_name,
                title="JavaScript test home",
                description="A page whose most interesting link only exists after JavaScript runs.",
                marker="Marker js home page.",
                paragraphs=[
                    "The link to the rendered page is added by a script once the document has loaded.",
                    "A crawler that does not run JavaScript sees only the static page link.",
                ],
                nav=nav,
                body_end=_JS_INJECT,
            ),
        )
        for path, title, marker, text in [
            ("/rendered", "Rendered page", "Marker js rendered page.", "Only a browser-rendering crawler finds this page."),
            ("/static", "Static page", "Marker js static page.", "This page is linked with a plain anchor in the raw HTML."),
        ]:
            self.add(
                path,
                marker,
                render_page(site_name=self.site_name, title=title, description=text, marker=marker, paragraphs=[text], nav=nav),
            )
        self.markers["/"] = "Marker js home page."


# ---- bench.test ----------------------------------------------------------

_BENCH_WORDS = (
    "river forest granite lantern harbor meadow orchard signal copper willow basalt compass "
    "thistle ember glacier canyon prairie cedar falcon marble quarry tundra lagoon summit "
    "vessel anchor beacon bramble cobble delta fjord grove heron inlet juniper kelp larch "
    "moraine nectar osprey pebble quill ridge spruce tidal umber valley wren yarrow zephyr "
    "archive ledger harvest kiln loom mill press saddle tannery weir workshop furnace"
).split()
_BENCH_VERBS = "gathers crosses follows shelters measures carries outlasts borders mirrors frames".split()
_bench_cache: dict[int, dict[str, bytes]] = {}
_bench_lock = threading.Lock()


def _lcg(seed: int):
    x = (seed * 2654435761 + 12345) & 0x7FFFFFFF
    while True:
        x = (1103515245 * x + 12345) & 0x7FFFFFFF
        yield x >> 8


def bench_links(i: int, n: int) -> list[int]:
    """Targets of /p/i: its ten "children" 10i+1..10i+10 (mod n) and i+1 (mod n).

    Every page j >= 1 is a child of (j-1)//10, so a BFS from "/" (which links
    /p/0../p/9) reaches all n pages within depth 1 + log10(n)."""
    out = []
    for t in [(10 * i + k) % n for k in range(1, 11)] + [(i + 1) % n]:
        if t != i and t not in out:
            out.append(t)
    return out


def _bench_pages(n: int) -> dict[str, bytes]:
    with _bench_lock:
        cached = _bench_cache.get(n)
        if cached is not None:
            return cached
        words, verbs = _BENCH_WORDS, _BENCH_VERBS
        pages: dict[str, bytes] = {}
        nav = [("/", "Home")]
        pages["/"] = render_page(
            site_name="Bench",
            title="Benchmark site",
            description=f"A static benchmark site of {n} pages.",
            marker="Marker bench home page.",
            paragraphs=[f"This site has {n} pages, each linking to about ten others."],
            nav=nav,
            extra_html=_links_list([(f"/p/{j}", f"Page {j}") for j in range(min(10, n))]),
        )
        for i in range(n):
            rnd = _lcg(i)
            paras = []
            size = 0
            while size < 2600:
                sentences = []
                for _ in range(5):
                    k = 6 + next(rnd) % 8
                    ws = [words[next(rnd) % len(words)] for _ in range(k)]
                    ws.insert(2, verbs[next(rnd) % len(verbs)])
                    sentences.append(" ".join(ws).capitalize() + ".")
                para = " ".join(sentences)
                paras.append(para)
                size += len(para)
            paras[0] = f"Page {i} of the benchmark site. {paras[0]}"
            pages[f"/p/{i}"] = render_page(
                site_name="Bench",
                title=f"Bench page {i}",
                description=f"Benchmark page number {i} of {n}.",
                marker=f"Marker bench page {i}.",
                paragraphs=paras,
                nav=nav,
                extra_html=_links_list([(f"/p/{j}", f"Page {j}") for j in bench_links(i, n)]),
            )
        _bench_cache[n] = pages
        return pages


class BenchSite(_Site):
    name = "bench"
    site_name = "Bench"

    def build(self):
        for path, body in _bench_pages(self.web.bench_pages).items():
            self.pages[path] = Response(200, body)

    def handle(self, path, query, raw_query):
        resp = self.pages.get(path)
        return resp if resp is not None else self.not_found(path)

    def marker(self, path):
        if path == "/":
            return "Marker bench home page."
        if path.startswith("/p/") and path[3:].isdigit() and int(path[3:]) < self.web.bench_pages:
            return f"Marker bench page {int(path[3:])}."
        return None


# ---- status.test ---------------------------------------------------------


class StatusSite(_Site):
    name = "status"
    site_name = "Status Test Site"

    def __init__(self, web):
        super().__init__(web)
        self._flaky: dict[str, int] = {}
        self._flaky_lock = threading.Lock()

    def build(self):
        links = [(f"/code/{c}", f"HTTP {c}") for c in (200, 404, 429, 500, 503)]
        self.add(
            "/",
            "Marker status home page.",
            render_page(
                site_name=self.site_name,
                title="Status codes",
                description="Answers with any HTTP status code.",
                marker="Marker status home page.",
                paragraphs=[
                    "Ask /code/N for an answer with status N; 429 and 503 carry Retry-After.",
                    "Ask /flaky/KEY?fail=N&amp;code=C for N failures with status C, then success.",
                ],
                nav=[("/", "Home")],
                extra_html=_links_list(links),
            ),
        )

    def reset(self):
        with self._flaky_lock:
            self._flaky.clear()

    def _code_response(self, code: int, query: dict) -> Response:
        if code in (204, 304):
            return Response(code, b"", None)
        headers = []
        if code in (429, 503):
            headers.append(("Retry-After", query.get("retry_after", "1")))
        if code in (301, 302, 303, 307, 308):
            headers.append(("Location", query.get("location", "/code/200")))
        if code == 401:
            headers.append(("WWW-Authenticate", 'Basic realm="status.test"'))
        body = render_page(
            site_name=self.site_name,
            title=f"Status {code}",
            description=f"A response with HTTP status {code}.",
            marker=f"Marker status code {code} page.",
            paragraphs=[f"This response carries HTTP status {code}."],
            nav=[("/", "Home")],
        )
        return Response(code, body, headers=headers)

    def dynamic(self, path, query, raw_query):
        params = dict(query)
        if path.startswith("/code/"):
            raw = path[len("/code/"):]
            if not raw.isdigit() or not 200 <= int(raw) <= 599:
                return _text(400, "Expected /code/N with 200 <= N <= 599\n")
            return self._code_response(int(raw), params)
        if path.startswith("/flaky/"):
            key = path[len("/flaky/"):]
            try:
                fail = int(params.get("fail", "1"))
                code = int(params.get("code", "503"))
            except ValueError:
                return _text(400, "fail and code must be integers\n")
            with self._flaky_lock:
                seen = self._flaky.get(key, 0)
                self._flaky[key] = seen + 1
            if seen < fail:
                return self._code_response(code, params)
            return self._code_response(200, params)
        return None

    def flaky_count(self, key: str) -> int:
        with self._flaky_lock:
            return self._flaky.get(key, 0)

    def marker(self, path):
        if path.startswith("/code/"):
            return f"Marker status code {path[6:]} page."
        return self.markers.get(path)


# --------------------------------------------------------------------------
# HTTP plumbing
# --------------------------------------------------------------------------


def _normalize_host(raw: str) -> str:
    host = raw.strip().lower()
    if host.startswith("["):  # IPv6 literal
        end = host.find("]")
        return host[: end + 1] if end != -1 else host
    if ":" in host:
        name, _, port = host.rpartition(":")
        if port.isdigit() or port == "":
            host = name
    return host.rstrip(".")


class FolderSite(_Site):
    """A site whose pages are the files of a folder, as a static host serves
    them: ``/`` and ``/dir/`` are ``index.html``; ``/about`` is ``about``,
    ``about.html``, ``about.htm`` or ``about/index.html`` (pretty URLs, as a
    server with content negotiation answers them); anything else 404.
    Used for the real business sites in tests/realsites and the business
    fixtures (tests/business_fixtures), files read once at start."""

    # (a .php page in a site's snapshot is the HTML its server sent, as a
    # static host of that snapshot serves it)
    TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8", ".php": "text/html; charset=utf-8",
             ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf"}

    def __init__(self, web: "FixtureWeb", folder):
        super().__init__(web)
        from pathlib import Path

        self.folder = Path(folder)
        self.name = self.site_name = self.folder.name

    def build(self) -> None:
        for file in sorted(self.folder.rglob("*")):
            if not file.is_file() or file.name.startswith("."):
                continue
            rel = "/" + file.relative_to(self.folder).as_posix()
            ctype = self.TYPES.get(file.suffix.lower(), "application/octet-stream")
            self.pages[rel] = Response(200, file.read_bytes(), ctype)

    def handle(self, path: str, query, raw_query: str) -> Response:
        from urllib.parse import unquote

        path = unquote(path)
        candidates = [path + "index.html"] if path.endswith("/") else [path, path + ".html", path + ".htm", path + "/index.html"]
        for candidate in candidates:
            if candidate in self.pages:
                return self.pages[candidate]
        missing = self.pages.get("/404.html")
        return Response(404, missing.body if missing else b"<h1>Not found</h1>")


class _TemplateFolder(FolderSite):
    """A FolderSite whose files say ``__PORT__`` where links to the other
    fixture hosts need the port, whose ``_redirects`` file (lines of
    ``path status [location]``, ``__PORT__`` allowed) answers redirects and
    other bare statuses (410), and whose ``_slow`` file (lines of ``path
    seconds``) answers those paths that much later."""

    def build(self) -> None:
        super().build()
        port = str(self.port).encode()
        for path, resp in list(self.pages.items()):
            self.pages[path] = Response(resp.status, resp.body.replace(b"__PORT__", port), resp.content_type)
        self.redirects: dict[str, Response] = {}
        rules = self.pages.pop("/_redirects", None)
        for line in (rules.body.decode() if rules else "").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                path, status, *location = line.split()
                headers = [("Location", location[0])] if location else []
                self.redirects[path] = Response(int(status), b"", "text/html; charset=utf-8", headers)
        slow = self.pages.pop("/_slow", None)
        self.delays = {path: float(seconds) for path, seconds in (
            line.split() for line in (slow.body.decode() if slow else "").splitlines()
            if line.strip() and not line.lstrip().startswith("#"))}

    def handle(self, path: str, query, raw_query: str) -> Response:
        if path in self.delays:
            time.sleep(self.delays[path])
        return self.redirects.get(path) or super().handle(path, query, raw_query)


class EditionSite(_Site):
    """A host whose files change between editions of the fixture web (tests
    flip ``web.edition`` to change the web between two crawls). The folder
    of a later edition holds only what changed: a path it does not have is
    served from the first edition's folder, and its ``_redirects`` can
    remove one (``/page.html 410``)."""

    def __init__(self, web: "FixtureWeb", folders: dict):
        super().__init__(web)
        self.editions = {edition: _TemplateFolder(web, folder) for edition, folder in folders.items()}
        self.first = next(iter(self.editions))

    def build(self) -> None:
        for site in self.editions.values():
            site.build()

    def handle(self, path: str, query, raw_query: str) -> Response:
        site = self.editions.get(self.web.edition)
        if site is not None:
            resp = site.handle(path, query, raw_query)
            if resp.status != 404 or path in site.redirects:
                return resp
        return self.editions[self.first].handle(path, query, raw_query)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ScrapeJET-FixtureWeb/1.0"
    sys_version = ""
    timeout = 30  # idle keep-alive connections are closed after this
    disable_nagle_algorithm = True

    def log_message(self, format, *args):  # quiet
        pass

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self):
        self._dispatch(head=False)

    def do_HEAD(self):
        self._dispatch(head=True)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._dispatch(head=False, allowed=False)

    def _dispatch(self, head: bool, allowed: bool = True) -> None:
        web: FixtureWeb = self.server.web
        target = self.path
        raw_host = self.headers.get("Host", "")
        if target.startswith(("http://", "https://")):  # absolute-form request target
            parts = urlsplit(target)
            raw_host = parts.netloc
            target = parts.path + (f"?{parts.query}" if parts.query else "")
        host = _normalize_host(raw_host)
        web._log(host, target, self.command, self.headers.get("User-Agent", ""))
        if not allowed:
            resp = Response(405, b"Method not allowed\n", "text/plain; charset=utf-8", [("Allow", "GET, HEAD")])
        else:
            try:
                resp = web._respond(host, target)
            except Exception as exc:  # a bug in a fixture must not kill the connection silently
                resp = _text(500, f"Fixture web error: {exc!r}\n")
        self._send(resp, head)

    def _send(self, resp: Response, head: bool) -> None:
        self.send_response(resp.status)
        if resp.content_type:
            self.send_header("Content-Type", resp.content_type)
        for name, value in resp.headers:
            self.send_header(name, value)
        no_body = resp.status in (204, 304) or 100 <= resp.status < 200
        if resp.status != 204:
            self.send_header("Content-Length", "0" if no_body else str(len(resp.body)))
        self.end_headers()
        if not head and not no_body and resp.body:
            self.wfile.write(resp.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024

    def __init__(self, *args, **kwargs):
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Drop every open (keep-alive) connection: a stopped web serves nothing."""
        with self._connections_lock:
            connections = list(self._connections)
        for sock in connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def server_bind(self):
        # skip HTTPServer.server_bind's reverse DNS lookup (socket.getfqdn)
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = host
        self.server_port = port

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError, socket.timeout)):
            return  # clients hanging up (timeouts, aborted huge downloads) are normal
        super().handle_error(request, client_address)


class _LoopbackConnection(http.client.HTTPConnection):
    """Connects to the fixture web whatever the URL's host name is."""

    fixture_address = "127.0.0.1"

    def connect(self):
        self.sock = socket.create_connection((self.fixture_address, self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _LoopbackHandler(urllib.request.HTTPHandler):
    def __init__(self, address: str):
        super().__init__()
        self.address = address

    def http_open(self, req):
        address = self.address

        class Conn(_LoopbackConnection):
            fixture_address = address

        return self.do_open(Conn, req)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


# --------------------------------------------------------------------------
# FixtureWeb
# --------------------------------------------------------------------------


class FixtureWeb:
    """All fixture sites on one loopback port, dispatched on the Host header.

    >>> with FixtureWeb() as web:
    ...     web.url("shop.test", "/about")   # 'http://shop.test:PORT/about'
    ...     web.resolve                       # {'shop.test': '127.0.0.1', ...}
    """

    def __init__(
        self,
        port: int = 0,
        *,
        bench_pages: int = 2000,
        slow_seconds: float = 3.0,
        bind: str = "127.0.0.1",
        folders: dict | None = None,
        editions: dict | None = None,
    ):
        if bench_pages < 1:
            raise ValueError("bench_pages must be >= 1")
        self.requested_port = port
        self.bind = bind
        self.bench_pages = bench_pages
        self.slow_seconds = slow_seconds
        self.port: int | None = None
        # host -> folder of static files served as a site (FolderSite)
        self.folders = dict(folders or {})
        # host -> {edition: folder} (EditionSite); the edition served now
        self.editions = dict(editions or {})
        self.edition: str | None = None
        self.hosts: list[str] = list(HOSTS) + list(self.folders) + list(self.editions)
        self._log_lock = threading.Lock()
        self._requests: list[RequestRecord] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._sites: dict[str, _Site] = {}

    # -- lifecycle ----------------------------------------------------------

    def start(self) -> "FixtureWeb":
        if self._server is not None:
            return self
        server = _Server((self.bind, self.requested_port), _Handler)
        server.web = self
        self.port = server.server_address[1]
        shop = ShopSite(self)
        sites = {
            "shop.test": shop,
            "www.shop.test": shop,
            "elsewhere.test": ElsewhereSite(self),
            "robots.test": RobotsSite(self),
            "sitemaps.test": SitemapsSite(self),
            "traps.test": TrapsSite(self),
            "js.test": JsSite(self),
            "bench.test": BenchSite(self),
            "status.test": StatusSite(self),
            "tracked.test": TrackedSite(self),
            "one.test": OneSite(self),
            **{host: PoliteSite(self) for host in POLITE_HOSTS},
        }
        for host, folder in self.folders.items():
            # a folder may say __PORT__ in links to other hosts, and answer
            # redirects from its _redirects file (a site that moved away)
            sites[host] = _TemplateFolder(self, folder)
        for host, folders in self.editions.items():
            sites[host] = EditionSite(self, folders)
        try:
            for site in set(sites.values()):
                site.build()
        except BaseException:
            server.server_close()
            raise
        self._sites = sites
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1}, name=f"fixtureweb-{self.port}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def serve_forever(self) -> None:
        """Start (if needed) and block until KeyboardInterrupt."""
        self.start()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def __enter__(self) -> "FixtureWeb":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    # -- addressing ---------------------------------------------------------

    def url(self, host: str, path: str = "/") -> str:
        if self.port is None:
            raise RuntimeError("FixtureWeb is not started")
        if not path.startswith("/"):
            path = "/" + path
        return f"http://{host}:{self.port}{path}"

    @property
    def resolve(self) -> dict[str, str]:
        """Value for the crawler's SCRAPEJET_RESOLVE setting."""
        return {host: self.bind for host in self.hosts}

    def marker(self, host: str, path: str = "/") -> str | None:
        """The unique marker sentence of a page (None if it has none)."""
        site = self._sites.get(_normalize_host(host))
        return site.marker(path) if site else None

    # -- request log --------------------------------------------------------

    def _log(self, host: str, path: str, method: str, user_agent: str) -> None:
        record = RequestRecord(host, path, method, user_agent, time.time())
        with self._log_lock:
            self._requests.append(record)

    @property
    def requests(self) -> list[RequestRecord]:
        """Snapshot of every request so far: (host, path, method, user_agent, timestamp)."""
        with self._log_lock:
            return list(self._requests)

    def hits(self, host: str, path: str | None = None) -> int:
        """Requests for ``host`` (and ``path``). A path with a query matches
        exactly; a path without one matches that path with any query string."""
        host = _normalize_host(host)
        with self._log_lock:
            records = list(self._requests)
        count = 0
        for rec in records:
            if rec.host != host:
                continue
            if path is None or rec.path == path or ("?" not in path and rec.path.split("?", 1)[0] == path):
                count += 1
        return count

    def reset_log(self) -> None:
        """Clear the request log (and status.test's flaky counters)."""
        with self._log_lock:
            self._requests.clear()
        status = self._sites.get("status.test")
        if status is not None:
            status.reset()

    def flaky_count(self, key: str) -> int:
        """Requests status.test has seen for /flaky/<key> since the last reset."""
        return self._sites["status.test"].flaky_count(key)

    # -- serving ------------------------------------------------------------

    def _respond(self, host: str, target: str) -> Response:
        site = self._sites.get(host)
        if site is None:
            return _text(404, f"Unknown host: {host or '(none)'}\n")
        parts = urlsplit(target)
        query = parse_qsl(parts.query, keep_blank_values=True)
        return site.handle(parts.path or "/", query, parts.query)

    # -- client helpers for tests ---------------------------------------------

    def opener(self, follow_redirects: bool = True) -> urllib.request.OpenerDirector:
        """A urllib opener that sends every http:// URL to this server while
        keeping the URL's host in the Host header (no proxies)."""
        handlers = [urllib.request.ProxyHandler({}), _LoopbackHandler(self.bind)]
        if not follow_redirects:
            handlers.append(_NoRedirect())
        return urllib.request.build_opener(*handlers)

    def fetch(
        self,
        url_or_host: str,
        path: str | None = None,
        *,
        method: str = "GET",
        headers: dict[str, str] | None = None,
        follow_redirects: bool = True,
        timeout: float = 15.0,
    ) -> FetchResult:
        """Fetch a URL (or ``host`` + ``path``) from the fixture web; HTTP
        errors are returned, not raised."""
        url = url_or_host if "://" in url_or_host else self.url(url_or_host, path or "/")
        req = urllib.request.Request(url, method=method, headers=headers or {})
        try:
            with self.opener(follow_redirects).open(req, timeout=timeout) as resp:
                return FetchResult(resp.status, dict(resp.headers.items()), resp.read(), resp.url)
        except urllib.error.HTTPError as err:
            body = err.read() if err.fp is not None else b""
            return FetchResult(err.code, dict(err.headers.items()) if err.headers else {}, body, err.url or url)
