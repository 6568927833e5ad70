"""faust wiring for dedupe: articles.raw -> articles.unique / articles.duplicates."""

import logging
from datetime import UTC, datetime, timedelta

import faust
from faust.types import StreamT, TableT

from schemas import RawArticle
from schemas.articles import DuplicateNotice, UniqueArticle
from services.app import JSON_VALUES, StageOutput, Topics, stage_agent, table_changelog
from services.dedupe.bands import Indexed, persisted_bands, rebuilt
from services.dedupe.decide import Decision, decide, expire
from services.runtime import topics as t
from services.runtime.deadletter import reason_of
from services.runtime.delivery import Send, Staged, each_in_order
from services.runtime.metrics import (
    DEDUPE_DECISIONS,
    DUPLICATES,
)
from services.runtime.settings import Settings
from services.runtime.topics import encode

STAGE = "dedupe"
log = logging.getLogger("claimstream.dedupe")
EXPIRY_EVERY = timedelta(hours=1)


def keyed(article: UniqueArticle | DuplicateNotice) -> bytes:
    """The record key: the article's canonical URL."""
    return (article.canonical_url or article.url).encode()


def register(app: faust.App, settings: Settings, topics: Topics) -> TableT:
    partitions = settings.dedupe_partitions
    store = app.Table(
        t.DEDUPE_TABLE, partitions=partitions, schema=JSON_VALUES,
        changelog_topic=table_changelog(app, t.DEDUPE_TABLE, partitions),
    )
    retention = timedelta(days=settings.dedupe_retention_days)
    output = StageOutput(topics, settings, STAGE, t.ARTICLES_RAW)
    last_expiry = datetime.min.replace(tzinfo=UTC)
    bands: dict[str, list[str]] = {}
    restored = [True]  # the LSH index is derived again from the table once it is restored

    @store.on_recover
    async def on_restored() -> None:
        restored[0] = True

    def refreshed(partition: int) -> list[Send]:
        """After a restore: the LSH index derived again from the signatures, and tombstones
        for the buckets a table holds from a version that persisted them."""
        if not restored[0]:
            return []
        restored[0] = False
        bands.clear()
        bands.update(rebuilt(store.data))
        leftovers = Staged(store)
        for key in persisted_bands(store.data):
            del leftovers[key]
        return leftovers.apply(partition)

    def forget_old(now: datetime, memory: Indexed) -> None:
        """faust writes table changes only inside stream iteration, so expiry runs here."""
        nonlocal last_expiry
        if now - last_expiry >= EXPIRY_EVERY:
            last_expiry = now
            try:
                expire(memory, now, retention)
            except Exception:  # expiry failing must not cost the record in hand
                log.exception("dedupe: expiring old entries failed")

    def outputs(event: faust.EventT, decision: Decision) -> list[Send]:
        sends = []
        if decision.unique is not None:
            key, value = keyed(decision.unique), encode(decision.unique)
            if refusal := output.refusal("unique article", key, value):
                return [output.dead_send(event, refusal)]
            sends.append(Send(topics.unique, key, value))
        if decision.duplicate is not None:
            DUPLICATES.labels(decision.duplicate.kind).inc()
            sends.append(Send(topics.duplicates, keyed(decision.duplicate), encode(decision.duplicate)))
        return sends

    def handle(event: faust.EventT) -> tuple[list[Send], list[Send]]:
        """What an article causes: its outputs, and the store entries that remember it."""
        now = datetime.now(UTC)
        tidied = refreshed(event.message.partition)
        staged = Staged(store)
        memory = Indexed(staged, bands)
        forget_old(now, memory)
        try:
            article = RawArticle.model_validate_json(event.value)
            decision = decide(article, memory, now, settings.near_duplicate_threshold,
                              at=f"{event.message.partition}:{event.message.offset}")
        except Exception as exc:  # a bad record must not stop the stage
            return [output.dead_send(event, reason_of(exc))], tidied
        DEDUPE_DECISIONS.labels(decision.outcome).inc()
        return outputs(event, decision), tidied + staged.apply(event.message.partition)

    @stage_agent(app, topics.raw, STAGE)
    async def dedupe(stream: StreamT) -> None:
        # Outputs are acknowledged before the store's changelog remembers the article: a crash
        # in between judges it again as new, rather than as a duplicate of itself.
        await each_in_order(stream, STAGE, handle)

    return store
