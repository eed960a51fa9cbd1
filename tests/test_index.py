"""The index queue, the indexer and the index, on real parts: the bundled
all-MiniLM-L6-v2 model, FAISS, SQLite and PostgreSQL, `scrapy crawl`
processes crawling the loopback fixture web with embeddings on, and
`scrapejet indexer` processes (killed, too)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import pytest

from scrapejet.extract.chunking import OUTSIDE
from scrapejet.index.search import Retriever
from scrapejet.storage import Storage
from scrapejet.storage.chunks import ChunkStore  # the type of storage.chunks
from tests.conftest import BIN, ROOT

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


def page(site, path, title, markdown, content_hash=None):
    url = f"http://{site}{path}"
    return {"url": url, "final_url": url, "site": site, "title": title, "markdown": markdown,
            "content_hash": content_hash or str(hash(markdown))}


def embed_all(store: ChunkStore, model) -> int:
    from scrapejet.index.indexer import embed_pending

    return embed_pending(store, model)[0]


# -- the crawl ------------------------------------------------------------------------
def test_a_crawl_queues_its_pages_and_the_indexer_embeds_them_off_its_path(env, web, tmp_path, model):
    out = tmp_path / "shop.jsonl"
    result = env.scrapy("crawl", "generic", "-a", f"url={web.url('shop.test')}", "-O", str(out), env=ON, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(items) == 18

    storage = env.storage()
    store = storage.chunks
    # the crawl stored and queued every page, and neither chunked nor embedded any
    assert "embedding model" not in result.stderr
    assert storage.index_queue.counts() == {"shop.test": {"queued": 18, "claimed": 0, "failed": 0}}
    assert store.counts() == {}

    # an indexer (its own process) chunks and embeds them, and empties the queue
    indexed = env.scrapejet("indexer", "--once", env=ON, timeout=300)
    assert indexed.returncode == 0, indexed.stderr[-3000:]
    assert "indexed 18 page(s)" in indexed.stdout, indexed.stdout
    counts = store.counts()
    assert list(counts) == ["shop.test"]
    n = counts["shop.test"]["chunks"]
    assert counts["shop.test"] == {"chunks": n, "embedded": n, "pending": 0} and n >= 18
    assert storage.index_queue.counts() == {}
    with storage.engine.connect() as conn:
        from sqlalchemy import select

        from scrapejet.storage.schema import chunks

        chunked = {r[0] for r in conn.execute(select(chunks.c.url).distinct())}
    assert {i["final_url"] for i in items} <= chunked
    assert f"embedded {n} chunk(s)" in indexed.stdout
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

    # the same site again, unchanged: its pages are queued again, and the
    # indexer finds every chunk as it was: nothing is embedded again
    again = env.scrapy("crawl", "generic", "-a", f"url={web.url('shop.test')}", env=ON, timeout=240)
    assert again.returncode == 0, again.stderr[-3000:]
    assert storage.index_queue.waiting("shop.test") == 18
    reindexed = env.scrapejet("indexer", "--once", env=ON, timeout=300)
    assert "indexed 18 page(s), embedded 0 chunk(s)" in reindexed.stdout, reindexed.stdout + reindexed.stderr[-2000:]
    assert store.counts()["shop.test"] == {"chunks": n, "embedded": n, "pending": 0}

    # the API reports the index, and deleting the site deletes its chunks and index
    from scrapejet.api import create_app

    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings(**ON)})
    client = app.test_client()
    site = client.get("/sites/shop.test").get_json()
    assert site["chunks"] == n
    assert site["index"] | {"built_at": None, "detail": None} == {
        "available": True, "kind": "flat", "vectors": n, "embedded": n, "pending": 0, "queued_pages": 0,
        "failed_pages": 0, "model": "all-MiniLM-L6-v2", "built_at": None, "detail": None,
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


def test_a_footer_every_page_repeats_is_one_chunk_of_the_site_and_is_found(env, model):
    storage = env.storage()
    store = storage.chunks
    footer = "Tearoom Ada Marsh\nHarbour Lane 7, 4053 Basel\nOpen Tuesday to Sunday 9:00 - 17:00"
    body = {"/": "# Tearoom\n\nWe bake scones every morning with clotted cream and jam from the farm.",
            "/menu": "# Menu\n\nScones, tea cakes and a pot of Assam or Darjeeling for two.",
            "/events": "# Events\n\nOn Fridays a harpist plays by the window from four o'clock."}

    def pages(foot, version):
        return [{**page("tea.test", path, path.strip("/") or "Home", md, f"{version}{path}"), "outside_text": foot}
                for path, md in body.items()]

    def around():
        rows = store.rows(store.vector_ids("tea.test", model.name))
        return sorted((r["url"], r["text"]) for r in rows.values() if r["heading_path"] == [OUTSIDE])

    store.store_pages(pages(footer, "v1"), model=model.name)
    embed_all(store, model)
    assert around() == [("http://tea.test/", footer)]  # three pages, one footer chunk
    assert store.counts()["tea.test"]["chunks"] == 4
    # the page holding it changes: the footer stays, once
    store.store_pages([{**page("tea.test", "/", "Home", body["/"] + " Now with oat milk.", "v2/"),
                        "outside_text": footer}], model=model.name)
    embed_all(store, model)
    assert [u for u, _ in around()] == ["http://tea.test/"]
    # the footer changes on another page only: that page holds the new one, the old stays where it was
    moved = footer.replace("Harbour Lane 7", "Quay Street 2")
    store.store_pages([{**pages(moved, "v1")[1]}], model=model.name)
    embed_all(store, model)
    assert around() == [("http://tea.test/", footer), ("http://tea.test/menu", moved)]
    # and it is what answers a question about the place
    retriever = Retriever.from_settings(env.settings(), storage, model=model)
    retriever.catch_up("tea.test")
    hits = retriever.search("Where is the tearoom? What is its address?", site="tea.test", k=3)
    assert any("Quay Street 2" in h.text or "Harbour Lane 7" in h.text for h in hits)
    # one footer among the sources, not both versions of it (they name the
    # place, so they resemble every question about it)
    assert sum(h.heading_path == [OUTSIDE] for h in hits) == 1 and len(hits) == 3


def test_a_passage_holding_the_kind_of_value_asked_for_is_retrieved_without_its_label(env, model):
    """"Hvad er adressen?" on a site whose address is a footer's two lines,
    with no word for "address" near them: the passages that hold an address
    are a ranking of their own, so the footer is among the sources."""
    from scrapejet.insights.qtype import asked_kind, holding

    storage = env.storage()
    site = "varle.test"
    name = "Tømrermester Daniel Varle ApS"
    prose = [f"# {topic}\n\n{name} udfører {topic.lower()} i hele Sjælland. Hos {name} får du rådgivning, "
             f"tilbud og kvalitetsarbejde til den aftalte tid og pris." for topic in
             ("Tagarbejde", "Tilbygninger", "Vinduer", "Døre", "Carporte", "Renovering", "Kontakt")]
    footer = "Violens Kvt 4A,\n2620 Albertslund\nTelefon: 53 27 24 45"
    storage.chunks.store_pages(
        [{**page(site, f"/p{i}", name, md, f"h{i}"), "outside_text": footer} for i, md in enumerate(prose)],
        model=model.name)
    retriever = Retriever.from_settings(env.settings(), storage, model=model)
    retriever.catch_up(site)
    question = f"Hvad er adressen på {name}?"
    holds = holding(question, asked_kind(question))
    assert holds(footer) and not holds(prose[0])
    hits = retriever.search(question, site=site, k=3, holds=holds)
    assert any("Violens Kvt 4A" in h.text for h in hits)


def test_price_cards_around_the_main_content_are_sources_beside_the_footer(env, model):
    """A price list set as boxes is left around a page's main content, each
    box a passage of its own ("Doprava" / "7 Kč/km"): a price question gets
    every box that holds a price, not only the best one, while other
    passages around the main content stay one at most."""
    from scrapejet.insights.qtype import asked_kind, holding

    storage = env.storage()
    site = "masaze.test"
    main = ("# Ceník\n\nKlasická masáž celého těla je účinná metoda pro uvolnění svalů.\n\n"
            "Do 5 km zdarma. Pokud budou na jednom místě 4 klienti, doprava bude také zdarma.")
    around = "Klasická masáž - 60 minut 600 Kč\n\nDoprava 7 Kč/km\n\nJan Veselý · Masáže u Vás doma"
    storage.chunks.store_pages([{**page(site, "/cenik", "Ceník", main, "c"), "outside_text": around},
                                {**page(site, "/", "Úvod", "# Masáže u Vás doma\n\nPřijedu za vámi domů.", "u"),
                                 "outside_text": "Jan Veselý · Masáže u Vás doma"}], model=model.name)
    retriever = Retriever.from_settings(env.settings(), storage, model=model)
    retriever.catch_up(site)
    question = "How much does Jan Veselý charge for travel to the client?"
    kind = asked_kind(question)
    holds = holding(question, kind)
    assert kind == "price"
    hits = retriever.search(question, site=site, k=5, holds=holds, cards=holds)
    assert any("7 Kč/km" in h.text for h in hits) and any("600 Kč" in h.text for h in hits)
    assert sum(h.heading_path == [OUTSIDE] and not holds(h.text) for h in hits) <= 1
    hits = retriever.search(question, site=site, k=5, holds=holds)
    assert sum(h.heading_path == [OUTSIDE] for h in hits) == 1


def _queue_pages(storage, site: str, n: int, job: str = "job-1") -> None:
    """n pages stored (and queued) as a crawl with embeddings on stores them."""
    storage.upsert_pages([
        {"job_id": job, "url": f"http://{site}/p{i}", "final_url": f"http://{site}/p{i}", "site": site,
         "status": 200, "title": f"Page {i}", "markdown": f"# Page {i}\n\nFact number {i}: the kiln fires at "
         f"{900 + i} degrees on day {i} of the month.", "text": f"Fact number {i}.", "content_hash": f"h{i}",
         "fetched_at": time.time()}
        for i in range(n)], index=True)


def test_an_indexer_killed_mid_queue_leaves_nothing_behind(env, model):
    """kill -9 an indexer while it works: its claimed pages go to the next
    indexer once their lease runs out; every page is indexed, none twice."""
    storage = env.storage()
    site = "kiln.test"
    _queue_pages(storage, site, 60)
    fast = {**ON, "SCRAPEJET_INDEX_BATCH_PAGES": "4", "SCRAPEJET_INDEX_LEASE_S": "3"}
    proc = subprocess.Popen([str(BIN / "scrapejet"), "indexer"], cwd=ROOT,
                            env=env.environ(**fast), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    from tests.conftest import wait_for

    try:
        # killed once it has indexed some pages, with others claimed
        wait_for(lambda: 0 < storage.chunks.counts().get(site, {}).get("embedded", 0), 120, 0.05,
                 what="the first indexed pages")
    finally:
        proc.kill()
        proc.wait(10)
    # rows leave the queue only when their batch is done: some (or all) still wait
    assert storage.index_queue.waiting(site) > 0
    # a second indexer and a question's own indexing share what is left
    second = subprocess.Popen([str(BIN / "scrapejet"), "indexer", "--once"], cwd=ROOT,
                              env=env.environ(**fast), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    from scrapejet.index.indexer import Indexer

    here = Indexer.from_settings(env.settings(**fast), storage, model=model)
    here.drain(site, timeout=120)
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err[-3000:]
    assert storage.index_queue.counts() == {}
    counts = storage.chunks.counts(site)[site]
    assert counts == {"chunks": 60, "embedded": 60, "pending": 0}  # one chunk per page: none stored twice
    meta = json.loads((env.data_dir / "index" / site / "meta.json").read_text())
    assert meta["count"] == 60
    retriever = Retriever.from_settings(env.settings(), storage, model=model)
    assert retriever.search("At what temperature does the kiln fire on day 37?", site=site, k=1)[0].url.endswith("/p37")


def test_a_page_stored_again_while_it_is_indexed_is_indexed_again(env, model):
    storage = env.storage()
    site = "race.test"
    _queue_pages(storage, site, 1)
    queue = storage.index_queue
    rows = queue.claim("indexer-a", limit=10, lease_s=60)
    assert [r["canonical_url"] for r in rows] == ["http://race.test/p0"]
    # nobody else gets it while it is claimed
    assert queue.claim("indexer-b", limit=10, lease_s=60) == []
    # the crawl stores the page again, changed, before indexer-a is done
    storage.upsert_pages([{"job_id": "job-2", "url": "http://race.test/p0", "final_url": "http://race.test/p0",
                           "site": site, "status": 200, "title": "Page 0", "markdown": "# Page 0\n\nNew text.",
                           "content_hash": "changed", "fetched_at": time.time()}], index=True)
    queue.done("indexer-a", rows)
    # the new version stays queued, and is what an indexer reads next
    again = queue.claim("indexer-b", limit=10, lease_s=60)
    assert [(r["job_id"], r["page_hash"]) for r in again] == [("job-2", "changed")]
    assert queue.latest_pages(again)[0]["markdown"] == "# Page 0\n\nNew text."
    # a failed attempt goes back with its reason, and is tried again later
    queue.release("indexer-b", again, "RuntimeError: disk full", retry_s=0)
    assert queue.errors(site)[0]["error"] == "RuntimeError: disk full"
    assert queue.claim("indexer-c", limit=10, lease_s=60)[0]["page_hash"] == "changed"


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
        "site": site, "chunks": 3, "embedded": 3, "pending": 0, "queued_pages": 0, "failed_pages": 0,
        "kind": None, "vectors": None, "model": None, "dim": None, "built_at": 0}
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


def test_an_idle_indexer_embeds_chunks_left_without_vectors(env, model):
    store = env.storage().chunks
    site = "orphan.test"
    stored = store.store_pages([page(site, "/", "Orphan", "# Orphan\n\nChunks stored by an earlier version, "
                                                          "never embedded.")], model=model.name)
    assert len(stored.todo) == 1
    result = env.scrapejet("indexer", "--once", env=ON, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    assert store.counts()[site]["pending"] == 0
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


@pytest.mark.parametrize("embeddings", ["on", "off"])
def test_a_crawl_never_imports_torch(env, web, tmp_path, embeddings):
    # importing the pipeline and the indexer imports none of the heavy packages
    probe = ("import sys, scrapejet.pipelines.storage, scrapejet.index.indexer, scrapejet.index.search, "
             "scrapejet.storage; "
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
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env.environ(SCRAPEJET_EMBEDDINGS=embeddings),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "HEAVY []" in result.stderr
    assert "'item_scraped_count': 5" in result.stderr
    assert env.storage().chunks.counts() == {}
    # on: queued for the indexer; off: not (a question indexes them, see test_insights)
    assert env.storage().index_queue.waiting() == (5 if embeddings == "on" else 0)


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
        page(site, "/equipos", "Equipos", "# Equipos\n\nLámpara infrarroja 150W / 250W para lechones."),
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
    # a long word's stem finds its other forms, and the same word in a neighbouring language
    assert top("Which infrared lamps do you sell?").endswith("/equipos")
    assert top("whitened").endswith("/prices")
    # and the whole retrieval on this database: vectors and keywords fused
    retriever = Retriever.from_settings(settings, storage, model=model)
    assert retriever.catch_up(site) == 5
    hits = retriever.search("How much does teeth whitening cost?", site=site, k=2)
    assert hits[0].url.endswith("/prices") and hits[0].vector_score and hits[0].keyword_score
    hits = retriever.search("frontdesk@harbordentalstudio.com", k=2)  # every site
    assert hits[0].url.endswith("/contact") and hits[0].site == site
    assert storage.chunks.delete_site(site) == 5
    storage.close()


def test_ask_says_what_is_not_indexed_or_indexes_it_first(env):
    storage = env.storage()
    site = "kiln.test"
    _queue_pages(storage, site, 6)
    question = "At what temperature does the kiln fire on day 4?"
    # --no-wait: answered at once, from what is indexed (nothing), and said so
    quick = env.scrapejet("ask", site, question, "--no-wait", "--json", env=ON, timeout=180)
    assert quick.returncode == 0, quick.stderr[-3000:]
    answer = json.loads(quick.stdout)
    assert answer["unindexed_pages"] == 6 and answer["sources"] == []
    assert "6 stored page(s) of kiln.test are not indexed yet" in " ".join(quick.stderr.split())
    # by default the site's queued pages are indexed first, then answered; a few
    # pages, on the CPU, by the model's weights in NumPy: torch costs seconds to import
    script = ("import atexit, sys\n"
              "atexit.register(lambda: print('HEAVY', [m for m in ('torch', 'sentence_transformers')"
              " if m in sys.modules], file=sys.stderr))\n"
              "from scrapejet.cli import main\n"
              f"sys.exit(main(['ask', {site!r}, {question!r}, '--json']))\n")

    def ask() -> dict:
        run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env.environ(**ON), capture_output=True,
                             text=True, timeout=180)
        assert run.returncode == 0, run.stderr[-3000:]
        assert "HEAVY []" in run.stderr
        return json.loads(run.stdout)

    answer = ask()
    assert answer["unindexed_pages"] == 0 and "904 degrees" in answer["answer"]
    assert answer["sources"][0]["url"] == "http://kiln.test/p4"
    assert storage.index_queue.counts() == {}
    assert storage.chunks.counts(site)[site]["embedded"] == storage.chunks.counts(site)[site]["chunks"] > 0
    # asked again, all indexed: the same answer
    assert "904 degrees" in ask()["answer"]


def test_the_light_model_embeds_a_few_pages_torch_many_where_a_gpu_may_be(env, model):
    from scrapejet.index.light import LightModel
    from scrapejet.index.search import _LIGHT_AT_MOST, Retriever

    storage = env.storage()
    for device, texts, light in (("cpu", 100_000, True), ("auto", _LIGHT_AT_MOST, True),
                                 ("auto", _LIGHT_AT_MOST + 1, False)):
        retriever = Retriever.from_settings(env.settings(SCRAPEJET_EMBEDDING_DEVICE=device), storage)
        assert isinstance(retriever.embedder(texts), LightModel) is light, (device, texts)
    # a model already loaded in the process is used whatever the count
    assert Retriever.from_settings(env.settings(), storage, model=model).embedder(1) is model


def test_the_light_model_gives_the_vectors_of_the_model(model):
    from scrapejet.index.light import LightModel
    from scrapejet.index.model import _bundled_path

    light = LightModel.load(_bundled_path(), model.name)
    texts = ["Founded 1994 by Ada Marsh.", "Öffnungszeiten: Mo–Fr 8–18 Uhr", "アポロ整骨院の定休日はいつですか？", "a",
             "word " * 400, ""]  # (one over the model's 256 tokens, cut as the model cuts it)
    # more texts than one pass, of many lengths: each pass pads its own to its longest
    texts += [f"Sentence {n} of the page, " * (n % 9 + 1) for n in range(40)]
    assert (light.name, light.dim) == (model.name, model.dim)
    # (the same to four places of the cosine: float32 kernels differ by CPU, and
    # torch's padded batches by a few in 1e5 on an AMD Zen host)
    assert float((light.encode(texts) * model.encode(texts)).sum(1).min()) > 0.9999
    # a model it cannot read (another pooling) is left to torch
    assert LightModel.load("/nonexistent", "x") is None


def test_pages_chunked_by_an_indexer_that_died_before_embedding_them_are_embedded(env, model):
    storage = env.storage()
    site = "halfway.test"
    _queue_pages(storage, site, 3)
    queue = storage.index_queue
    # an indexer claimed them, stored their chunks, and died before embedding them
    rows = queue.claim("dead-indexer", limit=10, lease_s=0.01)
    storage.chunks.store_pages(queue.latest_pages(rows), model=model.name)
    assert storage.chunks.counts(site)[site] == {"chunks": 3, "embedded": 0, "pending": 3}
    time.sleep(0.05)
    from scrapejet.index.indexer import Indexer

    indexer = Indexer.from_settings(env.settings(), storage, model=model)
    assert indexer.step(site) == 3
    assert storage.chunks.counts(site)[site] == {"chunks": 3, "embedded": 3, "pending": 0}
    assert queue.counts() == {}
