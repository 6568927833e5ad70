"""faust wiring for extract: articles.unique -> figures.extracted, NLP off the event loop.

Articles are taken in batches and run through spaCy in a one-process pool that loads the
model once, so heartbeats and rebalances keep running while the model works. An article is
cut to `max_article_chars` first, and a batch gets `nlp_seconds_per_article` per article:
past that the process is stopped, the batch's articles are tried one at a time, and the one
that overruns its own budget is dead-lettered.
"""

import asyncio
import contextlib
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import faust

from schemas import Figure, UniqueArticle
from services.app import StageOutput, Topics, stage_agent
from services.claims.in_article import resolve_in_article
from services.extract.batch import extract_isolated, load_worker_nlp
from services.extract.intake import clipped
from services.runtime import topics as t
from services.runtime.deadletter import reason_of
from services.runtime.delivery import InOrder, Send
from services.runtime.metrics import (
    ARTICLES_EXTRACTED,
    ARTICLES_TRUNCATED,
    FIGURES,
    LAST_PROCESSED,
    NLP_BATCH_SIZE,
    STAGE_SECONDS,
)
from services.runtime.settings import Settings
from services.runtime.topics import encode

STAGE = "extract"
# Read once by each new NLP process: its first article pays for lazy loading, outside any budget.
# It names a place, an incident and a claimant, so the gazetteers and rules load here too (a
# figure without a place left 17 s of loading to the first real article after each restart).
WARM_UP_ARTICLE = UniqueArticle(
    url="urn:claimstream:warm-up", title="Flood in Lahore", content_hash="",
    text="At least 3 people were killed in the flood in Lahore, Pakistan, the health ministry "
         "said on Monday. About 12 people were injured, police said.",
)
Result = list[Figure] | str


def register(app: faust.App, settings: Settings, topics: Topics) -> None:
    output = StageOutput(topics, settings, STAGE, t.ARTICLES_UNIQUE)
    budget = settings.nlp_seconds_per_article

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=load_worker_nlp, initargs=(settings.spacy_model,),
        )

    pool: list[ProcessPoolExecutor] = []
    warming: list = []  # the warm-up of a new NLP process, awaited before its first batch
    starting = asyncio.Lock()

    def start_pool() -> None:
        pool.append(new_pool())
        warming.append(pool[0].submit(extract_isolated, [WARM_UP_ARTICLE]))

    async def loaded_pool() -> ProcessPoolExecutor:
        """The NLP process, started with its model loaded so no budget is spent loading it."""
        async with starting:
            if not pool:
                start_pool()
            while warming:
                with contextlib.suppress(BrokenProcessPool):  # the batch will find out
                    await asyncio.wrap_future(warming.pop())
            return pool[0]

    def stop_pool(executor: ProcessPoolExecutor) -> None:
        for process in list(executor._processes.values()):  # noqa: SLF001 - no public handle
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)
        if executor in pool:
            pool.remove(executor)

    async def in_pool(articles: list[UniqueArticle]) -> list[Result]:
        """Figures per article in the NLP process, within the batch's time budget."""
        executor = await loaded_pool()
        try:
            async with asyncio.timeout(budget * len(articles)):
                return await asyncio.get_running_loop().run_in_executor(
                    executor, extract_isolated, articles
                )
        except BrokenProcessPool:
            stop_pool(executor)
            return ["extract: the NLP process died on this batch"] * len(articles)
        except TimeoutError:
            stop_pool(executor)
            raise

    async def run_nlp(articles: list[UniqueArticle]) -> list[Result]:
        """Figures per article, or why an article could not be read; after an overrun the
        articles are tried one at a time, so only the one that overruns is lost."""
        if not articles:
            return []
        try:
            return await in_pool(articles)
        except TimeoutError:
            if len(articles) == 1:
                return [f"extract: NLP took longer than its budget of {budget:g}s"]
        return [result for article in articles for result in await run_nlp([article])]

    def figure_sends(event: faust.EventT, figures: list[Figure]) -> list[Send]:
        """Every figure of the article, or, when one is too large to send, a dead letter."""
        resolved = resolve_in_article(figures)
        records = [(figure.claim_key.encode(), encode(figure)) for figure in resolved]
        for key, value in records:
            if refusal := output.refusal("figure", key, value):
                return [output.dead_send(event, refusal)]
        ARTICLES_EXTRACTED.inc()
        for figure in resolved:
            FIGURES.labels(figure.unit).inc()
        return [Send(topics.figures, key, value) for key, value in records]

    def bounded(article: UniqueArticle) -> UniqueArticle:
        if (cut := clipped(article, settings.max_article_chars)) is None:
            return article
        ARTICLES_TRUNCATED.labels(STAGE).inc()
        return cut

    @stage_agent(app, topics.unique, STAGE)
    async def extract(stream: faust.StreamT) -> None:
        # A batch is acknowledged once every figure and dead letter it caused is, while the
        # next batch is already in the NLP process.
        batches = stream.noack_take(settings.nlp_batch_size, within=settings.nlp_batch_seconds)
        async with InOrder() as done:
            async for events in batches:
                started = time.perf_counter()
                articles, good, sends = [], [], []
                for event in events:
                    try:
                        articles.append(bounded(UniqueArticle.model_validate_json(event.value)))
                        good.append(event)
                    except Exception as exc:
                        sends.append(output.dead_send(event, reason_of(exc)))
                NLP_BATCH_SIZE.observe(len(articles))
                for event, result in zip(good, await run_nlp(articles), strict=True):
                    if isinstance(result, str):
                        sends.append(output.dead_send(event, result))
                    else:
                        sends.extend(figure_sends(event, result))
                await done.add(events, sends)
                STAGE_SECONDS.labels(STAGE).observe((time.perf_counter() - started) / max(1, len(events)))
                LAST_PROCESSED.labels(STAGE).set_to_current_time()

    def warm_up() -> None:
        """Load the model, and what the first article loads, while the worker restores its
        tables; the first batch waits for it before its budget starts."""
        if not pool:
            start_pool()

    app.before_recovery.append(warm_up)  # type: ignore[attr-defined]
