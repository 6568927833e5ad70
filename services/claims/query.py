"""Claim look-ups for the HTTP API and the CLI. No I/O."""

from collections.abc import Iterable
from datetime import datetime

from services.claims.state import ClaimState


def summary(state: ClaimState) -> dict:
    """The latest event of a claim, without its history."""
    latest = state.history[-1] if state.history else None
    body = latest.model_dump(mode="json") if latest else {}
    body.update(claim_id=state.claim_id, version=state.version, contested=state.contested,
                sources=[s.model_dump(mode="json") for s in state.sources])
    return body


def matches(state: ClaimState, text: str | None, entity: str | None, since: datetime | None) -> bool:
    current = state.current
    written = f"{current.subject} {current.evidence} {state.claim_key} {' '.join(state.names)}"
    if text and text.lower() not in written.lower():
        return False
    if entity:
        names = {e.canonical.lower() for e in current.entities} | {
            (s.claimant or "").lower() for s in state.sources
        }
        if entity.lower() not in names:
            return False
    if since:
        latest = state.history[-1].emitted_at if state.history else None
        if latest is None or latest < since:
            return False
    return True


def search(
    states: Iterable[ClaimState], text: str | None = None, entity: str | None = None,
    since: datetime | None = None,
) -> list[dict]:
    found = [summary(s) for s in states if matches(s, text, entity, since)]
    return sorted(found, key=lambda c: (c.get("subject", ""), c["claim_id"]))


def find(states: Iterable[ClaimState], claim_id: str) -> dict | None:
    for state in states:
        if state.claim_id == claim_id:
            return summary(state) | {"history": [e.model_dump(mode="json") for e in state.history]}
    return None
