"""Every label of the dedupe corpus (tests/data/dedupe), run as one stream in order."""

import importlib.util
import json
import sys
from collections.abc import MutableMapping
from datetime import datetime
from pathlib import Path

import pytest

from schemas.articles import RawArticle
from services.dedupe.decide import Decision, decide
from services.dedupe.fingerprint import canonical_url

CORPUS_DIR = Path(__file__).parents[2] / "data" / "dedupe"
RECORDS = [json.loads(line) for line in (CORPUS_DIR / "corpus.jsonl").read_text().splitlines()]
LABELS = [r["label"] for r in RECORDS]


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[Decision, dict[str, str]]]:
    """Each article's decision, and the canonical URL of every article id seen so far."""
    store: dict = {}
    url_of: dict[str, str] = {}
    found = {}
    for record in RECORDS:
        article = RawArticle.model_validate(record)
        url_of[record["label"]["id"]] = canonical_url(article.url)
        decision = decide(article, store, datetime.fromisoformat(record["published"]))
        found[record["label"]["id"]] = (decision, dict(url_of))
    return found


@pytest.mark.parametrize("label", LABELS, ids=[label["id"] for label in LABELS])
def test_corpus_label(label: dict, judged) -> None:
    decision, url_of = judged[label["id"]]
    assert decision.outcome == label["expect"], label["note"]
    if label["expect"] == "duplicate":
        assert decision.duplicate.duplicate_of == url_of[label["of"]], label["note"]
        assert label["kind"] in (None, decision.duplicate.kind), label["note"]
    elif label["expect"] == "revision":
        assert decision.unique.revision_of in {url_of[i] for i in label["of_any"]}, label["note"]
    else:
        assert decision.unique.revision_of is None, label["note"]


def test_corpus_holds_every_variant_the_issue_asks_for() -> None:
    variants = {label["id"].split("-", 1)[1] for label in LABELS}
    assert {"original", "syndicated", "other-headline", "tracking-url", "reordered",
            "trimmed-tail", "revised-figure", "update-added"} <= variants
    assert sum(label["expect"] == "unique" for label in LABELS) == 5


def test_corpus_file_is_what_the_generator_writes() -> None:
    sys.path.insert(0, str(CORPUS_DIR))
    try:
        spec = importlib.util.spec_from_file_location("make_corpus", CORPUS_DIR / "make_corpus.py")
        generator = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(generator)
    finally:
        sys.path.remove(str(CORPUS_DIR))
    assert generator.corpus() == RECORDS


class SerialisingStore(MutableMapping):
    """Hands out fresh copies of JSON values, as a faust Table does: a change made to a value
    in place, without writing it back, is lost."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def __getitem__(self, key: str):
        return json.loads(self.data[key])

    def __setitem__(self, key: str, value) -> None:
        self.data[key] = json.dumps(value)

    def __delitem__(self, key: str) -> None:
        del self.data[key]

    def __iter__(self):
        return iter(list(self.data))

    def __len__(self) -> int:
        return len(self.data)


def test_a_serialising_store_gives_the_same_decisions(judged) -> None:
    store = SerialisingStore()
    for record in RECORDS:
        decision = decide(RawArticle.model_validate(record), store,
                          datetime.fromisoformat(record["published"]))
        assert decision == judged[record["label"]["id"]][0], record["label"]["id"]
