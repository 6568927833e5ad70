"""Topic creation and broker readiness, through aiokafka's admin client."""

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from services.runtime.topics import TopicSpec

TOPIC_ALREADY_EXISTS = 36


class TopicMismatch(RuntimeError):
    """An existing topic differs from its spec in a way that cannot be fixed in place."""


class BrokerUnavailable(RuntimeError):
    """No Kafka broker answered in time."""


@contextlib.asynccontextmanager
async def admin_client(bootstrap: str, timeout: float = 30.0) -> AsyncIterator[AIOKafkaAdminClient]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        yield admin
    finally:
        await admin.close()


async def broker_answers(bootstrap: str, timeout: float = 3.0) -> bool:
    """Whether a broker at `bootstrap` answers a metadata request within `timeout` seconds."""
    quiet = logging.getLogger("aiokafka")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        async with admin_client(bootstrap, timeout) as admin:
            await asyncio.wait_for(admin.list_topics(), timeout)
        return True
    except Exception:
        return False
    finally:
        quiet.setLevel(level)


async def wait_for_broker(bootstrap: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not await broker_answers(bootstrap, min(3.0, max(timeout, 0.1))):
        if time.monotonic() >= deadline:
            raise BrokerUnavailable(f"kafka: no broker answered at {bootstrap} within {timeout}s")
        await asyncio.sleep(0.5)


def partition_mismatches(specs: list[TopicSpec], existing: dict[str, int]) -> list[str]:
    """One line per existing topic whose partition count differs from its spec."""
    return [
        f"{spec.name}: has {existing[spec.name]} partitions, spec says {spec.partitions}"
        for spec in specs
        if spec.name in existing and existing[spec.name] != spec.partitions
    ]


def missing(specs: list[TopicSpec], existing: dict[str, int]) -> list[TopicSpec]:
    return [spec for spec in specs if spec.name not in existing]


async def partition_counts(admin: AIOKafkaAdminClient) -> dict[str, int]:
    topics = await admin.describe_topics()
    return {topic["topic"]: len(topic["partitions"]) for topic in topics}


async def visible_counts(
    admin: AIOKafkaAdminClient, names: list[str], timeout: float = 15.0
) -> dict[str, int]:
    """Partition counts once the broker's metadata shows every topic in `names`."""
    deadline = time.monotonic() + timeout
    counts = await partition_counts(admin)
    while not set(names) <= counts.keys() and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        counts = await partition_counts(admin)
    return counts


def created_names(response: object) -> list[str]:
    """Topic names the broker created; an already existing topic is not an error."""
    created, failures = [], []
    for name, code, *rest in response.topic_errors:  # type: ignore[attr-defined]
        if code == 0:
            created.append(name)
        elif code != TOPIC_ALREADY_EXISTS:
            failures.append(f"{name}: error {code} {rest[0] if rest else ''}".rstrip())
    if failures:
        raise RuntimeError("kafka: topic creation failed: " + "; ".join(failures))
    return created


async def create_topics(
    bootstrap: str, specs: list[TopicSpec], replication_factor: int = 1
) -> list[str]:
    """Creates every missing topic; returns the names created. Safe to run twice."""
    async with admin_client(bootstrap) as admin:
        existing = await partition_counts(admin)
        new = [
            NewTopic(spec.name, spec.partitions, replication_factor, topic_configs=spec.config)
            for spec in missing(specs, existing)
        ]
        created = created_names(await admin.create_topics(new)) if new else []
        mismatches = partition_mismatches(specs, await visible_counts(admin, created))
    if mismatches:
        raise TopicMismatch("kafka: topics differ from their specs: " + "; ".join(mismatches))
    return created
