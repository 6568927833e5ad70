"""At-least-once on faust: an input record is acknowledged (and so its offset committable)
only after everything it caused is acknowledged by the broker, outputs first, state second.

faust commits the offsets of acknowledged records after flushing its producer, but its flush
gives up on a table's buffered changelog writes after 0.1 s without progress, and a send
that failed does not stop the commit. So the stages wait for their own acknowledgements:
`deliver` for outputs, `InOrder` for records whose outputs and table state are still in
flight. State is sent only once the outputs are acknowledged: a crash in between makes the
stage redo the record (outputs carry ids that make a repeat recognisable), never skip it.
"""

import asyncio
import logging
import time
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError
from faust.types import EventT, StreamT, TableT, TopicT

from services.runtime.deadletter import reason_of
from services.runtime.metrics import LAST_PROCESSED, STAGE_SECONDS

log = logging.getLogger("claimstream.delivery")
RETRYABLE = (KafkaError, ProducerSendError, asyncio.TimeoutError, ConnectionError)
FIRST_RETRY_SECONDS, LAST_RETRY_SECONDS = 0.5, 30.0
Item = TypeVar("Item")


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


async def started(sends: Sequence[Send]) -> list[tuple[Send, asyncio.Future | None]]:
    """Hand every record to the producer, in order; None where the producer refused it."""
    handed: list[tuple[Send, asyncio.Future | None]] = []
    for send in sends:
        try:
            handed.append((send, await start(send)))
        except RETRYABLE:
            handed.append((send, None))
    return handed


async def settle(handed: list[tuple[Send, asyncio.Future | None]]) -> None:
    """Wait for every acknowledgement; a record that failed is delivered again."""
    for send, acknowledged in handed:
        try:
            if acknowledged is None:
                raise ConnectionError("not handed to the producer")
            await acknowledged
        except RETRYABLE:
            await deliver(send)


async def deliver_all(sends: Sequence[Send]) -> None:
    """Send every record in order, then wait for all acknowledgements."""
    await settle(await started(sends))


class Behind(Generic[Item]):
    """A queue a task of its own works through behind a stage loop, for as long as `async
    with` lasts; a full queue makes the loop wait."""

    def __init__(self, limit: int) -> None:
        self.queue: asyncio.Queue[Item] = asyncio.Queue(limit)
        self.worker: asyncio.Task | None = None

    async def __aenter__(self) -> Self:
        self.worker = asyncio.ensure_future(self.work())
        return self

    async def __aexit__(self, kind: type | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self.worker is not None:
            self.worker.cancel()

    async def put(self, item: Item) -> None:
        """Queue an item, waiting while the queue is full; if the task stops meanwhile (a step
        failed), raise what stopped it instead of waiting for ever."""
        if self.worker is None or not self.queue.full():
            await self.queue.put(item)
            return
        put = asyncio.ensure_future(self.queue.put(item))
        await asyncio.wait({put, self.worker}, return_when=asyncio.FIRST_COMPLETED)
        if not put.done():
            put.cancel()
            self.stopped()
            raise RuntimeError("delivery: the task behind the stage stopped")

    def stopped(self) -> bool:
        """Whether the task stopped; raises what stopped it, if anything did."""
        if self.worker is not None and self.worker.done():
            self.worker.result()
            return True
        return False

    async def work(self) -> None:
        raise NotImplementedError


class InOrder(Behind[tuple[Sequence[EventT], list, list[Send]]]):
    """Acknowledges input records in the order they came, each once its outputs and then its
    table state are acknowledged; the stage meanwhile goes on with the next records. Used as
    `async with InOrder() as done:` around a `stream.noack()` loop."""

    def __init__(self, limit: int = 1000) -> None:
        super().__init__(limit)

    async def add(self, events: Sequence[EventT], outputs: Sequence[Send] = (),
                  state: Sequence[Send] = ()) -> None:
        """Send the outputs now; the state waits for them (a full queue makes the stage wait).
        Raises what stopped the acknowledgements, if anything did: the stage must not go on
        with records that would never be acknowledged."""
        if self.stopped():
            raise RuntimeError("delivery: acknowledgements stopped")
        await self.put((events, await started(outputs), list(state)))

    async def work(self) -> None:
        """Records waiting together share their round trips: all their outputs are awaited,
        then all their state is sent and awaited, then they are acknowledged in order."""
        while True:
            waiting = [await self.queue.get()]
            while not self.queue.empty():
                waiting.append(self.queue.get_nowait())
            for _, outputs, _ in waiting:
                await settle(outputs)
            await deliver_all([send for _, _, state in waiting for send in state])
            for events, _, _ in waiting:
                for event in events:
                    event.ack()


async def each_in_order(stream: StreamT, stage: str,
                        handle: Callable[[EventT], tuple[list[Send], list[Send]]]) -> None:
    """A stage's loop: `handle` says what a record causes (outputs, then table state); the
    record is acknowledged once both are, in order, while the next records go on."""
    async with InOrder() as done:
        async for event in stream.noack().events():
            started = time.perf_counter()
            await done.add([event], *handle(event))
            STAGE_SECONDS.labels(stage).observe(time.perf_counter() - started)
            LAST_PROCESSED.labels(stage).set_to_current_time()


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

    def apply(self, partition: int) -> list[Send]:
        """Write the changes to the table; returns the changelog records that persist them."""
        sends = []
        for key, value in self.changes.items():
            if value is DELETED:
                self.table.data.pop(key, None)
            else:
                self.table.data[key] = value
            sends.append(Send(self.table.changelog_topic, key, None if value is DELETED else value,
                              partition))
        self.changes = {}
        return sends
