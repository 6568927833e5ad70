"""A feed's state after a poll: validators, schedule, consecutive failures and disabling.

No I/O: the feed state is updated in place from the poll's outcome and the time."""

from services.poller.outcome import Outcome
from services.poller.schedule import (
    Bounds,
    adapt_interval,
    backoff_delay,
    first_interval,
    next_check,
)
from services.poller.state import FeedState

DISABLED_PROBE_SECONDS = 24 * 3600.0


def after_success(
    state: FeedState, outcome: Outcome, new_entries: int | None, now: float, bounds: Bounds,
    fixed_interval: float | None = None, ttl_seconds: float | None = None,
) -> None:
    """A 200 or 304: keep the validators, adapt the interval, clear the failure count."""
    if outcome.status == "ok":
        state.etag, state.last_modified = outcome.etag, outcome.last_modified
    current = state.interval or first_interval(bounds, fixed_interval)
    state.interval = adapt_interval(current, new_entries, bounds, fixed_interval)
    state.next_due = next_check(now, state.interval, outcome, bounds, ttl_seconds)
    state.failures, state.disabled, state.last_error = 0, False, None
    state.last_success = now


def after_failure(
    state: FeedState, error: str, now: float, bounds: Bounds, failures_to_disable: int,
    outcome: Outcome | None = None, fixed_interval: float | None = None,
) -> None:
    """A failed poll: back off exponentially; disable after `failures_to_disable` in a row
    or on 410 Gone (a disabled feed is only probed once a day, and a success enables it again)."""
    state.failures += 1
    state.last_error = error
    state.interval = state.interval or first_interval(bounds, fixed_interval)
    gone = outcome is not None and outcome.status == "gone"
    state.disabled = gone or state.failures >= failures_to_disable
    delay = backoff_delay(state.interval, state.failures, bounds)
    if state.disabled:
        delay = max(delay, DISABLED_PROBE_SECONDS)
    state.next_due = next_check(now, delay, outcome, bounds)


def conditional_headers(state: FeedState) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the validators of the last 200."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers
