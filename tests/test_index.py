"""The embedding pipeline and the index, on real parts: the bundled
all-MiniLM-L6-v2 model, FAISS, SQLite and PostgreSQL, and `scrapy crawl`
processes crawling the loopback fixture web with embeddings on."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time

import pytest

from scrapejet.index.search import Retriever
from scrapejet.storage import Storage
from scrapejet.storage.chunks import ChunkStore  # the type of storage.chunks
from tests.conftest import ROOT

ON = {"SCRAPEJET_EMBEDDINGS": "on"}


@pytest.fixture(scope="session")
def model():
    """The embedding model, loaded once for the in-process tests."""
    from scrapy.settings import Settings

    import scrapejet.settings as module
    from scrapejet.index.model import EmbeddingModel

    settings = Settings()
    settings.setmodule(module)
    return EmbeddingModel.from_settings(settings)


def stat(stderr: str, name: str) -> int:
    """A counter from the stats Scrapy logs at the end of a crawl."""
    m = re.search(rf"'{re.escape(name)}': (\d+)", stderr)
    return int(m.group(1)) if m else 0


def page(site, path, title, markdown, content_hash=None):
    url = f"http://{site}{path}"
    return {"url": url, "final_url": url, "site": site, "title": title, "markdown": markdown,
            "content_hash": content_hash or str(hash(markdown))}


def embed_all(store: ChunkStore, model) -> int:
    from scrapejet.index.embedder import embed_pending

    return embed_pending(store, model)[0]


# -- the crawl ------------------------------------------------------------------------
def test_a_crawl_embeds_every_page_and_a_recrawl_embeds_nothing(env, web, tmp_path, model):
    out = tmp_path / "shop.jsonl"
    result = env.scrapy("crawl", "generic", "-a", f"url={web.url('shop.test')}", "-O", str(out), env=ON, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(items) == 18

    storage = env.storage()
    store = storage.chunks
    counts = store.counts()
    assert list(counts) == ["shop.test"]
    n = counts["shop.test"]["chunks"]
    # every page has chunks, and every chunk its vector (embedded before the crawl ended)
    assert counts["shop.test"] == {"chunks": n, "embedded": n, "pending": 0}
    with storage.engine.connect() as conn:
        from sqlalchemy import select

        from scrapejet.storage.schema import chunks

        chunked = {r[0] for r in conn.execute(select(chunks.c.url).distinct())}
    assert {i["final_url"] for i in items} <= chunked
    assert stat(result.stderr, "embed/encoded") == n == stat(result.stderr, "embed/chunks_new")
    # the site's index holds them, in a file of its own
    meta = json.loads((env.data_dir / "index" / "shop.test" / "meta.json").read_text())
    assert (meta["kind"], meta["count"], meta["model"], meta["dim"]) == ("flat", n, "all-MiniLM-L6-v2", 384)

    retriever = Retriever.from_settings(env.settings(), storage, model=model)
    # a fact stated on one page: that page first, found by meaning
    hits = retriever.search("How many evenings does the lantern battery last?", site="shop.test", k=3)
    assert hits[0].url.endswith("/products/1") and hits[0].vector_score > 0.3
    assert hits[0].title.startswith("Trail Lantern") and "three long autumn evenings" in hits[0].text
    hits = retriever.search("Which fabric is the rucksack made of?", site="shop.test", k=3)
    assert hits[0].url.endswith("/products/2")
    # an exact number: found by keyword
    hits = retriever.search("14.50", site="shop.test", k=3)
    assert hits[0].url.endswith("/products/3") and hits[0].keyword_score is not None
    assert retriever.catch_up("shop.test") == 0

    # the same site again, unchanged: nothing is chunked or embedded again,
    # and the model is not even loaded
    again = env.scrapy("crawl", "generic", "-a", f"url={web.url('shop.test')}", env=ON, timeout=240)
    assert again.returncode == 0, again.stderr[-3000:]
    assert stat(again.stderr, "embed/encoded") == 0 and stat(again.stderr, "embed/pages_chunked") == 0
    assert "embedding model" not in again.stderr
    assert store.counts()["shop.test"] == {"chunks": n, "embedded": n, "pending": 0}

    # the API reports the index, and deleting the site deletes its chunks and index
    from scrapejet.api import create_app

    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(**ON)})
    client = app.test_client()
    site = client.get("/sites/shop.test").get_json()
    assert site["chunks"] == n
    assert site["index"] | {"built_at": None, "detail": None} == {
        "available": True, "kind": "flat", "vectors": n, "embedded": n, "pending": 0,
        "model": "all-MiniLM-L6-v2", "built_at": None, "detail": None,
    }
    assert client.get("/sites").get_json()["sites"][0]["index"]["vectors"] == n
    assert client.get("/health").get_json()["components"]["index"]["status"] == "ok"
    deleted = client.delete("/sites/shop.test").get_json()
    assert deleted["chunks_deleted"] == n and deleted["index_deleted"] is True
    assert store.counts() == {} and not (env.data_dir / "index" / "shop.test").exists()
    app.extensions["scrapejet"].close()


# -- changes, persistence, processes ---------------------------------------------------
def test_changed_pages_keep_the_vectors_of_unchanged_chunks(env, model):
    store = env.storage().chunks
    intro = "# Tearoom\n\nWe bake scones every morning with clotted cream and jam from the farm.\n\n"
    hours = "## Hours\n\nOpen Tuesday to Sunday from nine until five.\n\n"
    first = store.store_pages([page("tea.test", "/", "Tea", intro + hours, "v1")], model=model.name, max_words=20)
    assert len(first.todo) == 2 and first.pages == 1
    assert embed_all(store, model) == 2
    # re-stored unchanged: nothing to do
    assert store.store_pages([page("tea.test", "/", "Tea", intro + hours, "v1")], model=model.name,
                             max_words=20).todo == []
    # the hours change: one chunk is new, the other keeps its id and vector
    hours2 = "## Hours\n\nOpen every day from eight until six, also on bank holidays.\n\n"
    second = store.store_pages([page("tea.test", "/", "Tea", intro + hours2, "v2")], model=model.name, max_words=20)
    assert len(second.todo) == 1 and second.reused == 1 and "bank holidays" in second.todo[0][2]
    assert store.counts()["tea.test"] == {"chunks": 2, "embedded": 1, "pending": 1}


def test_texts_that_do_not_fit_in_the_queue_are_embedded_anyway(env, model):
    from scrapejet.index.embedder import Embedder

    settings = env.settings(SCRAPEJET_EMBED_QUEUE=1)
    storage = env.storage()
    store = storage.chunks
    embedder = Embedder(settings, storage, model=model)
    for i in range(12):
        stored = store.store_pages([page("busy.test", f"/{i}", f"Page {i}", f"# Page {i}\n\nFact number {i}.")],
                                   model=model.name)
        embedder.submit(stored.todo, stored.sites)
    assert embedder.wait_idle(60)
    assert embedder.stats["overflow"] > 0 and embedder.stats["encoded"] == 12
    assert store.counts()["busy.test"] == {"chunks": 12, "embedded": 12, "pending": 0}
    assert json.loads((env.data_dir / "index" / "busy.test" / "meta.json").read_text())["count"] == 12


def test_the_index_is_shared_by_processes_and_rebuilt_from_storage(env, model):
    settings = env.settings()
    storage = env.storage()
    store = storage.chunks
    site = "bakery.test"
    store.store_pages([
        page(site, "/", "Bakery", "# Bakery\n\nSourdough loaves baked in a wood-fired oven before dawn."),
        page(site, "/cakes", "Cakes", "# Cakes\n\nBirthday cakes need three days notice and come in four sizes."),
    ], model=model.name)
    retriever = Retriever.from_settings(settings, storage, model=model)
    assert retriever.catch_up(site) == 2
    assert retriever.search("custom cake order", site=site, k=1)[0].url.endswith("/cakes")

    # another page, stored without its vector (as if its process died)...
    store.store_pages([page(site, "/delivery", "Delivery",
                            "# Delivery\n\nOur cargo bike delivers bread to offices in the old town on weekdays.")],
                      model=model.name)
    hits = retriever.search("Do you deliver to my office?", site=site, k=3)
    assert all(h.vector_score is None for h in hits if h.url.endswith("/delivery"))
    # ...is embedded by another process, whose index this process then reads
    result = env.scrapejet("index", "catch-up", site, timeout=180)
    assert result.returncode == 0 and "embedded 1 chunk" in result.stdout, result.stdout + result.stderr
    hits = retriever.search("Do you deliver to my office?", site=site, k=3)
    assert hits[0].url.endswith("/delivery") and hits[0].vector_score is not None
    assert json.loads((env.data_dir / "index" / site / "meta.json").read_text())["count"] == 3

    # the index files are a cache: deleted, they are rebuilt from storage with the same results
    questions = ["wood-fired oven", "How much notice for a birthday cake?", "cargo bike"]
    before = [[(h.chunk_id, round(h.score, 6)) for h in retriever.search(q, site=site)] for q in questions]
    shutil.rmtree(env.data_dir / "index" / site)
    assert all(h.vector_score is None for q in questions for h in retriever.search(q, site=site))
    status = env.scrapejet("index", "status", site, "--json")
    assert json.loads(status.stdout)[0] | {"built_at": 0} == {
        "site": site, "chunks": 3, "embedded": 3, "pending": 0, "kind": None, "vectors": None, "model": None,
        "dim": None, "built_at": 0}
    assert retriever.rebuild(site)["count"] == 3
    after = [[(h.chunk_id, round(h.score, 6)) for h in retriever.search(q, site=site)] for q in questions]
    assert after == before


def test_one_text_served_at_several_urls_is_one_source(env, model):
    storage = env.storage()
    site = "mirror.test"
    home = "# Mirror Bakery\n\nRye bread and cinnamon buns baked every morning on Mill Street."
    storage.chunks.store_pages([
        page(site, "/", "Mirror Bakery", home, "same"),
        page(site, "/index.html", "Mirror Bakery", home, "same"),  # the same page under its file name
        page(site, "/hours", "Hours", "# Hours\n\nThe bakery opens at seven and closes at two.", "h"),
    ], model=model.name)
    retriever = Retriever.from_settings(env.settings(), storage, model=model)
    assert retriever.catch_up(site) == 3
    hits = retriever.search("Which bread does the bakery bake?", site=site, k=3)
    assert [h.url for h in hits] == ["http://mirror.test/", "http://mirror.test/hours"]


def test_an_idle_worker_embeds_chunks_a_dead_process_left(env, model, workers):
    store = env.storage().chunks
    site = "orphan.test"
    stored = store.store_pages([page(site, "/", "Orphan", "# Orphan\n\nChunks stored by a worker that then died.")],
                               model=model.name)
    assert len(stored.todo) == 1
    with store.engine.begin() as conn:  # stored ten minutes ago, never embedded
        from scrapejet.storage.schema import chunks

        conn.execute(chunks.update().values(created_at=time.time() - 600))
    workers.append(env.worker(env={**ON, "SCRAPEJET_EMBED_CATCHUP_AGE_S": "5"}))
    from tests.conftest import wait_for

    wait_for(lambda: store.counts()[site]["pending"] == 0, 90, 0.5, what="the idle worker's catch-up")
    wait_for(lambda: (env.data_dir / "index" / site / "meta.json").exists(), 30, 0.2, what="the index")
    assert json.loads((env.data_dir / "index" / site / "meta.json").read_text())["count"] == 1


def test_hnsw_past_the_threshold_and_recorded(env, model):
    settings = env.settings(SCRAPEJET_INDEX_HNSW_THRESHOLD=6)
    storage = env.storage()
    store = storage.chunks
    site = "big.test"
    topics = ["kayak rental", "bicycle repair", "ski lessons", "climbing wall", "sauna booking", "yoga classes",
              "tennis courts", "swimming pool"]
    store.store_pages([page(site, f"/{i}", t.title(), f"# {t.title()}\n\nWe offer {t} every weekend, "
                                                         f"ask at the desk for {t} prices.")
                       for i, t in enumerate(topics[:4])], model=model.name)
    retriever = Retriever.from_settings(settings, storage, model=model)
    retriever.catch_up(site)
    meta_path = env.data_dir / "index" / site / "meta.json"
    assert json.loads(meta_path.read_text())["kind"] == "flat"
    store.store_pages([page(site, f"/{i}", t.title(), f"# {t.title()}\n\nWe offer {t} every weekend, "
                                                         f"ask at the desk for {t} prices.")
                       for i, t in enumerate(topics) if i >= 4], model=model.name)
    retriever.catch_up(site)
    meta = json.loads(meta_path.read_text())
    assert (meta["kind"], meta["count"], meta["hnsw_threshold"]) == ("hnsw", 8, 6)
    assert retriever.search("where can I swim?", site=site, k=1)[0].url.endswith("/7")
    # a changed page in an HNSW index: its old chunk is never returned
    store.store_pages([page(site, "/7", "Pool", "# Pool\n\nThe pool is closed for repairs until June.", "new")],
                      model=model.name)
    retriever.catch_up(site)
    hits = retriever.search("swimming pool", site=site, k=8)
    assert [h.text for h in hits if h.url.endswith("/7")] == ["Pool\nThe pool is closed for repairs until June."]


def test_embeddings_off_stores_no_chunks_and_never_imports_torch(env, web, tmp_path):
    # importing the pipeline imports none of the heavy packages
    probe = ("import sys, scrapejet.pipelines.embed, scrapejet.index.search, scrapejet.storage; "
             "print(sorted(m for m in ('torch', 'sentence_transformers', 'faiss', 'numpy') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT).stdout.strip() == "[]"
    # a crawl with SCRAPEJET_EMBEDDINGS=off: no chunks, and torch never imported
    script = tmp_path / "crawl.py"
    script.write_text(
        "import atexit, sys\n"
        "atexit.register(lambda: print('HEAVY', [m for m in ('torch', 'sentence_transformers', 'faiss')"
        " if m in sys.modules], file=sys.stderr))\n"
        "from scrapy.cmdline import execute\n"
        f"execute(['scrapy', 'crawl', 'generic', '-a', 'url={web.url('shop.test')}', '-a', 'max_pages=5'])\n"
    )
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env.environ(SCRAPEJET_EMBEDDINGS="off"),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "HEAVY []" in result.stderr
    assert "'item_scraped_count': 5" in result.stderr
    assert env.storage().chunks.counts() == {}


# -- keyword search on both databases ---------------------------------------------------
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_keyword_search_finds_exact_emails_and_numbers(backend, env, model, tmp_path, request):
    if backend == "postgresql":
        url = request.getfixturevalue("postgres_url")
        settings = env.settings(DATABASE_URL=url)
    else:
        settings = env.settings()
    storage = Storage.from_settings(settings)
    assert storage.dialect == backend
    store = storage.chunks
    site = f"dental-{time.time_ns()}.test"
    store.store_pages([
        page(site, "/", "Harbor Dental", "# Harbor Dental Studio\n\nGentle family dentistry by the harbour."),
        page(site, "/contact", "Contact", "# Contact\n\nBook at frontdesk@harbordentalstudio.com or call "
                                          "(207) 555-0143. Emergencies: +1 207 555 0199."),
        page(site, "/careers", "Careers", "# Careers\n\nSend your CV to jobs@harbordentalstudio.com."),
        page(site, "/prices", "Prices", "# Prices\n\nA check-up costs 85 dollars, whitening 320 dollars."),
    ], model=model.name)

    def top(question):
        hits = store.keyword(question, site=site, limit=5)
        return store.rows([hits[0][0]])[hits[0][0]]["url"] if hits else None

    assert top("frontdesk@harbordentalstudio.com").endswith("/contact")
    assert top("What is jobs@harbordentalstudio.com for?").endswith("/careers")
    assert top("555-0143").endswith("/contact")
    assert top("320").endswith("/prices")
    assert store.keyword("the of and", site=site) == []
    assert store.keyword("zebra", site=site) == []
    # and the whole retrieval on this database: vectors and keywords fused
    retriever = Retriever.from_settings(settings, storage, model=model)
    assert retriever.catch_up(site) == 4
    hits = retriever.search("How much does teeth whitening cost?", site=site, k=2)
    assert hits[0].url.endswith("/prices") and hits[0].vector_score and hits[0].keyword_score
    hits = retriever.search("frontdesk@harbordentalstudio.com", k=2)  # every site
    assert hits[0].url.endswith("/contact") and hits[0].site == site
    assert storage.chunks.delete_site(site) == 4
    storage.close()
