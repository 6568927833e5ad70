from pathlib import Path

import pytest

from services.dedupe import similarity
from services.dedupe.fingerprint import sentences
from services.text.story import main_text

SEEDS = sorted(Path(__file__).parents[3].joinpath("seeds").glob("*.txt"))


def signature_of(text: str) -> tuple[int, ...]:
    return similarity.signature(sentences(main_text(text)))


def test_bands_fit_in_the_signature() -> None:
    assert similarity.BANDS * similarity.ROWS <= similarity.NUM_PERM


def test_distinct_seed_stories_share_no_lsh_bucket() -> None:
    bands = [set(similarity.band_keys(signature_of(p.read_text()))) for p in SEEDS]
    assert all(len(b) == similarity.BANDS for b in bands)
    assert all(not (a & b) for i, a in enumerate(bands) for b in bands[i + 1 :])


def test_a_copy_missing_a_third_of_its_text_still_shares_a_bucket() -> None:
    lines = main_text(SEEDS[4].read_text()).splitlines()
    kept = "\n".join(lines[: len(lines) * 2 // 3])
    a, b = signature_of(SEEDS[4].read_text()), signature_of(kept)
    assert set(similarity.band_keys(a)) & set(similarity.band_keys(b))
    assert similarity.NEAR_THRESHOLD <= similarity.similarity(a, b) < 0.9


def test_reordered_sentences_keep_the_signature() -> None:
    lines = main_text(SEEDS[2].read_text()).splitlines()
    assert signature_of("\n".join(lines)) == signature_of("\n".join(reversed(lines)))


def test_signature_of_nothing_is_empty_and_matches_nothing() -> None:
    assert similarity.signature([]) == ()
    assert similarity.band_keys(()) == []
    assert similarity.similarity((), ()) == 0.0


@pytest.mark.parametrize(("jaccard", "low", "high"), [(0.026, 0.0, 0.01), (0.453, 0.98, 1.0)],
                         ids=["distinct-stories", "lowest-measured-copy"])
def test_candidate_probability_at_the_measured_similarities(jaccard, low, high) -> None:
    assert low <= similarity.candidate_probability(jaccard) <= high
