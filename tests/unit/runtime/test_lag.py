"""Lag comes from the committed offset, not from how far the consumer has read."""

from types import SimpleNamespace

from faust.types import TP

from services.runtime.lag import record_lag
from services.runtime.metrics import CONSUMER_COMMITTED, CONSUMER_LAG


class Consumer:
    def __init__(self, committed, read, ends):
        self._committed_offset, self._read_offset, self.ends = committed, read, ends

    def assignment(self):
        return set(self.ends)

    def highwater(self, tp):
        return self.ends[tp]


def test_a_partition_read_to_the_end_but_committed_at_42_is_55_behind():
    stuck, moving = TP("articles.unique", 0), TP("articles.unique", 1)
    consumer = Consumer({stuck: 42, moving: 97}, {stuck: 96, moving: 96}, {stuck: 97, moving: 97})
    app = SimpleNamespace(consumer=consumer, conf=SimpleNamespace(id="claimstream-lagtest"))
    record_lag(app, "lagtest")
    labels = ("lagtest", "claimstream-lagtest", "articles.unique")
    assert CONSUMER_LAG.labels(*labels, "0")._value.get() == 55
    assert CONSUMER_LAG.labels(*labels, "1")._value.get() == 0
    assert CONSUMER_COMMITTED.labels(*labels, "0")._value.get() == 42


def test_partitions_taken_away_by_a_rebalance_are_no_longer_reported():
    kept, lost = TP("figures.extracted", 0), TP("figures.extracted", 1)
    app = SimpleNamespace(
        consumer=Consumer({kept: 1, lost: 1}, {}, {kept: 5, lost: 5}),
        conf=SimpleNamespace(id="g"),
    )
    record_lag(app, "rebalance")
    app.consumer.ends.pop(lost)
    record_lag(app, "rebalance")
    reported = {s.labels["partition"] for m in CONSUMER_LAG.collect() for s in m.samples
                if s.labels["stage"] == "rebalance"}
    assert reported == {"0"}
