"""Batch extraction for a worker process: the model is loaded once per process, and one
bad article costs only itself, never its batch."""

import signal

from spacy.language import Language

from schemas import Figure, UniqueArticle
from services.extract.pipeline import extract_batch, load_nlp
from services.runtime.deadletter import reason_of

_nlp: Language | None = None


def load_worker_nlp(model: str) -> None:
    """Pool initializer. Ctrl-C reaches the whole process group; the parent stops the pool."""
    global _nlp
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _nlp = load_nlp(model)


def extract_isolated(articles: list[UniqueArticle]) -> list[list[Figure] | str]:
    """Figures per article, or the reason an article could not be read."""
    if _nlp is None:
        raise RuntimeError("extract: model not loaded in this process")
    if not articles:
        return []
    try:
        return list(extract_batch(_nlp, articles))
    except Exception:
        return [one(article) for article in articles]


def one(article: UniqueArticle) -> list[Figure] | str:
    try:
        return extract_batch(_nlp, [article])[0]
    except Exception as exc:
        return f"extract: {reason_of(exc)}"
