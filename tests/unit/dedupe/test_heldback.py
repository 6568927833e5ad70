"""The held-back dedupe corpus (tests/data/dedupe/heldback), scored as bench/dedupe_corpus.py
scores it. Its first-sight score is committed beside it (first_sight.json); the floors here
are today's score, so a regression fails unless a floor is deliberately changed."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[3]
HELD_BACK = ROOT / "tests/data/dedupe/heldback"


def module(path: Path, name: str):
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
    finally:
        sys.path.remove(str(path.parent))
    return loaded


@pytest.fixture(scope="module")
def scored() -> dict:
    bench = module(ROOT / "bench/dedupe_corpus.py", "dedupe_corpus")
    return bench.score(bench.load(HELD_BACK / "corpus.jsonl"))


def test_duplicate_recall_meets_the_target(scored) -> None:
    assert scored["found"] / scored["duplicates"] >= 0.95
    assert scored["found"] >= 153  # today's: every copy found


def test_no_false_duplicates(scored) -> None:
    assert scored["false duplicates"] == 0


def test_every_revision_passed(scored) -> None:
    assert scored["revisions passed"] == scored["revisions"] == 68


def test_first_sight_score_is_recorded_beside_the_corpus() -> None:
    first = json.loads((HELD_BACK / "first_sight.json").read_text())
    held = next(v for k, v in first.items() if k.endswith("heldback/corpus.jsonl"))
    assert (held["found"], held["false duplicates"], held["revisions passed"]) == (151, 34, 34)


def test_corpus_file_is_what_the_generator_writes() -> None:
    generator = module(HELD_BACK / "make_corpus.py", "heldback_make_corpus")
    rows = [json.loads(line) for line in (HELD_BACK / "corpus.jsonl").read_text().splitlines()]
    assert generator.corpus() == rows
