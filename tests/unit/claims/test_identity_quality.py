"""Claim identity on the seeds against hand-labelled facts (tests/data/claim_facts.jsonl)."""

import sys
from pathlib import Path

import pytest

from services.claims.quality import pair_scores

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))


def test_pair_scores_on_a_small_table():
    facts = ["a", "a", "b", "c"]
    assert pair_scores(facts, ["k1", "k1", "k2", "k3"]) == (1.0, 1.0)
    assert pair_scores(facts, ["k1", "k2", "k3", "k4"]) == (1.0, 0.0)
    precision, recall = pair_scores(facts, ["k", "k", "k", "k"])
    assert (round(precision, 3), recall) == (round(1 / 6, 3), 1.0)


@pytest.fixture(scope="module")
def labelled():
    from claim_identity import labelled_figures

    from services.extract.pipeline import load_nlp
    from services.runtime.settings import Settings

    return [(fact, f) for fact, f in labelled_figures(load_nlp(Settings().spacy_model)) if not f.headline]


def test_claim_keys_group_the_seed_figures_into_their_facts(labelled):
    from claim_identity import by_article

    resolved = by_article(labelled)
    facts = [fact for fact, _ in labelled]
    precision, recall = pair_scores(facts, [resolved[f.figure_id].claim_key for _, f in labelled])
    assert len(labelled) >= 30
    # measured 0.97 / 0.85, as before claim frames ('the Donetsk region' resolves to no place the
    # libraries know as a region, so no report of the capture is narrowed)
    assert precision >= 0.95 and recall >= 0.84, (precision, recall)
    fighting = {resolved[f.figure_id].claim_key for fact, f in labelled if fact == "cn-fighting-for-russia"}
    assert fighting == {"chinese person|fighting|people|*|*|violence"}
