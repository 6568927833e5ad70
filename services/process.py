"""`claimstream process`: the stream pipeline's own logic in one process, with no broker.

Dedupe, extract and claims run exactly the functions their agents call, with dicts in
place of faust Tables and a clock taken from the articles, so the output is deterministic.
Articles are taken a window at a time: dedupe decides each in order, the window's unique
articles are read by `extract` (in this process, or shared out among NLP processes), then
claims take their figures in input order.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from spacy.language import Language

from schemas import Figure, RawArticle, UniqueArticle
from services.claims.in_article import resolve_in_article
from services.claims.state import ClaimState
from services.claims.threads import fold
from services.dedupe.decide import decide
from services.dedupe.similarity import NEAR_THRESHOLD
from services.extract.batch import extract_isolated, isolated, shares
from services.extract.nlp_processes import nlp_pool
from services.extract.pipeline import load_nlp

FIXED_CLOCK = datetime(2000, 1, 1, tzinfo=UTC)
WINDOW = 64  # articles read between outputs
Extract = Callable[[list[UniqueArticle]], list[list[Figure] | str]]


class Pipeline:
    """The three stages' state, as the faust Tables hold it."""

    def __init__(
        self, nlp: Language | None, near_threshold: float = NEAR_THRESHOLD, extract: Extract | None = None
    ) -> None:
        self.nlp = nlp
        self.extract = extract or (lambda articles: isolated(nlp, articles))
        self.near_threshold = near_threshold
        self.dedupe_store: dict[str, Any] = {}
        self.claims: dict[str, ClaimState] = {}
        self.errors: list[str] = []

    def run(self, articles: list[RawArticle]) -> Iterator[BaseModel]:
        for at in range(0, len(articles), WINDOW):
            yield from self.window(articles[at : at + WINDOW])

    def one(self, article: RawArticle) -> Iterator[BaseModel]:
        yield from self.window([article])

    def window(self, articles: list[RawArticle]) -> Iterator[BaseModel]:
        decisions = [
            decide(article, self.dedupe_store, article.published or FIXED_CLOCK, self.near_threshold)
            for article in articles
        ]
        results = iter(self.extract([d.unique for d in decisions if d.unique is not None]))
        for article, decision in zip(articles, decisions, strict=True):
            if decision.duplicate is not None:
                yield decision.duplicate
            if decision.unique is None:
                continue
            result = next(results)
            if isinstance(result, str):  # the stream dead-letters such an article; here it is reported
                self.errors.append(f"{article.url}: {result}")
                continue
            yield from filter(None, map(self.apply, resolve_in_article(result)))

    def apply(self, figure: Figure) -> BaseModel | None:
        key, state, event = fold(self.claims.get, figure)
        if state is not None:
            self.claims[key] = state
        return event


@contextmanager
def reader(model: str, processes: int) -> Iterator[tuple[Language | None, Extract | None]]:
    """(nlp, None) to read in this process when there is one NLP process, else (None, extract)
    that shares a window's articles out among `processes` NLP processes."""
    if processes == 1:
        yield load_nlp(model), None
        return
    with nlp_pool(model, processes) as pool:

        def extract(articles: list[UniqueArticle]) -> list[list[Figure] | str]:
            parts = pool.map(extract_isolated, shares(articles, processes))
            return [result for part in parts for result in part]

        yield None, extract
