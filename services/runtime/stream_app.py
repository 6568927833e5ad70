"""The faust App the stages run in: faust's own, with two changes.

1. Its Kafka consumer commits only what at-least-once allows.

A stream skips the records it holds when a rebalance starts (flow control stopped) or ends
(records fetched under an older group generation), and faust then acknowledges them as if
they had been processed: their offsets get committed and the records are never read again.
After a broker restart or a worker's restart that is a whole buffer of lost records. Here
such acknowledgements are refused: the records stay uncommitted and are read again from the
committed offsets once the rebalance is over.

faust commits up to the end of the first run of acknowledged offsets, and checks only that
the run starts at most one past the committed offset (faust-streaming#606), and not at all
while nothing is committed: a single record not yet acknowledged, or refused as above, was
committed unread. Here the run must start exactly at the committed offset (or, before any
commit, at the first offset read since the partitions were assigned).

faust also takes offsets skipped between two reads for holes in the log (compaction,
transaction markers) and commits past them. The stages' topics have no holes: a skip means
records fetched before a seek were read after it (a worker restarted during its table
restore skipped, then never read again, whole runs of articles). So a skip, like a refused
acknowledgement, marks the partition to be read again: when its committed record is still
unacknowledged while later ones are, the partition is sought back to it (once per drop), or,
when retention has deleted it, commits start at the earliest record left.

2. `before_recovery` callables run as the worker starts, beside the restoring of its tables
(faust starts its own tasks only once every table is restored), so slow start-up work such
as loading the NLP model does not wait for it.
"""

import asyncio
from collections.abc import Callable
from typing import Any

import faust
from aiokafka.errors import KafkaError
from faust.transport.drivers import aiokafka as driver
from faust.types import TP, Message, TransportT


class Consumer(driver.Consumer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first_read: dict[TP, int] = {}
        self.dropped: set[TP] = set()  # a record skipped or refused since the last seek
        self.sought_back: dict[TP, int] = {}

    def ack(self, message: Message) -> bool:
        stale = message.generation_id != self.app.consumer_generation_id
        if stale or not self.app.flow_control.is_active():
            self.dropped.add(message.tp)
            return False
        return super().ack(message)

    def _to_message(self, tp: TP, record: Any) -> Any:
        if record.offset < self.first_read.get(tp, record.offset + 1):
            self.first_read[tp] = record.offset
        return super()._to_message(tp, record)

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        """Records skipped between two reads: read again, never committed unread."""
        self.dropped.add(tp)

    async def perform_seek(self) -> None:
        self.first_read.clear()  # reading starts again from the committed offsets
        self.dropped.clear()
        self.sought_back.clear()
        await super().perform_seek()

    def _new_offset(self, tp: TP) -> int | None:
        """faust's next offset to commit, unless the record at the committed offset is not
        acknowledged yet: then nothing is committed for this partition, and if later records
        are acknowledged (so that one was dropped, not in flight), it is read again."""
        acked = self._acked[tp]
        committed = self._committed_offset[tp]
        start = committed if committed is not None else self.first_read.get(tp)
        if not acked or (start is not None and not self.waiting_for(tp, start)):
            return super()._new_offset(tp)
        if start is not None and self.app.flow_control.is_active() and (
                self.sought_back.get(tp) != start or tp in self.dropped):
            self.dropped.discard(tp)
            self.sought_back[tp] = start
            asyncio.ensure_future(self.read_again(tp, start))
        return None

    async def read_again(self, tp: TP, offset: int) -> None:
        """Seek back to `offset`, unless retention deleted it: then the partition is read on
        from the earliest record left, and commits start there."""
        try:
            earliest = next(iter((await self.earliest_offsets(tp)).values()), 0)
        except (TimeoutError, KafkaError, ConnectionError):  # the broker may be away
            earliest = offset
        if earliest > offset:
            self._committed_offset[tp] = earliest
        else:
            await self.seek(tp, offset)

    def waiting_for(self, tp: TP, offset: int) -> bool:
        """Whether later records are acknowledged while the one at `offset` is not (offsets
        below it, acknowledged again after a commit, do not count)."""
        return min(self._acked[tp]) > offset


class Transport(driver.Transport):
    Consumer = Consumer


class App(faust.App):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.before_recovery: list[Callable[[], object]] = []

    def _new_transport(self) -> TransportT:
        return Transport(self.conf.broker_consumer, self)

    async def on_start(self) -> None:
        await super().on_start()
        for start in self.before_recovery:
            start()
