"""Claim state and the one decision the claims stage makes: state + figure -> event or nothing.

Pure: no Kafka, no clock. The applied-figures record makes reprocessing idempotent, and
event ids are derived from the claim, its version and the figure, so a replay of the same
input yields the same ids.
"""

import hashlib

from pydantic import BaseModel, Field

from schemas import ClaimEvent, ClaimSource, Figure
from schemas.claims import Change, Previous
from services.claims.contest import CUMULATIVE, disagree
from services.claims.copies import Copy, Statement, copy_of, remembered

HISTORY_LIMIT = 50


class ClaimState(BaseModel):
    claim_id: str
    claim_key: str
    version: int = 0
    current: Figure
    contested: bool = False
    sources: list[ClaimSource] = Field(default_factory=list)
    applied: list[str] = Field(default_factory=list)
    history: list[ClaimEvent] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)  # what each article said
    copies: list[Copy] = Field(default_factory=list)


def applied_mark(figure: Figure) -> str:
    """What makes a figure a new statement: the article and what it says (hashed, small)."""
    said = f"{figure.article_url}|{figure.value}|{figure.value_max}|{figure.qualifier}|{figure.stated_as}"
    return hashlib.sha256(said.encode()).hexdigest()[:20]


def source_of(figure: Figure) -> ClaimSource:
    return ClaimSource(
        article_url=figure.article_url, outlet=figure.outlet, claimant=figure.claimant,
        value=figure.value, value_max=figure.value_max, qualifier=figure.qualifier,
        published=figure.published, stated_as=figure.stated_as,
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


def merge_sources(sources: list[ClaimSource], new: ClaimSource) -> list[ClaimSource]:
    """One entry per article: a revision replaces what its earlier version said."""
    kept = [s for s in sources if s.article_url != new.article_url]
    return [*kept, new]


def apply_figure(
    state: ClaimState | None, figure: Figure, claim_id: str
) -> tuple[ClaimState | None, ClaimEvent | None]:
    """Fold one figure into a claim. Returns the new state and the event to emit, if any.
    A value given only as an earlier one ('up from 36') opens no claim: it returns (None, None)."""
    mark = applied_mark(figure)
    if state is not None and mark in state.applied:
        return state, None
    if state is None and figure.stated_as == "earlier":
        return None, None
    if state is not None and (original := copy_of(state.statements, figure)):
        copy = Copy(article_url=figure.article_url, copy_of=original)
        return state.model_copy(update={
            "applied": [*state.applied, mark], "copies": [*state.copies, copy]}), None
    if state is None:
        state = ClaimState(claim_id=claim_id, claim_key=figure.claim_key, current=figure)
        change: Change = "new"
        previous = None
    else:
        late = is_late(figure, state.current)
        change = classify(figure, state.current, late)
        previous = Previous(
            value=state.current.value, value_max=state.current.value_max,
            qualifier=state.current.qualifier, claimant=state.current.claimant,
        )
    passing = change in ("late_source", "earlier_value")
    sources = state.sources if change == "earlier_value" else merge_sources(state.sources, source_of(figure))
    current = state.current if passing else figure
    contested = disagree(sources, cumulative=current.measure in CUMULATIVE)
    if contested and not state.contested and not passing:
        change = "contested"
    version = state.version + 1
    event = build_event(state, current, figure, change, previous, sources, contested, version)
    new_state = state.model_copy(update={
        "version": version, "current": current, "contested": contested, "sources": sources,
        "applied": [*state.applied, mark],
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


def event_id(claim_id: str, version: int, mark: str) -> str:
    return hashlib.sha256(f"{claim_id}|{version}|{mark}".encode()).hexdigest()[:24]


def build_event(
    state: ClaimState, current: Figure, figure: Figure, change: Change,
    previous: Previous | None, sources: list[ClaimSource], contested: bool, version: int,
) -> ClaimEvent:
    return ClaimEvent(
        type="claim.new" if version == 1 else "claim.updated",
        event_id=event_id(state.claim_id, version, applied_mark(figure)),
        claim_id=state.claim_id, claim_key=state.claim_key, version=version, change=change,
        subject=current.subject, counted=current.counted, event=current.event,
        scope=current.scope, measure=current.measure, place=current.place,
        incident=current.incident, holder=current.holder, value=current.value, value_max=current.value_max,
        qualifier=current.qualifier, unit=current.unit, currency=current.currency,
        claimant=current.claimant, article_url=current.article_url, outlet=current.outlet,
        published=current.published, evidence=current.evidence, contested=contested,
        previous=previous, sources=sources, statement=source_of(figure),
    )


