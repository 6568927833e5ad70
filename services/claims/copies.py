"""A copy is never a second source. Pure.

Corroboration means another outlet or claimant said it in its own words. When a statement
reaches a claim from a second article with the same claimant, the same value and the same
(or a near-identical) evidence sentence, the second article is a copy of the first: the
claim records it under `copies` and emits nothing, however the dedupe stage judged it.
"""

import re

from pydantic import BaseModel

from schemas import Figure

NEAR_IDENTICAL = 0.8  # word overlap (Jaccard) of two evidence sentences
STATEMENTS_LIMIT = 50


class Statement(BaseModel):
    """What one article said, as far as copies are concerned."""

    article_url: str
    claimant: str | None = None
    value: int | float
    value_max: int | float | None = None
    words: list[str]


class Copy(BaseModel):
    article_url: str
    copy_of: str


def statement(figure: Figure) -> Statement:
    return Statement(
        article_url=figure.article_url, claimant=figure.claimant, value=figure.value,
        value_max=figure.value_max, words=sorted(set(re.findall(r"\w+", figure.evidence.lower()))),
    )


def copy_of(statements: list[Statement], figure: Figure) -> str | None:
    """The article another one's statement of this figure was copied from, if any."""
    said = statement(figure)
    for earlier in statements:
        if earlier.article_url != said.article_url and same_statement(earlier, said):
            return earlier.article_url
    return None


def said_alike(a: Statement, b: Statement) -> bool:
    """The same value from the same claimant."""
    return (a.claimant, a.value, a.value_max) == (b.claimant, b.value, b.value_max)


def same_statement(a: Statement, b: Statement) -> bool:
    if not said_alike(a, b):
        return False
    words_a, words_b = set(a.words), set(b.words)
    return len(words_a & words_b) >= NEAR_IDENTICAL * len(words_a | words_b)


def remembered(statements: list[Statement], figure: Figure) -> list[Statement]:
    """The statements with this figure's added. An article keeps one statement per value and
    claimant, its first: 'killing at least 79 ... In the morning he had put the toll at 44'
    says two things a copy repeats, and a copy of either is a copy."""
    said = statement(figure)
    if any(s.article_url == said.article_url and said_alike(s, said) for s in statements):
        return statements
    return [*statements, said][-STATEMENTS_LIMIT:]
