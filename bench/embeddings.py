"""Benchmark of the indexer and the index (not a test).

    .venv/bin/python bench/embeddings.py [--chunks 1200] [--rounds 3] [--crawl-pages 1000]
                                         [--sizes 10000,100000] [--skip-crawl] [--skip-retrieval]
    make bench-embeddings

Everything is measured in the same run, on the same machine, against a
baseline measured alongside it:

1. Chunks/s of the indexer (``scrapejet indexer``: queued pages read from
   SQLite -> chunked -> chunks stored -> encoded -> vectors written -> the
   site's FAISS index written -> queue rows deleted) against raw
   ``SentenceTransformer.encode`` on the same texts: float32 as a user would
   call it, and at the precision and batch the indexer picks. The pages are
   those of the six real sites in tests/realsites and the business
   fixtures, cycled (under other URLs) to about ``--chunks`` chunks.
   Targets: >= 0.7x raw and >= 150 chunks/s.
2. Crawl pages/s of one ScrapeJET worker with embeddings on against off
   (bench/crawl_throughput.py's variant (c) on its local bench.test site),
   end to end: with embeddings on the crawl queues its pages for the
   indexer and ends; target on/off >= 0.8. Then the time one indexer takes
   to index that crawl's pages, after it.
3. Retrieval latency (``Retriever.search``: question embedding, vector
   search, keyword search, fusion, chunk rows) at each size, p50/p95, against
   exact flat search at the same size. The chunks are synthetic: random unit
   vectors and texts of random words from a 20,000-word Zipf vocabulary (the
   model would take hours to embed 100k real chunks here); the questions are
   real text embedded by the model. Target: p95 <= 30 ms at 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scrapejet.settings")
os.environ["HF_HUB_OFFLINE"] = "1"

SITE_DIRS = [ROOT / "tests" / "realsites", ROOT / "tests" / "business_fixtures"]


def settings_for(data_dir: Path, **extra):
    from scrapy.settings import Settings

    import scrapejet.settings as module

    settings = Settings()
    settings.setmodule(module, priority="project")
    settings.set("SCRAPEJET_DATA_DIR", str(data_dir))
    settings.set("DATABASE_URL", None)
    for key, value in extra.items():
        settings.set(key, value)
    return settings


def corpus_pages() -> list[dict]:
    """Pages of real sites, extracted as the spider extracts them."""
    from scrapejet.extract.page import extract_page

    pages = []
    for parent in SITE_DIRS:
        if not parent.is_dir():
            continue
        for html in sorted(parent.glob("*/**/*.html")):
            site = html.relative_to(parent).parts[0] + ".test"
            url = f"http://{site}/{'/'.join(html.relative_to(parent).parts[1:])}"
            page = extract_page(html.read_bytes(), url)
            page.update(url=url, final_url=url, site=site)
            if (page.get("markdown") or page.get("text") or "").strip():
                pages.append(page)
    return pages


def median(values):
    return statistics.median(values) if values else float("nan")


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


# -- 1. chunks/s -----------------------------------------------------------------
def bench_chunks(args, model, work: Path) -> dict:
    import threading

    import numpy as np
    import torch

    from scrapejet.index.indexer import Indexer
    from scrapejet.storage import Storage
    from scrapejet.storage.schema import chunks, index_queue

    pages = corpus_pages()
    settings = settings_for(work / "chunks")
    storage = Storage.from_settings(settings)
    store = storage.chunks
    # the real pages, then copies of them under other URLs (new chunks, each
    # embedded) until there are about --chunks chunks, stored as a crawl stores them
    per_page = max(1, len(store.store_pages(pages, model="count-only").todo) // max(1, len(pages)))
    with storage.engine.begin() as conn:
        conn.execute(chunks.delete())
    rows = []
    for i in range(max(len(pages), args.chunks // per_page)):
        page = dict(pages[i % len(pages)])
        if i >= len(pages):
            page["url"] = page["final_url"] = f"{page['url']}?copy={i}"
        rows.append({**page, "job_id": "bench", "status": 200, "content_hash": f"{i:064d}",
                     "fetched_at": time.time()})

    st = model.model
    cores = os.cpu_count() or 1
    raw_fp32, raw_same, index_one, index_all = [], [], [], []

    def queue_all():
        with storage.engine.begin() as conn:
            conn.execute(chunks.delete())
            conn.execute(index_queue.delete())
        shutil.rmtree(work / "chunks" / "index", ignore_errors=True)
        storage.upsert_pages(rows, index=True)

    def run_indexer(threads: int) -> tuple[float, int]:
        """Pages queued -> read, chunked, stored, embedded, vectors written,
        FAISS files written, queue emptied: chunks/s of the whole stage."""
        queue_all()
        model.threads = threads
        indexer = Indexer.from_settings(settings, storage, model=model)
        start = time.perf_counter()
        indexer.run(threading.Event(), once=True)
        elapsed = time.perf_counter() - start
        counts = store.counts()
        n = sum(c["chunks"] for c in counts.values())
        assert all(c["pending"] == 0 for c in counts.values()) and storage.index_queue.waiting() == 0
        return n / elapsed, n

    _, n = run_indexer(cores)  # warm-up, and the texts the baselines encode
    texts = [t for _, _, t in store.pending(model="(none)", limit=10**9)]
    words = [len(t.split()) for t in texts]
    print(f"\n1. chunks/s: {len(pages)} real pages cycled to {len(rows)} pages -> {n} chunks; words per chunk "
          f"median {median(words):.0f}, max {max(words)}", flush=True)

    def raw(threads: int, bf16: bool, batch: int | None) -> float:
        torch.set_num_threads(threads)
        start = time.perf_counter()
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            np.asarray(st.encode(texts, **({"batch_size": batch} if batch else {})))
        return len(texts) / (time.perf_counter() - start)

    for _ in range(args.rounds):
        # as a user calls it: float32, its default batch (32), every core
        raw_fp32.append(raw(cores, False, None))
        # the indexer's precision and batch, every core (an indexer has the CPU to itself)
        raw_same.append(raw(cores, model.bf16, model.batch_size))
        index_all.append(run_indexer(cores)[0])
        index_one.append(run_indexer(1)[0])
        print(f"   round: raw encode float32 ({cores} threads) {raw_fp32[-1]:.1f} | raw encode, indexer settings "
              f"{raw_same[-1]:.1f} | indexer ({cores} threads, default) {index_all[-1]:.1f} | indexer (1 thread) "
              f"{index_one[-1]:.1f} chunks/s", flush=True)
    storage.close()
    out = {
        "chunks": n, "pages": len(rows), "precision": "bfloat16" if model.bf16 else "float32",
        "batch": model.batch_size, "device": model.device,
        "raw_fp32": median(raw_fp32), "raw_same_settings": median(raw_same),
        "indexer_all_cores": median(index_all), "indexer_one_thread": median(index_one),
    }
    best = out["indexer_all_cores"]
    print(f"   medians (chunks/s): raw SentenceTransformer.encode float32 {out['raw_fp32']:.1f} | raw encode with "
          f"the indexer's settings ({out['precision']}, batch {out['batch']}, {cores} threads) "
          f"{out['raw_same_settings']:.1f} | indexer {best:.1f} | indexer on 1 thread {out['indexer_one_thread']:.1f}")
    print(f"   indexer / raw float32 encode         = {best / out['raw_fp32']:.2f}  (target >= 0.7: "
          f"{verdict(best / out['raw_fp32'] >= 0.7)})")
    print(f"   indexer / raw encode, same settings  = {best / out['raw_same_settings']:.2f}  (target >= 0.7: "
          f"{verdict(best / out['raw_same_settings'] >= 0.7)})")
    print(f"   indexer chunks/s = {best:.1f} on {model.device}  (target >= 150: {verdict(best >= 150)})")
    return out


# -- 2. crawl with embeddings on and off -----------------------------------------------
def bench_crawl(args, work: Path) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    import crawl_throughput as ct

    web = ct.WebServer(args.crawl_pages, work / "web.log").start()
    redis_srv = ct.RedisServer(work / "redis").start()
    results: dict[str, list[dict]] = {"off": [], "on": []}
    try:
        web.check()
        for r in range(args.crawl_rounds):
            for mode in ("off", "on"):
                res = ct.run_one("c", web=web, redis_srv=redis_srv, workdir=work / "crawl", pages=args.crawl_pages,
                                 tag=f"{mode}-{r}", extra_env={"SCRAPEJET_EMBEDDINGS": mode})
                crawl_s = res["seconds"] - res["close_lag_s"]
                res["crawl_pps"] = res["pages"] / crawl_s
                results[mode].append(res)
                print(f"   round {r}: embeddings {mode:3}: {res['pps']:.1f} pages/s end to end, "
                      f"{res['crawl_pps']:.1f} pages/s until the last page was stored, "
                      f"close wait {res['close_lag_s']:.1f}s, peak RSS {res['rss_mb']:.0f} MB", flush=True)
                if mode == "on":
                    # after the crawl: one `scrapejet indexer --once` over what it stored
                    env = dict(os.environ, SCRAPEJET_DATA_DIR=str(work / "crawl" / f"on-{r}" / "data"),
                               SCRAPEJET_EMBEDDINGS="on", REDIS_URL=redis_srv.url)
                    env.pop("DATABASE_URL", None)
                    started = time.perf_counter()
                    done = subprocess.run([str(Path(sys.executable).parent / "scrapejet"), "indexer", "--once"],
                                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=3600)
                    res["index_s"] = time.perf_counter() - started
                    print(f"            then one indexer: {done.stdout.strip() or done.stderr[-300:]} in "
                          f"{res['index_s']:.1f}s (process start to exit)", flush=True)
    finally:
        redis_srv.stop()
        web.stop()
    off = median([r["pps"] for r in results["off"]])
    on = median([r["pps"] for r in results["on"]])
    on_crawl = median([r["crawl_pps"] for r in results["on"]])
    off_crawl = median([r["crawl_pps"] for r in results["off"]])
    index_s = median([r["index_s"] for r in results["on"]])
    print(f"   medians: off {off:.1f} pages/s; on {on:.1f} pages/s end to end ({on / off:.2f}x off; target >= 0.8: "
          f"{verdict(on / off >= 0.8)}), {on_crawl:.1f} pages/s crawl phase ({on_crawl / off_crawl:.2f}x off); "
          f"peak RSS off {max(r['rss_mb'] for r in results['off']):.0f} MB, "
          f"on {max(r['rss_mb'] for r in results['on']):.0f} MB; one indexer then took {index_s:.1f}s")
    return {"off_pps": off, "on_pps": on, "on_crawl_pps": on_crawl, "off_crawl_pps": off_crawl, "index_s": index_s,
            "rss_off": max(r["rss_mb"] for r in results["off"]), "rss_on": max(r["rss_mb"] for r in results["on"])}


# -- 3. retrieval latency ------------------------------------------------------------
QUESTIONS = [
    "How much does a check-up cost?", "When are you open on Saturdays?", "Where is the workshop?",
    "Do you deliver to offices?", "What is your email address?", "Who founded the company?",
    "Can I book a table for six people?", "Which payment methods do you accept?",
    "How long does shipping take to France?", "Is there parking near the office?",
]


def _real_chunks(model, work: Path) -> list:
    from scrapejet.storage import Storage

    storage = Storage.from_settings(settings_for(work / "centres"))
    todo = storage.chunks.store_pages(corpus_pages(), model=model.name).todo
    storage.close()
    return todo


def bench_retrieval(args, model, work: Path) -> dict:
    import faiss
    import numpy as np

    from scrapejet.index.search import Retriever
    from scrapejet.index.store import SiteIndex
    from scrapejet.storage import Storage
    from scrapejet.storage.schema import chunks

    rng = np.random.default_rng(7)
    # Synthetic vectors with the structure of real ones: each is a real
    # chunk's embedding (of the real sites' chunks) plus noise, so chunks come
    # in topics as on real sites (uniform random vectors in 384 dimensions
    # have no near neighbours at all, the worst case for any ANN index).
    centres = model.encode([t for _, _, t in _real_chunks(model, work)])
    vocab = [f"w{i}" for i in range(20000)]
    weights = 1.0 / np.arange(1, len(vocab) + 1)
    weights /= weights.sum()
    out = {}
    for size in args.sizes:
        folder = work / f"retrieval-{size}"
        settings = settings_for(folder)
        storage = Storage.from_settings(settings)
        store = storage.chunks
        site = "synthetic.test"
        start = time.perf_counter()
        now = time.time()
        for base in range(0, size, 5000):
            n = min(5000, size - base)
            vectors = centres[rng.integers(0, len(centres), n)] + 0.04 * rng.standard_normal((n, model.dim))
            vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
            words = rng.choice(len(vocab), size=(n, 100), p=weights)
            rows = [{
                "site": site, "canonical_url": f"http://{site}/p/{base + i}", "url": f"http://{site}/p/{base + i}",
                "title": f"Page {base + i}", "heading_path": [], "position": 0,
                "text": " ".join(vocab[w] for w in words[i]) + f" ref{base + i}@{site}",
                "content_hash": f"{base + i:064d}", "vector": vectors[i].tobytes(), "model": model.name,
                "created_at": now, "embedded_at": now,
            } for i in range(n)]
            with storage.engine.begin() as conn:
                conn.execute(chunks.insert(), rows)
        load_s = time.perf_counter() - start
        index = SiteIndex.for_settings(settings, site, model=model.name, dim=model.dim)
        start = time.perf_counter()
        info = index.sync(store)
        build_s = time.perf_counter() - start
        retriever = Retriever.from_settings(settings, storage, model=model)
        questions = [QUESTIONS[i % len(QUESTIONS)] + f" {vocab[int(rng.integers(0, 3000))]}" for i in range(200)]
        questions += [f"ref{int(rng.integers(0, size))}@{site}" for _ in range(50)]  # exact strings: keyword
        for q in questions[:10]:
            retriever.search(q, site=site, k=5)
        total, vec, kw, emb = [], [], [], []
        for q in questions:
            t = time.perf_counter()
            retriever.search(q, site=site, k=5)
            total.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            qv = model.encode([q])[0]
            emb.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            index.search(qv, 50)
            vec.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            store.keyword(q, site=site, limit=50)
            kw.append((time.perf_counter() - t) * 1000)
        # the baseline: exact (flat) inner-product search over the same vectors
        flat = faiss.IndexFlatIP(model.dim)
        ids = store.vector_ids(site, model.name)
        flat.add(np.frombuffer(b"".join(v for _, v in store.vectors(ids)), dtype=np.float32).reshape(-1, model.dim))
        flat_ms = []
        for q in questions:
            qv = model.encode([q])
            t = time.perf_counter()
            flat.search(qv, 50)
            flat_ms.append((time.perf_counter() - t) * 1000)
        # recall of the approximate index against exact search, for queries
        # near the stored vectors (as questions about a site are near its
        # chunks; for a query near nothing, the "true" top 10 is noise)
        recall = []
        for _ in range(100):
            qv = centres[rng.integers(0, len(centres), 1)] + 0.05 * rng.standard_normal((1, model.dim))
            qv = (qv / np.linalg.norm(qv, axis=1, keepdims=True)).astype(np.float32)
            exact = {ids[p] for p in flat.search(qv, 10)[1][0]}
            found = {i for i, _ in index.search(qv[0], 10)}
            recall.append(len(exact & found) / 10)
        res = {
            "kind": info["kind"], "load_s": load_s, "build_s": build_s,
            "p50": pct(total, 0.5), "p95": pct(total, 0.95),
            "embed_p50": pct(emb, 0.5), "vector_p50": pct(vec, 0.5), "vector_p95": pct(vec, 0.95),
            "keyword_p50": pct(kw, 0.5), "keyword_p95": pct(kw, 0.95),
            "flat_p50": pct(flat_ms, 0.5), "flat_p95": pct(flat_ms, 0.95), "recall10": statistics.mean(recall),
        }
        out[size] = res
        print(f"\n3. retrieval at {size:,} chunks ({res['kind']} index; stored in {load_s:.0f}s, index built in "
              f"{build_s:.1f}s), {len(questions)} questions:")
        print(f"   search p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms  (target p95 <= 30 ms at 100k: "
              f"{verdict(res['p95'] <= 30) if size >= 100000 else 'n/a'})")
        print(f"   parts p50: question embedding {res['embed_p50']:.1f} ms, vector {res['vector_p50']:.2f} ms "
              f"(p95 {res['vector_p95']:.2f}), keyword {res['keyword_p50']:.1f} ms (p95 {res['keyword_p95']:.1f})")
        print(f"   vector search vs exact flat search (baseline): p95 {res['vector_p95']:.2f} vs {res['flat_p95']:.2f} ms "
              f"= {res['vector_p95'] / res['flat_p95']:.2f}x; recall@10 {res['recall10']:.3f}", flush=True)
        storage.close()
        shutil.rmtree(folder, ignore_errors=True)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=1200, help="texts embedded per measurement (default 1200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the chunks/s measurements (default 3)")
    parser.add_argument("--crawl-pages", type=int, default=1000, help="pages of the crawl comparison (default 1000)")
    parser.add_argument("--crawl-rounds", type=int, default=1, help="rounds of the crawl comparison (default 1)")
    parser.add_argument("--sizes", default="10000,100000", help="chunk counts of the retrieval test")
    parser.add_argument("--skip-chunks", action="store_true")
    parser.add_argument("--skip-crawl", action="store_true")
    parser.add_argument("--skip-retrieval", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]

    import torch

    from scrapejet.index.model import EmbeddingModel

    work = Path(tempfile.mkdtemp(prefix="scrapejet-bench-emb-"))
    print(f"machine: {os.cpu_count()} cores, torch {torch.__version__} ({torch.backends.cpu.get_cpu_capability()}); "
          f"work dir {work}")
    results: dict = {}
    try:
        start = time.perf_counter()
        model = EmbeddingModel.from_settings(settings_for(work))
        print(f"model {model.name} loaded in {time.perf_counter() - start:.1f}s; precision "
              f"{'bfloat16 autocast' if model.bf16 else 'float32'}")
        if not args.skip_chunks:
            results["chunks"] = bench_chunks(args, model, work)
        if not args.skip_crawl:
            print(f"\n2. crawl of {args.crawl_pages + 1} pages, one worker, embeddings off vs on:", flush=True)
            results["crawl"] = bench_crawl(args, work)
        if not args.skip_retrieval:
            results["retrieval"] = bench_retrieval(args, model, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
