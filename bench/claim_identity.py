"""What claim identity buys: figures grouped into claims, pairwise precision/recall/F1 against
hand-labelled facts, on the seeds and on the multi-story corpora (tests/data/stories/<batch>/),
with the claims that merge two stories and the same-article value flips a feed would emit.

    .venv/bin/python bench/claim_identity.py [--json] [--orders N]

Each story batch's first-sight score (taken when the batch was committed, before any rule was
changed for it) is read from its `first_sight.json` and printed beside today's run.
`--json` prints today's scores as JSON (what a first-sight log records); `--orders N` also
runs all batches as one stream in N random orders (a feed that delivers late).
"""

import json
import random
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from schemas import Figure, RawArticle, UniqueArticle  # noqa: E402
from services.claims.in_article import resolve_in_article  # noqa: E402
from services.claims.quality import f1, merged_stories, pair_scores  # noqa: E402
from services.claims.threads import fold  # noqa: E402
from services.extract.pipeline import extract_batch, load_nlp  # noqa: E402
from services.replay.inputs import read_inputs  # noqa: E402
from services.runtime.settings import Settings  # noqa: E402

FACTS = REPO / "tests" / "data" / "claim_facts.jsonl"
STORIES = REPO / "tests" / "data" / "stories"


@dataclass
class Grouping:
    figures: int
    facts: int
    claims: int
    precision: float
    recall: float
    f1: float
    merged_stories: int
    value_flips: int
    earlier_as_current: int


def labelled_figures(nlp, seeds: Path = REPO / "seeds") -> list[tuple[str, Figure]]:
    """(fact, figure) for every extracted body figure that a labelled seed anchor covers."""
    rows = [json.loads(line) for line in FACTS.read_text().splitlines() if line.strip()]
    articles = [UniqueArticle(**a.model_dump(), content_hash="-") for a in read_inputs([seeds])]
    out = []
    for article, figures in zip(articles, extract_batch(nlp, articles), strict=True):
        name = article.url.removeprefix("replay:")
        anchors = [(r, article.text.index(r["anchor"])) for r in rows if r["article"] == name]
        for figure in figures:
            row = next((r for r, at in anchors if at <= figure.span[0] < at + len(r["anchor"])), None)
            if row is not None:
                out.append((row["fact"], figure))
    return out


def by_article(labelled: list[tuple[str, Figure]]) -> dict[str, Figure]:
    """Each figure after `resolve_in_article` over its own article's figures."""
    articles: dict[str, list[Figure]] = {}
    for _, figure in labelled:
        articles.setdefault(figure.article_url, []).append(figure)
    return {f.figure_id: f for figures in articles.values() for f in resolve_in_article(figures)}


def load_batch(batch: Path) -> tuple[list[UniqueArticle], list[dict]]:
    raw = [RawArticle.model_validate_json(line) for line in (batch / "articles.jsonl").open() if line.strip()]
    raw.sort(key=lambda a: (a.published is None, a.published, a.url))
    articles = [UniqueArticle(**a.model_dump(), content_hash=a.url) for a in raw]
    rows = [json.loads(line) for line in (batch / "figures.jsonl").open() if line.strip()]
    return articles, rows


def gold_row(article: UniqueArticle, rows: list[dict], figure: Figure) -> dict | None:
    for row in rows:
        if row["article"] == article.url and row.get("claim") and row["value"] == figure.value:
            at = article.text.find(row["anchor"])
            if at <= figure.span[0] < at + len(row["anchor"]):
                return row
    return None


def score_batch(nlp, batch: Path) -> Grouping:
    """Articles in publication order through extract, in-article resolution and claim state,
    exactly as `claimstream process` runs them; labelled body figures scored by their key."""
    articles, rows = load_batch(batch)
    return score_stream(list(zip(articles, extract_batch(nlp, articles), strict=True)), rows)


def score_stream(stream: list[tuple[UniqueArticle, list[Figure]]], rows: list[dict]) -> Grouping:
    """Each article's figures into claim state in the stream's order, scored."""
    labelled: list[tuple[dict, Figure]] = []
    states: dict = {}
    flips = earlier_current = 0
    for article, figures in stream:
        for figure in resolve_in_article(figures):
            row = gold_row(article, rows, figure)
            key, new_state, event = fold(states.get, figure)  # states are not changed by fold
            if new_state is None:  # in no claim (a value given in passing that joins none)
                key = f"{key}|in no claim:{figure.figure_id}"
            if row is not None and not figure.headline:
                labelled.append((row, figure.model_copy(update={"claim_key": key})))
            before = states[key].current.article_url if key in states else None
            if new_state is not None:
                states[key] = new_state
            if event is not None and event.change == "value_changed":
                flips += before == figure.article_url
                earlier_current += bool(row and row.get("earlier"))
    facts = [row["fact"] for row, _ in labelled]
    keys = [figure.claim_key for _, figure in labelled]
    precision, recall = pair_scores(facts, keys)
    return Grouping(len(labelled), len(set(facts)), len(set(keys)), round(precision, 3),
                    round(recall, 3), round(f1(precision, recall), 3),
                    merged_stories([row["story"] for row, _ in labelled], keys), flips, earlier_current)


def all_together(directory: Path) -> Path:
    """Every batch's articles and annotations in one batch, as one feed would deliver them."""
    for name in ("articles.jsonl", "figures.jsonl"):
        (directory / name).write_text("".join((b / name).read_text() for b in batches()))
    return directory


def batches() -> list[Path]:
    return sorted(p for p in STORIES.iterdir() if (p / "figures.jsonl").exists()) if STORIES.exists() else []


def orders() -> int:
    """`--orders N`: also run the one stream in N random orders."""
    return int(sys.argv[sys.argv.index("--orders") + 1]) if "--orders" in sys.argv else 0


def first_sight(batch: Path) -> dict | None:
    path = batch / "first_sight.json"
    return json.loads(path.read_text()) if path.exists() else None


def row(label: str, g: dict) -> str:
    return (f"{label:<34}{g['figures']:>5}{g['facts']:>6}{g['claims']:>7}{g['precision']:>7.2f}"
            f"{g['recall']:>7.2f}{g['f1']:>6.2f}{g['merged_stories']:>8}{g['value_flips']:>7}"
            f"{g['earlier_as_current']:>9}")


def main() -> None:
    nlp = load_nlp(Settings().spacy_model)
    today = {batch.name: asdict(score_batch(nlp, batch)) for batch in batches()}
    if "--json" in sys.argv:
        print(json.dumps(today, indent=2))
        return
    labelled = [(fact, f) for fact, f in labelled_figures(nlp) if not f.headline]
    facts = [fact for fact, _ in labelled]
    resolved = by_article(labelled)
    keys = [resolved[f.figure_id].claim_key for _, f in labelled]
    precision, recall = pair_scores(facts, keys)
    print(f"seeds: {len(labelled)} labelled figures, {len(set(facts))} facts, {len(set(keys))} claims, "
          f"pair precision {precision:.2f}, recall {recall:.2f}, F1 {f1(precision, recall):.2f}")
    print(f"{'batch (run)':<34}{'figs':>5}{'facts':>6}{'claims':>7}{'P':>7}{'R':>7}{'F1':>6}"
          f"{'merged':>8}{'flips':>7}{'earlier':>9}")
    for batch in batches():
        for label, logged in (first_sight(batch) or {}).items():
            if isinstance(logged, dict):  # beside the scores: the commit they were taken at
                print(row(f"{batch.name} ({label})", logged))
        print(row(f"{batch.name} (this run)", today[batch.name]))
    with tempfile.TemporaryDirectory() as directory:
        articles, rows = load_batch(all_together(Path(directory)))
    stream = list(zip(articles, extract_batch(nlp, articles), strict=True))
    print(row("all batches in one stream", asdict(score_stream(stream, rows))))
    for seed in range(1, orders() + 1):  # a feed that delivers late: publication order lost
        shuffled = random.Random(seed).sample(stream, len(stream))
        print(row(f"  the same in random order {seed}", asdict(score_stream(shuffled, rows))))
    print("P/R/F1: pairwise over labelled body figures of all stories of a batch together; merged: claims "
          "holding figures of two stories; flips: value_changed events whose previous value came from "
          "the same article; earlier: values given in passing ('up from 36') that became current")


if __name__ == "__main__":
    main()
