"""Scoring extracted figures against a hand-annotated set (tests/data/*.jsonl).

A gold row names an article and an `anchor`: a unique piece of its text that starts at the
figure (qualifier included). A prediction matches a claim row when its span starts inside
the anchor and its value is right; it is *strict*-correct when every field is right too.
Rows with `"claim": false` mark things that must not come out (furniture, ages, dates...).
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from schemas.figures import Figure
from services.claims.identity import counted_head, singular
from services.extract.acronyms import abbreviates
from services.extract.places import fold, resolve

FIELDS = (
    "value_max",
    "qualifier",
    "unit",
    "currency",
    "converted_value",
    "converted_currency",
    "counted",
    "event",
    "scope",
    "claimant",
    "headline",
)


# Every field in frame form: the closed-vocabulary measure and the place in place of the
# annotators' free wording of the event, and what is counted by its head word ('people injured'
# counts people), where a batch annotates the frame (the story batches).
FRAME_FIELDS = (*(f for f in FIELDS if f not in ("counted", "event")), "counted_head", "measure", "place")


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    strict: int = 0
    furniture: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    carrier_right: int = 0
    framed: int = 0  # found figures whose row annotates the frame
    frame_strict: int = 0
    frame_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FRAME_FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def precision(self, strict: bool = False) -> float:
        return (self.strict if strict else self.found) / self.predicted if self.predicted else 0.0

    def recall(self, strict: bool = False) -> float:
        return (self.strict if strict else self.found) / self.gold if self.gold else 0.0

    def frame_precision(self) -> float:
        """Every field right in frame form, of the figures output (as `precision(strict=True)`)."""
        return self.frame_strict / self.predicted if self.predicted else 0.0

    def frame_recall(self) -> float:
        return self.frame_strict / self.gold if self.gold else 0.0


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def as_prediction(figure: Figure) -> dict:
    return figure.model_dump(include={"value", "span", *FIELDS, "carrier", "measure", "place"})


def frame_ok(name: str, gold: dict, predicted: dict) -> bool:
    if name == "counted_head":  # 'people' of 'people injured': one of the words the reader wrote
        said = {singular(w) for c in gold["counted"] if c for w in re.split(r"\W+", c.lower()) if w}
        return counted_head(predicted["counted"]) in said
    if name == "measure":
        return predicted.get("measure") == gold.get("measure")
    if name == "place":
        return same_place(gold.get("place"), predicted.get("place"))
    return field_ok(name, gold, predicted)


def same_place(gold: str | None, predicted: str | None) -> bool:
    """'KR/Seoul' is 'KR/seoul', 'JP/Ishikawa' is 'JP/ishikawa region', 'US/Florida/Lee County'
    is 'US/lee county': the same country and the same narrowest place, by name."""
    if gold is None or predicted is None:
        return gold == predicted
    (gold_country, *gold_within), (country, *within) = gold.split("/"), predicted.split("/")
    if gold_country != country or bool(gold_within) != bool(within):
        return False
    if not gold_within:
        return True
    said, found = fold(gold_within[-1]), fold(within[-1])
    return bool(re.search(rf"\b{re.escape(said)}\b", found) or re.search(rf"\b{re.escape(found)}\b", said))


def field_ok(name: str, gold: dict, predicted: dict) -> bool:
    if name == "counted":
        return predicted["counted"].lower() in {c.lower() for c in gold["counted"]}
    if name == "claimant":  # 'the airline' is 'airline', 'Utilities' is 'utilities', 'WHO' is
        said = predicted[name]  # 'World Health Organization' (a claimant goes by its full name)
        if said and any(c and abbreviates(c, said) for c in gold[name]):
            return True
        return speaker_form(said) in {speaker_form(c) for c in gold[name]}
    if name == "event":
        return predicted[name] in gold[name]
    return predicted.get(name) == gold.get(name)


def speaker_form(name: str | None) -> str | None:
    """Compared without an article ('the', 'a', 'an') and without the place a body belongs
    to: "Spain's insurance compensation consortium" is the 'insurance compensation consortium'
    of a Spanish article."""
    if not name:
        return None
    owner, mark, body = name.strip().partition("'s ")
    if mark and resolve(owner) is not None:
        name = body
    return re.sub(r"^(?:the|an?)\s+", "", name.strip().lower())


def score_article(text: str, gold: list[dict], predicted: Iterable[dict], score: Score) -> None:
    claims = [(row, text.index(row["anchor"])) for row in gold]
    score.gold += sum(row["claim"] for row in gold)
    taken: set[int] = set()
    for guess in predicted:
        score.predicted += 1
        row = next((r for r, at in claims if at <= guess["span"][0] < at + len(r["anchor"])), None)
        if row is None or not row["claim"]:
            score.furniture += bool(row and row["why"].startswith("furniture"))
            score.misses.append(f"extra: {text[guess['span'][0] : guess['span'][1]]!r}")
            continue
        if id(row) in taken or guess["value"] != row["value"]:
            score.misses.append(f"wrong value or repeat: {row['anchor']!r}")
            continue
        taken.add(id(row))
        score.found += 1
        right = [name for name in FIELDS if name in guess and field_ok(name, row, guess)]
        for name in right:
            score.field_right[name] += 1
        score.carrier_right += guess.get("carrier") == row.get("carrier")
        if "measure" in row and "measure" in guess:
            score.framed += 1
            framed = [name for name in FRAME_FIELDS if frame_ok(name, row, guess)]
            for name in framed:
                score.frame_right[name] += 1
            score.frame_strict += len(framed) == len(FRAME_FIELDS)
        if len(right) == len(FIELDS):
            score.strict += 1
        else:
            wrong = {n: guess.get(n) for n in FIELDS if n not in right}
            score.misses.append(f"fields {row['anchor']!r}: {wrong}")
    score.misses += [f"missed: {r['anchor']!r}" for r, _ in claims if r["claim"] and id(r) not in taken]


def read_corpus(directory: Path) -> dict[str, str]:
    """article file name → text, for every .txt file in the directory."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))}


def score_corpus(texts: dict[str, str], gold: list[dict], predicted: dict[str, list[dict]]) -> Score:
    score = Score()
    for name, text in texts.items():
        rows = [row for row in gold if row["article"] == name]
        score_article(text, rows, predicted.get(name, []), score)
    return score
