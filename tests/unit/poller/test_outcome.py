"""classify(status, headers): a table of named cases, like Miniflux's TestIsModified."""

from datetime import UTC, datetime

import pytest

from services.poller.outcome import classify, freshness, retry_after_seconds

NOW = datetime(2025, 4, 9, 12, 0, tzinfo=UTC)
IN_TWO_MINUTES = "Wed, 09 Apr 2025 12:02:00 GMT"


@pytest.mark.parametrize(
    ("status", "headers", "label", "ok", "error"),
    [
        (200, {}, "ok", True, None),
        (203, {}, "ok", True, None),
        (304, {}, "not_modified", True, None),
        (429, {"retry-after": "30"}, "rate_limited", False, "poller: rate limited (429)"),
        (429, {}, "rate_limited", False, "poller: rate limited (429)"),
        (503, {"retry-after": "30"}, "rate_limited", False, "poller: rate limited (503)"),
        (503, {}, "server_error", False, "poller: server error (503)"),
        (500, {}, "server_error", False, "poller: server error (500)"),
        (404, {}, "client_error", False, "poller: client error (404)"),
        (410, {}, "gone", False, "poller: feed gone (410)"),
        (302, {}, "client_error", False, "poller: redirect without location (302)"),
    ],
    ids=[
        "ok", "non-authoritative", "not-modified", "rate-limited", "rate-limited-no-header",
        "unavailable-with-retry-after", "unavailable", "server-error", "not-found", "gone",
        "redirect-without-location",
    ],
)
def test_classify(status, headers, label, ok, error):
    outcome = classify(status, headers, NOW)
    assert (outcome.status, outcome.ok, outcome.error) == (label, ok, error)


def test_validators_are_kept_from_a_200_only():
    headers = {"etag": '"abc"', "last-modified": "Tue, 08 Apr 2025 10:00:00 GMT"}
    fresh = classify(200, headers, NOW)
    assert (fresh.etag, fresh.last_modified) == ('"abc"', "Tue, 08 Apr 2025 10:00:00 GMT")
    assert classify(304, headers, NOW).etag is None


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("120", 120.0), (IN_TWO_MINUTES, 120.0), ("Tue, 08 Apr 2025 10:00:00 GMT", 0.0),
     ("soon", None), ("", None), (None, None)],
    ids=["delay-seconds", "http-date", "date-in-the-past", "garbage", "empty", "absent"],
)
def test_retry_after(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"cache-control": "public, max-age=300"}, 300.0),
        ({"cache-control": "s-maxage=600, max-age=60"}, 600.0),
        ({"cache-control": "max-age=300", "age": "100"}, 200.0),
        ({"cache-control": "no-cache"}, 0.0),
        ({"expires": IN_TWO_MINUTES}, 120.0),
        ({"expires": IN_TWO_MINUTES, "date": "Wed, 09 Apr 2025 12:01:00 GMT"}, 60.0),
        ({"expires": "0"}, 0.0),
        ({"cache-control": "max-age=30", "expires": IN_TWO_MINUTES}, 30.0),
        ({}, None),
    ],
    ids=["max-age", "s-maxage-first", "minus-age", "no-cache", "expires", "expires-minus-date",
         "expires-invalid", "max-age-beats-expires", "none"],
)
def test_freshness(headers, seconds):
    assert freshness(headers, NOW) == seconds
