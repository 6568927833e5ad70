"""The extractor against the hand-annotated seeds and held-out articles.

Floors live in quality_baseline.json together with a checksum of each corpus and its
annotations: changing either fails here until the baseline is deliberately updated
(`python -m tests.unit.extract.test_quality_gate --checksums` prints the new checksums).
"""

import hashlib
import json
import sys
from pathlib import Path

import pytest

from schemas.articles import UniqueArticle
from services.extract.pipeline import extract_batch
from services.extract.quality import as_prediction, load_gold, read_corpus, score_corpus

ROOT = Path(__file__).resolve().parents[3]
BASELINE = Path(__file__).with_name("quality_baseline.json")
CORPORA = {
    "seeds": (ROOT / "seeds", ROOT / "tests/data/seed_figures.jsonl"),
    "heldout": (ROOT / "tests/data/heldout", ROOT / "tests/data/heldout/figures.jsonl"),
}


def checksum(directory: Path, gold: Path) -> str:
    digest = hashlib.sha256()
    for path in [*sorted(directory.glob("*.txt")), gold]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text())


def score(nlp, name: str):
    directory, gold_path = CORPORA[name]
    texts = read_corpus(directory)
    articles = [UniqueArticle(url=f"replay:{n}", text=t, content_hash=n) for n, t in texts.items()]
    figures = extract_batch(nlp, articles)
    predicted = {n: [as_prediction(f) for f in fs] for n, fs in zip(texts, figures, strict=True)}
    return score_corpus(texts, load_gold(gold_path), predicted)


@pytest.mark.parametrize("name", list(CORPORA))
def test_corpus_unchanged(baseline, name):
    assert checksum(*CORPORA[name]) == baseline[name]["checksum"], (
        f"{name}: corpus or annotations changed; re-score and update quality_baseline.json"
    )


@pytest.mark.parametrize("name", list(CORPORA))
def test_quality_floors(nlp, baseline, name):
    floors, result = baseline[name], score(nlp, name)
    report = "\n".join(result.misses)
    assert result.precision() >= floors["precision"], report
    assert result.recall() >= floors["recall"], report
    assert result.precision(strict=True) >= floors["strict_precision"], report
    assert result.recall(strict=True) >= floors["strict_recall"], report
    assert result.furniture == 0, report


def test_every_seed_claimant_right(nlp):
    result = score(nlp, "seeds")
    assert result.field_right["claimant"] == result.found == result.gold, "\n".join(result.misses)


if __name__ == "__main__" and "--checksums" in sys.argv:
    for corpus, paths in CORPORA.items():
        print(corpus, checksum(*paths))


def test_a_claimant_is_right_whatever_its_article_or_case():
    from services.extract.quality import field_ok

    gold = {"claimant": ["the airline", "Utilities"]}
    assert field_ok("claimant", gold, {"claimant": "Airline"})
    assert field_ok("claimant", gold, {"claimant": "the utilities"})
    assert not field_ok("claimant", gold, {"claimant": "airport"})


def test_a_claimant_under_its_full_name_is_the_acronym_the_annotation_gives():
    from services.extract.quality import field_ok

    gold = {"claimant": ["the WHO", "U.N."]}
    assert field_ok("claimant", gold, {"claimant": "World Health Organization"})
    assert field_ok("claimant", gold, {"claimant": "United Nations"})
    assert not field_ok("claimant", gold, {"claimant": "World Food Programme"})
    assert not field_ok("claimant", {"claimant": ["WHO"]}, {"claimant": "Western Hospital"})


def test_a_body_is_right_with_or_without_the_country_it_belongs_to():
    from services.extract.quality import field_ok

    gold = {"claimant": ["insurance compensation consortium"]}
    assert field_ok("claimant", gold, {"claimant": "Spain's insurance compensation consortium"})
    assert not field_ok("claimant", {"claimant": ["Trump's lawyers"]}, {"claimant": "Biden's lawyers"})


def test_a_place_is_right_by_country_and_narrowest_name():
    from services.extract.quality import same_place

    assert same_place("KR/Seoul", "KR/seoul") and same_place("JP/Ishikawa", "JP/ishikawa region")
    assert same_place("US/Florida/Lee County", "US/lee county") and same_place(None, None)
    assert not same_place("US/TX", "US") and not same_place("KR/Seoul", "IR")
    assert not same_place("GB", None) and not same_place("IN/Kerala", "IN/assam")
    assert same_place("CL/Valparaíso", "CL/valparaiso") and not same_place("IN/Agra", "IN/prayagraj")
    assert not same_place("US/Kansas", "US/arkansas")


def test_frame_form_reads_what_is_counted_by_its_head_and_the_event_by_its_measure():
    from services.extract.quality import frame_ok

    gold = {"counted": ["people injured"], "measure": "injured", "place": "KR/Seoul"}
    assert frame_ok("counted_head", gold, {"counted": "people"})
    assert not frame_ok("counted_head", gold, {"counted": "officers"})
    assert frame_ok("measure", gold, {"measure": "injured"})
    assert not frame_ok("measure", gold, {"measure": "hospitalised"})
