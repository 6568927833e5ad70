"""What the fault-injection test drives: a local broker it may kill, `claimstream worker all`
as a subprocess it may kill, and readers for what came out (events, committed lag)."""

import asyncio
import os
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from services.runtime import broker
from services.runtime.admin import admin_client, partition_counts
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
    """`claimstream worker all` in its own process group, so SIGKILL takes its NLP process too,
    supervised like `restart: unless-stopped`: a worker that exits by itself is started again."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen | None = None
        self.started = 0.0
        self.exits = 0

    def supervise(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            self.exits += 1
            self.start()

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "worker", "all"], cwd=REPO, env=self.env,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        self.started = time.monotonic()

    def kill(self) -> None:
        assert self.process is not None
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


async def partitions(bootstrap: str, topics: tuple[str, ...]) -> list[TopicPartition]:
    async with admin_client(bootstrap) as admin:
        counts = await partition_counts(admin)
    return [TopicPartition(t, p) for t in topics for p in range(counts[t])]


async def read_records(bootstrap: str, *topics: str) -> list[ConsumerRecord]:
    """Every record of the topics (internal ones included) up to their current ends."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                exclude_internal_topics=False)
    await consumer.start()
    try:
        parts = await partitions(bootstrap, topics)
        consumer.assign(parts)
        await consumer.seek_to_beginning(*parts)
        ends = await consumer.end_offsets(parts)
        records: list[ConsumerRecord] = []
        while any([await consumer.position(tp) < end for tp, end in ends.items()]):
            for tp, batch in (await consumer.getmany(timeout_ms=1000)).items():
                records.extend(r for r in batch if r.offset < ends[tp])
        return records
    finally:
        await consumer.stop()


async def read_all(bootstrap: str, *topics: str) -> list[tuple[str, bytes]]:
    """Every record of the topics up to their current ends, as (topic, value)."""
    return [(r.topic, r.value) for r in await read_records(bootstrap, *topics)]


def text(data: bytes, at: int) -> tuple[str, int]:
    (size,) = struct.unpack_from(">h", data, at)
    return data[at + 2 : at + 2 + size].decode(), at + 2 + size


def offset_commit(record: ConsumerRecord, group: str) -> tuple[int, str, int, int] | None:
    """A `__consumer_offsets` record read as (time in ms, topic, partition, committed offset)
    when it is one of `group`'s offset commits (key versions 0 and 1; value starts with its
    version and the offset in every version)."""
    if record.key is None or record.value is None:
        return None
    (version,) = struct.unpack_from(">h", record.key)
    if version > 1:
        return None
    name, at = text(record.key, 2)
    topic, at = text(record.key, at)
    (partition,) = struct.unpack_from(">i", record.key, at)
    (offset,) = struct.unpack_from(">q", record.value, 2)
    return (record.timestamp, topic, partition, offset) if name == group else None


async def commits(bootstrap: str, group: str = APP_ID) -> list[tuple[int, str, int, int]]:
    """The group's offset commits in the order the broker took them."""
    found = [offset_commit(r, group) for r in await read_records(bootstrap, "__consumer_offsets")]
    return sorted(c for c in found if c is not None)


async def committed(bootstrap: str, group: str = APP_ID) -> dict[str, tuple[int, int]]:
    """Per input topic: (records committed, records not yet committed) by the group."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        ends = await consumer.end_offsets(await partitions(bootstrap, INPUTS))
        done = {tp: await consumer.committed(tp) or 0 for tp in ends}
    finally:
        await consumer.stop()
    return {topic: (sum(done[tp] for tp in ends if tp.topic == topic),
                    sum(max(0, end - done[tp]) for tp, end in ends.items() if tp.topic == topic))
            for topic in INPUTS}


def poll_committed(bootstrap: str) -> dict[str, tuple[int, int]] | str:
    try:
        return asyncio.run(committed(bootstrap))
    except (Exception, asyncio.CancelledError) as exc:  # the broker may be coming back
        return repr(exc)


def wait_for_committed(worker: Worker, bootstrap: str, topic: str, records: int,
                       timeout: float) -> None:
    """Until the group has committed `records` records of `topic` (or `timeout` s pass)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        worker.supervise()
        state = poll_committed(bootstrap)
        if not isinstance(state, str) and state[topic][0] >= records:
            return
        time.sleep(0.5)


def wait_for_lag_zero(worker: Worker, bootstrap: str, timeout: float) -> float:
    """Seconds until the group's committed lag is 0; raises after `timeout`."""
    start = time.monotonic()
    state: dict[str, tuple[int, int]] | str = "unknown"
    while time.monotonic() - start < timeout:
        worker.supervise()
        state = poll_committed(bootstrap)
        if not isinstance(state, str) and all(behind == 0 for _, behind in state.values()):
            return time.monotonic() - start
        time.sleep(1.0)
    raise TimeoutError(f"committed, not committed: {state} after {timeout}s")


def early_commits(commits: list[tuple[int, str, int, int]],
                  inputs: dict[tuple[str, int], list[tuple[int, str]]],
                  first_output: dict[str, int]) -> list[str]:
    """Input records committed before the first output they caused was written: `inputs`
    holds per partition (offset, what the record's outputs are found by), `first_output`
    when each was first written (inputs with no output are not judged)."""
    early = []
    for at, topic, partition, upto in commits:
        for offset, name in inputs.get((topic, partition), []):
            written = first_output.get(name)
            if offset < upto and written is not None and written > at:
                early.append(f"{topic}/{partition}@{offset} ({name}) committed at {at}, "
                             f"its output written at {written}")
    return early
