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
from services.app import StageOutput, Topics
from services.claims.in_article import resolve_in_article
from services.extract.batch import extract_isolated, load_worker_nlp
from services.extract.intake import clipped
from services.runtime import topics as t
from services.runtime.deadletter import reason_of
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
WARM_UP_ARTICLE = UniqueArticle(
    url="urn:claimstream:warm-up", text="At least 3 people were hurt, police said.", content_hash=""
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
    starting = asyncio.Lock()

    async def loaded_pool() -> ProcessPoolExecutor:
        """The NLP process, started with its model loaded so no budget is spent loading it."""
        async with starting:
            if not pool:
                pool.append(new_pool())
                with contextlib.suppress(BrokenProcessPool):  # the batch will find out
                    await asyncio.get_running_loop().run_in_executor(
                        pool[0], extract_isolated, [WARM_UP_ARTICLE]
                    )
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

    async def publish(event: faust.EventT, figures: list[Figure]) -> None:
        """Every figure of the article, or, when one is too large to send, a dead letter."""
        resolved = resolve_in_article(figures)
        records = [(figure.claim_key.encode(), encode(figure)) for figure in resolved]
        for key, value in records:
            if refusal := output.refusal("figure", key, value):
                return await output.dead(event, refusal)
        ARTICLES_EXTRACTED.inc()
        for figure, (key, value) in zip(resolved, records, strict=True):
            FIGURES.labels(figure.unit).inc()
            await topics.figures.send(key=key, value=value)

    def bounded(article: UniqueArticle) -> UniqueArticle:
        if (cut := clipped(article, settings.max_article_chars)) is None:
            return article
        ARTICLES_TRUNCATED.labels(STAGE).inc()
        return cut

    @app.agent(topics.unique, name=STAGE)
    async def extract(stream: faust.StreamT) -> None:
        batches = stream.take_events(settings.nlp_batch_size, within=settings.nlp_batch_seconds)
        async for events in batches:
            started = time.perf_counter()
            articles, good = [], []
            for event in events:
                try:
                    articles.append(bounded(UniqueArticle.model_validate_json(event.value)))
                    good.append(event)
                except Exception as exc:
                    await output.dead(event, reason_of(exc))
            NLP_BATCH_SIZE.observe(len(articles))
            for event, result in zip(good, await run_nlp(articles), strict=True):
                if isinstance(result, str):
                    await output.dead(event, result)
                else:
                    await publish(event, result)
            STAGE_SECONDS.labels(STAGE).observe((time.perf_counter() - started) / max(1, len(events)))
            LAST_PROCESSED.labels(STAGE).set_to_current_time()

    @app.task
    async def warm_up() -> None:
        """Load the model in the pool before the first batch arrives."""
        await loaded_pool()
