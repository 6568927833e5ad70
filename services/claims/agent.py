"""faust wiring for claims: figures.extracted -> claims.new / claims.updated.

The claim-state Table is keyed by claim key, like its source topic, so each claim's state
lives on the partition its figures arrive on (a key's later incidents under `key#n`).
"""

from datetime import UTC, datetime

import faust
from faust.types import StreamT, TableT

from schemas import ClaimEvent, Figure
from services.app import JSON_VALUES, StageOutput, Topics, stage_agent, table_changelog
from services.claims.state import ClaimState, ignored_reason
from services.claims.threads import fold
from services.runtime import topics as t
from services.runtime.deadletter import reason_of
from services.runtime.delivery import Send, Staged, each_in_order
from services.runtime.metrics import (
    CLAIM_EVENTS,
    CLAIM_FIGURES_IGNORED,
    END_TO_END_SECONDS,
)
from services.runtime.settings import Settings
from services.runtime.topics import encode

STAGE = "claims"


def observe(event: ClaimEvent, figure: Figure) -> None:
    CLAIM_EVENTS.labels(event.type, event.change).inc()
    if figure.received_at is not None:
        END_TO_END_SECONDS.observe((datetime.now(UTC) - figure.received_at).total_seconds())


def register(app: faust.App, settings: Settings, topics: Topics) -> TableT:
    partitions = settings.partitions
    table = app.Table(
        t.CLAIMS_TABLE, partitions=partitions, schema=JSON_VALUES,
        changelog_topic=table_changelog(app, t.CLAIMS_TABLE, partitions),
    )
    output = StageOutput(topics, settings, STAGE, t.FIGURES_EXTRACTED)

    def refusal(claim_key: str, state: ClaimState, event: ClaimEvent) -> str | None:
        """Why the event or the state it leaves cannot be written: too large for one record."""
        state_value = state.model_dump_json().encode()
        return output.refusal("claim event", event.claim_id.encode(), encode(event)) or \
            output.refusal("claim state", claim_key.encode(), state_value)

    def stored(key: str) -> ClaimState | None:
        value = table.get(key)
        return ClaimState.model_validate(value) if value else None

    def handle(event: faust.EventT) -> tuple[list[Send], list[Send]]:
        """The claim event a figure causes, and the claim state that records it."""
        try:
            figure = Figure.model_validate_json(event.value)
            key, new_state, claim_event = fold(stored, figure)
        except Exception as exc:
            return [output.dead_send(event, reason_of(exc))], []
        if claim_event is None or new_state is None:
            CLAIM_FIGURES_IGNORED.labels(ignored_reason(new_state, figure)).inc()
            if new_state is None or new_state == stored(key):
                return [], []
            staged = Staged(table)  # a copy, recorded in the claim's state
            staged[key] = new_state.model_dump(mode="json")
            return [], staged.apply(event.message.partition)
        claim_event = claim_event.model_copy(update={"emitted_at": datetime.now(UTC)})
        if too_large := refusal(key, new_state, claim_event):
            return [output.dead_send(event, too_large)], []
        out = topics.claims_new if claim_event.type == "claim.new" else topics.claims_updated
        staged = Staged(table)
        staged[key] = new_state.model_dump(mode="json")
        observe(claim_event, figure)
        return ([Send(out, claim_event.claim_id.encode(), encode(claim_event))],
                staged.apply(event.message.partition))

    @stage_agent(app, topics.figures, STAGE)
    async def claims(stream: StreamT) -> None:
        # The event is acknowledged before the changelog records the state, and the state
        # before the figure: a crash in between re-sends the same event id, never loses it.
        await each_in_order(stream, STAGE, handle)

    return table
