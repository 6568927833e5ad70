"""Claim state and the one decision the claims stage makes: state + figure -> event or nothing.

Pure: no Kafka, no clock. A state has a bounded size whatever the number of sources: the
latest SOURCE_LIMIT sources plus a count, the marks of the latest APPLIED_LIMIT statements,
the latest HISTORY_LIMIT events. Marks make reprocessing idempotent. An event id is derived
from the claim and the statement it applies, so the same statement about the same claim gets
the same id in whatever order statements arrive; the version counts statements applied.
"""

import hashlib
from datetime import UTC, datetime

from pydantic import BaseModel, Field

from schemas import ClaimEvent, ClaimSource, Figure
from schemas.claims import Change, Previous
from services.claims.contest import CUMULATIVE, conflicts_with, disagree
from services.claims.copies import Copy, Statement, copy_of, remembered

HISTORY_LIMIT = 50
SOURCE_LIMIT = 50
APPLIED_LIMIT = 256
UNDATED = datetime.min.replace(tzinfo=UTC)


class ClaimState(BaseModel):
    claim_id: str
    claim_key: str
    version: int = 0
    current: Figure
    contested: bool = False
    sources: list[ClaimSource] = Field(default_factory=list, description="the latest by publication")
    source_count: int = Field(default=0, description="articles that stated the claim")
    applied: list[str] = Field(default_factory=list, description="marks of the latest statements")
    history: list[ClaimEvent] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)  # what each article said
    copies: list[Copy] = Field(default_factory=list)
    # which incident of its frame the claim is (`threads.py`): its articles' distinctive names
    # and the time it was stated in
    names: dict[str, float] = Field(default_factory=dict)
    first_published: datetime | None = None
    last_published: datetime | None = None


def applied_mark(said: Figure | ClaimSource) -> str:
    """What makes a figure a new statement: the article and what it says (hashed, small)."""
    text = f"{said.article_url}|{said.value}|{said.value_max}|{said.qualifier}|{said.stated_as}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def already_applied(state: ClaimState, figure: Figure, mark: str) -> bool:
    """A recent statement, or one a kept source still says."""
    return mark in state.applied or any(
        s.article_url == figure.article_url and applied_mark(s) == mark for s in state.sources
    )


def source_of(figure: Figure) -> ClaimSource:
    return ClaimSource(
        article_url=figure.article_url, outlet=figure.outlet, claimant=figure.claimant,
        value=figure.value, value_max=figure.value_max, qualifier=figure.qualifier,
        published=figure.published, stated_as=figure.stated_as, as_of=figure.as_of,
    )


def is_late(figure: Figure, current: Figure) -> bool:
    """Older than the current value, when both dates are known."""
    return bool(figure.published and current.published and figure.published < current.published)


def classify(figure: Figure, current: Figure, late: bool) -> Change:
    if figure.stated_as == "earlier":
        return "earlier_value"
    if late:
        return "late_source"
    if (figure.value, figure.value_max) != (current.value, current.value_max):
        return "value_changed"
    if figure.qualifier != current.qualifier:
        return "qualifier_changed"
    return "corroborated"


def recency(source: ClaimSource) -> tuple[datetime, str]:
    return source.published or UNDATED, source.article_url


def merge_sources(sources: list[ClaimSource], new: ClaimSource) -> list[ClaimSource]:
    """One entry per article (a revision replaces what its earlier version said), the latest
    SOURCE_LIMIT by publication: the same statements keep the same sources in any order."""
    kept = [s for s in sources if s.article_url != new.article_url]
    return sorted([*kept, new], key=recency)[-SOURCE_LIMIT:]


def is_contested(state: ClaimState, sources: list[ClaimSource], new: ClaimSource,
                 cumulative: bool) -> bool:
    """Once contested, a claim stays so unless a revision changes what an article said; the
    new statement is checked against the kept sources only, in one pass."""
    if any(s.article_url == new.article_url for s in state.sources):
        return disagree(sources, cumulative)
    return state.contested or conflicts_with(new, sources, cumulative)


def apply_figure(
    state: ClaimState | None, figure: Figure, claim_id: str
) -> tuple[ClaimState | None, ClaimEvent | None]:
    """Fold one figure into a claim. Returns the new state and the event to emit, if any.
    A value given only as an earlier one ('up from 36') opens no claim: it returns (None, None)."""
    mark = applied_mark(figure)
    if state is not None and already_applied(state, figure, mark):
        return state, None
    if state is None and figure.stated_as == "earlier":
        return None, None
    if state is not None and (original := copy_of(state.statements, figure)):
        copy = Copy(article_url=figure.article_url, copy_of=original)
        return state.model_copy(update={
            "applied": [*state.applied, mark][-APPLIED_LIMIT:],
            "copies": [*state.copies, copy][-SOURCE_LIMIT:]}), None
    if state is None:
        state = ClaimState(claim_id=claim_id, claim_key=figure.claim_key, current=figure)
        change: Change = "new"
        previous = None
    else:
        change = classify(figure, state.current, is_late(figure, state.current))
        previous = Previous(
            value=state.current.value, value_max=state.current.value_max,
            qualifier=state.current.qualifier, claimant=state.current.claimant,
        )
    passing = change in ("late_source", "earlier_value")
    current = state.current if passing else figure
    sources, contested, count = state.sources, state.contested, state.source_count
    if change != "earlier_value":
        new = source_of(figure)
        sources = merge_sources(state.sources, new)
        contested = is_contested(state, sources, new, current.measure in CUMULATIVE)
        count += not any(s.article_url == new.article_url for s in state.sources)
    if contested and not state.contested and not passing:
        change = "contested"
    version = state.version + 1
    event = build_event(state, current, figure, change, previous, sources, contested, version)
    event = event.model_copy(update={"source_count": count})
    new_state = state.model_copy(update={
        "version": version, "current": current, "contested": contested, "sources": sources,
        "source_count": count, "applied": [*state.applied, mark][-APPLIED_LIMIT:],
        "statements": remembered(state.statements, figure),
        "history": [*state.history, event.model_copy(update={"sources": []})][-HISTORY_LIMIT:],
    })
    return new_state, event


def ignored_reason(new_state: ClaimState | None, figure: Figure) -> str:
    """Why `apply_figure` emitted nothing: a copy of another article's statement, a statement
    already applied, or an earlier value with no claim to join."""
    if new_state is None:
        return "earlier_without_claim"
    copied = new_state.copies and new_state.copies[-1].article_url == figure.article_url
    return "copy" if copied else "already_applied"


def event_id(claim_id: str, mark: str) -> str:
    """One id per statement about one claim, whatever the order statements arrive in."""
    return hashlib.sha256(f"{claim_id}|{mark}".encode()).hexdigest()[:24]


def build_event(
    state: ClaimState, current: Figure, figure: Figure, change: Change,
    previous: Previous | None, sources: list[ClaimSource], contested: bool, version: int,
) -> ClaimEvent:
    return ClaimEvent(
        type="claim.new" if version == 1 else "claim.updated",
        event_id=event_id(state.claim_id, applied_mark(figure)),
        claim_id=state.claim_id, claim_key=state.claim_key, version=version, change=change,
        subject=current.subject, counted=current.counted, event=current.event,
        scope=current.scope, measure=current.measure, place=current.place,
        incident=current.incident, holder=current.holder, value=current.value, value_max=current.value_max,
        qualifier=current.qualifier, unit=current.unit, currency=current.currency,
        claimant=current.claimant, article_url=current.article_url, outlet=current.outlet,
        published=current.published, evidence=current.evidence, contested=contested,
        previous=previous, sources=sources, statement=source_of(figure),
    )


