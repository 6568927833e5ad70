"""Next check times: adaptive interval, publisher hints, back-off and disabling."""

import pytest

from services.poller.feeds import FeedConfig
from services.poller.health import after_failure, after_success, conditional_headers
from services.poller.outcome import Outcome
from services.poller.schedule import (
    Bounds,
    adapt_interval,
    backoff_delay,
    first_interval,
    interleave_by_host,
    next_check,
)
from services.poller.state import FeedState

BOUNDS = Bounds(60.0, 3600.0)
OK = Outcome("ok", True, etag='"v2"', last_modified="Wed, 09 Apr 2025 12:00:00 GMT")


@pytest.mark.parametrize(
    ("current", "new_entries", "fixed", "expected"),
    [
        (600.0, 0, None, 900.0),
        (600.0, 5, None, 300.0),
        (600.0, 1, None, 600.0),
        (600.0, None, None, 600.0),
        (3000.0, 0, None, 3600.0),
        (80.0, 9, None, 60.0),
        (600.0, 5, 120.0, 120.0),
    ],
    ids=["quiet-slows-down", "busy-speeds-up", "steady", "first-poll", "capped-at-max",
         "floored-at-min", "fixed-interval"],
)
def test_adapt_interval(current, new_entries, fixed, expected):
    assert adapt_interval(current, new_entries, BOUNDS, fixed) == expected


def test_first_interval_is_clamped_or_configured():
    assert first_interval(Bounds(60.0, 300.0)) == 300.0
    assert first_interval(BOUNDS, fixed=42.0) == 42.0


@pytest.mark.parametrize(
    ("outcome", "ttl", "expected"),
    [
        (None, None, 1600.0),
        (Outcome("ok", True, fresh_for=1200.0), None, 2200.0),
        (Outcome("ok", True, fresh_for=99999.0), None, 4600.0),
        (Outcome("ok", True), 1800.0, 2800.0),
        (Outcome("rate_limited", False, retry_after=7200.0), None, 8200.0),
        (Outcome("ok", True, fresh_for=10.0), None, 1600.0),
    ],
    ids=["interval", "max-age-delays", "max-age-capped", "rss-ttl", "retry-after-beyond-max",
         "short-max-age-ignored"],
)
def test_next_check(outcome, ttl, expected):
    assert next_check(1000.0, 600.0, outcome, BOUNDS, ttl) == expected


@pytest.mark.parametrize(
    ("failures", "delay"), [(1, 600.0), (2, 1200.0), (3, 2400.0), (4, 3600.0), (9, 3600.0)],
    ids=["first", "second", "third", "capped", "still-capped"],
)
def test_backoff_delay(failures, delay):
    assert backoff_delay(600.0, failures, BOUNDS) == delay


def test_success_keeps_validators_and_clears_failures():
    state = FeedState(failures=3, disabled=True, last_error="poller: server error (500)")
    after_success(state, OK, 0, 1000.0, BOUNDS)
    assert (state.etag, state.failures, state.disabled) == ('"v2"', 0, False)
    assert state.last_error is None
    assert state.last_success == 1000.0 and state.next_due == 1000.0 + state.interval
    assert conditional_headers(state) == {
        "If-None-Match": '"v2"', "If-Modified-Since": "Wed, 09 Apr 2025 12:00:00 GMT",
    }


def test_not_modified_keeps_earlier_validators():
    state = FeedState(etag='"v1"', interval=600.0)
    after_success(state, Outcome("not_modified", True), 0, 1000.0, BOUNDS)
    assert state.etag == '"v1"' and state.interval == 900.0


def test_failures_back_off_then_disable():
    state = FeedState(interval=600.0)
    after_failure(state, "poller: server error (500)", 1000.0, BOUNDS, failures_to_disable=3)
    after_failure(state, "poller: server error (500)", 1000.0, BOUNDS, failures_to_disable=3)
    assert (state.failures, state.disabled, state.next_due) == (2, False, 2200.0)
    after_failure(state, "poller: server error (500)", 1000.0, BOUNDS, failures_to_disable=3)
    assert state.disabled and state.next_due >= 1000.0 + 24 * 3600


def test_gone_disables_at_once():
    state = FeedState()
    gone = Outcome("gone", False, "poller: feed gone (410)")
    after_failure(state, "poller: feed gone (410)", 0.0, BOUNDS, 10, gone)
    assert state.disabled and state.failures == 1


def test_interleave_by_host_spreads_one_publisher_feeds():
    urls = ["https://a.example/1", "https://a.example/2", "https://a.example/3", "https://b.example/1"]
    feeds = [FeedConfig(url) for url in urls]
    assert [f.url for f in interleave_by_host(feeds)] == [
        "https://a.example/1", "https://b.example/1", "https://a.example/2", "https://a.example/3",
    ]
