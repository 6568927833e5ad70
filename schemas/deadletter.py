"""A record a stage could not process (`deadletter`). Key: the original key."""

from datetime import datetime

from pydantic import BaseModel


class DeadLetter(BaseModel):
    stage: str
    topic: str
    reason: str
    key: str | None = None
    value: str
    at: datetime
