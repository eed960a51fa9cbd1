"""Benchmark of the embedding pipeline and the index (not a test).

    .venv/bin/python bench/embeddings.py [--chunks 1200] [--rounds 3] [--crawl-pages 1000]
                                         [--sizes 10000,100000] [--skip-crawl] [--skip-retrieval]
    make bench-embeddings

Everything is measured in the same run, on the same machine, against a
baseline measured alongside it:

1. Chunks/s of the pipeline's embedding path (chunks queued to the embedding
   thread -> encoded -> vectors written to SQLite -> the site's FAISS index
   written) against raw ``SentenceTransformer.encode`` on the same texts:
   float32 as a user would call it, and at the precision the pipeline picks.
   The texts are the chunks of the six real sites in tests/realsites and
   the business fixtures, cycled to ``--chunks``. Targets: >= 0.7x raw and
   >= 150 chunks/s.
2. Crawl pages/s of one ScrapeJET worker with embeddings on against off
   (bench/crawl_throughput.py's variant (c) on its local bench.test site):
   the crawl phase, and end to end (the spider closes once its chunks are
   embedded and indexed).
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
    import numpy as np
    import torch

    from scrapejet.index.embedder import Embedder
    from scrapejet.storage import Storage
    from scrapejet.storage.schema import chunks

    pages = corpus_pages()
    settings = settings_for(work / "chunks")
    storage = Storage.from_settings(settings)
    store = storage.chunks
    t0 = time.perf_counter()
    stored = store.store_pages(pages, model=model.name)
    chunk_s = time.perf_counter() - t0
    todo = stored.todo
    real = len(todo)
    # cycle the real chunks up to --chunks (new rows, so each is embedded)
    extra = []
    i = 0
    while len(todo) + len(extra) < args.chunks:
        cid, site, text = todo[i % real]
        extra.append({"site": site, "canonical_url": f"http://{site}/copy/{i}", "url": f"http://{site}/copy/{i}",
                      "title": None, "heading_path": [], "position": 0, "text": text,
                      "content_hash": f"{i:064d}", "created_at": time.time()})
        i += 1
    if extra:
        with storage.engine.begin() as conn:
            conn.execute(chunks.insert(), extra)
        todo = store.pending(model=model.name, limit=10**9)
    texts = [t for _, _, t in todo]
    words = [len(t.split()) for t in texts]
    print(f"\n1. chunks/s: {len(pages)} real pages -> {real} chunks (chunked and stored in {chunk_s * 1000:.0f} ms, "
          f"{chunk_s / len(pages) * 1000:.2f} ms/page on the reactor side), cycled to {len(texts)}; "
          f"words per chunk median {median(words):.0f}, max {max(words)}", flush=True)

    st = model.model
    cores = os.cpu_count() or 1
    raw_fp32, raw_same, pipe_one, pipe_all = [], [], [], []

    def reset():
        with storage.engine.begin() as conn:
            conn.execute(chunks.update().values(vector=None, embedded_at=None, model=None))
        shutil.rmtree(work / "chunks" / "index", ignore_errors=True)

    def run_pipeline(threads: int) -> float:
        reset()
        model.threads = threads
        embedder = Embedder(settings, storage, model=model)
        start = time.perf_counter()
        for k in range(0, len(todo), 3):  # about a page's chunks per submit, as the pipeline hands them
            embedder.submit(todo[k:k + 3], set())
        assert embedder.wait_idle(3600)
        elapsed = time.perf_counter() - start
        assert all(c["pending"] == 0 for c in store.counts().values())
        return len(texts) / elapsed

    def raw(threads: int, bf16: bool, batch: int | None) -> float:
        torch.set_num_threads(threads)
        start = time.perf_counter()
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            np.asarray(st.encode(texts, **({"batch_size": batch} if batch else {})))
        return len(texts) / (time.perf_counter() - start)

    raw(cores, False, None)  # warm-up
    for _ in range(args.rounds):
        # as a user calls it: float32, its default batch (32), every core
        raw_fp32.append(raw(cores, False, None))
        # what the pipeline runs: its precision, batch and thread count
        raw_same.append(raw(1, model.bf16, model.batch_size))
        pipe_one.append(run_pipeline(1))
        pipe_all.append(run_pipeline(cores))
        print(f"   round: raw encode float32 ({cores} threads) {raw_fp32[-1]:.1f} | raw encode, pipeline settings "
              f"{raw_same[-1]:.1f} | pipeline (1 thread, default) {pipe_one[-1]:.1f} | pipeline ({cores} threads) "
              f"{pipe_all[-1]:.1f} chunks/s", flush=True)
    storage.close()
    out = {
        "chunks": len(texts), "precision": "bfloat16" if model.bf16 else "float32", "batch": model.batch_size,
        "raw_fp32": median(raw_fp32), "raw_same_settings": median(raw_same),
        "pipeline_one_thread": median(pipe_one), "pipeline_all_cores": median(pipe_all),
        "chunk_store_ms_per_page": chunk_s / len(pages) * 1000,
    }
    best = out["pipeline_one_thread"]
    print(f"   medians (chunks/s): raw SentenceTransformer.encode float32 {out['raw_fp32']:.1f} | raw encode with "
          f"the pipeline's settings ({out['precision']}, batch {out['batch']}, 1 thread) {out['raw_same_settings']:.1f}"
          f" | pipeline {best:.1f} | pipeline on {cores} threads {out['pipeline_all_cores']:.1f}")
    print(f"   pipeline / raw float32 encode         = {best / out['raw_fp32']:.2f}  (target >= 0.7: "
          f"{verdict(best / out['raw_fp32'] >= 0.7)})")
    print(f"   pipeline / raw encode, same settings  = {best / out['raw_same_settings']:.2f}  (target >= 0.7: "
          f"{verdict(best / out['raw_same_settings'] >= 0.7)})")
    print(f"   pipeline chunks/s = {best:.1f}  (target >= 150: {verdict(best >= 150)})")
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
    finally:
        redis_srv.stop()
        web.stop()
    off = median([r["pps"] for r in results["off"]])
    on = median([r["pps"] for r in results["on"]])
    on_crawl = median([r["crawl_pps"] for r in results["on"]])
    off_crawl = median([r["crawl_pps"] for r in results["off"]])
    print(f"   medians: off {off:.1f} pages/s; on {on:.1f} pages/s end to end ({on / off:.2f}x off), "
          f"{on_crawl:.1f} pages/s crawl phase ({on_crawl / off_crawl:.2f}x off); peak RSS off "
          f"{max(r['rss_mb'] for r in results['off']):.0f} MB, on {max(r['rss_mb'] for r in results['on']):.0f} MB")
    return {"off_pps": off, "on_pps": on, "on_crawl_pps": on_crawl, "off_crawl_pps": off_crawl,
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
