"""faust wiring for dedupe: articles.raw -> articles.unique / articles.duplicates."""

import logging
from datetime import UTC, datetime, timedelta

import faust
from faust.types import StreamT, TableT

from schemas import RawArticle
from schemas.articles import DuplicateNotice, UniqueArticle
from services.app import JSON_VALUES, StageOutput, Topics, table_changelog
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

    def forget_old(now: datetime, staged: Staged) -> None:
        """faust writes table changes only inside stream iteration, so expiry runs here."""
        nonlocal last_expiry
        if now - last_expiry >= EXPIRY_EVERY:
            last_expiry = now
            try:
                expire(staged, now, retention)
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
        staged = Staged(store)
        forget_old(now, staged)
        try:
            article = RawArticle.model_validate_json(event.value)
            decision = decide(article, staged, now, settings.near_duplicate_threshold)
        except Exception as exc:  # a bad record must not stop the stage
            return [output.dead_send(event, reason_of(exc))], []
        DEDUPE_DECISIONS.labels(decision.outcome).inc()
        return outputs(event, decision), staged.apply(event.message.partition)

    @app.agent(topics.raw, name=STAGE)
    async def dedupe(stream: StreamT) -> None:
        # Outputs are acknowledged before the store's changelog remembers the article: a crash
        # in between judges it again as new, rather than as a duplicate of itself.
        await each_in_order(stream, STAGE, handle)

    return store
