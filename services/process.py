"""`claimstream process`: the stream pipeline's own logic in one process, with no broker.

Dedupe, extract and claims run exactly the functions their agents call, with dicts in
place of faust Tables and a clock taken from the articles, so the output is deterministic.
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from spacy.language import Language

from schemas import Figure, RawArticle
from services.claims.identity import claim_id
from services.claims.in_article import resolve_in_article
from services.claims.state import ClaimState, apply_figure
from services.dedupe.decide import decide
from services.dedupe.similarity import NEAR_THRESHOLD
from services.extract.pipeline import extract_batch
from services.runtime.deadletter import reason_of

FIXED_CLOCK = datetime(2000, 1, 1, tzinfo=UTC)


class Pipeline:
    """The three stages' state, as the faust Tables hold it."""

    def __init__(self, nlp: Language, near_threshold: float = NEAR_THRESHOLD) -> None:
        self.nlp = nlp
        self.near_threshold = near_threshold
        self.dedupe_store: dict[str, Any] = {}
        self.claims: dict[str, ClaimState] = {}
        self.errors: list[str] = []

    def run(self, articles: list[RawArticle]) -> Iterator[BaseModel]:
        for article in articles:
            yield from self.one(article)

    def one(self, article: RawArticle) -> Iterator[BaseModel]:
        now = article.published or FIXED_CLOCK
        decision = decide(article, self.dedupe_store, now, self.near_threshold)
        if decision.duplicate is not None:
            yield decision.duplicate
        if decision.unique is None:
            return
        try:
            figures = extract_batch(self.nlp, [decision.unique])[0]
        except Exception as exc:  # the stream dead-letters such an article; here it is reported
            self.errors.append(f"{article.url}: extract: {reason_of(exc)}")
            return
        for figure in resolve_in_article(figures):
            event = self.apply(figure)
            if event is not None:
                yield event

    def apply(self, figure: Figure) -> BaseModel | None:
        key = figure.claim_key
        state, event = apply_figure(self.claims.get(key), figure, claim_id(key))
        if state is not None:
            self.claims[key] = state
        return event
