import asyncio

import pytest

from services.extract.reads_ahead import ReadsAhead


async def test_a_batch_read_ahead_is_finished_after_the_one_before_it():
    """The second read ends first; what they cause is still done in the order they came."""
    first_read, second_read = asyncio.Event(), asyncio.Event()
    finished: list[str] = []

    async def finish(name: str, read: asyncio.Event) -> None:
        await read.wait()
        finished.append(name)

    async with ReadsAhead(1) as ahead:
        await ahead.add(finish("first", first_read))
        await ahead.add(finish("second", second_read))
        second_read.set()
        await asyncio.sleep(0.01)
        assert finished == []
        first_read.set()
        await asyncio.sleep(0.01)
    assert finished == ["first", "second"]


async def test_the_loop_waits_once_the_limit_of_batches_is_in_flight():
    release = asyncio.Event()

    async def finish() -> None:
        await release.wait()

    async with ReadsAhead(1) as ahead:
        await ahead.add(finish())  # being finished
        await ahead.add(finish())  # waiting behind it
        third = asyncio.ensure_future(ahead.add(finish()))
        await asyncio.sleep(0.01)
        assert not third.done()
        release.set()
        await asyncio.wait_for(third, 1)


async def test_a_batch_that_failed_stops_the_stage_at_the_next_one():
    async def broken() -> None:
        raise ValueError("figures lost")

    async def fine() -> None:
        return None

    async with ReadsAhead(1) as ahead:
        await ahead.add(broken())
        await asyncio.sleep(0.01)
        with pytest.raises(ValueError, match="figures lost"):
            await ahead.add(fine())


async def test_a_batch_that_fails_while_the_loop_waits_on_a_full_queue_stops_it():
    """The loop is waiting for room behind two batches when the first one fails: it is told,
    instead of waiting for ever for room that will never come."""
    fail = asyncio.Event()

    async def broken() -> None:
        await fail.wait()
        raise ValueError("figures lost")

    async def fine() -> None:
        return None

    async with ReadsAhead(1) as ahead:
        await ahead.add(broken())  # being finished
        await ahead.add(fine())  # waiting behind it: the queue is full
        third = asyncio.ensure_future(ahead.add(fine()))
        await asyncio.sleep(0.01)
        assert not third.done()
        fail.set()
        with pytest.raises(ValueError, match="figures lost"):
            await asyncio.wait_for(third, 1)
