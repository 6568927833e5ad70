"""At-least-once on faust: an input record is acknowledged (and so its offset committable)
only after everything it caused is acknowledged by the broker, outputs first, state second.

faust commits the offsets of acknowledged records after flushing its producer, but its flush
gives up on a table's buffered changelog writes after 0.1 s without progress, and a send
that failed does not stop the commit. So the stages wait for their own acknowledgements:
`deliver` for outputs, `Staged.save` for table state. A crash at any point then repeats work
(outputs carry ids that make a repeat recognisable) and never loses it.
"""

import asyncio
import logging
from collections.abc import Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError
from faust.types import TableT, TopicT

from services.runtime.deadletter import reason_of

log = logging.getLogger("claimstream.delivery")
RETRYABLE = (KafkaError, ProducerSendError, asyncio.TimeoutError, ConnectionError)
FIRST_RETRY_SECONDS, LAST_RETRY_SECONDS = 0.5, 30.0


@dataclass(frozen=True)
class Send:
    topic: TopicT
    key: Any
    value: Any
    partition: int | None = None


async def start(send: Send) -> asyncio.Future:
    """Hand the record to the producer; a None value is a tombstone, sent as no bytes at all."""
    raw = {"value_serializer": "raw"} if send.value is None else {}
    return await send.topic.send(key=send.key, value=send.value, partition=send.partition, **raw)


async def deliver(send: Send) -> None:
    """Send one record and wait for the broker's acknowledgement, retrying until it comes:
    the record's input stays unacknowledged meanwhile, so a broker outage pauses the stage."""
    delay = FIRST_RETRY_SECONDS
    while True:
        try:
            await (await start(send))
            return
        except RETRYABLE as exc:
            log.warning("kafka: delivery to %s failed (%s); retrying in %.1fs",
                        send.topic.get_topic_name(), reason_of(exc), delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, LAST_RETRY_SECONDS)


async def deliver_all(sends: Sequence[Send]) -> None:
    """Send every record in order, then wait for all acknowledgements; failures are resent."""
    started: list[tuple[Send, asyncio.Future | None]] = []
    for send in sends:
        try:
            started.append((send, await start(send)))
        except RETRYABLE:
            started.append((send, None))
    for send, acknowledged in started:
        try:
            if acknowledged is None:
                raise ConnectionError("not sent")
            await acknowledged
        except RETRYABLE:
            await deliver(send)


DELETED = object()


class Staged(MutableMapping[str, Any]):
    """A table seen through the changes one record makes to it. Reads see the changes; the
    table itself changes only in `save`, after the record's outputs are acknowledged."""

    def __init__(self, table: TableT) -> None:
        self.table = table
        self.changes: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        value = self.changes[key] if key in self.changes else self.table.data[key]
        if value is DELETED:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.changes[key] = value

    def __delitem__(self, key: str) -> None:
        self[key]  # noqa: B018 - KeyError for a key that is not there
        self.changes[key] = DELETED

    def __iter__(self) -> Iterator[str]:
        yield from (k for k in self.table.data if k not in self.changes)
        yield from (k for k, v in self.changes.items() if v is not DELETED)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    async def save(self, partition: int) -> None:
        """Write the changes to the table and wait until its changelog holds them."""
        sends = []
        for key, value in self.changes.items():
            if value is DELETED:
                self.table.data.pop(key, None)
            else:
                self.table.data[key] = value
            sends.append(Send(self.table.changelog_topic, key, None if value is DELETED else value,
                              partition))
        self.changes = {}
        await deliver_all(sends)
