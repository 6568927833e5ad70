"""What the poller remembers across restarts, kept in the compacted `poller.state` topic.

Keys are `feed:<feed url>` (validators, schedule and health of a feed) and
`seen:<entry id>` (an entry already published, with when it was last seen in a feed).
A null value deletes the key. Markers of entries gone from their feeds for SEEN_RETENTION
are deleted; markers of entries still listed are renewed every SEEN_RENEWAL."""

import asyncio
import json
from dataclasses import asdict, dataclass, field

from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas.articles import RawArticle
from services.dedupe.fingerprint import canonical_url, content_hash

FEED_PREFIX = "feed:"
SEEN_PREFIX = "seen:"
SEEN_RETENTION = 30 * 24 * 3600.0
SEEN_RENEWAL = 7 * 24 * 3600.0
METADATA_POLLS = 100  # 10 s for the topic's partitions to show in the metadata


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    next_due: float = 0.0
    interval: float | None = None
    failures: int = 0
    disabled: bool = False
    last_success: float | None = None
    last_error: str | None = None


@dataclass
class PollerState:
    feeds: dict[str, FeedState] = field(default_factory=dict)
    seen: dict[str, float] = field(default_factory=dict)  # entry id -> last seen, Unix time

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def apply(self, key: str, value: bytes | None) -> None:
        """Fold one record of the state topic into this state."""
        if key.startswith(SEEN_PREFIX):
            entry = key.removeprefix(SEEN_PREFIX)
            if value is None:
                self.seen.pop(entry, None)
            else:
                self.seen[entry] = seen_time(value)
        elif key.startswith(FEED_PREFIX):
            url = key.removeprefix(FEED_PREFIX)
            if value is None:
                self.feeds.pop(url, None)
            else:
                self.feeds[url] = decode_feed_state(value)

    def claim(self, ids: list[str], now: float) -> bool:
        """Mark an entry as published unless one of its ids already is; True when it is new."""
        if any(entry in self.seen for entry in ids):
            return False
        self.seen.update(dict.fromkeys(ids, now))
        return True

    def release(self, ids: list[str]) -> None:
        for entry in ids:
            self.seen.pop(entry, None)

    def renew(self, ids: list[str], now: float) -> list[str]:
        """The known ids last seen more than SEEN_RENEWAL ago, now marked as seen again."""
        due = [entry for entry in ids if self.seen.get(entry, now) < now - SEEN_RENEWAL]
        self.seen.update(dict.fromkeys(due, now))
        return due

    def expire(self, now: float) -> list[str]:
        """Forget (and return) the ids not seen in any feed for SEEN_RETENTION."""
        expired = [entry for entry, at in self.seen.items() if at < now - SEEN_RETENTION]
        self.release(expired)
        return expired


def entry_ids(article: RawArticle) -> list[str]:
    """An entry's identities, strongest first: its GUID (within its feed), its canonical URL,
    and, when it has neither, the hash of its title and text."""
    ids = []
    if article.guid:
        ids.append(f"guid:{canonical_url(article.feed_url or '')} {article.guid}")
    if article.url.startswith(("http://", "https://")):
        ids.append(f"url:{canonical_url(article.url)}")
    if not ids:
        ids.append("hash:" + content_hash(f"{article.title or ''} {article.text}"))
    return ids


def encode_feed_state(state: FeedState) -> bytes:
    return json.dumps(asdict(state), separators=(",", ":")).encode()


def decode_feed_state(value: bytes) -> FeedState:
    try:
        fields = json.loads(value)
        known = {name: fields[name] for name in FeedState.__dataclass_fields__ if name in fields}
        return FeedState(**known)
    except (ValueError, TypeError):
        return FeedState()


def seen_value(seen_at: float) -> bytes:
    return json.dumps({"seen_at": seen_at}).encode()


def seen_time(value: bytes) -> float:
    try:
        return float(json.loads(value)["seen_at"])
    except (ValueError, TypeError, KeyError):
        return 0.0


async def load_state(bootstrap: str, topic: str) -> PollerState:
    """Read the compacted state topic from the beginning to its current end."""
    state = PollerState()
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    try:
        await consumer.start()
        if topic not in await consumer.topics():
            return state
        partitions = await _assign_all(consumer, topic)
        ends = await consumer.end_offsets(partitions)
        for partition, offset in (await consumer.beginning_offsets(partitions)).items():
            consumer.seek(partition, offset)
        while [tp for tp in partitions if await consumer.position(tp) < ends[tp]]:
            batches = await consumer.getmany(timeout_ms=1000)
            for record in (r for records in batches.values() for r in records):
                state.apply(record.key.decode() if record.key else "", record.value)
    finally:
        await consumer.stop()
    return state


async def _assign_all(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """Assign every partition of `topic`; partition 0 first, so its metadata gets fetched."""
    consumer.assign([TopicPartition(topic, 0)])
    for _ in range(METADATA_POLLS):
        if numbers := consumer.partitions_for_topic(topic):
            break
        await asyncio.sleep(0.1)
    partitions = [TopicPartition(topic, number) for number in sorted(numbers or {0})]
    consumer.assign(partitions)
    return partitions
