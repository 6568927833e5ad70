"""In-order acknowledgement: a record is acknowledged only after its outputs and then its
state are acknowledged by the broker, in arrival order; a stage whose acknowledgements
stopped does not go on."""

import asyncio

import pytest

from services.runtime.delivery import InOrder, Send


class Topic:
    """Hands out one future per record sent; the test settles them as the broker would."""

    def __init__(self, name: str, log: list) -> None:
        self.name, self.log = name, log
        self.pending: dict[str, asyncio.Future] = {}

    def get_topic_name(self) -> str:
        return self.name

    async def send(self, *, key, value, partition=None, **_) -> asyncio.Future:
        self.log.append(f"{self.name}:{key}")
        self.pending[key] = asyncio.get_running_loop().create_future()
        return self.pending[key]


class Event:
    def __init__(self, name: str, log: list) -> None:
        self.name, self.log = name, log

    def ack(self) -> None:
        self.log.append(f"ack:{self.name}")


async def settled() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_records_are_acknowledged_after_their_outputs_then_state_in_arrival_order():
    log: list[str] = []
    out, state = Topic("out", log), Topic("state", log)
    async with InOrder() as done:
        await done.add([Event("a", log)], [Send(out, "a", b"")], [Send(state, "a", b"")])
        await done.add([Event("b", log)], [Send(out, "b", b"")], [Send(state, "b", b"")])
        await settled()
        out.pending["b"].set_result(None)
        await settled()
        assert log == ["out:a", "out:b"]  # b's output is in, a's is not: nothing goes on
        out.pending["a"].set_result(None)
        await settled()
        assert log == ["out:a", "out:b", "state:a", "state:b"]
        state.pending["a"].set_result(None)
        state.pending["b"].set_result(None)
        await settled()
    assert log[4:] == ["ack:a", "ack:b"]


async def test_a_stage_whose_acknowledgements_stopped_does_not_go_on():
    log: list[str] = []
    out = Topic("out", log)
    async with InOrder() as done:
        await done.add([Event("a", log)], [Send(out, "a", b"")])
        await settled()
        out.pending["a"].set_exception(ValueError("not a broker error"))
        await settled()
        with pytest.raises(ValueError, match="not a broker error"):
            await done.add([Event("b", log)], [Send(out, "b", b"")])
    assert "ack:a" not in log and "out:b" not in log
