"""Dedupe's decision: pass an article on (unique or revision) or drop it as a duplicate. Pure.

Checks run cheapest first: canonical URL, feed GUID, content hash of the main text, then
MinHash LSH over the main text. A known URL or GUID with other content, and a near-duplicate
that states new figures or new sentences, is a revision: passed on with `revision_of` set.
"""

from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from schemas.articles import DuplicateNotice, RawArticle, UniqueArticle
from services.dedupe import state
from services.dedupe.fingerprint import Fingerprint, fingerprint
from services.dedupe.similarity import NEAR_THRESHOLD

Outcome = Literal["unique", "revision", "duplicate"]
MIN_NEW_SENTENCES = 2


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    unique: UniqueArticle | None = None
    duplicate: DuplicateNotice | None = None


def decide(
    article: RawArticle, store: MutableMapping[str, Any], now: datetime,
    threshold: float = NEAR_THRESHOLD,
) -> Decision:
    """Judge one article against everything remembered in `store`, and remember it."""
    fp = fingerprint(article)
    t = now.timestamp()
    if match := exact_match(store, fp):
        prior, reason = match
        of = prior.get("of") or prior["url"]
        if prior["hash"] != fp.content_hash:
            if fp.has_text and (earlier := state.seen_content(store, fp.content_hash)):
                # an older version delivered again: nothing new, and not the latest either
                return duplicate(fp, earlier.get("of") or earlier["url"], "exact", "content", 1.0)
            return passed(article, fp, store, t, revision_of=of)
        state.remember_copy(store, fp, of, t)
        return duplicate(fp, of, "exact", reason, 1.0)
    near = state.candidates(store, fp, threshold) if fp.has_text else []
    for url, score, sig in near:
        if not states_news(fp, sig):
            state.remember_copy(store, fp, url, t)
            return duplicate(fp, url, "near", "near", score)
    return passed(article, fp, store, t, revision_of=near[0][0] if near else None)


def exact_match(store: MutableMapping[str, Any], fp: Fingerprint) -> tuple[dict, str] | None:
    """The first remembered entry this article matches exactly: by url, guid, then content."""
    if entry := state.seen_url(store, fp.url):
        return entry, "url"
    if entry := state.seen_guid(store, fp.guid):
        return entry, "guid"
    if fp.has_text and (entry := state.seen_content(store, fp.content_hash)):
        return {**entry, "hash": fp.content_hash}, "content"
    return None


def states_news(fp: Fingerprint, earlier: dict) -> bool:
    """Does this text state a figure, or several sentences, that the earlier one did not?"""
    new_figures = fp.figures - set(earlier["f"])
    new_sentences = fp.sentences - set(earlier["s"])
    return bool(new_figures) or len(new_sentences) >= MIN_NEW_SENTENCES


def passed(
    article: RawArticle, fp: Fingerprint, store: MutableMapping[str, Any], t: float,
    revision_of: str | None,
) -> Decision:
    state.remember_original(store, fp, t)
    unique = UniqueArticle(
        **article.model_dump(exclude={"url"}), url=fp.url,
        content_hash=fp.content_hash, revision_of=revision_of,
    )
    return Decision(outcome="revision" if revision_of else "unique", unique=unique)


def duplicate(fp: Fingerprint, of: str, kind: str, reason: str, similarity: float) -> Decision:
    notice = DuplicateNotice(
        url=fp.url, duplicate_of=of, kind=kind, reason=reason, similarity=round(similarity, 4)
    )
    return Decision(outcome="duplicate", duplicate=notice)


def expire(store: MutableMapping[str, Any], now: datetime, retention: timedelta) -> int:
    """Forget what was last seen more than `retention` ago; returns the keys removed."""
    return state.expire(store, (now - retention).timestamp())
