"""Two versions of the code asked the same questions over the same crawl.

A companion of ``bench/insights_qa.py`` for measuring one change: each
site is crawled once, with the code in A, then asked its labelled
questions with the code in A and with the code in B (``scrapejet ask
SITE Q1 Q2 ... --json`` run with that tree first on ``PYTHONPATH``), and
scored as insights_qa scores them. Crawling costs most of a site's time,
so a change that does not touch chunking or indexing is measured at half
the cost of two full runs, and on the same pages.

    git worktree add /tmp/base HEAD       # A: the code before the change
    python bench/insights_ab.py /tmp/base . --corpus corpus-tune --sample 60 --seed 45

Only tune sites are asked unless ``--corpus corpus-heldout`` is given; the
held-out answers' differences are printed only with ``--show-heldout``.
Prints both codes' facts and citations, and every question whose answer
changed (+ found, - lost, ~ changed but scored the same)."""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import corpus_sites, host_name, page_key  # noqa: E402
from bench.insights_qa import CORPORA, QUESTIONS, holds, serve_sites, site_env  # noqa: E402


def ask(tree: Path, site: dict, questions: list[dict], env: dict) -> list[dict]:
    from scrapejet.urls import site_host

    scrapejet = str(Path(sys.executable).parent / "scrapejet")
    asked = subprocess.run([scrapejet, "ask", site_host(host_name(site)), *[q["q"] for q in questions], "--json"],
                           cwd=tree, env={**env, "PYTHONPATH": str(tree)}, capture_output=True, text=True,
                           timeout=900)
    return [json.loads(line) for line in asked.stdout.splitlines() if line.strip()]


def run_site(site: dict, trees: tuple[Path, Path], web, redis_url: str, work: Path) -> dict:
    questions = json.loads((QUESTIONS / f"{site['site']}.json").read_text())["questions"]
    env = site_env(site, redis_url, work, "extractive")
    home = site["home"] if site["home"] not in ("", "index.html") else ""
    scrapejet = str(Path(sys.executable).parent / "scrapejet")
    crawl = subprocess.run([scrapejet, "crawl", web.url(host_name(site), "/" + home), "--max-pages", "60",
                            "-o", os.devnull], cwd=trees[0], env={**env, "PYTHONPATH": str(trees[0])},
                           capture_output=True, text=True, timeout=600)
    out: dict = {"site": site["site"], "corpus": site["corpus"], "rows": [], "error": None}
    if crawl.returncode != 0:
        out["error"] = f"crawl failed: {(crawl.stderr or crawl.stdout)[-300:]}"
        return out
    answers = [ask(tree, site, questions, env) for tree in trees]
    for i, question in enumerate(questions):
        row = {"q": question["q"], "kind": question["kind"], "lang": question["lang"], "wants": question["answers"][:2]}
        wanted = {page_key(p) for p in question["pages"]}
        for tag, given in zip("AB", answers):
            answer = given[i] if i < len(given) else {"answer": "", "sources": []}
            row[tag] = answer["answer"]
            row[f"{tag}_fact"] = holds(answer["answer"], question["answers"])
            row[f"{tag}_cited"] = any(page_key(s["url"]) in wanted for s in answer["sources"] if s.get("url"))
        out["rows"].append(row)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", help="the code tree A (it crawls too)")
    parser.add_argument("b", help="the code tree B")
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="only this corpus (default: tune)")
    parser.add_argument("--site", action="append", help="only this site (repeatable)")
    parser.add_argument("--sample", type=int, help="this many sites drawn at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--parallel", type=int, default=2, help="sites at once (default 2)")
    parser.add_argument("--show-heldout", action="store_true", help="print the held-out differences too")
    parser.add_argument("--out", help="write every answer of both codes as JSON here")
    args = parser.parse_args()
    trees = (Path(args.a).resolve(), Path(args.b).resolve())
    corpora = args.corpus or ["corpus-tune"]
    sites = [s for s in corpus_sites() if s["present"] and (QUESTIONS / f"{s['site']}.json").exists()
             and s["corpus"] in corpora and (not args.site or s["site"] in args.site)]
    if args.sample and args.sample < len(sites):
        sites = random.Random(args.seed).sample(sites, args.sample)
    if not sites:
        print("no sites: python bench/corpus.py fetch copies the corpus pages into corpus/sites/")
        return 1
    started = time.monotonic()
    results = serve_sites(sites, args.parallel, "bench-insights-ab-",
                          lambda s, web, redis_url, work: run_site(s, trees, web, redis_url, work))
    rows = [r for result in results for r in result["rows"]]
    print(f"{len(results)} sites, {len(rows)} questions; {time.monotonic() - started:.0f} s")
    for tag, tree in zip("AB", trees):
        print(f"{tag} ({tree}): facts {sum(r[f'{tag}_fact'] for r in rows)}, "
              f"citations {sum(r[f'{tag}_cited'] for r in rows)}")
    own = [r for r in rows if r["lang"] != "en"]
    if own:
        print(f"in the site's language ({len(own)}): A {sum(r['A_fact'] for r in own)}, B {sum(r['B_fact'] for r in own)}")
    for result in results:
        if result["error"]:
            print(f"   {result['site']}: {result['error']}")
        if result["corpus"] == "corpus-heldout" and not args.show_heldout:
            continue
        for r in result["rows"]:
            if r["A"] == r["B"]:
                continue
            mark = "+" if r["B_fact"] > r["A_fact"] else "-" if r["B_fact"] < r["A_fact"] else "~"
            print(f"{mark} {result['site']}: {r['q']!r} ({r['kind']}; wants {r['wants']})")
            print(f"    A: {r['A'][:200]}")
            print(f"    B: {r['B'][:200]}")
    if args.out:
        shown = [r for r in results if args.show_heldout or r["corpus"] != "corpus-heldout"]
        Path(args.out).write_text(json.dumps(shown, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
