"""A real Kafka broker for the integration tests: configured, in Docker, or started locally."""

import asyncio
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.runtime import broker
from services.runtime.admin import BrokerUnavailable, create_topics, wait_for_broker
from services.runtime.settings import Settings
from services.runtime.topics import topic_specs

HERE = Path(__file__).parent
JAR_CACHE = Path(__file__).resolve().parents[2] / ".kafka"
KAFKA_IMAGE = "apache/kafka:3.9.1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.kafka)


def docker_has_kafka_image() -> bool:
    """Whether a Docker engine answers and already holds KAFKA_IMAGE. It is never pulled here:
    where no registry answers, a running engine alone must not take the local broker's place."""
    try:
        import docker

        docker.from_env(timeout=2).images.get(KAFKA_IMAGE)
        return True
    except Exception:
        return False


def free_ports(count: int) -> list[int]:
    """Distinct loopback ports that were free a moment ago."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def docker_broker() -> Iterator[str]:
    """apache/kafka in a container, configured like the local broker, on a fixed host port."""
    from testcontainers.core.container import DockerContainer

    [port] = free_ports(1)
    container = DockerContainer(KAFKA_IMAGE).with_bind_ports(9092, port)
    host = container.get_docker_client().host()
    for name, value in kraft_env(f"{host}:{port}").items():
        container.with_env(name, value)
    with container:
        try:
            asyncio.run(wait_for_broker(f"{host}:{port}", 90.0))
        except BrokerUnavailable as error:
            raise BrokerUnavailable(f"{error}\n{container.get_logs()}") from error
        yield f"{host}:{port}"


def kraft_env(advertised: str) -> dict[str, str]:
    return {
        "CLUSTER_ID": broker.new_cluster_id(),
        "KAFKA_NODE_ID": "1",
        "KAFKA_PROCESS_ROLES": "broker,controller",
        "KAFKA_LISTENERS": "PLAINTEXT://0.0.0.0:9092,CONTROLLER://localhost:9093",
        "KAFKA_ADVERTISED_LISTENERS": f"PLAINTEXT://{advertised}",
        "KAFKA_CONTROLLER_LISTENER_NAMES": "CONTROLLER",
        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "KAFKA_CONTROLLER_QUORUM_VOTERS": "1@localhost:9093",
        "KAFKA_AUTO_CREATE_TOPICS_ENABLE": "false",
        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR": "1",
        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR": "1",
        "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR": "1",
        "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS": "0",
    }


def local_broker(broker_dir: Path) -> Iterator[str]:
    """A broker started once for the session in `broker_dir`, on jars resolved once per checkout."""
    libs = broker.ensure_jars(Settings(broker_dir=JAR_CACHE))
    (broker_dir / "libs").symlink_to(libs.resolve(), target_is_directory=True)
    ports = free_ports(2)
    settings = Settings(
        broker_dir=broker_dir, broker_port=ports[0], broker_controller_port=ports[1]
    )
    try:
        yield broker.start(settings, wait_seconds=90)
    finally:
        broker.stop(settings)


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap address of a broker that answers; fails, never skips, when none can be had."""
    configured = os.environ.get("CLAIMSTREAM_KAFKA_BOOTSTRAP")
    if configured and broker.answers(configured, 5.0):
        yield configured
    elif docker_has_kafka_image():
        yield from docker_broker()
    else:
        yield from local_broker(tmp_path_factory.mktemp("kafka"))


@pytest.fixture
async def topics(kafka_bootstrap: str) -> list[str]:
    """Every claimstream topic exists on the broker; returns the names."""
    settings = Settings()
    specs = topic_specs(settings)
    await create_topics(kafka_bootstrap, specs, settings.replication_factor)
    return [spec.name for spec in specs]


@pytest.fixture(scope="session")
def running_stack(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """`claimstream up` against the session's broker: every stage, the seed replay, /metrics."""
    from stack import Stack

    stack = Stack(kafka_bootstrap, tmp_path_factory.mktemp("stack"))
    stack.start()
    try:
        yield stack
    finally:
        if stack.process is not None and stack.process.poll() is None:
            stack.stop()
