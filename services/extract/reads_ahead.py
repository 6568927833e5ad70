"""Batches read while earlier ones are still being read, finished in the order they came.

Each NLP process takes its share of the next batch as soon as it is done with its share of
the one before, instead of waiting for the other processes to finish theirs (articles differ
in length, so one always finishes first). What a batch causes is still sent, and its records
acknowledged, in input order: its `finish` step runs one batch at a time, oldest first.
"""

from collections.abc import Coroutine
from types import TracebackType
from typing import Any

from services.runtime.delivery import Behind

Step = Coroutine[Any, Any, None]


class ReadsAhead(Behind[Step]):
    """`async with ReadsAhead(limit) as ahead:` around a stream loop; `await ahead.add(step)`
    queues a coroutine that is run after every one queued before it. At most `limit` wait
    behind the one running; a full queue makes the loop wait."""

    async def add(self, step: Step) -> None:
        """Raises what stopped an earlier step, if one failed: the stage must not go on."""
        try:
            if self.stopped():
                raise RuntimeError("extract: finishing batches stopped")
            await self.put(step)
        except BaseException:
            step.close()  # never run
            raise

    async def __aexit__(self, kind: type | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        await super().__aexit__(kind, exc, tb)
        while not self.queue.empty():  # steps that will never run
            self.queue.get_nowait().close()

    async def work(self) -> None:
        while True:
            await (await self.queue.get())
