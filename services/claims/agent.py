"""faust wiring for claims: figures.extracted -> claims.new / claims.updated.

The claim-state Table is keyed by claim key, like its source topic, so each claim's state
lives on the partition its figures arrive on.
"""

import time
from datetime import UTC, datetime

import faust
from faust.types import StreamT, TableT

from schemas import ClaimEvent, Figure
from services.app import JSON_VALUES, StageOutput, Topics, table_changelog
from services.claims.identity import claim_id
from services.claims.state import ClaimState, apply_figure, ignored_reason
from services.runtime import topics as t
from services.runtime.deadletter import reason_of
from services.runtime.metrics import (
    CLAIM_EVENTS,
    CLAIM_FIGURES_IGNORED,
    END_TO_END_SECONDS,
    LAST_PROCESSED,
    STAGE_SECONDS,
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

    @app.agent(topics.figures, name=STAGE)
    async def claims(stream: StreamT) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            try:
                figure = Figure.model_validate_json(event.value)
                stored = table.get(figure.claim_key)
                state = ClaimState.model_validate(stored) if stored else None
                new_state, claim_event = apply_figure(state, figure, claim_id(figure.claim_key))
            except Exception as exc:
                await output.dead(event, reason_of(exc))
                continue
            if claim_event is None or new_state is None:
                CLAIM_FIGURES_IGNORED.labels(ignored_reason(new_state)).inc()
                continue
            claim_event = claim_event.model_copy(update={"emitted_at": datetime.now(UTC)})
            if too_large := refusal(figure.claim_key, new_state, claim_event):
                await output.dead(event, too_large)
                continue
            out = topics.claims_new if claim_event.type == "claim.new" else topics.claims_updated
            # The event is delivered before the state records it: a crash in between re-sends
            # the same event id on reprocessing, and never loses the event.
            delivery = await out.send(key=claim_event.claim_id.encode(), value=encode(claim_event))
            await delivery
            table[figure.claim_key] = new_state.model_dump(mode="json")
            observe(claim_event, figure)
            STAGE_SECONDS.labels(STAGE).observe(time.perf_counter() - started)
            LAST_PROCESSED.labels(STAGE).set_to_current_time()

    return table
