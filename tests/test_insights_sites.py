"""Insights on crawled fixture sites, end to end: shop.test crawled by
`scrapy crawl generic` with embeddings on (chunks, vectors, FAISS index by
the pipeline), hidden-legal.test by `scrapy crawl business` with embeddings
off (insights chunk and embed it when first asked). Then questions through
``Insights``, `scrapejet ask`, the HTTP API (Flask's test client) and an
OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest

from scrapejet.api import create_app
from tests.conftest import ROOT, Env, wait_for
from tests.insights_llmserver import ChatServer
from tests.test_webhooks import FAST, Receiver, running_dispatchers

SHOP_QUESTIONS = [
    # question, page that answers it, the fact
    ("When is the workshop open to visitors?", "/contact", "Saturdays from ten until four"),
    ("How long does the Trail Lantern battery last?", "/products/1", "three long autumn evenings"),
    ("What lies at the very bottom of the archive?", "/deep/4", "lease for the old sawmill"),
    ("How do I care for waxed canvas and remove mud?", "/blog/second-post", "brush off dried mud"),
    ("How much is the Enamel Camp Mug?", "/products/3", "Price: $14.50."),
]
EMAIL = "hallo@sonnenkorn-baeckerei.de"


def path_of(url: str) -> str:
    return urlsplit(url).path


@pytest.fixture(scope="session")
def model():
    """The embedding model, loaded once for these tests."""
    from scrapejet.index.model import EmbeddingModel

    from scrapy.settings import Settings

    import scrapejet.settings as module

    settings = Settings()
    settings.setmodule(module, priority="project")
    return EmbeddingModel.from_settings(settings)


@pytest.fixture(scope="module")
def sites(redis_url, web, tmp_path_factory):
    """One data dir holding shop.test (crawled with embeddings on) and
    hidden-legal.test's business pages and profile (embeddings off)."""
    env = Env(redis_url, tmp_path_factory.mktemp("insights") / "data", web)
    out = env.data_dir.parent
    crawl = env.scrapy("crawl", "generic", "-a", f"url={web.url('shop.test')}", "-O", str(out / "shop.jsonl"),
                       env={"SCRAPEJET_EMBEDDINGS": "on"})
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    business = env.scrapy("crawl", "business", "-a", f"url={web.url('hidden-legal.test')}",
                          "-O", str(out / "profile.jsonl"))
    assert business.returncode == 0, business.stderr[-3000:]

    # shop.test's pages wait for an indexer; hidden-legal.test's were not queued
    queued = env.storage().index_queue.counts()
    assert queued["shop.test"]["queued"] >= 18 and "hidden-legal.test" not in queued
    indexed = env.scrapejet("indexer", "--once", env={"SCRAPEJET_EMBEDDINGS": "on"}, timeout=300)
    assert indexed.returncode == 0, indexed.stderr[-3000:]
    counts = env.storage().chunks.counts()
    assert counts["shop.test"]["pending"] == 0 and counts["shop.test"]["embedded"] >= 18
    assert "hidden-legal.test" not in counts, "embeddings were off for the business crawl"
    return env


def no_llm(settings):
    settings.set("OPENAI_API_KEY", None)
    settings.set("OPENAI_BASE_URL", None)
    return settings


@pytest.fixture(scope="module")
def insights(sites, model):
    from scrapejet.index.search import Retriever
    from scrapejet.insights import Insights

    settings = no_llm(sites.settings())
    storage = sites.storage()
    return Insights.from_settings(settings, storage, lambda: Retriever.from_settings(settings, storage, model=model))


# -- extractive answers on crawled pages -------------------------------------------------
@pytest.mark.parametrize("question, page, fact", SHOP_QUESTIONS)
def test_extractive_answers_cite_the_page_holding_the_fact(insights, question, page, fact):
    answer = insights.ask(question, site="shop.test")
    assert answer.mode == "extractive" and answer.model is None and answer.error is None
    assert fact in answer.answer, (answer.answer, [s.url for s in answer.sources])
    assert page in [path_of(s.url) for s in answer.sources]
    # the citation after the fact names that page
    cited = int(answer.answer.split(fact, 1)[1].split("[", 1)[1].split("]", 1)[0])
    assert path_of(answer.sources[cited - 1].url) == page
    assert [s.n for s in answer.sources] == list(range(1, len(answer.sources) + 1))
    # five passages, and for a question about the business the profile the crawl read
    assert len([s for s in answer.sources if s.kind == "chunk"]) == 5


def test_business_profile_answers_contact_questions(insights):
    # hidden-legal.test was crawled with embeddings off: asking chunks and embeds it first
    answer = insights.ask("What is their email address?", site="hidden-legal.test")
    assert EMAIL in answer.answer and answer.mode == "extractive"
    n = int(answer.answer.split(EMAIL, 1)[1].split("[", 1)[1].split("]", 1)[0])
    source = answer.sources[n - 1]
    assert source.title == "Business profile" and source.n == len(answer.sources) and source.score is None
    assert path_of(source.url) in ("/kontakt/", "/impressum") and EMAIL in source.snippet
    contact = insights.ask("How can I contact them?", site="hidden-legal.test")
    assert EMAIL in contact.answer and "+49 761 4839217" in contact.answer and "79098" in contact.answer
    # a question the profile does not answer gets no profile source
    assert all(s.title != "Business profile" for s in insights.ask("Seit wann backen sie Brot?",
                                                                   site="hidden-legal.test").sources)


def test_a_crawl_without_a_business_job_answers_from_the_profile_of_its_pages(insights, sites):
    # shop.test was only crawled (scrapejet crawl): its start and contact pages were
    # read with their contact data, so its profile answers the e-mail question exactly
    pages = {p["url"]: p["page_type"] for p in sites.storage().iter_pages(sites.storage().latest_contacts_job("shop.test"))}
    assert "contact" in pages.values() and "home" in pages.values()
    answer = insights.ask("What is the email address of Juniper & Pine?", site="shop.test")
    profile = [s for s in answer.sources if s.title == "Business profile"]
    assert len(profile) == 1 and "hello@shop.test" in profile[0].snippet
    assert answer.answer == f"Email: hello@shop.test [{profile[0].n}]", answer.answer


# -- the CLI ---------------------------------------------------------------------------
def test_scrapejet_ask_json_and_text(sites):
    question, page, fact = SHOP_QUESTIONS[0]
    proc = sites.scrapejet("ask", "shop.test", question, SHOP_QUESTIONS[1][0], "--json", "-k", "3",
                           env={"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""})
    assert proc.returncode == 0, proc.stderr[-3000:]
    first, second = [json.loads(line) for line in proc.stdout.splitlines()]
    assert set(first) >= {"question", "answer", "sources", "mode", "model"}
    assert first["question"] == question and fact in first["answer"] and first["mode"] == "extractive"
    # -k 3 passages, then the profile the crawl read from the start and contact pages ("when open?" asks it)
    assert len(first["sources"]) == 4 and set(first["sources"][0]) == {"n", "url", "title", "snippet", "score"}
    assert first["sources"][3]["title"] == "Business profile"
    assert page in [path_of(s["url"]) for s in first["sources"]]
    assert second["question"] == SHOP_QUESTIONS[1][0] and SHOP_QUESTIONS[1][2] in second["answer"]
    assert "Loading" not in proc.stderr, "no model-loading noise"

    text = sites.scrapejet("ask", "www.shop.test", question, env={"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""})
    assert text.returncode == 0 and fact in text.stdout and "(extractive)" in text.stdout
    assert f"{sites.web.url('shop.test', '/contact')}" in text.stdout

    unknown = sites.scrapejet("ask", "nowhere.test", "Anything?")
    assert unknown.returncode == 2 and "no stored pages of site 'nowhere.test'" in unknown.stderr


# -- the HTTP API -------------------------------------------------------------------------
@pytest.fixture
def api(sites, model):
    """A test client of an app on the sites' storage, its retriever given
    the already loaded model (an API process loads it on first use)."""
    apps = []

    def make(**settings):
        from scrapejet.index.search import Retriever

        config = no_llm(sites.settings(SCRAPEJET_ALLOW_PRIVATE="1"))
        for key, value in settings.items():
            config.set(key, value)
        app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": config})
        svc = app.extensions["scrapejet"]
        svc._made["retriever"] = Retriever.from_settings(config, svc.storage, model=model)
        apps.append(app)
        return app.test_client()

    yield make
    for app in apps:
        app.extensions["scrapejet"].close()


@pytest.fixture
def dispatchers(sites):
    """Webhook dispatchers on the sites' Redis, as `scrapejet api` runs one
    (the test client's app runs none)."""
    yield from running_dispatchers(sites)


def wait_task(client, task_id: str, timeout: float = 30) -> dict:
    def done():
        body = client.get(f"/business/insights/{task_id}").get_json()
        assert body["status"] in ("pending", "running", "completed", "failed"), body
        return body if body["status"] in ("completed", "failed") else None

    return wait_for(done, timeout, 0.05, what=f"insights task {task_id}")


def test_insights_task_lifecycle(api):
    client = api()
    questions = ["How can I contact them?", "What is their email address?", "Where are they located?"]
    r = client.post("/business/insights", json={"site_name": "www.Hidden-Legal.test", "questions": questions})
    assert r.status_code == 202, r.get_json()
    accepted = r.get_json()
    assert accepted["status"] in ("pending", "running") and accepted["site_name"] == "hidden-legal.test"
    assert accepted["result_url"] == f"/business/insights/{accepted['task_id']}"
    # any API process reads the task from Redis: ask another app
    other = api()
    body = wait_task(other, accepted["task_id"])
    assert body["status"] == "completed" and body["error"] is None and body["answered"] == 3
    assert [a["question"] for a in body["answers"]] == questions
    contact, email, where = body["answers"]
    assert EMAIL in contact["answer"] and EMAIL in email["answer"] and "Freiburg" in where["answer"]
    for answer in body["answers"]:
        assert answer["mode"] == "extractive" and answer["model"] is None
        assert answer["sources"][-1]["title"] == "Business profile"
        assert [s["n"] for s in answer["sources"]] == list(range(1, len(answer["sources"]) + 1))

    r = client.post("/business/insights", json={"site_name": "unknown.test", "questions": ["q"]})
    assert r.status_code == 404 and "no stored pages of site 'unknown.test'" in r.get_json()["detail"]
    r = client.get("/business/insights/no-such-task")
    assert r.status_code == 404 and r.get_json()["error"] == "not_found"


def test_insights_task_webhook_is_signed_and_retried(api, dispatchers):
    import hashlib
    import hmac

    receiver = Receiver()
    receiver.script = [503]  # the first attempt fails, the retry is delivered
    try:
        client = api()
        dispatchers()
        task = client.post("/business/insights", json={
            "site_name": "hidden-legal.test", "questions": ["What is their phone number?"],
            "webhook": {"url": receiver.url(), "secret": "k3y"},
        }).get_json()["task_id"]
        body = wait_for(lambda: (b := client.get(f"/business/insights/{task}").get_json())["webhook"]["status"]
                        == "delivered" and b, 30, 0.05, what="the webhook")
    finally:
        receiver.close()
    assert body["webhook"] == {"url": receiver.url(), "status": "delivered", "attempts": 2, "error": None}
    first, second = receiver.calls
    assert first["raw"] == second["raw"] and second["headers"]["x-scrapejet-attempt"] == "2"
    assert second["headers"]["x-scrapejet-event"] == "insights.completed"
    # one delivery id on every attempt, as for jobs' events: the task's, then its stream entry's
    assert first["headers"]["x-scrapejet-delivery"] == second["headers"]["x-scrapejet-delivery"]
    assert second["body"]["delivery_id"] == second["headers"]["x-scrapejet-delivery"]
    assert second["body"]["delivery_id"].startswith(f"insights.{task}.")
    expected = "sha256=" + hmac.new(b"k3y", second["raw"], hashlib.sha256).hexdigest()
    assert second["headers"]["x-scrapejet-signature"] == expected
    sent = second["body"]
    assert sent["event"] == "insights.completed" and sent["task"]["task_id"] == task
    assert "+49 761 4839217" in sent["task"]["answers"][0]["answer"]
    assert "k3y" not in second["raw"].decode(), "the secret is never sent"


def test_insights_webhook_waits_in_the_stream_and_outlives_a_dispatcher(sites, api, dispatchers):
    """The task's event is durable: written to the webhook stream when the
    task ends, it waits there while no dispatcher runs, is taken over from
    one that died holding it, retried after the receiver fails, and its
    delivery recorded in the task."""
    from scrapejet.webhooks import GROUP, DeliveryLog, WebhookDispatcher

    jobs = sites.jobs()
    server, keys = jobs.server, jobs.keys
    log = DeliveryLog(server, keys, 3600)
    receiver = Receiver()
    receiver.script = [500]  # the first attempt fails, the retry is delivered
    try:
        client = api()
        task = client.post("/business/insights", json={
            "site_name": "hidden-legal.test", "questions": ["What is their email address?"],
            "webhook": {"url": receiver.url()},
        }).get_json()["task_id"]
        body = wait_task(client, task)
        assert body["status"] == "completed"
        # nothing delivers yet: the event waits in the stream
        assert body["webhook"] == {"url": receiver.url(), "status": "pending", "attempts": 0, "error": None}
        assert log.dispatch_state(60)["events_waiting"] == 1
        ((entry_id, fields),) = server.xrevrange(keys.webhook_events, count=1)
        assert fields == {"task_id": task, "event": "insights.completed", "at": fields["at"], "status": "completed"}

        # a dispatcher reads the event, then dies before delivering it
        doomed = WebhookDispatcher.from_settings(sites.settings(**FAST), jobs)
        doomed._ensure_group()
        doomed._read()
        assert doomed._state.held == {entry_id} and receiver.calls == []
        del doomed

        # another one, once the first has been silent for CLAIM_S, takes it over
        dispatchers(SCRAPEJET_WEBHOOK_CLAIM_S="0.5")
        done = wait_for(lambda: (b := client.get(f"/business/insights/{task}").get_json())["webhook"]["status"]
                        == "delivered" and b, 30, 0.05, what="the webhook taken over")
    finally:
        receiver.close()
    assert done["webhook"] == {"url": receiver.url(), "status": "delivered", "attempts": 2, "error": None}
    assert [c["answered"] for c in receiver.calls] == [500, 200]
    assert [c["headers"]["x-scrapejet-attempt"] for c in receiver.calls] == ["1", "2"]
    assert len({c["raw"] for c in receiver.calls}) == 1, "a retry must send the same body"
    sent = receiver.calls[-1]["body"]
    assert sent["event"] == "insights.completed" and sent["delivery_id"] == f"insights.{task}.{entry_id}"
    assert sent["task"]["task_id"] == task and EMAIL in sent["task"]["answers"][0]["answer"]
    assert "x-scrapejet-signature" not in receiver.calls[-1]["headers"], "no secret, no signature"
    # the delivery's record, in the task's, and the stream entry released
    record = json.loads(server.hget(keys.insights_task(task), "webhook_delivery"))
    assert record["delivery_id"] == sent["delivery_id"] and record["event"] == "insights.completed"
    assert record["response_status"] == 200 and record["delivered_at"] and record["attempts"] == 2
    assert server.xpending(keys.webhook_events, GROUP)["pending"] == 0


def test_query_is_synchronous(api):
    client = api()
    question, page, fact = SHOP_QUESTIONS[1]
    r = client.post("/query", json={"question": question, "site_name": "shop.test", "n_results": 2})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["question"] == question and fact in body["answer"] and len(body["sources"]) == 2
    assert body["mode"] == "extractive" and body["model"] is None
    assert page in [path_of(s["url"]) for s in body["sources"]]
    # every site at once
    everywhere = client.post("/query", json={"question": question}).get_json()
    assert fact in everywhere["answer"] and len(everywhere["sources"]) == 5
    r = client.post("/query", json={"question": question, "site_name": "unknown.test"})
    assert r.status_code == 404 and "unknown.test" in r.get_json()["detail"]


def test_query_through_an_openai_compatible_server(api):
    question, page, fact = SHOP_QUESTIONS[0]
    server = ChatServer(f"Visitors come on {fact} [1]; see also [2] and [12].")
    try:
        client = api(OPENAI_BASE_URL=server.base_url, SCRAPEJET_LLM_MODEL="local-llm")
        body = client.post("/query", json={"question": question, "site_name": "shop.test", "n_results": 3}).get_json()
    finally:
        server.close()
    assert body["mode"] == "llm" and body["model"] == "local-llm" and body["error"] is None
    assert body["answer"] == f"Visitors come on {fact} [1]; see also [2] and."
    # three passages and the business profile a crawl reads ("when open?" asks it)
    assert body["dropped_citations"] == [12] and len(body["sources"]) == 4
    assert body["sources"][3]["title"] == "Business profile"
    (prompt,) = server.prompts()
    # the prompt numbers exactly the answer's sources, in order
    at = [prompt.index(f"[{s['n']}] {s['title']} ({s['url']})") for s in body["sources"]]
    assert at == sorted(at) and "[5]" not in prompt


def test_insights_task_of_a_dead_api_process_is_failed(sites, api, dispatchers):
    """An API process killed while answering: its task is reported failed
    once its heartbeats stop, not pending forever, and its webhook gets
    insights.failed."""
    server = ChatServer("never sent", delay_s=30)
    receiver = Receiver()
    script = (
        "import sys, time, json\n"
        "from scrapejet.api import create_app\n"
        "from scrapejet.runtime import load_settings\n"
        "app = create_app({'TESTING': True})\n"
        "r = app.test_client().post('/business/insights', json={'site_name': 'shop.test', 'questions': ['Hours?'],\n"
        f"                                                    'webhook': {{'url': {receiver.url()!r}}}}})\n"
        "print(json.dumps(r.get_json()), flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env=sites.environ(OPENAI_BASE_URL=server.base_url, SCRAPEJET_LLM_TIMEOUT_S="30",
                          SCRAPEJET_HEARTBEAT_S="0.2", SCRAPEJET_HEARTBEAT_MISSES="3", SCRAPEJET_ALLOW_PRIVATE="1"),
    )
    try:
        accepted = json.loads(proc.stdout.readline())
        client = api()
        task = accepted["task_id"]
        wait_for(lambda: client.get(f"/business/insights/{task}").get_json()["status"] == "running", 30, 0.05,
                 what="the task to start")
        wait_for(lambda: server.requests, 30, 0.05, what="the model to be asked")
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        started = time.monotonic()
        body = wait_for(lambda: (b := client.get(f"/business/insights/{task}").get_json())["status"] != "running"
                        and b, 10, 0.05, what="the task to be failed")
        assert time.monotonic() - started < 3
        assert body["status"] == "failed" and "stopped before it finished" in body["error"]
        # the reader that failed it also wrote its event, for any dispatcher to deliver
        dispatchers()
        wait_for(lambda: receiver.calls, 30, 0.05, what="insights.failed delivered")
        sent = receiver.calls[0]["body"]
        assert sent["event"] == "insights.failed" and sent["task"]["status"] == "failed"
        assert sent["task"]["task_id"] == task and sent["task"]["error"] == body["error"]
    finally:
        if proc.poll() is None:
            proc.kill()
        server.close()
        receiver.close()


def _sources(*pages):
    from scrapejet.insights.sources import Source

    return [Source(n=i, url=f"http://northwind.test{path}", title=title, snippet="", score=1.0 / i, text=text)
            for i, (path, title, text) in enumerate(pages, 1)]


NORTHWIND = [
    ("/contact", "Contact", "Questions about an order? Write to sales@northwind-tools.com or call 0161 496 0000. "
                            "Northwind Tools ships across the UK within two working days."),
    ("/about", "About Northwind Tools", "Northwind Tools makes hand tools for joiners and gardeners. "
                                        "Founded 1994 by Ada Marsh. Every plane is set up by hand in our Leeds workshop."),
    ("/products/7", "Block plane", "Our block plane costs £89 and comes with a lifetime guarantee."),
]


@pytest.mark.parametrize("question, fact, page", [
    ("Who founded Northwind Tools?", "Ada Marsh", "/about"),
    ("When was Northwind Tools founded?", "1994", "/about"),
    ("Wer hat Northwind Tools gegründet?", "Ada Marsh", "/about"),
    ("How much is the block plane?", "£89", "/products/7"),
    ("Where is the workshop?", "Leeds", "/about"),
])
def test_the_extractive_answer_is_the_sentence_holding_the_kind_of_value_asked_for(model, question, fact, page):
    """The answer holds what is asked (a person, a year, a price, a place),
    found by meaning when the question's words are not the page's; not the
    e-mail address of the passage retrieval ranked first."""
    from scrapejet.insights.extractive import extractive_answer

    def similarity(q, texts):
        vectors = model.encode([q, *texts])
        return [float(v) for v in vectors[1:] @ vectors[0]]

    sources = _sources(*NORTHWIND)
    answer = extractive_answer(question, sources, site="northwind.test", similarity=similarity)
    first = answer.split("[")[0]
    assert fact in first and "do not clearly answer" not in answer, answer
    n = int(answer.split("[")[1].split("]")[0])
    assert sources[n - 1].url.endswith(page)
