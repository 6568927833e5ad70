"""Batches read while earlier ones are still being read, finished in the order they came.

Each NLP process takes its share of the next batch as soon as it is done with its share of
the one before, instead of waiting for the other processes to finish theirs (articles differ
in length, so one always finishes first). What a batch causes is still sent, and its records
acknowledged, in input order: `finish` runs one batch at a time, oldest first.
"""

import asyncio
from collections.abc import Coroutine
from types import TracebackType
from typing import Any


class ReadsAhead:
    """`async with ReadsAhead(limit) as ahead:` around a stream loop; `await ahead.add(step)`
    queues a coroutine that is run after every one queued before it. At most `limit` wait
    behind the one running; a full queue makes the loop wait."""

    def __init__(self, limit: int) -> None:
        self.queue: asyncio.Queue[Coroutine[Any, Any, None]] = asyncio.Queue(limit)
        self.worker: asyncio.Task | None = None

    async def __aenter__(self) -> "ReadsAhead":
        self.worker = asyncio.ensure_future(self.finish())
        return self

    async def __aexit__(self, kind: type | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self.worker is not None:
            self.worker.cancel()

    async def add(self, step: Coroutine[Any, Any, None]) -> None:
        """Raises what stopped an earlier step, if one failed: the stage must not go on."""
        if self.worker is not None and self.worker.done():
            step.close()
            self.worker.result()
            raise RuntimeError("extract: finishing batches stopped")
        await self.queue.put(step)

    async def finish(self) -> None:
        while True:
            await (await self.queue.get())
