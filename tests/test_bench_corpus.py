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
