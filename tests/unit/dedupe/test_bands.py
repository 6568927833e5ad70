"""The LSH index kept in memory: deciding through `Indexed` with an index rebuilt after a
restore decides exactly as a store that was never restarted, and persists no bucket."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from schemas.articles import RawArticle
from services.dedupe.bands import Indexed, persisted_bands, rebuilt
from services.dedupe.decide import decide

CORPUS = Path(__file__).parents[2] / "data/dedupe/heldback/corpus.jsonl"
NOW = datetime(2026, 3, 2, tzinfo=UTC)


def stream() -> list[RawArticle]:
    return [RawArticle.model_validate(json.loads(line)) for line in CORPUS.read_text().splitlines()]


def decisions(articles: list[RawArticle], store, start: int = 0) -> list:
    return [decide(a, store, NOW + timedelta(minutes=start + i)) for i, a in enumerate(articles)]


def test_a_store_restored_without_its_buckets_decides_as_one_never_restarted() -> None:
    articles = stream()
    half = len(articles) // 2
    whole: dict = {}
    expected = decisions(articles, whole)
    persisted: dict = {}
    first = decisions(articles[:half], Indexed(persisted, {}))
    restored = json.loads(json.dumps(persisted))  # what the changelog gives back
    second = decisions(articles[half:], Indexed(restored, rebuilt(restored)), start=half)
    assert [d.outcome for d in first + second] == [d.outcome for d in expected]
    assert first + second == expected
    assert {k: v for k, v in whole.items() if k.startswith("band:")} == rebuilt(restored)


def test_buckets_are_not_persisted_and_an_article_writes_few_entries() -> None:
    articles = stream()
    persisted: dict = {}
    outcomes = [d.outcome for d in decisions(articles, Indexed(persisted, {}))]
    assert persisted_bands(persisted) == []
    passed = outcomes.count("unique") + outcomes.count("revision")
    # url, hash and signature per article passed on; one url entry per copy
    assert len(persisted) <= 3 * passed + (len(articles) - passed)


def test_buckets_left_by_an_older_version_are_found() -> None:
    store = {"band:0:ab": ["https://a.example/1"], "url:https://a.example/1": {"t": 1.0}}
    assert persisted_bands(store) == ["band:0:ab"]
    assert rebuilt(store) == {}
