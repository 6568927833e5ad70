"""The faust App factory. Stages register their agents explicitly; no autodiscovery."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import faust
from faust.types import AgentT, EventT, TopicT
from mode import CrashingSupervisor

from services.runtime import topics as t
from services.runtime.deadletter import dead_letter, record_fits, record_key, too_large
from services.runtime.delivery import Send
from services.runtime.lag import record_lag
from services.runtime.metrics import DEADLETTERS
from services.runtime.settings import Settings
from services.runtime.stream_app import App

STAGES = ("dedupe", "extract", "claims")
JSON_VALUES = faust.Schema(key_type=str, key_serializer="json", value_serializer="json")


@dataclass(frozen=True)
class Topics:
    raw: TopicT
    unique: TopicT
    duplicates: TopicT
    figures: TopicT
    claims_new: TopicT
    claims_updated: TopicT
    deadletter: TopicT


class StageOutput:
    """What a stage sends: records that fit the broker, and dead letters for the rest."""

    def __init__(self, topics: Topics, settings: Settings, stage: str, source: str) -> None:
        self.topics, self.stage, self.source = topics, stage, source
        self.limit = settings.max_record_bytes

    def refusal(self, what: str, key: bytes | None, value: bytes) -> str | None:
        """Why this record cannot be sent (too large for one Kafka record), or None."""
        if record_fits(key, value, self.limit):
            return None
        return f"{self.stage}: {too_large(what, len(key or b'') + len(value), self.limit)}"

    def dead_send(self, event: EventT, reason: str) -> Send:
        """The dead letter for `event`, cut to fit one record, to send in order with the rest."""
        DEADLETTERS.labels(self.stage).inc()
        letter = dead_letter(self.stage, self.source, event.key, event.value, reason, self.limit)
        return Send(self.topics.deadletter, record_key(event.key), t.encode(letter))

    async def dead(self, event: EventT, reason: str) -> None:
        """Send `event` to `deadletter` with `reason`, cut to fit one record."""
        DEADLETTERS.labels(self.stage).inc()
        letter = dead_letter(self.stage, self.source, event.key, event.value, reason, self.limit)
        await self.topics.deadletter.send(key=record_key(event.key), value=t.encode(letter))


def stage_agent(app: faust.App, topic: TopicT, name: str) -> Callable[..., AgentT]:
    """A stage's agent. One that fails stops the worker rather than being restarted in place
    by faust: the records it held would then be acknowledged by nobody and never read again
    (nothing is committed past them), while a restarted worker reads them from the committed
    offsets."""
    return app.agent(topic, name=name, supervisor_strategy=CrashingSupervisor)


def raw_topic(app: faust.App, name: str) -> TopicT:
    """Topics carry JSON bytes; pydantic models in `schemas` validate them."""
    return app.topic(name, key_type=bytes, value_type=bytes, value_serializer="raw")


def table_changelog(app: faust.App, table: str, partitions: int) -> TopicT:
    """The table's changelog under its fixed name, configured as faust configures its own
    (not acked like a source topic, large read buffer for recovery)."""
    return app.topic(
        t.changelog(table), partitions=partitions, compacting=True, deleting=False,
        schema=JSON_VALUES, acks=False, internal=True, maxsize=131_072,
    )


def app_id(stages: Sequence[str]) -> str:
    return t.APP_ID if set(stages) == set(STAGES) else f"{t.APP_ID}-{'-'.join(stages)}"


def create_app(settings: Settings, stages: Sequence[str]) -> tuple[faust.App, Topics]:
    name = app_id(stages)
    (settings.state_dir / name).mkdir(parents=True, exist_ok=True)
    app = App(
        name,
        broker=f"kafka://{settings.kafka_bootstrap}",
        store="memory://",
        datadir=str(settings.state_dir / name),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        topic_disable_leader=True,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        web_enabled="claims" in stages,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        web_in_thread=False,
        stream_wait_empty=False,
        broker_commit_every=100,
        # A killed worker's partitions move to the others after this long instead of faust's
        # 60 s; a worker whose event loop is blocked longer than this is taken for dead.
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=settings.session_timeout_seconds / 4,
        consumer_group_instance_id=settings.group_instance_id,
        broker_commit_interval=1.0,
        producer_max_request_size=settings.max_record_bytes + 48_576,
    )
    names = (t.ARTICLES_RAW, t.ARTICLES_UNIQUE, t.ARTICLES_DUPLICATES, t.FIGURES_EXTRACTED,
             t.CLAIMS_NEW, t.CLAIMS_UPDATED, t.DEADLETTER)
    topics = Topics(*(raw_topic(app, n) for n in names))
    for stage in stages:
        register_stage(app, settings, topics, stage)

    @app.timer(interval=5.0)
    async def lag() -> None:
        record_lag(app, "+".join(stages))

    return app, topics


def register_stage(app: faust.App, settings: Settings, topics: Topics, stage: str) -> None:
    if stage == "dedupe":
        from services.dedupe.agent import register as register_dedupe
        register_dedupe(app, settings, topics)
    elif stage == "extract":
        from services.extract.agent import register as register_extract
        register_extract(app, settings, topics)
    elif stage == "claims":
        from services.claims.agent import register as register_claims
        from services.claims.web import register as register_web
        register_web(app, register_claims(app, settings, topics))
    else:
        raise ValueError(f"unknown stage {stage!r}; expected one of {', '.join(STAGES)}")
