"""The second held-back dedupe corpus (tests/data/dedupe/heldback2), written apart from the
rules and scored once at first sight (first_sight.json beside it). The floors are that score:
a change to dedupe that loses a copy, makes a false duplicate or stops a revision fails here."""

import json
from pathlib import Path

import pytest

from tests.unit.dedupe.test_heldback import module

ROOT = Path(__file__).parents[3]
HELD_BACK = ROOT / "tests/data/dedupe/heldback2"


@pytest.fixture(scope="module")
def scored() -> dict:
    bench = module(ROOT / "bench/dedupe_corpus.py", "dedupe_corpus")
    return bench.score(bench.load(HELD_BACK / "corpus.jsonl"))


def test_copies_found_at_least_as_at_first_sight(scored) -> None:
    assert scored["duplicates"] == 120
    assert scored["found"] >= 117  # first sight 114; a copy cut to its opening is found since


def test_no_false_duplicates_among_originals_traps_and_revisions(scored) -> None:
    assert scored["false duplicates"] == 0


def test_every_revision_passed(scored) -> None:
    assert scored["revisions passed"] == scored["revisions"] == 39


def test_first_sight_score_is_recorded_beside_the_corpus() -> None:
    first = json.loads((HELD_BACK / "first_sight.json").read_text())["first sight"]
    assert (first["found"], first["false duplicates"], first["revisions passed"]) == (114, 0, 39)
