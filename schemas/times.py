"""Times on the wire are timezone-aware and in UTC: a time given without a zone is read as UTC,
one given with a zone ('23:06-04:00') is converted, so the same instant always reads the same.

A time must also lie in a sane window: not before EARLIEST, not more than FUTURE_SLACK ahead
of the clock. A year-9999 date would otherwise outrank every real one."""

from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator

EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=2)  # clocks and time zones of publishers are sometimes off


def as_utc(value: datetime) -> datetime:
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"time {value.isoformat()} is out of range in UTC") from None


def is_sane(value: datetime) -> bool:
    """True when the (aware) time lies between EARLIEST and FUTURE_SLACK from now."""
    return EARLIEST <= value <= datetime.now(UTC) + FUTURE_SLACK


def sane_utc(value: datetime) -> datetime:
    value = as_utc(value)
    if not is_sane(value):
        raise ValueError(f"time {value.isoformat()} is before 1900 or more than 2 days ahead")
    return value


UtcDatetime = Annotated[datetime, AfterValidator(sane_utc)]
