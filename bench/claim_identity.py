"""What claim identity buys: figures of the seeds grouped into claims, pairwise precision and
recall against hand-labelled facts, for the literal counted words and for claimstream's key.

    .venv/bin/python bench/claim_identity.py
"""

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from schemas import Figure, UniqueArticle  # noqa: E402
from services.claims.identity import claim_key, resolve_in_article  # noqa: E402
from services.claims.quality import pair_scores  # noqa: E402
from services.extract.pipeline import extract_batch, load_nlp  # noqa: E402
from services.replay.inputs import read_inputs  # noqa: E402
from services.runtime.settings import Settings  # noqa: E402

FACTS = REPO / "tests" / "data" / "claim_facts.jsonl"


def labelled_figures(nlp, seeds: Path = REPO / "seeds") -> list[tuple[str, Figure]]:
    """(fact, figure) for every extracted body figure that a labelled anchor covers."""
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


def literal_key(counted: str, event: str, unit: str, currency: str | None, scope: str | None) -> str:
    """The baseline: the counted words as written, no folding."""
    return "|".join([counted.lower(), event, unit, currency or "", scope or "*"])


def by_article(labelled: list[tuple[str, Figure]]) -> dict[str, Figure]:
    """Each figure after `resolve_in_article` over its own article's figures."""
    articles: dict[str, list[Figure]] = {}
    for _, figure in labelled:
        articles.setdefault(figure.article_url, []).append(figure)
    return {f.figure_id: f for figures in articles.values() for f in resolve_in_article(figures)}


def main() -> None:
    labelled = [(fact, f) for fact, f in labelled_figures(load_nlp(Settings().spacy_model))
                if not f.headline]
    facts = [fact for fact, _ in labelled]
    resolved = by_article(labelled)
    keyings = {
        "literal counted words": [literal_key(f.counted, f.event, f.unit, f.currency, f.scope)
                                  for _, f in labelled],
        "claim key": [claim_key(f) for _, f in labelled],
        "claim key + in-article": [resolved[f.figure_id].claim_key for _, f in labelled],
    }
    print(f"{len(labelled)} labelled figures, {len(set(facts))} facts (seeds)")
    print(f"{'grouping':<24}{'claims':>8}{'pair precision':>16}{'pair recall':>13}")
    for name, keys in keyings.items():
        precision, recall = pair_scores(facts, keys)
        print(f"{name:<24}{len(set(keys)):>8}{precision:>16.2f}{recall:>13.2f}")


if __name__ == "__main__":
    main()
