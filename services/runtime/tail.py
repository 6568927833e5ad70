"""Read topic records as JSON lines, for `claimstream tail`."""

import time
from collections.abc import AsyncIterator

from aiokafka import AIOKafkaConsumer


async def tail_topics(
    bootstrap: str, topics: list[str], from_beginning: bool, limit: int | None,
    timeout: float | None,
) -> AsyncIterator[str]:
    """Values of the topics' records, decoded; stops after `limit` records or `timeout` s."""
    consumer = AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
    )
    await consumer.start()
    deadline = time.monotonic() + timeout if timeout else None
    seen = 0
    try:
        while limit is None or seen < limit:
            left = deadline - time.monotonic() if deadline else 1.0
            if left <= 0:
                return
            batch = await consumer.getmany(timeout_ms=int(min(left, 1.0) * 1000))
            for records in batch.values():
                for record in records:
                    yield record.value.decode(errors="replace")
                    seen += 1
                    if limit is not None and seen >= limit:
                        return
    finally:
        await consumer.stop()


