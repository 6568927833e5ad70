"""faust skips the records a stream holds across a rebalance and then acknowledges them; the
stages' consumer refuses those acknowledgements so the records are read again, not lost."""

import asyncio

import pytest
from faust.transport.drivers import aiokafka as driver
from faust.types.tuples import TP, ConsumerMessage

from services.app import create_app
from services.runtime.settings import Settings


@pytest.fixture
def app(tmp_path):
    settings = Settings(kafka_bootstrap="127.0.0.1:1", state_dir=tmp_path, metrics_port=0)
    app, _ = create_app(settings, ("claims",))
    app.finalize()
    app.consumer_generation_id = 7
    return app


def message(generation: int, offset: int = 5) -> ConsumerMessage:
    return ConsumerMessage("figures.extracted", 0, offset, 0.0, 0, [], b"k", b"v", None,
                           generation_id=generation)


def test_a_record_of_the_current_generation_goes_to_faust(app, monkeypatch):
    passed = []
    monkeypatch.setattr(driver.Consumer, "ack", lambda self, m: passed.append(m.offset) or True)
    app.flow_control.resume()
    assert app.consumer.ack(message(7)) is True
    assert passed == [5]


@pytest.mark.parametrize(
    ("generation", "flowing"), [(6, True), (7, False)],
    ids=["fetched-before-the-rebalance", "during-the-rebalance"],
)
def test_a_record_skipped_across_a_rebalance_is_not_acknowledged(app, generation, flowing):
    if flowing:
        app.flow_control.resume()
    else:
        app.flow_control.suspend()
    skipped = message(generation)
    assert app.consumer.ack(skipped) is False
    assert skipped.acked is False
    assert not app.consumer._acked.get(TP("figures.extracted", 0))  # noqa: SLF001


def acknowledge(app, *offsets: int) -> None:
    app.flow_control.resume()
    app.topics.acking_topics.add("figures.extracted")  # as the agent's subscription does
    for offset in offsets:
        assert app.consumer.ack(message(7, offset)) is True


TP0 = TP("figures.extracted", 0)


@pytest.mark.parametrize(
    ("committed", "first_read", "acked", "expected"),
    [
        (5, None, [6, 7], None),
        (5, None, [5, 6, 7], 8),
        (5, None, [5, 6, 8], 7),
        (None, 3, [4, 5], None),
        (None, 3, [3, 4], 5),
        (None, None, [0, 1], None),
        (5, None, [4, 5, 6], 7),
    ],
    ids=["one-record-unacknowledged", "all-acknowledged", "up-to-the-first-hole",
         "nothing-committed-first-record-unacknowledged", "nothing-committed-all-acknowledged",
         "nothing-read-since-the-seek", "an-older-record-acknowledged-again"],
)
def test_nothing_is_committed_past_a_record_not_acknowledged(app, committed, first_read, acked,
                                                             expected):
    consumer = app.consumer
    if first_read is not None:
        consumer.first_read[TP0] = first_read
    acknowledge(app, *acked)
    consumer._committed_offset[TP0] = committed  # noqa: SLF001 - as a commit in flight leaves it
    assert consumer._new_offset(TP0) == expected  # noqa: SLF001


@pytest.mark.parametrize("stage", ["dedupe", "extract", "claims"])
def test_a_stage_that_fails_stops_the_worker_rather_than_restarting_in_place(tmp_path, stage):
    from mode import CrashingSupervisor

    settings = Settings(kafka_bootstrap="127.0.0.1:1", state_dir=tmp_path, metrics_port=0)
    app, _ = create_app(settings, (stage,))
    assert app.agents[stage].supervisor_strategy is CrashingSupervisor


EARLIEST = {TP0: 0}  # the partition's earliest record left by retention


@pytest.fixture
def sought(app, monkeypatch) -> list[tuple[TP, int]]:
    """The seeks the consumer makes, instead of making them."""
    made: list[tuple[TP, int]] = []

    async def seek(tp, offset):
        made.append((tp, offset))

    async def earliest_offsets(*tps):
        return {tp: EARLIEST[tp] for tp in tps}

    monkeypatch.setattr(app.consumer, "seek", seek)
    monkeypatch.setattr(app.consumer, "earliest_offsets", earliest_offsets)
    return made


async def settled() -> None:
    for _ in range(3):
        await asyncio.sleep(0)


async def test_a_committed_record_never_read_after_a_seek_is_read_again(app, sought):
    app.consumer._committed_offset[TP0] = 5  # noqa: SLF001
    app.consumer.first_read[TP0] = 8  # the first record read since the seek
    acknowledge(app, 8, 9)
    assert app.consumer._new_offset(TP0) is None  # noqa: SLF001
    await settled()
    assert sought == [(TP0, 5)]


async def test_a_record_skipped_after_the_seek_is_read_again_once_per_skip(app, sought):
    consumer = app.consumer
    consumer._committed_offset[TP0] = 5  # noqa: SLF001
    consumer.first_read[TP0] = 5
    app.flow_control.suspend()  # a restore still running: the stream skips what it holds
    assert consumer.ack(message(7, 5)) is False
    acknowledge(app, 6, 7)
    assert consumer._new_offset(TP0) is None  # noqa: SLF001
    assert consumer._new_offset(TP0) is None  # noqa: SLF001 - read again, not yet acknowledged
    await settled()
    assert sought == [(TP0, 5)]
    app.flow_control.suspend()  # skipped once more: read again once more
    assert consumer.ack(message(7, 5)) is False
    app.flow_control.resume()
    assert consumer._new_offset(TP0) is None  # noqa: SLF001
    await settled()
    assert sought == [(TP0, 5), (TP0, 5)]


async def test_records_skipped_between_two_reads_are_not_committed_but_read_again(app, sought):
    consumer = app.consumer
    consumer._committed_offset[TP0] = 5  # noqa: SLF001
    acknowledge(app, 5)
    await consumer._add_gap(TP0, 6, 9)  # noqa: SLF001 - read 5, then 9: 6 to 8 never came
    acknowledge(app, 9, 10)
    assert consumer._new_offset(TP0) == 6  # noqa: SLF001
    consumer._committed_offset[TP0] = 6  # noqa: SLF001
    assert consumer._new_offset(TP0) is None  # noqa: SLF001
    await settled()
    assert sought == [(TP0, 6)]


async def test_records_deleted_by_retention_are_not_waited_for(app, sought, monkeypatch):
    consumer = app.consumer
    monkeypatch.setitem(EARLIEST, TP0, 7)  # 5 and 6 deleted before they were read
    consumer._committed_offset[TP0] = 5  # noqa: SLF001
    acknowledge(app, 7, 8)
    assert consumer._new_offset(TP0) is None  # noqa: SLF001
    await settled()
    assert sought == []
    assert consumer._new_offset(TP0) == 9  # noqa: SLF001
