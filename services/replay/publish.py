"""Publish raw articles to articles.raw with an idempotent producer."""

from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer

from schemas import RawArticle
from services.runtime.metrics import ARTICLES_PUBLISHED
from services.runtime.topics import ARTICLES_RAW, encode


async def publish(bootstrap: str, articles: list[RawArticle], topic: str = ARTICLES_RAW) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all")
    try:
        await producer.start()
        for article in articles:
            stamped = article.model_copy(update={"received_at": datetime.now(UTC)})
            await producer.send_and_wait(topic, encode(stamped), key=article.url.encode())
            ARTICLES_PUBLISHED.labels(article.source).inc()
    finally:
        await producer.stop()
    return len(articles)
