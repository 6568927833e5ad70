"""How well a claim key groups figures into facts: pairwise precision and recall against
hand-labelled facts (tests/data/claim_facts.jsonl). No I/O."""

from collections.abc import Sequence
from itertools import combinations


def pair_scores(facts: Sequence[str], keys: Sequence[str]) -> tuple[float, float]:
    """Over every pair of figures: precision = pairs put together that are one fact,
    recall = pairs of one fact that were put together."""
    together = same = both = 0
    for (fact_a, key_a), (fact_b, key_b) in combinations(zip(facts, keys, strict=True), 2):
        together += key_a == key_b
        same += fact_a == fact_b
        both += key_a == key_b and fact_a == fact_b
    return (both / together if together else 1.0), (both / same if same else 1.0)



def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def merged_stories(stories: Sequence[str], keys: Sequence[str]) -> int:
    """Claims whose labelled figures come from two or more stories."""
    by_key: dict[str, set[str]] = {}
    for story, key in zip(stories, keys, strict=True):
        by_key.setdefault(key, set()).add(story)
    return sum(len(found) > 1 for found in by_key.values())
