"""The extraction corpus (bench/corpus) measures sites nobody tuned on: no
site is in it twice, nor is one of the real sites the tests already hold."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "corpus" / "labels"
QUESTIONS = ROOT / "bench" / "corpus" / "questions"


def _repos_of(sources: Path) -> set[str]:
    return {m.lower() for m in re.findall(r"\]\(https://github\.com/([\w.-]+/[\w.-]+)\)", sources.read_text())}


def test_no_corpus_site_is_a_site_the_tests_already_hold():
    labels = [json.loads(p.read_text()) for p in sorted(LABELS.glob("*.json"))]
    repos = [(label["source"]["repo"].lower(), label["source"].get("root", "")) for label in labels]
    assert len(set(repos)) == len(repos), "a site is in the corpus twice"
    tuned = _repos_of(ROOT / "tests" / "realsites" / "SOURCES.md")
    assert tuned and not tuned & {repo for repo, _ in repos}, "a corpus site is one of tests/realsites"
    assert {p.stem for p in QUESTIONS.glob("*.json")} <= {label["site"] for label in labels}


def test_one_social_profile_under_its_other_addresses_is_one_profile():
    from bench.extraction import social_key

    assert social_key("https://twitter.com/FysioDouma") == social_key("https://x.com/fysiodouma")
    assert social_key("https://nl.pinterest.com/fysiodouma/") == social_key("https://www.pinterest.com/fysiodouma")
    assert social_key("https://de-de.facebook.com/kruckenhaus") == social_key("https://facebook.com/kruckenhaus/")
    assert social_key("https://www.facebook.com/pages/Keszi-Panzi%C3%B3/1362") == \
        social_key("https://www.facebook.com/pages/Keszi-Panzió/1362")
    assert social_key("https://www.instagram.com/a") != social_key("https://www.facebook.com/a")


def test_an_answer_holds_a_fact_its_card_lines_state_together():
    from bench.insights_qa import holds

    accepted = ["Du Mardi au Samedi 09h-12h30 - 14h30-18h"]
    assert holds("Du Mardi au Samedi · 09h-12h30 - 14h30-18h [1]", accepted)
    assert not holds("09h-12h30 - 14h30-18h [1]", accepted)


def test_every_label_reads_as_the_benchmark_reads_it():
    from bench.extraction import corpus_sites

    sites = corpus_sites()  # (a distractor written as an object, not a string, fails here)
    assert len(sites) == len(list(LABELS.glob("*.json")))
    for site in sites:
        assert all(isinstance(value, str) for value in site["distractors"]["phones"] | site["distractors"]["emails"])


def test_a_town_alone_is_found_by_its_name_accents_aside():
    from bench.extraction import FIELDS, Score, compare

    site = {"emails": set(), "phones": set(), "fax": set(), "types": {}, "socials": set(), "roles": {},
            "addresses": [("", "Tânganu")], "distractors": {"emails": set(), "phones": set()}}
    scores = {field: Score() for field in FIELDS}
    profile = {"addresses": [{"street": "Soseaua Burebista Nr.99", "postal_code": None, "locality": "Tanganu"}]}
    assert compare(site, profile, scores) == [] and scores["addresses"].tp == 1
    profile = {"addresses": [{"street": None, "postal_code": None, "locality": "Bucuresti"}]}
    assert compare(site, profile, {field: Score() for field in FIELDS}) == [
        "addresses: missed  Tânganu", "addresses: reported ,  Bucuresti"]
    # the same town with the postcode the reader did not label is the same address, not a second one
    scores = {field: Score() for field in FIELDS}
    profile = {"addresses": [{"street": "Soseaua Burebista Nr.99", "postal_code": "927220", "locality": "Tânganu"}]}
    assert compare(site, profile, scores) == [] and (scores["addresses"].tp, scores["addresses"].fp) == (1, 0)


def test_held_out_mistakes_stay_out_of_the_json_a_tuner_reads_unless_asked_for(capsys):
    from bench.extraction import expected_sites, report

    first, second = expected_sites()[:2]
    outcome = {"absent": [], "results": {
        first["site"]: ({**first, "corpus": "corpus-tune"}, {}, 1.0, ""),
        second["site"]: ({**second, "corpus": "corpus-heldout"}, {}, 1.0, ""),
    }}
    hidden = report(outcome, show_heldout=False)
    assert hidden["mistakes"][first["site"]] and second["site"] not in hidden["mistakes"]
    assert hidden["table"]["corpus-heldout"]["emails"]["fn"] == len(second["emails"])  # counted, not shown
    assert second["site"] not in capsys.readouterr().out
    shown = report(outcome, show_heldout=True)
    assert shown["mistakes"][second["site"]]


def test_corpus_fetch_copies_every_site_it_has_a_copy_of_and_names_the_others(tmp_path, monkeypatch, capsys):
    import argparse
    import subprocess

    import bench.corpus as corpus

    work = tmp_path / "work"
    work.mkdir()
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    (work / "site").mkdir()
    (work / "site" / "index.html").write_text("<p>Kivi talu</p>")
    (work / "site" / "sitemap.xml").write_text("<urlset><url><loc>https://www.kivitalu.ee/kontakt</loc></url></urlset>")
    subprocess.run(["git", "-C", str(work), "add", "."], check=True)
    subprocess.run(["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"], check=True)
    commit = subprocess.run(["git", "-C", str(work), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    mirrors = tmp_path / "mirrors"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(mirrors / "kivi+site" / "repo")], check=True)
    labels = [{"site": "absent", "files": ["index.html"], "source": {"repo": "gone/away", "commit": commit}},
              {"site": "kivi", "files": ["index.html"], "source": {"repo": "kivi/site", "commit": commit, "root": "site"}}]
    monkeypatch.setattr(corpus, "labels", lambda: labels)
    monkeypatch.setattr(corpus, "CORPUS", tmp_path / "sites")
    code = corpus.fetch(argparse.Namespace(mirrors=str(mirrors), force=False))
    assert code == 1
    assert (tmp_path / "sites" / "kivi" / "index.html").read_text() == "<p>Kivi talu</p>"
    # the sitemap the real host serves comes along, unlabelled, and is served pointing at the loopback origin
    from bench.extraction import served_folder

    site = {"site": "kivi", "folder": tmp_path / "sites" / "kivi", "domain": "kivitalu.ee"}
    served = served_folder(site, 8123, tmp_path / "work-served")
    assert (served / "sitemap.xml").read_text() == "<urlset><url><loc>http://kivitalu.ee:8123/kontakt</loc></url></urlset>"
    assert not (tmp_path / "sites" / "absent").exists()
    assert "not copied: gone/away" in capsys.readouterr().err
