"""Claim identity on the multi-story corpora (tests/data/stories/<batch>/): floors pinned in
story_baseline.json, below which a change fails. The targets are higher (README, Measured);
these floors only stop a regression. First-sight scores live beside each batch."""

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))

BASELINE = json.loads(Path(__file__).with_name("story_baseline.json").read_text())


@pytest.fixture(scope="module")
def scores():
    from claim_identity import batches, score_batch

    from services.extract.pipeline import load_nlp
    from services.runtime.settings import Settings

    nlp = load_nlp(Settings().spacy_model)
    return {batch.name: score_batch(nlp, batch) for batch in batches()}


@pytest.mark.parametrize("batch", sorted(BASELINE))
def test_story_batches_keep_their_floors(scores, batch):
    floor, got = BASELINE[batch], scores[batch]
    assert got.precision >= floor["precision"] and got.recall >= floor["recall"], got
    assert got.merged_stories <= floor["merged_stories"], got
    assert got.value_flips <= floor["value_flips"], got


def test_all_batches_in_one_stream_merge_no_two_stories(tmp_path):
    """As one feed delivers them: stories of one kind in one country (two Indian crashes two
    years apart, two US strikes, two Afghan earthquakes) share keys, never claims."""
    from claim_identity import all_together, load_batch, score_stream

    from services.extract.pipeline import extract_batch, load_nlp
    from services.runtime.settings import Settings

    articles, rows = load_batch(all_together(tmp_path))
    stream = list(zip(articles, extract_batch(load_nlp(Settings().spacy_model), articles), strict=True))
    got = score_stream(stream, rows)
    assert got.merged_stories == 0, got
    assert got.precision >= 0.83 and got.value_flips == 0, got  # 0.84 with heldout-t at first sight
    # a feed that delivers late: the orders bench/claim_identity.py --orders tries first
    for seed in (1, 2, 3):
        late = score_stream(random.Random(seed).sample(stream, len(stream)), rows)
        assert late.merged_stories == 0, (seed, late)


def test_every_batch_has_a_first_sight_log():
    from claim_identity import batches, first_sight

    assert [b.name for b in batches()] == sorted(BASELINE)
    assert all("first sight" in (first_sight(b) or {}) for b in batches())
