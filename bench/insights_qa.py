"""Insights measured: do answers hold the fact, and cite the page stating it?

A benchmark, not a test (`make bench-insights`). Over the labelled corpus of
the extraction benchmark (bench/corpus: real small-business sites from
public GitHub repositories; ``python bench/corpus.py fetch`` copies their
pages into corpus/sites/), with the questions a reader wrote for each site
(bench/corpus/questions/SITE.json: the question, its language, its kind,
the short strings any one of which means the answer holds the fact, and the
pages that state it).

Each site is crawled as a user crawls it (``scrapejet crawl URL``, served on
loopback under its name, embeddings on, so its pages are queued for
indexing), then asked its questions as a user asks them (``scrapejet ask
SITE Q1 Q2 ... --json``, which indexes the site first). Per corpus (the
tune and the held-out third, split by the same hash of the site name as the
extraction benchmark) and per mode:

* facts: the answer holds one of the labelled strings (case and spacing
  folded);
* citations: a page that states the fact is among the answer's sources
  (the top 5 passages).

Modes: ``extractive`` (no model) always; ``model`` too when an
OpenAI-compatible server is configured (``OPENAI_BASE_URL`` and
``SCRAPEJET_LLM_MODEL``, or ``OPENAI_API_KEY``), with the same questions.
Held-out mistakes are printed only with ``--show-heldout``."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import corpus_sites, free_port, host_name, page_key, served_folder  # noqa: E402

QUESTIONS = ROOT / "bench" / "corpus" / "questions"
CORPORA = ("corpus-tune", "corpus-heldout")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\u2013\u2014\u2010-]", "-", text).split())


def holds(answer: str, accepted: list[str]) -> bool:
    # (" · " joins the lines of a card the extractive answer reads together:
    # "Du Mardi au Samedi · 09h-12h30" states "Du Mardi au Samedi 09h-12h30")
    folded = " ".join(fold(answer).replace(" · ", " ").split())
    squeezed = folded.replace(" ", "")
    return any(fold(a) in folded or fold(a).replace(" ", "") in squeezed for a in accepted)


def model_configured() -> bool:
    return bool(os.environ.get("OPENAI_API_KEY") or (os.environ.get("OPENAI_BASE_URL")
                                                      and os.environ.get("SCRAPEJET_LLM_MODEL")))


def site_env(site: dict, redis_url: str, work: Path, mode: str) -> dict:
    from scrapejet.urls import site_host

    name = host_name(site)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPEJET_", "REDIS_URL", "DATABASE_URL"))}
    if mode == "extractive":
        for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
            env.pop(key, None)
    else:
        for key in ("SCRAPEJET_LLM_MODEL", "SCRAPEJET_LLM_TIMEOUT_S"):
            if os.environ.get(key):
                env[key] = os.environ[key]
    env.update({
        "REDIS_URL": redis_url, "SCRAPEJET_DATA_DIR": str(work / site["site"]),
        "SCRAPEJET_KEY_PREFIX": f"q{site['site']}:",
        # (every other name resolved to none: a page sending the browser to its
        # real domain is not followed onto the network, DNS included)
        "SCRAPEJET_RESOLVE": json.dumps({**{h: "127.0.0.1" for h in {name, site_host(name)}}, "*": ""}),
        "SCRAPEJET_ALLOW_PRIVATE": "1", "SCRAPEJET_EMBEDDINGS": "on",
        "TRANSFORMERS_VERBOSITY": "error",
    })
    return env


def run_site(site: dict, questions: list[dict], web, redis_url: str, work: Path, modes: list[str]) -> dict:
    from scrapejet.urls import site_host

    name = host_name(site)
    home = site["home"] if site["home"] not in ("", "index.html") else ""
    url = web.url(name, "/" + home)
    scrapejet = str(Path(sys.executable).parent / "scrapejet")
    out: dict = {"site": site["site"], "corpus": site["corpus"], "answers": {}, "error": None}
    env = site_env(site, redis_url, work, "extractive")
    crawl = subprocess.run([scrapejet, "crawl", url, "--max-pages", "60", "-o", os.devnull], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=600)
    if crawl.returncode != 0:
        out["error"] = f"crawl failed: {(crawl.stderr or crawl.stdout)[-500:]}"
        return out
    for mode in modes:
        started = time.monotonic()
        asked = subprocess.run([scrapejet, "ask", site_host(name), *[q["q"] for q in questions], "--json"],
                               cwd=ROOT, env=site_env(site, redis_url, work, mode), capture_output=True, text=True,
                               timeout=900)
        if asked.returncode != 0:
            out["error"] = f"ask ({mode}) failed: {asked.stderr[-500:]}"
            continue
        out["answers"][mode] = {"seconds": time.monotonic() - started,
                                "answers": [json.loads(line) for line in asked.stdout.splitlines() if line.strip()]}
    return out


def serve_sites(sites: list[dict], parallel: int, prefix: str, each) -> list:
    """``each(site, web, redis_url, work)`` for every site, ``parallel`` at
    once, the sites served on loopback under their names and one Redis
    for all (each site keeps its own key prefix and data folder in work)."""
    from bench.crawl_throughput import RedisServer
    from tests.fixtureweb import FixtureWeb

    work = Path(tempfile.mkdtemp(prefix=prefix))
    redis_srv = RedisServer(work / "redis").start()
    port = free_port()
    folders = {host_name(s): served_folder(s, port, work) for s in sites}
    try:
        with FixtureWeb(port, folders=folders) as web, ThreadPoolExecutor(parallel) as pool:
            return list(pool.map(lambda s: each(s, web, redis_srv.url, work), sites))
    finally:
        redis_srv.stop()


def score(site_result: dict, questions: list[dict], mode: str) -> tuple[list[tuple[str, dict, dict, bool, bool]], str]:
    answers = (site_result["answers"].get(mode) or {}).get("answers") or []
    rows = []
    for question, answer in zip(questions, answers):
        fact = holds(answer["answer"], question["answers"])
        wanted = {page_key(p) for p in question["pages"]}
        cited = any(page_key(s["url"]) in wanted for s in answer["sources"] if s.get("url"))
        rows.append((site_result["site"], question, answer, fact, cited))
    return rows, site_result.get("error") or ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="only this corpus (repeatable)")
    parser.add_argument("--site", action="append", help="only this site (repeatable)")
    parser.add_argument("--parallel", type=int, default=2, help="sites at once (default 2)")
    parser.add_argument("--show-heldout", action="store_true", help="print the held-out mistakes too")
    parser.add_argument("--out", help="write the figures and the answers shown as JSON here")
    args = parser.parse_args()

    sites = [s for s in corpus_sites() if s["present"] and (QUESTIONS / f"{s['site']}.json").exists()
             and (not args.corpus or s["corpus"] in args.corpus) and (not args.site or s["site"] in args.site)]
    if not sites:
        print("no sites: python bench/corpus.py fetch copies the corpus pages into corpus/sites/")
        return 1
    questions = {s["site"]: json.loads((QUESTIONS / f"{s['site']}.json").read_text())["questions"] for s in sites}
    modes = ["extractive"] + (["model"] if model_configured() else [])
    started = time.monotonic()
    results = serve_sites(sites, args.parallel, "bench-insights-",
                          lambda s, web, redis_url, work: run_site(s, questions[s["site"]], web, redis_url, work, modes))
    elapsed = time.monotonic() - started

    n_questions = sum(len(q) for q in questions.values())
    print(f"{len(sites)} sites, {n_questions} questions ({sum(1 for qs in questions.values() for q in qs if q['lang'] != 'en')}"
          f" in the site's own language), modes: {', '.join(modes)}; {elapsed:.0f} s")
    summary: dict = {}
    print(f"\n{'':24}" + "".join(f" | {c:>24}" for c in CORPORA))
    for mode in modes:
        per: dict[str, list] = {c: [] for c in CORPORA}
        errors = []
        for result in results:
            rows, error = score(result, questions[result["site"]], mode)
            per[result["corpus"]].extend(rows)
            if error:
                errors.append((result["site"], error))
        for label, index in (("facts", 3), ("citations (top 5)", 4)):
            cells = []
            for corpus in CORPORA:
                rows = per[corpus]
                hit = sum(1 for r in rows if r[index])
                cells.append(f"{hit:>3}/{len(rows):<3} = {hit / len(rows):.2f}" if rows else "-")
                summary.setdefault(mode, {}).setdefault(corpus, {})[label.split()[0]] = (
                    hit / len(rows) if rows else None)
                summary[mode][corpus][f"{label.split()[0]}_hit"] = hit
                summary[mode][corpus]["questions"] = len(rows)
            print(f"{mode + ' ' + label:24}" + "".join(f" | {c:>24}" for c in cells))
        kinds: dict[str, list[int]] = {}
        for corpus in CORPORA:
            for _, question, _, fact, _ in per[corpus]:
                kinds.setdefault(question["kind"], [0, 0])
                kinds[question["kind"]][0] += fact
                kinds[question["kind"]][1] += 1
        print(f"{'':24}   facts by kind (both corpora): " + ", ".join(
            f"{k} {v[0]}/{v[1]}" for k, v in sorted(kinds.items())))
        own = [r for c in CORPORA for r in per[c] if r[1]["lang"] != "en"]
        if own:
            print(f"{'':24}   questions in the site's language: facts {sum(r[3] for r in own)}/{len(own)}")
        for site, error in errors:
            print(f"   {site}: {error}")
        print(f"\nMistakes ({mode})")
        hidden = 0
        for corpus in CORPORA:
            for site, question, answer, fact, cited in per[corpus]:
                if fact and cited:
                    continue
                if corpus == "corpus-heldout" and not args.show_heldout:
                    hidden += 1
                    continue
                what = " and ".join(w for w, ok in (("no fact", fact), ("not cited", cited)) if not ok)
                print(f"  {corpus} / {site}: {question['q']!r} ({question['kind']}; {what}; wants "
                      f"{question['answers'][0]!r} on {', '.join(question['pages'])})")
                print(f"      answered: {' '.join(answer['answer'].split())[:220]}")
                print(f"      sources: {', '.join(page_key(s['url']) for s in answer['sources'] if s.get('url'))}")
        if hidden:
            print(f"  (corpus-heldout: {hidden} mistakes not shown; --show-heldout shows them)")
    if args.out:
        # (held-out answers stay out of the file unless --show-heldout, as they stay off the screen)
        shown = [r for r in results if args.show_heldout or r["corpus"] != "corpus-heldout"]
        Path(args.out).write_text(json.dumps({"summary": summary, "results": shown}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
