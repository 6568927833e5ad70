"""The faust App the stages run in: faust's own, with two changes.

1. Its Kafka consumer refuses one kind of acknowledgement, which at-least-once needs.

A stream skips the records it holds when a rebalance starts (flow control stopped) or ends
(records fetched under an older group generation), and faust then acknowledges them as if
they had been processed: their offsets get committed and the records are never read again.
After a broker restart or a worker's restart that is a whole buffer of lost records. Here
such acknowledgements are refused: the records stay uncommitted and are read again from the
committed offsets once the rebalance is over.

2. `before_recovery` callables run as the worker starts, beside the restoring of its tables
(faust starts its own tasks only once every table is restored), so slow start-up work such
as loading the NLP model does not wait for it.
"""

from collections.abc import Callable
from typing import Any

import faust
from faust.transport.drivers import aiokafka as driver
from faust.types import Message, TransportT


class Consumer(driver.Consumer):
    def ack(self, message: Message) -> bool:
        stale = message.generation_id != self.app.consumer_generation_id
        if stale or not self.app.flow_control.is_active():
            return False
        return super().ack(message)


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
