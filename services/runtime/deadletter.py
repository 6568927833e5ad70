"""Bad records keep their bytes and get a reason; the stage goes on."""

from datetime import UTC, datetime

from pydantic import ValidationError

from schemas import DeadLetter


def dead_letter(stage: str, topic: str, key: bytes | None, value: bytes | None, reason: str) -> DeadLetter:
    return DeadLetter(
        stage=stage, topic=topic, reason=reason[:500],
        key=key.decode(errors="replace") if key is not None else None,
        value=value.decode(errors="replace") if value is not None else None,
        at=datetime.now(UTC),
    )


def reason_of(exc: Exception) -> str:
    """One line: the exception type and what went wrong."""
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "value"
        return f"invalid {exc.title}: {where}: {error['msg']}"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
