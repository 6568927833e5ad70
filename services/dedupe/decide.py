"""Dedupe's decision: pass an article on (unique or revision) or drop it as a duplicate. Pure.

Checks run cheapest first: canonical URL, feed GUID, content hash of the story text, then
MinHash LSH over the story text, then the story's first sentence (a copy cut to its opening
paragraphs is too short to be near its original). A known URL or GUID with another story, and a near-duplicate
whose story changed (`revision.story_change`), is a revision: passed on with `revision_of`
set. A near-duplicate whose story did not change is a copy, whatever its page furniture says.
The same record delivered again after a crash is no copy of itself: it is `redelivered`.
"""

from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from schemas.articles import DuplicateNotice, RawArticle, UniqueArticle
from services.dedupe import state
from services.dedupe.fingerprint import Fingerprint, fingerprint
from services.dedupe.revision import story_change
from services.dedupe.similarity import NEAR_THRESHOLD, similarity

Outcome = Literal["unique", "revision", "duplicate", "redelivered"]


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    unique: UniqueArticle | None = None
    duplicate: DuplicateNotice | None = None


def decide(
    article: RawArticle, store: MutableMapping[str, Any], now: datetime,
    threshold: float = NEAR_THRESHOLD, at: str | None = None,
) -> Decision:
    """Judge one article against everything remembered in `store`, and remember it. `at`
    names the record's place in its topic: the record judged last at that place, delivered
    again, was already sent on (the store remembers only what was), so it is `redelivered`
    and nothing is sent or remembered."""
    fp = fingerprint(article)
    if at is not None and state.judged_at(store, fp.url) == at:
        return Decision(outcome="redelivered")
    decision = judged(article, fp, store, now, threshold)
    if at is not None:
        state.remember_place(store, fp.url, at)
    return decision


def judged(
    article: RawArticle, fp: Fingerprint, store: MutableMapping[str, Any], now: datetime,
    threshold: float,
) -> Decision:
    t = now.timestamp()
    if match := exact_match(store, fp):
        return known(article, fp, store, t, *match)
    near = state.candidates(store, fp, threshold) if fp.has_text else []
    for url, score, sig in near:
        if not story_change(fp, sig).is_revision(same_publisher=False):
            state.remember_copy(store, fp, url, t)
            return duplicate(store, fp, url, "near", "near", score)
    if not near and (cut := cut_copy_of(fp, store)):
        state.remember_copy(store, fp, cut["url"], t)
        return duplicate(store, fp, cut["url"], "near", "near", similarity(fp.hashvalues, cut["h"]))
    return passed(article, fp, store, t, revision_of=near[0][0] if near else None)


MIN_CUT_SENTENCES = 3


def cut_copy_of(fp: Fingerprint, store: MutableMapping[str, Any]) -> dict | None:
    """An earlier story this one is the opening of, cut short (a paywall, a first page, a
    teaser): it opens with the same sentence, shares at least three sentences with it, and
    adds or changes nothing of the story (its own page lines are no story)."""
    earlier = state.opened_alike(store, fp)
    if earlier is None or len(fp.sentences & set(earlier["s"])) < MIN_CUT_SENTENCES:
        return None
    return None if story_change(fp, earlier).is_revision(same_publisher=False) else earlier


def exact_match(store: MutableMapping[str, Any], fp: Fingerprint) -> tuple[dict, str] | None:
    """The first remembered entry this article matches exactly: by url, guid, then content."""
    if entry := state.seen_url(store, fp.url):
        return entry, "url"
    if entry := state.seen_guid(store, fp.guid):
        return entry, "guid"
    if fp.has_text and (entry := state.seen_content(store, fp.content_hash)):
        return {**entry, "hash": fp.content_hash}, "content"
    return None


def known(
    article: RawArticle, fp: Fingerprint, store: MutableMapping[str, Any], t: float,
    prior: dict, reason: str,
) -> Decision:
    """An article whose URL, GUID or story text was seen: a re-delivery, an older version
    delivered again, the same story under other furniture, or the publisher's revision."""
    of = prior.get("of") or prior["url"]
    if prior["hash"] == fp.content_hash:
        state.remember_copy(store, fp, of, t)
        return duplicate(store, fp, of, "exact", reason, 1.0)
    if fp.has_text and (earlier := state.seen_content(store, fp.content_hash)):
        # an older version delivered again: nothing new, and not the latest either
        return duplicate(store, fp, earlier.get("of") or earlier["url"], "exact", "content", 1.0)
    latest = state.signature(store, of)
    if latest is None or story_change(fp, latest).is_revision(same_publisher=True):
        return passed(article, fp, store, t, revision_of=of)
    state.remember_copy(store, fp, of, t)
    return duplicate(store, fp, of, "near", reason, similarity(fp.hashvalues, latest["h"]))


def passed(
    article: RawArticle, fp: Fingerprint, store: MutableMapping[str, Any], t: float,
    revision_of: str | None,
) -> Decision:
    state.remember_original(store, fp, t, article)
    unique = UniqueArticle(
        **article.model_dump(exclude={"canonical_url"}), canonical_url=fp.url,
        content_hash=fp.content_hash, revision_of=revision_of,
    )
    return Decision(outcome="revision" if revision_of else "unique", unique=unique)


def duplicate(
    store: MutableMapping[str, Any], fp: Fingerprint, of: str, kind: str, reason: str,
    similarity: float,
) -> Decision:
    """The notice for a copy, naming the original as it was first given."""
    original = state.original(store, of)
    notice = DuplicateNotice(
        url=fp.given_url, canonical_url=fp.url, duplicate_of=of, kind=kind, reason=reason,
        similarity=round(similarity, 4), original_url=original.get("u", of),
        original_title=original.get("ti"), original_outlet=original.get("o"),
    )
    return Decision(outcome="duplicate", duplicate=notice)


def expire(store: MutableMapping[str, Any], now: datetime, retention: timedelta) -> int:
    """Forget what was last seen more than `retention` ago; returns the keys removed."""
    return state.expire(store, (now - retention).timestamp())
