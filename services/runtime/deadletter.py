"""Bad records keep their bytes and get a reason; the stage goes on.

A dead letter always fits in one Kafka record: a value too large keeps its beginning, its
original size and its SHA-256, so the record can still be found and compared."""

import hashlib
from datetime import UTC, datetime

from pydantic import ValidationError

from schemas import DeadLetter

KEY_CHARS = 1000  # a dead letter's key (and the key it is sent with) is cut to this
ESCAPED_BYTES_PER_CHAR = 6  # the most one character can take in JSON: a control char is \u0001
RECORD_OVERHEAD = 512  # batch and record headers, with room to spare


def dead_letter(
    stage: str, topic: str, key: bytes | None, value: bytes | None, reason: str,
    limit: int = 1_000_000,
) -> DeadLetter:
    """The dead letter of a record, at most `limit` bytes once encoded."""
    text_key = key.decode(errors="replace") if key is not None else None
    letter = DeadLetter(
        stage=stage, topic=topic, reason=reason[:500],
        key=text_key[:KEY_CHARS] if text_key is not None else None,
        value=value.decode(errors="replace") if value is not None else None,
        value_bytes=len(value) if value is not None else None,
        value_sha256=hashlib.sha256(value).hexdigest() if value is not None else None,
        truncated=text_key is not None and len(text_key) > KEY_CHARS,
        at=datetime.now(UTC),
    )
    return bounded(letter, limit)


def bounded(letter: DeadLetter, limit: int) -> DeadLetter:
    size = len(letter.model_dump_json())
    if size <= limit or not letter.value:
        return letter
    room = limit - len(letter.model_copy(update={"value": ""}).model_dump_json()) - 64
    keep = max(0, room // ESCAPED_BYTES_PER_CHAR)
    return letter.model_copy(update={"value": letter.value[:keep], "truncated": True})


def record_key(key: bytes | None) -> bytes | None:
    """The key a dead letter is sent with: the original one, cut like the letter's `key`."""
    return key if key is None or len(key) <= KEY_CHARS else key[:KEY_CHARS]


def record_fits(key: bytes | None, value: bytes, limit: int) -> bool:
    """True when a record of this key and value is accepted by a broker taking `limit` bytes."""
    return len(key or b"") + len(value) + RECORD_OVERHEAD <= limit


def too_large(what: str, size: int, limit: int) -> str:
    return f"{what} too large: {size} bytes, at most {limit} fit in one record"


def reason_of(exc: Exception) -> str:
    """One line: the exception type and what went wrong."""
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "value"
        return f"invalid {exc.title}: {where}: {error['msg']}"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
