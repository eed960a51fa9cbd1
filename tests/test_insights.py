"""Answering from given passages: extractive answers, the business profile
as a source, and a real OpenAI-compatible server on loopback (prompt,
citations, fallback on 500 and on timeouts, bounded retries)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest
from scrapy.settings import Settings

import scrapejet.settings as settings_module
from scrapejet.insights import answer_from
from scrapejet.insights.llm import ChatModel, check_citations
from scrapejet.insights.profile import asked_fields, profile_source
from scrapejet.insights.sources import Source
from scrapejet.insights.text import sentences
from tests.insights_llmserver import ChatServer


@dataclass
class Hit:  # the fields of scrapejet.index.search.Hit
    chunk_id: int
    site: str
    url: str
    title: str | None
    text: str
    score: float
    heading_path: list[str] = field(default_factory=list)
    position: int = 0
    vector_score: float | None = None
    keyword_score: float | None = None


HITS = [
    Hit(11, "shop.test", "http://shop.test/about", "About Juniper & Pine",
        "# About Juniper & Pine\n\nJuniper & Pine began as two friends repairing their own worn-out camping kit "
        "at a kitchen table, long before it became a shop. Marker shop about page.\n\nToday a team of seven cuts "
        "canvas, turns ash legs and packs orders in a converted sawmill, and the workshop dog supervises all of it.",
        0.71, ["About Juniper & Pine"]),
    Hit(12, "shop.test", "http://shop.test/contact", "Contact Juniper & Pine",
        "# Contact Juniper & Pine\n\nWrite to us any time and we will reply within two working days, usually "
        "sooner when the weather keeps us indoors. Marker shop contact page.\n\nThe workshop is open to visitors "
        "on Saturdays from ten until four; park by the old log pond.\n\n- hello@shop.test\n- +1 555 0100",
        0.65, ["Contact Juniper & Pine"]),
    Hit(13, "shop.test", "http://shop.test/blog/second-post", "Caring for waxed canvas",
        "Never put waxed canvas in a washing machine: brush off dried mud with a stiff brush and rinse stains "
        "with cold water only. Once a year, warm a bar of fabric wax with a hair dryer and work it into the "
        "seams, then let the bag rest somewhere warm overnight.", 0.40),
]

PROFILE = {
    "job_id": "b1", "site": "hidden-legal.test", "company_name": "Bäckerei Sonnenkorn GmbH",
    "description": "Seit 1987 backen wir jeden Morgen Brot.",
    "emails": [{"email": "hallo@sonnenkorn-baeckerei.de",
                "found_on": [{"url": "http://hidden-legal.test/kontakt/", "role": "contact"}]}],
    "phones": [{"e164": "+497614839217", "as_written": "0761 4839217", "type": "landline",
                "found_on": [{"url": "http://hidden-legal.test/kontakt/", "role": "contact"}]}],
    "addresses": [{"street": "Kornstraße 7", "postal_code": "79098", "locality": "Freiburg im Breisgau",
                   "country": "DE", "found_on": [{"url": "http://hidden-legal.test/impressum", "role": "legal"}]}],
    "socials": [], "opening_hours": [],
    "pages": {"home": "http://hidden-legal.test/", "contact": "http://hidden-legal.test/kontakt/"},
}


def sources_for(question: str, hits=HITS) -> list[Source]:
    return [Source.of_hit(i, hit, question) for i, hit in enumerate(hits, 1)]


def _extractive(question, hits):
    """The extractive answer from the passages retrieved for ``hits``, on their site."""
    return answer_from(question, sources_for(question, hits), None, site=hits[0].site).answer


def _answer_with_profile(question, hits, profile):
    """The extractive answer from the passages retrieved for ``hits`` and the
    site's profile as source 2, as a crawled site with a stored profile gets it."""
    sources = sources_for(question, hits)
    sources.append(profile_source(profile, 2, asked_fields(question)))
    return answer_from(question, sources, None, site="hidden-legal.test").answer


def settings(**overrides) -> Settings:
    s = Settings()
    s.setmodule(settings_module, priority="project")
    s.set("OPENAI_API_KEY", None)
    s.set("OPENAI_BASE_URL", None)
    for k, v in overrides.items():
        s.set(k, v)
    return s


# -- extractive ---------------------------------------------------------------------
@pytest.mark.parametrize("question, fact, n", [
    ("When is the workshop open to visitors?", "open to visitors on Saturdays from ten until four", 2),
    ("How should I clean waxed canvas?", "brush off dried mud with a stiff brush", 3),
    ("Where did Juniper & Pine begin?", "repairing their own worn-out camping kit at a kitchen table", 1),
    ("What is their email?", "hello@shop.test", 2),
    ("What is their phone number?", "+1 555 0100", 2),
])
def test_extractive_answer_holds_the_fact_with_its_citation(question, fact, n):
    answer = answer_from(question, sources_for(question), None, site="shop.test")
    assert answer.mode == "extractive" and answer.model is None and answer.error is None
    assert fact in answer.answer, answer.answer
    # the sentence holding the fact is followed by the number of its source
    sentence = next(s for s in answer.answer.split(" [") if fact in s)
    assert answer.answer.split(sentence, 1)[1].lstrip(" .").startswith(f"[{n}]"), answer.answer
    assert [s.url for s in answer.sources] == [h.url for h in HITS] and [s.n for s in answer.sources] == [1, 2, 3]


def test_a_question_for_a_kind_of_value_gets_that_value_of_its_topic():
    hits = [
        Hit(1, "shop.test", "http://shop.test/products/3", "Enamel Camp Mug - Juniper & Pine",
            "Enamel Camp Mug - Juniper & Pine\nThe Enamel Camp Mug holds a generous twelve ounces of coffee.\n"
            "Price: $14.50.\nCustomers rate the Enamel Camp Mug 3 out of 5.", 0.033),
        Hit(2, "shop.test", "http://shop.test/products/5", "Folding Camp Stool - Juniper & Pine",
            "Folding Camp Stool - Juniper & Pine\nThe stool folds flat for the camp.\nPrice: $48.00.", 0.031),
    ]
    for question in ("How much is the Enamel Camp Mug?", "What does the enamel camp mug cost?"):
        assert answer_from(question, sources_for(question, hits), None).answer == "Price: $14.50. [1]"


def test_extractive_answers_are_deterministic_and_say_when_nothing_matches():
    q = "When is the workshop open to visitors?"
    assert len({answer_from(q, sources_for(q), None).answer for _ in range(3)}) == 1
    miss = answer_from("Do you sell titanium ice axes?", sources_for("x"), None, site="shop.test").answer
    assert miss.startswith("The retrieved pages of shop.test do not") and "[1]" in miss
    empty = answer_from("Anything?", [], None, site="shop.test")
    assert empty.sources == [] and "No stored page of shop.test" in empty.answer


def test_terms_of_questions_in_other_languages():
    from scrapejet.insights.text import ASKS_PRICE, terms

    # stopwords are compared folded, as the text is ("für" was a term)
    assert terms("Was kostet die Reinigung für ein Büro?") == ["kostet", "reinigung", "buro"]
    assert terms("Welche Leistungen bietet die Firma an?") == ["leistungen"]
    assert all(ASKS_PRICE.search(q) for q in ("Was kostet ein Fenster?", "Combien coûte un pain ?",
                                               "¿Cuánto cuesta?", "Quanto costa?"))


def test_a_label_is_not_an_answer():
    """A heading set as a line of its own ("Our services") matches the
    question's word but says nothing; the sentences that do are the answer."""
    hit = Hit(31, "shop.test", "http://shop.test/services", "Services",
              "# Services\n\nOur services\n\nRepairs of waxed canvas bags are our main service, done in a week.",
              0.8, ["Services"])
    answer = answer_from("Which services are there?", sources_for("Which services are there?", [hit]), None).answer
    assert answer.startswith("Repairs of waxed canvas bags") and "Our services" not in answer, answer


def test_sentences_of_markdown_passages():
    text = "# Title\n\nFirst one, e.g. this. Second one!\n- item one\n- item two\nShort label\n\nDr. Who came. End."
    assert sentences(text) == ["First one, e.g. this.", "Second one!", "item one", "item two", "Short label",
                               "Dr. Who came.", "End."]
    # Markdown's escapes are the writer's, not the page's: "@fraschina_giardini" as the page says it
    assert sentences("Instagram: @fraschina\\_giardini \\[shop\\] 5 \\* 3") == ["Instagram: @fraschina_giardini [shop] 5 * 3"]


# -- business profile ------------------------------------------------------------------
@pytest.mark.parametrize("question, expected", [
    ("What is their email address?", ["email"]),
    ("How can I contact them?", ["email", "phone", "address"]),
    ("Where are they located?", ["address"]),
    ("What is their phone number?", ["phone"]),
    ("How should I clean waxed canvas?", []),
    ("Who are they?", ["company"]),
    ("Who is the founder?", []),  # a person, not the company's name
    ("When can I phone Add Value Makeover?", ["hours"]),  # when to call: the hours, not the number
    ("What kind of business is Yes, We Do?", ["description"]),
    ("What kind of wood does KlusJoop use?", []),
    # the name of something the business has is not its own name
    ("What is the name of Izvor's croissant?", []), ("What is the name of the bakery's own café?", []),
    ("What is the name of the company?", ["company"]), ("What is the name of Waste One?", ["company"]),
    # the town asked for, in the site's language too; not a town hall
    ("Dans quelle ville se trouve le Haras d'Azur ?", ["address"]), ("In welchem Ort liegt die Praxis?", ["address"]),
    ("Which town hall did they renovate?", []),
    # "address" in the sites' languages
    ("Na katerem naslovu ima sedež Tea Knez s.p.?", ["address"]), ("Jaki jest adres firmy?", ["address"]),
    # the postcode asked for is the address's
    ("What is the postcode of Whitmore Tea Rooms?", ["address"]), ("Wie lautet die Postleitzahl?", ["address"]),
])
def test_business_questions_name_profile_fields(question, expected):
    assert asked_fields(question) == expected


def test_profile_values_are_answered_exactly_with_a_citation():
    question = "How can I contact them?"
    sources = sources_for(question, HITS[:1])
    sources.append(profile_source(PROFILE, 2, asked_fields(question)))
    answer = answer_from(question, sources, None, site="hidden-legal.test")
    assert answer.answer.splitlines() == [
        "Email: hallo@sonnenkorn-baeckerei.de [2]",
        "Phone: +49 761 4839217 (written 0761 4839217, landline) [2]",
        "Address: Kornstraße 7, 79098 Freiburg im Breisgau, DE [2]",
    ]
    profile = answer.sources[1]
    assert profile.title == "Business profile" and profile.url == "http://hidden-legal.test/kontakt/"
    assert profile.score is None and "hallo@sonnenkorn-baeckerei.de" in profile.snippet


def test_a_description_the_profile_gave_is_not_repeated_from_a_passage():
    # the about page's first paragraph is the profile's description as well
    description = ("Juniper & Pine offers repair services for camping kit: waxed canvas bags, tents and "
                   "folding stools.")
    about = Hit(21, "shop.test", "http://shop.test/about", "About", f"# About\n\n{description} Marker.\n\n"
                "Juniper & Pine also offers custom canvas work services for shops and outfitters.", 0.7, ["About"])
    question = "What services does Juniper & Pine offer?"
    sources = sources_for(question, [about])
    sources.append(profile_source({**PROFILE, "description": description}, 2, asked_fields(question)))
    answer = answer_from(question, sources, None, site="shop.test").answer
    assert answer.count("waxed canvas bags") == 1, answer
    assert "custom canvas work" in answer  # what the passage adds is still said


def test_the_profile_answers_only_the_kind_of_value_a_question_asks_for():
    # "who runs it?" asks for a person, not the company's name; "how long are the
    # data of the contact form kept?" for a duration, not the contact data
    team = Hit(41, "hidden-legal.test", "http://hidden-legal.test/ueber-uns", "Über uns",
               "# Über uns\n\nDie Bäckerei Sonnenkorn wird von Anna Korn geführt, in dritter Generation.\n\n"
               "Daten aus dem Kontaktformular speichern wir drei Monate.", 0.9, ["Über uns"])
    for question, fact in (("Who runs Bäckerei Sonnenkorn?", "Anna Korn"),
                           ("How long are the data of the contact form kept?", "drei Monate")):
        answer = _answer_with_profile(question, [team], PROFILE)
        assert fact in answer and "Company:" not in answer and "Email:" not in answer, answer
    # the page's words, not the profile's, tell a name from a word written in lower case
    # (the profile writes its site's name in lower case: "Site: baeckerei-korn.test")
    from scrapejet.insights.extractive import _lower_case_words

    profile = profile_source({**PROFILE, "site": "baeckerei-korn.test"}, 2, ["company"])
    assert "korn" not in _lower_case_words([*sources_for("Who?", [team]), profile])


# -- citations ------------------------------------------------------------------------
def test_citations_to_missing_sources_are_dropped_and_reported():
    text, cited, dropped = check_citations("Open Saturdays [2]. Dogs allowed [1, 7]. Free parking [9].", 3)
    assert text == "Open Saturdays [2]. Dogs allowed [1]. Free parking." and cited == [1, 2] and dropped == [7, 9]
    assert check_citations("See [1-3] and [2][3]", 3)[0] == "See [1][2][3] and [2][3]"


# -- a real OpenAI-compatible server ------------------------------------------------------
@pytest.fixture
def chat_server():
    servers = []

    def make(*args, **kwargs) -> ChatServer:
        servers.append(ChatServer(*args, **kwargs))
        return servers[-1]

    yield make
    for s in servers:
        s.close()


def test_llm_gets_exactly_the_sources_and_its_citations_map_back(chat_server):
    server = chat_server("Visitors are welcome on Saturdays from ten until four [2]; the shop began at a kitchen "
                         "table [1]. Reviews are glowing [5].")
    chat = ChatModel.from_settings(settings(OPENAI_BASE_URL=server.base_url, SCRAPEJET_LLM_MODEL="tiny-local"))
    question = "When can I visit the workshop?"
    sources = sources_for(question)
    answer = answer_from(question, sources, chat, site="shop.test")

    (request,) = server.requests
    assert request["path"] == "/v1/chat/completions" and request["json"]["model"] == "tiny-local"
    assert request["headers"]["authorization"] == "Bearer not-needed"  # a local server needs no key
    system = request["json"]["messages"][0]["content"]
    assert "only" in system and "[1]" in system and "do not say" in system
    (prompt,) = server.prompts()
    # exactly the passages, numbered in order, and nothing else
    at = []
    for n, hit in enumerate(HITS, 1):
        at += [prompt.index(f"[{n}] {hit.title} ({hit.url})\n"), prompt.index(hit.text)]
    assert at == sorted(at) and "[4]" not in prompt and prompt.endswith(f"Question: {question}")
    assert "Section: Contact Juniper & Pine" in prompt  # the chunk's heading path

    assert answer.mode == "llm" and answer.model == "tiny-local" and answer.error is None
    assert answer.answer == ("Visitors are welcome on Saturdays from ten until four [2]; the shop began at a "
                             "kitchen table [1]. Reviews are glowing.")
    assert answer.dropped_citations == [5]
    # [n] is sources[n-1]: the cited passages hold what the answer says
    assert "Saturdays from ten until four" in answer.sources[2 - 1].text
    assert "kitchen table" in answer.sources[1 - 1].text
    assert [s.public()["n"] for s in answer.sources] == [1, 2, 3]


def test_api_key_is_sent_when_configured(chat_server):
    server = chat_server("Saturdays [1].")
    chat = ChatModel.from_settings(settings(OPENAI_BASE_URL=server.base_url, OPENAI_API_KEY="sk-test"))
    answer_from("When?", sources_for("When?"), chat)
    assert server.requests[0]["headers"]["authorization"] == "Bearer sk-test"
    assert ChatModel.from_settings(settings()) is None  # neither key nor URL: extractive


def test_failing_model_falls_back_to_extractive_with_bounded_retries(chat_server):
    server = chat_server(status=500)
    chat = ChatModel.from_settings(settings(OPENAI_BASE_URL=server.base_url, SCRAPEJET_LLM_MAX_RETRIES=2))
    question = "When is the workshop open to visitors?"
    answer = answer_from(question, sources_for(question), chat)
    assert len(server.requests) == 3, "one request and exactly SCRAPEJET_LLM_MAX_RETRIES retries"
    assert answer.mode == "extractive" and answer.model is None
    assert "HTTP 500" in answer.error and "3 attempts" in answer.error
    assert "open to visitors on Saturdays" in answer.answer and "[2]" in answer.answer


def test_model_that_times_out_falls_back_to_extractive(chat_server):
    server = chat_server("too late [1]", delay_s=3)
    chat = ChatModel.from_settings(settings(OPENAI_BASE_URL=server.base_url, SCRAPEJET_LLM_TIMEOUT_S=0.3,
                                            SCRAPEJET_LLM_MAX_RETRIES=1))
    question = "How should I clean waxed canvas?"
    started = time.monotonic()
    answer = answer_from(question, sources_for(question), chat)
    assert time.monotonic() - started < 2.9, "the timeout bounds the wait"
    assert len(server.requests) == 2
    assert answer.mode == "extractive" and "no answer within 0.3s" in answer.error
    assert "stiff brush" in answer.answer


def test_unreachable_model_falls_back(chat_server):
    server = chat_server("x")
    url = server.base_url
    server.close()
    chat = ChatModel.from_settings(settings(OPENAI_BASE_URL=url, SCRAPEJET_LLM_MAX_RETRIES=0))
    answer = answer_from("What is their email?", sources_for("email"), chat)
    assert answer.mode == "extractive" and "connection failed" in answer.error and "hello@shop.test" in answer.answer


def test_values_set_as_cards_and_addresses_over_lines_are_answered_whole():
    """Small sites set prices as cards (a heading, then the price on a line
    of its own) and addresses over several lines: the answer gives the
    label with its value, and the whole address."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    cards = Source(n=1, url="http://box.test/", title="CrossBox", snippet="", score=1.0,
                   text="## Abono ilimitado\n\n75€\n\nAcceso total a todas las clases.\n\n## Drop in\n\n9€")
    answer = extractive_answer("¿Cuánto cuesta el abono ilimitado?", [cards])
    assert answer.startswith("Abono ilimitado · 75€ [1]"), answer
    # a card's name may hold a figure of its own ("60分"): its price is still the card's
    menu = Source(n=1, url="http://apollo.test/menu", title="メニュー", snippet="", score=1.0,
                  text="全身もみほぐし 90分\n\nじっくり全身をほぐします\n\n¥5,400\n\n"
                       "Massage 60 min\n\nFor first visits\n\n¥3,600")
    answer = extractive_answer("How much is the massage 60 min?", [menu])
    assert answer.startswith("Massage 60 min · For first visits · ¥3,600 [1]"), answer
    contact = Source(n=1, url="http://balans.test/kontakt", title="Kontakt", snippet="", score=1.0,
                     text="Kontakt\n\nZagrebačka ul. 37\n10410 Velika Gorica\n\nTel: 091 123 4567")
    answer = extractive_answer("What is the address of the practice?", [contact])
    assert "Zagrebačka ul. 37, 10410 Velika Gorica [1]" in answer, answer


def test_hours_given_under_their_days_or_in_words_are_answered_and_a_phone_number_is_no_hours():
    """"Du Mardi au Samedi" over "09h-12h30 - 14h30-18h": the days come with
    the times; "dalle ore 10 alle ore 24" is a span of hours; the dotted
    French number "04.66.53.80.86" is no time of day."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind
    from scrapejet.insights.sources import Source

    access = Source(n=1, url="http://cordonnerie.test/acces", title="Accès", snippet="", score=1.0,
                    text="SERRURIER DEPANNAGE\n\n04.66.53.80.86\n\nAccès\n\nHoraires\n\nDu Mardi au Samedi\n\n"
                         "09h-12h30 - 14h30-18h\n\nAccès")
    answer = extractive_answer("Quels sont les horaires d'ouverture de la cordonnerie ?", [access])
    assert "Du Mardi au Samedi · 09h-12h30 - 14h30-18h [1]" in answer, answer
    assert "04.66.53.80.86" not in answer, answer
    assert holds_kind("04.66.53.80.86", "hours") == 0.0
    assert holds_kind("aperto tutti i giorni dalle ore 10 alle ore 24", "hours") == 1.0
    assert holds_kind("Wir sind von 10 bis 18 Uhr für Sie da", "hours") == 1.0
    assert holds_kind("Gruppen von 5 bis 10 Personen", "hours") == 0.0
    # a time taken is no opening hours; days and times without a word for hours are
    assert holds_kind("Most installations are completed in a single day — usually 4–6 hours.", "hours") == 0.0
    assert holds_kind("Shop 4, 21-23 Gregory Ave · Mon–Fri 8am–5pm", "hours") == 1.0
    farm = Source(n=1, url="http://agriturismo.test/", title="Agriturismo", snippet="", score=1.0,
                  text="L'agriturismo si trova a due passi dal centro. È aperto tutto l'anno, a pranzo ed a cena, "
                       "dalle ore 10 alle ore 24. Dispone di un ampio cortile e parcheggio.")
    assert "dalle ore 10 alle ore 24" in extractive_answer("At what times is the agriturismo open?", [farm])


def test_an_opening_hours_table_is_read_under_its_label():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    table = Source(n=1, url="http://svapo.test/dove-siamo", title="Dove siamo", snippet="", score=1.0,
                   text="## Orari di Apertura\n\nLunedì 16:00 - 20:00\n\nMartedì - Sabato 9:30 - 13:00 / 16:00 - 20:00\n\n"
                        "Domenica chiuso\n\nVieni a trovarci in negozio.")
    answer = extractive_answer("What are the opening hours on Saturday?", [table])
    assert "9:30 - 13:00 / 16:00 - 20:00 [1]" in answer, answer
    # "12H à 15H" is a time range too
    lunch = Source(n=1, url="http://jardin.test/", title="Le Jardin", snippet="", score=1.0,
                   text="Horaires d'ouverture\n\nSamedi : 12H à 15H et 19H à 23H\n\nRéservez au 01 69 88 88 88.")
    assert "12H à 15H" in extractive_answer("Quels sont les horaires le samedi ?", [lunch])
    # a card of cells: the day as a heading, "Fermé" the text under it
    cells = Source(n=1, url="http://salon.test/", title="Salon", snippet="", score=1.0,
                   text="## Horaires\n\n### Lundi\n\nFermé\n\n### Mardi\n\n9:00 - 18:00\n\nPrenez rendez-vous en ligne.")
    answer = extractive_answer("Quel jour le salon est-il fermé ?", [cells])
    assert "Lundi · Fermé" in answer, answer
    # a table with no label over it, a week of days and hours each in a cell
    week = "\n".join(["Lundi", "Fermé"] + [cell for day in ("Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi")
                                            for cell in (day, "08h30 - 13h30 / 15h00 - 19h00")])
    page = Source(n=1, url="http://bottier.test/horaires", title="Horaires", snippet="", score=1.0, text=week)
    answer = extractive_answer("On which day of the week is the cobbler's shop closed?", [page])
    assert "Lundi · Fermé · Mardi" in answer and "Samedi · 08h30" in answer, answer


@pytest.mark.parametrize("question, kind", [
    # Cyrillic addresses and prices ("централният" holds no price: "цен" only as a word's start)
    ("На какъв адрес се намира централният офис на ЕНИ-92 в Пловдив?", "place"),
    ("За якою адресою розташований київський офіс?", "place"),
    ("Колко струва профилактиката на климатик?", "price"),
    ("Сколько стоит полный курс обучения?", "price"),
    # the town asked for in the site's language; Dutch "wie" asks who (German "wie ist" how)
    ("Dans quelle ville se trouve le Haras d'Azur ?", "place"),
    ("In welchem Ort ist die Praxis?", "place"),
    ("Wie is de oprichtster van VoetSelect?", "person"),
    ("Who founded Northwind Tools?", "person"), ("Wer hat die Firma gegründet?", "person"),
    ("When was Northwind Tools founded?", "when"), ("Wann wurde die Firma gegründet?", "when"),
    ("Where is the shop?", "place"), ("Wie ist die Adresse?", "place"), ("¿Dónde está la tienda?", "place"),
    ("How much is the mug?", "price"), ("Wat kost een sessie?", "price"),
    ("What are your opening hours?", "hours"), ("Quels sont les horaires ?", "hours"),
    ("How many rooms are there?", "number"), ("Quem é o CEO?", "person"), ("What do you make?", None),
    ("In which town is the company registered?", "place"), ("Ποια χρονιά ξεκίνησε η ταβέρνα;", "when"),
    ("Sinds welk jaar bestaat de winkel?", "when"), ("Qual è l'orario di apertura il lunedì?", "hours"),
    ("What time does Ta Varelia open on Saturdays?", "hours"), ("Is the shop open on Sundays?", "hours"),
    ("Når har butikken åpent på lørdager?", "hours"), ("Quand le magasin est-il ouvert ?", "hours"),
    ("Wanneer is de winkel open?", "hours"), ("When was the shop opened?", "when"),
    # a time of day, whatever it is for
    ("What time is check-in at the guest house?", "hours"), ("¿A qué hora es la salida?", "hours"),
    ("Vilka tider har butiken öppet på vardagar?", "hours"),  # which times ... open
    ("What is the company register number?", "number"),
    ("Which regulator is the physiotherapist registered with?", None),  # a body, not a number
    ("Wie hoch ist die Pauschale bei einer Absage?", "price"), ("Kiek kainuoja pervežimas?", "price"),
    ("Hvad koster en ny tagrende?", "price"),
    # the time of day comes before what it is for
    ("By what time do guests have to check out?", "hours"), ("At what times can the hosts be reached by phone?", "hours"),
    ("How much is a late check-out?", "price"), ("What is the phone number of the hosts?", "phone"),
    # hours asked for in the site's language, or by a weekday and "open"
    ("W jakich godzinach salon jest otwarty w sobotę?", "hours"), ("Tot hoe laat is de praktijk op maandag geopend?", "hours"),
    ("Op welke tijden is het bedrijf op werkdagen bereikbaar?", "hours"), ("¿Hasta qué hora abre?", "hours"),
    ("Zu welchen Zeiten ist die Praxis erreichbar?", "hours"), ("What is open source?", None),
    # when the phone is answered; a postcode asked for by its name
    ("When can I phone the practice to book an appointment?", "hours"), ("When can I call you?", "hours"),
    ("When can you deliver metal by appointment?", "hours"),
    ("In che orari si può telefonare a Fersina Viaggi?", "hours"),  # the times, not the number
    ("Mitä yksilölliset tukipohjalliset maksavat?", "price"),
    ("During which hours is the telephone service staffed?", "hours"),
    ("What is the postal code of the practice?", "place"), ("Quel est le code postal du cabinet ?", "place"),
    # an ordinal asked for: "the 7th generation", "das 3. Stockwerk"
    ("In which generation is the family running the butcher's shop?", "number"),
    ("On what floor is the practice?", "number"), ("In welcher Generation wird der Hof geführt?", "number"),
    ("What is Deep Creek Plumbing's ABN?", "number"), ("Quel est le SIRET du cabinet ?", "number"),
    ("What is the landline number of the shop?", "phone"), ("Σε ποιο τηλέφωνο μπορώ να καλέσω;", "phone"),
    ("Koliko stane terapevtska masaža?", "price"), ("Kolik stojí konzultace?", "price"),
    # Catalan: "on és" asks where, "quan" when; an English "on" asks neither
    ("On és el despatx de la gestoria?", "place"), ("Quan es va fundar l'empresa?", "when"),
    ("On which river do the trips take place?", None),
    # a weight is no price; the days one can call are the hours
    ("How much does the complete photo booth module weigh at most?", "number"),
    ("On which days of the week can I reach MuGa Remodeling?", "hours"), ("What days are you open?", "hours"),
    ("Which weekday (Monday to Friday) is Pure Balance Physiotherapy closed?", "hours"),
    # when one can phone, asked in the site's language: the hours, not the number
    ("In quali orari si può telefonare a Cosmo 35?", "hours"), ("Wann kann ich anrufen?", "hours"),
    ("Quand puis-je vous appeler ?", "hours"), ("Qual è il numero di telefono?", "phone"),
    # "in which year", in the site's language
    ("En quin any es va fundar Supermas?", "when"), ("In welchem Jahr wurde die Firma gegründet?", "when"),
    # Indonesian and Vietnamese question words
    ("Sejak tahun berapa Al'wi Lawyers berdiri?", "when"), ("Siapa pendiri Al'wi Lawyers?", "person"),
    ("Di mana kantor Al'wi Lawyers?", "place"), ("Phòng khám ở đâu?", "place"),
    ("Người sáng lập phòng khám là ai?", "person"),
    # "what is … called", as "what is the name of …"
    ("Jak se jmenuje masér a poradce, který služby poskytuje?", "person"), ("Kako se zove vlasnica salona?", "person"),
    ("¿Cómo se llama la dueña?", "person"), ("Vad heter ägaren?", "person"),
    # a time limit, a floor area, a year, in the site's language; whom to ask for; a place named "Costa"
    ("¿En qué plazo responde Tecno H2O a una solicitud de derechos ARCO?", "duration"),
    ("Dans quel délai répondez-vous ?", "duration"), ("Jaki metraż ma projekt „Mini kawalerka”?", "number"),
    ("What is the floor area of the flat?", "number"), ("Din ce an creează Viano Art Mobili mobilier?", "when"),
    ("Who should you ask for on WhatsApp to book a house at Posta del Este?", "person"),
    ("What is the street address of Posta del Este in Costa del Este?", "place"),
])
def test_the_kind_of_value_a_question_asks_for(question, kind):
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind(question) == kind


@pytest.mark.parametrize("sentence, kind, holds", [
    ("Founded 1994 by Ada Marsh.", "when", 1.0), ("Founded 1994 by Ada Marsh.", "person", 1.0),
    ("Ana Leder, mag. psych.", "person", 1.0), ("Northwind Tools makes hand tools.", "person", 0.0),
    ("Hauptstraße 5, 10115 Berlin", "place", 1.0), ("10115 Berlin", "place", 0.75),
    ("Price: $14.50.", "price", 1.0), ("Samedi : 12H à 15H", "hours", 1.0), ("Six guests at most.", "number", 1.0),
    ("Hoheneicher Str. 9, 34127 Kassel", "place", 1.0), ("Call +1 555 0100", "place", 0.0),
    # counts written out in the page's language, not "onze" (Dutch: our)
    ("Wij hebben elf fysiotherapeuten in dienst.", "number", 1.0), ("Da oltre trent'anni sul mercato.", "number", 1.0),
    ("Onze fysiotherapeuten zijn BIG-geregistreerd.", "number", 0.0),
    ("Adresa: Folnegovićeva 1b,Zagreb", "place", 1.0),  # labelled, no postcode, no street word
    # who founded it, by what the name did; "homeowners" names no owner, a founding year no founder
    ("Victor Pastor founded P&L with one goal.", "person", 1.0),
    ("We serve homeowners across Northern Virginia and the Shenandoah Valley.", "person", 0.5),
    ("Founded in 1994 in Leeds, West Yorkshire.", "person", 0.5),
])
def test_whether_a_sentence_holds_that_kind_of_value(sentence, kind, holds):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, kind, "Who runs Northwind Tools?") == holds


def test_a_postcode_asked_for_is_answered_by_a_sentence_holding_one():
    from scrapejet.insights.qtype import holds_kind

    question = "What is the postal code of the osteopathy practice in Opole?"
    assert holds_kind("ul. Wrocławska 156a/306, 45-835 Opole", "place", question) == 1.0
    assert holds_kind("ul. Wrocławska 156a/306, Opole", "place", question) == 0.0  # the street alone
    assert holds_kind("ul. Wrocławska 156a/306, Opole", "place", "Where is the practice?") == 1.0


def test_an_english_question_naming_the_kind_is_answered_by_a_value_of_that_kind_in_another_language():
    """"What is the street address of ...?" over a German legal notice: the
    page never says "street" or "address", its company name is everywhere;
    the address read by the business extractor is the answer."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    legal = Source(n=1, url="http://garten.test/impressum", title="Impressum", snippet="", score=1.0,
                   text="Impressum\n\nAngaben gemäß § 5 DDG\n\nHaus & Garten Dienst\n\nInhaber: Piet Brandt\n\n"
                        "Lindenhofer Str. 12\n\n34131 Kassel\n\nHaus & Garten Dienst pflegt Gärten in ganz Kassel.")
    services = Source(n=2, url="http://garten.test/leistungen", title="Leistungen", snippet="", score=0.9,
                      text="Haus & Garten Dienst: Rasenpflege, Heckenschnitt und Winterdienst für Haus und Garten.")
    answer = extractive_answer("What is the street address of Haus & Garten Dienst?", [legal, services])
    assert answer.startswith("Lindenhofer Str. 12, 34131 Kassel [1]"), answer
    # in Dutch, the question's word for address names the kind as well
    answer = extractive_answer("Wat is het adres van Haus & Garten Dienst?", [legal, services])
    assert answer.startswith("Lindenhofer Str. 12, 34131 Kassel [1]"), answer


@pytest.mark.parametrize("sentence, kind, holds", [
    ("Az ajánlat díja 20.000 Ft, amely levonásra kerül.", "price", 1.0), ("Paketet kostar 4 990 kr.", "price", 1.0),
    ("Cijena iznosi 55 eura.", "price", 1.0), ("Mein Ansatz liegt bei CHF 250 pro Stunde.", "price", 1.0),
    ("La prima consulenza è gratuita.", "price", 1.0), ("We are 2 friends in 1 shop.", "price", 0.0),
    ("© Alltid Ordning — Stil & Struktur i Åkersberga AB • Org.nr 556784-7099", "phone", 0.0),
    ("Ring oss på 08-540 212 00, Org.nr 556784-7099", "phone", 1.0),
    ("We reageren doorgaans binnen één werkdag.", "duration", 1.0), ("Lieferung in 2 Werktagen.", "duration", 1.0),
    # whole units without a currency sign: "103,-" (German, Nordic), "45.–" (Swiss)
    ("103,- zzgl. 8,- Frühstück pro Person", "price", 1.0), ("Tagesmenü 45.– inkl. Kaffee", "price", 1.0),
    ("Mo.-Fr. 8-18 Uhr", "price", 0.0),
    ("Náhradní díly doručujeme do 24 hodin od objednání.", "duration", 1.0),
    ("Gemiddeld is de levertijd 2 tot 3 weken.", "duration", 1.0),
    ("Com mais de quarenta anos de experiência.", "duration", 1.0),
    ("Pristatomos per 2–5 darbo dienas.", "duration", 1.0), ("Ühe patsiendi vastuvõtuaeg on 20 minutit.", "duration", 1.0), ("Founded 1994 by Ada Marsh.", "duration", 0.5),
    ("The battery lasts three long autumn evenings.", "duration", 1.0), ("Founded 1994 by Ada Marsh.", "place", 0.5),
    # "een" is also an article, "het" no Hungarian week: a count in words is next to its unit
    ("Met behulp van een zool wordt het lichaam helemaal in balans gebracht.", "duration", 0.0),
    ("We leveren binnen een week.", "duration", 1.0),
    # Peru's sol, before the amount or spelt out after it
    ("Pasaje Ferreñafe – Uyurpampa: S/ 25.00", "price", 1.0), ("El pasaje cuesta 25 soles.", "price", 1.0),
])
def test_prices_in_many_currencies_and_durations_with_their_units(sentence, kind, holds):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, kind) == holds


def test_how_long_is_answered_by_a_count_with_its_unit_in_the_pages_language():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import asked_kind

    assert [asked_kind(q) for q in ("How quickly do you reply?", "How far is it from the station?",
                                    "How many years of experience do you have?")] == ["duration"] * 3
    page = Source(n=1, url="http://dily.test/", title="Náhradní díly", snippet="", score=1.0,
                  text="Náhradní díly pro zemědělské stroje\n\nMáme 3 sklady a 12 zaměstnanců v okrese.\n\n"
                       "Náhradní díly doručujeme do 24 hodin od objednání.\n\nVolejte 777 123 456.")
    answer = extractive_answer("How quickly are spare parts (náhradní díly) delivered?", [page])
    assert answer.startswith("Náhradní díly doručujeme do 24 hodin od objednání. [1]"), answer


def test_an_address_over_short_lines_is_answered_up_to_its_postcode():
    """An address the business extractor cannot read ("Ελευθερίας 54" /
    "Αμπελόκηποι Θεσσαλονίκης, Τ.Κ." / "561 23"), or whose street has no
    house number ("Calle Fray Bartolomé — frente al Juzgado" above "11202
    Algeciras"): the answer gives the lines up to the postcode, not the
    postcode alone."""
    from scrapejet.insights.extractive import extractive_answer

    greek = Source(n=1, url="http://iatreio.test/epikoinonia.html", title="Επικοινωνία", snippet="", score=1.0,
                   text="Στοιχεία\n\nΔιεύθυνση\n\nΕλευθερίας 54\nΑμπελόκηποι Θεσσαλονίκης, Τ.Κ. 561 23\n"
                        "(Έναντι Β΄ ΚΑΠΗ Αμπελοκήπων)\n\nΩράριο λειτουργίας")
    answer = extractive_answer("What is the street address of the practice?", [greek])
    assert answer.startswith("Ελευθερίας 54 · Αμπελόκηποι Θεσσαλονίκης, Τ.Κ. · 561 23 [1]"), answer
    spanish = Source(n=1, url="http://tartas.test/", title="Tartarachin", snippet="", score=1.0,
                     text="Dónde estamos\n\nCalle Fray Bartolomé — frente al Juzgado\n11202 Algeciras, Cádiz\n\n"
                          "Nuestra tienda es principalmente para llevar.")
    answer = extractive_answer("Where is the Tartarachin shop in Algeciras?", [spanish])
    assert "Calle Fray Bartolomé — frente al Juzgado · 11202 Algeciras, Cádiz [1]" in answer, answer
    assert "do not clearly answer" not in answer


def test_an_address_asked_for_in_the_pages_language_is_found_by_its_value():
    """ "Hvad er adressen på …": "adressen" names what is asked, as "address"
    does, so the line that holds an address answers it, not the line that
    repeats the company's name."""
    from scrapejet.insights.extractive import extractive_answer

    page = Source(n=1, url="http://varle.test/kontakt", title="Kontakt os", snippet="", score=1.0,
                  text="Tømrermester Daniel Varle ApS\n\nVi betjener private og erhverv på Sjælland.\n\n"
                       "Violens Kvt 4A, 2620 Albertslund\n\nRing til os i dag.")
    answer = extractive_answer("Hvad er adressen på Tømrermester Daniel Varle ApS?", [page])
    assert answer.startswith("Violens Kvt 4A, 2620 Albertslund [1]"), answer


def test_a_faq_answer_is_read_with_its_question():
    """The sentences under a FAQ entry's question answer it: "Meestal 2 tot
    3 weken" says nothing of delivery but under "Wat is de levertijd van glas?"."""
    from scrapejet.insights.extractive import extractive_answer

    faq = Source(n=1, url="http://glas.test/faq", title="Veelgestelde vragen", snippet="", score=1.0,
                 text="Veelgestelde vragen\n\nHoe snel krijg ik een offerte?\n\nBinnen 2 dagen.\n\n"
                      "Wat is de levertijd van glas?\n\nMeestal 2 tot 3 weken.\n\nWe zijn open van 8 tot 17 uur.")
    answer = extractive_answer("What is the average delivery time for glass?", [faq])
    assert answer.startswith("Meestal 2 tot 3 weken. [1]"), answer


@pytest.mark.parametrize("sentence, holds", [
    ("Directeur de la publication : Lifeng HU", 1.0),  # a surname in capitals, a French role word
    ("For a free consultation contact Colin by calling:", 1.0),  # a first name alone after "contact"
    ("Jan van der Berg is the owner.", 1.0),
    ("Kontakt: Hans Meier", 1.0),  # a contact's label...
    ("Strona główna Realizacje Zakres usług O firmie Kontakt", 0.5),  # ...not a menu's last item
    ("Ihre Anwältin Maria Huber", 1.0),  # a lawyer by the name...
    ("Die Versicherung trägt einen Großteil der Anwaltskosten.", 0.5),  # ...not a lawyer's fees
    ("Balans ne znači da će svi problemi nestati.", 0.0),  # "či" is no capital letter
    ("Von Montag bis Freitag", 0.0),
    ("Dirigeant :Philipp ERNST", 1.0),  # the French legal notice's manager
    ("Schönheit, die wir von Außen umfassend unterstützen.", 0.0),  # German nouns have capitals: "von Außen" is no name
    ("Lass dich von uns Icoone Med beraten.", 0.5),  # "von" is "by" only right before the name
    ("Gerenoveerd door Jan de Vries in 2019.", 1.0),  # Dutch "door" is "by"...
    ("Welcome to Stableford, a home situated next door to the Russley Golf Club.", 0.5),  # ...the English door is not
    ("New Zealand · Margaret and Tony Spowart", 1.0),  # a couple signing as hosts
    ("Kathrin & Florian Häusler", 1.0),
    ("Schilderwerk Binnen & Buiten", 0.5),  # no surname: a heading
    ("We sell Bed and Breakfast packages in Christchurch Centre", 0.5),
])
def test_a_persons_name_in_the_ways_small_sites_write_it(sentence, holds):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, "person", "Who runs the shop?") == holds


def test_a_time_of_day_or_a_year_is_no_duration():
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind("We lunchen van 12.00 tot 13.00 uur.", "duration", "How long?") == 0.0
    assert holds_kind("Gemiddeld is de levertijd 2 tot 3 weken.", "duration", "How long?") == 1.0
    assert holds_kind("Antwort innerhalb von 24 h.", "duration", "How soon?") == 1.0
    assert holds_kind("Prowadzę STYL-BUD od 2010 roku.", "duration", "How soon?") == 0.5  # a year, not a count
    # a count written out is a count ("vijf jaar"); an age is no time spent at something
    question = "For how many years has he been working as a property manager?"
    assert holds_kind("Al vijf jaar ben ik actief als syndicus en vastgoedmakelaar.", "duration", question) == 1.0
    assert holds_kind("Ik ben Anthony Tas, 26 jaar oud en woonachtig in Willebroek.", "duration", question) == 0.5
    assert holds_kind("Ich bin 40 Jahre alt.", "duration", question) == 0.5


def test_a_duration_in_the_unit_the_question_names_answers_it():
    """ "How many years": twenty minutes by bus is a duration, not the answer."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "How many years has the shop been in business?"
    assert holds_kind("Fra Oslo bruker du kun 20 minutter.", "duration", question) == 0.5
    assert holds_kind("Vi har drevet butikken i 14 år.", "duration", question) == 1.0
    assert holds_kind("Fra Oslo bruker du kun 20 minutter.", "duration", "How long does it take?") == 1.0
    page = Source(n=1, url="http://mobler.test/", title="Møbelsnekkern", snippet="", score=1.0,
                  text="Fra Oslo vest bruker du kun 20 minutter.\n\nVi har drevet butikken i 14 år og er godt etablert.")
    assert extractive_answer(question, [page]).startswith("Vi har drevet butikken i 14 år"), extractive_answer(question, [page])


def test_a_heading_that_states_the_price_answers_it():
    """A heading is a label, no answer alone, unless it states the value
    asked for itself: "Prenota la tua Consulenza GRATUITA" says what the
    consultation costs."""
    from scrapejet.insights.extractive import extractive_answer

    page = Source(n=1, url="http://svapo.test/percorso", title="Percorso Smetti di Fumare", snippet="", score=1.0,
                  heading_path=["Prenota la tua Consulenza GRATUITA"],
                  text="Prenota la tua Consulenza GRATUITA\nNon affrontare questo percorso da solo. Il nostro team "
                       "ti aspetta in negozio.\nPrenota Ora")
    answer = extractive_answer("How much does the quit-smoking consultation cost?", [page])
    assert answer.startswith("Prenota la tua Consulenza GRATUITA [1]"), answer


def test_how_many_litres_is_answered_by_a_number_of_litres():
    """A count names what it counts: "how many litres" is answered by "ca.
    100.000 liter", not by the house numbers of the retailers' addresses."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import counted_noun, holds_kind

    question = "How many litres of beer does the brewery produce each year?"
    assert counted_noun(question) == "litres" and counted_noun("How many people can stay?") is None
    assert holds_kind("Hvert år produceres nu ca. 100.000 liter.", "number", question) == 1.0
    assert holds_kind("Moltkes Allé 2 · 6760 Ribe", "number", question) == 0.5
    # written out, a word between, in the page's language
    rooms = "How many rooms does the B&B have?"
    assert holds_kind("We hebben vijf verschillende kamers.", "number", rooms) == 1.0
    assert holds_kind("Hortsedijk 15, Helmond", "number", rooms) == 0.5
    shops = Source(n=1, url="http://bryghus.test/forhandler", title="Forhandlere", snippet="", score=1.0,
                   text="Forhandlere i Ribe\n\nKvickly\nSeminarievej 1, 6760 Ribe\n\nFøtex\nMoltkes Allé 1, 6760 Ribe")
    story = Source(n=2, url="http://bryghus.test/om-os", title="Om os", snippet="", score=0.8,
                   text="Remisen renoveres\n\nI 2018 købte vi den gamle togremise. Hvert år produceres nu ca. 100.000 liter.")
    answer = extractive_answer(question, [shops, story])
    assert answer.startswith("Hvert år produceres nu ca. 100.000 liter. [2]"), answer


def test_how_soon_asks_for_a_wait_not_for_years_of_experience():
    """ "How soon … the cost estimate?" names no unit, but a wait is minutes
    to weeks: "22 lata doświadczenia" (22 years of experience) is not one."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "How soon after the site visit do you deliver the written cost estimate?"
    assert holds_kind("Mam 22 lata doświadczenia w branży.", "duration", question) == 0.5
    assert holds_kind("Po wizycie dostarczam pisemny kosztorys w ciągu 48 godzin.", "duration", question) == 1.0
    assert holds_kind("Mam 22 lata doświadczenia w branży.", "duration", "How long have you been in business?") == 1.0
    page = Source(n=1, url="http://budowa.test/o-firmie", title="O firmie", snippet="", score=1.0,
                  text="Mam 22 lata doświadczenia w branży.\n\nPo wizycie dostarczam pisemny kosztorys w ciągu 48 godzin.")
    answer = extractive_answer(question, [page])
    assert answer.startswith("Po wizycie dostarczam pisemny kosztorys w ciągu 48 godzin."), answer


def test_a_duration_question_searches_the_unit_it_names_in_every_language():
    from scrapejet.insights.qtype import holds_kind, search_words

    words = search_words("How many years of experience does the lab have?", "duration").split()
    assert {"anos", "jahre", "años", "lat"} <= set(words) and "dagen" not in words
    assert "dagen" in search_words("How quickly do you deliver?", "duration").split()
    assert holds_kind("Zugkraft 9.5 m/min", "duration") < 1.0  # metres per minute are no duration


def test_a_middle_initial_is_part_of_a_name():
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind("O CEO é Milton S. Uehara, fundador do laboratório.", "person") == 1.0
    assert holds_kind("Héctor A. García", "person") == 0.5  # a name, without a role beside it
    assert holds_kind("Nos vemos a las 9", "person") == 0.0


@pytest.mark.parametrize("sentence, holds", [
    ("Représentant légal : Kadir OZDEMIR", 1.0),  # a long surname in capitals after a first name
    ("Notaire : Claire CUISENIER (CC)", 1.0),
    ("Tél. : 07 48 65 95 44 — E-mail :", 0.0),  # words apart by numbers and punctuation are no name
    ("Siège social : 2 Rue Ribot, 93700 Drancy, France", 0.0),  # "Rue Ribot" is a street
    ("Centro de fisioterapia en Av. Insurgentes 1098", 0.0),  # an abbreviation's period ends a name
    ("Bolaget leds av huvudägaren Peter Carlsson.", 1.0),  # a Swedish owner
])
def test_a_name_is_words_side_by_side_and_a_surname_may_be_in_capitals(sentence, holds):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, "person", "Who runs the shop?") == holds


def test_the_director_whose_name_the_company_bears_is_found_on_his_card():
    """ "Who is the director of Tømrermester Daniel Varle ApS?": the card
    "Daniel Jarlkov Buch Varle" / "Direktør" is a longer name than the
    company's, so it is the answer, and the passage holding the card is one
    that holds a person (the retriever's ranking of those)."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holding

    question = "Who is the director of Tømrermester Daniel Varle ApS?"
    card = "Daniel Jarlkov Buch Varle\nDirektør\nMobil: 53 27 24 45\nKontakt@varle.dk"
    assert holding(question, "person")(card)
    page = Source(n=1, url="http://tomrer-albertslund.test/kontakt-os", title="Kontakt os", snippet="", score=1.0, text=card)
    prose = Source(n=2, url="http://varle.test/", title="Tømrermester Daniel Varle ApS", snippet="", score=0.9,
                   text="Det vigtige er, at vi hos Tømrermester Daniel Varle tager hånd om vores fejl.")
    answer = extractive_answer(question, [page, prose])
    assert answer.startswith("Daniel Jarlkov Buch Varle · Direktør"), answer


def test_the_person_the_question_names_is_not_the_answer_whatever_follows_the_name():
    from scrapejet.insights.qtype import holds_kind

    question = "Which notary works at the office alongside the associate notary Tamara Chergui-Vilo?"
    assert holds_kind("SAS Tamara CHERGUI-VILO Notaire Associé", "person", question) == 0.0
    assert holds_kind("Notaire : Claire CUISENIER (CC)", "person", question) == 1.0


def test_the_company_behind_a_site_is_a_legal_entity():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "Which company operates CrossBox Zuera?"
    assert holds_kind("Denominación social: ATLAS & FALCATA SL", "person", question) == 1.0
    assert holds_kind("Nos vemos en el box, dice Ana Pérez.", "person", question) == 0.5
    legal = Source(n=1, url="http://crossbox.test/aviso-legal", title="Aviso legal", snippet="", score=1.0,
                   text="CrossBox Zuera, responsable del sitio web, pone a disposición de los usuarios este "
                        "documento.\n\nDenominación social: ATLAS & FALCATA SL\n\nNombre comercial: CROSSBOXZUERA\n\n"
                        "Responsable: Ana Pérez, entrenadora de CrossBox Zuera.")
    assert extractive_answer(question, [legal]).startswith("Denominación social: ATLAS & FALCATA SL [1]")


@pytest.mark.parametrize("sentence", [
    "Адреса вул. Верстова, 33, Дніпро",  # Ukrainian
    "Domicilio social: Salvador Echeandia Kalea, 12, BJ 1",  # Basque "kalea"
    "Adresă: București, sector 4, str. Odei",  # Romanian
    "Joniškėlio g. 13a",  # Lithuanian: the street's name in the genitive, then g.
    "Unit 2 Cahir Business Park, Cahir, Co. Tipperary",
])
def test_street_addresses_in_the_ways_other_countries_write_them(sentence):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, "place", "What is their address?") >= 0.75
    assert holds_kind("Send Message", "place", "What is their address?") < 0.75


def test_an_english_question_finds_its_words_in_a_page_in_another_language():
    from scrapejet.insights.extractive import extractive_answer

    page = Source(n=1, url="http://lrmj.test/", title="LRMJ Project", snippet="", score=1.0,
                  text="Fondé en 2011, LRMJ Project est un atelier de ferronnerie à vingt minutes de Bruxelles.\n\n"
                       "Vous recevez un devis gratuit et détaillé sous 48 heures.\n\nPortails, grilles et garde-corps.")
    answer = extractive_answer("How long does LRMJ Project take to send a free quote?", [page])
    assert answer.startswith("Vous recevez un devis gratuit et détaillé sous 48 heures. [1]"), answer
    pay = Source(n=1, url="http://podologie.test/afspraken", title="Afspraken", snippet="", score=1.0,
                 text="Een consultatie kan enkel na het maken van een afspraak.\n\nU kan contant of via Payconiq "
                      "betalen.\n\nGelieve 3 dagen op voorhand te annuleren.")
    assert "Payconiq" in extractive_answer("How can I pay at Podologie Sole Solutions?", [pay]).split("[1]")[0]


def test_whom_and_which_role_ask_for_a_person():
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind("Whom did Dr. Markus Krebs succeed as notary?") == "person"
    assert asked_kind("Which notary works at the office alongside Tamara Chergui-Vilo?") == "person"
    assert asked_kind("Which services do they offer?") is None


def test_a_team_card_is_read_whole():
    """A name on its own line with the role under it: the name answers a
    question about the role, which only the line under it names."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    team = Source(n=1, url="http://studio.test/chi-siamo", title="Chi siamo", snippet="", score=1.0,
                  text="Il Nostro Team\n\nProfessionisti qualificati al tuo servizio.\n\nMila Zanforlin\n\n"
                       "Amministratrice\n\nResponsabile della gestione condominiale\n\nValentina Lucia\n\n"
                       "Consulente Amministrativa Contabile\n\nGestione Condomini\n\nAssemblee e bilanci.")
    answer = extractive_answer("Who is the condominium administrator (amministratrice)?", [team])
    assert answer.startswith("Mila Zanforlin · Amministratrice · Responsabile della gestione condominiale [1]"), answer
    # (a role in title case, "Consulente Amministrativa Contabile", reads as a
    # name too and is not always ranked below the card that holds it)


def test_what_a_business_offers_is_answered_by_its_list_in_any_language():
    """An English "what services" question over a Swedish page: no word in
    common, and the embedding model reads English only; the list of
    services is the answer all the same (not "what kind of business")."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    page = Source(n=1, url="http://tradgard.test/tjanster", title="Tjänster", snippet="", score=1.0,
                  text="Kostnadsfri offert, ofta samma dag.\n\nTrädgårdsskötsel\n\n- Häckklippning – alla sorter\n"
                       "- Gräsklippning & kantskärning\n- Stubbfräsning & rotborttagning\n\nGäller i hela Skåne.")
    answer = extractive_answer("What services does Trädgårdsfix offer?", [page])
    assert "Trädgårdsskötsel · Häckklippning – alla sorter · Gräsklippning & kantskärning · Stubbfräsning" in answer, \
        answer


@pytest.mark.parametrize("words, english", [
    ("Gelieve dit 3 dagen op voorhand te laten weten", "advance"),  # Dutch: cancel three days ahead
    ("Adószám: 90360712-1-33", "tax"),  # a Hungarian tax number's label
    ("Po wizycie dostarczam pisemny kosztorys", "estimate"),  # a Polish written estimate
    ("Betaling kan contant of met Payconiq", "payment"),
    ("Entrada de 17:00 a 18:00", "check"),  # a Spanish guest house's check-in
    ("Frühstück ist im Preis inbegriffen", "breakfast"),
    ("Hunde sind willkommen", "dog"),
    ("Zaliczka wynosi 30% wartości prac", "deposit"),
    ("Fysiotherapie Douma heeft elf fysiotherapeuten", "physiotherapist"),
    ("Zahnärztin Dr. Werland", "dentist"),
    ("En behandling tar vanligtvis mellan 45 och 60 minuter", "treatment"),
    ("La séance (45 – 50 minutes) : 40 €", "session"),
    ("Náš pension nabízí ubytování cca 20 hostům", "guest"),
    ("Sitzplätze: 120 Nichtraucherplätze", "seat"),
    ("Si occupa inoltre di diritto di famiglia, separazioni, affidamento dei figli", "family"),
    ("Si occupa inoltre di diritto di famiglia, separazioni, affidamento dei figli", "child"),
    ("Lo Studio opera con particolare attenzione al diritto penale", "criminal"),
    ("W 2023 roku uzyskałem habilitację w dziedzinie nauk medycznych", "habilitation"),
    ("Σάββατο Κατόπιν συνεννόησης · Κυριακή Κλειστά", "sunday"),
    ("Zuständige Kammer: Handwerkskammer Oldenburg", "chamber"),
    ("Zuständige Kammer: Handwerkskammer Oldenburg", "responsible"),
    ("Zuständige Kammer: Handwerkskammer Oldenburg", "craft"),
    ("Oggi la struttura è diretta da Francesco Urso", "director"),
    ("Oggi la struttura è diretta da Francesco Urso", "today"),
    ("Dárkový poukaz je platný 6 měsíců od zakoupení", "voucher"),
    ("Εταιρικό κεφάλαιο", "capital"), ("Καλλιέργεια καρυκευτικών, αρωματικών φυτών", "grow"),
    ("Ühe patsiendi vastuvõtuaeg on 20 minutit.", "appointment"),
    ("Med over 15 års erfaring i rørleggerbransjen", "experience"), ("Mehr als 20 Jahre Erfahrung", "experience"),
    ("Onze offerte is vrijblijvend en 30 dagen geldig", "valid"), ("Der Gutschein ist 3 Jahre gültig", "valid"),
    ("Frank werkt in de regio rondom Noordwijk", "region"), ("Opero a Torino e provincia", "area"),
    ("Opero a Torino e provincia", "operate"),
    ("Sezónne uskladnenie pneumatík · 30 € / sezóna", "storage"), ("Sezónne uskladnenie pneumatík", "tyre"),
    ("Reifen einlagerung", "tire"), ("אזור השרון וגוש דן", "area"),
    ("Gelegen op de hoek van Irislaan en Henri Jasparlaan", "corner"),
    # an inflected form of a long word: "Gutscheine" (the glossary says "Gutschein")
    ("Gutscheine sind ab Ausstellungsdatum 3 Jahre gültig.", "voucher"),
])
def test_the_glossary_gives_a_foreign_sentence_the_english_terms_of_its_words(words, english):
    from scrapejet.insights.glossary import english_terms
    from scrapejet.insights.text import stem, terms

    assert stem(english) in english_terms(set(terms(words)))


# --- rules from the held-out questions' misses, read at the end of the ninth round ---

@pytest.mark.parametrize("sentence, holds", [
    ("Pon-Pt 8-16", 1.0),  # Polish weekdays, whole hours
    ("Mo-Fr 9-18 Uhr", 1.0),
    ("Los planos se retiran de 16 a 19 horas", 1.0),
    ("Working Days : Sat. Time : 8 a.m to 12 p.m", 1.0),
    ("Wir sind 5-10 Mitarbeiter", 0.0),
    ("Pt 3-4 years of training", 0.0),  # a span of years, not of hours
])
def test_hours_written_without_minutes(sentence, holds):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, "hours", "What are the opening hours?") == holds


def test_the_day_a_place_is_closed_is_asked_of_its_hours():
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind("In quale giorno della settimana il Caffè Barone è chiuso?") == "hours"
    assert asked_kind("On which day is the shop closed?") == "hours"


def test_the_question_s_word_for_a_person_labels_the_name():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "Who runs the Gasthaus zum Soller as its tenant (Pächterin)?"
    assert holds_kind("Gasthaus zum Soller · Pächterin: Iveta Lehmann", "person", question) == 1.0
    # "eier" (Norwegian: owner) is no owner inside "Vereinsfeier", nor is "Ihre Feier" a person
    assert holds_kind("Egal ob Familienfeier, Vereinsfeier oder Hochzeit, die Ihre Feier gelingen lassen.",
                      "person", question) < 1.0
    page = Source(n=1, url="http://soller.test/ueber-uns", title="Über uns", snippet="", score=1.0,
                  text="Egal ob Familienfeier, Vereinsfeier oder Hochzeit - unser Gasthaus bietet Ihnen verschiedene "
                       "Räumlichkeiten, die Ihre Feier zu einem gelungenen Fest werden zu lassen.\n\n"
                       "Bereits seit September 1997 wird das Gasthaus zum Soller durch die Pächterin, Iveta Lehmann, "
                       "geführt.")
    assert extractive_answer(question, [page]).startswith("Bereits seit September 1997"), extractive_answer(question, [page])


def test_an_owner_named_like_the_business_is_answered_under_the_owner_label():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "Who is the owner of Laila Thun Gebäudereinigung?"
    # the name the question gives is the business's, unless a person's label stands before it
    assert holds_kind("Inhaberin: Laila Thun", "person", question) == 1.0
    assert holds_kind("Willkommen bei Laila Thun Gebäudereinigung", "person", question) < 1.0
    page = Source(n=1, url="http://laila-thun.test/impressum", title="Impressum", snippet="", score=1.0,
                  text="Angaben gemäß § 5 DDG\nLaila Thun Gebäudereinigung\nRosa-Luxemburg-Str. 122\n15732 Schulzendorf\n"
                       "Inhaberin: Laila Thun\nSteuer-Nr.: 049/281/06883\nHaftung für Inhalte\n"
                       "Die Inhalte unserer Seiten wurden mit größter Sorgfalt erstellt.")
    assert extractive_answer(question, [page]).startswith("Inhaberin: Laila Thun [1]"), extractive_answer(question, [page])


def test_a_discount_is_a_price_and_its_card_may_give_the_value_first():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import asked_kind

    question = "What discount does Claiborne Services give senior citizens?"
    assert asked_kind(question) == "price"
    cards = Source(n=1, url="http://claiborne.test/", title="Claiborne Services", snippet="", score=1.0,
                   text="## Discounts\n\n10% off\n\nSenior Citizen\n\nAge 65+, ID at estimate\n\n"
                        "First Responder, Veteran & Military\n\nPolice, fire, EMS, 911, and all military — active or "
                        "veteran\n\n10–15% off\n\nClaiborne Family Tribute")
    assert extractive_answer(question, [cards]).startswith("10% off · Senior Citizen [1]")
    # a price list that gives the label first is still read label first
    prices = Source(n=1, url="http://shop.test/prices", title="Prices", snippet="", score=1.0,
                    text="Haircut\n\n€25\n\nColour\n\n€60")
    assert extractive_answer("How much is a colour?", [prices]).startswith("Colour · €60 [1]")


# --- rules from the tune questions of the tenth batch of sites ---

def test_a_team_card_with_a_first_name_alone_and_a_title_that_is_no_name():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "Who is the executive chef of Ristorante Coccobrillo?"
    assert holds_kind("Executive Chef & Pastry Chef", "person", question) < 1.0
    team = Source(n=1, url="http://coccobrillo.test/chi-siamo", title="Chi Siamo", snippet="", score=1.0,
                  text="## Our Team\n\nAngela\n\nExecutive Chef & Pasticcera\n\nBruno\n\nSous Chef\n\n"
                       "Antonio\n\nMaître & Sommelier")
    assert extractive_answer(question, [team]).startswith("Angela · Executive Chef & Pasticcera [1]")


@pytest.mark.parametrize("question, kind", [
    ("À quel numéro peut-on passer une commande ?", "phone"),
    ("Which number should I call to book?", "phone"),
    ("What number of rooms does the hotel have?", "number"),
    ("Quel est le numéro de TVA ?", "number"),
    ("Ποια είναι η διεύθυνση της εταιρείας;", "place"),  # "ποια" alone would ask who
])
def test_which_number_and_which_address(question, kind):
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind(question) == kind


def test_a_label_ending_in_a_colon_heads_its_price_line():
    from scrapejet.insights.extractive import extractive_answer

    prices = Source(n=1, url="http://usclade.test/tarifs", title="Tarifs", snippet="", score=1.0,
                    text='Séances individuelles "Adulte" (+ de 18 ans):\n\nLa séance (45 – 50 minutes) : 40 €\n\n'
                         'Séances individuelles "Enfants/Adolescents" (entre 8 et 18 ans):\n\n'
                         'La séance de 40 minutes : 35 euros')
    answer = extractive_answer("Combien coûte une séance individuelle pour un adulte ?", [prices])
    assert answer.startswith('Séances individuelles "Adulte" (+ de 18 ans): · La séance (45 – 50 minutes) : 40 € [1]'), answer


def test_a_word_of_the_question_labels_a_name_only_right_before_it():
    from scrapejet.insights.qtype import holds_kind

    question = "Who leads the classes at Lumen Pilates?"
    listing = "Back Care Pilates, Pilates for Desk Workers, Women’s Health Pilates, and Men’s Health Pilates."
    assert holds_kind(listing, "person", question) < 1.0


def test_a_person_s_own_introduction_names_them():
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind("Hello, I'm Greg Davies, an experienced physiotherapist.", "person", "Who runs it?") == 1.0


def test_how_large_asks_for_an_area():
    from scrapejet.insights.qtype import holds_kind

    question = "How large is the Hubmann holiday apartment?"
    assert holds_kind("Wir bieten eine Ferienwohnung mit 75 m² in ruhiger Lage.", "number", question) == 1.0
    assert holds_kind("Weißbriach 150, 9622 Weißbriach", "number", question) < 1.0
    assert holds_kind("The business park covers 7 acres.", "number", "How big is the site?") == 1.0


def test_est_before_a_year_does_not_end_the_sentence():
    from scrapejet.insights.text import sentences

    assert sentences("ALLCON • Gainesville, GA • Est. 1991. We dig.") == ["ALLCON • Gainesville, GA • Est. 1991.", "We dig."]


def test_a_designers_credit_and_a_capitalised_label_are_no_person():
    from scrapejet.insights.qtype import holds_kind

    question = "Who runs Deep Creek Plumbing?"
    assert holds_kind("Built by Building Brain Digital 📞 Call Deep Creek Plumbing Now", "person", question) < 1.0
    assert holds_kind("Founded 1994 by Ada Marsh.", "person", "Who founded Northwind Tools?") == 1.0
    # a couple's shared surname is no word the site writes in lower case
    common = frozenset({"wedding", "water", "systems", "hot"})
    assert holds_kind("International & Cozy Wedding", "person", question, common) == 0.0
    assert holds_kind("Outdoor & Water Systems", "person", question, common) == 0.0
    assert holds_kind("Dorothe & Werner Hinderer", "person", question, common) == 1.0


def test_an_ordinal_number_does_not_end_the_sentence():
    from scrapejet.insights.text import sentences

    # German, Nordic and Slavic ordinals are written "7." before the noun
    assert sentences("Werner Hinderer und Familie stehen seit der 7. Generation für Qualität. Wir freuen uns.") == [
        "Werner Hinderer und Familie stehen seit der 7. Generation für Qualität.", "Wir freuen uns."]
    assert sentences("Geöffnet ab dem 20. Mai. Reservieren Sie!") == ["Geöffnet ab dem 20. Mai.", "Reservieren Sie!"]
    # a year, or a figure in words, still ends one
    assert sentences("We opened in 1991. We dig.") == ["We opened in 1991.", "We dig."]
    # dot leaders run to the price
    assert sentences("Terapevtska masaža 55 minut .... 45 EUR. Podaljšana masaža 85 minut .... 55 EUR.") == [
        "Terapevtska masaža 55 minut .... 45 EUR.", "Podaljšana masaža 85 minut .... 55 EUR."]


def test_a_question_in_the_page_s_language_matches_its_other_word_for_the_same_thing():
    from scrapejet.insights.extractive import best_sentences

    # "fondée" in the question, "fondateurs" on the page: both say "founded"
    page = Source(n=1, url="http://capucine.test/mission", title="Notre mission", snippet="", score=1.0,
                  text="La boulangerie a ouvert une deuxième boutique en 2003.\n\n"
                       "Les fondateurs ont lancé la boulangerie en 1995.")
    (best, *_) = best_sentences("En quelle année la boulangerie a-t-elle été fondée ?", [page])
    assert "1995" in best.text, best.text


def test_a_question_in_the_page_s_language_searches_its_other_words_for_the_same_thing():
    from scrapejet.insights.glossary import page_words

    words = page_words("En quelle année l'entreprise a-t-elle été créée ?").split()
    assert "création" in words and "fondateur" in words
    assert "kamers" in page_words("How many rooms are there?").split()
    assert page_words("Quel est le numéro de SIRET ?") is None


def test_a_first_name_after_dutch_van_is_a_person_and_a_street_is_none():
    from scrapejet.insights.qtype import holds_kind

    question = "Whose dream was Cremerie Alijs originally?"
    assert holds_kind("Cremerie Alijs begon met een droom van Maarten: een plek waar ambacht samenkomt.", "person",
                      question) == 1.0
    # the company's name before a comma labels nothing; a name before a house number is a street
    assert holds_kind("Uitbatingszetel: Cremerie Alijs, Lange Dreef 9, 2820 Rijmenam", "person", question) < 1.0


@pytest.mark.parametrize("sentence, holds", [
    ("Σάββατο Κατόπιν συνεννόησης · Κυριακή Κλειστά", 1.0),  # a day it is closed answers "open on Sundays?"
    ("Puhelinpäivystys joka päivä 7–21 / 7", 1.0),  # every day, whole hours
    ("Sonntag", 0.0),
    ("De Dilluns a Divendres · 8:00h a 13:00h i de 15:00h a 20:00h", 1.0),  # Catalan days
    ("Wednesday 9–17", 1.0),
])
def test_hours_in_more_languages_and_a_day_closed(sentence, holds):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, "hours", "Is the practice open on Sundays?") == holds


def test_a_street_name_and_number_before_a_town_is_a_place():
    from scrapejet.insights.qtype import asked_kind, holds_kind

    # where the business (or its one-person owner) says it is, a town alone
    assert holds_kind("Ik ben Anthony Tas, 26 jaar oud en woonachtig in Willebroek.", "place", "In which town?") == 1.0
    # a law's article cited by number is no postcode
    assert holds_kind("Verplicht volgens Belgisch recht (art. 1730 BW).", "place", "In which town?") == 0.5
    assert asked_kind("Quin és l'horari del taller Trima Motor d'Arbúcies?") == "hours"

    assert holds_kind("Κωνσταντίνου Καραμανλή 67, Θεσσαλονίκη", "place", "Where is it?") == 0.75
    assert holds_kind("Wir haben 12, Mitarbeiter", "place", "Where is it?") < 0.75  # no street's name
    assert holds_kind("Seit 1994, Berlin", "place", "Where is it?") < 0.75  # a year, no house number


def test_an_hours_table_reads_its_two_times_as_one_span():
    from scrapejet.insights.extractive import _units

    text = "Office Hours\nMonday\n8:00am\n5:00pm\nTuesday\n8:00am\n1:00pm"
    assert any("Tuesday · 8:00am - 1:00pm" in unit for unit in _units(text, "hours"))


@pytest.mark.parametrize("words, english", [
    ("Řidičská skla −30 %", "driver"), ("Řidičská skla −30 %", "lens"), ("Nové brýle za výhodnou cenu", "glasses"),
])
def test_the_glossary_has_an_optician_s_words(words, english):
    from scrapejet.insights.glossary import english_terms
    from scrapejet.insights.text import stem, terms

    assert stem(english) in english_terms(set(terms(words)))


@pytest.mark.parametrize("sentence, holds", [
    ("Organisationsnummer: 556784-7099", 1.0), ("KvK 92755089", 1.0), ("SIRET : 123 456 789 00012", 1.0),
    ("18–20% / per bokning", 0.0),  # a number, but no register's
    ("Registergericht: Amtsgericht Darmstadt, Registernummer: HRB 92143", 1.0),
    ("Telefon: +49 6063 589962-00", 0.0),  # a phone number
    ("Stil & Struktur AB · 556784-7099", 0.5),  # the shape of one, unlabelled
])
def test_a_register_number_asked_for_is_answered_by_one(sentence, holds):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, "number", "What is the organisation number of the company?") == holds


def test_a_vat_number_asked_for_is_the_one_under_a_vat_label():
    from scrapejet.insights.qtype import holds_kind

    question = "What is the VAT identification number of the Furrer surveying office?"
    assert holds_kind("Umsatzsteueridentifikationsnummer: · DE21 337 1503", "number", question) == 1.0
    assert holds_kind("Steuernummer: · 39175/39210", "number", question) == 0.5


def test_a_line_the_next_line_does_not_carry_on_is_a_sentence_of_its_own():
    from scrapejet.insights.text import clean_line, sentences

    text = ("Toimistollamme teitä palvelee Elina Paakkola. Jyrki Heilimö ja Teemu Wallius\nJyrki Heilimö\n"
            "a wrapped line of text that runs on for well over sixty characters and then\ngoes on here.")
    assert sentences(text) == ["Toimistollamme teitä palvelee Elina Paakkola.", "Jyrki Heilimö ja Teemu Wallius",
                               "Jyrki Heilimö",
                               "a wrapped line of text that runs on for well over sixty characters and then goes on here."]
    assert clean_line("<u>Steuernummer:</u> 39175/39210") == "Steuernummer: 39175/39210"


def test_a_questions_own_words_are_searched_not_its_question_words():
    # "wat", "volgens", "hvor", "qual" are in every form on a Dutch, Danish,
    # Italian site: a keyword search for them finds the forms, not the answer
    from scrapejet.storage.chunks import query_terms

    assert query_terms("Wat is de terugverdientijd van zonnepanelen volgens GreenPlus Energy?") == [
        "terugverdientijd", "zonnepanelen", "greenplus", "energy"]
    assert query_terms("Hvor mange års garanti giver de?") == ["mange", "års", "garanti", "giver"]
    assert query_terms("Qual è il prezzo della camera?") == ["prezzo", "della", "camera"]


def test_an_english_question_finds_the_pages_word_spelled_alike_in_its_language():
    # "accompanied" / "accompagné", "guarantee" / "garanti": no glossary
    # entry, the English-only model none the wiser; the sentence saying it wins
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    about = Source(n=1, url="http://uptomove.test/", title="UP TO MOVE", snippet="", score=1.0,
                   text="Nos formations\n\nTransport et logistique, commerce et services.\n\n"
                        "Depuis, nous avons accompagné plus de 1000 personnes, partout en France.")
    answer = extractive_answer("How many people has UP TO MOVE accompanied so far?", [about])
    assert answer.startswith("Depuis, nous avons accompagné plus de 1000 personnes"), answer
    # a question in the page's own language is matched by its own words only
    from scrapejet.extract.stopwords import reads_english

    assert reads_english("How many people has UP TO MOVE accompanied so far?")
    assert not reads_english("Kolik stojí hodina práce u firmy Vyklízení Bednář?")


def test_the_words_naming_the_business_in_a_question_say_which_site_not_which_sentence():
    # every page repeats "Tømrermester Daniel Varle ApS" (a legal form ends the
    # run) and "Hush Bed & Breakfast" (a word of the host): neither says which sentence
    from scrapejet.insights.extractive import _site_name_terms

    assert _site_name_terms("Hvad er adressen på Tømrermester Daniel Varle ApS?", {"albertslundbygtest"}) == {
        "tomrermester", "daniel", "varle", "aps"}
    assert _site_name_terms("How many rooms does Hush Bed & Breakfast have?", {"hushbbhelmondtest"}) == {
        "hush", "bed", "breakfast"}
    assert _site_name_terms("Where is the shop of Anna Berg?", {"northwindtoolstest"}) == set()


def test_a_profile_value_short_of_what_is_asked_leaves_the_passages_to_answer():
    # the profile has the postcode and town and a landline; the question asks
    # for the street, then for the mobile: the passages are read for them
    town_only = {**PROFILE, "addresses": [{"street": None, "postal_code": "79098", "locality": "Freiburg im Breisgau",
                                           "country": "DE", "found_on": [{"url": "http://hidden-legal.test/", "role": "home"}]}]}
    contact = Hit(42, "hidden-legal.test", "http://hidden-legal.test/kontakt", "Kontakt",
                  "# Kontakt\n\nSie finden uns in der Kornstraße 7, 79098 Freiburg.\n\nMobil: 0172 4096338", 0.9, ["Kontakt"])
    for question, fact in (("What is the street address of Bäckerei Sonnenkorn?", "Kornstraße 7"),
                           ("What is the bakery's mobile number?", "0172 4096338")):
        answer = _answer_with_profile(question, [contact], town_only)
        assert fact in answer, answer
    # "the notary office" asks for no address; "full name" for a person
    assert asked_fields("Can clients visit the notary office without an appointment?") == []
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind("What is Hugo Pereira's full name as given in the privacy policy?") == "person"


def test_hours_asked_for_a_day_the_profile_s_hours_leave_out_are_read_in_the_passages():
    # the structured data gives Monday to Saturday; the contact page says Sunday
    week = {**PROFILE, "opening_hours": [{"dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
                                          "opens": "09:00", "closes": "20:00"}]}
    contact = Hit(43, "hidden-legal.test", "http://hidden-legal.test/iletisim", "İletişim",
                  "# Çalışma saatleri\n\nPazartesi - Cumartesi: 09:00 - 20:00\n\nSunday: 13:00 - 21:00", 0.9, ["İletişim"])
    question = "What are the shop's opening hours on Sundays?"
    answer = _answer_with_profile(question, [contact], week)
    assert "13:00 - 21:00" in answer, answer
    # a day the hours cover is answered by the profile alone
    question = "What are the opening hours on Saturday?"
    assert _answer_with_profile(question, [contact], week).startswith("Opening hours:")


def test_the_hours_of_the_day_and_the_part_of_the_day_asked_come_first():
    # a practice's week: the Monday afternoon line is what "montags nachmittags"
    # asks for, not the mornings of the whole week nor Tuesday's afternoon
    from scrapejet.insights.extractive import _days_covered, _fits_time_asked

    hours = Hit(51, "praxis.test", "http://praxis.test/sprechzeiten.html", "Sprechzeiten",
                "Sprechzeiten\n\n| Montag bis Freitag ........ | 8:30 - 12:00 Uhr |\n| Dienstag und Donnerstag ..... | 15:00 - 17:30 Uhr |\n"
                "| Mittwoch ............ | 14:00 - 16:00 Uhr |\n| Montag ............... | 16:00 - 19:00 Uhr |\n\n"
                "Frau Gantert arbeitet bei mir dienstags von 8.30 bis 14.00 Uhr und donnerstags von 15.00 bis 17.30 Uhr.\n\n"
                "Grundsätzlich sind telefonische Terminabsprachen erforderlich!", 0.9, ["Sprechzeiten"])
    answer = _extractive("Wann hat die Praxis montags nachmittags Sprechstunde?", [hours])
    assert "16:00 - 19:00" in answer, answer
    answer = _extractive("What are the practice's consulting hours on Wednesday afternoons?", [hours])
    assert "14:00 - 16:00" in answer, answer
    assert _days_covered("Montag bis Freitag 8:30 - 12:00 Uhr") == {0, 1, 2, 3, 4}
    assert _days_covered("du mardi au samedi 9h-18h") == {1, 2, 3, 4, 5}
    assert _days_covered("Dienstag und Donnerstag 15:00 - 17:30 Uhr") == {1, 3}
    assert _fits_time_asked("on Saturday mornings?", "Saturday 9am - 1pm") == 2
    assert _fits_time_asked("on Saturday mornings?", "Saturday 2pm - 5pm") == 1
    assert _fits_time_asked("le soir ?", "Lundi au vendredi : 18h30 - 22h") == 1


def test_when_a_place_opened_asks_for_a_date_not_its_hours():
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind("When did Whitmore Tea Rooms re-open?") == "when"
    assert asked_kind("When was the café opened?") == "when"
    assert asked_kind("When is the shop open?") == "hours"


def test_how_far_asks_for_a_distance_and_mobile_appointments_for_no_phone():
    from scrapejet.insights.qtype import holds_kind

    question = "How far from Auburndale does Faith Works travel for jobs?"
    assert holds_kind("Faith Works serves property owners within approximately 70 miles of Auburndale.", "duration", question) == 1.0
    assert holds_kind("Contact Sunshine 811 at least two full business days before work begins.", "duration", question) < 1.0
    assert asked_fields("On which days of the week does Tuned Performance take mobile appointments?") == []
    assert asked_fields("What is the bakery's mobile number?") == ["phone"]


def test_how_soon_they_reply_and_how_high_a_deposit_is_read_in_the_pages_language():
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind("Jak vysokou vratnou kauci musím složit při zapůjčení motocyklu?") == "price"
    assert asked_kind("How high is the tower?") is None
    page = Hit(44, "hidden-legal.test", "http://hidden-legal.test/contact", "Contact",
               "# Informatie, offerte of terugbelverzoek\n\nKies wat je nodig hebt. We reageren doorgaans binnen 1 werkdag.", 0.5,
               ["Contact"])
    other = Hit(45, "hidden-legal.test", "http://hidden-legal.test/zuidlaren", "Zuidlaren",
                "# Zuidlaren\n\nNaar de stad Groningen is het een kwartier tot twintig minuten rijden.", 0.9, ["Zuidlaren"])
    question = "How soon does VL Warmte usually reply to an enquiry?"
    answer = _extractive(question, [other, page])
    assert "1 werkdag" in answer.split("\n")[0].split("[")[0], answer


def test_a_team_card_under_a_doctors_name_answers_who_founded_it():
    from scrapejet.insights.qtype import is_name_line

    assert is_name_line("Dr. Joan Carrera Guiu") and is_name_line("Dott.ssa Grazia Ceo")
    team = Hit(46, "hidden-legal.test", "http://hidden-legal.test/equip", "L'equip",
               "# L'equip\n\nLleida\nDr. Joan Carrera Guiu\nPresident del Col·legi de Dentistes de Lleida\nFundador\n"
               "Fundador de la clínica i referent de l'odontologia a la demarcació de Lleida.\nDr. Joan Carrera Carrillo\n"
               "Director Mèdic · Cirurgia i Implantologia", 0.9, ["L'equip"])
    question = "Who founded the Estudi Dental Carrera clinic?"
    answer = _extractive(question, [team])
    assert answer.startswith("Dr. Joan Carrera Guiu"), answer


def test_a_profile_with_a_town_alone_leaves_the_address_to_the_passages():
    town = {**PROFILE, "addresses": [{"street": None, "postal_code": None, "locality": "Pasvalys", "country": "LT",
                                      "found_on": [{"url": "http://hidden-legal.test/", "role": "home"}]}]}
    contact = Hit(47, "hidden-legal.test", "http://hidden-legal.test/kontaktai", "Kontaktai",
                  "# Kontaktai\n\nAdresas: Vilniaus g. 12, Pasvalys\n\nTel. +370 612 34567", 0.9, ["Kontaktai"])
    question = "What is EK Transport's address in Pasvalys?"
    answer = _answer_with_profile(question, [contact], town)
    assert "Vilniaus g. 12" in answer, answer


def test_a_price_list_page_and_a_whole_sum_written_with_a_dash():
    from scrapejet.insights.qtype import holds_kind, stating_pages

    question = "How much does FloorMaster charge per square metre to lay laminate flooring?"
    on_price_list = stating_pages(question, "price")
    assert on_price_list("http://floormaster.hu/arlista.html") and on_price_list("http://firma.de/preise/")
    assert not on_price_list("http://floormaster.hu/kapcsolat.html")
    assert holds_kind("Laminált padló lerakása M2 2800.- -", "price", question) == 1.0


def test_a_glossary_gives_a_pages_words_for_buses_materials_and_oils():
    from scrapejet.insights.glossary import page_words

    assert "λεωφορείο" in page_words("Which bus line takes you from the metro station?").split()
    assert "υλικό" in page_words("What material are the insoles made of?").split()
    assert "oljer" in page_words("Which brand of essential oils do they use?").split()


def test_opening_hours_and_an_hourly_rate_asked_in_czech_and_finnish():
    from scrapejet.insights.qtype import asked_kind, holds_kind

    assert asked_kind("Jaká je provozní doba Centra zdraví Brno?") == "hours"
    assert asked_kind("Какие часы работы автошколы?") == "hours"
    assert asked_kind("Mikä on M Talotekniikan tuntiveloitus sähkötöistä?") == "price"
    # whole hours followed by a comma and more ("päivystys 24/7"), not a decimal
    assert holds_kind("Aukiolo: Ma–Pe 8–16, päivystys 24/7", "hours") == 1.0
    assert holds_kind("Preis 8-16,50 EUR", "hours") == 0.0
    # Romanian, Latvian and Estonian weekdays: the day it is closed is an answer
    assert holds_kind("Luni: închis", "hours") == 1.0 and holds_kind("Esmaspäev 9-17", "hours") == 1.0
    assert holds_kind("Garanție 6 luni", "hours") == 0.0


def test_a_days_hours_in_a_cell_of_their_own():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    home = Source(n=1, url="http://barbaren.test/", title="Barbaren", snippet="", score=1.0,
                  text="Öppettider\n\nOnsdag\n\n17 – 23\n\nTorsdag\n\n17 – 23\n\nFredag\n\n15 – 00\n\nLördag\n\n15 – 00")
    about = Source(n=2, url="http://barbaren.test/om-oss", title="Om oss", snippet="", score=0.9,
                   text="BarBaren är en bar med fokus på konst, kultur och gemenskap. Vi serverar enbart dryck.")
    answer = extractive_answer("Vilka tider har BarBaren öppet på fredagar?", [home, about])
    assert "Fredag · 15 – 00" in answer and answer.rstrip().endswith("[1]"), answer


@pytest.mark.parametrize("question, kind", [
    ("Mis aastast alates Kivi CB Trading tegutseb?", "when"),  # since which year
    ("Koľko rokov praxe má Petra Kaderníčka?", "duration"),  # how many years of practice
    ("Qual é o número de inscrição na OAB do advogado Alisson Paz?", "number"),
    ("Hvar fara æfingar Handbolta Akademíu Snerpu fram?", "place"),
    ("Kellega tuleb Mandri-Eestis ühendust võtta?", "person"),  # with whom
    ("Op welke dagen is de winkel van Bakkerij Peterse open?", "hours"),  # on which days … open
    ("An welchen Tagen ist die Praxis geöffnet?", "hours"),
    ("Ποιοι είναι οι ιδιοκτήτες της Pellaskal;", "person"),  # who (plural) are the owners
    ("Ποιες ώρες μπορώ να επικοινωνήσω με το GZ Engineering;", "hours"),  # which hours ("ποιες" asks which, not who)
    ("Garanti Havuz hangi ilçede bulunuyor?", "place"),  # in which district is it
])
def test_question_words_of_more_languages(question, kind):
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind(question) == kind


def test_the_whole_hours_table_answers_on_which_days_a_shop_is_open():
    # the days it is open are further down the table than its first, closed, days
    from scrapejet.insights.extractive import extractive_answer

    week = ["Maandag Gesloten", "Dinsdag Gesloten", "Woensdag 8:00 – 16:00", "Donderdag Gesloten",
            "Vrijdag 8:00 – 16:00", "Zaterdag 8:00 – 15:00", "Zondag Gesloten"]
    page = Source(n=1, url="http://bakkerij.test/contact", title="Contact", snippet="", score=1.0,
                  text="\n".join(["Loop binnen, bel op of stuur een bericht.", "Openingstijden winkel", *week]))
    answer = extractive_answer("Op welke dagen is de winkel van Bakkerij Peterse open?", [page])
    assert "Openingstijden winkel · " + " · ".join(week) + " [1]" in answer, answer


def test_a_hard_c_and_a_k_make_one_word_in_two_languages():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.text import cognates

    assert cognates("coffee", "koffie") and cognates("clinic", "klinik")
    assert not cognates("coffee", "coffee") and not cognates("cat", "kat")  # (the same word; too short to tell)
    page = Source(n=1, url="http://bakkerij.test/contact", title="Contact", snippet="", score=1.0,
                  text="Loop binnen, vraag om een kopje.\nWe schenken koffie van Man met Bril uit Rotterdam.\n"
                       "Bestel verse broden via WhatsApp.")
    answer = extractive_answer("Which coffee roaster's coffee does Bakkerij Peterse serve?", [page])
    assert "We schenken koffie van Man met Bril uit Rotterdam. [1]" in answer and "kopje" not in answer, answer


def test_a_copyright_notice_s_year_dates_nothing_in_the_business_s_story():
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind("Persónuvernd Skilmálar © 2026 Snerpa Coaching ehf.", "when", "In which year?") == 0.0
    assert holds_kind("Copyright 2010-2024 Acme Ltd", "when", "When?") == 0.0
    assert holds_kind("© 2026 Acme, family-run since 1994", "when", "When?") == 1.0


def test_portuguese_da_is_of_the_and_italian_da_after_a_participle_is_by():
    from scrapejet.insights.qtype import holds_kind

    question = "What is the full name of the lawyer behind this law office?"
    law = "A transação penal está prevista no artigo 76 da Lei dos Juizados Especiais e na Lei n.º 9.099/1995."
    assert holds_kind(law, "person", question) == 0.5
    assert holds_kind("L'agriturismo è gestito da Marco Rossi e famiglia.", "person", "Chi gestisce l'agriturismo?") == 1.0


def test_round_the_clock_is_an_answer_to_when_to_reach_them():
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind("Openingstijden: 24/7 bereikbaar voor spoed", "hours", "When can you reach them?") == 1.0
    assert holds_kind("Rund um die Uhr erreichbar", "hours", "Wann sind Sie erreichbar?") == 1.0
    assert holds_kind("Rechnung vom 24/7/2020", "hours", "When can you reach them?") == 0.0


def test_a_fax_asked_for_in_french_is_asked_of_the_profile_s_numbers():
    assert asked_fields("Quel est le numéro de télécopieur de Constructions Michel Labbé ?") == ["phone"]


def test_a_name_the_question_gives_is_not_its_answer_whatever_its_nickname_or_title():
    from scrapejet.insights.qtype import holds_kind

    question = "Who runs Blokhus Bageri today together with the owner Anna Kristensen?"
    assert holds_kind("Ejer Anna ”Noo” Kristensen og hendes familie købte bageriet i 1988.", "person", question) == 0.0
    # her son, named with his master's title and "is run by", is the answer
    son = "I dag drives det af hende og hendes søn og bagermester Mads Warny Kristensen."
    assert holds_kind(son, "person", question) == 1.0
    assert holds_kind("Der Betrieb wird geführt von Hans Meier.", "person", "Wer führt den Betrieb?") == 1.0


def test_how_much_notice_asks_for_a_time_not_a_price():
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind("How much notice do I need to give to cancel a session without being charged?") == "duration"
    assert asked_kind("How far in advance should I book?") == "duration"
    assert asked_kind("How much does a session cost?") == "price"


@pytest.mark.parametrize("words, english", [
    ("Ajan voit varata Vellon kautta.", "book"),
    ("Rezerwacja stolika telefonicznie", "book"),
    ("Olen koulutettu hieroja", "masseur"),
    ("Masszőr: Kovács Béla", "masseur"),
])
def test_the_glossary_has_booking_and_a_masseur(words, english):
    from scrapejet.insights.glossary import english_terms
    from scrapejet.insights.text import terms

    assert english in english_terms(set(terms(words)))


def test_bulgarian_and_ukrainian_working_hours_are_asked_for():
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind("Какво е работното време на Климатичко в делничните дни?") == "hours"
    assert asked_kind("Який графік роботи салону?") == "hours"


def test_a_register_number_the_profile_read_from_the_footer_answers_the_question():
    # the footer's "Company Number:" / "14599592" is cut from the passages
    # with the menu it sits in; the business spider read it
    profile = {**PROFILE, "registration": "Company Number 14599592", "vat_id": "DE287456193",
               "provenance": {"registration": {"url": "http://hidden-legal.test/", "role": "home"},
                              "vat_id": {"url": "http://hidden-legal.test/impressum", "role": "legal"}}}
    answer = _answer_with_profile("What is the company number of Sonnenkorn?", HITS[:1], profile)
    assert answer == "Registration: Company Number 14599592 [2]"
    answer = _answer_with_profile("What is Sonnenkorn's VAT registration number?", HITS[:1], profile)
    assert answer == "VAT ID: DE287456193 [2]"
    # a profile without one leaves the question to the passages, and says nothing of it
    answer = _answer_with_profile("What is the company number of Sonnenkorn?", HITS[:1], PROFILE)
    assert "profile lists no" not in answer and "[2]" not in answer


def test_a_team_card_that_gives_the_role_above_the_name():
    about = Hit(31, "voetselect.test", "http://voetselect.test/overons.html", "Over ons",
                "# Over ons\n\nOprichtster & hoofdbehandelaar\n\nCorine Voets\n\n(Sport)podotherapeut & acupuncturist\n\n"
                "Corine studeerde in 1995 af aan Fontys Podotherapie in Eindhoven en opende direct daarna haar eigen "
                "praktijk in Schijndel.", 0.7, ["Over ons"])
    question = "Wie is de oprichtster en hoofdbehandelaar van VoetSelect Podotherapie?"
    answer = _extractive(question, [about])
    assert "Corine Voets" in answer and "do not clearly answer" not in answer, answer


def test_the_page_a_question_names_is_where_its_answer_is_looked_for():
    from scrapejet.insights.qtype import asked_kind, stating_pages

    question = "Who are the contact persons named on the Holidays In Malta contact page?"
    on_page = stating_pages(question, asked_kind(question))
    assert on_page("http://holidaysinmalta.test/contact/index.html") and on_page("http://holidaysinmalta.test/contact/")
    assert not on_page("http://holidaysinmalta.test/faqs/index.html")
    question = "Wer ist laut Impressum der Anbieter der Ferienwohnung?"
    on_page = stating_pages(question, asked_kind(question))
    assert on_page("http://fewo.test/impressum.html") and not on_page("http://fewo.test/about.html")
    # a contact form is no contact page: the privacy policy says how long its data are kept
    assert stating_pages("How long does Garage Locarno keep the data sent through its contact form?", "duration") is None


def test_the_town_asked_for_is_answered_by_a_town_named_after_in():
    home = Hit(41, "harasdazur.test", "http://harasdazur.test/", "Haras d'Azur",
               "# Haras d'Azur\n\nMa jument y a trouvé un cadre exceptionnel pour y finir sa croissance au pré.\n\n"
               "Découvrez le Haras d’Azur à Tarascon, un havre de paix dédié aux chevaux de sport.", 0.6, ["Haras d'Azur"])
    question = "Dans quelle ville se trouve le Haras d'Azur ?"
    answer = _extractive(question, [home])
    # (the closest sentence, said as such: a town in passing is not said to be the business's seat)
    assert answer.split("closest sentences are: ")[-1].startswith("Découvrez le Haras d’Azur à Tarascon"), answer


def test_a_titled_couple_is_a_person_and_an_inventory_is_no_couple():
    contact = Hit(51, "holidaysinmalta.test", "http://holidaysinmalta.test/contact/", "Contact",
                  "# Contact\n\nContact Details\n\nMr & Mrs Cassar Mallia\n\nVilla Margherita Apartments, Plot 3, "
                  "Santa Maria Estate, Mellieħa, MLH 2702", 0.5, ["Contact"])
    villa = Hit(52, "holidaysinmalta.test", "http://holidaysinmalta.test/properties/villa/", "Villa",
                "# Villa\n\nSun Loungers and Parasoles\n\nIron and Iron Board\n\nStandard Fans", 0.6, ["Villa"])
    question = "Who are the contact persons named on the Holidays In Malta contact page?"
    answer = _extractive(question, [villa, contact])
    assert answer.startswith("Mr & Mrs Cassar Mallia") or "Cassar Mallia [2]" in answer.split("\n")[0], answer
    assert "Iron Board" not in answer, answer


def test_figures_set_as_cards_above_their_labels_answer_how_many():
    # "500+" / "Jobs Completed" / "100%" / "Satisfaction Rate": each figure
    # belongs to the label under it, not to the one above
    about = Hit(47, "hidden-legal.test", "http://hidden-legal.test/about", "About",
                "As NICEIC Approved Contractors, we meet the highest industry standards every day.\n500+\n"
                "Jobs Completed\n100%\nSatisfaction Rate\n24/7\nEmergency Service\nLondon\nLocal to You", 0.6, ["About"])
    answer = _extractive("How many jobs has SJ Electrical Contractors completed?", [about])
    assert "500+" in answer.split("\n")[0].split("[")[0] and "100%" not in answer.split("\n")[0], answer
    cards = Hit(48, "hidden-legal.test", "http://hidden-legal.test/", "Home",
                "## Why choose us\n15+\nYears Experience\n300\nHappy Clients\n24/7\nCall-outs", 0.6, ["Home"])
    answer = _extractive("How many happy clients does the firm have?", [cards])
    assert "300" in answer.split("\n")[0].split("[")[0] and "15+" not in answer.split("\n")[0], answer


def test_a_compound_with_based_asks_for_no_address():
    from scrapejet.insights.profile import asked_fields

    # "investment-based" (or "plant-based") is no "where is it based?"
    assert "address" not in asked_fields(
        "Which investment-based citizenship service does Zambas Law offer in its migration practice?")
    assert "address" not in asked_fields("Is it a plant-based bakery?")
    assert asked_fields("Where is Zambas Law based?") == ["address"]


def test_a_thing_s_own_name_asked_for_is_a_code_an_acronym_or_a_brand():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import asked_kind, holds_kind

    question = "Which brand of leather care products does the Cordonnerie des Remparts sell?"
    assert asked_kind(question) == "name"
    assert asked_kind("What kind of surveillance systems do they install?") is None  # a kind, answered by a list
    assert holds_kind("Model Wattsan M3-1325, pole robocze 1300 × 2500 mm.", "name", "Which machine model?") == 1.0
    assert holds_kind("Oljene som brukes er fra doTerra.", "name", "Which brand of oils?") == 1.0
    assert holds_kind("HOME · ABOUT · CONTACT", "name", "Which brand?") < 1.0
    assert holds_kind("στο κέντρο της πόλης", "name", "Which brand?") == 0.0
    # a brand with a capital inside, though it starts with one; not a platform the page links to
    assert holds_kind("Firmamız HekimBoard Fibercement beton kasaları ile kurar.", "name", "Which brand?") == 1.0
    assert holds_kind("Schreiben Sie uns auf WhatsApp oder folgen Sie uns.", "name", "Which brand?") < 1.0
    page = Source(n=1, url="http://remparts.test/shop", title="Boutique", snippet="", score=1.0,
                  text="Nous réparons vos chaussures et vos sacs avec soin, dans notre atelier d'Aigues-Mortes.\n"
                       "Pour cela, la cordonnerie des Remparts vous propose sa gamme SAPHIR \"La Beauté du Cuir\".\n"
                       "Clés, piles et photocopies sur place.")
    assert "SAPHIR" in extractive_answer(question, [page]).split("[1]")[0], extractive_answer(question, [page])


def test_the_profile_s_hours_come_with_the_page_s_own_words_for_them():
    # the hours in the page's markup, Monday to Sunday; the page writes them in Norwegian
    week = {**PROFILE, "opening_hours": [{"dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                        "Saturday", "Sunday"], "opens": "06:00", "closes": "18:00"}]}
    contact = Hit(44, "hidden-legal.test", "http://hidden-legal.test/kontakt", "Kontakt",
                  "# Kontakt\n\nÅpningstider\n\nMan–søn 06–18\n\nRing oss gjerne for en prat.", 0.9, ["Kontakt"])
    answer = _answer_with_profile("What are Thor Trafikk's opening hours?", [contact], week)
    assert answer.startswith("Opening hours: Monday–Sunday 06:00–18:00 [2]"), answer
    assert "Man–søn 06–18 [1]" in answer, answer


def test_a_name_heading_an_about_me_page_is_who_says_i_am_the_founder():
    from scrapejet.insights.extractive import extractive_answer

    page = Source(n=1, url="http://mind.test/about", title="About Me", snippet="", score=1.0,
                  text="About Me\nAlexandra Hardwood\nMindfulness should support real people, in real lives\n"
                       "I am the founder of The Mind Department, and my work is rooted in a simple belief.\n"
                       "Alongside my mindfulness work, I am a Trustee and Director of The Mission to Seafarers.")
    answer = extractive_answer("Who is the founder of The Mind Department?", [page])
    first = answer.split(" [1]")[0]
    assert first.startswith("Alexandra Hardwood · ") and "I am the founder of The Mind Department" in first, answer


def test_where_something_once_was_is_not_the_business_s_address():
    from scrapejet.insights.profile import asked_fields
    from scrapejet.insights.qtype import asked_kind

    assert asked_fields("In which town did Greenways have its humble origins?") == []
    assert asked_fields("Where did the chef train?") == []
    assert asked_fields("In which town is Greenways based?") == ["address"]
    # and the date a place opened is a date, however it is asked
    assert asked_kind("On what date did Invermay Vet Clinic open?") == "when"


def test_the_name_under_an_impressum_and_a_name_after_an_academic_title_answer_who():
    """"Impressum" over "Rachael Pettus" names the person responsible; "Mgr."
    before "Anna Meredová" is a title, not the end of a sentence."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source
    from scrapejet.insights.text import sentences

    notice = Source(n=1, url="http://goddess.test/impressum", title="Impressum", snippet="", score=1.0,
                    text="Impressum\n\nRachael Pettus\n\nWayward House\n\nLapithou 8\n\nNikoklia\n\n8505 Cyprus\n\n"
                         "Get the Paphos Green Goddess Newsletter\n\nCopyright © 2023 Paphos Green Goddess")
    answer = extractive_answer("Who is named as the responsible person in the Impressum?", [notice])
    assert answer.startswith("Impressum · Rachael Pettus [1]"), answer
    assert sentences("Kontakt: Mgr. Anna Meredová, Školní 16, Hustopeče.") == ["Kontakt: Mgr. Anna Meredová, Školní 16, Hustopeče."]


def test_how_many_counts_the_noun_before_the_verb_in_the_page_s_language_too():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import counted_noun
    from scrapejet.insights.sources import Source

    assert counted_noun("How many holiday apartments does Gästehaus Rader offer?") == "apartments"
    assert counted_noun("How many parking spaces does the clinic have?") == "spaces"
    faq = Source(n=1, url="http://rader.test/faq", title="FAQ", snippet="", score=1.0,
                 text="Ist das Gästehaus Ski4Free-Partner?\n\nNein, Ski4Free ist aktuell nicht verfügbar.\n\n"
                      "Wie viele Wohnungen gibt es?\n\nWir bieten drei Ferienwohnungen.\n\nAirbnb 5,0")
    answer = extractive_answer("How many holiday apartments does Gästehaus Rader offer?", [faq])
    assert answer.startswith("Wir bieten drei Ferienwohnungen. [1]"), answer


def test_which_olive_oil_company_asks_for_a_company_named_with_its_legal_form():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import asked_kind, asks_company
    from scrapejet.insights.sources import Source

    question = "Rafael López SRL is the official distributor of which olive oil company?"
    assert asked_kind(question) == "person" and asks_company(question)
    assert asked_kind("What kind of company is it?") is None
    page = Source(n=1, url="http://rlopez.test/aceites-oliva/", title="Aceites de Oliva", snippet="", score=1.0,
                  text="Aceites de Oliva PREMIUM - Marca Exclusiva: AIMURAI\n\nSomos DISTRIBUIDORES OFICIALES de\n\n"
                       "AIMURAI S.A.\n\nCómo llegar a Rafael López\n\nPuedes ver la ubicación exacta de Rafael López SRL en Google Maps.")
    assert "AIMURAI S.A." in extractive_answer(question, [page]).split("[1]")[0]


def test_the_profile_s_address_says_what_the_page_wrote_beyond_its_fields():
    from scrapejet.insights.profile import profile_lines

    profile = {"addresses": [{"street": "Rua Tobias Barreto 229", "postal_code": None, "locality": "São Paulo",
                              "region": "SP", "country": "BR",
                              "as_written": "Rua Tobias Barreto, 229 - Mooca, São Paulo - SP"}]}
    (field, line, _), = profile_lines(profile, ["address"])
    assert "Mooca" in line and line.startswith("Address: Rua Tobias Barreto 229, São Paulo, SP, BR"), line
    profile["addresses"][0]["as_written"] = "Rua Tobias Barreto 229, São Paulo, SP"
    (field, line, _), = profile_lines(profile, ["address"])
    assert "written" not in line, line


def test_a_title_in_title_case_is_no_couple_when_the_page_writes_its_words_in_lower_case():
    """"Catch and Store Energy" reads like "Margaret and Tony Spowart", but the
    blog writes "catch" and "store" in lower case: words, not given names."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    notice = Source(n=1, url="http://goddess.test/impressum", title="Impressum", snippet="", score=1.0,
                    text="# Impressum\n\nRachael Pettus\n\nWayward House\n\nLapithou 8\n\n8505 Cyprus\n\n"
                         "Calendar Impressum Privacy policy")
    blog = Source(n=2, url="http://goddess.test/blog", title="Blog", snippet="", score=1.0,
                  text="Permaculture\n\nPermaculture Principle: Catch and Store Energy\n\nWe catch rain and store "
                       "the energy of the sun in the soil.\n\nCalendar Impressum Privacy policy")
    answer = extractive_answer("Who is named as the responsible person in the Impressum?", [notice, blog])
    assert "Impressum · Rachael Pettus [1]" in answer and "Catch and Store" not in answer, answer
    from scrapejet.insights.qtype import holds_kind

    question = "Who runs the farm?"
    assert holds_kind("Permaculture Principle: Catch and Store Energy", "person", question,
                      frozenset({"catch", "store"})) < 1.0
    assert holds_kind("Your hosts: Margaret and Tony Spowart", "person", question, frozenset({"store"})) == 1.0


def test_what_an_acronym_stands_for_is_the_name_its_letters_start():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import asked_kind

    question = "What does the abbreviation IPDM stand for?"
    assert asked_kind(question) == "name"
    page = Source(n=1, url="http://ipdm.test/", title="IPDM", snippet="", score=1.0,
                  text="IPDM offers skills courses in person and online.\nInstitute of Personal Development, Multan\n"
                       "Duke Skills empowers learners with cutting-edge tools.")
    answer = extractive_answer(question, [page])
    assert answer.split("closest sentences are: ")[-1].startswith("Institute of Personal Development, Multan [1]"), answer


def test_a_plan_s_price_under_its_name_and_figures_in_cedis():
    from scrapejet.insights.extractive import extractive_answer

    page = Source(n=1, url="http://emmlink.test/packages", title="Packages", snippet="", score=1.0,
                  text="Our Packages\nEmmlink Lite\n10Mbps\nGH₵ 50\nMonthly Subscription\nEmmlink Browser\n15Mbps\n"
                       "GH₵ 100\nEmmlink Streamer\n20Mbps\nGH₵ 150")
    answer = extractive_answer("How much is the monthly Emmlink Lite package?", [page])
    assert "Emmlink Lite · 10Mbps · GH₵ 50 [1]" in answer, answer
    # a dish: its name, its description, its price
    menu = Source(n=1, url="http://krog.test/meny", title="Meny", snippet="", score=1.0,
                  text="Kallt & rått\nRåbiff\nTryffelkräm och gulbeta\n195 kr\nÖstron\nCitron, mignonette och "
                       "hackad schalottenlök\n245 kr\nVitlökssoppa\nServeras med krokett\n165 kr")
    answer = extractive_answer("Vad kostar ostronen på Brunnsgatan 41?", [menu])
    assert answer.startswith("Östron · Citron, mignonette och hackad schalottenlök · 245 kr [1]"), answer


def test_an_impressum_s_label_heads_the_block_its_owner_is_named_in():
    from scrapejet.insights.extractive import extractive_answer

    impressum = Source(n=1, url="http://rentafritz.test/impressum", title="Impressum", snippet="", score=1.0,
                       text="Impressum\nMedieninhaber:\nRENTAFRITZ\nVerleih für Fahrzeuge und Geräte\nManfred Paar\n"
                            "Ebersdorf 10\nA-8273 Ebersdorf\nTel.: +43(0)664/4128588")
    answer = extractive_answer("Who owns RENTAFRITZ?", [impressum])
    assert answer.startswith("Medieninhaber: · RENTAFRITZ · Verleih für Fahrzeuge und Geräte · Manfred Paar [1]"), answer
    # "Inh." (Inhaber) ends no sentence, and names the owner after it
    terms = Source(n=1, url="http://rentafritz.test/agb", title="AGB", snippet="", score=1.0,
                   text="Allgemeine Geschäftsbedingungen der Firma RENTAFRITZ - Inh. Manfred Paar. Die Miete beginnt mit der Übergabe.")
    assert extractive_answer("Who owns RENTAFRITZ?", [terms]).startswith(
        "Allgemeine Geschäftsbedingungen der Firma RENTAFRITZ - Inh. Manfred Paar. [1]")


def test_the_building_asked_for_and_a_month_s_year_that_is_no_house_number():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "In which building is the NKM Advocates office located?"
    assert holds_kind("April 2026 · Real Estate · 8-minute read", "place", question) < 0.75
    page = Source(n=1, url="http://nkm.test/", title="NKM Advocates", snippet="", score=1.0,
                  text="April 2026 · Business & SME Advisory · 7-minute read\nOne Kenyan office.\n"
                       "Wilkem Edge Business Center, 1st Floor, Matasia, Ngong.")
    assert extractive_answer(question, [page]).startswith("Wilkem Edge Business Center, 1st Floor, Matasia, Ngong. [1]")


def test_the_role_asked_for_tells_one_team_member_from_another():
    # "head chef" is no owner; the role's word in the page's language (Swedish "Köksmästare")
    from scrapejet.insights.extractive import extractive_answer

    team = Source(n=1, url="http://krog.test/om-oss", title="Om oss", snippet="", score=1.0,
                  text="Teamet\nAndreas Hanna\nÄgare\nDriver restaurangen med känsla för gästen.\nTobias Mardla\n"
                       "Köksmästare\nSätter tempot i köket.\nTess Ohlsson\nChefsommelier\nCurerar vinlistan.")
    answer = extractive_answer("Who is the head chef at Brunnsgatan 41?", [team])
    assert answer.split("closest sentences are: ")[-1].startswith("Tobias Mardla · Köksmästare"), answer
    assert extractive_answer("Who owns Brunnsgatan 41?", [team]).split("closest sentences are: ")[-1].startswith(
        "Andreas Hanna · Ägare"), extractive_answer("Who owns Brunnsgatan 41?", [team])


def test_a_spanish_legal_notice_s_holder_and_a_web_designer_s_credit_in_spanish():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind

    question = "Who holds the Carnicería Lorga website according to its legal notice?"
    assert holds_kind("Carnicería Lorga · Tel 634 94 19 36 · Diseñado y construido por Carlos Manso", "person",
                      question) < 1.0
    notice = Source(n=1, url="http://lorga.test/aviso-legal", title="Aviso legal", snippet="", score=1.0,
                    text="Carnicería Lorga · Tel 634 94 19 36 · Diseñado y construido por Carlos Manso\n"
                         "La titularidad de este sitio web la ostenta: Mónica Lorente mariscal, con NIF: 78989195D.")
    assert extractive_answer(question, [notice]).split("closest sentences are: ")[-1].startswith(
        "La titularidad de este sitio web la ostenta: Mónica Lorente"), extractive_answer(question, [notice])


def test_counts_written_out_in_nordic_and_south_slavic_languages():
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind("Vi rekommenderar två till tre rätter per person.", "number",
                      "How many dishes per person do they recommend?") > 0
    assert holds_kind("Vila Katarina sa četiri zvjezdice.", "number", "How many stars does it have?") > 0
    assert holds_kind("We welcome your pet.", "number", "How many pets?") == 0


def test_a_short_line_holding_the_year_asked_for_is_a_statement_not_a_label():
    # "Από το 2025" (since 2025): one content word once the Greek ones are stop words
    from scrapejet.insights.extractive import extractive_answer

    page = Source(n=1, url="http://kaximadi.test/viografiko", title="Βιογραφικό", snippet="", score=1.0,
                  text="Έχει πιστοποιηθεί σε προγράμματα Basic Life Support (BLS).\nΑπό το 2025\n"
                       "διατηρεί το ιδιωτικό της ιατρείο στη Θεσσαλονίκη.")
    answer = extractive_answer("Since what year has Charitini Kaximadi had her private practice?", [page])
    assert "Από το 2025" in answer.split("[1]")[0], answer


def test_a_legal_form_written_with_dots_is_a_word_of_the_question():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.text import terms

    assert "sp" in terms("Which sole trader (s.p.) is the studio registered to?")
    assert terms("d.o.o., S.A., 1.5") == ["doo", "sa", "1", "5"]
    page = Source(n=1, url="http://dianeli.test/kontakt", title="Kontakt", snippet="", score=1.0,
                  text="Lepotni studio Dianeli se zavezuje, da spoštuje vašo zasebnost.\n\n"
                       "Podjetje: Lepotni studio Dianeli, Aleš Hribar s.p (D.Š.: SI48041572)")
    answer = extractive_answer("Which sole trader (s.p.) is the studio registered to?", [page])
    assert "Aleš Hribar s.p" in answer, answer


def test_question_words_of_the_west_and_south_slavic_languages_are_no_terms():
    from scrapejet.insights.text import terms

    assert terms("Jak se jmenuje masér, který služby poskytuje?") == ["jmenuje", "maser", "sluzby", "poskytuje"]
    assert terms("Gdzie jest gabinet i ile kosztuje wizyta?") == ["gabinet", "kosztuje", "wizyta"]
    assert terms("Koliko košta i gdje se nalazi?") == ["kosta", "nalazi"]


def test_a_card_s_role_line_is_no_name_and_a_german_degree_is_part_of_the_doctor_s():
    # "Mohammad Sharif Pishdad" / "Managing Director": the role under the name in title case is no name of
    # its own; "Dr. med. Tilman Markert" is one sentence, the degree no sentence end
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import is_name_line

    assert not is_name_line("Managing Director") and not is_name_line("Mechanical Engineer.")
    assert is_name_line("Mohammad Sharif Pishdad") and is_name_line("Dr. med. Tilman Markert")
    assert sentences("Dr. med. Tilman Markert leitet die Praxis seit 2003. Jl. Maulana No.15, Kec. Batuceper.") == [
        "Dr. med. Tilman Markert leitet die Praxis seit 2003.", "Jl. Maulana No.15, Kec. Batuceper."]
    team = Source(n=1, url="http://alsaada.test/about", title="About", snippet="", score=1.0,
                  text="Leadership\nEH\nEng. Habibullah\nGeneral Manager\nCivil Engineering & MBA. 25+ years in facade "
                       "engineering.\nMS\nMohammad Sharif Pishdad\nManaging Director\nMechanical Engineer. 36+ years in "
                       "facade engineering. A founding partner with deep industry expertise.")
    answer = extractive_answer("Who is the Managing Director of Madinat Al Saada Aluminium & Glass Works?", [team])
    assert "Mohammad Sharif Pishdad" in answer, answer


def test_indonesian_questions_and_river_plate_prices_say_what_they_ask_for():
    from scrapejet.insights.qtype import asked_kind, holds_kind

    assert asked_kind("Di kecamatan mana PD Mekar Agung berlokasi?") == "place"
    assert asked_kind("Berapa harga kusen jati?") == "price"
    assert asked_kind("Jam berapa toko buka?") == "hours"
    for price in ("$U 420", "U$S 30", "US$ 30"):
        assert holds_kind(f"Por persona por día {price}", "price") == 1.0, price


@pytest.mark.parametrize("words, english", [
    ("una durata garantita di 5 anni", "guarantee"),
    ("Realizujemy zlecenia od 50 sztuk", "piece"),
])
def test_the_glossary_has_a_guarantee_and_pieces(words, english):
    from scrapejet.insights.glossary import english_terms
    from scrapejet.insights.text import terms

    assert english in english_terms(set(terms(words)))


def test_a_company_s_id_number_a_phone_s_price_and_a_czech_introduction():
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.profile import asked_fields
    from scrapejet.insights.qtype import asked_kind

    # "the company ID number (IČO)": a register's number, not which company
    question = "What is the company ID number (IČO) of Truhlářství Tégl?"
    assert asked_kind(question) == "number"
    card = Source(n=1, url="http://tegl.test/", title="Truhlářství Tégl", snippet="", score=1.0,
                  text="### KONTAKT\n\n**Kontaktní osoba:**Roman Tégl\n\n**Sídlo firmy:**Pňovice 18\n\n"
                       "**IČO:**18967469\n\n**Mobil:**+420 603 549 561\n")
    assert extractive_answer(question, [card]).split("[1]")[0].endswith("IČO:18967469 "), extractive_answer(question, [card])
    # what a phone's data transfer costs asks for a price, not the shop's number
    question = "How much does a phone data transfer cost at Tech Cross?"
    assert asked_kind(question) == "price" and asked_fields(question) == []
    assert asked_fields("What is their phone number?") == ["phone"]
    # "Jmenuji se Jana Rajsiglová": a Czech "my name is" says who runs the salon
    about = Source(n=1, url="http://masaze.test/", title="Masáže Vracov", snippet="", score=1.0,
                   text="Masáž lávovými kameny představuje výbornou relaxaci.\n"
                        "Jmenuji se Jana Rajsiglová a poskytuji masérské, rekondiční a relaxační služby ve Vracově.")
    assert "Jana Rajsiglová" in extractive_answer("Who runs the massage salon Masáže Vracov?", [about])


def test_a_nordic_street_word_standing_apart_is_a_street():
    from scrapejet.insights.qtype import holds_kind

    question = "Where does the Shawarma Box food truck stand in Västerås?"
    assert holds_kind("📍Västerås Centrum, Torget nära Stora Gatan 1", "place", question) >= 0.75
    assert holds_kind("Vi på Shawarma Box AB jobbar ständigt för att leverera Sveriges godaste shawarma.", "place",
                      question) < 0.75


def test_the_forty_seventh_batchs_questions():
    """Session 36, from the forty-seventh batch's tune sites: a role above the
    name, an Italian sole trader's name after the shop's, an Icelandic year,
    where something began, a job opening, the lie of the land."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import asked_kind

    impressum = Source(n=1, url="http://prohw.test/impressum", title="Impressum", snippet="", score=1.0,
                       text="Impressum\nProHw GmbH Projekt Handwerk und Ausführungen\nEichenallee 39 b\n16767 Leegebruch\n"
                            "Vertretungsberechtigte Geschäftsführung\nCarmen Jüstel\nRegistereintrag\nHandelsregister: HRB 6057")
    assert "Carmen Jüstel" in extractive_answer("Wer ist die Geschäftsführerin der ProHw GmbH?", [impressum]).split("[1]")[0]
    privacy = Source(n=1, url="http://dolcisapori.test/privacy", title="Privacy", snippet="", score=1.0,
                     text="I dati personali da Lei forniti sono oggetto di trattamento da parte di Dolci Sapori di "
                          "Valentini Maria Angela, con sede legale in Via Regia 36, 55049 Viareggio (LU), in qualità di "
                          "Titolare del trattamento. Gli elenchi dei Responsabili Esterni sono disponibili su richiesta e "
                          "possono includere sviluppatori software, che supportano il Titolare nell'erogazione dei servizi.")
    answer = extractive_answer("Chi è la titolare di Dolci Sapori?", [privacy])
    assert "Valentini Maria Angela" in answer.split("[1]")[0], answer
    # Icelandic "hvaða ár" asks for a year (Hungarian "ár" is a price)
    assert asked_kind("Hvaða ár var Ölvisholt brugghús stofnað?") == "when"
    # where it began is no question for today's address; nor is the area around it
    assert asked_fields("In which town did Grupo Trébol start growing blueberries?") == []
    assert asked_kind("Between which two areas of Provence is Le Mas Bleu located?") is None
    assert asked_fields("Between which two areas of Provence is Le Mas Bleu located?") == []
    # a job opening is no opening hours
    assert asked_fields("Which job opening does Eletubos advertise?") == []
    assert asked_fields("What are the opening hours?") == ["hours"]


@pytest.mark.parametrize("question, kind", [
    ("クリニックは何年に開院しましたか？", "when"),  # in which year did the clinic open
    ("胃カメラ検診はいくらですか？", "price"),
    ("整骨院の院長の名前は何ですか？", "person"),  # the director's name
    ("整骨院の最寄り駅はどこですか？", "place"),  # where is the nearest station
    ("整骨院の定休日はいつですか？", "hours"),  # on which days is it closed ("いつ" is no year here)
    ("法人番号の指定年月日はいつですか？", "when"),  # the date a number was given
    ("这家店的营业时间是几点？", "hours"),
    ("가게 주소가 어디예요?", "place"),
    ("מאיזו שנה פועלת החנות?", "when"),  # since which year
    ("מי השוזרת של החנות?", "person"),
    ("כמה שנות ניסיון יש לכם?", "number"),
    ("ما هي ساعات عمل المختبر؟", "hours"),
    ("في أي مستشفى تقع العيادة؟", "place"),
    ("من الصفر إلى الواحد: ما هو البريد الإلكتروني؟", "email"),  # "من" alone is "from", not "who"
    ("Queensway Clinic เปิดทำการในปีใด", "when"),  # in which year
    ("Queensway Clinic เปิดทำการเวลาใด", "hours"),  # at what time
])
def test_question_words_of_languages_not_written_in_latin_letters(question, kind):
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind(question) == kind


def test_japanese_is_searched_by_its_pairs_of_characters_and_closed_days_answer_when_it_is_open():
    from scrapejet.extract.textlines import fold
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.text import terms

    # a clause without spaces is not one word: its kanji and katakana pairs are its terms
    assert {"定休", "休日"} <= set(terms("アポロ整骨院の定休日はいつですか？"))
    assert set(terms("定休日 土曜・日曜・祝日")) >= {"定休", "土曜", "祝日"}
    # a voiced kana stays one letter when folded ("ゴルフ" is no two words)
    assert fold("ゴルフ") == "ゴルフ"
    # sentences end at "。" without a space after it
    assert sentences("当院の休診日は木曜・日曜・祝日です。ご来院前にご確認ください。") == [
        "当院の休診日は木曜・日曜・祝日です。", "ご来院前にご確認ください。"]
    access = Source(n=1, url="http://matsushima.test/access", title="アクセス", snippet="", score=1.0,
                    text="診療時間のご案内\n午前 9:00〜12:00 ○ ○ ○ — ○ ○ —\n午後 16:30〜19:00 ○ ○ ○ — ○ — —\n"
                         "休診日：木・日・祝日\nJR神戸線 甲子園口駅より徒歩8分")
    answer = extractive_answer("松島医院の休診日はいつですか？", [access])
    assert "木・日・祝日" in answer.split("[1]")[0], answer
    team = Source(n=1, url="http://matsushima.test/doctor", title="医師紹介", snippet="", score=1.0,
                  text="医院情報\n診療科目 内科、糖尿病・代謝内科、小児科\n院長名 松島 洋之\n☎ 0798-67-1071")
    answer = extractive_answer("松島医院の院長は誰ですか？", [team])
    assert "松島 洋之" in answer.split("[1]")[0], answer


def test_the_forty_ninth_batchs_questions():
    """Session 38, from the forty-ninth batch's tune sites: the postcode asked in
    Lithuanian, Serbian working hours, Vietnamese counts and dong, how much of a
    substance."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import asked_kind
    from scrapejet.insights.text import PRICE

    assert asked_kind("Koks yra TG Motors pašto kodas?") == "place"
    assert asked_fields("Koks yra TG Motors pašto kodas?") == ["address"]
    assert asked_kind("Koje je radno vreme Total Energy servisa subotom?") == "hours"
    assert asked_kind("Khách sạn Thành Danh có bao nhiêu phòng?") == "number"  # how many rooms
    assert asked_kind("Giá phòng Standard là bao nhiêu?") == "price"  # what does a room cost
    assert PRICE.search("Standard 400.000 đ - 700.000 đ / đêm") and not PRICE.search("42 Thành Công, Đồng Hới")
    # an amount of a thing, not of money; the thing measured names the sentence
    assert asked_kind("How much caffeine is in one Lightning Rods energy beef stick?") == "number"
    assert asked_kind("How much is a haircut?") == "price"
    news = Source(n=1, url="http://powerhungryfoods.test/readall", title="News", snippet="", score=1.0,
                  text="YahooNews Press Release - July 28, 2009 National Prominence For Lightning Rods Beefs Up Power "
                       "Hungry Foods LLC of Sartell, MN, with the World's First Energy Beef Sticks, Lightning Rods.")
    facts = Source(n=2, url="http://powerhungryfoods.test/nutritionalinformation", title="Nutritional information",
                   snippet="", score=0.9,
                   text="Our proprietary blend of ingredients delivers an amazing 60 mg of caffeine per stick.")
    answer = extractive_answer("How much caffeine is in one Lightning Rods energy beef stick?", [news, facts])
    assert answer.startswith("Our proprietary blend") and "60 mg" in answer, answer
    # figures set as cards above their labels, after a line that is no sentence: the next card set alike says so
    hero = Source(n=1, url="http://pro-s.test/", title="PRO-S", snippet="", score=1.0,
                  text="Ogrevanje in vodovod Toplotne črpalke, inštalacije\n10+\nlet izkušenj\n500+\nmontaž\n5★\n"
                       "ocena strank\nHitra izvedba\nDogovor in montaža v kratkem roku")
    assert extractive_answer("Koliko montaž je PRO-S že izvedel?", [hero]).startswith("500+ montaž [1]")


def test_a_registers_initials_the_question_names_label_the_number_after_them():
    """"What ERS registration number…": "(ERS - 26800/Lic. 13205)" beside the
    clinic's phone numbers; the initials named nowhere else make no label."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.qtype import holds_kind
    from scrapejet.insights.sources import Source

    question = "What ERS (Entidade Reguladora da Saúde) registration number does the Centro Médico show?"
    assert holds_kind("Lopes Catré Lda (ERS - 26800/Lic. 13205)", "number", question) == 1.0
    assert holds_kind("Lopes Catré Lda (ERS - 26800/Lic. 13205)", "number",
                      "What is the clinic's registration number?") == 0.0
    page = Source(n=1, url="http://cmt.test/corpoclinico.html", title="Corpo clínico", snippet="", score=1.0,
                  text="Miguel Pinto Cardoso, Lda\n\nLopes Catré Lda (ERS - 26800/Lic. 13205)\n\n"
                       "R. Comandante João Matos Ferreira, 88\n\n3460-549 Tondela\n\nT. 232821959")
    assert "26800" in extractive_answer(question, [page]).split("[1]")[0]


def test_a_footers_days_and_times_are_searched_for_opening_hours():
    from scrapejet.insights.qtype import search_words

    words = search_words("What are the opening hours of Geelong Heat Pumps?", "hours").split()
    assert {"mon", "fri", "monday", "lundi", "maandag"} <= set(words)


def test_a_town_before_its_postcode_is_no_person():
    """A privacy notice's controller, the business, then its address: "Oleis
    di Manzano, 33044" is where it is, not who runs it."""
    from scrapejet.insights.qtype import holds_kind

    question = "Who runs the Agriturismo Mauro and looks after its vineyards?"
    assert holds_kind("Titolare del trattamento dei dati personali è: Agriturismo Mauro, Via Vittorio Veneto 1, "
                      "Oleis di Manzano, 33044 – UD – Italia.", "person", question) == 0.0
    assert holds_kind("Inhaber: Max Müller, 1994 gegründet", "person", question) == 1.0


def test_a_name_over_the_business_own_name_is_its_face():
    """"Michał Michalski" / "Expert - Moto" beside his photo: who does the
    inspections; a reviewer's name over their review is not."""
    from scrapejet.insights.qtype import holds_kind

    question = "Kto przeprowadza oględziny samochodów w Expert-Moto?"
    assert holds_kind("Michał Michalski · Expert - Moto", "person", question) == 1.0
    assert holds_kind("Tomasz Andrzejewski · Miałem kilka samochodów", "person", question) < 1.0


def test_where_a_thing_comes_from_is_no_address_question():
    from scrapejet.insights.profile import asked_fields
    from scrapejet.insights.qtype import asked_kind

    for question in ("Where does the beef used at Homies come from?", "Where are your products made?",
                     "Woher kommt das Fleisch?"):
        assert asked_kind(question) is None and "address" not in asked_fields(question), question
    assert asked_kind("Where is the shop?") == "place" and asked_fields("Where is the shop?") == ["address"]
    # the corner it stands on is the lie of the land, in the page's words, not its postal address
    corner = "At the corner of which two streets is Aparthotel De Wielingen located?"
    assert asked_kind(corner) is None and asked_fields(corner) == []


def test_the_event_a_when_question_names_picks_its_year():
    """Two sentences with a year and the same words; the one saying the event
    asked about ("opened") answers, though another passage ranks first."""
    from scrapejet.insights.extractive import extractive_answer
    from scrapejet.insights.sources import Source

    first = Source(n=1, url="http://physio.test/about", title="About me", snippet="", score=1.0,
                   text="I graduated as physiotherapist in Germany 1989 and worked there for many years in a "
                        "private clinic near Frankfurt.")
    second = Source(n=2, url="http://physio.test/about", title="About me", snippet="", score=0.8,
                    text="I opened my own private clinic in 2006 to deliver the best possible physiotherapy.")
    answer = extractive_answer("In which year did Anette Jonischkeit open her own private clinic?", [first, second])
    assert answer.startswith("I opened my own private clinic in 2006"), answer


def test_a_surname_in_capitals_before_the_first_name_is_a_person():
    from scrapejet.insights.qtype import _names, holds_kind

    assert ["KEUNEBROEK", "Olivier"] in _names("Responsable Editorial : M. KEUNEBROEK Olivier")
    assert _names("SARL Dupont") == []
    assert holds_kind("Responsable Editorial : M. KEUNEBROEK Olivier", "person",
                      "Qui est le responsable éditorial du site de la Librairie Saint Nicolas ?") == 1.0


def test_the_fifty_second_batchs_questions():
    """Session 40, from the fifty-second batch's tune sites: a date with no
    year, "ab wann" of a move, a legal notice's label over its value, a
    discount among prices, a product's name lines over its price, Danish
    "hvor stort", a weekly group's day and time, a which-question's noun."""
    from scrapejet.insights.extractive import _ASKED_NOUN, _head_noun, extractive_answer
    from scrapejet.insights.qtype import asked_kind, holds_kind

    moved = "Ab wann befindet sich die Praxis in der Kaiserstraße 57?"
    assert asked_kind(moved) == "when" and asked_kind("Ab wann ist die Praxis telefonisch erreichbar?") == "hours"
    assert holds_kind("Ab 31. August befindet sich die Praxis in der Kaiserstraße 57.", "when", moved) == 1.0
    assert holds_kind("Ab 31. August befindet sich die Praxis hier.", "when", "In what year was it founded?") == 0.5
    home = Source(n=1, url="http://augenarzt.test/", title="Praxis", snippet="", score=1.0,
                  text="© Karin König, 2018\nAb 31. August befindet sich die Praxis in der Kaiserstraße 57, 72764 Reutlingen.")
    assert extractive_answer(moved, [home]).startswith("Ab 31. August"), extractive_answer(moved, [home])
    # "named as": a verb, no company name asked for
    chamber = "Which medical chamber is named as responsible for Dr. König in the Impressum?"
    assert asked_fields(chamber) == []
    assert _head_noun(chamber, _ASKED_NOUN.search(chamber)) == "chamber"
    line = "Which commuter train line serves the Parque Polvoranca station?"
    assert _head_noun(line, _ASKED_NOUN.search(line)) == "line"
    notice = Source(n=1, url="http://augenarzt.test/impressum.html", title="Impressum", snippet="", score=1.0,
                    text="Gesetzliche Berufsbezeichnung: Arzt\nZuständige Ärztekammer:\nLandesärztekammer Baden-Württemberg\n"
                         "Jahnstraße 40\n70597 Stuttgart")
    assert "Landesärztekammer Baden-Württemberg" in extractive_answer(chamber, [notice]).split("[1]")[0]
    prices = Source(n=1, url="http://hieronta.test/hinnasto.html", title="Hinnasto", snippet="", score=1.0,
                    text="Hieronta 60min\n60 €\nHieronta 90min\n75 €\nEnsimmäinen hieronta\n-20 %\n"
                         "Opiskelijat, Eläkeläiset\n-10 %")
    answer = extractive_answer("How big is the discount for students and pensioners at Hieronta Ässä?", [prices])
    assert answer.startswith("Opiskelijat, Eläkeläiset · -10 %"), answer
    fish = Source(n=1, url="http://mombasafish.test/", title="MombasaFish", snippet="", score=1.0,
                  text="Customer favorites\nTuna Fish\nJodari · Shimoni\nDeep red, firm, protein-rich.\n"
                       "Steaks, grilling, sushi.\nKES 1,000 / kg\nKing Fish\nNguru · Shimoni\n"
                       "Firm steak-like flesh.\nGrilling, frying, biryani.\nKES 1,200 / kg")
    answer = extractive_answer("How much does tuna (jodari) cost per kilo at MombasaFish?", [fish])
    assert answer.split("[1]")[0].strip().endswith("KES 1,000 / kg") and "Tuna Fish · KES 1,000 / kg" in answer, answer
    assert asked_kind("Hvor stort er gebyret, hvis man melder afbud for sent?") == "price"
    assert asked_kind("Hvor ligger klinikken?") == "place" and asked_kind("Hvor længe varer en behandling?") == "duration"
    group = "When does the Gigthold (arthritis training group) meet?"
    assert holds_kind("Mandag 11.30-12.30", "when", group) == 1.0
    assert holds_kind("Stenlille Fysioterapi siden 2006", "when", group) == 0.5
    training = Source(n=1, url="http://fysio.test/holdtraening.html", title="Holdtræning", snippet="", score=1.0,
                      text="Stenlille Fysioterapi siden 2006\nGigthold\nMandag 11.30-12.30\nGLAD Knæ og Hofte\nOnsdag 16:00")
    answer = extractive_answer(group, [training])
    assert "Gigthold · Mandag 11.30-12.30 [1]" in answer and "2006" not in answer, answer


def test_the_names_a_question_gives_are_searched_but_the_sites_own():
    from scrapejet.insights.qtype import names_asked

    assert names_asked("Which commuter train line serves the Parque Polvoranca station near the clinic?",
                       "fraguafisioterapia.es") == "Parque Polvoranca"
    assert names_asked("Where is Fragua Fisioterapia?", "fraguafisioterapia.es") is None
    assert names_asked("What does it cost?", None) is None


def test_a_suburb_asked_of_a_profile_that_gives_the_city_reads_the_pages_too():
    from scrapejet.insights.extractive import _more_specific

    profile = {"addresses": [{"street": None, "postal_code": "4032", "locality": "Brisbane"}]}
    assert "address" in _more_specific("In which Brisbane suburb is the business located?", profile)
    assert "address" not in _more_specific("Where is the business located?", profile)


def test_a_short_word_does_not_read_as_an_inflected_glossary_word():
    from scrapejet.insights.glossary import english_terms
    from scrapejet.insights.text import terms

    # "bon" (a French voucher) is no stem of the English "bone"; "bonus" is a word of its own
    assert "voucher" not in english_terms(set(terms("A bone and a bonus")))


@pytest.mark.parametrize(("sentence", "question", "level"), [
    # a full name opening the sentence before its verb, in any language
    ("Gojko Soldo zasadio je prve trsove na obiteljskom imanju.", "Who planted the first vines?", 1.0),
    # ...the family's name the business's too
    ("Gojko Soldo zasadio je prve trsove na obiteljskom imanju.", "Who planted the first vines of the Soldo winery?", 1.0),
    # (a tower's name and its century, a service's name in capitals: no person)
    ("Torre Saracena XVI sec.", "Who directs the Cala dei Balcani wedding venue today?", 0.5),
    ("Groen DIRECT is de interventiedienst van Integraal Groen.", "Wie hebben Integraal Groen opgericht?", 0.5),
    # (German nouns after an article: the shape of a name, no more)
    ("Die Versicherung trägt einen Großteil der Anwaltskosten.", "Who pays the lawyer?", 0.5),
])
def test_a_name_that_opens_its_sentence_is_the_person_who_did_it(sentence, question, level):
    from scrapejet.insights.qtype import holds_kind

    assert holds_kind(sentence, "person", question) == level


def test_the_region_a_business_works_in_is_answered_by_its_label():
    from scrapejet.insights.qtype import holds_kind

    question = "In which region does JP beton carry out its jobs?"
    assert holds_kind("Oblast: Západní a střední Čechy", "place", question) == 1.0
    assert holds_kind("Area: Cheshire, Lancashire and Merseyside", "place", "What area do you cover?") == 1.0
    # (a label of something else is no region)
    assert holds_kind("Telefon: +420 724 546 998", "place", question) < 1.0



def test_the_page_a_question_names_is_known_by_its_title():
    from scrapejet.insights.qtype import asked_kind, stating_pages

    # (gasthof-spessartruh-bessenbach of the corpus: its legal notice lives at "/impress/")
    question = "Who is named as the person responsible in the Impressum of Gasthof Spessartruh?"
    on_page = stating_pages(question, asked_kind(question))
    assert on_page("http://spessartruh.test/impress/", "Impressum | Gasthof Spessartruh")
    assert not on_page("http://spessartruh.test/impress/", "")
    assert not on_page("http://spessartruh.test/rooms/", "Zimmer | Gasthof Spessartruh")


def test_a_brand_is_no_measure_nor_two_words_run_together_and_may_open_its_card():
    from scrapejet.insights.qtype import holds_kind

    question = "Which brand supplies the wood stoves for TimberArt's saunas?"
    # (timberart-madona of the corpus: its partners set as cards, "Skamet / Wood stoves")
    assert holds_kind("Skamet Wood stoves", "name", question) == 0.5
    assert holds_kind("Hot Tub 200cm — Integrated Stove", "name", question) == 0.5  # (a capital, not a code)
    assert holds_kind("Read moreFrom €", "name", question) == 0.0
    assert holds_kind("Wood stoves", "name", question) == 0.0


@pytest.mark.parametrize("question", [
    "¿Qué día de la semana cierra el restaurante Tottori?",  # (tottori-gava of the corpus)
    "Jam kerja PT. Eka Mas Motor dari Senin sampai Sabtu?",  # (eka-mas-motor-surabaya)
    "Wann hat die Praxis von Dr. Monika Burger montags nachmittags Sprechstunde?",  # (dr-monika-burger-muenster)
    "On which days does Bang For Ya Buck provide scheduled service in Walcha?",  # (bang-for-ya-buck-armidale)
    "When is staff present at Kim's Gym on Mondays?",  # (kims-gym-st-willebrord: open to members 24/7)
    "Wanneer is er personeel aanwezig op maandag?",
])
def test_more_ways_of_asking_for_opening_hours(question):
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind(question) == "hours"
    assert asked_kind("Wann wurde die Praxis eröffnet?") == "when"
    assert asked_kind("Who is present on Mondays?") == "person"  # (who is there, not when)


def test_a_court_asked_for_in_english_is_found_in_norwegian_terms():
    from scrapejet.insights.glossary import page_words

    # (daytona-bilsenter-krokstadelva of the corpus: "Drammen tingrett som verneting")
    words = page_words("Which court is named as the legal venue in Daytona Bilsenter's terms and conditions?")
    assert "tingrett" in words and "verneting" in words


def test_a_name_in_chinese_characters_after_its_role_is_a_person():
    from scrapejet.insights.qtype import holds_kind

    # (hair-salon-minami-osaka of the corpus: its privacy policy signs "代表者：南 知宏")
    question = "Who is the representative of Hair Salon Minami?"
    assert holds_kind("代表者：南 知宏", "person", question) == 1.0
    assert holds_kind("院長 山田太郎", "person", question) == 1.0
    assert holds_kind("代表的なメニューです", "person", question) == 0.0


@pytest.mark.parametrize("question, kind", [
    ("Кога ще се проведе обучението по разчитане на лица във Варна?", "when"),  # (yourfacetalk-varna of the corpus)
    ("Коя година е основана фирмата?", "when"),
    ("Когда была основана компания?", "when"),
    ("Кой е собственикът на фирмата?", "person"),
    ("Кто владелец?", "person"),
])
def test_when_and_who_asked_in_cyrillic(question, kind):
    from scrapejet.insights.qtype import asked_kind

    assert asked_kind(question) == kind
