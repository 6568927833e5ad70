"""A feed response's status and headers → what happened and what the publisher asked for.

No I/O. `Outcome.status` is the small fixed label set used by the feed metrics."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)
NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-cache|no-store)\b", re.IGNORECASE)
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Outcome:
    status: str  # ok | not_modified | rate_limited | gone | client_error | server_error
    ok: bool
    error: str | None = None
    retry_after: float | None = None  # seconds the publisher asked us to wait
    fresh_for: float | None = None  # seconds the response stays fresh (max-age, Expires)
    etag: str | None = None
    last_modified: str | None = None


def classify(status: int, headers: Mapping[str, str], now: datetime) -> Outcome:
    """Outcome of a final (non-redirect) response; `headers` has lower-case names."""
    fresh_for = freshness(headers, now)
    retry_after = retry_after_seconds(headers.get("retry-after"), now)
    if status == 304:
        return Outcome("not_modified", True, None, retry_after, fresh_for)
    if 200 <= status < 300:
        validators = {"etag": headers.get("etag"), "last_modified": headers.get("last-modified")}
        return Outcome("ok", True, None, retry_after, fresh_for, **validators)
    if status == 429 or (status == 503 and retry_after is not None):
        return Outcome("rate_limited", False, f"poller: rate limited ({status})", retry_after)
    if status == 410:
        return Outcome("gone", False, "poller: feed gone (410)")
    if status in REDIRECTS:
        return Outcome("client_error", False, f"poller: redirect without location ({status})")
    if 400 <= status < 500:
        return Outcome("client_error", False, f"poller: client error ({status})", retry_after)
    return Outcome("server_error", False, f"poller: server error ({status})", retry_after)


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as delay-seconds or an HTTP date; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = _http_date(value)
    return None if when is None else max(0.0, (when - now).total_seconds())


def freshness(headers: Mapping[str, str], now: datetime) -> float | None:
    """Seconds the response stays fresh: Cache-Control max-age less Age, else Expires − Date."""
    cache_control = headers.get("cache-control", "")
    if NO_CACHE.search(cache_control):
        return 0.0
    if match := MAX_AGE.search(cache_control):
        age = headers.get("age", "0").strip()
        return max(0.0, float(match.group(1)) - (float(age) if age.isdigit() else 0.0))
    expires = _http_date(headers.get("expires"))
    if expires is None:
        return 0.0 if headers.get("expires") else None
    served = _http_date(headers.get("date")) or now
    return max(0.0, (expires - served).total_seconds())


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else None
