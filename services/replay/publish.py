"""Publish raw articles to articles.raw with an idempotent producer."""

import asyncio
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer

from schemas import RawArticle
from services.runtime.metrics import ARTICLES_PUBLISHED
from services.runtime.topics import ARTICLES_RAW, encode


async def publish(bootstrap: str, articles: list[RawArticle], topic: str = ARTICLES_RAW) -> int:
    """Send every article, then wait for all acks (the idempotent producer keeps their order)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all")
    try:
        await producer.start()
        acks = []
        for article in articles:
            stamped = article.model_copy(update={"received_at": datetime.now(UTC)})
            key = (article.canonical_url or article.url).encode()
            acks.append(await producer.send(topic, encode(stamped), key=key))
        await asyncio.gather(*acks)
        for article in articles:
            ARTICLES_PUBLISHED.labels(article.source).inc()
    finally:
        await producer.stop()
    return len(articles)
