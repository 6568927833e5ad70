"""Batch extraction for a worker process: the model is loaded once per process, and one
bad article costs only itself, never its batch."""

import signal
from collections.abc import Sequence
from typing import TypeVar

from spacy.language import Language

from schemas import Figure, UniqueArticle
from services.extract.pipeline import extract_batch, load_nlp
from services.runtime.deadletter import reason_of

Item = TypeVar("Item")
_nlp: Language | None = None


def load_worker_nlp(model: str) -> None:
    """Pool initializer. Ctrl-C reaches the whole process group; the parent stops the pool."""
    global _nlp
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _nlp = load_nlp(model)


def extract_isolated(articles: list[UniqueArticle]) -> list[list[Figure] | str]:
    """In a worker process: figures per article, or the reason an article could not be read."""
    if _nlp is None:
        raise RuntimeError("extract: model not loaded in this process")
    return isolated(_nlp, articles)


def isolated(nlp: Language, articles: list[UniqueArticle]) -> list[list[Figure] | str]:
    """Figures per article, or the reason an article could not be read."""
    if not articles:
        return []
    try:
        return list(extract_batch(nlp, articles))
    except Exception:
        return [one(nlp, article) for article in articles]


def one(nlp: Language, article: UniqueArticle) -> list[Figure] | str:
    try:
        return extract_batch(nlp, [article])[0]
    except Exception as exc:
        return f"extract: {reason_of(exc)}"


def shares(items: Sequence[Item], parts: int) -> list[list[Item]]:
    """Items cut into at most `parts` runs of near-equal length, in order, none empty."""
    size = -(-len(items) // max(1, parts))
    return [list(items[i : i + size]) for i in range(0, len(items), size)] if items else []
