"""Consumer lag per group, topic and partition, from the committed offsets, on a timer.

Lag is the log end minus the group's committed offset (not the read position), so a
partition whose records are read but never committed past shows as behind; the committed
offset is exported too, and an alert fires on a partition with lag whose offset stays put."""

import faust

from services.runtime.metrics import CONSUMER_COMMITTED, CONSUMER_LAG

_reported: dict[str, set[tuple[str, str, str]]] = {}


def record_lag(app: faust.App, stage: str) -> None:
    """Set lag for the partitions this worker holds; drop those a rebalance took away."""
    consumer = app.consumer
    group = app.conf.id
    now: set[tuple[str, str, str]] = set()
    for tp in consumer.assignment():
        if tp.topic.endswith("-changelog"):
            continue
        end = consumer.highwater(tp)
        if end is None:
            continue
        committed = consumer._committed_offset.get(tp) or 0  # noqa: SLF001 - no public getter
        labels = (group, tp.topic, str(tp.partition))
        CONSUMER_LAG.labels(stage, *labels).set(lag(end, committed))
        CONSUMER_COMMITTED.labels(stage, *labels).set(committed)
        now.add(labels)
    for labels in _reported.get(stage, set()) - now:
        CONSUMER_LAG.remove(stage, *labels)
        CONSUMER_COMMITTED.remove(stage, *labels)
    _reported[stage] = now


def lag(end: int, committed: int) -> int:
    """Records behind: the log end offset (next to be written) minus the committed offset
    (next to be read by the group)."""
    return max(0, end - committed)
