"""The measurement behind dedupe's near-duplicate threshold and LSH bands x rows.

    .venv/bin/python bench/dedupe_threshold.py

Prints: the true shingle Jaccard of every labelled copy against the version it copies, by
variant, and of every pair of articles from different stories (what the threshold must
separate); the chance that a pair becomes an LSH candidate at those similarities for each
bands x rows over 128 permutations; and precision/recall of the stage per threshold.
"""

import statistics
from itertools import combinations

from dedupe import load, score, stage, table

from services.dedupe import similarity
from services.dedupe.fingerprint import sentences
from services.text.story import main_text

LSH_SHAPES = [(64, 2), (42, 3), (32, 4), (25, 5), (21, 6), (16, 8), (8, 16)]
THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
DISTINCT = "DISTINCT stories, any versions"


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def pair_similarities(corpus: list) -> dict[str, list[float]]:
    """True Jaccard per variant (article vs the version it copies) and across stories."""
    sets = {lab["id"]: similarity.shingles(sentences(main_text(a.text, a.html)))
            for a, lab, _ in corpus}
    found: dict[str, list[float]] = {}
    for _, lab, _ in corpus:
        if lab["of"] and lab["kind"] != "exact":
            variant = lab["id"].split("-", 1)[1]
            found.setdefault(variant, []).append(jaccard(sets[lab["id"]], sets[lab["of"]]))
    story = {lab["id"]: lab["story"] for _, lab, _ in corpus}
    found[DISTINCT] = [jaccard(sets[a], sets[b])
                       for a, b in combinations(sets, 2) if story[a] != story[b]]
    return found


def print_similarities(found: dict[str, list[float]]) -> tuple[float, float]:
    rows = [[name, len(v), min(v), statistics.median(v), max(v)] for name, v in found.items()]
    table("True shingle Jaccard, article vs the version it copies (exact re-deliveries left out)",
          ["variant", "pairs", "min", "median", "max"], rows)
    copies = [j for name, v in found.items() if name != DISTINCT for j in v]
    return min(copies), max(found[DISTINCT])


def print_lsh(lowest_copy: float, highest_distinct: float) -> None:
    points = [highest_distinct, 0.2, similarity.NEAR_THRESHOLD, lowest_copy]
    rows = [[f"{b} x {r}", *(similarity.candidate_probability(j, b, r) for j in points)]
            for b, r in LSH_SHAPES]
    table(f"P(candidate) per bands x rows over {similarity.NUM_PERM} permutations (chosen: "
          f"{similarity.BANDS} x {similarity.ROWS}); a band is one store key per article",
          ["bands x rows", *(f"J={j:.3f}" for j in points)], rows)


def print_sweep(corpus: list) -> None:
    keys = ("precision", "recall", "revision recall", "revisions dropped")
    rows = [[t, *(score(corpus, stage(t))[k] for k in keys)] for t in THRESHOLDS]
    table(f"Stage per threshold (estimated similarity cut-off; {similarity.BANDS} x "
          f"{similarity.ROWS} bands)", ["threshold", "dup precision", "dup recall",
                                        "revision recall", "revisions dropped"], rows)


def main() -> None:
    corpus = load()
    print_lsh(*print_similarities(pair_similarities(corpus)))
    print_sweep(corpus)


if __name__ == "__main__":
    main()
