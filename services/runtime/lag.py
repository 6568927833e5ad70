"""Consumer lag per topic and partition, read from the faust consumer on a timer."""

import faust

from services.runtime.metrics import CONSUMER_LAG


def record_lag(app: faust.App, stage: str) -> None:
    consumer = app.consumer
    for tp in consumer.assignment():
        if tp.topic.endswith("-changelog"):
            continue
        read = consumer._read_offset.get(tp)  # noqa: SLF001 - faust exposes no public getter
        end = consumer.highwater(tp)
        if end is None:
            continue
        behind = max(0, end - (read + 1 if read is not None else 0))
        CONSUMER_LAG.labels(stage, tp.topic, str(tp.partition)).set(behind)
