"""What the poller remembers across restarts, kept in the compacted `poller.state` topic.

Keys are `feed:<feed url>` (validators, schedule and health of a feed) and
`seen:<entry id>` (an entry already published). A null value deletes the key."""

import asyncio
import json
from dataclasses import asdict, dataclass, field

from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas.articles import RawArticle
from services.dedupe.fingerprint import canonical_url, content_hash

FEED_PREFIX = "feed:"
SEEN_PREFIX = "seen:"
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
    seen: set[str] = field(default_factory=set)

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def apply(self, key: str, value: bytes | None) -> None:
        """Fold one record of the state topic into this state."""
        if key.startswith(SEEN_PREFIX):
            entry = key.removeprefix(SEEN_PREFIX)
            if value is None:
                self.seen.discard(entry)
            else:
                self.seen.add(entry)
        elif key.startswith(FEED_PREFIX):
            url = key.removeprefix(FEED_PREFIX)
            if value is None:
                self.feeds.pop(url, None)
            else:
                self.feeds[url] = decode_feed_state(value)


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


def seen_value(published_at: float) -> bytes:
    return json.dumps({"published_at": published_at}).encode()


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
