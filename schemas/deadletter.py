"""A record a stage could not process (`deadletter`). Key: the original key."""

from pydantic import BaseModel, Field

from schemas.times import UtcDatetime


class DeadLetter(BaseModel):
    stage: str
    topic: str
    reason: str
    key: str | None = None
    value: str | None = Field(
        default=None, description="the record's value as text; its beginning only when `truncated`"
    )
    value_bytes: int | None = Field(default=None, description="size of the original value in bytes")
    value_sha256: str | None = Field(default=None, description="SHA-256 of the original value bytes")
    truncated: bool = Field(default=False, description="key or value cut to fit one Kafka record")
    at: UtcDatetime
