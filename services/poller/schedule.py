"""When to check a feed next. No I/O: times are Unix seconds handed in.

The interval adapts to the feed (shorter while entries keep coming, longer while it is quiet)
within the configured bounds; the publisher's hints (Cache-Control max-age, Expires, RSS ttl)
can only delay a check, Retry-After always does, and failures back off exponentially."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from services.poller.outcome import Outcome

START_INTERVAL = 900.0
QUIET_FACTOR = 1.5
BUSY_FACTOR = 0.5
MAX_RETRY_AFTER = 24 * 3600.0


@dataclass(frozen=True)
class Bounds:
    min_interval: float
    max_interval: float

    def clamp(self, seconds: float) -> float:
        return min(self.max_interval, max(self.min_interval, seconds))


def first_interval(bounds: Bounds, fixed: float | None = None) -> float:
    """Interval of a feed never polled before: its configured one, else a middle value."""
    return fixed if fixed is not None else bounds.clamp(START_INTERVAL)


def adapt_interval(
    current: float, new_entries: int | None, bounds: Bounds, fixed: float | None = None
) -> float:
    """Shorter after several new entries, longer after none; a feed's own interval is kept.
    `new_entries` is None on a feed's first poll, which says nothing about its pace."""
    if fixed is not None:
        return fixed
    if new_entries is None or new_entries == 1:
        return bounds.clamp(current)
    return bounds.clamp(current * (QUIET_FACTOR if new_entries == 0 else BUSY_FACTOR))


def backoff_delay(interval: float, failures: int, bounds: Bounds) -> float:
    """Delay after `failures` consecutive failures: the interval doubled each time, at most
    the maximum interval (or the interval itself when that is longer)."""
    ceiling = max(bounds.max_interval, interval)
    return min(ceiling, interval * 2 ** max(0, failures - 1))


def next_check(
    now: float, delay: float, outcome: Outcome | None, bounds: Bounds,
    ttl_seconds: float | None = None,
) -> float:
    """Unix time of the next check: `delay` from now, later when the publisher asks for it."""
    hints = [outcome.fresh_for or 0.0] if outcome else []
    if ttl_seconds:
        hints.append(ttl_seconds)
    cache_hint = min(max(hints, default=0.0), bounds.max_interval)
    retry = min(outcome.retry_after, MAX_RETRY_AFTER) if outcome and outcome.retry_after else 0.0
    return now + max(delay, cache_hint, retry)


class HasUrl(Protocol):
    url: str


Feed = TypeVar("Feed", bound=HasUrl)


def interleave_by_host(feeds: Sequence[Feed]) -> list[Feed]:
    """Feeds reordered round-robin over their hosts, so that the feeds of one host do not
    take every polling slot while they wait for that host's few connections."""
    by_host: defaultdict[str, list[Feed]] = defaultdict(list)
    for feed in feeds:
        by_host[(urlsplit(feed.url).hostname or "").lower()].append(feed)
    queues = list(by_host.values())
    longest = max((len(queue) for queue in queues), default=0)
    return [queue[i] for i in range(longest) for queue in queues if i < len(queue)]
