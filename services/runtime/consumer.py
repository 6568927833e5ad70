"""faust's Kafka consumer with the one change at-least-once needs.

A stream skips the records it holds when a rebalance starts (flow control stopped) or ends
(records fetched under an older group generation), and faust then acknowledges them as if
they had been processed: their offsets get committed and the records are never read again.
After a broker restart or a worker's restart that is a whole buffer of lost records. Here
such acknowledgements are refused: the records stay uncommitted and are read again from the
committed offsets once the rebalance is over.
"""

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
    """A faust App whose consumer is the one above (the producer is faust's own)."""

    def _new_transport(self) -> TransportT:
        return Transport(self.conf.broker_consumer, self)
