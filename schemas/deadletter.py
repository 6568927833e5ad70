"""A record a stage could not process (`deadletter`). Key: the original key."""

from pydantic import BaseModel

from schemas.times import UtcDatetime


class DeadLetter(BaseModel):
    stage: str
    topic: str
    reason: str
    key: str | None = None
    value: str | None = None
    at: UtcDatetime
