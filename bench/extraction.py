"""Contact extraction measured: per-field precision and recall of business
profiles on every labelled corpus, with the list of mistakes.

A benchmark, not a test (`make bench-extraction`). Each site is crawled as a
user crawls it, `scrapejet business URL -o - --format json`, from a loopback
fixture web serving its folder as ``http://SITE.test:PORT/`` (names resolved
by ``SCRAPEJET_RESOLVE``: nothing leaves the machine), and the profile is
compared with what a reader wrote down.

Corpora:

* ``realsites``: the six real sites in tests/realsites
  (tests/realsites_expected.py), the ones the extractors were first tuned on;
* ``fixtures``: eight made-up multilingual sites with decoys
  (tests/business_fixtures, tests/business_expected.py);
* ``corpus``: real small-business sites from public GitHub repositories,
  labelled by reading them (bench/corpus/labels/SITE.json: repository,
  commit, files, roles, emails, phones with their type, addresses, socials,
  distractors). Their pages are not in this repository (fetched material
  stays out of its commits; copyright stays with their owners):
  ``python bench/corpus.py fetch`` copies them into corpus/sites/ from
  GitHub at the labelled commits. Split by a hash of the site name:
  ``corpus-tune`` (two thirds) to tune on, ``corpus-heldout`` (one third)
  to report; the held-out sites' mistakes are printed only with
  ``--show-heldout``, so tuning does not look at them.

Fields: emails; phones (E.164, every type but fax); fax (numbers typed fax);
types (of the numbers found that a label types landline or mobile: precision
counts the types given, recall counts "phone", which decides nothing, as a miss);
socials (URLs compared without scheme, ``www.`` and trailing slash);
addresses (a labelled address is found when a profile address has its postal
code, or its locality when it has none; precision counts profile addresses
matching no label); roles (contact, about, privacy, terms, legal: the page
the profile gives for the role, against the label; a role given where the
label has none is wrong too). Distractors reported are listed as such.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LABELS = ROOT / "bench" / "corpus" / "labels"
CORPUS = ROOT / "corpus" / "sites"
ROLES = ("contact", "about", "privacy", "terms", "legal")
FIELDS = ("emails", "phones", "fax", "types", "socials", "addresses", "roles")


# -- labels, one shape for every corpus ----------------------------------------------------
def heldout(site: str) -> bool:
    return int(hashlib.sha256(site.encode()).hexdigest(), 16) % 3 == 0


def corpus_sites() -> list[dict]:
    sites = []
    for path in sorted(LABELS.glob("*.json")):
        label = json.loads(path.read_text())
        folder = CORPUS / label["site"]
        phones = {p["e164"]: p["type"] for p in label["phones"]}
        sites.append({
            "corpus": "corpus-heldout" if heldout(label["site"]) else "corpus-tune",
            "site": label["site"], "folder": folder, "home": label["home"], "domain": label.get("domain"),
            "published_at": label.get("published_at"),
            "present": folder.is_dir(),
            "emails": {e.lower() for e in label["emails"]},
            "phones": {n for n, t in phones.items() if t != "fax"},
            "fax": {n for n, t in phones.items() if t == "fax"},
            "types": {n: t for n, t in phones.items() if t != "fax"},
            "socials": set(label["socials"]),
            "addresses": [(a.get("postal_code") or "", a.get("locality") or "") for a in label["addresses"]],
            "roles": {r: label["roles"][r] for r in ROLES if r in label["roles"]},
            "distractors": {"emails": {e.lower() for e in label["distractors"].get("emails", [])},
                            "phones": set(label["distractors"].get("phones", []))},
        })
    return sites


def expected_sites() -> list[dict]:
    from tests.business_expected import FIXTURE_EXPECTED, FIXTURES
    from tests.realsites_expected import EXPECTED, REALSITES

    sites = []
    for corpus, folder, entries in (("realsites", REALSITES, EXPECTED), ("fixtures", FIXTURES, FIXTURE_EXPECTED)):
        for site, entry in entries.items():
            profile = entry["profile"]
            types = profile.get("phone_types", {})
            must_not = entry.get("must_not", {})
            sites.append({
                "corpus": corpus, "site": site, "folder": folder / site, "home": "", "present": True, "domain": None,
                "emails": set(profile["emails"]),
                "phones": {n for n in profile["phones"] if types.get(n) != "fax"},
                "fax": {n for n in profile["phones"] if types.get(n) == "fax"},
                "types": {n: t for n, t in types.items() if t in ("landline", "mobile")},
                "socials": set(profile["socials"]),
                "addresses": [(code, "") for code in profile.get("postal_codes", set())]
                or [("", locality) for locality in profile.get("localities", set())],
                "roles": {r: roles[r] for r in ROLES if r in (roles := {**entry["roles"], **entry.get("covered_roles", {})})},
                "distractors": {"emails": set(must_not.get("emails", set())), "phones": set()},
            })
    return sites


# -- comparing ----------------------------------------------------------------------------
def page_key(url_or_path: str) -> str:
    """A page as a path without origin, index file or extension."""
    path = unquote(urlsplit(url_or_path).path if "://" in url_or_path else url_or_path)
    path = "/" + path.lstrip("/")
    path = re.sub(r"(^|/)index\.html?$", r"\1", path, flags=re.I)
    path = re.sub(r"\.html?$", "", path, flags=re.I).rstrip("/")
    return path.lower() or "/"


def social_key(url: str) -> str:
    # one account however linked: a label copies the link as written
    # ("/company/92494980/admin/", "/@acme/shorts"), the profile names the account
    from scrapejet.extract.socials import profile

    url = (profile(url) or {}).get("url") or url
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    # one profile under a country's or a language's subdomain (lu.linkedin.com,
    # nl.pinterest.com, de-de.facebook.com) and under Twitter's old name
    host = re.sub(r"^[a-z]{2}(?:[-_][a-z]{2})?\.(?=(?:linkedin|pinterest|facebook)\.com$)", "", host)
    host = "x.com" if host == "twitter.com" else host
    path = unquote(parts.path).rstrip("/").lower()
    if host == "wa.me":
        path = "/" + path.lstrip("/+")  # wa.me/+40752323545 is wa.me/40752323545
    return f"{host}{path}"


def postal_key(code: str) -> str:
    return re.sub(r"[\s-]", "", code).upper()


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, expected: set, found: set) -> tuple[set, set]:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)
        return found - expected, expected - found

    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def compare(site: dict, profile: dict, scores: dict[str, Score]) -> list[str]:
    """Add one site's profile to the scores; its mistakes, in words."""
    mistakes = []
    emails = {e["email"].lower() for e in profile.get("emails", [])}
    phones = {p["e164"]: p.get("type") or "phone" for p in profile.get("phones", [])}
    found = {
        "emails": emails,
        "phones": {n for n, t in phones.items() if t != "fax"},
        "fax": {n for n, t in phones.items() if t == "fax"},
    }
    for field in ("emails", "phones", "fax"):
        extra, missed = scores[field].add(site[field], found[field])
        for value in sorted(extra):
            kind = "a distractor" if value in site["distractors"].get(field if field != "fax" else "phones", ()) else "not the company's"
            if field == "phones" and value in site["fax"]:
                kind = "a fax reported as a phone"
            mistakes.append(f"{field}: reported {value} ({kind})")
        for value in sorted(missed):
            mistakes.append(f"{field}: missed {value}" + (f" (reported as {phones[value]})" if value in phones else ""))
    # types of the numbers found that the label types landline or mobile:
    # right, wrong (landline for mobile or back), or left "phone" (undecided)
    for number, labelled in sorted(site["types"].items()):
        reported = phones.get(number)
        if reported is None or labelled not in ("landline", "mobile"):
            continue
        if reported == labelled:
            scores["types"].tp += 1
        else:
            scores["types"].fn += 1
            scores["types"].fp += reported != "phone"
            mistakes.append(f"types: {number} reported {reported}, labelled {labelled}")
    socials = {social_key(s["url"]): s["url"] for s in profile.get("socials", [])}
    expected = {social_key(s): s for s in site["socials"]}
    extra, missed = scores["socials"].add(set(expected), set(socials))
    mistakes += [f"socials: reported {socials[k]}" for k in sorted(extra)]
    mistakes += [f"socials: missed {expected[k]}" for k in sorted(missed)]
    # addresses: a label is found by postal code (or locality without one,
    # its accents aside: a page's "Tanganu" is the reader's "Tânganu")
    from scrapejet.extract.textlines import fold

    addresses = profile.get("addresses", [])
    codes = {postal_key(a.get("postal_code") or "") for a in addresses} - {""}
    localities = {fold(a.get("locality") or "") for a in addresses} - {""}
    score = scores["addresses"]
    matched = set()
    for code, locality in site["addresses"]:
        key = postal_key(code)
        if (key and key in codes) or (not key and fold(locality) in localities):
            score.tp += 1
            matched.add(key or fold(locality))
        else:
            score.fn += 1
            mistakes.append(f"addresses: missed {code} {locality}".rstrip())
    for a in addresses:
        key = postal_key(a.get("postal_code") or "")
        # (one labelled without its postcode is found by its town, with a postcode or not)
        if key not in matched and fold(a.get("locality") or "") not in matched:
            score.fp += 1
            mistakes.append(f"addresses: reported {a.get('street') or ''}, {a.get('postal_code') or ''} "
                            f"{a.get('locality') or ''}".strip(", "))
    pages = {r: page_key(u) for r, u in (profile.get("pages") or {}).items() if r in ROLES}
    labelled = {r: page_key(p) for r, p in site["roles"].items()}
    roles = scores["roles"]
    for role in sorted(set(pages) | set(labelled)):
        if pages.get(role) == labelled.get(role):
            roles.tp += 1
        else:
            roles.fn += 1 if role in labelled else 0
            roles.fp += 1 if role in pages else 0
            mistakes.append(f"roles: {role} is {pages.get(role) or 'none'}, labelled {labelled.get(role) or 'none'}")
    return mistakes


# -- crawling -----------------------------------------------------------------------------
def host_name(site: dict) -> str:
    return site["domain"] or f"{site['site']}.test"


def served_folder(site: dict, port: int, work: Path) -> Path:
    """The site's folder as its own host serves it. A site whose pages link
    each other by absolute URL on its domain (``https://www.firma.nl/contact``)
    is served under that name, its links pointed at this loopback origin
    (the only change made to the pages), so the crawl follows them as it
    would on the real host. A site published under a folder of another host
    (``published_at``: "https://owner.github.io/project/", whose pages link
    each other by that prefix) has that prefix pointed at the origin's root.
    The site's sitemap.xml, when copied, is pointed at the origin the same way."""
    if not site["domain"]:
        return site["folder"]
    bare = re.escape(site["domain"].removeprefix("www."))
    own = re.compile(rf"(?:https?:)?//(?:www\.)?{bare}(?::\d+)?(?=[/\"'?#\s]|$)".encode())
    origin = f"http://{site['domain']}:{port}".encode()
    if site.get("published_at"):
        prefix = re.escape(site["published_at"].rstrip("/").split("//", 1)[-1])
        own = re.compile(rf"(?:https?:)?//{prefix}(?=[/\"'?#\s]|$)|".encode() + own.pattern)
    target = work / "served" / site["site"]
    for file in site["folder"].rglob("*"):
        if file.is_file():
            copy = target / file.relative_to(site["folder"])
            copy.parent.mkdir(parents=True, exist_ok=True)
            body = file.read_bytes()
            copy.write_bytes(own.sub(origin, body) if file.suffix.lower() in (".html", ".htm", ".xml") else body)
    return target


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def crawl(site: dict, web, redis_url: str, work: Path) -> tuple[dict | None, float, str]:
    name = host_name(site)
    home = site["home"] if site["home"] not in ("", "index.html") else ""
    url = web.url(name, "/" + home)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPEJET_", "REDIS_URL", "DATABASE_URL"))}
    env.update({
        "REDIS_URL": redis_url, "SCRAPEJET_DATA_DIR": str(work / site["site"]),
        "SCRAPEJET_KEY_PREFIX": f"x{site['site']}:",
        # (every other name resolved to none: nothing is looked up on the network)
        "SCRAPEJET_RESOLVE": json.dumps({**{host: "127.0.0.1" for host in {name, name.removeprefix("www.")}}, "*": ""}),
        "SCRAPEJET_ALLOW_PRIVATE": "1", "SCRAPEJET_EMBEDDINGS": "off",
    })
    started = time.monotonic()
    result = subprocess.run([str(Path(sys.executable).parent / "scrapejet"), "business", url, "-o", "-",
                             "--format", "json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - started
    try:
        return json.loads(result.stdout), elapsed, ""
    except json.JSONDecodeError:
        return None, elapsed, (result.stderr or result.stdout)[-800:]


def run(args) -> dict:
    from bench.crawl_throughput import RedisServer
    from tests.fixtureweb import FixtureWeb

    sites = [s for s in expected_sites() + corpus_sites() if not args.corpus or s["corpus"] in args.corpus]
    absent = [s["site"] for s in sites if not s["present"]]
    sites = [s for s in sites if s["present"] and (not args.site or s["site"] in args.site)]
    work = Path(tempfile.mkdtemp(prefix="bench-extraction-"))
    redis_srv = RedisServer(work / "redis").start()
    results = {}
    port = free_port()
    folders = {host_name(s): served_folder(s, port, work) for s in sites}
    try:
        with FixtureWeb(port, folders=folders) as web:
            with ThreadPoolExecutor(args.parallel) as pool:
                done = pool.map(lambda s: (s, *crawl(s, web, redis_srv.url, work)), sites)
                for site, profile, elapsed, error in done:
                    results[site["site"]] = (site, profile, elapsed, error)
    finally:
        redis_srv.stop()
    return {"results": results, "absent": absent}


def report(outcome: dict, show_heldout: bool) -> dict:
    by_corpus: dict[str, dict[str, Score]] = {}
    mistakes: dict[str, list[str]] = {}
    times = []
    for site, profile, elapsed, error in outcome["results"].values():
        scores = by_corpus.setdefault(site["corpus"], {f: Score() for f in FIELDS})
        times.append(elapsed)
        if profile is None:
            mistakes[site["site"]] = [f"crawl failed: {error}"]
            profile = {}
        mistakes.setdefault(site["site"], []).extend(compare(site, profile, scores))
    order = [c for c in ("realsites", "fixtures", "corpus-tune", "corpus-heldout") if c in by_corpus]
    counts = {c: sum(1 for s, *_ in outcome["results"].values() if s["corpus"] == c) for c in order}
    print(f"{'field':10}" + "".join(f" | {c + f' ({counts[c]})':>22}" for c in order))
    print(f"{'':10}" + "".join(f" | {'P':>6} {'R':>6} {'n':>7}" for _ in order))
    table = {}
    for field in FIELDS:
        row = f"{field:10}"
        for corpus in order:
            score = by_corpus[corpus][field]
            p, r = score.p(), score.r()
            table.setdefault(corpus, {})[field] = {"p": p, "r": r, "tp": score.tp, "fp": score.fp, "fn": score.fn}
            row += f" | {'-' if p is None else f'{p:.2f}':>6} {'-' if r is None else f'{r:.2f}':>6} {score.tp + score.fn:>7}"
        print(row)
    if times:
        print(f"\n{len(times)} sites crawled, {sum(times) / len(times):.1f} s per site (process start to exit)")
        rendered = {site["site"]: (profile or {}).get("provenance", {}).get("rendered") or {}
                    for site, profile, _, _ in outcome["results"].values()}
        rendered = {name: pages for name, pages in rendered.items() if pages}
        slow = [elapsed for site, _, elapsed, _ in outcome["results"].values() if site["site"] in rendered]
        if rendered:
            print(f"render_js=auto rendered {sum(map(len, rendered.values()))} pages on {len(rendered)} sites "
                  f"({', '.join(sorted(rendered))}): {sum(slow) / len(slow):.1f} s per such site")
    if outcome["absent"]:
        print(f"{len(outcome['absent'])} labelled sites have no pages in corpus/sites: python bench/corpus.py fetch")
    print("\nMistakes")
    for site, (entry, *_rest) in sorted(outcome["results"].items(), key=lambda kv: (kv[1][0]["corpus"], kv[0])):
        found = mistakes.get(site) or []
        if not found:
            continue
        if entry["corpus"] == "corpus-heldout" and not show_heldout:
            continue
        print(f"  {entry['corpus']} / {site}:")
        for mistake in found:
            print(f"    - {mistake}")
    hidden = sum(len(mistakes.get(s) or []) for s, (e, *_r) in outcome["results"].items()
                 if e["corpus"] == "corpus-heldout")
    if hidden and not show_heldout:
        print(f"  (corpus-heldout: {hidden} mistakes not shown; --show-heldout shows them)")
    # (the JSON written by --out keeps the held-out mistakes hidden too: tuning reads that file as well)
    shown = {site: found for site, found in mistakes.items()
             if show_heldout or outcome["results"][site][0]["corpus"] != "corpus-heldout"}
    return {"table": table, "mistakes": shown}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=["realsites", "fixtures", "corpus-tune", "corpus-heldout"],
                        help="only this corpus (repeatable); default all")
    parser.add_argument("--site", action="append", help="only this site (repeatable)")
    parser.add_argument("--parallel", type=int, default=2, help="crawls at once (default 2)")
    parser.add_argument("--show-heldout", action="store_true", help="print the held-out sites' mistakes too")
    parser.add_argument("--out", help="write the table and the mistakes shown as JSON here")
    args = parser.parse_args()
    summary = report(run(args), args.show_heldout)
    if args.out:
        Path(args.out).write_text(json.dumps(summary, indent=1, default=list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
