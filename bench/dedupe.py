"""Dedupe on the labelled corpus: similarities, threshold sweep, precision/recall, articles/s.

    .venv/bin/python bench/dedupe.py [--threshold 0.5] [--passes 20] [--fill 5000]

Prints four tables: the true shingle Jaccard of every labelled pair by variant (what the
threshold must separate); the LSH candidate probability at those similarities per
bands x rows; precision/recall per threshold; and the dedupe stage beside exact-hash-only
dedupe (canonical URL, GUID, main-text hash) in the same run.
"""

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, MutableMapping
from datetime import datetime
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from schemas.articles import RawArticle  # noqa: E402
from services.dedupe import similarity  # noqa: E402
from services.dedupe.decide import decide  # noqa: E402
from services.dedupe.fingerprint import canonical_url, content_hash, sentences  # noqa: E402
from services.dedupe.maintext import main_text  # noqa: E402

CORPUS = Path(__file__).parents[1] / "tests/data/dedupe/corpus.jsonl"
LSH_SHAPES = [(64, 2), (42, 3), (32, 4), (25, 5), (21, 6), (16, 8), (8, 16)]
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
Verdict = tuple[str, str | None]  # outcome, duplicate_of or revision_of


class CountingStore(dict):
    """A dict that counts writes: each one is a changelog record in a faust Table."""

    writes = 0

    def __setitem__(self, key, value) -> None:
        self.writes += 1
        super().__setitem__(key, value)


def load() -> list[tuple[RawArticle, dict, datetime]]:
    rows = [json.loads(line) for line in CORPUS.read_text().splitlines()]
    return [(RawArticle.model_validate(r), r["label"], datetime.fromisoformat(r["published"]))
            for r in rows]


def stage(threshold: float) -> Callable[[RawArticle, MutableMapping, datetime], Verdict]:
    def run(article: RawArticle, store: MutableMapping, now: datetime) -> Verdict:
        d = decide(article, store, now, threshold)
        return d.outcome, d.duplicate.duplicate_of if d.duplicate else d.unique.revision_of
    return run


def exact_only(article: RawArticle, store: MutableMapping, now: datetime) -> Verdict:
    """The baseline: canonical URL, GUID and main-text hash; a known URL or GUID with other
    content is a revision, as in the stage."""
    url, digest = canonical_url(article.url), content_hash(main_text(article.text, article.html))
    prior = store.get(url) or (store.get(article.guid) if article.guid else None)
    by_content = store.get(digest)
    if prior and prior[1] != digest:
        store[url] = (url, digest)
        return "revision", prior[0]
    if prior or by_content:
        return "duplicate", (prior or by_content)[0]
    store[url] = store[digest] = (url, digest)
    if article.guid:
        store[article.guid] = (url, digest)
    return "unique", None


def score(corpus: list, judge: Callable) -> dict[str, float]:
    store, url_of, hits = CountingStore(), {}, {"dup": 0, "said_dup": 0, "rev": 0, "rev_dropped": 0}
    for article, label, now in corpus:
        url_of[label["id"]] = canonical_url(article.url)
        outcome, of = judge(article, store, now)
        allowed = {url_of.get(i) for i in label.get("of_any", [label["of"]])}
        right = outcome == label["expect"] and of in allowed
        hits["said_dup"] += outcome == "duplicate"
        hits["dup"] += right and outcome == "duplicate"
        hits["rev"] += right and outcome == "revision"
        hits["rev_dropped"] += label["expect"] == "revision" and outcome == "duplicate"
    labelled = {kind: sum(lab["expect"] == kind for _, lab, _ in corpus)
                for kind in ("duplicate", "revision")}
    return {"precision": hits["dup"] / max(hits["said_dup"], 1),
            "recall": hits["dup"] / labelled["duplicate"],
            "revision_recall": hits["rev"] / labelled["revision"],
            "revisions_dropped": hits["rev_dropped"], "writes": store.writes / len(corpus)}


def speed(corpus: list, judge: Callable, passes: int, base: dict | None = None) -> float:
    """Articles/s through `judge`, each pass starting from a copy of `base` (not timed)."""
    spent = 0.0
    for _ in range(passes):
        store = CountingStore(base or {})
        started = time.perf_counter()
        for article, _, now in corpus:
            judge(article, store, now)
        spent += time.perf_counter() - started
    return passes * len(corpus) / spent


def shingle_sets(corpus: list) -> dict[str, set[str]]:
    return {lab["id"]: similarity.shingles(sentences(main_text(a.text, a.html)))
            for a, lab, _ in corpus}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def pair_similarities(corpus: list) -> dict[str, list[float]]:
    """True Jaccard per variant (article vs the version it copies) and across stories."""
    sets, found = shingle_sets(corpus), {}
    for _, lab, _ in corpus:
        if lab["of"] and lab["kind"] != "exact":
            variant = lab["id"].split("-", 1)[1]
            found.setdefault(variant, []).append(jaccard(sets[lab["id"]], sets[lab["of"]]))
    stories = {lab["id"]: lab["story"] for _, lab, _ in corpus}
    found["DISTINCT stories, any versions"] = [
        jaccard(sets[a], sets[b]) for a, b in combinations(sets, 2) if stories[a] != stories[b]
    ]
    return found


def filled_store(n: int, corpus: list) -> dict:
    """A store already holding n distinct synthetic articles, as after days of traffic."""
    rng, words = random.Random(7), sorted({w for a, _, _ in corpus for w in a.text.split()})
    store, now = CountingStore(), corpus[0][2]
    for i in range(n):
        text = "\n".join(" ".join(rng.choices(words, k=25)) + "." for _ in range(20))
        decide(RawArticle(url=f"https://filler.example/{i}", text=text), store, now)
    return store


def table(title: str, header: list[str], rows: list[list]) -> None:
    cells = [header] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n{title}")
    for i, row in enumerate(cells):
        print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in
                        enumerate(zip(row, widths, strict=True))))
        if i == 0:
            print("  ".join("-" * w for w in widths))


def print_similarities(found: dict[str, list[float]]) -> tuple[float, float]:
    rows = [[name, len(v), min(v), statistics.median(v), max(v)] for name, v in found.items()]
    table("True shingle Jaccard, article vs the version it copies (exact-labelled excluded)",
          ["variant", "pairs", "min", "median", "max"], rows)
    distinct = max(found.pop("DISTINCT stories, any versions"))
    return min(min(v) for v in found.values()), distinct


def print_lsh(lowest_copy: float, highest_distinct: float, threshold: float) -> None:
    points = [highest_distinct, 0.2, threshold, lowest_copy]
    rows = [[f"{b} x {r}", b, *(similarity.candidate_probability(j, b, r) for j in points)]
            for b, r in LSH_SHAPES]
    table(f"P(candidate) per bands x rows (num_perm {similarity.NUM_PERM}); "
          f"chosen {similarity.BANDS} x {similarity.ROWS}",
          ["bands x rows", "band keys", *(f"J={j:.3f}" for j in points)], rows)


def print_sweep(corpus: list) -> None:
    rows = [[t, *(score(corpus, stage(t))[k] for k in ("precision", "recall", "revision_recall",
                                                         "revisions_dropped"))]
            for t in THRESHOLDS]
    table("Threshold sweep (estimated similarity cut-off, chosen bands x rows)",
          ["threshold", "dup precision", "dup recall", "revision recall", "revisions dropped"],
          rows)


def print_comparison(corpus: list, args: argparse.Namespace) -> None:
    base = filled_store(args.fill, corpus)
    rows = []
    for name, judge in [("exact hash only (baseline)", exact_only),
                        (f"dedupe stage, threshold {args.threshold}", stage(args.threshold))]:
        s = score(corpus, judge)
        rows.append([name, s["precision"], s["recall"], s["revision_recall"],
                     s["revisions_dropped"], round(s["writes"], 1),
                     round(speed(corpus, judge, args.passes)),
                     round(speed(corpus, judge, 3, base if judge is not exact_only else None))])
    table(f"Corpus: {len(corpus)} articles; articles/s on one core, empty store and a store "
          f"holding {args.fill} articles ({len(base)} keys)",
          ["method", "dup precision", "dup recall", "revision recall", "revisions dropped",
           "writes/article", "articles/s", f"articles/s @{args.fill}"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--fill", type=int, default=5000)
    args = parser.parse_args()
    corpus = load()
    lowest_copy, highest_distinct = print_similarities(pair_similarities(corpus))
    print_lsh(lowest_copy, highest_distinct, args.threshold)
    print_sweep(corpus)
    print_comparison(corpus, args)


if __name__ == "__main__":
    main()
