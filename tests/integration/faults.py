"""What the fault-injection test drives: a local broker it may kill, `claimstream worker all`
as a subprocess it may kill, and readers for what came out (events, committed lag)."""

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.runtime import broker
from services.runtime.admin import admin_client
from services.runtime.settings import Settings
from services.runtime.topics import APP_ID, ARTICLES_RAW, ARTICLES_UNIQUE, FIGURES_EXTRACTED

REPO = Path(__file__).resolve().parents[2]
INPUTS = (ARTICLES_RAW, ARTICLES_UNIQUE, FIGURES_EXTRACTED)


class Broker:
    """The test's own local broker: SIGKILLed and started again on the same data."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.bootstrap = broker.local_bootstrap(settings)

    def start(self) -> str:
        return broker.start(self.settings, wait_seconds=90)

    def kill(self) -> None:
        pid = broker.running_pid(self.settings)
        assert pid is not None, "the broker is not running"
        broker.signal_and_wait(pid, signal.SIGKILL, 10.0)

    def stop(self) -> None:
        broker.stop(self.settings)


class Worker:
    """`claimstream worker all` in its own process group, so SIGKILL takes its NLP process too."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen | None = None
        self.started = 0.0

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "worker", "all"], cwd=REPO, env=self.env,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        self.started = time.monotonic()

    def kill(self) -> None:
        assert self.process is not None and self.process.poll() is None, self.log.read_text()[-3000:]
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


async def read_all(bootstrap: str, *topics: str) -> list[tuple[str, bytes]]:
    """Every record of the topics up to their current ends, as (topic, value)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        parts = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
        consumer.assign(parts)
        await consumer.seek_to_beginning(*parts)
        ends = await consumer.end_offsets(parts)
        records: list[tuple[str, bytes]] = []
        while any(await consumer.position(tp) < end for tp, end in ends.items()):
            for tp, batch in (await consumer.getmany(timeout_ms=1000)).items():
                records.extend((tp.topic, r.value) for r in batch if r.offset < ends[tp])
        return records
    finally:
        await consumer.stop()


async def committed_lag(bootstrap: str, group: str = APP_ID) -> int:
    """Records of the stages' input topics not yet committed by the consumer group."""
    async with admin_client(bootstrap) as admin:
        committed = await admin.list_consumer_group_offsets(group)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        parts = [TopicPartition(t, p) for t in INPUTS for p in consumer.partitions_for_topic(t) or ()]
        ends = await consumer.end_offsets(parts)
    finally:
        await consumer.stop()
    done = {tp: meta.offset for tp, meta in committed.items()}
    return sum(max(0, end - done.get(tp, 0)) for tp, end in ends.items())


def wait_for_lag_zero(bootstrap: str, timeout: float) -> float:
    """Seconds until the group's committed lag is 0; raises after `timeout`."""
    start = time.monotonic()
    lag = -1
    while time.monotonic() - start < timeout:
        try:
            lag = asyncio.run(committed_lag(bootstrap))
        except (Exception, asyncio.CancelledError):  # the broker may still be coming back
            lag = -1
        if lag == 0:
            return time.monotonic() - start
        time.sleep(1.0)
    raise TimeoutError(f"committed lag still {lag} after {timeout}s")
