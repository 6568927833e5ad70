"""faust wiring for dedupe: articles.raw -> articles.unique / articles.duplicates."""

import logging
import time
from datetime import UTC, datetime, timedelta

import faust
from faust.types import StreamT, TableT

from schemas import RawArticle
from services.app import JSON_VALUES, StageOutput, Topics, table_changelog
from services.dedupe.decide import decide, expire
from services.runtime import topics as t
from services.runtime.deadletter import reason_of
from services.runtime.metrics import (
    DEDUPE_DECISIONS,
    DUPLICATES,
    LAST_PROCESSED,
    STAGE_SECONDS,
)
from services.runtime.settings import Settings
from services.runtime.topics import encode

STAGE = "dedupe"
log = logging.getLogger("claimstream.dedupe")
EXPIRY_EVERY = timedelta(hours=1)


def register(app: faust.App, settings: Settings, topics: Topics) -> TableT:
    partitions = settings.dedupe_partitions
    store = app.Table(
        t.DEDUPE_TABLE, partitions=partitions, schema=JSON_VALUES,
        changelog_topic=table_changelog(app, t.DEDUPE_TABLE, partitions),
    )
    retention = timedelta(days=settings.dedupe_retention_days)
    output = StageOutput(topics, settings, STAGE, t.ARTICLES_RAW)
    last_expiry = datetime.min.replace(tzinfo=UTC)

    def forget_old(now: datetime) -> None:
        """faust writes table changes only inside stream iteration, so expiry runs here."""
        nonlocal last_expiry
        if now - last_expiry >= EXPIRY_EVERY:
            last_expiry = now
            try:
                expire(store, now, retention)
            except Exception:  # expiry failing must not cost the record in hand
                log.exception("dedupe: expiring old entries failed")

    @app.agent(topics.raw, name=STAGE)
    async def dedupe(stream: StreamT) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            now = datetime.now(UTC)
            forget_old(now)
            try:
                article = RawArticle.model_validate_json(event.value)
                decision = decide(article, store, now, settings.near_duplicate_threshold)
            except Exception as exc:  # a bad record must not stop the stage
                await output.dead(event, reason_of(exc))
                continue
            DEDUPE_DECISIONS.labels(decision.outcome).inc()
            if decision.unique is not None:
                key, value = decision.unique.url.encode(), encode(decision.unique)
                if refusal := output.refusal("unique article", key, value):
                    await output.dead(event, refusal)
                    continue
                await topics.unique.send(key=key, value=value)
            if decision.duplicate is not None:
                DUPLICATES.labels(decision.duplicate.kind).inc()
                await topics.duplicates.send(
                    key=decision.duplicate.url.encode(), value=encode(decision.duplicate)
                )
            STAGE_SECONDS.labels(STAGE).observe(time.perf_counter() - started)
            LAST_PROCESSED.labels(STAGE).set_to_current_time()

    return store
