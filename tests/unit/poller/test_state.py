"""Poller state records and entry identity."""

from schemas.articles import RawArticle
from services.poller.state import (
    SEEN_RENEWAL,
    SEEN_RETENTION,
    FeedState,
    PollerState,
    decode_feed_state,
    encode_feed_state,
    entry_ids,
    seen_value,
)


def test_feed_state_round_trip_ignores_unknown_fields():
    state = FeedState(etag='"x"', next_due=12.5, interval=60.0, failures=2, disabled=True)
    assert decode_feed_state(encode_feed_state(state)) == state
    assert decode_feed_state(b'{"etag": "y", "from_the_future": 1}') == FeedState(etag="y")
    assert decode_feed_state(b"not json") == FeedState()


def test_records_fold_into_state_and_tombstones_delete():
    state = PollerState()
    state.apply("feed:https://a.example/rss", encode_feed_state(FeedState(etag='"1"')))
    state.apply("seen:url:https://a.example/x", seen_value(5.0))
    state.apply("seen:url:https://a.example/y", seen_value(1.0))
    state.apply("seen:url:https://a.example/y", None)
    state.apply("unrelated", b"{}")
    assert state.feeds["https://a.example/rss"].etag == '"1"'
    assert state.seen == {"url:https://a.example/x": 5.0}
    state.apply("feed:https://a.example/rss", None)
    assert state.feeds == {}


def test_entry_ids_guid_then_canonical_url_then_hash():
    feed = "https://www.a.example/rss"
    with_guid = RawArticle(url="http://www.a.example/x?utm_source=rss", guid="g1", feed_url=feed)
    assert entry_ids(with_guid) == ["guid:https://a.example/rss g1", "url:https://a.example/x"]
    without_guid = RawArticle(url="https://a.example/x/", feed_url=feed)
    assert entry_ids(without_guid) == ["url:https://a.example/x"]
    bare = RawArticle(url="urn:claimstream:entry:abc", title="T", text="Body", feed_url=feed)
    [hashed] = entry_ids(bare)
    assert hashed.startswith("hash:") and entry_ids(bare.model_copy()) == [hashed]


def test_claim_marks_every_id_and_refuses_any_known_one():
    state = PollerState()
    assert state.claim(["guid:f g1", "url:https://a.example/x"], now=10.0)
    assert not state.claim(["guid:f g2", "url:https://a.example/x"], now=11.0)
    assert state.seen == {"guid:f g1": 10.0, "url:https://a.example/x": 10.0}
    state.release(["guid:f g1"])
    assert state.claim(["guid:f g1"], now=12.0)


def test_listed_entries_are_renewed_and_the_rest_expire():
    state = PollerState(seen={"old": 0.0, "listed": 0.0, "recent": SEEN_RETENTION})
    now = SEEN_RETENTION + 1.0
    assert state.renew(["listed", "recent"], now) == ["listed"]
    assert state.renew(["listed"], now + SEEN_RENEWAL - 1) == []
    assert state.expire(now) == ["old"]
    assert set(state.seen) == {"listed", "recent"}
