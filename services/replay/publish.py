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
        acks = [await send(producer, article, topic) for article in articles]
        await asyncio.gather(*acks)
        for article in articles:
            ARTICLES_PUBLISHED.labels(article.source).inc()
    finally:
        await producer.stop()
    return len(articles)


async def send(producer: AIOKafkaProducer, article: RawArticle, topic: str = ARTICLES_RAW) -> asyncio.Future:
    """Queue one article, stamped with the time it is sent; the future is its ack."""
    stamped = article.model_copy(update={"received_at": datetime.now(UTC)})
    return await producer.send(topic, encode(stamped), key=(article.canonical_url or article.url).encode())
