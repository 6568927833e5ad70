"""The dedupe corpora scored as the issue measures them, one half per row.

    .venv/bin/python bench/dedupe_corpus.py [--claims] [--record FILE] [CORPUS.jsonl ...]

Default corpora: the development half (tests/data/dedupe/corpus.jsonl), the held-back half
(tests/data/dedupe/heldback/corpus.jsonl) and a second held-back set written later
(tests/data/dedupe/heldback2/corpus.jsonl). A duplicate counts as found when it is judged
a duplicate of its labelled original or of a later version of the same story that was passed.
With --claims every article also runs through extract and claims (`claimstream process`'s
pipeline) and claim events emitted while a labelled copy was processed are counted.
"""

import argparse
import json
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from spacy.language import Language  # noqa: E402

from schemas import ClaimEvent, RawArticle  # noqa: E402
from schemas.articles import DuplicateNotice  # noqa: E402
from services.dedupe.decide import decide  # noqa: E402
from services.dedupe.fingerprint import canonical_url  # noqa: E402
from services.process import FIXED_CLOCK, Pipeline  # noqa: E402

DATA = Path(__file__).parents[1] / "tests/data/dedupe"
HALVES = [DATA / "corpus.jsonl", DATA / "heldback/corpus.jsonl", DATA / "heldback2/corpus.jsonl"]


def load(path: Path) -> list[tuple[RawArticle, dict]]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [(RawArticle.model_validate(r), r["label"]) for r in rows]


def judged(pipeline: Pipeline, article: RawArticle) -> tuple[DuplicateNotice | None, int]:
    """The duplicate notice for an article (None when it passed) and the claim events it
    caused; without a language model only dedupe runs."""
    if pipeline.nlp is None:
        decision = decide(article, pipeline.dedupe_store, article.published or FIXED_CLOCK)
        return decision.duplicate, 0
    events = list(pipeline.one(article))
    notice = next((e for e in events if isinstance(e, DuplicateNotice)), None)
    return notice, sum(isinstance(e, ClaimEvent) for e in events)


def score(corpus: list[tuple[RawArticle, dict]], nlp: Language | None = None) -> dict:
    pipeline = Pipeline(nlp)  # type: ignore[arg-type]
    url_of: dict[str, str] = {}
    passed: dict[int, set[str]] = {}  # story → canonical URLs passed on
    found = dict.fromkeys(["duplicates", "found", "false duplicates", "revisions",
                           "revisions passed", "events from copies", "events"], 0)
    for article, label in corpus:
        url_of[label["id"]] = canonical_url(article.url)
        notice, events = judged(pipeline, article)
        copy, revision = label["expect"] == "duplicate", label["expect"] == "revision"
        found["events"] += events
        found["events from copies"] += events if copy else 0
        found["duplicates"] += copy
        good = {url_of[label["of"]]} | passed.get(label["story"], set()) if copy else set()
        found["found"] += copy and notice is not None and notice.duplicate_of in good
        found["false duplicates"] += not copy and notice is not None
        found["revisions"] += revision
        found["revisions passed"] += revision and notice is None
        if notice is None:
            passed.setdefault(label["story"], set()).add(url_of[label["id"]])
    return found


def row(path: Path, s: dict, claims: bool) -> list:
    return [path.resolve().relative_to(DATA.parents[2]).as_posix(), s["duplicates"],
            f"{s['found'] / max(s['duplicates'], 1):.3f} ({s['found']}/{s['duplicates']})",
            s["false duplicates"], f"{s['revisions passed']}/{s['revisions']}",
            f"{s['events from copies']} of {s['events']}" if claims else "-"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=HALVES)
    parser.add_argument("--claims", action="store_true", help="run extract and claims too")
    parser.add_argument("--record", type=Path, help="write the scores as JSON to this file")
    args = parser.parse_args()
    nlp = None
    if args.claims:
        from services.extract.pipeline import load_nlp
        from services.runtime.settings import Settings

        nlp = load_nlp(Settings().spacy_model)
    scores = {path: score(load(path), nlp) for path in args.corpora}
    header = ["corpus", "duplicates", "duplicate recall", "false duplicates",
              "revisions passed", "claim events from copies"]
    rows = [header] + [[str(c) for c in row(p, s, args.claims)] for p, s in scores.items()]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    print(f"machine: {platform.machine()} {platform.python_version()}; command: "
          f"{' '.join(sys.argv)}")
    for n, r in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    if args.record:
        args.record.write_text(json.dumps({row(p, s, False)[0]: s for p, s in scores.items()},
                                          indent=1) + "\n")


if __name__ == "__main__":
    main()
