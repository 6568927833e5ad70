"""Topic creation and a produce/consume round trip on a real broker."""

import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from services.runtime.admin import TopicMismatch, admin_client, create_topics, partition_counts
from services.runtime.settings import Settings
from services.runtime.topics import ARTICLES_RAW, TopicSpec, topic_specs


async def topic_config(bootstrap: str, topic: str, name: str) -> str:
    async with admin_client(bootstrap) as admin:
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    [resource] = response.to_object()["resources"]
    entries = {entry["config_names"]: entry["config_value"] for entry in resource["config_entries"]}
    return entries[name]


async def test_every_topic_exists_with_its_partition_count(kafka_bootstrap: str, topics):
    async with admin_client(kafka_bootstrap) as admin:
        counts = await partition_counts(admin)
    for spec in topic_specs(Settings()):
        assert counts[spec.name] == spec.partitions, spec.name


async def test_compacted_topics_are_compacted_and_others_are_not(kafka_bootstrap: str, topics):
    for spec in topic_specs(Settings()):
        policy = await topic_config(kafka_bootstrap, spec.name, "cleanup.policy")
        assert policy == spec.config.get("cleanup.policy", "delete"), spec.name


async def test_creating_twice_creates_nothing_the_second_time(kafka_bootstrap: str):
    specs = [TopicSpec(f"test.idempotent.{uuid.uuid4().hex[:8]}", 3, {"retention.ms": "60000"})]
    assert await create_topics(kafka_bootstrap, specs) == [specs[0].name]
    assert await create_topics(kafka_bootstrap, specs) == []
    assert await topic_config(kafka_bootstrap, specs[0].name, "retention.ms") == "60000"


async def test_a_partition_count_differing_from_the_spec_is_an_error(kafka_bootstrap: str):
    name = f"test.mismatch.{uuid.uuid4().hex[:8]}"
    await create_topics(kafka_bootstrap, [TopicSpec(name, 2)])
    with pytest.raises(TopicMismatch, match="has 2 partitions, spec says 5"):
        await create_topics(kafka_bootstrap, [TopicSpec(name, 5)])


async def test_a_record_round_trips(kafka_bootstrap: str, topics):
    key, value = uuid.uuid4().hex.encode(), b'{"url": "https://example.org/a"}'
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        sent = await producer.send_and_wait(ARTICLES_RAW, value, key=key)
    finally:
        await producer.stop()
    consumer = AIOKafkaConsumer(bootstrap_servers=kafka_bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partition = TopicPartition(sent.topic, sent.partition)
        consumer.assign([partition])
        consumer.seek(partition, sent.offset)
        record = await consumer.getone()
    finally:
        await consumer.stop()
    assert (record.key, record.value, record.offset) == (key, value, sent.offset)
