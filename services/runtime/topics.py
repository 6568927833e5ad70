"""Topic names, partition counts and configs, and the JSON codec for topic values."""

from dataclasses import dataclass, field

from pydantic import BaseModel

from services.runtime.settings import Settings

APP_ID = "claimstream"

ARTICLES_RAW = "articles.raw"
ARTICLES_UNIQUE = "articles.unique"
ARTICLES_DUPLICATES = "articles.duplicates"
FIGURES_EXTRACTED = "figures.extracted"
CLAIMS_NEW = "claims.new"
CLAIMS_UPDATED = "claims.updated"
DEADLETTER = "deadletter"
POLLER_STATE = "poller.state"

DEDUPE_TABLE = "dedupe-state"
CLAIMS_TABLE = "claim-state"

COMPACT = {"cleanup.policy": "compact"}
WEEK_MS = str(7 * 24 * 3600 * 1000)


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    config: dict[str, str] = field(default_factory=dict)


def changelog(table: str) -> str:
    """The changelog topic faust uses for a table of this app."""
    return f"{APP_ID}-{table}-changelog"


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """Every topic claimstream uses. A table's changelog matches its source topic's partitions."""
    keyed, raw = settings.partitions, settings.dedupe_partitions
    retained = {"retention.ms": WEEK_MS}
    return [
        TopicSpec(ARTICLES_RAW, raw, retained),
        TopicSpec(ARTICLES_UNIQUE, keyed, retained),
        TopicSpec(ARTICLES_DUPLICATES, keyed, retained),
        TopicSpec(FIGURES_EXTRACTED, keyed, retained),
        TopicSpec(CLAIMS_NEW, keyed, retained),
        TopicSpec(CLAIMS_UPDATED, keyed, retained),
        TopicSpec(DEADLETTER, 1, retained),
        TopicSpec(POLLER_STATE, 1, COMPACT),
        TopicSpec(changelog(DEDUPE_TABLE), raw, COMPACT),
        TopicSpec(changelog(CLAIMS_TABLE), keyed, COMPACT),
    ]


def encode(model: BaseModel) -> bytes:
    return model.model_dump_json().encode()


def encode_key(key: str) -> bytes:
    return key.encode()
