"""Consumer lag per topic and partition, read from the faust consumer on a timer."""

import faust

from services.runtime.metrics import CONSUMER_LAG

_reported: dict[str, set[tuple[str, str]]] = {}


def record_lag(app: faust.App, stage: str) -> None:
    """Set lag for the partitions this worker holds; drop those a rebalance took away."""
    consumer = app.consumer
    now: set[tuple[str, str]] = set()
    for tp in consumer.assignment():
        if tp.topic.endswith("-changelog"):
            continue
        read = consumer._read_offset.get(tp)  # noqa: SLF001 - faust exposes no public getter
        end = consumer.highwater(tp)
        if end is None:
            continue
        behind = max(0, end - (read + 1 if read is not None else 0))
        CONSUMER_LAG.labels(stage, tp.topic, str(tp.partition)).set(behind)
        now.add((tp.topic, str(tp.partition)))
    for topic, partition in _reported.get(stage, set()) - now:
        CONSUMER_LAG.remove(stage, topic, partition)
    _reported[stage] = now
