"""Poller state records and entry identity."""

from schemas.articles import RawArticle
from services.poller.state import (
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
    state.apply("seen:url:https://a.example/x", seen_value(1.0))
    state.apply("seen:url:https://a.example/y", seen_value(1.0))
    state.apply("seen:url:https://a.example/y", None)
    state.apply("unrelated", b"{}")
    assert state.feeds["https://a.example/rss"].etag == '"1"'
    assert state.seen == {"url:https://a.example/x"}
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
