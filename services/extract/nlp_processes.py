"""The extract stage's NLP processes, seen from the event loop.

Each is a one-process pool that loads the model once and reads one warm-up article before
its first batch, so no budget is spent loading. A batch that overruns its budget has its
process killed; the next batch starts a new one. The articles of a batch are shared out
among the processes, so every core reads while the loop stays free for heartbeats.
"""

import asyncio
import contextlib
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from schemas import Figure, UniqueArticle
from services.extract.batch import extract_isolated, load_worker_nlp, shares

Result = list[Figure] | str
# Read once by each new NLP process: its first article pays for lazy loading, outside any budget.
# It names a place, an incident and a claimant, so the gazetteers and rules load here too (a
# figure without a place left 17 s of loading to the first real article after each restart).
WARM_UP_ARTICLE = UniqueArticle(
    url="urn:claimstream:warm-up", title="Flood in Lahore", content_hash="",
    text="At least 3 people were killed in the flood in Lahore, Pakistan, the health ministry "
         "said on Monday. About 12 people were injured, police said.",
)
DIED = "extract: the NLP process died on this batch"


def nlp_pool(model: str, processes: int = 1) -> ProcessPoolExecutor:
    """Processes that each load the model once (spawned: no copy of the parent's threads)."""
    return ProcessPoolExecutor(
        max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
        initializer=load_worker_nlp, initargs=(model,),
    )


class NlpProcess:
    def __init__(self, model: str) -> None:
        self.model = model
        self.executor: ProcessPoolExecutor | None = None
        self.warming: Future | None = None
        self.starting = asyncio.Lock()
        # One batch at a time: a batch's budget starts when the process starts reading it,
        # not while it waits behind the batch before.
        self.reading = asyncio.Lock()

    def start(self) -> None:
        if self.executor is None:
            self.executor = nlp_pool(self.model)
            self.warming = self.executor.submit(extract_isolated, [WARM_UP_ARTICLE])

    async def ready(self) -> ProcessPoolExecutor:
        """The process, started with its model loaded."""
        async with self.starting:
            self.start()
            if self.warming is not None:
                warming, self.warming = self.warming, None
                with contextlib.suppress(BrokenProcessPool):  # the batch will find out
                    await asyncio.wrap_future(warming)
            assert self.executor is not None
            return self.executor

    def stop(self, executor: ProcessPoolExecutor) -> None:
        for process in list(executor._processes.values()):  # noqa: SLF001 - no public handle
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)
        if self.executor is executor:
            self.executor = None

    async def read(self, articles: list[UniqueArticle], seconds: float) -> list[Result]:
        """Figures per article within `seconds`; TimeoutError past them (the process is gone)."""
        async with self.reading:
            executor = await self.ready()
            try:
                async with asyncio.timeout(seconds):
                    return await asyncio.get_running_loop().run_in_executor(
                        executor, extract_isolated, articles
                    )
            except BrokenProcessPool:
                self.stop(executor)
                return [DIED] * len(articles)
            except TimeoutError:
                self.stop(executor)
                raise


class NlpProcesses:
    """`count` NLP processes; a batch's articles are shared out among them."""

    def __init__(self, model: str, count: int, seconds_per_article: float) -> None:
        self.processes = [NlpProcess(model) for _ in range(count)]
        self.budget = seconds_per_article

    def start(self) -> None:
        for process in self.processes:
            process.start()

    async def read(self, articles: list[UniqueArticle]) -> list[Result]:
        parts = shares(articles, len(self.processes))
        # fewer parts than processes when the batch is small: zip stops at the last part, and
        # the processes not reading a batch already take them (a lone article goes to an idle one)
        idle_first = sorted(self.processes, key=lambda p: p.reading.locked())
        reads = [self.within_budget(p, part) for p, part in zip(idle_first, parts, strict=False)]
        done = await asyncio.gather(*reads)
        return [result for part in done for result in part]

    async def within_budget(self, process: NlpProcess, articles: list[UniqueArticle]) -> list[Result]:
        """Figures per article, or why an article could not be read; after an overrun the
        articles are tried one at a time, so only the one that overruns is lost."""
        if not articles:
            return []
        try:
            return await process.read(articles, self.budget * len(articles))
        except TimeoutError:
            if len(articles) == 1:
                return [f"extract: NLP took longer than its budget of {self.budget:g}s"]
        return [result for article in articles for result in await self.within_budget(process, [article])]
