"""Times on the wire are timezone-aware and in UTC: a time given without a zone is read as UTC,
one given with a zone ('23:06-04:00') is converted, so the same instant always reads the same."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator


def as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]
