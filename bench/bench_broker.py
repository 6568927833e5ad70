"""A broker for a benchmark: CLAIMSTREAM_KAFKA_BOOTSTRAP if one answers there, otherwise a
local broker started in a temporary folder (jars from the checkout's .kafka/libs) and
stopped afterwards."""

import os
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from services.runtime import broker
from services.runtime.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def bench_broker() -> Iterator[str]:
    configured = os.environ.get("CLAIMSTREAM_KAFKA_BOOTSTRAP", "")
    if configured and broker.answers(configured, 3):
        yield configured
        return
    with tempfile.TemporaryDirectory(prefix="claimstream-bench-kafka-") as workdir:
        local = Settings(broker_dir=Path(workdir), broker_port=free_port(),
                         broker_controller_port=free_port())
        (Path(workdir) / "libs").symlink_to(broker.ensure_jars(Settings(broker_dir=REPO / ".kafka")))
        try:
            yield broker.start(local)
        finally:
            broker.stop(local)
