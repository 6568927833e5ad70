"""The poller's writes to Kafka: raw articles, then the state that says they were published.

One idempotent producer (acks=all). An entry's `seen:` marker is written only after its
article is acknowledged, so a crash in between can repeat an entry but never lose one."""

import asyncio
import logging
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer
from aiokafka.errors import MessageSizeTooLargeError

from schemas.articles import RawArticle
from services.dedupe.fingerprint import canonical_url
from services.poller.entry import within_record
from services.poller.state import FEED_PREFIX, SEEN_PREFIX, FeedState, encode_feed_state, seen_value
from services.runtime.topics import encode, encode_key

log = logging.getLogger("claimstream.poller")


class Publisher:
    def __init__(
        self, bootstrap: str, articles_topic: str, state_topic: str, max_record_bytes: int = 1_000_000
    ) -> None:
        self.articles_topic = articles_topic
        self.state_topic = state_topic
        self.max_record_bytes = max_record_bytes
        self.producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, enable_idempotence=True, acks="all", linger_ms=5,
            max_request_size=max_record_bytes + 48_576,
        )

    async def __aenter__(self) -> "Publisher":
        await self.producer.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.producer.stop()

    async def articles(self, articles: list[RawArticle], feed_url: str) -> int:
        """Publish to the articles topic, keyed by canonical URL, and wait for the acks. An
        entry too large for one record is cut to fit (or, when it cannot be, left out);
        returns how many were left out."""
        sent, failed = [], 0
        for article in articles:
            published = as_published(article, feed_url)
            key = encode_key(published.canonical_url or published.url)
            fitted = within_record(published, len(key), self.max_record_bytes)
            if fitted is None:
                log.warning("poller: entry %s too large for one record; left out", article.url[:200])
                failed += 1
                continue
            try:
                sent.append(await self.producer.send(self.articles_topic, encode(fitted), key=key))
            except MessageSizeTooLargeError:
                failed += 1
        await asyncio.gather(*sent)
        return failed

    async def remember(self, entry_ids: list[str], now: float) -> None:
        """Mark entries as published (or as still listed) in the state topic."""
        await self._state_records(entry_ids, seen_value(now))

    async def forget(self, entry_ids: list[str]) -> None:
        """Delete the markers of entries that left their feeds long ago."""
        await self._state_records(entry_ids, None)

    async def _state_records(self, entry_ids: list[str], value: bytes | None) -> None:
        sent = [
            await self.producer.send(self.state_topic, value, key=encode_key(SEEN_PREFIX + entry))
            for entry in entry_ids
        ]
        await asyncio.gather(*sent)

    async def feed_state(self, url: str, state: FeedState) -> None:
        await self.producer.send_and_wait(
            self.state_topic, encode_feed_state(state), key=encode_key(FEED_PREFIX + url)
        )


def as_published(article: RawArticle, feed_url: str) -> RawArticle:
    """The article as it goes to `articles.raw`: the URL its feed gave, beside its canonical
    form (the key), from this poller, now."""
    return article.model_copy(update={
        "canonical_url": canonical_url(article.url), "source": "poller",
        "received_at": datetime.now(UTC), "feed_url": feed_url,
    })
